"""`kamerqa serve` (production: uvicorn worker processes) and `kamerqa demo` (examples + UI)."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

import typer

from kamerqa.store import open_store

DB_HELP = "SQLite file path or postgresql:// URL (default ./kamerqa.db; env KAMERQA_DB)."


def examples_dir() -> Path:
    """The folder of example documents shipped inside the package."""
    return Path(str(files("kamerqa") / "examples"))


def serve(
    db: str | None = typer.Option(None, "--db", envvar="KAMERQA_DB", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", help="Interface to listen on (0.0.0.0 for all)."),
    port: int = typer.Option(8000, help="TCP port."),
    workers: int = typer.Option(
        max(2, os.cpu_count() or 1), help="Worker processes (each opens its own store)."
    ),
    forwarded_allow_ips: str = typer.Option(
        "127.0.0.1",
        envvar="FORWARDED_ALLOW_IPS",
        help="Proxies whose X-Forwarded-* headers are trusted (comma-separated, or *).",
    ),
) -> None:
    """Serve the web UI, the JSON API and the feeds with several worker processes."""
    import uvicorn

    target = db or os.environ.get("KAMERQA_DB") or "kamerqa.db"
    open_store(target).close()  # create and migrate once, before the workers start
    os.environ["KAMERQA_DB"] = target
    typer.echo(f"kamerqa: serving {target} on http://{host}:{port}/ with {workers} workers")
    uvicorn.run(
        "kamerqa.api.app:create_app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        forwarded_allow_ips=forwarded_allow_ips,
        log_level="info",
    )


def demo(
    db: str = typer.Option("kamerqa.db", "--db", help="Where to build the demo store."),
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = typer.Option(8000, help="TCP port."),
    build_only: bool = typer.Option(False, "--build-only", help="Build the store, do not serve."),
) -> None:
    """Build a store from the bundled example documents and serve the UI on localhost."""
    import uvicorn

    from kamerqa.api.app import create_app

    store = open_store(db)
    report = store.ingest_paths([examples_dir()], workers=1)
    for failure in report.failed:
        typer.echo(f"kamerqa: skipped {Path(failure.path).name}: {failure.reason}", err=True)
    typer.echo(
        f"kamerqa demo: {report.files} example documents: {report.inserted} inserted, "
        f"{report.updated} updated, {report.unchanged} unchanged, {len(report.failed)} skipped"
    )
    if build_only:
        store.close()
        return
    typer.echo(f"kamerqa demo: open http://{host}:{port}/  (Ctrl+C stops)")
    app = create_app(store=store, warm_up=True)
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning")
    finally:
        store.close()


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("demo")(demo)
