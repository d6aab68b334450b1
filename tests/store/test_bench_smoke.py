"""The benchmarks run end to end on a tiny corpus (figures are printed, not asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench"


def test_search_bench_runs_on_a_tiny_corpus(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(BENCH / "search.py"), "--pairs", "300", "--queries", "40",
         "--db", str(tmp_path / "bench.db")],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "ingest: 300 pairs" in result.stdout
    assert "optimize: " in result.stdout
    assert "ratio kamerqa/bare" in result.stdout
    assert (tmp_path / "bench.db").stat().st_size > 0


def test_bench_corpus_is_deterministic_and_counts_pairs() -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from corpus import documents, queries
    finally:
        sys.path.remove(str(BENCH))
    first = list(documents(57, seed=3))
    assert sum(len(d.questions) for d in first) == 57
    assert [d.to_dict() for d in first] == [d.to_dict() for d in documents(57, seed=3)]
    assert len({str(q) for q in queries(200)}) > 150
