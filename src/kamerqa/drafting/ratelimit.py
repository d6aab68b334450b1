"""In-memory limit on token login attempts per client address (a sliding window).

Tokens carry 256 random bits, so guessing one is hopeless anyway; the limit keeps a client
from hammering the login (and the store) and makes abuse visible as 429 answers. Counts live
in the memory of one server process: with N worker processes a client gets up to N times the
limit, and a restart forgets them.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable

LOGIN_ATTEMPTS = 10
LOGIN_WINDOW_SECONDS = 60.0
MAX_ADDRESSES = 10_000  # memory bound: the least recently seen addresses are forgotten first


class AttemptLimiter:
    """At most ``limit`` attempts per key within ``window`` seconds."""

    def __init__(
        self,
        limit: int = LOGIN_ATTEMPTS,
        window: float = LOGIN_WINDOW_SECONDS,
        *,
        clock: Callable[[], float] = time.monotonic,
        max_keys: int = MAX_ADDRESSES,
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self.max_keys = max_keys
        self._attempts: OrderedDict[str, deque[float]] = OrderedDict()
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._attempts.get(key)
        if times is None:
            times = deque()
            self._attempts[key] = times
            while len(self._attempts) > self.max_keys:
                self._attempts.popitem(last=False)
        self._attempts.move_to_end(key)
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def retry_after(self, key: str) -> int | None:
        """Seconds to wait when ``key`` used up its attempts; None when it may try."""
        with self._lock:
            now = self.clock()
            times = self._recent(key, now)
            if len(times) < self.limit:
                return None
            return max(1, math.ceil(times[0] + self.window - now))

    def attempt(self, key: str) -> int | None:
        """Record an attempt; returns the seconds to wait instead when over the limit."""
        with self._lock:
            now = self.clock()
            times = self._recent(key, now)
            if len(times) >= self.limit:
                return max(1, math.ceil(times[0] + self.window - now))
            times.append(now)
            return None
