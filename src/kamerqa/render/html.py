"""HTML renderer: one standalone, escaped HTML page with linked footnotes."""

from __future__ import annotations

from html import escape

from kamerqa.model import Document
from kamerqa.render.layout import Layout, Para, layout

_STYLE = (
    "body{font-family:sans-serif;max-width:48em;margin:2em auto;line-height:1.5}"
    ".question{font-style:italic}.function{text-transform:uppercase}"
    ".question-heading,.answer-heading{margin-bottom:.2em}"
)


def _text_with_refs(para: Para, anchors: dict[str, str]) -> str:
    pieces: list[str] = []
    last = 0
    for marker in sorted(para.markers, key=lambda m: m.offset):
        pieces.append(escape(para.text[last : marker.offset]))
        ref = anchors[marker.note_id]
        pieces.append(
            f'<sup class="fnref"><a href="#fn-{ref}" id="fnref-{ref}">'
            f"{escape(marker.label or marker.note_id)}</a></sup>"
        )
        last = marker.offset
    pieces.append(escape(para.text[last:]))
    return "".join(pieces)


def _element(para: Para, anchors: dict[str, str], tags: dict[str, str]) -> str:
    tag = tags.get(para.kind, "p")
    return f'<{tag} class="{para.kind.replace("_", "-")}">{_text_with_refs(para, anchors)}</{tag}>'


def _value(note_id: str) -> str:
    return f' value="{note_id}"' if note_id.isdigit() else ""


def _footnotes(result: Layout) -> str:
    items = []
    anchors = result.anchors()
    for note_id in result.ordered_note_ids():
        ref = anchors[note_id]
        items.append(
            f'<li id="fn-{ref}"{_value(result.label(note_id))}>'
            f"{escape(result.notes.get(note_id, ''))} "
            f'<a href="#fnref-{ref}" aria-label="terug">↩</a></li>'
        )
    if not items:
        return ""
    return '<section class="footnotes"><hr><ol>\n' + "\n".join(items) + "\n</ol></section>"


def render_fragment(document: Document) -> str:
    """The document body as an HTML fragment (for embedding in another page)."""
    result = layout(document)
    anchors = result.anchors()
    tags = {kind: f"h{level}" for kind, level in result.heading_levels().items()}
    body = "\n".join(_element(p, anchors, tags) for p in result.paras)
    return f'<article class="kamerqa-document">\n{body}\n{_footnotes(result)}\n</article>'


def render(document: Document) -> str:
    title = document.title or document.metadata.subject or document.id
    return (
        '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"{render_fragment(document)}\n</body>\n</html>\n"
    )
