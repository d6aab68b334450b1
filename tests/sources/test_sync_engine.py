"""Acceptance: full sync, incremental sync, deletions, parse failures kept, dry run."""

from __future__ import annotations

from kamerqa.sources.engine import FEED_CURSOR, SyncOptions
from kamerqa.store import Store
from kamerqa.store import sync_state as state

from .conftest import EngineFactory
from .replay import Replay

ANSWER_ID = "a3c51e02-1111-4b7a-9c3e-5f6a7b8c9d03"
QUESTION_ID = "a3c51e02-1111-4b7a-9c3e-5f6a7b8c9d04"
BROKEN_ID = "a3c51e02-1111-4b7a-9c3e-5f6a7b8c9d06"


def test_full_sync_stores_every_qa_document_and_skips_other_kinds(
    store: Store, make_engine: EngineFactory, replay: Replay
) -> None:
    report = make_engine(store).run(SyncOptions())
    rows = state.dump(store)["sync_document"]
    assert len(rows) == 8  # ten documents in the feed, a Motie and a Brief regering skipped
    assert not [r for r in rows if r[2] in ("Motie", "Brief regering")]
    assert store.get_document("ah-tk-20252026-901") is not None  # KOOP XML preferred
    assert store.get_document("2026D00140") is not None  # TK file, id = document number
    assert report.failed == ["2026D00305"]
    assert replay.count("Document(a3c51e02-1111-4b7a-9c3e-5f6a7b8c9d09)") == 0
    assert state.get_cursor(store, FEED_CURSOR)


def test_incremental_sync_fetches_only_changed_entities(
    store: Store, make_engine: EngineFactory, replay: Replay
) -> None:
    make_engine(store).run(SyncOptions())
    before = len(replay.requests)
    replay.world.change(QUESTION_ID, Titel="Vragen van het lid Hoekstra over jeugd-ggz (gewijzigd)")
    replay.world.delete("a3c51e02-1111-4b7a-9c3e-5f6a7b8c9d05")
    report = make_engine(store).run(SyncOptions())
    new = replay.requests[before:]
    feed_pages = [r for r in new if "/SyncFeed/" in r]
    details = [r for r in new if "/OData/" in r]
    assert len(feed_pages) == 2  # one Document page, one Zaak page
    assert sorted(details) == sorted(
        [
            f"/OData/v4/2.0/Document({QUESTION_ID})?$expand=DocumentVersie,Zaak($expand=ZaakActor)",
            f"/OData/v4/2.0/Document({QUESTION_ID})/resource",
        ]
    )
    assert report.deleted == 1
    assert store.get_document("2026D00120") is None
    row = state.get_document(store, "a3c51e02-1111-4b7a-9c3e-5f6a7b8c9d05")
    assert row is not None and row.verwijderd == 1
    changed = state.get_document(store, QUESTION_ID)
    assert changed is not None and changed.titel.endswith("(gewijzigd)")
    quiet = len(replay.requests)
    make_engine(store).run(SyncOptions())
    assert [r for r in replay.requests[quiet:] if "/OData/" in r] == []


def test_a_file_that_fails_to_parse_is_kept_with_its_error(
    store: Store, make_engine: EngineFactory, replay: Replay
) -> None:
    make_engine(store).run(SyncOptions())
    failures = state.failures(store)
    assert [f.source_id for f in failures] == [BROKEN_ID]
    content = state.failure_content(store, BROKEN_ID)
    assert content == replay.world.files["antwoord-2026D00305.pdf"]
    assert "no text layer" in failures[0].error
    row = state.get_document(store, BROKEN_ID)
    assert row is not None and row.parse_status == "failed" and row.file_sha256


def test_dry_run_writes_nothing_and_names_what_it_would_fetch(
    store: Store, make_engine: EngineFactory, replay: Replay
) -> None:
    report = make_engine(store).run(SyncOptions(dry_run=True))
    expected = [
        d["DocumentNummer"]
        for d in replay.world.documents.values()
        if d["Soort"] not in ("Motie", "Brief regering")
    ]
    assert sorted(report.would_fetch) == sorted(expected)
    assert state.counts(store)["sync_document"] == 0
    assert state.get_cursor(store, FEED_CURSOR) is None
    assert replay.count("/resource") == 0


def test_a_filtered_run_leaves_no_gap_for_the_next_full_run(
    store: Store, make_engine: EngineFactory
) -> None:
    make_engine(store).run(SyncOptions(kinds=("Mededeling (uitstel antwoord)",)))
    assert state.counts(store)["sync_document"] == 2
    assert state.get_cursor(store, FEED_CURSOR) is None
    make_engine(store).run(SyncOptions())
    assert state.counts(store)["sync_document"] == 8


def test_a_file_that_cannot_be_fetched_now_is_fetched_on_the_next_run(
    store: Store, make_engine: EngineFactory, replay: Replay
) -> None:
    replay.inject(f"Document({QUESTION_ID})/resource", "500", times=5)  # every attempt fails
    report = make_engine(store).run(SyncOptions())
    assert "2026D00140" in report.failed
    row = state.get_document(store, QUESTION_ID)
    assert row is not None and row.parse_status == "fetch_failed"
    assert store.get_document("2026D00140") is None
    make_engine(store).run(SyncOptions())
    row = state.get_document(store, QUESTION_ID)
    assert row is not None and row.parse_status == "parsed"
    assert store.get_document("2026D00140") is not None


def test_a_document_without_a_file_is_recorded_not_retried(
    store: Store, make_engine: EngineFactory, replay: Replay
) -> None:
    replay.world.documents[QUESTION_ID]["file"] = None  # the resource answers 404
    report = make_engine(store).run(SyncOptions())
    row = state.get_document(store, QUESTION_ID)
    assert row is not None and row.parse_status == "no_file"
    assert "2026D00140" not in report.failed
    before = replay.count(QUESTION_ID)
    make_engine(store).run(SyncOptions())
    assert replay.count(QUESTION_ID) == before


def test_a_zaak_change_in_the_feed_updates_only_that_zaak(
    store: Store, make_engine: EngineFactory, replay: Replay
) -> None:
    from datetime import date

    from kamerqa.sources.status import zaak_lifecycle

    make_engine(store).run(SyncOptions())
    assert replay.count("/Zaak(") == 0  # zaken came with their documents
    replay.world.change_zaak("2026Z00102", Status="Ingetrokken")
    make_engine(store).run(SyncOptions())
    assert replay.count("/Zaak(") == 1
    zaak = zaak_lifecycle(store, "2026Z00102", date(2026, 3, 1))
    assert zaak is not None and (zaak.status, zaak.overdue) == ("withdrawn", False)


def test_a_detail_that_stays_down_does_not_block_the_feed(
    store: Store, make_engine: EngineFactory, replay: Replay
) -> None:
    replay.inject(f"Document({QUESTION_ID})?", "500", times=5)
    report = make_engine(store).run(SyncOptions())
    assert "2026D00140" in report.failed
    assert state.counts(store)["sync_document"] == 8  # the others all arrived
    row = state.get_document(store, QUESTION_ID)
    assert row is not None and row.parse_status == "fetch_failed"
    make_engine(store).run(SyncOptions())
    assert store.get_document("2026D00140") is not None


def test_feed_entries_without_a_soort_are_judged_on_the_detail_record(
    store: Store, make_engine: EngineFactory, replay: Replay
) -> None:
    for doc in replay.world.feed:
        doc["Soort"] = ""  # this feed does not carry the kind; OData still does
    make_engine(store).run(SyncOptions())
    kinds = {r[2] for r in state.dump(store)["sync_document"]}
    assert "Motie" not in kinds and "Schriftelijke vragen" in kinds
    assert state.counts(store)["sync_document"] == 8


def test_progress_is_reported_per_page_and_phase(store: Store, make_engine: EngineFactory) -> None:
    from datetime import date

    seen: list[tuple[str, int]] = []
    engine = make_engine(store, progress=lambda phase, report: seen.append((phase, report.pages)))
    report = engine.run(SyncOptions(since=date(2026, 1, 1)))
    assert seen[0][0] == "backfill"
    assert {p for p, _ in seen} == {"backfill", "documents", "zaken"}
    assert [n for _, n in seen] == list(range(1, report.pages + 1))


def test_kept_files_are_reparsed_without_the_network_after_a_parser_fix(
    store: Store, make_engine: EngineFactory, replay: Replay
) -> None:
    from kamerqa.model import Document, Question

    make_engine(store).run(SyncOptions())
    before = len(replay.requests)

    def fixed_parser(data: bytes, path: str) -> Document:
        return Document(id=path, genre="kamervragen", questions=[Question(number="1", text="?")])

    report = make_engine(store, parse=fixed_parser).run(
        SyncOptions(reparse_failed=True, feed=False)
    )
    assert report.outcomes == {"reparsed_inserted": 1}
    assert len(replay.requests) == before
    assert state.failures(store) == []
    row = state.get_document(store, BROKEN_ID)
    assert row is not None and (row.parse_status, row.store_doc_id) == ("parsed", "2026D00305")
    stored = store.get_document("2026D00305")
    assert stored is not None and stored.metadata.identifiers.zaak == "2026Z00103"


def test_a_zaak_that_cannot_be_fetched_is_reported_and_skipped(
    store: Store, make_engine: EngineFactory, replay: Replay
) -> None:
    make_engine(store).run(SyncOptions())
    zaak_cursor = state.get_cursor(store, "feed:Zaak")
    replay.world.change_zaak("2026Z00102", Status="Ingetrokken")
    replay.inject("/Zaak(", "500", times=5)
    report = make_engine(store).run(SyncOptions())
    assert report.failed == ["zaak 6f1d2c3a-9b0e-4c55-8a61-0d3f2e7b9a02"]
    assert state.get_cursor(store, "feed:Zaak") != zaak_cursor
    zaak = state.get_zaak(store, "2026Z00102")
    assert zaak is not None and zaak.status is None
