"""kamerqa: Dutch parliamentary written questions and answers as structured open data."""

from __future__ import annotations

from pathlib import Path

from kamerqa.errors import KamerqaError, KamerqaInputError
from kamerqa.model import SCHEMA_VERSION, Answer, Document, Question

__version__ = "0.1.0"
__all__ = [
    "SCHEMA_VERSION",
    "Answer",
    "Document",
    "KamerqaError",
    "KamerqaInputError",
    "Question",
    "parse_bytes",
    "parse_file",
]

MAX_FILE_BYTES = 200 * 1024 * 1024


def parse_bytes(data: bytes, path: str = "") -> Document:
    """Parse a document given as bytes (text, DOCX, PDF, HTML or KOOP XML)."""
    from kamerqa.parse import parse_bytes as _parse

    return _parse(data, path)


def read_input_file(path: str | Path) -> bytes:
    """Read a file for parsing, turning every I/O problem into one clear KamerqaInputError."""
    p = Path(path)
    name = str(path)
    try:
        if p.is_dir():
            raise KamerqaInputError("is a directory, not a file", name)
        if not p.exists():
            raise KamerqaInputError("no such file", name)
        if p.stat().st_size > MAX_FILE_BYTES:
            raise KamerqaInputError(f"larger than {MAX_FILE_BYTES // 2**20} MB", name)
        return p.read_bytes()
    except PermissionError:
        raise KamerqaInputError("permission denied", name) from None
    except OSError as exc:
        raise KamerqaInputError(f"cannot be read ({exc.strerror or exc})", name) from None


def parse_file(path: str | Path) -> Document:
    """Parse the document at ``path``."""
    return parse_bytes(read_input_file(path), str(path))
