"""The kamerqa/1 model: contract shape, aliases, schema export."""

from __future__ import annotations

import json

from kamerqa.model import SCHEMA_VERSION, Answer, Document, Footnote, Question, json_schema


def _doc() -> Document:
    return Document(
        id="x",
        genre="kamervragen",
        questions=[Question(number="7a", text="Waarom?", answer_id="a1")],
        answers=[Answer(id="a1", questions=["7a"], text="Daarom.", refers_to=[])],
        footnotes=[Footnote(id="1", text="Bron.", in_="a1")],
    )


def test_json_uses_contract_names() -> None:
    data = _doc().to_dict()
    assert data["schema"] == SCHEMA_VERSION
    assert data["footnotes"][0]["in"] == "a1"
    assert data["questions"][0]["number"] == "7a"
    assert Document.from_dict(data) == _doc()


def test_schema_is_valid_json_with_required_fields() -> None:
    schema = json_schema()
    assert schema["title"] == SCHEMA_VERSION
    assert "questions" in schema["properties"]
    json.dumps(schema)


def test_answer_lookup() -> None:
    doc = _doc()
    answer = doc.answer_for("7a")
    assert answer is not None and answer.text == "Daarom."
    assert doc.answer_for("8") is None
