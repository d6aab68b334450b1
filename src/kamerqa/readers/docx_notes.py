"""Notes of a DOCX: Word footnotes/endnotes, and typed markers ("[1]", "1)") with a note list."""

from __future__ import annotations

import re
from typing import Any

from kamerqa.readers.blocks import Block, Note, drop_backlink
from kamerqa.readers.docx_package import W, attr

__all__ = ["NoteMarks", "attach_typed_notes", "load_notes"]

# Superscript digits typed in a run arrive wrapped in SUP_OPEN/SUP_CLOSE (see docx.py).
SUP_OPEN, SUP_CLOSE = "\ue000", "\ue001"
_SUP = rf"{SUP_OPEN}(\d{{1,3}}){SUP_CLOSE}"
_ENTRY_START = re.compile(rf"^\s*(?:\[(\d{{1,3}})\]\s+|(\d{{1,3}})[.)]\s+|{_SUP}\s*)(?=\S)")
_SUP_RE = re.compile(_SUP)
_INNER_ENTRY = re.compile(r"\[(\d{1,3})\]\s+(?=\S)")
_MARKER = re.compile(rf"\[(\d{{1,3}})\]|(?<![\d(\[])(\d{{1,3}})\)(?=[\s.,;:!?]|$)|{_SUP}")
MARK_BASE = 0xF0000
MARK_LIMIT = 0xFFFD  # private-use plane 15 holds one mark per note
_MARK = "[\U000f0000-\U000ffffd]"
_SPACE_BEFORE_MARK = re.compile(rf"\s+({_MARK})(?=[\s,.;:!?)]|$)")
_SPACE_AFTER_MARK = re.compile(rf"({_MARK})\s+(?=[,.;:!?)])")
_ANY_MARK = re.compile(_MARK)
MAX_TYPED_NOTES = 500
MAX_CONTINUATION = 2


class NoteMarks:
    """Notes stand in the text as private-use characters until their offsets are known.

    Readers put a mark where a note reference sits; ``settle`` takes the marks out again and
    records each note with the offset where its mark was, so later edits of the text (list
    labels, removed typed markers, rejoined spaces) cannot move notes to the wrong place.
    """

    def __init__(self) -> None:
        self.notes: list[Note] = []

    def mark(self, note: Note) -> str:
        if len(self.notes) >= MARK_LIMIT:
            return ""
        self.notes.append(note)
        return chr(MARK_BASE + len(self.notes) - 1)

    def settle(self, block: Block) -> None:
        if not _ANY_MARK.search(block.text):
            block.rows = [[_ANY_MARK.sub("", cell) for cell in row] for row in block.rows]
            return
        text = _SPACE_AFTER_MARK.sub(r"\1", _SPACE_BEFORE_MARK.sub(r"\1", block.text))
        pieces: list[str] = []
        length = 0
        for char in text:
            code = ord(char) - MARK_BASE
            if 0 <= code < len(self.notes):
                note = self.notes[code]
                block.notes.append(Note(note.id, note.text, None if block.rows else length))
            else:
                pieces.append(char)
                length += 1
        block.text = "".join(pieces).strip()
        block.rows = [[_ANY_MARK.sub("", cell) for cell in row] for row in block.rows]


def load_notes(root: Any | None, kind: str) -> dict[str, str]:
    """Note bodies of footnotes.xml / endnotes.xml by w:id (separators skipped)."""
    notes: dict[str, str] = {}
    if root is None:
        return notes
    for note in root.iter(W + kind):
        if attr(note, "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        paragraphs = []
        for paragraph in note.iter(W + "p"):
            text = "".join(t.text or "" for t in paragraph.iter(W + "t"))
            paragraphs.append(" ".join(text.split()))
        notes[attr(note, "id")] = drop_backlink(" ".join(p for p in paragraphs if p))
    return notes


def _trailing_entries(blocks: list[Block]) -> tuple[int, dict[str, str]]:
    """Where a typed note list at the end starts, and its entries by number.

    An entry may run on over a following paragraph or two (a wrapped URL).
    """
    start = index = len(blocks)
    entries: dict[str, str] = {}
    tail: list[str] = []
    while index > 0 and len(tail) <= MAX_CONTINUATION:
        block = blocks[index - 1]
        index -= 1
        if block.kind not in ("paragraph", "list_item"):
            break
        if not _ENTRY_START.match(block.text):
            tail.insert(0, block.text)
            continue
        found = _split_entries(" ".join([block.text, *tail]))
        if not _continues(entries, found):
            break
        entries.update(found)
        start, tail = index, []
        if "1" in entries:
            break
    if "1" not in entries:  # a note list is numbered from 1; else it is a list of the text
        return len(blocks), {}
    return start, dict(sorted(entries.items(), key=lambda item: int(item[0])))


def _continues(entries: dict[str, str], found: dict[str, str]) -> bool:
    """Whether the entries ``found`` just before ``entries`` are numbered on up to them."""
    if not found:
        return False
    if not entries:
        return True
    return max(int(n) for n in found) == min(int(n) for n in entries) - 1


def _split_entries(text: str) -> dict[str, str]:
    """'[2] a [3] b' -> {'2': 'a', '3': 'b'}; '1) a' -> {'1': 'a'}."""
    match = _ENTRY_START.match(text)
    if not match:
        return {}
    pieces: dict[str, str] = {}
    number = match.group(1) or match.group(2) or match.group(3)
    rest = text[match.end() :]
    inners = [m for m in _INNER_ENTRY.finditer(rest) if int(m.group(1)) > int(number)]
    for inner in inners[::-1]:
        pieces[inner.group(1)] = drop_backlink(" ".join(rest[inner.end() :].split()))
        rest = rest[: inner.start()]
    pieces[number] = drop_backlink(" ".join(rest.split()))
    return pieces


def _paren_depth(text: str, position: int) -> int:
    depth = 0
    for char in text[:position]:
        if char == "(":
            depth += 1
        elif char == ")" and depth:
            depth -= 1
    return depth


def _take_markers(
    block: Block, wanted: dict[str, str], used: set[str], marks: NoteMarks, raised: set[str]
) -> None:
    """Typed markers of ``wanted`` notes -> marks; a number that occurs as a superscript
    marker somewhere (``raised``) is taken only in that form ("Vraag 1)" is no marker then)."""
    if block.kind == "table" or not block.text:
        return

    def replace(match: re.Match[str]) -> str:
        number = match.group(1) or match.group(2) or match.group(3)
        if number not in wanted or number in used or match.start() == 0:
            return match.group(0)
        if number in raised and not match.group(3):
            return match.group(0)
        if match.group(2) and _paren_depth(block.text, match.start()) > 0:
            return match.group(0)
        used.add(number)
        return marks.mark(Note(number, wanted[number]))

    block.text = _MARKER.sub(replace, block.text)


def attach_typed_notes(
    blocks: list[Block], marks: NoteMarks | None = None
) -> tuple[list[Block], list[Note]]:
    """Resolve typed note markers against a trailing note list; return blocks, unplaced notes.

    Also used by the PDF reader (Word letters converted to PDF keep their typed markers).
    """
    marks = marks or NoteMarks()
    start, entries = _trailing_entries(blocks)
    used: set[str] = set()
    if entries and len(entries) <= MAX_TYPED_NOTES:
        raised = {m.group(1) for block in blocks[:start] for m in _SUP_RE.finditer(block.text)}
        for block in blocks[:start]:
            _take_markers(block, entries, used, marks, raised)
    if not used:
        start = len(blocks)  # a numbered list that ends the text, not a note list
    kept = blocks[:start]
    for block in kept:  # superscript digits that are no marker ("m2") become plain digits
        block.text = _SUP_RE.sub(r"\1", block.text)
        block.rows = [[_SUP_RE.sub(r"\1", cell) for cell in row] for row in block.rows]
        marks.settle(block)
    unplaced = [Note(number, text) for number, text in entries.items() if number not in used]
    return kept, unplaced if used else []
