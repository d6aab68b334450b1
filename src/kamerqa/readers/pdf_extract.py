"""PDF text objects to positioned lines, through pdfium (pypdfium2).

pdfium is asked for its text objects (one per text-showing run: a font, a size, a position), not
for single characters: that is 5-10x cheaper in Python and keeps what the layout needs: the
baseline, the horizontal extent, the effective font size and the font's weight. Runs on one
baseline become a line; small runs raised above a line (footnote markers) or lowered below it
(subscripts) are merged into that line as spans. A line is split into segments where a wide gap
separates its runs (margin column, table cells, a second text column) or a drawn vertical rule
runs between them (the cell borders of a ruled table; pdfium gives them as thin path objects,
and lines inside such a grid of three or more borders carry its ``grid``).
"""

from __future__ import annotations

import ctypes
import math
import re
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any, Generic, TypeVar

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from kamerqa.errors import KamerqaInputError

MAX_PAGES = 2000
MAX_RUNS_PER_PAGE = 50_000
MAX_TEXT_CHARS = 20_000_000
# pdfium is not thread-safe: one document at a time per process.
PDFIUM_LOCK = threading.Lock()
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demi|extrabold|ultra", re.I)
_ITALIC_NAME = re.compile(r"italic|oblique|kursiv", re.I)
_PASSWORD_ERROR = 4
_RULE_WIDTH = 2.0  # a vertical border is drawn at most this wide (points)
_RULE_HEIGHT = 8.0  # ... and at least this tall
MAX_RULES_PER_PAGE = 500  # more thin upright paths are a drawing (hatching), not a table


_T = TypeVar("_T")


class computed_once(Generic[_T]):  # lower case: used like functools.cached_property
    """A property worked out on first use and then stored on the instance: what
    functools.cached_property does, without the lock it takes on every first use (Python
    3.11), which costs more than the values cached here."""

    def __init__(self, function: Callable[[Any], _T]) -> None:
        self.function = function
        self.name = function.__name__

    def __get__(self, instance: Any, owner: type | None = None) -> _T:
        value = self.function(instance)
        instance.__dict__[self.name] = value
        return value


@dataclass
class Run:
    """One text object: text drawn in one font and size from one origin."""

    text: str
    x0: float
    x1: float
    y: float
    size: float
    bold: bool
    italic: bool


@dataclass
class Span:
    """Part of a line; ``shift`` > 0 for a raised (superscript) run, < 0 for a lowered one."""

    text: str
    x0: float
    x1: float
    size: float
    bold: bool
    shift: int = 0
    italic: bool = False


@dataclass
class Line:
    """A segment of text on one baseline of one page."""

    page: int
    y: float
    x0: float
    x1: float
    size: float
    spans: list[Span] = field(default_factory=list)
    row: int = 0  # segments cut from the same baseline share a row number
    column: int = 0
    grid: tuple[float, ...] = ()  # cell borders of the ruled table the line sits in

    @computed_once
    def bold(self) -> bool:
        """90 % of the characters on the baseline are bold (lines are finished when they
        leave ``pdf_extract``, so this is worked out once per line)."""
        return _share_of(self.spans, "bold")

    @computed_once
    def italic(self) -> bool:
        return _share_of(self.spans, "italic")

    @computed_once
    def _plain(self) -> str:
        return join_spans(self.spans)

    def plain_text(self) -> str:
        return self._plain


def _share_of(spans: list[Span], style: str) -> bool:
    """Whether 90 % of the characters of the baseline spans with text are in ``style``."""
    weight = styled = 0
    for span in spans:
        if span.shift == 0 and span.text.strip():
            weight += len(span.text)
            styled += len(span.text) if getattr(span, style) else 0
    return weight > 0 and styled >= 0.9 * weight


@dataclass
class Rule:
    """A drawn vertical line (a table's column border): x and its bottom and top."""

    x: float
    y0: float
    y1: float


@dataclass
class PdfPage:
    number: int
    width: float
    height: float
    lines: list[Line]
    rules: list[Rule] = field(default_factory=list)


def grid_at(rules: list[Rule], y: float) -> list[float]:
    """x of the vertical rules crossing height ``y``, ascending, when there are at least three
    of them there: the borders of a ruled table's cells (else [])."""
    if len(rules) < 3:
        return []
    xs: list[float] = []
    for x in sorted(rule.x for rule in rules if rule.y0 - 1 <= y <= rule.y1 + 1):
        if not xs or x - xs[-1] > _RULE_WIDTH:  # a border drawn twice is one border
            xs.append(x)
    return xs if len(xs) >= 3 else []


def _place_in_grids(lines: list[Line], rules: list[Rule]) -> None:
    """Give each line inside a ruled table the x of that table's cell borders."""
    grids: dict[float, list[float]] = {}
    for line in lines:
        xs = grids.get(line.y)
        if xs is None:
            xs = grids[line.y] = grid_at(rules, line.y)
        if xs and xs[0] - 1 <= line.x0 and line.x1 <= xs[-1] + 1:
            line.grid = tuple(xs)


@dataclass
class PdfText:
    pages: list[PdfPage]
    info: dict[str, str]


def join_spans(spans: list[Span]) -> str:
    """Text of spans in x order, with a space where the gap between them is wide enough."""
    if len(spans) == 1:
        return spans[0].text
    parts: list[str] = []
    previous: Span | None = None
    # Browsers write one run per glyph and the spaces as characters: between two glyphs a
    # gap is a space only when it is wide (an italic "?" starts well after its "n"); before a
    # letter or digit 0.22 x the size is (pdfium's text page sometimes gives no space).
    spelled = any(" " in span.text for span in spans) or all(len(s.text) == 1 for s in spans)
    for span in spans:
        if previous is not None:
            gap = span.x0 - previous.x1
            glued = span.shift != 0 or previous.shift != 0
            factor = 2.0 if glued else 1.0
            if spelled and len(span.text) == 1 and len(previous.text) == 1:
                factor = max(factor, 1.2 if span.text.isalnum() else 1.7)
            if gap > 0.18 * min(span.size, previous.size) * factor:
                parts.append(" ")
        parts.append(span.text)
        previous = span
    return "".join(parts)


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        if getattr(err, "err_code", None) == _PASSWORD_ERROR or "password" in str(err).lower():
            raise KamerqaInputError("the PDF is encrypted (password protected)") from None
        raise KamerqaInputError("not a readable PDF (damaged or truncated)") from None


class _FontCache:
    """Bold/italic per pdfium font handle, read once."""

    def __init__(self) -> None:
        self._style: dict[int, tuple[bool, bool]] = {}
        self._buffer = ctypes.create_string_buffer(256)

    def style(self, font: Any) -> tuple[bool, bool]:
        key = ctypes.addressof(font.contents) if font else 0
        style = self._style.get(key)
        if style is None:
            style = self._style[key] = self._read(font) if font else (False, False)
        return style

    def _read(self, font: Any) -> tuple[bool, bool]:
        length = pdfium_c.FPDFFont_GetBaseFontName(font, self._buffer, 256)
        name = self._buffer.value.decode("latin-1", "replace") if length else ""
        weight = pdfium_c.FPDFFont_GetWeight(font)
        bold = bool(_BOLD_NAME.search(name)) or weight >= 600
        angle = ctypes.c_int(0)
        slanted = bool(pdfium_c.FPDFFont_GetItalicAngle(font, ctypes.byref(angle)))
        italic = bool(_ITALIC_NAME.search(name)) or (slanted and angle.value != 0)
        return bold, italic


class _TextBuffer:
    """One reusable UTF-16 buffer for FPDFTextObj_GetText (grown when a run is longer)."""

    def __init__(self, size: int = 8192) -> None:
        self._grow(size)

    def _grow(self, size: int) -> None:
        self.size = size
        self.raw = ctypes.create_string_buffer(size)
        self.pointer = ctypes.cast(self.raw, ctypes.POINTER(ctypes.c_ushort))

    def text(self, obj: Any, textpage: Any) -> str:
        length = _OBJ_TEXT(obj, textpage, self.pointer, self.size)
        if length > self.size:
            self._grow(length)
            length = _OBJ_TEXT(obj, textpage, self.pointer, self.size)
        if length <= 2:
            return ""
        return self.raw.raw[: length - 2].decode("utf-16-le", "replace")


# Looked up once: these run for every object of every page.
_GET_OBJECT = pdfium_c.FPDFPage_GetObject
_GET_MATRIX = pdfium_c.FPDFPageObj_GetMatrix
_GET_BOUNDS = pdfium_c.FPDFPageObj_GetBounds
_GET_FONT_SIZE = pdfium_c.FPDFTextObj_GetFontSize
_GET_FONT = pdfium_c.FPDFTextObj_GetFont
_OBJ_TEXT = pdfium_c.FPDFTextObj_GetText
_GET_TYPE = pdfium_c.FPDFPageObj_GetType
_PATH = pdfium_c.FPDF_PAGEOBJ_PATH


def _rule(obj: Any, left: Any, bottom: Any, right: Any, top: Any) -> Rule | None:
    """The vertical rule an object draws, if it is a thin, tall path (cell borders)."""
    if _GET_TYPE(obj) != _PATH:
        return None
    _GET_BOUNDS(obj, left, bottom, right, top)
    if right.value - left.value > _RULE_WIDTH or top.value - bottom.value < _RULE_HEIGHT:
        return None
    return Rule((left.value + right.value) / 2, bottom.value, top.value)


def _page_runs(
    page: pdfium.PdfPage, fonts: _FontCache, buffer: _TextBuffer
) -> tuple[list[Run], list[Rule]]:
    """The page's text objects as runs, and the vertical rules its paths draw."""
    textpage = page.get_textpage()
    matrix = pdfium_c.FS_MATRIX()
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    font_size = ctypes.c_float()
    runs: list[Run] = []
    rules: list[Rule] = []
    raw, text_raw = page.raw, textpage.raw
    count = pdfium_c.FPDFPage_CountObjects(raw)
    if count > MAX_RUNS_PER_PAGE:
        raise KamerqaInputError(f"a PDF page has more than {MAX_RUNS_PER_PAGE} objects")
    try:
        for index in range(count):
            obj = _GET_OBJECT(raw, index)
            text = buffer.text(obj, text_raw)  # "" for objects that are not text
            if not text:
                rule = _rule(obj, left, bottom, right, top)
                if rule is not None:
                    rules.append(rule)
                continue
            if not text.strip():
                continue
            _GET_MATRIX(obj, matrix)
            a, c, d = matrix.a, matrix.c, matrix.d
            if abs(matrix.b) > 0.1 * abs(a) or a <= 0:
                continue  # rotated or mirrored text: margin furniture, not body text
            _GET_BOUNDS(obj, left, bottom, right, top)
            _GET_FONT_SIZE(obj, font_size)
            size = round(font_size.value * math.hypot(c, d), 2)
            bold, italic = fonts.style(_GET_FONT(obj))
            runs.append(Run(text, left.value, right.value, matrix.f, size, bold, italic))
    finally:
        textpage.close()
    return runs, rules if len(rules) <= MAX_RULES_PER_PAGE else []


def _rows(runs: list[Run]) -> list[list[Run]]:
    """Runs grouped by baseline (full-size runs only; small shifted runs come later)."""
    rows: list[list[Run]] = []
    for run in sorted(runs, key=lambda r: (-r.y, r.x0)):
        if rows and abs(rows[-1][0].y - run.y) <= 0.2 * max(run.size, rows[-1][0].size):
            rows[-1].append(run)
        else:
            rows.append([run])
    return rows


@dataclass
class _RowShape:
    y: float
    size: float
    x0: float
    x1: float


def _shape(row: list[Run]) -> _RowShape:
    if len(row) == 1:
        run = row[0]
        return _RowShape(run.y, run.size, run.x0, run.x1)
    return _RowShape(
        row[0].y, max(r.size for r in row), min(r.x0 for r in row), max(r.x1 for r in row)
    )


def _host_row(index: int, shapes: list[_RowShape]) -> tuple[int, int] | None:
    """The row a row of small runs belongs to (as a superscript or subscript), and the shift.

    Rows are sorted top to bottom, so the host is one of the few neighbouring rows.
    """
    small = shapes[index]
    for other in range(max(0, index - 3), min(len(shapes), index + 4)):
        host = shapes[other]
        if other == index or small.size > 0.85 * host.size:
            continue
        near = host.x0 - 2 * host.size <= small.x0 <= host.x1 + host.size
        dy = small.y - host.y
        if near and 0 < dy <= 0.65 * host.size:
            return other, 1
        if near and -0.45 * host.size <= dy < 0:
            return other, -1
    return None


def _ruled(rules: list[Rule], y: float, x0: float, x1: float) -> bool:
    """Whether a vertical rule runs between x0 and x1 at the height of baseline y."""
    return any(x0 - 1 <= r.x <= x1 + 1 and r.y0 <= y <= r.y1 for r in rules)


def _segments(spans: list[Span], page: int, y: float, row: int, rules: list[Rule]) -> list[Line]:
    """Cut a row into segments where runs are far apart or a drawn rule separates them."""
    if len(spans) == 1:  # most rows: one run, one segment
        span = spans[0]
        size = span.size if span.shift == 0 else span.size / 0.7
        return [Line(page, y, span.x0, span.x1, size, [span], row)]
    lines: list[Line] = []
    for span in sorted(spans, key=attrgetter("x0")):
        last = lines[-1] if lines else None
        gap_limit = 0.0
        if last is not None:
            gap_limit = 2.0 * max(span.size, last.size)
            if abs(span.size - last.size) > 0.15 * max(span.size, last.size) and not span.shift:
                gap_limit = max(span.size, last.size)  # a change of size: another text
        if last is not None and not (
            span.x0 - last.x1 > gap_limit or (rules and _ruled(rules, y, last.x1, span.x0))
        ):
            last.spans.append(span)
            last.x1 = max(last.x1, span.x1)
        else:
            size = span.size if span.shift == 0 else span.size / 0.7
            lines.append(Line(page, y, span.x0, span.x1, size, [span], row))
    for line in lines:
        line.size = _dominant_size(line.spans, line.size)
    return lines


def _dominant_size(spans: list[Span], default: float) -> float:
    """The size most characters on the line's baseline are set in (a note number in the body
    size before note text in small print makes a small-print line)."""
    sizes = {span.size for span in spans if span.shift == 0}
    if len(sizes) <= 1:
        return sizes.pop() if sizes else default
    weights: Counter[float] = Counter()
    for span in spans:
        if span.shift == 0:
            weights[span.size] += len(span.text.strip()) or 1
    return weights.most_common(1)[0][0] if weights else default


def page_lines(runs: list[Run], page: int, rules: list[Rule] | None = None) -> list[Line]:
    """Lines (segments) of one page, top to bottom, left to right."""
    rows = _rows(runs)
    merged: dict[int, list[Span]] = {
        i: [Span(r.text, r.x0, r.x1, r.size, r.bold, italic=r.italic) for r in row]
        for i, row in enumerate(rows)
    }
    shapes = [_shape(row) for row in rows]
    # no row is small next to the largest row (NaN sizes host nothing in _host_row)
    largest = max((shape.size for shape in shapes if not math.isnan(shape.size)), default=0.0)
    for index in range(len(rows)):
        if shapes[index].size > 0.85 * largest:
            continue  # too large to be a superscript or subscript of any row
        host = _host_row(index, shapes)
        if host is not None and host[0] in merged and index in merged:
            for span in merged.pop(index):
                span.shift = host[1]
                merged[host[0]].append(span)
    lines: list[Line] = []
    for index, spans in merged.items():
        lines.extend(_segments(spans, page, rows[index][0].y, index, rules or []))
    lines.sort(key=lambda line: (-line.y, line.x0))
    if rules and len(rules) >= 3:
        _place_in_grids(lines, rules)
    return lines


def _info(document: pdfium.PdfDocument) -> dict[str, str]:
    try:
        raw = document.get_metadata_dict(skip_empty=True)
    except (pdfium.PdfiumError, UnicodeDecodeError):
        return {}
    return {k: v for k, v in raw.items() if isinstance(v, str) and v and v != "None"}


def extract(data: bytes) -> PdfText:
    """All pages of ``data`` as positioned lines. Raises KamerqaInputError on unusable PDFs."""
    with PDFIUM_LOCK:
        document = _open(data)
        try:
            if len(document) > MAX_PAGES:
                raise KamerqaInputError(f"the PDF has more than {MAX_PAGES} pages")
            fonts = _FontCache()
            buffer = _TextBuffer()
            pages: list[PdfPage] = []
            total = 0
            for number in range(len(document)):
                page = document[number]
                try:
                    width, height = page.get_size()
                    runs, rules = _page_runs(page, fonts, buffer)
                finally:
                    page.close()
                total += sum(len(r.text) for r in runs)
                if total > MAX_TEXT_CHARS:
                    raise KamerqaInputError("the PDF holds more text than kamerqa reads")
                lines = page_lines(runs, number + 1, rules)
                pages.append(PdfPage(number + 1, width, height, lines, rules))
            return PdfText(pages, _info(document))
        except pdfium.PdfiumError:
            raise KamerqaInputError("not a readable PDF (damaged or truncated)") from None
        finally:
            document.close()
