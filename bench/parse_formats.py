#!/usr/bin/env python3
"""Parse speed per input format, against the extraction library's own time on the same files.

    .venv/bin/python bench/parse_formats.py [--shared ../shared] [--repeat 3] [--extractors]

For every format (pdf, docx, text, html, xml) it collects the files of ../shared (corpus,
seeds), tests/fixtures and src/kamerqa/examples, detects the format by content, and times:
- the library baseline: what the extraction library alone needs to get the text out
  (pdf: pypdfium2 text of every page; docx: python-docx paragraphs and tables; html: lxml.html
  text_content; xml: lxml.etree parse + itertext; text: bytes.decode);
- for PDF a second baseline, positioned text: the cheapest way found to get text *with its
  position* out of pypdfium2, which is what any layout-aware reader starts from (per page the
  text page, and per text object its text (FPDFTextObj_GetText) and bounds; no kamerqa code).
  ``--extractors`` times the alternatives (text-page rectangles + bounded text, characters +
  boxes), which are slower;
- kamerqa's reader (``read_bytes``) and kamerqa's whole parse (``parse_bytes``: reader, genre
  detection and genre parser; files that are not Q&A documents count as failures).
It prints documents/s and the ratios reader/library and parse/library (goal: <= 1.3x), and for
PDF also reader/positioned and parse/positioned.
``--extractors`` also compares PDF extractors (pypdfium2 vs pdfminer.six) on the PDFs.
Times are CPU seconds of this process (time.process_time), best of --repeat runs, so other
processes on a shared machine disturb them less. Figures only: nothing is asserted.
"""

from __future__ import annotations

import argparse
import io
import time
from collections.abc import Callable
from pathlib import Path

from kamerqa.errors import KamerqaInputError
from kamerqa.parse import parse_bytes
from kamerqa.readers import detect_format, read_bytes

REPO = Path(__file__).resolve().parent.parent
FORMATS = ("pdf", "docx", "text", "html", "xml")


def _pdfium_text(data: bytes) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        parts = []
        for page in document:
            textpage = page.get_textpage()
            parts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(parts)
    finally:
        document.close()


class _Utf16Buffer:
    """A reusable buffer for pdfium's UTF-16 text calls."""

    def __init__(self, size: int = 8192) -> None:
        import ctypes

        self.size = size
        self.raw = ctypes.create_string_buffer(size)
        self.pointer = ctypes.cast(self.raw, ctypes.POINTER(ctypes.c_ushort))

    def text(self, units: int) -> str:
        """The text of the first ``units`` UTF-16 code units (a terminating NUL dropped)."""
        return self.raw.raw[: 2 * units].decode("utf-16-le", "replace").rstrip("\x00")


def _pdfium_positioned(data: bytes) -> list[tuple[str, float, float, float, float]]:
    """Positioned text, the cheapest way found: per text object its text and bounding box
    (objects that are not text give no text, so no type test is needed)."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    get_object, get_text = pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFTextObj_GetText
    get_bounds = pdfium_c.FPDFPageObj_GetBounds
    buffer = _Utf16Buffer()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    runs: list[tuple[str, float, float, float, float]] = []
    document = pdfium.PdfDocument(data)
    try:
        for page in document:
            textpage = page.get_textpage()
            for index in range(pdfium_c.FPDFPage_CountObjects(page.raw)):
                obj = get_object(page.raw, index)
                size = get_text(obj, textpage.raw, buffer.pointer, buffer.size)
                if size <= 2:
                    continue  # not a text object, or no text
                if size > buffer.size:
                    buffer = _Utf16Buffer(size)
                    get_text(obj, textpage.raw, buffer.pointer, buffer.size)
                get_bounds(obj, left, bottom, right, top)
                text = buffer.text(size // 2)
                runs.append((text, left.value, bottom.value, right.value, top.value))
            textpage.close()
            page.close()
        return runs
    finally:
        document.close()


def _pdfium_rects(data: bytes) -> list[tuple[str, float, float, float, float]]:
    """Positioned text from the text page's rectangles (one per run of characters of one text
    object) and the text inside each (FPDFText_GetBoundedText)."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    buffer = _Utf16Buffer(1 << 16)
    left, top, right, bottom = (ctypes.c_double() for _ in range(4))
    runs: list[tuple[str, float, float, float, float]] = []
    document = pdfium.PdfDocument(data)
    try:
        for page in document:
            textpage = page.get_textpage()
            for index in range(pdfium_c.FPDFText_CountRects(textpage.raw, 0, -1)):
                pdfium_c.FPDFText_GetRect(textpage.raw, index, left, top, right, bottom)
                box = (left.value, top.value, right.value, bottom.value)
                units = pdfium_c.FPDFText_GetBoundedText(
                    textpage.raw, *box, buffer.pointer, buffer.size // 2
                )
                runs.append((buffer.text(units), *box))
            textpage.close()
            page.close()
        return runs
    finally:
        document.close()


def _pdfium_chars(data: bytes) -> list[tuple[str, float, float, float, float]]:
    """Positioned text per character (FPDFText_GetUnicode and FPDFText_GetCharBox)."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    chars: list[tuple[str, float, float, float, float]] = []
    document = pdfium.PdfDocument(data)
    try:
        for page in document:
            textpage = page.get_textpage()
            for index in range(pdfium_c.FPDFText_CountChars(textpage.raw)):
                code = pdfium_c.FPDFText_GetUnicode(textpage.raw, index)
                pdfium_c.FPDFText_GetCharBox(textpage.raw, index, left, right, bottom, top)
                chars.append((chr(code), left.value, bottom.value, right.value, top.value))
            textpage.close()
            page.close()
        return chars
    finally:
        document.close()


def _docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def _html_text(data: bytes) -> str:
    import lxml.html

    return str(lxml.html.fromstring(data).text_content())


def _xml_text(data: bytes) -> str:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    return "".join(etree.fromstring(data, parser).itertext())


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


BASELINES: dict[str, tuple[str, Callable[[bytes], str]]] = {
    "pdf": ("pypdfium2 get_text_range", _pdfium_text),
    "docx": ("python-docx paragraphs+tables", _docx_text),
    "html": ("lxml.html text_content", _html_text),
    "xml": ("lxml.etree itertext", _xml_text),
    "text": ("bytes.decode", _text),
}


def collect(shared: Path) -> dict[str, list[tuple[Path, bytes]]]:
    roots = [shared / "corpus", shared / "seeds", REPO / "tests" / "fixtures"]
    roots.append(REPO / "src" / "kamerqa" / "examples")
    found: dict[str, list[tuple[Path, bytes]]] = {fmt: [] for fmt in FORMATS}
    for root in roots:
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if not path.is_file() or path.suffix in {".json", ".py", ".md"}:
                continue
            data = path.read_bytes()
            try:
                fmt = detect_format(data, path.name)
            except KamerqaInputError:
                continue
            found[fmt].append((path, data))
    return found


def _time(
    function: Callable[[bytes], object], files: list[bytes], repeat: int
) -> tuple[float, int]:
    """Best total seconds over ``repeat`` runs, and how many files failed."""
    best = float("inf")
    failed = 0
    for _ in range(repeat):
        failed = 0
        start = time.process_time()
        for data in files:
            try:
                function(data)
            except Exception:  # a failure still costs time; count it and go on
                failed += 1
        best = min(best, time.process_time() - start)
    return best, failed


# Formats with a second baseline: the library's positioned text (see the module docstring).
POSITIONED: dict[str, tuple[str, Callable[[bytes], object]]] = {
    "pdf": ("pypdfium2 text objects: text + bounds", _pdfium_positioned),
}


def bench_formats(found: dict[str, list[tuple[Path, bytes]]], repeat: int) -> None:
    header = f"{'format':6} {'files':>5} {'docs/s':>8} {'read ms':>8} {'lib ms':>8}"
    header += f" {'read/lib':>8} {'parse/lib':>9} {'pos ms':>8} {'read/pos':>8} {'parse/pos':>9}"
    print(header + f" {'parsed':>7}  baseline (; positioned baseline)")
    for fmt in FORMATS:
        files = [data for _, data in found[fmt]]
        if not files:
            print(f"{fmt:6} {0:5}  (no files)")
            continue
        name, baseline = BASELINES[fmt]
        lib, _ = _time(baseline, files, repeat)
        positioned = ""
        pos_columns = f" {'-':>8} {'-':>8} {'-':>9}"
        if fmt in POSITIONED:
            positioned, pos_baseline = POSITIONED[fmt]
            pos, _ = _time(pos_baseline, files, repeat)
        read, _ = _time(read_bytes, files, repeat)
        parse, failed = _time(parse_bytes, files, repeat)
        count = len(files)
        if positioned:
            pos_columns = f" {1000 * pos / count:8.2f} {read / pos:8.2f} {parse / pos:9.2f}"
            positioned = f"; {positioned}"
        print(
            f"{fmt:6} {count:5} {count / parse:8.1f} {1000 * read / count:8.2f}"
            f" {1000 * lib / count:8.2f} {read / lib:8.2f} {parse / lib:9.2f}{pos_columns}"
            f" {count - failed:3}/{count:<3}  {name}{positioned}"
        )


def bench_pdf_extractors(pdfs: list[bytes], repeat: int) -> None:
    from pdfminer.high_level import extract_pages, extract_text

    def miner_text(data: bytes) -> str:
        return str(extract_text(io.BytesIO(data)))

    def miner_layout(data: bytes) -> int:
        return sum(1 for _ in extract_pages(io.BytesIO(data)))

    candidates: list[tuple[str, Callable[[bytes], object]]] = [
        ("pypdfium2 get_text_range", _pdfium_text),
        ("pypdfium2 text objects: text + bounds", _pdfium_positioned),
        ("pypdfium2 text-page rects + bounded text", _pdfium_rects),
        ("pypdfium2 characters + boxes", _pdfium_chars),
        ("pdfminer.six extract_text", miner_text),
        ("pdfminer.six extract_pages (layout)", miner_layout),
        ("kamerqa pdf reader (pypdfium2 objects)", read_bytes),
    ]
    base, _ = _time(_pdfium_text, pdfs, repeat)
    positioned, _ = _time(_pdfium_positioned, pdfs, repeat)
    print(f"\nPDF extractors on {len(pdfs)} PDFs (best of {repeat}):")
    for name, function in candidates:
        seconds, failed = _time(function, pdfs, repeat)
        print(
            f"  {name:42} {1000 * seconds / len(pdfs):8.2f} ms/doc"
            f"  {seconds / base:6.2f}x pdfium text  {seconds / positioned:6.2f}x positioned"
            f"  failures {failed}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--extractors", action="store_true", help="compare PDF extractors")
    args = parser.parse_args()
    found = collect(args.shared)
    bench_formats(found, args.repeat)
    if args.extractors:
        pdfs = [data for path, data in found["pdf"] if "corpus" in path.parts]
        bench_pdf_extractors(pdfs, args.repeat)


if __name__ == "__main__":
    main()
