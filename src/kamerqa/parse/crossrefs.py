"""Cross-references between answers: "Zie het antwoord op vraag 2", "(zie vraag 3)"."""

from __future__ import annotations

import re
from collections.abc import Collection

from kamerqa.parse.numbering import NUMBER_LIST, number_key, parse_number_list

__all__ = ["find_refers_to"]

_VRAGEN = r"(?:de\s+)?vra(?:ag|gen)\s*(?:nr\.?\s*)?"
# "2, 6 en 8", also "10 en vraag 2"
_LIST = rf"{NUMBER_LIST}(?:\s*(?:,|\ben\b|\bof\b)\s*vra(?:ag|gen)\s*{NUMBER_LIST})*"
_REFERENCE_RE = re.compile(
    # "(mijn|het|de) antwoord(en) op/bij (de) vraag/vragen N"
    rf"\b(?:antwoord(?:en)?|beantwoording|reactie)\s+(?:(?:op|bij|onder|van)\s+)?{_VRAGEN}(?P<a>{_LIST})"
    # "zoals beschreven bij vraag N", "zoals toegelicht onder vraag N"
    rf"|\b(?:aangegeven|beschreven|toegelicht|vermeld|uiteengezet)\s+(?:bij|onder)\s+{_VRAGEN}"
    rf"(?P<e>{_LIST})"
    # "zie (ook) vraag N", "verwijs ik naar vraag N"
    rf"|\b(?:zie|verwijs\w*(?:\s+\w+){{0,2}}\s+naar)\s+(?:ook\s+)?{_VRAGEN}(?P<b>{_LIST})"
    # "zie (het) antwoord N", "verwijs ik naar antwoord N"
    rf"|\b(?:zie|verwijs\w*(?:\s+\w+){{0,2}}\s+naar)\s+(?:ook\s+)?(?:het\s+|mijn\s+)?"
    rf"antwoord(?:en)?\s+(?:nr\.?\s*)?(?P<d>{_LIST})"
    # "vraag N hierboven/hiervoor"
    rf"|\b{_VRAGEN}(?P<c>{_LIST})\s+(?:hierboven|hiervoor|eerder)",
    re.I,
)
# What follows a reference to another document's questions: "vraag 3 van het lid X", "(Aanhangsel"
_FOREIGN_RE = re.compile(
    r"^\s*(?:(?:\S+\s+){0,1}(?:van\s+(?:het\s+lid|de\s+leden|de\s+(?:vaste\s+)?commissie|uw\s+"
    r"commissie|de\s+schriftelijke|de\s+(?:kamer)?vragen|eerdere|mijn\s+ambtsvoorganger|\d)"
    r"|\(?\s*(?:aanhangsel|kenmerk|kamerstuk|handelingen)"
    r"|(?:uit|in)\s+(?:het|de)\s+(?:schriftelijk|verslag|kamervragen|aanhangsel|vragen\s+van))"
    # right after the number: "… in de Kamerbrief van …", "… bij de vragen van het lid …"
    r"|(?:in|bij|uit|van)\s+(?:de|het|mijn|een|uw)\s+(?:[\w-]+\s+){0,2}?(?:kamer)?(?:brief|"
    r"vragen|verslag|feitelijke|lijst|nota|debat|commissiedebat|notaoverleg|schriftelijk))",
    re.I,
)


def find_refers_to(text: str, own: Collection[str] = ()) -> list[str]:
    """Numbers of other questions whose answers ``text`` points to, sorted, ``own`` excluded."""
    found: set[str] = set()
    for match in _REFERENCE_RE.finditer(text):
        if _FOREIGN_RE.match(text[match.end() : match.end() + 60]):
            continue
        numbers = next((group for group in match.groups() if group), "")
        found.update(parse_number_list(numbers))
    found.difference_update(own)
    return sorted(found, key=number_key)
