"""Lexical search over qa_units: match (dialect SQL), filter, rank/sort, facets, snippets."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from kamerqa.parse.parties import split_parties
from kamerqa.search.models import (
    FACET_NAMES,
    DocumentFilters,
    FacetCount,
    SearchHit,
    SearchRequest,
    SearchResponse,
)
from kamerqa.search.query import Query, Term, meta_token, parse_query, with_filters
from kamerqa.search.snippets import snippet
from kamerqa.store.filters import filter_sql, has_nul
from kamerqa.store.sqlbase import SQLStore

FACET_LIMIT = 25


_INDEXED_FILTERS = ("party", "genre", "year")


def _indexed_query(query: Query, request: SearchRequest) -> Query:
    """The user's query AND the filters the index answers (party, genre, year, scope)."""
    tokens = [
        meta_token(name, getattr(request, name))
        for name in _INDEXED_FILTERS
        if getattr(request, name)
    ]
    if request.scope != "both":
        tokens.append(meta_token("kind", "question" if request.scope == "questions" else "answer"))
    indexed = with_filters(query, tokens) if tokens else query
    if indexed.empty and indexed.excluded:  # only exclusions: every unit except the matches
        every_unit = [Term("meta", (meta_token("kind", kind),)) for kind in ("question", "answer")]
        indexed = Query(clauses=[every_unit], excluded=list(indexed.excluded))
    return indexed


def _sql_filters(request: SearchRequest) -> DocumentFilters:
    """The filters answered in SQL (asker, ministry, committee, dates)."""
    return DocumentFilters(
        **request.model_dump(include=set(DocumentFilters.model_fields))
    ).model_copy(update=dict.fromkeys(_INDEXED_FILTERS))


def _base(store: SQLStore, query: Query, request: SearchRequest) -> tuple[str, list[Any]]:
    params: list[Any] = []
    indexed = _indexed_query(query, request)
    if indexed.empty:
        matched = "SELECT unit_id, 0.0 AS score FROM qa_units"
    else:
        matched, params = store.match_units_sql(indexed)
    where, fparams = filter_sql(_sql_filters(request), unit="u")
    # the narrow unit index when the matches drive the join (a date range may drive it from
    # the documents' date index instead: leave the planner free then)
    by_match = not indexed.empty and not (request.date_from or request.date_to)
    units = store.units_sql("u") if by_match else "qa_units u"
    sql = (
        f"FROM ({matched}) m JOIN {units} ON u.unit_id = m.unit_id"
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


def _top(counter: Counter[str]) -> list[FacetCount]:
    ordered = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
    return [FacetCount(value=v, count=n) for v, n in ordered[:FACET_LIMIT]]


def _facet_base(store: SQLStore, query: Query, request: SearchRequest) -> tuple[str, list[Any]]:
    """``_base`` without the join to documents when no SQL-side filter needs it: facets read
    the document columns once per matched document, not once per matched unit."""
    indexed = _indexed_query(query, request)
    if any(_sql_filters(request).model_dump().values()) or indexed.empty:
        return _base(store, query, request)
    matched, params = store.match_units_sql(indexed)
    return f"FROM ({matched}) m JOIN {store.units_sql('u')} ON u.unit_id = m.unit_id", params


_FACETS_SQL = """
WITH mu AS MATERIALIZED (SELECT u.doc_id AS doc_id, u.party AS party, count(*) AS n {base}
                         GROUP BY u.doc_id, u.party),
     md AS MATERIALIZED (SELECT doc_id, sum(n) AS n FROM mu GROUP BY doc_id)
SELECT 'party', party, NULL, NULL, sum(n) FROM mu GROUP BY party
UNION ALL
SELECT 'document', d.genre, d.year, d.committee, sum(md.n) FROM md
  JOIN documents d ON d.id = md.doc_id GROUP BY d.genre, d.year, d.committee
UNION ALL
SELECT 'asker', name, NULL, NULL, sum(n) FROM (SELECT DISTINCT md.doc_id, md.n, a.name
  FROM md JOIN askers a ON a.doc_id = md.doc_id) x GROUP BY name
UNION ALL
SELECT 'ministry', ministry, NULL, NULL, sum(n) FROM (SELECT DISTINCT md.doc_id, md.n,
  r.ministry FROM md JOIN addressees r ON r.doc_id = md.doc_id
  WHERE r.ministry IS NOT NULL) y GROUP BY ministry
"""


def _facets(store: SQLStore, base: str, params: list[Any]) -> dict[str, list[FacetCount]]:
    """Counts of matching units per genre, party, year, committee, asker and ministry.

    One statement: the matches are aggregated once (units per document and party, kept as a
    materialised CTE), then grouped per party, per document columns, asker and ministry."""
    counters: dict[str, Counter[str]] = {name: Counter() for name in FACET_NAMES}
    for facet, value, year, committee, units in store.execute(
        _FACETS_SQL.format(base=base), params
    ):
        if facet == "party":  # a joint inbreng ("CDA, ChristenUnie") counts for each party
            for name in split_parties(value or ""):
                counters["party"][name] += int(units)
        elif facet != "document":
            counters[facet][value] += int(units)
        else:
            for name, item in (("genre", value), ("year", year), ("committee", committee)):
                if item is not None:
                    counters[name][str(item)] += int(units)
    return {name: _top(counters[name]) for name in FACET_NAMES}


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
    """True when the index alone answers the request (ranked, no SQL-side filter)."""
    sql_side = _sql_filters(request).model_dump()
    return not query.empty and request.sort == "relevance" and not any(sql_side.values())


def _page(
    store: SQLStore, query: Query, request: SearchRequest, base: str, params: list[Any]
) -> tuple[list[tuple[Any, float]], int]:
    """(unit_id, score) of the requested page, in order, and the total number of matches."""
    if _unfiltered(query, request):  # rank inside the index, join only the page
        matched, mparams = store.match_units_sql(_indexed_query(query, request))
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
    if has_nul(request):  # a NUL in a filter matches nothing (the query text is only words)
        return SearchResponse(query=request.query, total=0)
    query = parse_query(request.query)
    base, params = _base(store, query, request)
    page, total = _page(store, query, request, base, params)
    hits = _hits(store, query, request, page)
    facets = _facets(store, *_facet_base(store, query, request)) if request.facets else {}
    return SearchResponse(query=request.query, total=total, hits=hits, facets=facets)
