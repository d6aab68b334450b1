"""Every real answer document in ../shared/corpus: parse -> render (text, DOCX) -> parse again
gives the same questions, answers (with pointers) and footnotes (text and place)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerqa import parse_bytes, parse_file
from kamerqa.model import Document
from kamerqa.render import render


def _facts(document: Document) -> tuple[object, ...]:
    return (
        [(q.number, " ".join(q.text.split())) for q in document.questions],
        [(a.questions, " ".join(a.text.split()), a.refers_to) for a in document.answers],
        [(f.text, f.in_) for f in document.footnotes],  # ids are renumbered when they repeat
    )


def _corpus(shared_dir: Path) -> list[Path]:
    root = shared_dir / "corpus" / "antwoord_schriftelijke_vragen"
    files = sorted(p for p in root.rglob("*") if p.suffix in (".pdf", ".docx"))
    if not files:
        pytest.skip("no corpus documents")
    return files


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["text", "docx"])
def test_corpus_round_trip(shared_dir: Path, fmt: str) -> None:
    failures = []
    for path in _corpus(shared_dir):
        original = parse_file(path)
        output = render(original, fmt)
        again = parse_bytes(output.encode() if isinstance(output, str) else output, f"x.{fmt}")
        if _facts(again) != _facts(original) or again.genre != original.genre:
            failures.append(path.name)
    assert failures == []
