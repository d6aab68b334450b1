"""A joint inbreng ("CDA, ChristenUnie") is found by each of its parties, on both backends."""

from __future__ import annotations

from kamerqa.search import DocumentFilters, SearchRequest
from kamerqa.store import Store
from store.docs import make_document

JOINT_QA = [
    ("CDA, ChristenUnie", "Hoe staat het met de mantelzorgboete?", "Die wordt afgeschaft."),
    ("SP", "Wanneer komt de mantelzorgbrief?", "Voor de zomer."),
    ("GroenLinks-PvdA, SP", "Wat kost de mantelzorgregeling?", "Twaalf miljoen euro."),
]


def _filled(store: Store) -> Store:
    store.upsert_document(make_document("2026D00077", qa=JOINT_QA))
    return store


def test_party_filter_matches_one_party_of_a_joint_inbreng(store: Store) -> None:
    _filled(store)
    hits = store.search(SearchRequest(query="mantelzorg*", party="SP", scope="questions")).hits
    assert sorted(h.question_number or "" for h in hits) == ["2", "3"]
    hits = store.search(SearchRequest(query="mantelzorg*", party="cda", scope="questions")).hits
    assert [h.question_number for h in hits] == ["1"]
    # no partial names: "Groen" is not a party of any question
    assert not store.search(SearchRequest(query="mantelzorg*", party="Groen")).hits


def test_party_facet_counts_each_party_of_a_joint_inbreng(store: Store) -> None:
    _filled(store)
    facets = store.search(SearchRequest(query="mantelzorg*", scope="questions")).facets
    counts = {f.value: f.count for f in facets["party"]}
    assert counts == {"CDA": 1, "ChristenUnie": 1, "SP": 2, "GroenLinks-PvdA": 1}


def test_document_filter_matches_a_party_inside_a_joint_inbreng(store: Store) -> None:
    _filled(store)
    assert store.count_documents(DocumentFilters(party="ChristenUnie")) == 1
    assert store.count_documents(DocumentFilters(party="Christen%")) == 0
