"""SQL WHERE clauses for DocumentFilters (``?`` placeholders; both dialects)."""

from __future__ import annotations

from typing import Any

from kamerqa.search.models import DocumentFilters


def has_nul(filters: DocumentFilters) -> bool:
    """True when a text filter holds a NUL character: it can match nothing."""
    values = (getattr(filters, name) for name in DocumentFilters.model_fields)
    return any(isinstance(v, str) and "\x00" in v for v in values)


def filter_sql(
    filters: DocumentFilters | None, doc: str = "d", unit: str | None = None
) -> tuple[list[str], list[Any]]:
    """Conditions on the documents alias ``doc`` (and the qa_units alias ``unit`` for party).

    Party matches the question's party (per unit) when ``unit`` is given, else any question
    of the document. Text filters are case-insensitive; asker/committee/ministry match parts.
    With ``unit`` the asker/ministry conditions use ``unit.doc_id``, so the database can test
    them before it looks up the document row (a document is then read for passing units only).
    """
    key = f"{unit}.doc_id" if unit else f"{doc}.id"
    where: list[str] = []
    params: list[Any] = []
    if filters is None:
        return where, params
    if has_nul(filters):  # no stored text holds NUL (PostgreSQL cannot even compare it)
        return ["1 = 0"], params
    if filters.party:
        column = f"{unit}.party" if unit else "fq.party"
        # a joint inbreng is stored as "CDA, ChristenUnie": match one party of the list
        condition = f"(', ' || lower({column}) || ', ') LIKE ? ESCAPE '\\'"
        if unit:
            where.append(condition)
        else:
            where.append(
                f"EXISTS (SELECT 1 FROM questions fq WHERE fq.doc_id = {doc}.id AND {condition})"
            )
        params.append(f"%, {_like_escape(filters.party.lower())}, %")
    if filters.genre:
        where.append(f"{doc}.genre = ?")
        params.append(filters.genre)
    if filters.committee:
        where.append(f"lower({doc}.committee) LIKE ?")
        params.append(f"%{filters.committee.lower()}%")
    if filters.asker:
        where.append(
            f"EXISTS (SELECT 1 FROM askers fa WHERE fa.doc_id = {key} AND lower(fa.name) LIKE ?)"
        )
        params.append(f"%{filters.asker.lower()}%")
    if filters.ministry:
        where.append(
            f"EXISTS (SELECT 1 FROM addressees fm WHERE fm.doc_id = {key}"
            " AND (lower(fm.ministry) LIKE ? OR lower(fm.name) LIKE ?))"
        )
        params += [f"%{filters.ministry.lower()}%"] * 2
    if filters.date_from:
        where.append(f"{doc}.date >= ?")
        params.append(filters.date_from.isoformat())
    if filters.date_to:
        where.append(f"{doc}.date <= ?")
        params.append(filters.date_to.isoformat())
    if filters.year:
        where.append(f"{doc}.year = ?")
        params.append(filters.year)
    return where, params


def _like_escape(value: str) -> str:
    """``value`` as a literal inside a LIKE pattern with ESCAPE '\\'."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
