"""Question numbers as printed: lists ("2, 3 en 4"), ranges ("3 t/m 5"), sub-numbers ("7a").

Also the two heading shapes of written questions: question headings ("Vraag 2, 3 en 4") and
answer headings ("Antwoord op vraag 3 en 8", "Antwoorden op vraag 3, 4, 5, 9 en 10").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "NUMBER_LIST",
    "HeadingMatch",
    "match_answer_heading",
    "match_question_heading",
    "number_key",
    "parse_number_list",
]

MAX_RANGE = 200
_NUM = r"\d{1,4}(?:\s?[a-z](?![a-z/]))?"
_JOIN = r"(?:\s*(?:,|;|&|\+|/(?!m)|\ben\b|\bt/m\b|\btot en met\b|-|–|—)\s*)"
# A list of question numbers: "2", "2, 3 en 4", "3 t/m 5", "7a", "7 a en 7 b"
# "3a en b": a bare letter after a sub-number is the next sub-question of the same number
_LETTER = r"[a-h](?![\w/’'])"
NUMBER_LIST = rf"{_NUM}(?:{_JOIN}(?:{_NUM}|{_LETTER}))*"
_PUNCT = ":.-–—)"
_NUMBER_RE = re.compile(r"(\d{1,4})\s?([a-z]?)")
_RANGE_RE = re.compile(r"t/m|tot en met|-|–|—")
_TOKEN_RE = re.compile(rf"({_NUM})|(t/m|tot en met|-|–|—)|(?<![\w/])({_LETTER})")


@dataclass
class HeadingMatch:
    """A question or answer heading: the numbers it names and the text after it."""

    numbers: list[str]
    rest: str


def number_key(number: str) -> tuple[int, str]:
    """Sort key for question numbers: numeric part first, then the letter ("7" < "7a" < "8")."""
    match = _NUMBER_RE.match(number)
    if not match:
        return (10**6, number)
    return (int(match.group(1)), match.group(2))


def _normal(number: str) -> str:
    match = _NUMBER_RE.match(number.strip())
    return f"{int(match.group(1))}{match.group(2)}" if match else number.strip()


def parse_number_list(text: str) -> list[str]:
    """Numbers named in ``text``: "2, 3 en 4" -> ["2","3","4"], "3 t/m 5" -> ["3","4","5"]."""
    numbers: list[str] = []
    pending_range = False
    for match in _TOKEN_RE.finditer(text):
        if match.group(2):
            pending_range = bool(numbers)
            continue
        if match.group(3):  # "3a en b": b of the same number
            base, letter = number_key(numbers[-1]) if numbers else (0, "")
            if letter and f"{base}{match.group(3)}" not in numbers:
                numbers.append(f"{base}{match.group(3)}")
            continue
        number = _normal(match.group(1))
        if pending_range and numbers:
            numbers.extend(_expand(numbers[-1], number))
        elif number not in numbers:
            numbers.append(number)
        pending_range = False
    return numbers


def _expand(start: str, end: str) -> list[str]:
    first, _ = number_key(start)
    last, letter = number_key(end)
    if letter or last <= first or last - first > MAX_RANGE:
        return [end]
    return [str(n) for n in range(first + 1, last + 1)]


_QUESTION_RE = re.compile(
    rf"^\s*(?:vra(?:ag|gen))\s*(?:nr\.?\s*|nummers?\s*)?({NUMBER_LIST})\b(?P<rest>.*)$",
    re.I | re.S,
)
_ANSWER_RE = re.compile(
    r"^\s*(?:antwoord(?:en)?|(?P<formal>beantwoording))"
    r"(?:\s+(?:(?:op|bij|van)\s+)?(?:de\s+)?vra(?:ag|gen))?"
    rf"(?:\s*(?:nr\.?\s*)?(?P<nums>{NUMBER_LIST}))?"
    r"(?P<rest>.*)$",
    re.I | re.S,
)


def _rest(text: str) -> str | None:
    """Text after a heading: "" for none, None when the heading runs on into a sentence."""
    stripped = text.strip()
    if not stripped:
        return ""
    if stripped[0] in _PUNCT:
        return stripped[1:].strip()
    # "Vraag 2 Klopt het ..." (same line) is a heading; "Vraag 2 is ..." is prose
    if not text[:1].isspace() or stripped[:1].islower():
        return None
    return stripped


def match_question_heading(text: str) -> HeadingMatch | None:
    """A question heading ("Vraag 2", "Vragen 3 en 4", "Vraag 2: Klopt het ...") or None."""
    match = _QUESTION_RE.match(text)
    if not match:
        return None
    numbers = parse_number_list(match.group(1))
    rest = _rest(match.group("rest"))
    if rest is None or not numbers:
        return None
    return HeadingMatch(numbers=numbers, rest=rest)


def match_answer_heading(text: str) -> HeadingMatch | None:
    """An answer heading ("Antwoord", "Antwoord 2", "Antwoord op vraag 3 en 8", "Beantwoording
    vraag 3") or None."""
    match = _ANSWER_RE.match(text)
    if not match:
        return None
    numbers = parse_number_list(match.group("nums") or "")
    rest = _rest(match.group("rest"))
    if rest is None or (match.group("formal") and not numbers):
        return None  # a title "Beantwoording" / "Beantwoording Kamervragen" is no heading
    if not numbers and rest and match.group("rest").strip()[0] not in _PUNCT:
        return None  # "Antwoord Nee" without a number or colon is not a heading
    return HeadingMatch(numbers=numbers, rest=rest)
