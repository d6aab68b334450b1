"""Atom feeds of new matching questions and answers: any search, per party, per committee.

Built with ElementTree, so every piece of document text is escaped as XML character data.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from typing import Annotated
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response

from kamerqa.api.deps import StorePool, pool_of
from kamerqa.api.errors import ERROR_RESPONSES
from kamerqa.api.params import MAX_FILTER_CHARS, QueryText, Scope, document_filters, search_request
from kamerqa.search.models import DocumentFilters, SearchHit, SearchResponse

ATOM = "http://www.w3.org/2005/Atom"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
FEED_ENTRIES = 50
EPOCH = dt.date(2000, 1, 1)

router = APIRouter(
    prefix="/feeds",
    tags=["feeds"],
    responses={**ERROR_RESPONSES, 200: {"content": {"application/atom+xml": {}}}},
)
Pool = Annotated[StorePool, Depends(pool_of)]
Filters = Annotated[DocumentFilters, Depends(document_filters)]
Name = Annotated[str, Path(min_length=1, max_length=MAX_FILTER_CHARS)]


def _stamp(day: dt.date | None) -> str:
    return f"{(day or EPOCH).isoformat()}T00:00:00Z"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def _entry_title(hit: SearchHit) -> str:
    kind = "Vraag" if hit.kind == "question" else "Antwoord op vraag"
    party = f" ({hit.party})" if hit.party else ""
    return f"{kind} {hit.question_number or ''}{party} — {hit.title or hit.doc_id}".strip()


def _add_entry(feed: ET.Element, hit: SearchHit, base: str) -> None:
    entry = _sub(feed, "entry")
    anchor = "vraag" if hit.kind == "question" else "antwoord"
    link = f"{base}/doc/{quote(hit.doc_id, safe='')}#{anchor}-{hit.question_number or ''}"
    _sub(entry, "id", f"{base}/doc/{hit.doc_id}/{hit.kind}/{hit.question_number or ''}")
    _sub(entry, "title", _entry_title(hit), type="text")
    _sub(entry, "updated", _stamp(hit.date))
    _sub(entry, "link", href=link, rel="alternate", type="text/html")
    if hit.party:
        _sub(entry, "category", term=hit.party, label=f"partij: {hit.party}")
    _sub(entry, "summary", hit.text, type="text")


def atom_feed(response: SearchResponse, *, title: str, self_url: str, base: str) -> bytes:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "id", self_url)
    _sub(feed, "title", title, type="text")
    newest = max((h.date for h in response.hits if h.date), default=None)
    _sub(feed, "updated", _stamp(newest))
    _sub(feed, "link", href=self_url, rel="self", type="application/atom+xml")
    _sub(feed, "link", href=f"{base}/", rel="alternate", type="text/html")
    author = _sub(feed, "author")
    _sub(author, "name", "kamerqa")
    _sub(feed, "generator", "kamerqa")
    for hit in response.hits:
        _add_entry(feed, hit, base)
    return bytes(ET.tostring(feed, encoding="utf-8", xml_declaration=True))


def _feed(
    request: Request,
    pool: StorePool,
    filters: DocumentFilters,
    q: str,
    title: str,
    scope: Scope = "both",
) -> Response:
    search = search_request(filters, q, scope=scope, sort="date", limit=FEED_ENTRIES, facets=False)
    with pool.borrow() as store:
        result = store.search(search)
    base = str(request.base_url).rstrip("/")
    body = atom_feed(result, title=title, self_url=str(request.url), base=base)
    return Response(body, media_type=ATOM_TYPE)


@router.get("/search.atom", summary="Atom feed of the newest questions/answers matching a search")
def search_feed(
    request: Request, pool: Pool, filters: Filters, q: QueryText = "", scope: Scope = "both"
) -> Response:
    described = ", ".join(f"{k}={v}" for k, v in filters.model_dump(exclude_none=True).items())
    title = f"kamerqa: {q or 'alle vragen'}" + (f" ({described})" if described else "")
    return _feed(request, pool, filters, q, title, scope)


@router.get("/party/{party}.atom", summary="Atom feed of the newest questions of a party")
def party_feed(request: Request, pool: Pool, party: Name) -> Response:
    filters = DocumentFilters(party=party)
    return _feed(request, pool, filters, "", f"kamerqa: vragen van {party}")


@router.get("/committee/{committee}.atom", summary="Atom feed of a committee's questions")
def committee_feed(request: Request, pool: Pool, committee: Name) -> Response:
    filters = DocumentFilters(committee=committee)
    return _feed(request, pool, filters, "", f"kamerqa: {committee}")


def search_feed_url(query: str, filters: DocumentFilters) -> str:
    """The path of the Atom feed for a search page's query and filters."""
    params = {"q": query, **filters.model_dump(mode="json", exclude_none=True)}
    return "/feeds/search.atom?" + urlencode(
        {k: v for k, v in params.items() if v not in ("", None)}
    )
