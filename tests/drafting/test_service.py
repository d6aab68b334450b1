"""Workflow: states, roles, audit log, editing rules, publishing."""

from __future__ import annotations

import pytest

from kamerqa.drafting import auth
from kamerqa.drafting.errors import Conflict, Forbidden, Invalid, NotFound
from kamerqa.drafting.models import Consultation, User
from kamerqa.drafting.service import Drafting
from kamerqa.store.base import Store

from .conftest import sample_content


def _actions(drafting: Drafting, user: User, cid: str) -> list[tuple[str, str, str]]:
    return [(e.actor, e.action, e.detail) for e in drafting.audit(user, cid)]


def test_tokens_are_stored_hashed_and_authenticate(store: Store, tokens: dict[str, str]) -> None:
    stored = store.execute("SELECT token_hash FROM drafting_users")
    assert all(tokens["drafter"] not in str(row) for row in stored)
    user = auth.user_for_token(store, tokens["drafter"])
    assert user is not None and (user.name, user.role, user.team) == ("dora", "drafter", "ienw")
    assert auth.user_for_token(store, tokens["drafter"] + "x") is None
    assert auth.user_for_token(store, "") is None


def test_sessions(store: Store, tokens: dict[str, str]) -> None:
    user, session = auth.login(store, tokens["approver"])
    assert auth.user_for_session(store, session) == user
    auth.logout(store, session)
    assert auth.user_for_session(store, session) is None


def test_full_workflow_is_logged_and_publishes(
    drafting: Drafting, store: Store, users: dict[str, User], consultation: Consultation
) -> None:
    cid = consultation.id
    drafter, approver = users["drafter"], users["approver"]
    assert store.get_document(f"kamerqa-draft-{cid}") is None
    drafting.set_answer(drafter, cid, ["1"], "De planning is bijgesteld.[^1]")
    drafting.transition(drafter, cid, "ready_for_review")
    with pytest.raises(Forbidden):
        drafting.transition(drafter, cid, "approved")
    drafting.transition(approver, cid, "approved")
    with pytest.raises(Forbidden):
        drafting.transition(drafter, cid, "sent")
    sent = drafting.transition(approver, cid, "sent")
    assert sent.status == "sent"
    published = store.get_document(f"kamerqa-draft-{cid}")
    assert published is not None
    assert published.answer_for("1") is not None
    assert published.answer_for("1").text == "De planning is bijgesteld."  # type: ignore[union-attr]
    assert [(f.id, f.in_) for f in published.footnotes] == [("1", "a1")]
    log = _actions(drafting, approver, cid)
    assert [a for _, a, _ in log] == ["create", "edit", "state", "state", "state"]
    assert log[1] == ("dora", "edit", "answers to questions 1")
    assert [d.split(";")[0] for _, a, d in log if a == "state"] == [
        "draft -> ready_for_review",
        "ready_for_review -> approved",
        "approved -> sent",
    ]
    assert log[3][0] == "arie"
    with pytest.raises(Conflict):
        drafting.set_answer(approver, cid, ["1"], "Nog een wijziging.")


def test_approved_cannot_be_edited_without_returning_to_draft(
    drafting: Drafting, users: dict[str, User], consultation: Consultation
) -> None:
    cid = consultation.id
    drafting.transition(users["drafter"], cid, "ready_for_review")
    drafting.transition(users["approver"], cid, "approved")
    with pytest.raises(Conflict, match="return it to draft"):
        drafting.set_answer(users["approver"], cid, ["2", "3"], "Andere tekst.")
    with pytest.raises(Conflict):
        drafting.update_metadata(users["drafter"], cid, {"subject": "iets anders"})
    drafting.transition(users["drafter"], cid, "draft")
    drafting.set_answer(users["drafter"], cid, ["2", "3"], "Andere tekst.")
    log = _actions(drafting, users["drafter"], cid)
    assert ("dora", "state", "approved -> draft") in log
    assert log[-1] == ("dora", "edit", "answers to questions 2, 3")


def test_review_needs_a_valid_consultation(
    drafting: Drafting, users: dict[str, User], consultation: Consultation
) -> None:
    drafting.set_answer(users["drafter"], consultation.id, ["1"], "Zie antwoord op vraag 1.")
    with pytest.raises(Conflict, match="question 1 \\(VVD\\): the answer points to itself"):
        drafting.transition(users["drafter"], consultation.id, "ready_for_review")


def test_other_teams_see_nothing(
    drafting: Drafting, users: dict[str, User], consultation: Consultation
) -> None:
    outsider = users["outsider"]
    with pytest.raises(NotFound):
        drafting.get(outsider, consultation.id)
    with pytest.raises(NotFound):
        drafting.set_answer(outsider, consultation.id, ["1"], "Gekaapt.")
    with pytest.raises(NotFound):
        drafting.audit(outsider, consultation.id)
    assert drafting.consultations(outsider) == []
    assert [c.id for c in drafting.consultations(users["admin"])] == [consultation.id]
    assert drafting.get(users["admin"], consultation.id).id == consultation.id


def test_joint_answer_replaces_single_answers(
    drafting: Drafting, users: dict[str, User], consultation: Consultation
) -> None:
    updated = drafting.set_answer(users["drafter"], consultation.id, ["1", "2"], "Samen.[^1]")
    answers = {tuple(a.questions): a.text for a in updated.content.answers}
    assert answers == {
        ("3",): "De sluis kost 12 miljoen en is in 2027 klaar.",
        ("1", "2"): "Samen.[^1]",
    }
    with pytest.raises(Invalid, match="no question 9"):
        drafting.set_answer(users["drafter"], consultation.id, ["9"], "Niets.")


def test_stale_version_is_refused(
    drafting: Drafting, users: dict[str, User], consultation: Consultation
) -> None:
    drafting.set_answer(users["drafter"], consultation.id, ["1"], "Eerste versie.[^1]")
    with pytest.raises(Conflict, match="changed since"):
        drafting.update_content(
            users["approver"], consultation.id, sample_content(), expected_version=1
        )


def test_metadata_edit_is_logged_by_field(
    drafting: Drafting, users: dict[str, User], consultation: Consultation
) -> None:
    drafting.update_metadata(
        users["drafter"], consultation.id, {"subject": "de Transportraad", "title": "Nieuw"}
    )
    log = _actions(drafting, users["drafter"], consultation.id)
    assert log[-1] == ("dora", "edit", "metadata: title, subject")
    with pytest.raises(Invalid):
        drafting.update_metadata(users["drafter"], consultation.id, {"date_submitted": "gisteren"})


def test_expired_sessions_do_not_log_in_and_are_forgotten(
    store: Store, tokens: dict[str, str]
) -> None:
    from kamerqa.store import drafting_repo

    drafting_repo.add_session(
        store, auth.hash_secret("old"), "dora", "2000-01-01T00:00:00+00:00", "1999-01-01"
    )
    assert auth.user_for_session(store, "old") is None
    auth.login(store, tokens["drafter"])
    assert store.execute(
        "SELECT COUNT(*) FROM drafting_sessions WHERE id_hash = ?", (auth.hash_secret("old"),)
    ) == [(0,)]
