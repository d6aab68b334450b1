"""Genre detection over reader blocks.

First the title signals near the top of the document (the earliest one wins, so a question that
merely mentions "een nota naar aanleiding van het verslag" does not change a Kamervragen answer
into a nota), then weaker signals in the first pages, then the structure of the whole text.
"""

from __future__ import annotations

import re

from kamerqa.parse.parties import party_from_fractie
from kamerqa.readers.blocks import ReadResult

__all__ = ["detect_genre"]

_HEAD_BLOCKS = 15
_BODY_BLOCKS = 60
_TITLE_SIGNALS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "nota_naar_aanleiding_van_verslag",
        re.compile(
            r"\bnota\s+naar\s+aanleiding\s+van\s+het\s+(?:nader\s+)?verslag\b"
            r"|^\s*(?:nr\.\s*\w+\s+)?memorie\s+van\s+antwoord\b",
            re.I,
        ),
    ),
    (
        "lijst_van_vragen",
        re.compile(
            r"\blijst\s+van\s+(?:vragen\s+en\s+antwoorden|feitelijke\s+vragen)\b"
            r"|\bfeitelijke\s+vragen\b",
            re.I,
        ),
    ),
    (
        "schriftelijk_overleg",
        re.compile(
            r"\bverslag\s+van\s+een\s+schriftelijk\s+overleg\b|\binbreng\s+van\s+de\s+"
            r"(?:vaste|algemene)\s+commissie\b|\bschriftelijk\s+overleg\s+over\b",
            re.I,
        ),
    ),
    (
        "kamervragen",
        re.compile(
            r"\bvragen\s+van\s+(?:het\s+(?:kamer)?lid|de\s+(?:kamer)?leden)\b[^\n]{0,300}"
            r"\((?:ingezonden|ingediend)\b|\bkamervragen\b|\bschriftelijke\s+vragen\b"
            r"|\baanhangsel\s+(?:van\s+de\s+)?handelingen\b|\bmededeling\b.{0,80}\buitstel\b",
            re.I,
        ),
    ),
)
_SO_BODY = re.compile(
    r"schriftelijk overleg|vragen en opmerkingen van de leden van de|inbreng van de", re.I
)
_KV_BODY = re.compile(
    r"\bvragen van (het lid|de leden)\b|\bantwoord(en)? op vra(ag|gen) \d|\bingezonden\b", re.I
)
_LIJST_BODY = re.compile(r"vragen en antwoorden vastgesteld|\bantwoord op vraag \d+\s*:", re.I)
_VRAAG = re.compile(r"^\s*(vraag|vragen)\s+\d", re.I)
_PROSE_FACTION = re.compile(r"^\s*de\s+leden\s+van\s+de\s+", re.I)


def _earliest_title_signal(read: ReadResult) -> str | None:
    best: tuple[int, int, str] | None = None
    for index, block in enumerate(read.blocks[:_HEAD_BLOCKS]):
        for genre, pattern in _TITLE_SIGNALS:
            match = pattern.search(block.text)
            if match and (best is None or (index, match.start()) < best[:2]):
                best = (index, match.start(), genre)
        if best is not None:
            return best[2]
    return None


def _structure(read: ReadResult) -> str:
    blocks = read.blocks
    if any(_VRAAG.match(b.text) for b in blocks):
        return "kamervragen"
    factions = sum(
        1 for b in blocks if _PROSE_FACTION.match(b.text) and party_from_fractie(b.text[:120])
    )
    if factions >= 2:
        return "nota_naar_aanleiding_van_verslag"
    return "unknown"


def detect_genre(read: ReadResult) -> str:
    """Name the genre of a document: one of kamerqa.model.GENRES."""
    titled = _earliest_title_signal(read)
    if titled is not None:
        return titled
    head = " ".join(b.text for b in read.blocks[:_BODY_BLOCKS])
    if _LIJST_BODY.search(head):
        return "lijst_van_vragen"
    if _SO_BODY.search(head):
        return "schriftelijk_overleg"
    if _KV_BODY.search(head):
        return "kamervragen"
    return _structure(read)
