"""DOCX renderer: real Word footnotes, heading styles, signature block."""

from __future__ import annotations

import io

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE
from lxml import etree

from kamerqa.model import Document
from kamerqa.render import render
from kamerqa.render.docx import footnote_numbers

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _open(document: Document) -> docx.document.Document:
    data = render(document, "docx")
    assert isinstance(data, bytes)
    return docx.Document(io.BytesIO(data))


def _footnotes(word: docx.document.Document) -> dict[str, str]:
    part = word.part.part_related_by(RELATIONSHIP_TYPE.FOOTNOTES)
    root = etree.fromstring(part.blob)
    notes = {}
    for note in root.iter(f"{W}footnote"):
        if note.get(f"{W}type") is None:
            notes[note.get(f"{W}id")] = "".join(t.text or "" for t in note.iter(f"{W}t")).strip()
    return notes


def test_footnote_part_and_reference(letter: Document) -> None:
    word = _open(letter)
    assert _footnotes(word) == {"3": "Kamerstuk 21 501-33, nr. 1000."}
    refs = [
        (p.text, r.get(f"{W}id"))
        for p in word.paragraphs
        for r in p._p.iter(f"{W}footnoteReference")
    ]
    assert refs == [("De brug is in oktober geopend.", "3")]


def test_headings_and_signature(letter: Document) -> None:
    word = _open(letter)
    styled = {p.text: p.style.name for p in word.paragraphs}
    assert styled["Vragen en antwoorden"] == "Heading 1"
    assert styled["Vragen en opmerkingen van de leden van de PVV-fractie"] == "Heading 2"
    assert styled["Vraag 1"] == "Heading 3"
    assert styled["Antwoord"] == "Heading 4"
    texts = [p.text for p in word.paragraphs]
    start = texts.index("Hoogachtend,")
    assert texts[start : start + 3] == [
        "Hoogachtend,",
        "DE MINISTER VAN INFRASTRUCTUUR EN WATERSTAAT",
        "Jan Jansen",
    ]


def test_no_footnotes_part_without_footnotes(letter: Document) -> None:
    letter.footnotes = []
    word = _open(letter)
    with pytest.raises(KeyError):
        word.part.part_related_by(RELATIONSHIP_TYPE.FOOTNOTES)


def test_footnote_numbers_keep_numeric_ids_and_fill_others() -> None:
    pairs = [("n0", "2"), ("n1", "x"), ("n2", "2"), ("n3", "5")]
    assert footnote_numbers(pairs) == {"n0": 2, "n3": 5, "n1": 6, "n2": 7}


def test_docx_reader_reads_rendered_footnote(letter: Document) -> None:
    reader = pytest.importorskip("kamerqa.readers.docx")
    data = render(letter, "docx")
    assert isinstance(data, bytes)
    result = reader.read(data)
    cited = [b for b in result.blocks if b.notes]
    assert [b.text for b in cited] == ["De brug is in oktober geopend."]
    # Word shows footnotes numbered by position: the reader reports that number
    assert [(n.id, n.text) for b in cited for n in b.notes] == [
        ("1", "Kamerstuk 21 501-33, nr. 1000.")
    ]
