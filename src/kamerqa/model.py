"""The kamerqa/1 document model.

One typed model for every genre and every format. It does no I/O and imports nothing else of
kamerqa: readers and parsers produce it; store, search, API, UI and renderers consume it.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "kamerqa/1"

Genre = Literal[
    "schriftelijk_overleg",
    "kamervragen",
    "lijst_van_vragen",
    "nota_naar_aanleiding_van_verslag",
    "unknown",
]
GENRES: tuple[str, ...] = (
    "schriftelijk_overleg",
    "kamervragen",
    "lijst_van_vragen",
    "nota_naar_aanleiding_van_verslag",
    "unknown",
)
SourceFormat = Literal["text", "docx", "pdf", "html", "xml"]
ReferenceType = Literal["kamerstuk", "aanhangsel", "handelingen", "motie", "tk_document", "tk_zaak"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Source(_Model):
    path: str = ""
    format: SourceFormat = "text"
    sha256: str = ""


class Person(_Model):
    name: str
    party: str | None = None


class Signatory(_Model):
    name: str
    function: str | None = None


class Identifiers(_Model):
    koop: str | None = None
    tk_document: str | None = None
    zaak: str | None = None
    aanhangsel: str | None = None


class Metadata(_Model):
    committee: str | None = None
    subject: str | None = None
    meeting: str | None = None
    date_submitted: date | None = None
    date_answered: date | None = None
    date_published: date | None = None
    reference: str | None = None
    askers: list[Person] = Field(default_factory=list)
    addressees: list[str] = Field(default_factory=list)
    signatories: list[Signatory] = Field(default_factory=list)
    identifiers: Identifiers = Field(default_factory=Identifiers)
    extra: dict[str, str] = Field(
        default_factory=dict, description="Format-specific facts (e.g. KOOP metadata.xml keys)."
    )


class Party(_Model):
    name: str
    intro: str = ""
    question_numbers: list[str] = Field(default_factory=list)


class Question(_Model):
    number: str = Field(description='Question number as printed, a string ("7a").')
    party: str | None = None
    section: str | None = Field(default=None, description="Heading the question sits under.")
    text: str
    answer_id: str | None = None


class Answer(_Model):
    id: str
    questions: list[str] = Field(description="Every question number this answer block answers.")
    text: str
    refers_to: list[str] = Field(
        default_factory=list, description="Question numbers whose answers this answer points to."
    )


class Footnote(_Model):
    id: str
    text: str
    in_: str | None = Field(
        default=None,
        alias="in",
        description='Where the marker sits: "q<N>" for a question, an answer id, or null.',
    )
    offset: int | None = Field(
        default=None,
        description="Character offset of the marker in that question's or answer's text.",
    )

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Reference(_Model):
    type: ReferenceType
    text: str
    dossier: str | None = None
    number: str | None = None
    year: str | None = None
    koop_id: str | None = None
    in_: str | None = Field(default=None, alias="in")

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class Document(_Model):
    schema_: str = Field(default=SCHEMA_VERSION, alias="schema")
    id: str
    genre: Genre = "unknown"
    title: str = ""
    source: Source = Field(default_factory=Source)
    metadata: Metadata = Field(default_factory=Metadata)
    parties: list[Party] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    answers: list[Answer] = Field(default_factory=list)
    footnotes: list[Footnote] = Field(default_factory=list)
    references: list[Reference] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_dict(self) -> dict[str, Any]:
        """The kamerqa/1 JSON form (aliases: ``schema``, ``in``)."""
        return self.model_dump(mode="json", by_alias=True)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        return cls.model_validate(data)

    def question(self, number: str) -> Question | None:
        return next((q for q in self.questions if q.number == number), None)

    def answer(self, answer_id: str) -> Answer | None:
        return next((a for a in self.answers if a.id == answer_id), None)

    def answer_for(self, number: str) -> Answer | None:
        question = self.question(number)
        if question is not None and question.answer_id:
            return self.answer(question.answer_id)
        return next((a for a in self.answers if number in a.questions), None)


def json_schema() -> dict[str, Any]:
    """JSON Schema of the kamerqa/1 document, as printed by ``kamerqa schema``."""
    schema = Document.model_json_schema(by_alias=True)
    schema["$id"] = "https://kamerqa.invalid/schema/kamerqa-1.json"
    schema["title"] = SCHEMA_VERSION
    return schema
