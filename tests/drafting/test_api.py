"""Drafting API and pages: login, workflow over HTTP, autosave endpoint, role checks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from kamerqa.api.app import create_app
from kamerqa.store.base import Store

from .conftest import FIXTURES, MARKER_WORD, sample_content


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store=store)) as test_client:
        yield test_client


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_workflow_over_http(client: TestClient, tokens: dict[str, str]) -> None:
    drafter, approver = _bearer(tokens["drafter"]), _bearer(tokens["approver"])
    with (FIXTURES / "inbreng.txt").open("rb") as handle:
        made = client.post(
            "/api/drafting/consultations/inbreng",
            files={"file": ("inbreng.txt", handle)},
            headers=drafter,
        )
    assert made.status_code == 201, made.text
    cid = made.json()["id"]
    assert [q["number"] for q in made.json()["content"]["questions"]] == ["1", "2", "3"]
    check = client.get(f"/api/drafting/consultations/{cid}/check", headers=drafter).json()
    assert "question 1 (VVD): not answered" in [i["message"] for i in check]
    for numbers, text in ((["1"], "Ja."), (["2", "3"], "Beide in 2026.")):
        put = client.put(
            f"/api/drafting/consultations/{cid}/answers",
            json={"questions": numbers, "text": text},
            headers=drafter,
        )
        assert put.status_code == 200, put.text
    stale = client.put(
        f"/api/drafting/consultations/{cid}/answers",
        json={"questions": ["1"], "text": "Nee.", "version": 1},
        headers=drafter,
    )
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "conflict"
    state = f"/api/drafting/consultations/{cid}/state"
    assert client.post(state, json={"to": "ready_for_review"}, headers=drafter).status_code == 200
    denied = client.post(state, json={"to": "approved"}, headers=drafter)
    assert denied.status_code == 403
    assert denied.json()["error"] == {
        "status": 403,
        "code": "forbidden",
        "message": "moving to approved needs the role approver or admin (you are drafter)",
    }
    assert client.post(state, json={"to": "approved"}, headers=approver).status_code == 200
    locked = client.put(
        f"/api/drafting/consultations/{cid}/answers",
        json={"questions": ["1"], "text": "Toch anders."},
        headers=approver,
    )
    assert locked.status_code == 409
    audit = client.get(f"/api/drafting/consultations/{cid}/audit", headers=drafter).json()
    assert [(e["actor"], e["action"]) for e in audit] == [
        ("dora", "create"),
        ("dora", "edit"),
        ("dora", "edit"),
        ("dora", "state"),
        ("arie", "state"),
    ]


def test_session_cookie_login_and_pages(client: TestClient, tokens: dict[str, str]) -> None:
    assert "Inloggen" in client.get("/drafting").text
    bad = client.post("/drafting/login", data={"token": "kqd_nope"})
    assert bad.status_code == 401
    good = client.post("/drafting/login", data={"token": tokens["drafter"]}, follow_redirects=False)
    assert good.status_code == 303
    cookie = good.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie
    new = client.post("/drafting/new", data={"title": "Met de hand"}, follow_redirects=False)
    assert new.status_code == 303
    editor = client.get(new.headers["location"])
    assert editor.status_code == 200 and "Met de hand" in editor.text
    assert client.get("/api/drafting/me").json()["name"] == "dora"
    client.post("/drafting/logout")
    assert client.get("/api/drafting/me").status_code == 401


def test_editor_escapes_draft_text(client: TestClient, tokens: dict[str, str]) -> None:
    content = sample_content()
    content.questions[0].text = "<script>alert('x')</script>"
    made = client.post(
        "/api/drafting/consultations",
        json=content.model_dump(mode="json"),
        headers=_bearer(tokens["drafter"]),
    )
    page = client.get(f"/drafting/{made.json()['id']}", headers=_bearer(tokens["drafter"]))
    assert "<script>alert('x')</script>" not in page.text
    assert "&lt;script&gt;alert(" in page.text
    assert MARKER_WORD in page.text


def test_file_export_and_import_over_http(client: TestClient, tokens: dict[str, str]) -> None:
    headers = _bearer(tokens["drafter"])
    made = client.post(
        "/api/drafting/consultations",
        json=sample_content().model_dump(mode="json"),
        headers=headers,
    )
    cid = made.json()["id"]
    exported = client.get(f"/api/drafting/consultations/{cid}/export?format=md", headers=headers)
    assert exported.status_code == 200 and "## Vraag 1" in exported.text
    edited = exported.text.replace("loopt op schema", "loopt achter op schema")
    imported = client.post(
        f"/api/drafting/consultations/{cid}/import",
        files={"file": ("c.md", edited.encode())},
        headers=headers,
    )
    assert imported.status_code == 200, imported.text
    assert "loopt achter op schema" in imported.json()["content"]["answers"][0]["text"]
    docx = client.get(f"/api/drafting/consultations/{cid}/export?format=docx", headers=headers)
    assert docx.content[:2] == b"PK"
