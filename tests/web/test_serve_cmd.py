"""`kamerqa demo` / `kamerqa serve` and the bundled example documents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

import kamerqa
from kamerqa.api.app import create_app_from_env
from kamerqa.cli import app
from kamerqa.cli.serve_cmd import examples_dir
from kamerqa.model import GENRES
from kamerqa.store import open_store


def example_files() -> list[Path]:
    return sorted(p for p in examples_dir().iterdir() if p.is_file())


def test_examples_cover_every_genre_with_links_and_notes() -> None:
    documents = [kamerqa.parse_file(path) for path in example_files()]
    assert len(documents) >= 15
    assert {d.genre for d in documents} == set(GENRES) - {"unknown"}
    assert all(d.questions and len(d.answers) >= 1 for d in documents)
    assert len({q.party for d in documents for q in d.questions if q.party}) >= 8
    assert len({d.metadata.committee for d in documents if d.metadata.committee}) >= 5
    assert sum(1 for d in documents for a in d.answers if a.refers_to) >= 10
    assert sum(len(d.footnotes) for d in documents) >= 10
    assert {p.suffix for p in example_files()} >= {".txt", ".docx", ".html"}


def test_demo_builds_the_store_from_the_examples(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = CliRunner().invoke(app, ["demo", "--db", str(db), "--build-only"])
    assert result.exit_code == 0, result.output
    files = len(example_files())
    assert f"{files} example documents: {files} inserted" in result.output
    with open_store(db) as store:
        assert store.count_documents() == files
    again = CliRunner().invoke(app, ["demo", "--db", str(db), "--build-only"])
    assert f"{files} unchanged, 0 skipped" in again.output


def test_serve_runs_uvicorn_workers_with_proxy_headers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda target, **kw: calls.append({"target": target, **kw}))
    monkeypatch.setenv("KAMERQA_DB", "unused.db")  # restored after the test; serve sets it
    db = tmp_path / "serve.db"
    args = ["serve", "--db", str(db), "--port", "8123", "--workers", "3"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    (call,) = calls
    assert call["target"] == "kamerqa.api.app:create_app_from_env" and call["factory"] is True
    assert call["workers"] == 3 and call["port"] == 8123 and call["host"] == "127.0.0.1"
    assert call["proxy_headers"] is True
    assert db.exists()  # created and migrated before the workers start
    app_from_env = create_app_from_env()
    assert app_from_env.state.store.url.endswith("serve.db")
    app_from_env.state.store.close()
