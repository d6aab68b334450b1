"""``kamerqa sync`` and ``kamerqa open-questions``: thin adapters over kamerqa.sources."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import typer
from rich.console import Console

from kamerqa.errors import KamerqaInputError
from kamerqa.sources.engine import SyncOptions, SyncReport
from kamerqa.sources.factory import SourceSettings, build_engine, check_url
from kamerqa.sources.http import SourceError
from kamerqa.sources.odata import DEFAULT_ODATA_URL
from kamerqa.sources.records import DEFAULT_KINDS
from kamerqa.sources.status import group_by_ministry_and_party, overdue_sets
from kamerqa.store import DEFAULT_DB, Store, open_store

DB_HELP = "SQLite file path or postgresql:// URL (default ./kamerqa.db; env KAMERQA_DB)."


def _date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise KamerqaInputError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def _kinds(values: list[str] | None) -> tuple[str, ...]:
    if not values:
        return DEFAULT_KINDS
    split = [part.strip() for value in values for part in value.split(";")]
    kinds = tuple(part for part in split if part)
    if not kinds:
        raise KamerqaInputError("--kinds: give at least one Document.Soort")
    return kinds


def _sync_options(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    start, end = _date(since, "--since"), _date(until, "--until")
    if start and end and start >= end:
        raise KamerqaInputError(f"--since {start} is not before --until {end}")
    return start, end


def _check_urls(urls: dict[str, str | None]) -> None:
    for name, url in urls.items():
        if url:
            try:
                check_url(url, name)
            except ValueError as err:
                raise KamerqaInputError(str(err)) from None


def _existing_store(db: str) -> Store:
    """Open a store that must exist already (a mistyped path must not create an empty one)."""
    is_file = not db.startswith(("postgresql://", "postgres://")) and db != ":memory:"
    if is_file and not Path(db.removeprefix("sqlite:///")).exists():
        raise KamerqaInputError(
            f"no database at {db}; run `kamerqa sync` or `kamerqa ingest` first"
        )
    return open_store(db)


def _print_report(report: SyncReport) -> None:
    outcomes = ", ".join(f"{k} {v}" for k, v in sorted(report.outcomes.items())) or "nothing new"
    prefix = "dry run: " if report.dry_run else ""
    typer.echo(
        f"{prefix}{report.pages} pages, {report.seen} entries seen, {report.fetched} fetched "
        f"({outcomes}), {report.deleted} deleted"
    )
    if report.dry_run:
        for name in report.would_fetch:
            typer.echo(f"would fetch {name}")
    for name in report.failed:
        typer.echo(f"failed: {name} (kept; see the sync status)", err=True)


def sync(
    db: str = typer.Option(DEFAULT_DB, "--db", envvar="KAMERQA_DB", help=DB_HELP),
    since: str | None = typer.Option(None, help="Backfill documents dated on/after (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, help="Only documents dated before (YYYY-MM-DD)."),
    kinds: list[str] | None = typer.Option(
        None, "--kinds", help="Document.Soort values to keep (repeat, or separate with ';')."
    ),
    dry_run: bool = typer.Option(False, "--dry-run", help="Show what would be fetched."),
    base_url: str = typer.Option(
        DEFAULT_ODATA_URL, "--base-url", envvar="KAMERQA_TK_ODATA_URL", help="TK OData base URL."
    ),
    feed_url: str | None = typer.Option(
        None, "--feed-url", envvar="KAMERQA_TK_FEED_URL", help="SyncFeed base URL."
    ),
    koop_url: str = typer.Option(
        "https://zoek.officielebekendmakingen.nl/",
        "--koop-url",
        envvar="KAMERQA_KOOP_URL",
        help="KOOP base URL for publication XML/HTML/PDF files.",
    ),
    sru_url: str = typer.Option(
        "https://repository.overheid.nl/sru",
        envvar="KAMERQA_SRU_URL",
        help="KOOP SRU search URL (with --koop-search).",
    ),
    no_koop: bool = typer.Option(False, "--no-koop", help="Use only TK files, never KOOP."),
    koop_search: bool = typer.Option(False, help="Also search KOOP (SRU) for missing answers."),
    no_feed: bool = typer.Option(False, "--no-feed", help="Skip the SyncFeed phase."),
    reparse_failed: bool = typer.Option(
        False, "--reparse-failed", help="Parse the kept files that failed before again first."
    ),
    timeout: float = typer.Option(
        30.0, min=0.1, max=600, help="Seconds per request before retrying (0.1-600)."
    ),
    min_interval: float = typer.Option(
        0.2, min=0, max=60, help="Seconds between requests (politeness, 0-60)."
    ),
) -> None:
    """Keep the store current with the Tweede Kamer open data (and KOOP)."""
    start, end = _sync_options(since, until)
    options = SyncOptions(
        since=start,
        until=end,
        kinds=_kinds(kinds),
        dry_run=dry_run,
        feed=not no_feed,
        koop_search=koop_search and not no_koop,
        reparse_failed=reparse_failed,
    )
    settings = SourceSettings(
        base_url=base_url,
        feed_url=feed_url,
        koop_url=None if no_koop else koop_url,
        sru_url=sru_url,
        timeout=timeout,
        min_interval=min_interval,
    )
    urls = {"--base-url": base_url, "--feed-url": feed_url, "--koop-url": koop_url}
    _check_urls(urls | {"--sru-url": sru_url})
    with open_store(db) as store:
        engine, fetcher = build_engine(store, settings)
        console = Console(stderr=True)
        try:
            with console.status("sync: starting") as status:

                def show(phase: str, report: SyncReport) -> None:
                    status.update(
                        f"sync {phase}: page {report.pages}, {report.seen} entries seen, "
                        f"{report.fetched} fetched"
                    )

                engine.progress = show
                report = engine.run(options)
        except SourceError as err:
            typer.echo(f"kamerqa: sync stopped, rerun to resume: {err}", err=True)
            raise typer.Exit(1) from None
        finally:
            fetcher.close()
    _print_report(report)
    typer.echo(f"{fetcher.stats.requests} requests, {fetcher.stats.retries} retries")
    if not report.ok:
        raise typer.Exit(1)


def open_questions(
    db: str = typer.Option(DEFAULT_DB, "--db", envvar="KAMERQA_DB", help=DB_HELP),
    ministry: str | None = typer.Option(None, help="Only this ministry (part of the name)."),
    party: str | None = typer.Option(None, help="Only questions asked by this party."),
    today: str | None = typer.Option(None, help="Judge deadlines on this day (YYYY-MM-DD)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Overdue sets of Kamervragen per ministry and party (three weeks; six after uitstel)."""
    day = _date(today, "--today") or date.today()
    with _existing_store(db) as store:
        groups = group_by_ministry_and_party(
            overdue_sets(store, day, ministry=ministry, party=party)
        )
    if as_json:
        typer.echo(json.dumps([g.model_dump(mode="json") for g in groups], ensure_ascii=False))
        return
    if not groups:
        typer.echo(f"no overdue questions on {day.isoformat()}")
    for group in groups:
        typer.echo(f"{group.ministry} — {group.party}: {len(group.zaken)} overdue")
        for zaak in group.zaken:
            typer.echo(
                f"  {zaak.nummer}  {zaak.status:<9} deadline {zaak.deadline} "
                f"({zaak.days_overdue} days over)  {zaak.onderwerp}"
            )


def register(app: typer.Typer) -> None:
    app.command("sync")(sync)
    app.command("open-questions")(open_questions)
