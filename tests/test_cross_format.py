"""One document, four formats, one result.

Each document in tests/fixtures/crossformat/source/ was written once in Markdown and converted
to DOCX, HTML and plain text with pandoc, to KOOP XML and KOOP-style HTML (``div.vraag``,
``div.voet.noot``) with md_to_koop.py, and the DOCX to PDF with LibreOffice
(tests/fixtures/crossformat/make_formats.sh; the outputs are committed). Parsing any format
must give the same genre, question numbers, grouping (which questions one answer answers),
parties and cross-references, and answer texts at least 98% alike (difflib ratio after white
space normalisation).
"""

from __future__ import annotations

import difflib
import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from kamerqa.model import Document

CROSS = Path(__file__).resolve().parent / "fixtures" / "crossformat"
FORMAT_MODULES = {
    "txt": "kamerqa.readers.text",
    "docx": "kamerqa.readers.docx",
    "html": "kamerqa.readers.html",
    "pdf": "kamerqa.readers.pdf",
    "xml": "kamerqa.readers.xml",
    "koop.html": "kamerqa.readers.html",
}
GENRE_MODULES = {
    "kamervragen": "kamerqa.parse.kamervragen",
    "schriftelijk_overleg": "kamerqa.parse.schriftelijk_overleg",
    "lijst_van_vragen": "kamerqa.parse.lijst",
}
MIN_SIMILARITY = 0.98


@dataclass(frozen=True)
class Expected:
    """What the Markdown source states, written down when the source was written."""

    genre: str
    grouping: list[list[str]]
    refers_to: dict[str, list[str]]
    footnotes: int
    parties: dict[str, str] = field(default_factory=dict)


DOCUMENTS = {
    "kamervragen_fietsparkeren": Expected(
        genre="kamervragen",
        grouping=[["1"], ["2"], ["3", "4"], ["5"], ["6"]],
        refers_to={"a4": ["3", "4"], "a5": ["2"]},
        footnotes=2,
    ),
    "so_jeugdzorg": Expected(
        genre="schriftelijk_overleg",
        grouping=[["1"], ["2"], ["3"], ["4"]],
        refers_to={"a3": ["2"]},
        footnotes=1,
        parties={"1": "VVD", "2": "VVD", "3": "GroenLinks-PvdA", "4": "GroenLinks-PvdA"},
    ),
    "lijst_defensie": Expected(
        genre="lijst_van_vragen",
        grouping=[["1"], ["2"], ["3"], ["4"]],
        refers_to={"a4": ["3"]},
        footnotes=0,
    ),
}
# Known reader gaps, kept visible: strict xfail turns into a failure once the gap is fixed.
KNOWN_GAPS: dict[tuple[str, str], str] = {}


def _need(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not there yet")


def _parse(name: str, ext: str) -> Document:
    from kamerqa.parse import parse_bytes

    _need(FORMAT_MODULES[ext])
    _need(GENRE_MODULES[DOCUMENTS[name].genre])
    path = CROSS / f"{name}.{ext}"
    return parse_bytes(path.read_bytes(), str(path))


def _norm(text: str) -> str:
    return " ".join(text.split())


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, _norm(a), _norm(b), autojunk=False).ratio()


def _cases() -> list[object]:
    cases: list[object] = []
    for name in DOCUMENTS:
        for ext in ("docx", "html", "pdf", "xml", "koop.html"):
            gap = KNOWN_GAPS.get((name, ext))
            marks = [pytest.mark.xfail(strict=True, reason=gap)] if gap else []
            cases.append(pytest.param(name, ext, marks=marks, id=f"{name}-{ext}"))
    return cases


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_baseline_text_matches_the_source(name: str) -> None:
    """The plain-text rendering, the baseline, has what the source states."""
    expected = DOCUMENTS[name]
    doc = _parse(name, "txt")
    assert doc.genre == expected.genre
    assert [a.questions for a in doc.answers] == expected.grouping
    assert {a.id: a.refers_to for a in doc.answers if a.refers_to} == expected.refers_to
    assert len(doc.footnotes) == expected.footnotes
    for number, party in expected.parties.items():
        question = doc.question(number)
        assert question is not None and question.party == party


@pytest.mark.parametrize(("name", "ext"), _cases())
def test_same_structure_in_every_format(name: str, ext: str) -> None:
    baseline = _parse(name, "txt")
    doc = _parse(name, ext)
    assert doc.genre == baseline.genre
    assert [q.number for q in doc.questions] == [q.number for q in baseline.questions]
    assert [a.questions for a in doc.answers] == [a.questions for a in baseline.answers]
    assert [q.answer_id for q in doc.questions] == [q.answer_id for q in baseline.questions]
    assert [a.refers_to for a in doc.answers] == [a.refers_to for a in baseline.answers]
    assert [q.party for q in doc.questions] == [q.party for q in baseline.questions]
    for ours, theirs in zip(doc.answers, baseline.answers, strict=True):
        ratio = _similarity(ours.text, theirs.text)
        assert ratio >= MIN_SIMILARITY, f"{ours.id}: {ratio:.3f}\n{ours.text}\n{theirs.text}"
    for ours_q, theirs_q in zip(doc.questions, baseline.questions, strict=True):
        assert _similarity(ours_q.text, theirs_q.text) >= MIN_SIMILARITY, ours_q.number


@pytest.mark.parametrize("name", list(DOCUMENTS))
@pytest.mark.parametrize("ext", ["docx", "html", "pdf", "xml", "koop.html"])
def test_same_footnotes_where_the_format_keeps_them_apart(name: str, ext: str) -> None:
    baseline = _parse(name, "txt")
    doc = _parse(name, ext)
    assert [(f.id, _norm(f.text), f.in_) for f in doc.footnotes] == [
        (f.id, _norm(f.text), f.in_) for f in baseline.footnotes
    ]
