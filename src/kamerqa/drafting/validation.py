"""`kamerqa draft check`: what must hold before a consultation goes for review or is sent.

Errors block review, approval and sending; warnings are shown. Every message names the
question it is about ("question 3 (VVD): …").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from kamerqa.drafting.convert import markers_in, strip_markers
from kamerqa.drafting.models import ConsultationContent, DraftAnswer, Issue
from kamerqa.parse.crossrefs import find_refers_to

PLACEHOLDER = re.compile(r"\b(PM|TODO|TBD|XXX+|xxx+|Xxx+|\?\?\?+)(?=\W|$)|\.\.\.\s*$|…\s*$")
_BASE = re.compile(r"^(\d+)")


def _name(content: ConsultationContent, number: str) -> str:
    question = content.question(number)
    party = f" ({question.party})" if question and question.party else ""
    return f"question {number}{party}"


def _issue(
    level: str,
    content: ConsultationContent,
    number: str | None,
    text: str,
    code: str,
    **params: str,
) -> Issue:
    """An issue with its English message and its ``code``/``params`` (for the Dutch pages)."""
    prefix = f"{_name(content, number)}: " if number is not None else ""
    question = content.question(number) if number is not None else None
    if question is not None and question.party:
        params["party"] = question.party
    return Issue(
        level="error" if level == "error" else "warning",
        question=number,
        message=prefix + text,
        code=code,
        params=params,
    )


def check_answered(content: ConsultationContent) -> Iterator[Issue]:
    for question in content.questions:
        answers = [a for a in content.answers if question.number in a.questions]
        if not answers:
            yield _issue("error", content, question.number, "not answered", "not_answered")
        elif len(answers) > 1:
            yield _issue(
                "error", content, question.number, "answered more than once", "answered_twice"
            )
    known = {q.number for q in content.questions}
    for answer in content.answers:
        for number in answer.questions:
            if number not in known:
                yield _issue(
                    "error",
                    content,
                    number,
                    "an answer is given to a question that does not exist",
                    "answer_to_unknown_question",
                )


def _shorten(text: str, limit: int = 12) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def check_placeholders(content: ConsultationContent) -> Iterator[Issue]:
    for answer in content.answers:
        text = strip_markers(answer.text).strip()
        first = answer.questions[0] if answer.questions else None
        if not text:
            yield _issue("warning", content, first, "the answer is empty", "empty_answer")
            continue
        found = PLACEHOLDER.search(text)
        if found:
            yield _issue(
                "warning",
                content,
                first,
                f"the answer contains the placeholder {_shorten(found.group(0).strip())!r}",
                "placeholder",
                placeholder=_shorten(found.group(0).strip()),
            )


def _pointers(content: ConsultationContent) -> dict[str, list[str]]:
    """Question number -> numbers its answer points to (self-pointers included)."""
    return {
        number: find_refers_to(strip_markers(answer.text))
        for answer in content.answers
        for number in answer.questions
    }


def _cycle_from(start: str, graph: dict[str, list[str]]) -> list[str] | None:
    path: list[str] = []
    on_path: set[str] = set()
    done: set[str] = set()

    def visit(node: str) -> list[str] | None:
        if node in on_path:
            return [*path[path.index(node) :], node]
        if node in done:
            return None
        path.append(node)
        on_path.add(node)
        for target in graph.get(node, []):
            found = visit(target)
            if found:
                return found
        path.pop()
        on_path.discard(node)
        done.add(node)
        return None

    return visit(start)


def _joint_members(content: ConsultationContent, number: str) -> list[str]:
    answer: DraftAnswer | None = content.answer_for(number)
    return answer.questions if answer else [number]


def check_pointers(content: ConsultationContent) -> Iterator[Issue]:
    known = {q.number for q in content.questions}
    graph: dict[str, list[str]] = {}
    for number, targets in _pointers(content).items():
        members = _joint_members(content, number)
        if number != members[0]:
            continue  # a joint answer is checked once, under its first question
        for target in targets:
            if target in members:
                yield _issue(
                    "error",
                    content,
                    number,
                    f"the answer points to itself (question {target})",
                    "points_to_itself",
                    target=target,
                )
            elif target not in known:
                yield _issue(
                    "error",
                    content,
                    number,
                    f"the answer points to question {target}, which does not exist",
                    "points_to_missing",
                    target=target,
                )
            elif content.answer_for(target) is None:
                yield _issue(
                    "error",
                    content,
                    number,
                    f"the answer points to question {target}, which has no answer",
                    "points_to_unanswered",
                    target=target,
                )
        graph[number] = [
            _joint_members(content, t)[0] for t in targets if t in known and t not in members
        ]
    reported: set[frozenset[str]] = set()
    for start in graph:
        cycle = _cycle_from(start, graph)
        if cycle and frozenset(cycle) not in reported:
            reported.add(frozenset(cycle))
            chain = " -> ".join(cycle)
            yield _issue(
                "error",
                content,
                cycle[0],
                f"answers point to each other in a cycle ({chain})",
                "pointer_cycle",
                chain=" → ".join(cycle),
            )


def check_numbering(content: ConsultationContent) -> Iterator[Issue]:
    expected = 1
    seen: set[str] = set()
    for question in content.questions:
        if question.number in seen:
            party = f" ({question.party})" if question.party else ""
            yield Issue(
                level="error",
                question=question.number,
                message=f"question {question.number}{party}: the number is used twice",
                code="number_used_twice",
                params={"party": question.party} if question.party else {},
            )
            continue
        seen.add(question.number)
        match = _BASE.match(question.number)
        if match is None:
            yield _issue(
                "error", content, question.number, "the number is not a number", "not_a_number"
            )
            continue
        base = int(match.group(1))
        if question.number.isdigit():
            if base != expected:
                yield _issue(
                    "error",
                    content,
                    question.number,
                    f"numbering is not continuous across factions (expected {expected})",
                    "numbering_gap",
                    expected=str(expected),
                )
            expected = base + 1
        elif base != expected - 1:  # "7a" must follow 7
            yield _issue(
                "error",
                content,
                question.number,
                f"sub-number does not follow question {base}",
                "subnumber_out_of_place",
                base=str(base),
            )


def _marker_places(content: ConsultationContent) -> dict[str, list[str]]:
    places: dict[str, list[str]] = {}
    for question in content.questions:
        for note_id in markers_in(question.text):
            places.setdefault(note_id, []).append(question.number)
    for answer in content.answers:
        for note_id in markers_in(answer.text):
            places.setdefault(note_id, []).append(answer.questions[0] if answer.questions else "?")
    return places


def check_footnotes(content: ConsultationContent) -> Iterator[Issue]:
    places = _marker_places(content)
    bodies = [n.id for n in content.footnotes]
    for note_id, numbers in places.items():
        if note_id not in bodies:
            yield _issue(
                "error",
                content,
                numbers[0],
                f"footnote marker [^{note_id}] has no footnote text",
                "marker_without_text",
                note=note_id,
            )
        if len(numbers) > 1:
            yield _issue(
                "error",
                content,
                numbers[1],
                f"footnote marker [^{note_id}] is used twice",
                "marker_used_twice",
                note=note_id,
            )
    for note in content.footnotes:
        if bodies.count(note.id) > 1:
            yield _issue(
                "error",
                content,
                None,
                f"footnote {note.id} is defined twice",
                "note_defined_twice",
                note=note.id,
            )
        if note.id not in places:
            yield _issue(
                "error",
                content,
                None,
                f"footnote {note.id} has no marker in any question or answer",
                "note_without_marker",
                note=note.id,
            )
        elif not note.text.strip():
            yield _issue(
                "error",
                content,
                places[note.id][0],
                f"footnote {note.id} is empty",
                "note_empty",
                note=note.id,
            )


def check_dates(content: ConsultationContent) -> Iterator[Issue]:
    meta = content.metadata
    if meta.date_submitted and meta.date_answered and meta.date_answered < meta.date_submitted:
        yield _issue(
            "error",
            content,
            None,
            f"the answer date {meta.date_answered} is before the date the questions "
            f"were submitted ({meta.date_submitted})",
            "answered_before_submitted",
            answered=meta.date_answered.isoformat(),
            submitted=meta.date_submitted.isoformat(),
        )


def check(content: ConsultationContent) -> list[Issue]:
    """Every problem found, errors first."""
    issues: list[Issue] = []
    for checker in (
        check_answered,
        check_pointers,
        check_numbering,
        check_footnotes,
        check_dates,
        check_placeholders,
    ):
        issues.extend(checker(content))
    if not content.questions:
        issues.append(
            Issue(level="error", message="the consultation has no questions", code="no_questions")
        )
    return sorted(issues, key=lambda i: i.level != "error")
