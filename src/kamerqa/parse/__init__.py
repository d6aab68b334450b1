"""Genre detection and genre parsers over reader blocks. Pure: bytes in, Document out."""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable

from kamerqa.errors import KamerqaInputError
from kamerqa.model import Document, Source
from kamerqa.readers import ReadResult, read_bytes

__all__ = ["parse_bytes", "parse_read_result"]

_GENRE_MODULES = {
    "schriftelijk_overleg": "kamerqa.parse.schriftelijk_overleg",
    "kamervragen": "kamerqa.parse.kamervragen",
    "lijst_van_vragen": "kamerqa.parse.lijst",
    "nota_naar_aanleiding_van_verslag": "kamerqa.parse.nota",
}


def _genre_parser(genre: str) -> Callable[[ReadResult, Document], Document]:
    parser: Callable[[ReadResult, Document], Document] = importlib.import_module(
        _GENRE_MODULES[genre]
    ).parse
    return parser


POSTPONEMENT_WARNING = "postponement notice"


def is_postponement_notice(document: Document) -> bool:
    """A Mededeling uitstel: a real document of the kamervragen process that may hold no Q&A."""
    return any(w.startswith(POSTPONEMENT_WARNING) for w in document.warnings)


def parse_read_result(read: ReadResult, source: Source) -> Document:
    """Detect the genre of ``read`` and parse it into a kamerqa/1 Document."""
    from kamerqa.parse.genre import detect_genre

    genre = detect_genre(read)
    if genre == "unknown":
        raise KamerqaInputError("not a question-and-answer document (no genre recognised)")
    document = Document(id=source.sha256 or "unknown", genre=genre, source=source)
    document.warnings.extend(read.warnings)
    document = _genre_parser(genre)(read, document)
    if not document.questions and not is_postponement_notice(document):
        raise KamerqaInputError(f"no questions found (read as {genre.replace('_', ' ')})")
    ids = document.metadata.identifiers
    document.id = ids.koop or ids.tk_document or source.sha256
    return document


def parse_bytes(data: bytes, path: str = "") -> Document:
    """Read ``data`` (any supported format) and parse it. Raises KamerqaInputError."""
    try:
        read = read_bytes(data, path)
        source = Source(path=path, format=read.format, sha256=hashlib.sha256(data).hexdigest())
        return parse_read_result(read, source)
    except KamerqaInputError as err:
        raise err.with_path(path) if path else err from None
