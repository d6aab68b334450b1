"""Rendered HTML and Markdown have an outline without skipped heading levels (screen readers)."""

from __future__ import annotations

import itertools
import re

import pytest

import kamerqa
from kamerqa.cli.serve_cmd import examples_dir
from kamerqa.render import render


@pytest.mark.parametrize(
    "name",
    ["kv_huurverhoging_2025-08.txt", "so_eurogroep_2026-07.docx", "nota_wet_drones_2026-04.txt"],
)
def test_heading_levels_never_skip(name: str) -> None:
    page = render(kamerqa.parse_file(examples_dir() / name), "html")
    assert isinstance(page, str)
    levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", page)]
    assert levels, "the page has headings"
    assert levels[0] <= 2
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, (name, levels)
    assert "question-heading" in page and "answer-heading" in page


@pytest.mark.parametrize("name", ["kv_huurverhoging_2025-08.txt", "so_eurogroep_2026-07.docx"])
def test_markdown_heading_levels_never_skip(name: str) -> None:
    text = render(kamerqa.parse_file(examples_dir() / name), "md")
    assert isinstance(text, str)
    levels = [len(m) for m in re.findall(r"^(#+) ", text, flags=re.MULTILINE)]
    assert levels and levels[0] <= 2
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, (name, levels)
