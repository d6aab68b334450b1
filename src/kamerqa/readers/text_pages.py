"""Page furniture in a layout text export of a PDF (pdftotext and the like).

Such an export separates pages by a form feed (or, in some tools, a gap of two or more blank
lines) and repeats a running header and footer on every page: "Aanhangsel Handelingen II
2025/26, nr. 1402 — Tweede Kamer," over two lines, "kst-36410-12 ISSN 0921-7371 …  3",
"Pagina 2 van 4" or a lone page number. A line at the top or bottom edge of a page whose shape
(a page number at either end, or after "Pagina", counted as the same) recurs at the edge of at
least half of the pages — and of two pages at least — is furniture and is removed, so that a
paragraph broken by a page runs on and page-bottom notes end up next to their text.
"""

from __future__ import annotations

import math
import re
from collections import Counter

__all__ = ["PAGE_BREAK", "drop_page_edges", "split_pages"]

# a line of its own standing where a page ended (private use, outside the marker sentinels)
PAGE_BREAK = "\ue100"

_EDGE_LINES = 4  # how deep into a page's top and bottom furniture is looked for
_FORM_FEED = re.compile(r"(\f)")
_BLANK_GAP = re.compile(r"(\n[ \t]*\n(?:[ \t]*\n)+)")  # two or more blank lines
_PAGE_WORD = re.compile(r"\b(pagina|page|blz\.?|bladzijde)\s+\d+(?:\s*(?:van|of|/)\s*\d+)?", re.I)
_END_NUMBER = re.compile(r"^\d{1,4}\b|\b\d{1,4}$")
# question and answer headings sit at a page top on several pages without being furniture
_CONTENT = re.compile(r"^(?:vra(?:ag|gen)|antwoord(?:en)?|beantwoording|reactie)\b", re.I)


def split_pages(text: str, *, gaps: bool = False) -> list[str]:
    """The text cut at form feeds (or blank-line gaps when ``gaps``), separators kept at the odd
    positions so that ``"".join(parts)`` is the text again."""
    pattern = _FORM_FEED if "\f" in text or not gaps else _BLANK_GAP
    return pattern.split(text)


# the printer's imprint of a Kamerstuk or Handelingen page, on lines of its own or run together
_IMPRINT = re.compile(
    r"^(?:(?:kst|ah-tk|ah-ek|stb|stcrt)-[\w-]+|ISSN\s+\d{4}\s*-\s*\d{3}[\dX]|’s-Gravenhage\s+\d{4}"
    r"|\s)+$"
)


def _shape(line: str) -> str:
    text = " ".join(line.split())
    text = _PAGE_WORD.sub(lambda m: f"{m.group(1).lower()} #", text)
    return _END_NUMBER.sub("#", text)


def _edge_indexes(lines: list[str]) -> list[int]:
    filled = [i for i, line in enumerate(lines) if line.strip()]
    return sorted(set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:]))


def _furniture_shapes(pages: list[list[str]]) -> set[str]:
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_shape(lines[i]) for i in _edge_indexes(lines)})
    needed = max(2, math.ceil(len(pages) / 2))
    return {
        shape
        for shape, count in counts.items()
        if count >= needed and shape and not _CONTENT.match(shape)
    }


def _is_furniture(line: str, furniture: set[str]) -> bool:
    """Blank, the imprint, a furniture shape, or an imprint run into a furniture shape."""
    if not line.strip() or _IMPRINT.match(line):
        return True
    shape = _shape(line)
    if shape in furniture:
        return True
    long_shapes = (f for f in furniture if len(f.split()) >= 3)
    return any(
        _IMPRINT.match(shape[: -len(f)]) or _IMPRINT.match(shape[len(f) :])
        for f in long_shapes
        if shape.endswith(f) or shape.startswith(f)
    )


def _peel(lines: list[str], furniture: set[str]) -> list[str]:
    """One page without furniture (and blank lines) at its top and bottom."""
    start, end = 0, len(lines)
    while start < end and _is_furniture(lines[start], furniture):
        start += 1
    while end > start and _is_furniture(lines[end - 1], furniture):
        end -= 1
    return lines[start:end]


def drop_page_edges(text: str, *, gaps: bool = False) -> str:
    """The text without running headers, footers and page numbers at the page edges; each page
    break becomes a :data:`PAGE_BREAK` line (unless no page has furniture and the pages were
    only told apart by blank-line gaps)."""
    text = text.replace(PAGE_BREAK, "")
    parts = split_pages(text, gaps=gaps)
    if len(parts) < 3:
        return text
    pages = [parts[i].split("\n") for i in range(0, len(parts), 2)]
    furniture = _furniture_shapes(pages)
    if not furniture and "\f" not in text:
        return text
    bodies = ("\n".join(body) for body in (_peel(lines, furniture) for lines in pages) if body)
    return f"\n{PAGE_BREAK}\n".join(bodies) + "\n"
