"""Facts from a cover letter or a Kamerstuk intro: committee, kenmerk, dates, signatories.

Shared by the schriftelijk-overleg, lijst-van-vragen and nota parsers. Pure functions over text
(or a list of block texts for the signature), each returning None / [] when nothing is found.
"""

from __future__ import annotations

import re
from datetime import date

from kamerqa.model import Metadata, Signatory
from kamerqa.parse.citations import find_references
from kamerqa.parse.dates import find_dates, parse_dutch_date
from kamerqa.readers.blocks import ReadResult
from kamerqa.readers.docx_letterhead import letterhead_facts

__all__ = [
    "addressee",
    "answered_kamerstuk",
    "apply_format_facts",
    "closing_signatories",
    "committee",
    "dossier_title",
    "fill_intro_metadata",
    "first_sentence",
    "format_facts",
    "function_from_caps",
    "kamerstuk_id",
    "kenmerk",
    "officers",
    "signatories",
    "subject_after",
]

_CAP_WORD = r"[A-ZÀ-Þ][\w’'-]*"
_COMMITTEE = re.compile(
    rf"\b((?i:vaste|algemene|tijdelijke|bijzondere)\s+(?i:Kamer)?commissie\s+voor\s+{_CAP_WORD}"
    rf"(?:(?:,\s+|\s+en\s+|\s+){_CAP_WORD})*)",
)
_KENMERK = re.compile(
    r"\bkenmerk(?:en)?\s*:?\s*(?P<value>\d{4,8}(?:-[\w]{1,6})*(?:\s?/\s?\d{4}[DZ]\d{5})?"
    r"|\d{4}[DZ]\d{5})(?![\w/-])",
    re.I,
)
_TK_DOC = re.compile(r"\b((?:19|20)\d\dD\d{5})\b")
_DATE_TEXT = r"(?P<d>\d{1,2}(?:e|ste|de)?\s+[a-zA-Z]{3,9}\.?\s+\d{4}|\d{1,2}-\d{1,2}-\d{4})"
_SENT_VERB = r"(?:ingezonden|ingediend|voorgelegd|toegezonden|verzonden|gesteld|verstuurd|gestuurd)"
_SUBMITTED_AFTER = re.compile(rf"\b{_SENT_VERB}\s+(?:op\s+|d\.d\.\s+)?{_DATE_TEXT}", re.I)
_SUBMITTED_BEFORE = re.compile(rf"\bop\s+{_DATE_TEXT}\s+[^.]{{0,100}}?\b{_SENT_VERB}\b", re.I)
_ANSWERED = re.compile(
    r"\b(?:beantwoord|antwoorden?)\b[^.]{0,80}?\bbij\s+brief\s+van\s"
    r"|\bbij\s+brief\s+van\s(?=[^.]{0,60}\bbeantwoord)"
    # an Eerste Kamer verslag: "De Minister heeft op 10 april 2026 gereageerd."
    r"|\bheeft\s+(?:daarop\s+|hierop\s+)?op\s(?=[^.]{6,20}\s(?:gereageerd|geantwoord)\b)",
    re.I,
)
_VASTGESTELD = re.compile(r"^\s*vastgesteld\s+(.*)$", re.I)
_ADDRESSEE = re.compile(
    r"\b(?i:(?:voorgelegd|brief\s+gestuurd)\s+aan\s+(?:de\s+|het\s+)?)"
    r"((?i:minister|staatssecretaris|minister-president)\w*\s+(?:van|voor)\s+"
    rf"{_CAP_WORD}(?:(?:,\s+|\s+en\s+|\s+){_CAP_WORD})*|Algemene\s+Rekenkamer)",
)
_FUNCTION_LINE = re.compile(
    r"^\s*(?:de\s+|het\s+)?(minister(?:-president)?|staatssecretaris|voorzitter|griffier)\b",
    re.I,
)
_CLOSING = re.compile(
    r"^\s*(hoogachtend|met\s+(?:vriendelijke|hoogachtende)\s+groet(?:en)?)\s*,?\s*$", re.I
)
_DOSSIER_LINE = re.compile(
    r"^\s*(\d{2})\s?(\d{3})(?P<sub>-\d{1,3})?(?:[ -](?P<part>[IVXL]{1,6}|[A-Z]))?(?=\s|$)"
)
_NR_LINE = re.compile(
    r"^\s*(?:nr\.\s*(\d{1,4}|[A-Z]{1,2})(?=\s|$)"
    r"|([A-Z]{1,2})\s+(?=(?:MEMORIE|NOTA|VERSLAG|VOORLOPIG|NADERE?|EINDVERSLAG|BRIEF)\b))",
    re.I,
)
# "… Nr. 7 NOTA NAAR AANLEIDING …" inside a line (a PDF text layer may join the head lines)
_NR_IN_LINE = re.compile(
    r"\b(?:[Nn]r\.\s*(\d{1,4})|([A-Z]{1,2}))\s+(?=(?:NOTA|MEMORIE|VERSLAG|VOORLOPIG|NADER"
    r"|EINDVERSLAG|LIJST|BRIEF)\b)"
)
_OFFICER_LINE = re.compile(
    r"^\s*(?:de\s+)?(?:adjunct-|plv\.\s*|wnd\.\s*)?(voorzitter|griffier)\b[^.]{0,60},?\s*$", re.I
)
_NAME_WORD = r"(?:[A-ZÀ-Þ][\w’'-]*|van|de|den|der|ter|ten|te|in\s+'t|el)"
_OFFICER_RUN = re.compile(
    r"\b(?:de\s+)?(?:adjunct-|plv\.\s*|wnd\.\s*)?(voorzitter|griffier)\s+van\s+de\s+commissie,"
    rf"\s+([A-ZÀ-Þ][\w’'-]*(?:\s+{_NAME_WORD})*?)"
    r"(?=\s+(?:De|Het|Adjunct|Inhoud|Inhoudsopgave|I|1)\b|\s*$)",
    re.I,
)
_FUNCTION_WORDS = {"minister", "minister-president", "staatssecretaris", "voorzitter", "griffier"}
_SMALL_WORDS = {"van", "voor", "en", "de", "het", "der", "den", "op", "in", "te"}
_NAME = re.compile(r"^(?:(?:mr|dr|drs|ir|ing|prof)\.\s*)*[A-ZÀ-Þ][\w.’'-]*(?:\s+[\w.’'-]+){0,5}$")


def committee(text: str) -> str | None:
    """ "vaste commissie voor Defensie" from running text (first letter lower-cased)."""
    match = _COMMITTEE.search(text)
    if match is None:
        return None
    words = match.group(1).split()
    while words and words[-1].lower() in _SMALL_WORDS:
        words.pop()
    found = " ".join(words).rstrip(",")
    return found[:1].lower() + found[1:]


def kenmerk(text: str) -> str | None:
    """The kenmerk after "kenmerk", e.g. "28676-552/2025D43738"; the committee's kenmerk (with
    a TK document number) wins over a ministry's own ("Ons kenmerk: 6712345")."""
    found = [re.sub(r"\s", "", m.group("value")) for m in _KENMERK.finditer(text)]
    return next((k for k in found if _TK_DOC.search(k)), found[0] if found else None)


def tk_document(text: str) -> str | None:
    match = _TK_DOC.search(text)
    return match.group(1) if match else None


def _date_after(pattern: re.Pattern[str], text: str, reference: date | None) -> date | None:
    for match in pattern.finditer(text):
        found = parse_dutch_date(text[match.end() : match.end() + 40], reference)
        if found is not None:
            return found
    return None


def submitted_date(text: str, reference: date | None = None) -> date | None:
    """The date the questions were sent in ("ingezonden op 8 oktober 2025", "zijn op 8 oktober
    2025 aan de minister voorgelegd")."""
    for pattern in (_SUBMITTED_AFTER, _SUBMITTED_BEFORE):
        for match in pattern.finditer(text):
            found = parse_dutch_date(match.group("d"), reference)
            if found is not None:
                return found
    return None


def answered_date(text: str, reference: date | None = None) -> date | None:
    """The date of the answering letter ("bij brief van 8 april 2024 beantwoord")."""
    return _date_after(_ANSWERED, text, reference)


def addressee(text: str) -> str | None:
    match = _ADDRESSEE.search(text)
    if match is None:
        return None
    found = " ".join(match.group(1).split())
    return (
        found[:1].lower() + found[1:] if found.lower().startswith(("minister", "staats")) else found
    )


def function_from_caps(line: str) -> str:
    """ "DE MINISTER VAN DEFENSIE," -> "minister van Defensie"."""
    words = line.strip(" ,.").split()
    if words and words[0].lower() in {"de", "het"}:
        words = words[1:]
    out = []
    for index, word in enumerate(words):
        lower = word.lower()
        if index == 0 or lower.strip(",") in _SMALL_WORDS | _FUNCTION_WORDS:
            out.append(lower)
        elif word.isupper() and len(word) > 1:
            out.append("-".join(part.capitalize() for part in word.split("-")))
        else:
            out.append(word)
    return " ".join(out)


_SIGNER = re.compile(r"^(?:(?:[A-Z]{1,3}\.\s?)+|(?:mr|dr|drs|ir|prof)\.\s)|^[A-Z][a-z]+\s+[A-Z]")


def _is_function_line(line: str) -> bool:
    """ "De minister van Defensie," / "DE MINISTER VAN DEFENSIE" — not a sentence about one."""
    sentence = re.search(r"[.;:?!](?:\s|$)", line)
    return bool(_FUNCTION_LINE.match(line)) and len(line) < 120 and not sentence


def _merged_pair(line: str) -> Signatory | None:
    """ "De minister van Defensie, R. Brekelmans" on one line (a PDF text layer may join them)."""
    function, comma, name = line.strip().rstrip(",").rpartition(", ")
    if not comma or not _is_function_line(function):
        return None
    if " en " in name or not _NAME.match(name) or not _SIGNER.match(name):
        return None
    return Signatory(name=name, function=function_from_caps(function))


def _signature_pairs(lines: list[str]) -> list[Signatory]:
    found: list[Signatory] = []
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        following = lines[index + 1].strip().rstrip(",") if index + 1 < len(lines) else ""
        name_like = _NAME.match(following) and not following.endswith(".")
        if _is_function_line(line) and name_like and not _FUNCTION_LINE.match(following):
            function = function_from_caps(line)
            if not function.startswith(("voorzitter", "griffier")):
                found.append(Signatory(name=following, function=function))
            index += 2
            continue
        merged = _merged_pair(line)
        if merged is not None and not (merged.function or "").startswith(("voorz", "griff")):
            found.append(merged)
        index += 1
    return found


def signatories(texts: list[str]) -> list[Signatory]:
    """Signatories after a closing ("Hoogachtend,") or a function line in capitals."""
    for index, text in enumerate(texts):
        if _CLOSING.match(text):
            found = _signature_pairs(texts[index + 1 : index + 9])
            if found:
                return found
    caps = [i for i, t in enumerate(texts) if t.isupper() and _FUNCTION_LINE.match(t)]
    for index in caps:
        found = _signature_pairs(texts[index : index + 8])
        if found:
            return found
    # "De minister van X," + name without a closing formula
    return _signature_pairs(texts)


def closing_signatories(texts: list[str]) -> tuple[int, list[Signatory]]:
    """Signatures at the very end ("De Minister van X,\nName", or both on one line): start
    index and signatories. One trailing line after the signature is allowed."""
    start = len(texts)
    found: list[Signatory] = []
    index = len(texts) - 1  # the line that would hold a name
    while index >= max(0, len(texts) - 12):
        merged = _merged_pair(texts[index])
        function = texts[index - 1].strip() if index >= 1 else ""
        pair = _signature_pairs(texts[index - 1 : index + 1]) if _is_function_line(function) else []
        if merged is not None and not (merged.function or "").startswith(("voorz", "griff")):
            found.insert(0, merged)
            start, index = index, index - 1
        elif pair:
            found = pair + found
            start, index = index - 1, index - 2
        elif found or index <= len(texts) - 2:
            break  # the signature must close the text
        else:
            index -= 1
    if found and start > 0 and _CLOSING.match(texts[start - 1]):
        start -= 1
    return start, found


def officers(texts: list[str]) -> dict[str, str]:
    """Chair and clerk: "De voorzitter van de commissie,\\nName" -> {"voorzitter": Name}.

    Also when a PDF text layer ran them into one line ("… commissie, Kops De griffier …")."""
    found: dict[str, str] = {}
    for index, text in enumerate(texts[:-1]):
        match = _OFFICER_LINE.match(text)
        following = texts[index + 1].strip().rstrip(",")
        if match and _NAME.match(following) and not _FUNCTION_LINE.match(following):
            found.setdefault(match.group(1).lower(), following)
    for text in texts:
        for match in _OFFICER_RUN.finditer(text):
            found.setdefault(match.group(1).lower(), match.group(2))
    return found


def kamerstuk_id(texts: list[str]) -> str | None:
    """ "kst-36600-VII-3" from a dossier line ("36 600 VII Vaststelling …") and "Nr. 3"."""
    dossier = number = None
    for text in texts[:12]:
        found = _DOSSIER_LINE.match(text)
        if found and dossier is None:
            part = f"-{found['part']}" if found["part"] else ""
            dossier = found.group(1) + found.group(2) + (found["sub"] or "") + part
        nr = _NR_LINE.match(text) or _NR_IN_LINE.search(text)
        if nr and number is None and (nr.group(1) or nr.group(2).isupper()):
            number = nr.group(1) or nr.group(2)
    return f"kst-{dossier}-{number}" if dossier and number else None


def vastgesteld(texts: list[str]) -> date | None:
    for text in texts:
        match = _VASTGESTELD.match(text)
        if match:
            return parse_dutch_date(match.group(1))
    return None


_KOOP_ID = re.compile(r"\b(?:kst|ah|kv|h|blg)-[\w-]+\b")


def format_facts(read: ReadResult) -> dict[str, str]:
    """The reader's facts, completed from letterhead lines at the top ("Datum: 4 december 2025"
    as a paragraph of an HTML page or a converted letter)."""
    head = [" ".join(row) for b in read.blocks[:25] for row in (b.rows or [[b.text]])]
    return {**letterhead_facts(head), **read.metadata}


def apply_format_facts(metadata: Metadata, facts: dict[str, str]) -> None:
    """Facts a reader found in the format (KOOP id, letterhead date/subject, meta tags)."""
    koop = _KOOP_ID.search(facts.get("koop_id") or facts.get("meta:DC.identifier") or "")
    if koop and not metadata.identifiers.koop:
        metadata.identifiers.koop = koop.group(0)
    metadata.date_answered = metadata.date_answered or parse_dutch_date(facts.get("date", ""))
    if metadata.date_submitted is None and facts.get("uw_brief_van"):
        metadata.date_submitted = parse_dutch_date(facts["uw_brief_van"])
    if not metadata.subject and facts.get("onderwerp"):
        metadata.subject = " ".join(facts["onderwerp"].split())
    for key, value in facts.items():
        if key.startswith("meta:") and value:
            metadata.extra.setdefault(key, value)


_ABBREVIATION_END = re.compile(r"(?:\bnrs?|\ba\.s|\bblz|\bo\.a|\bd\.d|\bjl|\bresp|\bart)$", re.I)


def first_sentence(text: str) -> str:
    """Text up to the first full stop that ends a sentence (not "nr.", "a.s.", or one inside
    parentheses)."""
    depth = 0
    for index, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        ends = char == "." and depth <= 0 and text[index + 1 : index + 2] in ("", " ", "\n")
        if ends and not _ABBREVIATION_END.search(text[max(0, index - 6) : index]):
            return text[:index]
    return text


# where a subject ends: its Kamerstuk citation, a clause about it, the sending details
_SUBJECT_END = re.compile(
    r"\s*\((?:Kamerstuk|kst-)|,\s+(?:die|dat|welke)\s"
    r"|,?\s+(?:ingezonden|ingediend|verzonden)\s+(?:op|d\.d\.)\s|,?\s+met\s+(?:het\s+)?kenmerk\b",
    re.I,
)


def subject_after(pattern: re.Pattern[str], text: str) -> str | None:
    """The subject that follows ``pattern`` (e.g. "… over "), its Kamerstuk citation dropped."""
    match = pattern.search(text)
    if match is None:
        return None
    subject = first_sentence(text[match.end() :]).strip()
    # up to its Kamerstuk citation, or a clause about it (", die op … zijn ingezonden")
    subject = _SUBJECT_END.split(subject, maxsplit=1)[0]
    return subject.strip() or None


def fill_intro_metadata(metadata: Metadata, intro: str, head: list[str]) -> None:
    """Fill metadata from intro text (cover letter / Kamerstuk intro) and its head lines."""
    first = find_dates(intro)
    reference = first[0] if first else None
    metadata.committee = metadata.committee or committee(intro)
    metadata.date_submitted = metadata.date_submitted or submitted_date(intro, reference)
    metadata.date_answered = metadata.date_answered or answered_date(intro, reference)
    metadata.date_published = metadata.date_published or vastgesteld(head)
    metadata.identifiers.koop = metadata.identifiers.koop or kamerstuk_id(head)
    reference_code = kenmerk(intro)
    if reference_code and not metadata.reference:
        metadata.reference = reference_code
    document_number = tk_document(reference_code or "")
    if document_number and not metadata.identifiers.tk_document:
        metadata.identifiers.tk_document = document_number
    to = addressee(intro)
    if to and to not in metadata.addressees:
        metadata.addressees.append(to)
    if not metadata.signatories:
        metadata.signatories = signatories(head)
    for key, name in officers(head).items():
        metadata.extra.setdefault(key, name)


def answered_kamerstuk(text: str, own: str | None = None, near: str | None = None) -> str | None:
    """The KOOP id of the Kamerstuk a document answers: the first one cited in ``text`` (the
    intro) that is not the document itself, and, with ``near`` (a regex), whose sentence
    matches it before the citation ("het verslag (Kamerstuk 36 781, nr. 6)")."""
    for ref in find_references(text):
        if ref.type != "kamerstuk" or not ref.koop_id or ref.koop_id == own:
            continue
        at = text.find(ref.text)
        before = text[: max(at, 0)]
        sentence = re.split(r"[.?!]\s+(?=[A-Z])", before)[-1]
        if near is None or re.search(near, sentence, re.I):
            return ref.koop_id
    return None


_DOSSIER_WITH_TITLE = re.compile(
    r"^\s*\d{2}\s?\d{3}(?:-\d{1,3})?(?:[ -](?:[IVXL]{1,6}|[A-Z])(?=\s))?\s+(?=[A-Z])"
)
_DOSSIER_ALONE = re.compile(r"^\s*\d{2}\s?\d{3}(?:-\d{1,3})?(?:\s+(?:[IVXL]{1,6}|[A-Z]))?\s*$")
# "… Nr. 7 NOTA NAAR AANLEIDING …" run into the title line by some PDF text layers
_STUK_TAIL = re.compile(
    r"\s+(?:nr\.\s*\d{1,4}|[A-Z]{1,2})\s+(?:NOTA|MEMORIE|NADERE?|VERSLAG|LIJST|BRIEF)\b.*$", re.I
)
_STUK_TITLE = re.compile(
    r"^\s*(?:nr\.\s*\d+|[A-Z]{1,2}\s+(?=[A-Z]{4}))|^\s*(?:ontvangen|vastgesteld)\b", re.I
)


def dossier_title(texts: list[str]) -> str | None:
    """The dossier's title in a Kamerstuk head: after the dossier number on its line
    ("36 800 XVI Vaststelling van …"), or on the line after a dossier number printed alone."""
    for index, text in enumerate(texts[:15]):
        if _DOSSIER_ALONE.match(text) and index + 1 < len(texts):
            candidate = _STUK_TAIL.sub("", texts[index + 1]).strip()
            if candidate and not _STUK_TITLE.match(candidate):
                return candidate
        if _DOSSIER_WITH_TITLE.match(text):
            return _STUK_TAIL.sub("", _DOSSIER_WITH_TITLE.sub("", text)).strip() or None
    return None
