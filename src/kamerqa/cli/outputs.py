"""Reading command input and writing output files: every problem is one line naming the file.

Shared by the verbs that take files and ``-o`` (parse, render, draft); not a verb itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kamerqa import read_input_file
from kamerqa.errors import KamerqaInputError

STDIN = "-"


def read_input(path: Path) -> bytes:
    """The bytes of ``path``, or of standard input for ``-``; problems name the file."""
    if str(path) == STDIN:
        data = sys.stdin.buffer.read()
        if not data:
            raise KamerqaInputError("nothing on standard input", STDIN)
        return data
    return read_input_file(path)


def _problem(exc: OSError, target: Path) -> str:
    if isinstance(exc, IsADirectoryError):
        return "is a folder; give a file name after -o"
    if isinstance(exc, FileNotFoundError):
        return f"cannot write here: no folder {target.parent}"
    if isinstance(exc, NotADirectoryError):
        return f"cannot write here: {target.parent} is not a folder"
    if isinstance(exc, PermissionError):
        return "cannot write here: permission denied"
    return f"cannot write: {exc.strerror or exc}"


def format_for(fmt: str | None, target: Path | None, default: str) -> str:
    """The --format given, else the one the -o file's extension names, else ``default``."""
    if fmt:
        return fmt
    from kamerqa.render import RENDERERS

    by_extension = {ext: name for name, (_, ext) in RENDERERS.items()}
    by_extension |= {".markdown": "md", ".yaml": "yaml", ".yml": "yaml"}
    if target is not None and not target.is_dir():
        return by_extension.get(target.suffix.lower(), default)
    return default


def write_output(data: str | bytes, target: Path) -> None:
    """Write ``data`` (text as UTF-8) to ``target``, or raise a one-line input error."""
    try:
        if isinstance(data, bytes):
            target.write_bytes(data)
        else:
            target.write_text(data, encoding="utf-8")
    except OSError as exc:
        raise KamerqaInputError(_problem(exc, target), str(target)) from None


def output_folder(target: Path) -> Path:
    """Create (if needed) the folder ``-o`` names for several outputs."""
    if target.exists() and not target.is_dir():
        raise KamerqaInputError(
            "exists and is not a folder; several inputs need -o FOLDER", str(target)
        )
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KamerqaInputError(
            f"cannot create the folder: {exc.strerror or exc}", str(target)
        ) from None
    return target
