"""Dutch dates in running text: "8 oktober 2025", "8 okt. 2025", "08-10-2025", "2025-10-08".

A date without a year ("15 oktober a.s.", "op 12 september") takes the year of the reference
date; "a.s." (aanstaande) moves it to the next year when it would otherwise lie before the
reference date.
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["MONTHS", "MONTH_NAMES", "dutch_date", "find_dates", "parse_dutch_date"]

MONTHS: dict[str, int] = {
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "april": 4,
    "mei": 5,
    "juni": 6,
    "juli": 7,
    "augustus": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}
MONTH_NAMES: tuple[str, ...] = tuple(MONTHS)  # "januari" … "december", in order


def dutch_date(day: date | None) -> str:
    """A date written out in Dutch ("8 oktober 2025"); "" for None."""
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}" if day else ""


_ABBREVIATIONS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "febr": 2,
    "mrt": 3,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_WORD = "|".join(
    sorted([*MONTHS, *_ABBREVIATIONS], key=len, reverse=True)  # longest first
)
_WORDED = re.compile(
    rf"\b(?P<day>[0-3]?\d)(?:e|ste|de)?\s+(?P<month>{_MONTH_WORD})\b\.?"
    rf"(?:\s+(?P<year>(?:19|20)\d\d)\b|(?P<coming>\s+a\.?\s?s\.?)(?!\w))?",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    r"(?<![\d/-])(?P<day>[0-3]?\d)[-/.](?P<month>[01]?\d)[-/.](?P<year>(?:19|20)\d\d)(?![\d/-])"
)
_ISO = re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d-])")


def _month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or _ABBREVIATIONS.get(word)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _from_worded(match: re.Match[str], reference: date | None) -> date | None:
    month = _month_number(match.group("month"))
    if month is None:
        return None
    day = int(match.group("day"))
    if match.group("year"):
        return _safe_date(int(match.group("year")), month, day)
    if reference is None:
        return None
    found = _safe_date(reference.year, month, day)
    if found is not None and match.group("coming") and found < reference:
        found = _safe_date(reference.year + 1, month, day)
    return found


def _candidates(text: str, reference: date | None) -> list[tuple[int, date]]:
    found: list[tuple[int, date]] = []
    for match in _WORDED.finditer(text):
        value = _from_worded(match, reference)
        if value is not None:
            found.append((match.start(), value))
    for pattern in (_NUMERIC, _ISO):
        for match in pattern.finditer(text):
            value = _safe_date(
                int(match.group("year")), int(match.group("month")), int(match.group("day"))
            )
            if value is not None:
                found.append((match.start(), value))
    found.sort(key=lambda item: item[0])
    return found


def find_dates(text: str, reference: date | None = None) -> list[date]:
    """Every date in ``text`` in order of appearance (year-less dates need ``reference``)."""
    return [value for _, value in _candidates(text, reference)]


def parse_dutch_date(text: str, reference: date | None = None) -> date | None:
    """The first date in ``text``, or None."""
    found = _candidates(text, reference)
    return found[0][1] if found else None
