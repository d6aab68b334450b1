"""The Store interface, the migration registry and ``open_store``.

One interface, two backends: a file path opens SQLite (default ``./kamerqa.db``), a
``postgresql://`` URL opens PostgreSQL (psycopg 3). Only ``kamerqa.store`` contains SQL.

Migrations (how another package adds its tables)
-------------------------------------------------
A migration is a *named* step, applied once per database and recorded in the table
``schema_migrations(name, applied_at)``. Steps are applied in the sort order of their names,
so core steps are named ``0001_…``, ``0002_…`` and come first; other owners prefix their
names: ``sync_0001_feeds``, ``drafting_0001_consultations``. Never rename or edit an applied
step: add a new one.

There are two equivalent ways to add one:

1. **SQL files** in ``src/kamerqa/store/migrations/``: ``<name>.sqlite.sql`` and
   ``<name>.postgresql.sql`` (or a single ``<name>.sql`` valid in both dialects). Statements
   are separated by ``;`` at the end of a line.
2. **A Python module** ``src/kamerqa/store/migrations/<name>.py`` (e.g. ``sync_schema.py``)
   defining ``MIGRATIONS: list[Migration]``; or call :func:`register_migration` from any
   module imported before :func:`open_store`. A step's ``sqlite``/``postgresql`` is an SQL
   script (str) or a callable taking the :class:`Store` (use ``store.execute``).

Other owners keep their own SQL in ``kamerqa/store/sync_*.py`` / ``drafting_*.py`` modules that
take a Store and use :meth:`Store.execute` / :meth:`Store.transaction`; write placeholders as
``?`` (translated to ``%s`` for PostgreSQL) and check ``store.dialect`` where SQL differs.
"""

from __future__ import annotations

import abc
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from kamerqa.errors import KamerqaInputError
from kamerqa.model import Document
from kamerqa.search.models import (
    DocumentFilters,
    DocumentSummary,
    IngestReport,
    SearchRequest,
    SearchResponse,
    SimilarResponse,
    Stats,
)

__all__ = [
    "DEFAULT_DB",
    "Dialect",
    "Migration",
    "MigrationStep",
    "Store",
    "UpsertResult",
    "open_store",
    "register_migration",
    "registered_migrations",
]

DEFAULT_DB = "kamerqa.db"
Dialect = Literal["sqlite", "postgresql"]
UpsertResult = Literal["inserted", "updated", "unchanged"]
MigrationStep = str | Callable[["Store"], None] | None


@dataclass(frozen=True)
class Migration:
    """A named schema step; ``None`` for a dialect means: nothing to do there."""

    name: str
    sqlite: MigrationStep = None
    postgresql: MigrationStep = None

    def step(self, dialect: Dialect) -> MigrationStep:
        return self.sqlite if dialect == "sqlite" else self.postgresql


_REGISTERED: dict[str, Migration] = {}


def register_migration(migration: Migration) -> Migration:
    """Add a named migration (idempotent for the same object; a clash of names raises)."""
    existing = _REGISTERED.get(migration.name)
    if existing is not None and existing != migration:
        raise ValueError(f"migration {migration.name!r} is registered twice")
    _REGISTERED[migration.name] = migration
    return migration


def registered_migrations() -> list[Migration]:
    """Every migration (SQL files, modules, explicit registrations), in application order."""
    from kamerqa.store.migrations import discover

    for migration in discover():
        register_migration(migration)
    return [_REGISTERED[name] for name in sorted(_REGISTERED)]


class Store(abc.ABC):
    """A kamerqa database. Every method is safe to call from one thread at a time."""

    dialect: Dialect
    url: str

    # -- documents ---------------------------------------------------------------------
    @abc.abstractmethod
    def upsert_document(
        self, doc: Document, *, source_bytes_sha256: str | None = None
    ) -> UpsertResult:
        """Insert or replace ``doc`` by its id (natural key: KOOP id / TK number / sha256).

        Returns "unchanged" (and writes nothing) when the stored content is identical.
        """

    @abc.abstractmethod
    def get_document(self, doc_id: str) -> Document | None: ...

    @abc.abstractmethod
    def delete_document(self, doc_id: str) -> bool:
        """Remove a document and everything indexed for it; False when it was not there."""

    @abc.abstractmethod
    def list_documents(
        self, filters: DocumentFilters | None = None, limit: int = 50, offset: int = 0
    ) -> list[DocumentSummary]: ...

    @abc.abstractmethod
    def count_documents(self, filters: DocumentFilters | None = None) -> int: ...

    def ingest_paths(
        self,
        paths: Sequence[str | Path],
        *,
        workers: int | None = None,
        batch_size: int = 32,
        progress: Callable[[str, int, int], None] | None = None,
        embed: bool = True,
    ) -> IngestReport:
        """Parse files/folders (recursively, every supported format) and upsert them.

        Parsing runs in a process pool; each batch of documents is one transaction.
        ``progress(path, done, total)`` is called after every file. A run that changed
        something is logged in ``ingest_runs`` and (``embed``) computes missing question
        vectors; a run that changed nothing writes nothing.
        """
        from kamerqa.store.ingest import ingest_paths

        return ingest_paths(
            self, paths, workers=workers, batch_size=batch_size, progress=progress, embed=embed
        )

    @abc.abstractmethod
    def reindex(self) -> int:
        """Re-analyse every stored question and answer into the search index (needed after
        the analysis or the compound lexicon changed); returns the number of documents."""

    def optimize_index(self) -> None:
        """Compact the search index after a bulk load (SQLite: FTS5 'optimize' merges all
        segments into one); a no-op where the backend keeps its index compact itself."""
        return None

    # -- search ------------------------------------------------------------------------
    @abc.abstractmethod
    def search(self, request: SearchRequest) -> SearchResponse: ...

    @abc.abstractmethod
    def similar(
        self,
        text: str | None = None,
        question: tuple[str, str] | None = None,
        limit: int = 10,
        method: str = "auto",
    ) -> SimilarResponse:
        """Questions similar to ``text`` or to the stored question (doc_id, number).

        ``method``: "auto" (hybrid when embeddings load, else lexical), "lexical", "dense",
        "hybrid".
        """

    @abc.abstractmethod
    def stats(self) -> Stats: ...

    @abc.abstractmethod
    def iter_qa_rows(self) -> Iterator[dict[str, Any]]:
        """One flat row per question with its answer, for export (jsonl/csv/parquet)."""

    # -- low level, for migrations and the sync_*/drafting_* store modules --------------
    @abc.abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """Commit on success, roll back on error; nested use joins the outer transaction."""

    @abc.abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Run one statement (``?`` placeholders) and return its rows (empty if none)."""

    @abc.abstractmethod
    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    @abc.abstractmethod
    def run_script(self, script: str) -> None:
        """Run several ``;``-separated statements without parameters (migrations)."""

    @abc.abstractmethod
    def applied_migrations(self) -> list[str]: ...

    @abc.abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
SCHEMES = ("postgresql", "postgres", "sqlite")


def check_scheme(url: str) -> None:
    """A one-line input error for a URL of a database kamerqa does not speak (mysql://…)."""
    found = _SCHEME.match(url)
    if found and found.group(1).lower() not in SCHEMES:
        raise KamerqaInputError(
            f"unsupported database URL scheme {found.group(1)!r}"
            " (use a file path or postgresql://…)"
        )


def open_store(url: str | Path | None = None, *, migrate: bool = True) -> Store:
    """Open (creating and migrating when needed) the store at ``url``.

    ``None`` -> ``./kamerqa.db``; ``postgresql://…``/``postgres://…`` -> PostgreSQL;
    ``sqlite:///path`` or any other string -> a SQLite file path (``:memory:`` works too).
    """
    target = str(url) if url is not None else DEFAULT_DB
    check_scheme(target)
    if target.startswith(("postgresql://", "postgres://")):
        from kamerqa.store.postgres import PostgresStore

        return PostgresStore(target, migrate=migrate)
    from kamerqa.store.sqlite import SQLiteStore

    if target.startswith("sqlite:///"):
        target = target[len("sqlite:///") :]
    return SQLiteStore(target, migrate=migrate)
