"""Draft content to the public kamerqa/1 Document (markers out, footnote ``in`` set)."""

from __future__ import annotations

import re

from kamerqa.drafting.models import Consultation, ConsultationContent, DraftAnswer
from kamerqa.model import Answer, Document, Footnote, Party, Question
from kamerqa.parse.crossrefs import find_refers_to
from kamerqa.parse.numbering import number_key

MARKER = re.compile(r"\[\^([^\]\s]+)\]")


def markers_in(text: str) -> list[str]:
    """Footnote ids of the ``[^N]`` markers in ``text``, in order."""
    return MARKER.findall(text)


def strip_markers(text: str) -> str:
    return MARKER.sub("", text)


def ordered_answers(content: ConsultationContent) -> list[DraftAnswer]:
    """Answers in document order: by the position of their last question."""
    position = {q.number: i for i, q in enumerate(content.questions)}

    def key(answer: DraftAnswer) -> tuple[int, tuple[int, str]]:
        places = [position[n] for n in answer.questions if n in position]
        last = max(places) if places else len(position)
        return last, number_key(answer.questions[0]) if answer.questions else (0, "")

    return sorted(content.answers, key=key)


def public_id(consultation: Consultation) -> str:
    ids = consultation.content.metadata.identifiers
    return ids.koop or ids.tk_document or f"kamerqa-draft-{consultation.id}"


def _footnotes(content: ConsultationContent, answer_ids: dict[int, str]) -> list[Footnote]:
    where: dict[str, str] = {}
    for question in content.questions:
        for note_id in markers_in(question.text):
            where.setdefault(note_id, f"q{question.number}")
    for index, answer in enumerate(ordered_answers(content)):
        for note_id in markers_in(answer.text):
            where.setdefault(note_id, answer_ids[index])
    return [Footnote(id=n.id, text=n.text, in_=where.get(n.id)) for n in content.footnotes]


def content_to_document(content: ConsultationContent, doc_id: str) -> Document:
    answers = ordered_answers(content)
    answer_ids = {i: f"a{i + 1}" for i in range(len(answers))}
    answer_of = {n: answer_ids[i] for i, a in enumerate(answers) for n in a.questions}
    questions = [
        Question(
            number=q.number,
            party=q.party,
            text=strip_markers(q.text).strip(),
            answer_id=answer_of.get(q.number),
        )
        for q in content.questions
    ]
    parties = [
        Party(
            name=p.name,
            intro=p.intro,
            question_numbers=[q.number for q in content.questions if q.party == p.name],
        )
        for p in content.parties
    ]
    return Document(
        id=doc_id,
        genre=content.genre,
        title=content.title,
        metadata=content.metadata.model_copy(deep=True),
        parties=parties,
        questions=questions,
        answers=[
            Answer(
                id=answer_ids[i],
                questions=list(a.questions),
                text=strip_markers(a.text).strip(),
                refers_to=find_refers_to(strip_markers(a.text), own=a.questions),
            )
            for i, a in enumerate(answers)
        ],
        footnotes=_footnotes(content, answer_ids),
    )


def to_document(consultation: Consultation) -> Document:
    return content_to_document(consultation.content, public_id(consultation))
