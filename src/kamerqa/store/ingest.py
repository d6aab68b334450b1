"""Ingest: find files, parse them in a process pool, upsert in batches (one transaction each).

Parsing is pure, so it runs in worker processes; all writing happens in this process. A batch
is one transaction: a kill at any moment leaves whole documents only, and the next run
completes the rest (upserts are idempotent on the document id).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

from kamerqa.errors import KamerqaError
from kamerqa.model import Document
from kamerqa.search.models import IngestFailure, IngestReport
from kamerqa.store.base import Store

SUFFIXES = {".txt", ".text", ".docx", ".pdf", ".html", ".htm", ".xhtml", ".xml"}
_SKIP_NAMES = {"metadata.xml"}
Parsed = tuple[str, Document | None, str | None, str | None]  # path, doc, sha256, error


def find_files(paths: Sequence[str | Path]) -> tuple[list[Path], list[IngestFailure]]:
    """Files to ingest (folders recursively, known suffixes, sorted) and unusable arguments."""
    found: list[Path] = []
    missing: list[IngestFailure] = []
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                found.extend(_walk(path))
            elif path.is_file():
                found.append(path)
            else:
                missing.append(IngestFailure(path=str(path), reason="no such file or folder"))
        except OSError as exc:
            reason = f"cannot be read ({exc.strerror or exc})"
            missing.append(IngestFailure(path=str(path), reason=reason))
    return found, missing


def _walk(folder: Path) -> list[Path]:
    return [
        p
        for p in sorted(folder.rglob("*"))
        if p.suffix.lower() in SUFFIXES
        and p.name.lower() not in _SKIP_NAMES
        and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and p.is_file()
    ]


def parse_one(path: str) -> Parsed:
    """Parse one file (runs in a worker process); errors come back as text."""
    from kamerqa import parse_bytes, read_input_file

    try:
        data = read_input_file(path)
        sha = hashlib.sha256(data).hexdigest()
        return path, parse_bytes(data, path), sha, None
    except KamerqaError as err:
        reason = getattr(err, "problem", str(err))
        return path, None, None, str(reason)
    except Exception as exc:  # a parser bug must not stop the other files
        return path, None, None, f"internal error in the parser ({type(exc).__name__}: {exc})"


def _parsed(files: list[Path], workers: int) -> Iterator[Parsed]:
    """Parse results in file order, with at most ``workers * 4`` files in flight."""
    names = [str(p) for p in files]
    if workers <= 1 or len(names) < 2:
        yield from map(parse_one, names)
        return
    # spawn, not fork: a forked worker would inherit (and can break) the open database handle
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque[Future[Parsed]] = deque()
        for name in names:
            pending.append(pool.submit(parse_one, name))
            if len(pending) >= workers * 4:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _write_batch(store: Store, batch: list[Parsed], report: IngestReport) -> None:
    with store.transaction():
        for _, doc, sha, _ in batch:
            assert doc is not None
            result = store.upsert_document(doc, source_bytes_sha256=sha)
            if result == "inserted":
                report.inserted += 1
                report.inserted_ids.append(doc.id)
            elif result == "updated":
                report.updated += 1
                report.updated_ids.append(doc.id)
            else:
                report.unchanged += 1


OPTIMIZE_AFTER = 1000  # documents written in one run before the search index is compacted


def ingest_paths(
    store: Store,
    paths: Sequence[str | Path],
    *,
    workers: int | None = None,
    batch_size: int = 32,
    progress: Callable[[str, int, int], None] | None = None,
    record_run: bool = True,
    embed: bool = True,
) -> IngestReport:
    """Ingest files and folders; see the module docstring."""
    started = datetime.now(UTC)
    files, missing = find_files(paths)
    report = IngestReport(files=len(files), failed=list(missing))
    workers = workers if workers is not None else max(1, min(os.cpu_count() or 1, 8))
    seen: dict[str, str] = {}
    batch: list[Parsed] = []
    for done, item in enumerate(_parsed(files, workers), start=1):
        path, doc, _, error = item
        if doc is None:
            report.failed.append(IngestFailure(path=path, reason=error or "unreadable"))
        elif doc.id in seen:
            report.failed.append(
                IngestFailure(path=path, reason=f"same document ({doc.id}) as {seen[doc.id]}")
            )
        else:
            seen[doc.id] = path
            batch.append(item)
            if len(batch) >= batch_size:
                _write_batch(store, batch, report)
                batch = []
        if progress is not None:
            progress(path, done, len(files))
    if batch:
        _write_batch(store, batch, report)
    if report.changed:
        if report.inserted + report.updated >= OPTIMIZE_AFTER:
            store.optimize_index()  # one index segment: faster queries after a bulk load
        if embed:
            from kamerqa.store.similar import ensure_embeddings

            ensure_embeddings(store)
        if record_run and hasattr(store, "record_ingest_run"):
            store.record_ingest_run(report, started)
    return report
