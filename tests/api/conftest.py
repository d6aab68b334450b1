"""A store built in tmp from the bundled example documents, and a TestClient over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kamerqa.api.app import create_app
from kamerqa.cli.serve_cmd import examples_dir
from kamerqa.model import Document
from kamerqa.store import Store, open_store

XSS_FIXTURE = Path(__file__).resolve().parent.parent / "web" / "fixtures" / "xss_kamervragen.txt"


@pytest.fixture(scope="session")
def api_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "kamerqa.db"
    with open_store(path) as store:
        report = store.ingest_paths([examples_dir(), XSS_FIXTURE], workers=1)
    assert report.inserted >= 10, report.failed
    return path


@pytest.fixture(scope="session")
def api_store(api_db: Path) -> Iterator[Store]:
    with open_store(api_db) as store:
        yield store


@pytest.fixture(scope="session")
def client(api_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(api_db))) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def documents(api_store: Store) -> list[Document]:
    docs = [api_store.get_document(s.id) for s in api_store.list_documents(None, limit=100)]
    return [d for d in docs if d is not None]
