"""Document text to safe HTML: paragraphs, links to cross-referenced answers and to citations.

Text is escaped piece by piece; only the anchors built here are markup. A cross-reference
("zie antwoord op vraag 2") becomes a link to ``#antwoord-2`` that the page script previews;
a citation with a KOOP id links to its official source on zoek.officielebekendmakingen.nl.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from urllib.parse import quote

from markupsafe import Markup, escape

from kamerqa.model import Reference

OFFICIAL_URL = "https://zoek.officielebekendmakingen.nl/{}"
_NUMBER = r"\d+[a-z]?"
_CROSSREF = re.compile(
    rf"\b(?P<lead>(?:antwoord(?:en)?\s+op\s+(?:de\s+)?)?vra(?:ag|gen)\s+)"
    rf"(?P<numbers>{_NUMBER}(?:\s*(?:,|en|t/m|tot en met)\s*{_NUMBER})*)",
    re.IGNORECASE,
)
_ONE_NUMBER = re.compile(_NUMBER)
_POINTER = re.compile(r"\b(zie|zoals|antwoord|eerder|hierboven|hiervoor)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    html: Markup


def official_url(koop_id: str) -> str:
    return OFFICIAL_URL.format(quote(koop_id, safe=""))


def _crossref_spans(text: str, targets: Collection[str], refers_to: Collection[str]) -> list[Span]:
    spans = []
    for match in _CROSSREF.finditer(text):
        context = text[max(0, match.start() - 40) : match.start()] + match.group("lead")
        pointing = bool(_POINTER.search(context))
        base = match.start("numbers")
        found = [
            n
            for n in _ONE_NUMBER.finditer(match.group("numbers"))
            if n.group() in targets and (n.group() in refers_to or pointing)
        ]
        if len(found) == 1 and len(_ONE_NUMBER.findall(match.group("numbers"))) == 1:
            spans.append(Span(match.start(), match.end(), _xref(found[0].group(), match.group())))
            continue
        for number in found:
            spans.append(
                Span(
                    base + number.start(),
                    base + number.end(),
                    _xref(number.group(), number.group()),
                )
            )
    return spans


def _xref(number: str, label: str) -> Markup:
    return Markup(
        '<a class="xref" href="#antwoord-{n}" data-preview="antwoord-{n}">{label}</a>'
    ).format(n=number, label=label)


def _citation_spans(text: str, references: Iterable[Reference]) -> list[Span]:
    spans = []
    for ref in references:
        if not ref.koop_id or not ref.text:
            continue
        start = text.find(ref.text)
        while start >= 0:
            link = Markup(
                '<a class="cite" href="{url}" rel="noopener" title="Officiële bron: {id}">{t}</a>'
            ).format(url=official_url(ref.koop_id), id=ref.koop_id, t=ref.text)
            spans.append(Span(start, start + len(ref.text), link))
            start = text.find(ref.text, start + len(ref.text))
    return spans


def _assemble(text: str, spans: list[Span]) -> Markup:
    out: list[str] = []
    position = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if span.start < position:
            continue  # overlapping: the first (longest) span wins
        out.append(escape(text[position : span.start]))
        out.append(span.html)
        position = span.end
    out.append(escape(text[position:]))
    return Markup("").join(out)


def rich_paragraphs(
    text: str,
    *,
    targets: Collection[str] = (),
    refers_to: Collection[str] = (),
    references: Iterable[Reference] = (),
) -> list[Markup]:
    """Escaped paragraphs of ``text`` with cross-reference and citation links."""
    references = list(references)
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    result = []
    for paragraph in paragraphs:
        spans = _crossref_spans(paragraph, targets, refers_to) if targets else []
        spans += _citation_spans(paragraph, references)
        result.append(_assemble(paragraph, spans))
    return result
