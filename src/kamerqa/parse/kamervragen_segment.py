"""Cut the blocks of an answered Kamervragen document into question and answer items.

Questions start at "Vraag N" headings (or structured roles); in documents without such
headings, at paragraphs numbered "1.", "2)" … in sequence, or at a bare "Vraag". Answers start
at "Antwoord …" headings; a bare "Antwoord" answers every question asked since the last
answer. An unheaded answer is recognised when bold (or italic) question text is followed by a
plain paragraph and no answer heading comes before the next question. The Q&A part ends at a
closing formula or a signature block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from kamerqa.parse.kamervragen_meta import is_signature
from kamerqa.parse.numbering import (
    NUMBER_LIST,
    match_answer_heading,
    match_question_heading,
    number_key,
    parse_number_list,
)
from kamerqa.readers.blocks import Block, Note

__all__ = ["Item", "qa_table_blocks", "segment", "split_shared"]

_CLOSING = re.compile(
    r"^(hoogachtend|met vriendelijke groet(en)?|met de meeste hoogachting)\W*$", re.I
)
_QUESTION_END = re.compile(r"[?]['’”»)]*\s*$")
_NUMBERED = re.compile(r"^(\d{1,4}[a-z]?)(?:\s*[.)]\s+(?=\S)(.*)|\s*[.)]?)$", re.S)
_BARE_QUESTION = re.compile(r"^vraag\s*[:.]?\s*(.*)$", re.I | re.S)
_AD = re.compile(rf"^Ad\s+(?:vra(?:ag|gen)\s+)?({NUMBER_LIST})\s*(?:[:.)]\s*(.*)|()$)", re.S)
_GLUED_ANSWER = re.compile(r"^Antwoord\s+([A-Z][^\n]*[.!?:;)”’])$", re.S)
_NUMBER_COLUMN = {"nr", "nr.", "nummer", "no.", "#", "vraagnummer"}

Found = tuple[str, list[str], str]


@dataclass
class Item:
    """A question or answer section: its numbers and its paragraphs (with their notes)."""

    kind: str  # "q" or "a"
    numbers: list[str]
    texts: list[str] = field(default_factory=list)
    notes: list[list[Note]] = field(default_factory=list)
    looks: list[tuple[bool, bool]] = field(default_factory=list)  # (bold, italic)
    implicit: bool = False

    def add(
        self, text: str, notes: list[Note], look: tuple[bool, bool] = (False, False), shift: int = 0
    ) -> None:
        """Add a paragraph; ``shift`` = where ``text`` starts in the block the notes refer to."""
        self.texts.append(text)
        self.notes.append(shift_notes(notes, shift, len(text)))
        self.looks.append(look)


def shift_notes(notes: list[Note], shift: int, limit: int) -> list[Note]:
    """Notes with their offsets moved back by ``shift`` and kept within 0..``limit``."""
    return [
        note
        if note.offset is None
        else Note(note.id, note.text, min(max(0, note.offset - shift), limit))
        for note in notes
    ]


def heading(block: Block) -> Found | None:
    """("q"|"a", numbers, rest) when ``block`` is a question or answer heading."""
    if block.kind == "table":
        return None
    if block.role in ("question_heading", "answer_heading") and block.number:
        kind = "q" if block.role == "question_heading" else "a"
        return kind, parse_number_list(block.number) or [block.number], ""
    if not block.text[:1].isupper():
        return None  # "antwoorden op de vragen 1 en 4." continues a sentence (PDF line start)
    question = match_question_heading(block.text)
    if question:
        return "q", question.numbers, question.rest
    answer = match_answer_heading(block.text)
    if answer:
        return "a", answer.numbers, answer.rest
    ad = _AD.match(block.text)  # "Ad 1", "Ad vraag 2 en 3:" (answers in some ministry letters)
    if ad:
        return "a", parse_number_list(ad.group(1)), (ad.group(2) or "").strip()
    return None


def _next_heading_kinds(blocks: list[Block]) -> list[str]:
    """For each block, the kind of the next heading after it ("" at the end)."""
    kinds = [""] * len(blocks)
    following = ""
    for index in range(len(blocks) - 1, -1, -1):
        kinds[index] = following
        found = heading(blocks[index])
        if found:
            following = found[0]
    return kinds


def _changes_look(question: list[tuple[bool, bool]], paragraph: tuple[bool, bool]) -> bool:
    """Bold (or italic) question text followed by a plain paragraph."""
    bold, italic = paragraph
    if all(look[0] for look in question):
        return not bold
    return all(look[1] for look in question) and not italic and not bold


class _Segmenter:
    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.numbered = not any((h := heading(b)) and h[0] == "q" for b in blocks) and not any(
            b.role == "question" for b in blocks
        )
        self.following = _next_heading_kinds(blocks)
        self.items: list[Item] = []
        self.outside: list[Block] = []
        self.highest = 0

    def expected(self) -> str:
        """The number a question numbered in sequence would have next."""
        return str(self.highest + 1)

    def _numbered(self, index: int, block: Block) -> Found | None:
        if not self.numbered or block.kind in ("table", "heading"):
            return None
        bare = _BARE_QUESTION.match(block.text)
        if bare and (not bare.group(1) or bare.group(1)[:1].isupper()):
            return "q", [self.expected()], bare.group(1)
        match = _NUMBERED.match(block.text)
        if not match or match.group(1) != self.expected():
            return None
        previous = _NUMBERED.match(self.blocks[index - 1].text) if index else None
        if (
            previous
            and number_key(previous.group(1))[0] + 1 == number_key(match.group(1))[0]
            and not self._next_question(index, block)
        ):
            return None  # the next item of a numbered list inside an answer
        return "q", [match.group(1)], match.group(2) or ""

    def _next_question(self, index: int, block: Block) -> bool:
        """A numbered block after a numbered one that is a question all the same: it asks
        right after an answer's list ("3. … bevoegdheid." / "4. Bent u …?"), or it follows a
        question that is still unanswered ("2. Hoeveel …?" / "3. Wat is …?")."""
        current = self.items[-1] if self.items else None
        if current is None or not _QUESTION_END.search(block.text):
            return False
        previous = self.blocks[index - 1].text
        if current.kind == "a":
            return not _QUESTION_END.search(previous)
        return bool(_QUESTION_END.search(previous)) and len(current.texts) <= 1

    def detect(self, index: int, block: Block) -> Found | None:
        found = heading(block) or self._numbered(index, block) or self._glued_answer(block)
        if found or block.role not in ("question", "answer") or not block.number:
            return found
        return ("q" if block.role == "question" else "a"), [block.number], block.text

    def _glued_answer(self, block: Block) -> Found | None:
        """ "Antwoord Het kabinet …": a bare answer heading a reader joined to the answer's first
        sentence, right after a question (a title such as "Antwoord Kamervragen over X" has no
        question before it and no closing punctuation)."""
        match = _GLUED_ANSWER.match(block.text) if block.kind != "table" else None
        if not match or not self.items or self.items[-1].kind != "q":
            return None
        return "a", [], match.group(1)

    def _unanswered(self) -> list[str]:
        numbers: list[str] = []
        for item in reversed(self.items):
            if item.kind == "a":
                break
            numbers = item.numbers + numbers
        return numbers

    def _ends(self, index: int, block: Block) -> bool:
        if _CLOSING.match(block.text):
            return True
        answered = any(item.kind == "a" for item in self.items)
        lines = [line for b in self.blocks[index : index + 5] for line in b.text.splitlines()]
        return answered and is_signature(lines)  # a signature may be one paragraph with breaks

    def _implicit_answer(self, index: int, block: Block) -> bool:
        current = self.items[-1]
        return (
            current.kind == "q"
            and bool(current.texts)
            and _changes_look(current.looks, (block.bold, block.italic))
            and block.kind != "heading"
            and self.following[index] != "a"
        )

    def _open(self, block: Block, found: Found) -> None:
        kind, numbers, rest = found
        if kind == "a" and not numbers:
            numbers = self._unanswered() or (self.items[-1].numbers if self.items else [])
        last = self.items[-1] if self.items else None
        if (
            last
            and block.role in ("question", "answer")
            and (last.kind, last.numbers)
            == (
                kind,
                numbers,
            )
        ):
            last.add(
                rest, block.notes, (block.bold, block.italic)
            )  # another paragraph of the same item
            return
        item = Item(kind, numbers)
        self.items.append(item)
        if kind == "q":
            asked = [number_key(n)[0] for n in numbers if n[:1].isdigit()]
            self.highest = max([self.highest, *asked])
        if rest or block.notes:
            shift = len(block.text) - len(rest) if block.text.endswith(rest) else 0
            item.add(rest, block.notes, (block.bold, block.italic), shift)

    def run(self) -> tuple[list[Block], list[Item], list[Block]]:
        for index, block in enumerate(self.blocks):
            if self.items and self._ends(index, block):
                return self.outside, self.items, self.blocks[index:]
            found = self.detect(index, block)
            if found:
                self._open(block, found)
            elif not self.items:
                self.outside.append(block)
            else:
                if self._implicit_answer(index, block):
                    self.items.append(Item("a", self._unanswered(), implicit=True))
                self.items[-1].add(block.text, block.notes, (block.bold, block.italic))
        return self.outside, self.items, []


def segment(blocks: list[Block]) -> tuple[list[Block], list[Item], list[Block]]:
    """(blocks before the Q&A part, question/answer items, blocks after it)."""
    return _Segmenter(blocks).run()


def split_shared(item: Item) -> list[tuple[str, list[str], list[list[Note]]]]:
    """A heading for several questions: one paragraph (or ?-ended group) per question."""
    count = len(item.numbers)
    parts = list(zip(item.texts, item.notes, strict=True))
    if count == 1:
        return [(item.numbers[0], item.texts, item.notes)]
    groups: list[list[tuple[str, list[Note]]]] = [[]]
    for text, notes in parts:
        groups[-1].append((text, notes))
        if _QUESTION_END.search(text):
            groups.append([])
    groups = [g for g in groups if g]
    if len(groups) != count and len(parts) < count:
        sentences = [piece for text, notes in parts for piece in _question_sentences(text, notes)]
        if len(sentences) == count:  # a reader joined the questions into one paragraph
            groups = [[piece] for piece in sentences]
    if len(groups) != count:
        groups = [[p] for p in parts[: count - 1]] + [parts[count - 1 :]] if parts else []
    split = []
    for index, number in enumerate(item.numbers):
        group = groups[index] if index < len(groups) else []
        split.append((number, [t for t, _ in group], [notes for _, notes in group]))
    return split


_ASKED = re.compile(r"(?<=[?])['’”»)]*\s+(?=[A-ZÀ-Ý])")


def _question_sentences(text: str, notes: list[Note]) -> list[tuple[str, list[Note]]]:
    """``text`` cut after each "?" that ends a sentence, notes kept with their piece."""
    cuts = [0, *(m.end() for m in _ASKED.finditer(text)), len(text)]
    pieces = []
    for start, end in pairwise(cuts):
        piece = text[start:end].rstrip()
        inside = [
            n for n in notes if n.offset is not None and start <= n.offset <= start + len(piece)
        ]
        if start == 0:
            inside += [n for n in notes if n.offset is None]
        pieces.append((piece, shift_notes(inside, start, len(piece))))
    return pieces


def _continued_rows(rows: list[list[str]], width: int, numbered: int | None) -> list[list[str]]:
    """Rows padded to ``width``; a row without a number continues the row above (PDF tables
    give one row per printed line when a cell wraps)."""
    merged: list[list[str]] = []
    for row in rows:
        cells = (row + [""] * width)[:width]  # extra cells beyond the header are not read
        if numbered is not None and not cells[numbered] and merged:
            merged[-1] = [
                " ".join(f"{a} {b}".split()) for a, b in zip(merged[-1], cells, strict=True)
            ]
        else:
            merged.append(cells)
    return merged


def qa_table_blocks(table: Block) -> list[Block]:
    """A table that holds the Q&A itself, as heading and text blocks; other tables unchanged.

    Two layouts: columns headed "Vraag" and "Antwoord" (with an optional "Nr" column), or
    rows whose first cell is a heading ("Vraag 1" | text, "Antwoord" | text).
    """
    rows = [[cell.strip() for cell in row] for row in table.rows if any(c.strip() for c in row)]
    if not rows:
        return [table]
    header = [cell.lower().rstrip(":") for cell in rows[0]]
    blocks: list[Block] = []
    if "vraag" in header and "antwoord" in header:
        asked, answered = header.index("vraag"), header.index("antwoord")
        numbered = next((i for i, h in enumerate(header) if h in _NUMBER_COLUMN), None)
        for index, cells in enumerate(_continued_rows(rows[1:], len(header), numbered), 1):
            if not cells[asked] and not cells[answered]:
                continue  # a row holding a number only
            number = cells[numbered] if numbered is not None and cells[numbered] else str(index)
            blocks += [Block(f"Vraag {number}"), Block(cells[asked])]
            blocks += [Block(f"Antwoord {number}"), Block(cells[answered])]
    elif any(row and heading(Block(row[0])) for row in rows):
        for row in rows:
            blocks.append(Block(row[0]))
            rest = " ".join(cell for cell in row[1:] if cell)
            if rest:
                blocks.append(Block(rest))
    else:
        return [table]
    blocks = [block for block in blocks if block.text]
    if not blocks:
        return [table]  # nothing to unpack: keep the table (and its notes)
    blocks[0].notes = list(table.notes)
    return blocks
