#!/usr/bin/env python3
"""Parse speed per input format, against the extraction library's own time on the same files.

    .venv/bin/python bench/parse_formats.py [--shared ../shared] [--repeat 3] [--extractors]

For every format (pdf, docx, text, html, xml) it collects the files of ../shared (corpus,
seeds), tests/fixtures and src/kamerqa/examples, detects the format by content, and times:
- the library baseline: what the extraction library alone needs to get the text out
  (pdf: pypdfium2 text of every page; docx: python-docx paragraphs and tables; html: lxml.html
  text_content; xml: lxml.etree parse + itertext; text: bytes.decode);
- kamerqa's reader (``read_bytes``) and kamerqa's whole parse (``parse_bytes``: reader, genre
  detection and genre parser; files that are not Q&A documents count as failures).
It prints documents/s and the ratios reader/library and parse/library (goal: reader <= 1.3x).
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


def bench_formats(found: dict[str, list[tuple[Path, bytes]]], repeat: int) -> None:
    header = f"{'format':6} {'files':>5} {'docs/s':>8} {'read ms':>8} {'lib ms':>8}"
    print(header + f" {'read/lib':>8} {'parse/lib':>9} {'parsed':>7}  baseline")
    for fmt in FORMATS:
        files = [data for _, data in found[fmt]]
        if not files:
            print(f"{fmt:6} {0:5}  (no files)")
            continue
        name, baseline = BASELINES[fmt]
        lib, _ = _time(baseline, files, repeat)
        read, _ = _time(read_bytes, files, repeat)
        parse, failed = _time(parse_bytes, files, repeat)
        count = len(files)
        print(
            f"{fmt:6} {count:5} {count / parse:8.1f} {1000 * read / count:8.2f}"
            f" {1000 * lib / count:8.2f} {read / lib:8.2f} {parse / lib:9.2f}"
            f" {count - failed:3}/{count:<3}  {name}"
        )


def bench_pdf_extractors(pdfs: list[bytes], repeat: int) -> None:
    from pdfminer.high_level import extract_pages, extract_text

    def miner_text(data: bytes) -> str:
        return str(extract_text(io.BytesIO(data)))

    def miner_layout(data: bytes) -> int:
        return sum(1 for _ in extract_pages(io.BytesIO(data)))

    candidates: list[tuple[str, Callable[[bytes], object]]] = [
        ("pypdfium2 get_text_range", _pdfium_text),
        ("pdfminer.six extract_text", miner_text),
        ("pdfminer.six extract_pages (layout)", miner_layout),
        ("kamerqa pdf reader (pypdfium2 objects)", read_bytes),
    ]
    base, _ = _time(_pdfium_text, pdfs, repeat)
    print(f"\nPDF extractors on {len(pdfs)} PDFs (best of {repeat}):")
    for name, function in candidates:
        seconds, failed = _time(function, pdfs, repeat)
        print(
            f"  {name:40} {1000 * seconds / len(pdfs):8.2f} ms/doc"
            f"  {seconds / base:6.2f}x pdfium text  failures {failed}"
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
