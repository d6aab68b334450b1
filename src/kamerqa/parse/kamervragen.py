"""Parser for answered Kamervragen (schriftelijke vragen), both the Aanhangsel and the letter.

Blocks before the first question heading are the header (Aanhangsel) or the cover letter and
annex title (ministry letter). From there on: "Vraag N" / "Vragen 2, 3 en 4" start questions,
"Antwoord", "Antwoord N", "Antwoord op vraag(en) …" start answers (joint answers list all their
numbers; answers may come out of order or all at the end). An unheaded answer is recognised
when bold question text is followed by a non-bold paragraph and no answer heading follows.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kamerqa.model import Answer, Document, Footnote, Question
from kamerqa.parse.citations import collect_references
from kamerqa.parse.crossrefs import find_refers_to
from kamerqa.parse.kamervragen_meta import fix_text, header_metadata, letterhead_facts
from kamerqa.parse.kamervragen_segment import (
    Item,
    qa_table_blocks,
    segment,
    shift_notes,
    split_shared,
)
from kamerqa.parse.numbering import number_key
from kamerqa.readers.blocks import Block, Note, ReadResult
from kamerqa.readers.docx_notes import attach_typed_notes

__all__ = ["parse"]

_ANNEX_TITLE = re.compile(r"^antwoord(en)?\s+(van|op)\b", re.I)
_POSTPONED = re.compile(r"\buitstel\b|niet binnen de (gebruikelijke )?termijn", re.I)
# The KOOP imprint at the foot of an Aanhangsel page, when a reader left it in the text (one-page
# PDFs: nothing repeats, so it does not look like page furniture)
_IMPRINT = re.compile(r"^(?:(?:ah|kv)-tk-\S+\s+)?ISSN\s*\d{4}\s*-?\s*\d{3}[\dX]\b.{0,120}$", re.I)
# Other page furniture a reader may leave as a paragraph of its own: "Pagina 2 van 3", running
# headers "Tweede Kamer, vergaderjaar 2025–2026, Aanhangsel 3", "Aanhangsel Handelingen II
# 2025/26, nr. 1702 — …"
_FURNITURE = re.compile(
    r"^(?:pagina|blz\.?)\s+\d{1,3}(?:\s+(?:van|/)\s+\d{1,3})?$"
    r"|^Tweede Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, Aanhangsel(?:\s+\d{1,4})?$"
    r"|^Aanhangsel Handelingen II \d{4}/\d{2}, nr\. \d{1,5}\b.{0,80}$",
    re.I,
)
# "… afgerond. Pagina 3": a page footer a text reader glued to the paragraph it interrupted
_TRAILING_PAGE = re.compile(
    r"(?<=[.?!:;])\s+(?:(?:Pagina|Blz\.?)\s+\d{1,3}(?:\s+(?:van|/)\s+\d{1,3})?"
    r"|Tweede Kamer, vergaderjaar \d{4}\s*[–-]\s*\d{4}, Aanhangsel(?:\s+\d{1,4})?"
    r"|Aanhangsel Handelingen II \d{4}/\d{2}, nr\. \d{1,5}\b.{0,80})$"
)
_BULLET = re.compile(r"^[•◦▪▫●○■□➢►‣⁃∙·\uf0b7\uf0a7*–—-]\s+(?=\S)")
# "… over netcongestie Vraag 1: Bent u …": a reader joined a title and a question heading
_INNER_QUESTION = re.compile(
    r"(?<=\S)\s+(?=Vraag\s+\d{1,4}[a-z]?(?:\s*:)?\s+[A-Z])"
    # "… bij het besluit? Antwoord 3 De onderneming …": an answer heading after the question
    r"|(?<=[?])\s+(?=Antwoord(?:en)?(?:\s+(?:op|bij)\s+(?:de\s+)?vra(?:ag|gen))?"
    r"(?:\s+\d{1,4}[a-z]?(?:\s*(?:,|en|t/m)\s*\d{1,4}[a-z]?)*)?\s*[:.]?\s+[A-Z])"
)


def _joined(parts: list[str], notes: list[list[Note]]) -> tuple[str, list[Note]]:
    """Paragraphs joined by blank lines, with note offsets moved into the joined text."""
    text = ""
    placed: list[Note] = []
    for part, part_notes in zip(parts, notes, strict=True):
        start = len(text) + 2 if text and part.strip() else len(text)
        placed += shift_notes(part_notes, -start, start + len(part))
        if part.strip():
            text = f"{text}\n\n{part}" if text else part
    return text, placed


def _build(document: Document, items: list[Item]) -> None:
    questions: dict[str, Question] = {}
    for item in items:
        if item.kind != "q":
            continue
        shared = split_shared(item)
        for number, texts, notes in shared:
            if number in questions:
                document.warnings.append(f"question {number} appears twice; texts joined")
                before = questions[number].text
                questions[number].text, placed = _joined([before, *texts], [[], *notes])
            else:
                text, placed = _joined(texts, notes)
                questions[number] = Question(number=number, text=text)
            _add_notes(document, placed, f"q{number}")
        if len(item.numbers) > 1 and not all(texts for _, texts, _ in shared):
            document.warnings.append(
                f"questions {', '.join(item.numbers)} share one text; it was not split"
            )
    document.questions = list(questions.values())
    for item in items:
        if item.kind == "a":
            _answer(document, item, questions)


def _answer(document: Document, item: Item, questions: dict[str, Question]) -> None:
    answer_id = f"a{len(document.answers) + 1}"
    text, placed = _joined(item.texts, item.notes)
    numbers = [n for number in item.numbers for n in _asked(number, questions)]
    numbers = list(dict.fromkeys(n for n in numbers if n in questions)) or item.numbers
    # a number this document does not ask points into another document ("vraag 12 van …")
    refers = [n for n in find_refers_to(text, own=numbers) if n in questions]
    document.answers.append(Answer(id=answer_id, questions=numbers, text=text, refers_to=refers))
    _add_notes(document, placed, answer_id)
    for number in numbers:
        if number in questions and questions[number].answer_id is None:
            questions[number].answer_id = answer_id
        elif number not in questions:
            document.warnings.append(f"answer {answer_id} answers unknown question {number}")


def _asked(number: str, questions: dict[str, Question]) -> list[str]:
    """``number`` itself, or for "Antwoord 1" on questions "1a" and "1b" all its sub-numbers."""
    if number in questions or not number.isdigit():
        return [number]
    parts = [asked for asked in questions if number_key(asked) > (int(number), "")]
    return [asked for asked in parts if number_key(asked)[0] == int(number)] or [number]


def _add_notes(document: Document, notes: list[Note], where: str | None) -> None:
    for note in notes:
        offset = note.offset if where else None
        document.footnotes.append(Footnote(id=note.id, text=note.text, in_=where, offset=offset))


def _annex_title(head: list[Block]) -> str:
    """The annex title of a letter ("Antwoorden van de minister … op vragen van …")."""
    for index, block in enumerate(head):
        if _ANNEX_TITLE.match(block.text) and block.kind != "table":
            return " ".join(b.text for b in head[index : index + 3])
    return ""


def _merged_facts(found: dict[str, str], given: dict[str, str]) -> dict[str, str]:
    """The reader's facts, and the parser's letterhead facts where the reader has none or only
    the start of the same value (a wrapped "Onderwerp" cell cut at its first line)."""
    merged = {**found, **given}
    for key, value in found.items():
        if key in given and len(value) > len(given[key]) and value.startswith(given[key]):
            merged[key] = value
    return merged


def _typed_notes(read: ReadResult) -> tuple[list[Block], list[Note]]:
    """HTML exported from Word ("[1]" markers, a "[1] …" list at the end) without linked notes:
    resolve the typed markers as the DOCX reader does. Other reads are returned as they are."""
    if read.format != "html" or read.unplaced_notes or any(b.notes for b in read.blocks):
        return read.blocks, read.unplaced_notes
    return attach_typed_notes([replace(block, notes=[]) for block in read.blocks])


def _clean_blocks(blocks_in: list[Block]) -> list[Block]:
    blocks: list[Block] = []
    for block in blocks_in:
        if block.kind == "table" and block.rows:
            blocks.extend(_plain_table(b) for b in qa_table_blocks(block))
            continue
        for text, notes in _pieces(block):
            if text or notes:
                blocks.append(
                    Block(text=text, kind=block.kind, level=block.level, bold=block.bold,
                          italic=block.italic, style=block.style, notes=notes,
                          rows=block.rows, role=block.role, number=block.number)
                )  # fmt: skip
    return blocks


def _plain_table(block: Block) -> Block:
    """A table's text as its cells separated by spaces (readers differ: " | ", tabs …)."""
    if block.kind != "table" or not block.rows:
        return block
    lines = [" ".join(" ".join(cell.split()) for cell in row if cell.strip()) for row in block.rows]
    text = fix_text("\n".join(line for line in lines if line))
    notes = shift_notes(block.notes, 0, len(text))  # cell offsets do not survive the re-join
    return Block(text=text, kind="table", rows=block.rows, notes=notes, style=block.style)


def _pieces(block: Block) -> list[tuple[str, list[Note]]]:
    """The block's text (accents fixed, bullet dropped), split before an inner "Vraag N:"."""
    fixed = _TRAILING_PAGE.sub("", fix_text(block.text))
    text = fixed.strip()
    lead = len(fixed) - len(fixed.lstrip())
    bullet = _BULLET.match(text) if block.kind != "table" else None
    if bullet:
        text, lead = text[bullet.end() :], lead + bullet.end()
    cuts = [m.end() for m in _INNER_QUESTION.finditer(text)] if block.kind != "table" else []
    if not cuts or block.role:
        return [(text, shift_notes(block.notes, lead, len(text)))]
    starts = [0, *cuts]
    placed: list[list[Note]] = [[] for _ in starts]
    for note in block.notes:
        where = 0 if note.offset is None else note.offset - lead
        placed[max(i for i, start in enumerate(starts) if start <= max(where, 0))].append(note)
    pieces = []
    for index, (start, end) in enumerate(zip(starts, [*cuts, len(text)], strict=True)):
        piece = text[start:end].rstrip()
        pieces.append((piece, shift_notes(placed[index], lead + start, len(piece))))
    return pieces


def parse(read: ReadResult, document: Document) -> Document:
    """Fill ``document`` (genre kamervragen) from reader blocks."""
    read_blocks, unplaced = _typed_notes(read)
    blocks = _clean_blocks(read_blocks)
    imprints = [b for b in blocks if b.kind != "table" and _IMPRINT.match(b.text)]
    furniture = [b for b in blocks if b.kind != "table" and _FURNITURE.match(b.text)]
    blocks = [b for b in blocks if b.kind == "table" or not _IMPRINT.match(b.text)]
    blocks = [b for b in blocks if b.kind == "table" or not _FURNITURE.match(b.text)]
    head, items, tail = segment(blocks)
    head_texts = [b.text for b in head + tail + imprints]
    rows = [row for block in head if block.kind == "table" for row in block.rows]
    lines = [line for block in read.blocks[:40] for line in block.text.splitlines()]
    facts = _merged_facts(letterhead_facts(rows, lines), read.metadata)
    document.metadata = header_metadata(head_texts, facts, _annex_title(head))
    parties = {person.party for person in document.metadata.askers}
    _build(document, sorted_items(items))
    if len(parties) == 1 and None not in parties:
        for question in document.questions:
            question.party = next(iter(parties))
    for block in head + tail + imprints + furniture:
        _add_notes(document, block.notes, None)
    _add_notes(document, unplaced, None)
    document.references += collect_references(document, " ".join(head_texts))
    document.title = _title(document, read)
    _warn(document, " ".join(head_texts))
    return document


def sorted_items(items: list[Item]) -> list[Item]:
    """Items in document order (kept); hook for future reordering of out-of-order answers."""
    return items


def _title(document: Document, read: ReadResult) -> str:
    """The letter's Onderwerp line, else "Vragen van het lid X (P) over <subject>"."""
    onderwerp = document.metadata.extra.get("onderwerp") or read.metadata.get("onderwerp")
    title = " ".join((onderwerp or "").split())
    subject = " ".join((document.metadata.subject or "").split())
    if not title and subject and document.metadata.askers:
        title = f"{_askers_phrase(document)} over {subject}"
    elif not title:
        title = subject
    return (title[:1].upper() + title[1:])[:300]


def _askers_phrase(document: Document) -> str:
    names = [f"{a.name} ({a.party})" if a.party else a.name for a in document.metadata.askers]
    if len(names) == 1:
        return f"Vragen van het lid {names[0]}"
    return f"Vragen van de leden {', '.join(names[:-1])} en {names[-1]}"


def _warn(document: Document, head: str) -> None:
    if not document.questions and _POSTPONED.search(head):
        document.warnings.append("postponement notice (Mededeling uitstel): no answers yet")
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
