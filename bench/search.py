"""Search benchmark on a synthetic corpus (bench/corpus.py) in a SQLite store.

    .venv/bin/python bench/search.py [--pairs 1000000] [--queries 240] [--db PATH]

Prints: ingest pairs/s and peak RSS, store size, p50/p95 latency of kamerqa's search over
varied queries (without and with facets), the same for a bare FTS5 MATCH ... ORDER BY rank
LIMIT 20 on the same index, and the ratio kamerqa / bare.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import documents, queries

from kamerqa.search import SearchRequest
from kamerqa.search.query import parse_query, to_fts5
from kamerqa.store import open_store
from kamerqa.store.sqlite import SQLiteStore


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ingest(store: SQLiteStore, pairs: int, batch: int) -> tuple[float, float]:
    started = time.perf_counter()
    peak = rss_mb()
    done = 0
    pending = []
    for doc in documents(pairs):
        pending.append(doc)
        if len(pending) >= batch:
            with store.transaction():
                for item in pending:
                    store.upsert_document(item)
            done += sum(len(d.questions) for d in pending)
            pending = []
            peak = max(peak, rss_mb())
            if done % 50_000 < sum(1 for _ in range(batch)):
                print(
                    f"  {done} pairs, {done / (time.perf_counter() - started):.0f} pairs/s, "
                    f"RSS {rss_mb():.0f} MB",
                    flush=True,
                )
    with store.transaction():
        for item in pending:
            store.upsert_document(item)
    return time.perf_counter() - started, max(peak, rss_mb())


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def timed(fn: object, runs: list[object]) -> list[float]:
    times = []
    for arg in runs:
        t = time.perf_counter()
        fn(arg)  # type: ignore[operator]
        times.append((time.perf_counter() - t) * 1000)
    return times


def paired(store: SQLiteStore, requests: list[SearchRequest], matches: list[str], rounds: int):
    """Per query the median of ``rounds`` timings, kamerqa and bare interleaved, so both see
    the same machine load."""
    ours: list[list[float]] = [[] for _ in requests]
    bare: list[list[float]] = [[] for _ in requests]
    for _ in range(rounds):
        for i, (request, match) in enumerate(zip(requests, matches, strict=True)):
            ours[i] += timed(store.search, [request])
            bare[i] += timed(store.raw_match, [match])
    return [statistics.median(t) for t in ours], [statistics.median(t) for t in bare]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=240)
    parser.add_argument("--batch", type=int, default=200, help="documents per transaction")
    parser.add_argument("--rounds", type=int, default=3, help="timings per query (median)")
    parser.add_argument("--db", default=None, help="SQLite file (default: temporary)")
    parser.add_argument(
        "--reuse", action="store_true", help="query an existing --db without ingesting"
    )
    parser.add_argument(
        "--no-optimize",
        action="store_true",
        help="skip the FTS5 'optimize' after ingest (with --reuse: optimize is skipped anyway"
        " unless --optimize)",
    )
    parser.add_argument("--optimize", action="store_true", help="optimize a --reuse'd store")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or str(Path(tmp) / "bench.db")
        store = open_store(path)
        assert isinstance(store, SQLiteStore)
        if not args.reuse:
            seconds, peak = ingest(store, args.pairs, args.batch)
            print(
                f"ingest: {args.pairs} pairs in {seconds:.1f} s = "
                f"{args.pairs / seconds:.0f} pairs/s; peak RSS {peak:.0f} MB"
            )
        if (not args.reuse and not args.no_optimize) or args.optimize:
            started = time.perf_counter()
            store.optimize_index()
            print(f"optimize: {time.perf_counter() - started:.1f} s")
        size = sum(os.path.getsize(p) for p in Path(path).parent.glob(Path(path).name + "*"))
        units = store.execute("SELECT count(*) FROM qa_units")[0][0]
        print(f"store: {size / 2**20:.1f} MB, {units} search units")
        requests = [SearchRequest(limit=20, facets=False, **q) for q in queries(args.queries)]  # type: ignore[arg-type]
        matches = [to_fts5(parse_query(r.query)) for r in requests]
        for request in requests[:20]:  # warm the page cache
            store.search(request)
        ours, bare = paired(store, requests, matches, args.rounds)
        with_facets = timed(
            store.search, [r.model_copy(update={"facets": True}) for r in requests[:60]]
        )
        totals = [store.search(r.model_copy(update={"limit": 0})).total for r in requests[:40]]
        print(f"queries: {len(requests)} (median matches {statistics.median(totals):.0f})")
        for name, values in (
            ("kamerqa search", ours),
            ("bare FTS5 MATCH", bare),
            ("kamerqa + facets", with_facets),
        ):
            print(
                f"  {name:17} p50 {percentile(values, 0.5):7.2f} ms   "
                f"p95 {percentile(values, 0.95):7.2f} ms"
            )
        print(
            f"  ratio kamerqa/bare: p50 {percentile(ours, 0.5) / percentile(bare, 0.5):.2f}x  "
            f"p95 {percentile(ours, 0.95) / percentile(bare, 0.95):.2f}x"
        )
        store.close()


if __name__ == "__main__":
    main()
