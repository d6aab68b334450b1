"""Plain-text reader: Word/Tika text exports and hand-written or hard-wrapped text files.

Decodes (UTF-8 with or without BOM, UTF-16 with BOM, CP1252 fallback), normalises white space
(CRLF, non-breaking and thin spaces, soft hyphens, tabs), takes footnotes out of the text (see
:mod:`kamerqa.readers.text_notes`), turns tab-separated rows into table blocks, and makes one
block per paragraph: one line per paragraph in Word exports, or lines joined back together when
the text was hard-wrapped at a fixed width.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections import Counter

from kamerqa.errors import KamerqaInputError
from kamerqa.readers.blocks import Block, Note, ReadResult
from kamerqa.readers.docx_letterhead import letterhead_facts
from kamerqa.readers.text_notes import (
    SENTINEL_BASE,
    SENTINELS,
    MarkerScanner,
    place_notes,
    split_note_list,
    take_page_notes,
    take_tika_bodies,
    tika_markers,
)
from kamerqa.readers.text_pages import PAGE_BREAK, drop_page_edges

__all__ = ["decode", "normalise", "read", "read_text"]

_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\f\v]")
_SENTINEL = re.compile(f"[{chr(SENTINEL_BASE)}-{chr(SENTINEL_BASE + SENTINELS - 1)}]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# A line that starts a new block even right after a long (wrapped) line.
_BLOCK_START = re.compile(
    r"^\s*(?:(?:vraag|vragen|antwoord(?:en)?|beantwoording)\b(?:\s+(?:op\s+)?(?:vra(?:ag|gen)\s+)?"
    r"[\dt/mo ,en]*[a-z]?)?\s*[:.)]?\s*$|(?:vraag|antwoord)\s+\d{1,3}[a-z]?\s*[:.)]"
    r"|[-•◦▪▫●○■□➢►‣⁃∙·\uf0b7\uf0a7*–—]\s|\d{1,3}[.)]\s"
    r"|antwoord(?:en)?(?:\s+op\s+vra(?:ag|gen)\s+[\dt/m ,en]+)?\s*:\s*\S"
    r"|[a-z][.)]\s|\[\d{1,3}:\s|vastgesteld\s+\d|ontvangen\s+\d|\d{1,2}(?:\.\d{1,2})+\.?\s+[A-Z]"
    # a verslag's answer heading: "Reactie van de staatssecretaris", "Antwoord kabinet"
    r"|reactie\s+van\s+de\s+(?:minister|staatssecretaris|regering|bewindspersoon)\b[^.?!]*$"
    r"|antwoord\s+(?:van\s+het\s+)?kabinet\s*:?\s*$"
    # the Kamerstuk's own title: "Nr. 7 NOTA NAAR AANLEIDING …", "E NADERE MEMORIE VAN ANTWOORD"
    r"|(?:nr\.\s*\d{1,4}|(?-i:[A-Z]{1,2}))\s+(?-i:(?:NOTA|NADERE?|MEMORIE|VERSLAG|LIJST|BRIEF"
    r"|VOORLOPIG|EINDVERSLAG)\b))",
    re.I,
)
# sentences that open a paragraph of inbreng: after a sentence end they start a new block
_PARAGRAPH_OPENING = re.compile(
    r"^(?:De leden van de|Het lid van de|Deze leden|Dit lid|Vragen en opmerkingen van|De regering"
    r"|Het kabinet|De (?:Minister|Staatssecretaris|Minister-President)\b|DE (?:MINISTER|STAATS)"
    # a heading with its text on the same line, as a two-column layout prints it
    r"|Vra(?:ag|gen)\s+\d{1,3}[a-z]?(?:(?:\s*,\s*|\s+en\s+|\s+t/m\s+)\d{1,3}[a-z]?)*\s+(?=[A-Z])"
    r"|Antwoord(?:en)?\s+(?=[A-Z]))\b"
)
# a faction heading ("Vragen en opmerkingen van de leden van de X-fractie") is a line of its own
_FACTION_HEADING = re.compile(
    r"^\s*(?:\d+\.?\s+)?(?:Vragen en opmerkingen|Reactie op|Inbreng van|Inbreng en)\b"
    r"[^.?!]*fracties?\s*$"
)


def _ends_paragraph(line: str) -> bool:
    return line.rstrip()[-1:] in (".", "?", "!", ":") or bool(_FACTION_HEADING.match(line))


_MIN_WRAP_WIDTH = 30
_MAX_WRAP_WIDTH = 100


def decode(data: bytes) -> str:
    """Bytes to text: BOMs honoured, UTF-8 preferred, CP1252 as the fallback."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise KamerqaInputError("the text claims UTF-16 but does not decode") from None
    if b"\x00" in data[:65536]:
        raise KamerqaInputError("binary data, not text (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    sample = text[:65536]
    control = len(_CONTROL.findall(sample))
    if control > max(8, len(sample) // 100):
        raise KamerqaInputError("binary data, not text (too many control characters)")
    return text


def normalise(text: str) -> str:
    """Line endings (and form feeds) to \\n, odd spaces to plain spaces (tabs kept), invisible
    characters gone."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\x85", "\n").replace("\f", "\n")
    text = _INVISIBLE.sub("", text)
    # PDFium's hyphen where the PDF broke a line: inside a lower-case word a syllable break
    # ("projecteige|naren"), otherwise a hyphen ("GroenLinks-|PvdA", "SGP-|fractie")
    text = re.sub(r"(?<=[a-zà-ÿ])\ufffe(?=[a-zà-ÿ])", "", text).replace("\ufffe", "-")
    text = _SENTINEL.sub("", text)  # reserved for marker positions
    text = _SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def _wrap_width(lines: list[str]) -> int:
    """The width the text was hard-wrapped at, or 0 when lines are whole paragraphs."""
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 6:
        return 0
    width = lengths[int(len(lengths) * 0.9)]
    # a few much longer lines (a footer run into a header, lines PDFium ran together at a
    # hyphen) do not make it unwrapped text
    too_long = sum(1 for length in lengths if length > width * 1.5 + 10)
    if not _MIN_WRAP_WIDTH <= width <= _MAX_WRAP_WIDTH or too_long > max(2, len(lengths) // 12):
        return 0
    long_lines = [
        line.rstrip()
        for line, following in itertools.pairwise(lines)
        if following.strip() and len(line.rstrip()) >= 0.75 * width
    ]
    # wrapped lines mostly break mid-sentence; whole sentences per line end in . ? ! :
    mid_sentence = sum(1 for line in long_lines if line[-1] not in ".?!:;")
    wrapped = len(long_lines) >= max(3, len(lengths) // 5) and mid_sentence * 2 >= len(long_lines)
    return width if wrapped else 0


def _wrapped_after(previous: str, line: str, width: int) -> bool:
    """A greedy wrapper broke ``previous`` only if the next word would not have fitted."""
    first_word = line.split(maxsplit=1)[0] if line.split() else ""
    # after a sentence end a paragraph may have ended, so the word must clearly not have fitted
    # (character counts only approximate a proportional font's widths)
    slack = 1.0 if previous.rstrip()[-1:] in ".?!" and line[:1].isupper() else 0.85
    return len(previous.rstrip()) + 1 + len(first_word) > slack * width


def _join(paragraph: str, line: str) -> str:
    hyphenated = paragraph.endswith("-") and paragraph[-2:-1].isalpha() and line[:1].isalpha()
    if hyphenated and not re.match(r"(?:en|of|tot|t/m)\b", line):
        return paragraph + line
    if paragraph.endswith("/"):
        return paragraph + line
    return f"{paragraph} {line}"


# running headers/footers of a Kamerstuk or letter printed into a layout text export
_FURNITURE = re.compile(
    r"^\s*(?:(?:Tweede|Eerste)\s+Kamer,\s+vergaderjaar\s+\d{4}\s*[–-]\s*\d{4},"
    r".*(?:\bnr\.\s*\w+|,\s*[A-Z]{1,2})"
    r"|kst-[\w-]+\s+ISSN\b.*|pagina\s+\d+(?:\s+van\s+\d+)?)\s*$",
    re.I,
)


_TABLE_HEADER = re.compile(r"^\s*(?:nr|nummer)\.?\s+vraag\b", re.I)
_QA_LINE = re.compile(r"^(?:reactie|antwoord|vra(?:ag|gen)|beantwoording)\b", re.I)


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip())


def _edge_shapes(paged: list[str]) -> Counter[str] | None:
    """Shapes of the lines next to a page break, or None when the text has no page breaks."""
    if PAGE_BREAK not in paged:
        return None
    edges: Counter[str] = Counter()
    for index, line in enumerate(paged):
        if line == PAGE_BREAK:
            edges.update(_shape(x) for x in paged[max(0, index - 1) : index + 2] if x != PAGE_BREAK)
    return edges


def _drop_furniture(lines: list[str], edges: Counter[str] | None = None) -> list[str]:
    """Page furniture of a layout (hard-wrapped) export: known running headers and footers, and
    lines of three or more words without a sentence end that recur (digits aside) three times
    or more — with page breaks known (``edges``), only lines that recur next to them (a list of
    questions asked the same way repeats lines inside its pages)."""
    shapes = edges if edges is not None else Counter(_shape(line) for line in lines if line.strip())

    def furniture(line: str) -> bool:
        text = line.strip()
        if not text or _BLOCK_START.match(text) or _TABLE_HEADER.match(text):
            return False
        if _QA_LINE.match(text):
            return False  # "Reactie van de staatssecretaris" heads every answer of a verslag
        if _FURNITURE.match(text):
            return True
        shape = _shape(text)
        numbered = text[:1].isdigit()  # "12 Hoeveel middelen …": a question of a list
        # a footer ending in its page number recurs on every page, so twice is enough
        times = 2 if re.search(r"\s\d{1,3}$", text) else 3
        recurs = shapes[shape] >= times and len(text.split()) >= 3 and text[-1] not in ".?!:;,"
        return recurs and not numbered

    return [line for line in lines if not furniture(line)]


_LABEL = re.compile(
    r"^\s*(Vra(?:ag|gen)\s+\d{1,3}[a-z]?(?:(?:\s*,\s*|\s+en\s+|\s+t/m\s+)\d{1,3}[a-z]?)*"
    r"|Antwoord(?:en)?)\s+([A-Z].*)$"
)


def _label_column(lines: list[str]) -> list[str]:
    """Questions and answers printed as a two-column table in a layout export: the label
    ("Vraag 1", "Antwoord") on the left, the text wrapped within its narrow column on the right.
    The label becomes a line of its own and the column's lines one paragraph; only when at
    least two answers are printed that way."""
    labels = [m for m in map(_LABEL.match, lines) if m]
    if sum(m.group(1).startswith("Antwoord") for m in labels) < 2:
        return lines
    out: list[str] = []
    in_cell = False
    for line in lines:
        label = _LABEL.match(line)
        if label:
            out += [label.group(1), label.group(2).strip()]
            in_cell = True
        elif (
            in_cell
            and line.strip()
            and not _BLOCK_START.match(line)
            and not _ends_paragraph(out[-1])
        ):
            out[-1] = _join(out[-1], line.strip())
        else:
            out.append(line)
            in_cell = False
    return out


_QA_TABLE_HEAD = re.compile(r"^\s*(?:nr|nummer)\.?\s+vraag\s+antwoord\s*$", re.I)
_ROW_START = re.compile(r"^\s*(\d{1,3})\s+(\S.*)$")


def _qa_table_row(lines: list[str], start: int) -> tuple[list[str], int]:
    """One flattened row (number + question up to its "?", then the answer) as heading and
    text lines, and the index after it."""
    row = _ROW_START.match(lines[start])
    assert row is not None
    number = int(row.group(1))
    question, index = [row.group(2)], start + 1
    asks = _asks_in_row(lines, start, number)
    while (
        index < len(lines)
        and lines[index].strip()
        and not _cell_ends(question[-1], lines[index], asks)
    ):
        question.append(lines[index].strip())
        index += 1
    answer: list[str] = []
    while index < len(lines) and lines[index].strip():
        following = _ROW_START.match(lines[index])
        if following and int(following.group(1)) == number + 1:
            break
        if _FACTION_HEADING.match(lines[index]) or _TABLE_HEADER.match(lines[index]):
            break  # the table ended: the next faction's heading or table
        answer.append(lines[index].strip())
        index += 1
    joined = [functools.reduce(_join, part) for part in (question, answer) if part]
    return [f"Vraag {number}", joined[0], "Antwoord", *joined[1:]], index


def _asks_in_row(lines: list[str], start: int, number: int) -> bool:
    """Whether a line of the row (up to the next row) ends in "?": then the question cell ends
    there; else (inbreng paraphrased: "De leden … vragen hoeveel …") at a sentence end."""
    for line in lines[start:]:
        following = _ROW_START.match(line)
        if line is not lines[start] and following and int(following.group(1)) == number + 1:
            break
        if not line.strip():
            break
        if line.rstrip().endswith("?"):
            return True
    return False


def _cell_ends(line: str, following: str, asks: bool) -> bool:
    end = line.rstrip()
    if asks:
        return end.endswith("?")
    return end.endswith(".") and following.strip()[:1].isupper()


def _qa_table(lines: list[str]) -> list[str]:
    """A table with the columns Nr, Vraag, Antwoord flattened by a layout export (each cell's
    lines after each other) back into "Vraag N" / question / "Antwoord" / answer lines."""
    out: list[str] = []
    index = 0
    while index < len(lines):
        out.append(lines[index])
        index += 1
        if not _QA_TABLE_HEAD.match(out[-1]):
            continue
        expected = None  # numbered from 1, or on from an earlier table (one per faction)
        while index < len(lines) and (row := _ROW_START.match(lines[index])):
            if expected is not None and int(row.group(1)) != expected:
                break
            expected = int(row.group(1))
            rows, index = _qa_table_row(lines, index)
            out += rows
            expected += 1
    return out


# a note marker ending a line: PDFium puts the text after a raised marker on a new line that
# starts with a space ("gemeenten.1" / " Daarnaast …")
_MARKER_AT_END = re.compile(r"(?:[a-zà-ÿ]|[a-zà-ÿ][.,;:)?!”’])\d{1,2}$")


def _heading_between(previous: str, line: str, following: list[str]) -> bool:
    """ "Beleidsartikel 2 Infrastructuur" after a sentence end and before "Vraag 7": a section
    heading on a line of its own, not the next words of the paragraph."""
    ended = re.search(r"[.?!][”’\"]?\d{0,2}$", previous.rstrip())  # "miljoen.1": a note marker
    if not ended or line[-1:] in ".?!:;," or not line[:1].isupper():
        return False
    if re.search(r"\d[.,]\d+%?$|\d{3,}$|%$", line):
        return False  # "Overig 2.650": a table row printed as a line ("Beleidsartikel 3" is not)
    nxt = next((f.strip() for f in following if f.strip()), "")
    opens = bool(_BLOCK_START.match(nxt) or _PARAGRAPH_OPENING.match(nxt))
    return bool(nxt) and len(line.split()) <= 8 and opens


def _paragraphs(lines: list[str], edges: Counter[str] | None = None) -> list[str]:
    """Lines to paragraphs: joined when the text is hard-wrapped, else one line each."""
    width = _wrap_width(lines)
    if not width:
        return lines
    lines = _drop_furniture(lines, edges)
    out: list[str] = []
    previous = ""
    for index, line in enumerate(lines):
        stripped = line.strip()
        joinable = (
            stripped
            and out
            and previous
            and not _heading_between(previous, stripped, lines[index + 1 : index + 3])
            and (
                _wrapped_after(previous, stripped, width)
                or re.search(r"\w-$", previous)
                or (line[:1] == " " and _MARKER_AT_END.search(previous))
            )
            and not _BLOCK_START.match(stripped)
            and not _TABLE_HEADER.match(stripped)
            and not (_PARAGRAPH_OPENING.match(stripped) and _ends_paragraph(previous))
            and "\t" not in line
        )
        if joinable:
            out[-1] = _join(out[-1], stripped)
        else:
            out.append(line if stripped else "")
        previous = line.rstrip() if stripped else ""
    return out


# a bullet glyph that starts a list item (dropped from the text, like Word's list numbering)
_BULLET = re.compile(r"^[•◦▪▫●○■□➢►‣⁃∙·\uf0b7\uf0a7*–—-]\s+(?=\S)")


_ENUMERATOR_CELL = re.compile(r"^\s*(?:\d{1,3}|[a-z]|[ivx]{1,4})?[.)]?\s*$|^\s*[-•*–▪]\s*$", re.I)


def _two_cell_rows(paragraphs: list[str]) -> set[int]:
    """Lines with one tab that form a two-column table: next to another such line (blank lines
    aside), the first cell being no list number or bullet ("1.\tText" is a list item)."""

    def two_cells(line: str) -> bool:
        first, _, second = line.partition("\t")
        return line.count("\t") == 1 and bool(second.strip()) and not _ENUMERATOR_CELL.match(first)

    found: set[int] = set()
    filled = [i for i, p in enumerate(paragraphs) if p.strip()]
    for previous, current in itertools.pairwise(filled):
        if two_cells(paragraphs[previous]) and two_cells(paragraphs[current]):
            found.update((previous, current))
    return found


def _table_row(line: str, two_cells: bool = False) -> list[str] | None:
    if line.count("\t") < (1 if two_cells else 2):
        return None
    return [" ".join(_SENTINEL.sub("", cell).split()) for cell in line.split("\t")]


def _add_text_block(result: ReadResult, line: str, notes: list[Note]) -> None:
    line, notes = place_notes(line.replace("\t", " "), notes)
    if not line:
        notes = [Note(n.id, n.text) for n in notes]
        if notes and result.blocks:
            result.blocks[-1].notes.extend(notes)
        return
    bullet = _BULLET.match(line)
    if bullet is None:
        result.blocks.append(Block(text=line, notes=notes))
        return
    cut = bullet.end()
    shifted = [
        Note(n.id, n.text, None if n.offset is None else max(0, n.offset - cut)) for n in notes
    ]
    result.blocks.append(Block(text=line[cut:], notes=shifted, kind="list_item"))


def _add_table_row(result: ReadResult, row: list[str], notes: list[Note], more: bool) -> None:
    last = result.blocks[-1] if result.blocks else None
    if last is None or last.kind != "table" or not more:
        last = Block(text="", kind="table")
        result.blocks.append(last)
    last.rows.append(row)
    last.notes.extend(Note(n.id, n.text) for n in notes)
    last.text = "\n".join(" ".join(c for c in r if c) for r in last.rows)


def read_text(text: str) -> ReadResult:
    """Blocks from already-decoded text."""
    text = text.replace("\r\n", "\n")
    paginated = "\f" in text
    text = drop_page_edges(text, gaps=bool(_wrap_width(text.split("\n"))))
    text, bodies = take_tika_bodies(normalise(text))
    paged = text.split("\n")
    lines, note_list = split_note_list([line for line in paged if line != PAGE_BREAK])
    if not note_list and _wrap_width(lines):
        lines, note_list = take_page_notes(paged)
        lines = [line for line in lines if line != PAGE_BREAK]
    layout = paginated or PAGE_BREAK in paged or bool(_wrap_width(lines))
    scanner = MarkerScanner(note_list)
    result = ReadResult(format="text")
    in_table = False
    edges = _edge_shapes(paged)
    paragraphs = _paragraphs(_qa_table(_label_column(lines)) if layout else lines, edges)
    pairs = _two_cell_rows(paragraphs)
    for index, raw in enumerate(paragraphs):
        line, notes = tika_markers(raw, bodies)
        line, typed = scanner.scan(line, before=len(notes))
        notes += typed
        row = _table_row(line, two_cells=index in pairs)
        if row is not None:
            _add_table_row(result, row, notes, in_table)
        else:
            _add_text_block(result, line, notes)
        in_table = row is not None
    head = [" ".join(row) for b in result.blocks[:25] for row in (b.rows or [[b.text]])]
    result.metadata.update(letterhead_facts(head))
    placed = {n.id for b in result.blocks for n in b.notes}
    unplaced = {**bodies, **note_list}
    result.unplaced_notes = [Note(k, v) for k, v in unplaced.items() if k not in placed]
    return result


def read(data: bytes) -> ReadResult:
    """Reader entry point: bytes of a text file to blocks."""
    result = read_text(decode(data))
    if not result.blocks:
        raise KamerqaInputError("the file has no text")
    return result
