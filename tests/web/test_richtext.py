"""Text to safe HTML: escaping, cross-reference links, citation links, snippets, charts."""

from __future__ import annotations

from kamerqa.model import Reference
from kamerqa.web.charts import bar_chart
from kamerqa.web.render import safe_snippet
from kamerqa.web.richtext import rich_paragraphs

REF = Reference(type="kamerstuk", text="Kamerstuk 21 501-20, nr. 2290", koop_id="kst-21501-20-2290")


def test_paragraphs_are_escaped_and_split() -> None:
    paragraphs = rich_paragraphs('Eerste <b>alinea</b> & "meer".\n\nTweede alinea.')
    assert len(paragraphs) == 2
    assert "&lt;b&gt;alinea&lt;/b&gt; &amp;" in paragraphs[0]
    assert "<b>" not in paragraphs[0]


def test_pointer_to_another_answer_becomes_one_link() -> None:
    (html,) = rich_paragraphs("Zie antwoord op vraag 2.", targets={"1", "2"}, refers_to=["2"])
    assert html == (
        'Zie <a class="xref" href="#antwoord-2" data-preview="antwoord-2">antwoord op vraag 2</a>.'
    )


def test_several_numbers_link_each_known_question() -> None:
    (html,) = rich_paragraphs(
        "Zie de antwoorden op de vragen 3 en 4 en 17.", targets={"3", "4"}, refers_to=["3", "4"]
    )
    assert html.count('class="xref"') == 2
    assert 'href="#antwoord-17"' not in html


def test_numbers_that_are_not_pointers_stay_text() -> None:
    (html,) = rich_paragraphs("In vraag 2 staat een getal.", targets={"2"}, refers_to=[])
    assert "<a" not in html


def test_citations_link_to_official_publications() -> None:
    (html,) = rich_paragraphs(
        "Zie de motie (Kamerstuk 21 501-20, nr. 2290) over <dit>.", references=[REF]
    )
    assert 'href="https://zoek.officielebekendmakingen.nl/kst-21501-20-2290"' in html
    assert ">Kamerstuk 21 501-20, nr. 2290</a>" in html
    assert "&lt;dit&gt;" in html


def test_snippets_keep_only_mark() -> None:
    snippet = safe_snippet("a <mark>drone</mark> &lt;b&gt; <script>x</script> <mark>open")
    assert "<mark>drone</mark>" in snippet
    assert "<script>" not in snippet and "&lt;script&gt;" in snippet
    assert "&lt;b&gt;" in snippet
    assert snippet.endswith("</mark>")


def test_chart_labels_are_escaped() -> None:
    svg = bar_chart([("<script>", 3.0), ("VVD", 1.0)], title="t & t")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert "t &amp; t" in svg
    assert svg.count("<rect") == 2
