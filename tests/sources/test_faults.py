"""Acceptance: every injected fault is survived and the documents end up complete."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerqa.sources.engine import SyncOptions
from kamerqa.sources.http import SourceError
from kamerqa.store import open_store
from kamerqa.store import sync_state as state

from .conftest import EngineFactory
from .helpers import RecordingSleep, snapshot
from .replay import Replay

QUESTION = "a3c51e02-1111-4b7a-9c3e-5f6a7b8c9d04"


def _clean_run(tmp_path: Path, make_engine: EngineFactory) -> dict[str, object]:
    with open_store(tmp_path / "clean.db") as clean:
        make_engine(clean).run(SyncOptions())
        return snapshot(clean)


def test_all_faults_survived_with_documents_complete(
    tmp_path: Path, make_engine: EngineFactory, replay: Replay, sleeps: RecordingSleep
) -> None:
    expected = _clean_run(tmp_path, make_engine)
    replay.faults.clear()
    replay.inject("/SyncFeed/2.0/Feed", "500", times=2)
    replay.inject(f"Document({QUESTION})?", "429")
    replay.inject(f"Document({QUESTION})/resource", "truncate")
    replay.inject("/koop/ah-tk-20252026-901.xml", "truncate")
    replay.inject("/koop/ah-tk-20252026-901/metadata.xml", "500")
    replay.inject("Document(a3c51e02-1111-4b7a-9c3e-5f6a7b8c9d07)/resource", "slow")
    replay.inject("#repeat-feed", "repeat")
    replay.inject("Document(a3c51e02-1111-4b7a-9c3e-5f6a7b8c9d01)/resource", "short")
    replay.inject("Document(a3c51e02-1111-4b7a-9c3e-5f6a7b8c9d05)?", "short")
    with open_store(tmp_path / "faulty.db") as faulty:
        report = make_engine(faulty, timeout=0.5).run(SyncOptions())  # "slow" waits 1 s
        assert snapshot(faulty) == expected
    assert report.failed == ["2026D00305"]  # the broken PDF only, kept and reported
    assert not [f for f in replay.faults if f.times > 0]  # every fault was actually served
    assert 2.0 in sleeps.calls  # Retry-After honoured


def test_a_source_that_stays_down_stops_the_run_without_moving_the_cursor(
    tmp_path: Path, make_engine: EngineFactory, replay: Replay
) -> None:
    replay.inject("/SyncFeed/2.0/Feed", "500", times=100)
    with open_store(tmp_path / "down.db") as store:
        with pytest.raises(SourceError, match="gave up after 5 attempts"):
            make_engine(store).run(SyncOptions())
        assert state.cursors(store) == {}
        assert state.counts(store)["sync_document"] == 0
