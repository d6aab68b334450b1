"""Export of every question with its answer as JSON Lines, CSV or Parquet (streamed)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import IO, Any

from kamerqa.errors import KamerqaInputError
from kamerqa.store.base import Store
from kamerqa.store.stats import QA_COLUMNS

EXPORT_FORMATS = ("jsonl", "csv", "parquet")
_BATCH = 5000


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    flat = dict(row)
    flat["answer_questions"] = ",".join(row["answer_questions"])
    return flat


def write_jsonl(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
    count = 0
    for count, row in enumerate(rows, start=1):  # noqa: B007
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return count


def write_csv(rows: Iterator[dict[str, Any]], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=list(QA_COLUMNS))
    writer.writeheader()
    count = 0
    for count, row in enumerate(rows, start=1):  # noqa: B007
        writer.writerow(_flat(row))
    return count


def write_parquet(rows: Iterator[dict[str, Any]], target: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    fields = [pa.field(c, pa.string()) for c in QA_COLUMNS if c != "answer_questions"]
    schema = pa.schema([*fields, pa.field("answer_questions", pa.list_(pa.string()))])
    count = 0
    with pq.ParquetWriter(str(target), schema) as writer:
        while batch := list(islice(rows, _BATCH)):
            columns = {c: [r[c] for r in batch] for c in schema.names}
            writer.write_table(pa.Table.from_pydict(columns, schema=schema))
            count += len(batch)
    return count


def export(store: Store, fmt: str, target: Path | None, stdout: IO[str]) -> int:
    """Write every Q/A row in ``fmt`` to ``target`` (stdout when None); returns the row count."""
    if fmt not in EXPORT_FORMATS:
        raise KamerqaInputError(
            f"unknown export format {fmt!r}; choose {', '.join(EXPORT_FORMATS)}"
        )
    rows = store.iter_qa_rows()
    if fmt == "parquet":
        if target is None:
            raise KamerqaInputError("parquet export needs -o FILE")
        return write_parquet(rows, target)
    writer = write_jsonl if fmt == "jsonl" else write_csv
    if target is None:
        return writer(rows, stdout)
    with open(target, "w", encoding="utf-8", newline="") as out:
        return writer(rows, out)
