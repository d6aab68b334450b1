"""Server-rendered pages: search, document, similar, documents, stats, errors."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from kamerqa.model import Document


def test_every_page_renders_with_a_skip_link_and_one_h1(
    web_client: TestClient, web_documents: list[Document]
) -> None:
    doc = web_documents[0]
    for path in (
        "/",
        "/?q=drones",
        "/?q=drones&sort=date",
        f"/doc/{doc.id}",
        f"/doc/{doc.id}/vraag/{doc.questions[0].number}/vergelijkbaar",
        "/documenten",
        "/statistieken",
        "/over",
    ):
        response = web_client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
        assert 'href="#inhoud"' in response.text and 'id="inhoud"' in response.text
        assert len(re.findall(r"<h1[ >]", response.text)) == 1, path


def test_search_page_shows_hits_facets_and_feed(web_client: TestClient) -> None:
    api = web_client.get("/api/search", params={"q": "drones"}).json()
    html = web_client.get("/", params={"q": "drones"}).text
    assert f"{api['total']} resultaten" in html
    assert "<mark>" in html
    assert 'type="application/atom+xml"' in html
    for facet in api["facets"]["party"]:
        assert f'title="{facet["value"]}">{facet["value"]}</span> <span class="count">' in html
    first = api["hits"][0]
    anchor = "vraag" if first["kind"] == "question" else "antwoord"
    assert f"/doc/{first['doc_id']}#{anchor}-{first['question_number']}" in html


def test_facet_filter_narrows_the_results(web_client: TestClient) -> None:
    party = web_client.get("/api/search", params={"q": "drones"}).json()["facets"]["party"][0]
    html = web_client.get("/", params={"q": "drones", "party": party["value"]}).text
    assert f"{party['count']} resultat" in html
    assert "Partij: " + party["value"] in html  # the active filter chip


def test_document_page_has_anchors_answers_and_crossref_links(
    web_client: TestClient, web_documents: list[Document]
) -> None:
    doc = next(d for d in web_documents if any(a.refers_to for a in d.answers))
    html = web_client.get(f"/doc/{doc.id}").text
    for question in doc.questions:
        assert f'id="vraag-{question.number}"' in html
        answer = doc.answer_for(question.number)
        if answer is not None:
            assert f'id="antwoord-{question.number}"' in html
    for answer in doc.answers:
        for target in answer.refers_to:
            assert f'href="#antwoord-{target}" data-preview="antwoord-{target}"' in html
    for fact in (doc.metadata.committee, doc.metadata.reference):
        if fact:
            assert fact in html


def test_footnotes_are_shown_in_place(
    web_client: TestClient, web_documents: list[Document]
) -> None:
    doc = next(d for d in web_documents if d.footnotes and "<" not in d.footnotes[0].text)
    html = web_client.get(f"/doc/{doc.id}").text
    note = doc.footnotes[0]
    position = html.index(f'id="voetnoot-{note.id}"')
    assert note.in_ is not None
    if note.in_.startswith("q"):
        owner = f'id="vraag-{note.in_[1:]}"'
    else:
        answer = doc.answer(note.in_)
        assert answer is not None
        owner = f'id="antwoord-{answer.questions[-1]}"'
    assert html.index(owner) < position
    assert note.text.split()[0] in html[position : position + 2000]


def test_citations_link_to_the_official_source(
    web_client: TestClient, web_documents: list[Document]
) -> None:
    doc = next(d for d in web_documents if any(r.koop_id for r in d.references))
    html = web_client.get(f"/doc/{doc.id}").text
    for ref in doc.references:
        if ref.koop_id:
            assert f'href="https://zoek.officielebekendmakingen.nl/{ref.koop_id}"' in html


def test_download_links_render(web_client: TestClient, web_documents: list[Document]) -> None:
    doc = web_documents[0]
    html = web_client.get(f"/doc/{doc.id}").text
    links = re.findall(r'href="(/api/documents/[^"]+/render\?format=\w+)"', html)
    assert links
    for link in links:
        assert web_client.get(link).status_code == 200, link


def test_html_errors_are_pages_and_api_errors_are_json(web_client: TestClient) -> None:
    page = web_client.get("/doc/does-not-exist")
    assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
    assert "Niet gevonden" in page.text
    bad = web_client.get("/", params={"offset": "veel"})
    assert bad.status_code == 422 and "<h1>" in bad.text
    api = web_client.get("/api/documents/does-not-exist")
    assert api.status_code == 404 and api.json()["error"]["code"] == "not_found"


def test_stats_page_draws_charts(web_client: TestClient) -> None:
    stats = web_client.get("/api/stats").json()
    html = web_client.get("/statistieken").text
    assert html.count("<svg") >= 4
    for party in stats["by_party"][:5]:
        assert f"<title>{party['value']}: {party['count']}</title>" in html
