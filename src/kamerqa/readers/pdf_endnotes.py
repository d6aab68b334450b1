"""Notes laid out as other producers do: a numbered list at the end of the text (HTML
printed by a browser), and a note marker wrapped alone onto the next line.

A browser prints an HTML note list (pandoc's ``section.footnotes``, a Word "filtered HTML"
page) as an ordinary numbered list after the text, with the markers raised in the body and
often a back-link arrow ("↩︎") after each note. Such a list is only taken for notes when it is
the last thing in the document, numbered 1, 2, … in order, and every one of its numbers
stands as a raised marker in the body before it; otherwise it is a list of the text.

LibreOffice may wrap a superscript marker that follows the last word of a full line to the
start of the next line, where it stands alone in small print; ``rejoin_markers`` puts it back
at the end of the line above as a raised run.
"""

from __future__ import annotations

import re

from kamerqa.readers.blocks import drop_backlink
from kamerqa.readers.pdf_extract import Line, Span
from kamerqa.readers.pdf_text import join_lines

__all__ = ["end_notes", "rejoin_markers"]

_ENTRY = re.compile(r"^\s*(?:\[(\d{1,3})\]|(\d{1,3})[.)])\s+(?=\S)")
_RAISED = re.compile(r"\d{1,3}")
MAX_CONTINUATION = 4  # lines of one note after its first
MAX_NOTES = 500


def end_notes(lines: list[Line]) -> tuple[int, dict[str, str]]:
    """How many lines at the end of ``lines`` are a note list, and its notes (number -> text)."""
    entries: list[tuple[str, list[str]]] = []
    tail: list[str] = []
    index = len(lines)
    while index > 0 and len(tail) <= MAX_CONTINUATION and len(entries) < MAX_NOTES:
        index -= 1
        text = lines[index].plain_text()
        match = _ENTRY.match(text)
        if not match or lines[index].spans[0].shift > 0:
            tail.insert(0, text)
            continue
        number = match.group(1) or match.group(2)
        if entries and int(number) != int(entries[-1][0]) - 1:
            return 0, {}
        entries.append((number, [text[match.end() :], *tail]))
        tail = []
        if number == "1":
            break
    if not entries or entries[-1][0] != "1":
        return 0, {}
    start = index
    raised = _raised_numbers(lines[:start])
    if any(number not in raised for number, _ in entries):
        return 0, {}
    notes = {number: drop_backlink(join_lines(texts)) for number, texts in reversed(entries)}
    return len(lines) - start, notes


def _raised_numbers(lines: list[Line]) -> set[str]:
    numbers: set[str] = set()
    for line in lines:
        for span in line.spans:
            if span.shift > 0:
                numbers.update(_RAISED.findall(span.text))
    return numbers


def rejoin_markers(lines: list[Line], size: float) -> list[Line]:
    """``lines`` (one page, reading order) with each lone small number that sits right below
    the start of the line before it joined to that line as a raised run."""
    out: list[Line] = []
    for line in lines:
        before = out[-1] if out else None
        if before is not None and _wrapped_marker(before, line, size):
            span = line.spans[0]
            raised = Span(span.text.strip(), before.x1, before.x1 + span.x1 - span.x0, span.size,
                          span.bold, 1, span.italic)  # fmt: skip
            joined = Line(before.page, before.y, before.x0, raised.x1, before.size,
                          [*before.spans, raised], before.row)  # fmt: skip
            joined.column, joined.grid = before.column, before.grid
            out[-1] = joined
            continue
        out.append(line)
    return out


def _wrapped_marker(before: Line, line: Line, size: float) -> bool:
    return (
        len(line.spans) == 1
        and _RAISED.fullmatch(line.spans[0].text.strip()) is not None
        and line.size <= 0.85 * min(size, before.size)
        and line.page == before.page
        and 0 < before.y - line.y < 1.5 * before.size
        and abs(line.x0 - before.x0) < before.size
    )
