"""HTML reader: KOOP pages, tweedekamer.nl pages, exported HTML; furniture, notes, encodings."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerqa.errors import KamerqaInputError
from kamerqa.readers import detect_format, read_bytes
from kamerqa.readers.html import read
from kamerqa.readers.xml_common import MAX_MARKUP_BYTES

HTML = Path(__file__).resolve().parent.parent / "fixtures" / "html"
KOOP = "ah-tk-20252026-377.html"
TK = "tweedekamer-2025D48812.html"


def _all_text(name: str) -> str:
    return "\n".join(b.text for b in read((HTML / name).read_bytes()).blocks)


def test_koop_page_roles_and_numbers_from_div_vraag_and_antwoord() -> None:
    blocks = read((HTML / KOOP).read_bytes()).blocks
    headings = [(b.text, b.role, b.number) for b in blocks if b.kind == "heading" and b.level == 2]
    assert headings == [
        ("Vraag 1", "question_heading", "1"),
        ("Antwoord 1", "answer_heading", "1"),
        ("Vraag 2", "question_heading", "2"),
        ("Antwoord 2", "answer_heading", "2"),
        ("Vraag 3", "question_heading", "3"),
        ("Vraag 4", "question_heading", "4"),
        ("Antwoord 3 en 4", "", "3, 4"),
        ("Vraag 5", "question_heading", "5"),
        ("Antwoord 5", "answer_heading", "5"),
    ]
    answers = [b for b in blocks if b.role == "answer"]
    assert [b.kind for b in answers if b.number == "2"] == ["paragraph", "table", "paragraph"]
    assert [b.text for b in answers if b.kind == "list_item"][1] == (
        "het openen van een tijdelijke examenlocatie in Assen;"
    )


def test_koop_page_footnotes_are_linked_and_removed() -> None:
    result = read((HTML / KOOP).read_bytes())
    noted = [b for b in result.blocks if b.notes]
    assert [(b.role, b.number, [(n.id, n.text) for n in b.notes]) for b in noted] == [
        ("question", "1", [("1", "RTV Noord, 14 oktober 2025.")]),
        ("answer", "2", [("2", "Kamerstuk 29 398, nr. 1140.")]),
    ]
    assert noted[0].text.endswith("op een praktijkexamen?")
    text = _all_text(KOOP)
    assert "RTV Noord" not in text and "Noot" not in text
    assert result.unplaced_notes == []


def test_koop_page_meta_tags_and_koop_id() -> None:
    meta = read((HTML / KOOP).read_bytes()).metadata
    assert meta["koop_id"] == "ah-tk-20252026-377"
    assert meta["meta:DC.type"] == "Kamervragen (Aanhangsel)"
    assert meta["meta:OVERHEIDop.aanhangsel"] == "377"
    assert "meta:viewport" not in meta


@pytest.mark.parametrize("name", [KOOP, TK])
def test_page_furniture_is_ignored(name: str) -> None:
    text = _all_text(name)
    furniture = ["cookies", "Zoeken", "Home", "Privacy", "dataLayer", "font-family"]
    furniture += ["Direct naar content", "Deel op LinkedIn", "Contact", "Gerelateerd"]
    for word in furniture:
        assert word not in text, word


def test_tweedekamer_page_keeps_text_structure_for_text_parsers() -> None:
    result = read((HTML / TK).read_bytes())
    blocks = result.blocks
    assert blocks[0].kind == "heading" and blocks[0].level == 1
    assert "Nummer: 2025D48812" in [b.text for b in blocks]
    bold = [b.text for b in blocks if b.bold]
    assert bold == ["Vraag 1", "Antwoord", "Vraag 2", "Antwoord", "Vraag 3", "Antwoord"]
    sections = [b.text for b in blocks if b.kind == "heading" and b.level == 3]
    assert sections[1] == "Vragen en opmerkingen van de leden van de GroenLinks-PvdA-fractie"
    noted = next(b for b in blocks if b.notes)
    assert noted.text.startswith("Nederland zet in op vangstquota")
    assert "van de ICES. Waar het advies" in noted.text
    assert noted.notes[0].text == "ICES-advies voor de Noordzee, 30 juni 2025."
    assert result.metadata["meta:dcterms.identifier"] == "2025D48812"
    assert "koop_id" not in result.metadata  # a TK number is no KOOP id


def test_unreferenced_notes_are_reported_unplaced() -> None:
    page = b"""<html><body><p>Tekst zonder verwijzing.</p>
    <div class="voet noot" id="n1"><sup><span class="nootnum">1</span></sup><p>Losse noot.</p></div>
    </body></html>"""
    result = read(page)
    assert [b.text for b in result.blocks] == ["Tekst zonder verwijzing."]
    assert [(n.id, n.text) for n in result.unplaced_notes] == [("1", "Losse noot.")]


@pytest.mark.parametrize(
    "data",
    [
        "<html><body><p>Één café, één vraag.</p></body></html>".encode("cp1252"),
        '<html><head><meta charset="iso-8859-1"></head><body><p>Één café, één vraag.</p>'
        "</body></html>".encode("latin-1"),
        "<html><body><p>Één café, één vraag.</p></body></html>".encode("utf-16"),
        '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml">'
        "<body><p>Één café, één vraag.</p></body></html>".encode(),
    ],
)
def test_encodings(data: bytes) -> None:
    assert [b.text for b in read(data).blocks] == ["Één café, één vraag."]


def test_nested_lists_and_mixed_content() -> None:
    page = b"""<html><body><div>Losse tekst<br>over twee regels
    <ul><li>eerste <ul><li>genest</li></ul></li><li>tweede</li></ul>staart</div></body></html>"""
    blocks = read(page).blocks
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "Losse tekst over twee regels"),
        ("list_item", "eerste"),
        ("list_item", "genest"),
        ("list_item", "tweede"),
        ("paragraph", "staart"),
    ]


def test_detection_routes_pages_to_the_html_reader() -> None:
    for path in HTML.glob("*.html"):
        assert detect_format(path.read_bytes()) == "html"
        assert read_bytes(path.read_bytes()).format == "html"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"   ", "empty"),
        (b"<html><body><script>alert(1)</script></body></html>", "no readable text"),
        (b"<html><body>" + b"<div>" * 5000 + b"x" + b"</div>" * 5000 + b"</body></html>", ""),
    ],
)
def test_unusable_html_is_one_clear_error_or_a_result(data: bytes, message: str) -> None:
    try:
        result = read(data)
    except KamerqaInputError as err:
        assert message in str(err)
        assert "\n" not in str(err)
    else:
        assert not message
        assert result.format == "html"


def test_oversized_html_is_refused_before_parsing() -> None:
    data = b"<html><body><p>" + b"x" * MAX_MARKUP_BYTES + b"</p></body></html>"
    with pytest.raises(KamerqaInputError, match="larger than"):
        read(data)


def test_too_many_paragraphs_is_refused() -> None:
    data = b"<html><body>" + b"<p>a</p>" * 100_001 + b"</body></html>"
    with pytest.raises(KamerqaInputError, match="paragraphs"):
        read(data)


KOOP_OLDER = """<html><body><div id="broodtekst">
<div class="vraag"><h2 class="stuktitel no-toc"><a id="d1e43" name="d1e43"></a>Vraag 1
</h2><p>Wat is uw reactie op het bericht «Stagiairs krijgen alleen onkostenvergoeding»?<a
class="nootnum supernote-click-ID-2016Z00020-d37e57" href="#ID-2016Z00020-d37e57">1</a></p></div>
<div class="antwoord"><h2 class="stuktitel no-toc"><a id="d1e50" name="d1e50"></a>Antwoord 1
</h2><p>Ik heb kennisgenomen van het bericht.</p></div>
<div id="noten"><hr />
<div class="voet noot snp-mouseoffset snb-pinned notedefault"
 id="supernote-note-ID-2016Z00020-d37e57">
<h5 class="note-close"><a class="note-close" href="#close-ID-2016Z00020-d37e57">X</a> Noot
</h5><sup><span class="nootnum"><a id="ID-2016Z00020-d37e57"
 name="ID-2016Z00020-d37e57"></a>1</span></sup><p><a href="https://example.invalid/l/1" class="externe_link">https://example.invalid/l/1</a></p>
</div></div></div></body></html>"""


def test_koop_page_with_unwrapped_note_links_and_anchor_ids() -> None:
    result = read(KOOP_OLDER.encode())
    assert [(b.text, b.role, b.number) for b in result.blocks] == [
        ("Vraag 1", "question_heading", "1"),
        (
            "Wat is uw reactie op het bericht «Stagiairs krijgen alleen onkostenvergoeding»?",
            "question",
            "1",
        ),
        ("Antwoord 1", "answer_heading", "1"),
        ("Ik heb kennisgenomen van het bericht.", "answer", "1"),
    ]
    assert [(n.id, n.text) for n in result.blocks[1].notes] == [
        ("1", "https://example.invalid/l/1")
    ]


def test_note_list_in_an_aside() -> None:
    page = """<html><body><nav>Menu</nav><p>Tekst met noot.<a href="#fn1" class="footnote-ref"
    role="doc-noteref"><sup>1</sup></a></p><aside id="footnotes" class="footnotes"
    role="doc-endnotes"><hr><ol><li id="fn1"><p>De noot.<a href="#fnref1"
    class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></aside></body></html>"""
    result = read(page.encode())
    assert [b.text for b in result.blocks] == ["Tekst met noot."]
    assert [(n.id, n.text) for n in result.blocks[0].notes] == [("1", "De noot.")]
