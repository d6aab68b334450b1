"""DOCX renderer: a Word letter with real footnotes, headings and a signature block.

python-docx has no footnote API, so the footnotes part (``word/footnotes.xml``) is built with
lxml and related to the main document; each marker is a ``w:footnoteReference`` run.
"""

from __future__ import annotations

import io
from typing import Any

from docx import Document as new_docx
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree

from kamerqa.model import Document
from kamerqa.render.layout import Layout, Para, layout

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STYLES = {
    "title": "Title",
    "heading": "Heading 1",
    "section": "Heading 2",
    "question_heading": "Heading 3",
    "answer_heading": "Heading 4",
}


def footnote_numbers(notes: list[tuple[str, str]]) -> dict[str, int]:
    """Word footnote ids (integers >= 1) per (key, label): the label when numeric and free,
    else the next free number."""
    numbers: dict[str, int] = {}
    used: set[int] = set()
    for note_id, label in notes:
        if label.isdigit() and int(label) >= 1 and int(label) not in used:
            numbers[note_id] = int(label)
            used.add(int(label))
    for note_id, _ in notes:
        if note_id not in numbers:
            candidate = max(used, default=0) + 1
            numbers[note_id] = candidate
            used.add(candidate)
    return numbers


def _superscript_run(child_tag: str, number: int | None = None) -> Any:
    run = etree.Element(qn("w:r"))
    props = etree.SubElement(run, qn("w:rPr"))
    etree.SubElement(props, qn("w:vertAlign")).set(qn("w:val"), "superscript")
    child = etree.SubElement(run, qn(child_tag))
    if number is not None:
        child.set(qn("w:id"), str(number))
    return run


def _footnotes_xml(result: Layout, numbers: dict[str, int]) -> bytes:
    root = etree.Element(qn("w:footnotes"), nsmap={"w": W_NS})
    for special_id, kind in (("-1", "separator"), ("0", "continuationSeparator")):
        note = etree.SubElement(root, qn("w:footnote"))
        note.set(qn("w:type"), kind)
        note.set(qn("w:id"), special_id)
        etree.SubElement(
            etree.SubElement(etree.SubElement(note, qn("w:p")), qn("w:r")), qn(f"w:{kind}")
        )
    for note_id in result.ordered_note_ids():
        note = etree.SubElement(root, qn("w:footnote"))
        note.set(qn("w:id"), str(numbers[note_id]))
        paragraph = etree.SubElement(note, qn("w:p"))
        paragraph.append(_superscript_run("w:footnoteRef"))
        run = etree.SubElement(paragraph, qn("w:r"))
        text = etree.SubElement(run, qn("w:t"))
        text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        text.text = " " + result.notes.get(note_id, "")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _add_para(word: Any, para: Para, numbers: dict[str, int]) -> None:
    paragraph = word.add_paragraph(style=_STYLES.get(para.kind))
    last = 0
    for marker in sorted(para.markers, key=lambda m: m.offset):
        if marker.offset > last:
            paragraph.add_run(para.text[last : marker.offset])
        paragraph._p.append(_superscript_run("w:footnoteReference", numbers[marker.note_id]))
        last = marker.offset
    if last < len(para.text):
        paragraph.add_run(para.text[last:])
    if para.kind in ("function", "closing"):
        paragraph.paragraph_format.space_after = Pt(0)


def _attach_footnotes(word: Any, blob: bytes) -> None:
    part = Part(PackURI("/word/footnotes.xml"), CONTENT_TYPE.WML_FOOTNOTES, blob, word.part.package)
    word.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def render_layout(result: Layout, title: str = "") -> bytes:
    word = new_docx()
    word.core_properties.title = title[:250]
    word.core_properties.author = "kamerqa"
    numbers = footnote_numbers([(k, result.label(k)) for k in result.ordered_note_ids()])
    for para in result.paras:
        _add_para(word, para, numbers)
    if numbers:
        _attach_footnotes(word, _footnotes_xml(result, numbers))
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def render(document: Document) -> bytes:
    return render_layout(layout(document), document.title or document.metadata.subject or "")
