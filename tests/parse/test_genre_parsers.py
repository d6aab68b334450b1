"""Block-level cases the plain-text fixtures cannot express: type styles, tables, reader facts."""

from __future__ import annotations

from datetime import date

from kamerqa.model import Document
from kamerqa.parse import lijst, nota, schriftelijk_overleg
from kamerqa.readers.blocks import Block, Note, ReadResult

LETTER_HEAD = [
    Block("Geachte voorzitter,"),
    Block(
        "Hierbij ontvangt u de antwoorden op de inbreng van de vaste commissie voor Defensie "
        "voor het schriftelijk overleg over de NAVO-top."
    ),
    Block("Vragen en opmerkingen van de leden van de VVD-fractie"),
    Block("De leden van de VVD-fractie hebben kennisgenomen van de brief."),
]


def _parse(module, blocks: list[Block], **facts: str) -> Document:  # type: ignore[no-untyped-def]
    read = ReadResult(format="docx", blocks=blocks, metadata=dict(facts))
    return module.parse(read, Document(id="x"))  # type: ignore[no-any-return]


def test_so_bold_questions_and_plain_answers() -> None:
    doc = _parse(
        schriftelijk_overleg,
        [
            *LETTER_HEAD,
            Block(
                "De leden van de VVD-fractie vragen hoeveel toestellen inzetbaar zijn.", bold=True
            ),
            Block("Er zijn 40 toestellen inzetbaar."),
            Block("Dat aantal stijgt in 2026."),
            Block("Tevens vragen deze leden wat de kosten zijn.", bold=True),
            Block("En wie betaalt die kosten?", bold=True),
            Block("De kosten zijn 2 miljard.", notes=[Note("4", "Defensienota 2024.")]),
        ],
    )
    assert [(q.number, q.answer_id) for q in doc.questions] == [("1", "a1"), ("2", "a2")]
    assert doc.questions[1].text.endswith("En wie betaalt die kosten?")
    assert doc.answers[0].text == "Er zijn 40 toestellen inzetbaar.\n\nDat aantal stijgt in 2026."
    assert [(f.id, f.in_) for f in doc.footnotes] == [("4", "a2")]


def test_so_reader_facts_fill_the_metadata() -> None:
    doc = _parse(
        schriftelijk_overleg,
        [*LETTER_HEAD, Block("Vraag 1"), Block("Waarom?"), Block("Antwoord"), Block("Daarom.")],
        date="14 oktober 2025",
        koop_id="kst-28676-560",
        **{"meta:DC.type": "Kamerstuk"},
    )
    meta = doc.metadata
    assert meta.date_answered == date(2025, 10, 14)
    assert meta.identifiers.koop == "kst-28676-560"
    assert meta.extra["meta:DC.type"] == "Kamerstuk"


def test_lijst_table_with_columns_in_another_order() -> None:
    table = Block(
        "",
        kind="table",
        rows=[
            ["Vraag", "Nr.", "Blz. (van)"],
            ["Hoeveel kost het?", "1", "12"],
            ["Waarom stijgt het?", "2", "13"],
        ],
    )
    doc = _parse(
        lijst,
        [
            Block("Nr. 7 LIJST VAN VRAGEN EN ANTWOORDEN"),
            Block("Vastgesteld 14 november 2024"),
            table,
            Block("Antwoord op vraag 1:"),
            Block("Het kost € 5 miljoen."),
            Block("Antwoord op vraag 2:"),
            Block("Door de inflatie."),
        ],
    )
    assert [(q.number, q.text) for q in doc.questions] == [
        ("1", "Hoeveel kost het?"),
        ("2", "Waarom stijgt het?"),
    ]
    assert [a.questions for a in doc.answers] == [["1"], ["2"]]
    assert doc.metadata.date_published == date(2024, 11, 14)


def test_lijst_numbered_list_in_answer_is_not_a_question() -> None:
    doc = _parse(
        lijst,
        [
            Block("LIJST VAN VRAGEN EN ANTWOORDEN"),
            Block("1. Welke stappen zet de minister?"),
            Block("De minister zet twee stappen:"),
            Block("2. eerst een verkenning;"),
            Block("3. daarna een wetsvoorstel."),
            Block("2. Wanneer is de verkenning klaar?"),
            Block("In het voorjaar."),
        ],
    )
    assert [q.text for q in doc.questions] == [
        "Welke stappen zet de minister?",
        "Wanneer is de verkenning klaar?",
    ]
    assert doc.answers[0].text.endswith("3. daarna een wetsvoorstel.")


def test_nota_italic_quotes_are_questions() -> None:
    doc = _parse(
        nota,
        [
            Block("36 412 Wijziging van de Wet op het primair onderwijs"),
            Block("Nr. 6 NOTA NAAR AANLEIDING VAN HET VERSLAG"),
            Block("2. Kosten"),
            Block("Deze leden vragen hoe het zit met de kosten.", italic=True),
            Block("Het kost niets."),
            Block("Waarom is de termijn zo kort?", italic=True),
            Block("Dat is nodig voor de scholen."),
        ],
    )
    assert [(q.number, q.section, q.answer_id) for q in doc.questions] == [
        ("1", "Kosten", "a1"),
        ("2", "Kosten", "a2"),
    ]
    assert doc.metadata.identifiers.koop == "kst-36412-6"


def test_notes_without_a_marker_are_kept_unplaced() -> None:
    blocks = [*LETTER_HEAD, Block("Vraag 1"), Block("Waarom?"), Block("Antwoord"), Block("Daarom.")]
    read = ReadResult(format="text", blocks=blocks, unplaced_notes=[Note("7", "Losse noot.")])
    doc = schriftelijk_overleg.parse(read, Document(id="x"))
    assert [(f.id, f.text, f.in_) for f in doc.footnotes] == [("7", "Losse noot.", None)]


def test_note_offset_after_a_heading_on_the_same_line() -> None:
    text = "Vraag 1: Klopt het bericht over X?"
    block = Block(
        text, notes=[Note("1", "NOS, 3 maart.", offset=len("Vraag 1: Klopt het bericht"))]
    )
    doc = _parse(lijst, [Block("LIJST VAN VRAGEN EN ANTWOORDEN"), block, Block("Antwoord: Ja.")])
    note = doc.footnotes[0]
    assert (note.in_, doc.questions[0].text[: note.offset]) == ("q1", "Klopt het bericht")
