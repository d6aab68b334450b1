"""Smoke test of bench/parse.py with a tiny corpus: it runs and every question is found."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "parse.py"


def test_bench_runs_on_a_tiny_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("bench_parse", BENCH)
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    figures = bench.run(documents=5, questions=4, seed=3)
    # one document per generator: 4 questions each, the lijst five times as many
    assert figures["questions"] == 4 * 4 + 20
    output = capsys.readouterr().out
    assert "docs/s" in output and "ratio" in output
