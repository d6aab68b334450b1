"""Load test of the web app on loopback: 200 concurrent clients on search and document routes.

Starts `kamerqa serve` (uvicorn worker processes) on 127.0.0.1 over a store built from the
bundled examples (or --db), measures a one-client baseline, then runs N concurrent httpx
clients for a bounded duration and prints error count, throughput and latency percentiles,
with the loaded p50 as a ratio of the baseline p50 measured in the same run.

    .venv/bin/python bench/load.py [--clients 200] [--duration 10] [--workers 2] [--db PATH]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from kamerqa.cli.serve_cmd import examples_dir
from kamerqa.store import open_store

QUERIES = (
    "drones",
    "stikstof",
    "huur*",
    '"Wet betaalbare huur"',
    "navo OR oekraine",
    "wachttijden",
)
HOST = "127.0.0.1"
WARM_UP_SECONDS = 4.0
SSL_CONTEXT = ssl.create_default_context()  # created once: it costs ~ms per client


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def build_db(path: Path) -> list[str]:
    with open_store(path) as store:
        if not store.count_documents():
            store.ingest_paths([examples_dir()], workers=1)
        return [d.id for d in store.list_documents(None, limit=500)]


def start_server(db: Path, port: int, workers: int) -> subprocess.Popen[bytes]:
    kamerqa = Path(sys.executable).with_name("kamerqa")
    command = [str(kamerqa), "serve", "--db", str(db), "--host", HOST, "--port", str(port)]
    command += ["--workers", str(workers)]
    return subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )


def wait_until_up(base: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/api/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not come up")


def request_path(rng: random.Random, doc_ids: list[str]) -> str:
    kind = rng.random()
    if kind < 0.4:
        return f"/api/search?q={rng.choice(QUERIES)}"
    if kind < 0.6:
        return f"/?q={rng.choice(QUERIES)}"
    if kind < 0.8:
        return f"/doc/{rng.choice(doc_ids)}"
    return f"/api/documents/{rng.choice(doc_ids)}"


async def client_loop(
    base: str, deadline: float, seed: int, doc_ids: list[str], out: list[float]
) -> int:
    """One simulated user with its own connection (a shared httpx pool is the bottleneck)."""
    rng = random.Random(seed)
    errors = 0
    async with httpx.AsyncClient(base_url=base, verify=SSL_CONTEXT, timeout=30) as client:
        while time.monotonic() < deadline:
            errors += await one_request(client, rng, doc_ids, out)
    return errors


async def one_request(
    client: httpx.AsyncClient, rng: random.Random, doc_ids: list[str], out: list[float]
) -> int:
    started = time.perf_counter()
    try:
        response = await client.get(request_path(rng, doc_ids))
        failed = response.status_code >= 400
    except httpx.HTTPError:
        failed = True
    out.append(time.perf_counter() - started)
    return int(failed)


async def run_load(
    base: str, clients: int, duration: float, doc_ids: list[str]
) -> tuple[list[float], int]:
    latencies: list[float] = []
    deadline = time.monotonic() + duration
    tasks = [client_loop(base, deadline, i, doc_ids, latencies) for i in range(clients)]
    errors = sum(await asyncio.gather(*tasks))
    return latencies, errors


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds (max 120)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    duration = min(max(args.duration, 1.0), 120.0)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "kamerqa.db"
        doc_ids = build_db(db)
        port = free_port()
        base = f"http://{HOST}:{port}"
        server = start_server(db, port, args.workers)
        try:
            wait_until_up(base)
            time.sleep(WARM_UP_SECONDS)  # workers load the similarity model in the background
            baseline, base_errors = asyncio.run(run_load(base, 1, min(3.0, duration), doc_ids))
            loaded, errors = asyncio.run(run_load(base, args.clients, duration, doc_ids))
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=20)
    base_p50 = statistics.median(baseline)
    p50, p95 = statistics.median(loaded), percentile(loaded, 0.95)
    print(f"documents: {len(doc_ids)}  workers: {args.workers}  cpus: {os.cpu_count()}")
    print(
        f"baseline (1 client): {len(baseline)} requests, {base_errors} errors, "
        f"p50 {base_p50 * 1000:.1f} ms"
    )
    print(
        f"load ({args.clients} clients, {duration:.0f} s): {len(loaded)} requests, "
        f"{len(loaded) / duration:.0f} req/s, {errors} errors"
    )
    print(
        f"latency p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
        f"p99 {percentile(loaded, 0.99) * 1000:.0f} ms"
    )
    print(f"p50 under load / baseline p50: {p50 / base_p50:.1f}x")


if __name__ == "__main__":
    main()
