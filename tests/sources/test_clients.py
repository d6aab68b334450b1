"""HTTP fetcher, OData paging, SyncFeed parsing and KOOP renditions, against stub transports."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime

import httpx
import pytest

from kamerqa.sources.http import Fetcher, NotFoundError, RetryPolicy, SourceError, json_body
from kamerqa.sources.koop import KoopClient, parse_sru, sru_query
from kamerqa.sources.odata import ODataClient
from kamerqa.sources.records import document_from_odata, normalise_timestamp
from kamerqa.sources.syncfeed import SyncFeedClient, parse_feed

from .helpers import RecordingSleep

Handler = Callable[[httpx.Request], httpx.Response]


def _fetcher(handler: Handler, sleep: RecordingSleep, **kwargs: object) -> Fetcher:
    return Fetcher(
        client=httpx.Client(transport=httpx.MockTransport(handler)),
        policy=RetryPolicy(attempts=4, base_delay=1.0, max_delay=8.0),
        sleep=sleep,
        rng=random.Random(1),
        **kwargs,  # type: ignore[arg-type]
    )


def test_retry_after_in_seconds_and_as_an_http_date_are_honoured() -> None:
    answers = iter(
        [
            httpx.Response(429, headers={"Retry-After": "7"}),
            httpx.Response(503, headers={"Retry-After": "Sat, 28 Nov 2026 12:00:30 GMT"}),
            httpx.Response(200, json={"ok": True}),
        ]
    )
    sleep = RecordingSleep()
    fetcher = _fetcher(
        lambda r: next(answers),
        sleep,
        min_interval=0.0,
        now=lambda: datetime(2026, 11, 28, 12, 0, 0, tzinfo=UTC),
    )
    assert fetcher.get("https://x.invalid/a", validate=json_body) == {"ok": True}
    assert sleep.calls == [7.0, 30.0]
    assert fetcher.stats.retries == 2


def test_backoff_grows_exponentially_with_jitter_and_then_gives_up() -> None:
    sleep = RecordingSleep()
    fetcher = _fetcher(lambda r: httpx.Response(500), sleep, min_interval=0.0)
    with pytest.raises(SourceError, match="gave up after 4 attempts"):
        fetcher.get("https://x.invalid/a", validate=json_body)
    assert len(sleep.calls) == 3
    for attempt, slept in enumerate(sleep.calls):
        ceiling = min(8.0, 2.0**attempt)
        assert ceiling / 2 <= slept <= ceiling


def test_not_found_and_client_errors_are_not_retried() -> None:
    sleep = RecordingSleep()
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        return httpx.Response(404 if request.url.path == "/gone" else 400)

    fetcher = _fetcher(handler, sleep, min_interval=0.0)
    with pytest.raises(NotFoundError):
        fetcher.get("https://x.invalid/gone", validate=json_body)
    with pytest.raises(SourceError, match="HTTP 400"):
        fetcher.get("https://x.invalid/bad", validate=json_body)
    assert calls == ["/gone", "/bad"] and sleep.calls == []


def test_a_malformed_body_is_retried_like_a_dropped_connection() -> None:
    bodies = iter([b'{"value": [1, 2', b'{"value": [1, 2]}'])
    sleep = RecordingSleep()
    fetcher = _fetcher(lambda r: httpx.Response(200, content=next(bodies)), sleep, min_interval=0)
    assert fetcher.get("https://x.invalid/a", validate=json_body) == {"value": [1, 2]}
    assert fetcher.stats.retries == 1


def test_the_rate_limit_spaces_requests() -> None:
    now = [100.0]
    sleep = RecordingSleep()

    def fake_sleep(seconds: float) -> None:
        sleep(seconds)
        now[0] += seconds

    fetcher = _fetcher(
        lambda r: httpx.Response(200, json={}),
        fake_sleep,
        min_interval=0.5,
        clock=lambda: now[0],  # type: ignore[arg-type]
    )
    for _ in range(3):
        fetcher.get("https://x.invalid/a", validate=json_body)
        now[0] += 0.1
    assert sleep.calls == pytest.approx([0.4, 0.4])


def test_odata_follows_next_links_exactly_as_given() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if "page2" in str(request.url):
            return httpx.Response(200, json={"value": [{"Id": "b"}]})
        if "$skiptoken" in str(request.url):
            body = {"value": [{"Id": "c"}], "@odata.nextLink": "https://elders.invalid/v5/page2"}
            return httpx.Response(200, json=body)
        body = {"@odata.nextLink": "Document?$skiptoken='x%27y'", "value": [{"Id": "a"}]}
        return httpx.Response(200, json=body)

    client = ODataClient(
        _fetcher(handler, RecordingSleep(), min_interval=0), "https://tk.invalid/OData/v4/2.0"
    )
    url, params = client.document_query(["Schriftelijke vragen", "Vraag 'x'"], date(2026, 1, 1))
    ids = [v["Id"] for page in client.documents(url, params) for v in page.values]
    assert ids == ["a", "c", "b"]
    assert seen[1] == "https://tk.invalid/OData/v4/2.0/Document?$skiptoken='x%27y'"
    assert seen[2] == "https://elders.invalid/v5/page2"
    assert not [u for u in seen if "$skip=" in u or "$top=" in u]
    assert "Soort eq 'Vraag ''x'''" in params["$filter"]
    assert "Datum ge 2026-01-01T00:00:00Z" in params["$filter"]


def test_document_records_read_by_name_whatever_the_key_order() -> None:
    data = {
        "Zaak": [
            {
                "ZaakActor": [
                    {"Relatie": "Indiener", "ActorFractie": "SGP", "ActorNaam": "Stoffer"}
                ],
                "Nummer": "2026Z1",
                "Id": "z",
            }
        ],
        "DocumentVersie": [
            {"Versienummer": 2, "ExterneIdentifier": "ah-tk-20252026-2"},
            {"ExterneIdentifier": "ah-tk-20252026-1", "Versienummer": 1},
        ],
        "Soort": "Een nieuwe soort",
        "Id": "d",
        "GewijzigdOp": "2026-01-02T10:00:00+01:00",
        "Onbekend": {"nieuw": True},
    }
    doc = document_from_odata(data)
    assert doc.koop_id == "ah-tk-20252026-2"
    assert doc.zaken[0].actors[0].party == "SGP"
    assert doc.soort == "Een nieuwe soort"
    assert doc.gewijzigd_op == normalise_timestamp("2026-01-02T09:00:00Z")


FEED = b"""<?xml version="1.0"?>
<feed xmlns="http://www.w3.org/2005/Atom">
 <link href="Feed?skiptoken=99&amp;category=Document" rel="next"/>
 <entry><title>11111111-0000-4000-8000-000000000001</title>
  <updated>2026-01-01T10:00:00Z</updated><category term="Document"/>
  <link rel="next" href="https://x.invalid/Feed?skipToken=41"/>
  <content type="application/xml"><tk:document xmlns:tk="urn:tk" tk:verwijderd="true"
    tk:id="11111111-0000-4000-8000-000000000001" tk:bijgewerkt="2026-01-01T11:00:00+01:00">
    <tk:soort>Schriftelijke vragen</tk:soort><tk:zaak ref="zz"/></tk:document></content></entry>
</feed>"""


def test_feed_pages_are_read_by_local_name_with_deletions_and_tokens() -> None:
    page = parse_feed(FEED, "https://x.invalid/SyncFeed/2.0/Feed?category=Document")
    (entry,) = page.entries
    assert entry.deleted and entry.category == "document" and entry.soort == "Schriftelijke vragen"
    assert entry.fields["zaak"] == "zz"
    assert entry.updated == normalise_timestamp("2026-01-01T10:00:00Z")
    assert page.next_link == "https://x.invalid/SyncFeed/2.0/Feed?skiptoken=99&category=Document"
    assert page.resume_token == "99" and entry.next_token == "41"
    with pytest.raises(ValueError, match="complete"):
        parse_feed(FEED[:200], "https://x.invalid/")


def test_feed_start_url_carries_category_and_skiptoken() -> None:
    client = SyncFeedClient(
        _fetcher(lambda r: httpx.Response(200), RecordingSleep()), "https://h.invalid/SyncFeed/2.0"
    )
    assert (
        client.start_url("Document", None)
        == "https://h.invalid/SyncFeed/2.0/Feed?category=Document"
    )
    assert client.start_url("Document", "123").endswith("Feed?category=Document&skiptoken=123")


def test_koop_falls_back_from_xml_to_html_to_pdf() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith(".pdf"):
            return httpx.Response(200, content=b"%PDF-1.7 ...")
        return httpx.Response(404)

    koop = KoopClient(_fetcher(handler, RecordingSleep(), min_interval=0), "https://koop.invalid")
    publication = koop.publication("kst-36600-X-15")
    assert (publication.format, publication.data) == ("pdf", b"%PDF-1.7 ...")
    with pytest.raises(NotFoundError):
        KoopClient(
            _fetcher(lambda r: httpx.Response(404), RecordingSleep()), "https://k.invalid"
        ).publication("x")


def test_sru_pages_and_query() -> None:
    page = parse_sru(
        b'<r xmlns:d="urn:d"><recordData><d:identifier>ah-tk-20252026-3</d:identifier>'
        b"<d:modified>2026-01-03</d:modified></recordData><nextRecordPosition>11</nextRecordPosition></r>"
    )
    assert [(r.koop_id, r.modified) for r in page.records] == [("ah-tk-20252026-3", "2026-01-03")]
    assert page.next_position == 11
    query = sru_query(date(2026, 1, 1), date(2026, 2, 1), "Kamervragen (Aanhangsel)")
    assert 'w.publicatienaam=="Kamervragen (Aanhangsel)"' in query
    assert "dt.modified>=2026-01-01 and dt.modified<2026-02-01" in query
