"""HTML reader: officielebekendmakingen (KOOP) pages, tweedekamer.nl pages, exported HTML.

Structure comes from the markup: ``div.vraag``/``div.antwoord`` give ``Block.role`` and, from
their "Vraag N"/"Antwoord N" heading, ``Block.number``; ``h1``–``h6`` become heading blocks with
their level; ``li`` list items; ``table`` a table block. Footnote bodies (KOOP ``div.voet.noot``,
pandoc/Word note lists) are taken out and attached to the block whose in-text reference links
to them; the reference itself leaves the text. Scripts, styles, navigation, page headers and
footers, cookie banners and forms are ignored. ``<meta name content>`` tags (``DC.*``,
``OVERHEIDop.*``, ``dcterms.*``) go into ``ReadResult.metadata`` as ``meta:<name>``.

Safety: lxml's HTML parser never fetches anything (``no_network``), builds no huge trees, and
input over ``MAX_MARKUP_BYTES`` is refused before parsing.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree, html

from kamerqa.errors import KamerqaInputError
from kamerqa.readers.blocks import Block, BlockKind, BlockRole, Note, ReadResult
from kamerqa.readers.docx_notes import NoteMarks
from kamerqa.readers.html_notes import classes, collect_notes, referenced_note
from kamerqa.readers.xml_common import (
    check_block_count,
    check_size,
    clean,
    heading_numbers,
    place_notes,
    stated_structure,
    without_marks,
)

__all__ = ["read"]

_DROP_TAGS = {
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "svg",
    "iframe", "object", "embed", "select", "input", "textarea", "label", "dialog", "menu",
    "link", "meta", "title", "head", "canvas", "video", "audio", "map",
}  # fmt: skip
_FURNITURE = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|gdpr|cookiebar|banner|breadcrumbs?|skip-?links?|skiplink|"
    r"site-?header|site-?footer|page-?header|page-?footer|navbar|navigation|nav|menu|social|"
    r"share|sharing|toolbar|pagination|sidebar|print-?hidden|visually-?hidden|sr-only)"
    r"(?:$|[\s_-])",
    re.I,
)
_FURNITURE_ROLES = {"navigation", "banner", "contentinfo", "search", "dialog", "alertdialog"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_PARAGRAPHS = {"p", "pre", "address", "figcaption", "caption", "summary", "center"}
_BLOCKS = {
    *_HEADINGS, *_PARAGRAPHS, "div", "section", "article", "main", "blockquote", "ul", "ol",
    "li", "table", "dl", "dt", "dd", "figure", "hr", "details", "header", "footer", "body",
    "tr", "td", "th", "tbody", "thead", "tfoot",
}  # fmt: skip
_CONTENT_XPATHS = (
    "//*[@id='broodtekst']",
    "//main",
    "//*[@role='main']",
    "//*[@id='main-column']",
    "//article",
)
_KOOP_ID = re.compile(r"^(?:kst|ah|kv|h|blg|stb|stcrt|trb|nds)-[\w.-]+$", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_META_NAME = re.compile(r"[.:]|^(description|keywords|author|date|subject)$", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_MAX_DEPTH = 150


def _decode(data: bytes) -> str:
    """Bytes to text: BOM, then a declared charset, then UTF-8, then CP1252."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):  # fmt: skip
        if data.startswith(bom):
            return data.decode(codec, errors="replace")
    declared = _META_CHARSET.search(data[:4096]) or re.search(
        rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", data[:200]
    )
    if declared:
        try:
            codec = codecs.lookup(declared.group(1).decode("ascii")).name
            if codec not in ("utf-16", "utf-32", "utf-16-le", "utf-16-be"):
                return data.decode(codec, errors="replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _parse(data: bytes) -> html.HtmlElement:
    text = _CONTROL.sub("", _XML_DECL.sub("", _decode(data), count=1))
    if not text.strip():
        raise KamerqaInputError("the HTML file is empty")
    parser = html.HTMLParser(
        no_network=True, huge_tree=False, remove_comments=True, remove_pis=True
    )
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise KamerqaInputError(f"unreadable HTML ({str(exc)[:100]})") from None
    if root is None:
        raise KamerqaInputError("the HTML file has no content")
    return root


def _meta_tags(root: html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        name = clean(meta.get("name") or meta.get("property") or "")
        content = clean(meta.get("content") or "")
        if not name or not content:
            continue
        if not _META_NAME.search(name):
            continue
        key = f"meta:{name}"
        if key in found and content not in found[key].split("; "):
            found[key] += f"; {content}"
        else:
            found.setdefault(key, content)
    for key, value in list(found.items()):
        if key.lower() in ("meta:dc.identifier", "meta:dcterms.identifier"):
            first = value.split(";")[0].strip()
            if _KOOP_ID.match(first):
                found.setdefault("koop_id", first)
    return found


def _is_furniture(element: html.HtmlElement) -> bool:
    tag = element.tag
    if tag in _DROP_TAGS or element.get("hidden") is not None:
        return True
    if element.get("role") in _FURNITURE_ROLES or element.get("aria-hidden") == "true":
        return True
    if tag in ("header", "footer"):
        return not any(
            a.tag in ("article", "main") or a.get("id") == "broodtekst"
            for a in element.iterancestors()
        )
    if tag in ("html", "body", "main", "article"):
        return False
    return bool(_FURNITURE.search(f"{element.get('class') or ''} {element.get('id') or ''}"))


def _drop_furniture(root: html.HtmlElement) -> None:
    tags = " or ".join(f"self::{tag}" for tag in sorted(_DROP_TAGS | {"header", "footer"}))
    suspects = root.xpath(f"//*[@class or @id or @role or @hidden or @aria-hidden or {tags}]")
    doomed = [e for e in suspects if _is_furniture(e)]
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def _content_root(root: html.HtmlElement) -> html.HtmlElement:
    for xpath in _CONTENT_XPATHS:
        found = root.xpath(xpath)
        if len(found) == 1 and clean(found[0].text_content()):
            element: html.HtmlElement = found[0]
            return element
    body = root.find("body")
    return body if body is not None else root


class _Walker:
    """Blocks from the content tree, tracking the ``div.vraag``/``div.antwoord`` it is inside."""

    def __init__(self, notes: dict[str, Note]) -> None:
        self.notes = notes
        self.used: set[Note] = set()
        self.marks = NoteMarks()  # a note reference stands in the text as a mark until emit
        self.blocks: list[Block] = []
        self.role: BlockRole = ""
        self.number = ""
        self.last_question = ""

    def inline(
        self,
        element: html.HtmlElement,
        notes: list[Note],
        depth: int = 0,
        skip: list[html.HtmlElement] | None = None,
    ) -> str:
        """Text of ``element`` (without the ``skip`` children); note references go to ``notes``."""
        if depth > _MAX_DEPTH:
            return " ".join(element.itertext())
        parts = [element.text or ""]
        for child in element:
            if skip and child in skip:
                pass
            elif isinstance(child.tag, str) and child.tag not in _DROP_TAGS:
                note = referenced_note(child, self.notes) if child.tag in ("a", "sup") else None
                if note is not None:
                    parts.append(self.reference(note, notes))
                elif child.tag == "br":
                    parts.append(" ")
                else:
                    pad = " " if child.tag in _BLOCKS else ""
                    parts.append(pad + self.inline(child, notes, depth + 1) + pad)
            parts.append(child.tail or "")
        return "".join(parts)

    def reference(self, note: Note, notes: list[Note]) -> str:
        """Record an in-text note reference; its mark keeps the place in the text."""
        notes.append(note)
        self.used.add(note)
        return self.marks.mark(note)

    def emit(
        self, text: str, notes: list[Note], kind: BlockKind = "paragraph", **extra: object
    ) -> None:
        if not notes and (not text or text.isspace()):
            return
        if kind == "table":
            text = "\n".join(filter(None, map(clean, text.split("\n"))))
        else:
            text = clean(text)
        if not clean(without_marks(text)):
            if notes and self.blocks:
                previous = self.blocks[-1]
                end = None if previous.rows else len(previous.text)
                previous.notes.extend(Note(n.id, n.text, end) for n in notes)
            return
        role, number = stated_structure(self.role, self.number)
        block = Block(text=text, kind=kind, role=role, number=number)
        for key, value in extra.items():
            setattr(block, key, value)
        place_notes(block, self.marks, notes)
        self.blocks.append(block)
        check_block_count(len(self.blocks))

    def walk(self, element: html.HtmlElement, depth: int = 0) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag or tag in _DROP_TAGS:
            return
        if depth > _MAX_DEPTH or tag in _PARAGRAPHS or tag == "dt" or tag == "dd":
            self.paragraph(element)
        elif tag in _HEADINGS:
            self.heading(element, _HEADINGS[tag])
        elif tag == "li":
            self.list_item(element, depth)
        elif tag == "table" and not element.xpath(".//table"):
            self.table(element)
        elif tag == "dl":
            self.definitions(element)
        else:
            self.container(element, depth)

    def paragraph(self, element: html.HtmlElement) -> None:
        notes: list[Note] = []
        text = self.inline(element, notes)
        bold = "".join("".join(b.itertext()) for b in element.iter("b", "strong"))
        plain = clean(without_marks(text))
        self.emit(text, notes, bold=bool(clean(bold)) and clean(bold) == plain)

    def heading(self, element: html.HtmlElement, level: int) -> None:
        notes: list[Note] = []
        text = clean(self.inline(element, notes))
        role = self.role
        if role in ("question", "answer"):
            parsed = heading_numbers(without_marks(text))
            if parsed is not None:
                numbers = ", ".join(parsed[1])
                if role == "question":
                    self.last_question = numbers
                self.number = numbers or (self.last_question if role == "answer" else "")
                self.role = "question_heading" if role == "question" else "answer_heading"
        self.emit(text, notes, "heading", level=level)
        self.role = role

    def list_item(self, element: html.HtmlElement, depth: int) -> None:
        nested = [c for c in element if isinstance(c.tag, str) and c.tag in ("ul", "ol", "table")]
        notes: list[Note] = []
        self.emit(self.inline(element, notes, depth, skip=nested), notes, "list_item")
        for child in nested:
            self.walk(child, depth + 1)

    def table(self, element: html.HtmlElement) -> None:
        rows: list[list[str]] = []
        notes: list[Note] = []
        for row in element.iter("tr"):
            cells = [clean(self.inline(c, notes)) for c in row if c.tag in ("td", "th")]
            if any(cells):
                rows.append(cells)
                check_block_count(len(self.blocks) + len(rows))
        self.emit("\n".join(" | ".join(row) for row in rows), notes, "table", rows=rows)

    def definitions(self, element: html.HtmlElement) -> None:
        pending = ""
        for child in element:
            notes: list[Note] = []
            if child.tag == "dt":
                if pending:
                    self.emit(pending, [])
                pending = clean(self.inline(child, notes))
            elif child.tag == "dd":
                value = clean(self.inline(child, notes))
                self.emit(f"{pending}: {value}" if pending else value, notes)
                pending = ""
            else:
                self.walk(child)
        if pending:
            self.emit(pending, [])

    def container(self, element: html.HtmlElement, depth: int) -> None:
        names = classes(element)
        outer = (self.role, self.number)
        if "vraag" in names:
            self.role, self.number = "question", ""
        elif "antwoord" in names:
            self.role, self.number = "answer", self.last_question
        run: list[str] = [element.text or ""]
        notes: list[Note] = []
        for child in element:
            tag = child.tag if isinstance(child.tag, str) else ""
            if tag in _BLOCKS and tag != "br":
                self.emit("".join(run), notes)
                run, notes = [], []
                self.walk(child, depth + 1)
            elif tag and tag not in _DROP_TAGS:
                note = referenced_note(child, self.notes) if tag in ("a", "sup") else None
                if note is not None:
                    run.append(self.reference(note, notes))
                else:
                    run.append(" " if tag == "br" else self.inline(child, notes, depth + 1))
            run.append(child.tail or "")
        self.emit("".join(run), notes)
        if "vraag" in names or "antwoord" in names:
            self.role, self.number = outer


def read(data: bytes) -> ReadResult:
    """Reader entry point: bytes of an HTML page to blocks, notes and meta tags."""
    check_size(data, "HTML")
    root = _parse(data)
    metadata = _meta_tags(root)
    body = root.find("body")
    if body is None:
        body = root
    notes_by_id, all_notes = collect_notes(body)  # first: note lists may sit in an <aside>
    _drop_furniture(body)
    walker = _Walker(notes_by_id)
    walker.walk(_content_root(root))
    if not walker.blocks:
        raise KamerqaInputError(
            "the HTML page has no readable text (empty, or nested or run on beyond the limits)"
        )
    result = ReadResult(format="html", blocks=walker.blocks, metadata=metadata)
    result.unplaced_notes = [n for n in dict.fromkeys(all_notes) if n not in walker.used]
    return result
