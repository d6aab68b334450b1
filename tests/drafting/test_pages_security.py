"""Every /drafting page carries the strict Content-Security-Policy and needs no inline code."""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser

import httpx
import pytest
from fastapi.testclient import TestClient

from kamerqa.api.app import create_app
from kamerqa.api.security import CSP
from kamerqa.store.base import Store

from .conftest import sample_content


class _InlineCode(HTMLParser):
    """Collects what a script-src 'self' policy would block: inline scripts and handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.scripts_with_src: list[str] = []
        self._in_inline_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        self.problems += [f"{tag} {name}=" for name in names if name.startswith("on")]
        self.problems += [f"{tag} style=" for name in names if name == "style"]
        if tag == "script":
            if names.get("src"):
                self.scripts_with_src.append(names["src"] or "")
            else:
                self._in_inline_script = True
        for name in ("href", "src", "action"):
            if (names.get(name) or "").strip().lower().startswith("javascript:"):
                self.problems.append(f"{tag} {name}=javascript:")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_inline_script = False

    def handle_data(self, data: str) -> None:
        if self._in_inline_script and data.strip():
            self.problems.append(f"inline script: {data.strip()[:40]!r}")


def _assert_strict(response: httpx.Response) -> list[str]:
    assert response.headers["content-security-policy"] == CSP
    assert "script-src 'self';" in CSP and "unsafe-inline" not in CSP.split("style-src")[0]
    parser = _InlineCode()
    parser.feed(response.text)
    assert parser.problems == [], response.url
    return parser.scripts_with_src


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store=store)) as test_client:
        yield test_client


def test_every_drafting_page_is_strict(client: TestClient, tokens: dict[str, str]) -> None:
    html = {"Accept": "text/html"}
    _assert_strict(client.get("/drafting", headers=html))  # the login page
    failed = client.post("/drafting/login", data={"token": "kqd_nope"}, headers=html)
    assert failed.status_code == 401
    _assert_strict(failed)
    client.post("/drafting/login", data={"token": tokens["drafter"]})
    made = client.post("/api/drafting/consultations", json=sample_content().model_dump(mode="json"))
    cid = made.json()["id"]
    _assert_strict(client.get("/drafting", headers=html))  # the list
    editor = client.get(f"/drafting/{cid}", headers=html)
    assert editor.status_code == 200
    scripts = _assert_strict(editor)
    assert any(src.startswith("/static/drafting.js") for src in scripts)
    missing = client.get("/drafting/nothing-here", headers=html)
    assert missing.status_code == 404
    _assert_strict(missing)
    refused = client.post(f"/drafting/{cid}/state", data={"to": "sent"}, headers=html)
    assert refused.status_code == 409
    _assert_strict(refused)
    script = client.get("/static/drafting.js")
    assert script.status_code == 200 and "textarea.answer" in script.text


def test_session_cookie_stays_strict(client: TestClient, tokens: dict[str, str]) -> None:
    good = client.post("/drafting/login", data={"token": tokens["drafter"]}, follow_redirects=False)
    cookie = good.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/" in cookie
