"""The query language and its FTS5 / tsquery compilation."""

from __future__ import annotations

import re

from kamerqa.search.analysis import stem
from kamerqa.search.query import parse_query, to_fts5, to_tsquery


def test_words_phrases_or_exclusion_prefix() -> None:
    query = parse_query('drones "eerste lijn" raket OR wapen -oekraine defensie*')
    kinds = [[t.kind for t in clause] for clause in query.clauses]
    assert kinds == [["word"], ["phrase"], ["word", "word"], ["prefix"]]
    assert query.clauses[1][0].values == (stem("eerste"), stem("lijn"))
    assert [t.values for t in query.excluded] == [(stem("oekraine"),)]
    assert query.clauses[3][0].values == ("defensie",)


def test_fts5_expression_quotes_every_token() -> None:
    expression = to_fts5(parse_query('near OR and "not x" -or'))
    assert '"near"' in expression and '"and"' in expression and '"not x"' in expression
    assert ' NOT ({stems parts} : ("or"))' in expression


def test_tsquery_uses_weights_for_streams() -> None:
    text = to_tsquery(parse_query('drone "eerste lijn" defensie* -x'))
    assert "'dron':AB" in text
    assert "'eerst':A <-> 'lijn':A" in text
    assert "'defensie':*C" in text
    assert text.endswith("& !(('x':AB))")


def test_stray_syntax_is_ignored() -> None:
    assert parse_query('OR " -').empty
    assert not parse_query('"drones').empty
    assert parse_query("a-b").clauses[0][0].kind == "phrase"


_OUR_SYNTAX = {"stems", "words", ":", "(", ")", "OR", "AND", "NOT", "*"}


def _shape(text: str) -> tuple[list[list[tuple[str, tuple[str, ...]]]], list[tuple[str, ...]]]:
    query = parse_query(text)
    return (
        [[(t.kind, t.values) for t in clause] for clause in query.clauses],
        [t.values for t in query.excluded],
    )


def test_fts5_column_filters_and_operators_are_plain_text() -> None:
    drones = _shape("drones")
    for text in ("col:drones", "stems:drones", "{stems parts}:drones", "^drones", "(drones)",
                 "drones:", "+drones"):  # fmt: skip
        assert _shape(text) == drones, text
    assert _shape("-col:drones") == _shape("col:-drones") == _shape("-drones")
    assert _shape("title:defensie*") == _shape("defensie*")
    assert _shape("NEAR(drones raketten)") == _shape("near drones raketten")
    assert _shape("drones+raketten") == _shape("drones raketten")
    assert _shape('col:"eerste lijn"') == _shape('"eerste lijn"')
    for text in ("col:drones", "{stems}:x NEAR(a b) ^c", "a:b:c", ":drones", "stems : drone"):
        syntax = re.sub(r'"(?:[^"]|"")*"|([()])', r" \1 ", to_fts5(parse_query(text)))
        assert set(syntax.replace("{stems parts}", " ").split()) <= _OUR_SYNTAX, text
