from __future__ import annotations

from datetime import date

import pytest

from kamerqa.parse.dates import find_dates, parse_dutch_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ingezonden op 8 oktober 2025 met kenmerk", date(2025, 10, 8)),
        ("Vastgesteld 3 februari 2024", date(2024, 2, 3)),
        ("op 8 okt. 2025", date(2025, 10, 8)),
        ("op 1 sept 2023 verzonden", date(2023, 9, 1)),
        ("datum 08-10-2025", date(2025, 10, 8)),
        ("datum 8/10/2025", date(2025, 10, 8)),
        ("datum 2025-10-08", date(2025, 10, 8)),
        ("de 1e maart 2022", date(2022, 3, 1)),
        ("(ontvangen 12 December 2024)", date(2024, 12, 12)),
    ],
)
def test_first_date_in_text(text: str, expected: date) -> None:
    assert parse_dutch_date(text) == expected


def test_year_less_date_needs_a_reference() -> None:
    assert parse_dutch_date("op 15 oktober a.s. in Brussel") is None
    assert parse_dutch_date("op 15 oktober a.s. in Brussel", date(2025, 10, 8)) == date(
        2025, 10, 15
    )


def test_aanstaande_rolls_into_next_year() -> None:
    assert parse_dutch_date("op 10 januari a.s.", date(2025, 12, 1)) == date(2026, 1, 10)
    assert parse_dutch_date("op 10 januari", date(2025, 12, 1)) == date(2025, 1, 10)


def test_impossible_dates_and_non_dates_are_skipped() -> None:
    assert parse_dutch_date("31 februari 2024 en 30 april 2024") == date(2024, 4, 30)
    assert parse_dutch_date("artikel 3 mei-regeling") is None
    assert parse_dutch_date("Kamerstuk 21 501-20 nr. 2290") is None
    assert parse_dutch_date("") is None


def test_find_dates_in_order() -> None:
    text = "Vastgesteld 2 mei 2024. De vragen van 10 april 2024 zijn op 01-05-2024 beantwoord."
    assert find_dates(text) == [date(2024, 5, 2), date(2024, 4, 10), date(2024, 5, 1)]
