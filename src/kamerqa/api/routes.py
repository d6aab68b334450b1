"""The read-only JSON API under /api/: documents, questions, search, similar, export, stats."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response, StreamingResponse

from kamerqa.api.deps import StorePool, pool_of
from kamerqa.api.errors import ERROR_RESPONSES, not_found
from kamerqa.api.export import export_stream
from kamerqa.api.params import (
    MAX_QUERY_CHARS,
    Offset,
    PageSize,
    QueryText,
    Scope,
    Sort,
    document_filters,
    search_request,
)
from kamerqa.api.views import DocumentPage, HealthView, QuestionView, ReferencedAnswer
from kamerqa.model import Document
from kamerqa.search.models import DocumentFilters, SearchResponse, SimilarResponse, Stats

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)
RenderFormat = Literal["json", "md", "text", "html", "docx"]
Pool = Annotated[StorePool, Depends(pool_of)]
Filters = Annotated[DocumentFilters, Depends(document_filters)]
MEDIA_TYPES = {
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "text": "text/plain; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def load_document(pool: StorePool, doc_id: str) -> Document:
    with pool.borrow() as store:
        document = store.get_document(doc_id)
    if document is None:
        raise not_found(f"document {doc_id!r}")
    return document


def question_view(document: Document, number: str) -> QuestionView:
    question = document.question(number)
    if question is None:
        raise not_found(f"question {number!r} in document {document.id!r}")
    answer = document.answer_for(number)
    referenced = [
        ReferencedAnswer(question_number=n, answer=document.answer_for(n))
        for n in (answer.refers_to if answer else [])
    ]
    return QuestionView(
        doc_id=document.id,
        title=document.title,
        genre=document.genre,
        permalink=f"/doc/{document.id}#vraag-{number}",
        party=question.party,
        question=question,
        answer=answer,
        referenced_answers=referenced,
    )


@router.get("/health", summary="Liveness and document count")
def health(pool: Pool) -> HealthView:
    with pool.borrow() as store:
        return HealthView(status="ok", documents=store.count_documents())


@router.get("/documents", summary="List documents, newest first, with filters")
def list_documents(
    pool: Pool, filters: Filters, limit: PageSize = 20, offset: Offset = 0
) -> DocumentPage:
    with pool.borrow() as store:
        total = store.count_documents(filters)
        documents = store.list_documents(filters, limit=limit, offset=offset)
    return DocumentPage(total=total, limit=limit, offset=offset, documents=documents)


@router.get(
    "/documents/{doc_id}",
    summary="One document in the kamerqa/1 form",
    response_model=Document,
    response_model_by_alias=True,
)
def get_document(doc_id: str, pool: Pool) -> Document:
    return load_document(pool, doc_id)


@router.get(
    "/documents/{doc_id}/render",
    summary="One document rendered (json, md, text, html, docx)",
    response_class=Response,
    responses={200: {"content": {t: {} for t in MEDIA_TYPES.values()}}},
)
def render_document(
    doc_id: str, pool: Pool, fmt: Annotated[RenderFormat, Query(alias="format")] = "md"
) -> Response:
    from kamerqa.render import extension, render

    output = render(load_document(pool, doc_id), fmt)
    filename = f"{doc_id}{extension(fmt)}"
    return Response(
        output,
        media_type=MEDIA_TYPES.get(fmt, "application/octet-stream"),
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get(
    "/documents/{doc_id}/questions/{number}",
    summary="One question with its answer and the answers it points to",
)
def get_question(doc_id: str, number: str, pool: Pool) -> QuestionView:
    return question_view(load_document(pool, doc_id), number)


@router.get("/search", summary="Search questions and answers (same language as the CLI)")
def search(
    pool: Pool,
    filters: Filters,
    q: QueryText = "",
    scope: Scope = "both",
    sort: Sort = "relevance",
    limit: PageSize = 20,
    offset: Offset = 0,
    facets: bool = True,
) -> SearchResponse:
    request = search_request(
        filters, q, scope=scope, sort=sort, limit=limit, offset=offset, facets=facets
    )
    with pool.borrow() as store:
        return store.search(request)


@router.get(
    "/documents/{doc_id}/questions/{number}/similar",
    summary="Questions similar to a stored question",
)
def similar_to_question(
    doc_id: str,
    number: str,
    pool: Pool,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> SimilarResponse:
    if load_document(pool, doc_id).question(number) is None:
        raise not_found(f"question {number!r} in document {doc_id!r}")
    with pool.borrow() as store:
        return store.similar(question=(doc_id, number), limit=limit)


@router.get("/similar", summary="Questions similar to a text")
def similar_to_text(
    pool: Pool,
    text: Annotated[str, Query(min_length=1, max_length=MAX_QUERY_CHARS * 4, pattern=r"\S")],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
) -> SimilarResponse:
    cleaned = text.strip()
    if not cleaned:  # only characters Python counts as white space: nothing to compare
        return SimilarResponse(method="lexical", hits=[])
    with pool.borrow() as store:
        return store.similar(text=cleaned, limit=limit)


@router.get(
    "/export",
    summary="Every question with its answer, streamed as JSON Lines or CSV",
    response_class=StreamingResponse,
    responses={200: {"content": {"application/x-ndjson": {}, "text/csv": {}}}},
)
def export(
    request: Request, fmt: Annotated[Literal["jsonl", "csv"], Query(alias="format")] = "jsonl"
) -> StreamingResponse:
    media = "application/x-ndjson" if fmt == "jsonl" else "text/csv; charset=utf-8"
    return StreamingResponse(
        export_stream(pool_of(request), fmt),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="kamerqa.{fmt}"'},
    )


@router.get("/stats", summary="Counts per genre, party, ministry, year; reply times")
def stats(pool: Pool) -> Stats:
    with pool.borrow() as store:
        return store.stats()
