"""A stable colour per party, for chips and charts (well-known colours where they exist)."""

from __future__ import annotations

import hashlib

KNOWN = {
    "VVD": "#1f4e9c",
    "PVV": "#2b6b9e",
    "NSC": "#1b7f7a",
    "BBB": "#4d7a12",
    "GroenLinks-PvdA": "#b8162d",
    "GroenLinks": "#357a29",
    "PvdA": "#c81d25",
    "D66": "#2f7d32",
    "CDA": "#1a7a4c",
    "SP": "#d7261e",
    "ChristenUnie": "#00639b",
    "SGP": "#a84d0f",
    "PvdD": "#2e7d32",
    "Volt": "#502379",
    "JA21": "#1d3557",
    "DENK": "#0f7373",
    "FvD": "#7a1f1f",
    "50PLUS": "#6a1b9a",
}


def party_colour(name: str | None) -> str:
    """A colour on which white chip text (small, bold) has WCAG AA contrast (4.5:1)."""
    if not name:
        return "#5b6470"
    if name in KNOWN:
        return KNOWN[name]
    hue = int(hashlib.sha256(name.encode()).hexdigest()[:4], 16) % 360
    return f"hsl({hue} 55% 28%)"
