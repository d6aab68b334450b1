"""Party names and askers: canonical spellings and "het lid Van Dijk (SGP)" phrases."""

from __future__ import annotations

import re

from kamerqa.model import Person

__all__ = ["KNOWN_PARTIES", "normalise_party", "parse_askers", "party_from_fractie"]

KNOWN_PARTIES: tuple[str, ...] = (
    "VVD",
    "PVV",
    "CDA",
    "D66",
    "GroenLinks-PvdA",
    "GroenLinks",
    "PvdA",
    "SP",
    "PvdD",
    "ChristenUnie",
    "SGP",
    "DENK",
    "FvD",
    "JA21",
    "Volt",
    "BBB",
    "NSC",
    "BVNL",
    "50PLUS",
    "BIJ1",
    "Groep Markuszower",
)
# Other spellings seen in print, lower-cased, mapped to the canonical name.
_ALIASES: dict[str, str] = {
    "gl-pvda": "GroenLinks-PvdA",
    "gl/pvda": "GroenLinks-PvdA",
    "groenlinks/pvda": "GroenLinks-PvdA",
    "groenlinks–pvda": "GroenLinks-PvdA",
    "groenlinks - pvda": "GroenLinks-PvdA",
    "gl": "GroenLinks",
    "partij van de arbeid": "PvdA",
    "partij voor de dieren": "PvdD",
    "pvdd": "PvdD",
    "cu": "ChristenUnie",
    "christen unie": "ChristenUnie",
    "forum voor democratie": "FvD",
    "fvd": "FvD",
    "nieuw sociaal contract": "NSC",
    "boerburgerbeweging": "BBB",
    "boer burger beweging": "BBB",
    "democraten 66": "D66",
    "bij1": "BIJ1",
    "50plus": "50PLUS",
    "socialistische partij": "SP",
    "partij voor de vrijheid": "PVV",
    "volkspartij voor vrijheid en democratie": "VVD",
    "staatkundig gereformeerde partij": "SGP",
}
_CANONICAL = {name.lower(): name for name in KNOWN_PARTIES}
_PARTY_WORDS = r"[A-Za-zÀ-ÿ0-9][\w&'’/+.-]*(?:[ -](?:[A-Z0-9][\w&'’/+.-]*))*"
_FRACTIE = re.compile(
    rf"\b(?:de\s+)?(?:leden\s+van\s+de\s+|lid\s+van\s+de\s+)?(?P<party>{_PARTY_WORDS})-?\s*"
    r"fractie\b",
)
_FRACTIE_VAN = re.compile(
    r"\bfracties?\s+van\s+(?:de\s+|het\s+)?(?P<party>[A-Z0-9][\w&'’/+-]*(?:-[A-Z][\w-]*)?)"
)
_LONG_NAME_FRACTIE = re.compile(
    "(" + "|".join(re.escape(a) for a in _ALIASES if " " in a) + r")\s*-?\s*fractie", re.I
)
_GROUP_WORDS = re.compile(r"^(?:beiden|beide|allen|alle|allebei)\s+", re.I)
_ASKERS_START = re.compile(r"\b(?:het\s+(?:kamer)?lid|de\s+(?:kamer)?leden)\s+", re.I)
_ASKERS_END = re.compile(
    r"\s+(?:aan|over|inzake|betreffende|van\s+de\s+(?:minister|staatssecretaris))\b|[.;:\n]\s|$"
    r"|,?\s*\(?(?:ingezonden|ingediend|gesteld)\b",
)
_NAME_SPLIT = re.compile(r"\s*,\s*|\s+en\s+|\s+&\s+")


def normalise_party(name: str) -> str:
    """The canonical spelling of a party name; unknown names come back as printed (trimmed)."""
    cleaned = " ".join(name.replace("\u2011", "-").split()).strip(" .,;:()")
    key = cleaned.lower()
    if key in _CANONICAL:
        return _CANONICAL[key]
    if key in _ALIASES:
        return _ALIASES[key]
    squeezed = re.sub(r"\s*[-–—]\s*", "-", key)
    return _CANONICAL.get(squeezed) or _ALIASES.get(squeezed) or cleaned


def party_from_fractie(text: str) -> str | None:
    """The party of the first "…-fractie" phrase ("de leden van de VVD-fractie" -> "VVD").

    Also "de fractie van de SP" and "de leden van de fractie van GroenLinks-PvdA".
    """
    long_name = _LONG_NAME_FRACTIE.search(text)
    if long_name is not None:
        return normalise_party(long_name.group(1))
    dash = _first_dash_fractie(text)
    van = _FRACTIE_VAN.search(text)
    if van is not None and (dash is None or van.start() < dash[0]):
        return normalise_party(van.group("party"))
    return dash[1] if dash else None


def _first_dash_fractie(text: str) -> tuple[int, str] | None:
    for match in _FRACTIE.finditer(text):
        party = match.group("party")
        words = party.split()
        # keep the trailing words that look like a party ("van de GroenLinks-PvdA")
        while len(words) > 1 and words[0][:1].islower():
            words.pop(0)
        candidate = " ".join(words).rstrip("-")
        spaced = not match.group(0).rstrip("fractie").rstrip().endswith("-")
        party = normalise_party(candidate)
        if candidate and not candidate[:1].islower() and (not spaced or party in KNOWN_PARTIES):
            return match.start(), party
    return None


def _askers_segment(text: str) -> str | None:
    start = _ASKERS_START.search(text)
    if start is None:
        return None
    rest = text[start.end() :]
    depth = 0
    for index, char in enumerate(rest):
        depth += (char == "(") - (char == ")")
        if depth == 0 and _ASKERS_END.match(rest, index):
            return rest[:index]
    return rest


def _names(chunk: str) -> list[str]:
    names = [n.strip(" ,.;") for n in _NAME_SPLIT.split(chunk)]
    return [n for n in names if n and (n[0].isupper() or n[:3] in ("van", "de ", "den", "ter"))]


def parse_askers(text: str) -> list[Person]:
    """People and parties in "het lid X (P)" / "de leden X (P) en Y (Q)" / "(beiden P)"."""
    segment = _askers_segment(text)
    if not segment:
        return []
    people: list[Person] = []
    pending: list[str] = []
    for piece in re.split(r"(\([^()]*\))", segment):
        if piece.startswith("(") and piece.endswith(")"):
            label = piece[1:-1].strip()
            group = _GROUP_WORDS.match(label)
            party = normalise_party(label[group.end() :] if group else label)
            shared = len(pending) if group else 1
            people.extend(Person(name=p) for p in pending[: len(pending) - shared])
            people.extend(Person(name=p, party=party or None) for p in pending[-shared:])
            pending = []
        else:
            pending.extend(_names(piece))
    people.extend(Person(name=p) for p in pending)
    return [p for p in people if p.name]
