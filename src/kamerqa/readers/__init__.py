"""Format readers: bytes in, blocks out. The format is detected from content, not the name."""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable

from kamerqa.errors import KamerqaInputError
from kamerqa.readers.blocks import Block, Note, ReadResult

__all__ = ["MAX_INPUT_BYTES", "Block", "Note", "ReadResult", "detect_format", "read_bytes"]

MAX_INPUT_BYTES = 200 * 1024 * 1024
Reader = Callable[[bytes], ReadResult]
_READER_MODULES = {
    "text": "kamerqa.readers.text",
    "docx": "kamerqa.readers.docx",
    "pdf": "kamerqa.readers.pdf",
    "html": "kamerqa.readers.html",
    "xml": "kamerqa.readers.xml",
}
_XML_DECL = re.compile(rb"^\s*<\?xml", re.IGNORECASE)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)


def _ascii_head(data: bytes) -> bytes:
    """The first bytes as ASCII-compatible bytes (UTF-16 with a BOM is decoded first)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        text = data[:4096].decode("utf-16", errors="ignore")
        return text.encode("utf-8", errors="ignore")[:2048]
    return data[:2048].lstrip(b"\xef\xbb\xbf")


def detect_format(data: bytes, name: str = "") -> str:
    """Name the format of ``data``: text, docx, pdf, html or xml. Raises on unusable bytes."""
    head = _ascii_head(data)
    if not data.strip():
        raise KamerqaInputError("the file is empty")
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        return "docx"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise KamerqaInputError("this is an old binary Word (.doc) file; save it as .docx")
    if _HTML_START.match(head):
        return "html"
    if _XML_DECL.match(head) or head.lstrip().startswith(b"<"):
        return "html" if re.search(rb"<html\b", head, re.I) else "xml"
    return "text"


def reader_for(fmt: str) -> Reader:
    module_name = _READER_MODULES.get(fmt)
    if module_name is None:
        raise KamerqaInputError(f"unsupported format {fmt!r}")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            raise KamerqaInputError(f"reading {fmt} is not supported yet") from None
        raise
    read: Reader = module.read
    return read


def read_bytes(data: bytes, name: str = "") -> ReadResult:
    """Read ``data`` in whatever format it is into blocks."""
    if len(data) > MAX_INPUT_BYTES:
        raise KamerqaInputError(f"the file is larger than {MAX_INPUT_BYTES // 2**20} MB")
    return reader_for(detect_format(data, name))(data)
