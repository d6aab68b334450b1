"""Response models of the JSON API that are not part of kamerqa.search (pure pydantic)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from kamerqa.model import Answer, Question
from kamerqa.search.models import DocumentSummary


class DocumentPage(BaseModel):
    total: int
    limit: int
    offset: int
    documents: list[DocumentSummary]


class ReferencedAnswer(BaseModel):
    """An answer another answer points to ("zie antwoord op vraag 2"), resolved inline."""

    question_number: str
    answer: Answer | None = None


class QuestionView(BaseModel):
    """One question with its answer, party and the answers its answer points to."""

    doc_id: str
    title: str
    genre: str
    permalink: str = Field(description="Path of the question in the web UI (with #vraag-N).")
    party: str | None
    question: Question
    answer: Answer | None
    referenced_answers: list[ReferencedAnswer] = Field(default_factory=list)


class HealthView(BaseModel):
    status: str
    documents: int
