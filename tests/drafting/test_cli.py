"""`kamerqa draft …` end to end on a SQLite file: inbreng in, answers, file round trip, send."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from kamerqa.cli import app

from .conftest import FIXTURES

runner = CliRunner()


def _run(db: Path, *args: str, token: str | None = None) -> tuple[int, str]:
    env = {"KAMERQA_DB": str(db)}
    if token:
        env["KAMERQA_TOKEN"] = token
    result = runner.invoke(app, list(args), env=env)
    return result.exit_code, result.output


def test_draft_cli_workflow(tmp_path: Path) -> None:
    db = tmp_path / "k.db"
    code, drafter = _run(db, "draft", "user", "add", "dora", "--role", "drafter", "--team", "ienw")
    assert code == 0 and drafter.strip().startswith("kqd_")
    _, approver = _run(db, "draft", "user", "add", "arie", "--role", "approver", "--team", "ienw")
    d, a = drafter.strip(), approver.strip()

    code, out = _run(db, "draft", "new", "--from", str(FIXTURES / "inbreng.txt"), token=d)
    assert code == 0, out
    cid = out.strip()
    code, out = _run(db, "draft", "check", cid, token=d)
    assert code == 1
    assert "question 1 (VVD): not answered" in out

    _run(db, "draft", "answer", cid, "1", "De brug is in 2026 klaar.", token=d)
    code, exported = _run(db, "draft", "export", cid, "--format", "md", token=d)
    assert code == 0 and "## Vraag 3" in exported
    edited = exported.replace(
        "## Vraag 3\n\nHoe zorgt de minister ervoor dat de Europese spoorcorridors op tijd "
        "klaar zijn?\n\n### Antwoord\n",
        "## Vraag 3\n\nHoe zorgt de minister ervoor dat de Europese spoorcorridors op tijd "
        "klaar zijn?\n\n### Antwoord op vragen 2 en 3\n\nDat is in Europees verband geregeld.\n",
    )
    assert edited != exported
    path = tmp_path / "edit.md"
    path.write_text(edited, encoding="utf-8")
    code, out = _run(db, "draft", "import", str(path), token=d)
    assert code == 0, out
    code, out = _run(db, "draft", "check", cid, token=d)
    assert code == 0, out

    assert _run(db, "draft", "submit", cid, token=d)[0] == 0
    code, out = _run(db, "draft", "approve", cid, token=d)
    assert code == 2 and "needs the role approver" in out
    assert _run(db, "draft", "approve", cid, token=a)[0] == 0
    code, out = _run(db, "draft", "import", str(path), "--force", token=d)
    assert code == 2 and "return it to draft" in out
    assert _run(db, "draft", "send", cid, token=a)[0] == 0
    code, out = _run(db, "draft", "log", cid, token=a)
    assert "\tarie\tstate\tapproved -> sent; published as" in out
    assert "\tdora\timport\tanswers to questions 2, 3" in out


def test_draft_commands_need_a_token(tmp_path: Path) -> None:
    code, out = _run(tmp_path / "k.db", "draft", "list")
    assert code == 2 and "token" in out
    code, out = _run(tmp_path / "k.db", "draft", "list", token="kqd_wrong")
    assert code == 2
