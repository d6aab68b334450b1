"""What SQLite and PostgreSQL stores share: transactions, migrations, documents, export."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from datetime import UTC, datetime
from typing import Any

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
from kamerqa.store import rows
from kamerqa.store.base import Store, UpsertResult, registered_migrations
from kamerqa.store.filters import filter_sql

_UNIT_COLUMNS = "doc_id, kind, ref, position, party, stems, parts, words, meta"
_CHILD_COLUMNS = {
    "parties": "doc_id, position, name, intro, question_numbers",
    "askers": "doc_id, position, name, party",
    "addressees": "doc_id, position, name, ministry",
    "questions": "doc_id, position, number, party, section, text, answer_id",
    "answers": "doc_id, position, id, text, questions, refers_to",
    "answer_questions": "doc_id, answer_id, question_number",
    "footnotes": "doc_id, position, id, text, location",
    "doc_references": "doc_id, position, type, text, dossier, number, year, koop_id, location",
}
_OWNED_TABLES = ("qa_units", "embeddings", "source_files", *rows.CHILD_TABLES)


def _values(columns: str) -> str:
    return ", ".join("?" for _ in columns.split(","))


class SQLStore(Store):
    """A Store over a DB-API connection; subclasses set the dialect specifics."""

    def __init__(self, conn: Any, url: str) -> None:
        self._conn = conn
        self.url = url
        self._depth = 0
        # one connection shared by threads (e.g. the web app's worker threads): a transaction
        # holds the lock for its whole duration, single statements take it briefly
        self._lock = threading.RLock()
        self.generation = 0  # bumped on every document write (keys in-process caches)

    # -- low level ---------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql

    def _begin(self) -> None:
        self._conn.execute("BEGIN")

    def _end(self) -> None:
        """Called after every outermost commit or rollback (a dialect's clean-up hook)."""

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._lock:
            yield from self._transaction_locked()

    def _transaction_locked(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._begin()
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._conn.rollback()
            self._end()
            raise
        self._depth = 0
        self._conn.commit()
        self._end()

    def transaction(self) -> AbstractContextManager[None]:
        return self._transaction()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            cursor = self._conn.execute(self._sql(sql), tuple(params))
            if cursor.description is None:
                return []
            return [tuple(r) for r in cursor.fetchall()]

    def executemany(self, sql: str, rows_: Iterable[Sequence[Any]]) -> None:
        batch = [tuple(r) for r in rows_]
        if batch:
            with self._lock:
                self._conn.cursor().executemany(self._sql(sql), batch)

    def run_script(self, script: str) -> None:
        raise NotImplementedError  # each dialect runs scripts its own way

    def _ensure_migrations_table(self) -> None:
        self.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            "name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )

    def applied_migrations(self) -> list[str]:
        return [r[0] for r in self.execute("SELECT name FROM schema_migrations ORDER BY name")]

    def migrate(self) -> list[str]:
        """Apply every registered migration not applied yet; returns the names applied."""
        with self.transaction():
            self._ensure_migrations_table()
        done = set(self.applied_migrations())
        applied = []
        for migration in registered_migrations():
            if migration.name in done:
                continue
            step = migration.step(self.dialect)
            with self.transaction():
                if isinstance(step, str):
                    self.run_script(step)
                elif step is not None:
                    step(self)
                self.execute(
                    "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                    (migration.name, datetime.now(UTC).isoformat(timespec="seconds")),
                )
            applied.append(migration.name)
        return applied

    # -- documents ---------------------------------------------------------------------
    def upsert_document(
        self, doc: Document, *, source_bytes_sha256: str | None = None
    ) -> UpsertResult:
        document_json, hash_ = rows.json_and_hash(doc)
        with self.transaction():
            found = self.execute("SELECT content_hash FROM documents WHERE id = ?", (doc.id,))
            if found and found[0][0] == hash_:
                return "unchanged"
            if found:
                self._delete(doc.id)
            self._insert(doc, hash_, document_json, source_bytes_sha256 or doc.source.sha256)
        return "updated" if found else "inserted"

    def _insert(self, doc: Document, hash_: str, document_json: str, sha256: str | None) -> None:
        self.generation += 1
        self.execute(
            f"INSERT INTO documents ({rows.DOCUMENT_COLUMNS}) "
            f"VALUES ({_values(rows.DOCUMENT_COLUMNS)})",
            rows.document_row(doc, hash_, document_json),
        )
        for table, table_rows in rows.child_rows(doc).items():
            columns = _CHILD_COLUMNS[table]
            self.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({_values(columns)})", table_rows
            )
        self.executemany(
            f"INSERT INTO qa_units ({_UNIT_COLUMNS}) VALUES ({_values(_UNIT_COLUMNS)})",
            rows.unit_rows(doc),
        )
        if sha256:
            self.execute(
                "INSERT INTO source_files (sha256, doc_id, path, format) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (sha256) DO UPDATE SET doc_id = excluded.doc_id, "
                "path = excluded.path, format = excluded.format",
                (sha256, doc.id, doc.source.path, doc.source.format),
            )

    def _delete(self, doc_id: str) -> None:
        self.generation += 1
        for table in _OWNED_TABLES:
            self.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
        self.execute("DELETE FROM documents WHERE id = ?", (doc_id,))

    def reindex(self, batch: int = 200) -> int:
        ids = [r[0] for r in self.execute("SELECT id FROM documents ORDER BY id")]
        for start in range(0, len(ids), batch):
            with self.transaction():
                for doc_id in ids[start : start + batch]:
                    doc = self.get_document(doc_id)
                    if doc is None:
                        continue
                    self.execute("DELETE FROM qa_units WHERE doc_id = ?", (doc_id,))
                    self.executemany(
                        f"INSERT INTO qa_units ({_UNIT_COLUMNS}) VALUES ({_values(_UNIT_COLUMNS)})",
                        rows.unit_rows(doc),
                    )
            self.generation += 1
        if ids:
            self.optimize_index()  # every unit was rewritten: compact the index once
        return len(ids)

    def get_document(self, doc_id: str) -> Document | None:
        if "\x00" in doc_id:  # never a stored id; PostgreSQL would refuse the parameter
            return None
        found = self.execute("SELECT document_json FROM documents WHERE id = ?", (doc_id,))
        return Document.from_dict(json.loads(found[0][0])) if found else None

    def delete_document(self, doc_id: str) -> bool:
        if "\x00" in doc_id:
            return False
        with self.transaction():
            if not self.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)):
                return False
            self._delete(doc_id)
        return True

    def list_documents(
        self, filters: DocumentFilters | None = None, limit: int = 50, offset: int = 0
    ) -> list[DocumentSummary]:
        where, params = filter_sql(filters)
        sql = (
            "SELECT d.id, d.genre, d.title, d.committee, d.subject, d.date_submitted,"
            " d.date_answered, d.source_path,"
            " (SELECT count(*) FROM questions q WHERE q.doc_id = d.id),"
            " (SELECT count(*) FROM answers a WHERE a.doc_id = d.id)"
            " FROM documents d"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY d.date DESC, d.id LIMIT ? OFFSET ?"
        )
        return [
            DocumentSummary(
                id=r[0],
                genre=r[1],
                title=r[2],
                committee=r[3],
                subject=r[4],
                date_submitted=r[5],
                date_answered=r[6],
                source_path=r[7] or "",
                questions=r[8],
                answers=r[9],
            )
            for r in self.execute(sql, [*params, limit, offset])
        ]

    def count_documents(self, filters: DocumentFilters | None = None) -> int:
        where, params = filter_sql(filters)
        sql = "SELECT count(*) FROM documents d" + (
            " WHERE " + " AND ".join(where) if where else ""
        )
        return int(self.execute(sql, params)[0][0])

    def record_ingest_run(self, report: IngestReport, started: datetime) -> None:
        """Log a run in ``ingest_runs`` (callers do so only when the run changed something)."""
        failures = json.dumps([f.model_dump() for f in report.failed], ensure_ascii=False)
        with self.transaction():
            self.execute(
                "INSERT INTO ingest_runs (started_at, finished_at, files, inserted, updated,"
                " unchanged, failed, failures) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    started.isoformat(timespec="seconds"),
                    datetime.now(UTC).isoformat(timespec="seconds"),
                    report.files,
                    report.inserted,
                    report.updated,
                    report.unchanged,
                    len(report.failed),
                    failures,
                ),
            )

    # -- search, similarity, stats, export ---------------------------------------------
    def match_units_sql(self, fts_query: Any) -> tuple[str, list[Any]]:
        """SQL selecting (unit_id, score) of units matching a parsed query; dialect-specific."""
        raise NotImplementedError

    def units_sql(self, alias: str) -> str:
        """The qa_units table with ``alias`` as the search joins it (a dialect may add an
        index hint)."""
        return f"qa_units {alias}"

    def search(self, request: SearchRequest) -> SearchResponse:
        from kamerqa.store.searching import run_search

        return run_search(self, request)

    def similar(
        self,
        text: str | None = None,
        question: tuple[str, str] | None = None,
        limit: int = 10,
        method: str = "auto",
    ) -> SimilarResponse:
        from kamerqa.store.similar import run_similar

        return run_similar(self, text=text, question=question, limit=limit, method=method)

    def stats(self) -> Stats:
        from kamerqa.store.stats import compute_stats

        return compute_stats(self)

    def iter_qa_rows(self) -> Iterator[dict[str, Any]]:
        from kamerqa.store.stats import iter_qa_rows

        return iter_qa_rows(self)

    def close(self) -> None:
        self._conn.close()
