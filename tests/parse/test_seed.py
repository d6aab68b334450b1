"""Acceptance on the seed: the schriftelijk-overleg answer letter (Tika text of a DOCX)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kamerqa.model import Document
from kamerqa.parse import parse_bytes

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Document:
    return parse_bytes(seed_path.read_bytes(), str(seed_path))


@pytest.fixture(scope="module")
def gold(shared_dir: Path) -> dict:  # type: ignore[type-arg]
    path = shared_dir / "seeds" / "gold" / "000_62cc81db4921119a.json"
    if not path.exists():
        pytest.skip("seed gold file absent")
    return json.loads(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _close(got: int, want: int) -> bool:
    return abs(got - want) <= max(3, 0.03 * want)


def test_genre_and_cover_letter(seed: Document) -> None:
    meta = seed.metadata
    assert seed.genre == "schriftelijk_overleg"
    assert meta.committee == "vaste commissie voor Defensie"
    assert meta.date_submitted == date(2025, 10, 8)
    assert meta.reference == "28676-552/2025D43738"
    assert meta.identifiers.tk_document == "2025D43738"
    assert [(s.name, s.function) for s in meta.signatories] == [
        ("Ruben Brekelmans", "minister van Defensie")
    ]
    assert meta.subject is not None and "NAVO" in meta.subject
    assert meta.meeting is not None and meta.meeting.startswith("2025-10-15")


def test_parties_and_their_questions(seed: Document) -> None:
    assert [(p.name, p.question_numbers) for p in seed.parties] == [
        ("PVV", []),
        ("NSC", ["1", "2", "3", "4"]),
        ("SGP", ["5", "6", "7"]),
        ("Volt", ["8", "9", "10"]),
    ]
    assert all(p.intro.startswith(f"De leden van de {p.name}-fractie") for p in seed.parties)
    assert [q.party for q in seed.questions] == ["NSC"] * 4 + ["SGP"] * 3 + ["Volt"] * 3


def test_every_question_has_its_own_answer(seed: Document) -> None:
    assert [q.number for q in seed.questions] == [str(n) for n in range(1, 11)]
    assert [a.questions for a in seed.answers] == [[str(n)] for n in range(1, 11)]
    assert [q.answer_id for q in seed.questions] == [f"a{n}" for n in range(1, 11)]


def test_pointer_answers(seed: Document) -> None:
    nine, ten = seed.answer_for("9"), seed.answer_for("10")
    assert nine is not None and ten is not None
    assert nine.refers_to == ["2"] and nine.text == "Zie antwoord op vraag 2."
    assert ten.refers_to == ["4"]
    assert ten.text.startswith("Voor de invulling van de 1,5% zie antwoord op vraag 4.")
    assert "Build With Ukraine" in ten.text
    assert all(a.refers_to == [] for a in seed.answers[:8])


def test_footnote_in_answer_eight(seed: Document) -> None:
    assert len(seed.footnotes) == 1
    note = seed.footnotes[0]
    assert (note.id, note.in_) == ("2", "a8")
    assert note.text.startswith("Zowel moedwillige (security)")
    everything = json.dumps(seed.to_dict(), ensure_ascii=False)
    assert "footnoteRef" not in everything and "[2:" not in everything
    eight = seed.answer_for("8")
    assert eight is not None and "all-hazard-aanpak" in eight.text
    assert "moedwillige" not in eight.text
    assert note.offset is not None and eight.text[: note.offset].endswith("all-hazard")


def test_kamerstuk_citation_in_question_five(seed: Document) -> None:
    kst = [r for r in seed.references if r.type == "kamerstuk"]
    assert [(r.dossier, r.number, r.koop_id, r.in_) for r in kst] == [
        ("21501-20", "2290", "kst-21501-20-2290", "q5")
    ]


def test_texts_are_complete_and_clean(seed: Document) -> None:
    heading = re.compile(r"^(Vraag \d+|Antwoord|Vragen en opmerkingen)\b", re.M)
    for item in [*seed.questions, *seed.answers]:
        assert not heading.search(item.text), item.text[:80]
        assert "fractie hebben met" not in item.text  # no party intro glued on
    question_one = seed.questions[0].text
    assert question_one.startswith("Met interesse lazen") and question_one.endswith("voorzien.")
    last = seed.answers[3].text
    assert last.endswith("keuzes te maken.") and "SGP" not in last


def test_word_counts_match_gold(seed: Document, gold: dict) -> None:  # type: ignore[type-arg]
    for want, got in zip(gold["questions"], seed.questions, strict=True):
        assert _close(len(got.text.split()), want["words"]), (got.number, want)
    for want, got in zip(gold["answers"], seed.answers, strict=True):
        assert _close(len(got.text.split()), want["words"]), (got.id, want)
        assert got.refers_to == want["refers_to"]


def test_check_gold_tool_passes(shared_dir: Path) -> None:
    tool = shared_dir / "tools" / "check_gold.py"
    golds = sorted((shared_dir / "seeds" / "gold").glob("*.json"))
    if not tool.exists() or not golds:
        pytest.skip("check_gold.py or seed gold files absent")
    kamerqa = Path(sys.executable).with_name("kamerqa")
    command = str(kamerqa) if kamerqa.exists() else f"{sys.executable} -m kamerqa.cli"
    proc = subprocess.run(
        [sys.executable, str(tool), *map(str, golds), "--kamerqa", command, "-v"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "documents exact" in proc.stdout
