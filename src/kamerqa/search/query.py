"""The query language and its compilation to SQLite FTS5 MATCH and PostgreSQL tsquery.

Syntax (like web search engines): ``drones defensie`` (all words), ``"eerste lijn"``
(phrase), ``drones OR raketten`` (either; OR binds tighter than the implicit AND),
``-oekraine`` / ``-"tweede kamer"`` (exclude), ``defensie*`` (prefix of a word as written).
Words are matched by their dutch_porter stem in the stems and compound-parts streams
(see :mod:`kamerqa.search.analysis`); phrases in the stems stream; prefixes on the words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from kamerqa.search.analysis import prefix_form, query_stems, stem, words

TermKind = Literal["word", "phrase", "prefix", "meta"]
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
# a column filter at the start of a word: "col:", "title:", "{stems parts}:" (then a word)
_QUALIFIER = re.compile(r"(?<![^\s(^+-])(?:\{[^{}\"]*\}|[^\W\d_]+)\s*:(?=[^\s:])")
_OPERATORS = re.compile(r"[\^(){}+]")


@dataclass(frozen=True)
class Term:
    kind: TermKind
    # word: alternative stems; phrase: stems in order; prefix: (prefix,); meta: (token,)
    values: tuple[str, ...]


@dataclass
class Query:
    """AND of clauses; a clause is an OR of terms; ``excluded`` terms must not match."""

    clauses: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.clauses

    def highlight_stems(self) -> set[str]:
        return {
            v
            for clause in self.clauses
            for t in clause
            if t.kind in ("word", "phrase")
            for v in t.values
        }

    def highlight_prefixes(self) -> tuple[str, ...]:
        return tuple(t.values[0] for c in self.clauses for t in c if t.kind == "prefix")


def _terms(raw: str, quoted: bool) -> list[Term]:
    if quoted:
        stems = tuple(stem(w) for w in words(raw))
        if len(stems) > 1:
            return [Term("phrase", stems)]
        return [Term("word", stems)] if stems else []
    if raw.endswith("*") and prefix_form(raw.rstrip("*")):
        return [Term("prefix", (prefix_form(raw.rstrip("*")),))]
    found = words(raw)
    if len(found) > 1:  # "anti-drone" is written as one token: treat it as a phrase
        return [Term("phrase", tuple(stem(w) for w in found))]
    return [Term("word", tuple(query_stems(found[0])))] if found else []


def plain_text(text: str) -> str:
    """``text`` without FTS5 syntax the language does not have: a column qualifier before a
    word (``col:drones``, ``{stems parts}:drone``) is dropped, like an unknown field of a web
    search engine; ``^ ( ) { } +`` separate words. Every term is quoted for FTS5 anyway, so
    none of this can reach the index as syntax."""
    return _OPERATORS.sub(" ", _QUALIFIER.sub("", text))


def parse_query(text: str) -> Query:
    """Parse the user's query; never raises (stray quotes and operators are ignored)."""
    query = Query()
    join_next = False
    for match in _TOKEN.finditer(plain_text(text)):
        negated, quoted, bare = match.group(1), match.group(2), match.group(3)
        if bare == "OR":
            join_next = bool(query.clauses)
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            query.excluded.extend(_terms(bare[1:], quoted=False))
            continue
        terms = _terms(quoted if quoted is not None else bare, quoted is not None)
        if negated:
            query.excluded.extend(terms)
        elif terms and join_next:
            query.clauses[-1].extend(terms)
        elif terms:
            query.clauses.append(terms)
        join_next = False
    return query


# -- SQLite FTS5 (columns: stems, parts, words) ------------------------------------------
def _fts_quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def _fts_term(term: Term) -> str:
    if term.kind == "meta":
        return f"meta : {_fts_quote(term.values[0])}"
    if term.kind == "prefix":
        return f"words : {_fts_quote(term.values[0])} *"
    if term.kind == "phrase":
        return "stems : " + _fts_quote(" ".join(term.values))
    return "{stems parts} : (" + " OR ".join(_fts_quote(v) for v in term.values) + ")"


def to_fts5(query: Query) -> str:
    """The FTS5 MATCH expression of ``query`` (requires at least one clause)."""
    clauses = ["(" + " OR ".join(_fts_term(t) for t in clause) + ")" for clause in query.clauses]
    expression = " AND ".join(clauses)
    if query.excluded:
        expression += " NOT (" + " OR ".join(_fts_term(t) for t in query.excluded) + ")"
    return expression


def meta_token(facet: str, value: object) -> str:
    """The index token of a filter value: ("party", "GroenLinks-PvdA") -> "partygroenlinkspvda".

    Party, genre, year and kind are indexed as tokens of a fourth stream (``meta``), so these
    filters are answered by the index itself instead of a join per match."""
    return facet + "".join(words(str(value)))


def with_filters(query: Query, tokens: list[str]) -> Query:
    """``query`` AND every meta token."""
    clauses = [list(c) for c in query.clauses] + [[Term("meta", (t,))] for t in tokens]
    return Query(clauses=clauses, excluded=list(query.excluded))


# -- PostgreSQL tsquery over setweight(stems,'A') || setweight(parts,'B') || (words,'C') --
# -- || (meta, 'D') ------------------------------------------------------------------------
def _pg_lexeme(token: str, suffix: str) -> str:
    return "'" + token.replace("'", "''").replace("\\", "\\\\") + "':" + suffix


def _pg_term(term: Term) -> str:
    if term.kind == "meta":
        return _pg_lexeme(term.values[0], "D")
    if term.kind == "prefix":
        return _pg_lexeme(term.values[0], "*C")
    if term.kind == "phrase":
        return "(" + " <-> ".join(_pg_lexeme(v, "A") for v in term.values) + ")"
    return "(" + " | ".join(_pg_lexeme(v, "AB") for v in term.values) + ")"


def to_tsquery(query: Query) -> str:
    """The text of a ``to_tsquery('simple', …)`` argument equivalent to :func:`to_fts5`."""
    clauses = ["(" + " | ".join(_pg_term(t) for t in clause) + ")" for clause in query.clauses]
    expression = " & ".join(clauses)
    if query.excluded:
        expression += " & !(" + " | ".join(_pg_term(t) for t in query.excluded) + ")"
    return expression
