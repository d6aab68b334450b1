"""Markdown and HTML renderers: structure, footnotes, escaping of document text."""

from __future__ import annotations

from html.parser import HTMLParser

from markdown_it import MarkdownIt

from kamerqa.model import Document
from kamerqa.render import render

PAYLOAD = '<script>alert("x")</script> <img src=x onerror=alert(1)> *nadruk* [link](javascript:x)'


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse_html(html: str) -> _Collector:
    collector = _Collector()
    collector.feed(html)
    return collector


def test_html_escapes_document_text(letter: Document) -> None:
    letter.answers[0].text += "\n" + PAYLOAD
    letter.footnotes[0].text = PAYLOAD
    html = render(letter, "html")
    assert isinstance(html, str)
    parsed = _parse_html(html)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert PAYLOAD in "".join(parsed.text)


def test_html_structure_and_footnote_links(letter: Document) -> None:
    html = render(letter, "html")
    assert isinstance(html, str)
    assert '<h4 class="question-heading">Vraag 1</h4>' in html
    assert '<h3 class="section">Vragen en opmerkingen van de leden van de PVV-fractie</h3>' in html
    assert 'href="#fn-3" id="fnref-3"' in html
    assert '<li id="fn-3" value="3">Kamerstuk 21 501-33, nr. 1000.' in html


def test_markdown_structure_and_footnote(letter: Document) -> None:
    md = render(letter, "md")
    assert isinstance(md, str)
    assert "## Vragen en antwoorden" in md
    assert "#### Vraag 2" in md
    assert "**Antwoord op vraag 2 en 3**" in md
    assert "De brug is in oktober geopend.[^3]" in md
    assert md.rstrip().endswith("[^3]: Kamerstuk 21 501-33, nr. 1000.")


def test_markdown_escapes_document_text(letter: Document) -> None:
    letter.answers[0].text += "\n# geen kop\n" + PAYLOAD
    md = render(letter, "md")
    assert isinstance(md, str)
    html = MarkdownIt("commonmark").render(md)
    parsed = _parse_html(html)
    assert "script" not in parsed.tags and "img" not in parsed.tags
    assert "em" not in parsed.tags and "a" not in parsed.tags
    assert "<h1>geen kop</h1>" not in html
    assert "# geen kop" in "".join(parsed.text)
