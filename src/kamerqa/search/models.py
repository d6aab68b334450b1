"""Request and response models of search, similarity, ingest and stats (pure pydantic).

These are the types the store returns and the API exposes in OpenAPI; no SQL here.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Scope = Literal["questions", "answers", "both"]
Sort = Literal["relevance", "date"]
HitKind = Literal["question", "answer"]
SimilarMethod = Literal["lexical", "dense", "hybrid"]
FACET_NAMES: tuple[str, ...] = ("genre", "party", "asker", "ministry", "committee", "year")
MAX_SEARCH_LIMIT = 1000  # hits per search page
MAX_SIMILAR_LIMIT = 100  # similar questions per request


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DocumentFilters(_Model):
    """Filters shared by search and document listing; every field is optional (AND-ed)."""

    party: str | None = Field(default=None, description="Party of the question (e.g. SGP).")
    genre: str | None = None
    asker: str | None = Field(default=None, description="Name (or part of it) of an asker.")
    ministry: str | None = Field(default=None, description='Ministry/addressee, e.g. "Defensie".')
    committee: str | None = None
    date_from: dt.date | None = Field(default=None, description="Document date on or after.")
    date_to: dt.date | None = Field(default=None, description="Document date on or before.")
    year: int | None = None


class SearchRequest(DocumentFilters):
    """A lexical search: query language = words, "phrases", OR, -exclusion, prefix*."""

    query: str = Field(default="", description='e.g. drones "eerste lijn" -oekraine defensie*')
    scope: Scope = "both"
    sort: Sort = "relevance"
    limit: int = Field(default=20, ge=1, le=MAX_SEARCH_LIMIT, description="Hits per page.")
    offset: int = Field(default=0, ge=0)
    facets: bool = Field(default=True, description="Compute facet counts over all matches.")


class SearchHit(_Model):
    """One matching question or answer, with the document it belongs to."""

    kind: HitKind
    doc_id: str
    question_number: str | None = Field(
        default=None, description="The question's number (kind=question) or the first one answered."
    )
    question_numbers: list[str] = Field(default_factory=list, description="All numbers answered.")
    answer_id: str | None = None
    party: str | None = None
    genre: str
    title: str = ""
    committee: str | None = None
    date: dt.date | None = Field(
        default=None, description="date_answered, else submitted/published."
    )
    snippet: str = Field(description="Escaped HTML text with <mark> around matched words.")
    text: str = Field(description="Full plain text of the question or answer.")
    answer_text: str | None = Field(
        default=None, description="For a question: the text of its (possibly joint) answer."
    )
    score: float = Field(description="Relevance (higher is better); 0 when sorting by date.")


class FacetCount(_Model):
    value: str
    count: int


class SearchResponse(_Model):
    query: str
    total: int = Field(description="Number of matching questions/answers (before limit).")
    hits: list[SearchHit] = Field(default_factory=list)
    facets: dict[str, list[FacetCount]] = Field(default_factory=dict)


class SimilarHit(_Model):
    doc_id: str
    question_number: str
    party: str | None = None
    genre: str
    title: str = ""
    date: dt.date | None = None
    text: str
    score: float


class SimilarResponse(_Model):
    method: SimilarMethod = Field(description="dense/hybrid when embeddings are available.")
    hits: list[SimilarHit] = Field(default_factory=list)


class DocumentSummary(_Model):
    id: str
    genre: str
    title: str = ""
    committee: str | None = None
    subject: str | None = None
    date_submitted: dt.date | None = None
    date_answered: dt.date | None = None
    questions: int = 0
    answers: int = 0
    source_path: str = ""


class IngestFailure(_Model):
    path: str
    reason: str


class IngestReport(_Model):
    files: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[IngestFailure] = Field(default_factory=list)
    inserted_ids: list[str] = Field(default_factory=list)
    updated_ids: list[str] = Field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.inserted or self.updated)


class ReplyTimes(_Model):
    """Days from date_submitted to date_answered over documents that have both."""

    documents: int = 0
    mean_days: float | None = None
    median_days: float | None = None
    p90_days: float | None = None
    within_21_days: float | None = Field(default=None, description="Share answered in 3 weeks.")


class Stats(_Model):
    documents: int = 0
    questions: int = 0
    answers: int = 0
    by_genre: list[FacetCount] = Field(default_factory=list)
    by_party: list[FacetCount] = Field(default_factory=list, description="Questions per party.")
    by_ministry: list[FacetCount] = Field(default_factory=list)
    by_year: list[FacetCount] = Field(default_factory=list)
    reply_times: ReplyTimes = Field(default_factory=ReplyTimes)
