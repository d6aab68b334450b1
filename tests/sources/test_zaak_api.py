"""Acceptance: question, postponement and answer of one Zaak linked in the store and the API."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi.testclient import TestClient

from kamerqa.api.app import create_app
from kamerqa.sources.engine import SyncOptions
from kamerqa.sources.status import group_by_ministry_and_party, overdue_sets, zaak_lifecycle
from kamerqa.store import Store

from .conftest import EngineFactory


@pytest.fixture
def synced(store: Store, make_engine: EngineFactory) -> Store:
    make_engine(store).run(SyncOptions())
    return store


def test_question_postponement_and_answer_are_linked_through_the_zaak(synced: Store) -> None:
    zaak = zaak_lifecycle(synced, "2026Z00101", date(2026, 3, 1))
    assert zaak is not None
    assert zaak.question is not None and zaak.question.nummer == "2026D00101"
    assert [p.nummer for p in zaak.postponements] == ["2026D00211"]
    assert [a.nummer for a in zaak.answers] == ["2026D00390"]
    assert zaak.answers[0].store_doc_id == "ah-tk-20252026-901"
    assert synced.get_document("ah-tk-20252026-901") is not None
    assert (zaak.status, zaak.deadline, zaak.answered_late) == (
        "answered",
        date(2026, 2, 16),
        False,
    )
    assert [a.name for a in zaak.askers] == ["M. van der Berg", "S. Okkema"]
    assert zaak.ministries == ["Infrastructuur en Waterstaat"]


@pytest.mark.parametrize(
    ("today", "overdue"),
    [
        (date(2026, 2, 2), []),
        (date(2026, 2, 3), ["2026Z00102"]),
        (date(2026, 2, 26), ["2026Z00102"]),
        (date(2026, 2, 27), ["2026Z00102", "2026Z00104"]),
    ],
)
def test_overdue_sets_around_the_three_and_six_week_limits(
    synced: Store, today: date, overdue: list[str]
) -> None:
    assert [z.nummer for z in overdue_sets(synced, today)] == overdue


def test_overdue_sets_per_ministry_and_party(synced: Store) -> None:
    groups = group_by_ministry_and_party(overdue_sets(synced, date(2026, 3, 1)))
    assert [(g.ministry, g.party, [z.nummer for z in g.zaken]) for g in groups] == [
        ("Defensie", "VVD", ["2026Z00104"]),
        ("Volksgezondheid, Welzijn en Sport", "SP", ["2026Z00102"]),
    ]
    only_sp = overdue_sets(synced, date(2026, 3, 1), party="sp")
    assert [z.nummer for z in only_sp] == ["2026Z00102"]
    assert overdue_sets(synced, date(2026, 3, 1), ministry="Financiën") == []


def test_api_zaak_route_links_question_postponement_and_answer(synced: Store) -> None:
    client = TestClient(create_app(store=synced))
    body = client.get("/api/zaken/2026Z00104", params={"today": "2026-02-26"}).json()
    assert body["status"] == "postponed"
    assert (body["deadline"], body["overdue"]) == ("2026-02-26", False)
    late = client.get("/api/zaken/2026Z00104", params={"today": "2026-02-27"}).json()
    assert (late["overdue"], late["days_overdue"]) == (True, 1)
    assert late["question"]["nummer"] == "2026D00170"
    assert [p["nummer"] for p in late["postponements"]] == ["2026D00260"]
    answered = client.get("/api/zaken/2026Z00101", params={"today": "2026-03-01"}).json()
    assert [a["store_doc_id"] for a in answered["answers"]] == ["ah-tk-20252026-901"]
    missing = client.get("/api/zaken/2099Z99999")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "not_found"


def test_api_open_questions_and_sync_status(synced: Store) -> None:
    client = TestClient(create_app(store=synced))
    groups = client.get("/api/open-questions", params={"today": "2026-02-03"}).json()
    assert [(g["ministry"], g["party"]) for g in groups] == [
        ("Volksgezondheid, Welzijn en Sport", "SP")
    ]
    status = client.get("/api/sync/status").json()
    assert "feed:Document" in status["cursors"]
    assert [f["source_id"] for f in status["failures"]] == ["a3c51e02-1111-4b7a-9c3e-5f6a7b8c9d06"]
    assert client.get("/api/open-questions", params={"today": "gisteren"}).status_code == 422
