"""A one-page Kamerstuk (nothing repeats across pages) and a ruled table over two pages.

On one page furniture cannot be found by repetition: the KOOP imprint is known by its pattern
(also with an Eerste Kamer letter, "kst-36512-E"), and a note in small print is found above a
footer line that is not recognised, because it starts with the number of a raised marker.
A ruled table ("Table Grid") is cut into cells at its drawn borders, so cells whose text runs
close to the next cell stay apart, its columns are not text columns and a number cell at the
top of every page is no running header.
"""

from __future__ import annotations

import ctypes
import io

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kamerqa.readers.pdf import read

from .pdf_maker import Text, make_pdf

LEFT = 72.0
PITCH = 12.0


def _body(lines: list[str], top: float) -> list[Text]:
    return [Text(LEFT, top - i * PITCH, line) for i, line in enumerate(lines)]


def _one_page(footer: str) -> bytes:
    body = _body(
        [
            "De leden van de fractie van GroenLinks-PvdA vragen hoe lang het UWV",
            "de gegevens bewaart.",
            "Het UWV bewaart de gegevens vijf jaar.",
        ],
        700,
    )
    marker = Text(LEFT + 99, 690.5, "1", 6)
    note = [
        Text(LEFT, 82, "1", 7.5),
        Text(LEFT + 8, 82, "Zie artikel 6 van het wetsvoorstel.", 7.5),
    ]
    return make_pdf([[*body, marker, *note, Text(LEFT, 50, footer)]])


def test_one_page_kamerstuk_imprint_with_an_eerste_kamer_letter() -> None:
    result = read(_one_page("kst-36512-E ISSN 0921-7371 ’s-Gravenhage 2026 1"))
    assert [block.text for block in result.blocks] == [
        "De leden van de fractie van GroenLinks-PvdA vragen hoe lang het UWV de gegevens "
        "bewaart. Het UWV bewaart de gegevens vijf jaar."
    ]
    assert [(note.id, note.text) for note in result.blocks[0].notes] == [
        ("1", "Zie artikel 6 van het wetsvoorstel.")
    ]
    assert result.metadata["koop_id"] == "kst-36512-E"


def test_one_page_note_above_an_unknown_footer_line() -> None:
    result = read(_one_page("Ministerie van Sociale Zaken en Werkgelegenheid"))
    texts = [block.text for block in result.blocks]
    assert texts[0].endswith("de gegevens bewaart. Het UWV bewaart de gegevens vijf jaar.")
    assert "Zie artikel 6" not in " ".join(texts)
    assert [(note.id, note.text) for note in result.blocks[0].notes] == [
        ("1", "Zie artikel 6 van het wetsvoorstel.")
    ]


# Nr | Vraag | Antwoord, cell borders at these x; text 4 pt right of a border
BORDERS = (66.0, 90.0, 280.0, 530.0)
QUESTION = ["Welke provincies dragen bij aan de", "vaarwegen, en met welk bedrag?"]
ANSWER = ["Alle provincies dragen bij; samen gaat", "het om € {n} miljoen voor de", "vaarwegen."]


def _row(number: int, top: float) -> tuple[list[Text], float]:
    """The texts of one table row and the height of the row (cells wrap unequally)."""
    texts = [Text(BORDERS[0] + 4, top, str(number))]
    texts += [Text(BORDERS[1] + 4, top - i * PITCH, line) for i, line in enumerate(QUESTION)]
    answer = [line.format(n=100 + number) for line in ANSWER]
    texts += [Text(BORDERS[2] + 4, top - i * PITCH, line) for i, line in enumerate(answer)]
    return texts, len(answer) * PITCH + 10


def _table_pages(rows_per_page: int, pages: int) -> tuple[list[list[Text]], list[list[float]]]:
    """Pages of the table, and for each page the heights where its horizontal rules run."""
    texts: list[list[Text]] = []
    rules: list[list[float]] = []
    number = 1
    for _ in range(pages):
        top, page, heights = 760.0, [], [770.0]
        for _ in range(rows_per_page):
            row, height = _row(number, top)
            page += row
            top -= height
            heights.append(top + 10)
            number += 1
        texts.append(page)
        rules.append(heights)
    texts[-1].append(Text(LEFT, rules[-1][-1] - 30, "Antwoord op de overige vragen volgt."))
    return texts, rules


def _path(
    document: pdfium.PdfDocument, x0: float, y0: float, x1: float, y1: float
) -> ctypes.c_void_p:
    path = pdfium_c.FPDFPageObj_CreateNewPath(x0, y0)
    pdfium_c.FPDFPath_LineTo(path, x1, y1)
    pdfium_c.FPDFPageObj_SetStrokeWidth(path, 0.5)
    pdfium_c.FPDFPath_SetDrawMode(path, pdfium_c.FPDF_FILLMODE_NONE, True)
    return path


def _ruled(pdf: bytes, rules: list[list[float]]) -> bytes:
    """``pdf`` with the table's borders drawn on each page: vertical rules at BORDERS from the
    first to the last horizontal rule of the page, and the horizontal rules."""
    document = pdfium.PdfDocument(pdf)
    for index, heights in enumerate(rules):
        page = document[index]
        top, bottom = heights[0], heights[-1]
        for x in BORDERS:
            pdfium_c.FPDFPage_InsertObject(page.raw, _path(document, x, bottom, x, top))
        for y in heights:
            pdfium_c.FPDFPage_InsertObject(page.raw, _path(document, BORDERS[0], y, BORDERS[-1], y))
        pdfium_c.FPDFPage_GenerateContent(page.raw)
        page.close()
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    return buffer.getvalue()


def test_a_ruled_table_over_two_pages_keeps_its_rows_and_cells() -> None:
    texts, rules = _table_pages(rows_per_page=6, pages=2)
    result = read(_ruled(make_pdf(texts), rules))
    tables = [block for block in result.blocks if block.kind == "table"]
    assert len(tables) == 1
    rows = tables[0].rows
    assert [row[0] for row in rows] == [str(n) for n in range(1, 13)]
    assert rows[6] == [
        "7",
        "Welke provincies dragen bij aan de vaarwegen, en met welk bedrag?",
        "Alle provincies dragen bij; samen gaat het om € 107 miljoen voor de vaarwegen.",
    ]
    assert result.blocks[-1].text == "Antwoord op de overige vragen volgt."
