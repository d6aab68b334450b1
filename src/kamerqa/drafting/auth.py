"""Users, tokens and sessions: tokens are shown once and stored only as SHA-256 hashes.

Tokens carry 256 random bits, so a fast hash is enough (no password stretching needed).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import UTC, datetime, timedelta

from kamerqa.drafting.errors import Forbidden, Invalid, NotAuthenticated, NotFound
from kamerqa.drafting.models import ROLES, Consultation, Role, User
from kamerqa.store import drafting_repo as repo
from kamerqa.store.base import Store

TOKEN_PREFIX = "kqd_"  # noqa: S105 (a prefix, not a secret)
SESSION_HOURS = 12
_NAME = re.compile(r"^[\w.@-]{1,64}$")


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_token() -> str:
    return TOKEN_PREFIX + secrets.token_urlsafe(32)


def _user(row: repo.UserRow | None) -> User | None:
    if row is None:
        return None
    role: Role = row[1] if row[1] in ROLES else "drafter"  # type: ignore[assignment]
    return User(name=row[0], role=role, team=row[2])


def add_user(store: Store, name: str, role: str, team: str = "default") -> str:
    """Create a user and return their token (shown once, never stored)."""
    if not _NAME.match(name) or not _NAME.match(team):
        raise Invalid("user and team names are 1-64 letters, digits, '.', '@', '_' or '-'")
    if role not in ROLES:
        raise Invalid(f"unknown role {role!r}; choose from {', '.join(ROLES)}")
    if repo.user_exists(store, name):
        raise Invalid(f"user {name!r} already exists")
    token = new_token()
    repo.add_user(store, name, role, team, hash_secret(token), _now().isoformat())
    return token


def reset_token(store: Store, name: str) -> str:
    token = new_token()
    if not repo.set_token(store, name, hash_secret(token)):
        raise NotFound(f"no user {name!r}")
    return token


def user_for_token(store: Store, token: str | None) -> User | None:
    if not token or not token.startswith(TOKEN_PREFIX):
        return None
    return _user(repo.user_by_token_hash(store, hash_secret(token)))


def login(store: Store, token: str) -> tuple[User, str]:
    """Check a token and open a web session; returns the user and the session id."""
    user = user_for_token(store, token)
    if user is None:
        raise NotAuthenticated("unknown token", key="unknown_token")
    session = secrets.token_urlsafe(32)
    now = _now()
    expires = now + timedelta(hours=SESSION_HOURS)
    repo.add_session(store, hash_secret(session), user.name, expires.isoformat(), now.isoformat())
    return user, session


def user_for_session(store: Store, session: str | None) -> User | None:
    if not session:
        return None
    return _user(repo.user_by_session(store, hash_secret(session), _now().isoformat()))


def logout(store: Store, session: str) -> None:
    repo.delete_session(store, hash_secret(session))


def _now() -> datetime:
    return datetime.now(UTC)


# -- permissions -------------------------------------------------------------------------


def can_see(user: User, consultation: Consultation) -> bool:
    return user.role == "admin" or user.team == consultation.team


def require_visible(user: User | None, consultation: Consultation | None, cid: str) -> None:
    """Unknown and invisible consultations look the same: 404 (existence is not revealed)."""
    if user is None:
        raise NotAuthenticated("log in with a drafting token", key="not_logged_in")
    if consultation is None or not can_see(user, consultation):
        raise NotFound(f"no consultation {cid!r}", key="no_consultation", cid=cid)


def require_role(user: User, *roles: str, action: str, target: str = "") -> None:
    """``target``: the state a transition moves to (for the Dutch message of the pages)."""
    if user.role not in roles:
        raise Forbidden(
            f"{action} needs the role {' or '.join(roles)} (you are {user.role})",
            key="role_needed",
            roles=",".join(roles),
            role=user.role,
            target=target,
        )
