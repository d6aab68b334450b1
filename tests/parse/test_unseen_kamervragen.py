"""Kamervragen parser on invented documents unlike the corpus, in DOCX, PDF and text.

The fixtures in ``tests/fixtures/unseen_kamervragen/`` are built by ``build.py`` from the
markup in ``specs.py``/``specs_more.py``: other ministries and letter templates, "Vraag 1:"
with the question on the same line, numbered questions without "Vraag", joint and ranged
headings, "Antwoord 7a", several askers ("beiden GroenLinks-PvdA"), two answering ministers,
"mede namens", a Mededeling uitstel, footnotes between question paragraphs, lists and tables in
answers, cross-references in many phrasings and references to other documents' questions.
Every format of a document must give the same hand-checked facts.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kamerqa.errors import KamerqaInputError
from kamerqa.model import Document
from kamerqa.parse import is_postponement_notice, parse_bytes

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "unseen_kamervragen"
EXPECTED = sorted(FIXTURES.glob("*.expected.json"))
FORMATS = ("docx", "pdf", "txt", "html")
COMPACT = sorted(FIXTURES.glob("*.compact.pdf"))  # PDFs without paragraph spacing
# Known gaps of a reader (not of the parser), kept visible: strict xfail flips when fixed.
READER_GAPS: dict[tuple[str, str], str] = {}
CASES = [
    pytest.param(
        path,
        fmt,
        id=f"{path.name[:-14]}-{fmt}",
        marks=[pytest.mark.xfail(reason=gap, strict=True)]
        if (gap := READER_GAPS.get((path.name[:-14], fmt)))
        else [],
    )
    for path in EXPECTED
    for fmt in (*FORMATS, "xml")
    if (FIXTURES / path.name.replace(".expected.json", f".{fmt}")).is_file()
] + [
    pytest.param(
        FIXTURES / path.name.replace(".compact.pdf", ".expected.json"),
        "compact.pdf",
        id=path.name.replace(".pdf", "-pdf"),
    )
    for path in COMPACT
]


def _summary(document: Document) -> dict[str, Any]:
    meta = document.metadata
    return {
        "questions": [
            {"number": q.number, "words": len(q.text.split()), "answer": q.answer_id}
            for q in document.questions
        ],
        "answers": [
            {"questions": a.questions, "words": len(a.text.split()), "refers_to": a.refers_to}
            for a in document.answers
        ],
        "askers": [[p.name, p.party] for p in meta.askers],
        "addressees": meta.addressees,
        "signatories": [[s.name, s.function] for s in meta.signatories],
        "date_submitted": meta.date_submitted.isoformat() if meta.date_submitted else None,
        "date_answered": meta.date_answered.isoformat() if meta.date_answered else None,
        "warnings": document.warnings,
        "footnotes": len(document.footnotes),
        "footnotes_in": sorted(
            (note.in_ for note in document.footnotes),
            key=lambda place: (place is None, place or ""),
        ),
    }


def _parse(path: Path, fmt: str) -> Document:
    name = path.name.replace(".expected.json", f".{fmt}")
    return parse_bytes((FIXTURES / name).read_bytes(), name)


@pytest.mark.parametrize(("expected_path", "fmt"), CASES)
def test_unseen_document(expected_path: Path, fmt: str) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    document = _parse(expected_path, fmt)
    assert document.genre == "kamervragen"
    assert _summary(document) == expected


@pytest.mark.parametrize("expected_path", EXPECTED, ids=[p.name[:-14] for p in EXPECTED])
def test_footnotes_are_placed_and_markers_gone(expected_path: Path) -> None:
    document = _parse(expected_path, "docx")
    texts = {f"q{q.number}": q.text for q in document.questions}
    texts.update({a.id: a.text for a in document.answers})
    for note in document.footnotes:
        assert note.text.strip()
        if note.in_ is not None:
            assert note.in_ in texts
            assert note.offset is None or 0 <= note.offset <= len(texts[note.in_])
    assert not any("[footnoteRef" in text or "⟦" in text for text in texts.values())


def test_postponement_notice_is_a_document_without_questions() -> None:
    path = FIXTURES / "mededeling_uitstel_szw.expected.json"
    for fmt in FORMATS:
        document = _parse(path, fmt)
        assert is_postponement_notice(document)
        assert document.questions == [] and document.answers == []


def test_there_are_enough_unseen_documents() -> None:
    assert len(EXPECTED) >= 12
    assert len(COMPACT) >= 3
    for path in EXPECTED:
        for fmt in FORMATS:
            assert (FIXTURES / path.name.replace(".expected.json", f".{fmt}")).is_file()


# Text exports of the PDFs (pdftotext-like: form feeds between pages, running header, footer and
# page-bottom footnotes still in the text). The text reader does not yet remove page furniture,
# so not all of them parse exactly; this ratchet keeps the ones that do from regressing.
PDF_TEXT_EXACT_AT_LEAST = 21


def test_pdf_text_exports_do_not_regress() -> None:
    exact = []
    for path in EXPECTED:
        expected = json.loads(path.read_text(encoding="utf-8"))
        try:
            document = _parse(path, "pdftext.txt")
        except KamerqaInputError:
            continue  # a Q&A table flattened to lines
        if _summary(document) == expected:
            exact.append(path.name[:-14])
    assert len(exact) >= PDF_TEXT_EXACT_AT_LEAST, exact
