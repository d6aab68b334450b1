"""The statistics page: counts as inline SVG bar charts and a reply-time histogram."""

from __future__ import annotations

from typing import Any

from kamerqa.search.models import FacetCount
from kamerqa.store import Store
from kamerqa.web.charts import bar_chart, histogram
from kamerqa.web.docview import GENRE_LABELS

REPLY_BINS = ((0, 7), (7, 14), (14, 21), (21, 28), (28, 42), (42, 63), (63, None))
MAX_DOCUMENTS_SCANNED = 5000
PAGE = 500


def _rows(counts: list[FacetCount], limit: int = 15) -> list[tuple[str, float]]:
    return [(c.value, float(c.count)) for c in counts[:limit]]


def reply_days(store: Store) -> list[int]:
    """Days from submission to answer per document (composed from list_documents)."""
    days: list[int] = []
    for offset in range(0, MAX_DOCUMENTS_SCANNED, PAGE):
        batch = store.list_documents(None, limit=PAGE, offset=offset)
        for doc in batch:
            if doc.date_submitted and doc.date_answered:
                delta = (doc.date_answered - doc.date_submitted).days
                if delta >= 0:
                    days.append(delta)
        if len(batch) < PAGE:
            break
    return days


def stats_context(store: Store) -> dict[str, Any]:
    stats = store.stats()
    genres = [(GENRE_LABELS.get(c.value, c.value), float(c.count)) for c in stats.by_genre]
    return {
        "stats": stats,
        "party_chart": bar_chart(
            _rows(stats.by_party, 20),
            title="Vragen per partij",
            colour_by_party=True,
            href="/?party={}",
        ),
        "genre_chart": bar_chart(genres, title="Documenten per soort"),
        "ministry_chart": bar_chart(_rows(stats.by_ministry), title="Documenten per ministerie"),
        "year_chart": bar_chart(
            sorted(_rows(stats.by_year, 30)), title="Documenten per jaar", href="/?year={}"
        ),
        "reply_chart": histogram(
            reply_days(store), bins=REPLY_BINS, title="Antwoordtermijn in dagen", term=21
        ),
    }
