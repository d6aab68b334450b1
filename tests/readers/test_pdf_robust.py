"""PDF reader on layouts that once misled it: short paragraphs with space after them,
question headings on a body line, wrapped table cells, one-page imprints, small footnotes,
italic paragraphs."""

from __future__ import annotations

from kamerqa.readers.pdf import read

from .pdf_maker import Text, make_pdf

LINE = "De minister antwoordt dat de regeling ook dit jaar wordt voortgezet, zie bijlage"


def _texts(data: bytes) -> list[str]:
    return [block.text for block in read(data).blocks]


def test_one_line_paragraphs_with_space_after_stay_apart() -> None:
    # Most gaps are paragraph gaps (23.4 pt); the line pitch (13.4 pt) shows only inside
    # the few two-line paragraphs.
    items: list[Text] = []
    y = 780.0
    for n in range(1, 9):
        items.append(Text(72, y, f"{LINE} {n}."))
        y -= 23.4
    for _ in range(2):
        items.append(Text(72, y, f"{LINE} en"))
        y -= 13.4
        items.append(Text(72, y, f"{LINE} 9."))
        y -= 23.4
    items.append(Text(72, y, "Slotalinea."))
    texts = _texts(make_pdf([items]))
    assert texts[:8] == [f"{LINE} {n}." for n in range(1, 9)]
    assert texts[8] == f"{LINE} en {LINE} 9."
    assert texts[9] == texts[8]
    assert texts[10] == "Slotalinea."


def test_question_and_answer_lines_start_blocks_in_compact_text() -> None:
    lines = [
        "Vraag 1: Bent u bekend met het bericht over de wachtlijsten bij het netwerkbedrijf in",
        "de provincie Gelderland van vorige week, waarin ondernemers hun zorgen uiten?",
        "Antwoord 1: Ja, ik ben bekend met het bericht en ik deel de zorgen van de ondernemers",
        "over de wachtlijsten; zie voor de aanpak van de wachtlijsten ook mijn",
        "antwoorden op de vragen 2 en 4 van het lid De Vries die eerder zijn gesteld door haar.",
        "2.1 Aanpak van de netcongestie in de regio en de rol van de netbeheerders daarbij nu",
    ]
    items = [Text(72, 780 - 13.4 * i, line) for i, line in enumerate(lines)]
    blocks = read(make_pdf([items])).blocks
    assert [b.text.split()[0] for b in blocks] == ["Vraag", "Antwoord", "2.1"]
    assert "mijn antwoorden op de vragen 2 en 4" in blocks[1].text
    assert all(b.kind != "heading" or b.text[0].isupper() for b in blocks)


def test_a_lower_case_continuation_is_no_heading() -> None:
    lines = ["Voor de cijfers verwijs ik naar de", "antwoorden op de vragen 1 en 4."]
    items = [Text(72, 780 - 13.4 * i, line) for i, line in enumerate(lines)]
    blocks = read(make_pdf([items])).blocks
    assert [b.text for b in blocks] == [
        "Voor de cijfers verwijs ik naar de antwoorden op de vragen 1 en 4."
    ]
    assert blocks[0].kind == "paragraph"


def test_a_cell_wrapping_over_more_lines_stays_in_its_row() -> None:
    # Cells aligned at the top, rows set apart by padding (22 pt) against an 11.7 pt pitch;
    # the answer of row 2 runs one line further than its question.
    x = (72.0, 160.0, 300.0)
    items = [Text(x[0], 700, "Nr."), Text(x[1], 700, "Vraag"), Text(x[2], 700, "Antwoord")]
    rows = [
        ("1", ["Hoeveel bussen zijn", "uitgerust?"], ["Ongeveer", "tweeduizend."]),
        ("2", ["Mogen beelden", "gebruikt worden?"], ["Ja, onder", "voorwaarden", "van de Wet."]),
        ("3", ["Volgt een evaluatie?"], ["Ja, in 2027."]),
    ]
    y = 678.0
    for number, question, answer in rows:
        items.append(Text(x[0], y, number))
        items += [Text(x[1], y - 11.7 * i, t) for i, t in enumerate(question)]
        items += [Text(x[2], y - 11.7 * i, t) for i, t in enumerate(answer)]
        y -= 11.7 * (max(len(question), len(answer)) - 1) + 22.0
    tables = [b for b in read(make_pdf([items])).blocks if b.kind == "table"]
    assert len(tables) == 1
    assert tables[0].rows == [
        ["Nr.", "Vraag", "Antwoord"],
        ["1", "Hoeveel bussen zijn uitgerust?", "Ongeveer tweeduizend."],
        ["2", "Mogen beelden gebruikt worden?", "Ja, onder voorwaarden van de Wet."],
        ["3", "Volgt een evaluatie?", "Ja, in 2027."],
    ]


def test_a_wrapped_letterhead_subject_is_read_whole() -> None:
    items = [
        Text(72, 760, "Datum"),
        Text(200, 760, "8 mei 2026"),
        Text(72, 736.6, "Onderwerp"),
        Text(200, 736.6, "Beantwoording Kamervragen"),
        Text(200, 723.2, "over de veerdienst naar"),
        Text(200, 709.8, "Ameland"),
        Text(72, 686.4, "Ons kenmerk"),
        Text(200, 686.4, "6400217"),
        Text(72, 640, "Geachte voorzitter,"),
    ]
    metadata = read(make_pdf([items])).metadata
    assert metadata["onderwerp"] == "Beantwoording Kamervragen over de veerdienst naar Ameland"
    assert metadata["kenmerk"] == "6400217"


def test_an_italic_paragraph_is_marked_italic() -> None:
    items = [
        Text(72, 780, "De leden van de VVD-fractie vragen hoeveel aanvragen er zijn", italic=True),
        Text(72, 766.6, "binnengekomen sinds de invoering van de regeling.", italic=True),
        Text(72, 743.2, "Er zijn sinds de invoering 1.200 aanvragen binnengekomen, waarvan"),
        Text(72, 729.8, "een derde is toegekend met een beroep op de regeling."),
        Text(72, 706.4, "Het lid van de BBB-fractie vraagt waarom.", italic=True),
    ]
    blocks = read(make_pdf([items])).blocks
    assert [b.italic for b in blocks] == [True, False, True]
    assert blocks[0].text.endswith("invoering van de regeling.")


def test_the_koop_imprint_of_a_one_page_pdf_is_furniture() -> None:
    items = [
        Text(72, 780, "Vraag 1"),
        Text(72, 766.6, "Hoeveel reservisten zijn er?"),
        Text(72, 743.2, "Antwoord 1"),
        Text(72, 729.8, "Er zijn er ongeveer achtduizend."),
        Text(72, 40, "ah-tk-20252026-1234 ISSN 0921-7398 ’s-Gravenhage 2026  1"),
    ]
    result = read(make_pdf([items]))
    assert result.metadata["koop_id"] == "ah-tk-20252026-1234"
    assert result.blocks[-1].text == "Er zijn er ongeveer achtduizend."
    assert not any("ISSN" in block.text for block in result.blocks)


def test_a_note_number_in_body_size_before_small_note_text_is_a_note() -> None:
    body = "Zie het rapport van de inspectie over de dijken."
    items = [
        Text(72, 700, body),
        Text(72, 686.6, "Het kabinet reageert voor de zomer op het rapport."),
        Text(281, 703.5, "1", 6),
        Text(300, 690.1, "2", 6),
        Text(72, 100, "1", 10),
        Text(80, 100, "Inspectie Leefomgeving en Transport, rapport over de dijken", 8),
        Text(80, 90.4, "langs de grote rivieren, 2025.", 8),
        Text(72, 80.8, "2", 10),
        Text(80, 80.8, "Brief van 3 maart 2025 over de planning.", 8),
    ]
    result = read(make_pdf([items]))
    notes = [note for block in result.blocks for note in block.notes]
    assert [(n.id, n.text) for n in notes] == [
        (
            "1",
            "Inspectie Leefomgeving en Transport, rapport over de dijken langs de grote "
            "rivieren, 2025.",
        ),
        ("2", "Brief van 3 maart 2025 over de planning."),
    ]
    assert not any("Inspectie" in block.text for block in result.blocks)


def _list_row(y: float, number: str, question: list[str], pages: tuple[str, str]) -> list[Text]:
    """A row of a budget list: Nr, Vraag (wrapping), Blz. (van), t/m; 11.7 pt pitch."""
    items = [Text(43, y, number), Text(300, y, pages[0]), Text(346, y, pages[1])]
    items += [Text(68, y - 11.7 * i, text) for i, text in enumerate(question)]
    return items


def test_a_list_table_runs_over_a_page_break_and_keeps_its_narrow_last_column() -> None:
    header = [Text(43, 0, "Nr"), Text(68, 0, "Vraag"), Text(300, 0, "Blz."), Text(346, 0, "t/m")]
    body = "Het kabinet heeft deze vragen beantwoord bij brief van 3 november."
    page1 = [
        Text(43, 780, body),
        Text(43, 766.6, "De antwoorden zijn hieronder per vraag in een tabel weergegeven."),
        *[Text(t.x, 740, t.text) for t in header],
        *_list_row(718, "1", ["Hoeveel middelen zijn in 2026", "beschikbaar?"], ("11", "12")),
        *_list_row(684.3, "2", ["Hoeveel middelen zijn in 2026", "beschikbaar voor"], ("12", "13")),
    ]
    page2 = [
        Text(68, 780, "huisartsenposten?"),
        Text(43, 756.6, "Antwoord op vraag 1 en 2:"),
        Text(43, 743.2, "In 2026 is voor beide doelen samen een bedrag van € 12 miljoen geraamd."),
    ]
    blocks = read(make_pdf([page1, page2])).blocks
    tables = [b for b in blocks if b.kind == "table"]
    assert len(tables) == 1
    assert [row[0] for row in tables[0].rows] == ["Nr", "1", "2"]
    assert tables[0].rows[2][-2:] == ["12", "13"]
    assert tables[0].rows[2][1].endswith("beschikbaar voor huisartsenposten?")
    assert not any(b.text in {"t/m", "12", "13"} for b in blocks if b.kind != "table")


def test_one_and_a_half_spacing_with_a_single_spaced_table() -> None:
    # Body at 17.3 pt pitch; the table's wrapped cells at 11.7 pt must not set the pitch.
    words = "de gemeente heeft in overleg met de provincie besloten de regeling voort te zetten"
    items: list[Text] = []
    y = 780.0
    for n in range(3):
        items += [Text(72, y, words), Text(72, y - 17.3, words), Text(72, y - 34.6, f"zie {n}.")]
        y -= 34.6 + 28
    for number in ("1", "2", "3", "4"):
        items += [Text(72, y, number), Text(120, y, "Hoeveel aanvragen"), Text(300, y, "12")]
        items.append(Text(120, y - 11.7, "zijn er gedaan?"))
        y -= 11.7 + 20
    blocks = read(make_pdf([items])).blocks
    paragraphs = [b.text for b in blocks if b.kind != "table"]
    assert paragraphs == [f"{words} {words} zie {n}." for n in range(3)]
    tables = [b for b in blocks if b.kind == "table"]
    assert [row[1] for row in tables[0].rows] == ["Hoeveel aanvragen zijn er gedaan?"] * 4
