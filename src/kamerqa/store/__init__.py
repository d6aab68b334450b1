"""kamerqa.store: SQLite / PostgreSQL storage, ingest, search and similarity over SQL.

The only package of kamerqa that contains SQL. See :mod:`kamerqa.store.base` for the Store
interface and how other packages add their own named migrations.
"""

from __future__ import annotations

from kamerqa.store.base import (
    DEFAULT_DB,
    Migration,
    Store,
    UpsertResult,
    open_store,
    register_migration,
    registered_migrations,
)

__all__ = [
    "DEFAULT_DB",
    "Migration",
    "Store",
    "UpsertResult",
    "open_store",
    "register_migration",
    "registered_migrations",
]
