"""Acceptance: a sync killed at any point and restarted gives exactly the uninterrupted store."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from kamerqa.sources.engine import SyncOptions
from kamerqa.store import open_store

from .conftest import EngineFactory
from .helpers import snapshot
from .replay import FEED, KOOP, ODATA, ReplayServer


class Interrupted(Exception):
    pass


class KillAt:
    """A checkpoint hook that raises at its ``n``-th call (counting from 1)."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.calls = 0

    def __call__(self, where: str) -> None:
        self.calls += 1
        if self.calls == self.n:
            raise Interrupted(where)


def _count_checkpoints(tmp_path: Path, make_engine: EngineFactory, options: SyncOptions) -> int:
    counter = KillAt(0)
    with open_store(tmp_path / "count.db") as store:
        make_engine(store, checkpoint=counter).run(options)
        return counter.calls


@pytest.mark.parametrize(
    "options", [SyncOptions(), SyncOptions(since=date(2026, 1, 1))], ids=["feed", "backfill+feed"]
)
def test_random_interruptions_then_restart_equal_an_uninterrupted_run(
    tmp_path: Path, make_engine: EngineFactory, options: SyncOptions
) -> None:
    with open_store(tmp_path / "clean.db") as clean:
        make_engine(clean).run(options)
        expected = snapshot(clean)
    total = _count_checkpoints(tmp_path, make_engine, options)
    rng = random.Random(20260105 + total)
    with open_store(tmp_path / "killed.db") as store:
        kills = 0
        while True:  # interrupt again and again at random points until a run completes
            hook = KillAt(rng.randint(1, total))
            try:
                make_engine(store, checkpoint=hook).run(options)
                break
            except Interrupted:
                kills += 1
                assert kills < 50
        assert kills >= 1
        assert snapshot(store) == expected


@pytest.mark.slow
def test_interruption_at_every_third_checkpoint_of_the_backfill(
    tmp_path: Path, make_engine: EngineFactory
) -> None:
    options = SyncOptions(since=date(2026, 1, 1), feed=False)
    with open_store(tmp_path / "clean.db") as clean:
        make_engine(clean).run(options)
        expected = snapshot(clean)
    total = _count_checkpoints(tmp_path, make_engine, options)
    for n in range(1, total + 1, 3):
        with open_store(tmp_path / f"killed-{n}.db") as store:
            with pytest.raises(Interrupted):
                make_engine(store, checkpoint=KillAt(n)).run(options)
            make_engine(store).run(options)
            assert snapshot(store) == expected, f"interrupted at checkpoint {n}"


def _sync_command(server: ReplayServer, db: Path) -> list[str]:
    return [
        sys.executable,
        "-c",
        "from kamerqa.cli import main; main()",
        "sync",
        "--db",
        str(db),
        "--base-url",
        server.url + ODATA,
        "--feed-url",
        server.url + FEED,
        "--koop-url",
        server.url + KOOP,
        "--timeout",
        "5",
        "--min-interval",
        "0.05",
    ]


@pytest.mark.slow
def test_sigkill_mid_run_then_restart_equals_an_uninterrupted_run(
    tmp_path: Path, server: ReplayServer
) -> None:
    clean_db = tmp_path / "clean.db"
    subprocess.run(_sync_command(server, clean_db), timeout=120, check=False, capture_output=True)
    with open_store(clean_db) as clean:
        expected = snapshot(clean)
    assert expected["sync"]["sync_document"]
    replay = server.replay
    start = len(replay.requests)
    killed_db = tmp_path / "killed.db"
    process = subprocess.Popen(_sync_command(server, killed_db), stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while len(replay.requests) - start < 12 and process.poll() is None:
        assert time.monotonic() < deadline, "the sync never got going"
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    subprocess.run(_sync_command(server, killed_db), timeout=120, check=False, capture_output=True)
    with open_store(killed_db) as store:
        assert snapshot(store) == expected
