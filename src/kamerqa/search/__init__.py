"""kamerqa.search: pure search logic (no SQL): query language, Dutch analysis, snippets,
similarity vectors, and the request/response models the store returns and the API exposes."""

from __future__ import annotations

from kamerqa.search.models import (
    FACET_NAMES,
    DocumentFilters,
    DocumentSummary,
    FacetCount,
    IngestFailure,
    IngestReport,
    ReplyTimes,
    SearchHit,
    SearchRequest,
    SearchResponse,
    SimilarHit,
    SimilarResponse,
    Stats,
)

__all__ = [
    "FACET_NAMES",
    "DocumentFilters",
    "DocumentSummary",
    "FacetCount",
    "IngestFailure",
    "IngestReport",
    "ReplyTimes",
    "SearchHit",
    "SearchRequest",
    "SearchResponse",
    "SimilarHit",
    "SimilarResponse",
    "Stats",
]
