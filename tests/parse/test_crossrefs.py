"""Cross-references from one answer to the answers of other questions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kamerqa.parse.crossrefs import find_refers_to


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zie antwoord op vraag 2.", ["2"]),
        ("Zie het antwoord op vragen 3 en 4.", ["3", "4"]),
        ("Zoals aangegeven in mijn antwoord op vraag 5 is dat niet zo.", ["5"]),
        ("Zie de antwoorden op de vragen 2, 6 en 8.", ["2", "6", "8"]),
        ("Dat is inmiddels geregeld (zie vraag 3).", ["3"]),
        ("Ik verwijs u naar het antwoord op vraag 10, 11 en 12.", ["10", "11", "12"]),
        ("Zie antwoord op vraag 2 t/m 4.", ["2", "3", "4"]),
        ("Zie het antwoord op vraag 10 en vraag 2.", ["2", "10"]),
        ("Het kabinet neemt de vraag mee in de evaluatie.", []),
        ("Zie antwoord 3.", ["3"]),
        ("Daarvoor verwijs ik naar antwoord 4 en 5.", ["4", "5"]),
        ("Zie ook de beantwoording bij vraag 5.", ["5"]),
        ("Zie het antwoord op vraag 2 van de schriftelijke vragen van 3 mei.", []),
    ],
)
def test_refers_to(text: str, expected: list[str]) -> None:
    assert find_refers_to(text) == expected


def test_own_numbers_are_excluded() -> None:
    text = "Voor het antwoord op vraag 4 verwijs ik naar mijn antwoord op vraag 1."
    assert find_refers_to(text, own=["4"]) == ["1"]


def test_questions_of_other_documents_are_ignored() -> None:
    text = (
        "In antwoord op vraag 3 van het lid Jansen (Aanhangsel Handelingen II 2023/24, nr. 12) "
        "heb ik dat toegelicht."
    )
    assert find_refers_to(text) == []


@given(st.text(max_size=300))
def test_never_raises(text: str) -> None:
    assert all(n[:1].isdigit() for n in find_refers_to(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Zie mijn reactie op vraag 2.", ["2"]),
        ("Zie beantwoording vraag 2.", ["2"]),
        ("Zoals beschreven bij vraag 3 is dat niet nodig.", ["3"]),
        ("Zoals toegelicht onder vraag 4a.", ["4a"]),
        ("Zie het antwoord op vraag 3 in deze brief.", ["3"]),
    ],
)
def test_more_phrasings_of_a_pointer(text: str, expected: list[str]) -> None:
    assert find_refers_to(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Zie het antwoord op vraag 5 in de Kamerbrief van 3 maart 2026.",
        "In antwoord op vraag 12 van de feitelijke vragen over de begroting staat dat ook.",
        "Zie ook het antwoord op vraag 3 bij de vragen van het lid Dijk (SP).",
        "Zie het antwoord op vraag 2 in mijn brief over de Voorjaarsnota.",
        "Zoals ik in mijn antwoord op vraag 6 in het schriftelijk overleg aangaf.",
    ],
)
def test_pointers_into_other_documents_do_not_count(text: str) -> None:
    assert find_refers_to(text) == []
