"""Drafting tables: users, sessions, consultations and their audit log (owner: drafting)."""

from __future__ import annotations

from kamerqa.store.base import Migration

_COMMON = """
CREATE TABLE drafting_users (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL,
    team TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE drafting_sessions (
    id_hash TEXT PRIMARY KEY,
    user_name TEXT NOT NULL REFERENCES drafting_users(name) ON DELETE CASCADE,
    expires_at TEXT NOT NULL
);
CREATE TABLE drafting_consultations (
    id TEXT PRIMARY KEY,
    team TEXT NOT NULL,
    status TEXT NOT NULL,
    title TEXT NOT NULL,
    content TEXT NOT NULL,
    version INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX drafting_consultations_team ON drafting_consultations(team);
"""

_AUDIT_SQLITE = """
CREATE TABLE drafting_audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    consultation_id TEXT NOT NULL,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX drafting_audit_consultation ON drafting_audit(consultation_id, id);
"""

_AUDIT_POSTGRESQL = _AUDIT_SQLITE.replace(
    "id INTEGER PRIMARY KEY AUTOINCREMENT", "id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
)

MIGRATIONS = [
    Migration(
        "drafting_0001_tables",
        sqlite=_COMMON + _AUDIT_SQLITE,
        postgresql=_COMMON + _AUDIT_POSTGRESQL,
    )
]
