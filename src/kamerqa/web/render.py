"""The Jinja2 environment (autoescape on) and helpers shared by the HTML pages."""

from __future__ import annotations

import html
import importlib.util
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from kamerqa import __version__
from kamerqa.parse.dates import dutch_date
from kamerqa.render import RENDERERS
from kamerqa.web.colours import party_colour
from kamerqa.web.docview import GENRE_LABELS

HERE = Path(__file__).resolve().parent
_MARK = re.compile(r"(</?mark>)")
MARK_OPEN = Markup("<mark>")
MARK_CLOSE = Markup("</mark>")
DOWNLOAD_LABELS = {
    "json": "JSON",
    "md": "Markdown",
    "text": "Tekst",
    "html": "HTML",
    "docx": "Word",
}


def safe_snippet(snippet: str) -> Markup:
    """A search snippet as markup in which only <mark> survives, whatever it was given."""
    parts: list[Markup] = []
    depth = 0
    for piece in _MARK.split(snippet):
        if piece == "<mark>":
            parts.append(MARK_OPEN)
            depth += 1
        elif piece == "</mark>":
            if depth > 0:
                parts.append(MARK_CLOSE)
                depth -= 1
        else:
            parts.append(escape(html.unescape(piece)))
    parts.extend([MARK_CLOSE] * depth)
    return Markup("").join(parts)


def capfirst(text: str | None) -> str:
    """Upper-case the first letter (titles taken from "… over <onderwerp>" start lower case)."""
    text = text or ""
    return text[:1].upper() + text[1:]


def counted(number: int, one: str, many: str) -> str:
    """'1 vraag', '3 vragen', '0 vragen'."""
    return f"{number} {one if number == 1 else many}"


def download_formats() -> list[tuple[str, str]]:
    """(format, label) for every renderer that is present in this build."""
    found = []
    for fmt, (module, _) in RENDERERS.items():
        if fmt in DOWNLOAD_LABELS and importlib.util.find_spec(module) is not None:
            found.append((fmt, DOWNLOAD_LABELS[fmt]))
    return found


def query_string(params: dict[str, Any], **changes: Any) -> str:
    merged = {**params, **changes}
    kept = {k: v for k, v in merged.items() if v not in (None, "", False)}
    return "?" + urlencode(kept) if kept else "?"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        party_colour=party_colour,
        dutch_date=dutch_date,
        genre_label=lambda g: GENRE_LABELS.get(g, g),
        qs=query_string,
        counted=counted,
        version=__version__,
    )
    env.filters["snippet"] = safe_snippet
    env.filters["capfirst"] = capfirst
    return env


templates = Jinja2Templates(env=_environment())


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


def render_error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return page(request, "error.html", status=status, status_code=status, message=message)
