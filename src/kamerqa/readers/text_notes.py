"""Footnotes in plain text: Tika/POI bodies and markers, typed markers, trailing note lists.

- Apache POI/Tika: ``[footnoteRef:N]`` / ``[endnoteRef:N]`` inline, the body as ``[N:  text]``
  after the paragraph (same line or a following line, possibly over several lines).
- Typed markers ``[N]``, ``^N``, superscript digits (``¹²``) and digits glued to a word
  ("weerbaarheid2") whose note appears in a note list at the end of the text (after a rule, a
  "Voetnoten" heading, or simply a run of ``[N] text`` lines).
"""

from __future__ import annotations

import re

from kamerqa.readers.blocks import Note

__all__ = [
    "SENTINELS",
    "SENTINEL_BASE",
    "MarkerScanner",
    "place_notes",
    "sentinel",
    "split_note_list",
    "take_page_notes",
    "take_tika_bodies",
    "tika_markers",
]

SENTINEL_BASE = 0xE000
PAGE_BREAK = "\ue100"  # the line standing for a page break (see text_pages)
SENTINELS = 256
_TIKA_REF = re.compile(r"\[(?:footnote|endnote)Ref:\s*(\d+)\]")
_TIKA_BODY_START = re.compile(r"\[(\d{1,4}):\s")
_MAX_BODY = 5000
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_NOTE_LIST_HEAD = re.compile(
    r"^\s*(_{3,}|-{3,}|\*{3,}|(voetnoten|noten|eindnoten|bronnen|bronvermelding)\s*:?)\s*$", re.I
)
_NOTE_LINE = re.compile(
    r"^\s*(?:\[(\d{1,3})\]|\^(\d{1,3})|(\d{1,3})[.)]?|([⁰¹²³⁴⁵⁶⁷⁸⁹]+))\s+(\S.*)$"
)
_TYPED_NOTE_LINE = re.compile(r"^\s*(?:\[(\d{1,3})\]|\^(\d{1,3})|([⁰¹²³⁴⁵⁶⁷⁸⁹]+))\s*(\S.*)$")
_BRACKET_REF = re.compile(r"\s?\[(\d{1,3})\](?=[\s.,;:)!?’”'\"-]|$)")
_CARET_REF = re.compile(r"\^(\d{1,3})(?!\d)")
_SUPERSCRIPT_REF = re.compile(r"(?<=\S)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_GLUED_REF = re.compile(
    r"(?<=[a-zà-ÿ]{3})(\d{1,2})(?=[\s.,;:)!?]|$)|(?<=[a-zà-ÿ]{2}[.,;:)?!”’»])(\d{1,2})(?=\s|$)"
    # after a year ending a sentence: "… van de Comptabiliteitswet 2016.3"
    r"|(?<=\b(?:19|20)\d\d[.)])(\d{1,2})(?=\s|$)"
    # glued to the year itself: "In mijn brief van 7 november 20231 heb ik …"
    r"|(?<=\b(?:19|20)\d\d)(\d{1,2})(?=[\s.,;:)]|$)"
    # after an abbreviation or a closing bracket or quote and a sentence end: "NOS?1", "(KOZP)?1"
    r"|(?<=[A-Z]{2}[.,;:)?!”’»])(\d{1,2})(?=\s|$)|(?<=\w[)”’»][.,;:?!])(\d{1,2})(?=\s|$)"
)


def _body_end(text: str, start: int) -> int:
    """Index of the bracket closing the body that opens at ``start`` (-1 when unbalanced)."""
    depth = 0
    for index in range(start, min(len(text), start + _MAX_BODY)):
        char = text[index]
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return index
    return -1


def take_tika_bodies(text: str) -> tuple[str, dict[str, str]]:
    """Remove every ``[N:  body]`` whose marker occurs in the text (or that starts a line)."""
    referenced = set(_TIKA_REF.findall(text))
    bodies: dict[str, str] = {}
    out: list[str] = []
    position = 0
    for match in _TIKA_BODY_START.finditer(text):
        if match.start() < position:
            continue
        number = match.group(1)
        line_start = match.start() == 0 or text[match.start() - 1] == "\n"
        if number not in referenced and not (line_start and referenced):
            continue
        end = _body_end(text, match.start())
        if end < 0:
            continue
        out.append(text[position : match.start()])
        bodies[number] = " ".join(text[match.end() : end].split())
        position = end + 1
    out.append(text[position:])
    return "".join(out), bodies


def sentinel(index: int) -> str:
    """A private-use character standing where the index-th marker of a line sat."""
    return chr(SENTINEL_BASE + index) if index < SENTINELS else ""


def tika_markers(line: str, bodies: dict[str, str]) -> tuple[str, list[Note]]:
    """Replace ``[footnoteRef:N]`` markers in one paragraph by sentinels; notes with bodies."""
    notes: list[Note] = []

    def take(match: re.Match[str]) -> str:
        notes.append(Note(match.group(1), bodies.get(match.group(1), "")))
        return sentinel(len(notes) - 1)

    return _TIKA_REF.sub(take, line), notes


def _parse_note_lines(lines: list[str], pattern: re.Pattern[str]) -> dict[str, str] | None:
    notes: dict[str, str] = {}
    last = ""
    for raw in lines:
        match = pattern.match(raw)
        if match:
            groups = match.groups()
            number = next(g for g in groups[:-1] if g).translate(_SUPERSCRIPT)
            notes[number] = groups[-1].strip()
            last = number
        elif raw.strip() and last:
            notes[last] += " " + raw.strip()
        elif raw.strip():
            return None
    return notes or None


def split_note_list(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """Find a trailing note list (after a rule/"Voetnoten", or a run of "[N] text" lines)."""
    for index in range(len(lines) - 1, max(-1, len(lines) - 400), -1):
        if _NOTE_LIST_HEAD.match(lines[index]):
            notes = _parse_note_lines(lines[index + 1 :], _NOTE_LINE)
            if notes:
                return lines[:index], notes
            break
    start = len(lines)
    while start > 0 and (not lines[start - 1].strip() or _TYPED_NOTE_LINE.match(lines[start - 1])):
        start -= 1
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start < len(lines):
        notes = _parse_note_lines(lines[start:], _TYPED_NOTE_LINE)
        if notes and "1" in notes:
            return lines[:start], notes
    return lines, {}


_PAGE_NOTE = re.compile(r"^\s*(\d{1,2})\s+(\S.*)$")


def take_page_notes(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """Notes printed at the bottom of each page of a layout export ("1 Kamerstuk …"): a line
    starting with the next note number, once a marker glued to a word ("Rusland.1") with that
    number was seen; a long (wrapped) note line takes the next line along, unless the page ends
    there (a :data:`PAGE_BREAK` line)."""
    lengths = sorted(len(line.rstrip()) for line in lines if len(line.strip()) > 1)
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    kept: list[str] = []
    notes: dict[str, str] = {}
    seen: set[str] = set()
    index = 0
    while index < len(lines):
        line = lines[index]
        found = _PAGE_NOTE.match(line)
        expected = str(len(notes) + 1)
        # a capital or a web address, not "1 januari 2027"
        capital = found is not None and (
            found.group(2)[:1].isupper() or found.group(2).startswith(("http", "www."))
        )
        if found is not None and capital and found.group(1) == expected and expected in seen:
            body = found.group(2).strip()
            following = lines[index + 1].strip() if index + 1 < len(lines) else ""
            ends = body.endswith((".", ")", "”", "’", "!", "?"))
            wrapped = (len(line.rstrip()) >= 0.8 * width or not ends) and following
            if wrapped and not _PAGE_NOTE.match(following) and following != PAGE_BREAK:
                body, index = f"{body} {following}", index + 1
            notes[expected] = body
        else:
            kept.append(line)
            seen.update(n for m in _GLUED_REF.finditer(line) for n in m.groups() if n)
        index += 1
    return (kept, notes) if notes else (lines, {})


class MarkerScanner:
    """Removes typed markers whose note is known; glued digits only in note order."""

    def __init__(self, notes: dict[str, str]) -> None:
        self.notes = notes
        self.used: set[str] = set()

    def _expected(self) -> str:
        numbers = sorted(int(n) for n in self.notes if n.isdigit() and n not in self.used)
        return str(numbers[0]) if numbers else ""

    def scan(self, line: str, before: int = 0) -> tuple[str, list[Note]]:
        """Replace known markers by sentinels (numbered on after ``before`` earlier ones)."""
        if not self.notes:
            return line, []
        found: list[Note] = []

        def take(match: re.Match[str]) -> str:
            number = match.group(1).translate(_SUPERSCRIPT)
            if number in self.notes and number not in self.used:
                self.used.add(number)
                found.append(Note(number, self.notes[number]))
                return sentinel(before + len(found) - 1)
            return match.group(0)

        def take_glued(match: re.Match[str]) -> str:
            number = next(group for group in match.groups() if group)
            if number == self._expected():
                self.used.add(number)
                found.append(Note(number, self.notes[number]))
                return sentinel(before + len(found) - 1)
            return match.group(0)

        for pattern in (_BRACKET_REF, _CARET_REF, _SUPERSCRIPT_REF):
            line = pattern.sub(take, line)
        line = _GLUED_REF.sub(take_glued, line)
        return line, found


def place_notes(line: str, notes: list[Note]) -> tuple[str, list[Note]]:
    """Remove the sentinels from a paragraph; each note gets the offset its marker had.

    White space is normalised; a space left before a marker at a word end is dropped
    ("verdediging [1]." -> "verdediging.").
    """
    line = " ".join(line.split())
    out: list[str] = []
    offsets: dict[int, int] = {}
    for index, char in enumerate(line):
        code = ord(char) - SENTINEL_BASE
        if 0 <= code < SENTINELS:
            following = line[index + 1 : index + 2]
            if out and out[-1] == " " and (not following or following in " .,;:!?)"):
                out.pop()
            offsets[code] = len(out)
            continue
        out.append(char)
    lead = len(out) - len("".join(out).lstrip())
    text = "".join(out).strip()
    placed = []
    for code, note in enumerate(notes):
        offset = offsets.get(code)
        if offset is not None:
            offset = min(max(0, offset - lead), len(text))
        placed.append(Note(note.id, note.text, offset))
    return text, placed
