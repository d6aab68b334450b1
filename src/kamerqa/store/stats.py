"""Corpus statistics and the flat question+answer rows used by export."""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterator
from datetime import date
from typing import Any

from kamerqa.search.models import FacetCount, ReplyTimes, Stats
from kamerqa.store.base import Store

QA_COLUMNS = (
    "doc_id", "genre", "title", "committee", "date_submitted", "date_answered",
    "question_number", "party", "question", "answer_id", "answer", "answer_questions",
)  # fmt: skip


def _counts(store: Store, sql: str) -> list[FacetCount]:
    return [FacetCount(value=str(v), count=int(n)) for v, n in store.execute(sql) if v is not None]


def _reply_times(store: Store) -> ReplyTimes:
    days = []
    for submitted, answered in store.execute(
        "SELECT date_submitted, date_answered FROM documents"
        " WHERE date_submitted IS NOT NULL AND date_answered IS NOT NULL"
    ):
        delta = (date.fromisoformat(answered) - date.fromisoformat(submitted)).days
        if delta >= 0:
            days.append(delta)
    if not days:
        return ReplyTimes()
    days.sort()
    return ReplyTimes(
        documents=len(days),
        mean_days=round(statistics.fmean(days), 1),
        median_days=float(statistics.median(days)),
        p90_days=float(days[min(len(days) - 1, int(0.9 * len(days)))]),
        within_21_days=round(sum(1 for d in days if d <= 21) / len(days), 3),
    )


def compute_stats(store: Store) -> Stats:
    def scalar(sql: str) -> int:
        return int(store.execute(sql)[0][0])

    return Stats(
        documents=scalar("SELECT count(*) FROM documents"),
        questions=scalar("SELECT count(*) FROM questions"),
        answers=scalar("SELECT count(*) FROM answers"),
        by_genre=_counts(
            store,
            "SELECT genre, count(*) AS n FROM documents GROUP BY genre ORDER BY n DESC, genre",
        ),
        by_party=_counts(
            store,
            "SELECT party, count(*) AS n FROM questions GROUP BY party ORDER BY n DESC, party",
        ),
        by_ministry=_counts(
            store,
            "SELECT ministry, count(DISTINCT doc_id) AS n FROM addressees"
            " GROUP BY ministry ORDER BY n DESC, ministry",
        ),
        by_year=_counts(
            store, "SELECT year, count(*) AS n FROM documents GROUP BY year ORDER BY year"
        ),
        reply_times=_reply_times(store),
    )


def iter_qa_rows(store: Store, chunk: int = 1000) -> Iterator[dict[str, Any]]:
    """Every question with its answer (keyset-paged so memory stays flat)."""
    last: tuple[str, int] = ("", -1)
    while True:
        rows = store.execute(
            "SELECT q.doc_id, d.genre, d.title, d.committee, d.date_submitted, d.date_answered,"
            " q.number, q.party, q.text, a.id, a.text, a.questions, q.position"
            " FROM questions q JOIN documents d ON d.id = q.doc_id"
            " LEFT JOIN answers a ON a.doc_id = q.doc_id AND a.id = q.answer_id"
            " WHERE q.doc_id > ? OR (q.doc_id = ? AND q.position > ?)"
            " ORDER BY q.doc_id, q.position LIMIT ?",
            (last[0], last[0], last[1], chunk),
        )
        for row in rows:
            record = dict(zip(QA_COLUMNS, row[:12], strict=True))
            record["answer_questions"] = json.loads(row[11]) if row[11] else []
            yield record
        if len(rows) < chunk:
            return
        last = (rows[-1][0], rows[-1][12])
