"""Text clean-up for PDF lines: joining lines, hyphenation, ligatures, split accents, NFC.

Rules for joining a line to the next (the corpus gold README counts words this way):
- a line ending in "-" before "en"/"of"/"tot" keeps the hyphen and the space ("aanloop- en");
- a word broken between lower-case letters is joined without the hyphen ("gecompen-" +
  "seerd" -> "gecompenseerd"); other hyphens stay and the parts are glued ("OESO-" +
  "richtlijnen" -> "OESO-richtlijnen"), also after a name with a capital inside
  ("ChristenUnie-" + "fractie");
- a line ending in "/" is joined without a space ("en/" + "of" -> "en/of");
- otherwise the lines are joined with one space.
"""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\u0132": "IJ",
        "\u0133": "ij",
    }
)
# Spacing accents that typesetters draw as separate glyphs next to the letter.
_SPACING_ACCENTS = {
    "\u00b8": "\u0327",  # cedilla
    "\u02db": "\u0328",  # ogonek
    "\u00a8": "\u0308",  # diaeresis
    "\u00b4": "\u0301",  # acute
    "\u02c6": "\u0302",  # circumflex
    "\u02dc": "\u0303",  # tilde
    "\u02c7": "\u030c",  # caron
    "\u02da": "\u030a",  # ring
    "\u02d8": "\u0306",  # breve
}
_BELOW = "\u00b8\u02db"
_ACCENT = re.compile(r"([^\W\d_])?( ?)([" + "".join(_SPACING_ACCENTS) + r"])( ?)([^\W\d_])?")
_INVISIBLE_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff\ufffe\uffff"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
# Cheap searches first: most text holds no ligature, no spacing accent, nothing invisible.
_ACCENT_CHAR = re.compile("[" + "".join(_SPACING_ACCENTS) + "]")
_LIGATURE_CHAR = re.compile("[" + "".join(chr(code) for code in _LIGATURES) + "]")
_RARE_CHAR = re.compile(
    "["
    + "".join(chr(code) for code in _LIGATURES)
    + "".join(_SPACING_ACCENTS)
    + _INVISIBLE_CHARS
    + "\x02]"
)
_KEEP_SPACE_AFTER_HYPHEN = {"en", "of", "tot", "als", "noch", "and", "or"}
_HYPHENS = ("-", "\x02", "\u00ad", "\u2010")
_URL_WORD = re.compile(r"(?:://|www\.|\w\.(?:nl|com|org|eu|net)/)\S*$")
# A name with a capital inside ("ChristenUnie-" + "fractie") keeps its hyphen.
_INNER_CAPITAL = re.compile(r"[^\W\d_][^\W\d_]*[A-Z][^\W\d_]*[-\x02\u00ad\u2010]$")
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=\S) +(?=[.,;:!?)\]»”’](?:\s|$))")


def _attach_accent(match: re.Match[str]) -> str:
    before, space_before, accent, space_after, after = match.groups()
    combining = _SPACING_ACCENTS[accent]
    if before and (accent in _BELOW or not space_before):
        return before + combining + (after or space_after)
    if after:
        return (before or "") + space_before + after + combining
    return match.group(0)


def _repair(text: str) -> str:
    """Ligatures expanded, PDFium's soft hyphens as hyphens, invisible characters dropped,
    spacing accents attached."""
    if _LIGATURE_CHAR.search(text):
        text = text.translate(_LIGATURES)
    text = _INVISIBLE.sub("", text.replace("\x02", "-"))
    if _ACCENT_CHAR.search(text):
        text = _ACCENT.sub(_attach_accent, text)
    return text


def normalise_text(text: str) -> str:
    """Ligatures expanded, split accents attached, spaces collapsed, NFC."""
    if _RARE_CHAR.search(text):
        text = _repair(text)
    # str.split() splits on the characters for which str.isspace() holds: regex \s, which
    # includes the no-break and typographic spaces.
    return unicodedata.normalize("NFC", " ".join(text.split()))


def glue_punctuation(text: str) -> str:
    """Attach punctuation left standing alone (after a removed marker) to the word before it."""
    return _SPACE_BEFORE_PUNCT.sub("", text)


def join_two(left: str, right: str) -> str:
    """Join the text so far with the next line's text."""
    left = left.rstrip()
    right = right.lstrip()
    if not left or not right:
        return left + right
    if left.endswith(_HYPHENS) and len(left) > 1 and not left[-2].isspace():
        next_word = re.split(r"[\s,.;:]", right, maxsplit=1)[0].lower()
        if next_word in _KEEP_SPACE_AFTER_HYPHEN:
            return left[:-1] + "- " + right
        if _URL_WORD.search(left):
            return left[:-1] + "-" + right  # a web address broken at one of its hyphens
        if left[-2].islower() and right[0].islower() and not _INNER_CAPITAL.search(left):
            return left[:-1] + right
        return left[:-1] + "-" + right
    if left.endswith("/"):
        return left + right
    return left + " " + right


def join_lines(lines: list[str]) -> str:
    """Lines of one paragraph as one normalised string."""
    text = ""
    for line in lines:
        text = join_two(text, line)
    return normalise_text(text)
