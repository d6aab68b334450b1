"""A small store of bundled examples for the QA web tests (a few documents, built once)."""

from __future__ import annotations

from pathlib import Path

from kamerqa.cli.serve_cmd import examples_dir
from kamerqa.store import open_store

EXAMPLES = (
    "kv_huurverhoging_2025-08.txt",
    "so_eurogroep_2026-07.docx",
    "lijst_jaarverslag_defensie_2025-06.txt",
    "nota_wet_drones_2026-04.txt",
)


def build_small_store(path: Path) -> Path:
    with open_store(path) as store:
        report = store.ingest_paths([examples_dir() / name for name in EXAMPLES], workers=1)
    assert report.inserted == len(EXAMPLES), report.failed
    return path
