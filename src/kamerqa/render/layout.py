"""The shared reading order of a rendered document, used by every human-facing renderer.

`layout(document)` turns a Document into a flat list of `Para` items (cover letter, headings,
question and answer paragraphs) with the footnote markers placed in them, so that the text,
Markdown, HTML and DOCX renderers only decide how each kind of item looks.

Two layouts: the *letter* of a schriftelijk overleg (the seed's layout: cover letter, "Vragen
en antwoorden", a section per faction, "Vraag N" / "Antwoord") and the *kamervragen* layout
(askers and dates line, "Vraag N" / "Antwoord N"), used for every other genre.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from kamerqa.model import Answer, Document, Footnote, Question
from kamerqa.parse.dates import MONTH_NAMES, dutch_date

ParaKind = Literal[
    "title",  # document title (kamervragen layout)
    "salutation",  # "Geachte voorzitter,"
    "letter",  # paragraph of the cover letter
    "closing",  # "Hoogachtend,"
    "function",  # signatory function in capitals
    "name",  # signatory name
    "heading",  # "Vragen en antwoorden"
    "section",  # "Vragen en opmerkingen van de leden van de X-fractie"
    "intro",  # a faction's intro paragraph
    "question_heading",  # "Vraag N"
    "answer_heading",  # "Antwoord", "Antwoord N", "Antwoord op vraag 3 en 4"
    "question",  # a paragraph of question text
    "answer",  # a paragraph of answer text
]

_ISO_MEETING = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:\s*,\s*(.+))?$")


@dataclass(frozen=True)
class Marker:
    """A footnote marker at ``offset`` characters into the paragraph text.

    ``note_id`` is unique in the layout (footnote ids of a document may repeat, e.g. when the
    questions and the answers each number their notes from 1); ``label`` is the id as printed.
    """

    offset: int
    note_id: str
    label: str = ""


@dataclass
class Para:
    kind: ParaKind
    text: str
    markers: list[Marker] = field(default_factory=list)


HEADING_LEVELS = {"title": 1, "heading": 2, "section": 3, "question_heading": 4}
HEADING_LEVELS |= {"answer_heading": 5}


@dataclass
class Layout:
    paras: list[Para]
    notes: dict[str, str]
    letter: bool
    labels: dict[str, str] = field(default_factory=dict)

    def label(self, key: str) -> str:
        return self.labels.get(key, key)

    def anchors(self) -> dict[str, str]:
        """A unique, URL-safe name per footnote (its label, suffixed when labels repeat)."""
        names: dict[str, str] = {}
        used: set[str] = set()
        for key in self.ordered_note_ids():
            base = re.sub(r"[^0-9A-Za-z_-]", "-", self.label(key)) or "note"
            name, count = base, 1
            while name in used:
                count += 1
                name = f"{base}-{count}"
            used.add(name)
            names[key] = name
        return names

    def heading_levels(self) -> dict[str, int]:
        """Heading kind -> level 1-5 without gaps: a Kamervragen letter has no faction
        headings, so its questions come right under the title (an outline without holes)."""
        used = sorted({HEADING_LEVELS[p.kind] for p in self.paras if p.kind in HEADING_LEVELS})
        rank = {level: index + 2 for index, level in enumerate(x for x in used if x != 1)}
        rank[1] = 1
        return {kind: rank[level] for kind, level in HEADING_LEVELS.items() if level in rank}

    def ordered_note_ids(self) -> list[str]:
        """Footnote ids in the order their markers appear."""
        seen: list[str] = []
        for para in self.paras:
            for marker in para.markers:
                if marker.note_id not in seen:
                    seen.append(marker.note_id)
        return seen


def join_numbers(numbers: list[str]) -> str:
    """``["3"]`` -> "3"; ``["3", "4", "5"]`` -> "3, 4 en 5"."""
    if len(numbers) <= 1:
        return "".join(numbers)
    return ", ".join(numbers[:-1]) + " en " + numbers[-1]


def footnote_offset(note: Footnote) -> int | None:
    """Where the marker sat in its text, when the model records it (optional field)."""
    offset = getattr(note, "offset", None)
    return offset if isinstance(offset, int) else None


def split_with_markers(
    text: str, notes: list[Footnote], kind: ParaKind, keys: dict[int, str] | None = None
) -> list[Para]:
    """Split ``text`` into paragraphs (one per non-empty line) and place its footnote markers.

    A marker with a known offset goes exactly there; one without goes at the end of the last
    paragraph (the model then only says in which question or answer the marker sat).
    """
    paras: list[Para] = []
    starts: list[int] = []
    position = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            paras.append(Para(kind, stripped))
            starts.append(position + lead)
        position += len(line) + 1
    if not paras:
        paras.append(Para(kind, ""))
        starts.append(0)
    for note in notes:
        offset = footnote_offset(note)
        index, local = len(paras) - 1, len(paras[-1].text)
        if offset is not None:
            index = max(i for i, s in enumerate(starts) if s <= offset or i == 0)
            local = min(max(offset - starts[index], 0), len(paras[index].text))
        key = (keys or {}).get(id(note), note.id)
        paras[index].markers.append(Marker(local, key, note.id))
    return paras


class _Builder:
    def __init__(self, document: Document) -> None:
        self.doc = document
        self.paras: list[Para] = []
        self.done_answers: set[str] = set()
        self.notes_in: dict[str, list[Footnote]] = {}
        self.keys = {id(note): f"n{i}" for i, note in enumerate(document.footnotes)}
        for note in document.footnotes:
            self.notes_in.setdefault(note.in_ or "", []).append(note)

    def split(self, text: str, where: str, kind: ParaKind) -> list[Para]:
        return split_with_markers(text, self.notes_in.get(where, []), kind, self.keys)

    def add(self, kind: ParaKind, text: str) -> None:
        self.paras.append(Para(kind, text))

    def answer_of(self, question: Question) -> Answer | None:
        return self.doc.answer_for(question.number)

    def last_question_of(self, answer: Answer) -> str:
        """The question after which a (joint) answer is printed: its last one present."""
        present = [n for n in answer.questions if self.doc.question(n) is not None]
        return present[-1] if present else ""

    def question_block(self, question: Question, numbered_answer: bool) -> None:
        self.add("question_heading", f"Vraag {question.number}")
        self.paras.extend(self.split(question.text, f"q{question.number}", "question"))
        answer = self.answer_of(question)
        if answer is None or answer.id in self.done_answers:
            return
        if self.last_question_of(answer) not in ("", question.number):
            return
        self.done_answers.add(answer.id)
        self.add("answer_heading", self.answer_heading(answer, question, numbered_answer))
        self.paras.extend(self.split(answer.text, answer.id, "answer"))

    @staticmethod
    def answer_heading(answer: Answer, question: Question, numbered: bool) -> str:
        numbers = [n for n in answer.questions if n] or [question.number]
        if len(numbers) > 1:
            word = "vragen" if numbered else "vraag"
            return f"Antwoord op {word} {join_numbers(numbers)}"
        return f"Antwoord {question.number}" if numbered else "Antwoord"

    def orphan_answers(self, numbered: bool) -> None:
        """Answers whose questions are absent from the document still get printed."""
        for answer in self.doc.answers:
            if answer.id in self.done_answers:
                continue
            self.done_answers.add(answer.id)
            heading = "Antwoord"
            if answer.questions:
                heading = f"Antwoord op vraag {join_numbers(answer.questions)}"
            self.add("answer_heading", heading)
            self.paras.extend(self.split(answer.text, answer.id, "answer"))

    def sections(self, numbered: bool) -> None:
        """Questions grouped under their faction, in the order of ``document.parties``."""
        placed: set[str] = set()
        for party in self.doc.parties:
            self.add("section", f"Vragen en opmerkingen van de leden van de {party.name}-fractie")
            if party.intro.strip():
                self.paras.extend(split_with_markers(party.intro, [], "intro"))
            for question in self.doc.questions:
                belongs = question.number in party.question_numbers or (
                    question.party == party.name and not party.question_numbers
                )
                if belongs and question.number not in placed:
                    placed.add(question.number)
                    self.question_block(question, numbered)
        for question in self.doc.questions:
            if question.number not in placed:
                self.question_block(question, numbered)
        self.orphan_answers(numbered)


def _function_line(function: str) -> str:
    text = function.strip()
    if not text.lower().startswith(("de ", "het ")):
        text = "de " + text
    return text.upper()


def meeting_phrase(meeting: str, written: date | None) -> str:
    """ "2025-10-15, Brussel" -> "op 15 oktober a.s. in Brussel" (a.s.: later that year)."""
    match = _ISO_MEETING.match(meeting.strip())
    if match is None:
        text = meeting.strip()
        return text if text.lower().startswith(("op ", "in ", "van ", "tijdens ")) else f"op {text}"
    when = date.fromisoformat(match.group(1))
    day = dutch_date(when)
    if written is not None and written <= when and written.year == when.year:
        day = f"{when.day} {MONTH_NAMES[when.month - 1]} a.s."
    place = match.group(2)
    return f"op {day} in {place.strip()}" if place else f"op {day}"


def cover_sentence(document: Document) -> str:
    """The paragraph of the cover letter naming committee, subject, meeting, date and kenmerk."""
    meta = document.metadata
    first = "Hierbij ontvangt u de antwoorden op de inbreng"
    if meta.committee:
        first += f" van de {meta.committee}"
    first += " voor het schriftelijk overleg"
    if meta.subject:
        first += f" over {meta.subject}"
    if meta.meeting and meta.meeting not in (meta.subject or ""):
        first += " " + meeting_phrase(meta.meeting, meta.date_answered or meta.date_submitted)
    sentences = [first.rstrip(".") + "."]
    submitted = dutch_date(meta.date_submitted)
    if submitted or meta.reference:
        second = "Deze vragen werden ingezonden"
        if submitted:
            second += f" op {submitted}"
        if meta.reference:
            second += f" met kenmerk {meta.reference}"
        sentences.append(second + ".")
    return " ".join(sentences)


def _signature(builder: _Builder) -> None:
    builder.add("closing", "Hoogachtend,")
    for signatory in builder.doc.metadata.signatories:
        if signatory.function:
            builder.add("function", _function_line(signatory.function))
        builder.add("name", signatory.name)


def letter_layout(document: Document) -> list[Para]:
    builder = _Builder(document)
    builder.add("salutation", "Geachte voorzitter,")
    builder.add("letter", cover_sentence(document))
    _signature(builder)
    builder.add("heading", "Vragen en antwoorden")
    builder.sections(numbered=False)
    return builder.paras


def _askers_line(document: Document) -> str:
    meta = document.metadata
    askers = [f"{p.name} ({p.party})" if p.party else p.name for p in meta.askers]
    if not askers:
        return ""
    who = "het lid" if len(askers) == 1 else "de leden"
    line = f"Vragen van {who} {join_numbers(askers)}"
    if meta.addressees:
        line += f" aan de {join_numbers(meta.addressees)}"
    if meta.subject:
        line += f" over {meta.subject}"
    if meta.date_submitted:
        line += f" (ingezonden {dutch_date(meta.date_submitted)})"
    return line + "."


def _answered_line(document: Document) -> str:
    meta = document.metadata
    if not meta.signatories and not meta.date_answered:
        return ""
    line = "Antwoord"
    if meta.signatories:
        first = meta.signatories[0]
        line += " van " + (f"{first.name} ({first.function})" if first.function else first.name)
    if meta.date_answered:
        line += f" (ontvangen {dutch_date(meta.date_answered)})"
    return line + "."


def questions_layout(document: Document) -> list[Para]:
    builder = _Builder(document)
    if document.title:
        builder.add("title", document.title)
    for line in (_askers_line(document), _answered_line(document)):
        if line:
            builder.add("letter", line)
    if document.parties and document.genre == "nota_naar_aanleiding_van_verslag":
        builder.sections(numbered=True)
    else:
        for question in document.questions:
            builder.question_block(question, True)
        builder.orphan_answers(numbered=True)
    return builder.paras


def layout(document: Document) -> Layout:
    """The reading order of ``document`` with footnote markers placed."""
    letter = document.genre == "schriftelijk_overleg"
    paras = letter_layout(document) if letter else questions_layout(document)
    keys = [f"n{i}" for i in range(len(document.footnotes))]
    notes = {key: note.text for key, note in zip(keys, document.footnotes, strict=True)}
    labels = {key: note.id for key, note in zip(keys, document.footnotes, strict=True)}
    result = Layout(paras=paras, notes=notes, letter=letter, labels=labels)
    placed = set(result.ordered_note_ids())
    for key in keys:
        if key not in placed and paras:  # its "in" names nothing printed: keep it at the end
            paras[-1].markers.append(Marker(len(paras[-1].text), key, labels[key]))
    return result
