"""Web pages and API as a demanding user meets them: odd parameters, stale links, wording."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from kamerqa.api.app import create_app
from kamerqa.search.models import DocumentSummary
from kamerqa.web.colours import KNOWN, party_colour
from kamerqa.web.render import HERE, counted, templates
from kamerqa.web.searchview import pages_nav

from .webstore import build_small_store

HTML = {"Accept": "text/html"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = build_small_store(tmp_path_factory.mktemp("qa-web") / "kamerqa.db")
    with TestClient(create_app(str(db))) as test_client:
        yield test_client


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_pages_nav_past_the_end_leads_back_to_real_pages() -> None:
    nav = pages_nav(total=45, offset=400, size=20, params={"q": "drones"})
    labels = [link.label for link in nav]
    assert labels == ["Vorige", "1", "2", "3", "Volgende"]
    assert nav[0].href == "?q=drones&offset=40"  # the last page, not the empty page 20
    assert nav[-1].href is None
    inside = pages_nav(total=45, offset=20, size=20, params={})
    assert [link.label for link in inside if link.current] == ["2"]


def test_search_page_past_the_end_says_so(client: TestClient) -> None:
    page = client.get("/", params={"q": "vragen", "offset": 400}, headers=HTML)
    assert page.status_code == 200
    text = _text(page.text)
    assert "Niets gevonden" not in text
    assert "Deze pagina bestaat niet" in text and "Naar de eerste pagina" in text


def test_documents_page_past_the_end_says_so(client: TestClient) -> None:
    page = client.get("/documenten", params={"offset": 400}, headers=HTML)
    assert page.status_code == 200
    assert "Deze pagina bestaat niet" in page.text
    assert 'href="/documenten?"' in page.text or 'href="/documenten"' in page.text


def test_html_validation_errors_are_dutch_api_errors_keep_their_shape(client: TestClient) -> None:
    page = client.get("/", params={"offset": -3}, headers=HTML)
    assert page.status_code == 422 and page.headers["content-type"].startswith("text/html")
    assert "Ongeldige vraag: de pagina (offset) moet minstens 0 zijn." in page.text
    bad_date = client.get("/", params={"q": "x", "date_from": "gisteren"}, headers=HTML)
    assert "is geen datum (JJJJ-MM-DD)" in bad_date.text
    api = client.get("/api/search", params={"offset": -3}, headers=HTML)
    assert api.status_code == 422
    assert api.json()["error"]["code"] == "invalid_parameters"
    assert "offset" in api.json()["error"]["message"]


def test_counts_agree_in_number() -> None:
    assert counted(1, "vraag", "vragen") == "1 vraag"
    assert counted(0, "vraag", "vragen") == "0 vragen"
    macros = templates.env.get_template("_macros.html").module
    summary = DocumentSummary(id="x", genre="kamervragen", title="Titel", questions=1)
    assert "1 vraag<" in str(macros.doc_card(summary))  # type: ignore[attr-defined]


def test_party_chip_colours_have_aa_contrast_with_white_text() -> None:
    def luminance(rgb: tuple[float, float, float]) -> float:
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    def rgb_of(colour: str) -> tuple[float, float, float]:
        if colour.startswith("#"):
            r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
            return r, g, b
        import colorsys

        hue, sat, light = (float(x.rstrip("%")) for x in colour[4:-1].split())
        return colorsys.hls_to_rgb(hue / 360, light / 100, sat / 100)

    names = [*KNOWN, *(f"Partij {n}" for n in range(300)), None]
    for name in names:
        ratio = 1.05 / (luminance(rgb_of(party_colour(name))) + 0.05)
        assert ratio >= 4.5, (name, party_colour(name), round(ratio, 2))


def test_about_page_names_only_real_api_routes_and_parameters(client: TestClient) -> None:
    about = (HERE / "templates" / "about.html").read_text(encoding="utf-8").replace("&amp;", "&")
    named = re.findall(r"GET (/api/[^<\s]*)", about)
    assert named, "the about page lists API routes"
    schema = client.get("/openapi.json").json()["paths"]
    braces = re.compile(r"\{[^}]*\}")
    known = {braces.sub("{}", path): ops["get"] for path, ops in schema.items() if "get" in ops}
    for example in named:
        path, _, query = example.partition("?")
        operation = known.get(braces.sub("{}", path))
        assert operation is not None, f"about.html names {path}, which is not an API route"
        accepted = {p["name"] for p in operation.get("parameters", [])}
        for name in re.findall(r"(?:^|&)([a-z_]+)=", query):
            assert name in accepted, f"about.html: {path} takes no parameter {name!r}"


def test_favicon_and_api_index_redirect(client: TestClient) -> None:
    icon = client.get("/favicon.ico", follow_redirects=False)
    assert icon.status_code == 301 and icon.headers["location"] == "/static/favicon.svg"
    assert client.get("/favicon.ico").headers["content-type"].startswith("image/svg")
    assert client.get("/api", follow_redirects=False).headers["location"] == "/api/docs"


@pytest.mark.parametrize(
    "query",
    ['"', "-", "*", "OR OR", "-drones", "drones -drones", "a*b", "\U0001f600", "x" * 500],
)
def test_query_syntax_edge_cases_never_fail(client: TestClient, query: str) -> None:
    for path in ("/api/search", "/", "/feeds/search.atom"):
        response = client.get(path, params={"q": query}, headers=HTML)
        assert response.status_code == 200, (path, query, response.text[:200])


def test_stylesheet_keeps_card_tops_and_code_inside_narrow_boxes() -> None:
    css = (HERE / "static" / "style.css").read_text(encoding="utf-8")
    card_top = re.search(r"\.doc-card-top \{([^}]*)\}", css)
    assert card_top and "flex-wrap: wrap" in card_top.group(1)
    code = re.search(r"\ncode \{([^}]*)\}", css)
    assert code and "overflow-wrap: anywhere" in code.group(1)
    focus = re.search(r":focus-visible \{([^}]*)\}", css)  # yellow ring + dark edge: seen on white
    assert focus and "outline: 3px solid" in focus.group(1) and "box-shadow" in focus.group(1)


def test_head_is_answered_like_get_without_a_body(client: TestClient) -> None:
    for path in ("/", "/api/health", "/favicon.ico", "/static/style.css"):
        get = client.get(path)
        head = client.head(path)
        assert head.status_code == get.status_code == 200, path
        assert head.content == b""
        assert head.headers["content-type"] == get.headers["content-type"]
    assert client.head("/doc/nope").status_code == 404


def test_document_facts_keep_capitals_and_say_dates_in_dutch(client: TestClient) -> None:
    from kamerqa.model import Document, Metadata, Signatory
    from kamerqa.web.docview import header_facts

    document = Document(
        id="x",
        genre="schriftelijk_overleg",
        metadata=Metadata(
            meeting="2026-07-10, Brussel",
            signatories=[Signatory(name="L. Visser", function="Minister van Financiën")],
        ),
    )
    facts = {fact.label: fact.value for fact in header_facts(document)}
    assert facts["Overleg"] == "10 juli 2026, Brussel"
    assert facts["Ondertekend"] == "L. Visser (minister van Financiën)"


NUL_PATHS = (
    "/api/documents/%00",
    "/doc/%00",
    "/doc/a%00b",
    "/api/documents?party=%00",
    "/api/search?q=a%00b",
    "/api/zaken/%00",
    "/?q=%00",
    "/feeds/party/%00.atom",
)


def test_nul_characters_are_dropped_from_the_address(client: TestClient) -> None:
    """PostgreSQL cannot hold NUL: it raised DataError (500) for /doc/%00 and %00 filters."""
    for path in NUL_PATHS:
        for headers in ({}, HTML):
            response = client.get(path, headers=headers)
            assert response.status_code < 500, (path, response.text[:200])
    search = client.get("/api/search", params={"q": "hu\x00ur"}).json()
    assert search["query"] == "huur" and search["total"] > 0


def test_nul_characters_never_reach_postgresql() -> None:
    from tests.conftest import fresh_pg_database

    with fresh_pg_database("kamerqa_qa") as url, TestClient(create_app(url)) as pg_client:
        for path in NUL_PATHS:
            response = pg_client.get(path)
            assert response.status_code < 500, (path, response.text[:200])
