"""Schriftelijk overleg: the minister's answer letter and the published Verslag (Kamerstuk).

Answer letter: "Geachte voorzitter," + a paragraph naming the committee, the subject, the date
the questions were sent in and the kenmerk, a signature, then "Vragen en antwoorden" with per
faction a heading, an intro and "Vraag N" / "Antwoord" blocks numbered across factions.

Verslag: "Vastgesteld <date>", an intro naming the committee, the minister, the letters and the
dates, chair and griffier, a table of contents, then either questions and answers interleaved
per faction, or part I (questions per faction) followed by part II (the reply).
"""

from __future__ import annotations

import re
from datetime import date

from kamerqa.model import Document
from kamerqa.parse.dates import find_dates, parse_dutch_date
from kamerqa.parse.letter import (
    answered_kamerstuk,
    apply_format_facts,
    closing_signatories,
    dossier_title,
    fill_intro_metadata,
    format_facts,
    subject_after,
)
from kamerqa.parse.parties import party_from_fractie, split_parties
from kamerqa.parse.qa_common import (
    QABuilder,
    answer_heading,
    is_heading_like,
    party_heading,
    question_heading,
    split_glued_headings,
    strip_enumerator,
)
from kamerqa.parse.questions import (
    PROSE_QUESTION,
    QuestionIndex,
    is_intro_paragraph,
    numbered_paragraph,
)
from kamerqa.readers.blocks import Block, ReadResult

__all__ = ["parse"]

_QA_TITLE = re.compile(r"^(?:\d+\.?\s+)?vragen\s+en\s+antwoorden\s*$", re.I)
_PART_ONE = re.compile(
    r"^(?:I|1)[.)]?\s+(?:vragen|inbreng)\b(?!.*\bfractie\b)|^vragen\s+en\s+opmerkingen\s+"
    r"(?:vanuit|uit|van)\s+de\s+fracties\b|^brief\s+van\s+de\s+(?:voorzitter|vaste\s+commissie)\b",
    re.I,
)
# An Eerste Kamer verslag prints the committee's letter (part I) and the minister's (part II)
_REPLY_LETTER = re.compile(
    r"^brief\s+van\s+de\s+(?:minister|staatssecretaris|regering|minister-president)\b", re.I
)
# the letters' own lines: address, place and date, salutation, opening, closing, signature
_LETTER_LINE = re.compile(
    r"^(?:aan\s+de\s+(?:minister|staatssecretaris|voorzitter|regering)\b[^.?!]{0,120}$"
    r"|(?:den\s+haag|’s-gravenhage|'s-gravenhage),?\s+\d{1,2}\s+\w+\s+\d{4}\s*$"
    r"|geachte\s+[^.?!]{0,60},\s*$|(?:hierbij|met\s+deze\s+brief)\b(?![^.]*\bvragen?\s+de\b))",
    re.I,
)
_LETTER_CLOSING = re.compile(
    r"^(?:hoogachtend|met\s+(?:vriendelijke|hoogachtende)\s+groet|de\s+commissie\s+ziet\b"
    r"[^.]*tegemoet)",
    re.I,
)
_PART_TWO = re.compile(
    r"^(?:II|2)[.)]?\s+(?:reactie|antwoord|beantwoording)\b|^(?:reactie|antwoord(?:en)?|"
    r"beantwoording)\s+van\s+de\s+(?:minister|staatssecretaris|bewindspersoon|regering)\b",
    re.I,
)
_FACTION_OPENING = re.compile(
    r"^(?:(?:ook|voorts|tevens|verder|tot\s+slot|daarnaast)\s+(?:vragen|willen|wijzen)\s+)?"
    r"(?:de\s+leden\s+van\s+de\b|het\s+lid\s+van\s+de\b|deze\s+leden\b|dit\s+lid\b"
    r"|(?:de\s+)?(?:voor|boven)?genoemde\s+leden\b|dezelfde\s+leden\b|zij\b)",
    re.I,
)
_VERSLAG = re.compile(r"verslag\s+van\s+een\s+schriftelijk\s+overleg", re.I)
_TOC = re.compile(r"^\s*(?:inhoudsopgave|inhoud)\b[\s:]*(?:blz\.?|pagina|pag\.)?\s*$", re.I)
_TOC_LINE = re.compile(r"^.{3,160}?(?:\.{2,}|\s)\s*\d{1,3}\s*$")
_SUBJECT = re.compile(
    r"\bschriftelijk\s+overleg\s+over\s+|\bvoorgelegd\s+aan\s+.{0,80}?\bover\s+"
    r"|\b(?:gesteld|ingebracht|ingediend)\s+over\s+",
    re.I,
)
# "de vragen van de vaste commissie voor X over de Raad …" (no "schriftelijk overleg over")
_COMMITTEE_SUBJECT = re.compile(
    r"\b(?:vragen|inbreng)\s+(?:en\s+opmerkingen\s+)?van\s+de\s+(?:vaste\s+)?commissie"
    r"\s+voor\s+[^.]{0,100}?\s+over\s+",
    re.I,
)
# a letterhead subject "Beantwoording schriftelijk overleg Raad … van 15 december 2025"
_SO_PREFIX = re.compile(
    r"^(?:(?:beantwoording|antwoorden|reactie)\s+(?:op\s+)?(?:de\s+(?:vragen|inbreng)\s+"
    r"(?:uit|voor|van)\s+)?(?:het\s+)?)?schriftelijk(?:e)?\s+overleg(?:\s+(?:over|inzake))?\s+",
    re.I,
)
# "(kenmerk …, ingezonden …)" after the subject
_KENMERK_NOTE = re.compile(
    r"\s*\((?:met\s+)?(?:kenmerk|ingezonden|ons\s+kenmerk)\b[^)]*\)\s*$", re.I
)
_MEETING = re.compile(
    r"\s*(?:,\s*)?\b(?:op|van)\s+(?P<when>\d{1,2}(?:\s+en\s+\d{1,2})?\s+[a-z]+\.?"
    r"(?:\s+\d{4}|\s+a\.\s?s\.?)?|\d{1,2}-\d{1,2}-\d{4})"
    r"(?:\s+(?:te|in)\s+(?P<where>[A-Z][\w-]+))?\s*$"
)


def _qa_columns(row: list[str]) -> tuple[int | None, int, int] | None:
    """Columns (Nr, Vraag, Antwoord) of a Q&A table's header row, Nr optional."""
    cells = [c.strip().lower().rstrip(".:") for c in row]
    if "vraag" not in cells or "antwoord" not in cells:
        return None
    nr = next((i for i, c in enumerate(cells) if c in ("nr", "nummer", "vraagnummer")), None)
    return nr, cells.index("vraag"), cells.index("antwoord")


def _is_structural(block: Block) -> bool:
    text = block.text.strip()
    return bool(
        _QA_TITLE.match(text)
        or _PART_ONE.match(text)
        or party_heading(block)
        or question_heading(text)
        or _TOC.match(text)
    )


def _body_start(blocks: list[Block]) -> int:
    return next((i for i, b in enumerate(blocks) if _is_structural(b)), len(blocks))


def _subject_and_meeting(intro: str, reference: date | None) -> tuple[str | None, str | None]:
    subject = subject_after(_SUBJECT, intro) or subject_after(_COMMITTEE_SUBJECT, intro)
    if subject is None:
        return None, None
    subject = _KENMERK_NOTE.sub("", subject)
    meeting = _MEETING.search(subject)
    if meeting is None or re.search(r"\b(?:brief|brieven|nota)$", subject[: meeting.start()]):
        return subject or None, None
    first_day = re.sub(r"^(\d{1,2})\s+en\s+\d{1,2}", r"\1", meeting.group("when"))
    when = parse_dutch_date(first_day, reference)
    described = when.isoformat() if when else meeting.group("when")
    if meeting.group("where"):
        described += f", {meeting.group('where')}"
    return subject[: meeting.start()].strip() or subject, described


def _fill_metadata(document: Document, head: list[Block], tail: list[Block]) -> None:
    intro = " ".join(b.text for b in head)
    texts = [b.text for b in head] + [b.text for b in tail]
    meta = document.metadata
    fill_intro_metadata(meta, intro, texts)
    dates = find_dates(intro)
    subject, meeting = _subject_and_meeting(
        intro, meta.date_submitted or (dates[0] if dates else None)
    )
    meta.subject = _SO_PREFIX.sub("", meta.subject or "") or subject
    if meta.subject is None and meta.identifiers.koop:  # a verslag about a bill: its title
        meta.subject = dossier_title([b.text for b in head])
    meta.meeting = meta.meeting or meeting
    if not meta.reference:  # a published verslag: the letter the inbreng was about
        meta.reference = answered_kamerstuk(
            intro, own=meta.identifiers.koop, near=r"\bover\b|\bnaar\s+aanleiding\s+van\b"
        )
    verslag = any(_VERSLAG.search(t) for t in texts)
    kind = "Verslag van een schriftelijk overleg" if verslag else "Schriftelijk overleg"
    document.title = f"{kind} over {meta.subject}" if meta.subject else kind


class _Walker:
    """Walks the body blocks of a schriftelijk overleg and feeds the builder."""

    def __init__(self, numbered: bool, headed_answers: bool, emphasis: bool = False) -> None:
        self.builder = QABuilder()
        self.emphasis = emphasis  # questions are set in bold or italics, answers are not
        self.headed_answers = headed_answers  # answers have "Antwoord"/"Reactie" headings
        self.numbered = numbered  # the document has "Vraag N" headings
        self.reply_part = False
        self.in_toc = False
        self.asked: QuestionIndex | None = None  # part I questions, to find them in part II
        self.blocks: list[Block] = []
        self.index = 0
        self.faction_count = 0  # numbered questions of the current faction
        self.letters = False  # part I and II are letters (committee's, minister's)
        self.qa_columns: tuple[int | None, int, int] | None = None  # a Nr | Vraag | Antwoord table
        self.closed = False  # part I's letter has been signed; nothing until part II
        self.restarted = False  # numbered paragraphs start at 1 again in every faction

    def run(self, blocks: list[Block]) -> QABuilder:
        self.blocks = blocks
        for self.index, block in enumerate(blocks):
            self.feed(block)
        return self.builder

    def feed(self, block: Block) -> None:
        text = block.text.strip()
        if self._skip_furniture(block, text) or self._qa_table(block):
            return
        if self._part_two(text):
            self.reply_part, self.closed = True, False
            self.builder.start_section(strip_enumerator(text))
            return
        if self._letter_line(text):
            return
        party = party_heading(block)
        if party:
            self._start_party(party)
            return
        heading = question_heading(text)
        if heading is not None:
            self.builder.start_question(heading[0] or None)
            self.builder.add_rest(heading[1], block)
            return
        answer = answer_heading(text)
        if answer is not None and self.builder.questions:
            self.builder.start_answer(answer[0])
            self.builder.add_rest(answer[1], block)
            return
        if self._unheaded_answer(text):
            self.builder.start_answer()
        self._body(block, text)

    def _qa_table(self, block: Block) -> bool:
        """A table with the columns (Nr,) Vraag, Antwoord: a question and its answer per row
        (the header may stand in a table of its own, as in a text export)."""
        if block.kind != "table" or not block.rows:
            self.qa_columns = None  # the header holds for the table rows right after it
            return False
        for row in block.rows:
            self.qa_columns = _qa_columns(row) or self.qa_columns
            if self.qa_columns is None:
                return False
            cells = (
                row[i].strip() if i is not None and i < len(row) else "" for i in self.qa_columns
            )
            nr, question, answer = cells
            if question and not _qa_columns(row):
                number = nr.rstrip(".")
                numbered = re.fullmatch(r"\d{1,3}[a-z]?", number)
                self.builder.start_question([number] if numbered else None)
                self.builder.add(question)
                if answer:
                    self.builder.start_answer()
                    self.builder.add(answer)
        self.builder.add("", block.notes)
        return True

    def _unheaded_answer(self, text: str) -> bool:
        """In a letter with "Vraag N"/"Antwoord" headings, one answer may lack its heading: a
        statement after the question's last "?" when no answer heading comes before the next
        question."""
        builder = self.builder
        paragraphs = builder.current_paragraphs
        if not (self.numbered and self.headed_answers and builder.in_question and paragraphs):
            return False
        if not paragraphs[-1].rstrip(' )”’"').endswith("?") or text.rstrip().endswith("?"):
            return False
        if _FACTION_OPENING.match(text):
            return False
        for block in self.blocks[self.index + 1 :]:
            if answer_heading(block.text) is not None:
                return False
            if question_heading(block.text) is not None or party_heading(block):
                return True
        return True

    def _part_two(self, text: str) -> bool:
        """ "II Reactie van de minister" before the replies per faction — not the "Reactie van
        de minister" heading of one answer in an interleaved verslag."""
        if _REPLY_LETTER.match(text) and self.letters:
            return not self.builder.answers
        if not _PART_TWO.match(text) or self.numbered or not self.builder.questions:
            return False
        if re.match(r"^(?:II|2)[.)]?\s", text) or self.builder.answers:
            return not self.builder.answers
        following = self.blocks[self.index + 1] if self.index + 1 < len(self.blocks) else None
        return following is not None and party_heading(following) is not None

    def _skip_furniture(self, block: Block, text: str) -> bool:
        if _TOC.match(text):
            self.in_toc = True
            return True
        if self.in_toc:
            if _TOC_LINE.match(text) or block.kind == "table":
                return True
            self.in_toc = False
        if _PART_ONE.match(text):
            self.letters = text.lower().startswith("brief")
            return True
        return bool(_QA_TITLE.match(text))

    def _letter_line(self, text: str) -> bool:
        """In a verslag of two letters: the letters' address, date, opening and closing lines,
        and everything between the committee's closing and the minister's letter."""
        if not self.letters:
            return False
        if _LETTER_CLOSING.match(text) and not self.reply_part:
            self.closed = True
        return self.closed or bool(_LETTER_LINE.match(text) and not self.builder.in_answer)

    def _start_party(self, party: str) -> None:
        self.faction_count = 0
        if self.reply_part:
            names = split_parties(party)  # a joint faction: the questions of all its parties
            found = [q for p in self.builder.parties if p.name in names for q in p.numbers]
            numbers = sorted(set(found), key=found.index)
            if numbers:
                self.builder.start_answer(numbers)
            else:
                self.builder.detach()  # a reply to a faction that asked nothing
            return
        self.builder.start_party(party)

    def _body(self, block: Block, text: str) -> None:
        builder = self.builder
        if self.reply_part:
            self._reply_body(block, text)
            return
        if not self.numbered:
            number, rest = self._numbered_paragraph(text)
            if number and self._numbered_question(rest):
                builder.start_question(None if self.restarted else [number])
                builder.add_rest(rest, block)
                self.faction_count += 1
                return
        if not self.numbered and not self.headed_answers:
            self._faction_in_letter(text)
            self._unheaded(block, text)
            return
        if not self.numbered and self._opens_question(text):
            builder.start_question()
        builder.add_block(block)
        if builder.in_question and builder.party is None:
            party = party_from_fractie(text[:200])
            if party:
                builder.assign_party(party)  # no faction headings: the question names it

    def _unheaded(self, block: Block, text: str) -> None:
        """No "Vraag"/"Antwoord" headings: faction prose (or bold/italic text) asks, plain
        paragraphs after it answer."""
        builder = self.builder
        emphasised = block.bold or block.italic
        new_faction = _FACTION_OPENING.match(text) is not None and self._prose_question(text)
        if builder.in_question:
            if emphasised and self.emphasis:
                pass  # the question goes on in the same type style
            elif new_faction:
                builder.start_question()
            else:
                builder.start_answer()
        elif builder.in_answer:
            if (emphasised and self.emphasis) or (new_faction and not self.emphasis):
                builder.start_question()
        elif self._faction_intro(text):
            pass  # the faction's opening, also when set in italics with its questions
        elif (emphasised and self.emphasis) or self._prose_question(text):
            builder.start_question()
        builder.add_block(block)

    def _faction_in_letter(self, text: str) -> None:
        """The committee's letter has no faction headings: "De leden van de fractie van X …"
        opens X's part."""
        if not self.letters or not re.match(r"(?:de\s+leden|het\s+lid)\s+van\s+de\b", text, re.I):
            return
        party = party_from_fractie(text[:200])
        if party and party != self.builder.party:
            self._start_party(party)

    def _faction_intro(self, text: str) -> bool:
        builder = self.builder
        at_party = not builder.in_question and not builder.in_answer and builder.party is not None
        return at_party and builder.current_paragraphs == [] and is_intro_paragraph(text)

    def _opens_question(self, text: str) -> bool:
        """An unnumbered question: faction prose that asks, or the paragraph before "Antwoord"."""
        builder = self.builder
        before_heading = self._answer_heading_next()
        if builder.in_answer:
            new_faction = self._faction_after_answer(text) and self._prose_question(text)
            return before_heading or new_faction
        if builder.in_question:
            return self._prose_question(text)
        return before_heading or self._prose_question(text)

    def _answer_heading_next(self) -> bool:
        following = self.blocks[self.index + 1] if self.index + 1 < len(self.blocks) else None
        return following is not None and answer_heading(following.text) is not None

    def _numbered_paragraph(self, text: str) -> tuple[str, str]:
        """ "3. Deze leden …" numbered across factions, or "1. …" again in a new faction (then
        the questions are numbered across factions all the same)."""
        number, rest = numbered_paragraph(text, self.builder.next_number())
        if number and not self.restarted:
            return number, rest
        local = str(self.faction_count + 1)
        if self.restarted or (local == "1" and self.builder.party and self.builder.questions):
            number, rest = numbered_paragraph(text, local)
            self.restarted = self.restarted or bool(number)
        return number, rest

    def _numbered_question(self, rest: str) -> bool:
        """ "2. Deze leden vragen …" is a question; "2. Rotterdam." in an answer's list is not."""
        paragraphs = self.builder.current_paragraphs
        if paragraphs and paragraphs[-1].rstrip().endswith(":"):
            return False
        if not self.builder.in_answer and self.builder.party:
            return True
        return PROSE_QUESTION.search(rest) is not None

    def _faction_after_answer(self, text: str) -> bool:
        """In interleaved verslagen a new faction paragraph after an answer opens a question."""
        return self.headed_answers and _FACTION_OPENING.match(text) is not None

    def _prose_question(self, text: str) -> bool:
        builder = self.builder
        if builder.party is None or is_intro_paragraph(text):
            return False
        if builder.in_question:
            return bool(re.match(r"^(?:de|deze|voorts|ook|tevens|verder|tot\s+slot)\b", text, re.I))
        return bool(PROSE_QUESTION.search(text))

    def _reply_body(self, block: Block, text: str) -> None:
        builder = self.builder
        if self.asked is None:
            self.asked = QuestionIndex(
                [(q.numbers, " ".join(q.paragraphs)) for q in builder.questions]
            )
        numbers = self.asked.find(text) if _FACTION_OPENING.match(text) else None
        if numbers:
            builder.start_answer(list(numbers))
            builder.add("", block.notes)
            return
        if not builder.in_answer:
            builder.start_answer()
        builder.add_block(block)


def parse(read: ReadResult, document: Document) -> Document:
    """Parse a schriftelijk overleg (answer letter or Verslag) into ``document``."""
    blocks = split_glued_headings(read.blocks)
    start = _body_start(blocks)
    end, signers = closing_signatories([b.text for b in blocks])
    end = max(end, start)
    numbered = any(question_heading(b.text) for b in blocks[start:end])
    body = blocks[start:end]
    headed = any(answer_heading(b.text) is not None for b in body)
    emphasis = any((b.bold or b.italic) and not is_heading_like(b) for b in body)
    walker = _Walker(numbered, headed, emphasis)
    walker.run(blocks[start:end])
    apply_format_facts(document.metadata, format_facts(read))
    _fill_metadata(document, blocks[:start], blocks[end:])
    meta = document.metadata
    meta.signatories = meta.signatories or signers
    if not meta.addressees:  # the inbreng was put to whoever answers it
        meta.addressees = [s.function for s in meta.signatories if s.function]
    walker.builder.loose_notes.extend(read.unplaced_notes)
    return walker.builder.finish(document)
