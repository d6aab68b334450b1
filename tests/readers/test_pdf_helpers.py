"""Helpers of the PDF reader that were rewritten for speed: they must give what the plain
versions gave (whitespace collapsing, note marks, the gutter search, per-line facts)."""

from __future__ import annotations

import random
import sys

import pytest

from kamerqa.readers.pdf_blocks import MARK_BASE, settle_marks
from kamerqa.readers.pdf_extract import Line, Span
from kamerqa.readers.pdf_layout import _crossed
from kamerqa.readers.pdf_text import normalise_text

WHITESPACE = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()]


@pytest.mark.parametrize("space", WHITESPACE, ids=[f"U+{ord(c):04X}" for c in WHITESPACE])
def test_every_unicode_space_collapses_to_one_space(space: str) -> None:
    assert normalise_text(f"{space}een{space}{space}twee{space}") == "een twee"


def test_note_marks_are_taken_out_with_their_offsets() -> None:
    text = f"Ja{chr(MARK_BASE + 1)}. Zie{chr(MARK_BASE + 12)}{chr(MARK_BASE + 999)} hier"
    assert settle_marks(text) == ("Ja. Zie hier", [("1", 2), ("12", 7), ("999", 7)])
    assert settle_marks("geen merktekens") == ("geen merktekens", [])


def _line(x0: float, x1: float) -> Line:
    return Line(page=1, y=700.0, x0=x0, x1=x1, size=10.0)


def test_gutter_steps_crossed_by_a_line_are_the_ones_the_plain_test_finds() -> None:
    rng = random.Random(3)
    steps = [float(step) for step in range(100, 480, 3)]
    for _ in range(200):
        lines = []
        for _ in range(rng.randint(0, 12)):
            x0 = rng.choice([rng.uniform(50, 550), float(rng.randrange(50, 550))])
            lines.append(_line(x0, x0 + rng.choice([0.0, 1.0, 2.0, 3.0, rng.uniform(0, 300)])))
        plain = [any(ln.x0 < x - 1 < x + 1 < ln.x1 for ln in lines) for x in steps]
        assert _crossed(steps, lines) == plain


def test_bold_and_italic_of_a_line_are_the_share_of_its_baseline_characters() -> None:
    spans = [
        Span("Vraag 1", 72, 110, 10, bold=True),
        Span("2", 110, 114, 6, bold=False, shift=1),  # raised: not counted
        Span(" ", 114, 116, 10, bold=False),  # blank: not counted
        Span("x", 116, 120, 10, bold=False, italic=True),
    ]
    line = Line(1, 700, 72, 120, 10, spans)
    assert line.bold is False  # 7 of 8 characters: below 90 %
    assert line.italic is False
    assert Line(1, 700, 72, 110, 10, spans[:3]).bold is True
    assert "bold" in vars(line)  # worked out once, then stored on the line
