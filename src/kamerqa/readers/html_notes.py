"""Footnotes in HTML: KOOP ``div.voet.noot`` bodies, note lists (pandoc/Word exports:
``section.footnotes``, ``role=doc-endnotes``), Word (filtered) HTML notes (``div id=ftn1`` /
``edn1`` or ``style="mso-element:footnote"``, numbered by a ``MsoFootnoteReference`` span) and
the in-text references that point to them (``<a href="#_ftn1" name="_ftnref1">``)."""

from __future__ import annotations

import re

from lxml import html

from kamerqa.readers.blocks import Note
from kamerqa.readers.xml_common import clean

_SINGLE_NOTE = re.compile(r"^(voetnoot|footnote|endnote|eindnoot|noot)$", re.I)
_NOTE_LISTS = re.compile(r"^(footnotes|endnotes|voetnoten|eindnoten|noten)$", re.I)
_NOISE = re.compile(r"^(note-close|footnote-back|footnote-backref|sup-close)$", re.I)
_NOTE_BOX_TAGS = {"div", "p", "li", "aside", "section", "dd"}
_LIST_ROLES = {"doc-endnotes", "doc-footnotes"}
_WORD_NOTE_ID = re.compile(r"^_?(ftn|edn)\d{1,4}$", re.I)
_WORD_NOTE_STYLE = re.compile(r"mso-element\s*:\s*(foot|end)note\s*(;|$)", re.I)
_WORD_MARKERS = {"msofootnotereference", "msoendnotereference"}
_LEADING_NUMBER = re.compile(r"^\s*\[?(\d{1,4}[a-z]?)[\].)]?\s+")


def classes(element: html.HtmlElement) -> set[str]:
    return set((element.get("class") or "").lower().split())


def _is_noise(element: html.HtmlElement) -> bool:
    if any(_NOISE.match(c) for c in classes(element)):
        return True
    return element.get("role") == "doc-backlink" or (
        element.tag in ("h5", "h6") and clean(element.text_content()).lower().endswith("noot")
    )


def _is_word_note(element: html.HtmlElement) -> bool:
    """A note body of Word's HTML export: ``<div id=ftn1>`` or ``style=mso-element:footnote``."""
    if element.tag != "div":
        return False
    return bool(_WORD_NOTE_ID.match(element.get("id") or "")) or bool(
        _WORD_NOTE_STYLE.search(element.get("style") or "")
    )


def _is_single_note(element: html.HtmlElement) -> bool:
    if element.tag not in _NOTE_BOX_TAGS:
        return False
    if _is_word_note(element):
        return True
    names = classes(element)
    return ({"voet", "noot"} <= names) or any(_SINGLE_NOTE.match(c) for c in names)


def _is_note_list(element: html.HtmlElement) -> bool:
    names = classes(element)
    return any(_NOTE_LISTS.match(c) for c in names) or element.get("role") in _LIST_ROLES


def _text_without(element: html.HtmlElement, skip: list[html.HtmlElement]) -> str:
    parts: list[str] = [element.text or ""] if element not in skip else []
    for child in element:
        if isinstance(child.tag, str) and child not in skip and not _is_noise(child):
            parts.append(" " + _text_without(child, skip) + " ")
        parts.append(child.tail or "")
    return "".join(parts)


def _ids(element: html.HtmlElement) -> list[str]:
    found = []
    for node in element.iter():
        if isinstance(node.tag, str):
            found += [v for v in (node.get("id"), node.get("name")) if v]
    return found


def _single_note(element: html.HtmlElement, fallback: str) -> tuple[list[str], Note]:
    marker = next(
        (
            e
            for e in element.iter()
            if isinstance(e.tag, str)
            and ("nootnum" in classes(e) or e.tag == "sup" or classes(e) & _WORD_MARKERS)
        ),
        None,
    )
    number = clean(marker.text_content()) if marker is not None else ""
    text = clean(_text_without(element, [marker] if marker is not None else []))
    if not number:
        match = _LEADING_NUMBER.match(text)
        if match:
            number, text = match.group(1), text[match.end() :]
    text = text.removesuffix("↩︎").removesuffix("↩").strip()
    return _ids(element), Note(number.strip("[]. ") or fallback, text)


def _list_notes(element: html.HtmlElement) -> list[tuple[list[str], Note]]:
    boxes = [e for e in element.iter() if e is not element and _is_single_note(e)]
    if boxes:
        return [_single_note(box, str(i)) for i, box in enumerate(boxes, start=1)]
    items = list(element.iter("li"))
    if not items:
        return [_single_note(element, "1")]
    return [
        _single_note_from_item(item, item.get("value") or str(index))
        for index, item in enumerate(items, start=1)
    ]


def _single_note_from_item(item: html.HtmlElement, number: str) -> tuple[list[str], Note]:
    text = clean(_text_without(item, []))
    text = text.removesuffix("↩︎").removesuffix("↩").strip()
    return _ids(item), Note(number, text)


def collect_notes(root: html.HtmlElement) -> tuple[dict[str, Note], list[Note]]:
    """Every note body in the tree, by each id it carries, and in document order.

    The bodies are removed from the tree so that they never become text blocks.
    """
    candidates = [
        e
        for e in root.xpath("//*[@class or @role or @id or @style]")
        if _is_note_list(e) or _is_single_note(e)
    ]
    chosen = set(candidates)
    containers = [e for e in candidates if not any(a in chosen for a in e.iterancestors())]
    by_id: dict[str, Note] = {}
    ordered: list[Note] = []
    for index, element in enumerate(containers, start=1):
        if _is_note_list(element):
            pairs = _list_notes(element)
        else:
            pairs = [_single_note(element, str(index))]
        for ids, note in pairs:
            ordered.append(note)
            for key in ids:
                by_id.setdefault(key, note)
    for element in containers:
        if element.getparent() is not None:
            element.drop_tree()
    return by_id, ordered


def referenced_note(element: html.HtmlElement, notes: dict[str, Note]) -> Note | None:
    """The note an in-text reference (``<a href="#id">``, possibly inside ``<sup>``) points to."""
    anchors = [element] if element.tag == "a" else list(element.iter("a"))
    if len(anchors) != 1:
        return None
    href = anchors[0].get("href") or ""
    if not href.startswith("#"):
        return None
    note = notes.get(href[1:])
    if note is None:
        return None
    if element.tag != "a" and clean(element.text_content()) != clean(anchors[0].text_content()):
        return None
    return note
