"""JSON renderer: the kamerqa/1 data contract."""

from __future__ import annotations

from kamerqa.model import Document


def render(document: Document) -> str:
    return document.to_json(indent=2) + "\n"
