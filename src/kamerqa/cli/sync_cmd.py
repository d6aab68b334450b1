"""``kamerqa sync`` and ``kamerqa open-questions``: thin adapters over kamerqa.sources."""

from __future__ import annotations

import json
from datetime import date

import typer
from rich.console import Console

from kamerqa.sources.engine import SyncOptions, SyncReport
from kamerqa.sources.factory import SourceSettings, build_engine, check_url
from kamerqa.sources.http import SourceError
from kamerqa.sources.odata import DEFAULT_ODATA_URL
from kamerqa.sources.records import DEFAULT_KINDS
from kamerqa.sources.status import group_by_ministry_and_party, overdue_sets
from kamerqa.store import DEFAULT_DB, open_store


def _date(value: str | None, name: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name) from None


def _kinds(values: list[str] | None) -> tuple[str, ...]:
    if not values:
        return DEFAULT_KINDS
    split = [part.strip() for value in values for part in value.split(";")]
    return tuple(part for part in split if part)


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
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite path or postgresql:// URL."),
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
        "https://zoek.officielebekendmakingen.nl/", "--koop-url", envvar="KAMERQA_KOOP_URL"
    ),
    sru_url: str = typer.Option("https://repository.overheid.nl/sru", envvar="KAMERQA_SRU_URL"),
    no_koop: bool = typer.Option(False, "--no-koop", help="Use only TK files, never KOOP."),
    koop_search: bool = typer.Option(False, help="Also search KOOP (SRU) for missing answers."),
    no_feed: bool = typer.Option(False, "--no-feed", help="Skip the SyncFeed phase."),
    reparse_failed: bool = typer.Option(
        False, "--reparse-failed", help="Parse the kept files that failed before again first."
    ),
    timeout: float = typer.Option(30.0, help="Seconds per request before retrying."),
    min_interval: float = typer.Option(0.2, help="Seconds between requests (politeness)."),
) -> None:
    """Keep the store current with the Tweede Kamer open data (and KOOP)."""
    options = SyncOptions(
        since=_date(since, "--since"),
        until=_date(until, "--until"),
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
    try:
        for url, name in (
            (base_url, "--base-url"),
            (feed_url, "--feed-url"),
            (koop_url, "--koop-url"),
            (sru_url, "--sru-url"),
        ):
            if url:
                check_url(url, name)
    except ValueError as err:
        raise typer.BadParameter(str(err)) from None
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
    db: str = typer.Option(DEFAULT_DB, "--db", help="SQLite path or postgresql:// URL."),
    ministry: str | None = typer.Option(None, help="Only this ministry (part of the name)."),
    party: str | None = typer.Option(None, help="Only questions asked by this party."),
    today: str | None = typer.Option(None, help="Judge deadlines on this day (YYYY-MM-DD)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Overdue sets of Kamervragen per ministry and party (three weeks; six after uitstel)."""
    day = _date(today, "--today") or date.today()
    with open_store(db) as store:
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
