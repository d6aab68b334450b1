"""`kamerqa render`: every format from a kamerqa/1 JSON file; bad input exits 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from kamerqa.cli import app
from kamerqa.model import Document

runner = CliRunner()


@pytest.fixture
def json_file(tmp_path: Path, letter: Document) -> Path:
    path = tmp_path / "doc.json"
    path.write_text(letter.to_json(), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [("text", "Vraag 1\n"), ("md", "#### Vraag 1"), ("html", '<h4 class="question-heading">')],
)
def test_render_to_stdout(json_file: Path, fmt: str, expected: str) -> None:
    result = runner.invoke(app, ["render", str(json_file), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert expected in result.output


def test_render_docx_to_file(json_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    result = runner.invoke(app, ["render", str(json_file), "--format", "docx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:2] == b"PK"


def test_docx_to_stdout_is_refused(json_file: Path) -> None:
    result = runner.invoke(app, ["render", str(json_file), "--format", "docx"])
    assert result.exit_code == 2


def test_bad_inputs_exit_2(tmp_path: Path, json_file: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema": "kamerqa/1", "id": 5, "questions": "x"}', encoding="utf-8")
    result = runner.invoke(app, ["render", str(broken)])
    assert result.exit_code == 2
    assert "invalid kamerqa/1 document" in result.output
    assert runner.invoke(app, ["render", str(tmp_path / "missing.json")]).exit_code == 2
    assert runner.invoke(app, ["render", str(json_file), "--format", "pdf"]).exit_code == 2
