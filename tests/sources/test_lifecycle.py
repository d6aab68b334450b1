"""Lifecycle rules: status and overdue flags, exact on the three- and six-week boundaries."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from kamerqa.sources.lifecycle import LinkedDocument, deadline_for, evaluate, ministry_of
from kamerqa.sources.records import TkActor, kind_role

ASKED = date(2026, 3, 2)
ACTORS = [
    TkActor(name="A. Peters", party="PvdD", relation="Indiener"),
    TkActor(name="B. Claes", party="Volt", relation="Medeindiener"),
    TkActor(
        name="minister van Landbouw, Visserij, Voedselzekerheid en Natuur, C. Dirks",
        relation="Gericht aan",
    ),
]


def _doc(soort: str, day: date, nummer: str) -> LinkedDocument:
    return LinkedDocument(
        tk_id=nummer, nummer=nummer, soort=soort, role=kind_role(soort), datum=day
    )


QUESTION = _doc("Schriftelijke vragen", ASKED, "2026D10001")


def _uitstel(days: int) -> LinkedDocument:
    return _doc("Mededeling (uitstel antwoord)", ASKED + timedelta(days=days), f"U{days}")


def _answer(days: int, soort: str = "Antwoord schriftelijke vragen") -> LinkedDocument:
    return _doc(soort, ASKED + timedelta(days=days), f"A{days}")


@pytest.mark.parametrize(
    ("day", "overdue", "days_over"), [(20, False, 0), (21, False, 0), (22, True, 1), (30, True, 9)]
)
def test_open_questions_are_overdue_from_the_day_after_three_weeks(
    day: int, overdue: bool, days_over: int
) -> None:
    result = evaluate("2026Z10001", [QUESTION], ACTORS, ASKED + timedelta(days=day))
    assert result.status == "open"
    assert result.deadline == date(2026, 3, 23)
    assert (result.overdue, result.days_overdue) == (overdue, days_over)


@pytest.mark.parametrize(("day", "overdue"), [(22, False), (41, False), (42, False), (43, True)])
def test_a_postponement_moves_the_deadline_to_six_weeks(day: int, overdue: bool) -> None:
    result = evaluate("2026Z10001", [QUESTION, _uitstel(19)], ACTORS, ASKED + timedelta(days=day))
    assert result.status == "postponed"
    assert result.deadline == date(2026, 4, 13)
    assert result.overdue is overdue


def test_a_second_postponement_adds_three_more_weeks() -> None:
    docs = [QUESTION, _uitstel(19), _uitstel(40)]
    assert evaluate("Z", docs, ACTORS, ASKED + timedelta(days=63)).overdue is False
    assert evaluate("Z", docs, ACTORS, ASKED + timedelta(days=64)).overdue is True
    assert deadline_for(ASKED, 2) == ASKED + timedelta(weeks=9)


def test_answered_sets_are_never_overdue_and_lateness_is_recorded() -> None:
    on_time = evaluate("Z", [QUESTION, _answer(21)], ACTORS, ASKED + timedelta(days=100))
    late = evaluate("Z", [QUESTION, _answer(22)], ACTORS, ASKED + timedelta(days=100))
    assert (on_time.status, on_time.overdue, on_time.answered_late) == ("answered", False, False)
    assert (late.status, late.overdue, late.answered_late) == ("answered", False, True)
    assert late.answered_on == ASKED + timedelta(days=22)


def test_a_postponement_sent_after_the_answer_does_not_extend_its_deadline() -> None:
    result = evaluate("Z", [QUESTION, _answer(25), _uitstel(30)], ACTORS, ASKED)
    assert result.deadline == ASKED + timedelta(weeks=3)
    assert result.answered_late is True


def test_a_further_answer_keeps_the_first_answer_date() -> None:
    docs = [QUESTION, _answer(40, "Antwoord schriftelijke vragen (nader)"), _answer(18)]
    result = evaluate("Z", docs, ACTORS, ASKED + timedelta(days=50))
    assert [a.nummer for a in result.answers] == ["A18", "A40"]
    assert result.answered_on == ASKED + timedelta(days=18)


def test_withdrawn_sets_are_not_overdue() -> None:
    by_status = evaluate(
        "Z", [QUESTION], ACTORS, ASKED + timedelta(days=60), zaak_status="Ingetrokken"
    )
    by_document = evaluate(
        "Z",
        [QUESTION, _doc("Intrekking schriftelijke vragen", ASKED, "I1")],
        ACTORS,
        ASKED + timedelta(days=60),
    )
    assert (by_status.status, by_status.overdue) == ("withdrawn", False)
    assert (by_document.status, by_document.overdue) == ("withdrawn", False)


def test_askers_addressees_ministries_and_parties() -> None:
    result = evaluate("Z", [QUESTION], ACTORS, ASKED)
    assert [a.name for a in result.askers] == ["A. Peters", "B. Claes"]
    assert result.parties == ["PvdD", "Volt"]
    assert result.ministries == ["Landbouw, Visserij, Voedselzekerheid en Natuur"]


def test_without_a_question_date_the_zaak_start_is_used() -> None:
    result = evaluate("Z", [], ACTORS, date(2026, 2, 1), gestart_op=date(2026, 1, 1))
    assert result.deadline == date(2026, 1, 22) and result.overdue


@pytest.mark.parametrize(
    ("name", "ministry"),
    [
        ("minister van Buitenlandse Zaken, C. Veldkamp", "Buitenlandse Zaken"),
        ("staatssecretaris van Financiën", "Financiën"),
        (
            "staatssecretaris van Volksgezondheid, Welzijn en Sport, L. Jansen",
            "Volksgezondheid, Welzijn en Sport",
        ),
        ("minister voor Klimaat en Groene Groei", "Klimaat en Groene Groei"),
        ("Defensie", "Defensie"),
    ],
)
def test_ministry_of(name: str, ministry: str) -> None:
    assert ministry_of(TkActor(name=name, relation="Gericht aan")) == ministry


def test_unknown_kinds_are_kept_as_other() -> None:
    assert kind_role("Antwoord schriftelijke vragen (nader)") == "answer"
    assert kind_role("Mededeling (uitstel antwoord)") == "postponement"
    assert kind_role("Een soort die volgend jaar bestaat") == "other"
