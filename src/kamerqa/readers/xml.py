"""KOOP publication XML reader (officielebekendmakingen ``{id}.xml``).

Reads ``officiele-publicatie`` with a ``kamervragen`` (Aanhangsel: ``vraag``/``antwoord`` with
``nr``, ``al``, ``lijst``, CALS ``table``, ``noot``/``nootref``) or a ``kamerstuk`` (``stuk``
with ``algemeen/vrije-tekst/tekst``: ``al``, ``tussenkop``, ``lijst``, ``table``, inline
``noot``). The markup is used as structure: ``vraag``/``antwoord`` blocks carry ``Block.role``
and ``Block.number``, a heading block "Vraag N"/"Antwoord N" is emitted for text-based parsers,
footnotes leave the text and go into ``Block.notes``, and the facts of the publication (KOOP id,
askers, dates, dossier, ondernummer, vergaderjaar, aanhangsel) go into ``ReadResult.metadata``.

Parsing is safe: no DTD loading, no network, no entity expansion, no huge trees; documents
that declare entities are refused with one ``KamerqaInputError``.
"""

from __future__ import annotations

from lxml import etree

from kamerqa.errors import KamerqaInputError
from kamerqa.readers.blocks import Block, BlockKind, BlockRole, Note, ReadResult
from kamerqa.readers.docx_notes import NoteMarks
from kamerqa.readers.xml_common import (
    check_block_count,
    check_size,
    clean,
    heading_numbers,
    local_name,
    place_notes,
    safe_xml_root,
    stated_structure,
    without_marks,
)
from kamerqa.readers.xml_facts import kamerstuk_facts, kamervragen_facts
from kamerqa.readers.xml_metadata import metadata_from_elements, read_metadata_xml

__all__ = ["read", "read_metadata_xml"]

_SKIP = {"metadata", "meta", "kamervraagnummer", "colspec", "nr", "li.nr", "noot.nr"}
_PARAGRAPHS = {
    "al",
    "datumtekst",
    "kamervraagomschrijving",
    "kamervraagopmerking",
    "tekstregel",
    "dossiernummer",
    "stuknr",
    "functie",
    "naam",
    "plaats",
    "ondertekening.al",
}
_HEADINGS = {"titel": 1, "kop": 2, "tussenkop": 2, "subtitel": 3}
_QA_ROLES: dict[str, tuple[BlockRole, BlockRole]] = {
    "vraag": ("question_heading", "question"),
    "antwoord": ("answer_heading", "answer"),
}
_BOLD = {"vet"}


class _Walker:
    """Turns the element tree into blocks, tracking the question/answer the walk is inside."""

    def __init__(self, root: etree._Element) -> None:
        self.blocks: list[Block] = []
        self.notes_by_id: dict[str, Note] = {}
        self.used_notes: set[str] = set()
        self.role: BlockRole = ""
        self.number = ""
        self.last_question = ""
        self.marks = NoteMarks()  # a note stands in the text as a mark until its block is made
        for noot in root.iter("noot"):
            note = self._note(noot)
            self.notes_by_id[noot.get("id") or f"#{len(self.notes_by_id)}"] = note

    # ---- inline text -------------------------------------------------------------------
    def _note(self, noot: etree._Element) -> Note:
        number = ""
        parts: list[str] = []
        for child in noot:
            if local_name(child) == "noot.nr":
                number = clean("".join(child.itertext()))
            else:
                parts.append(self.inline(child, []))
        text = clean(without_marks(" ".join(parts))) or clean(noot.text or "")
        return Note(number or str(len(self.notes_by_id) + 1), text)

    def inline(self, element: etree._Element, notes: list[Note]) -> str:
        """Text of ``element`` with footnote markers and bodies moved into ``notes``."""
        parts = [element.text or ""]
        spaced = local_name(element) == "naam"
        for child in element:
            tag = local_name(child)
            if spaced:
                parts.append(" ")
            if tag == "noot":
                note = self.notes_by_id.get(child.get("id") or "") or self._note(child)
                notes.append(note)
                self.used_notes.add(child.get("id") or "")
                parts.append(self.marks.mark(note))
            elif tag == "nootref":
                referred = self.notes_by_id.get(child.get("refid") or "")
                if referred is not None:
                    notes.append(referred)
                    self.used_notes.add(child.get("refid") or "")
                    parts.append(self.marks.mark(referred))
            elif tag == "br":
                parts.append(" ")
            elif tag:
                parts.append(" " if tag in _PARAGRAPHS or tag == "lijst" else "")
                parts.append(self.inline(child, notes))
            parts.append(child.tail or "")
        return "".join(parts)

    # ---- emitting ------------------------------------------------------------------------
    def emit(
        self,
        text: str,
        notes: list[Note],
        kind: BlockKind = "paragraph",
        *,
        level: int = 0,
        bold: bool = False,
        rows: list[list[str]] | None = None,
    ) -> None:
        text = clean(text)
        if not clean(without_marks(text)):
            self.notes_at_end(notes)
            return
        block = Block(
            text=text,
            kind=kind,
            level=level,
            bold=bold,
            rows=rows or [],
            role=stated_structure(self.role, self.number)[0],
            number=stated_structure(self.role, self.number)[1],
        )
        place_notes(block, self.marks, notes)
        self.blocks.append(block)
        check_block_count(len(self.blocks))

    def notes_at_end(self, notes: list[Note]) -> None:
        """Notes whose marker sat in an empty element belong at the end of the last block."""
        if notes and self.blocks:
            previous = self.blocks[-1]
            end = None if previous.rows else len(previous.text)
            previous.notes.extend(Note(n.id, n.text, end) for n in notes)

    # ---- structure -------------------------------------------------------------------------
    def walk(self, element: etree._Element) -> None:
        tag = local_name(element)
        if not tag or tag in _SKIP:
            return
        if tag in _QA_ROLES:
            self.question_or_answer(element, tag)
        elif tag == "noot":
            return
        elif tag in _HEADINGS:
            self.heading(element, _HEADINGS[tag])
        elif tag in _PARAGRAPHS:
            self.paragraph(element)
        elif tag == "lijst":
            self.list_items(element)
        elif tag == "table":
            self.table(element)
        elif (element.text or "").strip() or any((c.tail or "").strip() for c in element):
            self.paragraph(element)
        else:
            for child in element:
                self.walk(child)

    def paragraph(self, element: etree._Element) -> None:
        notes: list[Note] = []
        text = self.inline(element, notes)
        self.emit(text, notes, bold=_is_bold(element, text))

    def heading(self, element: etree._Element, level: int) -> None:
        notes: list[Note] = []
        depth = sum(1 for a in element.iterancestors() if local_name(a) == "divisie")
        if local_name(element) == "kop":
            text = " ".join(self.inline(child, notes) for child in element)
            level = min(6, max(level, depth + 1))
        else:
            text = self.inline(element, notes)
            level = min(6, max(level, depth + 2)) if local_name(element) == "tussenkop" else level
        self.emit(text, notes, "heading", level=level)

    def list_items(self, lijst: etree._Element) -> None:
        for item in lijst:
            if local_name(item) != "li":
                self.walk(item)
                continue
            label = clean("".join(c.text or "" for c in item if local_name(c) == "li.nr"))
            first = True
            if clean(item.text or ""):
                self.emit(f"{label} {item.text}", [], "list_item")
                first = False
            for child in item:
                if local_name(child) != "al":
                    self.walk(child)
                    continue
                notes: list[Note] = []
                text = self.inline(child, notes)
                self.emit(f"{label} {text}" if first and label else text, notes, "list_item")
                first = False

    def table(self, table: etree._Element) -> None:
        rows: list[list[str]] = []
        notes: list[Note] = []
        for title in (c for c in table if local_name(c) == "title"):
            self.paragraph(title)
        for row in table.iter("row"):
            cells = [
                clean(self.inline(entry, notes)) for entry in row if local_name(entry) == "entry"
            ]
            if any(cells):
                rows.append(cells)
                check_block_count(len(self.blocks) + len(rows))
        text = "\n".join(" | ".join(cell for cell in row) for row in rows)
        if rows:
            block = Block(
                text=text,
                kind="table",
                rows=rows,
                role=stated_structure(self.role, self.number)[0],
                number=stated_structure(self.role, self.number)[1],
            )
            place_notes(block, self.marks, notes)
            self.blocks.append(block)
        else:
            self.notes_at_end(notes)

    def question_or_answer(self, element: etree._Element, tag: str) -> None:
        heading_role, body_role = _QA_ROLES[tag]
        children = [c for c in element if local_name(c)]
        head = next((c for c in children if local_name(c) == "nr"), None)
        if head is None and children and local_name(children[0]) == "al":
            parsed = heading_numbers(clean("".join(children[0].itertext())))
            if parsed and parsed[0]:
                head = children[0]
        notes: list[Note] = []
        head_text = clean(self.inline(head, notes)) if head is not None else ""
        if not head_text:
            head_text = clean(element.get("nr") or "")  # the attribute form <vraag nr="2">
        parsed = heading_numbers(without_marks(head_text)) if head_text else None
        numbers = parsed[1] if parsed else []
        number = ", ".join(numbers)
        if tag == "vraag":
            self.last_question = number
        elif not number:
            number = self.last_question
        word = "Vraag" if tag == "vraag" else "Antwoord"
        if not head_text or (parsed and not parsed[0]):
            kept = "".join(c for c in head_text if not without_marks(c))  # the note marks
            head_text = f"{word} {number}".strip() + kept
        outer = (self.role, self.number)
        self.role, self.number = heading_role, number
        self.emit(head_text, notes, "heading", level=2)
        self.role = body_role
        for child in children:
            if child is not head:
                self.walk(child)
        self.role, self.number = outer


def _is_bold(element: etree._Element, text: str) -> bool:
    bold = "".join(
        "".join(e.itertext()) for e in element.iter("nadruk") if (e.get("type") or "") in _BOLD
    )
    return bool(clean(bold)) and clean(bold) == clean(without_marks(text))


def _body_root(root: etree._Element) -> etree._Element:
    return next(root.iter("kamervragen", "kamerstuk"), root)


def read(data: bytes) -> ReadResult:
    """Reader entry point: KOOP publication XML to blocks plus the facts its markup states."""
    check_size(data, "XML")
    root = safe_xml_root(data)
    name = local_name(root)
    if name in ("metadata_gegevens", "metadata", "gzd", "owms"):
        raise KamerqaInputError(
            "this is a KOOP metadata file, not a publication; read it with read_metadata_xml"
        )
    body = _body_root(root)
    walker = _Walker(root)
    walker.walk(body)
    if not walker.blocks:
        raise KamerqaInputError(f"the XML (root <{name}>) contains no text")
    result = ReadResult(format="xml", blocks=walker.blocks)
    kind = local_name(body)
    facts = kamervragen_facts(body) if kind == "kamervragen" else kamerstuk_facts(body)
    result.metadata.update(facts)
    for key, value in metadata_from_elements(root).items():
        result.metadata[f"meta:{key}"] = value
    identifier = result.metadata.get("meta:DC.identifier", "")
    if identifier:
        result.metadata["koop_id"] = identifier.split(";")[0].strip()
    result.unplaced_notes = [
        note for key, note in walker.notes_by_id.items() if key not in walker.used_notes
    ]
    if kind not in ("kamervragen", "kamerstuk"):
        result.warnings.append(f"unknown XML vocabulary (root <{name}>); read as plain text")
    return result
