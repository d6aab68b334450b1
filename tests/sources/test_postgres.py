"""The sync tables and lifecycle queries behave the same on PostgreSQL as on SQLite."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kamerqa.sources.engine import SyncOptions
from kamerqa.sources.status import overdue_sets
from kamerqa.store import open_store

from .conftest import EngineFactory
from .helpers import snapshot


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
