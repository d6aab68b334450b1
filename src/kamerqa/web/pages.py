"""HTML pages: search, document, similar questions, documents, statistics.

Each page has a JSON twin under /api/ built from the same store calls.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from kamerqa.api.deps import StorePool, pool_of
from kamerqa.api.errors import not_found
from kamerqa.api.feeds import search_feed_url
from kamerqa.api.params import Offset, QueryText, Scope, Sort, document_filters, search_request
from kamerqa.api.routes import load_document
from kamerqa.model import GENRES
from kamerqa.search.models import DocumentFilters
from kamerqa.web import docview
from kamerqa.web.render import download_formats, page, query_string
from kamerqa.web.searchview import FACET_LABELS, active_filters, facet_links, pages_nav
from kamerqa.web.statsview import stats_context

router = APIRouter()
Pool = Annotated[StorePool, Depends(pool_of)]
Filters = Annotated[DocumentFilters, Depends(document_filters)]
PAGE_SIZE = 20


@router.get("/", response_class=HTMLResponse)
@router.get("/zoeken", response_class=HTMLResponse)
def search_page(
    request: Request,
    pool: Pool,
    filters: Filters,
    q: QueryText = "",
    sort: Sort = "relevance",
    scope: Scope = "both",
    offset: Offset = 0,
) -> HTMLResponse:
    searching = bool(q.strip()) or any(filters.model_dump(exclude_none=True).values())
    search = search_request(filters, q, scope=scope, sort=sort, limit=PAGE_SIZE, offset=offset)
    with pool.borrow() as store:
        result = store.search(search)
        recent = [] if searching else store.list_documents(None, limit=6)
    params = {"q": q.strip(), "sort": sort if sort != "relevance" else None}
    params |= {"scope": scope if scope != "both" else None}
    params |= filters.model_dump(mode="json", exclude_none=True)
    return page(
        request,
        "search.html",
        q=q.strip(),
        sort=sort,
        scope=scope,
        result=result,
        searching=searching,
        recent=recent,
        params=params,
        facets=facet_links(result.facets, params),
        facet_labels=FACET_LABELS,
        active=active_filters(params),
        nav=pages_nav(result.total, offset, PAGE_SIZE, params),
        feed_url=search_feed_url(q.strip(), filters),
        api_url="/api/search" + (f"?{request.url.query}" if request.url.query else ""),
    )


@router.get("/doc/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str, pool: Pool) -> HTMLResponse:
    document = load_document(pool, doc_id)
    return page(
        request,
        "document.html",
        doc=document,
        title=docview.document_title(document),
        facts=docview.header_facts(document),
        sections=docview.sections(document),
        loose_notes=docview.unplaced_notes(document),
        downloads=download_formats(),
    )


@router.get("/doc/{doc_id}/vraag/{number}", response_class=RedirectResponse)
def question_permalink(doc_id: str, number: str, pool: Pool) -> RedirectResponse:
    document = load_document(pool, doc_id)
    if document.question(number) is None:
        raise not_found(f"question {number!r} in document {doc_id!r}")
    return RedirectResponse(f"/doc/{doc_id}#vraag-{number}", status_code=301)


@router.get("/doc/{doc_id}/vraag/{number}/vergelijkbaar", response_class=HTMLResponse)
def similar_page(request: Request, doc_id: str, number: str, pool: Pool) -> HTMLResponse:
    document = load_document(pool, doc_id)
    question = document.question(number)
    if question is None:
        raise not_found(f"question {number!r} in document {doc_id!r}")
    with pool.borrow() as store:
        result = store.similar(question=(doc_id, number), limit=10)
    return page(
        request,
        "similar.html",
        doc=document,
        title=docview.document_title(document),
        question=question,
        result=result,
    )


@router.get("/documenten", response_class=HTMLResponse)
def documents_page(
    request: Request,
    pool: Pool,
    filters: Filters,
    offset: Offset = 0,
) -> HTMLResponse:
    with pool.borrow() as store:
        total = store.count_documents(filters)
        documents = store.list_documents(filters, limit=PAGE_SIZE, offset=offset)
    params = filters.model_dump(mode="json", exclude_none=True)
    return page(
        request,
        "documents.html",
        documents=documents,
        genre=filters.genre,
        genres=[g for g in GENRES if g != "unknown"],
        total=total,
        active=active_filters(params),
        nav=pages_nav(total, offset, PAGE_SIZE, params),
        first_page=query_string(params),
    )


@router.get("/statistieken", response_class=HTMLResponse)
def stats_page(request: Request, pool: Pool) -> HTMLResponse:
    with pool.borrow() as store:
        context = stats_context(store)
    return page(request, "stats.html", **context)


@router.get("/stats", include_in_schema=False)
def stats_redirect() -> RedirectResponse:
    return RedirectResponse("/statistieken", status_code=301)


@router.get("/over", response_class=HTMLResponse)
def about_page(request: Request) -> HTMLResponse:
    return page(request, "about.html")


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> RedirectResponse:
    """Browsers ask for /favicon.ico whatever the page links; the icon is an SVG."""
    return RedirectResponse("/static/favicon.svg", status_code=301)


@router.get("/api", include_in_schema=False)
@router.get("/api/", include_in_schema=False)
def api_index() -> RedirectResponse:
    return RedirectResponse("/api/docs", status_code=307)
