"""SQL of the drafting service (tables ``drafting_*``). Plain rows in, plain rows out.

Drafts live only in these tables: nothing here touches the public documents, so drafts never
reach search, feeds, exports or similarity. Publishing is ``Store.upsert_document``.
"""

from __future__ import annotations

from typing import Any

from kamerqa.store.base import Store

UserRow = tuple[str, str, str]  # name, role, team
ConsultationRow = dict[str, Any]

_CONSULTATION_COLUMNS = (
    "id",
    "team",
    "status",
    "title",
    "content",
    "version",
    "created_by",
    "created_at",
    "updated_at",
)


def add_user(store: Store, name: str, role: str, team: str, token_hash: str, at: str) -> None:
    store.execute(
        "INSERT INTO drafting_users (name, role, team, token_hash, created_at) "
        "VALUES (?, ?, ?, ?, ?)",
        (name, role, team, token_hash, at),
    )


def user_exists(store: Store, name: str) -> bool:
    return bool(store.execute("SELECT 1 FROM drafting_users WHERE name = ?", (name,)))


def set_token(store: Store, name: str, token_hash: str) -> bool:
    with store.transaction():
        if not user_exists(store, name):
            return False
        store.execute("UPDATE drafting_users SET token_hash = ? WHERE name = ?", (token_hash, name))
        store.execute("DELETE FROM drafting_sessions WHERE user_name = ?", (name,))
    return True


def delete_user(store: Store, name: str) -> bool:
    with store.transaction():
        if not user_exists(store, name):
            return False
        store.execute("DELETE FROM drafting_sessions WHERE user_name = ?", (name,))
        store.execute("DELETE FROM drafting_users WHERE name = ?", (name,))
    return True


def list_users(store: Store) -> list[UserRow]:
    rows = store.execute("SELECT name, role, team FROM drafting_users ORDER BY name")
    return [(str(r[0]), str(r[1]), str(r[2])) for r in rows]


def user_by_token_hash(store: Store, token_hash: str) -> UserRow | None:
    rows = store.execute(
        "SELECT name, role, team FROM drafting_users WHERE token_hash = ?", (token_hash,)
    )
    return (str(rows[0][0]), str(rows[0][1]), str(rows[0][2])) if rows else None


def add_session(store: Store, id_hash: str, user_name: str, expires_at: str, now: str) -> None:
    """Open a session (and forget the sessions that have expired)."""
    with store.transaction():
        store.execute("DELETE FROM drafting_sessions WHERE expires_at <= ?", (now,))
        store.execute(
            "INSERT INTO drafting_sessions (id_hash, user_name, expires_at) VALUES (?, ?, ?)",
            (id_hash, user_name, expires_at),
        )


def user_by_session(store: Store, id_hash: str, now: str) -> UserRow | None:
    rows = store.execute(
        "SELECT u.name, u.role, u.team FROM drafting_sessions s "
        "JOIN drafting_users u ON u.name = s.user_name "
        "WHERE s.id_hash = ? AND s.expires_at > ?",
        (id_hash, now),
    )
    return (str(rows[0][0]), str(rows[0][1]), str(rows[0][2])) if rows else None


def delete_session(store: Store, id_hash: str) -> None:
    store.execute("DELETE FROM drafting_sessions WHERE id_hash = ?", (id_hash,))


def insert_consultation(store: Store, row: ConsultationRow) -> None:
    columns = ", ".join(_CONSULTATION_COLUMNS)
    marks = ", ".join("?" for _ in _CONSULTATION_COLUMNS)
    store.execute(
        f"INSERT INTO drafting_consultations ({columns}) VALUES ({marks})",
        tuple(row[c] for c in _CONSULTATION_COLUMNS),
    )


def update_consultation(store: Store, row: ConsultationRow, expected_version: int) -> bool:
    """Write ``row`` when the stored version is still ``expected_version``."""
    with store.transaction():
        current = store.execute(
            "SELECT version FROM drafting_consultations WHERE id = ?", (row["id"],)
        )
        if not current or int(current[0][0]) != expected_version:
            return False
        store.execute(
            "UPDATE drafting_consultations SET status = ?, title = ?, content = ?, version = ?, "
            "updated_at = ? WHERE id = ?",
            (
                row["status"],
                row["title"],
                row["content"],
                row["version"],
                row["updated_at"],
                row["id"],
            ),
        )
    return True


def get_consultation(store: Store, consultation_id: str) -> ConsultationRow | None:
    columns = ", ".join(_CONSULTATION_COLUMNS)
    rows = store.execute(
        f"SELECT {columns} FROM drafting_consultations WHERE id = ?", (consultation_id,)
    )
    return dict(zip(_CONSULTATION_COLUMNS, rows[0], strict=True)) if rows else None


def list_consultations(store: Store, team: str | None) -> list[ConsultationRow]:
    """Summaries (no content) of a team's consultations; every team's for ``None``."""
    columns = ("id", "team", "status", "title", "updated_at")
    sql = f"SELECT {', '.join(columns)} FROM drafting_consultations"
    params: tuple[Any, ...] = ()
    if team is not None:
        sql += " WHERE team = ?"
        params = (team,)
    rows = store.execute(sql + " ORDER BY updated_at DESC, id", params)
    return [dict(zip(columns, r, strict=True)) for r in rows]


def add_audit(
    store: Store, consultation_id: str, at: str, actor: str, action: str, detail: str
) -> None:
    store.execute(
        "INSERT INTO drafting_audit (consultation_id, at, actor, action, detail) "
        "VALUES (?, ?, ?, ?, ?)",
        (consultation_id, at, actor, action, detail),
    )


def audit_log(store: Store, consultation_id: str) -> list[tuple[str, str, str, str]]:
    rows = store.execute(
        "SELECT at, actor, action, detail FROM drafting_audit WHERE consultation_id = ? "
        "ORDER BY id",
        (consultation_id,),
    )
    return [(str(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]
