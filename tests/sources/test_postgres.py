"""The sync tables and lifecycle queries behave the same on PostgreSQL as on SQLite."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from conftest import missing_service
from kamerqa.sources.engine import SyncOptions
from kamerqa.sources.status import overdue_sets
from kamerqa.store import open_store

from .conftest import EngineFactory
from .helpers import snapshot

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"


def _admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as conn:
        conn.execute(sql)


@pytest.fixture
def pg_url() -> Iterator[str]:
    import psycopg

    name = f"kamerqa_sync_{uuid.uuid4().hex[:12]}"
    try:
        _admin(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError:
        missing_service("PostgreSQL")
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.postgres
def test_postgres_store_ends_equal_to_sqlite_after_sync_and_incremental(
    pg_url: str, tmp_path: Path, make_engine: EngineFactory
) -> None:
    snapshots = []
    for url in (pg_url, str(tmp_path / "same.db")):
        with open_store(url) as store:
            make_engine(store).run(SyncOptions())
            make_engine(store).run(SyncOptions())
            overdue = [z.nummer for z in overdue_sets(store, date(2026, 2, 27))]
            assert overdue == ["2026Z00102", "2026Z00104"]
            snapshots.append(snapshot(store))
    postgres, sqlite = snapshots
    assert postgres == sqlite
    assert postgres["sync"]["sync_failure"][0][2].startswith(b"%PDF")
