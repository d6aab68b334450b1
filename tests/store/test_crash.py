"""SIGKILL during ingest never leaves a half-written document; a rerun completes the rest."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kamerqa.store import open_store
from store.docs import seed_like_text

FILES = 240
TRIALS = 20
DRIVER = (
    "import sys\n"
    "from kamerqa.store import open_store\n"
    "from kamerqa.store.ingest import ingest_paths\n"
    "store = open_store(sys.argv[1])\n"
    "ingest_paths(store, [sys.argv[2]], workers=1, batch_size=3, embed=False)\n"
)


def _check_whole(db: Path) -> int:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        conn.execute("INSERT INTO qa_fts(qa_fts) VALUES ('integrity-check')")
        partial = conn.execute(
            "SELECT d.id FROM documents d WHERE"
            " (SELECT count(*) FROM questions q WHERE q.doc_id = d.id) != 2"
            " OR (SELECT count(*) FROM answers a WHERE a.doc_id = d.id) != 2"
            " OR (SELECT count(*) FROM qa_units u WHERE u.doc_id = d.id) != 4"
        ).fetchall()
        assert partial == []
        orphans = conn.execute(
            "SELECT count(*) FROM qa_units u LEFT JOIN documents d ON d.id = u.doc_id"
            " WHERE d.id IS NULL"
        ).fetchone()[0]
        assert orphans == 0
        return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.slow
def test_sigkill_at_random_points_leaves_whole_documents(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for n in range(FILES):
        (folder / f"so_{n:04d}.txt").write_text(seed_like_text(60000 + n))
    db = tmp_path / "crash.db"
    open_store(db).close()
    rng = random.Random(9)
    counts = []
    for _ in range(TRIALS):
        process = subprocess.Popen([sys.executable, "-c", DRIVER, str(db), str(folder)])
        time.sleep(rng.uniform(0.2, 0.9))
        process.send_signal(signal.SIGKILL)
        process.wait()
        counts.append(_check_whole(db))
        if counts[-1] == FILES:  # finished before the kill: start again from scratch
            db.unlink()
            for extra in tmp_path.glob("crash.db-*"):
                extra.unlink()
            open_store(db).close()
    assert any(0 < c < FILES for c in counts), "no kill landed in the middle of an ingest"
    with open_store(db) as store:
        report = store.ingest_paths([folder], workers=1)
        assert report.inserted + report.unchanged == FILES and not report.failed
        assert store.count_documents() == FILES
    assert _check_whole(db) == FILES
