"""/api/similar accepts every text its schema admits (found by schemathesis)."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_text_of_only_python_whitespace_gives_no_hits_not_an_error(client: TestClient) -> None:
    # "\x1f" matches the schema's pattern \S but str.strip() removes it
    response = client.get("/api/similar", params={"text": "\x1f"})
    assert response.status_code == 200
    assert response.json()["hits"] == []


def test_real_text_still_finds_questions(client: TestClient) -> None:
    response = client.get("/api/similar", params={"text": "\x1f drones boven vliegvelden"})
    assert response.status_code == 200
    assert response.json()["hits"]
