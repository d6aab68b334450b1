"""Helpers shared by the HTML and KOOP XML readers: limits, safe XML parsing, text clean-up,
question numbers stated in headings, and KOOP identifiers built from structured facts."""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

from kamerqa.errors import KamerqaInputError
from kamerqa.readers.blocks import Block, BlockRole, Note
from kamerqa.readers.docx_notes import NoteMarks

# Real KOOP pages are a few MB at most (a budget list with 700 questions is ~3 MB of XML).
MAX_MARKUP_BYTES = 16 * 1024 * 1024
# Beyond this many blocks a document is not a Q&A document but a stress test.
MAX_BLOCKS = 100_000

_SPACES = re.compile(r"[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_HEADING_WORD = re.compile(
    r"^\s*(?P<word>vragen|vraag|antwoorden|antwoord)\b\s*"
    r"(?:(?:op|bij|van)\s+(?:de\s+)?(?:vragen|vraag)\s*)?(?P<rest>.*)$",
    re.I | re.S,
)
_NUMBER_TOKEN = re.compile(r"(\d{1,4}[a-z]?)(?:\s*(?:t/m|tot en met|-|–)\s*(\d{1,4}))?", re.I)
_NUMBER_LIST = re.compile(
    r"^[\s(]*\d{1,4}[a-z]?(?:\s*(?:,|en|t/m|tot en met|-|–|&)\s*\d{1,4}[a-z]?)*[\s.:)]*$", re.I
)


_MARKS = re.compile("[\U000f0000-\U000ffffd]")


def without_marks(text: str) -> str:
    """Text with the private-use note marks of ``NoteMarks`` taken out."""
    return _MARKS.sub("", text)


def place_notes(block: Block, marks: NoteMarks, notes: list[Note]) -> None:
    """Take the note marks out of ``block.text`` (already white-space normalised) and put each
    note in ``block.notes`` with the offset its mark had, once per note; a note in ``notes``
    whose mark is not in the text is kept without an offset."""
    marks.settle(block)
    placed: dict[tuple[str, str], Note] = {}
    for note in [*block.notes, *notes]:
        placed.setdefault((note.id, note.text), note)
    block.notes = list(placed.values())


def clean(text: str) -> str:
    """One line of text: invisible characters gone, all white space runs one space, NFC."""
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", _SPACES.sub(" ", text)).strip()


def check_size(data: bytes, what: str) -> None:
    if len(data) > MAX_MARKUP_BYTES:
        raise KamerqaInputError(
            f"the {what} file is larger than {MAX_MARKUP_BYTES // 2**20} MB; "
            "no real parliamentary document is that large"
        )


def check_block_count(count: int) -> None:
    if count > MAX_BLOCKS:
        raise KamerqaInputError(f"more than {MAX_BLOCKS} paragraphs; not a Q&A document")


def number_list(text: str) -> list[str]:
    """Numbers in a bare number list: "3, 4 en 5" -> ["3","4","5"], "3 t/m 5", "7a"."""
    if not _NUMBER_LIST.match(text):
        return []
    numbers: list[str] = []
    for match in _NUMBER_TOKEN.finditer(text):
        first, last = match.group(1), match.group(2)
        if last and first.isdigit() and 0 <= int(last) - int(first) <= 50:
            numbers.extend(str(n) for n in range(int(first), int(last) + 1))
        else:
            numbers.append(first)
    return list(dict.fromkeys(numbers))


def heading_numbers(text: str) -> tuple[str, list[str]] | None:
    """("vraag"|"antwoord", numbers) for a short heading such as "Vraag 2", "Vragen 3 en 4",
    "Antwoord op vraag 3 t/m 5", "Antwoord" or a bare "2"; None for anything else."""
    text = clean(text)
    if len(text) > 80:
        return None
    match = _HEADING_WORD.match(text)
    if match is None:
        numbers = number_list(text)
        return ("", numbers) if numbers else None
    rest = match.group("rest").strip()
    numbers = number_list(rest) if rest else []
    if rest and not numbers:
        return None
    word = match.group("word").lower()
    return ("vraag" if word.startswith("vra") else "antwoord", numbers)


def safe_xml_root(data: bytes) -> etree._Element:
    """Parse XML without DTDs, network or entity expansion; hostile input -> one clear error."""
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        tree = etree.fromstring(data, parser).getroottree()
    except etree.XMLSyntaxError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "syntax error"
        raise KamerqaInputError(f"not well-formed XML ({first[:120]})") from None
    except (ValueError, MemoryError) as exc:
        raise KamerqaInputError(f"unreadable XML ({str(exc)[:120]})") from None
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise KamerqaInputError("XML that declares entities is refused (possible entity attack)")
    if any(True for _ in tree.iter(etree.Entity)):
        raise KamerqaInputError("XML with undeclared entity references is refused")
    root = tree.getroot()
    for element in root.iter(etree.Element):
        tag = element.tag
        if "}" in tag or not tag.islower():
            element.tag = tag.rsplit("}", 1)[-1].lower()
    return root


def local_name(element: etree._Element) -> str:
    """Tag of an element from ``safe_xml_root`` (already without namespace, lower-case);
    "" for comments and processing instructions."""
    tag = element.tag
    return tag if isinstance(tag, str) else ""


def dossier_id(dossier: str) -> str:
    """KOOP dossier form: "36 600 VII" / "36600-VII" -> "36600-VII", "21 501-20" -> "21501-20"."""
    text = clean(dossier).replace("\u2009", " ")
    match = re.match(r"^(\d+(?:[ .]\d{3})*)\s*(?:-\s*)?(.*)$", text)
    if not match:
        return text.replace(" ", "-")
    digits = re.sub(r"\D", "", match.group(1))
    rest = "-".join(match.group(2).replace("-", " ").split())
    return f"{digits}-{rest}" if rest else digits


def vergaderjaar_digits(text: str) -> str:
    """ "Vergaderjaar 2024–2025" / "2024-2025" / "20242025" -> "20242025"; "" when absent."""
    match = re.search(r"(\d{4})\s*[-–/]?\s*(\d{2,4})", text)
    if not match:
        return ""
    first, second = match.group(1), match.group(2)
    if len(second) == 2:
        second = first[:2] + second
    return first + second


def stated_structure(role: BlockRole, number: str) -> tuple[BlockRole, str]:
    """Role and number as put on a block.

    ``Block.number`` holds one question number. A joint heading ("Antwoord 3 en 4") keeps its
    numbers as ``"3, 4"`` but no role, so parsers read the numbers from the heading text; the
    blocks under it keep their role without a number.
    """
    if "," not in number:
        return role, number
    if role in ("question_heading", "answer_heading"):
        return "", number
    return role, ""
