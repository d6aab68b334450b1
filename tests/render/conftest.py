"""An invented schriftelijk overleg answer document used by the renderer tests."""

from __future__ import annotations

from datetime import date

import pytest

from kamerqa.model import (
    Answer,
    Document,
    Footnote,
    Metadata,
    Party,
    Person,
    Question,
    Signatory,
)


def letter_document() -> Document:
    return Document(
        id="test-so-1",
        genre="schriftelijk_overleg",
        metadata=Metadata(
            committee="vaste commissie voor Infrastructuur en Waterstaat",
            subject="de Transportraad van 4 december a.s. in Brussel",
            date_submitted=date(2025, 11, 20),
            reference="21501-33-1100/2025D50001",
            signatories=[
                Signatory(name="Jan Jansen", function="minister van Infrastructuur en Waterstaat")
            ],
        ),
        parties=[
            Party(name="PVV", intro="De leden van de PVV-fractie hebben geen vragen."),
            Party(
                name="GroenLinks-PvdA",
                intro="De leden van de GroenLinks-PvdA-fractie hebben enkele vragen.",
                question_numbers=["1", "2", "3"],
            ),
        ],
        questions=[
            Question(
                number="1",
                party="GroenLinks-PvdA",
                text="Hoe staat het met de spoorbrug?",
                answer_id="a1",
            ),
            Question(
                number="2",
                party="GroenLinks-PvdA",
                text="Wanneer gaat de sluis open?\nWaarom duurt het zo lang?",
                answer_id="a2",
            ),
            Question(
                number="3", party="GroenLinks-PvdA", text="Wat kost de sluis?", answer_id="a2"
            ),
        ],
        answers=[
            Answer(
                id="a1",
                questions=["1"],
                text="De spoorbrug is gereed.\n\nDe brug is in oktober geopend.",
            ),
            Answer(id="a2", questions=["2", "3"], text="Zie antwoord op vraag 1.", refers_to=["1"]),
        ],
        footnotes=[Footnote(id="3", text="Kamerstuk 21 501-33, nr. 1000.", in_="a1")],
    )


def questions_document() -> Document:
    doc = letter_document().model_copy(deep=True)
    doc.genre = "kamervragen"
    doc.title = "Antwoord op vragen van het lid De Vries over de spoorbrug"
    doc.parties = []
    doc.metadata.askers = [Person(name="De Vries", party="VVD")]
    doc.metadata.addressees = ["minister van Infrastructuur en Waterstaat"]
    doc.metadata.date_answered = date(2025, 12, 1)
    return doc


@pytest.fixture
def letter() -> Document:
    return letter_document()


@pytest.fixture
def questions() -> Document:
    return questions_document()
