"""Question numbers and question/answer headings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kamerqa.parse.numbering import (
    match_answer_heading,
    match_question_heading,
    number_key,
    parse_number_list,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2", ["2"]),
        ("2, 3 en 4", ["2", "3", "4"]),
        ("3 t/m 5", ["3", "4", "5"]),
        ("3 tot en met 6", ["3", "4", "5", "6"]),
        ("7a", ["7a"]),
        ("7 a en 7b", ["7a", "7b"]),
        ("2 en 4a", ["2", "4a"]),
        ("1-3", ["1", "2", "3"]),
        ("3, 4, 5, 9 en 10", ["3", "4", "5", "9", "10"]),
        ("04", ["4"]),
        ("", []),
    ],
)
def test_parse_number_list(text: str, expected: list[str]) -> None:
    assert parse_number_list(text) == expected


def test_huge_range_is_not_expanded() -> None:
    assert parse_number_list("1 t/m 999") == ["1", "999"]


@pytest.mark.parametrize(
    ("text", "numbers", "rest"),
    [
        ("Vraag 2", ["2"], ""),
        ("Vraag 2, 3 en 4", ["2", "3", "4"], ""),
        ("Vragen 3 en 4", ["3", "4"], ""),
        ("Vragen 3 t/m 5", ["3", "4", "5"], ""),
        (
            "Vraag 2: Klopt het dat de termijn verloopt?",
            ["2"],
            "Klopt het dat de termijn verloopt?",
        ),
        ("Vraag 12.", ["12"], ""),
        ("Vraag 1)", ["1"], ""),
        ("Vraag 7a", ["7a"], ""),
        ("Vraag 1234", ["1234"], ""),
        ("Vraag 3 Bent u bekend met het bericht?", ["3"], "Bent u bekend met het bericht?"),
    ],
)
def test_question_headings(text: str, numbers: list[str], rest: str) -> None:
    match = match_question_heading(text)
    assert match is not None
    assert (match.numbers, match.rest) == (numbers, rest)


@pytest.mark.parametrize(
    "text", ["Vraagt u zich af", "Vraag 2 is eerder beantwoord.", "Vragen", "Antwoord 2", "2."]
)
def test_not_question_headings(text: str) -> None:
    assert match_question_heading(text) is None


@pytest.mark.parametrize(
    ("text", "numbers", "rest"),
    [
        ("Antwoord", [], ""),
        ("Antwoord:", [], ""),
        ("Antwoord: Ja.", [], "Ja."),
        ("Antwoord 2", ["2"], ""),
        ("Antwoord 7a", ["7a"], ""),
        ("Antwoord op vraag 3 en 8", ["3", "8"], ""),
        ("Antwoorden op vraag 3, 4, 5, 9 en 10", ["3", "4", "5", "9", "10"], ""),
        ("Antwoord op vragen 3 t/m 5", ["3", "4", "5"], ""),
        ("Antwoord op de vragen 1 en 2", ["1", "2"], ""),
        ("Antwoord vraag 4", ["4"], ""),
        ("Antwoord bij vraag 5:", ["5"], ""),
        ("Antwoord op vraag 2: Nee, dat klopt niet.", ["2"], "Nee, dat klopt niet."),
    ],
)
def test_answer_headings(text: str, numbers: list[str], rest: str) -> None:
    match = match_answer_heading(text)
    assert match is not None
    assert (match.numbers, match.rest) == (numbers, rest)


@pytest.mark.parametrize(
    "text",
    [
        "Antwoorden van de minister van Financiën",
        "Antwoordt de minister?",
        "Antwoord Nee",
        "Vraag 1",
    ],
)
def test_not_answer_headings(text: str) -> None:
    assert match_answer_heading(text) is None


def test_number_key_orders_sub_numbers() -> None:
    assert sorted(["10", "7a", "2", "7"], key=number_key) == ["2", "7", "7a", "10"]


@given(st.text(max_size=200))
def test_never_raises(text: str) -> None:
    numbers = parse_number_list(text)
    assert all(n[:1].isdigit() for n in numbers)
    match_question_heading(text)
    match_answer_heading(text)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [("Beantwoording vraag 3", ["3"]), ("Beantwoording vragen 4 tot en met 6", ["4", "5", "6"])],
)
def test_beantwoording_with_a_number_is_an_answer_heading(text: str, numbers: list[str]) -> None:
    match = match_answer_heading(text)
    assert match is not None and match.numbers == numbers


@pytest.mark.parametrize(
    "text", ["Beantwoording", "Beantwoording Kamervragen", "Beantwoording van de vragen van Y"]
)
def test_beantwoording_without_a_number_is_a_title(text: str) -> None:
    assert match_answer_heading(text) is None


@pytest.mark.parametrize(
    ("text", "numbers"),
    [("3a en b", ["3a", "3b"]), ("3 a, b en c", ["3a", "3b", "3c"]), ("3 en b", ["3"])],
)
def test_bare_letters_after_a_sub_number(text: str, numbers: list[str]) -> None:
    assert parse_number_list(text) == numbers
    match = match_answer_heading(f"Antwoord op vraag {text}")
    assert match is not None and match.numbers == numbers
