"""Bad input to the CLI: one line naming the file or option, exit 2, never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from tests.qa.conftest import Outcome

from kamerqa.cli.serve_cmd import examples_dir

Cli = Callable[..., Outcome]
EXAMPLE = examples_dir() / "kv_huurverhoging_2025-08.txt"


def one_line_failure(result: Outcome, *needles: str) -> None:
    assert result.code == 2, (result.code, result.err)
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert lines and lines[-1].startswith("kamerqa: "), result.err
    assert "Traceback" not in result.err and "internal error" not in result.err
    for needle in needles:
        assert needle in lines[-1], lines[-1]


@pytest.mark.parametrize("verb", [["parse"], ["render", "--format", "md"]])
def test_output_into_a_folder_or_missing_folder(
    kamerqa_cli: Cli, tmp_path: Path, verb: list[str]
) -> None:
    missing = tmp_path / "nope" / "out.txt"
    result = kamerqa_cli(*verb, str(EXAMPLE), "-o", str(missing))
    one_line_failure(result, str(missing), "no folder")
    if verb == ["parse"]:  # parse writes one file into an existing folder
        assert kamerqa_cli("parse", str(EXAMPLE), "-o", str(tmp_path)).code == 0
        assert (tmp_path / (EXAMPLE.stem + ".json")).read_text(encoding="utf-8").startswith("{")
    else:
        one_line_failure(kamerqa_cli(*verb, str(EXAMPLE), "-o", str(tmp_path)), "is a folder")


def test_several_inputs_into_an_existing_file(kamerqa_cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "taken.txt"
    target.write_text("x", encoding="utf-8")
    result = kamerqa_cli("parse", str(EXAMPLE), str(EXAMPLE), "-o", str(target))
    one_line_failure(result, str(target), "not a folder")


def test_render_of_a_parse_list_says_so(kamerqa_cli: Cli, tmp_path: Path) -> None:
    listing = tmp_path / "several.json"
    listing.write_text("[{}, {}]", encoding="utf-8")
    one_line_failure(kamerqa_cli("render", str(listing)), "JSON list", str(listing))


def test_sync_bad_options_are_one_line(kamerqa_cli: Cli, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    one_line_failure(kamerqa_cli("sync", "--db", db, "--since", "2026-13-01"), "--since")
    one_line_failure(
        kamerqa_cli("sync", "--db", db, "--since", "2026-02-01", "--until", "2026-01-01"),
        "not before",
    )
    one_line_failure(kamerqa_cli("sync", "--db", db, "--kinds", " ; "), "--kinds")
    one_line_failure(kamerqa_cli("sync", "--db", db, "--base-url", "ftp://x"), "--base-url")
    assert kamerqa_cli("sync", "--db", db, "--timeout", "-1").code == 2
    assert not Path(db).exists()  # nothing was created for a refused command


def test_open_questions_refuses_a_missing_database(kamerqa_cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    one_line_failure(kamerqa_cli("open-questions", "--db", str(missing)), str(missing))
    assert not missing.exists()


def test_sync_and_open_questions_honour_kamerqa_db(
    kamerqa_cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "from-env.db"
    monkeypatch.setenv("KAMERQA_DB", str(missing))
    one_line_failure(kamerqa_cli("open-questions"), str(missing))


def test_serve_and_demo_refuse_a_busy_port(kamerqa_cli: Cli, tmp_path: Path) -> None:
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = str(busy.getsockname()[1])
        db = str(tmp_path / "d.db")
        one_line_failure(kamerqa_cli("demo", "--db", db, "--port", port), "in use", port)
        one_line_failure(kamerqa_cli("serve", "--db", db, "--port", port), "in use")
    assert not Path(db).exists()  # refused before building anything
    assert kamerqa_cli("demo", "--db", db, "--port", "99999").code == 2


def test_draft_input_errors_name_the_file(kamerqa_cli: Cli, tmp_path: Path) -> None:
    db = str(tmp_path / "d.db")
    added = kamerqa_cli("draft", "user", "add", "anna", "--db", db)
    token = added.out.strip().splitlines()[-1]
    empty = tmp_path / "leeg.txt"
    empty.write_bytes(b"")
    base = ("--db", db, "--token", token)
    one_line_failure(kamerqa_cli("draft", "new", "--from", str(empty), *base), str(empty))
    one_line_failure(kamerqa_cli("draft", "import", str(empty), *base), str(empty))
    made = kamerqa_cli("draft", "new", "--from", str(EXAMPLE), *base)
    cid = made.out.strip().splitlines()[-1]
    target = tmp_path / "missing" / "c.md"
    one_line_failure(kamerqa_cli("draft", "export", cid, "-o", str(target), *base), str(target))


@pytest.mark.parametrize(
    "verb",
    [
        ["parse"], ["render"], ["sync"], ["open-questions"], ["serve"], ["demo"],
        ["draft", "new"], ["draft", "export"], ["draft", "import"], ["draft", "user", "add"],
    ],
)  # fmt: skip
def test_every_option_and_argument_has_help(verb: list[str]) -> None:
    import typer.main

    from kamerqa.cli import app

    command: Any = typer.main.get_command(app)
    for name in verb:
        command = command.commands[name]
    missing = [p.name for p in command.params if not getattr(p, "help", None)]
    assert not missing, f"{' '.join(verb)}: no help for {missing}"


def test_output_format_follows_the_file_extension(kamerqa_cli: Cli, tmp_path: Path) -> None:
    letter = tmp_path / "brief.docx"
    assert kamerqa_cli("render", str(EXAMPLE), "-o", str(letter)).code == 0
    assert letter.read_bytes()[:2] == b"PK"
    markdown = tmp_path / "vragen.md"
    assert kamerqa_cli("parse", str(EXAMPLE), "-o", str(markdown)).code == 0
    assert not markdown.read_text(encoding="utf-8").lstrip().startswith("{")
    as_json = tmp_path / "vragen.out"  # an unknown extension keeps the default
    assert kamerqa_cli("parse", str(EXAMPLE), "-o", str(as_json)).code == 0
    assert as_json.read_text(encoding="utf-8").lstrip().startswith("{")
    explicit = tmp_path / "explicit.md"
    assert kamerqa_cli("parse", str(EXAMPLE), "-f", "json", "-o", str(explicit)).code == 0
    assert explicit.read_text(encoding="utf-8").lstrip().startswith("{")


def test_dash_reads_standard_input(
    kamerqa_cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import io
    import sys

    class Stdin:
        def __init__(self, data: bytes) -> None:
            self.buffer = io.BytesIO(data)

    monkeypatch.setattr(sys, "stdin", Stdin(EXAMPLE.read_bytes()))
    parsed = kamerqa_cli("parse", "-")
    assert parsed.code == 0 and '"questions"' in parsed.out
    monkeypatch.setattr(sys, "stdin", Stdin(parsed.out.encode()))
    rendered = kamerqa_cli("render", "-", "-f", "md")
    assert rendered.code == 0 and "Vraag 1" in rendered.out
    monkeypatch.setattr(sys, "stdin", Stdin(b""))
    one_line_failure(kamerqa_cli("parse", "-"), "standard input")


def test_draft_without_a_subcommand_shows_its_commands(kamerqa_cli: Cli) -> None:
    result = kamerqa_cli("draft")
    assert result.code == 2
    assert "answer" in result.out + result.err and "Missing command" not in result.err


def test_serve_warns_about_an_empty_store(
    kamerqa_cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    started: list[str] = []
    monkeypatch.setattr(uvicorn, "run", lambda target, **kw: started.append(target))
    monkeypatch.setenv("KAMERQA_DB", "unused.db")  # restored afterwards; serve sets it
    result = kamerqa_cli("serve", "--db", str(tmp_path / "typo.db"), "--port", "0")
    assert result.code == 2  # port 0 is refused: the URL printed would be wrong
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = str(probe.getsockname()[1])
    result = kamerqa_cli("serve", "--db", str(tmp_path / "typo.db"), "--port", free)
    assert result.code == 0 and started
    assert "holds no documents yet" in result.err
