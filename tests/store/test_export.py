"""Export of questions with their answers: jsonl, csv, parquet."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from kamerqa.errors import KamerqaInputError
from kamerqa.store import Store
from kamerqa.store.export import export
from store.docs import make_document


@pytest.fixture
def filled(store: Store) -> Store:
    store.upsert_document(make_document("2025D40001", joint=True))
    store.upsert_document(make_document("2025D40002"))
    return store


def test_jsonl_has_one_row_per_question_with_its_answer(filled: Store) -> None:
    out = io.StringIO()
    assert export(filled, "jsonl", None, out) == 8
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    joint = next(r for r in rows if r["doc_id"] == "2025D40001" and r["question_number"] == "2")
    assert joint["answer_id"] == "a1" and joint["answer_questions"] == ["1", "2"]
    assert all(r["question"] and r["answer"] for r in rows)


def test_csv_and_parquet_hold_the_same_rows(filled: Store, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    assert export(filled, "csv", tmp_path / "qa.csv", io.StringIO()) == 8
    with (tmp_path / "qa.csv").open(encoding="utf-8", newline="") as handle:
        csv_rows = list(csv.DictReader(handle))
    assert export(filled, "parquet", tmp_path / "qa.parquet", io.StringIO()) == 8
    table = pq.read_table(tmp_path / "qa.parquet").to_pylist()
    assert [r["question"] for r in csv_rows] == [r["question"] for r in table]
    assert table[1]["answer_questions"] == ["1", "2"]
    assert csv_rows[1]["answer_questions"] == "1,2"


def test_parquet_needs_a_file_and_formats_are_checked(filled: Store) -> None:
    with pytest.raises(KamerqaInputError):
        export(filled, "parquet", None, io.StringIO())
    with pytest.raises(KamerqaInputError):
        export(filled, "xlsx", None, io.StringIO())
