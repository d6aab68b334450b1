"""Page layout of extracted PDF lines: furniture, footnote zones, columns.

- Furniture: running headers/footers are lines whose text (digits masked) recurs at the same
  height on most pages; page numbers are bare numbers at the top or bottom of a page; KOOP
  imprint lines (the publication id, ISSN, "'s-Gravenhage 2024") are recognised by pattern, so
  they are found on a single page too. Cells of a ruled table never count as repeated furniture.
- Footnotes: the block of smaller-than-body lines at the bottom of a page, starting with a note
  number (also with one or two unrecognised body-size footer lines below it, when its first
  number is a raised marker on the page); a leading unnumbered line continues the previous
  page's last note.
- Columns: a vertical gutter that no line crosses, with text on both sides on the same rows,
  splits a page into columns; each band between full-width lines is read column by column. A
  gap where a ruled table's cell border runs is no gutter.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import accumulate, pairwise

from kamerqa.readers.blocks import drop_backlink
from kamerqa.readers.pdf_blocks import QA_HEADING
from kamerqa.readers.pdf_extract import Line, PdfPage, Rule, grid_at, join_spans
from kamerqa.readers.pdf_text import join_lines

# ... ending in a number, or in the letter of an Eerste Kamer paper ("kst-36512-E")
_KOOP = (
    r"(?:ah-tk|ah-ek|ah|kst|kv-tk|kv|h-tk|h-ek|blg|stb|stcrt|trb|gmb|prb|wsb)-[0-9A-Za-z-]*\d"
    r"(?:-[A-Z]{1,5})*"
)
KOOP_ID = re.compile(rf"(?<![\w-]){_KOOP}(?![\w-])")
# The KOOP imprint: publication id, ISSN, place and year, the running "Tweede Kamer,
# vergaderjaar …" footer; one or several of these on one line.
_IMPRINT_ITEM = (
    rf"{_KOOP}|ISSN\s+\d{{4}}\s*-\s*\d{{3}}[\dX]|[’'`]s-Gravenhage\s+\d{{4}}"
    r"|(?:Tweede|Eerste) Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, .{0,60}"
)
# ... with the page number after it on a page's last line ("ah-tk-… ISSN … 2026  1").
_IMPRINT = re.compile(rf"^(?:(?:{_IMPRINT_ITEM})\s*)+(?:\d{{1,4}})?$")
_PAGE_NUMBER = re.compile(r"^(?:[-–]\s*)?\d{1,4}(?:\s*(?:/|van|of)\s*\d{1,4})?(?:\s*[-–])?$")
_PAGE_LABEL = re.compile(
    r"^(?:\d{1,4}\s*)?(?:pagina|blz\.?|page)\s*\d{1,4}(?:\s*(?:/|van|of)\s*\d{1,4})?$", re.I
)
# What a browser prints in the page margins: the address, the date and time, "2/5".
_BROWSER_STAMP = re.compile(
    r"^(?:(?:fi ?le|https?)\s?:\s?//\S.*|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4},?\s+\d{1,2}[:.]\d{2}"
    r"(?:\s*[AP]M)?|\d{1,4}\s*/\s*\d{1,4})$",
    re.I,
)
_DIGITS = re.compile(r"\d+")
_NOTE_START = re.compile(r"^(\d{1,3})[.)]?\s+\S")
_NOTE_NUMBER = re.compile(r"^\d{1,3}$")
_NOTE_START_NUMBER = re.compile(r"^\d{1,3}[.)]?\s+")


def clean(text: str) -> str:
    return " ".join(text.replace("\x02", "-").split())


def body_size(pages: list[PdfPage]) -> float:
    """The font size most text is set in."""
    weights: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            weights[round(line.size, 1)] += len(line.plain_text())
    return weights.most_common(1)[0][0] if weights else 10.0


def _edge_rows(page: PdfPage, top: int, bottom: int) -> set[float]:
    """Baselines of the first ``top`` and last ``bottom`` rows of a page."""
    ys = sorted({line.y for line in page.lines}, reverse=True)
    return set(ys[:top]) | set(ys[-bottom:] if bottom else [])


def find_furniture(pages: list[PdfPage], size: float) -> set[int]:
    """ids of lines that are page furniture (headers, footers, page numbers, imprint).

    Running headers and footers must sit in the outer rows of their pages, so that a
    "Vraag 5" that happens to start at the same height on two pages is not taken for one.
    """
    furniture: set[int] = set()
    by_key: dict[str, list[Line]] = defaultdict(list)
    for page in pages:
        outer = _edge_rows(page, 1, 1)
        alone = Counter(line.row for line in page.lines)
        margin = _edge_rows(page, 2, 3)
        for line in page.lines:
            text = clean(line.plain_text())
            page_number = _PAGE_NUMBER.match(text) and line.y in outer and alone[line.row] == 1
            if _IMPRINT.match(text) or page_number or _PAGE_LABEL.match(text):
                furniture.add(id(line))
            elif line.y in margin and not QA_HEADING.match(text) and not line.grid:
                # (a cell of a ruled table is content, however often it recurs)
                by_key[_DIGITS.sub("#", text.lower())].append(line)
    needed = max(2, (len(pages) + 1) // 2)
    for lines in by_key.values():
        for line in lines:
            same = {other.page for other in lines if abs(other.y - line.y) <= 2.0}
            if len(same) >= needed:
                furniture.add(id(line))
    furniture |= _repeated_letterhead(pages, needed, size)
    return furniture | _browser_margins(pages, size)


def _browser_margins(pages: list[PdfPage], size: float) -> set[int]:
    """A browser's print header and footer: the small print of a page's outer rows when one
    of them is the address, the date and time or "2/5" (the title beside them goes too)."""
    found: set[int] = set()
    for page in pages:
        outer = _edge_rows(page, 1, 1)
        rows: dict[float, list[Line]] = defaultdict(list)
        for line in page.lines:
            if line.y in outer and line.size < 0.9 * size:
                rows[line.y].append(line)
        for lines in rows.values():
            if any(_BROWSER_STAMP.match(clean(line.plain_text())) for line in lines):
                found.update(id(line) for line in lines)
    return found


def _text_column(pages: list[PdfPage], size: float) -> tuple[float, float]:
    """Left and right edge of the main text (lines in the body size)."""
    body = [line for page in pages for line in page.lines if abs(line.size - size) < 0.3]
    if not body:
        return 0.0, 0.0
    starts = Counter(round(line.x0) for line in body)
    ends = sorted(line.x1 for line in body)
    return float(starts.most_common(1)[0][0]), ends[int(0.9 * (len(ends) - 1))]


def _repeated_letterhead(pages: list[PdfPage], needed: int, size: float) -> set[int]:
    """Small print beside the text, repeated at one place on most pages (letterhead)."""
    left, right = _text_column(pages, size)
    places: dict[tuple[str, int, int], list[Line]] = defaultdict(list)
    for page in pages:
        for line in page.lines:
            beside = line.x0 >= right - 2 or line.x1 <= left + 2
            if line.size < 0.95 * size and beside:
                text = _DIGITS.sub("#", clean(line.plain_text()).lower())
                places[(text, round(line.x0 / 3), round(line.y / 3))].append(line)
    found: set[int] = set()
    for lines in places.values():
        if len({line.page for line in lines}) >= needed:
            found.update(id(line) for line in lines)
    return found


@dataclass
class FootnoteZone:
    notes: dict[str, list[Line]]
    continuation: list[Line]
    lines: set[int]


def _note_number(line: Line, markers: set[str] | None = None) -> str | None:
    """The number a footnote line starts with: a raised number, or (when ``markers`` is given)
    a plain number that is also a raised marker on the page ("13 februari …" is no note)."""
    first = line.spans[0]
    if first.shift > 0 and _NOTE_NUMBER.match(first.text.strip()):
        return first.text.strip()
    match = _NOTE_START.match(clean(line.plain_text()))
    if match and (markers is None or match.group(1) in markers):
        return match.group(1)
    return None


def _marker_numbers(lines: list[Line]) -> set[str]:
    """Numbers set as raised markers inside lines (not at their start)."""
    found: set[str] = set()
    for line in lines:
        for span in line.spans[1:]:
            if span.shift > 0:
                found.update(_DIGITS.findall(span.text))
    return found


def _gap_bottom(lines: list[Line], body: float) -> list[Line]:
    """Footnotes set in the body size: below a wide gap, numbered like a marker on the page.
    Nothing in them is larger than the body, and a note does not start bold ("1. Algemeen"
    is a section heading)."""
    markers = _marker_numbers(lines)
    if not markers or len(lines) < 2:
        return []
    gaps = sorted(a.y - b.y for a, b in pairwise(lines) if a.y > b.y)
    pitch = gaps[(len(gaps) - 1) // 2] if gaps else 0.0
    start = None
    for index in range(len(lines) - 1, max(0, len(lines) - 15), -1):
        if lines[index].size > 1.08 * body:
            break
        wide = lines[index - 1].y - lines[index].y > 1.5 * pitch
        if wide and not lines[index].bold and _note_number(lines[index]) in markers:
            start = index
    return lines[start:] if start is not None else []


def _small_print(lines: list[Line], end: int, body: float) -> list[Line]:
    """The smaller-than-body lines just above ``lines[end]``."""
    start = end
    while start > 0 and lines[start - 1].size < 0.92 * body:
        start -= 1
    return lines[start:end]


def _above_footer(lines: list[Line], body: float, markers: set[str]) -> list[Line]:
    """Notes in small print with one or two body-size lines below them (a page footer not
    recognised as furniture, as on a single page, where nothing repeats): the small print
    must start with the number of a raised marker on the page."""
    for footer in (1, 2):
        notes = _small_print(lines, len(lines) - footer, body)
        if notes and len(notes) < len(lines) - footer and _note_number(notes[0], markers):
            return notes
    return []


def footnote_zone(lines: list[Line], body: float) -> FootnoteZone:
    """The footnotes at the bottom of one page (``lines`` top to bottom, furniture removed).

    Usually the block of smaller-than-body lines at the bottom; when notes are set in the body
    size (some word processors), the numbered lines below a wide gap whose numbers are raised
    markers on the same page.
    """
    bottom = _small_print(lines, len(lines), body)
    markers = _marker_numbers(lines)
    if not any(_note_number(line, markers) for line in bottom):
        bottom = _above_footer(lines, body, markers) or _gap_bottom(lines, body) or bottom
    starts = [i for i, line in enumerate(bottom) if _note_number(line, markers)]
    zone = FootnoteZone({}, [], set())
    if not starts:
        if 0 < len(bottom) <= 3 and len(bottom) < len(lines):
            zone.continuation = bottom  # the rest of the previous page's last note
            zone.lines = {id(line) for line in bottom}
        return zone
    head = bottom[: starts[0]]
    if len(head) > 2:  # small text that is not a note continuation: leave it in the body
        bottom, starts = bottom[starts[0] :], [s - starts[0] for s in starts]
        head = []
    zone.continuation = head
    current: list[Line] = []
    for index, line in enumerate(bottom[len(head) :], start=len(head)):
        if index in starts:
            number = _note_number(line, markers) or ""
            current = zone.notes.setdefault(number, [])
        current.append(line)
    zone.lines = {id(line) for line in bottom}
    return zone


def note_text(lines: list[Line]) -> str:
    """The body of a note without its leading number, lines joined."""
    texts = []
    for index, line in enumerate(lines):
        spans = line.spans
        if index == 0 and spans and spans[0].shift > 0:
            spans = spans[1:]
        texts.append(join_spans(spans))
    if lines and lines[0].spans[0].shift <= 0:
        texts[0] = _NOTE_START_NUMBER.sub("", texts[0].lstrip(), count=1)
    return drop_backlink(join_lines(texts))


def _wide_enough(lines: list[Line], width: float) -> bool:
    """Text columns are wide; table cells and margin notes are not."""
    widths = sorted(line.x1 - line.x0 for line in lines)
    return bool(widths) and widths[len(widths) // 2] > 0.25 * width


@dataclass
class _Gutter:
    x: float
    right_first: bool  # a right margin column (letterhead) is read before the text


def _columns(left: list[Line], right: list[Line], width: float, both: int) -> _Gutter | None:
    """Whether text on the two sides of a gutter are columns (and which comes first)."""
    left_wide, right_wide = _wide_enough(left, width), _wide_enough(right, width)
    if left_wide and right_wide:
        return _Gutter(0.0, right_first=False)
    if left_wide == right_wide:
        return None  # two narrow sides: table cells, left to the table logic
    narrow, wide = (right, left) if left_wide else (left, right)
    wide_rows = {line.row for line in wide}
    shared = sum(1 for line in narrow if line.row in wide_rows)
    if shared >= 0.6 * len(narrow) and shared >= 0.5 * len(wide_rows):
        return None  # nearly every row has both sides: a two-column table
    if _last_table_column(narrow, wide, shared):
        return None
    return _Gutter(0.0, right_first=left_wide)


def _last_table_column(narrow: list[Line], wide: list[Line], shared: int) -> bool:
    """A narrow side whose every line sits on a row of the wide side, in the same type size,
    is the last column of a table ("t/m" page numbers), not a margin column (small print)."""
    if len(narrow) < 2 or shared < len(narrow):
        return False
    sizes = sorted(line.size for line in wide)
    return min(line.size for line in narrow) >= 0.95 * sizes[len(sizes) // 2]


def _overlap(side: list[Line], other: list[Line]) -> int:
    """How many lines of ``side`` lie within the vertical extent of ``other``."""
    if not other:
        return 0
    top, bottom = max(line.y for line in other), min(line.y for line in other)
    return sum(1 for line in side if bottom <= line.y <= top)


def _two_x_groups(lines: list[Line], width: float) -> bool:
    """Cheap pre-check: line starts fall into groups far apart (else no columns)."""
    starts = sorted(line.x0 for line in lines)
    return any(b - a > 0.15 * width for a, b in pairwise(starts))


def _crossed(steps: list[float], lines: list[Line]) -> list[bool]:
    """For each x in ``steps`` (ascending): whether a line runs across it (x0 < x - 1 and
    x + 1 < x1), found by bisection per line instead of testing every line at every x."""
    lows = [x - 1 for x in steps]
    highs = [x + 1 for x in steps]
    change = [0] * (len(steps) + 1)
    for line in lines:
        first, end = bisect_right(lows, line.x0), bisect_left(highs, line.x1)
        if first < end:
            change[first] += 1
            change[end] -= 1
    return [depth > 0 for depth in accumulate(change[:-1])]


def _ruled_gap(lines: list[Line], x: float, rules: list[Rule]) -> bool:
    """A cell border of a ruled table runs in the clear gap at ``x``: table columns, not text
    columns."""
    low = max((line.x1 for line in lines if line.x1 <= x), default=x)
    high = min((line.x0 for line in lines if line.x0 >= x), default=x)
    return any(
        low - 1 <= rule.x <= high + 1 and grid_at(rules, (rule.y0 + rule.y1) / 2) for rule in rules
    )


def _gutter(lines: list[Line], width: float, rules: list[Rule]) -> _Gutter | None:
    if len(lines) < 6 or not _two_x_groups(lines, width):
        return None
    best: tuple[int, _Gutter] | None = None
    steps = [float(step) for step in range(int(width * 0.2), int(width * 0.8), 3)]
    for x, crossed in zip(steps, _crossed(steps, lines), strict=True):
        if crossed:
            continue
        left = [line for line in lines if line.x1 <= x]
        right = [line for line in lines if line.x0 >= x]
        both = min(_overlap(left, right), _overlap(right, left))
        if both < 3 or (best is not None and both <= best[0]):
            continue
        if rules and _ruled_gap(lines, x, rules):
            continue
        found = _columns(left, right, width, both)
        if found is not None:
            found.x = x
            best = (both, found)
    return best[1] if best else None


def reading_order(lines: list[Line], width: float, rules: list[Rule] | None = None) -> list[Line]:
    """Lines of one page in reading order, columns one after the other (the columns of a
    ruled table are no text columns: its rows stay together)."""
    gutter = _gutter([ln for ln in lines if ln.x1 - ln.x0 < 0.7 * width], width, rules or [])
    if gutter is None:
        return lines
    ordered: list[Line] = []
    band: list[Line] = []

    def flush() -> None:
        left = [ln for ln in band if ln.x1 <= gutter.x]
        right = [ln for ln in band if ln.x1 > gutter.x]
        for line in right:
            line.column = 1
        ordered.extend(right + left if gutter.right_first else left + right)
        band.clear()

    for line in lines:
        if line.x0 < gutter.x < line.x1:
            flush()
            ordered.append(line)
        else:
            band.append(line)
    flush()
    return ordered
