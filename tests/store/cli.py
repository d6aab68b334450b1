"""Run the real console entry point (``kamerqa.cli.main``) in-process, as a user would."""

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

    def one_line_error(self, *needles: str) -> str:
        """Assert exit 2 with one ``kamerqa: …`` line on stderr holding ``needles``."""
        lines = [line for line in self.err.splitlines() if line.strip()]
        assert self.code == 2, (self.code, self.out, self.err)
        assert len(lines) == 1 and lines[0].startswith("kamerqa: "), self.err
        assert "internal error" not in self.err and "Traceback" not in self.err
        for needle in needles:
            assert needle in lines[0], lines[0]
        return lines[0]


def run(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str) -> Outcome:
    monkeypatch.setattr(sys, "argv", ["kamerqa", *args])
    monkeypatch.setenv("COLUMNS", "100")
    capsys.readouterr()
    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err)
