"""Lifecycle and sync status routes: a Zaak with question, postponements, answers; overdue sets.

Included by ``kamerqa.api.app`` when present. Every date judgement takes ``today`` (default:
the server's date) so the same request can be asked about any day.
"""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Query, Request

from kamerqa.api.deps import pool_of
from kamerqa.api.errors import ERROR_RESPONSES, not_found
from kamerqa.sources.lifecycle import ZaakLifecycle
from kamerqa.sources.status import (
    OverdueGroup,
    SyncStatus,
    group_by_ministry_and_party,
    overdue_sets,
    sync_status,
    zaak_lifecycle,
)

router = APIRouter(tags=["sync"], responses=ERROR_RESPONSES)

TODAY = Query(None, description="Judge deadlines on this day (default: today).")


@router.get("/api/zaken/{nummer}", response_model=ZaakLifecycle)
def get_zaak(request: Request, nummer: str, today: date | None = TODAY) -> ZaakLifecycle:
    """One set of Kamervragen: question, postponement notices, answers, status, overdue flag."""
    with pool_of(request).borrow() as store:
        found = zaak_lifecycle(store, nummer, today or date.today())
    if found is None:
        raise not_found(f"zaak {nummer}")
    return found


@router.get("/api/open-questions", response_model=list[OverdueGroup])
def get_open_questions(
    request: Request,
    today: date | None = TODAY,
    ministry: str | None = Query(None, description="Part of the ministry's name."),
    party: str | None = Query(None, description="Party of an asker."),
) -> list[OverdueGroup]:
    """Overdue sets of Kamervragen, grouped per ministry and party."""
    with pool_of(request).borrow() as store:
        overdue = overdue_sets(store, today or date.today(), ministry=ministry, party=party)
    return group_by_ministry_and_party(overdue)


@router.get("/api/sync/status", response_model=SyncStatus)
def get_sync_status(request: Request) -> SyncStatus:
    """Cursors, row counts and files kept because they failed to parse."""
    with pool_of(request).borrow() as store:
        return sync_status(store)
