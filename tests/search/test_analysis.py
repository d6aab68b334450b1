"""Dutch analysis: folding, dutch_porter stems, compound parts, plural mapping."""

from __future__ import annotations

import pytest

from kamerqa.search.analysis import analyse, compound_parts, fold, query_stems, stem, words


def test_fold_lowercases_and_strips_diacritics() -> None:
    assert fold("Één Coördinatie Oekraïne") == "een coordinatie oekraine"
    assert words("auto's, boa’s, NAVO-norm; 1,5%") == ["auto", "boa", "navo", "norm", "1", "5"]


def test_dutch_porter_keeps_meaningful_stems() -> None:
    # the aggressive 'dutch' Snowball stemmer maps both to "meen"; dutch_porter keeps them apart
    assert stem("gemeenten") != stem("mening")
    assert stem("vragen") == stem("vraag")
    assert stem("ministers") == stem("minister")


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("dronemuur", ("drone", "muur")),
        ("droneafweer", ("drone", "afweer")),
        ("drones", ("drone",)),
        ("veiligheidsbeleid", ("veiligheid", "beleid")),
        ("droneproductie", ("drone", "productie")),
    ],
)
def test_compounds_split_into_known_parts(word: str, parts: tuple[str, ...]) -> None:
    assert compound_parts(word)[: len(parts)] == parts


@pytest.mark.parametrize("word", ["zorgvuldig", "burgerlijk", "beleidsmatig", "wethouder", "muur"])
def test_non_compounds_are_not_split(word: str) -> None:
    assert compound_parts(word) == ()


def test_diminutives_also_index_their_noun() -> None:
    assert compound_parts("hoofddoekjes") == ("hoofddoek",)
    assert "boom" in compound_parts("boompje")
    assert "man" in compound_parts("mannetje")
    assert {"bier", "boot"} <= set(compound_parts("biertje") + compound_parts("bootje"))
    assert compound_parts("project") == ()


def test_analyse_builds_three_aligned_streams() -> None:
    analysed = analyse("De dronemuur en drones")
    assert analysed.words.split() == ["de", "dronemuur", "en", "drones"]
    assert len(analysed.stems.split()) == 4
    assert set(analysed.parts.split()) == {stem("drone"), stem("muur")}


def test_query_word_also_looks_up_the_singular_of_a_plural() -> None:
    assert query_stems("drones") == [stem("drones"), stem("drone")]
    assert query_stems("Drone") == [stem("drone")]
