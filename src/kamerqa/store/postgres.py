"""The PostgreSQL store (psycopg 3): a generated, weighted tsvector over qa_units.

Stems are the ``dutch`` configuration's stems computed in Python (PyStemmer dutch_porter,
identical on our word lists) and indexed with the ``simple`` configuration, so PostgreSQL and
SQLite index exactly the same lexemes and match exactly the same units.
"""

from __future__ import annotations

from typing import Any

import psycopg

from kamerqa.errors import KamerqaInputError
from kamerqa.search.query import Query, to_tsquery
from kamerqa.store.base import Dialect
from kamerqa.store.sqlbase import SQLStore


class PostgresStore(SQLStore):
    dialect: Dialect = "postgresql"

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        try:
            conn = psycopg.connect(url, autocommit=True)
        except psycopg.OperationalError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else "unreachable"
            raise KamerqaInputError(f"cannot connect to PostgreSQL: {first}") from None
        super().__init__(conn, url)
        if migrate:
            self.migrate()

    def _sql(self, sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    def run_script(self, script: str) -> None:
        self._conn.execute(script.encode("utf-8"))

    def _begin(self) -> None:
        self._conn.execute("BEGIN")

    def match_units_sql(self, fts_query: Any) -> tuple[str, list[Any]]:
        assert isinstance(fts_query, Query)
        tsquery = to_tsquery(fts_query)
        return (
            "SELECT unit_id, ts_rank_cd('{0, 0.25, 0.5, 1}', tsv, to_tsquery('simple', ?)) AS score"
            " FROM qa_units WHERE tsv @@ to_tsquery('simple', ?)",
            [tsquery, tsquery],
        )
