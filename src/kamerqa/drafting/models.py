"""The drafting model: a consultation (the answers a ministry is writing) and its people.

A consultation's content is close to the kamerqa/1 Document, with one difference: answer and
question texts keep their footnote markers inline as ``[^N]`` (where the official put them),
and footnote bodies sit in ``footnotes``. `kamerqa.drafting.convert.to_document` turns the
content into a public Document (markers removed, ``in`` set) when it is rendered or sent.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from kamerqa.model import Metadata, Party

Role = Literal["drafter", "approver", "admin"]
ROLES: tuple[str, ...] = ("drafter", "approver", "admin")
Status = Literal["draft", "ready_for_review", "approved", "sent"]
STATUSES: tuple[str, ...] = ("draft", "ready_for_review", "approved", "sent")
DraftGenre = Literal["schriftelijk_overleg", "kamervragen"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DraftQuestion(_Model):
    number: str
    party: str | None = None
    text: str


class DraftAnswer(_Model):
    questions: list[str] = Field(description="The question(s) this answer answers (joint answer).")
    text: str = ""


class DraftFootnote(_Model):
    id: str
    text: str


class ConsultationContent(_Model):
    title: str = ""
    genre: DraftGenre = "schriftelijk_overleg"
    metadata: Metadata = Field(default_factory=Metadata)
    parties: list[Party] = Field(default_factory=list)
    questions: list[DraftQuestion] = Field(default_factory=list)
    answers: list[DraftAnswer] = Field(default_factory=list)
    footnotes: list[DraftFootnote] = Field(default_factory=list)

    def answer_for(self, number: str) -> DraftAnswer | None:
        return next((a for a in self.answers if number in a.questions), None)

    def question(self, number: str) -> DraftQuestion | None:
        return next((q for q in self.questions if q.number == number), None)


class Consultation(_Model):
    id: str
    team: str
    status: Status = "draft"
    version: int = 1
    created_by: str
    created_at: datetime
    updated_at: datetime
    content: ConsultationContent


class ConsultationSummary(_Model):
    id: str
    team: str
    status: Status
    title: str
    updated_at: datetime


class User(_Model):
    name: str
    role: Role
    team: str


class AuditEntry(_Model):
    at: datetime
    actor: str
    action: str
    detail: str = ""


class Issue(_Model):
    level: Literal["error", "warning"]
    question: str | None = None
    message: str
    code: str = ""  # stable name of the problem; with params, the pages say it in Dutch
    params: dict[str, str] = Field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.level}: {self.message}"
