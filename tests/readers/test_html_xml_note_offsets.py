"""Where a footnote marker sat: ``Note.offset`` from the HTML and KOOP XML readers, and
``Footnote.offset`` after the whole parse, for each way these formats mark notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kamerqa.parse import parse_bytes
from kamerqa.readers.blocks import Block, Note
from kamerqa.readers.html import read as read_html
from kamerqa.readers.xml import read as read_xml

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
MARKS = range(0xF0000, 0xFFFFE)
WORDS_BEFORE_MARKERS = ("bericht", "advies", "rapport", "brief", "voldoende")

KOOP_HTML = """<html><body><div id="broodtekst">
<div class="vraag"><h2>Vraag 1</h2><p>Kent u het rapport<sup><a class="nootnum"
href="#ID-9-1">1</a></sup> van de inspectie en de brief <sup><a href="#ID-9-2">2</a></sup>,
die u stuurde?</p></div>
<div class="antwoord"><h2>Antwoord 1</h2><p>Ja, het rapport ken ik.</p></div>
<div class="voet noot" id="n1"><sup><span class="nootnum" id="ID-9-1">1</span></sup>
<p>Inspectie Gezondheidszorg, 3 maart 2026.</p></div>
<div class="voet noot" id="n2"><sup><span class="nootnum" id="ID-9-2">2</span></sup>
<p>Kamerstuk 31 015, nr. 300.</p></div></div></body></html>"""

PANDOC_HTML = """<html><body><p><strong>Vraag 1</strong></p>
<p>Is de  regeling<a href="#fn1" class="footnote-ref" id="fnref1"
role="doc-noteref"><sup>1</sup></a> al   in werking getreden?</p>
<ul><li>Ook voor gemeenten<a href="#fn2" class="footnote-ref"
role="doc-noteref"><sup>2</sup></a>?</li></ul>
<section id="footnotes" class="footnotes" role="doc-endnotes"><hr><ol>
<li id="fn1"><p>Stcrt. 2026, 1234.<a href="#fnref1" class="footnote-back">↩︎</a></p></li>
<li id="fn2"><p>VNG-brief van 2 februari 2026.<a href="#fnref2" class="footnote-back">↩︎</a></p>
</li></ol></section></body></html>"""

WORD_HTML = """<html><body lang=NL><div class=WordSection1>
<p class=MsoNormal>Vragen van het lid Visser (VVD) aan de Minister van Defensie over munitie
(ingezonden 2 maart 2026).</p>
<p class=MsoNormal><b>Vraag 1</b></p>
<p class=MsoNormal>Klopt het bericht<a href="#_ftn1" name="_ftnref1" title=""><span
class=MsoFootnoteReference><span class=MsoFootnoteReference>[1]</span></span></a> over de
tekorten en het advies<a href="#_edn1" name="_ednref1"><span
class=MsoEndnoteReference>[i]</span></a> van de raad?</p>
<p class=MsoNormal><b>Antwoord 1</b></p><p class=MsoNormal>Ja.</p>
</div><div style='mso-element:footnote-list'><br clear=all><hr align=left size=1 width="33%">
<div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a href="#_ftnref1"
name="_ftn1" title=""><span class=MsoFootnoteReference><span
class=MsoFootnoteReference>[1]</span></span></a> Dagblad, 1 maart 2026.</p></div></div>
<div><hr><div id=edn1><p class=MsoEndnoteText><a href="#_ednref1" name="_edn1"><span
class=MsoEndnoteReference>[i]</span></a> Advies Raad voor Defensie, januari 2026.</p></div>
</div></body></html>"""

KOOP_XML = """<?xml version="1.0" encoding="UTF-8"?>
<officiele-publicatie><kamervragen>
<kamervraagomschrijving type="vraag">Vragen van het lid <naam>Visser</naam> (VVD) aan de
Minister van Defensie over munitie (ingezonden <datum isodatum="2026-03-02">2 maart 2026</datum>).
</kamervraagomschrijving>
<vraag><nr>Vraag 1</nr><al>Kent u het bericht<noot id="N1" type="voet"><noot.nr>1</noot.nr>
<noot.al>Dagblad, 1 maart 2026.</noot.al></noot> over de tekorten?</al></vraag>
<antwoord><nr>Antwoord 1</nr><al>Ja, dat bericht<nootref refid="N1"/> ken ik.</al>
<al>De voorraad is <nadruk type="vet">voldoende</nadruk><noot id="N2" type="voet">
<noot.nr>2</noot.nr><noot.al>Kamerstuk 27 830, nr. 400.</noot.al></noot>.</al></antwoord>
</kamervragen></officiele-publicatie>"""


def _word_before(block: Block, note: Note) -> str:
    assert note.offset is not None, f"note {note.id} has no offset in {block.text!r}"
    assert 0 <= note.offset <= len(block.text)
    words = block.text[: note.offset].split()
    return words[-1] if words else ""


def _placed(blocks: list[Block]) -> dict[str, str]:
    """Note id -> the word its marker followed, over all blocks."""
    return {note.id: _word_before(block, note) for block in blocks for note in block.notes}


def _no_marks(blocks: list[Block]) -> None:
    for block in blocks:
        assert not any(ord(char) in MARKS for char in block.text), block.text
        assert not any(ord(c) in MARKS for row in block.rows for cell in row for c in cell)


def test_koop_html_note_links_keep_their_place() -> None:
    result = read_html(KOOP_HTML.encode())
    _no_marks(result.blocks)
    question = next(b for b in result.blocks if b.role == "question")
    assert question.text == "Kent u het rapport van de inspectie en de brief, die u stuurde?"
    assert _placed([question]) == {"1": "rapport", "2": "brief"}


def test_pandoc_note_list_references_keep_their_place() -> None:
    result = read_html(PANDOC_HTML.encode())
    _no_marks(result.blocks)
    paragraph = next(b for b in result.blocks if b.text.startswith("Is de"))
    assert paragraph.text == "Is de regeling al in werking getreden?"
    item = next(b for b in result.blocks if b.kind == "list_item")
    assert item.text == "Ook voor gemeenten?"
    assert _placed([paragraph, item]) == {"1": "regeling", "2": "gemeenten"}


def test_word_filtered_html_footnotes_and_endnotes_are_linked_in_place() -> None:
    result = read_html(WORD_HTML.encode())
    _no_marks(result.blocks)
    assert not any("[1]" in b.text or "Dagblad" in b.text for b in result.blocks)
    question = next(b for b in result.blocks if b.text.startswith("Klopt"))
    assert [(n.id, n.text) for n in question.notes] == [
        ("1", "Dagblad, 1 maart 2026."),
        ("i", "Advies Raad voor Defensie, januari 2026."),
    ]
    assert _placed([question]) == {"1": "bericht", "i": "advies"}
    assert result.unplaced_notes == []


def test_koop_xml_noot_and_nootref_keep_their_place() -> None:
    result = read_xml(KOOP_XML.encode())
    _no_marks(result.blocks)
    question = next(b for b in result.blocks if b.role == "question")
    assert question.text == "Kent u het bericht over de tekorten?"
    answers = [b for b in result.blocks if b.role == "answer"]
    assert [b.text for b in answers] == ["Ja, dat bericht ken ik.", "De voorraad is voldoende."]
    assert _placed([question]) == {"1": "bericht"}
    assert _word_before(answers[0], answers[0].notes[0]) == "bericht"
    assert _word_before(answers[1], answers[1].notes[0]) == "voldoende"
    assert answers[1].bold is False


def test_a_note_referenced_twice_in_one_block_is_kept_once_at_its_first_place() -> None:
    page = """<html><body><p>Eerst hier<a href="#fn1">1</a> en dan daar<a href="#fn1">1</a>.</p>
    <ol class="footnotes"><li id="fn1">De noot.</li></ol></body></html>"""
    block = read_html(page.encode()).blocks[0]
    assert block.text == "Eerst hier en dan daar."
    assert [(n.id, _word_before(block, n)) for n in block.notes] == [("1", "hier")]


def test_a_marker_in_a_table_cell_is_attached_without_an_offset() -> None:
    page = """<html><body><table><tr><td>Jaar<a href="#fn1">1</a></td><td>Aantal</td></tr>
    </table><ol class="footnotes"><li id="fn1">Peildatum 1 januari.</li></ol></body></html>"""
    block = read_html(page.encode()).blocks[0]
    _no_marks([block])
    assert block.rows == [["Jaar", "Aantal"]]
    assert [(n.id, n.offset) for n in block.notes] == [("1", None)]


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (WORD_HTML.encode(), "antwoord.htm"),
        (KOOP_XML.encode(), "ah-tk-20252026-999.xml"),
        (KOOP_HTML.encode(), "ah-tk-20252026-999.html"),
    ],
)
def test_parsed_footnotes_carry_the_marker_offset(data: bytes, name: str) -> None:
    document = parse_bytes(data, name)
    texts = {f"q{q.number}": q.text for q in document.questions}
    texts.update({a.id: a.text for a in document.answers})
    assert document.footnotes
    for note in document.footnotes:
        assert note.in_ in texts
        assert note.offset is not None, note
        before = texts[note.in_][: note.offset].split()
        assert before and before[-1].lower() in WORDS_BEFORE_MARKERS, note


@pytest.mark.parametrize(
    ("name", "word"),
    [("ah-tk-20252026-412.xml", "plat»?"), ("ah-tk-20252026-377.html", "praktijkexamen?")],
)
def test_fixture_documents_keep_note_offsets_end_to_end(name: str, word: str) -> None:
    folder = "xml" if name.endswith(".xml") else "html"
    document = parse_bytes((FIXTURES / folder / name).read_bytes(), name)
    first = document.footnotes[0]
    assert first.in_ == "q1" and first.offset is not None
    question = next(q for q in document.questions if q.number == "1")
    assert question.text[: first.offset].endswith(word)
