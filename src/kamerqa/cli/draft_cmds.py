"""`kamerqa draft …`: consultations, answers, file export/import, checks, review states, users.

Every command except `draft user …` acts as the user whose token is in ``--token`` or the
``KAMERQA_TOKEN`` environment variable. `draft user …` needs local access to the database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import typer

from kamerqa import read_input_file
from kamerqa.cli.outputs import format_for, write_output
from kamerqa.drafting import auth
from kamerqa.drafting.errors import DraftingError, Invalid, NotAuthenticated
from kamerqa.drafting.fileformat import export, read_file
from kamerqa.drafting.inbreng import content_from_inbreng
from kamerqa.drafting.models import ConsultationContent, User
from kamerqa.drafting.service import Drafting
from kamerqa.errors import KamerqaInputError
from kamerqa.model import Metadata
from kamerqa.render import render
from kamerqa.store import open_store

T = TypeVar("T")
draft_app = typer.Typer(
    help="Draft answers: consultations, review, approval, sending.", no_args_is_help=True
)
user_app = typer.Typer(help="Drafting users and their tokens.", no_args_is_help=True)
draft_app.add_typer(user_app, name="user")

DB = typer.Option(None, "--db", envvar="KAMERQA_DB", help="SQLite path or postgresql:// URL.")
CID = typer.Argument(..., help="Consultation id (from draft new or draft list).")
TOKEN = typer.Option(None, "--token", envvar="KAMERQA_TOKEN", help="Your drafting token.")


@contextmanager
def _service(db: str | None, token: str | None) -> Iterator[tuple[Drafting, User]]:
    """Open the store, identify the user, and turn drafting errors into one-line messages."""
    try:
        with open_store(db) as store:
            user = auth.user_for_token(store, token)
            if user is None:
                raise NotAuthenticated("give a valid drafting token (--token or KAMERQA_TOKEN)")
            yield Drafting(store), user
    except (DraftingError, KamerqaInputError) as err:
        typer.echo(f"kamerqa: {err}", err=True)
        raise typer.Exit(2) from None


def _emit(output: str | bytes, target: Path | None) -> None:
    if target is not None:
        write_output(output, target)
    elif isinstance(output, bytes):
        raise KamerqaInputError("binary output (docx) needs -o FILE")
    else:
        typer.echo(output, nl=False)


def _named(path: Path, read: Callable[[bytes], T]) -> T:
    """``read`` applied to the file's bytes; an input error names the file."""
    try:
        return read(read_input_file(path))
    except KamerqaInputError as err:
        raise err.with_path(str(path)) from None
    except Invalid as err:
        raise Invalid(f"{path}: {err.message}") from None


@user_app.command("add")
def user_add(
    name: str = typer.Argument(..., help="User name (unique)."),
    role: str = typer.Option("drafter", "--role", help="drafter, approver or admin."),
    team: str = typer.Option("default", "--team", help="Team whose consultations they see."),
    db: str | None = DB,
) -> None:
    """Create a user and print their token (shown once; only a hash is stored)."""
    _local(lambda store: typer.echo(auth.add_user(store, name, role, team)), db)


@user_app.command("token")
def user_token(name: str = typer.Argument(..., help="User name."), db: str | None = DB) -> None:
    """Issue a new token for a user (the old one stops working)."""
    _local(lambda store: typer.echo(auth.reset_token(store, name)), db)


@user_app.command("list")
def user_list(db: str | None = DB) -> None:
    """List users with role and team."""
    from kamerqa.store import drafting_repo

    def show(store: Any) -> None:
        for name, role, team in drafting_repo.list_users(store):
            typer.echo(f"{name}\t{role}\t{team}")

    _local(show, db)


def _local(action: Callable[[Any], None], db: str | None) -> None:
    try:
        with open_store(db) as store:
            action(store)
    except DraftingError as err:
        typer.echo(f"kamerqa: {err}", err=True)
        raise typer.Exit(2) from None


@draft_app.command("new")
def new(
    inbreng: Path | None = typer.Option(None, "--from", help="Inbreng file (text, DOCX, …)."),
    title: str = typer.Option("", "--title", help="Title of the letter (default: from the file)."),
    committee: str | None = typer.Option(None, "--committee", help="Committee that asked."),
    subject: str | None = typer.Option(None, "--subject", help="Subject of the questions."),
    reference: str | None = typer.Option(None, "--kenmerk", help="Kenmerk of the inbreng."),
    db: str | None = DB,
    token: str | None = TOKEN,
) -> None:
    """Create a consultation from an inbreng file or by hand; prints its id."""
    with _service(db, token) as (drafting, user):
        if inbreng is not None:
            content = _named(inbreng, lambda data: content_from_inbreng(data, str(inbreng)))
            how = f"from {inbreng.name}"
        else:
            content = ConsultationContent(
                metadata=Metadata(committee=committee, subject=subject, reference=reference)
            )
            how = "by hand"
        if title:
            content.title = title
        consultation = drafting.create(user, content, how=how)
        typer.echo(consultation.id)


@draft_app.command("list")
def list_command(db: str | None = DB, token: str | None = TOKEN) -> None:
    """Consultations of your team."""
    with _service(db, token) as (drafting, user):
        for item in drafting.consultations(user):
            typer.echo(f"{item.id}\t{item.status}\t{item.team}\t{item.title}")


@draft_app.command("answer")
def answer(
    consultation_id: str = CID,
    questions: str = typer.Argument(..., help='Question number(s): "3" or "3,4" (joint).'),
    text: str = typer.Argument(..., help="Answer text; footnote markers as [^1]."),
    db: str | None = DB,
    token: str | None = TOKEN,
) -> None:
    """Answer one question, or several with one joint answer."""
    with _service(db, token) as (drafting, user):
        numbers = [n.strip() for n in questions.replace(" ", ",").split(",") if n.strip()]
        drafting.set_answer(user, consultation_id, numbers, text)


@draft_app.command("export")
def export_command(
    consultation_id: str = CID,
    fmt: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help="md or yaml (editable), or text, docx, html, json (rendered); "
        "default: from the -o extension, else md.",
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Output file (needed for docx); default: standard output."
    ),
    db: str | None = DB,
    token: str | None = TOKEN,
) -> None:
    """Write a consultation to a file to edit (md, yaml) or to read (text, docx, html, json)."""
    fmt = format_for(fmt, output, "md")
    with _service(db, token) as (drafting, user):
        if fmt in ("md", "yaml"):
            _emit(export(drafting.get(user, consultation_id), fmt), output)
        else:
            _emit(render(drafting.document(user, consultation_id), fmt), output)


@draft_app.command("import")
def import_command(
    file: Path = typer.Argument(..., help="The edited .md or .yaml file from draft export."),
    force: bool = typer.Option(False, "--force", help="Overwrite changes made since export."),
    db: str | None = DB,
    token: str | None = TOKEN,
) -> None:
    """Read an edited export (md or yaml) back into its consultation."""
    with _service(db, token) as (drafting, user):
        cid, version, content = _named(file, read_file)
        updated = drafting.update_content(
            user, cid, content, expected_version=None if force else version, action="import"
        )
        typer.echo(f"{updated.id}: version {updated.version}")


@draft_app.command("check")
def check_command(
    consultation_id: str = CID, db: str | None = DB, token: str | None = TOKEN
) -> None:
    """Validate a consultation; exit 1 when there are errors."""
    with _service(db, token) as (drafting, user):
        issues = drafting.check(user, consultation_id)
    for issue in issues:
        typer.echo(str(issue))
    errors = sum(1 for i in issues if i.level == "error")
    typer.echo(f"{errors} errors, {len(issues) - errors} warnings", err=True)
    if errors:
        raise typer.Exit(1)


def _transition(consultation_id: str, target: str, db: str | None, token: str | None) -> None:
    with _service(db, token) as (drafting, user):
        updated = drafting.transition(user, consultation_id, target)
        typer.echo(f"{updated.id}: {updated.status}")


@draft_app.command("submit")
def submit(consultation_id: str = CID, db: str | None = DB, token: str | None = TOKEN) -> None:
    """draft -> ready for review."""
    _transition(consultation_id, "ready_for_review", db, token)


@draft_app.command("approve")
def approve(consultation_id: str = CID, db: str | None = DB, token: str | None = TOKEN) -> None:
    """ready for review -> approved (approvers only)."""
    _transition(consultation_id, "approved", db, token)


@draft_app.command("reopen")
def reopen(consultation_id: str = CID, db: str | None = DB, token: str | None = TOKEN) -> None:
    """Back to draft (from review or approval), logged."""
    _transition(consultation_id, "draft", db, token)


@draft_app.command("send")
def send(consultation_id: str = CID, db: str | None = DB, token: str | None = TOKEN) -> None:
    """approved -> sent: publishes the answers as a public document (approvers only)."""
    _transition(consultation_id, "sent", db, token)


@draft_app.command("log")
def log(consultation_id: str = CID, db: str | None = DB, token: str | None = TOKEN) -> None:
    """The audit log: who changed what, when."""
    with _service(db, token) as (drafting, user):
        for entry in drafting.audit(user, consultation_id):
            typer.echo(f"{entry.at.isoformat()}\t{entry.actor}\t{entry.action}\t{entry.detail}")


def register(app: typer.Typer) -> None:
    app.add_typer(draft_app, name="draft")
