"""The PDF reader on the 13 Aanhangsel PDFs of ../shared/corpus, checked against gold counts.

The gold word counts per question and answer (tests/readers/gold_sections.py splits the
reader's blocks at "Vraag N"/"Antwoord N" headings), the number of footnotes, the KOOP id in
the footer and NFC names are checked here without the kamervragen parser.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from kamerqa.readers.pdf import read

from .gold_sections import compare, sections


def _gold_files(shared: Path) -> list[Path]:
    return sorted((shared / "corpus" / "gold").glob("ah-*.json"))


def test_every_corpus_pdf_matches_the_gold_word_counts(shared_dir: Path) -> None:
    golds = _gold_files(shared_dir)
    if not golds:
        pytest.skip("no PDF gold files")
    failures: dict[str, list[str]] = {}
    for path in golds:
        gold = json.loads(path.read_text(encoding="utf-8"))
        result = read((shared_dir / "corpus" / gold["file"]).read_bytes())
        problems = compare(result, gold)
        notes = sum(len(b.notes) for b in result.blocks) + len(result.unplaced_notes)
        if notes != gold["footnotes"]:
            problems.append(f"{notes} footnotes, gold {gold['footnotes']}")
        if result.unplaced_notes:
            problems.append(f"unplaced notes {[n.id for n in result.unplaced_notes]}")
        if result.metadata.get("koop_id") != gold["koop_id"]:
            problems.append(f"koop_id {result.metadata.get('koop_id')}")
        if len(sections(result)) < 2 * len(gold["answers"]):
            problems.append("question/answer headings missing")
        if problems:
            failures[path.stem] = problems
    assert failures == {}


def test_no_page_furniture_or_split_accents_remain(shared_dir: Path) -> None:
    pdfs = sorted((shared_dir / "corpus").glob("**/*.pdf"))
    if not pdfs:
        pytest.skip("no corpus PDFs")
    for pdf in pdfs:
        result = read(pdf.read_bytes())
        for block in result.blocks:
            assert "Aanhangsel 2" not in block.text and "ISSN" not in block.text, pdf.name
            assert unicodedata.is_normalized("NFC", block.text), pdf.name
            assert "\u00b8" not in block.text and "\x02" not in block.text, pdf.name
        assert result.metadata["vergaderjaar"] == "2023-2024"


def test_names_split_by_a_combining_accent_are_joined(shared_dir: Path) -> None:
    pdfs = sorted((shared_dir / "corpus").glob("**/ah-tk-20232024-1949*.pdf"))
    if not pdfs:
        pytest.skip("corpus PDF 1949 not present")
    text = " ".join(b.text for b in read(pdfs[0].read_bytes()).blocks)
    assert "Yeşilgöz-Zegerius" in text
