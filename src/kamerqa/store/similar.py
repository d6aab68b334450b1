"""Similar questions: BM25 over informative stems, dense vectors (numpy), or both (RRF)."""

from __future__ import annotations

from typing import Any

import numpy as np

from kamerqa.errors import KamerqaInputError
from kamerqa.search.models import MAX_SIMILAR_LIMIT, SimilarHit, SimilarResponse
from kamerqa.search.query import Query, Term
from kamerqa.search.similarity import (
    MODEL_NAME,
    encode,
    from_blobs,
    informative_stems,
    load_encoder,
    rrf,
    to_blob,
)
from kamerqa.store.base import Store
from kamerqa.store.sqlbase import SQLStore

CANDIDATES = 50
# BM25 on a whole question is noisier than the sentence vectors: it counts half in the fusion
LEXICAL_WEIGHT = 0.5
Key = tuple[str, str]


def ensure_embeddings(store: Store, chunk: int = 256) -> int:
    """Compute and store vectors for questions that have none; returns how many were added."""
    encoder = load_encoder()
    if encoder is None:
        return 0
    added = 0
    while True:  # chunk by chunk, so memory stays flat on a large store
        missing = store.execute(
            "SELECT q.doc_id, q.number, min(q.text) FROM questions q LEFT JOIN embeddings e"
            " ON e.doc_id = q.doc_id AND e.number = q.number AND e.model = ?"
            " WHERE e.doc_id IS NULL GROUP BY q.doc_id, q.number"
            " ORDER BY q.doc_id, q.number LIMIT ?",
            (MODEL_NAME, chunk),
        )
        if not missing:
            return added
        vectors = encode(encoder, [r[2] for r in missing])
        with store.transaction():
            store.executemany(
                "INSERT INTO embeddings (doc_id, number, model, dim, vector)"
                " VALUES (?, ?, ?, ?, ?)",
                [
                    (d, n, MODEL_NAME, vectors.shape[1], to_blob(v))
                    for (d, n, _), v in zip(missing, vectors, strict=True)
                ],
            )
        added += len(missing)


def _lexical(store: SQLStore, text: str, exclude: Key | None) -> list[Key]:
    stems = informative_stems(text)
    if not stems:
        return []
    query = Query(clauses=[[Term("word", (s,)) for s in stems]])
    matched, params = store.match_units_sql(query)
    rows = store.execute(
        f"SELECT u.doc_id, u.ref FROM ({matched}) m JOIN qa_units u ON u.unit_id = m.unit_id"
        " WHERE u.kind = 'question' ORDER BY m.score DESC, u.doc_id, u.position LIMIT ?",
        [*params, CANDIDATES + 1],
    )
    return [(d, n) for d, n in rows if (d, n) != exclude][:CANDIDATES]


_cache: dict[tuple[int, str, int, int], tuple[list[Key], Any]] = {}


def _vectors(store: SQLStore) -> tuple[list[Key], Any]:
    """All question vectors of the store as (keys, matrix), cached while nothing changes."""
    count = int(
        store.execute("SELECT count(*) FROM embeddings WHERE model = ?", (MODEL_NAME,))[0][0]
    )
    key = (id(store), store.url, store.generation, count)
    if key not in _cache:
        rows = store.execute(
            "SELECT doc_id, number, dim, vector FROM embeddings WHERE model = ?"
            " ORDER BY doc_id, number",
            (MODEL_NAME,),
        )
        dim = int(rows[0][2]) if rows else 1
        _cache.clear()
        _cache[key] = (
            [(str(r[0]), str(r[1])) for r in rows],
            from_blobs([bytes(r[3]) for r in rows], dim),
        )
    return _cache[key]


def _dense(store: SQLStore, text: str, exclude: Key | None) -> list[Key] | None:
    encoder = load_encoder()
    if encoder is None:
        return None
    ensure_embeddings(store)
    keys, matrix = _vectors(store)
    if not keys:
        return []
    scores = matrix @ encode(encoder, [text])[0]
    order = np.argsort(-scores, kind="stable")[: CANDIDATES + 1]
    return [keys[i] for i in order if keys[i] != exclude][:CANDIDATES]


def _hits(store: SQLStore, ranked: list[tuple[Key, float]], limit: int) -> list[SimilarHit]:
    hits = []
    for (doc_id, number), score in ranked[:limit]:
        found = store.execute(
            "SELECT q.text, q.party, d.genre, d.title, d.date FROM questions q"
            " JOIN documents d ON d.id = q.doc_id WHERE q.doc_id = ? AND q.number = ?"
            " ORDER BY q.position LIMIT 1",
            (doc_id, number),
        )
        if found:
            text, party, genre, title, date = found[0]
            hits.append(
                SimilarHit(
                    doc_id=doc_id,
                    question_number=number,
                    party=party,
                    genre=genre,
                    title=title or "",
                    date=date,
                    text=text,
                    score=round(score, 6),
                )
            )
    return hits


def _ranked(keys: list[Key]) -> list[tuple[Key, float]]:
    return [(k, 1.0 / (i + 1)) for i, k in enumerate(keys)]


def run_similar(
    store: SQLStore,
    *,
    text: str | None,
    question: tuple[str, str] | None,
    limit: int,
    method: str,
) -> SimilarResponse:
    if not 1 <= limit <= MAX_SIMILAR_LIMIT:
        raise KamerqaInputError(f"limit must be between 1 and {MAX_SIMILAR_LIMIT} (got {limit})")
    exclude: Key | None = None
    if question is not None:
        found = (
            []
            if "\x00" in "".join(question)
            else store.execute(
                "SELECT text FROM questions WHERE doc_id = ? AND number = ?"
                " ORDER BY position LIMIT 1",
                question,
            )
        )
        if not found:
            raise KamerqaInputError(f"no question {question[1]} in document {question[0]}")
        text, exclude = str(found[0][0]), (question[0], question[1])
    if not text or not text.strip():
        raise KamerqaInputError("give a text or a question to compare with")
    if method not in ("auto", "lexical", "dense", "hybrid"):
        raise KamerqaInputError(f"unknown similarity method {method!r}")
    lexical = _lexical(store, text, exclude) if method != "dense" else []
    dense = _dense(store, text, exclude) if method != "lexical" else None
    if dense is None or method == "lexical":
        return SimilarResponse(method="lexical", hits=_hits(store, _ranked(lexical), limit))
    if method == "dense":
        return SimilarResponse(method="dense", hits=_hits(store, _ranked(dense), limit))
    fused: Any = rrf([lexical, dense], [LEXICAL_WEIGHT, 1.0])
    return SimilarResponse(method="hybrid", hits=_hits(store, fused, limit))
