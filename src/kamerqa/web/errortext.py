"""Validation problems of a page request, said in Dutch for the HTML error page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

FIELD_NAMES = {
    "q": "de zoekterm",
    "offset": "de pagina (offset)",
    "limit": "het aantal resultaten",
    "date_from": "de datum 'van'",
    "date_to": "de datum 'tot en met'",
    "year": "het jaar",
    "sort": "de sortering",
    "scope": "'zoek in'",
}


def _what(error: dict[str, Any]) -> str:
    kind = str(error.get("type", ""))
    ctx = error.get("ctx") or {}
    if kind == "greater_than_equal":
        return f"moet minstens {ctx.get('ge')} zijn"
    if kind == "less_than_equal":
        return f"mag hoogstens {ctx.get('le')} zijn"
    if kind == "string_too_long":
        return f"is te lang (hoogstens {ctx.get('max_length')} tekens)"
    if kind.startswith(("date_", "datetime_")):
        return "is geen datum (JJJJ-MM-DD)"
    if kind in ("int_parsing", "int_type"):
        return "is geen geheel getal"
    if kind == "literal_error":
        return f"kan alleen zijn: {ctx.get('expected', '')}"
    if kind == "missing":
        return "ontbreekt"
    return "is ongeldig"


def dutch_validation_message(errors: Sequence[Any]) -> str:
    """'Ongeldige vraag: de pagina (offset) moet minstens 0 zijn.' for the first problems."""
    parts = []
    for error in list(errors)[:3]:
        loc = [str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body")]
        name = loc[-1] if loc else "de vraag"
        parts.append(f"{FIELD_NAMES.get(name, repr(name))} {_what(error)}")
    return "Ongeldige vraag: " + "; ".join(parts) + "." if parts else "Ongeldige vraag."
