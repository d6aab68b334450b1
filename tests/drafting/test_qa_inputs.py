"""Odd input to the drafting service and API: every refusal names the field or file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from kamerqa.api.app import create_app
from kamerqa.drafting.errors import Invalid
from kamerqa.drafting.models import Consultation, User
from kamerqa.drafting.service import Drafting
from kamerqa.store.base import Store


@pytest.fixture
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store=store)) as test_client:
        yield test_client


def test_bad_metadata_names_the_field(
    drafting: Drafting, users: dict[str, User], consultation: Consultation
) -> None:
    with pytest.raises(Invalid, match=r"invalid metadata: date_submitted: .*date"):
        drafting.update_metadata(users["drafter"], consultation.id, {"date_submitted": "gisteren"})


@pytest.mark.parametrize("note_id", [" ", "", "1 2", "x" * 40, "<b>"])
def test_footnote_ids_must_be_usable_as_markers(
    drafting: Drafting, users: dict[str, User], consultation: Consultation, note_id: str
) -> None:
    with pytest.raises(Invalid, match="footnote id"):
        drafting.set_footnote(users["drafter"], consultation.id, note_id, "Een noot.")
    updated = drafting.set_footnote(users["drafter"], consultation.id, "2a", "Een noot.")
    assert "2a" in {note.id for note in updated.content.footnotes}


def test_api_upload_and_json_errors_say_what_is_wrong(
    client: TestClient, tokens: dict[str, str]
) -> None:
    auth = {"Authorization": f"Bearer {tokens['drafter']}"}
    empty = client.post(
        "/api/drafting/consultations/inbreng", files={"file": ("inbreng.txt", b"")}, headers=auth
    )
    assert empty.status_code == 400
    assert empty.json()["error"]["message"] == "inbreng.txt: the file is empty"
    garbage = client.post(
        "/api/drafting/login", content=b"{nope", headers={"content-type": "application/json"}
    )
    assert garbage.status_code == 422
    assert "not valid JSON" in garbage.json()["error"]["message"]


def test_placeholder_warning_quotes_a_short_piece(
    drafting: Drafting, users: dict[str, User], consultation: Consultation
) -> None:
    drafting.set_answer(
        users["drafter"], consultation.id, ["1"], "Wordt " + "x" * 5000 + " aangevuld."
    )
    issues = drafting.check(users["drafter"], consultation.id)
    (placeholder,) = [i for i in issues if "placeholder" in str(i)]
    assert len(str(placeholder)) < 120, str(placeholder)


def test_api_refuses_absurdly_long_answers(
    client: TestClient, tokens: dict[str, str], consultation: Consultation
) -> None:
    auth = {"Authorization": f"Bearer {tokens['drafter']}"}
    url = f"/api/drafting/consultations/{consultation.id}/answers"
    body = {"questions": ["1"], "text": "a " * 60_000, "version": consultation.version}
    refused = client.put(url, json=body, headers=auth)
    assert refused.status_code == 422
    assert refused.json()["error"]["message"].startswith("text:")
    body["text"] = "Een gewoon antwoord."
    assert client.put(url, json=body, headers=auth).status_code == 200


def test_nul_characters_are_refused_on_every_backend(
    drafting: Drafting, users: dict[str, User], consultation: Consultation
) -> None:
    """PostgreSQL cannot store NUL: a title with one gave a 500 there (SQLite took it)."""
    from kamerqa.drafting.models import ConsultationContent

    with pytest.raises(Invalid, match="NUL"):
        drafting.create(users["drafter"], ConsultationContent(title="a\x00b"))
    with pytest.raises(Invalid, match="NUL"):
        drafting.set_answer(users["drafter"], consultation.id, ["1"], "Ja\x00.")
    typed = drafting.set_answer(users["drafter"], consultation.id, ["1"], "Schrijf \\u0000 niet.")
    assert typed.version == consultation.version + 1
    made = drafting.create(users["drafter"], ConsultationContent(title="t"), how="from x\x00.txt")
    (entry,) = drafting.audit(users["drafter"], made.id)
    assert "\x00" not in entry.detail and "x.txt" in entry.detail
