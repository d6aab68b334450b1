"""KOOP SRU phase, the real parsers end to end, and the sync / open-questions CLI verbs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from kamerqa.cli import app
from kamerqa.errors import KamerqaInputError
from kamerqa.sources.documents import default_parser
from kamerqa.sources.engine import KOOP_CURSOR, SyncOptions
from kamerqa.store import Store, open_store
from kamerqa.store import sync_state as state

from .conftest import EngineFactory
from .replay import FEED, KOOP, ODATA, Replay, ReplayServer

SRU_RECORDS = [
    {"id": "ah-tk-20252026-901", "modified": "2026-02-12T09:00:00", "title": "fietsparkeren"},
    {"id": "ah-tk-20252026-955", "modified": "2026-01-21T08:00:00", "title": "lerarentekort"},
]


def test_koop_search_adds_publications_the_tk_api_lacks_once(
    store: Store, make_engine: EngineFactory, replay: Replay
) -> None:
    replay.sru_records = SRU_RECORDS
    options = SyncOptions(since=date(2026, 1, 1), koop_search=True)
    make_engine(store).run(options)
    assert store.get_document("ah-tk-20252026-955") is not None
    assert state.get_koop(store, "ah-tk-20252026-955") == (
        "2026-01-21T08:00:00",
        "ah-tk-20252026-955",
        "parsed",
    )
    assert state.get_koop(store, "ah-tk-20252026-901") is None  # known through TK already
    assert state.get_cursor(store, KOOP_CURSOR) == "2026-02-12"
    before = replay.count("/koop/")
    make_engine(store).run(options)
    assert replay.count("/koop/") == before


def test_real_parsers_end_to_end(store: Store, make_engine: EngineFactory) -> None:
    report = make_engine(store, parse=default_parser).run(SyncOptions())
    assert report.failed == ["2026D00305"], state.failures(store)
    answer = store.get_document("ah-tk-20252026-901")
    assert answer is not None and answer.genre == "kamervragen"
    assert [q.number for q in answer.questions] == ["1", "2", "3"]
    assert answer.metadata.identifiers.tk_document == "2026D00390"
    assert answer.metadata.identifiers.zaak == "2026Z00101"
    assert answer.metadata.extra.get("meta:OVERHEIDop.aanhangsel") == "252600901"
    question = store.get_document("2026D00140")
    assert question is not None and question.metadata.identifiers.zaak == "2026Z00102"
    assert "not a readable PDF" in state.failures(store)[0].error


def _urls(server: ReplayServer) -> list[str]:
    return [
        "--base-url",
        server.url + ODATA,
        "--feed-url",
        server.url + FEED,
        "--koop-url",
        server.url + KOOP,
        "--min-interval",
        "0",
        "--timeout",
        "5",
    ]


def test_cli_sync_dry_run_then_sync_then_open_questions(
    tmp_path: Path, server: ReplayServer
) -> None:
    runner = CliRunner()
    db = str(tmp_path / "cli.db")
    dry = runner.invoke(app, ["sync", "--db", db, "--dry-run", *_urls(server)])
    assert dry.exit_code == 0, dry.output
    assert "would fetch 2026D00390" in dry.output
    synced = runner.invoke(app, ["sync", "--db", db, *_urls(server)])
    assert synced.exit_code == 1  # partial: one file failed to parse and was kept
    assert "failed: 2026D00305" in synced.output
    with open_store(db) as store:
        assert store.get_document("ah-tk-20252026-901") is not None
    again = runner.invoke(app, ["sync", "--db", db, *_urls(server)])
    assert "0 fetched" in again.output
    listed = runner.invoke(app, ["open-questions", "--db", db, "--today", "2026-02-27"])
    assert listed.exit_code == 0
    assert "Defensie — VVD: 1 overdue" in listed.output
    assert "2026Z00102" in listed.output and "2026Z00101" not in listed.output
    as_json = runner.invoke(
        app, ["open-questions", "--db", db, "--today", "2026-02-27", "--party", "VVD", "--json"]
    )
    groups = json.loads(as_json.output)
    assert [(g["ministry"], [z["nummer"] for z in g["zaken"]]) for g in groups] == [
        ("Defensie", ["2026Z00104"])
    ]


def test_cli_kinds_until_and_bad_dates(tmp_path: Path, server: ReplayServer) -> None:
    runner = CliRunner()
    db = str(tmp_path / "kinds.db")
    only = runner.invoke(
        app,
        [
            "sync",
            "--db",
            db,
            "--kinds",
            "Mededeling (uitstel antwoord)",
            "--until",
            "2026-02-01",
            *_urls(server),
        ],
    )
    assert only.exit_code == 0, only.output
    with open_store(db) as store:
        rows = state.dump(store)["sync_document"]
    assert [r[1] for r in rows] == ["2026D00211"]  # the 2026-02-04 notice is after --until
    # bad input is a KamerqaInputError: kamerqa.cli.main prints it as one line, exit 2
    bad = runner.invoke(app, ["open-questions", "--db", db, "--today", "morgen"])
    assert isinstance(bad.exception, KamerqaInputError) and "--today" in str(bad.exception)
    bad_url = runner.invoke(app, ["sync", "--db", db, "--base-url", "gegevensmagazijn"])
    assert isinstance(bad_url.exception, KamerqaInputError)
    assert "not an http(s) URL" in str(bad_url.exception)
