"""Party names and askers: canonical spellings and "het lid Van Dijk (SGP)" phrases."""

from __future__ import annotations

import re

from kamerqa.model import Person

__all__ = [
    "KNOWN_PARTIES",
    "normalise_party",
    "parse_askers",
    "parties_from_fractie",
    "party_from_fractie",
    "split_parties",
]

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
# a party's full name anywhere ("de fractie van de Partij voor de Dieren")
_LONG_NAME = re.compile(
    r"\b(?:" + "|".join(re.escape(a) for a in _ALIASES if " " in a) + r")\b", re.I
)
# One party name in a joint phrase: "GroenLinks-PvdA", "D66", "ChristenUnie"
_PARTY_NAME = r"[A-Z0-9][\w&'’/+.]*(?:-[A-Z][\w&'’/+.]*)*"
# "de CDA- en ChristenUnie-fractie", "de VVD-, D66- en SGP-fractie"
_JOINT_DASH = re.compile(
    rf"(?P<items>(?:{_PARTY_NAME}-\s*,\s*)*{_PARTY_NAME}-\s+en\s+){_PARTY_NAME}-?\s*fracties?\b"
)
# "de fracties van GroenLinks-PvdA en SP", "de fracties van de VVD, het CDA en de SGP"
_ARTICLE = r"(?:(?:de|het)\s+)?"
_JOINT_VAN = re.compile(
    rf"\bfracties?\s+van\s+{_ARTICLE}{_PARTY_NAME}(?:\s*,\s*{_ARTICLE}{_PARTY_NAME})*"
    rf"\s+en\s+{_ARTICLE}{_PARTY_NAME}"
)
# "de leden van de NSC-fractie en de BBB-fractie"
_JOINT_TWO = re.compile(rf"{_PARTY_NAME}-fractie\s+en\s+{_ARTICLE}{_PARTY_NAME}-fractie\b")
JOINT_SEPARATOR = ", "
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


def split_parties(name: str) -> list[str]:
    """The parties of a joint party string ("CDA, ChristenUnie" -> ["CDA", "ChristenUnie"])."""
    return [part for part in name.split(JOINT_SEPARATOR) if part]


def party_from_fractie(text: str) -> str | None:
    """The party of the first "…-fractie" phrase ("de leden van de VVD-fractie" -> "VVD").

    Also "de fractie van de SP" and "de leden van de fractie van GroenLinks-PvdA". A joint
    phrase ("de fracties van GroenLinks-PvdA en SP", "de CDA- en ChristenUnie-fractie") gives
    the parties in printed order joined by ", " ("GroenLinks-PvdA, SP").
    """
    found = parties_from_fractie(text)
    return JOINT_SEPARATOR.join(found) if found else None


def parties_from_fractie(text: str) -> list[str]:
    """Every party of the first (possibly joint) fractie phrase, in printed order."""
    text = _LONG_NAME.sub(lambda m: normalise_party(m.group(0)), text)
    single = _single_party(text)
    if single is None:
        return []
    for pattern in (_JOINT_DASH, _JOINT_VAN, _JOINT_TWO):
        joint = pattern.search(text)
        if joint is None or joint.start() > single[0] + 40:
            continue
        names = re.findall(_PARTY_NAME, re.sub(r"^fracties?\s+van\s+", "", joint.group(0)))
        parties = [normalise_party(n) for n in names if n not in ("De", "Het")]
        parties = [p for p in dict.fromkeys(parties) if p]
        singular = joint.group(0).startswith("fractie ")
        if singular and not all(p in KNOWN_PARTIES for p in parties):
            continue  # "de fractie van de SP en Minister X": one party
        if len(parties) > 1 and single[1] in parties:
            return parties
    return [single[1]]


def _single_party(text: str) -> tuple[int, str] | None:
    long_name = _LONG_NAME_FRACTIE.search(text)
    if long_name is not None:
        return long_name.start(), normalise_party(long_name.group(1))
    dash = _first_dash_fractie(text)
    van = _FRACTIE_VAN.search(text)
    if van is not None and (dash is None or van.start() < dash[0]):
        return van.start(), normalise_party(van.group("party"))
    return dash


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
    pieces = re.split(r"(\([^()]*\))", segment)
    labels = [p for p in pieces if p.startswith("(") and p.endswith(")")]
    for piece in pieces:
        if piece.startswith("(") and piece.endswith(")"):
            label = piece[1:-1].strip()
            group = _GROUP_WORDS.match(label)
            party = normalise_party(label[group.end() :] if group else label)
            # "de leden A en B (P)": one party label after all names is everyone's party
            only_label = len(labels) == 1 and not pieces[-1].strip(" ,.")
            shared = len(pending) if group or only_label else 1
            people.extend(Person(name=p) for p in pending[: len(pending) - shared])
            people.extend(Person(name=p, party=party or None) for p in pending[-shared:])
            pending = []
        else:
            pending.extend(_names(piece))
    people.extend(Person(name=p) for p in pending)
    return [p for p in people if p.name]
