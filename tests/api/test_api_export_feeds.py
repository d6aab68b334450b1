"""Streaming export (JSONL, CSV) and Atom feeds."""

from __future__ import annotations

import csv
import io
import json

from defusedxml import ElementTree
from fastapi.testclient import TestClient

from kamerqa.store import Store

ATOM = "{http://www.w3.org/2005/Atom}"


def test_jsonl_export_streams_one_row_per_question(client: TestClient, api_store: Store) -> None:
    with client.stream("GET", "/api/export", params={"format": "jsonl"}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/x-ndjson")
        rows = [json.loads(line) for line in response.iter_lines() if line]
    assert len(rows) == len(list(api_store.iter_qa_rows())) == api_store.stats().questions


def test_csv_export_has_a_header_and_every_row(client: TestClient, api_store: Store) -> None:
    response = client.get("/api/export", params={"format": "csv"})
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.text)))
    expected = list(api_store.iter_qa_rows())
    assert len(rows) == len(expected)
    assert set(rows[0]) == set(expected[0])


def test_export_rejects_unknown_formats(client: TestClient) -> None:
    assert client.get("/api/export", params={"format": "xls"}).status_code == 422


def _entries(body: bytes) -> list:  # type: ignore[type-arg]
    root = ElementTree.fromstring(body)
    assert root.tag == f"{ATOM}feed"
    return root.findall(f"{ATOM}entry")


def test_search_feed_lists_matching_questions_newest_first(client: TestClient) -> None:
    response = client.get("/feeds/search.atom", params={"q": "drones"})
    assert response.headers["content-type"].startswith("application/atom+xml")
    entries = _entries(response.content)
    api = client.get("/api/search", params={"q": "drones", "limit": 50, "sort": "date"}).json()
    assert len(entries) == len(api["hits"]) > 0
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert all("/doc/" in e.find(f"{ATOM}link").get("href") for e in entries)


def test_party_and_committee_feeds(client: TestClient) -> None:
    facets = client.get("/api/search", params={"q": ""}).json()["facets"]
    party = facets["party"][0]["value"]
    entries = _entries(client.get(f"/feeds/party/{party}.atom").content)
    assert entries
    assert all(e.find(f"{ATOM}category").get("term") == party for e in entries)
    committee = facets["committee"][0]["value"]
    assert _entries(client.get(f"/feeds/committee/{committee}.atom").content)
