"""The drafting tables and workflow on PostgreSQL (the same service code as on SQLite)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conftest import fresh_pg_database
from kamerqa.drafting import auth
from kamerqa.drafting.errors import Conflict
from kamerqa.drafting.service import Drafting
from kamerqa.store import Store, open_store

from .conftest import MARKER_WORD, sample_content

pytestmark = pytest.mark.postgres


@pytest.fixture
def pg_store() -> Iterator[Store]:
    with fresh_pg_database("kamerqa_drafting") as url:
        store = open_store(url)
        try:
            yield store
        finally:
            store.close()


def test_workflow_on_postgresql(pg_store: Store) -> None:
    drafter_token = auth.add_user(pg_store, "dora", "drafter", "ienw")
    approver_token = auth.add_user(pg_store, "arie", "approver", "ienw")
    drafter = auth.user_for_token(pg_store, drafter_token)
    approver = auth.user_for_token(pg_store, approver_token)
    assert drafter is not None and approver is not None
    _, session = auth.login(pg_store, approver_token)
    assert auth.user_for_session(pg_store, session) == approver

    drafting = Drafting(pg_store)
    created = drafting.create(drafter, sample_content())
    drafting.set_answer(drafter, created.id, ["1"], "Bijgewerkt.[^1]")
    with pytest.raises(Conflict):
        drafting.set_answer(drafter, created.id, ["1"], "Oud.", expected_version=1)
    drafting.transition(drafter, created.id, "ready_for_review")
    drafting.transition(approver, created.id, "approved")
    drafting.transition(approver, created.id, "sent")
    published = pg_store.get_document(f"kamerqa-draft-{created.id}")
    assert published is not None
    assert MARKER_WORD in published.questions[0].text
    log = [(e.actor, e.action) for e in drafting.audit(approver, created.id)]
    assert log == [
        ("dora", "create"),
        ("dora", "edit"),
        ("dora", "state"),
        ("arie", "state"),
        ("arie", "state"),
    ]
    assert [c.status for c in drafting.consultations(approver)] == ["sent"]
