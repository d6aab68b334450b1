"""View helpers of the search page: facet links, active filter chips, pagination."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kamerqa.search.models import FacetCount
from kamerqa.web.docview import GENRE_LABELS
from kamerqa.web.render import query_string

FACET_LABELS = {
    "genre": "Soort document",
    "party": "Partij",
    "ministry": "Ministerie",
    "committee": "Commissie",
    "asker": "Vragensteller",
    "year": "Jaar",
}
FILTER_LABELS = {**FACET_LABELS, "date_from": "Vanaf", "date_to": "Tot en met", "q": "Zoekterm"}
FACETS_SHOWN = 8


@dataclass
class FacetLink:
    label: str
    count: int
    href: str
    active: bool


@dataclass
class Chip:
    label: str
    value: str
    remove_href: str


@dataclass
class PageLink:
    label: str
    href: str | None
    current: bool = False


def _value_label(name: str, value: str) -> str:
    return GENRE_LABELS.get(value, value) if name == "genre" else value


def facet_links(
    facets: dict[str, list[FacetCount]], params: dict[str, Any]
) -> dict[str, list[FacetLink]]:
    """Per facet, links that set (or, when active, clear) that filter; the first page."""
    result: dict[str, list[FacetLink]] = {}
    for name in FACET_LABELS:
        links = []
        for facet in facets.get(name, [])[:FACETS_SHOWN]:
            active = str(params.get(name, "")) == facet.value
            href = query_string(params, **{name: None if active else facet.value, "offset": None})
            links.append(FacetLink(_value_label(name, facet.value), facet.count, href, active))
        if links:
            result[name] = links
    return result


def active_filters(params: dict[str, Any]) -> list[Chip]:
    chips = []
    for name, label in FILTER_LABELS.items():
        if name == "q" or params.get(name) in (None, ""):
            continue
        value = _value_label(name, str(params[name]))
        chips.append(Chip(label, value, query_string(params, **{name: None, "offset": None})))
    return chips


def pages_nav(total: int, offset: int, size: int, params: dict[str, Any]) -> list[PageLink]:
    """Previous, a window of page numbers, next; empty when everything fits on one page.

    An offset past the last page (an old link, a hand-edited URL) gets the window of the last
    pages and a "Vorige" that leads to the last page, never to another empty page.
    """
    if total <= size:
        return []
    current = offset // size
    last = (total - 1) // size
    shown = min(current, last)
    previous = min(current - 1, last)
    back = query_string(params, offset=previous * size or None) if current else None
    links = [PageLink("Vorige", back)]
    for number in range(max(0, shown - 3), min(last, shown + 3) + 1):
        href = query_string(params, offset=number * size or None)
        links.append(PageLink(str(number + 1), href, current=number == current))
    links.append(
        PageLink(
            "Volgende",
            query_string(params, offset=(current + 1) * size) if current < last else None,
        )
    )
    return links
