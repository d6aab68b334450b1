"""The document page's view model: header facts, party sections, questions with answers.

Pure functions over the kamerqa/1 Document; the template only lays the result out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from markupsafe import Markup

from kamerqa.model import Answer, Document, Footnote, Question
from kamerqa.parse.dates import dutch_date
from kamerqa.parse.parties import split_parties
from kamerqa.web.richtext import official_url, rich_paragraphs

GENRE_LABELS = {
    "schriftelijk_overleg": "Schriftelijk overleg",
    "kamervragen": "Kamervragen",
    "lijst_van_vragen": "Lijst van vragen en antwoorden",
    "nota_naar_aanleiding_van_verslag": "Nota n.a.v. het verslag",
    "unknown": "Onbekend",
}


@dataclass
class Note:
    id: str
    paragraphs: list[Markup]


@dataclass
class AnswerView:
    id: str
    numbers: list[str]
    paragraphs: list[Markup]
    refers_to: list[str]
    notes: list[Note]


@dataclass
class QuestionEntry:
    number: str
    party: str | None
    section: str | None
    paragraphs: list[Markup]
    notes: list[Note]
    answer: AnswerView | None = None
    answered_at: str | None = None  # number of the question whose block shows the joint answer


@dataclass
class Section:
    heading: str | None
    party: str | None
    intro: list[Markup]
    entries: list[QuestionEntry] = field(default_factory=list)


@dataclass
class Fact:
    label: str
    value: str
    href: str | None = None


def _notes_in(document: Document, where: str) -> list[Note]:
    return [
        Note(id=f.id, paragraphs=rich_paragraphs(f.text, references=document.references))
        for f in document.footnotes
        if f.in_ == where
    ]


def _answer_view(document: Document, answer: Answer, targets: set[str]) -> AnswerView:
    paragraphs = rich_paragraphs(
        answer.text, targets=targets, refers_to=answer.refers_to, references=document.references
    )
    return AnswerView(
        id=answer.id,
        numbers=answer.questions,
        paragraphs=paragraphs,
        refers_to=answer.refers_to,
        notes=_notes_in(document, answer.id),
    )


def _last_asked(document: Document, answer: Answer) -> str | None:
    """The number of the last question (in document order) that ``answer`` answers."""
    numbers = set(answer.questions) | {
        q.number for q in document.questions if q.answer_id == answer.id
    }
    last = None
    for question in document.questions:
        if question.number in numbers:
            last = question.number
    return last


def _entry(document: Document, question: Question, targets: set[str]) -> QuestionEntry:
    entry = QuestionEntry(
        number=question.number,
        party=question.party,
        section=question.section,
        paragraphs=rich_paragraphs(question.text, references=document.references),
        notes=_notes_in(document, f"q{question.number}"),
    )
    answer = document.answer_for(question.number)
    if answer is not None:
        shown_at = _last_asked(document, answer) or question.number
        if shown_at == question.number:
            entry.answer = _answer_view(document, answer, targets)
        else:
            entry.answered_at = shown_at
    return entry


def sections(document: Document) -> list[Section]:
    """Questions grouped by party in the order of ``document.parties`` (others last)."""
    targets = {q.number for q in document.questions}
    by_party: dict[str | None, Section] = {}
    result: list[Section] = []
    for party in document.parties:
        intro = rich_paragraphs(party.intro, references=document.references)
        section = Section(
            heading=f"Vragen en opmerkingen van de {party.name}-fractie",
            party=party.name,
            intro=intro,
        )
        by_party[party.name] = section
        result.append(section)
    for question in document.questions:
        key = _section_key(question.party, by_party)
        if key is None and None not in by_party:
            by_party[None] = Section(heading=None, party=None, intro=[])
            result.append(by_party[None])
        by_party[key].entries.append(_entry(document, question, targets))
    return result


def lower_first(text: str) -> str:
    """'Minister van Financiën' -> 'minister van Financiën' (names keep their capitals)."""
    return text[:1].lower() + text[1:]


def dutch_meeting(meeting: str) -> str:
    """'2026-07-10, Brussel' -> '10 juli 2026, Brussel'; other text as it is."""
    head, sep, rest = meeting.partition(",")
    try:
        day = dt.date.fromisoformat(head.strip())
    except ValueError:
        return meeting
    return dutch_date(day) + sep + rest


def header_facts(document: Document) -> list[Fact]:
    meta = document.metadata
    facts = [Fact("Soort", GENRE_LABELS.get(document.genre, document.genre))]
    if meta.committee:
        facts.append(Fact("Commissie", meta.committee))
    if meta.meeting:
        facts.append(Fact("Overleg", dutch_meeting(meta.meeting)))
    if meta.date_submitted:
        facts.append(Fact("Ingezonden", dutch_date(meta.date_submitted)))
    if meta.date_answered:
        facts.append(Fact("Beantwoord", dutch_date(meta.date_answered)))
    if meta.date_published:
        facts.append(Fact("Gepubliceerd", dutch_date(meta.date_published)))
    if meta.reference:
        facts.append(Fact("Kenmerk", meta.reference))
    if meta.askers:
        askers = ", ".join(f"{p.name} ({p.party})" if p.party else p.name for p in meta.askers)
        facts.append(Fact("Vragenstellers", askers))
    if meta.addressees:
        facts.append(Fact("Gericht aan", "; ".join(meta.addressees)))
    for signatory in meta.signatories:
        function = f" ({lower_first(signatory.function)})" if signatory.function else ""
        facts.append(Fact("Ondertekend", signatory.name + function))
    if meta.identifiers.koop:
        koop = meta.identifiers.koop
        facts.append(Fact("Officiële bron", koop, official_url(koop)))
    if meta.identifiers.tk_document:
        facts.append(Fact("TK-document", meta.identifiers.tk_document))
    return facts


def unplaced_notes(document: Document) -> list[Footnote]:
    placed = {f"q{q.number}" for q in document.questions} | {a.id for a in document.answers}
    return [f for f in document.footnotes if f.in_ not in placed]


def document_title(document: Document) -> str:
    meta = document.metadata
    return document.title or meta.subject or meta.meeting or GENRE_LABELS.get(document.genre, "")


def _section_key(party: str | None, sections: dict[str | None, Section]) -> str | None:
    """The section a question belongs to; a joint inbreng goes under its first party."""
    if party in sections:
        return party
    return next((one for one in split_parties(party or "") if one in sections), None)
