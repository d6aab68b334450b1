"""The text renderer: the seed's letter layout, Tika footnotes, the kamervragen layout."""

from __future__ import annotations

from kamerqa.model import Document, Footnote
from kamerqa.readers.text import read_text
from kamerqa.render import render
from kamerqa.render.layout import split_with_markers


def _lines(document: Document) -> list[str]:
    output = render(document, "text")
    assert isinstance(output, str)
    return output.split("\n")


def test_cover_letter_and_signature(letter: Document) -> None:
    lines = _lines(letter)
    assert lines[0] == "Geachte voorzitter,"
    assert lines[1].startswith("Hierbij ontvangt u de antwoorden op de inbreng van de vaste ")
    assert "over de Transportraad van 4 december a.s. in Brussel." in lines[1]
    assert lines[1].endswith("ingezonden op 20 november 2025 met kenmerk 21501-33-1100/2025D50001.")
    assert lines[2:5] == [
        "Hoogachtend,",
        "DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT",
        "Jan Jansen",
    ]
    assert lines[5:8] == ["", "", "Vragen en antwoorden"]


def test_sections_questions_answers_in_seed_layout(letter: Document) -> None:
    lines = _lines(letter)
    pvv = lines.index("Vragen en opmerkingen van de leden van de PVV-fractie")
    assert lines[pvv + 1 : pvv + 4] == [
        "",
        "De leden van de PVV-fractie hebben geen vragen.",
        "",
    ]
    first = lines.index("Vraag 1")
    assert lines[first + 1] == "Hoe staat het met de spoorbrug?"
    assert lines[first + 2 : first + 5] == ["", "Antwoord", "De spoorbrug is gereed."]
    # the joint answer follows its last question, with a heading naming both
    assert lines.index("Vraag 3") < lines.index("Antwoord op vraag 2 en 3")
    assert lines.count("Antwoord") == 1


def test_footnote_in_tika_form(letter: Document) -> None:
    lines = _lines(letter)
    cited = [line for line in lines if "[footnoteRef:3]" in line]
    assert cited == [
        "De brug is in oktober geopend.[footnoteRef:3]  [3:  Kamerstuk 21 501-33, nr. 1000.]"
    ]


def test_text_reader_reads_the_footnote_back(letter: Document) -> None:
    output = render(letter, "text")
    assert isinstance(output, str)
    blocks = read_text(output).blocks
    cited = [b for b in blocks if b.notes]
    assert len(cited) == 1
    assert cited[0].text == "De brug is in oktober geopend."
    assert [(n.id, n.text) for n in cited[0].notes] == [("3", "Kamerstuk 21 501-33, nr. 1000.")]


class _OffsetFootnote(Footnote):
    """A footnote with the proposed optional ``offset`` field (not yet in the model)."""

    offset: int | None = None


def test_marker_goes_to_its_offset_when_known() -> None:
    text = "Eerste alinea.\n\nEen all-hazard-aanpak werkt."
    offset = text.index("-aanpak")
    note = _OffsetFootnote(id="2", text="Uitleg.", in_="a1", offset=offset)
    paras = split_with_markers(text, [note], "answer")
    assert [p.text for p in paras] == ["Eerste alinea.", "Een all-hazard-aanpak werkt."]
    assert paras[0].markers == []
    assert paras[1].markers[0].offset == paras[1].text.index("-aanpak")


def test_marker_without_offset_goes_to_end_of_last_paragraph() -> None:
    note = Footnote(id="4", text="Bron.", in_="a1")
    paras = split_with_markers("Een.\nTwee.", [note], "answer")
    assert paras[0].markers == []
    assert paras[1].markers[0].offset == len("Twee.")


def test_kamervragen_layout(questions: Document) -> None:
    lines = _lines(questions)
    assert lines[0] == "Antwoord op vragen van het lid De Vries over de spoorbrug"
    assert (
        "Vragen van het lid De Vries (VVD) aan de minister van Infrastructuur en Waterstaat over "
        "de Transportraad van 4 december a.s. in Brussel (ingezonden 20 november 2025)." in lines
    )
    assert any(line.startswith("Antwoord van Jan Jansen (minister van ") for line in lines)
    assert "(ontvangen 1 december 2025)." in "\n".join(lines)
    assert "Antwoord 1" in lines
    assert "Antwoord op vragen 2 en 3" in lines
    assert not any(line.startswith("Vragen en opmerkingen") for line in lines)


def test_footnote_pointing_nowhere_is_still_printed(letter: Document) -> None:
    letter.footnotes.append(Footnote(id="9", text="Losse noot.", in_="q99"))
    output = render(letter, "text")
    assert isinstance(output, str)
    assert "[9:  Losse noot.]" in output


def test_letter_without_signatory_still_ends_before_the_annex(letter: Document) -> None:
    letter.metadata.signatories = []
    lines = _lines(letter)
    assert lines[2:6] == ["Hoogachtend,", "", "", "Vragen en antwoorden"]
