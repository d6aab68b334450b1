"""Streaming export of question/answer rows as JSON Lines or CSV.

The store's row iterator runs in one dedicated thread (a store is used by one thread at a time)
and hands batches to the response through a bounded queue, so memory stays flat.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import queue
import threading
from collections.abc import AsyncIterator, Iterator
from typing import Any

from kamerqa.api.deps import StorePool

BATCH_ROWS = 500
_DONE = object()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _csv_chunks(rows: list[dict[str, Any]], header: list[str] | None) -> tuple[str, list[str]]:
    buffer = io.StringIO()
    if header is None:
        header = list(rows[0])
        csv.writer(buffer).writerow(header)
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([_cell(row.get(key)) for key in header])
    return buffer.getvalue(), header


def _jsonl(rows: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False, default=str) + "\n" for row in rows)


class _Producer(threading.Thread):
    """Reads rows from one borrowed store in its own thread; stops when the client goes."""

    def __init__(self, pool: StorePool) -> None:
        super().__init__(daemon=True)
        self.pool = pool
        self.out: queue.Queue[object] = queue.Queue(maxsize=4)
        self.stop = threading.Event()

    def _put(self, item: object) -> bool:
        while not self.stop.is_set():
            try:
                self.out.put(item, timeout=0.5)
                return True
            except queue.Full:
                continue
        return False

    def run(self) -> None:
        try:
            with self.pool.borrow() as store:
                batch: list[dict[str, Any]] = []
                rows: Iterator[dict[str, Any]] = store.iter_qa_rows()
                for row in rows:
                    batch.append(row)
                    if len(batch) >= BATCH_ROWS:
                        if not self._put(batch):
                            return
                        batch = []
                if batch:
                    self._put(batch)
        except Exception as exc:  # reported in-band: the status line has been sent already
            self._put(exc)
        finally:
            self._put(_DONE)


async def export_stream(pool: StorePool, fmt: str) -> AsyncIterator[str]:
    producer = _Producer(pool)
    producer.start()
    header: list[str] | None = None
    try:
        while True:
            item = await asyncio.to_thread(producer.out.get)
            if item is _DONE:
                return
            if isinstance(item, Exception):
                raise item
            assert isinstance(item, list)
            if fmt == "csv":
                chunk, header = _csv_chunks(item, header)
                yield chunk
            else:
                yield _jsonl(item)
    finally:
        producer.stop.set()
