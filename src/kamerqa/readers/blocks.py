"""The neutral output of every format reader: a list of blocks.

Readers turn bytes into blocks (paragraphs, headings, list items, tables) with page furniture
removed and footnote markers taken out of the text and attached to the block they sat in.
Genre parsers work on blocks only, so one document in any format yields the same result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["paragraph", "heading", "list_item", "table"]
# Structure that a structured format (KOOP XML, KOOP HTML) states in its markup; parsers use it
# instead of guessing from the text. "" means: infer from the text.
BlockRole = Literal["", "question", "answer", "question_heading", "answer_heading", "title", "meta"]


# The link back to the marker that HTML notes end with (pandoc "↩︎", Wikipedia-like "↑"); a
# converter that turns such HTML into DOCX or PDF keeps it as text at the end of the note.
_BACKLINK = re.compile(r"(?:\s*[\u21a9\u2191][\ufe0e\ufe0f]?)+\s*$")


def drop_backlink(text: str) -> str:
    """A note's text without the back-link arrows an HTML note list put at its end."""
    return _BACKLINK.sub("", text)


@dataclass(frozen=True)
class Note:
    """A footnote or endnote whose marker sat in a block."""

    id: str
    text: str
    offset: int | None = None  # where the marker sat in Block.text, when the reader knows


@dataclass
class Block:
    text: str
    kind: BlockKind = "paragraph"
    level: int = 0
    bold: bool = False
    italic: bool = False
    style: str = ""
    notes: list[Note] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    role: BlockRole = ""
    number: str = ""
    page: int | None = None


@dataclass
class ReadResult:
    """What a reader returns: blocks, notes whose marker was not found, and format facts."""

    format: Literal["text", "docx", "pdf", "html", "xml"]
    blocks: list[Block] = field(default_factory=list)
    unplaced_notes: list[Note] = field(default_factory=list)
    metadata: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
