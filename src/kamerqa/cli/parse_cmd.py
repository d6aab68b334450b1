"""`kamerqa parse` and `kamerqa schema`."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from kamerqa import parse_bytes
from kamerqa.cli.outputs import format_for, output_folder, read_input, write_output
from kamerqa.errors import KamerqaInputError
from kamerqa.model import Document, json_schema
from kamerqa.render import RENDERERS, extension, render


def _write(output: str | bytes, target: Path | None) -> None:
    if target is None:
        if isinstance(output, bytes):
            raise KamerqaInputError("binary output (docx) needs -o FILE")
        typer.echo(output, nl=False)
    else:
        write_output(output, target)


def _combined(documents: list[Document], fmt: str) -> str | bytes:
    if fmt == "json":
        return json.dumps([d.to_dict() for d in documents], ensure_ascii=False, indent=2) + "\n"
    parts = [render(d, fmt) for d in documents]
    if any(isinstance(p, bytes) for p in parts):
        raise KamerqaInputError("several documents as docx need -o DIRECTORY")
    return "\n".join(str(p) for p in parts)


def parse(
    files: list[Path] = typer.Argument(
        ..., help="Documents to parse (text, DOCX, PDF, HTML, XML); - reads standard input."
    ),
    fmt: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help=f"One of: {', '.join(RENDERERS)} (default: from the -o extension, else json).",
    ),
    output: Path | None = typer.Option(
        None,
        "-o",
        "--output",
        help="Output file (one input) or folder (several inputs, or an existing folder).",
    ),
) -> None:
    """Parse documents into the kamerqa/1 model and print them."""
    fmt = format_for(fmt, output if len(files) == 1 else None, "json")
    if fmt not in RENDERERS:
        typer.echo(f"kamerqa: unknown format {fmt!r}; choose from {', '.join(RENDERERS)}", err=True)
        raise typer.Exit(2)
    documents: list[tuple[Path, Document]] = []
    failures = 0
    for path in files:
        try:
            documents.append((path, parse_bytes(read_input(path), str(path))))
        except KamerqaInputError as err:
            failures += 1
            typer.echo(f"kamerqa: {err.with_path(str(path))}", err=True)
    several = len(files) > 1
    if output is not None and (several or output.is_dir()):
        output_folder(output)
        for path, doc in documents:
            _write(render(doc, fmt), output / (path.stem + extension(fmt)))
    elif documents:
        docs = [d for _, d in documents]
        _write(_combined(docs, fmt) if several else render(docs[0], fmt), output)
    if several:
        typer.echo(
            f"parsed {len(documents)} of {len(files)} documents, {failures} failed", err=True
        )
    if failures:
        raise typer.Exit(2 if not documents else 1)


def schema() -> None:
    """Print the JSON Schema of the kamerqa/1 document model."""
    typer.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


def register(app: typer.Typer) -> None:
    app.command("parse")(parse)
    app.command("schema")(schema)
