"""Paragraph styles (names, bold, heading level) and list numbering of a DOCX."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kamerqa.readers.docx_package import W, attr, is_on

_HEADING_NAME = re.compile(r"^(?:heading|kop)\s*(\d)$", re.I)
_TITLE_NAMES = {"title", "titel"}
_MAX_DEPTH = 20


@dataclass
class Style:
    name: str = ""
    based_on: str = ""
    bold: bool | None = None
    italic: bool | None = None
    outline: int | None = None
    num_id: str = ""
    num_level: int = 0


@dataclass
class Styles:
    """Resolved style facts by style id (basedOn chains followed)."""

    styles: dict[str, Style] = field(default_factory=dict)
    default_paragraph: str = ""

    def _chain(self, style_id: str) -> list[Style]:
        chain: list[Style] = []
        seen: set[str] = set()
        while style_id and style_id in self.styles and style_id not in seen and len(seen) < 20:
            seen.add(style_id)
            chain.append(self.styles[style_id])
            style_id = self.styles[style_id].based_on
        return chain

    def name(self, style_id: str) -> str:
        style = self.styles.get(style_id or self.default_paragraph)
        return style.name if style else style_id

    def bold(self, style_id: str) -> bool:
        return next((s.bold for s in self._chain(style_id) if s.bold is not None), False)

    def italic(self, style_id: str) -> bool:
        return next((s.italic for s in self._chain(style_id) if s.italic is not None), False)

    def heading_level(self, style_id: str) -> int:
        """1-9 for heading styles (by name or outline level), 0 otherwise."""
        for style in self._chain(style_id or self.default_paragraph):
            match = _HEADING_NAME.match(style.name)
            if match:
                return int(match.group(1))
            if style.name.lower() in _TITLE_NAMES:
                return 1
            if style.outline is not None and style.outline < 9:
                return style.outline + 1
        return 0

    def numbering(self, style_id: str) -> tuple[str, int]:
        return next(((s.num_id, s.num_level) for s in self._chain(style_id) if s.num_id), ("", 0))


def load_styles(root: Any | None) -> Styles:
    styles = Styles()
    if root is None:
        return styles
    for element in root.iter(W + "style"):
        style_id = attr(element, "styleId")
        rpr = element.find(W + "rPr")
        ppr = element.find(W + "pPr")
        num = ppr.find(W + "numPr") if ppr is not None else None
        outline = ppr.find(W + "outlineLvl") if ppr is not None else None
        styles.styles[style_id] = Style(
            name=attr(element.find(W + "name"), "val", style_id),
            based_on=attr(element.find(W + "basedOn"), "val"),
            bold=is_on(rpr.find(W + "b")) if rpr is not None else None,
            italic=is_on(rpr.find(W + "i")) if rpr is not None else None,
            outline=to_int(attr(outline, "val")) if outline is not None else None,
            num_id=attr(num.find(W + "numId"), "val") if num is not None else "",
            num_level=to_int(attr(num.find(W + "ilvl"), "val")) if num is not None else 0,
        )
        if attr(element, "type") == "paragraph" and attr(element, "default") in ("1", "true"):
            styles.default_paragraph = style_id
    return styles


def to_int(text: str, default: int = 0) -> int:
    try:
        return int(text)
    except ValueError:
        return default


@dataclass
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


class Numbering:
    """List labels as Word draws them ("1.", "a)"), counted per list; bullets give ""."""

    def __init__(self, root: Any | None) -> None:
        self._abstract: dict[str, dict[int, Level]] = {}
        self._nums: dict[str, tuple[str, dict[int, int]]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        if root is not None:
            self._load(root)

    def _load(self, root: Any) -> None:
        for abstract in root.iter(W + "abstractNum"):
            levels: dict[int, Level] = {}
            for lvl in abstract.iter(W + "lvl"):
                levels[to_int(attr(lvl, "ilvl"))] = Level(
                    fmt=attr(lvl.find(W + "numFmt"), "val", "decimal"),
                    text=attr(lvl.find(W + "lvlText"), "val", ""),
                    start=to_int(attr(lvl.find(W + "start"), "val", "1"), 1),
                )
            self._abstract[attr(abstract, "abstractNumId")] = levels
        for num in root.iter(W + "num"):
            starts = {
                to_int(attr(o, "ilvl")): to_int(attr(o.find(W + "startOverride"), "val", "1"), 1)
                for o in num.iter(W + "lvlOverride")
                if o.find(W + "startOverride") is not None
            }
            self._nums[attr(num, "numId")] = (attr(num.find(W + "abstractNumId"), "val"), starts)

    def is_list(self, num_id: str) -> bool:
        return bool(num_id) and num_id != "0" and num_id in self._nums

    def label(self, num_id: str, level: int) -> str:
        """The next label of list ``num_id`` at ``level`` ("" for bullets and unknown lists)."""
        abstract_id, starts = self._nums.get(num_id, ("", {}))
        levels = self._abstract.get(abstract_id, {})
        counters = self._counters.setdefault(num_id, {})
        for deeper in [key for key in counters if key > level]:
            del counters[deeper]
        spec = levels.get(level, Level())
        counters[level] = counters.get(level, starts.get(level, spec.start) - 1) + 1
        if spec.fmt in ("bullet", "none") or not spec.text:
            return ""
        label = spec.text
        for index in range(min(level, _MAX_DEPTH) + 1):
            value = counters.get(index, levels.get(index, Level()).start)
            fmt = levels.get(index, Level()).fmt
            label = label.replace(f"%{index + 1}", _format(value, fmt))
        return label.strip()


def _format(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (value - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.upper() if fmt == "upperRoman" else roman
    return str(value)


def _roman(value: int) -> str:
    numerals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for number, numeral in numerals:
        while value >= number and len(out) < 20:
            out += numeral
            value -= number
    return out
