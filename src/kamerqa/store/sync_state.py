"""SQL of the sync engine (kamerqa.sources): cursors, TK documents, zaken, actors, failures.

Plain rows in, plain rows out; the caller (kamerqa.sources.engine) decides what they mean
and wraps a page of changes plus its cursor in one ``store.transaction()``.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass, fields
from typing import Any

from kamerqa.store.base import Store


@dataclass(frozen=True)
class DocumentRow:
    tk_id: str
    nummer: str | None
    soort: str
    role: str
    titel: str
    datum: str | None
    gewijzigd_op: str
    verwijderd: int
    koop_id: str | None
    store_doc_id: str | None
    file_sha256: str | None
    file_source: str | None
    parse_status: str


@dataclass(frozen=True)
class ZaakRow:
    nummer: str
    tk_id: str
    soort: str
    onderwerp: str
    gestart_op: str | None
    status: str | None
    gewijzigd_op: str = ""


@dataclass(frozen=True)
class ActorRow:
    name: str
    party: str | None
    relation: str
    function: str | None


@dataclass(frozen=True)
class FailureRow:
    source_id: str
    sha256: str
    error: str
    origin: str
    size: int


_DOC_COLUMNS = ", ".join(f.name for f in fields(DocumentRow))
_ZAAK_COLUMNS = ", ".join(f.name for f in fields(ZaakRow))


def _upsert_sql(table: str, columns: str, key: str) -> str:
    names = [c.strip() for c in columns.split(",")]
    marks = ", ".join("?" for _ in names)
    updates = ", ".join(f"{n} = excluded.{n}" for n in names if n != key)
    return (
        f"INSERT INTO {table} ({columns}) VALUES ({marks}) "
        f"ON CONFLICT ({key}) DO UPDATE SET {updates}"
    )


def get_cursor(store: Store, name: str) -> str | None:
    rows = store.execute("SELECT value FROM sync_cursor WHERE name = ?", (name,))
    return str(rows[0][0]) if rows else None


def set_cursor(store: Store, name: str, value: str) -> None:
    store.execute(_upsert_sql("sync_cursor", "name, value", "name"), (name, value))


def delete_cursor(store: Store, name: str) -> None:
    store.execute("DELETE FROM sync_cursor WHERE name = ?", (name,))


def cursors(store: Store) -> dict[str, str]:
    return {str(n): str(v) for n, v in store.execute("SELECT name, value FROM sync_cursor")}


def get_document(store: Store, tk_id: str) -> DocumentRow | None:
    rows = store.execute(f"SELECT {_DOC_COLUMNS} FROM sync_document WHERE tk_id = ?", (tk_id,))
    return DocumentRow(*rows[0]) if rows else None


def save_document(store: Store, row: DocumentRow) -> None:
    store.execute(_upsert_sql("sync_document", _DOC_COLUMNS, "tk_id"), astuple(row))


def documents_with_koop_id(store: Store, koop_id: str) -> list[DocumentRow]:
    rows = store.execute(
        f"SELECT {_DOC_COLUMNS} FROM sync_document WHERE koop_id = ? ORDER BY tk_id", (koop_id,)
    )
    return [DocumentRow(*r) for r in rows]


def documents_with_store_doc_id(store: Store, doc_id: str) -> list[DocumentRow]:
    rows = store.execute(
        f"SELECT {_DOC_COLUMNS} FROM sync_document WHERE store_doc_id = ? ORDER BY tk_id",
        (doc_id,),
    )
    return [DocumentRow(*r) for r in rows]


def document_ids_with_status(store: Store, status: str) -> list[str]:
    rows = store.execute(
        "SELECT tk_id FROM sync_document WHERE parse_status = ? AND verwijderd = 0 ORDER BY tk_id",
        (status,),
    )
    return [str(r[0]) for r in rows]


def save_zaak(store: Store, zaak: ZaakRow, actors: list[ActorRow]) -> None:
    store.execute(_upsert_sql("sync_zaak", _ZAAK_COLUMNS, "nummer"), astuple(zaak))
    store.execute("DELETE FROM sync_zaak_actor WHERE zaak_nummer = ?", (zaak.nummer,))
    store.executemany(
        "INSERT INTO sync_zaak_actor (zaak_nummer, position, name, party, relation, function) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [(zaak.nummer, i, *astuple(a)) for i, a in enumerate(actors)],
    )


def link_document(store: Store, tk_id: str, zaak_nummers: list[str]) -> None:
    """Make ``zaak_nummers`` exactly the zaken the document belongs to."""
    store.execute("DELETE FROM sync_zaak_document WHERE tk_id = ?", (tk_id,))
    store.executemany(
        "INSERT INTO sync_zaak_document (zaak_nummer, tk_id) VALUES (?, ?)",
        [(n, tk_id) for n in sorted(set(zaak_nummers))],
    )


def get_zaak(store: Store, nummer: str) -> ZaakRow | None:
    rows = store.execute(f"SELECT {_ZAAK_COLUMNS} FROM sync_zaak WHERE nummer = ?", (nummer,))
    return ZaakRow(*rows[0]) if rows else None


def zaak_for_id(store: Store, tk_id: str) -> ZaakRow | None:
    rows = store.execute(f"SELECT {_ZAAK_COLUMNS} FROM sync_zaak WHERE tk_id = ?", (tk_id,))
    return ZaakRow(*rows[0]) if rows else None


def zaak_actors(store: Store, nummer: str) -> list[ActorRow]:
    rows = store.execute(
        "SELECT name, party, relation, function FROM sync_zaak_actor "
        "WHERE zaak_nummer = ? ORDER BY position",
        (nummer,),
    )
    return [ActorRow(*r) for r in rows]


def zaak_documents(store: Store, nummer: str) -> list[DocumentRow]:
    columns = ", ".join(f"d.{f.name}" for f in fields(DocumentRow))
    rows = store.execute(
        f"SELECT {columns} FROM sync_document d JOIN sync_zaak_document z ON z.tk_id = d.tk_id "
        "WHERE z.zaak_nummer = ? AND d.verwijderd = 0 ORDER BY d.datum, d.tk_id",
        (nummer,),
    )
    return [DocumentRow(*r) for r in rows]


def zaak_nummers_with_role(store: Store, role: str) -> list[str]:
    rows = store.execute(
        "SELECT DISTINCT z.zaak_nummer FROM sync_zaak_document z "
        "JOIN sync_document d ON d.tk_id = z.tk_id "
        "WHERE d.role = ? AND d.verwijderd = 0 ORDER BY z.zaak_nummer",
        (role,),
    )
    return [str(r[0]) for r in rows]


def record_failure(
    store: Store, source_id: str, sha256: str, content: bytes, error: str, origin: str
) -> None:
    store.execute(
        _upsert_sql("sync_failure", "source_id, sha256, content, error, origin", "source_id"),
        (source_id, sha256, content, error, origin),
    )


def clear_failure(store: Store, source_id: str) -> None:
    store.execute("DELETE FROM sync_failure WHERE source_id = ?", (source_id,))


def failures(store: Store) -> list[FailureRow]:
    rows = store.execute(
        "SELECT source_id, sha256, error, origin, LENGTH(content) FROM sync_failure "
        "ORDER BY source_id"
    )
    return [FailureRow(*r) for r in rows]


def get_failure(store: Store, source_id: str) -> FailureRow | None:
    rows = store.execute(
        "SELECT source_id, sha256, error, origin, LENGTH(content) FROM sync_failure "
        "WHERE source_id = ?",
        (source_id,),
    )
    return FailureRow(*rows[0]) if rows else None


def document_zaken(store: Store, tk_id: str) -> list[str]:
    rows = store.execute(
        "SELECT zaak_nummer FROM sync_zaak_document WHERE tk_id = ? ORDER BY zaak_nummer",
        (tk_id,),
    )
    return [str(r[0]) for r in rows]


def failure_content(store: Store, source_id: str) -> bytes | None:
    rows = store.execute("SELECT content FROM sync_failure WHERE source_id = ?", (source_id,))
    return bytes(rows[0][0]) if rows else None


def get_koop(store: Store, koop_id: str) -> tuple[str, str | None, str] | None:
    rows = store.execute(
        "SELECT modified, store_doc_id, parse_status FROM sync_koop WHERE koop_id = ?", (koop_id,)
    )
    return (str(rows[0][0]), rows[0][1], str(rows[0][2])) if rows else None


def save_koop(
    store: Store, koop_id: str, modified: str, store_doc_id: str | None, status: str
) -> None:
    store.execute(
        _upsert_sql("sync_koop", "koop_id, modified, store_doc_id, parse_status", "koop_id"),
        (koop_id, modified, store_doc_id, status),
    )


def counts(store: Store) -> dict[str, int]:
    """Rows per sync table, plus documents per parse status."""
    result: dict[str, int] = {}
    for table in ("sync_document", "sync_zaak", "sync_failure", "sync_koop"):
        result[table] = int(store.execute(f"SELECT COUNT(*) FROM {table}")[0][0])
    for status, count in store.execute(
        "SELECT parse_status, COUNT(*) FROM sync_document GROUP BY parse_status"
    ):
        result[f"parse_{status}"] = int(count)
    return result


def dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every sync table, sorted: for comparing two stores in tests and audits."""
    tables = {
        "sync_cursor": "name",
        "sync_document": "tk_id",
        "sync_zaak": "nummer",
        "sync_zaak_document": "zaak_nummer, tk_id",
        "sync_zaak_actor": "zaak_nummer, position",
        "sync_koop": "koop_id",
        "sync_failure": "source_id",
    }
    result: dict[str, list[tuple[Any, ...]]] = {}
    for table, order in tables.items():
        rows = store.execute(f"SELECT * FROM {table} ORDER BY {order}")
        result[table] = [
            tuple(bytes(v) if isinstance(v, memoryview) else v for v in r) for r in rows
        ]
    return result
