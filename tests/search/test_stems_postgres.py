"""dutch_porter (PyStemmer) gives the stems of PostgreSQL's `dutch` configuration."""

from __future__ import annotations

import pytest

from conftest import missing_service
from kamerqa.search.analysis import stem

WORDS = [
    "gemeenten",
    "mening",
    "minister",
    "ministers",
    "vragen",
    "vraag",
    "antwoorden",
    "beleid",
    "veiligheid",
    "wetsvoorstel",
    "kinderen",
    "drones",
    "drone",
    "luchtverdediging",
    "verzekeraars",
    "huurtoeslag",
    "maatregelen",
    "onderzoeken",
    "onderzocht",
    "geleverd",
    "leveringen",
    "ontwikkelingen",
    "afspraken",
    "bondgenoten",
    "capaciteiten",
    "investeringen",
    "voorstellen",
    "gesprekken",
    "regelingen",
]


@pytest.mark.postgres
def test_stems_equal_postgresql_dutch_config() -> None:
    psycopg = pytest.importorskip("psycopg")
    try:
        conn = psycopg.connect(
            "postgresql://postgres@127.0.0.1:5432/postgres", connect_timeout=3, autocommit=True
        )
    except psycopg.OperationalError:
        missing_service("PostgreSQL")
    with conn:
        rows = conn.execute(
            "SELECT w, (ts_lexize('dutch_stem', w))[1] FROM unnest(%s::text[]) AS w", (WORDS,)
        ).fetchall()
    differing = [(w, pg, stem(w)) for w, pg in rows if pg != stem(w)]
    assert not differing
