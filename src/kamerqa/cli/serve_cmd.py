"""`kamerqa serve` (production: uvicorn worker processes) and `kamerqa demo` (examples + UI)."""

from __future__ import annotations

import errno
import os
import socket
from importlib.resources import files
from pathlib import Path

import typer

from kamerqa.errors import KamerqaInputError
from kamerqa.store import open_store

DB_HELP = "SQLite file path or postgresql:// URL (default ./kamerqa.db; env KAMERQA_DB)."


def examples_dir() -> Path:
    """The folder of example documents shipped inside the package."""
    return Path(str(files("kamerqa") / "examples"))


PORT = typer.Option(8000, "--port", min=1, max=65535, help="TCP port (1-65535).")


def check_can_listen(host: str, port: int) -> None:
    """Refuse, in one line, an address the server could not listen on (before any work)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise KamerqaInputError(f"--host {host!r}: not a usable address ({exc.strerror})") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise KamerqaInputError(
                    f"port {port} on {host} is in use; choose another with --port"
                ) from None
            raise KamerqaInputError(f"cannot listen on {host}:{port}: {exc.strerror}") from None


def serve(
    db: str | None = typer.Option(None, "--db", envvar="KAMERQA_DB", help=DB_HELP),
    host: str = typer.Option("127.0.0.1", help="Interface to listen on (0.0.0.0 for all)."),
    port: int = PORT,
    workers: int = typer.Option(
        max(2, os.cpu_count() or 1), min=1, help="Worker processes (each opens its own store)."
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
    check_can_listen(host, port)
    with open_store(target) as store:  # create and migrate once, before the workers start
        if not store.count_documents():
            typer.echo(
                f"kamerqa: note: {target} holds no documents yet; add some with "
                "`kamerqa ingest PATH` or `kamerqa sync`",
                err=True,
            )
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
    db: str = typer.Option(
        "kamerqa.db",
        "--db",
        help="Where to build the demo store (SQLite file or postgresql:// URL).",
    ),
    host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
    port: int = PORT,
    build_only: bool = typer.Option(False, "--build-only", help="Build the store, do not serve."),
) -> None:
    """Build a store from the bundled example documents and serve the UI on localhost."""
    import uvicorn

    from kamerqa.api.app import create_app

    if not build_only:
        check_can_listen(host, port)
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
