"""PDF reader on layouts that once misled it: short paragraphs with space after them,
question headings on a body line, wrapped table cells, one-page imprints, small footnotes,
italic paragraphs."""

from __future__ import annotations

from kamerqa.readers.pdf import read

from .pdf_maker import Text, make_pdf

LINE = "De minister antwoordt dat de regeling ook dit jaar wordt voortgezet, zie bijlage"


def _texts(data: bytes) -> list[str]:
    return [block.text for block in read(data).blocks]


def test_one_line_paragraphs_with_space_after_stay_apart() -> None:
    # Most gaps are paragraph gaps (23.4 pt); the line pitch (13.4 pt) shows only inside
    # the few two-line paragraphs.
    items: list[Text] = []
    y = 780.0
    for n in range(1, 9):
        items.append(Text(72, y, f"{LINE} {n}."))
        y -= 23.4
    for _ in range(2):
        items.append(Text(72, y, f"{LINE} en"))
        y -= 13.4
        items.append(Text(72, y, f"{LINE} 9."))
        y -= 23.4
    items.append(Text(72, y, "Slotalinea."))
    texts = _texts(make_pdf([items]))
    assert texts[:8] == [f"{LINE} {n}." for n in range(1, 9)]
    assert texts[8] == f"{LINE} en {LINE} 9."
    assert texts[9] == texts[8]
    assert texts[10] == "Slotalinea."
