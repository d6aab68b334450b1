"""Shared fixtures: where ../shared is, and how a missing service is treated."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("KAMERQA_SHARED", REPO.parent / "shared"))
FIXTURES = Path(__file__).resolve().parent / "fixtures"
REQUIRE_SERVICES = os.environ.get("KAMERQA_REQUIRE_SERVICES") == "1"


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
