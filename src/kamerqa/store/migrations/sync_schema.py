"""Tables of kamerqa.sources (sync): cursors, TK documents, zaken, actors, failures."""

from __future__ import annotations

from kamerqa.store.base import Migration

_COMMON = """
CREATE TABLE sync_cursor (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE sync_document (
    tk_id TEXT PRIMARY KEY,
    nummer TEXT,
    soort TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT 'other',
    titel TEXT NOT NULL DEFAULT '',
    datum TEXT,
    gewijzigd_op TEXT NOT NULL DEFAULT '',
    verwijderd INTEGER NOT NULL DEFAULT 0,
    koop_id TEXT,
    store_doc_id TEXT,
    file_sha256 TEXT,
    file_source TEXT,
    parse_status TEXT NOT NULL DEFAULT 'none'
);
CREATE INDEX sync_document_koop ON sync_document (koop_id);
CREATE TABLE sync_zaak (
    nummer TEXT PRIMARY KEY,
    tk_id TEXT NOT NULL DEFAULT '',
    soort TEXT NOT NULL DEFAULT '',
    onderwerp TEXT NOT NULL DEFAULT '',
    gestart_op TEXT,
    status TEXT
);
CREATE TABLE sync_zaak_document (
    zaak_nummer TEXT NOT NULL,
    tk_id TEXT NOT NULL,
    PRIMARY KEY (zaak_nummer, tk_id)
);
CREATE INDEX sync_zaak_document_doc ON sync_zaak_document (tk_id);
CREATE TABLE sync_zaak_actor (
    zaak_nummer TEXT NOT NULL,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    party TEXT,
    relation TEXT NOT NULL DEFAULT '',
    function TEXT,
    PRIMARY KEY (zaak_nummer, position)
);
CREATE TABLE sync_koop (
    koop_id TEXT PRIMARY KEY,
    modified TEXT NOT NULL DEFAULT '',
    store_doc_id TEXT,
    parse_status TEXT NOT NULL DEFAULT 'none'
);
"""

_FAILURE = """
CREATE TABLE sync_failure (
    source_id TEXT PRIMARY KEY,
    sha256 TEXT NOT NULL,
    content {blob} NOT NULL,
    error TEXT NOT NULL,
    origin TEXT NOT NULL DEFAULT ''
)
"""

_ZAAK_CHANGED = "ALTER TABLE sync_zaak ADD COLUMN gewijzigd_op TEXT NOT NULL DEFAULT ''"

MIGRATIONS = [
    Migration(
        "sync_0001_state",
        sqlite=_COMMON + _FAILURE.format(blob="BLOB"),
        postgresql=_COMMON + _FAILURE.format(blob="BYTEA"),
    ),
    Migration("sync_0002_zaak_changed", sqlite=_ZAAK_CHANGED, postgresql=_ZAAK_CHANGED),
]
