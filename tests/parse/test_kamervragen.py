"""Kamervragen parser: golden fixtures (text and generated DOCX) and block-level edge cases."""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from kamerqa.model import Document, Source
from kamerqa.parse import parse_bytes
from kamerqa.parse.kamervragen import parse
from kamerqa.readers.blocks import Block, Note, ReadResult

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "kamervragen"
EXPECTED = sorted(FIXTURES.glob("*.expected.json"))


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_docx", FIXTURES / "build_docx.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BUILDERS = {"brief_met_bijlage.docx": "letter_docx", "kopstijlen.docx": "heading_styles_docx"}


def _source_bytes(name: str) -> bytes:
    if name in BUILDERS:
        data: bytes = getattr(_builder(), BUILDERS[name])()
        return data
    return (FIXTURES / name).read_bytes()


def _summary(document: Document) -> dict[str, Any]:
    meta = document.metadata
    return {
        "questions": [
            {"number": q.number, "words": len(q.text.split()), "answer": q.answer_id}
            for q in document.questions
        ],
        "answers": [
            {"questions": a.questions, "words": len(a.text.split()), "refers_to": a.refers_to}
            for a in document.answers
        ],
        "askers": [[p.name, p.party] for p in meta.askers],
        "addressees": meta.addressees,
        "signatories": [[s.name, s.function] for s in meta.signatories],
        "date_submitted": meta.date_submitted.isoformat() if meta.date_submitted else None,
        "date_answered": meta.date_answered.isoformat() if meta.date_answered else None,
        "footnotes": [[f.id, f.in_] for f in document.footnotes],
        "warnings": document.warnings,
    }


@pytest.mark.parametrize("expected_path", EXPECTED, ids=[p.name for p in EXPECTED])
def test_golden_fixture(expected_path: Path) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    name = expected.pop("source")
    document = parse_bytes(_source_bytes(name), name)
    assert document.genre == "kamervragen"
    assert _summary(document) == expected


def test_there_are_enough_golden_fixtures() -> None:
    assert len(EXPECTED) >= 6


def _parse(blocks: list[Block], **metadata: str) -> Document:
    read = ReadResult(format="text", blocks=blocks, metadata=dict(metadata))
    return parse(read, Document(id="x", genre="kamervragen", source=Source()))


def test_unheaded_answers_after_bold_questions() -> None:
    document = _parse(
        [
            Block("Vraag 1", bold=True),
            Block("Klopt het dat de brug dicht is?", bold=True),
            Block("Antwoord op vraag 1", bold=True),
            Block("Ja."),
            Block("Vraag 2", bold=True),
            Block("Wanneer gaat de brug weer open?", bold=True),
            Block("In maart."),
            Block("Dat is later dan gepland."),
        ]
    )
    assert [(a.questions, a.text) for a in document.answers] == [
        (["1"], "Ja."),
        (["2"], "In maart.\n\nDat is later dan gepland."),
    ]


def test_non_bold_question_paragraph_is_not_an_answer_when_a_heading_follows() -> None:
    document = _parse(
        [
            Block("Vraag 1", bold=True),
            Block("Bent u bekend met het volgende citaat?", bold=True),
            Block("“De brug blijft dicht tot de zomer.”"),
            Block("Antwoord 1", bold=True),
            Block("Ja."),
        ]
    )
    assert document.questions[0].text.endswith("zomer.”")
    assert [a.questions for a in document.answers] == [["1"]]


def test_bare_answer_heading_answers_every_open_question() -> None:
    document = _parse(
        [
            *(Block(t) for t in ("Vraag 3", "Wat?", "Vraag 4", "Waarom?")),
            *(Block(t) for t in ("Antwoord", "Omdat het moet.")),
        ]
    )
    assert document.answers[0].questions == ["3", "4"]
    assert {q.answer_id for q in document.questions} == {"a1"}


def test_shared_heading_without_enough_paragraphs_warns() -> None:
    document = _parse(
        [Block("Vraag 1 en 2"), Block("Wat en waarom?"), Block("Antwoord 1 en 2"), Block("Zo.")]
    )
    assert [q.number for q in document.questions] == ["1", "2"]
    assert document.questions[0].text == "Wat en waarom?"
    assert any("share one text" in w for w in document.warnings)


def test_structured_roles_are_used() -> None:
    document = _parse(
        [
            Block("Klopt dat?", role="question", number="1"),
            Block("Ja.", role="answer", number="1"),
            Block("Nog een vraag?", role="question", number="2"),
            Block("Nee.", role="answer", number="2"),
            Block("Zie ook het antwoord op vraag 1.", role="answer", number="2"),
        ]
    )
    assert [(a.questions, a.refers_to) for a in document.answers] == [(["1"], []), (["2"], ["1"])]
    assert document.answers[1].text.endswith("vraag 1.")


def test_notes_go_where_their_marker_was() -> None:
    document = _parse(
        [
            Block(
                "Vragen van het lid Smit (SP) aan de Minister van Financiën "
                "(ingezonden 1 mei 2025)."
            ),
            Block("Vraag 1"),
            Block("Klopt het bericht?", notes=[Note("1", "NOS, 30 april 2025.")]),
            Block("Antwoord 1"),
            Block("Ja.", notes=[Note("2", "Kamerstuk 36 600 IX, nr. 5.")]),
        ]
    )
    assert [(f.id, f.in_) for f in document.footnotes] == [("1", "q1"), ("2", "a1")]
    assert [(r.dossier, r.number) for r in document.references] == [("36600-IX", "5")]


def test_answer_to_unknown_question_is_kept_with_a_warning() -> None:
    document = _parse([Block("Vraag 1"), Block("Wat?"), Block("Antwoord 2"), Block("Dit.")])
    assert document.answers[0].questions == ["2"]
    assert any("unknown question 2" in w for w in document.warnings)
    assert any("without answer: 1" in w for w in document.warnings)


def test_bare_question_headings_are_numbered_in_order() -> None:
    texts = ["Vraag:", "Wat kost het?", "Antwoord:", "Veel.", "Vraag", "Wie betaalt?"]
    document = _parse([Block(text) for text in [*texts, "Antwoord: Het Rijk."]])
    assert [(q.number, q.answer_id) for q in document.questions] == [("1", "a1"), ("2", "a2")]
    assert document.answers[1].text == "Het Rijk."


def test_numbered_questions_skip_lists_inside_answers() -> None:
    texts = [
        "1. Klopt het bericht?",
        "Antwoord",
        "Ja, om drie redenen:",
        "1. de kosten;",
        "2. de planning;",
        "3. de risico's.",
        "2. Wat gaat u doen?",
        "Antwoord",
        "Ik stuur een brief.",
        "Met vriendelijke groet,",
        "De staatssecretaris van Financiën,",
    ]
    document = _parse([Block(text) for text in texts])
    assert [q.number for q in document.questions] == ["1", "2"]
    assert document.answers[0].text.endswith("3. de risico's.")
    assert document.answers[1].text == "Ik stuur een brief."


def test_signature_ends_the_last_answer() -> None:
    texts = ["Vraag 1", "Wat?", "Antwoord 1", "Dit.", "De minister van Financiën,", "J. de Vries"]
    document = _parse([Block(text) for text in texts])
    assert document.answers[0].text == "Dit."
    assert [(s.name, s.function) for s in document.metadata.signatories] == [
        ("J. de Vries", "minister van Financiën")
    ]


def test_qa_laid_out_as_a_table_with_column_heads() -> None:
    rows = [
        ["Nr.", "Vraag", "Antwoord"],
        ["1", "Hoeveel scholen doen mee?", "Veertig."],
        ["2", "Wanneer start de pilot?", "In september. Zie ook het antwoord op vraag 1."],
    ]
    document = _parse([Block("Vragen en antwoorden", kind="table", rows=rows)])
    assert [q.number for q in document.questions] == ["1", "2"]
    assert [(a.questions, a.refers_to) for a in document.answers] == [(["1"], []), (["2"], ["1"])]


def test_qa_laid_out_as_a_table_with_heading_cells() -> None:
    rows = [
        ["Vraag 1", "Klopt dat?"],
        ["Antwoord", "Ja."],
        ["Vraag 2", "En dit?"],
        ["Antwoord", "Nee."],
    ]
    blocks = [Block("Beantwoording"), Block("x", kind="table", rows=rows)]
    document = _parse(blocks)
    assert [(q.number, q.text) for q in document.questions] == [
        ("1", "Klopt dat?"),
        ("2", "En dit?"),
    ]
    assert [a.text for a in document.answers] == ["Ja.", "Nee."]


def test_ordinary_tables_in_answers_stay_tables() -> None:
    table = Block(
        "Provincie Aantal Utrecht 4", kind="table", rows=[["Provincie", "Aantal"], ["Utrecht", "4"]]
    )
    document = _parse([Block("Vraag 1"), Block("Hoeveel?"), Block("Antwoord 1"), table])
    assert document.answers[0].text == "Provincie Aantal\nUtrecht 4"  # one line per row


def test_table_text_is_the_same_whatever_the_reader_joined_cells_with() -> None:
    rows = [["Provincie", "Aantal"], ["Utrecht", "4"]]
    piped = Block("Provincie | Aantal\nUtrecht | 4", kind="table", rows=rows)
    document = _parse([Block("Vraag 1"), Block("Hoeveel?"), Block("Antwoord 1"), piped])
    assert document.answers[0].text.split() == ["Provincie", "Aantal", "Utrecht", "4"]


def test_questions_without_answers_numbered_on_their_own_line() -> None:
    texts = [
        "Vragen van het lid Mulder (PVV) aan de Minister van Justitie en Veiligheid over "
        "cellen (ingezonden 10 november 2025).",
        "1",
        "Hoeveel cellen zijn er?",
        "2",
        "Hoeveel staan er leeg?",
    ]
    document = _parse([Block(text) for text in texts])
    assert [(q.number, q.text) for q in document.questions] == [
        ("1", "Hoeveel cellen zijn er?"),
        ("2", "Hoeveel staan er leeg?"),
    ]
    assert document.answers == []
    assert "no answers found" in document.warnings


def test_unheaded_answers_after_italic_questions() -> None:
    document = _parse(
        [
            Block("Vraag 1"),
            Block("Klopt het bericht?", italic=True),
            Block("Ja, dat klopt."),
            Block("Vraag 2"),
            Block("Wat gaat u doen?", italic=True),
            Block("Antwoord 2"),
            Block("Niets."),
        ]
    )
    assert [(a.questions, a.text) for a in document.answers] == [
        (["1"], "Ja, dat klopt."),
        (["2"], "Niets."),
    ]


def test_letter_without_letterhead_table() -> None:
    texts = [
        "Den Haag, 4 maart 2026",
        "Hierbij beantwoord ik de vragen van het lid Bos (SP) over huurprijzen, ingezonden met uw "
        "brief van 10 februari 2026.",
        "De minister van Volkshuisvesting en Ruimtelijke Ordening,",
        "Anna de Wit",
        "Vraag 1",
        "Stijgen de huren?",
        "Antwoord 1",
        "Ja.",
    ]
    meta = _parse([Block(text) for text in texts]).metadata
    assert (meta.date_submitted, meta.date_answered) == (date(2026, 2, 10), date(2026, 3, 4))
    assert [(s.name, s.function) for s in meta.signatories] == [
        ("Anna de Wit", "minister van Volkshuisvesting en Ruimtelijke Ordening")
    ]
    assert [(p.name, p.party) for p in meta.askers] == [("Bos", "SP")]


def test_heading_and_text_in_one_paragraph() -> None:
    long_answer = "Ja. " + "Het kabinet werkt hieraan met de provincies en de gemeenten. " * 8
    document = _parse(
        [Block("Vraag 1\nKlopt het bericht?"), Block(f"Antwoord op vraag 1\n{long_answer}")]
    )
    assert document.questions[0].text == "Klopt het bericht?"
    assert document.answers[0].text == long_answer.strip()


def test_footnote_offsets_are_positions_in_the_joined_text() -> None:
    document = _parse(
        [
            Block("Vraag 1: Kent u het rapport?", notes=[Note("1", "Rapport.", 27)]),
            Block("En het bericht?", notes=[Note("2", "Bericht.", 14)]),
            Block("Antwoord 1"),
            Block("Ja.", notes=[Note("3", "Brief.", 2)]),
        ]
    )
    texts = {"q1": document.questions[0].text, "a1": document.answers[0].text}
    assert texts["q1"] == "Kent u het rapport?\n\nEn het bericht?"
    ends = [texts[f.in_ or ""][: f.offset] for f in document.footnotes]
    assert ends == ["Kent u het rapport", "Kent u het rapport?\n\nEn het bericht", "Ja"]
