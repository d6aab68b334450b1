"""`kamerqa ingest | search | similar | export | stats`: thin adapters over kamerqa.store."""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from kamerqa.errors import KamerqaInputError
from kamerqa.search import SearchRequest
from kamerqa.search.models import (
    MAX_SEARCH_LIMIT,
    MAX_SIMILAR_LIMIT,
    IngestReport,
    SearchResponse,
    SimilarResponse,
)
from kamerqa.store import DEFAULT_DB, Store, open_store
from kamerqa.store.base import check_scheme
from kamerqa.store.export import EXPORT_FORMATS, export
from kamerqa.store.ingest import SUFFIXES, find_files, ingest_paths

DB_HELP = "SQLite file path or postgresql:// URL (default ./kamerqa.db; env KAMERQA_DB)."
_db = typer.Option(None, "--db", envvar="KAMERQA_DB", help=DB_HELP)
OUTPUT_FORMATS = ("table", "json")
SCOPES = ("questions", "answers", "both")
SORTS = ("relevance", "date")
METHODS = ("auto", "lexical", "dense", "hybrid")
_fmt = typer.Option("table", "--format", "-f", help="Output: table or json.")


def _choice(value: str, option: str, choices: tuple[str, ...]) -> str:
    """``value`` when it is one of ``choices``, else a one-line input error naming the option.

    (Typer's own choice check would print a boxed usage message.)"""
    if value not in choices:
        raise KamerqaInputError(f"{option}: unknown value {value!r}; choose {', '.join(choices)}")
    return value


def _limit(value: int, maximum: int) -> int:
    if not 1 <= value <= maximum:
        raise KamerqaInputError(f"--limit must be between 1 and {maximum} (got {value})")
    return value


def _existing(db: str | None) -> Store:
    """Open a store that must exist already (search, similar, export, stats)."""
    target = db or DEFAULT_DB
    check_scheme(target)
    is_file = not target.startswith(("postgresql://", "postgres://")) and target != ":memory:"
    if is_file and not Path(target.removeprefix("sqlite:///")).exists():
        raise KamerqaInputError(f"no database at {target}; run `kamerqa ingest PATH` first")
    return open_store(target)


def _run_ingest(
    paths: list[Path], db: str | None, workers: int | None, embed: bool
) -> IngestReport:
    with open_store(db) as store:
        if not sys.stderr.isatty():

            def line(path: str, done: int, total: int) -> None:
                typer.echo(f"[{done}/{total}] {path}", err=True)

            return ingest_paths(store, paths, workers=workers, progress=line, embed=embed)
        columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=Console(stderr=True)) as bar:
            task = bar.add_task("ingest", total=None)

            def tick(path: str, done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            return ingest_paths(store, paths, workers=workers, progress=tick, embed=embed)


def ingest(
    paths: list[Path] = typer.Argument(None, help="Files and folders (recursively)."),
    db: str | None = _db,
    workers: int | None = typer.Option(None, help="Parser processes (default: CPU cores)."),
    embed: bool = typer.Option(
        True, "--embed/--no-embed", help="Compute sentence vectors for similarity now."
    ),
    reindex: bool = typer.Option(
        False, "--reindex", help="Re-analyse the stored texts (after an analysis change)."
    ),
) -> None:
    """Parse documents and store them; re-ingesting unchanged files changes nothing."""
    if not paths and not reindex:
        raise KamerqaInputError("give files or folders to ingest (or --reindex)")
    if reindex:
        with open_store(db) as store:
            typer.echo(f"reindexed {store.reindex()} documents")
        if not paths:
            return
    found, missing = find_files(paths)
    if not found and not missing:  # before opening the store: no empty database is made
        where = ", ".join(str(p) for p in paths)
        raise KamerqaInputError(
            f"no documents found in {where} (looked for {', '.join(sorted(SUFFIXES))})"
        )
    report = _run_ingest(paths, db, workers, embed)
    for failure in report.failed:
        typer.echo(f"kamerqa: {failure.path}: {failure.reason}", err=True)
    typer.echo(
        f"{report.files} files: {report.inserted} inserted, {report.updated} updated, "
        f"{report.unchanged} unchanged, {len(report.failed)} failed"
    )
    if report.failed:
        ok = report.inserted + report.updated + report.unchanged
        raise typer.Exit(1 if ok else 2)


def _marked(snippet: str) -> str:
    """Rich markup of an escaped-HTML snippet with <mark> highlights."""
    pieces = re.split(r"</?mark>", snippet)
    return "".join(
        f"[bold yellow]{escape(html.unescape(p))}[/]" if i % 2 else escape(html.unescape(p))
        for i, p in enumerate(pieces)
    )


def _print_hit(console: Console, rank: int, key: str, details: list[str], body: str) -> None:
    """One hit: a heading line with the full, copyable DOC_ID:NUMBER (never cut or wrapped:
    it goes into ``similar --question`` and /doc/ addresses), then the text, indented."""
    heading = Text(f"{rank:>3}. ")
    heading.append(key, style="bold cyan")
    heading.append("  " + "  ".join(d for d in details if d))
    console.print(heading, soft_wrap=True)
    console.print(Padding(body, (0, 0, 1, 5), expand=False))


def _print_search(response: SearchResponse, fmt: str) -> None:
    if fmt == "json":
        typer.echo(response.model_dump_json(indent=2))
        return
    console = Console()
    console.print(f"{response.total} matches for {response.query!r}", soft_wrap=True)
    for rank, hit in enumerate(response.hits, start=1):
        key = f"{hit.doc_id}:{','.join(hit.question_numbers)}"
        details = [hit.kind, hit.party or "", str(hit.date or "")]
        _print_hit(console, rank, key, details, _marked(hit.snippet))


def search(
    query: str = typer.Argument("", help='Words, "phrases", OR, -exclude, prefix*.'),
    db: str | None = _db,
    party: str | None = typer.Option(
        None, "--party", help="Party of the question, e.g. SGP or GroenLinks-PvdA."
    ),
    genre: str | None = typer.Option(
        None, "--genre", help="Document genre, e.g. kamervragen or schriftelijk_overleg."
    ),
    asker: str | None = typer.Option(
        None, "--asker", help="Name or part of the name of an asker (case-insensitive)."
    ),
    ministry: str | None = typer.Option(
        None, "--ministry", help='Addressed ministry or minister, e.g. "Defensie".'
    ),
    committee: str | None = typer.Option(
        None, "--committee", help='Committee or part of its name, e.g. "Buitenlandse Zaken".'
    ),
    date_from: str | None = typer.Option(
        None, "--from", help="Documents dated on or after YYYY-MM-DD."
    ),
    date_to: str | None = typer.Option(
        None, "--to", help="Documents dated on or before YYYY-MM-DD."
    ),
    scope: str = typer.Option("both", "--scope", help="questions, answers or both."),
    sort: str = typer.Option("relevance", "--sort", help="relevance or date."),
    limit: int = typer.Option(
        20, "--limit", help=f"Hits to show (1-{MAX_SEARCH_LIMIT}).", show_default=True
    ),
    fmt: str = _fmt,
) -> None:
    """Search questions and answers."""
    _choice(fmt, "--format", OUTPUT_FORMATS)
    _choice(scope, "--scope", SCOPES)
    _choice(sort, "--sort", SORTS)
    try:
        request = SearchRequest(
            query=query,
            party=party,
            genre=genre,
            asker=asker,
            ministry=ministry,
            committee=committee,
            date_from=date_from,
            date_to=date_to,
            scope=scope,
            sort=sort,
            limit=_limit(limit, MAX_SEARCH_LIMIT),
        )
    except ValueError as exc:
        raise KamerqaInputError(f"bad search options: {_first_error(exc)}") from None
    with _existing(db) as store:
        _print_search(store.search(request), fmt)


def _first_error(exc: Exception) -> str:
    errors: list[dict[str, Any]] = getattr(exc, "errors", lambda: [])()
    if errors:
        where = ".".join(str(p) for p in errors[0].get("loc", ()))
        return f"{where}: {errors[0].get('msg', '')}"
    return str(exc).splitlines()[0]


def _print_similar(response: SimilarResponse, fmt: str) -> None:
    if fmt == "json":
        typer.echo(response.model_dump_json(indent=2))
        return
    console = Console()
    console.print(f"similar questions ({response.method})")
    for rank, hit in enumerate(response.hits, start=1):
        text = hit.text if len(hit.text) < 300 else hit.text[:297] + "…"
        details = [hit.party or "", str(hit.date or ""), f"score {hit.score:.3f}"]
        _print_hit(console, rank, f"{hit.doc_id}:{hit.question_number}", details, escape(text))


def similar(
    text: str | None = typer.Argument(None, help="Text to find similar questions for."),
    question: str | None = typer.Option(None, "--question", help="DOC_ID:NUMBER"),
    db: str | None = _db,
    method: str = typer.Option("auto", "--method", help="auto, lexical, dense or hybrid."),
    limit: int = typer.Option(
        10, "--limit", help=f"Questions to show (1-{MAX_SIMILAR_LIMIT}).", show_default=True
    ),
    fmt: str = _fmt,
) -> None:
    """Questions similar to a text or to a stored question."""
    _choice(fmt, "--format", OUTPUT_FORMATS)
    _choice(method, "--method", METHODS)
    _limit(limit, MAX_SIMILAR_LIMIT)
    target: tuple[str, str] | None = None
    if question:
        doc_id, sep, number = question.rpartition(":")
        if not sep or not doc_id or not number:
            raise KamerqaInputError("--question takes DOC_ID:NUMBER")
        target = (doc_id, number)
    with _existing(db) as store:
        response = store.similar(text=text, question=target, limit=limit, method=method)
    _print_similar(response, fmt)


def _writable(target: Path) -> Path:
    """``target`` when a file can be written there, else a one-line error naming it."""
    if target.is_dir():
        raise KamerqaInputError("is a folder; give a file name after -o", str(target))
    parent = target.parent
    if not parent.is_dir():
        problem = "is not a folder" if parent.exists() else "does not exist"
        raise KamerqaInputError(f"cannot write here: folder {parent} {problem}", str(target))
    return target


def export_cmd(
    fmt: str = typer.Option("jsonl", "--format", "-f", help=", ".join(EXPORT_FORMATS)),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="File to write (default standard output; parquet needs one)."
    ),
    db: str | None = _db,
) -> None:
    """Export every question with its answer (jsonl, csv or parquet)."""
    _choice(fmt, "--format", EXPORT_FORMATS)
    if output is not None:
        _writable(output)
    with _existing(db) as store:
        try:
            count = export(store, fmt, output, sys.stdout)
        except OSError as exc:
            raise KamerqaInputError(f"cannot write: {exc.strerror or exc}", str(output)) from None
    if output is not None:
        typer.echo(f"{count} questions written to {output}", err=True)


def stats(db: str | None = _db, fmt: str = _fmt) -> None:
    """Counts per genre, party, ministry and year, and reply times."""
    _choice(fmt, "--format", OUTPUT_FORMATS)
    with _existing(db) as store:
        result = store.stats()
    if fmt == "json":
        typer.echo(result.model_dump_json(indent=2))
        return
    console = Console()
    console.print(
        f"{result.documents} documents, {result.questions} questions, {result.answers} answers"
    )
    for title, counts in (
        ("genre", result.by_genre), ("party", result.by_party),
        ("ministry", result.by_ministry), ("year", result.by_year),
    ):  # fmt: skip
        table = Table(title=f"per {title}")
        table.add_column(title)
        table.add_column("count", justify="right")
        for item in counts:
            table.add_row(item.value, str(item.count))
        console.print(table)
    r = result.reply_times
    if r.documents:
        console.print(
            f"reply time over {r.documents} documents: mean {r.mean_days} days, median "
            f"{r.median_days}, p90 {r.p90_days}; answered within 3 weeks: {r.within_21_days:.0%}"
        )


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("search")(search)
    app.command("similar")(similar)
    app.command("export")(export_cmd)
    app.command("stats")(stats)
