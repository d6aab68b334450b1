from __future__ import annotations

import pytest

from kamerqa.model import Person
from kamerqa.parse.parties import (
    KNOWN_PARTIES,
    normalise_party,
    parse_askers,
    party_from_fractie,
    split_parties,
)


@pytest.mark.parametrize(
    ("printed", "canonical"),
    [
        ("Groenlinks-PvdA", "GroenLinks-PvdA"),
        ("GL-PvdA", "GroenLinks-PvdA"),
        ("GroenLinks - PvdA", "GroenLinks-PvdA"),
        ("PvdA", "PvdA"),
        ("GroenLinks", "GroenLinks"),
        ("pvdd", "PvdD"),
        ("Partij voor de Dieren", "PvdD"),
        ("CU", "ChristenUnie"),
        ("volt", "Volt"),
        (" NSC. ", "NSC"),
        ("Nieuwe Partij", "Nieuwe Partij"),
    ],
)
def test_normalise_party(printed: str, canonical: str) -> None:
    assert normalise_party(printed) == canonical


def test_known_parties_keep_the_alliance_and_its_members_apart() -> None:
    assert {"GroenLinks-PvdA", "GroenLinks", "PvdA"} <= set(KNOWN_PARTIES)


def test_single_asker() -> None:
    assert parse_askers("Vragen van het lid Van Dijk (SGP) aan de minister van Defensie") == [
        Person(name="Van Dijk", party="SGP")
    ]


def test_two_askers_each_with_a_party() -> None:
    assert parse_askers("de leden Mutluer (PvdA) en Ellemeet (GroenLinks) over honden") == [
        Person(name="Mutluer", party="PvdA"),
        Person(name="Ellemeet", party="GroenLinks"),
    ]


def test_shared_party_label() -> None:
    text = "Vragen van de leden Bushoff en Patijn (beiden GroenLinks-PvdA) aan de minister"
    assert parse_askers(text) == [
        Person(name="Bushoff", party="GroenLinks-PvdA"),
        Person(name="Patijn", party="GroenLinks-PvdA"),
    ]


def test_three_askers_and_aliases() -> None:
    text = "de leden Van der Plas (BBB), De Hoop (Groenlinks-PvdA) en Bikker (CU)."
    assert [(p.name, p.party) for p in parse_askers(text)] == [
        ("Van der Plas", "BBB"),
        ("De Hoop", "GroenLinks-PvdA"),
        ("Bikker", "ChristenUnie"),
    ]


def test_no_askers_phrase() -> None:
    assert parse_askers("De minister antwoordt.") == []


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("De leden van de PVV-fractie hebben kennisgenomen", "PVV"),
        ("De leden van de GroenLinks-PvdA-fractie vragen", "GroenLinks-PvdA"),
        ("De leden van de ChristenUnie fractie vragen", "ChristenUnie"),
        ("De leden van de fractie van de SP vragen", "SP"),
        ("De leden van de Partij voor de Dieren-fractie vragen", "PvdD"),
        ("De leden van de BBB-fractie lezen dat de VVD-fractie", "BBB"),
        ("Geen fractie genoemd", None),
    ],
)
def test_party_from_fractie(text: str, party: str | None) -> None:
    assert party_from_fractie(text) == party


def test_askers_end_before_the_submission_date() -> None:
    assert parse_askers("Vragen van het lid Van Dijk (SGP), ingezonden 3 maart 2025") == [
        Person(name="Van Dijk", party="SGP")
    ]
    assert parse_askers("het lid van der Plas (BBB) (ingezonden 3 maart)") == [
        Person(name="van der Plas", party="BBB")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("De leden van de fracties van GroenLinks-PvdA en SP vragen", "GroenLinks-PvdA, SP"),
        ("De leden van de CDA- en ChristenUnie-fractie vragen", "CDA, ChristenUnie"),
        ("De leden van de D66- en VVD-fractie lezen", "D66, VVD"),
        ("de leden van de VVD-, D66- en SGP-fractie", "VVD, D66, SGP"),
        ("De leden van de fracties van de VVD, het CDA en de SGP", "VVD, CDA, SGP"),
        ("De leden van de VVD-fractie vragen of de SP en D66 …", "VVD"),
        ("Vragen en opmerkingen van de leden van de fracties van BBB en JA21", "BBB, JA21"),
    ],
)
def test_joint_factions_give_every_party(text: str, expected: str) -> None:
    assert party_from_fractie(text) == expected
    assert split_parties(expected) == expected.split(", ")


def test_one_party_label_after_several_names_is_shared() -> None:
    people = parse_askers("de leden Lahlah en Chakor (GroenLinks-PvdA) over")
    assert [(p.name, p.party) for p in people] == [
        ("Lahlah", "GroenLinks-PvdA"),
        ("Chakor", "GroenLinks-PvdA"),
    ]
    mixed = parse_askers("de leden Mutluer (PvdA) en Ellemeet (GroenLinks) over")
    assert [p.party for p in mixed] == ["PvdA", "GroenLinks"]


@pytest.mark.parametrize(
    ("text", "party"),
    [
        ("De leden van de fractie van de Partij voor de Dieren vragen", "PvdD"),
        (
            "De leden van de fracties van GroenLinks-PvdA en de Partij voor de Dieren",
            "GroenLinks-PvdA, PvdD",
        ),
        ("De leden van de fractie van de ChristenUnie en de SGP vragen", "ChristenUnie, SGP"),
        ("De leden van de NSC-fractie en de BBB-fractie vragen", "NSC, BBB"),
        ("De leden van de fractie van de SP en Minister Jansen", "SP"),
    ],
)
def test_more_fractie_phrases(text: str, party: str) -> None:
    assert party_from_fractie(text) == party
