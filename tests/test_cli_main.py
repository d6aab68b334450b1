"""The console entry point: usage errors and I/O errors are one line, with exit code 2."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ENTRY = "import sys; from kamerqa.cli import main; sys.argv[0] = 'kamerqa'; main()"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", ENTRY, *args], capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("parse",), "Missing argument"),
        (("nosuchverb",), "No such command"),
        (("parse", "--bogus", "x"), "No such option"),
    ],
)
def test_usage_errors_are_one_line_with_exit_2(args: tuple[str, ...], expected: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0] and "--help" in lines[0]
    assert "Traceback" not in result.stderr


def test_no_arguments_shows_help_and_succeeds() -> None:
    result = run()
    assert result.returncode == 0
    assert "parse" in result.stdout + result.stderr


def test_unwritable_output_is_one_line_naming_the_path(tmp_path: Path) -> None:
    source = tmp_path / "vragen.txt"
    source.write_text("Vraag 1\nWaarom?\n\nAntwoord\nDaarom.\n", encoding="utf-8")
    target = tmp_path / "missing-folder" / "out.json"
    result = run("parse", str(source), "-o", str(target))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "missing-folder" in result.stderr


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("kamerqa ")
