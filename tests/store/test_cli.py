"""The store verbs (ingest, search, similar, export, stats) through the real entry point:
bad options and paths are one ``kamerqa: …`` line with exit 2, never a traceback."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pytest

from kamerqa.store import open_store
from store.cli import Outcome, run
from store.docs import make_document

LONG_ID = "ae7da9209a89" + "0123456789abcdef" * 3 + "0123"  # a sha256-sized id


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "cli.db")
    with open_store(path) as store:
        store.upsert_document(make_document("2025D10001"))
        store.upsert_document(make_document(LONG_ID))
    return path


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> partial[Outcome]:
    return partial(run, monkeypatch, capsys)


@pytest.mark.parametrize(
    "verb", [["search", "drones"], ["similar", "drones", "--method", "lexical"], ["stats"]]
)
def test_unknown_output_format_is_one_line(cli: partial[Outcome], db: str, verb: list[str]) -> None:
    result = cli(*verb, "--db", db, "-f", "xml")
    result.one_line_error("--format", "'xml'", "table", "json")
    assert result.out == ""


@pytest.mark.parametrize("option", ["--scope", "--sort", "--method"])
def test_unknown_choice_is_one_line(cli: partial[Outcome], db: str, option: str) -> None:
    verb = ["similar", "drones"] if option == "--method" else ["search", "drones"]
    cli(*verb, "--db", db, option, "nonsense").one_line_error(option, "'nonsense'")


@pytest.mark.parametrize("verb", [["search", "drones"], ["similar", "drones"]])
@pytest.mark.parametrize("limit", ["-5", "0", "1000000"])
def test_limit_out_of_range_is_refused(
    cli: partial[Outcome], db: str, verb: list[str], limit: str
) -> None:
    cli(*verb, "--db", db, "--limit", limit).one_line_error("--limit", limit)


def test_valid_options_still_work(cli: partial[Outcome], db: str) -> None:
    result = cli("search", "drones", "--db", db, "-f", "json", "--limit", "1", "--scope", "answers")
    assert result.code == 0 and '"total": 2' in result.out
    result = cli("similar", "drones", "--db", db, "--method", "lexical", "--limit", "1")
    assert result.code == 0, result.err


def _tokens(text: str) -> set[str]:
    return {token for line in text.splitlines() for token in line.split()}


def test_table_output_shows_full_copyable_ids(cli: partial[Outcome], db: str) -> None:
    result = cli("search", "drones", "--db", db, "--scope", "questions")
    assert result.code == 0, result.err
    assert {f"{LONG_ID}:1", "2025D10001:1"} <= _tokens(result.out)  # whole, on one line
    assert not any("…" in line for line in result.out.splitlines() if LONG_ID[:12] in line)
    similar = cli("similar", "--question", "2025D10001:1", "--db", db, "--method", "lexical")
    assert similar.code == 0, similar.err
    assert f"{LONG_ID}:1" in _tokens(similar.out)
    again = cli("similar", "--question", f"{LONG_ID}:1", "--db", db, "--method", "lexical")
    assert again.code == 0, again.err
    assert "2025D10001:1" in _tokens(again.out)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_export_to_a_folder_or_missing_folder_names_the_path(
    cli: partial[Outcome], db: str, tmp_path: Path, fmt: str
) -> None:
    cli("export", "--db", db, "-f", fmt, "-o", str(tmp_path)).one_line_error(
        str(tmp_path), "is a folder"
    )
    missing = tmp_path / "missing" / "x.csv"
    cli("export", "--db", db, "-f", fmt, "-o", str(missing)).one_line_error(
        str(missing), "does not exist"
    )
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    cli("export", "--db", db, "-f", fmt, "-o", str(a_file / "x.csv")).one_line_error(
        "is not a folder"
    )
    result = cli("export", "--db", db, "-f", fmt, "-o", str(tmp_path / f"out.{fmt}"))
    assert result.code == 0 and (tmp_path / f"out.{fmt}").stat().st_size > 0


def test_ingest_of_a_folder_without_documents_is_an_error(
    cli: partial[Outcome], tmp_path: Path
) -> None:
    empty = tmp_path / "empty"
    (empty / "sub").mkdir(parents=True)
    (empty / "notes.md").write_text("geen document", encoding="utf-8")
    db = tmp_path / "new.db"
    result = cli("ingest", str(empty), "--db", str(db), "--no-embed")
    result.one_line_error(f"no documents found in {empty}")
    assert not db.exists()


@pytest.mark.parametrize("verb", [["search", "drones"], ["stats"], ["ingest", "x.txt"]])
def test_bad_db_locations_are_one_line(
    cli: partial[Outcome], tmp_path: Path, verb: list[str]
) -> None:
    line = cli(*verb, "--db", "mysql://foo/bar").one_line_error(
        "unsupported database URL scheme 'mysql'", "postgresql://"
    )
    assert "no folder" not in line
    cli(*verb, "--db", str(tmp_path)).one_line_error(str(tmp_path), "is a folder")
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    if verb[0] == "ingest":
        cli(*verb, "--db", str(a_file / "x.db")).one_line_error("is not a folder")


@pytest.mark.parametrize(
    ("verb", "options"),
    [
        (["search"], ["--party", "--genre", "--asker", "--ministry", "--committee", "--limit"]),
        (["similar"], ["--limit", "--method", "--question"]),
        (["export"], ["--output"]),
    ],
)
def test_every_option_has_a_help_text(verb: list[str], options: list[str]) -> None:
    import typer.main

    from kamerqa.cli import app

    command = typer.main.get_command(app)
    sub = command.commands[verb[0]]  # type: ignore[attr-defined]
    helps = {name: getattr(param, "help", None) for param in sub.params
             if param.param_type_name == "option" for name in param.opts}  # fmt: skip
    for option in options:
        assert helps.get(option), f"{verb[0]} {option} has no help"
