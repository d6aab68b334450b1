"""KOOP (officielebekendmakingen.nl / repository.overheid.nl): publications, metadata, SRU.

``publication(id)`` tries the XML rendition first (best structure), then HTML, then PDF.
``search_modified`` pages an SRU 2.0 ``searchRetrieve`` over ``dt.modified`` following the
``nextRecordPosition`` the server returns. Elements are matched by local name.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote, urljoin

import httpx
from lxml import etree

from kamerqa.sources.http import Fetcher, NotFoundError, raw_body

DEFAULT_KOOP_URL = "https://zoek.officielebekendmakingen.nl/"
DEFAULT_SRU_URL = "https://repository.overheid.nl/sru"
KAMERVRAGEN_PUBLICATION = "Kamervragen (Aanhangsel)"
RENDITIONS = ("xml", "html", "pdf")


@dataclass(frozen=True)
class Publication:
    koop_id: str
    format: str
    data: bytes


@dataclass(frozen=True)
class SruRecord:
    koop_id: str
    modified: str
    publication: str
    title: str


@dataclass(frozen=True)
class SruPage:
    records: list[SruRecord]
    next_position: int | None


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _xml(data: bytes) -> etree._Element:
    try:
        return etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"incomplete XML: {exc}") from exc


def _first_text(element: etree._Element, local: str) -> str:
    for node in element.iter():
        if isinstance(node.tag, str) and node.tag.rsplit("}", 1)[-1] == local:
            return (node.text or "").strip()
    return ""


def _children(element: etree._Element, local: str) -> list[etree._Element]:
    return [
        node
        for node in element.iter()
        if isinstance(node.tag, str) and node.tag.rsplit("}", 1)[-1] == local
    ]


def parse_sru(data: bytes) -> SruPage:
    root = _xml(data)
    records = []
    for record in _children(root, "recordData"):
        koop_id = _first_text(record, "identifier")
        if koop_id:
            records.append(
                SruRecord(
                    koop_id=koop_id,
                    modified=_first_text(record, "modified"),
                    publication=_first_text(record, "publicatienaam"),
                    title=_first_text(record, "title"),
                )
            )
    position = _first_text(root, "nextRecordPosition")
    return SruPage(records=records, next_position=int(position) if position.isdigit() else None)


def sru_query(since: date, until: date | None, publication: str) -> str:
    parts = [
        "c.product-area==officielepublicaties",
        f'w.publicatienaam=="{publication}"',
        f"dt.modified>={since.isoformat()}",
    ]
    if until is not None:
        parts.append(f"dt.modified<{until.isoformat()}")
    return " and ".join(parts) + " sortBy dt.modified/sort.ascending"


class KoopClient:
    def __init__(
        self, fetcher: Fetcher, base_url: str = DEFAULT_KOOP_URL, sru_url: str = DEFAULT_SRU_URL
    ) -> None:
        self.fetcher = fetcher
        self.base_url = base_url.rstrip("/") + "/"
        self.sru_url = sru_url

    def rendition(self, koop_id: str, fmt: str) -> bytes:
        url = urljoin(self.base_url, f"{quote(koop_id)}.{fmt}")
        validate = _complete_xml if fmt == "xml" else raw_body()
        return self.fetcher.get(url, validate=validate)

    def publication(self, koop_id: str) -> Publication:
        """The best available rendition; NotFoundError when none exists."""
        for fmt in RENDITIONS:
            try:
                return Publication(koop_id, fmt, self.rendition(koop_id, fmt))
            except NotFoundError:
                continue
        raise NotFoundError(f"{koop_id}: no XML, HTML or PDF rendition", 404)

    def metadata(self, koop_id: str) -> bytes:
        url = urljoin(self.base_url, f"{quote(koop_id)}/metadata.xml")
        return self.fetcher.get(url, validate=_complete_xml)

    def search_modified(
        self,
        since: date,
        until: date | None = None,
        publication: str = KAMERVRAGEN_PUBLICATION,
        page_size: int = 100,
    ) -> Iterator[SruPage]:
        params = {
            "operation": "searchRetrieve",
            "version": "2.0",
            "recordSchema": "gzd",
            "maximumRecords": str(page_size),
            "query": sru_query(since, until, publication),
        }
        seen: set[int] = set()
        while True:
            page = self.fetcher.get(self.sru_url, params=params, validate=_sru_page)
            yield page
            if page.next_position is None or page.next_position in seen:
                return
            seen.add(page.next_position)
            params = {**params, "startRecord": str(page.next_position)}


def _complete_xml(response: httpx.Response) -> bytes:
    _xml(response.content)
    return response.content


def _sru_page(response: httpx.Response) -> SruPage:
    return parse_sru(response.content)
