"""Text layers of the unseen-genre PDFs (as PDFium exports them: hard-wrapped lines, a form feed
per page, running header and footer, page-bottom notes, U+FFFE for hyphens) read by the text
reader and parsed: a ratchet on how many give exactly the facts of the PDF itself.

Paragraph breaks are not in such text, so some documents stay ambiguous (a sentence end on a
nearly full line); the ratchet only keeps the ones that parse exactly from regressing."""

from __future__ import annotations

import json
from pathlib import Path

import pypdfium2 as pdfium
from tests.parse.test_unseen_genres import EXPECTED, _answers, _footnotes, _metadata, _questions

from kamerqa.parse import parse_bytes

PDF_EXPORT_EXACT_AT_LEAST = 6


def _text_layer(path: Path) -> str:
    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = [pdf[index].get_textpage().get_text_range() for index in range(len(pdf))]
    finally:
        pdf.close()
    return "\f".join(page.replace("\r\n", "\n") for page in pages)


def test_pdf_text_layers_of_unseen_genres_do_not_regress() -> None:
    exact = []
    for path in EXPECTED:
        expected = json.loads(path.read_text(encoding="utf-8"))
        name = path.name[: -len(".expected.json")]
        text = _text_layer(path.with_name(f"{name}.pdf"))
        assert "\f" in text
        document = parse_bytes(text.encode("utf-8"), f"{name}.txt")
        found = (
            document.genre,
            _metadata(document, expected["metadata"]),
            _questions(document),
            _answers(document),
            _footnotes(document),
        )
        wanted = (
            expected["genre"],
            expected["metadata"],
            expected["questions"],
            expected["answers"],
            expected["footnotes"],
        )
        if found == wanted:
            exact.append(name)
    assert len(exact) >= PDF_EXPORT_EXACT_AT_LEAST, exact
