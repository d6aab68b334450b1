"""PDF tables as a browser prints HTML tables: cells centred vertically, close columns."""

from __future__ import annotations

from kamerqa.readers.pdf import read

from .pdf_maker import Text, make_pdf

SIZE = 12.0
NR, QUESTION, ANSWER = 66.0, 83.6, 314.0  # "Nr." and "Vraag" start 17.6 pt apart


def _intro(top: float) -> list[Text]:
    return [
        Text(NR, top, "Hierbij zend ik u de antwoorden op de vragen over het openbaar", SIZE),
        Text(NR, top - 18, "vervoer, zoals hieronder in de tabel weergegeven.", SIZE),
    ]


def _centred_table(top: float) -> list[Text]:
    """Three numbered rows whose number (and one-line cells) sit between the lines of the
    wrapped cells beside them; row 3's number stands close before its question."""
    return [
        Text(NR, top, "Nr. ", SIZE),
        Text(QUESTION, top, "Vraag", SIZE),
        Text(ANSWER, top, "Antwoord", SIZE),
        Text(QUESTION, top - 16.5, "Hoeveel bussen zijn uitgerust met", SIZE),
        Text(ANSWER, top - 16.5, "Volgens de vervoerders zijn dat", SIZE),
        Text(NR, top - 23.2, "1", SIZE),
        Text(QUESTION, top - 30, "bodycams voor de bestuurder?", SIZE),
        Text(ANSWER, top - 30, "er ongeveer tweeduizend.", SIZE),
        Text(QUESTION, top - 46.5, "Mogen de beelden worden gebruikt", SIZE),
        Text(NR, top - 53.2, "2 ", SIZE),
        Text(ANSWER, top - 53.2, "Ja, onder de voorwaarden van de wet.", SIZE),
        Text(QUESTION, top - 60, "voor de opsporing?", SIZE),
        Text(ANSWER, top - 76.5, "Ja, de evaluatie volgt in het", SIZE),
        Text(NR, top - 83.2, "3 ", SIZE),
        Text(QUESTION, top - 83.2, "Wordt het gebruik geëvalueerd?", SIZE),
        Text(ANSWER, top - 90, "voorjaar van 2027.", SIZE),
    ]


def test_browser_table_with_centred_numbers_and_close_columns() -> None:
    closing = [Text(NR, 380, "De minister van Justitie en Veiligheid,", SIZE)]
    result = read(make_pdf([[*_intro(700), *_centred_table(560), *closing]]))
    tables = [block for block in result.blocks if block.kind == "table"]
    assert len(tables) == 1
    rows = tables[0].rows
    assert rows[0] == ["Nr.", "Vraag", "Antwoord"]
    assert [row[0] for row in rows[1:]] == ["1", "2", "3"]
    assert rows[1][1] == "Hoeveel bussen zijn uitgerust met bodycams voor de bestuurder?"
    assert rows[2] == [
        "2",
        "Mogen de beelden worden gebruikt voor de opsporing?",
        "Ja, onder de voorwaarden van de wet.",
    ]
    assert rows[3][1:] == [
        "Wordt het gebruik geëvalueerd?",
        "Ja, de evaluatie volgt in het voorjaar van 2027.",
    ]
    assert result.blocks[-1].text == "De minister van Justitie en Veiligheid,"


def test_centred_row_split_over_a_page_break_is_joined_and_the_repeated_header_dropped() -> None:
    first = [*_intro(700), *_centred_table(560)]
    second = [
        Text(NR, 780, "Nr. ", SIZE),
        Text(QUESTION, 780, "Vraag", SIZE),
        Text(ANSWER, 780, "Antwoord", SIZE),
        Text(ANSWER, 763.5, "dan eerder gemeld.", SIZE),
        Text(QUESTION, 740, "Hoeveel camera's hangen er in de", SIZE),
        Text(NR, 733.2, "4", SIZE),
        Text(ANSWER, 733.2, "Ruim vijfduizend.", SIZE),
        Text(QUESTION, 726.5, "trams van de grote steden?", SIZE),
    ]
    result = read(make_pdf([first, second]))
    tables = [block for block in result.blocks if block.kind == "table"]
    assert len(tables) == 1
    rows = tables[0].rows
    assert [row[0] for row in rows] == ["Nr.", "1", "2", "3", "4"]
    assert rows[3][2] == "Ja, de evaluatie volgt in het voorjaar van 2027. dan eerder gemeld."
    assert rows[4][1] == "Hoeveel camera's hangen er in de trams van de grote steden?"
