"""Export a consultation to a file an official edits in any editor, and read it back.

Two forms: YAML (the content as data) and Markdown with a YAML front matter::

    ---
    id: c1a2b3c4d5e6
    version: 4
    title: …
    metadata: {committee: …, subject: …, date_submitted: 2025-10-08, reference: …}
    ---
    # Vragen en opmerkingen van de leden van de VVD-fractie
    <intro>
    ## Vraag 1
    <question text>
    ### Antwoord
    <answer text, footnote markers as [^1]>
    ## Vraag 2
    ## Vraag 3
    ### Antwoord op vraag 2 en 3
    [^1]: <footnote text>

An empty "### Antwoord" section means: not answered yet.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from kamerqa.drafting.convert import ordered_answers
from kamerqa.drafting.errors import Invalid
from kamerqa.drafting.models import (
    Consultation,
    ConsultationContent,
    DraftAnswer,
    DraftFootnote,
    DraftQuestion,
)
from kamerqa.model import Party
from kamerqa.parse.numbering import parse_number_list

FORMATS = ("md", "yaml")
_PARTY = re.compile(r"^#\s+(?:Vragen en opmerkingen van de leden van de\s+)?(.+?)(?:-fractie)?\s*$")
_QUESTION = re.compile(r"^##\s+Vraag\s+(\S+)\s*$")
_ANSWER = re.compile(r"^###\s+Antwoord(?:\s+op\s+vra(?:ag|gen)\s+(.+?))?\s*$", re.I)
_NOTE = re.compile(r"^\[\^([^\]\s]+)\]:\s*(.*)$")


def _header(consultation: Consultation) -> dict[str, Any]:
    content = consultation.content
    return {
        "id": consultation.id,
        "version": consultation.version,
        "status": consultation.status,
        "title": content.title,
        "genre": content.genre,
        "metadata": content.metadata.model_dump(mode="json"),
    }


def export_yaml(consultation: Consultation) -> str:
    data = _header(consultation)
    data.pop("title"), data.pop("genre"), data.pop("metadata")
    data["content"] = consultation.content.model_dump(mode="json")
    return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))


def _question_lines(content: ConsultationContent, number: str, done: set[int]) -> list[str]:
    question = content.question(number)
    lines = [f"## Vraag {number}", "", question.text if question else "", ""]
    answers = ordered_answers(content)
    for index, answer in enumerate(answers):
        if index in done or number not in answer.questions:
            continue
        present = [n for n in answer.questions if content.question(n) is not None]
        if present and present[-1] != number:
            return lines  # a joint answer comes after its last question
        done.add(index)
        heading = "### Antwoord"
        if len(answer.questions) > 1:
            heading += " op vragen " + ", ".join(answer.questions[:-1])
            heading += " en " + answer.questions[-1]
        lines += [heading, "", answer.text, ""]
        return lines
    return [*lines, "### Antwoord", "", ""]


def export_markdown(consultation: Consultation) -> str:
    content = consultation.content
    front = yaml.safe_dump(_header(consultation), allow_unicode=True, sort_keys=False, width=100)
    lines = ["---", front.rstrip("\n"), "---", ""]
    done: set[int] = set()
    party_names = {p.name for p in content.parties}
    for question in content.questions:
        if question.party not in party_names:
            lines += _question_lines(content, question.number, done)
    for party in content.parties:
        lines += [f"# Vragen en opmerkingen van de leden van de {party.name}-fractie", ""]
        if party.intro:
            lines += [party.intro, ""]
        for question in content.questions:
            if question.party == party.name:
                lines += _question_lines(content, question.number, done)
    lines += [f"[^{n.id}]: {n.text}" for n in content.footnotes]
    return "\n".join(lines).rstrip("\n") + "\n"


def export(consultation: Consultation, fmt: str) -> str:
    if fmt == "yaml":
        return export_yaml(consultation)
    if fmt == "md":
        return export_markdown(consultation)
    raise Invalid(f"unknown export format {fmt!r}; choose from {', '.join(FORMATS)}")


class _MarkdownBody:
    """A small state machine over the Markdown body."""

    def __init__(self) -> None:
        self.parties: list[Party] = []
        self.questions: list[DraftQuestion] = []
        self.answers: list[DraftAnswer] = []
        self.notes: list[DraftFootnote] = []
        self.buffer: list[str] = []
        self.target: tuple[str, Any] = ("none", None)

    def flush(self) -> None:
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(self.buffer)).strip()
        self.buffer = []
        kind, item = self.target
        if kind == "intro":
            item.intro = text
        elif kind == "question":
            item.text = text
        elif kind == "answer":
            item.text = text
            if text:
                self.answers.append(item)
        elif kind == "none" and text:
            raise Invalid(f"text outside any question or answer: {text[:60]!r}")

    def line(self, line: str, number: int) -> None:
        if (match := _QUESTION.match(line)) is not None:
            self.flush()
            party = self.parties[-1].name if self.parties else None
            question = DraftQuestion(number=match.group(1), party=party, text="")
            self.questions.append(question)
            self.target = ("question", question)
        elif (match := _ANSWER.match(line)) is not None:
            self.flush()
            numbers = parse_number_list(match.group(1)) if match.group(1) else []
            if not numbers and self.questions:
                numbers = [self.questions[-1].number]
            if not numbers:
                raise Invalid(f"line {number}: an answer before any question")
            self.target = ("answer", DraftAnswer(questions=numbers, text=""))
        elif line.startswith("# ") and (match := _PARTY.match(line)) is not None:
            self.flush()
            self.parties.append(Party(name=match.group(1).strip()))
            self.target = ("intro", self.parties[-1])
        elif (match := _NOTE.match(line)) is not None:
            self.flush()
            self.notes.append(DraftFootnote(id=match.group(1), text=match.group(2).strip()))
            self.target = ("none", None)
        else:
            self.buffer.append(line.rstrip())


def _split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    match = re.match(r"^---[ \t]*\n(.*?)\n---[ \t]*\n(.*)$", text, re.S)
    if match is None:
        raise Invalid("the Markdown file has no front matter (--- … ---) at the top")
    header = _load_yaml(match.group(1))
    return header, match.group(2)


def _load_yaml(text: str) -> dict[str, Any]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise Invalid(f"invalid YAML: {str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict):
        raise Invalid("the file does not describe a consultation")
    return data


def _content(data: dict[str, Any]) -> ConsultationContent:
    try:
        return ConsultationContent.model_validate(data)
    except ValueError as exc:
        raise Invalid(f"invalid consultation: {str(exc).splitlines()[0]} {exc}"[:300]) from None


def read_markdown(text: str) -> tuple[str, int | None, ConsultationContent]:
    header, body = _split_front_matter(text)
    state = _MarkdownBody()
    for number, line in enumerate(body.split("\n"), start=1):
        state.line(line, number)
    state.flush()
    content = _content(
        {
            "title": header.get("title") or "",
            "genre": header.get("genre") or "schriftelijk_overleg",
            "metadata": header.get("metadata") or {},
        }
    )
    content.parties = state.parties
    content.questions = state.questions
    content.answers = state.answers
    content.footnotes = state.notes
    return str(header.get("id", "")), _version(header), content


def _version(header: dict[str, Any]) -> int | None:
    value = header.get("version")
    return value if isinstance(value, int) else None


def read_file(data: bytes) -> tuple[str, int | None, ConsultationContent]:
    """(consultation id, version it was exported at, content) from an edited export."""
    try:
        text = data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError:
        raise Invalid("the file is not UTF-8 text") from None
    if text.lstrip().startswith("---"):
        return read_markdown(text.lstrip())
    data_dict = _load_yaml(text)
    if "content" not in data_dict:
        raise Invalid("the YAML file has no 'content'")
    content = _content(data_dict["content"])
    return str(data_dict.get("id", "")), _version(data_dict), content
