"""Ingest of files and folders: idempotence, failures, byte-identical re-runs, the CLI."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kamerqa import parse_file
from kamerqa.cli import app
from kamerqa.search import SearchRequest
from kamerqa.store import Store, open_store
from store.docs import seed_like_text


def _folder(root: Path, count: int) -> Path:
    folder = root / "docs"
    (folder / "sub").mkdir(parents=True)
    for n in range(count):
        target = folder / ("sub" if n % 2 else "") / f"so_{n:03d}.txt"
        target.write_text(seed_like_text(41000 + n, "drones" if n % 3 else "raketten"))
    (folder / "notes.md").write_text("not a document format we read")
    (folder / "broken.txt").write_text("Dit is geen document met vragen.\n")
    return folder


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_ingest_folder_reports_counts_and_failures(store: Store, tmp_path: Path) -> None:
    folder = _folder(tmp_path, 6)
    report = store.ingest_paths([folder, tmp_path / "missing"], workers=2)
    assert (report.files, report.inserted, report.updated, report.unchanged) == (7, 6, 0, 0)
    failed = {Path(f.path).name: f.reason for f in report.failed}
    assert set(failed) == {"broken.txt", "missing"}
    assert "\n" not in failed["broken.txt"]
    again = store.ingest_paths([folder], workers=1)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 6)
    assert store.count_documents() == 6
    hits = store.search(SearchRequest(query="raketten", scope="questions", limit=50)).hits
    assert {h.doc_id for h in hits} == {"2025D41000", "2025D41003"}


def test_bulk_ingest_compacts_the_index_once(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kamerqa.store import ingest

    calls: list[int] = []
    original = store.optimize_index
    monkeypatch.setattr(store, "optimize_index", lambda: calls.append(1) or original())
    monkeypatch.setattr(ingest, "OPTIMIZE_AFTER", 3)
    folder = _folder(tmp_path, 4)
    assert store.ingest_paths([folder], workers=1, embed=False).inserted == 4
    assert calls == [1]
    assert store.ingest_paths([folder], workers=1, embed=False).unchanged == 4
    assert calls == [1]  # nothing written: no compaction either
    hits = store.search(SearchRequest(query="raketten", scope="questions", limit=50)).hits
    assert {h.doc_id for h in hits} == {"2025D41000", "2025D41003"}


def test_changed_file_is_updated(store: Store, tmp_path: Path) -> None:
    folder = _folder(tmp_path, 2)
    store.ingest_paths([folder], workers=1)
    changed = folder / "so_000.txt"
    changed.write_text(changed.read_text().replace("eerste serie", "tweede serie"))
    report = store.ingest_paths([folder], workers=1)
    assert (report.inserted, report.updated, report.unchanged) == (0, 1, 1)
    assert report.updated_ids == ["2025D41000"]


def test_reingest_leaves_the_sqlite_file_byte_identical(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 4)
    db = tmp_path / "kamerqa.db"
    with open_store(db) as store:
        first = store.ingest_paths([folder], workers=2)
        runs = store.execute("SELECT inserted, failed FROM ingest_runs")
    assert first.inserted == 4 and runs == [(4, 1)]
    before = _sha(db)
    with open_store(db) as store:
        second = store.ingest_paths([folder], workers=2)
    assert second.unchanged == 4 and not second.changed
    assert _sha(db) == before


def test_cli_ingest_search_export_stats(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 3)
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    result = runner.invoke(app, ["search", "drones", "--db", db])
    assert result.exit_code != 0 and not Path(db).exists()  # no empty store made by a search
    result = runner.invoke(app, ["ingest", str(folder), "--db", db, "--workers", "1", "--no-embed"])
    assert result.exit_code == 1  # broken.txt failed, the rest went in
    assert "3 inserted" in result.stdout and "broken.txt" in result.stderr
    result = runner.invoke(app, ["search", "drones", "--db", db, "--format", "json"])
    assert result.exit_code == 0
    response = json.loads(result.stdout)
    assert response["total"] == 6 and "<mark>drones</mark>" in response["hits"][0]["snippet"]
    result = runner.invoke(app, ["search", "drones", "--db", db, "--party", "Volt"])
    assert result.exit_code == 0 and "Volt" in result.stdout and "SGP" not in result.stdout
    result = runner.invoke(app, ["export", "--db", db, "--format", "jsonl"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 6 and {r["party"] for r in rows} == {"SGP", "Volt"}
    result = runner.invoke(app, ["stats", "--db", db, "--format", "json"])
    assert json.loads(result.stdout)["questions"] == 6
    result = runner.invoke(app, ["search", "x", "--db", db, "--sort", "nonsense"])
    assert result.exit_code != 0
    result = runner.invoke(
        app, ["similar", "--question", "2025D41001:1", "--db", db, "--format", "json"]
    )
    assert result.exit_code == 0
    similar = json.loads(result.stdout)
    assert similar["hits"] and ("2025D41001", "1") not in {
        (h["doc_id"], h["question_number"]) for h in similar["hits"]
    }


def test_seed_acceptance(tmp_path: Path, seed_path: Path, shared_dir: Path) -> None:
    """The seed (plus whatever of ../shared/corpus parses) answers `drones` as expected."""
    folder = tmp_path / "in"
    shutil.copytree(shared_dir / "seeds", folder / "seeds", ignore=shutil.ignore_patterns("gold"))
    corpus = shared_dir / "corpus"
    if corpus.is_dir():
        shutil.copytree(corpus, folder / "corpus", ignore=shutil.ignore_patterns("gold", "*.md"))
    db = tmp_path / "kamerqa.db"
    with open_store(db) as store:
        first = store.ingest_paths([folder], workers=2)
        assert first.inserted >= 1
        seed_id = parse_file(seed_path).id
        assert seed_id in first.inserted_ids
        response = store.search(SearchRequest(query="drones", limit=100))
        seed_questions = {
            h.question_number for h in response.hits if h.doc_id == seed_id and h.kind == "question"
        }
        assert {"2", "3"} <= seed_questions
        assert all("<mark>" in h.snippet for h in response.hits)
        answered = {h.answer_id for h in response.hits if h.doc_id == seed_id}
        assert {"a2"} <= answered
        sgp = store.search(SearchRequest(query="drones", party="SGP", limit=100))
        assert sgp.hits and {h.party for h in sgp.hits} == {"SGP"}
    before = _sha(db)
    with open_store(db) as store:
        again = store.ingest_paths([folder], workers=2)
    assert again.inserted == again.updated == 0
    assert again.unchanged == first.inserted + first.updated
    assert _sha(db) == before
