"""The JSON API: documents, questions, search, similar, stats, render, health."""

from __future__ import annotations

from fastapi.testclient import TestClient

from kamerqa.model import Document
from kamerqa.store import Store


def assert_error(response, status: int) -> dict:  # type: ignore[no-untyped-def]
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert body["error"]["code"] and body["error"]["message"]
    return body["error"]


def test_openapi_lists_every_public_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/documents/{doc_id}/questions/{number}",
        "/api/search",
        "/api/similar",
        "/api/export",
        "/api/stats",
        "/feeds/search.atom",
    ):
        assert path in paths
    assert client.get("/api/docs").status_code == 200


def test_document_list_matches_the_store_and_filters(client: TestClient, api_store: Store) -> None:
    body = client.get("/api/documents", params={"limit": 100}).json()
    assert body["total"] == api_store.count_documents() == len(body["documents"])
    genre = body["documents"][0]["genre"]
    filtered = client.get("/api/documents", params={"genre": genre, "limit": 100}).json()
    assert filtered["documents"] and all(d["genre"] == genre for d in filtered["documents"])
    assert filtered["total"] <= body["total"]
    page = client.get("/api/documents", params={"limit": 2, "offset": 2}).json()
    assert [d["id"] for d in page["documents"]] == [d["id"] for d in body["documents"][2:4]]


def test_document_is_served_in_kamerqa1_form(client: TestClient, documents: list[Document]) -> None:
    doc = documents[0]
    body = client.get(f"/api/documents/{doc.id}").json()
    assert body["schema"] == "kamerqa/1"
    assert Document.from_dict(body) == doc
    assert all("in" in f for f in body["footnotes"])


def test_question_resolves_the_answers_it_points_to(
    client: TestClient, documents: list[Document]
) -> None:
    pointing = [(d, a) for d in documents for a in d.answers if a.refers_to]
    assert pointing, "the examples contain cross-references"
    doc, answer = pointing[0]
    number = answer.questions[0]
    body = client.get(f"/api/documents/{doc.id}/questions/{number}").json()
    assert body["question"]["number"] == number
    assert body["answer"]["id"] == answer.id
    assert body["permalink"].endswith(f"#vraag-{number}")
    resolved = {r["question_number"]: r["answer"]["id"] for r in body["referenced_answers"]}
    for target in answer.refers_to:
        expected = doc.answer_for(target)
        assert expected is not None and resolved[target] == expected.id


def test_unknowns_get_the_one_error_shape(client: TestClient, documents: list[Document]) -> None:
    assert_error(client.get("/api/documents/no-such-doc"), 404)
    assert_error(client.get(f"/api/documents/{documents[0].id}/questions/999"), 404)
    assert_error(client.get("/api/no/such/route"), 404)
    assert_error(client.post("/api/search"), 405)
    assert_error(client.get("/api/documents", params={"limit": 101}), 422)
    assert_error(client.get("/api/documents", params={"offset": -1}), 422)
    assert_error(client.get("/api/search", params={"q": "x" * 501}), 422)
    assert_error(client.get("/api/search", params={"date_from": "gisteren"}), 422)
    assert_error(client.get("/api/similar"), 422)
    assert_error(client.get(f"/api/documents/{documents[0].id}/questions/999/similar"), 404)
    assert_error(client.get(f"/api/documents/{documents[0].id}/render?format=pdf"), 422)


def test_search_hits_facets_and_pages(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "drones", "limit": 100}).json()
    assert body["total"] == len(body["hits"]) > 0
    for hit in body["hits"]:
        assert "<mark>" in hit["snippet"]
    parties = body["facets"]["party"]
    assert parties
    party = parties[0]
    only = client.get("/api/search", params={"q": "drones", "party": party["value"]}).json()
    assert only["total"] == party["count"]
    assert all(h["party"] == party["value"] for h in only["hits"])
    first = client.get("/api/search", params={"q": "drones", "limit": 3}).json()["hits"]
    second = client.get("/api/search", params={"q": "drones", "limit": 3, "offset": 3}).json()
    keys = {(h["doc_id"], h["kind"], h["question_number"]) for h in first}
    assert not keys & {(h["doc_id"], h["kind"], h["question_number"]) for h in second["hits"]}


def test_search_sorted_by_date_is_newest_first(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "minister", "sort": "date", "limit": 50}).json()
    dates = [h["date"] for h in hits["hits"] if h["date"]]
    assert len(dates) > 1 and dates == sorted(dates, reverse=True)


def test_similar_questions(client: TestClient, documents: list[Document]) -> None:
    doc = documents[0]
    number = doc.questions[0].number
    body = client.get(f"/api/documents/{doc.id}/questions/{number}/similar").json()
    assert body["method"] in ("lexical", "dense", "hybrid")
    assert all((h["doc_id"], h["question_number"]) != (doc.id, number) for h in body["hits"])
    by_text = client.get("/api/similar", params={"text": "drones boven luchthavens"}).json()
    assert by_text["hits"]


def test_stats_agree_with_the_document_list(client: TestClient, api_store: Store) -> None:
    stats = client.get("/api/stats").json()
    assert stats["documents"] == api_store.count_documents()
    assert sum(c["count"] for c in stats["by_genre"]) == stats["documents"]
    assert client.get("/api/health").json() == {"status": "ok", "documents": stats["documents"]}


def test_render_downloads(client: TestClient, documents: list[Document]) -> None:
    doc = documents[0]
    response = client.get(f"/api/documents/{doc.id}/render", params={"format": "json"})
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    assert Document.from_dict(response.json()).id == doc.id


def test_optional_routers_are_included_when_present(client: TestClient) -> None:
    import importlib
    import importlib.util

    from kamerqa.api.app import OPTIONAL_ROUTERS

    served = set(client.get("/openapi.json").json()["paths"])
    ours = ("/api/documents", "/api/search", "/api/similar", "/api/export", "/api/stats")
    others = {p for p in served if not p.startswith((*ours, "/api/health", "/feeds/"))}
    present = [n for n in OPTIONAL_ROUTERS if importlib.util.find_spec(n) is not None]
    assert bool(others) == bool(present)
    for name in OPTIONAL_ROUTERS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError:
            continue
        paths = {
            getattr(route, "path", "")
            for route in module.router.routes
            if getattr(route, "include_in_schema", False)
        }
        assert paths <= served, name
