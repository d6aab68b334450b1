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


def marker_offsets(text: str) -> dict[str, int]:
    """Where each marker sits in ``strip_markers(text).strip()`` (the published text)."""
    lead = len(text) - len(text.lstrip())
    offsets: dict[str, int] = {}
    removed = 0
    for match in MARKER.finditer(text):
        offsets.setdefault(match.group(1), max(match.start() - removed - lead, 0))
        removed += len(match.group(0))
    return offsets


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
    offsets: dict[str, int] = {}
    texts = [(q.text, f"q{q.number}") for q in content.questions]
    texts += [(a.text, answer_ids[i]) for i, a in enumerate(ordered_answers(content))]
    for text, place in texts:
        for note_id, offset in marker_offsets(text).items():
            if note_id not in where:
                where[note_id], offsets[note_id] = place, offset
    # the model may record where a marker sat (optional field); fill it when it does
    with_offset = "offset" in Footnote.model_fields
    return [
        Footnote.model_validate(
            {"id": n.id, "text": n.text, "in": where.get(n.id)}
            | ({"offset": offsets.get(n.id)} if with_offset else {})
        )
        for n in content.footnotes
    ]


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
