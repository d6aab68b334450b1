"""Safe access to the parts of a DOCX (OOXML) package: size limits and XML without entities."""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Any

from lxml import etree

from kamerqa.errors import KamerqaInputError

MAX_PART_BYTES = 64 * 1024 * 1024
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 200
MAX_MEMBERS = 5000
DOCUMENT_PART = "word/document.xml"

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{" + W_NS + "}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    huge_tree=False,
    load_dtd=False,
    dtd_validation=False,
    remove_comments=True,
    remove_pis=True,
)


_READ_ERRORS = (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError)


class Package:
    """The zip container of a DOCX, checked against zip bombs before anything is read."""

    def __init__(self, data: bytes) -> None:
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
            raise KamerqaInputError(f"not a readable DOCX (bad zip: {exc})") from None
        _check_members(infos)
        self._names = {info.filename for info in infos}
        self.main = DOCUMENT_PART if DOCUMENT_PART in self._names else self._main_from_rels()
        if self.main not in self._names:
            raise KamerqaInputError("not a Word document (the zip has no word/document.xml)")

    def _main_from_rels(self) -> str:
        """The main document part named in _rels/.rels (some tools call it document2.xml)."""
        rels = self.xml("_rels/.rels") if self.has("_rels/.rels") else None
        for rel in rels.iter() if rels is not None else ():
            if str(rel.get("Type", "")).endswith("/officeDocument"):
                return str(rel.get("Target", "")).lstrip("/")
        return DOCUMENT_PART

    @property
    def names(self) -> set[str]:
        return set(self._names)

    def has(self, name: str) -> bool:
        return name in self._names

    def read(self, name: str) -> bytes:
        """The bytes of one part, never more than MAX_PART_BYTES whatever the header claims."""
        try:
            with self._zip.open(name) as handle:
                data = handle.read(MAX_PART_BYTES + 1)
        except (
            zipfile.BadZipFile,
            zlib.error,
            OSError,
            ValueError,
            EOFError,
            NotImplementedError,
        ) as exc:
            raise KamerqaInputError(f"corrupt DOCX part {name} ({exc})") from None
        except RuntimeError as exc:  # encrypted member
            raise KamerqaInputError(f"cannot read DOCX part {name} ({exc})") from None
        if len(data) > MAX_PART_BYTES:
            raise KamerqaInputError(f"DOCX part {name} is too large (possible zip bomb)")
        return data

    def xml(self, name: str) -> Any | None:
        """The parsed root element of a part, or None when the part is absent."""
        if not self.has(name):
            return None
        return parse_xml(self.read(name), name)


def _check_members(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise KamerqaInputError("the DOCX has too many parts (possible zip bomb)")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise KamerqaInputError("the DOCX is encrypted or password protected")
        total += info.file_size
        if info.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES:
            raise KamerqaInputError("the DOCX unpacks to too much data (possible zip bomb)")
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(1, info.compress_size):
            raise KamerqaInputError("the DOCX has an extreme compression ratio (possible zip bomb)")


# "Strict Open XML" documents use other namespace names for the same vocabulary
_STRICT_NAMESPACES = (
    (b"http://purl.oclc.org/ooxml/wordprocessingml/main",
     b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
    (b"http://purl.oclc.org/ooxml/officeDocument/relationships",
     b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
    (b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing",
     b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
    (b"http://purl.oclc.org/ooxml/drawingml/main",
     b"http://schemas.openxmlformats.org/drawingml/2006/main"),
)  # fmt: skip


def parse_xml(data: bytes, name: str) -> Any:
    """Parse one XML part without DTDs, entities or network access."""
    if b"<!ENTITY" in data[:4096]:
        raise KamerqaInputError(f"DOCX part {name} declares XML entities (refused)")
    if b"purl.oclc.org/ooxml" in data[:4096]:
        for strict, transitional in _STRICT_NAMESPACES:
            data = data.replace(strict, transitional)
    try:
        return etree.fromstring(data, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        raise KamerqaInputError(f"DOCX part {name} is not well-formed XML ({exc})") from None


def attr(element: Any, name: str, default: str = "") -> str:
    """A w:-namespaced attribute of ``element`` (or ``default``)."""
    if element is None:
        return default
    value = element.get(W + name)
    return default if value is None else str(value)


def is_on(element: Any) -> bool | None:
    """The value of an OOXML on/off property element (w:b, w:i): None when absent."""
    if element is None:
        return None
    return attr(element, "val", "true").lower() not in ("0", "false", "off", "none")
