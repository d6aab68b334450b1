"""Hostile document text renders as text on every page, in the API and in the feeds."""

from __future__ import annotations

import html

from defusedxml import ElementTree
from fastapi.testclient import TestClient

from kamerqa.model import Document

PAYLOADS = (
    '<script>alert("kamerqa-xss")</script>',
    "<img src=x onerror=",
    "<iframe",
    "<b onmouseover=",
)


def assert_inert(body: str, where: str) -> None:
    for payload in PAYLOADS:
        assert payload not in body, f"{payload!r} unescaped in {where}"
    assert 'href="javascript' not in body, where


def pages_of(doc: Document) -> list[str]:
    first = doc.questions[0].number
    return [
        f"/doc/{doc.id}",
        f"/doc/{doc.id}/vraag/{first}/vergelijkbaar",
        "/?q=script",
        "/?q=beveiliging&sort=date",
        "/?q=websites&party=VVD",
        "/documenten",
        "/statistieken",
        "/",
    ]


def test_hostile_text_is_escaped_on_every_page(
    web_client: TestClient, xss_document: Document
) -> None:
    doc_page = web_client.get(f"/doc/{xss_document.id}").text
    assert html.escape('<script>alert("kamerqa-xss")</script>', quote=False) in doc_page or (
        "&lt;script&gt;alert(&#34;kamerqa-xss&#34;)&lt;/script&gt;" in doc_page
    )
    assert 'href="javascript' not in doc_page
    for path in pages_of(xss_document):
        response = web_client.get(path)
        assert response.status_code == 200, path
        assert_inert(response.text, path)


def test_hostile_text_in_search_snippets_is_escaped(
    web_client: TestClient, xss_document: Document
) -> None:
    page = web_client.get("/", params={"q": "overheidswebsites"}).text
    assert "overheidswebsites" in page
    assert "&lt;script&gt;" in page or "&lt;img" in page
    assert_inert(page, "search snippets")


def test_hostile_text_in_feeds_is_character_data(
    web_client: TestClient, xss_document: Document
) -> None:
    for path in ("/feeds/search.atom?q=overheidswebsites", "/feeds/search.atom?q=script"):
        body = web_client.get(path).content
        root = ElementTree.fromstring(body)  # well-formed XML despite the markup in the text
        texts = " ".join(t for t in root.itertext())
        assert "<script>" in texts or "<img" in texts  # round-trips as text
        assert b"<script>" not in body and b"<img src=x" not in body


def test_api_returns_the_text_unchanged(web_client: TestClient, xss_document: Document) -> None:
    body = web_client.get(f"/api/documents/{xss_document.id}").json()
    assert body["questions"][0]["text"] == xss_document.questions[0].text
    assert (
        web_client.get(f"/api/documents/{xss_document.id}")
        .headers["content-type"]
        .startswith("application/json")
    )


def test_public_pages_forbid_inline_scripts(web_client: TestClient, xss_document: Document) -> None:
    response = web_client.get(f"/doc/{xss_document.id}")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy.split("style-src")[0]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "<script>" not in response.text.split("</head>")[1].replace(
        '<script src="/static/app.js', ""
    )
