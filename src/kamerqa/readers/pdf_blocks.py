"""Body lines of a PDF (in reading order) to paragraph, heading, list and table blocks.

A new block starts at a wider line gap, a change of size or boldness, a first-line indent, a
list bullet or label, after a short line that ends a sentence, and around lines that are a
question/answer heading on their own ("Vraag 3", "Antwoord op vraag 3 en 8"). Footnote markers
(small raised numbers whose note exists) are taken out of the text and attached to the block.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import pairwise

from kamerqa.readers.blocks import Block, Note
from kamerqa.readers.pdf_extract import Line, Span, computed_once, join_spans
from kamerqa.readers.pdf_text import glue_punctuation, join_lines

_NUM = r"\d{1,3}[a-z]?"
_NUM_LIST = rf"{_NUM}(?:\s*(?:,|en|t/m|tot en met|[-–])\s*{_NUM})*"
# Headings start with a capital ("Vraag", "VRAAG"); "antwoorden op de vragen 1 en 4." is the
# continuation of a sentence.
QA_HEADING = re.compile(
    r"^(?:V(?i:raag|ragen)|A(?i:ntwoord|ntwoorden))"
    rf"(?i:\s+(?:op|bij)(?:\s+de)?\s+(?:vraag|vragen))?"
    rf"(?:\s+{_NUM_LIST})?\s*[:.]?$"
)
# A line that begins a question/answer or a numbered section starts a block even with text
# after the heading: "Vraag 2: Bent u bekend …", "Antwoord: Ja.", "Antwoord op vraag 3 …",
# "2.1 Uitvoering".
QA_START = re.compile(
    rf"^(?:V(?i:raag|ragen)\s+{_NUM_LIST}\s*[:.)]\s*\S"
    r"|A(?i:ntwoord|ntwoorden)\b"
    r"|\d{1,2}(?:\.\d{1,2})+\.?\s+[A-Z])"
)
_BULLET = re.compile(r"^\s*([•◦▪▫●○■□➢►‣⁃∙·\uf0b7\uf0a7*–—-])\s+")
_LABEL = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|[ivx]{1,4}[.)])\s+\S")
_SENTENCE_END = re.compile(r"[.?!:;][\"'”’»)\]]*\s*$")
_MARKER = re.compile(r"^\s*\d{1,3}(?:\s*[,;]\s*\d{1,3})*\s*$")
_DIGITS = re.compile(r"\d+")
# A marker stands in the text as a private-use character (plane 16) until the paragraph is
# joined and cleaned; then its offset is known and it is taken out (Note.offset).
MARK_BASE = 0x100000
_ANY_MARK = re.compile("[\U00100000-\U001003e7]")


@dataclass
class TextLine:
    """One body line with its markers taken out."""

    line: Line
    text: str
    notes: list[str]
    list_start: bool = False

    @computed_once
    def heading(self) -> bool:
        """The line is a question/answer heading on its own ("Vraag 3")."""
        return bool(QA_HEADING.match(self.text.strip()))


@dataclass
class Paragraph:
    lines: list[TextLine] = field(default_factory=list)
    list_item: bool = False

    @property
    def last(self) -> TextLine:
        return self.lines[-1]


def _mark(number: str) -> str:
    return chr(MARK_BASE + int(number))


def settle_marks(text: str) -> tuple[str, list[tuple[str, int]]]:
    """Take the note marks out of ``text``: the clean text and (note id, offset) pairs."""
    found: list[tuple[str, int]] = []
    for index, mark in enumerate(_ANY_MARK.finditer(text)):
        found.append((str(ord(mark.group()) - MARK_BASE), mark.start() - index))
    if not found:
        return text, []
    return _ANY_MARK.sub("", text), found


def text_line(line: Line, known_notes: set[str]) -> TextLine:
    """The line's text with each footnote marker replaced by a mark (see ``settle_marks``)."""
    if all(span.shift <= 0 for span in line.spans):  # no raised span: no marker
        return _text_line(line, line.plain_text(), [])
    kept: list[Span] = []
    notes: list[str] = []
    after_marker = False
    for span in line.spans:
        numbers = _DIGITS.findall(span.text) if span.shift > 0 and _MARKER.match(span.text) else []
        if numbers and all(n in known_notes for n in numbers):
            notes.extend(numbers)
            marks = "".join(_mark(n) for n in numbers)
            if kept:
                last = kept[-1]
                kept[-1] = replace(last, text=last.text.rstrip() + marks, shift=0)
            else:
                kept.append(replace(span, text=marks, x1=span.x0, shift=0))
            after_marker = True
            continue
        if after_marker and kept:
            span = replace(span, x0=kept[-1].x1 + span.size, shift=0)
        after_marker = False
        kept.append(span)
    text = join_spans(kept)
    if notes:
        text = glue_punctuation(" ".join(text.split()))
    return _text_line(line, text, notes)


def _text_line(line: Line, text: str, notes: list[str]) -> TextLine:
    """A body line with its text; a leading bullet taken off."""
    bullet = _BULLET.match(text)
    if bullet:
        text = text[bullet.end() :]
    return TextLine(line, text, notes, bool(bullet or _LABEL.match(text)))


def _gap_clusters(gaps: Counter[float]) -> list[tuple[float, int]]:
    """Line gaps merged into clusters of nearly equal values: (mean gap, count)."""
    clusters: list[list[tuple[float, int]]] = []
    for gap in sorted(gaps):
        if clusters and gap - clusters[-1][-1][0] <= 0.3:
            clusters[-1].append((gap, gaps[gap]))
        else:
            clusters.append([(gap, gaps[gap])])
    out = []
    for cluster in clusters:
        count = sum(n for _, n in cluster)
        out.append((sum(g * n for g, n in cluster) / count, count))
    return out


def _running_gaps(lines: list[TextLine], size: float) -> Counter[float]:
    """Gaps after body lines that run on into the next line: plain text at the column's left
    edge, not ending a sentence, no heading and filling most of the column's width (so no
    paragraph gap, no table cell, no short line such as "Ontvangen 20 mei 2026")."""
    edges = _edges(lines, size)
    lefts = {key: left for key, (left, _) in edges.items()}
    gaps: Counter[float] = Counter()
    indent = 1.5 * size
    for prev, cur in pairwise(lines):
        a, b = prev.line, cur.line
        if abs(a.size - size) >= 0.3 or abs(b.size - size) >= 0.3:
            continue
        if a.page != b.page or a.column != b.column or a.y <= b.y:
            continue
        if max(a.x0, b.x0) - lefts[(a.page, a.column)] > indent:
            continue
        if a.bold or prev.heading or _SENTENCE_END.search(prev.text):
            continue
        left, right = edges[(a.page, a.column)]
        if a.x1 - left < 0.7 * (right - left):
            continue
        gaps[round(a.y - b.y, 1)] += 1
    return gaps


def _line_pitch(lines: list[TextLine], size: float) -> float:
    """The distance between the lines inside a paragraph.

    Measured first where a line runs on into the next (see ``_running_gaps``). Failing that:
    the most common gap is the paragraph gap when most paragraphs are one or two lines long,
    so the pitch is the most common gap among those near single spacing (1.0-1.45 x the font
    size); only when there are none is it the most common gap at all, unless that is over twice
    the size and a gap of up to 1.8 x the size occurs (line-height 1.5 of a browser's print).
    """
    running = _gap_clusters(_running_gaps(lines, size))
    if running:
        count, gap = max((count, -gap) for gap, count in running)  # a tie: the smaller gap
        gap = -gap
        if count >= 3 and 0.9 * size <= gap <= 2.5 * size:
            return gap
    gaps: Counter[float] = Counter()
    for prev, cur in pairwise(lines):
        same_place = prev.line.page == cur.line.page and prev.line.column == cur.line.column
        if same_place and abs(cur.line.size - size) < 0.3 and prev.line.y > cur.line.y:
            gaps[round(prev.line.y - cur.line.y, 1)] += 1
    clusters = _gap_clusters(gaps)
    if not clusters:
        return 1.2 * size
    top = max(count for _, count in clusters)
    single = [
        (count, gap)
        for gap, count in clusters
        if 1.0 * size <= gap <= 1.45 * size and count >= max(2, 0.1 * top)
    ]
    if single:
        return max(single)[1]
    # lines less than 0.9 x the size apart are no text lines (table cells centred beside
    # each other); they set the pitch only when nothing else does
    common = max((gap >= 0.9 * size, count, gap) for gap, count in clusters)[2]
    if common > 2.0 * size:  # a paragraph gap; lines 1.5 apart (browsers) are the pitch
        wider = [gap for gap, _ in clusters if 1.0 * size <= gap <= 1.8 * size]
        if wider:
            return min(wider)
    return common


def _edges(lines: list[TextLine], size: float) -> dict[tuple[int, int], tuple[float, float]]:
    edges: dict[tuple[int, int], tuple[float, float]] = {}
    for item in lines:
        line = item.line
        if abs(line.size - size) > 0.3:
            continue
        key = (line.page, line.column)
        left, right = edges.get(key, (line.x0, line.x1))
        edges[key] = (min(left, line.x0), max(right, line.x1))
    return edges


class Breaker:
    """Decides where one block ends and the next starts (line pitch and column edges are
    measured over all body lines of the document, so short stretches between tables are
    judged by the same measure)."""

    def __init__(self, lines: list[TextLine], size: float) -> None:
        self.size = size
        self.pitch = _line_pitch(lines, size)
        self.edges = _edges(lines, size)

    def _short(self, item: TextLine) -> bool:
        left, right = self.edges.get((item.line.page, item.line.column), (0.0, 1e9))
        return item.line.x1 < right - max(3 * item.line.size, 0.08 * (right - left))

    def _indented(self, prev: TextLine, item: TextLine) -> bool:
        left, _ = self.edges.get((item.line.page, item.line.column), (item.line.x0, 0.0))
        indent = item.line.x0 - left
        return indent > 1.2 * item.line.size and abs(prev.line.x0 - item.line.x0) > 0.5 * self.size

    def breaks(self, para: Paragraph, item: TextLine) -> bool:
        prev = para.last
        a, b = prev.line, item.line
        same_place = a.page == b.page and a.column == b.column and a.y > b.y
        if same_place and a.y - b.y > 1.45 * self.pitch * max(a.size, b.size) / self.size:
            return True
        if abs(a.size - b.size) > 0.1 * self.size or a.bold != b.bold:
            return True
        if prev.heading or item.heading:
            return True
        if QA_START.match(item.text.strip()):
            return True
        if item.list_start:
            return True
        if not para.list_item and self._indented(prev, item):
            return True
        return bool(_SENTENCE_END.search(prev.text) and self._short(prev))


def _block(para: Paragraph, size: float, notes: dict[str, str]) -> Block:
    text = join_lines([item.text for item in para.lines])
    marks: list[tuple[str, int]] = []
    if any(item.notes for item in para.lines):
        text, marks = settle_marks(text)
    bold = all(item.line.bold for item in para.lines)
    italic = all(item.line.italic for item in para.lines)
    first = para.lines[0].line
    larger = first.size >= 1.15 * size
    kind = "paragraph"
    level = 0
    if QA_HEADING.match(text) or (larger and len(para.lines) <= 3):
        kind, level = "heading", (1 if first.size >= 1.4 * size else 2)
    elif bold and len(para.lines) <= 2 and not _SENTENCE_END.search(text):
        kind, level = "heading", 3
    elif para.list_item:
        kind = "list_item"
    return Block(
        text=text,
        kind=kind,  # type: ignore[arg-type]
        level=level,
        bold=bold,
        italic=italic,
        notes=[Note(n, notes.get(n, ""), offset) for n, offset in marks],
        page=first.page,
    )


def build_blocks(
    lines: list[TextLine], size: float, notes: dict[str, str], breaker: Breaker | None = None
) -> list[Block]:
    """Blocks from body lines in reading order."""
    if not lines:
        return []
    breaker = breaker or Breaker(lines, size)
    paragraphs: list[Paragraph] = [Paragraph([lines[0]], lines[0].list_start)]
    for item in lines[1:]:
        if breaker.breaks(paragraphs[-1], item):
            paragraphs.append(Paragraph([item], item.list_start))
        else:
            paragraphs[-1].lines.append(item)
    blocks = [_block(p, size, notes) for p in paragraphs]
    return [b for b in blocks if b.text or b.notes]
