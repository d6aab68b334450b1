"""`draft check`: each listed problem is caught and the message names the question."""

from __future__ import annotations

from datetime import date

from kamerqa.drafting.models import ConsultationContent, DraftAnswer, DraftQuestion
from kamerqa.drafting.validation import check

from .conftest import sample_content


def _messages(content: ConsultationContent, level: str = "error") -> list[str]:
    return [i.message for i in check(content) if i.level == level]


def test_sample_is_clean() -> None:
    assert check(sample_content()) == []


def test_unanswered_question_is_named() -> None:
    content = sample_content()
    content.answers = content.answers[:1]
    assert "question 2 (VVD): not answered" in _messages(content)
    assert "question 3 (D66): not answered" in _messages(content)


def test_pointer_to_missing_question_and_unanswered_question() -> None:
    content = sample_content()
    content.answers[1].text = "Zie antwoord op vraag 9."
    assert any(
        m.startswith("question 2 (VVD): the answer points to question 9, which does not exist")
        for m in _messages(content)
    )
    content = sample_content()
    content.questions.append(DraftQuestion(number="4", party="D66", text="En de brug?"))
    content.answers[1].text = "Zie antwoord op vraag 4."
    assert "question 2 (VVD): the answer points to question 4, which has no answer" in _messages(
        content
    )


def test_self_pointer() -> None:
    content = sample_content()
    content.answers[0].text = "Zie antwoord op vraag 1."
    assert "question 1 (VVD): the answer points to itself (question 1)" in _messages(content)


def test_pointer_cycle() -> None:
    content = sample_content()
    content.answers[0].text = "Zie antwoord op vraag 2.[^1]"
    content.answers[1].text = "Zie antwoord op vraag 1."
    cycles = [m for m in _messages(content) if "cycle" in m]
    assert len(cycles) == 1
    assert cycles[0].startswith("question 1 (VVD): answers point to each other in a cycle")


def test_numbering_must_be_continuous_across_factions() -> None:
    content = sample_content()
    content.questions[2].number = "4"
    content.answers[1].questions = ["2", "4"]
    assert (
        "question 4 (D66): numbering is not continuous across factions (expected 3)"
        in _messages(content)
    )
    content = sample_content()
    content.questions[2].number = "2"
    assert "question 2 (D66): the number is used twice" in _messages(content)


def test_footnote_markers_and_bodies_must_match() -> None:
    content = sample_content()
    content.answers[1].text += "[^7]"
    assert "question 2 (VVD): footnote marker [^7] has no footnote text" in _messages(content)
    content = sample_content()
    content.answers[0].text = content.answers[0].text.replace("[^1]", "")
    assert "footnote 1 has no marker in any question or answer" in _messages(content)


def test_answer_date_before_submission() -> None:
    content = sample_content()
    content.metadata.date_answered = date(2025, 11, 1)
    assert any("answer date 2025-11-01 is before" in m for m in _messages(content))


def test_placeholders_and_empty_answers_are_warnings() -> None:
    content = sample_content()
    content.answers[0].text = "PM[^1]"
    content.answers[1].text = "Volgt nog, TODO navragen bij RWS."
    content.answers.append(DraftAnswer(questions=[], text=""))
    warnings = _messages(content, "warning")
    assert "question 1 (VVD): the answer contains the placeholder 'PM'" in warnings
    assert "question 2 (VVD): the answer contains the placeholder 'TODO'" in warnings
    content = sample_content()
    content.answers[1].text = "  "
    assert "question 2 (VVD): the answer is empty" in _messages(content, "warning")
    content.answers[1].text = "Het bedrag is xxx euro."
    assert "question 2 (VVD): the answer contains the placeholder 'xxx'" in _messages(
        content, "warning"
    )
    assert _messages(content) == []  # warnings do not block
