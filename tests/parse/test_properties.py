"""Property-based: the text reader and every genre parser either work or raise
KamerqaInputError, on arbitrary text and on shuffled document fragments, and never hang."""

from __future__ import annotations

import importlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kamerqa.errors import KamerqaInputError
from kamerqa.model import Document
from kamerqa.parse import parse_bytes
from kamerqa.parse.genre import detect_genre
from kamerqa.readers.blocks import Block, Note, ReadResult
from kamerqa.readers.text import read, read_text

PARSERS = ("schriftelijk_overleg", "lijst", "nota")
FRAGMENTS = (
    "Vraag 1",
    "Vraag 2, 3 en 4",
    "Vragen 3 t/m 5",
    "Antwoord",
    "Antwoord op vraag 2:",
    "Antwoord op vraag 1 en 2: Ja.",
    "Reactie van de minister",
    "Geachte voorzitter,",
    "Hoogachtend,",
    "DE MINISTER VAN DEFENSIE",
    "Jan Jansen",
    "Vastgesteld 3 maart 2025",
    "Nr. 7 LIJST VAN VRAGEN EN ANTWOORDEN",
    "Nr. 6 NOTA NAAR AANLEIDING VAN HET VERSLAG",
    "VERSLAG VAN EEN SCHRIFTELIJK OVERLEG",
    "Inhoudsopgave",
    "II Reactie van de bewindspersoon",
    "Vragen en opmerkingen van de leden van de VVD-fractie",
    "De leden van de GroenLinks-PvdA-fractie vragen of de minister dit wil toelichten?",
    "De leden van de SP-fractie hebben kennisgenomen van de brief.",
    "Deze leden vragen voorts hoeveel dit kost.",
    "De regering dankt de leden voor hun inbreng.",
    "1. Inleiding",
    "2. Hoeveel kost het?",
    "1",
    "Zie het antwoord op vraag 1.",
    "Een zin met een noot[footnoteRef:1] erin.",
    "[1:  De tekst van de noot.]",
    "[2] Losse noot.",
    "Voetnoten",
    "Nr\tVraag\tBijlage\tBlz. (van)\tt/m",
    "3\tWat kost het?\t\t12\t13",
    "(Kamerstuk 21 501-20, nr. 2290)",
    "De Minister van Financiën,",
    "ingezonden op 8 oktober 2025 met kenmerk 28676-552/2025D43738",
)
LIMITS = settings(
    max_examples=150,
    deadline=2000,
    suppress_health_check=[HealthCheck.too_slow],
)


def _parse_each_genre(text: str) -> None:
    result = read_text(text)
    detect_genre(result)
    for name in PARSERS:
        module = importlib.import_module(f"kamerqa.parse.{name}")
        document = module.parse(result, Document(id="x"))
        assert all(q.text is not None for q in document.questions)
        ids = {a.id for a in document.answers}
        assert all(q.answer_id is None or q.answer_id in ids for q in document.questions)


@LIMITS
@given(st.binary(max_size=3000))
def test_reader_on_arbitrary_bytes(data: bytes) -> None:
    try:
        result = read(data)
    except KamerqaInputError:
        return
    assert all(block.text.strip() or block.kind == "table" for block in result.blocks)


@LIMITS
@given(st.text(max_size=3000))
def test_parsers_on_arbitrary_text(text: str) -> None:
    _parse_each_genre(text)


@LIMITS
@given(
    st.lists(
        st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=80)),
        max_size=60,
    ),
    st.sampled_from(["\n", "\r\n", "\n\n"]),
)
def test_parsers_on_shuffled_fragments(lines: list[str], newline: str) -> None:
    _parse_each_genre(newline.join(lines))


@LIMITS
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40))
def test_parse_bytes_only_raises_input_errors(lines: list[str]) -> None:
    try:
        document = parse_bytes("\n".join(lines).encode("utf-8"), "fragments.txt")
    except KamerqaInputError as err:
        assert "\n" not in str(err)
        return
    assert document.questions


@settings(max_examples=20, deadline=3000)
@given(st.sampled_from(["Vraag 1 " + "1 " * 3000 + "x", "A-" * 3000 + " fractie", "[1: " * 2000]))
def test_pathological_lines_do_not_hang(line: str) -> None:
    _parse_each_genre(line + "\n" + line)


_NOTES = st.lists(
    st.builds(
        Note,
        st.sampled_from(["1", "2", "3", "x"]),
        st.text(max_size=20),
        st.one_of(st.none(), st.integers(-5, 200)),
    ),
    max_size=2,
)
_BLOCKS = st.lists(
    st.builds(
        Block,
        st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=60)),
        kind=st.sampled_from(["paragraph", "heading", "list_item", "table"]),
        bold=st.booleans(),
        italic=st.booleans(),
        notes=_NOTES,
        rows=st.lists(
            st.lists(st.sampled_from(["Nr", "Vraag", "1", "2", "Wat?", ""]), max_size=5), max_size=4
        ),
    ),
    max_size=40,
)


@LIMITS
@given(_BLOCKS)
def test_parsers_on_arbitrary_blocks(blocks: list[Block]) -> None:
    """What any reader (DOCX, PDF, HTML, XML) may hand over: styles, tables, notes, offsets."""
    read = ReadResult(format="docx", blocks=blocks)
    detect_genre(read)
    for name in PARSERS:
        module = importlib.import_module(f"kamerqa.parse.{name}")
        document = module.parse(read, Document(id="x"))
        texts = {a.id: a.text for a in document.answers}
        texts.update({f"q{q.number}": q.text for q in document.questions})
        for note in document.footnotes:
            if note.offset is not None:
                assert 0 <= note.offset <= len(texts[note.in_ or ""])
