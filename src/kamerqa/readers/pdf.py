"""PDF reader: bytes of a PDF to blocks, with page furniture and footnotes handled.

Extraction uses pdfium (pypdfium2) text objects (see docs/extraction-measurements.md for the
comparison with pdfminer.six). The steps:
1. ``pdf_extract``: text objects -> lines with position, size, boldness and raised spans;
2. ``pdf_layout``: furniture (running headers/footers, page numbers, KOOP imprint) removed,
   footnotes at the page bottom collected, columns put in reading order;
3. ``pdf_blocks``: lines -> paragraphs/headings/list items, markers -> ``Block.notes``;
4. ``pdf_tables``: rows of aligned cells -> table blocks.
Facts from the page furniture go into ``ReadResult.metadata``: ``koop_id`` (e.g.
``ah-tk-20232024-1076``), ``vergaderjaar`` ("2023-2024"), ``aanhangselnummer`` and the PDF's
document information as ``meta:Title`` / ``meta:Subject``.
"""

from __future__ import annotations

import re

from kamerqa.errors import KamerqaInputError
from kamerqa.readers.blocks import Block, Note, ReadResult
from kamerqa.readers.docx_letterhead import letterhead_facts
from kamerqa.readers.docx_notes import NoteMarks, attach_typed_notes
from kamerqa.readers.pdf_blocks import TextLine, text_line
from kamerqa.readers.pdf_endnotes import end_notes, rejoin_markers
from kamerqa.readers.pdf_extract import Line, PdfPage, PdfText, extract
from kamerqa.readers.pdf_layout import (
    KOOP_ID,
    body_size,
    clean,
    find_furniture,
    footnote_zone,
    note_text,
    reading_order,
)
from kamerqa.readers.pdf_tables import split_tables

__all__ = ["read"]

_VERGADERJAAR = re.compile(r"vergaderjaar\s+(\d{4})\s*[–-]\s*(\d{4})", re.I)
_NOT_ALNUM = re.compile(r"[\W_]+")
_AANHANGSEL_ID = re.compile(r"^ah-(?:tk|ek)-\d{8}-(\d+)")


def _metadata(text: PdfText, furniture_lines: list[Line], first: list[Line]) -> dict[str, str]:
    metadata: dict[str, str] = {}
    candidates = furniture_lines + [line for page in text.pages[:1] for line in page.lines]
    furniture = {id(line) for line in furniture_lines}  # the KOOP id only from the imprint
    for line in candidates:
        value = clean(line.plain_text())
        koop_id = KOOP_ID.search(value) if id(line) in furniture else None
        if "koop_id" not in metadata and koop_id:
            metadata["koop_id"] = koop_id.group(0)
        year = _VERGADERJAAR.search(value)
        if year and "vergaderjaar" not in metadata:
            metadata["vergaderjaar"] = f"{year.group(1)}-{year.group(2)}"
    number = _AANHANGSEL_ID.match(metadata.get("koop_id", ""))
    if number:
        metadata["aanhangselnummer"] = number.group(1)
    letterhead = [clean(line.plain_text()) for line in first[:80]]
    for key, value in letterhead_facts(letterhead).items():
        metadata.setdefault(key, value)
    for key in ("Title", "Subject"):
        if key in text.info:
            metadata[f"meta:{key}"] = " ".join(text.info[key].split())
    return metadata


def _collect_notes(
    pages: list[PdfPage], furniture: set[int], size: float
) -> tuple[dict[int, list[Line]], dict[str, str]]:
    """Body lines per page and the footnotes of the whole document (id -> text)."""
    bodies: dict[int, list[Line]] = {}
    note_lines: dict[str, list[Line]] = {}
    last: str | None = None
    for page in pages:
        lines = [line for line in page.lines if id(line) not in furniture]
        zone = footnote_zone(lines, size)
        if zone.continuation and last is not None:
            note_lines[last].extend(zone.continuation)
        elif zone.continuation:
            zone.lines -= {id(line) for line in zone.continuation}
        for number, own in zone.notes.items():
            note_lines.setdefault(number, []).extend(own)
            last = number
        body = [line for line in lines if id(line) not in zone.lines]
        bodies[page.number] = rejoin_markers(reading_order(body, page.width, page.rules), size)
    notes = {number: note_text(lines) for number, lines in note_lines.items()}
    return bodies, notes


def read_pdf_text(text: PdfText) -> ReadResult:
    """Blocks from extracted lines (separate from ``read`` so tests can feed lines)."""
    size = body_size(text.pages)
    furniture = find_furniture(text.pages, size)
    all_lines = [line for page in text.pages for line in page.lines]
    result = ReadResult(format="pdf")
    bodies, notes = _collect_notes(text.pages, furniture, size)
    _take_end_notes(bodies, notes)
    furniture_lines = [ln for ln in all_lines if id(ln) in furniture]
    result.metadata = _metadata(text, furniture_lines, bodies[text.pages[0].number])
    known = set(notes)
    items: list[TextLine] = [text_line(ln, known) for pg in text.pages for ln in bodies[pg.number]]
    blocks = split_tables(items, size, notes)
    placed = {note.id for block in blocks for note in block.notes}
    unplaced = [Note(n, t) for n, t in notes.items() if n not in placed]
    # Typed markers ("[1]", "1)") with a note list at the end, as in converted Word letters.
    _complete_from_tables(result.metadata, blocks, text.pages[0].number)
    result.blocks, typed_unplaced = attach_typed_notes(blocks, NoteMarks())
    result.unplaced_notes = unplaced + typed_unplaced
    return result


def _take_end_notes(bodies: dict[int, list[Line]], notes: dict[str, str]) -> None:
    """A note list printed after the text (a browser's print of HTML) joins the notes."""
    lines = [line for page in sorted(bodies) for line in bodies[page]]
    count, found = end_notes(lines)
    if not found or set(found) & set(notes):
        return
    notes.update(found)
    for page in sorted(bodies, reverse=True):
        taken = min(count, len(bodies[page]))
        bodies[page] = bodies[page][: len(bodies[page]) - taken]
        count -= taken


def _complete_from_tables(metadata: dict[str, str], blocks: list[Block], page: int) -> None:
    """A letterhead value that wraps ("Onderwerp" over three lines) is read line by line as
    its first line only; the letterhead table on the first page holds the whole value."""
    cells = [
        " ".join(row)
        for block in blocks
        if block.kind == "table" and block.page == page
        for row in block.rows
    ]
    for key, value in letterhead_facts(cells).items():
        old = metadata.get(key)
        if old is None or (value.startswith(old) and len(value) > len(old)):
            metadata[key] = value


def read(data: bytes) -> ReadResult:
    """Reader entry point: bytes of a PDF to blocks."""
    text = extract(data)
    if not text.pages:
        raise KamerqaInputError("the PDF has no pages")
    if not any(page.lines for page in text.pages):
        raise KamerqaInputError("the PDF has no text layer (scanned?); run OCR first")
    result = read_pdf_text(text)
    if not any(block.text for block in result.blocks):
        raise KamerqaInputError("the PDF has no text layer (scanned?); run OCR first")
    if _letter_share(result) < 0.4:
        raise KamerqaInputError("the PDF's text layer cannot be decoded (fonts without Unicode)")
    return result


def _letter_share(result: ReadResult) -> float:
    """Share of letters and digits among the visible characters (first 50 000 characters)."""
    # str.split() splits on what regex \s matches: the text without its white space
    text = "".join("".join(block.text for block in result.blocks)[:50_000].split())
    letters = len(_NOT_ALNUM.sub("", text))
    return letters / len(text) if text else 0.0
