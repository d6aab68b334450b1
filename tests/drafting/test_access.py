"""Access control over every route of the app.

A draft carries an invented marker word. Over every drafting route (without login, and as a
user of another team) and every public route (search, documents, feeds, exports, similar, pages)
the marker word must never appear and no write may succeed. Queries use other words of the
draft (never the marker itself, which a response may echo). After the consultation is sent,
the same public search finds it, which shows that the check is able to see a leak.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from kamerqa.api.app import create_app
from kamerqa.drafting.models import Consultation, User
from kamerqa.drafting.service import Drafting
from kamerqa.store.base import Store

from .conftest import MARKER_WORD

_TAGS = re.compile(r"<[^>]+>")
QUERY = "loopt op schema"  # words of the draft's answer next to the marker word
QUESTION = "Hoe staat het met het project dat loopt op schema"
SAMPLE_BODIES = {
    "PUT": {"questions": ["1"], "text": "Gekaapt.", "content": {}, "version": None},
    "PATCH": {"subject": "Gekaapt"},
    "POST": {"to": "approved", "token": "kqd_wrong", "title": "x"},
}


def routes(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path template) of every route, whatever FastAPI version builds the app."""
    found: list[tuple[str, str]] = []
    for route in app.routes:
        contexts = (
            list(route.effective_route_contexts())  # type: ignore[attr-defined]
            if hasattr(route, "effective_route_contexts")
            else [route]
        )
        for context in contexts:
            path = getattr(context, "path", None)
            for method in getattr(context, "methods", None) or ():
                if path and method != "HEAD":
                    found.append((method, path))
    return found


def _leaks(text: str) -> bool:
    return MARKER_WORD.lower() in _TAGS.sub("", text).lower()


def _fill(path: str, cid: str) -> str:
    values = {
        "cid": cid,
        "doc_id": f"kamerqa-draft-{cid}",
        "number": "1",
        "note_id": "1",
        "party": "VVD",
        "committee": "vaste commissie voor Infrastructuur en Waterstaat",
        "nummer": "2025Z00001",
    }
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "onbekend"), path)


def _call(client: TestClient, method: str, path: str, headers: dict[str, str]) -> tuple[int, str]:
    query = {"q": QUERY, "text": QUESTION, "format": "md"}
    kwargs: dict[str, object] = {"headers": headers, "params": query, "follow_redirects": False}
    if method in SAMPLE_BODIES:
        if path.endswith(("/inbreng", "/import", "/new")):
            kwargs["files"] = {"file": ("x.md", b"---\nid: x\n---\nOnzin zonder vraag")}
        elif path.startswith("/drafting/"):
            kwargs["data"] = SAMPLE_BODIES[method]
        else:
            kwargs["json"] = SAMPLE_BODIES[method]
    response = client.request(method, path, **kwargs)  # type: ignore[arg-type]
    return response.status_code, response.text


@pytest.fixture
def app(store: Store) -> FastAPI:
    return create_app(store=store)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


def _drafting_routes(app: FastAPI) -> list[tuple[str, str]]:
    return [(m, p) for m, p in routes(app) if p.startswith(("/api/drafting", "/drafting"))]


def test_every_drafting_route_is_closed_to_strangers(
    app: FastAPI,
    client: TestClient,
    tokens: dict[str, str],
    drafting: Drafting,
    users: dict[str, User],
    consultation: Consultation,
) -> None:
    checked = _drafting_routes(app)
    assert len(checked) >= 20  # the enumeration found the drafting routes
    strangers = {"nobody": {}, "other team": {"Authorization": f"Bearer {tokens['outsider']}"}}
    for who, headers in strangers.items():
        for method, template in checked:
            client.cookies.clear()
            status, body = _call(client, method, _fill(template, consultation.id), headers)
            assert not _leaks(body), f"{method} {template} shows the draft to {who}"
            if "{cid}" in template:
                assert status in (401, 404, 409, 422), f"{method} {template} as {who}: {status}"
    after = drafting.get(users["drafter"], consultation.id)
    assert after.version == consultation.version and after.status == "draft"
    assert [e.action for e in drafting.audit(users["drafter"], consultation.id)] == ["create"]


def test_drafters_cannot_approve_or_send_over_http(
    client: TestClient, tokens: dict[str, str], consultation: Consultation
) -> None:
    state = f"/api/drafting/consultations/{consultation.id}/state"
    drafter = {"Authorization": f"Bearer {tokens['drafter']}"}
    assert client.post(state, json={"to": "ready_for_review"}, headers=drafter).status_code == 200
    assert client.post(state, json={"to": "approved"}, headers=drafter).status_code == 403
    page = client.post(
        f"/drafting/{consultation.id}/state", data={"to": "approved"}, headers=drafter
    )
    assert page.status_code == 403


def _public_routes(app: FastAPI) -> list[tuple[str, str]]:
    skip = ("/api/drafting", "/drafting", "/static", "/openapi.json", "/api/docs", "/docs")
    return [(m, p) for m, p in routes(app) if m == "GET" and not p.startswith(skip)]


def test_no_public_route_shows_a_draft_until_it_is_sent(
    app: FastAPI,
    client: TestClient,
    drafting: Drafting,
    users: dict[str, User],
    consultation: Consultation,
) -> None:
    public = _public_routes(app)
    assert {"/api/search", "/api/similar", "/api/export", "/feeds/search.atom"} <= {
        p for _, p in public
    }
    drafting.transition(users["drafter"], consultation.id, "ready_for_review")
    drafting.transition(users["approver"], consultation.id, "approved")
    for method, template in public:
        for fmt in ("md", "jsonl", "csv"):
            path = _fill(template, consultation.id)
            response = client.get(path, params={"q": QUERY, "text": QUESTION, "format": fmt})
            assert not _leaks(response.text), f"{method} {template} shows an unsent draft"
    drafting.transition(users["approver"], consultation.id, "sent")
    found = client.get("/api/search", params={"q": QUERY})
    assert found.status_code == 200 and found.json()["total"] >= 1
    similar = client.get("/api/similar", params={"text": QUESTION})
    assert similar.status_code == 200 and _leaks(similar.text)
    document = client.get(f"/api/documents/kamerqa-draft-{consultation.id}")
    assert document.status_code == 200 and _leaks(document.text)
