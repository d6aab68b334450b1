"""Golden files: every fixture under tests/fixtures/<genre>/ parses to its NAME.expected.json.

The expected files were reviewed by hand; regenerate with tests/parse/golden_tool.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from tests.parse.golden_tool import GENRE_DIRS, actual, expected_path, fixtures

GENRE_OF_DIR = {
    "schriftelijk_overleg": "schriftelijk_overleg",
    "lijst_van_vragen": "lijst_van_vragen",
    "nota": "nota_naar_aanleiding_van_verslag",
}
MARKERS = re.compile(r"\[(?:footnote|endnote)Ref:|\[\d+:\s|\^\d|\[\d{1,3}\](?!\w)")


@pytest.mark.parametrize("fixture", fixtures(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture_matches_expected(fixture: Path) -> None:
    target = expected_path(fixture)
    assert target.exists(), (
        f"run: .venv/bin/python tests/parse/golden_tool.py --write {fixture.stem}"
    )
    assert actual(fixture) == json.loads(target.read_text(encoding="utf-8"))


@pytest.mark.parametrize("fixture", fixtures(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fixture_invariants(fixture: Path) -> None:
    doc = actual(fixture)
    assert doc["genre"] == GENRE_OF_DIR[fixture.parent.name]
    numbers = [q["number"] for q in doc["questions"]]
    assert len(numbers) == len(set(numbers)) and numbers
    answers = {a["id"]: a for a in doc["answers"]}
    for question in doc["questions"]:
        assert question["text"].strip(), question
        assert question["answer_id"] in answers, question
        assert question["number"] in answers[question["answer_id"]]["questions"]
    for item in [*doc["questions"], *doc["answers"]]:
        assert not MARKERS.search(item["text"]), item["text"][:80]
        assert not re.match(r"(?i)(vraag \d+|antwoord)\s*$", item["text"].split("\n")[0])


def test_at_least_six_fixtures_per_genre() -> None:
    for directory in GENRE_DIRS:
        assert len([f for f in fixtures() if f.parent.name == directory]) >= 6, directory
