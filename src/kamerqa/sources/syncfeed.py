"""The Tweede Kamer SyncFeed: an Atom change feed, resumed from an opaque skiptoken.

A page lists changed entities; each entry's ``content`` carries the entity as XML (tkData),
with ``id``/``verwijderd``/``bijgewerkt`` attributes in some namespace and child elements such
as ``soort``, ``documentNummer``, ``datum``. Elements are found by local name, so prefixes,
namespaces, key order and page sizes do not matter.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode, urljoin, urlparse

import httpx
from lxml import etree

from kamerqa.sources.http import Fetcher
from kamerqa.sources.records import normalise_timestamp, parse_date

DEFAULT_FEED_URL = "https://gegevensmagazijn.tweedekamer.nl/SyncFeed/2.0/"
ATOM = "{http://www.w3.org/2005/Atom}"
ATOM_ACCEPT = "application/atom+xml, application/xml;q=0.9, */*;q=0.1"


@dataclass(frozen=True)
class FeedEntry:
    entity_id: str
    category: str
    deleted: bool
    updated: str
    fields: dict[str, str] = field(default_factory=dict)
    next_token: str | None = None

    @property
    def soort(self) -> str:
        return self.fields.get("soort", "")

    @property
    def datum(self) -> str:
        return self.fields.get("datum", "")


@dataclass(frozen=True)
class FeedPage:
    url: str
    entries: list[FeedEntry]
    next_link: str | None

    @property
    def resume_token(self) -> str | None:
        """Where to continue after this page: the next link, else the last entry's link."""
        token = skiptoken_of(self.next_link)
        if token is None and self.entries:
            token = self.entries[-1].next_token
        return token


def skiptoken_of(url: str | None) -> str | None:
    if not url:
        return None
    query = {k.lower(): v for k, v in parse_qs(urlparse(url).query).items()}
    values = query.get("skiptoken")
    return values[0] if values else None


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _local(name: object) -> str:
    text = str(name)
    return text.rsplit("}", 1)[-1]


def _attr(element: etree._Element, name: str) -> str | None:
    for key, value in element.attrib.items():
        if _local(key).lower() == name.lower():
            return str(value)
    return None


def _link(element: etree._Element, rel: str) -> str | None:
    for link in element.findall(f"{ATOM}link"):
        href = link.get("href")
        if link.get("rel") == rel and href is not None:
            return str(href)
    return None


def _entity_fields(payload: etree._Element) -> dict[str, str]:
    fields: dict[str, str] = {}
    for child in payload:
        if not isinstance(child.tag, str):
            continue
        name = _local(child.tag)
        ref = _attr(child, "ref")
        value = ref if ref is not None else (child.text or "").strip()
        if name in fields and value:
            fields[name] = fields[name] + "\n" + value
        elif value:
            fields[name] = value
    return fields


def _entry(element: etree._Element, base: str) -> FeedEntry:
    content = element.find(f"{ATOM}content")
    payload = (
        next((c for c in content if isinstance(c.tag, str)), None) if content is not None else None
    )
    entity_id = (_attr(payload, "id") if payload is not None else None) or (
        element.findtext(f"{ATOM}title") or ""
    ).strip()
    category = element.find(f"{ATOM}category")
    term = category.get("term", "") if category is not None else ""
    if not term and payload is not None:
        term = _local(payload.tag)
    deleted = (
        (_attr(payload, "verwijderd") or "false").lower() == "true"
        if payload is not None
        else False
    )
    updated = (_attr(payload, "bijgewerkt") if payload is not None else None) or (
        element.findtext(f"{ATOM}updated") or ""
    )
    next_href = _link(element, "next")
    return FeedEntry(
        entity_id=entity_id,
        category=term.lower(),
        deleted=deleted,
        updated=normalise_timestamp(updated.strip()),
        fields=_entity_fields(payload) if payload is not None else {},
        next_token=skiptoken_of(urljoin(base, next_href)) if next_href else None,
    )


def parse_feed(data: bytes, url: str) -> FeedPage:
    """One Atom page; ValueError when it is not a (complete) feed."""
    try:
        root = etree.fromstring(data, parser=_parser())
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"not a complete Atom feed: {exc}") from exc
    if root.tag != f"{ATOM}feed":
        raise ValueError(f"not an Atom feed (root {_local(root.tag)})")
    entries = [_entry(e, url) for e in root.findall(f"{ATOM}entry")]
    next_href = _link(root, "next")
    return FeedPage(
        url=url,
        entries=[e for e in entries if e.entity_id],
        next_link=urljoin(url, next_href) if next_href else None,
    )


class SyncFeedClient:
    def __init__(self, fetcher: Fetcher, base_url: str = DEFAULT_FEED_URL) -> None:
        self.fetcher = fetcher
        self.base_url = base_url.rstrip("/") + "/"

    def start_url(self, category: str, skiptoken: str | None) -> str:
        """The documented entry point: ``Feed?category=X[&skiptoken=N]``."""
        params = {"category": category}
        if skiptoken:
            params["skiptoken"] = skiptoken
        return urljoin(self.base_url, "Feed") + "?" + urlencode(params)

    def page(self, url: str) -> FeedPage:
        def validate(response: httpx.Response) -> FeedPage:
            return parse_feed(response.content, str(response.url))

        return self.fetcher.get(url, accept=ATOM_ACCEPT, validate=validate)

    def pages(self, category: str, skiptoken: str | None) -> Iterator[FeedPage]:
        """Pages from ``skiptoken`` on; stops at the end or when a next link repeats."""
        seen: set[str] = set()
        url: str | None = self.start_url(category, skiptoken)
        while url is not None and url not in seen:
            seen.add(url)
            page = self.page(url)
            yield page
            url = page.next_link


def entry_date(entry: FeedEntry) -> str:
    found = parse_date(entry.datum)
    return found.isoformat() if found else ""
