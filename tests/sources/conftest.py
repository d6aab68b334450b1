"""Fixtures of the sync tests: the replay server, a store, an engine wired to both."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kamerqa.sources.engine import SyncEngine
from kamerqa.sources.koop import KoopClient
from kamerqa.sources.odata import ODataClient
from kamerqa.sources.syncfeed import SyncFeedClient
from kamerqa.store import Store, open_store

from .helpers import RecordingSleep, fake_parse, make_fetcher
from .replay import FEED, KOOP, ODATA, SRU, Replay, ReplayServer, World


@pytest.fixture
def world() -> World:
    return World.load()


@pytest.fixture
def server(world: World) -> Iterator[ReplayServer]:
    with ReplayServer(Replay(world)) as running:
        yield running


@pytest.fixture
def replay(server: ReplayServer) -> Replay:
    return server.replay


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(tmp_path / "sync.db")
    yield opened
    opened.close()


@pytest.fixture
def sleeps() -> RecordingSleep:
    return RecordingSleep()


EngineFactory = Callable[..., SyncEngine]


@pytest.fixture
def make_engine(server: ReplayServer, sleeps: RecordingSleep) -> EngineFactory:
    def build(store: Store, **kwargs: object) -> SyncEngine:
        fetcher = make_fetcher(sleeps, timeout=float(kwargs.pop("timeout", 5.0)))  # type: ignore[arg-type]
        return SyncEngine(
            store,
            ODataClient(fetcher, server.url + ODATA),
            SyncFeedClient(fetcher, server.url + FEED),
            KoopClient(fetcher, server.url + KOOP, server.url + SRU),
            parse=kwargs.pop("parse", fake_parse),  # type: ignore[arg-type]
            **kwargs,  # type: ignore[arg-type]
        )

    return build
