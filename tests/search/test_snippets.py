"""Snippets: escape first, then <mark> the matched words."""

from __future__ import annotations

from kamerqa.search.analysis import stem
from kamerqa.search.snippets import highlight, snippet


def test_marks_stem_compound_and_prefix_matches() -> None:
    text = "De dronemuur <script>alert(1)</script> houdt drones tegen; defensiebeleid telt."
    out = snippet(text, {stem("drone")}, ("defensie",))
    assert "<mark>dronemuur</mark>" in out and "<mark>drones</mark>" in out
    assert "<mark>defensiebeleid</mark>" in out
    assert "&lt;script&gt;" in out and "<script>" not in out


def test_long_text_is_cut_around_the_matches() -> None:
    text = " ".join(["woord"] * 200) + " drones " + " ".join(["slot"] * 200)
    out = snippet(text, {stem("drones")})
    assert out.startswith("… ") and out.endswith(" …")
    assert "<mark>drones</mark>" in out
    assert len(out.split()) < 50


def test_highlight_escapes_marked_text_too() -> None:
    assert highlight("a<b", [(1, 3)]) == "a<mark>&lt;b</mark>"
