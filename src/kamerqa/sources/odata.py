"""A thin client for the Tweede Kamer OData API (Gegevensmagazijn).

Pages are followed through ``@odata.nextLink`` exactly as the service gives them (relative
links are resolved against the page they came from); the client never builds ``$skip``
values and never assumes a page size, key order or host name.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import quote, urljoin

import httpx

from kamerqa.sources.http import Fetcher, json_body, raw_body
from kamerqa.sources.records import TkDocument, TkZaak, document_from_odata, zaak_from_odata

DEFAULT_ODATA_URL = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/"
DETAIL_EXPAND = "DocumentVersie,Zaak($expand=ZaakActor)"
JSON_ACCEPT = "application/json"


@dataclass(frozen=True)
class ODataPage:
    url: str
    values: list[dict[str, Any]]
    next_link: str | None


def _collection(response: httpx.Response) -> dict[str, Any]:
    data = json_body(response)
    if not isinstance(data, dict) or not isinstance(data.get("value"), list):
        raise ValueError("not an OData collection page")
    return data


def _entity(response: httpx.Response) -> dict[str, Any]:
    data = json_body(response)
    if not isinstance(data, dict) or "Id" not in data:
        raise ValueError("not an OData entity")
    return data


def _odata_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def kinds_filter(kinds: Iterable[str]) -> str:
    """``(Soort eq 'a' or Soort eq 'b')`` for the given Soort values (open strings)."""
    parts = [f"Soort eq {_odata_string(kind)}" for kind in kinds]
    return "(" + " or ".join(parts) + ")"


def date_filter(field: str, since: date | None, until: date | None) -> list[str]:
    clauses = []
    if since is not None:
        clauses.append(f"{field} ge {since.isoformat()}T00:00:00Z")
    if until is not None:
        clauses.append(f"{field} lt {until.isoformat()}T00:00:00Z")
    return clauses


class ODataClient:
    def __init__(self, fetcher: Fetcher, base_url: str = DEFAULT_ODATA_URL) -> None:
        self.fetcher = fetcher
        self.base_url = base_url.rstrip("/") + "/"

    def entity_url(self, path: str) -> str:
        return urljoin(self.base_url, path)

    def page(self, url: str, params: dict[str, str] | None = None) -> ODataPage:
        data = self.fetcher.get(url, params=params, accept=JSON_ACCEPT, validate=_collection)
        next_link = data.get("@odata.nextLink") or data.get("odata.nextLink")
        resolved = urljoin(url, str(next_link)) if next_link else None
        return ODataPage(url=url, values=list(data["value"]), next_link=resolved)

    def pages(self, url: str, params: dict[str, str] | None = None) -> Iterator[ODataPage]:
        """Every page of a collection, following ``@odata.nextLink`` as given."""
        seen: set[str] = set()
        page = self.page(url, params)
        while True:
            yield page
            if page.next_link is None or page.next_link in seen:
                return
            seen.add(page.next_link)
            page = self.page(page.next_link)

    def document_query(
        self, kinds: Iterable[str], since: date | None = None, until: date | None = None
    ) -> tuple[str, dict[str, str]]:
        """URL and parameters listing Q&A documents (with their versions and zaken)."""
        clauses = [kinds_filter(kinds), "Verwijderd eq false", *date_filter("Datum", since, until)]
        params = {"$filter": " and ".join(clauses), "$expand": DETAIL_EXPAND}
        return self.entity_url("Document"), params

    def documents(self, url: str, params: dict[str, str] | None = None) -> Iterator[ODataPage]:
        yield from self.pages(url, params)

    def document(self, doc_id: str) -> TkDocument:
        """One document with its DocumentVersie (KOOP id) and Zaak + ZaakActor."""
        url = self.entity_url(f"Document({quote(doc_id)})")
        data = self.fetcher.get(
            url, params={"$expand": DETAIL_EXPAND}, accept=JSON_ACCEPT, validate=_entity
        )
        return document_from_odata(data)

    def zaak(self, zaak_id: str) -> TkZaak:
        """One Zaak with its actors (askers with their party, addressees)."""
        url = self.entity_url(f"Zaak({quote(zaak_id)})")
        data = self.fetcher.get(
            url, params={"$expand": "ZaakActor"}, accept=JSON_ACCEPT, validate=_entity
        )
        return zaak_from_odata(data)

    def resource(self, doc_id: str, expected_length: int | None = None) -> bytes:
        """The file of a document (``Document({id})/resource``)."""
        url = self.entity_url(f"Document({quote(doc_id)})/resource")
        return self.fetcher.get(url, validate=raw_body(expected_length))
