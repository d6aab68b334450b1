"""Stores built in tmp for the web tests: the bundled examples plus hostile input."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kamerqa.api.app import create_app
from kamerqa.cli.serve_cmd import examples_dir
from kamerqa.model import Document
from kamerqa.store import Store, open_store

FIXTURES = Path(__file__).resolve().parent / "fixtures"
XSS_FIXTURE = FIXTURES / "xss_kamervragen.txt"


def build_store(path: Path, *extra: Path) -> Path:
    with open_store(path) as store:
        report = store.ingest_paths([examples_dir(), *extra], workers=1)
    assert report.inserted >= 10, report.failed
    failed = {Path(f.path).resolve() for f in report.failed}
    assert not failed & {p.resolve() for p in extra}, report.failed
    return path


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "kamerqa.db", XSS_FIXTURE)


@pytest.fixture(scope="session")
def web_store(web_db: Path) -> Iterator[Store]:
    with open_store(web_db) as store:
        yield store


@pytest.fixture(scope="session")
def web_client(web_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(str(web_db))) as client:
        client.headers["Accept"] = "text/html,application/xhtml+xml"
        yield client


@pytest.fixture(scope="session")
def web_documents(web_store: Store) -> list[Document]:
    docs = [web_store.get_document(s.id) for s in web_store.list_documents(None, limit=100)]
    return [d for d in docs if d is not None]


@pytest.fixture(scope="session")
def xss_document(web_documents: list[Document]) -> Document:
    return next(d for d in web_documents if "<script>" in d.title)
