"""The HTML and XML fixtures through the whole pipeline: reader, genre detection, genre parser."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest

from kamerqa.model import Document

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _parse(relative: str, genre_module: str) -> Document:
    if importlib.util.find_spec(genre_module) is None:
        pytest.skip(f"{genre_module} is not there yet")
    from kamerqa.parse import parse_bytes

    path = FIXTURES / relative
    return parse_bytes(path.read_bytes(), str(path))


@pytest.mark.parametrize("relative", ["xml/ah-tk-20252026-412.xml", "html/ah-tk-20252026-377.html"])
def test_aanhangsel_in_xml_and_koop_html(relative: str) -> None:
    doc = _parse(relative, "kamerqa.parse.kamervragen")
    assert doc.genre == "kamervragen"
    assert doc.id == Path(relative).stem
    assert [a.questions for a in doc.answers] == [["1"], ["2"], ["3", "4"], ["5"]]
    assert [q.answer_id for q in doc.questions] == ["a1", "a2", "a3", "a3", "a4"]
    assert doc.warnings == []
    assert all("Noot" not in a.text and "Kamerstuk 29" not in a.text for a in doc.answers)


def test_aanhangsel_xml_facts_reach_the_document() -> None:
    doc = _parse("xml/ah-tk-20252026-412.xml", "kamerqa.parse.kamervragen")
    meta = doc.metadata
    assert [(p.name, p.party) for p in meta.askers] == [
        ("De Wit", "GroenLinks-PvdA"),
        ("Yilmaz", "D66"),
    ]
    assert meta.date_submitted == date(2025, 10, 2)
    assert meta.date_answered == date(2025, 10, 30)
    assert doc.answers[3].refers_to == ["1"]
    assert [(f.id, f.in_) for f in doc.footnotes] == [("1", "q1"), ("1", "a2"), ("2", "a3")]


def test_lijst_van_vragen_xml() -> None:
    doc = _parse("xml/kst-36800-X-14.xml", "kamerqa.parse.lijst")
    assert doc.genre == "lijst_van_vragen"
    assert doc.id == "kst-36800-X-14"
    assert [a.questions for a in doc.answers] == [["1"], ["2"], ["3"], ["4"]]
    assert doc.answers[3].refers_to == ["2"]
    assert doc.metadata.committee == "vaste commissie voor Defensie"


def test_nota_xml() -> None:
    doc = _parse("xml/kst-36712-6.xml", "kamerqa.parse.nota")
    assert doc.genre == "nota_naar_aanleiding_van_verslag"
    assert doc.id == "kst-36712-6"
    assert [q.party for q in doc.questions] == ["VVD", "GroenLinks-PvdA"]
    assert doc.footnotes[0].text == "Kamerstuk 31 293, nr. 712."


def test_tweedekamer_page_schriftelijk_overleg() -> None:
    doc = _parse("html/tweedekamer-2025D48812.html", "kamerqa.parse.schriftelijk_overleg")
    assert doc.genre == "schriftelijk_overleg"
    assert [(q.number, q.party) for q in doc.questions] == [
        ("1", "VVD"),
        ("2", "VVD"),
        ("3", "GroenLinks-PvdA"),
    ]
    assert doc.answers[2].refers_to == ["1"]
    assert doc.metadata.reference == "21501-32-1712/2025D47120"
    assert [(f.id, f.in_) for f in doc.footnotes] == [("1", "a1")]
