"""Split reader blocks at "Vraag N" / "Antwoord N" headings and count words per section.

Used by the corpus tests and bench/parse_formats.py to compare a reader with the gold word
counts of ../shared/corpus/gold (question text: heading to the next heading; answer text:
heading to the next "Vraag" heading). Heading numbers are read with a small local regex so that
the check does not depend on the kamervragen parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kamerqa.readers.blocks import ReadResult

_HEAD = re.compile(
    r"^(vraag|vragen|antwoord|antwoorden)\b(?:\s+(?:op|bij)(?:\s+de)?\s+(?:vraag|vragen))?"
    r"\s*((?:\d+[a-z]?|en|t/m|,|\s|–|-)*?)\s*[:.]?$",
    re.I,
)


@dataclass
class Section:
    kind: str  # "vraag" or "antwoord"
    numbers: list[str]
    words: int


def sections(result: ReadResult) -> list[Section]:
    found: list[Section] = []
    for block in result.blocks:
        match = _HEAD.match(block.text.strip())
        if match:
            kind = "vraag" if match.group(1).lower().startswith("vra") else "antwoord"
            found.append(Section(kind, re.findall(r"\d+[a-z]?", match.group(2)), 0))
        elif found:
            found[-1].words += len(block.text.split())
    return found


def compare(result: ReadResult, gold: dict[str, object]) -> list[str]:
    """Problems (empty when every question and answer total is within max(3, 3%))."""
    problems: list[str] = []
    got = sections(result)
    questions = {str(q["number"]): int(q["words"]) for q in gold["questions"]}  # type: ignore[index,union-attr]
    answers = [(list(a["questions"]), int(a["words"])) for a in gold["answers"]]  # type: ignore[index,union-attr]
    asked = [s for s in got if s.kind == "vraag"]
    replies = [s for s in got if s.kind == "antwoord"]
    for section in asked:
        want = sum(questions.get(n, 0) for n in section.numbers)
        if abs(section.words - want) > max(3, 0.03 * want):
            problems.append(f"vraag {section.numbers}: {section.words} words, gold {want}")
    if len(replies) != len(answers):
        problems.append(f"{len(replies)} answer sections, gold {len(answers)}")
    for section, (numbers, want) in zip(replies, answers, strict=False):
        if abs(section.words - want) > max(3, 0.03 * want):
            problems.append(f"antwoord {numbers}: {section.words} words, gold {want}")
    return problems
