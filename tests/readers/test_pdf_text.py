"""Line joining and text clean-up of the PDF reader (kamerqa.readers.pdf_text)."""

from __future__ import annotations

import unicodedata

import pytest

from kamerqa.readers.pdf_extract import Span, join_spans
from kamerqa.readers.pdf_text import glue_punctuation, join_lines, normalise_text


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["de beoorde\x02", "ling van"], "de beoordeling van"),
        (["de milieu-", "en sociale"], "de milieu- en sociale"),
        (["aanloop-", "of uitloopfase"], "aanloop- of uitloopfase"),
        (["de OESO-", "richtlijnen"], "de OESO-richtlijnen"),
        (["Noord-", "Holland"], "Noord-Holland"),
        (["en/", "of"], "en/of"),
        (
            ["(www.voorbeeld.nl/nieuws/brug-", "dicht-tot-mei)"],
            "(www.voorbeeld.nl/nieuws/brug-dicht-tot-mei)",
        ),
        (["een zin.", "Nog een"], "een zin. Nog een"),
    ],
)
def test_lines_are_joined_by_the_gold_rules(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


def test_spacing_accents_are_attached_and_text_is_nfc() -> None:
    text = normalise_text("Minister Yes¸ ilgöz-Zegerius en e\u0301e\u0301n ﬁnanciële ﬂow")
    assert text == "Minister Yeşilgöz-Zegerius en één financiële flow"
    assert unicodedata.is_normalized("NFC", text)


def test_invisible_characters_and_odd_spaces_go() -> None:
    assert (
        normalise_text("twee\u00a0woorden\u200b en\u2009nog\u00adeen") == "twee woorden en nogeen"
    )


def test_punctuation_left_alone_by_a_removed_marker_is_glued_back() -> None:
    assert glue_punctuation("van Both Ends ? Ja") == "van Both Ends? Ja"


def test_single_glyphs_without_space_characters_get_a_space_at_a_word_gap() -> None:
    # pdfium's text page gives no space characters on some Chromium pages: word gaps of
    # about 0.25 x the size still part the words, glyphs of one word (under 0.15) stay joined
    glyphs = [("d", 0.0, 6.0), ("e", 6.6, 12.0), ("A", 14.6, 21.0), ("2", 21.5, 27.0)]
    assert join_spans([Span(t, a, b, 11.0, False) for t, a, b in glyphs]) == "de A2"
    italic = [Span("n", 83.6, 88.3, 11.0, False), Span("?", 90.3, 94.2, 11.0, False)]
    assert join_spans(italic) == "n?"  # 0.18 x the size before punctuation: no space
