"""PDF reader on PDFs written by tests/readers/pdf_maker.py (invented kamervragen text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerqa.errors import KamerqaInputError
from kamerqa.readers import read_bytes
from kamerqa.readers.blocks import ReadResult
from kamerqa.readers.pdf import read

from .pdf_maker import Text, image_only_pdf, make_pdf

PITCH = 12.0
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "pdf"
LEFT = 72.0


def _column(lines: list[str], top: float, x: float = LEFT, size: float = 10.0) -> list[Text]:
    return [Text(x, top - i * PITCH, line, size) for i, line in enumerate(lines)]


def _footer(page: int) -> list[Text]:
    return [
        Text(LEFT, 40, f"Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel {page}", 9),
        Text(520, 800, str(page), 9),
    ]


def _kamervragen_pdf() -> bytes:
    page1 = [
        Text(LEFT, 780, "Aanhangsel van de Handelingen", 14, bold=True),
        *_column(
            [
                "Vragen van het lid De Boer (CDA) aan de Minister van Infrastructuur over",
                "de dijkversterking bij Kampen (ingezonden 3 april 2024).",
            ],
            740,
        ),
        Text(LEFT, 700, "Vraag 1"),
        *_column(
            [
                "Bent u bekend met het bericht over de vertraagde dijkversterking bij Kam-",
                "pen en de gevolgen voor de aanloop- en",
                "uitvoeringsfase?",
            ],
            688,
        ),
        Text(LEFT + 80, 664 + 3.5, "1", 6),
        Text(LEFT, 640, "Antwoord 1"),
        *_column(
            [
                "Ja. Het waterschap heeft mij laten weten dat de werkzaamheden en/",
                "of de planning worden herzien. De oplevering is voorzien in het",
                "najaar van 2025.",
                "Daarnaast wordt de omgeving geïnformeerd via een bewonersbrief. De",
                "gemeente Kampen is daarbij betrokken.",
            ],
            628,
        ),
        Text(LEFT, 92, "1", 5),
        Text(LEFT + 6, 90, "Omroep Gelderland, 2 april 2024 (www.voorbeeld.nl/dijk).", 8),
        Text(LEFT, 60, "ah-tk-20232024-9999", 6),
        *_footer(1),
    ]
    page2 = [
        Text(LEFT, 760, "Vraag 2"),
        *_column(["Wanneer start de versterking van het tweede dijkvak?"], 748),
        Text(LEFT, 724, "Antwoord 2"),
        *_column(["De versterking van het tweede dijkvak start in 2026."], 712),
        *_footer(2),
    ]
    return make_pdf([page1, page2])


@pytest.fixture(scope="module")
def kamervragen() -> ReadResult:
    return read(_kamervragen_pdf())


def _texts(result: ReadResult) -> list[str]:
    return [block.text for block in result.blocks]


def test_headings_are_blocks_of_their_own(kamervragen: ReadResult) -> None:
    texts = _texts(kamervragen)
    for heading in ("Vraag 1", "Antwoord 1", "Vraag 2", "Antwoord 2"):
        assert heading in texts
        assert kamervragen.blocks[texts.index(heading)].kind == "heading"
    title = kamervragen.blocks[texts.index("Aanhangsel van de Handelingen")]
    assert title.bold and title.kind == "heading"


def test_running_footer_page_numbers_and_koop_id_are_removed(kamervragen: ReadResult) -> None:
    everything = " ".join(_texts(kamervragen))
    assert "Aanhangsel 1" not in everything and "Aanhangsel 2" not in everything
    assert "ah-tk-20232024-9999" not in everything
    assert not any(text.strip().isdigit() for text in _texts(kamervragen))
    assert kamervragen.metadata["koop_id"] == "ah-tk-20232024-9999"
    assert kamervragen.metadata["aanhangselnummer"] == "9999"
    assert kamervragen.metadata["vergaderjaar"] == "2023-2024"


def test_hyphenation_follows_the_gold_rules(kamervragen: ReadResult) -> None:
    question = kamervragen.blocks[_texts(kamervragen).index("Vraag 1") + 1].text
    assert "bij Kampen en de gevolgen" in question
    assert "aanloop- en uitvoeringsfase?" in question
    answer = kamervragen.blocks[_texts(kamervragen).index("Antwoord 1") + 1].text
    assert "werkzaamheden en/of de planning" in answer


def test_footnote_marker_is_removed_and_the_note_attached(kamervragen: ReadResult) -> None:
    question = kamervragen.blocks[_texts(kamervragen).index("Vraag 1") + 1]
    assert question.text.endswith("uitvoeringsfase?")
    assert [note.id for note in question.notes] == ["1"]
    assert question.notes[0].text.startswith("Omroep Gelderland, 2 april 2024")
    assert "Omroep Gelderland" not in " ".join(_texts(kamervragen))
    assert kamervragen.unplaced_notes == []


def test_paragraphs_split_after_a_short_line_ending_a_sentence(kamervragen: ReadResult) -> None:
    start = _texts(kamervragen).index("Antwoord 1") + 1
    first, second = kamervragen.blocks[start], kamervragen.blocks[start + 1]
    assert first.text.endswith("najaar van 2025.")
    assert second.text.startswith("Daarnaast wordt de omgeving")


def test_two_columns_are_read_one_after_the_other() -> None:
    left = _column([f"Links regel {i} van de eerste kolom loopt door" for i in range(6)], 700)
    right = _column([f"Rechts regel {i} van de tweede kolom" for i in range(6)], 700, x=320)
    result = read(make_pdf([[Text(LEFT, 760, "Twee kolommen", 16, bold=True), *left, *right]]))
    text = " ".join(_texts(result))
    assert text.index("Links regel 5") < text.index("Rechts regel 0")
    assert "Links regel 0 van de eerste kolom loopt door Links regel 1" in text


def test_aligned_rows_become_a_table_block() -> None:
    rows = [("Jaar", "Aantal", "Bedrag"), ("2022", "14", "€ 1,2 mln"), ("2023", "17", "€ 1,5 mln")]
    cells = [
        Text(x, 700 - i * PITCH, cell)
        for i, row in enumerate(rows)
        for x, cell in zip((LEFT, 220, 360), row, strict=True)
    ]
    intro = _column(["De cijfers staan in de tabel hieronder."], 730)
    result = read(make_pdf([[*intro, *cells]]))
    tables = [block for block in result.blocks if block.kind == "table"]
    assert len(tables) == 1
    assert tables[0].rows == [list(row) for row in rows]
    assert result.blocks[0].text == "De cijfers staan in de tabel hieronder."


def test_a_footnote_continued_on_the_next_page_is_one_note() -> None:
    page1 = [
        *_column(["Zie het rapport van de inspectie over de dijken."], 700),
        Text(281, 703.5, "1", 6),
        Text(LEFT, 102, "1", 5),
        Text(LEFT + 6, 100, "Inspectie Leefomgeving en Transport, rapport over de", 8),
    ]
    page2 = [*_column(["Het kabinet reageert voor de zomer."], 700), Text(LEFT, 100, "dijken.", 8)]
    result = read(make_pdf([page1, page2]))
    notes = [note for block in result.blocks for note in block.notes]
    assert [n.text for n in notes] == [
        "Inspectie Leefomgeving en Transport, rapport over de dijken."
    ]


def test_a_raised_number_without_a_note_stays_in_the_text() -> None:
    result = read(make_pdf([[*_column(["Het oppervlak is 40 m"], 700), Text(169, 704, "2", 6)]]))
    assert result.blocks[0].text.replace(" ", "").endswith("m2")
    assert result.blocks[0].notes == []


def test_read_bytes_detects_pdf_and_scans_give_one_clear_error() -> None:
    assert read_bytes(_kamervragen_pdf()).format == "pdf"
    with pytest.raises(KamerqaInputError, match=r"no text layer \(scanned\?\)"):
        read_bytes(image_only_pdf())


def test_footnotes_in_body_size_below_a_gap_are_found() -> None:
    body = _column(
        [
            "Kent u het bericht over de drukte in de stallingen bij het station?",
            "Zo ja, wat gaat u daaraan doen?",
        ],
        700,
    )
    marker = Text(354, 703.5, "1", 6)
    notes = [Text(LEFT, 101.5, "1", 6), Text(LEFT + 5, 98, "NOS, 3 maart 2025, «Stallingen vol».")]
    result = read(make_pdf([[*body, marker, *notes]]))
    assert len(result.blocks) == 1
    assert [(n.id, n.text) for n in result.blocks[0].notes] == [
        ("1", "NOS, 3 maart 2025, «Stallingen vol».")
    ]


def test_a_letterhead_margin_column_does_not_split_paragraphs() -> None:
    text = [
        "Hierbij zend ik u de antwoorden op de vragen van het lid De Vries over",
        "de sluiting van het zwembad in Dokkum, ingezonden op 12 februari 2025.",
        "De gemeente heeft mij laten weten dat het zwembad tijdelijk dicht is",
        "omdat de installaties vervangen worden. Na de zomer gaat het weer open.",
    ]
    text = (
        text[:3]
        + [f"regel {i} van de brief over het zwembad en de planning" for i in range(8)]
        + text[3:]
    )
    margin = [
        Text(440, 700, "Datum", 7, bold=True),
        Text(440, 688, "3 maart 2025", 7),
        Text(440, 664, "Ons kenmerk", 7, bold=True),
        Text(440, 652, "2025-0000123456", 7),
    ]
    result = read(make_pdf([[*_column(text, 700, size=9), *margin]]))
    texts = _texts(result)
    assert texts[:4] == ["Datum", "3 maart 2025", "Ons kenmerk", "2025-0000123456"]
    assert texts[4].startswith("Hierbij zend ik u") and texts[4].endswith("weer open.")
    assert result.metadata["date"] == "3 maart 2025"
    assert result.metadata["kenmerk"] == "2025-0000123456"


def _letter_page(body: list[str], page: int, pages: int) -> list[Text]:
    letterhead = [
        Text(440, 760, "Directoraat-Generaal Wonen", 6.5, bold=True),
        Text(440, 730, "Datum", 6.5, bold=True),
        Text(440, 721, "3 maart 2025", 6.5),
        Text(440, 700, "Ons kenmerk", 6.5, bold=True),
        Text(440, 691, "2025-0000123456", 6.5),
        Text(440, 30, f"Pagina {page} van {pages}", 6.5),
    ]
    return [*_column(body, 760, size=9), *letterhead]


def test_a_converted_ministry_letter_loses_its_letterhead_and_keeps_typed_notes() -> None:
    answer = [f"regel {i} van het antwoord over de huurtoeslag loopt door" for i in range(50)]
    page2 = ["Vraag 1", "Hoeveel huishoudens ontvangen huurtoeslag [1]?", "Antwoord op vraag 1"]
    page3 = [*answer[40:], "en daarmee is de vraag beantwoord.", "[1] Nieuwsbericht, 2 maart 2025."]
    pdf = make_pdf(
        [
            _letter_page(["Geachte voorzitter,"], 1, 3),
            _letter_page(page2 + answer[:40], 2, 3),
            _letter_page(page3, 3, 3),
        ]
    )
    result = read(pdf)
    texts = _texts(result)
    everything = " ".join(texts)
    assert "Pagina" not in everything
    assert everything.count("Ons kenmerk") <= 1 and everything.count("Directoraat") <= 1
    question = result.blocks[texts.index("Vraag 1") + 1]
    assert question.text == "Hoeveel huishoudens ontvangen huurtoeslag?"
    assert [(n.id, n.text) for n in question.notes] == [("1", "Nieuwsbericht, 2 maart 2025.")]
    answer_block = result.blocks[texts.index("Antwoord op vraag 1") + 1]
    assert answer_block.text.startswith("regel 0 van het antwoord")
    assert answer_block.text.endswith("en daarmee is de vraag beantwoord.")
    assert len(answer_block.text.split()) == 50 * 10 + 6


def test_a_note_line_starting_with_a_date_is_not_a_new_note() -> None:
    body = _column(["Het kabinet verwijst naar de motie over religieuze uitingen."], 700)
    marker = Text(331, 703.5, "4", 6)
    notes = [
        Text(LEFT, 112, "4", 5),
        Text(LEFT + 6, 110, "Zie de motie van het lid Jansen die op", 8),
        Text(LEFT + 6, 100, "13 februari verworpen is (Kamerstuk 36410-VI-65).", 8),
    ]
    result = read(make_pdf([[*body, marker, *notes]]))
    assert result.unplaced_notes == []
    whole = "Zie de motie van het lid Jansen die op 13 februari verworpen is"
    whole += " (Kamerstuk 36410-VI-65)."
    assert [(n.id, n.text) for n in result.blocks[0].notes] == [("4", whole)]


def test_note_offsets_point_where_the_marker_sat(kamervragen: ReadResult) -> None:
    question = kamervragen.blocks[_texts(kamervragen).index("Vraag 1") + 1]
    offset = question.notes[0].offset
    assert offset == len(question.text)
    assert not any(ord(ch) >= 0x100000 for block in kamervragen.blocks for ch in block.text)


def test_a_marker_inside_a_table_cell_is_taken_out() -> None:
    cells = [
        Text(LEFT, 700, "Jaar"),
        Text(220, 700, "Bedrag"),
        Text(LEFT, 688, "2024"),
        Text(220, 688, "12 mln"),
        Text(253, 691.5, "1", 6),
        Text(LEFT, 676, "2025"),
        Text(220, 676, "14 mln"),
        Text(LEFT, 102, "1", 5),
        Text(LEFT + 6, 100, "Voorlopig cijfer.", 8),
    ]
    result = read(make_pdf([cells]))
    table = next(block for block in result.blocks if block.kind == "table")
    assert table.rows == [["Jaar", "Bedrag"], ["2024", "12 mln"], ["2025", "14 mln"]]
    assert [(n.id, n.text) for n in table.notes] == [("1", "Voorlopig cijfer.")]


def test_kamerstuk_imprint_on_one_line_and_a_cited_id_in_the_text() -> None:
    page = [
        *_column(["Het kabinet verwijst naar kst-36600-X-11 en de motie daarover."], 700),
        Text(LEFT, 60, "kst-36600-X-12 ISSN 0921 - 7371 ’s-Gravenhage 2024", 6),
        Text(LEFT, 45, "Eerste Kamer, vergaderjaar 2024–2025, 36 600 X, nr. 12", 9),
    ]
    result = read(make_pdf([page]))
    assert _texts(result) == ["Het kabinet verwijst naar kst-36600-X-11 en de motie daarover."]
    assert result.metadata["koop_id"] == "kst-36600-X-12"
    assert result.metadata["vergaderjaar"] == "2024-2025"
    assert "aanhangselnummer" not in result.metadata


def test_a_text_layer_without_unicode_gives_one_clear_error() -> None:
    garbage = "†‡•¶§©®°±¤ " * 6  # what a font without a Unicode map often yields
    pdf = make_pdf([_column([garbage, garbage[::-1]], 700)])
    with pytest.raises(KamerqaInputError, match="cannot be decoded"):
        read(pdf)


def test_a_list_table_with_wrapped_question_cells() -> None:
    columns = (LEFT, 100, 420, 470)
    names = ("Nr", "Vraag", "Blz.", "t/m")
    header = [Text(x, 700, t, bold=True) for x, t in zip(columns, names, strict=True)]
    row1 = [
        Text(LEFT, 686, "1"),
        Text(100, 686, "Hoeveel militairen zijn in 2024"),
        Text(420, 686, "12"),
        Text(470, 686, "13"),
        Text(100, 674, "ingestroomd?"),
    ]
    row2 = [Text(LEFT, 660, "2"), Text(100, 660, "Wat kost de missie?"), Text(420, 660, "15")]
    result = read(make_pdf([[*header, *row1, *row2]]))
    tables = [block for block in result.blocks if block.kind == "table"]
    assert len(tables) == 1
    assert tables[0].rows == [
        ["Nr", "Vraag", "Blz.", "t/m"],
        ["1", "Hoeveel militairen zijn in 2024 ingestroomd?", "12", "13"],
        ["2", "Wat kost de missie?", "15", ""],
    ]


def test_libreoffice_table_with_vertically_centred_cells() -> None:
    result = read((FIXTURES / "lijst-tabel.pdf").read_bytes())
    tables = [block for block in result.blocks if block.kind == "table"]
    assert len(tables) == 1
    rows = tables[0].rows
    assert rows[0] == ["Nr", "Vraag", "Bijlage", "Blz. (van)", "t/m"]
    assert [row[0] for row in rows[1:]] == ["1", "2", "3"]
    assert rows[1][1].startswith("Hoeveel militairen") and rows[1][1].endswith("doelstelling?")
    assert rows[3][2:] == ["2", "40", "41"]
    assert rows[3][1].endswith("per project?")
    assert _texts(result)[-1] == "Antwoord: In 2024 zijn 4.500 militairen ingestroomd."


def test_margin_notes_on_text_rows_do_not_make_a_table() -> None:
    body = _column([f"regel {i} van de brief aan de Kamer over de planning" for i in range(6)], 700)
    margin = [Text(LEFT, 700, "Datum", 7), Text(LEFT, 688, "Kenmerk", 7)]
    shifted = [Text(item.x + 90, item.y, item.text, item.size) for item in body]
    result = read(make_pdf([[*margin, *shifted]]))
    assert not [block for block in result.blocks if block.kind == "table"]
    assert any(block.text.startswith("regel 0 van de brief") for block in result.blocks)
