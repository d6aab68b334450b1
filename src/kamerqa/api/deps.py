"""Access to the store from request handlers: a small pool, one store per request at a time.

A Store is safe for one thread at a time. Handlers run in a thread pool, so they borrow a store
from :class:`StorePool` (``with pool.borrow() as store``). Opened from a URL the pool opens up to
``size`` stores lazily; given a store instance it holds just that one, guarded by a lock.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from fastapi import Request

from kamerqa.store import Store

DEFAULT_POOL_SIZE = 4


class StorePool:
    def __init__(self, first: Store, opener: Callable[[], Store] | None, size: int) -> None:
        self.first = first
        self._opener = opener
        self._size = size if opener is not None else 1
        self._opened = [first]
        self._idle: queue.LifoQueue[Store] = queue.LifoQueue()
        self._idle.put(first)
        self._lock = threading.Lock()

    def _take(self) -> Store:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if self._opener is not None and len(self._opened) < self._size:
                store = self._opener()
                self._opened.append(store)
                return store
        return self._idle.get()

    @contextmanager
    def borrow(self) -> Iterator[Store]:
        store = self._take()
        try:
            yield store
        finally:
            self._idle.put(store)

    def close(self, *, keep_first: bool) -> None:
        for store in self._opened:
            if store is not self.first or not keep_first:
                store.close()


def pool_of(request: Request) -> StorePool:
    pool: StorePool = request.app.state.store_pool
    return pool
