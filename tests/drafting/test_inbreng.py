"""Consultations from inbreng: numbered (through kamerqa's parsers) and unnumbered."""

from __future__ import annotations

import io

import docx
import pytest

from kamerqa.drafting.inbreng import content_from_inbreng
from kamerqa.errors import KamerqaInputError

from .conftest import FIXTURES

UNNUMBERED = """Inbreng schriftelijk overleg van de vaste commissie voor Landbouw, Visserij, \
Voedselzekerheid en Natuur over de Landbouw- en Visserijraad

Vragen en opmerkingen van de leden van de BBB-fractie

De leden van de BBB-fractie hebben kennisgenomen van de geannoteerde agenda.

De leden van de BBB-fractie vragen de minister of de mestregels in Brussel ter sprake komen?

Kan de minister toezeggen dat de visserij wordt ontzien?

Vragen en opmerkingen van de leden van de Groenlinks-PvdA-fractie

Deze leden vragen hoe het staat met de natuurherstelwet?
"""


def test_numbered_inbreng_text() -> None:
    content = content_from_inbreng((FIXTURES / "inbreng.txt").read_bytes(), "inbreng.txt")
    assert [(q.number, q.party) for q in content.questions] == [
        ("1", "VVD"),
        ("2", "VVD"),
        ("3", "D66"),
    ]
    assert content.answers == []
    assert content.questions[1].text.endswith("sluizen[^1]?")  # the marker stays where it sat
    assert [(n.id, n.text) for n in content.footnotes] == [("1", "Kamerstuk 21 501-33, nr. 1099.")]
    assert content.metadata.committee == "vaste commissie voor Infrastructuur en Waterstaat"
    assert content.parties[0].intro.startswith("De leden van de VVD-fractie hebben")


def test_unnumbered_inbreng_is_split_by_faction() -> None:
    content = content_from_inbreng(UNNUMBERED.encode(), "inbreng.txt")
    assert [(q.number, q.party) for q in content.questions] == [
        ("1", "BBB"),
        ("2", "BBB"),
        ("3", "GroenLinks-PvdA"),
    ]
    assert content.parties[0].intro == (
        "De leden van de BBB-fractie hebben kennisgenomen van de geannoteerde agenda."
    )
    assert content.questions[2].text == "Deze leden vragen hoe het staat met de natuurherstelwet?"


def test_docx_inbreng() -> None:
    word = docx.Document()
    for line in UNNUMBERED.split("\n\n"):
        word.add_paragraph(line.replace("\n", " "))
    buffer = io.BytesIO()
    word.save(buffer)
    content = content_from_inbreng(buffer.getvalue(), "inbreng.docx")
    assert [q.party for q in content.questions] == ["BBB", "BBB", "GroenLinks-PvdA"]


def test_text_without_factions_is_refused() -> None:
    with pytest.raises(KamerqaInputError, match="no factions with questions"):
        content_from_inbreng(b"Een boodschappenlijst: brood, kaas, melk.", "lijst.txt")


def test_context_paragraphs_belong_to_the_next_question() -> None:
    text = (
        "Vragen en opmerkingen van de leden van de SP-fractie\n\n"
        "De leden van de SP-fractie hebben vragen.\n\n"
        "Deze leden lezen dat de huren stijgen.\n\n"
        "Hoe voorkomt de minister dat huurders in de knel komen?\n\n"
        "Deze leden wijzen ten slotte op het rapport.\n"
    )
    content = content_from_inbreng(text.encode(), "inbreng.txt")
    assert [q.text for q in content.questions] == [
        "Deze leden lezen dat de huren stijgen.\n\n"
        "Hoe voorkomt de minister dat huurders in de knel komen?\n\n"
        "Deze leden wijzen ten slotte op het rapport."
    ]
