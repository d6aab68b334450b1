"""The life of a set of Kamervragen, linked through their Zaak (pure rules, no I/O).

question (Schriftelijke vragen) -> zero or more postponement notices (Mededeling uitstel)
-> answer(s) (Antwoord schriftelijke vragen, nader antwoord). The minister has three weeks;
a postponement notice buys three more (so six weeks after one notice; each further notice is
taken to add three more weeks). A set is overdue when it is still open or postponed on a day
*after* its deadline: on the deadline day itself it is not overdue yet.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel, Field

from kamerqa.sources.records import TkActor, kind_role

Status = Literal["open", "postponed", "answered", "withdrawn"]
TERM = timedelta(weeks=3)
ASKER_RELATIONS = ("indiener", "medeindiener", "mede-indiener")
ADDRESSEE_RELATIONS = ("gericht aan",)
_MINISTRY = re.compile(
    r"\b(?:minister|staatssecretaris|minister-president)\b.*?\b(?:van|voor)\s+(.+)$", re.I
)
_TRAILING_PERSON = re.compile(r",\s*(?:[A-Z][a-z]?\.\s*)+[^,]*$")


class LinkedDocument(BaseModel):
    tk_id: str
    nummer: str | None = None
    soort: str
    role: str
    datum: date | None = None
    koop_id: str | None = None
    store_doc_id: str | None = None
    title: str = ""


class ZaakLifecycle(BaseModel):
    nummer: str
    onderwerp: str = ""
    status: Status
    submitted: date | None = None
    deadline: date | None = None
    overdue: bool = False
    days_overdue: int = 0
    answered_on: date | None = None
    answered_late: bool | None = None
    askers: list[TkActor] = Field(default_factory=list)
    addressees: list[TkActor] = Field(default_factory=list)
    ministries: list[str] = Field(default_factory=list)
    parties: list[str] = Field(default_factory=list)
    question: LinkedDocument | None = None
    postponements: list[LinkedDocument] = Field(default_factory=list)
    answers: list[LinkedDocument] = Field(default_factory=list)
    other: list[LinkedDocument] = Field(default_factory=list)


def ministry_of(actor: TkActor) -> str:
    """'minister van Buitenlandse Zaken, X' -> 'Buitenlandse Zaken'; other names as given."""
    for text in (actor.function or "", actor.name):
        found = _MINISTRY.search(_TRAILING_PERSON.sub("", text.strip()))
        if found:
            return found.group(1).strip().rstrip(".")
    return actor.name.strip()


def deadline_for(submitted: date, postponements: int) -> date:
    """Three weeks after submission, three more for every postponement notice."""
    return submitted + TERM * (1 + max(postponements, 0))


def _sorted(docs: Sequence[LinkedDocument]) -> list[LinkedDocument]:
    return sorted(docs, key=lambda d: (d.datum or date.max, d.nummer or "", d.tk_id))


def _by_role(docs: Sequence[LinkedDocument], role: str) -> list[LinkedDocument]:
    return _sorted([d for d in docs if (d.role or kind_role(d.soort)) == role])


def _status(withdrawn: bool, answers: list[LinkedDocument], postponed: bool) -> Status:
    if withdrawn:
        return "withdrawn"
    if answers:
        return "answered"
    return "postponed" if postponed else "open"


def evaluate(
    nummer: str,
    documents: Sequence[LinkedDocument],
    actors: Sequence[TkActor],
    today: date,
    *,
    onderwerp: str = "",
    gestart_op: date | None = None,
    zaak_status: str | None = None,
) -> ZaakLifecycle:
    """Status, deadline and overdue flag of one Zaak on ``today``."""
    questions = _by_role(documents, "question")
    postponements = _by_role(documents, "postponement")
    answers = _by_role(documents, "answer")
    withdrawn = (
        bool(_by_role(documents, "withdrawal")) or "ingetrokken" in (zaak_status or "").lower()
    )
    question = questions[0] if questions else None
    submitted = (question.datum if question else None) or gestart_op
    status = _status(withdrawn, answers, bool(postponements))
    result = ZaakLifecycle(
        nummer=nummer,
        onderwerp=onderwerp,
        status=status,
        submitted=submitted,
        askers=[a for a in actors if a.relation.lower() in ASKER_RELATIONS],
        addressees=[a for a in actors if a.relation.lower() in ADDRESSEE_RELATIONS],
        question=question,
        postponements=postponements,
        answers=answers,
        other=_sorted([d for d in documents if d not in (*questions, *postponements, *answers)]),
    )
    result.ministries = sorted({ministry_of(a) for a in result.addressees})
    result.parties = sorted({a.party for a in result.askers if a.party})
    _apply_deadline(result, today)
    return result


def _apply_deadline(result: ZaakLifecycle, today: date) -> None:
    if result.submitted is None:
        return
    answered_on = result.answers[0].datum if result.answers else None
    notices_in_time = [
        p
        for p in result.postponements
        if answered_on is None or (p.datum or date.max) <= answered_on
    ]
    result.deadline = deadline_for(result.submitted, len(notices_in_time))
    result.answered_on = answered_on
    if answered_on is not None:
        result.answered_late = answered_on > result.deadline
    if result.status in ("open", "postponed") and today > result.deadline:
        result.overdue = True
        result.days_overdue = (today - result.deadline).days
