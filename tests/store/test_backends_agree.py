"""SQLite FTS5 and PostgreSQL tsvector return the same matches for the same data."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from kamerqa.search import SearchRequest
from kamerqa.store import Store, open_store
from store.docs import make_document

WORDS = [
    "drone",
    "drones",
    "dronemuur",
    "droneafweer",
    "defensie",
    "defensie-industrie",
    "luchtverdediging",
    "raketten",
    "huurtoeslag",
    "zorgverzekeraar",
    "eerste",
    "lijn",
    "huisarts",
    "gemeenten",
    "gemeente",
    "kinderopvangtoeslag",
    "stikstof",
    "boeren",
    "natuurgebied",
    "minister",
    "ministers",
    "vragen",
    "antwoord",
    "beleid",
    "veiligheidsbeleid",
    "Oekraïne",
    "NAVO",
    "coördinatie",
    "één",
    "politie",
    "politieagent",
    "wijkagenten",
    "asielzoekers",
    "opvang",
    "wetsvoorstel",
    "wetgeving",
    "kamer",
    "energieprijzen",
    "warmtepomp",
    "netcongestie",
]
PARTIES = ("SGP", "VVD", "PVV", "NSC", "D66", "GroenLinks-PvdA", "BBB")
QUERIES = [
    "drone", "drones", "dronemuur", "muur", "afweer", "defensie*", '"eerste lijn"',
    "gemeenten", "gemeente OR huisarts", "minister -drones", "stikstof boeren", "coordinatie",
    "één", "politie*", "wijkagent", '"lijn eerste"', "toeslag", "kinderopvang", "industrie",
    "asielzoeker", "opvang -asielzoekers", "beleid", "veiligheid", "warmtepompen", "net*",
    "-drones", '-drone -"eerste lijn"', "-defensie*", "col:drones", "NEAR(drone muur) ^beleid",
]  # fmt: skip


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 14))).capitalize() + "."


def _documents() -> list:
    rng = random.Random(20251008)
    docs = []
    for n in range(30):
        qa = [
            (rng.choice(PARTIES), _sentence(rng) + "?", _sentence(rng) + " " + _sentence(rng))
            for _ in range(rng.randint(1, 4))
        ]
        answered = date(2023, 1, 1) + timedelta(days=rng.randint(0, 900))
        docs.append(make_document(f"2025D{n:05d}", qa=qa, answered=answered, joint=n % 5 == 0))
    return docs


FILTERS: list[dict[str, object]] = [
    {}, {"party": "SGP"}, {"party": "groenlinks-pvda", "scope": "answers"},
    {"year": 2024, "scope": "questions"}, {"date_from": date(2024, 1, 1)},
]  # fmt: skip


def _results(store: Store) -> dict[str, tuple[set[tuple[str, str, str]], list[str]]]:
    results = {}
    for n, query in enumerate(QUERIES):
        extra = FILTERS[n % len(FILTERS)]
        by_relevance = store.search(
            SearchRequest(query=query, limit=1000, facets=False, **extra)  # type: ignore[arg-type]
        )
        by_date = store.search(
            SearchRequest(query=query, limit=1000, sort="date", facets=False, **extra)  # type: ignore[arg-type]
        )
        hits = {(h.doc_id, h.kind, ",".join(h.question_numbers)) for h in by_relevance.hits}
        assert by_relevance.total == len(hits)
        results[query] = (hits, [f"{h.doc_id}/{h.kind}/{h.answer_id}" for h in by_date.hits])
    return results


@pytest.mark.postgres
def test_sqlite_and_postgresql_match_the_same_units(tmp_path: Path, pg_url: str) -> None:
    outcomes = []
    for url in (str(tmp_path / "agree.db"), pg_url):
        with open_store(url) as store:
            for doc in _documents():
                store.upsert_document(doc)
            outcomes.append(_results(store))
    sqlite_results, pg_results = outcomes
    assert sum(len(hits) for hits, _ in sqlite_results.values()) > 100
    for query in QUERIES:
        assert sqlite_results[query] == pg_results[query], query
