"""Facts a KOOP publication XML states in its markup, as ``ReadResult.metadata`` entries.

Keys (all strings; documented in docs/formats.md): ``koop_id``, ``date`` (ISO), ``vergaderjaar``
("2024-2025"), for kamervragen ``aanhangsel`` (number), ``zaak`` (TK zaak number),
``date_submitted``, ``date_answered``, ``askers`` ("Name (Party); Name (Party)"),
``addressee``, ``onderwerp``, ``answered_by``; for a Kamerstuk ``dossier`` ("36600-X"),
``ondernummer``, ``title``, ``dossier_title``.
"""

from __future__ import annotations

import re

from lxml import etree

from kamerqa.readers.xml_common import clean, dossier_id, local_name, vergaderjaar_digits

_PARTY = re.compile(r"^\s*\(\s*(?:beiden|allen|beide)?\s*([^()]{1,40}?)\s*\)")
_ZAAK = re.compile(r"^\d{4}Z\d{3,6}$")
_ADDRESSEE = re.compile(r"\baan (?:de |het )?(.+?)\s+over\b", re.I | re.S)
_SUBJECT = re.compile(r"\bover\s+(.+?)\s*(?:\(ingezonden\b|$)", re.I | re.S)


def _text(element: etree._Element | None) -> str:
    if element is None:
        return ""
    if local_name(element) == "naam" and len(element):
        return clean(" ".join("".join(child.itertext()) for child in element))
    return clean("".join(element.itertext()))


def _first(root: etree._Element, *names: str) -> etree._Element | None:
    return next(root.iter(*names), None)


def _all(root: etree._Element, name: str) -> list[etree._Element]:
    return list(root.iter(name))


def _isodate(element: etree._Element) -> str:
    for datum in _all(element, "datum"):
        value = (datum.get("isodatum") or "").strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return value
    return ""


def _vergaderjaar(root: etree._Element) -> str:
    for line in _all(root, "tekstregel"):
        if (line.get("inhoud") or "").lower() == "vergaderjaar" or "vergaderjaar" in _text(
            line
        ).lower():
            digits = vergaderjaar_digits(_text(line))
            if digits:
                return f"{digits[:4]}-{digits[4:]}"
    return ""


def _askers(omschrijving: etree._Element) -> list[str]:
    """Names (with parties) of the askers: ``naam`` elements followed by "(Party)"."""
    names: list[list[str]] = []
    for naam in _all(omschrijving, "naam"):
        if any(local_name(a) == "naam" for a in naam.iterancestors()):
            continue
        name = _text(naam)
        if not name:
            continue
        tail = naam.tail or ""
        parent = naam.getparent()
        if not tail.strip() and parent is not None and parent is not omschrijving:
            tail = parent.tail or ""
        match = _PARTY.match(tail)
        names.append([name, clean(match.group(1)) if match else ""])
        if match:
            for earlier in names:
                earlier[1] = earlier[1] or clean(match.group(1))
    return [f"{name} ({party})" if party else name for name, party in names]


def _omschrijving_facts(element: etree._Element, facts: dict[str, str]) -> None:
    text = _text(element)
    kind = (element.get("type") or "").lower()
    if not kind:
        kind = "antwoord" if re.match(r"\s*(antwoord|mededeling)", text, re.I) else "vraag"
    date = _isodate(element)
    if kind == "antwoord":
        facts.setdefault("answered_by", text)
        if date:
            facts.setdefault("date_answered", date)
        return
    if date:
        facts.setdefault("date_submitted", date)
    askers = _askers(element)
    if askers:
        facts.setdefault("askers", "; ".join(askers))
    addressee = _ADDRESSEE.search(text)
    if addressee:
        facts.setdefault("addressee", clean(addressee.group(1)))
    subject = _text(_first(element, "kamervraagonderwerp"))
    if not subject:
        match = _SUBJECT.search(text)
        subject = clean(match.group(1)).rstrip(".") if match else ""
    if subject:
        facts.setdefault("onderwerp", subject)


def kamervragen_facts(root: etree._Element) -> dict[str, str]:
    """Facts of an Aanhangsel (``kamervragen``) publication."""
    facts: dict[str, str] = {}
    year = _vergaderjaar(root)
    if year:
        facts["vergaderjaar"] = year
    number = _text(_first(root, "kamervraagnummer"))
    if _ZAAK.match(number):
        facts["zaak"] = number
    elif number.isdigit():
        facts["aanhangsel"] = number
        if year:
            facts["koop_id"] = f"ah-tk-{year.replace('-', '')}-{number}"
    for element in _all(root, "kamervraagomschrijving"):
        _omschrijving_facts(element, facts)
    if "date_answered" in facts:
        facts["date"] = facts["date_answered"]
    return facts


def kamerstuk_facts(root: etree._Element) -> dict[str, str]:
    """Facts of a Kamerstuk publication: dossier, ondernummer, title, date."""
    facts: dict[str, str] = {}
    year = _vergaderjaar(root)
    if year:
        facts["vergaderjaar"] = year
    dossier = _first(root, "dossier")
    if dossier is not None:
        number = _text(_first(dossier, "dossiernr", "dossiernummer"))
        if number:
            facts["dossier"] = dossier_id(number)
        title = next((c for c in dossier if local_name(c) == "titel"), None)
        if title is not None and _text(title):
            facts["dossier_title"] = _text(title)
    stuk = _first(root, "stuk")
    if stuk is not None:
        ondernummer = _text(_first(stuk, "ondernummer"))
        if ondernummer:
            facts["ondernummer"] = ondernummer
        title = next((c for c in stuk if local_name(c) == "titel"), None)
        if title is not None and _text(title):
            facts["title"] = _text(title)
        datumtekst = _first(stuk, "datumtekst")
        if datumtekst is not None and _isodate(datumtekst):
            facts["date"] = _isodate(datumtekst)
    if facts.get("dossier") and facts.get("ondernummer"):
        facts["koop_id"] = f"kst-{facts['dossier']}-{facts['ondernummer']}"
    return facts
