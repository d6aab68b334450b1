"""Token login attempts are limited per client address: 429 in the API's one error shape."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from kamerqa.api.app import create_app
from kamerqa.drafting.ratelimit import AttemptLimiter
from kamerqa.store.base import Store


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_limiter_window_per_key() -> None:
    clock = FakeClock()
    limiter = AttemptLimiter(3, 60.0, clock=clock)
    assert [limiter.attempt("a") for _ in range(3)] == [None, None, None]
    assert limiter.attempt("a") == 60 and limiter.retry_after("a") == 60
    assert limiter.attempt("b") is None  # another address has its own budget
    clock.now += 30
    assert limiter.attempt("a") == 30
    clock.now += 30  # the first attempts leave the window
    assert limiter.retry_after("a") is None and limiter.attempt("a") is None


def test_limiter_forgets_least_recent_addresses() -> None:
    limiter = AttemptLimiter(1, 60.0, clock=FakeClock(), max_keys=2)
    for key in ("a", "b", "c"):
        assert limiter.attempt(key) is None
    assert limiter.attempt("c") is not None and limiter.attempt("b") is not None
    assert limiter.attempt("a") is None  # forgotten, so counted afresh (memory stays bounded)


@pytest.fixture
def app(store: Store) -> FastAPI:
    return create_app(store=store)


def test_api_login_limited_per_address(app: FastAPI, tokens: dict[str, str]) -> None:
    with TestClient(app, client=("192.0.2.7", 4000)) as client:
        for _ in range(10):
            bad = client.post("/api/drafting/login", json={"token": "kqd_guess"})
            assert bad.status_code == 401
        refused = client.post("/api/drafting/login", json={"token": tokens["drafter"]})
        assert refused.status_code == 429
        error = refused.json()["error"]
        assert (error["status"], error["code"]) == (429, "too_many_requests")
        assert "too many login attempts" in error["message"]
        assert 1 <= int(refused.headers["retry-after"]) <= 60
    with TestClient(app, client=("192.0.2.8", 4000)) as other:
        assert other.post("/api/drafting/login", json={"token": tokens["drafter"]}).is_success


def test_wrong_bearer_tokens_count_as_attempts(app: FastAPI, tokens: dict[str, str]) -> None:
    with TestClient(app, client=("192.0.2.9", 4000)) as client:
        for _ in range(10):
            guess = client.get("/api/drafting/me", headers={"Authorization": "Bearer kqd_x"})
            assert guess.status_code == 401
        good = {"Authorization": f"Bearer {tokens['drafter']}"}
        refused = client.get("/api/drafting/me", headers=good)
        assert refused.status_code == 429
        assert refused.json()["error"]["code"] == "too_many_requests"
    with TestClient(app, client=("192.0.2.10", 4000)) as other:
        assert other.get("/api/drafting/me", headers=good).json()["name"] == "dora"


def test_login_page_says_it_in_dutch(app: FastAPI, tokens: dict[str, str]) -> None:
    with TestClient(app, client=("192.0.2.11", 4000)) as client:
        for _ in range(10):
            page = client.post("/drafting/login", data={"token": "kqd_guess"})
            assert page.status_code == 401 and "Onbekend token." in page.text
        refused = client.post("/drafting/login", data={"token": tokens["drafter"]})
        assert refused.status_code == 429
        assert "Te veel inlogpogingen vanaf dit adres." in refused.text
        assert "kamerqa_drafting" not in refused.headers.get("set-cookie", "")
        assert refused.headers["content-security-policy"].startswith("default-src 'self'")
