"""Round 3 of invented documents unlike the corpus, in every format (DOCX, PDF, text, HTML, XML).

``tests/fixtures/unseen_round3/`` is built by its ``build.py`` with the builders of the earlier
rounds: Kamervragen (``specs_kv.py``: three askers of three parties and a Staatssecretaris
answering mede namens two ministers, sub-questions 3a/3b with one answer, "Vraag 1)" headings
with "Beantwoording vraag 1" / "Antwoord vraag 2" / "Antwoord op vragen 3 tot en met 5", a
letterhead date 12-02-2026, a question quoting a numbered list, notes inside questions, a
Mededeling mede namens, two addressed ministers and a forward pointer) and the Kamerstuk genres
(``specs_genres.py``: SO letters with "de fractie van GroenLinks-PvdA", a faction that asks
nothing, "1." questions; a verslag with "Reactie van de staatssecretaris"; a 44-question list as
a Nr | Vraag | Antwoord table; a list with "Antwoord op vragen 4 tot en met 6:"; a nota with an
artikelsgewijze toelichting; an Eerste Kamer nadere memorie van antwoord). Every format of a
document must give the same hand-checked facts, and the citations listed in ``references``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kamerqa.errors import KamerqaInputError
from kamerqa.model import Document
from kamerqa.parse import is_postponement_notice, parse_bytes

from .test_unseen_genres import _answers, _footnotes, _metadata, _questions
from .test_unseen_kamervragen import _summary

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "unseen_round3"
EXPECTED = sorted(FIXTURES.glob("*.expected.json"))
# pdftext.txt: the PDF's text layer as a layout export, read as plain text (exact for the
# Kamervragen; for the Kamerstuk genres a ratchet, test_genre_pdf_text_exports_do_not_regress)
FORMATS = ("docx", "pdf", "txt", "html", "xml", "pdftext.txt")
# Known gaps of the PDF reader (readers/pdf*.py, not owned by the parsers): strict xfail.
PDF_READER_GAPS: dict[str, str] = {
    # page 1 ends with a short line ending in "." ("… voor woningbouw.") and page 2 opens with
    # a new paragraph ("Deze leden vragen voorts …"): the two are joined into one paragraph,
    # so two questions become one
    "r3_so_verslag_eerste_kamer_twee_brieven": "PDF reader: paragraph joined across a page break",
    # the bill title breaks after a compound's own hyphen ("short-stay-" / "accommodaties"):
    # the line join drops that hyphen, so the subject reads "short-stayaccommodaties"
    "r3_nota_genummerde_inbreng": "PDF reader: a real hyphen at a line end is taken out",
}


def _case(path: Path, fmt: str) -> Any:
    name = path.name[:-14]
    gap = PDF_READER_GAPS.get(name) if fmt == "pdf" else None
    marks = [pytest.mark.xfail(reason=gap, strict=True)] if gap else []
    return pytest.param(path, fmt, id=f"{name}-{fmt}", marks=marks)


def _is_genre(path: Path) -> bool:
    return '"genre"' in path.read_text(encoding="utf-8")


CASES = [
    _case(path, fmt)
    for path in EXPECTED
    for fmt in FORMATS
    if (FIXTURES / path.name.replace(".expected.json", f".{fmt}")).is_file()
    and not (fmt == "pdftext.txt" and _is_genre(path))  # those: see the ratchet below
]


def _parse(path: Path, fmt: str) -> Document:
    name = path.name.replace(".expected.json", f".{fmt}")
    return parse_bytes((FIXTURES / name).read_bytes(), name)


def _reference_keys(document: Document) -> set[str]:
    keys = set()
    for ref in document.references:
        key = ref.koop_id or "-".join(p for p in (ref.dossier, ref.number) if p)
        keys.add(f"{ref.type}:{key}")
    return keys


def _check_kamervragen(document: Document, expected: dict[str, Any]) -> None:
    assert document.genre == "kamervragen"
    assert _summary(document) == expected


def _check_genre(document: Document, expected: dict[str, Any]) -> None:
    assert document.genre == expected["genre"]
    assert _metadata(document, expected["metadata"]) == expected["metadata"]
    assert _questions(document) == expected["questions"]
    assert _answers(document) == expected["answers"]
    assert _footnotes(document) == expected["footnotes"]
    if "parties" in expected:
        assert [[p.name, p.question_numbers] for p in document.parties] == expected["parties"]
    if "title" in expected:
        assert document.title == expected["title"]
    assert document.warnings == []


@pytest.mark.parametrize(("expected_path", "fmt"), CASES)
def test_round3_document(expected_path: Path, fmt: str) -> None:
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    wanted_references = set(expected.pop("references"))
    document = _parse(expected_path, fmt)
    if "genre" in expected:
        _check_genre(document, expected)
    else:
        _check_kamervragen(document, expected)
    assert wanted_references <= _reference_keys(document)


def test_round3_mededeling_is_a_postponement_notice() -> None:
    path = FIXTURES / "r3_ah_mededeling_mede_namens.expected.json"
    for fmt in ("docx", "pdf", "txt", "html"):
        document = _parse(path, fmt)
        assert is_postponement_notice(document)
        assert document.questions == [] and document.answers == []


def test_there_are_enough_round3_documents() -> None:
    assert len(EXPECTED) >= 12
    for path in EXPECTED:
        for fmt in ("docx", "pdf", "txt", "html"):
            assert (FIXTURES / path.name.replace(".expected.json", f".{fmt}")).is_file()


# Layout exports of the Kamerstuk-genre PDFs (no bold or italics, no paragraph spacing, page
# furniture in the text). Known misses: tables flattened to lines (Nr | Vraag | Antwoord), a
# paragraph ending on a full line run into the next ("… aangemerkt. Van de 220 …"), letterhead
# text-box lines in the middle of a page. This ratchet keeps the exact ones from regressing.
GENRE_PDF_TEXT_EXACT_AT_LEAST = 11


def test_genre_pdf_text_exports_do_not_regress() -> None:
    exact = []
    for path in EXPECTED:
        expected = json.loads(path.read_text(encoding="utf-8"))
        if "genre" not in expected or not (FIXTURES / f"{path.name[:-14]}.pdftext.txt").is_file():
            continue
        expected.pop("references")
        try:
            document = _parse(path, "pdftext.txt")
            _check_genre(document, expected)
        except (AssertionError, KamerqaInputError):
            continue
        exact.append(path.name[:-14])
    assert len(exact) >= GENRE_PDF_TEXT_EXACT_AT_LEAST, exact
