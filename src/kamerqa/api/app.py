"""The FastAPI application: JSON API (/api/), Atom feeds (/feeds/) and the web UI.

``create_app(store_url)`` opens the store (SQLite path or postgresql:// URL) and keeps it on
``app.state.store``; ``create_app(store=...)`` uses an already open store (tests, demo). Routers
of other packages (drafting, sync) are included when their modules are present.
"""

from __future__ import annotations

import importlib
import logging
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.staticfiles import StaticFiles

from kamerqa import __version__
from kamerqa.api import feeds, routes
from kamerqa.api.deps import DEFAULT_POOL_SIZE, StorePool
from kamerqa.api.errors import install_error_handlers
from kamerqa.api.guards import DropNul
from kamerqa.api.head import HeadAsGet
from kamerqa.api.security import SecurityHeaders
from kamerqa.store import Store, open_store

OPTIONAL_ROUTERS = ("kamerqa.api.drafting_routes", "kamerqa.api.sync_routes")
STATIC_DIR = Path(__file__).resolve().parent.parent / "web" / "static"
DB_ENV = "KAMERQA_DB"
log = logging.getLogger("kamerqa.api")

DESCRIPTION = """
Read-only access to Dutch parliamentary written questions and answers in the `kamerqa/1` model.

* **Search** uses the same query language as `kamerqa search`: words, `"phrases"`, `OR`,
  `-exclusion`, `prefix*`; filters by party, genre, asker, ministry, committee, dates.
* Every error has one shape: `{"error": {"status": 404, "code": "not_found", "message": "…"}}`.
* Limits: at most 100 results per page, offsets up to 10000, queries up to 500 characters.
"""


def _optional_routers() -> list[APIRouter]:
    found = []
    for name in OPTIONAL_ROUTERS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name == name:
                continue
            raise
        found.append(module.router)
    return found


def _warm_up(pool: StorePool) -> None:
    """Load the similarity model in the background, so the first visitor does not wait."""
    try:
        with pool.borrow() as store:
            store.similar(text="vragen over drones", limit=1)
    except Exception:  # a cold start is only slower; never fail the server for it
        log.warning("warming up similarity failed", exc_info=True)


def create_app(
    store_url: str | None = None,
    *,
    store: Store | None = None,
    pool_size: int = DEFAULT_POOL_SIZE,
    warm_up: bool = False,
) -> FastAPI:
    """The kamerqa web application over the store at ``store_url`` (or the given ``store``).

    ``warm_up`` loads the similarity model in a background thread at start-up (serve, demo).
    """
    owns_store = store is None
    first = store if store is not None else open_store(store_url)
    shareable = owns_store and ":memory:" not in str(store_url or "")
    opener = (lambda: open_store(store_url, migrate=False)) if shareable else None
    pool = StorePool(first, opener, pool_size)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if warm_up:
            threading.Thread(target=_warm_up, args=(pool,), daemon=True).start()
        yield
        pool.close(keep_first=not owns_store)

    app = FastAPI(
        title="kamerqa",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.store = first
    app.state.store_pool = pool
    install_error_handlers(app)
    app.add_middleware(DropNul)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(HeadAsGet)
    app.include_router(routes.router, tags=["api"])
    app.include_router(feeds.router)
    for router in _optional_routers():
        app.include_router(router)
    from kamerqa.web.pages import router as pages_router

    app.include_router(pages_router, include_in_schema=False)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


def create_app_from_env() -> FastAPI:
    """Factory for ``uvicorn --factory`` (one app per worker process): store from $KAMERQA_DB."""
    return create_app(os.environ.get(DB_ENV) or None, warm_up=True)
