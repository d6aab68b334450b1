"""Round 4: the invented fixture documents made by other producers must parse to the same facts.

The fixtures of the three earlier rounds were made by one producer per format (python-docx
DOCX, LibreOffice PDF of that DOCX). ``tests/fixtures/producers/build.py`` renders 23 of them
(all four genres, all three sets) from their HTML with other tools: a PDF printed by headless
Chromium (one text object per glyph, spaces as characters, line height 1.5, notes as a list
after the text with "↩︎" back links, running header and "Pagina N van M" in the page margins;
and once more as the page comes, with the browser's own header and footer: date and time,
title, file address, "1/2"),
a DOCX by pandoc ("First Paragraph"/"Body Text"/"Compact" styles, the note list as a numbered
list with superscript markers), a DOCX by LibreOffice's HTML import (markers raised by
``w:position``, hyperlinks to bookmarks) and LibreOffice's PDF of the pandoc DOCX. Each file is
compared with the fixture's own ``NAME.expected.json`` by the same helpers as the unseen tests
(exact word counts of questions and answers). Cases that fail on a genuine ambiguity of the
layout are strict xfails with the cause beside them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from kamerqa.parse import parse_bytes

from .test_unseen_kamervragen import _summary
from .test_unseen_round3 import _check_genre, _reference_keys

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
HERE = FIXTURES / "producers"
sys.path.insert(0, str(HERE))
from build import DOCUMENTS, PRODUCERS, SETS  # noqa: E402

sys.path.remove(str(HERE))

# Q&A tables printed by Chromium (td { vertical-align: middle }): cells centred vertically,
# so the lines of neighbouring cells interleave. The rows of such a table are grouped by their
# middles (pdf_tables._centred_groups); what is left:
_REGION = (
    "a table of one row per question whose header cells are centred: few column starts are "
    "shared by two lines, so header, question lines and page numbers land in the wrong cells"
)
KNOWN_GAPS: dict[tuple[str, str], str] = {
    # LibreOffice breaks a word that is wider than its narrow table column without a hyphen
    # ("wijkverpleeg" / "kundigen"): the text layer cannot tell it from a space
    ("lijst_begroting_vws_tabel", "pandoc.pdf"): "word broken in a narrow table cell",
    # a paragraph that ends on a full line at the foot of page 1 and a new one at the top of
    # page 2 (LibreOffice drops the space above it there): nothing in the layout separates them
    ("nota_huurtoeslag_gezamenlijke_fracties", "pandoc.pdf"): "paragraph joined over a page break",
    ("lijst_begroting_vws_tabel", "chromium.pdf"): _REGION,
    ("lijst_begroting_vws_tabel", "chromium-hf.pdf"): _REGION,
}


def _expected_path(name: str) -> Path:
    for fixture_set in SETS:
        path = FIXTURES / fixture_set / f"{name}.expected.json"
        if path.is_file():
            return path
    raise FileNotFoundError(name)


def _case(name: str, producer: str) -> Any:
    gap = KNOWN_GAPS.get((name, producer))
    marks = [pytest.mark.xfail(reason=gap, strict=True)] if gap else []
    return pytest.param(name, producer, id=f"{name}-{producer}", marks=marks)


CASES = [_case(name, producer) for name in DOCUMENTS for producer in PRODUCERS]


@pytest.mark.parametrize(("name", "producer"), CASES)
def test_other_producer_gives_the_expected_facts(name: str, producer: str) -> None:
    expected = json.loads(_expected_path(name).read_text(encoding="utf-8"))
    wanted_references = set(expected.pop("references", []))
    path = HERE / f"{name}.{producer}"
    document = parse_bytes(path.read_bytes(), path.name)
    if "genre" in expected:
        _check_genre(document, expected)
    else:
        assert document.genre == "kamervragen"
        assert _summary(document) == expected
    assert wanted_references <= _reference_keys(document)


def test_every_genre_and_set_is_covered() -> None:
    genres = set()
    sets = set()
    for name in DOCUMENTS:
        path = _expected_path(name)
        sets.add(path.parent.name)
        genres.add(json.loads(path.read_text(encoding="utf-8")).get("genre", "kamervragen"))
        for producer in PRODUCERS:
            assert (HERE / f"{name}.{producer}").is_file()
    assert sets == set(SETS)
    assert genres == {
        "kamervragen",
        "schriftelijk_overleg",
        "lijst_van_vragen",
        "nota_naar_aanleiding_van_verslag",
    }
