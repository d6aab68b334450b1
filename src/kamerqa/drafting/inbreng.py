"""A consultation from an *inbreng* (the committee's questions) in any readable format.

Numbered inbreng ("Vraag 1" …) goes through kamerqa's own parsers. Unnumbered inbreng — faction
headings followed by paragraphs — is split here: per faction the first paragraph without a
question mark is the intro, every following paragraph a question, numbered continuously.
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
from kamerqa.model import Document, Party, Source
from kamerqa.parse import parse_read_result
from kamerqa.parse.parties import normalise_party
from kamerqa.readers import ReadResult, read_bytes

_FACTION = re.compile(
    r"^(?:vragen en opmerkingen van de leden van de|inbreng van de|vragen van de leden van de)"
    r"\s+(.+?)[- ]fractie\b",
    re.I,
)
_COMMITTEE = re.compile(r"\b((?:vaste|algemene) commissie voor [^,.;]+?)(?= over | voor |[,.;]|$)")


def _with_markers(text: str, note_ids: list[str]) -> str:
    """Draft text keeps footnote markers inline; without a known place they go at the end."""
    return text + "".join(f"[^{n}]" for n in note_ids if f"[^{n}]" not in text)


def from_document(document: Document) -> ConsultationContent:
    """Draft content from a parsed document (answers, if any, become draft answers)."""
    notes_in: dict[str, list[str]] = {}
    for note in document.footnotes:
        notes_in.setdefault(note.in_ or "", []).append(note.id)
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
                text=_with_markers(q.text, notes_in.get(f"q{q.number}", [])),
            )
            for q in document.questions
        ],
        answers=[
            DraftAnswer(questions=a.questions, text=_with_markers(a.text, notes_in.get(a.id, [])))
            for a in document.answers
        ],
        footnotes=[DraftFootnote(id=n.id, text=n.text) for n in document.footnotes],
    )


def _unnumbered(read: ReadResult) -> ConsultationContent:
    content = ConsultationContent()
    notes: dict[str, str] = {}
    for block in read.blocks:
        text = MARKER.sub("", block.text).strip()
        faction = _FACTION.match(text)
        if faction:
            content.parties.append(Party(name=normalise_party(faction.group(1).strip())))
            continue
        if content.metadata.committee is None and (committee := _COMMITTEE.search(text)):
            content.metadata.committee = committee.group(1).strip()
        if not content.parties or not text:
            continue
        party = content.parties[-1]
        mine = [q for q in content.questions if q.party == party.name]
        if not mine and not party.intro and "?" not in text:
            party.intro = text
            continue
        for note in block.notes:
            notes[note.id] = note.text
        number = str(len(content.questions) + 1)
        question_text = _with_markers(text, [n.id for n in block.notes])
        content.questions.append(DraftQuestion(number=number, party=party.name, text=question_text))
    content.footnotes = [DraftFootnote(id=k, text=v) for k, v in notes.items()]
    return content


def content_from_inbreng(data: bytes, name: str = "") -> ConsultationContent:
    """Parse an inbreng file into draft content. Raises KamerqaInputError when nothing is found."""
    read = read_bytes(data, name)
    source = Source(path=name, format=read.format, sha256=hashlib.sha256(data).hexdigest())
    try:
        return from_document(parse_read_result(read, source))
    except KamerqaInputError:
        content = _unnumbered(read)
    if not content.questions:
        raise KamerqaInputError("no factions with questions found in the inbreng", name or None)
    return content
