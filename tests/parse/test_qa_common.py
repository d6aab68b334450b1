"""Shared pieces of the Kamerstuk-genre parsers: headings, glued headings, joint parties."""

from __future__ import annotations

from kamerqa.model import Document
from kamerqa.parse.qa_common import QABuilder, answer_heading, split_glued_headings
from kamerqa.readers.blocks import Block, Note
from kamerqa.readers.text import read_text


def test_answer_heading_run_into_its_text() -> None:
    assert answer_heading("Antwoord De onderuitputting is groot.") == (
        [],
        "De onderuitputting is groot.",
    )
    assert answer_heading("Antwoord op vraag 4 en 5 Het kabinet") == (["4", "5"], "Het kabinet")
    assert answer_heading("Antwoord geven is lastig.") is None


def test_glued_headings_are_split_and_notes_follow_their_part() -> None:
    text = "Vraag 6 Hoe verhoudt zich dit? Antwoord Zie het antwoord op vraag 1. Vraag 7 Wat nu?"
    block = Block(text=text, notes=[Note("1", "a", 29), Note("2", "b", 60)])
    parts = split_glued_headings([block])
    assert [p.text for p in parts] == [
        "Vraag 6 Hoe verhoudt zich dit?",
        "Antwoord Zie het antwoord op vraag 1.",
        "Vraag 7 Wat nu?",
    ]
    assert [(n.id, n.offset) for n in parts[0].notes] == [("1", 29)]
    assert [(n.id, n.offset) for n in parts[1].notes] == [("2", 60 - text.index("Antwoord"))]
    table = Block(text="Nee. Vraag 2 Wat?", kind="table", rows=[["Nee. Vraag 2 Wat?"]])
    assert split_glued_headings([table]) == [table]


def test_joint_party_gets_a_party_entry_per_party_sharing_the_intro() -> None:
    builder = QABuilder()
    builder.start_party("CDA, ChristenUnie")
    builder.add("De leden hebben kennisgenomen van de brief.")
    builder.start_question()
    builder.add("Deze leden vragen of het kabinet dit wil.")
    builder.start_answer()
    builder.add("Ja.")
    document = builder.finish(Document(id="x"))
    assert document.questions[0].party == "CDA, ChristenUnie"
    assert [(p.name, p.question_numbers, bool(p.intro)) for p in document.parties] == [
        ("CDA", ["1"], True),
        ("ChristenUnie", ["1"], True),
    ]


def test_two_cell_rows_with_one_tab_form_a_table_but_list_items_do_not() -> None:
    text = (
        "Hoofdstuk\tBedrag\n\nDefensie\t2.300\n\n1.\tEen lijstpunt\n\n2.\tNog een\n\nLos\tstaand\n"
    )
    blocks = read_text(text).blocks
    assert [b.kind for b in blocks] == ["table", "table", "paragraph", "paragraph", "paragraph"]
    assert blocks[1].rows == [["Defensie", "2.300"]]
