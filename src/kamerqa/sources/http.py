"""One polite HTTP fetcher for every official source: retries, backoff, rate limit.

Retries 429, 5xx, timeouts, dropped connections and bodies that fail validation (a truncated
JSON or Atom page) with exponential backoff and full jitter, honouring ``Retry-After``
(seconds or an HTTP date). Sleep, clock and randomness are injectable so tests run fast.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

import httpx

from kamerqa import __version__
from kamerqa.errors import KamerqaError

T = TypeVar("T")

RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
USER_AGENT = f"kamerqa/{__version__} (+https://kamerqa.invalid; open-data sync)"


class SourceError(KamerqaError):
    """An official source failed for good (after retries) or refused a request."""

    def __init__(self, message: str, status: int | None = None) -> None:
        self.status = status
        super().__init__(message)


class NotFoundError(SourceError):
    """The source answered 404/410: the thing asked for is not there."""


@dataclass
class RetryPolicy:
    attempts: int = 6
    base_delay: float = 0.5
    max_delay: float = 60.0
    max_retry_after: float = 300.0

    def backoff(self, attempt: int, rng: random.Random) -> float:
        """Full-jitter exponential backoff for the ``attempt``-th retry (0-based)."""
        ceiling = min(self.max_delay, self.base_delay * (2**attempt))
        return rng.uniform(ceiling / 2, ceiling)


@dataclass
class FetchStats:
    requests: int = 0
    retries: int = 0
    slept: float = 0.0
    urls: list[str] = field(default_factory=list)


class Fetcher:
    """GET with retries and a minimum interval between requests (a polite rate limit)."""

    def __init__(
        self,
        *,
        client: httpx.Client | None = None,
        timeout: float = 30.0,
        policy: RetryPolicy | None = None,
        min_interval: float = 0.2,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        rng: random.Random | None = None,
    ) -> None:
        self._client = client or httpx.Client(
            timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}
        )
        self._owns_client = client is None
        self.policy = policy or RetryPolicy()
        self.min_interval = min_interval
        self._sleep = sleep
        self._clock = clock
        self._now = now
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not security
        self._last_start: float | None = None
        self.stats = FetchStats()

    def close(self) -> None:
        if self._owns_client:
            self._client.close()

    def get(
        self,
        url: str,
        *,
        params: dict[str, str] | None = None,
        accept: str = "*/*",
        validate: Callable[[httpx.Response], T],
    ) -> T:
        """GET ``url`` until ``validate(response)`` succeeds; retry what is worth retrying.

        ``validate`` turns a 2xx response into the value wanted and raises ``ValueError``
        when the body is incomplete or malformed (that is retried like a dropped connection).
        """
        problem = "no attempt made"
        for attempt in range(self.policy.attempts):
            if attempt:
                self.stats.retries += 1
            self._throttle()
            delay = self.policy.backoff(attempt, self._rng)
            try:
                response = self._client.get(url, params=params, headers={"Accept": accept})
            except httpx.TransportError as exc:  # timeouts, resets, truncated bodies
                problem = f"{type(exc).__name__}: {exc}"
            else:
                status = response.status_code
                if status in RETRY_STATUSES:
                    problem = f"HTTP {status}"
                    delay = max(delay, self._retry_after(response))
                elif status in (404, 410):
                    raise NotFoundError(f"HTTP {status} for {response.url}", status)
                elif not response.is_success:
                    raise SourceError(f"HTTP {status} for {response.url}", status)
                else:
                    try:
                        return validate(response)
                    except ValueError as exc:
                        problem = f"incomplete or malformed body: {exc}"
            if attempt + 1 < self.policy.attempts:
                self._pause(delay)
        raise SourceError(f"{url}: gave up after {self.policy.attempts} attempts ({problem})")

    def _throttle(self) -> None:
        now = self._clock()
        if self._last_start is not None:
            wait = self.min_interval - (now - self._last_start)
            if wait > 0:
                self._pause(wait)
                now = self._clock()
        self._last_start = now
        self.stats.requests += 1

    def _pause(self, seconds: float) -> None:
        self.stats.slept += seconds
        self._sleep(seconds)

    def _retry_after(self, response: httpx.Response) -> float:
        value = response.headers.get("Retry-After", "").strip()
        if not value:
            return 0.0
        seconds = _retry_after_seconds(value, self._now())
        return min(max(seconds, 0.0), self.policy.max_retry_after)


def _retry_after_seconds(value: str, now: datetime) -> float:
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 0.0
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return (when - now).total_seconds()


def json_body(response: httpx.Response) -> Any:
    """Validator: the body as JSON (ValueError when truncated or not JSON)."""
    return response.json()


def raw_body(expected_length: int | None = None) -> Callable[[httpx.Response], bytes]:
    """Validator: the raw bytes, not shorter than a length announced elsewhere (if any).

    Only a shorter body counts as truncated: a stale, larger announcement must not make a
    complete file unfetchable for ever.
    """

    def check(response: httpx.Response) -> bytes:
        data = response.content
        if expected_length and len(data) < expected_length:
            raise ValueError(f"got {len(data)} bytes, expected {expected_length}")
        if not data:
            raise ValueError("empty body")
        return data

    return check
