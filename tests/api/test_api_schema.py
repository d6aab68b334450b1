"""Schemathesis against /openapi.json: no 5xx, responses match the schema (bounded examples).

The operations are driven with Hypothesis directly (schemathesis' pytest fixture loader does
not run under this pytest version).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from kamerqa.api.app import create_app

PUBLIC = r"^/(api/(documents|search|similar|stats|health)|feeds/)"
EXAMPLES_PER_OPERATION = 15


@pytest.mark.slow
def test_public_api_conforms_to_its_schema(api_db: Path) -> None:
    app = create_app(str(api_db))
    schema = schemathesis.openapi.from_asgi("/openapi.json", app).include(path_regex=PUBLIC)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES_PER_OPERATION,
            deadline=None,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: schemathesis.Case) -> None:
            response = case.call()
            assert response.status_code < 500, (case.path, case.query, response.text)
            case.validate_response(response)

        check()
