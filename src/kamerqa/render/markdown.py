"""Markdown renderer: headings, question and answer paragraphs, ``[^N]`` footnotes.

Document text is escaped so that it can never turn into Markdown structure or raw HTML.
"""

from __future__ import annotations

import re

from kamerqa.model import Document
from kamerqa.render.layout import Layout, Para, layout

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")

_PREFIX = {
    "title": "# ",
    "heading": "## ",
    "section": "### ",
    "question_heading": "#### ",
    "answer_heading": "**",
    "function": "",
}


def escape(text: str) -> str:
    """Escape Markdown syntax and HTML in document text."""
    text = _SPECIAL.sub(r"\\\1", text).replace("&", "&amp;")
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _note_id(note_id: str) -> str:
    return re.sub(r"[^0-9A-Za-z_-]", "-", note_id) or "note"


def _para(para: Para) -> str:
    text = escape(para.text)
    # markers are inserted into the escaped text: recompute offsets on the escaped prefix
    for marker in sorted(para.markers, key=lambda m: m.offset, reverse=True):
        cut = len(escape(para.text[: marker.offset]))
        text = text[:cut] + f"[^{_note_id(marker.note_id)}]" + text[cut:]
    if para.kind == "answer_heading":
        return f"**{text}**"
    return _PREFIX.get(para.kind, "") + text


def render_layout(result: Layout) -> str:
    blocks: list[str] = []
    signature: list[str] = []
    for para in result.paras:
        if para.kind in ("closing", "function", "name"):
            signature.append(_para(para))
            continue
        if signature:
            blocks.append("  \n".join(signature))
            signature = []
        blocks.append(_para(para))
    if signature:
        blocks.append("  \n".join(signature))
    notes = [
        f"[^{_note_id(n)}]: {escape(result.notes.get(n, ''))}" for n in result.ordered_note_ids()
    ]
    if notes:
        blocks.append("\n".join(notes))
    return "\n\n".join(blocks) + "\n"


def render(document: Document) -> str:
    return render_layout(layout(document))
