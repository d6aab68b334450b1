"""DOCX reader: the body of a Word document as blocks, with notes and letterhead facts.

Paragraphs in order with style names, heading levels, whole-paragraph bold/italic and list
labels; tables as table blocks (layout tables with one column are unpacked into their
paragraphs); text boxes once (``mc:Fallback`` copies skipped); Word footnotes and endnotes
attached to the block that holds their reference; typed markers ("[1]", "1)") that point to a
note list at the end of the letter resolved the same way. Letterhead facts (Datum, Ons
kenmerk, Uw brief van, Onderwerp, addressee) go into ``ReadResult.metadata``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from kamerqa.readers.blocks import Block, Note, ReadResult
from kamerqa.readers.docx_letterhead import letterhead_facts
from kamerqa.readers.docx_notes import (
    SUP_CLOSE,
    SUP_OPEN,
    NoteMarks,
    attach_typed_notes,
    load_notes,
)
from kamerqa.readers.docx_package import MC, Package, W, attr, is_on
from kamerqa.readers.docx_styles import Numbering, Styles, load_styles, to_int

__all__ = ["read"]

MAX_BLOCKS = 200_000
MAX_DEPTH = 40
LETTERHEAD_BLOCKS = 40
MAX_HEADERS = 12
_SUP_MARK = re.compile(f"[{SUP_OPEN}{SUP_CLOSE}\U000f0000-\U000ffffd]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_DRAWINGS = {W + "drawing", W + "pict", W + "object"}
_CONTAINERS = {
    W + "hyperlink", W + "ins", W + "moveTo", W + "smartTag", W + "customXml",
    W + "fldSimple", W + "sdt", W + "sdtContent", W + "bdo", W + "dir",
}  # fmt: skip


@dataclass
class _Run:
    text: str
    bold: bool
    italic: bool


@dataclass
class _Paragraph:
    runs: list[_Run] = field(default_factory=list)
    boxes: list[Any] = field(default_factory=list)


class _Reader:
    def __init__(self, package: Package) -> None:
        self.styles: Styles = load_styles(package.xml("word/styles.xml"))
        self.numbering = Numbering(package.xml("word/numbering.xml"))
        self.footnotes = load_notes(package.xml("word/footnotes.xml"), "footnote")
        self.endnotes = load_notes(package.xml("word/endnotes.xml"), "endnote")
        self.note_numbers: dict[tuple[str, str], str] = {}
        self.marks = NoteMarks()
        self.side_lines: list[str] = []
        self.blocks: list[Block] = []
        self.warnings: list[str] = []

    # -- notes -------------------------------------------------------------------------------
    def note(self, kind: str, note_id: str) -> Note | None:
        bodies = self.footnotes if kind == "footnote" else self.endnotes
        if note_id not in bodies:
            return None
        key = (kind, note_id)
        if key not in self.note_numbers:
            count = sum(1 for k in self.note_numbers if k[0] == kind) + 1
            self.note_numbers[key] = str(count) if kind == "footnote" else f"e{count}"
        return Note(self.note_numbers[key], bodies[note_id])

    # -- paragraphs --------------------------------------------------------------------------
    def paragraph(self, element: Any, depth: int, in_table: bool) -> list[Block]:
        ppr = element.find(W + "pPr")
        style_id = attr(ppr.find(W + "pStyle"), "val") if ppr is not None else ""
        para = _Paragraph()
        self._collect(element, para, style_id, 0)
        blocks: list[Block] = []
        for box in para.boxes:
            box_blocks = self.container(box, depth + 1, in_table=True)
            self.side_lines.extend(b.text for b in box_blocks)
            blocks.extend(box_blocks)
        text = _clean("".join(run.text for run in para.runs))
        if in_table:
            self.side_lines.append(text)
        inked = [run for run in para.runs if run.text.strip()]
        block = Block(
            text=text,
            bold=bool(inked) and all(run.bold for run in inked),
            italic=bool(inked) and all(run.italic for run in inked),
            style=self.styles.name(style_id),
        )
        self._shape(block, ppr, style_id)
        if block.text:
            blocks.append(block)
        return blocks

    def _shape(self, block: Block, ppr: Any, style_id: str) -> None:
        level = self.styles.heading_level(style_id)
        outline = ppr.find(W + "outlineLvl") if ppr is not None else None
        if outline is not None and attr(outline, "val").isdigit() and int(attr(outline, "val")) < 9:
            level = int(attr(outline, "val")) + 1
        num = ppr.find(W + "numPr") if ppr is not None else None
        num_id, num_level = self.styles.numbering(style_id)
        if num is not None:
            num_id = attr(num.find(W + "numId"), "val", num_id)
            num_level = to_int(attr(num.find(W + "ilvl"), "val", "0"))
        if level:
            block.kind, block.level = "heading", level
        if not self.numbering.is_list(num_id):
            return
        if not level:
            block.kind, block.level = "list_item", num_level + 1
        label = self.numbering.label(num_id, num_level)
        # Word draws the label even on a heading or an empty paragraph ("Vraag 3" templates)
        if label and (block.text or re.search(r"[^\W\d_]{3}", label)):
            block.text = f"{label} {block.text}".strip()

    def _collect(self, element: Any, para: _Paragraph, style_id: str, depth: int) -> None:
        if depth > MAX_DEPTH:
            return
        for child in element:
            tag = child.tag
            if tag == W + "r":
                self._run(child, para, style_id)
            elif tag == MC + "AlternateContent":
                self._collect(_alternate(child), para, style_id, depth + 1)
            elif tag in _CONTAINERS:
                self._collect(child, para, style_id, depth + 1)

    def _run(self, run: Any, para: _Paragraph, style_id: str) -> None:
        rpr = run.find(W + "rPr")
        if rpr is not None and is_on(rpr.find(W + "vanish")):
            return  # hidden text
        bold = _prop(rpr, "b", self.styles, style_id)
        italic = _prop(rpr, "i", self.styles, style_id)
        parts: list[str] = []
        for child in run:
            tag = child.tag
            if tag == W + "t":
                parts.append(child.text or "")
            elif tag in (W + "tab", W + "ptab"):
                parts.append(" ")
            elif tag in (W + "br", W + "cr"):
                parts.append("\n")
            elif tag == W + "noBreakHyphen":
                parts.append("-")
            elif tag in (W + "footnoteReference", W + "endnoteReference"):
                kind = "footnote" if tag == W + "footnoteReference" else "endnote"
                note = self.note(kind, attr(child, "id"))
                if note is not None:
                    parts.append(self.marks.mark(note))
            elif tag == MC + "AlternateContent":
                para.boxes.extend(_text_boxes(_alternate(child)))
            elif tag in _DRAWINGS:
                para.boxes.extend(_text_boxes(child))
        text = "".join(parts)
        if _raised(rpr) and text.strip().isdigit() and len(text.strip()) <= 3:
            text = f"{SUP_OPEN}{text.strip()}{SUP_CLOSE}"  # a typed note marker, perhaps
        para.runs.append(_Run(text, bold, italic))

    # -- body and tables ---------------------------------------------------------------------
    def container(self, element: Any, depth: int, in_table: bool) -> list[Block]:
        blocks: list[Block] = []
        if depth > MAX_DEPTH:
            return blocks
        for child in element:
            if child.tag == W + "p":
                blocks.extend(self.paragraph(child, depth, in_table))
            elif child.tag == W + "tbl":
                blocks.extend(self.table(child, depth + 1))
            elif child.tag in _CONTAINERS:
                blocks.extend(self.container(child, depth + 1, in_table))
            elif child.tag == MC + "AlternateContent":
                blocks.extend(self.container(_alternate(child), depth + 1, in_table))
            if len(blocks) > MAX_BLOCKS:
                break
        return blocks

    def table(self, element: Any, depth: int) -> list[Block]:
        rows: list[list[list[Block]]] = []
        for row in element.iter(W + "tr"):
            if _owner(row, W + "tbl") is not element:
                continue
            cells = [c for c in row.iter(W + "tc") if _owner(c, W + "tr") is row]
            rows.append([self.container(cell, depth + 1, in_table=True) for cell in cells])
        filled = [[cell for cell in row if any(b.text for b in cell)] for row in rows]
        if all(len(row) <= 1 for row in filled):
            return [block for row in filled for cell in row for block in cell]
        texts = [[" ".join(b.text for b in cell if b.text) for cell in row] for row in rows]
        joined = " ".join(text for row in texts for text in row if text)
        return [Block(text=joined, kind="table", rows=texts, style="table")]


def _owner(element: Any, tag: str) -> Any:
    """The nearest ancestor of ``element`` with ``tag`` (a row's table, a cell's row)."""
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _alternate(element: Any) -> Any:
    """The mc:Choice of an mc:AlternateContent (the mc:Fallback only when there is none)."""
    for name in ("Choice", "Fallback"):
        found = element.find(MC + name)
        if found is not None:
            return found
    return element


def _text_boxes(element: Any) -> list[Any]:
    """The outermost w:txbxContent elements under ``element`` (mc:Fallback copies skipped)."""
    boxes = []
    for box in element.iter(W + "txbxContent"):
        parent = box.getparent()
        nested = False
        while parent is not None and parent is not element:
            if parent.tag in (W + "txbxContent", MC + "Fallback"):
                nested = True
                break
            parent = parent.getparent()
        if not nested:
            boxes.append(box)
    return boxes


def _prop(rpr: Any, name: str, styles: Styles, style_id: str) -> bool:
    if rpr is not None:
        value = is_on(rpr.find(W + name))
        if value is not None:
            return value
        run_style = attr(rpr.find(W + "rStyle"), "val")
        if run_style and run_style in styles.styles:
            chained = styles.bold(run_style) if name == "b" else styles.italic(run_style)
            if chained:
                return True
    return styles.bold(style_id) if name == "b" else styles.italic(style_id)


def _raised(rpr: Any) -> bool:
    """Superscript, or raised by a position (LibreOffice's import of HTML <sup>)."""
    if rpr is None:
        return False
    if attr(rpr.find(W + "vertAlign"), "val") == "superscript":
        return True
    position = attr(rpr.find(W + "position"), "val")
    return position.isdigit() and int(position) > 0


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", _INVISIBLE.sub("", text))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


def read(data: bytes) -> ReadResult:
    """Read a DOCX into blocks. Raises KamerqaInputError on unusable or hostile input."""
    package = Package(data)
    root = package.xml(package.main)
    body = root.find(W + "body") if root is not None else None
    result = ReadResult(format="docx")
    if body is None:
        result.warnings.append("the Word document has no body")
        return result
    reader = _Reader(package)
    blocks = reader.container(body, 0, in_table=False)
    result.blocks, result.unplaced_notes = attach_typed_notes(blocks, reader.marks)
    opening = [block.text for block in result.blocks[:LETTERHEAD_BLOCKS] if block.kind != "table"]
    lines = [_SUP_MARK.sub("", line) for line in reader.side_lines]
    result.metadata.update(letterhead_facts(lines + opening))
    for key, value in _header_facts(package, reader).items():
        result.metadata.setdefault(key, value)
    return result


def _header_facts(package: Package, reader: _Reader) -> dict[str, str]:
    """Letterhead facts printed in the page headers (first-page header templates)."""
    names = sorted(n for n in package.names if re.fullmatch(r"word/header\d*\.xml", n))
    lines: list[str] = []
    for name in names[:MAX_HEADERS]:
        root = package.xml(name)
        if root is not None:
            lines += [block.text for block in reader.container(root, 0, in_table=True)]
    return letterhead_facts([_SUP_MARK.sub("", line) for line in lines])
