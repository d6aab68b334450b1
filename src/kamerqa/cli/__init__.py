"""The kamerqa command line: a thin Typer adapter over the library.

Each verb lives in its own module with a ``register(app)`` function; modules not present in a
build are skipped, so verbs can be added without touching this file.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import NoReturn

import typer
from typer._click.exceptions import NoArgsIsHelpError, UsageError  # typer's own click

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


def _usage_error_line(err: UsageError) -> str:
    where = err.ctx.command_path if err.ctx else "kamerqa"
    message = " ".join(err.format_message().split())
    return f"{where}: {message} (see '{where} --help')"


def main() -> None:
    """Console entry point: one line per problem, never a traceback for the user."""
    try:
        code = app(standalone_mode=False)
    except NoArgsIsHelpError as err:
        err.show()
        code = 0 if err.ctx is None or err.ctx.parent is None else 2
    except UsageError as err:
        typer.echo(_usage_error_line(err), err=True)
        code = 2
    except KamerqaError as err:
        typer.echo(f"kamerqa: {err}", err=True)
        code = 2
    except (KeyboardInterrupt, typer.Abort):
        typer.echo("kamerqa: interrupted", err=True)
        code = 130
    except OSError as exc:
        if exc.filename is None or os.environ.get("KAMERQA_DEBUG"):
            _internal_error(exc)
        typer.echo(f"kamerqa: {exc.filename}: {exc.strerror or exc}", err=True)
        code = 2
    except Exception as exc:
        _internal_error(exc)
    sys.exit(code if isinstance(code, int) else 0)


def _internal_error(exc: BaseException) -> NoReturn:
    """A bug of ours: one line for the user, the traceback on request."""
    if os.environ.get("KAMERQA_DEBUG"):
        raise exc
    typer.echo(
        f"kamerqa: internal error ({type(exc).__name__}: {exc}); "
        "set KAMERQA_DEBUG=1 for the traceback and please report it",
        err=True,
    )
    sys.exit(3)
