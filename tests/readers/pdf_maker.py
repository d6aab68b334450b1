"""Write small test PDFs with pdfium itself (no office suite needed, fast, deterministic).

``make_pdf(pages)`` takes pages as lists of ``Text(x, y, text, size=10, bold=False)`` items
(PDF points, origin bottom-left, y is the baseline) and returns the bytes of a PDF set in the
standard Helvetica fonts. ``image_only_pdf()`` returns a page with a picture and no text.
"""

from __future__ import annotations

import ctypes
import io
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

WIDTH, HEIGHT = 595.0, 842.0


@dataclass
class Text:
    x: float
    y: float
    text: str
    size: float = 10.0
    bold: bool = False
    italic: bool = False


def _wide(text: str) -> ctypes.Array[ctypes.c_char]:
    return ctypes.create_string_buffer((text + "\x00").encode("utf-16-le"))


def make_pdf(pages: list[list[Text]]) -> bytes:
    document = pdfium.PdfDocument.new()
    names = {
        (False, False): b"Helvetica",
        (True, False): b"Helvetica-Bold",
        (False, True): b"Helvetica-Oblique",
        (True, True): b"Helvetica-BoldOblique",
    }
    fonts = {
        key: pdfium_c.FPDFText_LoadStandardFont(document.raw, name) for key, name in names.items()
    }
    for items in pages:
        page = document.new_page(WIDTH, HEIGHT)
        for item in items:
            font = fonts[item.bold, item.italic]
            obj = pdfium_c.FPDFPageObj_CreateTextObj(document.raw, font, item.size)
            wide = _wide(item.text)
            pdfium_c.FPDFText_SetText(obj, ctypes.cast(wide, ctypes.POINTER(ctypes.c_ushort)))
            pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, item.x, item.y)
            pdfium_c.FPDFPage_InsertObject(page.raw, obj)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
        page.close()
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    return buffer.getvalue()


def image_only_pdf(pages: int = 1) -> bytes:
    """A 'scanned' PDF: each page holds one grey picture and no text."""
    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        page = document.new_page(WIDTH, HEIGHT)
        bitmap = pdfium.PdfBitmap.new_native(40, 40, pdfium_c.FPDFBitmap_BGR)
        bitmap.fill_rect((128, 128, 128, 255), 0, 0, 40, 40)
        image = pdfium_c.FPDFPageObj_NewImageObj(document.raw)
        pdfium_c.FPDFImageObj_SetBitmap(None, 0, image, bitmap.raw)
        pdfium_c.FPDFPageObj_Transform(image, 400, 0, 0, 600, 90, 120)
        pdfium_c.FPDFPage_InsertObject(page.raw, image)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
        page.close()
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    return buffer.getvalue()
