from __future__ import annotations

import pytest

from kamerqa.parse.genre import detect_genre
from kamerqa.readers.text import read_text


@pytest.mark.parametrize(
    ("text", "genre"),
    [
        (
            "Geachte voorzitter,\nHierbij ontvangt u de antwoorden op de inbreng van de vaste "
            "commissie voor Defensie voor het schriftelijk overleg over de NAVO-top.\nVraag 1\nX?",
            "schriftelijk_overleg",
        ),
        (
            "Nr. 88 VERSLAG VAN EEN SCHRIFTELIJK OVERLEG\nVastgesteld 9 oktober 2025",
            "schriftelijk_overleg",
        ),
        (
            "Nr. 7 LIJST VAN VRAGEN EN ANTWOORDEN\nVastgesteld 14 november 2024\nVraag 1",
            "lijst_van_vragen",
        ),
        (
            "Nr. 6 NOTA NAAR AANLEIDING VAN HET VERSLAG\nOntvangen 3 maart 2025",
            "nota_naar_aanleiding_van_verslag",
        ),
        (
            "Vragen van het lid Van Dijk (SGP) aan de minister van Defensie over munitie "
            "(ingezonden 3 maart 2025).\nVraag 1\nKlopt het dat een nota naar aanleiding van het "
            "verslag ontbreekt?",
            "kamervragen",
        ),
        ("Vraag 1\nWat kost het?\nAntwoord 1\nVeel.", "kamervragen"),
        (
            "De leden van de VVD-fractie vragen hoe dit werkt.\nHet werkt goed.\n"
            "De leden van de SP-fractie vragen wat het kost.\nNiets.",
            "nota_naar_aanleiding_van_verslag",
        ),
        ("Een boodschappenlijst.\nMelk, brood en kaas.", "unknown"),
    ],
)
def test_detect_genre(text: str, genre: str) -> None:
    assert detect_genre(read_text(text)) == genre


def test_earliest_title_signal_wins() -> None:
    text = (
        "Vragen van het lid Jansen (VVD) aan de minister over de lijst van vragen en antwoorden "
        "(ingezonden 2 mei 2025).\nVraag 1\nWaarom?"
    )
    assert detect_genre(read_text(text)) == "kamervragen"


def test_memorie_van_antwoord_is_read_as_a_nota() -> None:
    text = (
        "Nr. D MEMORIE VAN ANTWOORD\nOntvangen 3 maart 2025\n"
        "De leden van de VVD-fractie vragen of dit klopt."
    )
    assert detect_genre(read_text(text)) == "nota_naar_aanleiding_van_verslag"
