"""Tables in PDF text: consecutive rows cut into aligned cells become one table block.

A row is a baseline that ``pdf_extract`` cut into several segments (runs far apart). Two or
more such rows in a row, on one page, whose cells start at the same x positions, make a table;
a single-segment line between them that starts under a later cell continues that cell.
"""

from __future__ import annotations

from itertools import groupby

from kamerqa.readers.blocks import Block, Note
from kamerqa.readers.pdf_blocks import TextLine, build_blocks, settle_marks
from kamerqa.readers.pdf_text import join_two, normalise_text


def _rows(items: list[TextLine]) -> list[list[TextLine]]:
    return [list(g) for _, g in groupby(items, key=lambda t: (t.line.page, t.line.row))]


def _column(starts: list[float], x: float, size: float) -> int | None:
    for index, start in enumerate(starts):
        if abs(start - x) <= 1.5 * size:
            return index
    return None


def _table_end(rows: list[list[TextLine]], first: int, size: float) -> int:
    """Index after the last row of a table starting at ``first`` (``first`` if none)."""
    starts = [cell.line.x0 for cell in rows[first]]
    end = first + 1
    multi = 1
    while end < len(rows):
        row = rows[end]
        if row[0].line.page != rows[first][0].line.page:
            break
        columns = [_column(starts, cell.line.x0, size) for cell in row]
        if any(c is None for c in columns):
            break
        if len(row) >= 2:
            multi += 1
        elif columns[0] == 0:
            break
        end += 1
    return end if multi >= 2 else first


def _table_block(rows: list[list[TextLine]], size: float, known: dict[str, str]) -> Block:
    starts = [cell.line.x0 for cell in rows[0]]
    table: list[list[str]] = []
    for row in rows:
        if len(row) == 1 and table:
            column = _column(starts, row[0].line.x0, size) or 0
            table[-1][column] = join_two(table[-1][column], row[0].text)
            continue
        cells = [""] * len(starts)
        for cell in row:
            column = _column(starts, cell.line.x0, size) or 0
            cells[column] = join_two(cells[column], cell.text)
        table.append(cells)
    notes: list[Note] = []
    clean: list[list[str]] = []
    for texts in table:
        settled: list[str] = []
        for raw in texts:
            text, marks = settle_marks(normalise_text(raw))
            notes.extend(Note(number, known.get(number, "")) for number, _ in marks)
            settled.append(text)
        clean.append(settled)
    text = " ".join(cell for row in clean for cell in row if cell)
    return Block(text=text, kind="table", rows=clean, notes=notes, page=rows[0][0].line.page)


def split_tables(items: list[TextLine], size: float, notes: dict[str, str]) -> list[Block]:
    """Blocks of the body: tables where rows of aligned cells are found, paragraphs elsewhere."""
    rows = _rows(items)
    blocks: list[Block] = []
    pending: list[TextLine] = []
    index = 0
    while index < len(rows):
        end = _table_end(rows, index, size) if len(rows[index]) >= 2 else index
        if end > index:
            blocks.extend(build_blocks(pending, size, notes))
            pending = []
            blocks.append(_table_block(rows[index:end], size, notes))
            index = end
        else:
            pending.extend(rows[index])
            index += 1
    blocks.extend(build_blocks(pending, size, notes))
    return blocks
