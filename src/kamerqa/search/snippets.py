"""Snippets: the best window of a text with matched words in <mark>, HTML-escaped."""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from html import escape

from kamerqa.search.analysis import compound_parts, stem, word_spans

WINDOW_WORDS = 32


@lru_cache(maxsize=100_000)
def _matches(folded: str, stems: frozenset[str], prefixes: tuple[str, ...]) -> bool:
    if stem(folded) in stems or folded.startswith(prefixes or ("\0",)):
        return True
    return any(stem(part) in stems for part in compound_parts(folded))


def matched_spans(
    text: str, stems: set[str], prefixes: tuple[str, ...] = ()
) -> list[tuple[int, int]]:
    """(start, end) offsets in ``text`` of words that match the query's stems/prefixes."""
    frozen = frozenset(stems)
    return [(s, e) for s, e, w in word_spans(text) if _matches(w, frozen, prefixes)]


def highlight(text: str, spans: list[tuple[int, int]]) -> str:
    """Escape ``text`` and wrap each span in <mark> (escaping first, then marking)."""
    out: list[str] = []
    last = 0
    for start, end in spans:
        out.append(escape(text[last:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(escape(text[last:]))
    return "".join(out)


def snippet(
    text: str, stems: set[str], prefixes: tuple[str, ...] = (), window: int = WINDOW_WORDS
) -> str:
    """The window of about ``window`` words with the most matches, highlighted."""
    spans = word_spans(text)
    if not spans:
        return escape(text)
    frozen = frozenset(stems)
    hits = [i for i, (_, _, word) in enumerate(spans) if _matches(word, frozen, prefixes)]
    best = 0
    if hits:
        best = max(hits, key=lambda i: bisect_left(hits, i + window) - bisect_left(hits, i))
        best = max(0, min(best - 3, len(spans) - window))
    first, last = best, min(len(spans), best + window) - 1
    start = 0 if first == 0 else spans[first][0]
    end = len(text) if last == len(spans) - 1 else spans[last][1]
    marked = [(s, e) for s, e, _ in (spans[i] for i in hits) if start <= s and e <= end]
    body = highlight(text[start:end], [(s - start, e - start) for s, e in marked])
    return ("… " if start > 0 else "") + body + (" …" if end < len(text) else "")
