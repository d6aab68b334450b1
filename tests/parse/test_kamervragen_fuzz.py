"""Property tests: the kamervragen parser never fails on odd block sequences or odd text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kamerqa.errors import KamerqaInputError
from kamerqa.model import Document, Source
from kamerqa.parse import parse_bytes
from kamerqa.parse.kamervragen import parse
from kamerqa.readers.blocks import Block, Note, ReadResult

LINES = [
    "Vraag 1",
    "Vraag 2, 3 en 4",
    "Vragen 5 t/m 7",
    "Vraag 7a",
    "Antwoord",
    "Antwoord 2",
    "Antwoord op vraag 3 en 8",
    "Antwoorden op vraag 3, 4, 5, 9 en 10",
    "Antwoord op vragen 1 t/m 999",
    "Klopt het dat de termijn verloopt?",
    "Ja.",
    "Zie het antwoord op vraag 2.",
    "1. Eerste punt.",
    "Vragen van het lid Jansen (VVD) aan de Minister van Financiën (ingezonden 1 mei 2025).",
    "Antwoord van Minister Pieters (Financiën) (ontvangen 20 mei 2025).",
    "De minister van Financiën,",
    "J. Pieters",
    "In antwoord op uw brief van 2 mei 2025, nr. 2025Z01234",
    "Hoogachtend,",
    "Ad 1",
    "Ad vraag 2 en 3: Ja.",
    "Antwoord Het klopt.",
    "Pagina 2 van 3",
    "Zo is het. Pagina 2",
    "ah-tk-20252026-1 ISSN 0921-7398 ’s-Gravenhage 2026 1",
    "Antwoorden op Kamervragen Vraag 1: Klopt het?",
    "Klopt het? Antwoord 1 Ja.",
    "Wat kost het? Wie betaalt? Wanneer?",
    "• een punt",
    "De minister van Onderwijs, Cultuur en Wetenschap, dr. A. Bos",
    "Datum: 3 april 2026",
    "",
]
CELLS = ["Nr", "Vraag", "Antwoord", "1", "", "Klopt het?", "Ja.", "Vraag 2", "Datum", "x"]

blocks_strategy = st.lists(
    st.builds(
        Block,
        text=st.one_of(st.sampled_from(LINES), st.text(max_size=60)),
        kind=st.sampled_from(["paragraph", "heading", "list_item", "table"]),
        bold=st.booleans(),
        notes=st.lists(
            st.builds(
                Note,
                id=st.sampled_from(["1", "2"]),
                text=st.text(max_size=9),
                offset=st.one_of(st.none(), st.integers(-5, 120)),
            )
        ),
        role=st.sampled_from(["", "", "", "question", "answer", "question_heading"]),
        number=st.sampled_from(["", "1", "2", "7a"]),
        rows=st.lists(st.lists(st.sampled_from(CELLS), max_size=4), max_size=5),
    ),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(blocks_strategy, st.dictionaries(st.sampled_from(["date", "onderwerp"]), st.text()))
def test_parser_invariants(blocks: list[Block], metadata: dict[str, str]) -> None:
    notes_in = sum(len(b.notes) for b in blocks)
    read = ReadResult(format="docx", blocks=blocks, metadata=metadata)
    document = parse(read, Document(id="x", genre="kamervragen", source=Source()))
    ids = [a.id for a in document.answers]
    assert ids == [f"a{i}" for i in range(1, len(ids) + 1)]
    assert all(q.answer_id in ids for q in document.questions if q.answer_id)
    assert len(document.footnotes) == notes_in
    assert len({q.number for q in document.questions}) == len(document.questions)
    texts = {f"q{q.number}": q.text for q in document.questions}
    texts.update({a.id: a.text for a in document.answers})
    for note in document.footnotes:
        if note.offset is not None:
            assert note.in_ in texts
            assert 0 <= note.offset <= len(texts[note.in_ or ""])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=30), st.text(max_size=200))
def test_parse_bytes_only_raises_input_errors(lines: list[str], noise: str) -> None:
    data = ("\n\n".join(lines) + noise).encode("utf-8", "surrogatepass")
    try:
        document = parse_bytes(data, "fuzz.txt")
    except KamerqaInputError as err:
        assert str(err)
    else:
        assert document.questions


def test_long_adversarial_number_lists_finish() -> None:
    text = "Antwoord op vraag " + "1, " * 3000 + "x"
    blocks = [Block("Vraag 1"), Block("Wat?"), Block(text), Block("Zie vraag " + "2 en " * 3000)]
    read = ReadResult(format="text", blocks=blocks)
    document = parse(read, Document(id="x", genre="kamervragen", source=Source()))
    assert document.questions[0].number == "1"
