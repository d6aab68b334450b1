"""Query parameters shared by the JSON API, the feeds and the HTML pages, with their limits."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import Query

from kamerqa.search.models import DocumentFilters, SearchRequest

MAX_PAGE_SIZE = 100
MAX_OFFSET = 10_000
MAX_QUERY_CHARS = 500
MAX_FILTER_CHARS = 200
DEFAULT_PAGE_SIZE = 20

FilterText = Annotated[str | None, Query(max_length=MAX_FILTER_CHARS)]
QueryText = Annotated[
    str,
    Query(
        max_length=MAX_QUERY_CHARS,
        description='Words, "phrases", OR, -exclusion, prefix*. At most 500 characters.',
    ),
]
PageSize = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description="Results per page (1-100).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Results to skip (0-10000).")]
Scope = Literal["questions", "answers", "both"]
Sort = Literal["relevance", "date"]


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def document_filters(
    party: FilterText = None,
    genre: FilterText = None,
    asker: FilterText = None,
    ministry: FilterText = None,
    committee: FilterText = None,
    date_from: Annotated[dt.date | None, Query(description="On or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[dt.date | None, Query(description="On or before (YYYY-MM-DD).")] = None,
    year: Annotated[int | None, Query(ge=1800, le=2200)] = None,
) -> DocumentFilters:
    """Filters from the query string (empty values mean: no filter)."""
    return DocumentFilters(
        party=_clean(party),
        genre=_clean(genre),
        asker=_clean(asker),
        ministry=_clean(ministry),
        committee=_clean(committee),
        date_from=date_from,
        date_to=date_to,
        year=year,
    )


def search_request(
    filters: DocumentFilters,
    query: str,
    *,
    scope: Scope = "both",
    sort: Sort = "relevance",
    limit: int = DEFAULT_PAGE_SIZE,
    offset: int = 0,
    facets: bool = True,
) -> SearchRequest:
    return SearchRequest(
        **filters.model_dump(),
        query=query.strip(),
        scope=scope,
        sort=sort,
        limit=limit,
        offset=offset,
        facets=facets,
    )
