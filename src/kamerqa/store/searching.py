"""Lexical search over qa_units: match (dialect SQL), filter, rank/sort, facets, snippets."""

from __future__ import annotations

import json
from typing import Any

from kamerqa.search.models import FacetCount, SearchHit, SearchRequest, SearchResponse
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


Texts = dict[int, tuple[str, list[str], str | None, str | None]]


def _texts(store: SQLStore, rows: list[tuple[Any, ...]]) -> Texts:
    """unit_id -> (text, question numbers, answer id, answer text) for the page's hits."""
    out: Texts = {}
    for unit_id, doc_id, kind, ref, *_ in rows:
        if kind == "question":
            found = store.execute(
                "SELECT q.text, q.answer_id, a.text FROM questions q LEFT JOIN answers a"
                " ON a.doc_id = q.doc_id AND a.id = q.answer_id"
                " WHERE q.doc_id = ? AND q.number = ? ORDER BY q.position LIMIT 1",
                (doc_id, ref),
            )
            text, answer_id, answer_text = found[0] if found else ("", None, None)
            out[unit_id] = (text, [ref], answer_id, answer_text)
        else:
            found = store.execute(
                "SELECT text, questions FROM answers WHERE doc_id = ? AND id = ?"
                " ORDER BY position LIMIT 1",
                (doc_id, ref),
            )
            text, numbers = found[0] if found else ("", "[]")
            out[unit_id] = (text, list(json.loads(numbers)), ref, None)
    return out


def run_search(store: SQLStore, request: SearchRequest) -> SearchResponse:
    query = parse_query(request.query)
    base, params = _base(store, query, request)
    rows = store.execute(
        "SELECT u.unit_id, u.doc_id, u.kind, u.ref, u.party, d.genre, d.title, d.committee,"
        f" d.date, m.score, count(*) OVER () {base} ORDER BY {_order(query, request)}"
        " LIMIT ? OFFSET ?",
        [*params, request.limit, request.offset],
    )
    if rows:
        total = int(rows[0][10])
    else:
        total = int(store.execute(f"SELECT count(*) {base}", params)[0][0])
    texts = _texts(store, rows)
    stems, prefixes = query.highlight_stems(), query.highlight_prefixes()
    hits = []
    for unit_id, doc_id, kind, _ref, party, genre, title, committee, date, score, _ in rows:
        text, numbers, answer_id, answer_text = texts[unit_id]
        hits.append(
            SearchHit(
                kind=kind,
                doc_id=doc_id,
                question_number=numbers[0] if numbers else None,
                question_numbers=numbers,
                answer_id=answer_id,
                party=party,
                genre=genre,
                title=title or "",
                committee=committee,
                date=date,
                snippet=snippet(text, stems, prefixes),
                text=text,
                answer_text=answer_text,
                score=0.0 if request.sort == "date" or query.empty else round(float(score), 6),
            )
        )
    facets = _facets(store, base, params) if request.facets else {}
    return SearchResponse(query=request.query, total=total, hits=hits, facets=facets)
