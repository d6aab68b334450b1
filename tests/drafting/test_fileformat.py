"""File workflow: Markdown and YAML exports read back to the same content; edits are logged."""

from __future__ import annotations

import pytest

from kamerqa.drafting.errors import Conflict, Invalid
from kamerqa.drafting.fileformat import export, read_file
from kamerqa.drafting.models import Consultation, User
from kamerqa.drafting.service import Drafting

from .conftest import sample_content


@pytest.mark.parametrize("fmt", ["md", "yaml"])
def test_export_reads_back_unchanged(consultation: Consultation, fmt: str) -> None:
    text = export(consultation, fmt)
    cid, version, content = read_file(text.encode("utf-8"))
    assert (cid, version) == (consultation.id, consultation.version)
    assert content == consultation.content


def test_markdown_layout(consultation: Consultation) -> None:
    text = export(consultation, "md")
    assert text.startswith("---\nid: " + consultation.id)
    body = text.split("\n---\n", 1)[1]
    assert "# Vragen en opmerkingen van de leden van de VVD-fractie" in body
    assert (
        body.index("## Vraag 2")
        < body.index("## Vraag 3")
        < body.index("### Antwoord op vragen 2 en 3")
    )
    assert "[^1]: Kamerstuk 21 501-33, nr. 1099." in body


def test_unanswered_question_gets_an_empty_answer_section(
    drafting: Drafting, users: dict[str, User]
) -> None:
    created = drafting.create(users["drafter"], sample_content(answered=False))
    text = export(created, "md")
    assert text.count("### Antwoord\n") == 3
    filled = text.replace("### Antwoord\n", "### Antwoord\n\nIn behandeling.\n", 1)
    _, _, content = read_file(filled.encode())
    assert [(a.questions, a.text) for a in content.answers] == [(["1"], "In behandeling.")]


def test_import_is_logged_and_checks_version(
    drafting: Drafting, users: dict[str, User], consultation: Consultation
) -> None:
    text = export(consultation, "md").replace("loopt op schema", "loopt uit")
    cid, version, content = read_file(text.encode())
    drafting.update_content(
        users["drafter"], cid, content, expected_version=version, action="import"
    )
    entries = drafting.audit(users["drafter"], cid)
    assert (entries[-1].actor, entries[-1].action, entries[-1].detail) == (
        "dora",
        "import",
        "answers to questions 1",
    )
    with pytest.raises(Conflict):  # the same file again: it is based on an old version
        drafting.update_content(users["drafter"], cid, content, expected_version=version)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("kamerqa: [unclosed", "invalid YAML"),
        ("id: x\n", "has no 'content'"),
        ("---\nid: x\n", "no front matter"),
        ("---\nid: x\n---\nLosse tekst\n", "text outside any question"),
        ("---\nid: x\n---\n### Antwoord\nJa.\n", "an answer before any question"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(text: str, problem: str) -> None:
    with pytest.raises(Invalid, match=problem):
        read_file(text.encode())
