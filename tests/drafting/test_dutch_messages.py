"""The drafting pages speak Dutch: check results, state-change and upload errors by their codes.

The CLI and the API keep their English messages (tested in test_validation / test_api).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kamerqa.api import drafting_routes
from kamerqa.api.app import create_app
from kamerqa.drafting import messages_nl as nl
from kamerqa.drafting.models import DraftAnswer, DraftFootnote, DraftQuestion
from kamerqa.drafting.validation import check
from kamerqa.store.base import Store

from .conftest import sample_content

DRAFTING_SRC = Path(drafting_routes.__file__).parents[1] / "drafting"
ENGLISH = ("question ", "answer ", "not answered", "footnote", "cannot", "needs the role")


def _troubled_content() -> object:
    """Content with every kind of problem the check knows (invented text)."""
    content = sample_content()
    content.metadata.date_answered = date(2025, 11, 1)  # before submission
    content.questions += [
        DraftQuestion(number="4", party="D66", text="En de dijk?"),
        DraftQuestion(number="4", party="D66", text="Dubbel nummer?"),
        DraftQuestion(number="6", party="CDA", text="Een gat in de nummering?"),
        DraftQuestion(number="8a", party="CDA", text="Een los subnummer?"),
        DraftQuestion(number="x", party="CDA", text="Geen getal?"),
    ]
    content.answers[0].text = "Zie antwoord op vraag 1 en vraag 9.[^1][^2]"
    content.answers[1].text = "PM zie antwoord op vraag 6.[^3]"
    content.answers += [
        DraftAnswer(questions=["4"], text="[^3]"),
        DraftAnswer(questions=["4", "12"], text="Zie antwoord op vraag 8a."),
        DraftAnswer(questions=["8a"], text="Zie antwoord op vraag 4."),
    ]
    content.footnotes += [
        DraftFootnote(id="1", text="Nog eens."),
        DraftFootnote(id="7", text="Zonder markering."),
        DraftFootnote(id="3", text=" "),
    ]
    return content


def test_every_check_result_has_dutch_text() -> None:
    issues = check(_troubled_content())  # type: ignore[arg-type]
    codes = {issue.code for issue in issues}
    assert len(codes) >= 14, codes
    for issue in issues:
        assert issue.code in nl.ISSUES, issue
        text = nl.issue_text(issue)
        assert "{" not in text and not any(word in text for word in ENGLISH), text
        if issue.question is not None:
            assert text.startswith(f"vraag {issue.question}"), text


def test_issue_names_question_and_party_in_dutch() -> None:
    content = sample_content()
    content.answers = content.answers[:1]
    texts = [nl.issue_text(i) for i in check(content)]
    assert "vraag 3 (D66): niet beantwoord" in texts
    assert "vraag 2 (VVD): niet beantwoord" in texts
    content = sample_content()
    content.metadata.date_answered = date(2025, 11, 1)
    texts = [nl.issue_text(i) for i in check(content)]
    assert texts == [
        "De datum van beantwoording (1 november 2025) ligt vóór de datum waarop de vragen "
        "zijn ingezonden (20 november 2025)"
    ]


def _keys_used(path: Path) -> set[str]:
    keys: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg == "key" and isinstance(keyword.value, ast.Constant):
                    keys.add(str(keyword.value.value))
    return keys


def test_every_error_key_raised_has_dutch_text() -> None:
    used = set().union(*(_keys_used(p) for p in sorted(DRAFTING_SRC.glob("*.py"))))
    assert {"stale", "not_editable", "role_needed", "blocked_by_errors"} <= used
    assert used <= set(nl.ERRORS), used - set(nl.ERRORS)


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store=store)) as test_client:
        yield test_client


def _login(client: TestClient, token: str) -> str:
    client.post("/drafting/login", data={"token": token})
    content = sample_content()
    content.answers = content.answers[:1]  # questions 2 and 3 open
    made = client.post("/api/drafting/consultations", json=content.model_dump(mode="json"))
    return str(made.json()["id"])


def test_editor_shows_dutch_check_results(client: TestClient, tokens: dict[str, str]) -> None:
    cid = _login(client, tokens["drafter"])
    page = client.get(f"/drafting/{cid}").text
    assert "vraag 3 (D66): niet beantwoord" in page
    assert "not answered" not in page
    api = client.get(f"/api/drafting/consultations/{cid}/check").json()
    assert "question 3 (D66): not answered" in [i["message"] for i in api]  # API unchanged
    assert {"code": "not_answered", "params": {"party": "D66"}}.items() <= api[-1].items()
    assert "dora: aangemaakt" in page  # the log's actions in Dutch too


def test_metadata_error_in_dutch(client: TestClient, tokens: dict[str, str]) -> None:
    cid = _login(client, tokens["drafter"])
    bad = client.post(f"/drafting/{cid}/metadata", data={"date_submitted": "gisteren"})
    assert bad.status_code == 422
    assert "De gegevens zijn niet opgeslagen: de datum van inzending is ongeldig." in bad.text
    assert "invalid metadata" not in bad.text


def test_state_change_errors_in_dutch(client: TestClient, tokens: dict[str, str]) -> None:
    cid = _login(client, tokens["drafter"])
    blocked = client.post(f"/drafting/{cid}/state", data={"to": "ready_for_review"})
    assert blocked.status_code == 409
    assert "Het stuk kan niet naar ‘klaar voor review’" in blocked.text
    assert "vraag 2 (VVD): niet beantwoord" in blocked.text and "cannot" not in blocked.text
    wrong = client.post(f"/drafting/{cid}/state", data={"to": "sent"})
    assert wrong.status_code == 409
    assert "Een stuk met status ‘concept’ kan niet naar ‘verstuurd’." in wrong.text
    client.put(
        f"/api/drafting/consultations/{cid}/answers", json={"questions": ["2", "3"], "text": "Ja."}
    )
    assert client.post(f"/drafting/{cid}/state", data={"to": "ready_for_review"}).status_code == 200
    denied = client.post(f"/drafting/{cid}/state", data={"to": "approved"})
    assert denied.status_code == 403
    assert (
        "Alleen een goedkeurder of beheerder mag het stuk naar ‘goedgekeurd’ zetten" in denied.text
    )
    api = client.post(f"/api/drafting/consultations/{cid}/state", json={"to": "approved"})
    assert "needs the role approver or admin" in api.json()["error"]["message"]
    missing = client.get("/drafting/c000000000000", headers={"Accept": "text/html"})
    assert missing.status_code == 404 and "Niet gevonden" in missing.text
    assert "no consultation" not in missing.text


def test_upload_errors_in_dutch(
    client: TestClient, tokens: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _login(client, tokens["drafter"])
    empty = client.post(
        "/drafting/new", files={"file": ("leeg.txt", b"Geachte voorzitter,\n\nGeen vragen.\n")}
    )
    assert empty.status_code == 422
    assert "In ‘leeg.txt’ zijn geen fracties met vragen gevonden." in empty.text
    garbage = client.post("/drafting/new", files={"file": ("kapot.docx", b"PK\x03\x04 kapot")})
    assert garbage.status_code == 422
    assert "Het bestand ‘kapot.docx’ kon niet als inbreng worden gelezen." in garbage.text
    monkeypatch.setattr(drafting_routes, "MAX_UPLOAD", 10)
    big = client.post("/drafting/new", files={"file": ("groot.txt", b"x" * 100)})
    assert big.status_code == 413 and "Het bestand is te groot" in big.text
    assert "larger than" not in big.text
