"""A consultation from an *inbreng* (the committee's questions) in any readable format.

Numbered inbreng ("Vraag 1" …) goes through kamerqa's own parsers. Unnumbered inbreng — faction
headings followed by paragraphs — is split here: per faction the first paragraph without a
question mark is the intro; every paragraph with a question mark ends a question (paragraphs of
context before it belong to it); questions are numbered continuously across factions.
"""

from __future__ import annotations

import hashlib
import re

from kamerqa.drafting.convert import MARKER
from kamerqa.drafting.models import (
    ConsultationContent,
    DraftAnswer,
    DraftFootnote,
    DraftQuestion,
)
from kamerqa.errors import KamerqaInputError
from kamerqa.model import Document, Footnote, Party, Source
from kamerqa.parse import parse_read_result
from kamerqa.parse.numbering import match_question_heading
from kamerqa.parse.parties import normalise_party
from kamerqa.readers import Block, ReadResult, read_bytes
from kamerqa.render.layout import footnote_offset

_FACTION = re.compile(
    r"^(?:vragen en opmerkingen van de leden van de|inbreng van de|vragen van de leden van de)"
    r"\s+(.+?)[- ]fractie\b",
    re.I,
)
_COMMITTEE = re.compile(r"\b((?:vaste|algemene) commissie voor [^,.;]+?)(?= over | voor |[,.;]|$)")


def _with_markers(text: str, note_ids: list[str]) -> str:
    """Draft text keeps footnote markers inline; without a known place they go at the end."""
    return text + "".join(f"[^{n}]" for n in note_ids if f"[^{n}]" not in text)


def _placed(text: str, notes: list[Footnote]) -> str:
    """Markers at their recorded offsets (when the model records them), the rest at the end."""
    placed = [(footnote_offset(n), i, n.id) for i, n in enumerate(notes)]
    for offset, _, note_id in sorted((p for p in placed if p[0] is not None), reverse=True):
        assert offset is not None
        at = min(max(offset, 0), len(text))
        text = text[:at] + f"[^{note_id}]" + text[at:]
    return _with_markers(text, [n.id for n in notes])


def from_document(document: Document) -> ConsultationContent:
    """Draft content from a parsed document (answers, if any, become draft answers)."""
    notes_in: dict[str, list[Footnote]] = {}
    for note in document.footnotes:
        notes_in.setdefault(note.in_ or "", []).append(note)
    genre = "kamervragen" if document.genre == "kamervragen" else "schriftelijk_overleg"
    return ConsultationContent(
        title=document.title,
        genre=genre,
        metadata=document.metadata.model_copy(deep=True),
        parties=[Party(name=p.name, intro=p.intro) for p in document.parties],
        questions=[
            DraftQuestion(
                number=q.number,
                party=q.party,
                text=_placed(q.text, notes_in.get(f"q{q.number}", [])),
            )
            for q in document.questions
        ],
        answers=[
            DraftAnswer(questions=a.questions, text=_placed(a.text, notes_in.get(a.id, [])))
            for a in document.answers
        ],
        footnotes=[DraftFootnote(id=n.id, text=n.text) for n in document.footnotes],
    )


class _Splitter:
    """Faction headings open a section; its first paragraph without "?" is the intro; each
    paragraph with a question mark closes a question (context paragraphs before it included)."""

    def __init__(self) -> None:
        self.content = ConsultationContent()
        self.pending: list[str] = []
        self.notes: dict[str, str] = {}

    def add_question(self, party: str) -> None:
        number = str(len(self.content.questions) + 1)
        text = "\n\n".join(self.pending)
        self.content.questions.append(DraftQuestion(number=number, party=party, text=text))
        self.pending = []

    def close_section(self) -> None:
        if self.pending and self.content.questions:  # trailing context joins the last question
            last = self.content.questions[-1]
            last.text = "\n\n".join([last.text, *self.pending])
        self.pending = []

    def block(self, block: Block) -> None:
        text = MARKER.sub("", block.text).strip()
        faction = _FACTION.match(text)
        if faction:
            self.close_section()
            self.content.parties.append(Party(name=normalise_party(faction.group(1).strip())))
            return
        meta = self.content.metadata
        if meta.committee is None and (committee := _COMMITTEE.search(text)):
            meta.committee = committee.group(1).strip()
        if not self.content.parties or not text:
            return
        party = self.content.parties[-1]
        asked = any(q.party == party.name for q in self.content.questions)
        if not asked and not party.intro and not self.pending and "?" not in text:
            party.intro = text
            return
        self.notes.update({note.id: note.text for note in block.notes})
        self.pending.append(_with_markers(text, [n.id for n in block.notes]))
        if "?" in text:
            self.add_question(party.name)


def _unnumbered(read: ReadResult) -> ConsultationContent:
    splitter = _Splitter()
    for block in read.blocks:
        splitter.block(block)
    splitter.close_section()
    content = splitter.content
    content.footnotes = [DraftFootnote(id=k, text=v) for k, v in splitter.notes.items()]
    return content


def _numbered(read: ReadResult) -> bool:
    return any(match_question_heading(b.text) for b in read.blocks) or any(
        b.role in ("question", "question_heading") for b in read.blocks
    )


NO_FACTIONS = "no factions with questions found in the inbreng"


def content_from_inbreng(data: bytes, name: str = "") -> ConsultationContent:
    """Parse an inbreng file into draft content. Raises KamerqaInputError when nothing is found."""
    try:
        read = read_bytes(data, name)
    except KamerqaInputError as err:
        raise (err.with_path(name) if name else err) from None
    source = Source(path=name, format=read.format, sha256=hashlib.sha256(data).hexdigest())
    if _numbered(read):
        return from_document(parse_read_result(read, source))
    content = _unnumbered(read)
    if not content.questions:
        raise KamerqaInputError(NO_FACTIONS, name or None)
    return content
