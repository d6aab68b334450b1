"""Metadata of answered Kamervragen: askers, addressees, signatories, dates, identifiers.

Two layouts: the Aanhangsel ("Vragen van het lid X (P) aan de Minister van Y over Z
(ingezonden <date>)." / "Antwoord van Minister Q (Ministry) (ontvangen <date>).") and the
ministry letter (letterhead date, "In antwoord op uw brief van <date>", signature block).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from kamerqa.model import Metadata, Person, Signatory
from kamerqa.parse.dates import parse_dutch_date
from kamerqa.parse.parties import normalise_party, parse_askers

__all__ = [
    "aanhangsel_signatories",
    "find_askers",
    "fix_text",
    "header_metadata",
    "is_signature",
    "letter_signatories",
    "letterhead_facts",
    "parse_addressees",
]

_VRAGEN_VAN = re.compile(
    r"\bvragen\s+van\s+(?:het\s+(?:kamer)?lid|de\s+(?:kamer)?leden)\s+(?P<askers>.+?)\s+"
    r"aan\s+(?P<to>.+?)(?:\s+over\s+(?P<subject>.+?))?\s*\(ingezonden\s+(?P<date>[^)]{6,40})\)",
    re.I | re.S,
)
_ANTWOORD_VAN = re.compile(
    r"\b(?:antwoord|mededeling)\s+van\s+(?P<who>.+?)\s*\(ontvangen\s+(?P<date>[^)]{6,40})\)",
    re.I | re.S,
)
_MINISTER = r"(?:minister-president|minister|staatssecretaris)"
_PERSON_MINISTRY = re.compile(
    rf"\b(?P<role>{_MINISTER})\s+(?P<name>[^\s()][^()]*?)\s*\((?P<ministry>[^()]+)\)", re.I
)
_MEDE_NAMENS = re.compile(r",?\s*mede\s+namens\b.*$", re.I | re.S)
_UW_BRIEF = re.compile(r"\buw\s+brief\s+(?:van|d\.d\.|gedateerd)\s+(?P<date>[^,;]{6,40})", re.I)
_FUNCTION_LINE = re.compile(
    rf"^(?:de\s+)?(?P<role>{_MINISTER})\s+(?P<prep>van|voor)\s+(?P<ministry>.{{3,120}}?)[,.]?$",
    re.I,
)
_NAME_LINE = re.compile(
    r"^(?!(?:Ministerie|Directie|Directoraat|Postbus|Pagina|Datum|Kenmerk|Bijlagen?|Tweede|"
    r"Eerste|Den|Geachte|Hoogachtend)\b)"  # letterhead and letter words, not names
    r"(?:(?:[A-ZÀ-Ý][a-zà-ÿ]?\.\s?)+|[A-ZÀ-Ý][a-zà-ÿ]+\s+)"  # initials or a first name
    r"(?:(?:van|de|der|den|het|ten|ter|te|in|op|’t|'t)\s+){0,3}"
    r"[A-ZÀ-Ý][\w’'-]+(?:\s[A-ZÀ-Ý][\w’'-]+){0,2}$"
)
_TITLES = re.compile(r"^(?:(?:mr|drs|dr|ir|ing|prof|ds|bc|ma|msc)\.?\s+)+", re.I)
_INGEZONDEN = re.compile(r"\bingezonden\s+(?:op\s+)?(?P<date>[^,;()]{6,40})", re.I)
_DATUM_LINE = re.compile(r"^\s*datum\s*:?\s+(?P<date>.{6,40})$", re.I)
# "… De minister van X, A.B. Naam": a signature a reader joined into one paragraph
_INLINE_FUNCTION = re.compile(
    rf"(?:(?<=^)|(?<=\s))(?=(?:De\s+)?(?:{_MINISTER})\s+(?:van|voor)\s+[A-Z])", re.I
)
_PLACE_DATE = re.compile(r"\b(?:Den Haag|'s-Gravenhage),?\s+(\d{1,2}\s+[a-z]+\.?\s+\d{4})")
_ROLE = re.compile(r"^(minister-president|ministers?|staatssecretaris(?:sen)?)\b\s*", re.I)
_ROLES = {
    "minister-president": "minister-president",
    "minister": "minister",
    "ministers": "minister",
    "staatssecretaris": "staatssecretaris",
    "staatssecretarissen": "staatssecretaris",
}
_KOOP = re.compile(r"\b(?:ah|kv)-tk-\d{8}-\d+(?:-[a-z]\d+)?\b|\bkv-tk-\d{4}Z\d{5}\b")
_TK_DOCUMENT = re.compile(r"\b(?:19|20)\d\dD\d{5}\b")
_ZAAK = re.compile(r"\b(?:19|20)\d\dZ\d{5}\b")
_ABBREVIATIONS = {
    "az": "Algemene Zaken",
    "bz": "Buitenlandse Zaken",
    "bzk": "Binnenlandse Zaken en Koninkrijksrelaties",
    "jenv": "Justitie en Veiligheid",
    "j&v": "Justitie en Veiligheid",
    "ocw": "Onderwijs, Cultuur en Wetenschap",
    "vws": "Volksgezondheid, Welzijn en Sport",
    "szw": "Sociale Zaken en Werkgelegenheid",
    "ienw": "Infrastructuur en Waterstaat",
    "ezk": "Economische Zaken en Klimaat",
    "ez": "Economische Zaken",
    "lnv": "Landbouw, Natuur en Voedselkwaliteit",
    "lvvn": "Landbouw, Visserij, Voedselzekerheid en Natuur",
    "kgg": "Klimaat en Groene Groei",
    "fin": "Financiën",
    "def": "Defensie",
    "bho": "Buitenlandse Handel en Ontwikkelingssamenwerking",
    "vro": "Volkshuisvesting en Ruimtelijke Ordening",
    "aenm": "Asiel en Migratie",
}
_VOOR_PORTFOLIOS = re.compile(
    r"^(buitenlandse handel|klimaat en energie|rechtsbescherming|langdurige zorg|medische zorg|"
    r"primair en voortgezet|basis- en middelbaar|volkshuisvesting|natuur en stikstof|"
    r"armoedebeleid|participatie|ontwikkelingssamenwerking|vreemdelingenzaken|"
    r"asiel en migratie|migratie|jeugd|sport|wonen)",
    re.I,
)


def fix_text(text: str) -> str:
    """NFC text with spacing accents from PDF text layers rejoined ("Yes¸ilgöz" -> "Yeşilgöz")."""
    text = re.sub(r"(\w)\s?\u00b8", lambda m: m.group(1) + "\u0327", text)
    text = re.sub(r"(\w)\s?\u00a8", lambda m: m.group(1) + "\u0308", text)
    return unicodedata.normalize("NFC", text)


_LETTERHEAD_LABELS = {
    "datum": "date",
    "ons kenmerk": "kenmerk",
    "kenmerk": "kenmerk",
    "uw kenmerk": "uw_kenmerk",
    "uw brief van": "uw_brief_van",
    "uw brief": "uw_brief_van",
    "onderwerp": "onderwerp",
    "betreft": "onderwerp",
}
_LABEL_LINE = re.compile(r"^\s*(?P<label>[A-Za-z][a-z ]{3,14}?)\s*(?::\s*|\t+\s*)(?P<value>\S.*)$")


def letterhead_facts(rows: list[list[str]], lines: list[str]) -> dict[str, str]:
    """Letterhead fields ("Datum", "Ons kenmerk", "Uw brief van", "Onderwerp"/"Betreft") from
    two-cell table rows or "Label<tab or colon>value" lines, keyed like the readers' metadata."""
    pairs = [(row[0], row[1]) for row in rows if len(row) == 2]
    pairs += [
        (m.group("label"), m.group("value")) for line in lines if (m := _LABEL_LINE.match(line))
    ]
    facts: dict[str, str] = {}
    for label, value in pairs:
        key = _LETTERHEAD_LABELS.get(" ".join(label.lower().split()).rstrip(":"))
        if key and value.strip() and key not in facts:
            facts[key] = " ".join(value.split())
    return facts


def _date(text: str | None) -> date | None:
    return parse_dutch_date(" ".join(text.split())) if text else None


def _function(role: str, ministry: str) -> str:
    if role.lower() == "minister-president":
        return "minister-president"  # "Minister-President Schoof (Algemene Zaken)"
    ministry = " ".join(ministry.split()).strip(" ,.")
    ministry = _ABBREVIATIONS.get(ministry.lower().replace(" ", ""), ministry)
    ministry = re.sub(r"\s+[–-]\s+(.+)$", r" (\1)", ministry)  # "Financiën – Fiscaliteit"
    prep = "voor" if _VOOR_PORTFOLIOS.match(ministry) else "van"
    return f"{role.lower()} {prep} {ministry}"


def _ministry_from(metadata: Metadata, start: date, portfolio: str) -> None:
    """A portfolio of a "minister voor" that became a ministry on ``start`` ("minister van")."""
    if metadata.date_answered is None or metadata.date_answered < start:
        return
    for signatory in metadata.signatories:
        if signatory.function == f"minister voor {portfolio}":
            signatory.function = f"minister van {portfolio}"


def aanhangsel_signatories(who: str) -> list[Signatory]:
    """'Minister De Jonge (BZK), mede namens …' -> [Signatory('De Jonge', 'minister van …')]."""
    who = _MEDE_NAMENS.sub("", " ".join(who.split()))
    signatories = []
    for match in _PERSON_MINISTRY.finditer(who):
        name = re.sub(rf"^.*\b{_MINISTER}\s+", "", match.group("name"), flags=re.I).strip()
        function = _function(match.group("role"), match.group("ministry"))
        signatories.append(Signatory(name=name, function=function))
    return signatories


def parse_addressees(text: str) -> list[str]:
    """'de Ministers van X en voor Y' -> ['minister van X', 'minister voor Y']."""
    text = " ".join(text.split())
    parts = re.split(
        r",\s*(?=(?:de\s+|het\s+)?(?:minister|staatssecretaris))|\s+en\s+(?=(?:de\s+)?"
        r"(?:minister|staatssecretaris)|van\s|voor\s)",
        text,
        flags=re.I,
    )
    found: list[str] = []
    waiting: list[str] = []  # "de Minister en de Staatssecretaris van X": both of X
    role = "minister"
    for part in parts:
        part = re.sub(r"^(?:de|het)\s+", "", part.strip(), flags=re.I)
        match = _ROLE.match(part)
        if match:
            role = _ROLES[match.group(1).lower()]
            part = part[match.end() :]
        ministry = re.sub(r"^(?:van|voor)\b\s*", "", part).strip(" ,.")
        if not ministry:
            if role == "minister-president":
                found.append(role)
            elif match and not part.strip():
                waiting.append(role)
            continue
        prep = "voor" if re.match(r"^voor\s", part, re.I) else "van"
        found += [f"{waiting_role} {prep} {ministry}" for waiting_role in waiting]
        found.append(f"{role} {prep} {ministry}")
        waiting = []
    return found


_SMALL_WORDS = {"en", "van", "voor", "de", "het", "der"}


def _printed_case(ministry: str) -> str:
    """ "JUSTITIE EN VEILIGHEID" (a signature in capitals) -> "Justitie en Veiligheid"; "LVVN"
    and other ministry abbreviations written out."""
    expanded = _ABBREVIATIONS.get(ministry.lower().replace(" ", ""))
    if expanded or not ministry.isupper() or " " not in ministry:
        return expanded or ministry
    words = [w.lower() if w.lower() in _SMALL_WORDS else w.capitalize() for w in ministry.split()]
    return " ".join(words)


def letter_signatories(lines: list[str]) -> list[Signatory]:
    """Signature blocks of a letter: a function line, then (soon after) a name line."""
    signatories: list[Signatory] = []
    for index, line in enumerate(lines):
        match = _FUNCTION_LINE.match(line.strip())
        if not match:
            continue
        for follow in lines[index + 1 : index + 5]:
            follow = _TITLES.sub("", follow.strip())
            if re.match(r"^mede\s+namens", follow, re.I):
                continue  # the name after "mede namens de …" still signs for this function
            if _FUNCTION_LINE.match(follow):
                break
            if _NAME_LINE.match(follow) and len(follow) < 60:
                function = f"{match.group('role').lower()} {match.group('prep').lower()} "
                function += _printed_case(" ".join(match.group("ministry").split()))
                signatories.append(Signatory(name=follow, function=function))
                break
    return signatories


def _split_signature_lines(text: str) -> list[str]:
    """A paragraph holding "De minister van X, A.B. Naam" cut into function and name lines."""
    lines: list[str] = []
    for part in _INLINE_FUNCTION.split(text):
        head, comma, rest = part.rpartition(",")  # ministries have commas; names do not
        named = comma and _NAME_LINE.match(_TITLES.sub("", rest.strip()))
        lines += [head + comma, rest.strip()] if named else [part]
    return [line for line in lines if line.strip()]


def is_signature(lines: list[str]) -> bool:
    """True when ``lines`` open with a signature: a function line, then a name line."""
    return (
        bool(lines)
        and bool(letter_signatories(lines[:5]))
        and bool(_FUNCTION_LINE.match(lines[0].strip()))
    )


def _fill_parties(askers: list[Person]) -> list[Person]:
    """'de leden A en B (P)': a name without party shares the party of the next name."""
    filled: list[Person] = []
    for index, person in enumerate(askers):
        party = person.party
        if party is None:
            party = next((p.party for p in askers[index + 1 :] if p.party), None)
        filled.append(Person(name=person.name, party=normalise_party(party) if party else None))
    return filled


def find_askers(candidates: list[str]) -> list[Person]:
    for text in candidates:
        if not re.search(r"\b(?:het\s+(?:kamer)?lid|de\s+(?:kamer)?leden)\b", text, re.I):
            continue
        askers = parse_askers(text)
        if askers and any(person.party for person in askers):
            return _fill_parties(askers)
    return []


def header_metadata(head: list[str], facts: dict[str, str], annex_title: str) -> Metadata:
    """Metadata from the text before the first question (and the reader's letterhead facts)."""
    joined = fix_text(" ".join(head))
    metadata = Metadata()
    asked = _VRAGEN_VAN.search(joined)
    answered = _ANTWOORD_VAN.search(joined)
    candidates = [annex_title]
    if asked:
        candidates.insert(0, asked.group(0))
        metadata.addressees = parse_addressees(asked.group("to"))
        metadata.subject = " ".join((asked.group("subject") or "").split()) or None
        metadata.date_submitted = _date(asked.group("date"))
    if answered:
        metadata.date_answered = _date(answered.group("date"))
        metadata.signatories = aanhangsel_signatories(answered.group("who"))
        _ministry_from(metadata, date(2024, 7, 2), "Volkshuisvesting en Ruimtelijke Ordening")
    metadata.askers = find_askers([*candidates, *head, facts.get("onderwerp", "")])
    if not metadata.signatories:
        lines = [fix_text(line) for text in head for line in text.splitlines()]
        metadata.signatories = letter_signatories(
            [part for line in lines for part in _split_signature_lines(line)]
        )
    _dates(metadata, head, facts)
    if not metadata.subject and facts.get("onderwerp"):
        over = re.search(r"\bover\s+(.+)$", facts["onderwerp"], re.S)
        metadata.subject = (over.group(1) if over else facts["onderwerp"]).strip()
    if not metadata.addressees:
        candidates = [annex_title, facts.get("onderwerp", ""), " ".join(head)]
        metadata.addressees = _letter_addressees(candidates)  # head joined: lines may break
    _identifiers(metadata, joined, facts)
    return metadata


def _first_date(*candidates: str | None) -> date | None:
    return next((found for text in candidates if (found := _date(text))), None)


def _datum_line(head: list[str]) -> str | None:
    """The letterhead's "Datum <date>" line of a plain-text letter."""
    return next((m.group("date") for line in head if (m := _DATUM_LINE.match(line))), None)


def _dates(metadata: Metadata, head: list[str], facts: dict[str, str]) -> None:
    """Dates not printed in an Aanhangsel header: the reader's facts, then the letter's text."""
    joined = fix_text(" ".join(head))
    brief = _UW_BRIEF.search(joined)
    sent = _INGEZONDEN.search(joined)
    place_date = _PLACE_DATE.search(joined)
    metadata.date_submitted = metadata.date_submitted or _first_date(
        facts.get("date_submitted"),
        facts.get("meta:OVERHEIDop.datumIndiening"),
        facts.get("uw_brief_van"),
        brief.group("date") if brief else None,
        sent.group("date") if sent else None,
    )
    metadata.date_answered = metadata.date_answered or _first_date(
        facts.get("date_answered"),
        facts.get("meta:OVERHEIDop.datumOntvangst"),
        facts.get("date"),
        _datum_line(head),
        place_date.group(1) if place_date else None,
    )
    metadata.date_published = _first_date(facts.get("meta:DCTERMS.issued"))


_AAN = re.compile(
    r"\baan\s+(?P<to>(?:de|het)\s+(?:minister|staatssecretaris).+?)(?:\s+over\s|[.(]|$)", re.I
)


def _letter_addressees(candidates: list[str]) -> list[str]:
    for text in candidates:
        match = _AAN.search(" ".join(text.split()))
        if match:
            return parse_addressees(match.group("to"))
    return []


def _identifiers(metadata: Metadata, text: str, facts: dict[str, str]) -> None:
    ids = metadata.identifiers
    koop = facts.get("koop_id") or facts.get("meta:DC.identifier") or ""
    match = _KOOP.search(koop) or _KOOP.search(text)
    ids.koop = match.group(0) if match else None
    if ids.koop and ids.koop.startswith("ah-tk-"):
        years, number = ids.koop[6:14], ids.koop[15:].split("-")[0]
        ids.aanhangsel = f"{years[2:4]}{years[6:8]}{int(number):05d}" if number.isdigit() else None
    document = _TK_DOCUMENT.search(text)
    zaak = _ZAAK.search(text)
    ids.tk_document = document.group(0) if document else None
    ids.zaak = zaak.group(0) if zaak else facts.get("zaak")
    if facts.get("kenmerk"):
        metadata.reference = facts["kenmerk"]
    metadata.extra = {key: value for key, value in facts.items() if len(value) < 1000}
