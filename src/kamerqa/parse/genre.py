"""Genre detection over reader blocks."""

from __future__ import annotations

import re

from kamerqa.readers.blocks import ReadResult

_SO = re.compile(
    r"schriftelijk overleg|vragen en opmerkingen van de leden van de|inbreng van de", re.I
)
_KV = re.compile(
    r"\bvragen van (het lid|de leden)\b|\bantwoord(en)? op vra(ag|gen) \d|kamervragen|"
    r"aanhangsel|\bingezonden\b",
    re.I,
)
_LIJST = re.compile(r"lijst van vragen en antwoorden|vragen en antwoorden vastgesteld", re.I)
_NOTA = re.compile(r"nota naar aanleiding van het verslag", re.I)
_VRAAG = re.compile(r"^\s*(vraag|vragen)\s+\d", re.I)


def detect_genre(read: ReadResult) -> str:
    """Name the genre of a document from its opening text and its question headings."""
    head = " ".join(b.text for b in read.blocks[:60])
    if _NOTA.search(head):
        return "nota_naar_aanleiding_van_verslag"
    if _LIJST.search(head):
        return "lijst_van_vragen"
    if _SO.search(head):
        return "schriftelijk_overleg"
    if _KV.search(head) or any(_VRAAG.match(b.text) for b in read.blocks):
        return "kamervragen"
    return "unknown"
