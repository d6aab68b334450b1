"""Lexical search over qa_units: match (dialect SQL), filter, rank/sort, facets, snippets."""

from __future__ import annotations

import json
from typing import Any

from kamerqa.search.models import (
    DocumentFilters,
    FacetCount,
    SearchHit,
    SearchRequest,
    SearchResponse,
)
from kamerqa.search.query import Query, parse_query
from kamerqa.search.snippets import snippet
from kamerqa.store.filters import filter_sql
from kamerqa.store.sqlbase import SQLStore

FACET_LIMIT = 25
_FACET_SQL = {
    "genre": ("d.genre", ""),
    "party": ("u.party", ""),
    "year": ("d.year", ""),
    "committee": ("d.committee", ""),
    "asker": ("fa.name", " JOIN askers fa ON fa.doc_id = u.doc_id"),
    "ministry": ("fm.ministry", " JOIN addressees fm ON fm.doc_id = u.doc_id"),
}


def _base(store: SQLStore, query: Query, request: SearchRequest) -> tuple[str, list[Any]]:
    params: list[Any] = []
    if query.empty:
        matched = "SELECT unit_id, 0.0 AS score FROM qa_units"
    else:
        matched, params = store.match_units_sql(query)
    where, fparams = filter_sql(request, unit="u")
    if request.scope != "both":
        where.append("u.kind = ?")
        fparams.append("question" if request.scope == "questions" else "answer")
    sql = (
        f"FROM ({matched}) m JOIN qa_units u ON u.unit_id = m.unit_id"
        " JOIN documents d ON d.id = u.doc_id"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql, params + fparams


def _order(query: Query, request: SearchRequest) -> str:
    by_date = "d.date IS NULL, d.date DESC, u.doc_id, u.kind DESC, u.position"
    if request.sort == "date" or query.empty:
        return by_date
    return "m.score DESC, " + by_date


def _facets(store: SQLStore, base: str, params: list[Any]) -> dict[str, list[FacetCount]]:
    facets: dict[str, list[FacetCount]] = {}
    for name, (column, join) in _FACET_SQL.items():
        from_sql = base.replace(
            " JOIN documents d ON d.id = u.doc_id", " JOIN documents d ON d.id = u.doc_id" + join, 1
        )
        rows = store.execute(
            f"SELECT {column}, count(DISTINCT u.unit_id) AS n {from_sql}"
            f" AND {column} IS NOT NULL GROUP BY {column} ORDER BY n DESC, {column} LIMIT ?"
            if " WHERE " in base
            else f"SELECT {column}, count(DISTINCT u.unit_id) AS n {from_sql}"
            f" WHERE {column} IS NOT NULL GROUP BY {column} ORDER BY n DESC, {column} LIMIT ?",
            [*params, FACET_LIMIT],
        )
        facets[name] = [FacetCount(value=str(v), count=int(n)) for v, n in rows]
    return facets


_DETAILS = (
    "SELECT u.unit_id, u.doc_id, u.kind, u.ref, u.party, d.genre, d.title, d.committee, d.date,"
    " coalesce(q.text, a.text, ''), q.answer_id, qa.text, a.questions"
    " FROM qa_units u JOIN documents d ON d.id = u.doc_id"
    " LEFT JOIN questions q ON u.kind = 'question' AND q.doc_id = u.doc_id"
    " AND q.position = u.position"
    " LEFT JOIN answers qa ON qa.doc_id = q.doc_id AND qa.id = q.answer_id"
    " LEFT JOIN answers a ON u.kind = 'answer' AND a.doc_id = u.doc_id AND a.position = u.position"
    " WHERE u.unit_id IN ({marks})"
)


def _unfiltered(query: Query, request: SearchRequest) -> bool:
    filters = request.model_dump(include=set(DocumentFilters.model_fields))
    return (
        not query.empty
        and request.sort == "relevance"
        and request.scope == "both"
        and not any(filters.values())
    )


def _page(
    store: SQLStore, query: Query, request: SearchRequest, base: str, params: list[Any]
) -> tuple[list[tuple[Any, float]], int]:
    """(unit_id, score) of the requested page, in order, and the total number of matches."""
    if _unfiltered(query, request):  # rank inside the index, join only the page
        matched, mparams = store.match_units_sql(query)
        rows = store.execute(
            f"SELECT m.unit_id, m.score FROM ({matched}) m ORDER BY m.score DESC, m.unit_id"
            " LIMIT ? OFFSET ?",
            [*mparams, request.limit, request.offset],
        )
        total = store.execute(f"SELECT count(*) FROM ({matched}) m", mparams)[0][0]
        return [(r[0], r[1]) for r in rows], int(total)
    rows = store.execute(
        f"SELECT u.unit_id, m.score, count(*) OVER () {base}"
        f" ORDER BY {_order(query, request)} LIMIT ? OFFSET ?",
        [*params, request.limit, request.offset],
    )
    if rows:
        return [(r[0], r[1]) for r in rows], int(rows[0][2])
    return [], int(store.execute(f"SELECT count(*) {base}", params)[0][0])


def _hits(
    store: SQLStore, query: Query, request: SearchRequest, page: list[tuple[Any, float]]
) -> list[SearchHit]:
    if not page:
        return []
    found = {
        r[0]: r
        for r in store.execute(
            _DETAILS.format(marks=", ".join("?" * len(page))), [u for u, _ in page]
        )
    }
    stems, prefixes = query.highlight_stems(), query.highlight_prefixes()
    ranked = request.sort == "relevance" and not query.empty
    hits = []
    for unit_id, score in page:
        (
            _,
            doc_id,
            kind,
            ref,
            party,
            genre,
            title,
            committee,
            date,
            text,
            answer_id,
            answer_text,
            numbers,
        ) = found[unit_id]
        question = kind == "question"
        hits.append(
            SearchHit(
                kind=kind,
                doc_id=doc_id,
                question_number=ref if question else (json.loads(numbers) or [None])[0],
                question_numbers=[ref] if question else json.loads(numbers),
                answer_id=answer_id if question else ref,
                party=party,
                genre=genre,
                title=title or "",
                committee=committee,
                date=date,
                snippet=snippet(text, stems, prefixes),
                text=text,
                answer_text=answer_text if question else None,
                score=round(float(score), 6) if ranked else 0.0,
            )
        )
    return hits


def run_search(store: SQLStore, request: SearchRequest) -> SearchResponse:
    query = parse_query(request.query)
    base, params = _base(store, query, request)
    page, total = _page(store, query, request, base, params)
    hits = _hits(store, query, request, page)
    facets = _facets(store, base, params) if request.facets else {}
    return SearchResponse(query=request.query, total=total, hits=hits, facets=facets)
