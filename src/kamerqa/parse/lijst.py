"""Lijst van vragen en antwoorden (a Kamerstuk, often with hundreds of questions).

Head: "Nr. N LIJST VAN VRAGEN EN ANTWOORDEN", "Vastgesteld <date>", the committee's intro naming
the minister (or the Algemene Rekenkamer), the letter or report with its Kamerstuk and the date
of the answering letter, chair and griffier. Then per question "Vraag N" / a numbered paragraph
("12. Hoeveel …?", or "12" on its own line) / a table row (columns Nr, Vraag, Bijlage, Blz. (van),
t/m), and the answer headed "Antwoord op vraag N:", "Antwoord", or not headed at all. Numbered
lists inside answers are told apart from questions by the expected next number, the list context
and the answer headings that follow real questions.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kamerqa.model import Document
from kamerqa.parse.citations import find_references
from kamerqa.parse.letter import (
    answered_kamerstuk,
    apply_format_facts,
    dossier_title,
    fill_intro_metadata,
    format_facts,
    subject_after,
)
from kamerqa.parse.qa_common import (
    QABuilder,
    answer_heading,
    is_heading_like,
    question_heading,
    split_glued_headings,
)
from kamerqa.parse.questions import numbered_paragraph
from kamerqa.readers.blocks import Block, Note, ReadResult

__all__ = ["parse"]

_LOOKAHEAD = 8
_HEADER_NR = re.compile(r"^(?:nr|nummer|vraag\s*nr|vraagnummer)\.?$", re.I)
# "Vraag", or "Vraag Bijlage" when a PDF reader joined an empty column's header to it
_HEADER_VRAAG = re.compile(r"^vra(?:ag|gen)(?:\s+(?!nr\b|nummer\b)\S.*)?$", re.I)
_SUBJECT = re.compile(
    r"\bvoorgelegd\s+aan\s+.{0,120}?\b(?:over|inzake|betreffende)\s+"
    r"|\bvragen\s+van\s+de\s+(?:vaste\s+|algemene\s+)?commissie\s+.{0,80}?\b(?:over|inzake)\s+",
    re.I,
)
_HEAD_LINE = re.compile(
    r"^\s*(?:vastgesteld|ontvangen|nr\.|\d{2}\s?\d{3}\b)|lijst\s+van\s+(?:vragen|feitelijke)"
    r"|^\s*(?:antwoorden|beantwoording)\s+(?:op\s+|van\s+)?(?:de\s+)?(?:feitelijke\s+)?vragen\b",
    re.I,
)
# "Hoeveel …? 12 13": the page columns (Blz. van, t/m) of a table printed as text
_PAGE_REFS = re.compile(r"(?<=[?.])\s+\d{1,4}(?:\s+\d{1,4}){0,2}\s*$")
_OFFICER = re.compile(
    r"^\s*(?:de\s+|het\s+)?(?:adjunct-|plv\.\s*|wnd\.\s*)?"
    r"(?:voorzitter|griffier|minister|staatssecretaris)\b",
    re.I,
)
# the column header of the question tables, printed as a line of text
_HEADER_LINE = re.compile(r"^\s*(?:nr|nummer)\.?\s+vraag\b(?:\s+\S+){0,8}\s*$", re.I)
# pieces of a question table printed as text (a PDF without a recognised table): header words
# and the page columns (Blz. van, t/m) on lines of their own
_HEADER_PIECE = re.compile(
    r"^(?:(?:nr|nummer|vraag|bijlage|blz|van|t/m|tot|pagina)\.?\s*|\(van\)\s*)+$", re.I
)
_HEADER_PREFIX = re.compile(
    r"^\s*(?:(?:nr|nummer|vraag|bijlage|blz|van|t/m)\.?\s+|\(van\)\s+)+(?=\d{1,4}[a-z]?\s+[A-Z])",
    re.I,
)
_HEADER_ANTWOORD = re.compile(r"^antwoord(?:en)?$", re.I)
_PAGE_CELLS = re.compile(r"^\d{1,4}(?:\s+\d{1,4}){0,2}$")
_LIST_ITEM = re.compile(r"^\s*(\d{1,3})[.)]\s")


def _question_start(block: Block, expected: str) -> tuple[list[str], str] | None:
    """Numbers and text when ``block`` starts question ``expected`` (heading or paragraph)."""
    heading = question_heading(block.text)
    if heading is not None:
        return heading[0] or [expected], heading[1]
    if block.kind == "table":
        return None
    number, rest = numbered_paragraph(block.text, expected)
    return ([number], _PAGE_REFS.sub("", rest)) if number else None


def _table_columns(header: list[str]) -> tuple[int, int] | None:
    cells = [c.strip().lower() for c in header]
    nr = next((i for i, c in enumerate(cells) if _HEADER_NR.match(c)), None)
    question = next((i for i, c in enumerate(cells) if _HEADER_VRAAG.match(c)), None)
    joined = next((i for i, c in enumerate(cells) if _HEADER_LINE.match(c)), None)
    if (nr is None or question is None) and joined is not None:
        return joined, joined  # "Nr Vraag" in one cell (a PDF table split over two pages)
    if nr is None or question is None:
        return None
    return nr, question


class _Walker:
    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.builder = QABuilder()
        self.headed = any(answer_heading(b.text) is not None for b in blocks)
        self.columns: tuple[int, int] = (0, 1)
        self.awaiting_text = False  # a bare number line was seen; its question text follows
        self.table_layout = False  # questions sit in tables (Nr | Vraag | Bijlage | Blz.)
        self.answer_col: int | None = None  # a table column "Antwoord"

    def run(self) -> QABuilder:
        for index, block in enumerate(self.blocks):
            self.feed(index, block)
        return self.builder

    def feed(self, index: int, block: Block) -> None:
        builder = self.builder
        if block.kind == "table" and block.rows:
            self._table(block)
            return
        if _HEADER_LINE.match(block.text):
            self.table_layout = True
            return
        if self._table_debris(block.text.strip()):
            return
        block = self._without_header_prefix(block)
        answer = answer_heading(block.text)
        if answer is not None and builder.questions:
            builder.start_answer(answer[0])
            builder.add_rest(answer[1], block)
            self.awaiting_text = False
            return
        start = _question_start(block, builder.next_number())
        headed = question_heading(block.text) is not None
        if start is not None and (headed or self._is_question(index)):
            builder.start_question(start[0])
            builder.add_rest(start[1], block)
            self.awaiting_text = not start[1]
            return
        if self._is_section(index, block):
            builder.start_section(block.text.strip())
            builder.detach()
            return
        if builder.in_question and not self.headed and not self.awaiting_text:
            builder.start_answer()
        self.awaiting_text = False
        builder.add_block(block)

    def _answer_cell(self, row: list[str], number: str) -> None:
        """Tables with an Antwoord column: the answer sits in the question's row."""
        col = self.answer_col
        answer = row[col].strip() if col is not None and col < len(row) else ""
        if answer:
            self.builder.start_answer([number])
            self.builder.add(answer)

    def _without_header_prefix(self, block: Block) -> Block:
        """ "(van) 24 Kunt u …": header words of a table printed as text before a question."""
        prefix = _HEADER_PREFIX.match(block.text) if self.table_layout else None
        if prefix is None:
            return block
        cut = prefix.end()
        notes = [
            Note(n.id, n.text, None if n.offset is None else n.offset - cut) for n in block.notes
        ]
        return replace(block, text=block.text[cut:], notes=notes)

    def _table_debris(self, text: str) -> bool:
        """Header words or page cells of a question table that a PDF reader printed as lines."""
        if not self.table_layout:
            return False
        if _HEADER_PIECE.match(text):
            return True
        return self.builder.in_question and bool(_PAGE_CELLS.match(text))

    def _is_section(self, index: int, block: Block) -> bool:
        if not is_heading_like(block, max_words=10) or self.builder.in_question:
            return False
        following = self.blocks[index + 1] if index + 1 < len(self.blocks) else None
        expected = self.builder.next_number()
        return following is not None and _question_start(following, expected) is not None

    def _is_question(self, index: int) -> bool:
        """A numbered paragraph, not a list item: checks list context and answer headings."""
        builder = self.builder
        paragraphs = builder.current_paragraphs
        if paragraphs and paragraphs[-1].rstrip().endswith(":"):
            return False
        if self.headed and builder.in_answer:
            return self._answer_heading_follows(index)
        previous = _LIST_ITEM.match(paragraphs[-1]) if paragraphs else None
        if previous and int(previous.group(1)) + 1 == int(builder.next_number().rstrip("abc")):
            return self.blocks[index].text.rstrip().endswith("?")
        return True

    def _answer_heading_follows(self, index: int) -> bool:
        for block in self.blocks[index + 1 : index + 1 + _LOOKAHEAD]:
            if answer_heading(block.text) is not None:
                return True
            if _question_start(block, str(len(self.builder.questions) + 2)) is not None:
                return False
        return False

    def _table(self, block: Block) -> None:
        builder = self.builder
        for row in block.rows:
            columns = _table_columns(row)
            if columns is not None:
                self.columns = columns
                self.table_layout = True
                cells = [c.strip().lower() for c in row]
                self.answer_col = next(
                    (i for i, c in enumerate(cells) if _HEADER_ANTWOORD.match(c)), None
                )
                continue
            nr_col, question_col = self.columns
            number = row[nr_col].strip().rstrip(".") if nr_col < len(row) else ""
            text = row[question_col].strip() if question_col < len(row) else ""
            if nr_col == question_col:  # "15 Hoeveel …" in one cell
                number, _, text = text.partition(" ")
            if re.fullmatch(r"\d{1,4}[a-z]?", number):
                builder.start_question([number])
                builder.add(text)
                self._answer_cell(row, number)
            elif builder.in_question and text:
                builder.add(text)
            elif any(cell.strip() for cell in row):
                builder.add(" ".join(c for c in row if c.strip()))
        builder.add("", block.notes)
        if builder.in_question and not self.headed:
            builder.start_answer()


def _body_start(blocks: list[Block]) -> int:
    """Index of the first question, or of the section heading right before it."""
    for index, block in enumerate(blocks):
        table = block.kind == "table" and any(_table_columns(r) for r in block.rows[:2])
        if table or _question_start(block, "1") is not None:
            return index - 1 if _is_leading_section(blocks, index) else index
    return len(blocks)


def _is_leading_section(blocks: list[Block], index: int) -> bool:
    """A heading before the first question (not the griffier's name under its title)."""
    if index < 2 or not is_heading_like(blocks[index - 1], max_words=10):
        return False
    if _HEAD_LINE.search(blocks[index - 1].text) or _HEADER_LINE.match(blocks[index - 1].text):
        return False
    return not _OFFICER.match(blocks[index - 2].text)


def parse(read: ReadResult, document: Document) -> Document:
    """Parse a lijst van vragen en antwoorden into ``document``."""
    blocks = split_glued_headings(read.blocks)
    start = _body_start(blocks)
    head = blocks[:start]
    head_texts = [b.text for b in head]
    intro = " ".join(head_texts)
    builder = _Walker(blocks[start:]).run()
    fill_intro_metadata(document.metadata, intro, [b.text for b in head])
    meta = document.metadata
    meta.subject = meta.subject or subject_after(_SUBJECT, intro) or dossier_title(head_texts)
    apply_format_facts(meta, format_facts(read))
    if not meta.reference:  # the letter or report the questions were about
        meta.reference = answered_kamerstuk(intro, own=meta.identifiers.koop, near=r"\bover\b")
    builder.loose_notes.extend(read.unplaced_notes)
    builder.finish(document)
    document.references = find_references(intro) + document.references
    title = "Lijst van vragen en antwoorden"
    document.title = (
        f"{title} over {document.metadata.subject}" if document.metadata.subject else title
    )
    return document
