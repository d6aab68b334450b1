"""Nota naar aanleiding van het verslag: the government's reply to a committee report on a bill.

It follows the report's sections (headings -> ``Question.section``). Faction contributions are
paraphrased ("De leden van de VVD-fractie vragen …", "Deze leden vragen …") and answered in
prose; sometimes with "Vraag"/"Antwoord" blocks. Questions are numbered in order of appearance,
the party comes from the fractie phrase, several faction paragraphs answered by one reply share
one answer. Thanks to the factions at the start and the signature at the end are not answers.
"""

from __future__ import annotations

import re

from kamerqa.model import Document
from kamerqa.parse.dates import parse_dutch_date
from kamerqa.parse.letter import (
    answered_kamerstuk,
    apply_format_facts,
    closing_signatories,
    dossier_title,
    fill_intro_metadata,
    format_facts,
    kamerstuk_id,
)
from kamerqa.parse.numbering import match_question_heading
from kamerqa.parse.parties import party_from_fractie
from kamerqa.parse.qa_common import QABuilder, answer_heading, is_heading_like, strip_enumerator
from kamerqa.parse.questions import GOVERNMENT_START, is_intro_paragraph
from kamerqa.readers.blocks import Block, ReadResult

__all__ = ["parse"]

_FACTION_START = re.compile(
    r"^(?:(?:ook|voorts|tevens|verder|daarnaast|tot\s+slot|vervolgens|tenslotte|ten\s+slotte)"
    r",?\s+(?:vragen|willen|merken|constateren|lezen|zijn|hebben)?\s*)?"
    r"(?:de\s+(?:hier\s*voor\s+genoemde\s+)?leden\s+van\s+de\s+|het\s+lid\s+van\s+de\s+)",
    re.I,
)
_SAME_FACTION = re.compile(
    r"^(?:(?:ook|voorts|tevens|verder|daarnaast|tot\s+slot|vervolgens)\s*,?\s+)?"
    r"(?:deze\s+leden|dit\s+lid|het\s+(?:genoemde\s+)?lid\s+(?:vraagt|wil)"
    r"|(?:de\s+)?(?:hier\s*voor\s+|eerder\s+|voor|boven)?genoemde\s+leden|dezelfde\s+leden"
    r"|de\s+leden\s+van\s+deze\s+fractie"
    r"|de\s+aan\s+het\s+woord\s+zijnde\s+leden|zij\s+(?:vragen|willen|vernemen|verzoeken|horen|wijzen|merken)"
    r"|(?:vragen|willen|verzoeken)\s+(?:deze|de\s+genoemde)\s+leden|de\s+leden\s+vragen)\b",
    re.I,
)
_FACTION_NUMBER = re.compile(r"^\s*\d{1,3}[a-z]?[.)]\s+")
_VRAAG_ALONE = re.compile(r"^\s*vraag\s*[:.]?\s*$", re.I)
_SENTENCE = re.compile(r"(?<=[.?!])\s+(?=[A-Z‘“'\"(])")
_TITLE = re.compile(
    r"nota\s+naar\s+aanleiding\s+van\s+het\s+(?:nader\s+)?verslag|memorie\s+van\s+antwoord", re.I
)
_RECEIVED = re.compile(r"^\s*ontvangen\s+(.+)$", re.I)
_DOSSIER_TITLE = re.compile(r"^\d{2}\s?\d{3}(?:[ -](?:[IVXL]{1,6}|[A-Z]))?\s+(?=[A-Z])")
# the title of a bill ("Wijziging van de Wet …", "Regels over …", "… (Wet …)")
_BILL_TITLE = re.compile(
    r"^(?:wijziging|regels|voorstel\s+van\s+wet|goedkeuring|intrekking|invoering|aanpassing|"
    r"vaststelling|instelling|uitvoering|implementatie|herziening|samenvoeging|verlenging|"
    r"tijdelijke|bepalingen|wet\s+van)\b|\((?:wet|tijdelijke\s+wet|invoeringswet)\b[^)]*\)\s*$",
    re.I,
)
# a Kamerstuk head printed on one line by some PDF text layers: "… Nr. 7 NOTA NAAR …"
_NUMBER_TAIL = re.compile(
    r"\s+(?:nr\.\s*\d{1,4}|[A-Z]{1,2})\s+(?:NOTA|MEMORIE|NADER|VERSLAG)\b.*$", re.I
)
# "… verslag inzake het voorstel van wet tot wijziging van de Wet X (Kamerstuk …)."
_BILL_IN_TEXT = re.compile(
    r"\b(?:inzake|over|bij|betreffende)\s+(?:het\s+)?(?:voorstel\s+van\s+wet|wetsvoorstel)"
    r"\s+(?:tot\s+|houdende\s+)?(?P<title>[^()]+?(?:\([^()]*\)[^()]*?)?)"
    r"(?:\s*\((?:Kamerstuk|kst-)[^)]*\))?\s*(?:[.;]\s|[.;]?$)",
    re.I,
)
# a follow-up question put straight to the government, quoted from the report
_DIRECT_ASK = re.compile(
    r"^(?:kan|kunt|is|zijn|wil|wilt|hoe|waarom|welke|wat|wanneer|in\s+hoeverre|op\s+welke|deelt"
    r"|acht|heeft|hebben|wordt|worden|klopt|bent|overweegt)\b[^\n]{0,400}"
    r"\b(?:regering|kabinet|minister|staatssecretaris|initiatiefnemers?)\b[^\n]{0,400}\?\s*$",
    re.I,
)
_NADER = re.compile(r"nota\s+naar\s+aanleiding\s+van\s+het\s+nader\s+verslag", re.I)
_ASKS = re.compile(
    r"\b(?:vragen|vraagt|willen\s+(?:graag\s+)?weten|verzoeken|horen\s+graag)\b", re.I
)
_TOC = re.compile(r"^\s*(?:inhoudsopgave|inhoud)\b[\s:]*(?:blz\.?|pagina|pag\.)?\s*$", re.I)
_TOC_LINE = re.compile(r"^.{3,160}?(?:\.{2,}|\s)\s*\d{1,3}\s*$")


def _faction_of(text: str) -> str | None:
    text = text.lstrip()
    if not _FACTION_START.match(text):
        return None
    return party_from_fractie(text[:200])


def _unnumbered(text: str) -> str:
    """ "3. De leden van de SP-fractie vragen …" (the report's paragraphs numbered): the number
    blanked out, so that note offsets stay right."""
    match = _FACTION_NUMBER.match(text)
    rest = text[match.end() :] if match else ""
    if match and (_FACTION_START.match(rest) or _SAME_FACTION.match(rest)):
        return " " * match.end() + rest
    return text


def _asks_again(builder: QABuilder, text: str) -> bool:
    """ "Deze leden vragen voorts …" right after a question of theirs: a question of its own."""
    return bool(builder.current_paragraphs) and bool(_ASKS.search(text[:160]))


def _split_reply(text: str) -> tuple[str, str]:
    """A faction paragraph that goes on with the reply: (question part, reply part)."""
    sentences = _SENTENCE.split(text)
    for index, sentence in enumerate(sentences[1:], start=1):
        if GOVERNMENT_START.match(sentence):
            return " ".join(sentences[:index]), " ".join(sentences[index:])
    return text, ""


class _Walker:
    def __init__(self) -> None:
        self.builder = QABuilder()
        self.in_toc = False
        self.headed_question = False  # the current question opened with a "Vraag" heading

    def feed(self, block: Block) -> None:
        text = _unnumbered(block.text.strip())
        builder = self.builder
        if self._skip_toc(block, text):
            return
        heading = match_question_heading(text)
        if heading is not None or _VRAAG_ALONE.match(text):
            builder.start_question(heading.numbers if heading else None)
            builder.add_rest(heading.rest if heading else "", block)
            self.headed_question = True
            return
        if self.headed_question and builder.in_question and answer_heading(text) is None:
            builder.add_block(block)
            party = party_from_fractie(text[:200])
            if party:
                builder.assign_party(party)
            return
        self.headed_question = False
        answer = answer_heading(text)
        if answer is not None and builder.questions:
            builder.start_answer(answer[0])
            builder.add_rest(answer[1], block)
            return
        if is_heading_like(block) and _faction_of(text) is None:
            builder.start_section(strip_enumerator(text))
            builder.detach()
            return
        self._prose(block, text)

    def _skip_toc(self, block: Block, text: str) -> bool:
        if _TOC.match(text):
            self.in_toc = True
            return True
        if self.in_toc and (_TOC_LINE.match(text) or block.kind == "table"):
            return True
        self.in_toc = False
        return False

    def _prose(self, block: Block, text: str) -> None:
        builder = self.builder
        party = _faction_of(text)
        if party is None and _SAME_FACTION.match(text.lstrip()) and builder.party:
            party = builder.party
        if party is None and builder.party and not builder.in_question and _DIRECT_ASK.match(text):
            party = builder.party  # "Kan de regering daarbij aangeven …?" after a reply
        if block.italic and party is None:
            self._italic_question(block)
            return
        if party is None:
            self._reply(block)
            return
        same_party = builder.in_question and builder.questions[-1].party == party
        if is_intro_paragraph(text) and not same_party:
            builder.start_party(party)
            builder.add_block(block)
            builder.detach()
            return
        # A faction paragraph is inbreng: a question, or a remark the government replies to.
        question, reply = _split_reply(text)
        if same_party and not _asks_again(builder, text):
            builder.add(question, block.notes)
        else:
            builder.party = party
            builder.start_question(party=party)
            builder.add(question, block.notes)
        if reply:
            builder.start_answer()
            builder.add(reply)

    def _italic_question(self, block: Block) -> None:
        """Quoted report text set in italics (DOCX/PDF): a question even without a fractie."""
        builder = self.builder
        if not builder.in_question:
            builder.start_question(party=builder.party)
        builder.add_block(block)

    def _reply(self, block: Block) -> None:
        builder = self.builder
        if builder.in_question:
            builder.start_answer()
        if builder.in_answer:
            builder.add_block(block)
        else:
            builder.add("", block.notes)


def _head_end(blocks: list[Block]) -> int:
    """The head: dossier line, title, "Ontvangen …"; it ends before the first section heading,
    faction paragraph, question heading or table of contents, at the latest after those lines."""
    after_title = 0
    for index, block in enumerate(blocks[:40]):
        text = block.text.strip()
        if _TITLE.search(text) or _RECEIVED.match(text) or _DOSSIER_TITLE.match(text):
            after_title = index + 1
            continue
        if _TOC.match(text):
            return index
        if after_title and is_heading_like(block) and re.match(r"^(?:1|I|§\s*1)[.)]?\s", text):
            return index
        starts = bool(_faction_of(_unnumbered(text)) or match_question_heading(text))
        starts = starts or bool(_VRAAG_ALONE.match(text))
        if starts or block.italic:
            return index - 1 if _leading_section(blocks, index) else index
    return after_title


def _leading_section(blocks: list[Block], index: int) -> bool:
    """The heading just before the first question ("Algemeen"), not a title or date line."""
    if index < 1 or not is_heading_like(blocks[index - 1]):
        return False
    text = blocks[index - 1].text
    return not (_RECEIVED.match(text) or _TITLE.search(text) or _DOSSIER_TITLE.match(text))


def _bill_title(texts: list[str]) -> str | None:
    """The bill's title: after the dossier number on its line or the next, or a head line that
    reads like one ("Wijziging van de Wet …", "… (Wet …)")."""
    title = dossier_title(texts)
    if title and not _TITLE.search(title):
        return title
    for text in texts:
        if _BILL_TITLE.search(text) and len(text) < 400 and not text.rstrip().endswith("."):
            return _NUMBER_TAIL.sub("", text).strip()
    for text in texts:
        found = _BILL_IN_TEXT.search(text)
        if found:
            title = found.group("title").strip()
            return title[:1].upper() + title[1:]
    return None


def _fill_metadata(document: Document, head: list[Block], tail: list[str]) -> None:
    meta = document.metadata
    texts = [b.text for b in head]
    intro = " ".join(texts)
    fill_intro_metadata(meta, intro, texts)
    meta.identifiers.koop = meta.identifiers.koop or kamerstuk_id(texts)
    for text in texts:
        received = _RECEIVED.match(text)
        if received and meta.date_answered is None:
            meta.date_answered = parse_dutch_date(received.group(1))
    meta.subject = _bill_title(texts) or meta.subject
    meta.reference = meta.reference or answered_kamerstuk(
        intro, own=meta.identifiers.koop, near=r"verslag"
    )
    _, signers = closing_signatories(tail)
    meta.signatories = meta.signatories or signers
    memorie = any(re.search(r"memorie\s+van\s+antwoord", t, re.I) for t in texts)
    nader = any(_NADER.search(t) for t in texts)
    document.title = "Memorie van antwoord" if memorie else "Nota naar aanleiding van het verslag"
    document.title = (
        document.title.replace("het verslag", "het nader verslag") if nader else (document.title)
    )
    if meta.subject:
        document.title += f" over {meta.subject}"


def parse(read: ReadResult, document: Document) -> Document:
    """Parse a nota naar aanleiding van het verslag into ``document``."""
    blocks = read.blocks
    start = _head_end(blocks)
    texts = [b.text for b in blocks]
    signature_at, _ = closing_signatories(texts)
    signature_at = max(signature_at, start)
    walker = _Walker()
    for block in blocks[start:signature_at]:
        if _TITLE.search(block.text) and is_heading_like(block):
            continue
        walker.feed(block)
    apply_format_facts(document.metadata, format_facts(read))
    _fill_metadata(document, blocks[:start], texts[signature_at:])
    walker.builder.loose_notes.extend(read.unplaced_notes)
    return walker.builder.finish(document)
