"""Tables in PDF text: consecutive rows cut into aligned cells become one table block.

A row is a baseline that ``pdf_extract`` cut into several segments (runs far apart). A table
is a stretch of such rows on one page (at least two of them), where single-segment lines that
start right of the table's first column continue a cell of the row above. Column starts are
the x positions where cells of at least two rows start; a segment that runs over a column
start (a short header cell glued to the next one) is split between the columns by its runs.
In a ruled table (lines with the same drawn cell borders, ``Line.grid``) every row between the
borders belongs to the table, over page breaks too, and its left border is the table's left edge.
"""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import groupby, pairwise

from kamerqa.readers.blocks import Block, Note
from kamerqa.readers.pdf_blocks import Breaker, TextLine, build_blocks, settle_marks, text_line
from kamerqa.readers.pdf_extract import Line, Span
from kamerqa.readers.pdf_text import join_two, normalise_text

Row = list[TextLine]


_NUMBER = re.compile(r"^\s*\d{1,3}[a-z]?[.)]?\s*$")
_LEADING_NUMBER = re.compile(r"^\s*\d{1,3}[a-z]?[.)]?(\s|$)")  # also "3  Wordt …" (close cells)


def _rows(items: list[TextLine]) -> list[Row]:
    return [list(g) for _, g in groupby(items, key=lambda t: (t.line.page, t.line.row))]


def _same_grid(a: tuple[float, ...], b: tuple[float, ...], size: float) -> bool:
    """Two rows lie in the same ruled table (the same cell borders)."""
    return len(a) == len(b) > 0 and all(abs(x - y) <= 0.5 * size for x, y in zip(a, b, strict=True))


def _region_end(rows: list[Row], first: int, size: float) -> int:
    """End of the stretch of multi-cell rows and their continuation lines from ``first``
    (in a ruled table: every row between its borders, over page breaks too)."""
    grid = rows[first][0].line.grid
    left = grid[0] if grid else min(cell.line.x0 for cell in rows[first])
    cell_size = rows[first][0].line.size
    end = first + 1
    while end < len(rows):
        row, above = rows[end], rows[end - 1]
        if grid and all(_same_grid(cell.line.grid, grid, size) for cell in row):
            end += 1
            continue
        page, above_page = row[0].line.page, above[0].line.page
        if page != above_page and (page != above_page + 1 or end - first < 2):
            break  # a table runs on over a page break, not to a later page
        if page == above_page and above[0].line.y - row[0].line.y > 3 * size:
            break
        if not 0.8 * cell_size <= row[0].line.size <= 1.2 * cell_size:
            break  # small print (a running header at the top of the next page): no cell
        alone = len(row) == 1 and row[0].line.x0 <= left + size
        if (
            alone
            and not _interleaved(row, above, size)
            and not _spans_cells(row[0].line, rows[first:end], size)
        ):
            break
        end += 1
    return end


def _interleaved(row: Row, above: Row, size: float) -> bool:
    """A line less than a line's height below the row above on the same page: a cell centred
    vertically beside the wrapped cells of its row (a browser's print of an HTML table)."""
    line, over = row[0].line, above[0].line
    return line.page == over.page and 0 < over.y - line.y < 0.9 * size


def _spans_cells(line: Line, rows: list[Row], size: float) -> bool:
    """A row printed as one segment because its cells stand close ("Waterstaat  1.150"): a
    run after a gap starts where a later cell of the rows above starts."""
    cell_starts = [cell.line.x0 for row in rows for cell in row[1:]]
    return any(
        after.x0 - before.x1 > 0.5 * size and any(abs(after.x0 - x) <= size for x in cell_starts)
        for before, after in pairwise(line.spans)
    )


def _region_start(rows: list[Row], first: int, size: float, floor: int) -> int:
    """Continuation lines just above the first multi-cell row (cells centred vertically)."""
    left = min(cell.line.x0 for cell in rows[first])
    start = first
    while start - 1 >= floor:
        row, below = rows[start - 1], rows[start]
        same_page = row[0].line.page == below[0].line.page
        near = row[0].line.y - below[0].line.y <= 1.5 * size
        if len(row) != 1 or not same_page or not near or row[0].line.x0 <= left + size:
            break
        start -= 1
    return start


def _starts(rows: list[Row], size: float) -> list[float]:
    """Column starts: x positions where at least two cells or cell lines start; and left of
    them a first-column cell that starts a row of several cells (a table of one row whose
    number is centred beside its wrapped cells)."""
    xs = sorted(cell.line.x0 for row in _without_repeated_header(rows) for cell in row)
    clusters: list[list[float]] = []
    for x in xs:
        if clusters and x - clusters[-1][-1] <= 1.5 * size:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    clusters = [part for cluster in clusters for part in _split_cluster(cluster, size)]
    starts = [min(c) for c in clusters if len(c) >= 2]
    first = clusters[0] if clusters else []
    alone = bool(starts) and len(first) == 1 and first[0] < starts[0] - 1.5 * size
    if alone and any(_leads(row, first[0]) for row in rows):
        starts.insert(0, first[0])
    return starts


def _leads(row: Row, x: float) -> bool:
    """The row starts at ``x`` with a cell beside others, or is a bare number there (a number
    centred vertically beside the wrapped cells of its row)."""
    return row[0].line.x0 == x and (len(row) >= 2 or bool(_NUMBER.match(row[0].text)))


def _split_cluster(cluster: list[float], size: float) -> list[list[float]]:
    """Two close columns (Nr. | Vraag) in one chain of starts: cut where the starts leave a
    gap of over 0.75 x the size and at least two starts stand on either side."""
    for index in range(2, len(cluster) - 1):
        if cluster[index] - cluster[index - 1] > 0.75 * size:
            return [cluster[:index], *_split_cluster(cluster[index:], size)]
    return [cluster]


def _column(starts: list[float], x: float, size: float) -> int:
    """The column whose start is the last one at or left of ``x``."""
    index = 0
    for position, start in enumerate(starts):
        before = starts[position - 1] if position else start - 3 * size
        if x >= start - min(1.5 * size, (start - before) / 2):
            index = position
    return index


def _pieces(cell: TextLine, starts: list[float], size: float, known: set[str]) -> list[TextLine]:
    """A segment split where it runs over a column start (its runs decide)."""
    line = cell.line
    of_span = _span_columns(line.spans, starts, size)
    columns = set(of_span)
    if len(columns) <= 1:
        return [cell]
    pieces: list[TextLine] = []
    for column in sorted(columns):
        spans = [s for s, c in zip(line.spans, of_span, strict=True) if c == column]
        part = Line(line.page, line.y, spans[0].x0, spans[-1].x1, line.size, spans, line.row)
        part.grid = line.grid
        pieces.append(text_line(part, known))
    return pieces


def _span_columns(spans: list[Span], starts: list[float], size: float) -> list[int]:
    """The column of each run; a run glued to the one before (no space between: one glyph of
    a word, as browsers write them) stays in that run's column."""
    columns: list[int] = []
    for index, span in enumerate(spans):
        before = spans[index - 1] if index else None
        glued = (
            before is not None
            and not before.text.endswith(" ")
            and not span.text.startswith(" ")
            and span.x0 - before.x1 <= 0.18 * min(span.size, before.size)
        )
        columns.append(columns[-1] if glued else _column(starts, span.x0, size))
    return columns


def _fits(rows: list[Row], starts: list[float], size: float) -> bool:
    multi = [row for row in rows if len(row) >= 2]
    if len(starts) < 2 or len(multi) < 2:
        return False
    sizes = [cell.line.size for row in rows for cell in row]
    if max(sizes) > 1.2 * min(sizes):
        return False  # small print beside body text (a letterhead), not table cells
    return all(cell.line.x0 >= starts[0] - 1.5 * size for row in rows for cell in row)


def _padded_groups(rows: list[Row], size: float) -> list[int] | None:
    """For each row, the first row of its group when the table's rows are set apart by extra
    space (cell padding): a gap clearly wider than the line pitch inside the cells ends a
    table row, so a cell wrapping over more lines than its neighbours stays in its row
    whether the cells are aligned at the top or centred. None when there is no such space."""
    lines = [row[0].line for row in rows]
    gaps = [a.y - b.y if a.page == b.page else -1.0 for a, b in pairwise(lines)]
    # lines of centred cells sit half a line apart; the pitch is a whole line
    full = [gap for gap in gaps if gap >= 0.9 * size]
    if not full or any(gap == 0 for gap in gaps):
        return None
    pitch = min(full)
    if max(gaps) <= 1.5 * pitch:
        return None
    left = min(line.x0 for line in lines)
    for index, gap in enumerate(gaps):
        if gap < 0:  # a page break: a new table row only at a row with a first-column cell
            row = rows[index + 1]
            new_row = len(row) >= 2 and row[0].line.x0 <= left + size
            gaps[index] = 2 * pitch if new_row else pitch
    owners = [0]
    for index, gap in enumerate(gaps, start=1):
        owners.append(index if gap > 1.5 * pitch else owners[-1])
    return owners


def _numbered_first_column(rows: list[Row], starts: list[float], size: float) -> bool:
    """Whether every row below the header that has a first-column cell has a number there
    (Nr | Vraag | Antwoord): then a row without a number continues the row above."""
    firsts = [row[0] for row in rows[1:] if row[0].line.x0 < starts[1] - 1.5 * size]
    return len(starts) >= 2 and bool(firsts) and all(_NUMBER.match(c.text) for c in firsts)


def _centred_groups(rows: list[Row], starts: list[float], size: float) -> list[int] | None:
    """For each row, the first row of its table row when cells are centred vertically, so that
    the lines of neighbouring cells interleave (baselines closer than 0.9 x the size; a
    browser's print of an HTML table). The lines of one cell follow each other at the pitch;
    the cells of one table row share their middle. None when the lines do not interleave."""
    lines = [row[0].line for row in rows]
    gaps = [a.y - b.y for a, b in pairwise(lines) if a.page == b.page]
    if not any(0 < gap < 0.9 * size for gap in gaps) and not _number_below_top(rows, starts, size):
        return None
    by_column: dict[int, list[int]] = defaultdict(list)
    for index, row in enumerate(rows):
        for column in sorted(
            {c for cell in row for c in _span_columns(cell.line.spans, starts, size)}
        ):
            by_column[column].append(index)
    pitch = _cell_pitch(rows, by_column, size)
    cells: list[tuple[int, float, list[int]]] = []  # (page, middle, rows) of each cell
    for members in by_column.values():
        cell = [members[0]]
        for a, b in pairwise(members):
            first, second = rows[a][0].line, rows[b][0].line
            if first.page != second.page or first.y - second.y > pitch + 0.1 * size:
                cells.append(_middle(rows, cell))
                cell = []
            cell.append(b)
        cells.append(_middle(rows, cell))
    cells.sort(key=lambda item: (item[0], -item[1]))
    owners = list(range(len(rows)))
    anchor: tuple[int, float] | None = None
    for page, middle, members in cells:
        if anchor is None or page != anchor[0] or anchor[1] - middle > 0.4 * size:
            anchor = (page, middle)
            lead = members[0]
        _join(owners, [lead, *members])
    return _join_page_tops(rows, [_root(owners, index) for index in range(len(rows))], starts, size)


def _join_page_tops(
    rows: list[Row], owners: list[int], starts: list[float], size: float
) -> list[int]:
    """A table row split over a page break (each part centred on its page): when the first
    column numbers the rows, a row at the top of a page without a number continues the row
    before the break."""
    firsts = [row[0].text for row in rows[1:] if _column(starts, row[0].line.x0, size) == 0]
    if not firsts or not all(_LEADING_NUMBER.match(text) for text in firsts):
        return owners
    numbered = {
        owners[i] for i, row in enumerate(rows) if _column(starts, row[0].line.x0, size) == 0
    }
    joined = owners[:]
    for index in range(1, len(rows)):
        new_page = rows[index][0].line.page != rows[index - 1][0].line.page
        if new_page and owners[index] == index and index not in numbered:
            joined = [joined[index - 1] if owner == index else owner for owner in joined]
    return joined


def _number_below_top(rows: list[Row], starts: list[float], size: float) -> bool:
    """The first row under the header has cells but none in the first column, and a later row
    has one: the number stands in the middle of its row, beside the second line of its cells
    (a header line of one cell, "(van)", is no such row)."""

    def numbered(row: Row) -> bool:
        return any(_column(starts, cell.line.x0, size) == 0 for cell in row)

    second = rows[1] if len(rows) > 2 else []
    return len(second) >= 2 and not numbered(second) and any(numbered(row) for row in rows[2:])


def _cell_pitch(rows: list[Row], by_column: dict[int, list[int]], size: float) -> float:
    """The distance between the lines of one cell: the smallest gap of a line size or more
    between lines in one column."""
    gaps = [
        rows[a][0].line.y - rows[b][0].line.y
        for members in by_column.values()
        for a, b in pairwise(members)
        if rows[a][0].line.page == rows[b][0].line.page
    ]
    return min((gap for gap in gaps if gap >= 0.9 * size), default=1.2 * size)


def _middle(rows: list[Row], cell: list[int]) -> tuple[int, float, list[int]]:
    top, bottom = rows[cell[0]][0].line, rows[cell[-1]][0].line
    return top.page, (top.y + bottom.y) / 2, cell


def _root(owners: list[int], index: int) -> int:
    while owners[index] != index:
        index = owners[index]
    return index


def _join(owners: list[int], members: list[int]) -> None:
    """Union of the rows in ``members``; the root is the first row of the group."""
    roots = {_root(owners, index) for index in members}
    low = min(roots)
    for root in roots:
        owners[root] = low


def _cells(row: Row, starts: list[float], size: float) -> int:
    """How many cells a row has (one segment may hold cells that stand close)."""
    if len(row) >= 2:
        return len(row)
    return len(set(_span_columns(row[0].line.spans, starts, size)))


def _owners(rows: list[Row], starts: list[float], size: float) -> list[int]:
    """For each row, the table row it belongs to: its padded group (see ``_padded_groups``),
    or without padding itself when it has several cells (unless the first column numbers the
    rows and this one has no number), or for a continuation line the nearest multi-cell row
    above or below (cells may be centred vertically)."""
    centred = _centred_groups(rows, starts, size)
    if centred is not None:
        return centred
    padded = _padded_groups(rows, size)
    if padded is not None:
        return padded
    multi = [i for i, row in enumerate(rows) if _cells(row, starts, size) >= 2]
    own_row = set(multi)
    numbered = _numbered_first_column(rows, starts, size)
    owners: list[int] = []
    for index, row in enumerate(rows):
        if numbered and index and row[0].line.x0 > starts[1] - 1.5 * size:
            owners.append(owners[-1])  # no number: the cells of the numbered row go on
            continue
        if index in own_row:
            owners.append(index)
            continue
        line = row[0].line
        owners.append(
            min(
                multi,
                key=lambda m: (
                    rows[m][0].line.page != line.page,
                    abs(rows[m][0].line.y - line.y),
                    m > index,
                ),
            )
        )
    return owners


def _texts(row: Row) -> list[str]:
    return [cell.text.strip() for cell in row]


def _without_repeated_header(rows: list[Row]) -> list[Row]:
    """The rows without the header row repeated at the top of the next page (also when its
    first cell, printed at the same place on every page, was taken for page furniture)."""
    header = set(_texts(rows[0]))
    return rows[:1] + [row for row in rows[1:] if len(row) < 2 or not set(_texts(row)) <= header]


def _table_block(rows: list[Row], starts: list[float], size: float, notes: dict[str, str]) -> Block:
    rows = _without_repeated_header(rows)
    owners = _owners(rows, starts, size)
    cells_of: dict[int, list[str]] = {}
    for index, row in enumerate(rows):
        target = cells_of.setdefault(owners[index], [""] * len(starts))
        pieces = [piece for cell in row for piece in _pieces(cell, starts, size, set(notes))]
        for piece in pieces:
            column = _column(starts, piece.line.x0, size)
            target[column] = join_two(target[column], piece.text)
    table = [cells_of[owner] for owner in sorted(cells_of)]
    found: list[Note] = []
    clean: list[list[str]] = []
    for texts in table:
        settled: list[str] = []
        for raw in texts:
            text, marks = settle_marks(normalise_text(raw))
            found.extend(Note(number, notes.get(number, "")) for number, _ in marks)
            settled.append(text)
        clean.append(settled)
    text = " ".join(cell for row in clean for cell in row if cell)
    return Block(text=text, kind="table", rows=clean, notes=found, page=rows[0][0].line.page)


def split_tables(items: list[TextLine], size: float, notes: dict[str, str]) -> list[Block]:
    """Blocks of the body: tables where rows of aligned cells are found, paragraphs elsewhere."""
    rows = _rows(items)
    breaker = Breaker(items, size)
    blocks: list[Block] = []
    pending: list[TextLine] = []
    pending_from = 0  # index of the first row in ``pending``
    index = 0
    while index < len(rows):
        if len(rows[index]) >= 2:
            end = _region_end(rows, index, size)
            start = _region_start(rows, index, size, pending_from)
            starts = _starts(rows[start:end], size)
            if _fits(rows[start:end], starts, size):
                pending = pending[: len(pending) - (index - start)]  # single lines taken back
                blocks.extend(build_blocks(pending, size, notes, breaker))
                blocks.append(_table_block(rows[start:end], starts, size, notes))
                pending, pending_from, index = [], end, end
                continue
        pending.extend(rows[index])
        index += 1
    blocks.extend(build_blocks(pending, size, notes, breaker))
    return blocks
