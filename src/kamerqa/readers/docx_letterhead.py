"""Letterhead facts of a ministry letter: Datum, Ons kenmerk, Uw brief van, Onderwerp, Aan."""

from __future__ import annotations

import re

__all__ = ["letterhead_facts"]

_LABELS = {
    "datum": "date",
    "ons kenmerk": "kenmerk",
    "kenmerk": "kenmerk",
    "uw brief": "uw_brief_van",
    "uw brief van": "uw_brief_van",
    "uw kenmerk": "uw_kenmerk",
    "onderwerp": "onderwerp",
    "betreft": "onderwerp",
}
_LABEL = re.compile(
    r"^(datum|ons kenmerk|kenmerk|uw brief van|uw brief|uw kenmerk|onderwerp|betreft)\b"
    r"\s*:?\s*(.*)$",
    re.I,
)
_ADDRESSEE = re.compile(r"^(aan\s+)?de\s+voorzitter\b", re.I)
_ADDRESS_END = re.compile(r"^\d{4}\s?[A-Z]{2}\b|postbus", re.I)
_ADDRESS_LINE = re.compile(r"^[^.,:;]{2,60}$")
MAX_VALUE = 600


def letterhead_facts(lines: list[str]) -> dict[str, str]:
    """Facts from the text of letterhead tables and text boxes, in reading order."""
    facts: dict[str, str] = {}
    flat = [part.strip() for line in lines for part in line.split("\n") if part.strip()]
    for index, line in enumerate(flat):
        match = _LABEL.match(line)
        if match:
            key = _LABELS[match.group(1).lower()]
            value = match.group(2).strip() or _next_value(flat, index)
            if re.search(r"\w", value) and key not in facts and not _LABEL.match(value):
                facts[key] = value[:MAX_VALUE]
        elif _ADDRESSEE.match(line) and "addressee" not in facts:
            facts["addressee"] = _address(flat, index)
    return facts


def _next_value(lines: list[str], index: int) -> str:
    return lines[index + 1] if index + 1 < len(lines) else ""


def _address(lines: list[str], index: int) -> str:
    """The addressee lines up to the postal address: "de Voorzitter … der Staten-Generaal"."""
    parts = [lines[index]]
    for line in lines[index + 1 : index + 4]:
        if _ADDRESS_END.search(line) or _LABEL.match(line) or not _ADDRESS_LINE.match(line):
            break
        parts.append(line)
    text = " ".join(parts)
    return re.sub(r"^aan\s+", "", text, flags=re.I)[:MAX_VALUE]
