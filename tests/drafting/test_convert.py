"""Draft content to the public kamerqa/1 Document."""

from __future__ import annotations

from kamerqa.drafting.convert import content_to_document, marker_offsets
from kamerqa.drafting.models import DraftAnswer, DraftFootnote

from .conftest import sample_content


def test_marker_offsets_point_into_the_published_text() -> None:
    text = "  Een all-hazard[^2]-aanpak[^3] werkt."
    offsets = marker_offsets(text)
    published = "Een all-hazard-aanpak werkt."
    assert offsets == {"2": published.index("-aanpak"), "3": published.index(" werkt")}


def test_document_has_no_markers_and_places_notes() -> None:
    content = sample_content()
    content.answers.insert(0, DraftAnswer(questions=["3"], text="Zie antwoord op vraag 1.[^2]"))
    content.answers[2].questions = ["2"]
    content.footnotes.append(DraftFootnote(id="2", text="Tweede noot."))
    document = content_to_document(content, "doc-1")
    assert [(a.id, a.questions, a.refers_to) for a in document.answers] == [
        ("a1", ["1"], []),
        ("a2", ["2"], []),
        ("a3", ["3"], ["1"]),
    ]
    assert document.answers[2].text == "Zie antwoord op vraag 1."
    assert "[^" not in document.answers[0].text
    assert [(f.id, f.in_) for f in document.footnotes] == [("1", "a1"), ("2", "a3")]
    assert [(q.number, q.answer_id) for q in document.questions] == [
        ("1", "a1"),
        ("2", "a2"),
        ("3", "a3"),
    ]
    assert [(p.name, p.question_numbers) for p in document.parties] == [
        ("VVD", ["1", "2"]),
        ("D66", ["3"]),
    ]
