"""The sync engine: keeps a store current with the Tweede Kamer (and KOOP).

A run has up to three phases, each resumable on its own cursor:
1. backfill (only with ``since``): OData listing of Q&A documents, page by page through
   ``@odata.nextLink``; the cursor is the next link still to fetch.
2. feed: the SyncFeed ``category=Document`` from the stored skiptoken; only entries that are
   new or changed (``bijgewerkt`` later than what is stored) cost detail/file requests.
3. KOOP search (optional): SRU ``dt.modified`` for Kamervragen publications TK lacks.

Every page is fetched completely first; its rows *and* its cursor are then written in one
transaction, so an interruption at any point leaves the store as after the last whole page
and the next run continues from there: no duplicates, no gaps.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from kamerqa.sources import documents as docs
from kamerqa.sources.http import NotFoundError, SourceError
from kamerqa.sources.koop import KoopClient, SruRecord
from kamerqa.sources.odata import ODataClient
from kamerqa.sources.records import (
    DEFAULT_KINDS,
    TkDocument,
    TkZaak,
    document_from_odata,
    parse_date,
)
from kamerqa.sources.syncfeed import FeedEntry, SyncFeedClient
from kamerqa.store import Store
from kamerqa.store import sync_state as state

FEED_CURSOR = "feed:Document"
ZAAK_CURSOR = "feed:Zaak"
KOOP_CURSOR = "koop:sru"
DONE = "done"
Pending = tuple[TkDocument, str, str | None]  # record, change stamp, fetch error


@dataclass
class SyncOptions:
    since: date | None = None
    until: date | None = None
    kinds: tuple[str, ...] = DEFAULT_KINDS
    dry_run: bool = False
    feed: bool = True
    koop_search: bool = False
    reparse_failed: bool = False

    def wants(self, soort: str, datum: date | None) -> bool:
        wanted = {k.strip().lower() for k in self.kinds}
        if soort.strip().lower() not in wanted:
            return False
        if datum is not None and self.since is not None and datum < self.since:
            return False
        return not (datum is not None and self.until is not None and datum >= self.until)


@dataclass
class SyncReport:
    pages: int = 0
    seen: int = 0
    fetched: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)
    deleted: int = 0
    failed: list[str] = field(default_factory=list)
    would_fetch: list[str] = field(default_factory=list)
    dry_run: bool = False

    def count(self, outcome: str) -> None:
        self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1

    @property
    def ok(self) -> bool:
        return not self.failed


def _options_key(options: SyncOptions) -> str:
    key = f"{sorted(options.kinds)}|{options.since}|{options.until}"
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _backfill_cursor(options: SyncOptions) -> str:
    return f"odata:{_options_key(options)}"


def feed_cursor(options: SyncOptions) -> str:
    """The default sync has one feed cursor; a filtered one (kinds, dates) keeps its own, so
    entries it skips are still seen by the next unfiltered run: no gaps."""
    default = options.since is None and options.until is None and options.kinds == DEFAULT_KINDS
    return FEED_CURSOR if default else f"{FEED_CURSOR}:{_options_key(options)}"


class SyncEngine:
    def __init__(
        self,
        store: Store,
        odata: ODataClient,
        feed: SyncFeedClient,
        koop: KoopClient | None = None,
        *,
        parse: docs.Parser = docs.default_parser,
        checkpoint: Callable[[str], None] = lambda where: None,
        progress: Callable[[str, SyncReport], None] = lambda phase, report: None,
    ) -> None:
        self.store = store
        self.odata = odata
        self.feed = feed
        self.koop = koop
        self.parse = parse
        self.checkpoint = checkpoint
        self.progress = progress

    def run(self, options: SyncOptions) -> SyncReport:
        report = SyncReport(dry_run=options.dry_run)
        if options.reparse_failed and not options.dry_run:
            self._reparse_failed(report)
        if not options.dry_run:
            self._retry_failed_fetches(report)
        if options.since is not None:
            self._backfill(options, report)
        if options.feed:
            self._follow_feed(options, report)
            self._follow_zaak_feed(options, report)
        if options.koop_search and self.koop is not None:
            self._search_koop(options, report)
        return report

    # -- phase 1: OData listing -------------------------------------------------------
    def _backfill(self, options: SyncOptions, report: SyncReport) -> None:
        name = _backfill_cursor(options)
        cursor = state.get_cursor(self.store, name)
        if cursor == DONE:
            return
        if cursor:
            pages = self.odata.documents(cursor)
        else:
            pages = self.odata.documents(
                *self.odata.document_query(options.kinds, options.since, options.until)
            )
        for page in pages:
            self.checkpoint("odata-page")
            records = [document_from_odata(v) for v in page.values]
            report.pages += 1
            self.progress("backfill", report)
            changed: list[Pending] = [
                (r, r.gewijzigd_op, None)
                for r in records
                if self._is_new(r.id, r.gewijzigd_op) and options.wants(r.soort, r.datum)
            ]
            report.seen += len(records)
            self._apply(changed, [], name, page.next_link or DONE, options, report)

    # -- phase 2: SyncFeed -------------------------------------------------------------
    def _follow_feed(self, options: SyncOptions, report: SyncReport) -> None:
        cursor_name = feed_cursor(options)
        token = state.get_cursor(self.store, cursor_name)
        for page in self.feed.pages("Document", token):
            self.checkpoint("feed-page")
            report.pages += 1
            self.progress("documents", report)
            report.seen += len(page.entries)
            latest = _latest_per_entity(page.entries)
            deleted = [e for e in latest if e.deleted]
            wanted = [e for e in latest if not e.deleted and self._wanted(e, options)]
            details = [
                self._detail(e, options) for e in wanted if self._is_new(e.entity_id, e.updated)
            ]
            resume = page.resume_token or token
            self._apply(
                [d for d in details if d is not None],
                deleted,
                cursor_name,
                resume,
                options,
                report,
            )
            token = resume

    def _follow_zaak_feed(self, options: SyncOptions, report: SyncReport) -> None:
        """Changes of zaken we know (status such as withdrawal, new co-signers)."""
        token = state.get_cursor(self.store, ZAAK_CURSOR)
        for page in self.feed.pages("Zaak", token):
            self.checkpoint("zaak-page")
            report.pages += 1
            self.progress("zaken", report)
            report.seen += len(page.entries)
            known = [
                e
                for e in _latest_per_entity(page.entries)
                if not e.deleted and self._zaak_is_new(e.entity_id, e.updated)
            ]
            if options.dry_run:
                report.would_fetch.extend(e.entity_id for e in known)
                continue
            zaken = [z for z in (self._zaak(e.entity_id, report) for e in known) if z is not None]
            resume = page.resume_token or token
            with self.store.transaction():
                for zaak in zaken:
                    docs.write_zaak(self.store, zaak)
                    report.count("zaak_updated")
                if resume:
                    state.set_cursor(self.store, ZAAK_CURSOR, resume)
                self.checkpoint("zaak-commit")
            token = resume

    def _zaak(self, tk_id: str, report: SyncReport) -> TkZaak | None:
        """A changed Zaak; one that cannot be fetched is reported and skipped (its next
        change, or a change of one of its documents, brings it in)."""
        try:
            return self.odata.zaak(tk_id)
        except SourceError:
            report.failed.append(f"zaak {tk_id}")
            return None

    def _zaak_is_new(self, tk_id: str, updated: str) -> bool:
        row = state.zaak_for_id(self.store, tk_id)
        return row is not None and (not updated or row.gewijzigd_op < updated)

    def _wanted(self, entry: FeedEntry, options: SyncOptions) -> bool:
        if entry.category not in ("document", ""):
            return False
        if not entry.soort:  # the feed did not say: decide on the detail record
            return True
        return options.wants(entry.soort, parse_date(entry.datum))

    def _detail(self, entry: FeedEntry, options: SyncOptions) -> Pending | None:
        """The full record of a changed document; None when it is gone or not wanted.

        A detail that cannot be fetched now is recorded as ``fetch_failed`` (retried on the
        next run) instead of stopping the feed.
        """
        nummer = entry.fields.get("documentNummer")
        stub = TkDocument(
            id=entry.entity_id, nummer=nummer, soort=entry.soort, gewijzigd_op=entry.updated
        )
        if options.dry_run:
            return stub, entry.updated, None
        self.checkpoint("detail")
        try:
            tk = self.odata.document(entry.entity_id)
        except NotFoundError:
            return None
        except SourceError as err:
            return stub, entry.updated, f"detail: {err}"
        if not options.wants(tk.soort, tk.datum):
            return None
        return tk, entry.updated, None

    def _is_new(self, tk_id: str, updated: str) -> bool:
        row = state.get_document(self.store, tk_id)
        return row is None or not updated or row.gewijzigd_op < updated

    # -- writing a page ----------------------------------------------------------------
    def _apply(
        self,
        changed: list[Pending],
        deleted: Iterable[FeedEntry],
        cursor_name: str,
        cursor_value: str | None,
        options: SyncOptions,
        report: SyncReport,
    ) -> None:
        if options.dry_run:
            report.would_fetch.extend(t.nummer or t.id for t, _, _ in changed)
            return
        fetched = []
        for tk, updated, error in changed:
            self.checkpoint("file")
            if error is not None:
                fetched.append(docs.Fetched(tk=tk, updated=updated, fetch_error=error))
            else:
                fetched.append(docs.fetch_document(tk, updated, self.odata, self.koop))
        report.fetched += len(fetched)
        with self.store.transaction():
            for item in fetched:
                self._write(item, report)
                self.checkpoint("write")
            for entry in deleted:
                if docs.tombstone(self.store, entry.entity_id, entry.updated):
                    report.deleted += 1
            if cursor_value:
                state.set_cursor(self.store, cursor_name, cursor_value)
            self.checkpoint("commit")

    def _reparse_failed(self, report: SyncReport) -> None:
        """Kept files that failed to parse are parsed again (no network needed)."""
        for failure in state.failures(self.store):
            with self.store.transaction():
                outcome = docs.reparse_failure(self.store, failure.source_id, self.parse)
            if outcome is not None:
                report.count(f"reparsed_{outcome}")

    def _retry_failed_fetches(self, report: SyncReport) -> None:
        """Documents whose file could not be fetched last time get another chance."""
        for tk_id in state.document_ids_with_status(self.store, "fetch_failed"):
            try:
                tk = self.odata.document(tk_id)
            except NotFoundError:
                with self.store.transaction():
                    docs.tombstone(self.store, tk_id, "")
                continue
            except SourceError:
                report.failed.append(tk_id)
                continue
            item = docs.fetch_document(tk, tk.gewijzigd_op, self.odata, self.koop)
            with self.store.transaction():
                self._write(item, report)

    def _write(self, item: docs.Fetched, report: SyncReport) -> None:
        outcome = docs.write_fetched(self.store, item, self.parse)
        report.count(outcome)
        if outcome in ("failed", "fetch_failed"):
            report.failed.append(item.tk.nummer or item.tk.id)

    # -- phase 3: KOOP SRU -------------------------------------------------------------
    def _search_koop(self, options: SyncOptions, report: SyncReport) -> None:
        assert self.koop is not None
        cursor = state.get_cursor(self.store, KOOP_CURSOR)
        since = date.fromisoformat(cursor) if cursor else options.since
        if since is None:
            return
        for page in self.koop.search_modified(since, options.until):
            self.checkpoint("sru-page")
            report.pages += 1
            self.progress("koop", report)
            report.seen += len(page.records)
            todo = [r for r in page.records if self._koop_is_new(r)]
            if options.dry_run:
                report.would_fetch.extend(r.koop_id for r in todo)
                continue
            fetched = [(r, self._fetch_koop(r)) for r in todo]
            newest = max([r.modified[:10] for r in page.records if r.modified] or [cursor or ""])
            with self.store.transaction():
                for record, publication in fetched:
                    report.count(self._write_koop(record, publication))
                if newest:
                    state.set_cursor(self.store, KOOP_CURSOR, newest)

    def _koop_is_new(self, record: SruRecord) -> bool:
        if state.documents_with_koop_id(self.store, record.koop_id):
            return False
        known = state.get_koop(self.store, record.koop_id)
        return known is None or known[0] < record.modified

    def _fetch_koop(self, record: SruRecord) -> tuple[str, bytes] | None:
        assert self.koop is not None
        try:
            publication = self.koop.publication(record.koop_id)
        except SourceError:
            return None
        return publication.format, publication.data

    def _write_koop(self, record: SruRecord, publication: tuple[str, bytes] | None) -> str:
        if publication is None:
            state.save_koop(self.store, record.koop_id, "", None, "fetch_failed")
            return "fetch_failed"
        fmt, data = publication
        sha = hashlib.sha256(data).hexdigest()
        name = f"koop/{record.koop_id}.{fmt}"
        try:
            doc = self.parse(data, name)
        except Exception as exc:  # kept and reported, never blocking
            state.record_failure(self.store, record.koop_id, sha, data, str(exc), name)
            state.save_koop(self.store, record.koop_id, record.modified, None, "failed")
            return "failed"
        doc.metadata.identifiers.koop = doc.metadata.identifiers.koop or record.koop_id
        doc.id = doc.metadata.identifiers.koop
        outcome = self.store.upsert_document(doc, source_bytes_sha256=sha)
        state.save_koop(self.store, record.koop_id, record.modified, doc.id, "parsed")
        return outcome


def _latest_per_entity(entries: list[FeedEntry]) -> list[FeedEntry]:
    """One entry per entity (the last one on the page), in page order."""
    last = {e.entity_id: i for i, e in enumerate(entries)}
    return [e for i, e in enumerate(entries) if last[e.entity_id] == i]
