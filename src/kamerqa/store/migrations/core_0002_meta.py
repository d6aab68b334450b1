"""Core migration 0002: a fourth index stream ``meta`` with filter tokens (party, genre, year,
kind), so those filters are answered inside FTS5 / the tsvector instead of a join per match."""

from __future__ import annotations

from kamerqa.store.base import Migration, Store

_CHUNK = 20_000

_SQLITE_FTS = """
DROP TRIGGER IF EXISTS qa_units_ai;
DROP TRIGGER IF EXISTS qa_units_ad;
DROP TABLE IF EXISTS qa_fts;
CREATE VIRTUAL TABLE qa_fts USING fts5(
  stems, parts, words, meta,
  content='qa_units', content_rowid='unit_id',
  tokenize='unicode61 remove_diacritics 0'
);
CREATE TRIGGER qa_units_ai AFTER INSERT ON qa_units BEGIN
  INSERT INTO qa_fts(rowid, stems, parts, words, meta)
  VALUES (new.unit_id, new.stems, new.parts, new.words, new.meta);
END;
CREATE TRIGGER qa_units_ad AFTER DELETE ON qa_units BEGIN
  INSERT INTO qa_fts(qa_fts, rowid, stems, parts, words, meta)
  VALUES ('delete', old.unit_id, old.stems, old.parts, old.words, old.meta);
END;
INSERT INTO qa_fts(qa_fts) VALUES ('rebuild');
"""
_PG_TSV = """
DROP INDEX IF EXISTS qa_units_tsv;
ALTER TABLE qa_units DROP COLUMN tsv;
ALTER TABLE qa_units ADD COLUMN tsv tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple', stems), 'A') ||
    setweight(to_tsvector('simple', parts), 'B') ||
    setweight(to_tsvector('simple', words), 'C') ||
    setweight(to_tsvector('simple', meta), 'D')) STORED;
CREATE INDEX qa_units_tsv ON qa_units USING GIN (tsv);
"""


def _backfill(store: Store) -> None:
    from kamerqa.store.rows import unit_meta

    store.execute("ALTER TABLE qa_units ADD COLUMN meta TEXT NOT NULL DEFAULT ''")
    last = -1
    while True:  # in chunks: flat memory on a large store
        rows = store.execute(
            "SELECT u.unit_id, u.kind, u.party, d.genre, d.year FROM qa_units u"
            " JOIN documents d ON d.id = u.doc_id WHERE u.unit_id > ? ORDER BY u.unit_id LIMIT ?",
            (last, _CHUNK),
        )
        if not rows:
            return
        store.executemany(
            "UPDATE qa_units SET meta = ? WHERE unit_id = ?",
            [(unit_meta(kind, party, genre, year), uid) for uid, kind, party, genre, year in rows],
        )
        last = rows[-1][0]


def _sqlite(store: Store) -> None:
    _backfill(store)
    store.run_script(_SQLITE_FTS)


def _postgresql(store: Store) -> None:
    _backfill(store)
    store.run_script(_PG_TSV)


MIGRATIONS = [Migration("0002_meta_tokens", sqlite=_sqlite, postgresql=_postgresql)]
