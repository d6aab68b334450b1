"""A question of a joint inbreng sits in its first party's section, not in a party-less one."""

from __future__ import annotations

from kamerqa.model import Answer, Document, Party, Question
from kamerqa.web.docview import sections as party_sections


def test_joint_inbreng_is_shown_under_its_first_party() -> None:
    doc = Document(
        id="x",
        genre="schriftelijk_overleg",
        parties=[
            Party(name="CDA", question_numbers=["1"]),
            Party(name="ChristenUnie", question_numbers=["1"]),
        ],
        questions=[Question(number="1", party="CDA, ChristenUnie", text="Waarom?", answer_id="a1")],
        answers=[Answer(id="a1", questions=["1"], text="Daarom.")],
    )
    sections = party_sections(doc)
    assert [s.party for s in sections] == ["CDA", "ChristenUnie"]
    assert len(sections[0].entries) == 1 and not sections[1].entries
