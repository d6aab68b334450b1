"""Parser for answered Kamervragen (schriftelijke vragen), both the Aanhangsel and the letter.

Blocks before the first question heading are the header (Aanhangsel) or the cover letter and
annex title (ministry letter). From there on: "Vraag N" / "Vragen 2, 3 en 4" start questions,
"Antwoord", "Antwoord N", "Antwoord op vraag(en) …" start answers (joint answers list all their
numbers; answers may come out of order or all at the end). An unheaded answer is recognised
when bold question text is followed by a non-bold paragraph and no answer heading follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kamerqa.model import Answer, Document, Footnote, Question
from kamerqa.parse.citations import find_references
from kamerqa.parse.crossrefs import find_refers_to
from kamerqa.parse.kamervragen_meta import fix_text, header_metadata
from kamerqa.parse.numbering import (
    match_answer_heading,
    match_question_heading,
    number_key,
    parse_number_list,
)
from kamerqa.readers.blocks import Block, Note, ReadResult

__all__ = ["parse"]

_CLOSING = re.compile(r"^(hoogachtend|met vriendelijke groet|hoogachtend,)\s*,?$", re.I)
_ANNEX_TITLE = re.compile(r"^antwoord(en)?\s+(van|op)\b", re.I)
_QUESTION_END = re.compile(r"[?]['’”»)]*\s*$")
_POSTPONED = re.compile(r"\buitstel\b|niet binnen de (gebruikelijke )?termijn", re.I)


@dataclass
class _Item:
    kind: str  # "q" or "a"
    numbers: list[str]
    texts: list[str] = field(default_factory=list)
    notes: list[list[Note]] = field(default_factory=list)
    bold: list[bool] = field(default_factory=list)
    implicit: bool = False

    def add(self, text: str, notes: list[Note], bold: bool = False) -> None:
        self.texts.append(text)
        self.notes.append(list(notes))
        self.bold.append(bold)


def _heading(block: Block) -> tuple[str, list[str], str] | None:
    """("q"|"a", numbers, rest) when ``block`` is a question or answer heading."""
    if block.kind == "table":
        return None
    if block.role in ("question_heading", "answer_heading") and block.number:
        kind = "q" if block.role == "question_heading" else "a"
        return kind, parse_number_list(block.number) or [block.number], ""
    question = match_question_heading(block.text)
    if question:
        return "q", question.numbers, question.rest
    answer = match_answer_heading(block.text)
    if answer and len(block.text) < 200:
        return "a", answer.numbers, answer.rest
    return None


def _start(blocks: list[Block]) -> int:
    for index, block in enumerate(blocks):
        found = _heading(block)
        if (found and found[0] == "q") or (block.role == "question" and block.number):
            return index
    return len(blocks)


def _next_heading_kinds(blocks: list[Block]) -> list[str]:
    """For each block, the kind of the next heading after it ("" at the end)."""
    kinds = [""] * len(blocks)
    following = ""
    for index in range(len(blocks) - 1, -1, -1):
        kinds[index] = following
        found = _heading(blocks[index])
        if found:
            following = found[0]
    return kinds


def _unanswered(items: list[_Item]) -> list[str]:
    numbers: list[str] = []
    for item in reversed(items):
        if item.kind == "a":
            break
        numbers = item.numbers + numbers
    return numbers


def _segment(blocks: list[Block]) -> tuple[list[_Item], list[Block]]:
    """Question and answer items in document order, and the blocks outside them."""
    items: list[_Item] = []
    outside: list[Block] = []
    following = _next_heading_kinds(blocks)
    for index, block in enumerate(blocks):
        if _CLOSING.match(block.text):
            return items, outside + blocks[index:]
        found = _heading(block)
        if block.role in ("question", "answer") and block.number and not found:
            found = ("q" if block.role == "question" else "a", [block.number], block.text)
            if items and items[-1].kind == found[0] and items[-1].numbers == found[1]:
                items[-1].add(block.text, block.notes, block.bold)
                continue
        if found:
            kind, numbers, rest = found
            if kind == "a" and not numbers:
                numbers = _unanswered(items) or (items[-1].numbers if items else [])
            item = _Item(kind, numbers)
            items.append(item)
            if rest or block.notes:
                item.add(rest, block.notes, block.bold)
            continue
        if not items:
            outside.append(block)
            continue
        current = items[-1]
        if (
            current.kind == "q"
            and current.texts
            and all(current.bold)
            and not block.bold
            and block.kind != "heading"
            and following[index] != "a"
        ):
            current = _Item("a", _unanswered(items), implicit=True)
            items.append(current)
        current.add(block.text, block.notes, block.bold)
    return items, outside


def _split_shared(item: _Item) -> list[tuple[str, list[str], list[Note]]]:
    """A heading for several questions: one paragraph (or ?-ended group) per question."""
    count = len(item.numbers)
    parts = list(zip(item.texts, item.notes, strict=True))
    if count == 1:
        return [(item.numbers[0], item.texts, [n for notes in item.notes for n in notes])]
    groups: list[list[tuple[str, list[Note]]]] = [[]]
    for text, notes in parts:
        groups[-1].append((text, notes))
        if _QUESTION_END.search(text):
            groups.append([])
    groups = [g for g in groups if g]
    if len(groups) != count:
        groups = [[p] for p in parts[: count - 1]] + [parts[count - 1 :]] if parts else []
    split = []
    for index, number in enumerate(item.numbers):
        group = groups[index] if index < len(groups) else []
        split.append((number, [t for t, _ in group], [n for _, notes in group for n in notes]))
    return split


def _text(parts: list[str]) -> str:
    return "\n\n".join(part for part in parts if part.strip())


def _build(document: Document, items: list[_Item]) -> None:
    questions: dict[str, Question] = {}
    for item in items:
        if item.kind != "q":
            continue
        for number, texts, notes in _split_shared(item):
            if number in questions:
                document.warnings.append(f"question {number} appears twice; texts joined")
                questions[number].text = _text([questions[number].text, *texts])
            else:
                questions[number] = Question(number=number, text=_text(texts))
            _add_notes(document, notes, f"q{number}")
        if len(item.numbers) > 1 and len(item.texts) < len(item.numbers):
            document.warnings.append(
                f"questions {', '.join(item.numbers)} share one text; it was not split"
            )
    document.questions = list(questions.values())
    for item in items:
        if item.kind != "a":
            continue
        answer_id = f"a{len(document.answers) + 1}"
        text = _text(item.texts)
        numbers = [n for n in item.numbers if n in questions] or item.numbers
        refers = find_refers_to(text, own=numbers)
        document.answers.append(
            Answer(id=answer_id, questions=numbers, text=text, refers_to=refers)
        )
        for notes in item.notes:
            _add_notes(document, notes, answer_id)
        for number in numbers:
            if number in questions and questions[number].answer_id is None:
                questions[number].answer_id = answer_id
            elif number not in questions:
                document.warnings.append(f"answer {answer_id} answers unknown question {number}")


def _add_notes(document: Document, notes: list[Note], where: str | None) -> None:
    for note in notes:
        document.footnotes.append(Footnote(id=note.id, text=note.text, in_=where))


def _references(document: Document, head: str) -> None:
    found = find_references(head)
    for question in document.questions:
        found += find_references(question.text, f"q{question.number}")
    for answer in document.answers:
        found += find_references(answer.text, answer.id)
    for note in document.footnotes:
        found += find_references(note.text, note.in_)
    seen: set[tuple[str, str | None, str | None, str | None]] = set()
    for reference in found:
        key = (reference.type, reference.dossier, reference.number, reference.in_)
        if key not in seen:
            seen.add(key)
            document.references.append(reference)


def _annex_title(head: list[Block]) -> str:
    """The annex title of a letter ("Antwoorden van de minister … op vragen van …")."""
    for index, block in enumerate(head):
        if _ANNEX_TITLE.match(block.text) and block.kind != "table":
            return " ".join(b.text for b in head[index : index + 3])
    return ""


def _clean_blocks(read: ReadResult) -> list[Block]:
    blocks = []
    for block in read.blocks:
        text = fix_text(block.text).strip()
        if text or block.notes:
            blocks.append(
                Block(text=text, kind=block.kind, level=block.level, bold=block.bold,
                      italic=block.italic, style=block.style, notes=block.notes,
                      rows=block.rows, role=block.role, number=block.number)
            )  # fmt: skip
    return blocks


def parse(read: ReadResult, document: Document) -> Document:
    """Fill ``document`` (genre kamervragen) from reader blocks."""
    blocks = _clean_blocks(read)
    start = _start(blocks)
    head, body = blocks[:start], blocks[start:]
    items, tail = _segment(body)
    head_texts = [b.text for b in head] + [b.text for b in tail]
    document.metadata = header_metadata(head_texts, read.metadata, _annex_title(head))
    parties = {person.party for person in document.metadata.askers}
    _build(document, sorted_items(items))
    if len(parties) == 1 and None not in parties:
        for question in document.questions:
            question.party = next(iter(parties))
    for block in head + tail:
        _add_notes(document, block.notes, None)
    _add_notes(document, read.unplaced_notes, None)
    _references(document, " ".join(head_texts))
    document.title = _title(document, read)
    _warn(document, " ".join(head_texts))
    return document


def sorted_items(items: list[_Item]) -> list[_Item]:
    """Items in document order (kept); hook for future reordering of out-of-order answers."""
    return items


def _title(document: Document, read: ReadResult) -> str:
    subject = read.metadata.get("onderwerp") or document.metadata.subject or ""
    return " ".join(subject.split())[:300]


def _warn(document: Document, head: str) -> None:
    if document.questions and not document.answers:
        if _POSTPONED.search(head):
            document.warnings.append("postponement notice (Mededeling uitstel): no answers yet")
        else:
            document.warnings.append("no answers found")
    unanswered = [q.number for q in document.questions if q.answer_id is None]
    if document.answers and unanswered:
        document.warnings.append(f"questions without answer: {', '.join(unanswered)}")
    numbers = [q.number for q in document.questions]
    if numbers != sorted(numbers, key=number_key):
        document.warnings.append("questions are not in numeric order")
