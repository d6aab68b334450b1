"""Fuzzing the HTML and KOOP XML readers: whatever the bytes, the outcome is a ReadResult with
clean blocks or one KamerqaInputError (never another exception)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kamerqa.errors import KamerqaInputError
from kamerqa.readers import html, xml
from kamerqa.readers.blocks import ReadResult

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SAMPLES = {
    "xml": [p.read_bytes() for p in sorted((FIXTURES / "xml").glob("*.xml"))],
    "html": [p.read_bytes() for p in sorted((FIXTURES / "html").glob("*.html"))],
}
READERS: dict[str, Callable[[bytes], ReadResult]] = {"xml": xml.read, "html": html.read}
ROLES = {"", "question", "answer", "question_heading", "answer_heading", "title", "meta"}
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(fmt: str, data: bytes) -> None:
    try:
        result = READERS[fmt](data)
    except KamerqaInputError as err:
        assert str(err) and "\n" not in str(err)
        return
    assert result.format == fmt
    assert result.blocks
    for block in result.blocks:
        assert block.text and block.text == block.text.strip()
        assert block.role in ROLES
        if block.kind != "table":
            assert "\n" not in block.text


@st.composite
def mutated(draw: st.DrawFn, fmt: str) -> bytes:
    data = bytearray(draw(st.sampled_from(SAMPLES[fmt])))
    for _ in range(draw(st.integers(1, 6))):
        start = draw(st.integers(0, len(data)))
        end = draw(st.integers(start, min(len(data), start + 200)))
        action = draw(st.sampled_from(["delete", "insert", "duplicate", "truncate", "flip"]))
        if action == "delete":
            del data[start:end]
        elif action == "insert":
            data[start:start] = draw(st.binary(max_size=40))
        elif action == "duplicate":
            data[start:start] = data[start:end]
        elif action == "truncate":
            del data[end:]
        elif data and start < len(data):
            data[start] ^= draw(st.integers(1, 255))
    return bytes(data)


XML_TAGS = ["vraag", "antwoord", "nr", "al", "noot", "noot.nr", "noot.al", "nootref", "lijst",
            "li", "li.nr", "table", "row", "entry", "tussenkop", "kop", "titel", "naam",
            "datum", "kamervraagomschrijving", "ondertekening", "nadruk", "br"]  # fmt: skip
HTML_TAGS = ["div", "p", "h2", "h3", "ul", "ol", "li", "table", "tr", "td", "sup", "a", "span",
             "strong", "br", "dl", "dt", "dd", "section", "nav", "script", "header"]  # fmt: skip
WORDS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)


def _markup(tags: list[str], attributes: list[str]) -> st.SearchStrategy[str]:
    def element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.builds(
            lambda tag, attribute, inner: f"<{tag} {attribute}>{''.join(inner)}</{tag}>",
            st.sampled_from(tags),
            st.sampled_from(attributes),
            st.lists(children, max_size=4),
        )

    text = WORDS.map(lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    return st.recursive(text, element, max_leaves=25)


XML_ATTRS = ["", 'id="n1"', 'refid="n1"', 'type="vet"', 'isodatum="2025-01-02"', 'nr="2"']
HTML_ATTRS = ['', 'class="vraag"', 'class="antwoord"', 'class="voet noot" id="n1"',
              'href="#n1"', 'class="cookie-banner"', 'id="broodtekst"', 'hidden']  # fmt: skip


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_xml(data: bytes) -> None:
    _check("xml", data)


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_html(data: bytes) -> None:
    _check("html", data)


@FUZZ
@given(mutated("xml"))
def test_mutated_koop_xml(data: bytes) -> None:
    _check("xml", data)


@FUZZ
@given(mutated("html"))
def test_mutated_html_pages(data: bytes) -> None:
    _check("html", data)


@FUZZ
@given(_markup(XML_TAGS, XML_ATTRS))
def test_generated_koop_markup(body: str) -> None:
    _check(
        "xml",
        f"<officiele-publicatie><kamervragen>{body}</kamervragen></officiele-publicatie>".encode(),
    )


@FUZZ
@given(_markup(HTML_TAGS, HTML_ATTRS))
def test_generated_html_markup(body: str) -> None:
    _check("html", f"<html><body>{body}</body></html>".encode())
