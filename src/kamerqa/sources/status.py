"""Lifecycle questions answered from the store: one Zaak, overdue sets, sync status."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from pydantic import BaseModel, Field

from kamerqa.sources.lifecycle import LinkedDocument, ZaakLifecycle, evaluate
from kamerqa.sources.records import TkActor
from kamerqa.store import Store
from kamerqa.store import sync_state as state


class OverdueGroup(BaseModel):
    ministry: str
    party: str
    zaken: list[ZaakLifecycle] = Field(default_factory=list)


class SyncStatus(BaseModel):
    cursors: dict[str, str]
    counts: dict[str, int]
    failures: list[dict[str, str | int]]


def _linked(row: state.DocumentRow) -> LinkedDocument:
    return LinkedDocument(
        tk_id=row.tk_id,
        nummer=row.nummer,
        soort=row.soort,
        role=row.role,
        datum=date.fromisoformat(row.datum) if row.datum else None,
        koop_id=row.koop_id,
        store_doc_id=row.store_doc_id,
        title=row.titel,
    )


def zaak_lifecycle(store: Store, nummer: str, today: date) -> ZaakLifecycle | None:
    """Question, postponements and answers of one Zaak with status and overdue flag."""
    zaak = state.get_zaak(store, nummer)
    if zaak is None:
        return None
    actors = [
        TkActor(name=a.name, party=a.party, relation=a.relation, function=a.function)
        for a in state.zaak_actors(store, nummer)
    ]
    return evaluate(
        nummer,
        [_linked(r) for r in state.zaak_documents(store, nummer)],
        actors,
        today,
        onderwerp=zaak.onderwerp,
        gestart_op=date.fromisoformat(zaak.gestart_op) if zaak.gestart_op else None,
        zaak_status=zaak.status,
    )


def _matches(value: str | None, wanted: str | None) -> bool:
    return wanted is None or (value or "").casefold().find(wanted.casefold()) >= 0


def question_sets(store: Store, today: date) -> list[ZaakLifecycle]:
    found = (
        zaak_lifecycle(store, n, today) for n in state.zaak_nummers_with_role(store, "question")
    )
    return [z for z in found if z is not None]


def overdue_sets(
    store: Store, today: date, *, ministry: str | None = None, party: str | None = None
) -> list[ZaakLifecycle]:
    """Every set of questions overdue on ``today``, filtered by ministry/party (substring)."""
    result = []
    for zaak in question_sets(store, today):
        if not zaak.overdue:
            continue
        if not any(_matches(m, ministry) for m in zaak.ministries or [""]):
            continue
        if not any(_matches(p, party) for p in zaak.parties or [""]):
            continue
        result.append(zaak)
    return result


def group_by_ministry_and_party(zaken: Iterable[ZaakLifecycle]) -> list[OverdueGroup]:
    """Overdue sets per (ministry, party); a set with two of either appears under each."""
    groups: dict[tuple[str, str], OverdueGroup] = {}
    for zaak in zaken:
        for ministry in zaak.ministries or ["(onbekend)"]:
            for party in zaak.parties or ["(onbekend)"]:
                key = (ministry, party)
                groups.setdefault(key, OverdueGroup(ministry=ministry, party=party))
                groups[key].zaken.append(zaak)
    return [groups[k] for k in sorted(groups)]


def sync_status(store: Store) -> SyncStatus:
    return SyncStatus(
        cursors=state.cursors(store),
        counts=state.counts(store),
        failures=[
            {"source_id": f.source_id, "sha256": f.sha256, "error": f.error, "size": f.size}
            for f in state.failures(store)
        ],
    )
