"""Invented but realistic documents for the store tests (no text of real documents)."""

from __future__ import annotations

from datetime import date

from kamerqa.model import (
    Answer,
    Document,
    Footnote,
    Identifiers,
    Metadata,
    Party,
    Person,
    Question,
    Reference,
    Source,
)

QA: list[tuple[str, str, str]] = [
    (
        "SGP",
        "Hoeveel drones heeft Defensie in 2025 aangeschaft en welke dronemuur staat het"
        " kabinet voor ogen aan de oostflank?",
        "Defensie heeft dit jaar veertig drones besteld. De dronemuur is een Europees plan"
        " voor detectie & afweer <b>langs</b> de grens.",
    ),
    (
        "NSC",
        "Kan de minister aangeven hoe de luchtverdediging van Nederlandse vliegvelden is"
        " geregeld tegen onbemande vliegtuigen?",
        "De luchtverdediging wordt versterkt met radar en kanonnen; zie ook het antwoord op"
        " vraag 1.",
    ),
    (
        "Volt",
        "Welke afspraken zijn er gemaakt over de eerste lijn zorg in krimpgemeenten?",
        "De eerste lijn blijft bereikbaar; huisartsen krijgen steun van de zorgverzekeraar.",
    ),
    (
        "GroenLinks-PvdA",
        "Deelt u de mening dat de huurtoeslag omhoog moet voor gezinnen met kinderen?",
        "Het kabinet verhoogt de huurtoeslag per 1 januari; gezinnen met kinderen gaan erop"
        " vooruit.",
    ),
]


def make_document(
    doc_id: str,
    *,
    genre: str = "schriftelijk_overleg",
    committee: str = "vaste commissie voor Defensie",
    answered: date | None = date(2025, 10, 14),
    submitted: date | None = date(2025, 10, 8),
    qa: list[tuple[str, str, str]] | None = None,
    askers: list[Person] | None = None,
    addressees: list[str] | None = None,
    joint: bool = False,
) -> Document:
    """A document with numbered questions and answers; ``joint`` answers 1 and 2 together."""
    qa = QA if qa is None else qa
    questions = []
    answers = []
    for i, (party, question, answer) in enumerate(qa, start=1):
        number = str(i)
        if joint and i == 2:
            questions.append(Question(number=number, party=party, text=question, answer_id="a1"))
            answers[0].questions.append(number)
            continue
        answer_id = f"a{len(answers) + 1}"
        questions.append(Question(number=number, party=party, text=question, answer_id=answer_id))
        answers.append(Answer(id=answer_id, questions=[number], text=answer))
    parties = []
    for q in questions:
        if not parties or parties[-1].name != q.party:
            parties.append(Party(name=q.party or "", intro="De leden hebben vragen."))
        parties[-1].question_numbers.append(q.number)
    return Document(
        id=doc_id,
        genre=genre,  # type: ignore[arg-type]
        title=f"Schriftelijk overleg {doc_id}",
        source=Source(path=f"/invented/{doc_id}.txt", format="text", sha256=doc_id.ljust(64, "0")),
        metadata=Metadata(
            committee=committee,
            subject="Defensie en zorg",
            date_submitted=submitted,
            date_answered=answered,
            askers=askers or [],
            addressees=addressees or ["minister van Defensie"],
            identifiers=Identifiers(tk_document=doc_id),
        ),
        parties=parties,
        questions=questions,
        answers=answers,
        footnotes=[Footnote(id="1", text="Kamerstuk 21 501-20, nr. 2290", in_="a1")],
        references=[
            Reference(
                type="kamerstuk",
                text="Kamerstuk 21 501-20, nr. 2290",
                dossier="21501-20",
                number="2290",
                koop_id="kst-21501-20-2290",
            )
        ],
    )


def seed_like_text(kenmerk_number: int, topic: str = "drones") -> str:
    """An invented answer letter in the layout of a schriftelijk overleg (Tika text export)."""
    return f"""Geachte voorzitter,
Met deze brief beantwoord ik de vragen die de vaste commissie voor Defensie heeft gesteld voor het schriftelijk overleg over de inzet van {topic}, gepland op 20 november a.s. De vragen zijn op 3 november 2025 toegestuurd onder kenmerk 28676-{kenmerk_number % 1000}/2025D{kenmerk_number:05d}.
Hoogachtend,
DE MINISTER VAN DEFENSIE
Jan Jansen


Vragen en antwoorden

Vragen en opmerkingen van de leden van de SGP-fractie

De leden van de SGP-fractie hebben kennisgenomen van de stukken. Zij hebben enkele vragen.

Vraag 1
De leden van de SGP-fractie vragen hoeveel {topic} Defensie dit jaar heeft besteld en wanneer die worden geleverd.

Antwoord
Defensie heeft dit jaar een eerste serie {topic} besteld. De levering begint volgend jaar.

Vragen en opmerkingen van de leden van de Volt-fractie

De leden van de Volt-fractie hebben met belangstelling kennisgenomen van de agenda.

Vraag 2
De leden van de Volt-fractie vragen of Nederland samenwerkt met andere bondgenoten bij de aanschaf van {topic}.

Antwoord
Nederland werkt samen met België en Duitsland bij de gezamenlijke inkoop.
"""  # noqa: E501
