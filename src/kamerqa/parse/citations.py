"""Citations of parliamentary papers in running text, as kamerqa/1 references.

Kamerstukken ("Kamerstuk 21 501-20, nr. 2290", "Kamerstukken II 2024/25, 36 600 VII, nr. 1",
"Kamerstukken I 2014/15, 33802, C", "nrs. 12 en 13"), Aanhangsel Handelingen, Handelingen,
motions ("de motie-Van Dijk (Kamerstuk …)", "motie-Van der Plas (36 600-XIV, nr. 42)"), KOOP ids
written out ("kst-21501-20-2290"), TK document numbers ("2025D43738") and zaak numbers
("2024Z12345").
"""

from __future__ import annotations

import re

from kamerqa.model import Document, Reference

__all__ = ["dossier_key", "find_references", "vergaderjaar"]

_SP = r"[ \u00a0\u2009\u202f]"
# "21 501-20", "36 600 VII", "36800-X", "33802", "31 865"
_DOSSIER = (
    rf"\d{{1,2}}{_SP}?\d{{3}}"
    rf"(?:{_SP}?[-–]{_SP}?(?:[A-Z]{{1,5}}|\d{{1,3}})(?![\w-])|{_SP}(?:[IVXL]{{1,6}}|[A-Z])(?![\w-]))?"
)
_YEAR = r"(?P<y1>(?:19|20)\d\d)\s?[/–-]\s?(?P<y2>(?:19|20)?\d\d)"
_KAMER = r"(?P<kamer>I{1,2})"
_NUMBERS = r"(?P<numbers>[0-9A-Z]{1,6}(?:(?:\s*,\s*|\s+en\s+)(?:nr\.\s*)?[0-9A-Z]{1,6}(?!\w))*)"
_KAMERSTUK = re.compile(
    rf"\b(?i:k)amerstuk(?:ken)?(?:\s+{_KAMER})?(?:\s+{_YEAR})?,?\s+(?P<dossier>{_DOSSIER})"
    rf"\s*,?\s*(?:(?:nrs?|nummers?)\.?\s*{_NUMBERS}|(?P<letter>[A-Z]{{1,2}})(?![\w-]))",
)
_AANHANGSEL = re.compile(
    rf"\bAanhangsel\s+(?:van\s+de\s+)?Handelingen(?:\s+{_KAMER})?,?\s+(?:vergaderjaar\s+)?"
    rf"{_YEAR},?\s+(?:nr\.?|nummer)\s*(?P<number>\d{{1,5}})",
    re.I,
)
_HANDELINGEN = re.compile(
    rf"(?<!Aanhangsel )(?<!Aanhangsel van de )\bHandelingen(?:\s+{_KAMER})?,?\s+"
    rf"(?:vergaderjaar\s+)?{_YEAR},?\s+(?:nr\.?|nummer)\s*(?P<number>\d{{1,4}})"
    rf"(?:,?\s+(?:item|punt)\s+(?P<item>\d{{1,4}}))?",
)
_KOOP_ID = re.compile(
    r"\b(?P<id>kst-(?P<dossier>\d{4,6}(?:-[A-Z0-9]{1,5})?)-(?P<number>[0-9A-Z]{1,6})"
    r"|ah-(?:tk|ek)-\d{8}-\d{1,5}(?:-[hn]\d)?|h-(?:tk|ek)-\d{8}-\d{1,4}(?:-\d{1,4})?)\b"
)
_TK_DOCUMENT = re.compile(r"(?<![\w-])(?P<id>(?:19|20)\d\dD\d{5})(?!\w)")
_TK_ZAAK = re.compile(r"(?<![\w-])(?P<id>(?:19|20)\d\dZ\d{5})(?!\w)")
_MOTIE = re.compile(r"\bmotie(?:[- ](?:van\s+(?:het\s+lid|de\s+leden)\s+)?)?", re.I)
# a motion's paper cited without the word "Kamerstuk": "motie-Van der Plas (36 600-XIV, nr. 42)"
_BARE_KAMERSTUK = re.compile(
    rf"\((?P<dossier>{_DOSSIER}),?\s*(?:nr\.?|nummer)\s*(?P<number>\d{{1,4}})\s*\)"
)


def dossier_key(printed: str) -> str:
    """ "21 501-20" -> "21501-20"; "36 600 VII" -> "36600-VII"."""
    compact = re.sub(rf"{_SP}*[-–]{_SP}*", "-", printed.strip())
    head = re.match(r"\d{1,2}" + _SP + r"?\d{3}", compact)
    if head is None:
        return compact
    number = re.sub(_SP, "", head.group(0))
    rest = compact[head.end() :].strip(" \u00a0\u2009\u202f-")
    return f"{number}-{rest}" if rest else number


def vergaderjaar(first: str, second: str) -> str:
    """ "2024", "25" -> "2024-2025"."""
    second_full = second if len(second) == 4 else first[:2] + second
    return f"{first}-{second_full}"


def _kamerstukken(text: str) -> list[tuple[int, Reference]]:
    found: list[tuple[int, Reference]] = []
    for match in _KAMERSTUK.finditer(text):
        dossier = dossier_key(match.group("dossier"))
        year = vergaderjaar(match["y1"], match["y2"]) if match["y1"] else None
        raw = match.group("numbers") or match.group("letter") or ""
        for number in re.findall(r"[0-9A-Z]{1,6}", raw.replace("nr.", "")):
            found.append(
                (
                    match.start(),
                    Reference(
                        type="kamerstuk",
                        text=" ".join(match.group(0).split()),
                        dossier=dossier,
                        number=number,
                        year=year,
                        koop_id=f"kst-{dossier}-{number}",
                    ),
                )
            )
    return found


def _bare_kamerstukken(text: str) -> list[tuple[int, Reference]]:
    """ "(36 600-XIV, nr. 42)" right after a motion (same sentence, within 120 characters)."""
    found = []
    for match in _BARE_KAMERSTUK.finditer(text):
        before = text[max(0, match.start() - 120) : match.start()]
        motions = list(_MOTIE.finditer(before))
        if not motions or re.search(r"[.!?]\s+[A-Z]", before[motions[-1].end() :]):
            continue
        dossier, number = dossier_key(match.group("dossier")), match.group("number")
        ref = Reference(
            type="kamerstuk",
            text=" ".join(match.group(0).strip("()").split()),
            dossier=dossier,
            number=number,
            koop_id=f"kst-{dossier}-{number}",
        )
        found.append((match.start(), ref))
    return found


def _chamber(kamer: str | None) -> str:
    return "ek" if kamer == "I" else "tk"


def _aanhangsels(text: str) -> list[tuple[int, Reference]]:
    found = []
    for match in _AANHANGSEL.finditer(text):
        year = vergaderjaar(match["y1"], match["y2"])
        number = match.group("number")
        koop = f"ah-{_chamber(match['kamer'])}-{year.replace('-', '')}-{number}"
        ref = Reference(
            type="aanhangsel", text=" ".join(match[0].split()), number=number, year=year
        )
        ref.koop_id = koop
        found.append((match.start(), ref))
    return found


def _handelingen(text: str) -> list[tuple[int, Reference]]:
    found = []
    for match in _HANDELINGEN.finditer(text):
        year = vergaderjaar(match["y1"], match["y2"])
        number = match.group("number")
        koop = f"h-{_chamber(match['kamer'])}-{year.replace('-', '')}-{number}"
        if match.group("item"):
            koop += f"-{match.group('item')}"
        ref = Reference(
            type="handelingen",
            text=" ".join(match[0].split()),
            number=number,
            year=year,
            koop_id=koop,
        )
        found.append((match.start(), ref))
    return found


def _koop_ids(text: str) -> list[tuple[int, Reference]]:
    found = []
    for match in _KOOP_ID.finditer(text):
        koop = match.group("id")
        if koop.startswith("kst-"):
            ref = Reference(
                type="kamerstuk",
                text=koop,
                dossier=match.group("dossier"),
                number=match.group("number"),
                koop_id=koop,
            )
        elif koop.startswith("ah-"):
            ref = Reference(type="aanhangsel", text=koop, koop_id=koop)
        else:
            ref = Reference(type="handelingen", text=koop, koop_id=koop)
        found.append((match.start(), ref))
    return found


def _tk_numbers(text: str) -> list[tuple[int, Reference]]:
    found: list[tuple[int, Reference]] = []
    for pattern, kind in ((_TK_DOCUMENT, "tk_document"), (_TK_ZAAK, "tk_zaak")):
        for match in pattern.finditer(text):
            ref = Reference(type=kind, text=match["id"], number=match["id"], year=match["id"][:4])
            found.append((match.start(), ref))
    return found


def _motions(text: str, kamerstukken: list[tuple[int, Reference]]) -> list[tuple[int, Reference]]:
    """A motion whose Kamerstuk is cited in the same sentence, within 300 characters."""
    found = []
    for match in _MOTIE.finditer(text):
        for position, ref in kamerstukken:
            between = text[match.end() : position]
            if 0 <= position - match.start() <= 300 and not re.search(r"[.!?]\s+[A-Z]", between):
                motion = ref.model_copy(
                    update={"type": "motie", "text": text[match.start() : position].strip(" (")}
                )
                found.append((match.start(), motion))
                break
    return found


def find_references(text: str, where: str | None = None) -> list[Reference]:
    """Every citation in ``text`` in order of appearance; ``where`` is stored as ``in``."""
    kamerstukken = _kamerstukken(text) + _bare_kamerstukken(text)
    found = kamerstukken + _aanhangsels(text) + _handelingen(text) + _koop_ids(text)
    found += _tk_numbers(text) + _motions(text, kamerstukken)
    found.sort(key=lambda item: item[0])
    result: list[Reference] = []
    seen: set[tuple[str, str | None, str | None, str | None]] = set()
    for _, ref in found:
        key = (ref.type, ref.koop_id, ref.dossier, ref.number)
        if key in seen:
            continue
        seen.add(key)
        ref.in_ = where
        result.append(ref)
    return result


def collect_references(document: Document, head: str = "") -> list[Reference]:
    """Every citation in a parsed document, each once per place: the head text (``in`` None),
    the questions ("q<N>"), the answers (their id) and the footnotes (where their marker sits)."""
    found = find_references(head) if head else []
    for question in document.questions:
        found += find_references(question.text, f"q{question.number}")
    for answer in document.answers:
        found += find_references(answer.text, answer.id)
    for note in document.footnotes:
        found += find_references(note.text, note.in_)
    seen: set[tuple[str | None, ...]] = set()
    unique: list[Reference] = []
    for ref in found:
        key = (ref.type, ref.koop_id, ref.dossier, ref.number, ref.year, ref.in_)
        if key not in seen:
            seen.add(key)
            unique.append(ref)
    return unique
