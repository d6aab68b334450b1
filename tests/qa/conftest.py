"""Helpers for the user-level QA tests: run the real console entry point in-process."""

from __future__ import annotations

import sys
from dataclasses import dataclass

import pytest

from kamerqa.cli import main


@dataclass
class Outcome:
    code: int
    out: str
    err: str


@pytest.fixture
def kamerqa_cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> object:
    """``kamerqa_cli("parse", "x.txt")`` -> Outcome(exit code, stdout, stderr), via main()."""

    def run(*args: str) -> Outcome:
        monkeypatch.setattr(sys, "argv", ["kamerqa", *args])
        monkeypatch.setenv("COLUMNS", "200")
        capsys.readouterr()
        try:
            main()
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return run
