"""Recognising questions that have no "Vraag N" heading: numbered or prose paragraphs.

Used where questions are paraphrased ("De leden van de VVD-fractie vragen of …") or numbered
as paragraphs ("12. Hoeveel …?"), as in verslagen, lijsten van vragen and nota's.
"""

from __future__ import annotations

import re

__all__ = [
    "GOVERNMENT_START",
    "PROSE_QUESTION",
    "QuestionIndex",
    "is_intro_paragraph",
    "numbered_paragraph",
    "question_key",
]

_ASK_OBJECT = (
    r"(?:de|het|zich|of|hoe|hoeveel|hoelang|wat|waarom|wanneer|welke|wie|waar|waarop|in\s+hoeverre"
    r"|naar|om|u|nader|ook|voorts|verder|daarnaast|tevens|deze\s+leden|zij)"
)
PROSE_QUESTION = re.compile(
    r"\?|\b(?:vragen|vraagt|vroegen|verzoeken|verzoekt)\s+" + _ASK_OBJECT + r"\b"
    r"|\bwillen\s+(?:\w+\s+){0,2}(?:weten|vernemen)\b|\b(?:horen|vernemen|ontvangen|zien)\s+graag\b"
    r"|\bgraag\s+(?:een\s+)?(?:reactie|toelichting|horen|vernemen|weten|uitleg)\b"
    r"|\bbenieuwd\b|\bvernemen\s+(?:of|hoe|wat|waarom)\b|\bverzoek\s+(?:aan|om)\b",
    re.I,
)
_INTRO = re.compile(
    r"\bkennis\s?genomen\b|\bgeen\s+(?:aanvullende\s+|verdere\s+)?(?:vragen|opmerkingen)\b"
    r"|\bhebben\s+(?:nog\s+)?(?:enkele|een\s+aantal|enige)\s+(?:vragen|opmerkingen)",
    re.I,
)
_ASK_VERB = re.compile(
    r"\b(?:vragen|vraagt|verzoeken|verzoekt)\s+" + _ASK_OBJECT + r"\b"
    r"|\b(?:horen|vernemen|ontvangen)\s+graag\b|\bwillen\s+(?:\w+\s+){0,2}weten\b",
    re.I,
)
# Sentences that start the government's side in prose ("De regering …", "Het kabinet …").
GOVERNMENT_START = re.compile(
    r"^(?:de\s+regering|het\s+kabinet|ik\b|wij\b|de\s+minister|de\s+staatssecretaris"
    r"|de\s+initiatiefnemers?|graag\s+verwijs\s+ik|in\s+antwoord\s+op|het\s+antwoord\b"
    r"|(?:ja|nee)\b[,.]|(?:dat|dit)\s+klopt\b)",
    re.I,
)
_NUMBERED = re.compile(r"^\s*(?P<n>\d{1,3}[a-z]?)(?:[.):]|\s*[-–]\s|\s)\s*(?P<rest>.*)$", re.S)
_BARE_NUMBER = re.compile(r"^\s*(?P<n>\d{1,3}[a-z]?)[.):]?\s*$")


def is_intro_paragraph(text: str) -> bool:
    """A faction's opening ("hebben kennisgenomen … en hebben nog enkele vragen")."""
    if "?" in text or not _INTRO.search(text):
        return False
    return _ASK_VERB.search(text) is None


def numbered_paragraph(text: str, expected: str) -> tuple[str, str]:
    """ "12. Hoeveel …?" -> ("12", "Hoeveel …?") when 12 is the number expected next."""
    match = _BARE_NUMBER.match(text) or _NUMBERED.match(text)
    if match is None or match.group("n") != expected:
        return "", ""
    rest = match.groupdict().get("rest") or ""
    if rest and not (rest[:1].isupper() or rest[:1] in "‘'\"(“"):
        return "", ""
    return match.group("n"), rest.strip()


def _normal(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())[:120]


def question_key(text: str) -> str:
    """A key under which a question quoted again (part II repeating part I) is found back."""
    return _normal(text) if len(text) >= 30 else ""


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w{4,}", text.lower()))


class QuestionIndex:
    """Finds the question a reply paragraph repeats: same opening, or mostly the same words."""

    def __init__(self, questions: list[tuple[list[str], str]]) -> None:
        self.by_key = {question_key(text): numbers for numbers, text in questions if text}
        self.words = [(numbers, _words(text)) for numbers, text in questions if text]

    def find(self, text: str, min_overlap: float = 0.6) -> list[str] | None:
        key = question_key(text)
        if not key:
            return None
        if key in self.by_key:
            return self.by_key[key]
        words = _words(text)
        best: tuple[float, list[str] | None] = (0.0, None)
        for numbers, asked in self.words:
            union = len(words | asked)
            overlap = len(words & asked) / union if union else 0.0
            if overlap > best[0]:
                best = (overlap, numbers)
        return best[1] if best[0] >= min_overlap else None
