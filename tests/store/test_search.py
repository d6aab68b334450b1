"""Lexical search through the Store (SQLite FTS5 and PostgreSQL tsvector)."""

from __future__ import annotations

from datetime import date

import pytest

from kamerqa.errors import KamerqaInputError
from kamerqa.model import Person
from kamerqa.search import DocumentFilters, SearchRequest
from kamerqa.store import Store
from store.docs import make_document

OTHER_QA = [
    ("PVV", "Hoeveel raketten zijn er aan Oekraïne geleverd?", "Er zijn raketten geleverd."),
    ("DENK", "Mogen boa's een hoofddoekje dragen?", "Nee, boa’s dragen een uniform."),
    ("D66", "Is de minister bekend met het bericht over drones boven kazernes?", "Ja."),
]


@pytest.fixture
def filled(store: Store) -> Store:
    store.upsert_document(
        make_document(
            "2025D10001",
            askers=[Person(name="Diederik van Dijk", party="SGP")],
            addressees=["minister van Defensie"],
        )
    )
    store.upsert_document(
        make_document(
            "2024D20002",
            genre="kamervragen",
            committee="vaste commissie voor Buitenlandse Zaken",
            answered=date(2024, 5, 2),
            submitted=date(2024, 4, 1),
            qa=OTHER_QA,
            askers=[Person(name="Jansen", party="PVV")],
            addressees=["minister van Buitenlandse Zaken"],
        )
    )
    return store


def keys(store: Store, **kwargs: object) -> set[tuple[str, str, str]]:
    response = store.search(SearchRequest(limit=100, **kwargs))  # type: ignore[arg-type]
    assert response.total == len(response.hits)
    return {(h.doc_id, h.kind, ",".join(h.question_numbers)) for h in response.hits}


def test_stemmed_word_finds_plural_singular_and_compounds(filled: Store) -> None:
    found = keys(filled, query="drone")
    assert ("2025D10001", "question", "1") in found  # "drones", "dronemuur"
    assert ("2025D10001", "answer", "1") in found
    assert ("2024D20002", "question", "3") in found  # "drones"
    assert keys(filled, query="drones") == found
    assert ("2025D10001", "answer", "1") in keys(filled, query="muur")  # part of "dronemuur"


def test_all_words_must_match_and_or_widens(filled: Store) -> None:
    both = keys(filled, query="drones kazernes")
    assert both == {("2024D20002", "question", "3")}
    either = keys(filled, query="kazernes OR raketten")
    assert either == {
        ("2024D20002", "question", "1"),
        ("2024D20002", "answer", "1"),
        ("2024D20002", "question", "3"),
    }


def test_phrase_exclusion_and_prefix(filled: Store) -> None:
    assert keys(filled, query='"eerste lijn"') == {
        ("2025D10001", "question", "3"),
        ("2025D10001", "answer", "3"),
    }
    assert keys(filled, query='"lijn eerste"') == set()
    assert ("2024D20002", "question", "3") not in keys(filled, query="drones -kazernes")
    assert keys(filled, query="drones -kazernes")
    assert keys(filled, query="huurtoesl*") == {
        ("2025D10001", "question", "4"),
        ("2025D10001", "answer", "4"),
    }


def test_diminutives_and_apostrophe_plurals(filled: Store) -> None:
    assert keys(filled, query="hoofddoek boa") == {("2024D20002", "question", "2")}
    assert keys(filled, query="boa") == {
        ("2024D20002", "question", "2"),
        ("2024D20002", "answer", "2"),
    }


def test_filters_and_scope(filled: Store) -> None:
    sgp = filled.search(SearchRequest(query="drones", party="sgp", limit=50))
    assert sgp.hits and {h.party for h in sgp.hits} == {"SGP"}
    assert keys(filled, query="drones", genre="kamervragen") == {("2024D20002", "question", "3")}
    assert keys(filled, query="drones", asker="van dijk") == keys(
        filled, query="drones", committee="defensie"
    )
    assert {d for d, _, _ in keys(filled, query="drones", ministry="Buitenlandse")} == {
        "2024D20002"
    }
    assert {d for d, _, _ in keys(filled, query="drones", date_to=date(2024, 12, 31))} == {
        "2024D20002"
    }
    assert {k for _, k, _ in keys(filled, query="drones", scope="answers")} == {"answer"}
    assert {k for _, k, _ in keys(filled, query="drones", scope="questions")} == {"question"}


def test_sort_by_date_and_paging(filled: Store) -> None:
    response = filled.search(SearchRequest(query="drones", sort="date", limit=50))
    dates = [h.date for h in response.hits]
    assert dates == sorted(dates, reverse=True)
    page = filled.search(SearchRequest(query="drones", sort="date", limit=1, offset=1))
    assert page.total == response.total
    assert page.hits[0].doc_id == response.hits[1].doc_id


def test_facets_count_matches(filled: Store) -> None:
    response = filled.search(SearchRequest(query="drones"))
    facets = {name: {f.value: f.count for f in values} for name, values in response.facets.items()}
    assert sum(facets["genre"].values()) == response.total
    assert facets["genre"]["kamervragen"] == 1
    assert facets["year"] == {"2025": response.total - 1, "2024": 1}
    assert facets["ministry"] == {"Defensie": response.total - 1, "Buitenlandse Zaken": 1}
    assert facets["asker"]["Jansen"] == 1


def test_facets_with_sql_side_filter_and_without_query(filled: Store) -> None:
    filtered = filled.search(SearchRequest(query="drones", ministry="Buitenlandse Zaken"))
    facets = {n: {f.value: f.count for f in v} for n, v in filtered.facets.items()}
    assert filtered.total == 1
    assert facets["genre"] == {"kamervragen": 1}
    assert facets["party"] == {"D66": 1}
    assert facets["committee"] == {"vaste commissie voor Buitenlandse Zaken": 1}
    listing = filled.search(SearchRequest(query="", year=2024))
    counts = {n: {f.value: f.count for f in v} for n, v in listing.facets.items()}
    assert counts["year"] == {"2024": listing.total}
    assert counts["asker"] == {"Jansen": listing.total}


def test_sqlite_search_reads_units_through_the_narrow_index(filled: Store) -> None:
    if filled.dialect != "sqlite":
        pytest.skip("SQLite index hint")
    assert filled.units_sql("u") == "qa_units u INDEXED BY qa_units_lookup"  # type: ignore[attr-defined]
    plan = filled.execute(
        "EXPLAIN QUERY PLAN SELECT u.doc_id FROM qa_fts f JOIN "
        + filled.units_sql("u")  # type: ignore[attr-defined]
        + " ON u.unit_id = f.rowid WHERE qa_fts MATCH 'drone'"
    )
    assert any("COVERING INDEX qa_units_lookup" in str(row[-1]) for row in plan)


def test_optimized_index_answers_the_same(filled: Store) -> None:
    before = filled.search(SearchRequest(query="drones OR raketten", limit=100))
    filled.optimize_index()
    after = filled.search(SearchRequest(query="drones OR raketten", limit=100))
    assert [(h.doc_id, h.kind, h.score) for h in after.hits] == [
        (h.doc_id, h.kind, h.score) for h in before.hits
    ]
    assert after.total == before.total > 1


def test_snippets_escape_text_and_mark_matches(filled: Store) -> None:
    response = filled.search(SearchRequest(query="afweer", scope="answers"))
    snippet = response.hits[0].snippet
    assert "<mark>afweer</mark>" in snippet
    assert "&lt;b&gt;langs&lt;/b&gt;" in snippet and "&amp;" in snippet
    assert "<b>" not in snippet
    question_hit = filled.search(SearchRequest(query="dronemuur", scope="questions")).hits[0]
    assert question_hit.answer_text and "dronemuur" in question_hit.answer_text


def test_query_without_words_lists_by_filters(filled: Store) -> None:
    response = filled.search(SearchRequest(query="", party="PVV", limit=10))
    assert response.total == 2
    assert {h.party for h in response.hits} == {"PVV"}


def test_hostile_queries_do_not_fail(filled: Store) -> None:
    for query in ['"', "OR", "-", "*", 'NEAR(a b) AND "x', "'; DROP TABLE documents; --", "a:b"]:
        response = filled.search(SearchRequest(query=query))
        assert response.total >= 0
    assert filled.count_documents() == 2


def test_nul_in_ids_and_filters_finds_nothing(filled: Store) -> None:
    assert filled.get_document("\x00") is None
    assert filled.get_document("2025D10001\x00") is None
    assert filled.delete_document("2025D10001\x00") is False
    assert filled.count_documents() == 2
    for name in ("party", "genre", "asker", "ministry", "committee"):
        request = SearchRequest(query="drones", **{name: "S\x00GP"})  # type: ignore[arg-type]
        assert filled.search(request).total == 0, name
        assert filled.count_documents(DocumentFilters(**{name: "x\x00"})) == 0, name  # type: ignore[arg-type]
        assert filled.list_documents(DocumentFilters(**{name: "\x00"})) == [], name  # type: ignore[arg-type]
    assert filled.search(SearchRequest(query="drones\x00")).total > 0  # NUL in a query separates
    with pytest.raises(KamerqaInputError, match="no question"):
        filled.similar(question=("2025D10001\x00", "1"), method="lexical")


def test_query_of_only_exclusions_lists_every_other_unit(filled: Store) -> None:
    everything = keys(filled)
    drones = keys(filled, query="drones")
    assert drones and drones < everything
    assert keys(filled, query="-drones") == everything - drones
    assert keys(filled, query="-drones -raketten") == everything - drones - keys(
        filled, query="raketten"
    )
    by_party = keys(filled, query="-drones", party="PVV")
    assert by_party == keys(filled, party="PVV") - drones
    dated = filled.search(SearchRequest(query="-drones", sort="relevance", limit=100))
    assert [h.score for h in dated.hits] == [0.0] * len(dated.hits)


def test_column_filter_syntax_in_a_query_is_plain_text(filled: Store) -> None:
    drones = keys(filled, query="drones")
    assert drones
    assert keys(filled, query="col:drones") == drones
    assert keys(filled, query="{stems parts}:drones") == drones
    assert keys(filled, query="(drones) ^drones") == drones
    assert keys(filled, query="-col:drones") == keys(filled) - drones
