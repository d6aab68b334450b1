"""Shared fixtures: where ../shared is, and how a missing service is treated."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Property tests: a generous per-example deadline still catches a hang, without failing on a
# loaded 2-core machine; CI runs derandomized so a green run stays green.
settings.register_profile(
    "kamerqa", deadline=5000, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.register_profile("ci", parent=settings.get_profile("kamerqa"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "kamerqa")

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KAMERQA_SHARED", REPO.parent / "shared"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"
REQUIRE_SERVICES = os.environ.get("KAMERQA_REQUIRE_SERVICES") == "1"
PG_SERVER = os.environ.get("KAMERQA_TEST_PG", "postgresql://postgres@127.0.0.1:5432")


def missing_service(what: str) -> None:
    """Skip on a developer machine, fail in CI (KAMERQA_REQUIRE_SERVICES=1)."""
    if REQUIRE_SERVICES:
        pytest.fail(f"required service missing: {what}")
    pytest.skip(f"service missing: {what}")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def seed_path(shared_dir: Path) -> Path:
    path = shared_dir / "seeds" / "000_62cc81db4921119a.txt"
    if not path.exists():
        pytest.skip("the seed document is not present")
    return path


def _pg_admin_execute(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=3) as conn:
        conn.execute(sql)


@contextmanager
def fresh_pg_database(prefix: str = "kamerqa_test") -> Iterator[str]:
    """A new PostgreSQL database on the test server, dropped afterwards; yields its URL."""
    import psycopg

    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    try:
        _pg_admin_execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError:
        missing_service("PostgreSQL on 127.0.0.1:5432")
    try:
        yield f"{PG_SERVER}/{name}"
    finally:
        _pg_admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh PostgreSQL database for one test."""
    with fresh_pg_database() as url:
        yield url
