"""The SQLite store: one file (WAL journal), FTS5 external-content index over qa_units."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from kamerqa.errors import KamerqaInputError
from kamerqa.search.query import Query, to_fts5
from kamerqa.store.base import Dialect
from kamerqa.store.sqlbase import SQLStore

# BM25 weights of the FTS columns: stems (the words), compound parts, surface words, and the
# filter tokens (weight 0: a filter does not change the ranking).
BM25_WEIGHTS = (1.0, 0.5, 0.25, 0.0)
# Read-side tuning: map up to 1 GiB of the file (no copy through the page cache per read),
# 64 MiB page cache, sorters and temporary b-trees in memory (see docs/store-and-search.md).
READ_MMAP = "mmap_size = 1073741824"
READ_PRAGMAS = (READ_MMAP, "cache_size = -65536", "temp_store = MEMORY")


def check_path(path: str) -> None:
    """A one-line input error when ``path`` cannot be (or become) a SQLite database file."""
    target = Path(path).expanduser()
    if target.is_dir():
        raise KamerqaInputError(
            f"is a folder, not a database file; give a file path such as {target / 'kamerqa.db'}",
            path,
        )
    if target.exists():
        return
    parent = target.resolve().parent
    if not parent.exists():
        raise KamerqaInputError(f"cannot create the database: no folder {parent}", path)
    if not parent.is_dir():
        raise KamerqaInputError(f"cannot create the database: {parent} is not a folder", path)
    if not os.access(parent, os.W_OK | os.X_OK):
        raise KamerqaInputError(f"cannot create the database: folder {parent} is read-only", path)


def connect(path: str) -> sqlite3.Connection:
    if path != ":memory:":
        check_path(path)
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 30000")
        if path != ":memory:" and conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        for pragma in READ_PRAGMAS:
            conn.execute(f"PRAGMA {pragma}")
    except sqlite3.DatabaseError as exc:
        raise KamerqaInputError(f"cannot open the database: {exc}", path) from None
    return conn


class SQLiteStore(SQLStore):
    dialect: Dialect = "sqlite"

    def __init__(self, path: str, *, migrate: bool = True) -> None:
        super().__init__(connect(path), path)
        self.path = path
        self._lookup_index: bool | None = None
        if migrate:
            try:
                self.migrate()
            except sqlite3.DatabaseError as exc:
                self.close()
                raise KamerqaInputError(f"not a usable kamerqa database ({exc})", path) from None

    def _begin(self) -> None:
        # Writes read through the 64 MiB page cache, not the memory map: a bulk load touches
        # every index page, and mapped pages count as resident memory (RSS would grow to the
        # size of the map). Reads get the map back after the commit.
        self._conn.execute("PRAGMA mmap_size = 0")
        self._conn.execute("BEGIN IMMEDIATE")

    def _end(self) -> None:
        self._conn.execute(f"PRAGMA {READ_MMAP}")

    def run_script(self, script: str) -> None:
        statement = ""
        for line in script.splitlines(keepends=True):
            statement += line
            if sqlite3.complete_statement(statement):
                self._conn.execute(statement)
                statement = ""
        if statement.strip() and not statement.strip().startswith("--"):
            self._conn.execute(statement)

    def match_units_sql(self, fts_query: Any) -> tuple[str, list[Any]]:
        assert isinstance(fts_query, Query)
        weights = ", ".join(str(w) for w in BM25_WEIGHTS)
        return (
            f"SELECT rowid AS unit_id, -bm25(qa_fts, {weights}) AS score"
            " FROM qa_fts WHERE qa_fts MATCH ?",
            [to_fts5(fts_query)],
        )

    def units_sql(self, alias: str) -> str:
        """qa_units through its narrow covering index (migration 0003) when present: the
        planner would otherwise read each matched unit from the wide table rows."""
        if self._lookup_index is None:
            self._lookup_index = bool(
                self.execute(
                    "SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'qa_units_lookup'"
                )
            )
        hint = " INDEXED BY qa_units_lookup" if self._lookup_index else ""
        return f"qa_units {alias}{hint}"

    def optimize_index(self) -> None:
        with self.transaction():
            self.execute("INSERT INTO qa_fts(qa_fts) VALUES ('optimize')")

    def raw_match(self, match: str, limit: int = 20) -> list[tuple[Any, ...]]:
        """A bare FTS5 MATCH ordered by rank (the baseline bench/search.py compares with)."""
        return self.execute(
            "SELECT rowid FROM qa_fts WHERE qa_fts MATCH ? ORDER BY rank LIMIT ?", (match, limit)
        )
