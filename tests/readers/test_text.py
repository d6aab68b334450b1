"""The plain-text reader: encodings, white space, footnotes, hard wraps, tab tables."""

from __future__ import annotations

import textwrap

import pytest

from kamerqa.errors import KamerqaInputError
from kamerqa.readers.blocks import Note
from kamerqa.readers.text import decode, read, read_text

SAMPLE = "Vraag 1\nWat kost één drone?\n"


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"),
        SAMPLE.encode("cp1252"),
        SAMPLE.encode("utf-16"),
        SAMPLE.replace("\n", "\r\n").encode("utf-8"),
    ],
)
def test_encodings_and_line_ends(data: bytes) -> None:
    assert [b.text for b in read(data).blocks] == ["Vraag 1", "Wat kost één drone?"]


def test_cp1252_quotes_and_euro() -> None:
    assert decode("‘drone muur’ kost €5".encode("cp1252")) == "‘drone muur’ kost €5"


def test_odd_spaces_soft_hyphens_and_tabs() -> None:
    text = "Het\u00a0NAVO\u2009luchtruim\u202fis ver\u00adde\u00addigd.\tKlaar.\u200b"
    assert read_text(text).blocks[0].text == "Het NAVO luchtruim is verdedigd. Klaar."


@pytest.mark.parametrize("data", [b"", b"   \n\n ", b"\x00\x01\x02binary", b"\x01" * 200])
def test_unusable_input(data: bytes) -> None:
    with pytest.raises(KamerqaInputError):
        read(data)


def test_tika_footnote_on_the_same_line() -> None:
    text = "Een all-hazard[footnoteRef:2]-aanpak werkt.  [2:  Zowel safety als security.] \n"
    block = read_text(text).blocks[0]
    assert block.text == "Een all-hazard-aanpak werkt."
    assert block.notes == [Note("2", "Zowel safety als security.", offset=len("Een all-hazard"))]


def test_tika_body_on_later_lines_and_endnotes() -> None:
    text = (
        "Eerste alinea[footnoteRef:1] en verder.[endnoteRef:3]\n\n"
        "[1:  Kamerstuk 21 501-20, nr. 2290 [bijlage].\nTweede regel van de noot.]\n"
        "Tweede alinea.\n[3:  Eindnoot.]\n"
    )
    result = read_text(text)
    assert [b.text for b in result.blocks] == ["Eerste alinea en verder.", "Tweede alinea."]
    assert result.blocks[0].notes == [
        Note("1", "Kamerstuk 21 501-20, nr. 2290 [bijlage]. Tweede regel van de noot.", 13),
        Note("3", "Eindnoot.", len("Eerste alinea en verder.")),
    ]
    assert result.unplaced_notes == []


def test_brackets_in_text_are_not_bodies() -> None:
    text = "Zie [1: niet een noot] in de tekst."
    assert read_text(text).blocks[0].text == text


def test_typed_markers_with_a_voetnoten_list() -> None:
    text = (
        "De brief[1] is verstuurd.\nZie ook^2 de bijlage en het rapport³.\n\nVoetnoten\n"
        "[1] Kamerstuk 36 600 X, nr. 5.\n^2 Bijlage bij de brief.\n³ Rapport van\n de AIVD.\n"
    )
    result = read_text(text)
    assert [b.text for b in result.blocks] == [
        "De brief is verstuurd.",
        "Zie ook de bijlage en het rapport.",
    ]
    assert [(n.id, n.offset) for n in result.blocks[0].notes] == [("1", len("De brief"))]
    assert result.blocks[1].notes == [
        Note("2", "Bijlage bij de brief.", len("Zie ook")),
        Note("3", "Rapport van de AIVD.", len("Zie ook de bijlage en het rapport")),
    ]


def test_trailing_note_list_without_a_heading() -> None:
    text = "Eerste zin[1].\nTweede zin[2].\n\n[1] Noot een.\n[2] Noot twee.\n"
    result = read_text(text)
    assert [b.text for b in result.blocks] == ["Eerste zin.", "Tweede zin."]
    assert [n.text for b in result.blocks for n in b.notes] == ["Noot een.", "Noot twee."]


def test_glued_digits_only_in_note_order() -> None:
    text = "De weerbaarheid1 van G7-landen en CO2 uitstoot.\n\n____\n1 Zie de nota.\n"
    block = read_text(text).blocks[0]
    assert block.text == "De weerbaarheid van G7-landen en CO2 uitstoot."
    assert block.notes == [Note("1", "Zie de nota.", offset=len("De weerbaarheid"))]


def test_markers_without_a_note_list_stay() -> None:
    assert read_text("Artikel [3] blijft staan.").blocks[0].text == "Artikel [3] blijft staan."


WRAPPED = """Vraag 1
Kan de minister aangeven hoeveel militairen er op dit moment in het
buitenland zijn ingezet en welke bijdrage Nederland levert aan de lucht-
en raketverdediging van de oostflank van het NAVO-verdragsgebied?
Antwoord
Op dit moment zijn ongeveer 2.300 militairen in het buitenland ingezet.
Het gaat onder meer om de bijdrage aan de enhanced Forward Presence in
Litouwen en de luchtverdediging in Polen. Daarnaast worden defensie-
uitgaven verhoogd. Er zijn drie prioriteiten:
1. snelle versterking van de luchtverdediging en de voorraden munitie van
de krijgsmacht;
2. samenwerking met de industrie.
Tot zover het antwoord.
"""


def test_hard_wrapped_text_is_joined_into_paragraphs() -> None:
    texts = [b.text for b in read_text(WRAPPED).blocks]
    assert texts[0] == "Vraag 1"
    assert texts[1].startswith("Kan de minister") and texts[1].endswith("NAVO-verdragsgebied?")
    assert "lucht- en raketverdediging" in texts[1]
    assert texts[2] == "Antwoord"
    assert "defensie-uitgaven verhoogd" in texts[3]
    assert texts[4].startswith("1. snelle") and texts[4].endswith("krijgsmacht;")
    assert texts[5:] == ["2. samenwerking met de industrie.", "Tot zover het antwoord."]


def test_word_export_lines_are_not_joined() -> None:
    long_line = "Dit is een alinea die als één lange regel is geëxporteerd. " * 5
    text = f"Antwoord\n{long_line}\n{long_line}\n"
    assert len(read_text(text).blocks) == 3


def test_tab_separated_rows_become_tables() -> None:
    text = "Inleiding.\nNr\tVraag\tBlz.\n1\tHoeveel kost het?\t12\n\n2\tWaarom?\t13\nSlot.\n"
    blocks = read_text(text).blocks
    assert [b.kind for b in blocks] == ["paragraph", "table", "table", "paragraph"]
    assert blocks[1].rows == [["Nr", "Vraag", "Blz."], ["1", "Hoeveel kost het?", "12"]]
    assert "Hoeveel kost het?" in blocks[1].text


def test_marker_between_words_leaves_one_space() -> None:
    text = "Het kabinet [1] besluit nu.\n\nVoetnoten\n[1] Besluit van 3 maart.\n"
    block = read_text(text).blocks[0]
    assert block.text == "Het kabinet besluit nu."
    assert block.notes[0].offset == len("Het kabinet")


def test_private_use_characters_in_the_input_are_not_taken_for_markers() -> None:
    assert read_text("A\ue000B[footnoteRef:1] C").blocks[0].text == "AB C"


def test_glued_digits_after_punctuation() -> None:
    text = "Het kabinet besluit.1 Daarna volgt 3.1 van de nota.\n\n____\n1 Zie de brief.\n"
    block = read_text(text).blocks[0]
    assert block.text == "Het kabinet besluit. Daarna volgt 3.1 van de nota."
    assert block.notes[0].offset == len("Het kabinet besluit.")


def test_short_sentence_lines_are_not_taken_for_wrapped_text() -> None:
    lines = [
        "1. Hoeveel kost het nieuwe systeem voor de Belastingdienst in 2025?",
        "Het nieuwe systeem kost in 2025 ongeveer 120 miljoen euro in totaal.",
        "2. Wanneer wordt het systeem in gebruik genomen door de dienst?",
        "Het systeem wordt naar verwachting in het najaar van 2026 ingevoerd.",
        "3. Welke risico's ziet de staatssecretaris bij de invoering ervan?",
        "De belangrijkste risico's betreffen de planning en de datakwaliteit.",
        "4. Is de Auditdienst Rijk betrokken bij het toezicht op het project?",
        "Ja, de Auditdienst Rijk rapporteert elk halfjaar over het project.",
    ]
    assert len(read_text("\n".join(lines)).blocks) == len(lines)


_HEADER = "Tweede Kamer, vergaderjaar 2025–2026, 36 800 XVI, nr. 14"
_PARAGRAPHS = [
    "Vraag {n}: Hoeveel middelen zijn in 2026 beschikbaar voor de wachttijden in de jeugdzorg "
    "en hoe verhoudt zich dat bedrag tot het bedrag dat in 2025 beschikbaar was?",
    "Antwoord: In 2026 is voor de wachttijden in de jeugdzorg een bedrag van € 12 miljoen "
    "geraamd. Dat is 2 procent meer dan in het jaar daarvoor, vooral door de loon- en "
    "prijsbijstelling die in de begroting is verwerkt.",
]


def _layout_export() -> str:
    """Text as a layout export of a PDF prints it: wrapped lines, header and footer per page."""
    lines: list[str] = []
    for page in range(1, 4):
        lines.append(_HEADER)
        for paragraph in _PARAGRAPHS:
            lines += textwrap.wrap(paragraph.format(n=page), width=72)
        lines.append(f"Onze referentie 51234987 {page}")
    return "\n".join(lines) + "\n"


def test_layout_export_drops_page_furniture_and_splits_at_inline_answer_headings() -> None:
    texts = [b.text for b in read_text(_layout_export()).blocks]
    assert not any("Tweede Kamer" in t or "referentie" in t for t in texts)
    assert texts[0].startswith("Vraag 1:") and texts[0].endswith("beschikbaar was?")
    assert texts[1].startswith("Antwoord: In 2026") and texts[1].endswith("verwerkt.")
    assert [t.split(":")[0] for t in texts[2:]] == ["Vraag 2", "Antwoord", "Vraag 3", "Antwoord"]


def test_bullet_glyph_makes_a_list_item_and_letterhead_lines_are_facts() -> None:
    result = read_text("Datum\t4 december 2025\nKenmerk\t12345\n\n• eerste punt[1]\n\n[1] Noot.\n")
    item = next(b for b in result.blocks if b.kind == "list_item")
    assert item.text == "eerste punt"
    assert result.metadata["date"] == "4 december 2025"


def test_layout_export_keeps_numbered_lines_and_splits_before_faction_prose() -> None:
    answer = (
        "Het kabinet deelt deze analyse en werkt de komende maanden een uitgebreide aanpak uit "
        "voor alle regio's in het land, zodat niemand tussen wal en schip valt in de zorg."
    )
    faction = "De leden van de VVD-fractie vragen hoe de minister dit gaat financieren en wanneer."
    lines = textwrap.wrap(answer, width=60) + textwrap.wrap(faction, width=60)
    for number in range(1, 5):
        lines += [f"{number} Hoeveel middelen zijn in 2026", "beschikbaar voor de jeugdzorg?"]
    texts = [b.text for b in read_text("\n".join(lines) + "\n").blocks]
    assert texts[0] == answer
    assert texts[1] == faction
    assert sum(t.startswith(("1 Hoeveel", "2 Hoeveel", "3 Hoeveel")) for t in texts) == 3


def test_layout_export_page_bottom_notes() -> None:
    body = (
        "De leden van de VVD-fractie lezen dat de Raad zal spreken over een twintigste "
        "sanctiepakket tegen Rusland.1 Kan de minister aangeven welke sectoren worden getroffen "
        "en of Nederland voorstander is van een verbod op de invoer van vloeibaar aardgas per "
        "1 januari 2027, zoals eerder door de Kamer is gevraagd in een aangenomen motie?"
    )
    lines = [*textwrap.wrap(body, width=70), "1 Kamerstuk 21 501-02, nr. 3310.", "Pagina 1"]
    lines += textwrap.wrap("Het twintigste pakket richt zich op de energiesector. " * 3, width=70)
    lines.append("Pagina 2")
    result = read_text("\n".join(lines) + "\n")
    texts = [b.text for b in result.blocks]
    assert not any(t.startswith(("1 Kamerstuk", "Pagina")) for t in texts)
    assert "per 1 januari 2027" in texts[0] and "Rusland. Kan" in texts[0]
    assert [(n.id, n.text) for n in result.blocks[0].notes] == [
        ("1", "Kamerstuk 21 501-02, nr. 3310.")
    ]


def test_layout_export_faction_heading_and_signature_start_their_own_lines() -> None:
    lines = [
        "Tweede Kamer, vergaderjaar 2025–2026, 21 501-32, nr. 1722",
        *textwrap.wrap("Inleidende tekst over de agenda van de Raad en de stukken. " * 4, width=62),
        "Vragen en opmerkingen van de leden van de BBB-fractie",
        *textwrap.wrap("De leden van de BBB-fractie hebben kennisgenomen van de agenda " * 3, 62),
        "De Minister van Landbouw, Visserij, Voedselzekerheid en",
        "Natuur,",
        "J.A. Wiersma-Bos",
    ]
    texts = [b.text for b in read_text("\f".join(lines) + "\n").blocks]
    assert "Vragen en opmerkingen van de leden van de BBB-fractie" in texts
    assert any(t.startswith("De Minister van Landbouw") for t in texts)


def test_layout_export_marker_glued_after_a_question_mark_or_quote() -> None:
    question = (
        "Heeft u kennisgenomen van het rapport over de wachtlijsten in de jeugdzorg van de "
        "Rekenkamer Oost-Nederland?1 Deelt u de conclusie dat de gemeenten te laat ingrijpen en "
        "dat de wachttijden daardoor in het afgelopen jaar verder zijn opgelopen?"
    )
    answer = "Ja. De Rekenkamer noemt het „een structureel tekort”2 en dat deel ik."
    lines = [*textwrap.wrap(question, width=64), *textwrap.wrap(answer, width=64)]
    lines += ["1 Rekenkamer Oost-Nederland, rapport jeugdzorg, maart 2026.", "Pagina 1"]
    lines += ["2 Rapport, blz. 12.", "Pagina 2"]
    result = read_text("\n".join(lines) + "\n")
    texts = [b.text for b in result.blocks]
    assert texts[0].startswith("Heeft u") and "Oost-Nederland? Deelt" in texts[0]
    assert not any(t.startswith(("1 Rekenkamer", "2 Rapport")) for t in texts)
    notes = [(n.id, n.offset) for b in result.blocks for n in b.notes]
    assert notes[0] == ("1", texts[0].index("? Deelt") + 1)
