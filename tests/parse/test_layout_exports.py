"""Layout text exports (pdftotext-like: hard-wrapped lines, form feeds) read as plain text and
parsed: the rules that the round-3 documents needed, each on a small invented example."""

from __future__ import annotations

import textwrap

from kamerqa.parse import parse_bytes
from kamerqa.readers.text import read_text


def _wrapped(text: str, width: int = 62) -> list[str]:
    return textwrap.wrap(text, width=width)


def test_a_section_heading_between_an_answer_and_a_question_stays_a_heading() -> None:
    lines = [
        "Vraag 1 Hoeveel projecten zijn in 2025 voortijdig gestopt en om welke redenen?",
        *_wrapped("Antwoord op vraag 1: Drie projecten zijn gestopt, omdat de mijlpalen " * 3),
        "Beleidsartikel 2 Infrastructuur en kennis",
        "Vraag 2 Hoe vaak is een project voorwaardelijk toegekend door de commissie?",
        *_wrapped(
            "Antwoord op vraag 2: Zeven keer in het jaar 2025, zo blijkt uit de cijfers. " * 2
        ),
    ]
    texts = [b.text for b in read_text("\n".join(lines) + "\n").blocks]
    assert "Beleidsartikel 2 Infrastructuur en kennis" in texts


def test_question_wording_repeated_inside_pages_is_not_furniture() -> None:
    pages = []
    for number in range(1, 5):
        body = [f"Vraag {number}", "Hoeveel middelen zijn in 2026 beschikbaar voor de"]
        body += [
            f"taak {number}?",
            "Antwoord",
            f"Voor taak {number} is € {number} miljoen geraamd.",
        ]
        body += _wrapped("Dit bedrag is gelijk aan dat van vorig jaar en blijft zo tot 2030. " * 2)
        pages.append("\n".join(["Tweede Kamer, vergaderjaar 2025–2026, 36 725 X, nr. 8", *body]))
    texts = [b.text for b in read_text("\n\f".join(pages) + "\n").blocks]
    assert texts.count("Hoeveel middelen zijn in 2026 beschikbaar voor de taak 2?") == 1
    assert not any(t.startswith("Tweede Kamer, vergaderjaar") for t in texts)


def test_reactie_heading_of_a_verslag_is_kept_and_starts_a_block() -> None:
    body = []
    for faction in ("VVD", "SP", "CDA"):
        body += _wrapped(
            f"De leden van de {faction}-fractie vragen hoeveel woningen er in 2025 zijn gebouwd."
        )
        body += ["Reactie van de staatssecretaris"]
        body += _wrapped(
            "Er zijn in 2025 ongeveer 82.000 woningen gebouwd, iets minder dan in 2024."
        )
    texts = [b.text for b in read_text("\n".join(body * 2) + "\n").blocks]
    assert texts.count("Reactie van de staatssecretaris") == 6


def test_flattened_qa_table_per_faction_in_a_letter() -> None:
    lines = [
        "Geachte voorzitter,",
        *_wrapped(
            "Hierbij ontvangt u de antwoorden op de vragen van de vaste commissie voor Defensie "
            "over de NAVO-ministeriële van 12 februari a.s. in Brussel. De vragen zijn op 3 "
            "februari 2026 ingezonden met kenmerk 28676-560/2026D04410."
        ),
        "De minister van Defensie,",
        "R.P. Brekelmans",
        "Vragen en opmerkingen van de leden van de VVD-fractie",
        "Nr Vraag Antwoord",
        "1 De leden van de VVD-fractie vragen",
        "hoeveel Nederland aan defensie",
        "uitgeeft.",
        "Nederland geeft 2,1 procent van",
        "het bbp uit.",
        "Vragen en opmerkingen van de leden van de SP-fractie",
        "Nr Vraag Antwoord",
        "2 De leden van de SP-fractie vragen",
        "wat de nieuwe norm kost.",
        "Zie het antwoord op vraag 1.",
    ]
    document = parse_bytes(("\n\f".join(["\n".join(lines)]) + "\n").encode(), "so.txt")
    assert [(q.number, q.party, q.answer_id) for q in document.questions] == [
        ("1", "VVD", "a1"),
        ("2", "SP", "a2"),
    ]
    assert document.answers[1].refers_to == ["1"]
