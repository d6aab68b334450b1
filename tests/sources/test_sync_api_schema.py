"""Schemathesis over the sync routes: no 5xx for any input, responses match the schema."""

from __future__ import annotations

from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, given, settings

from kamerqa.api.app import create_app
from kamerqa.sources.engine import SyncOptions
from kamerqa.store import open_store

from .conftest import EngineFactory

SYNC_ROUTES = r"^/api/(zaken/|open-questions|sync/status)"


def test_sync_routes_conform_to_their_schema(tmp_path: Path, make_engine: EngineFactory) -> None:
    db = tmp_path / "api.db"
    with open_store(db) as store:
        make_engine(store).run(SyncOptions())
    app = create_app(str(db))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app).include(path_regex=SYNC_ROUTES)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 3
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=15,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: schemathesis.Case) -> None:
            response = case.call()
            assert response.status_code < 500, (case.path, case.query, response.text)
            case.validate_response(response)

        check()
