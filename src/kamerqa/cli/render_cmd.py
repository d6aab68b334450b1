"""`kamerqa render FILE --format text|docx|md|html [-o OUT]`."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from pydantic import ValidationError

from kamerqa import parse_bytes
from kamerqa.cli.outputs import format_for, read_input, write_output
from kamerqa.errors import KamerqaInputError
from kamerqa.model import SCHEMA_VERSION, Document
from kamerqa.render import RENDERERS, render

FORMATS = ("text", "docx", "md", "html", "json")


def load_document(path: Path) -> Document:
    """A kamerqa/1 JSON document, or any document kamerqa can parse."""
    data = read_input(path)
    if data.lstrip()[:1] == b"[" and _is_json(data):
        raise KamerqaInputError(
            "a JSON list (kamerqa parse of several files?); render takes one document", str(path)
        )
    if data.lstrip()[:1] == b"{":
        try:
            raw = json.loads(data)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise KamerqaInputError(f"invalid JSON ({exc})", str(path)) from None
        if not isinstance(raw, dict) or raw.get("schema") != SCHEMA_VERSION:
            raise KamerqaInputError(f"not a {SCHEMA_VERSION} document", str(path))
        try:
            return Document.from_dict(raw)
        except ValidationError as exc:
            problem = exc.errors()[0]
            where = ".".join(str(p) for p in problem["loc"])
            raise KamerqaInputError(
                f"invalid {SCHEMA_VERSION} document at {where}: {problem['msg']}", str(path)
            ) from None
    return parse_bytes(data, str(path))


def _is_json(data: bytes) -> bool:
    try:
        json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False
    return True


def render_command(
    file: Path = typer.Argument(
        ..., help="A kamerqa/1 JSON document or any parseable file; - reads standard input."
    ),
    fmt: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help="text, docx, md, html or json (default: from the -o extension, else text).",
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Output file (needed for docx); default: standard output."
    ),
) -> None:
    """Render a document as the letter (text), Word (docx), Markdown or HTML."""
    fmt = format_for(fmt, output, "text")
    if fmt not in FORMATS or fmt not in RENDERERS:
        typer.echo(f"kamerqa: unknown format {fmt!r}; choose from {', '.join(FORMATS)}", err=True)
        raise typer.Exit(2)
    try:
        result = render(load_document(file), fmt)
    except KamerqaInputError as err:
        typer.echo(f"kamerqa: {err.with_path(str(file))}", err=True)
        raise typer.Exit(2) from None
    if output is not None:
        try:
            write_output(result, output)
        except KamerqaInputError as err:
            typer.echo(f"kamerqa: {err}", err=True)
            raise typer.Exit(2) from None
    elif isinstance(result, bytes):
        typer.echo("kamerqa: docx output needs -o FILE", err=True)
        raise typer.Exit(2)
    else:
        typer.echo(result, nl=False)


def register(app: typer.Typer) -> None:
    app.command("render")(render_command)
