"""Writes do not go through the memory map: a bulk load would otherwise map (and count as
resident memory) every page of the index it touches."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerqa.store.sqlite import READ_MMAP, SQLiteStore

READ_MAP_BYTES = int(READ_MMAP.split("=")[1])


def mmap_size(store: SQLiteStore) -> int:
    return int(store.execute("PRAGMA mmap_size")[0][0])


def test_reads_use_the_map_and_write_transactions_do_not(tmp_path: Path) -> None:
    store = SQLiteStore(str(tmp_path / "kamerqa.db"))
    try:
        assert mmap_size(store) == READ_MAP_BYTES
        with store.transaction():
            assert mmap_size(store) == 0
            with store.transaction():  # nested: still the outer write
                assert mmap_size(store) == 0
            assert mmap_size(store) == 0
        assert mmap_size(store) == READ_MAP_BYTES
    finally:
        store.close()


def test_the_map_comes_back_after_a_rolled_back_write(tmp_path: Path) -> None:
    store = SQLiteStore(str(tmp_path / "kamerqa.db"))
    try:
        with pytest.raises(RuntimeError), store.transaction():
            store.execute("CREATE TABLE scratch (x)")
            raise RuntimeError("stop")
        assert mmap_size(store) == READ_MAP_BYTES
        assert not store.execute("SELECT 1 FROM sqlite_master WHERE name = 'scratch'")
    finally:
        store.close()
