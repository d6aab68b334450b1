"""Markdown renderer: headings, question and answer paragraphs, ``[^N]`` footnotes.

Document text is escaped so that it can never turn into Markdown structure or raw HTML.
"""

from __future__ import annotations

import re

from kamerqa.model import Document
from kamerqa.render.layout import Layout, Para, layout

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")


def escape(text: str) -> str:
    """Escape Markdown syntax and HTML in document text."""
    text = _SPECIAL.sub(r"\\\1", text).replace("&", "&amp;")
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def _para(para: Para, anchors: dict[str, str], levels: dict[str, int]) -> str:
    text = escape(para.text)
    # markers are inserted into the escaped text: recompute offsets on the escaped prefix
    placed = sorted(enumerate(para.markers), key=lambda pair: (pair[1].offset, pair[0]))
    for _, marker in reversed(placed):
        cut = len(escape(para.text[: marker.offset]))
        text = text[:cut] + f"[^{anchors[marker.note_id]}]" + text[cut:]
    if para.kind == "answer_heading":
        return f"**{text}**"
    level = levels.get(para.kind)
    return "#" * level + " " + text if level else text


def render_layout(result: Layout) -> str:
    blocks: list[str] = []
    signature: list[str] = []
    anchors = result.anchors()
    levels = {k: v for k, v in result.heading_levels().items() if k != "answer_heading"}
    for para in result.paras:
        if para.kind in ("closing", "function", "name"):
            signature.append(_para(para, anchors, levels))
            continue
        if signature:
            blocks.append("  \n".join(signature))
            signature = []
        blocks.append(_para(para, anchors, levels))
    if signature:
        blocks.append("  \n".join(signature))
    notes = [
        f"[^{anchors[n]}]: {escape(result.notes.get(n, ''))}" for n in result.ordered_note_ids()
    ]
    if notes:
        blocks.append("\n".join(notes))
    return "\n\n".join(blocks) + "\n"


def render(document: Document) -> str:
    return render_layout(layout(document))
