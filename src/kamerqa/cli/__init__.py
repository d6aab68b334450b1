"""The kamerqa command line: a thin Typer adapter over the library.

Each verb lives in its own module with a ``register(app)`` function; modules not present in a
build are skipped, so verbs can be added without touching this file.
"""

from __future__ import annotations

import importlib
import os
import sys

import typer

from kamerqa import __version__
from kamerqa.errors import KamerqaError

app = typer.Typer(
    name="kamerqa",
    help="Dutch parliamentary written questions and answers: parse, store, search, serve, draft.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

COMMAND_MODULES = (
    "parse_cmd",
    "store_cmds",
    "serve_cmd",
    "sync_cmd",
    "draft_cmds",
    "render_cmd",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kamerqa {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True),
) -> None:
    """kamerqa: questions and answers of the Tweede Kamer as structured data."""


def _register_commands() -> None:
    for name in COMMAND_MODULES:
        module_name = f"kamerqa.cli.{name}"
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue
            raise
        module.register(app)


_register_commands()


def main() -> None:
    """Console entry point: never a traceback for kamerqa's own errors."""
    try:
        app()
    except KamerqaError as err:
        typer.echo(f"kamerqa: {err}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("kamerqa: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug of ours: one line for the user, the trace on request
        if os.environ.get("KAMERQA_DEBUG"):
            raise
        typer.echo(
            f"kamerqa: internal error ({type(exc).__name__}: {exc}); "
            "set KAMERQA_DEBUG=1 for the traceback and please report it",
            err=True,
        )
        sys.exit(3)
