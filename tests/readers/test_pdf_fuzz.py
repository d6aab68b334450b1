"""Fuzzing the PDF reader: mutated valid PDFs give a ReadResult or one KamerqaInputError."""

from __future__ import annotations

import functools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kamerqa.errors import KamerqaInputError
from kamerqa.readers import read_bytes
from kamerqa.readers.blocks import ReadResult
from kamerqa.readers.pdf import read

from .pdf_maker import Text, make_pdf

FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


@functools.cache
def _valid_pdf() -> bytes:
    page = [
        Text(72, 760, "Vraag 1"),
        Text(72, 748, "Hoeveel meldingen over geluidsoverlast zijn er in 2024 gedaan?"),
        Text(300, 751.5, "1", 6),
        Text(72, 724, "Antwoord 1"),
        Text(72, 712, "Er zijn 412 meldingen gedaan, zie de tabel hieronder."),
        Text(72, 700, "Jaar"),
        Text(220, 700, "Meldingen"),
        Text(72, 688, "2024"),
        Text(220, 688, "412"),
        Text(72, 92, "1", 5),
        Text(78, 90, "Gemeente Voorbeeld, jaarverslag 2024.", 8),
        Text(72, 40, "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1", 9),
    ]
    return make_pdf([page, page])


def _outcome(data: bytes) -> ReadResult | KamerqaInputError:
    try:
        return read(data)
    except KamerqaInputError as err:
        assert str(err) and "\n" not in str(err)
        return err


def _check(result: ReadResult | KamerqaInputError) -> None:
    if isinstance(result, ReadResult):
        assert result.format == "pdf"
        assert all(isinstance(block.text, str) for block in result.blocks)


@FUZZ
@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=12))
def test_byte_flips(flips: list[tuple[int, int]]) -> None:
    data = bytearray(_valid_pdf())
    for position, value in flips:
        data[position % len(data)] = value
    _check(_outcome(bytes(data)))


@FUZZ
@given(st.floats(0.0, 1.0))
def test_truncation(fraction: float) -> None:
    data = _valid_pdf()
    _check(_outcome(data[: int(len(data) * fraction)] or b"%PDF-"))


@FUZZ
@given(st.integers(0, 10**6), st.binary(min_size=1, max_size=64))
def test_inserted_junk_through_format_detection(position: int, junk: bytes) -> None:
    data = _valid_pdf()
    cut = position % len(data)
    mutated = data[:cut] + junk + data[cut:]
    try:
        result = read_bytes(mutated)
    except KamerqaInputError:
        return
    assert isinstance(result, ReadResult)
