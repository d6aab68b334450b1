"""The same app over PostgreSQL: the pool opens several stores; routes answer alike."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from fastapi.testclient import TestClient

from conftest import fresh_pg_database
from kamerqa.api.app import create_app
from kamerqa.cli.serve_cmd import examples_dir
from kamerqa.store import open_store

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    with fresh_pg_database("kamerqa_api") as url:
        yield url


@pytest.mark.slow
def test_app_over_postgresql_serves_concurrent_requests(pg_url: str) -> None:
    with open_store(pg_url) as store:
        report = store.ingest_paths([examples_dir()], workers=1)
        assert report.inserted >= 10, report.failed
        expected = store.count_documents()
    with TestClient(create_app(pg_url)) as client:
        ids = [
            d["id"] for d in client.get("/api/documents", params={"limit": 100}).json()["documents"]
        ]
        assert len(ids) == expected

        def fetch(doc_id: str) -> tuple[int, str]:
            response = client.get(f"/api/documents/{doc_id}")
            return response.status_code, response.json()["id"]

        with ThreadPoolExecutor(max_workers=8) as pool:
            results = list(pool.map(fetch, ids * 3))
        assert results == [(200, doc_id) for doc_id in ids * 3]
        hits = client.get("/api/search", params={"q": "drones"}).json()
        assert hits["total"] > 0 and all("<mark>" in h["snippet"] for h in hits["hits"])
        assert client.get("/doc/" + ids[0]).status_code == 200
