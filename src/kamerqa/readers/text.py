"""Plain-text reader: Word/Tika text exports and hand-written text files.

Decodes (UTF-8 with or without BOM, UTF-16 with BOM, CP1252 fallback), normalises white space
(CRLF, non-breaking and thin spaces, soft hyphens, tabs) and takes footnotes out of the text:
Apache POI/Tika style (``[footnoteRef:N]`` inline, ``[N:  body]`` after the paragraph,
``[endnoteRef:N]``), ``[N]`` / ``^N`` markers with a note list, and a trailing note list under
a rule or a "Voetnoten" heading. Each paragraph line becomes one block.
"""

from __future__ import annotations

import re
import unicodedata

from kamerqa.errors import KamerqaInputError
from kamerqa.readers.blocks import Block, Note, ReadResult

_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v]")
_INVISIBLE = re.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_TIKA_REF = re.compile(r"\[(?:footnote|endnote)Ref:\s*(\d+)\]")
_TIKA_BODY = re.compile(r"\[(\d+):\s(.*?)\](?=\s*(?:\[\d+:\s|$))", re.S)
_BRACKET_REF = re.compile(r"(?<=\S)\[(\d{1,3})\]|\s\[(\d{1,3})\](?=[\s.,;:)]|$)")
_CARET_REF = re.compile(r"\^(\d{1,3})\b")
_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPERSCRIPT_REF = re.compile(r"(?<=\S)([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_NOTE_LIST_HEAD = re.compile(
    r"^\s*(_{3,}|-{3,}|(voetnoten|noten|eindnoten|bronnen)\s*:?)\s*$", re.I
)
_NOTE_LINE = re.compile(
    r"^\s*(?:\[(\d{1,3})\]|\^(\d{1,3})|(\d{1,3})[.)]?|([⁰¹²³⁴⁵⁶⁷⁸⁹]+))\s+(\S.*)$"
)


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
    control = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if control > max(8, len(text[:65536]) // 100):
        raise KamerqaInputError("binary data, not text (too many control characters)")
    return text


def normalise(text: str) -> str:
    """Line endings to \\n, odd spaces to plain spaces, invisible characters removed, NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def _tika_notes(line: str) -> tuple[str, list[Note]]:
    """Take ``[N:  body]`` bodies and ``[footnoteRef:N]`` markers out of one line."""
    bodies: dict[str, str] = {}

    def keep_body(match: re.Match[str]) -> str:
        bodies[match.group(1)] = " ".join(match.group(2).split())
        return " "

    refs = _TIKA_REF.findall(line)
    if refs or _TIKA_BODY.fullmatch(line.strip()):
        line = _TIKA_BODY.sub(keep_body, line)
    line = _TIKA_REF.sub("", line)
    notes = [Note(n, bodies.pop(n, "")) for n in refs]
    notes += [Note(n, body) for n, body in bodies.items()]
    return " ".join(line.split()), notes


def _split_note_list(lines: list[str]) -> tuple[list[str], dict[str, str]]:
    """Find a trailing note list (after a rule or a 'Voetnoten' line) and parse it."""
    for index in range(len(lines) - 1, max(-1, len(lines) - 400), -1):
        if _NOTE_LIST_HEAD.match(lines[index]):
            notes: dict[str, str] = {}
            last = ""
            for raw in lines[index + 1 :]:
                match = _NOTE_LINE.match(raw)
                if match:
                    number = next(g for g in match.groups()[:4] if g).translate(_SUPERSCRIPT)
                    notes[number] = match.group(5).strip()
                    last = number
                elif raw.strip() and last:
                    notes[last] += " " + raw.strip()
                elif raw.strip():
                    return lines, {}
            if notes:
                return lines[:index], notes
            return lines, {}
    return lines, {}


def _typed_markers(line: str, known: dict[str, str]) -> tuple[str, list[Note]]:
    """Remove ``[N]``, ``^N`` and superscript markers whose note is in ``known``."""
    found: list[Note] = []

    def take(match: re.Match[str]) -> str:
        number = next(g for g in match.groups() if g).translate(_SUPERSCRIPT)
        if number in known:
            found.append(Note(number, known[number]))
            return ""
        return match.group(0)

    for pattern in (_BRACKET_REF, _CARET_REF, _SUPERSCRIPT_REF):
        line = pattern.sub(take, line)
    return " ".join(line.split()), found


def read_text(text: str) -> ReadResult:
    """Blocks from already-decoded text."""
    lines = normalise(text).split("\n")
    lines, note_list = _split_note_list(lines)
    result = ReadResult(format="text")
    for raw in lines:
        line, notes = _tika_notes(raw)
        if note_list:
            line, typed = _typed_markers(line, note_list)
            notes += typed
        if not line:
            if notes and result.blocks:
                result.blocks[-1].notes.extend(notes)
            continue
        result.blocks.append(Block(text=line, notes=notes))
    placed = {n.id for b in result.blocks for n in b.notes}
    result.unplaced_notes = [Note(k, v) for k, v in note_list.items() if k not in placed]
    return result


def read(data: bytes) -> ReadResult:
    """Reader entry point: bytes of a text file to blocks."""
    result = read_text(decode(data))
    if not result.blocks:
        raise KamerqaInputError("the file has no text")
    return result
