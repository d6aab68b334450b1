"""Similar questions: lexical BM25 on stems, dense vectors stored in the database, hybrid."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from kamerqa.errors import KamerqaInputError
from kamerqa.search import SearchRequest
from kamerqa.search.similarity import MODEL_NAME, load_encoder
from kamerqa.store import Store
from store.docs import make_document


@pytest.fixture
def filled(store: Store) -> Store:
    store.upsert_document(make_document("2025D30001"))
    return store


def test_lexical_finds_the_question_sharing_words(filled: Store) -> None:
    response = filled.similar(
        "Welke dronemuur wil het kabinet aan de oostflank?", method="lexical", limit=3
    )
    assert response.method == "lexical"
    assert response.hits[0].question_number == "1"


def test_similar_to_a_stored_question_excludes_itself(filled: Store) -> None:
    response = filled.similar(question=("2025D30001", "2"), method="lexical")
    assert ("2025D30001", "2") not in {(h.doc_id, h.question_number) for h in response.hits}
    with pytest.raises(KamerqaInputError):
        filled.similar(question=("2025D30001", "99"))
    with pytest.raises(KamerqaInputError):
        filled.similar("  ")


def test_dense_vectors_are_stored_and_find_paraphrases(filled: Store) -> None:
    if load_encoder() is None:
        response = filled.similar("onbemande vliegtuigen", limit=2)
        assert response.method == "lexical"
        return
    response = filled.similar(
        "Hoeveel quadcopters bestelde het leger dit jaar?", method="dense", limit=1
    )
    assert response.method == "dense"
    assert response.hits[0].question_number == "1"
    rows = filled.execute(
        "SELECT dim, count(*) FROM embeddings WHERE model = ? GROUP BY dim", (MODEL_NAME,)
    )
    assert rows == [(512, 4)]
    assert filled.similar("huurtoeslag voor gezinnen").method == "hybrid"


@pytest.mark.parametrize("limit", [-5, 0, 1_000_000])
def test_limit_out_of_range_is_refused(filled: Store, limit: int) -> None:
    with pytest.raises(KamerqaInputError, match="limit"):
        filled.similar(text="drones", limit=limit, method="lexical")
    with pytest.raises(ValidationError):
        SearchRequest(query="drones", limit=limit)
    assert len(filled.similar(text="drones", limit=1, method="lexical").hits) == 1
