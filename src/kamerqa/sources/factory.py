"""Wire clients and engine from settings (CLI options, environment variables)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from kamerqa.sources.engine import SyncEngine
from kamerqa.sources.http import Fetcher
from kamerqa.sources.koop import DEFAULT_KOOP_URL, DEFAULT_SRU_URL, KoopClient
from kamerqa.sources.odata import DEFAULT_ODATA_URL, ODataClient
from kamerqa.sources.syncfeed import DEFAULT_FEED_URL, SyncFeedClient
from kamerqa.store import Store


@dataclass
class SourceSettings:
    base_url: str = DEFAULT_ODATA_URL
    feed_url: str | None = None
    koop_url: str | None = DEFAULT_KOOP_URL
    sru_url: str = DEFAULT_SRU_URL
    timeout: float = 30.0
    min_interval: float = 0.2

    def resolved_feed_url(self) -> str:
        """The SyncFeed base: given, or ``/SyncFeed/2.0/`` on the OData host."""
        if self.feed_url:
            return self.feed_url
        if self.base_url == DEFAULT_ODATA_URL:
            return DEFAULT_FEED_URL
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}/SyncFeed/2.0/"


def check_url(url: str, what: str) -> str:
    """An absolute http(s) URL, or ValueError naming the option."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{what}: {url!r} is not an http(s) URL")
    return url


def build_engine(store: Store, settings: SourceSettings) -> tuple[SyncEngine, Fetcher]:
    check_url(settings.base_url, "--base-url")
    check_url(settings.resolved_feed_url(), "--feed-url")
    check_url(settings.sru_url, "--sru-url")
    if settings.koop_url:
        check_url(settings.koop_url, "--koop-url")
    fetcher = Fetcher(timeout=settings.timeout, min_interval=settings.min_interval)
    koop = KoopClient(fetcher, settings.koop_url, settings.sru_url) if settings.koop_url else None
    engine = SyncEngine(
        store,
        ODataClient(fetcher, settings.base_url),
        SyncFeedClient(fetcher, settings.resolved_feed_url()),
        koop,
    )
    return engine, fetcher
