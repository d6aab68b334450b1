"""Renderers: a Document to an output format. Registry by format name; modules load lazily."""

from __future__ import annotations

import importlib

from kamerqa.errors import KamerqaInputError
from kamerqa.model import Document

# format name -> (module, file extension)
RENDERERS: dict[str, tuple[str, str]] = {
    "json": ("kamerqa.render.json_render", ".json"),
    "md": ("kamerqa.render.markdown", ".md"),
    "text": ("kamerqa.render.text", ".txt"),
    "html": ("kamerqa.render.html", ".html"),
    "docx": ("kamerqa.render.docx", ".docx"),
}


def extension(fmt: str) -> str:
    return RENDERERS[fmt][1]


def render(document: Document, fmt: str) -> str | bytes:
    """Render ``document`` as ``fmt`` (json, md, text, html, docx)."""
    if fmt not in RENDERERS:
        raise KamerqaInputError(
            f"unknown output format {fmt!r}; choose from {', '.join(RENDERERS)}"
        )
    try:
        module = importlib.import_module(RENDERERS[fmt][0])
    except ModuleNotFoundError as exc:
        if exc.name == RENDERERS[fmt][0]:
            raise KamerqaInputError(f"rendering {fmt} is not supported yet") from None
        raise
    output: str | bytes = module.render(document)
    return output
