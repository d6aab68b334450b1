"""Shared assembly for genre parsers: build questions, answers, parties and footnotes.

A genre parser walks the blocks, decides what each block is, and tells a :class:`QABuilder`
("a question starts", "an answer starts", "this text belongs to the current item"). The builder
numbers questions, links answers, attaches footnotes (from ``Block.notes``) to the item whose
text held the marker, finds cross-references and citations, and fills the Document.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from kamerqa.model import Answer, Document, Footnote, Party, Question
from kamerqa.parse.citations import collect_references
from kamerqa.parse.crossrefs import find_refers_to
from kamerqa.parse.numbering import match_answer_heading, match_question_heading, number_key
from kamerqa.parse.parties import party_from_fractie, split_parties
from kamerqa.readers.blocks import Block, Note

__all__ = [
    "QABuilder",
    "answer_heading",
    "answer_heading_numbers",
    "is_heading_like",
    "party_heading",
    "question_heading",
    "split_glued_headings",
    "strip_enumerator",
]

_ENUMERATOR = re.compile(
    r"^\s*(?:(?i:§|hoofdstuk|paragraaf|afdeling)\s*)?(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})*|[A-Z])"
    r"[.)]?\s+(?=\S)"
)
_PARTY_HEADING = re.compile(
    r"^(?:vragen\s+en\s+opmerkingen|inbreng|opmerkingen|vragen|bijdrage|reactie|antwoorden?)"
    r"\b[^.?!]{0,80}\bfracties?\b|^(?:de\s+)?[\w-]{2,30}-?\s?fractie$"
    r"|^(?:de\s+)?fractie\s+van\s+(?:de\s+|het\s+)?[\w-]{2,30}$",
    re.I,
)
_REPLY_HEADING = re.compile(
    r"^(?:reactie|beantwoording|antwoord(?:en)?)(?:\s+(?:(?:van|door)\s+)?(?:(?:de|het)\s+)?"
    r"(?:minister|staatssecretaris|kabinet|regering|bewindspersoon|bewindslieden)\b[^.?!]*)?"
    r"\s*[:.]?$",
    re.I,
)
_INLINE_ANSWER = re.compile(
    r"^(Antwoord(?:en)?(?:\s+op\s+(?:de\s+)?vra(?:ag|gen)\s+\d[\dt/m ,en]*?)?|Antwoord\s+\d{1,3})"
    r"\s+([A-Z][a-z].*)$",
    re.S,
)
_QUESTION_ALONE = re.compile(r"^\s*vraag\s*[:.]?\s*$", re.I)


# "…? Antwoord De …" / "… miljard. Vraag 2 Welke …": a heading run into the paragraph before
# it (a PDF text layer that lost the paragraph break)
_GLUED_HEADING = re.compile(
    r"(?<=[?])\s+"
    r"(?=Antwoord(?:en)?(?:\s+op\s+(?:de\s+)?vra(?:ag|gen)\s+\d[\dt/m ,en]*?)?:?\s+[A-Z])"
    r"|(?<=[.?!])\s+(?=Vraag\s+\d{1,3}[a-z]?:?\s+[A-Z])"
)


def split_glued_headings(blocks: list[Block]) -> list[Block]:
    """Blocks split before "Vraag N …"/"Antwoord …" run into the paragraph before them;
    footnote markers go with the part they sat in."""
    out: list[Block] = []
    for block in blocks:
        cuts = (
            [m.end() for m in _GLUED_HEADING.finditer(block.text)] if block.kind != "table" else []
        )
        if not cuts:
            out.append(block)
            continue
        bounds = [0, *cuts, len(block.text)]
        for start, end in itertools.pairwise(bounds):
            notes = [
                Note(n.id, n.text, None if n.offset is None else n.offset - start)
                for n in block.notes
                if (n.offset is None and start == 0)
                or (n.offset is not None and start <= n.offset < end + (end == len(block.text)))
            ]
            out.append(replace(block, text=block.text[start:end].rstrip(), notes=notes))
    return out


def strip_enumerator(text: str) -> str:
    """ "2. Vragen en opmerkingen …" -> "Vragen en opmerkingen …"; "II Reactie" -> "Reactie"."""
    return _ENUMERATOR.sub("", text, count=1)


def is_heading_like(block: Block, max_words: int = 14) -> bool:
    """Short, no sentence end: a heading whether or not the format said so."""
    if block.kind == "heading":
        return True
    text = block.text.strip()
    if not text or len(text.split()) > max_words or text[-1] in ".?!;:,":
        return False
    return text[0].isupper() or text[0].isdigit() or text[0] == "§"


def party_heading(block: Block) -> str | None:
    """The party of a faction heading ("Vragen en opmerkingen van de leden van de X-fractie")."""
    text = strip_enumerator(block.text.strip())
    if len(text) > 160 or text.endswith("?") or not _PARTY_HEADING.search(text):
        return None
    if text.endswith(".") and not text.lower().startswith("vragen en opmerkingen"):
        return None
    return party_from_fractie(text)


def question_heading(text: str) -> tuple[list[str], str] | None:
    """A question heading: its numbers ([] for a bare "Vraag", numbered by the builder) and
    the question text on the same line ("Vraag 2: Klopt het …")."""
    match = match_question_heading(text)
    if match is not None:
        return match.numbers, match.rest
    return ([], "") if _QUESTION_ALONE.match(text) else None


def answer_heading(text: str) -> tuple[list[str], str] | None:
    """An answer heading: its numbers ([] for "Antwoord"/"Reactie") and any text after a colon.

    "Antwoord op vraag 3: Ja, …" -> (["3"], "Ja, …"); "Antwoord" -> ([], ""); prose -> None.
    """
    stripped = text.strip()
    if stripped[:1].isdigit():
        stripped = strip_enumerator(stripped)
    match = match_answer_heading(stripped)
    if match is not None:
        return match.numbers, match.rest
    inline = _INLINE_ANSWER.match(stripped)
    if inline is not None:  # "Antwoord De …": a bold heading run followed by the answer
        heading = match_answer_heading(inline.group(1))
        if heading is not None:
            return heading.numbers, inline.group(2)
    if _REPLY_HEADING.match(stripped) and not _PARTY_HEADING.search(stripped):
        return [], ""
    return None


def answer_heading_numbers(text: str) -> list[str] | None:
    """Numbers of an answer heading that stands alone on its line, else None."""
    found = answer_heading(text)
    return found[0] if found is not None and not found[1] else None


@dataclass(eq=False)
class _Item:
    numbers: list[str]
    is_answer: bool = False
    party: str | None = None
    section: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    # each note with the paragraph it sat in and its offset there (None: unknown)
    notes: list[tuple[Note, int, int | None]] = field(default_factory=list)


@dataclass(eq=False)
class _PartyDraft:
    name: str
    intro: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    # the other parties of a joint faction ("GroenLinks-PvdA, SP"): they share the intro
    partners: list[_PartyDraft] = field(default_factory=list)


class QABuilder:
    """Collects questions and answers in document order, then writes them into a Document."""

    def __init__(self) -> None:
        self.questions: list[_Item] = []
        self.answers: list[_Item] = []
        self.parties: list[_PartyDraft] = []
        self.party: str | None = None
        self.section: str | None = None
        self.loose_notes: list[Note] = []
        self.warnings: list[str] = []
        self._current: _Item | _PartyDraft | None = None
        self._answered_upto = 0  # questions before this index have an answer
        self._known: set[str] = set()

    # -- events -------------------------------------------------------------------------------
    def _drafts(self, name: str) -> list[_PartyDraft]:
        """The party drafts of ``name``, one per party of a joint name (created as needed)."""
        out = []
        for part in split_parties(name):
            draft = next((p for p in self.parties if p.name == part), None)
            if draft is None:
                draft = _PartyDraft(part)
                self.parties.append(draft)
            out.append(draft)
        return out

    def start_party(self, name: str) -> None:
        self.party = name
        drafts = self._drafts(name)
        drafts[0].partners = drafts[1:]
        self._current = drafts[0]

    def start_section(self, title: str) -> None:
        self.section = title
        if not isinstance(self._current, _PartyDraft):
            self._current = None

    def next_number(self) -> str:
        if not self.questions:
            return "1"
        last = self.questions[-1].numbers[-1]
        value, _ = number_key(last)
        return str(value + 1) if value < 10**6 else str(len(self.questions) + 1)

    def start_question(self, numbers: list[str] | None = None, party: str | None = None) -> None:
        numbers = numbers or [self.next_number()]
        if self._known.intersection(numbers):
            self.warnings.append(f"question number {numbers[0]} appears twice; renumbered")
            numbers = [self.next_number()]
            while numbers[0] in self._known:
                numbers = [f"{numbers[0]}-{len(self.questions) + 1}"]
        item = _Item(numbers=numbers, party=party or self.party, section=self.section)
        self.questions.append(item)
        self._known.update(numbers)
        for draft in self._drafts(item.party or ""):
            draft.numbers.extend(numbers)
        self._current = item

    def start_answer(self, numbers: list[str] | None = None) -> None:
        """An answer to ``numbers``, or to the questions not yet answered (else the last one)."""
        if not numbers:
            pending = self.questions[self._answered_upto :]
            numbers = [n for q in pending for n in q.numbers]
            if not numbers and self.answers:
                self._current = self.answers[-1]  # a second "Antwoord" goes on with the first
                return
            if not numbers and self.questions:
                numbers = list(self.questions[-1].numbers)
        self._answered_upto = len(self.questions)
        item = _Item(numbers=numbers or [], is_answer=True, party=self.party, section=self.section)
        self.answers.append(item)
        self._current = item

    def assign_party(self, party: str) -> None:
        """Give the current question (opened without a party) the party its text names."""
        item = self._current
        if not isinstance(item, _Item) or item.is_answer or item.party:
            return
        item.party = party
        for draft in self._drafts(party):
            draft.numbers.extend(item.numbers)

    def detach(self) -> None:
        """Following text belongs to nothing (government prose between items, signatures)."""
        self._current = None

    def add(self, text: str, notes: list[Note] | None = None) -> None:
        """Text (one paragraph) for the current question, answer or party intro.

        ``Note.offset`` is taken as an offset in ``text`` (dropped when it cannot be).
        """
        current = self._current
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        if isinstance(current, _PartyDraft):
            for draft in [current, *current.partners] if text else []:
                draft.intro.append(text)
            self.loose_notes.extend(notes or [])
        elif current is not None:
            if text:
                current.paragraphs.append(text)
            index = max(0, len(current.paragraphs) - 1)
            for note in notes or []:
                offset = None if note.offset is None or not text else note.offset - lead
                if offset is not None and not 0 <= offset <= len(text):
                    offset = None
                current.notes.append((note, index, offset))
        else:
            self.loose_notes.extend(notes or [])

    def add_block(self, block: Block) -> None:
        self.add(block.text, block.notes)

    def add_rest(self, rest: str, block: Block) -> None:
        """The part of ``block`` after a heading ("Vraag 2: Klopt het …"), notes shifted along."""
        start = block.text.rfind(rest.strip()) if rest.strip() else -1
        if start < 0:
            self.add(rest, [Note(n.id, n.text) for n in block.notes])
            return
        shifted = [
            Note(n.id, n.text, None if n.offset is None else n.offset - start) for n in block.notes
        ]
        self.add(block.text[start : start + len(rest.strip())], shifted)

    @property
    def in_answer(self) -> bool:
        return isinstance(self._current, _Item) and self._current.is_answer

    @property
    def in_question(self) -> bool:
        return isinstance(self._current, _Item) and not self._current.is_answer

    @property
    def current_paragraphs(self) -> list[str]:
        return self._current.paragraphs if isinstance(self._current, _Item) else []

    # -- output -------------------------------------------------------------------------------
    def finish(self, document: Document) -> Document:
        """Write everything collected into ``document`` (parties, questions, answers, notes)."""
        questions = self._questions()
        answers = self._answers()
        by_number: dict[str, str] = {}
        for answer in answers:
            for number in answer.questions:
                by_number.setdefault(number, answer.id)
        asked = {q.number for q in questions}
        for answer in answers:
            missing = [n for n in answer.questions if n not in asked]
            if missing:
                self.warnings.append(f"{answer.id} answers question {missing[0]}, not found")
        for question in questions:
            question.answer_id = by_number.get(question.number)
            if question.answer_id is None:
                self.warnings.append(f"question {question.number} has no answer")
        document.questions = questions
        document.answers = answers
        document.parties = [
            Party(name=p.name, intro="\n\n".join(p.intro), question_numbers=p.numbers)
            for p in self.parties
        ]
        document.footnotes = self._footnotes(answers)
        document.references = collect_references(document)
        document.warnings.extend(self.warnings)
        return document

    def _questions(self) -> list[Question]:
        out: list[Question] = []
        for item in self.questions:
            texts = _split_over(item.paragraphs, len(item.numbers))
            for number, text in zip(item.numbers, texts, strict=True):
                out.append(
                    Question(number=number, party=item.party, section=item.section, text=text)
                )
            if not item.paragraphs:
                self.warnings.append(f"question {item.numbers[0]} has no text")
        return out

    def _answers(self) -> list[Answer]:
        out: list[Answer] = []
        for index, item in enumerate(self.answers, start=1):
            text = "\n\n".join(item.paragraphs)
            if not text:
                self.warnings.append(f"answer to question {', '.join(item.numbers)} is empty")
            refers = find_refers_to(text, own=item.numbers)
            out.append(Answer(id=f"a{index}", questions=item.numbers, text=text, refers_to=refers))
        return out

    def _footnotes(self, answers: list[Answer]) -> list[Footnote]:
        out: dict[str, Footnote] = {}
        for item in self.questions:
            for note, paragraph, offset in item.notes:
                owner, first = _owner(paragraph, len(item.paragraphs), len(item.numbers))
                where = f"q{item.numbers[owner]}"
                at = _text_offset(item.paragraphs, first, paragraph, offset)
                out.setdefault(note.id, Footnote(id=note.id, text=note.text, in_=where, offset=at))
        for item, answer in zip(self.answers, answers, strict=True):
            for note, paragraph, offset in item.notes:
                at = _text_offset(item.paragraphs, 0, paragraph, offset)
                out.setdefault(
                    note.id, Footnote(id=note.id, text=note.text, in_=answer.id, offset=at)
                )
        for note in self.loose_notes:
            out.setdefault(note.id, Footnote(id=note.id, text=note.text, in_=None))
        return sorted(out.values(), key=lambda f: number_key(f.id))


def _owner(paragraph: int, paragraphs: int, count: int) -> tuple[int, int]:
    """Which of ``count`` joint questions holds ``paragraph`` (as _split_over shares them),
    and the index of that question's first paragraph."""
    if count <= 1 or paragraphs < count:
        return 0, 0
    if paragraph < count - 1:
        return paragraph, paragraph
    return count - 1, count - 1


def _text_offset(
    paragraphs: list[str], first: int, paragraph: int, offset: int | None
) -> int | None:
    """Offset in the text made of paragraphs[first:] joined by blank lines."""
    if offset is None or paragraph >= len(paragraphs):
        return None
    return sum(len(p) + 2 for p in paragraphs[first:paragraph]) + offset


def _split_over(paragraphs: list[str], count: int) -> list[str]:
    """Share paragraphs over ``count`` questions of one joint heading (one paragraph each)."""
    if count <= 1:
        return ["\n\n".join(paragraphs)]
    if len(paragraphs) < count:
        return ["\n\n".join(paragraphs)] + [""] * (count - 1)
    return [*paragraphs[: count - 1], "\n\n".join(paragraphs[count - 1 :])]
