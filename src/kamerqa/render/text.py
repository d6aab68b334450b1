"""Plain-text renderer: the letter in the layout of a Word/Tika text export (the seed's).

Footnotes in the Apache POI/Tika form: ``[footnoteRef:N]`` inline where the marker sat and
``[N:  text]`` after the paragraph that cites it, so the text reader reads the output back.
"""

from __future__ import annotations

from kamerqa.model import Document
from kamerqa.render.layout import Layout, Para, layout

# Items followed directly by the next line (no blank line), as in the seed.
_TIGHT = {"salutation", "letter", "closing", "function", "question_heading", "answer_heading"}


def tika_labels(result: Layout) -> dict[str, str]:
    """Footnote numbers as printed: the ids when they are unique numbers, else 1, 2, 3, …

    Tika writes Word's unique footnote ids, so repeated ids (questions and answers numbering
    their notes apart) are renumbered in order of appearance to stay readable.
    """
    keys = result.ordered_note_ids()
    labels = [result.label(k) for k in keys]
    if len(set(labels)) == len(labels) and all(label.isdigit() for label in labels):
        return dict(zip(keys, labels, strict=True))
    return {key: str(number) for number, key in enumerate(keys, start=1)}


def with_markers(
    para: Para, labels: dict[str, str] | None = None, marker: str = "[footnoteRef:{id}]"
) -> str:
    """The paragraph text with its footnote markers inserted at their offsets."""
    text = para.text
    placed = sorted(enumerate(para.markers), key=lambda pair: (pair[1].offset, pair[0]))
    for _, item in reversed(placed):  # from the end, so earlier offsets stay valid
        label = (labels or {}).get(item.note_id) or item.label or item.note_id
        text = text[: item.offset] + marker.format(id=label) + text[item.offset :]
    return text


def _line(para: Para, result: Layout, labels: dict[str, str]) -> str:
    line = with_markers(para, labels)
    for marker in para.markers:
        label = labels.get(marker.note_id, marker.label)
        line += f"  [{label}:  {result.notes.get(marker.note_id, '')}]"
    return line


def render_layout(result: Layout) -> str:
    lines: list[str] = []
    labels = tika_labels(result)
    for index, para in enumerate(result.paras):
        lines.append(_line(para, result, labels))
        following = result.paras[index + 1].kind if index + 1 < len(result.paras) else ""
        signature = ("closing", "function", "name")
        if para.kind in signature and following not in (*signature[1:], ""):
            lines.extend(["", ""])  # the letter ends: two blank lines before the annex
        elif para.kind not in _TIGHT or (para.kind == "letter" and not result.letter):
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def render(document: Document) -> str:
    return render_layout(layout(document))
