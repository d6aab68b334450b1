"""Dutch text analysis shared by indexing, querying, snippets and similarity.

Every text is turned into three token streams, written as space-separated strings that both
SQLite FTS5 (``unicode61``) and PostgreSQL (``simple`` configuration) split identically:

- ``stems``: one Snowball ``dutch_porter`` stem per word, in order (phrases match here). These
  are the stems of PostgreSQL's ``dutch`` configuration, computed in Python so both backends
  index exactly the same lexemes.
- ``parts``: stems of the compound parts and plural forms of known words ("dronemuur" ->
  ``dron muur``; "drones" -> ``dron``), so a search for *drone* also finds *drones* and
  *dronemuur*, and *muur* finds *dronemuur*. Splits need both sides in a lexicon
  (:mod:`kamerqa.search.lexicon`), so *zorgvuldig* is not split into *zorg* + *vuldig*.
- ``words``: the folded surface words (lower case, no diacritics) for ``prefix*`` queries.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from kamerqa.search.lexicon import LEXICON

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_LINKS = ("s", "en", "e", "")
MIN_PART = 3
_stemmer = Stemmer.Stemmer("dutch_porter")


def fold(text: str) -> str:
    """Lower case without diacritics ("Één" -> "een", "coördinatie" -> "coordinatie")."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    """The folded words of ``text`` ("auto's" -> "auto": a plural/genitive 's is dropped)."""
    return [_fold_word(w) for w in _WORD.findall(text)]


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, folded word) for each word, with offsets into the original ``text``."""
    return [(m.start(), m.end(), _fold_word(m.group())) for m in _WORD.finditer(text)]


@lru_cache(maxsize=200_000)
def _fold_word(word: str) -> str:
    folded = word.lower() if word.isascii() else fold(word)
    if folded.endswith(("'s", "’s")) and len(folded) > 3:
        folded = folded[:-2]
    return folded.replace("'", "").replace("’", "")


_DIMINUTIVES = ("etjes", "etje", "tjes", "tje", "pjes", "pje", "jes", "je")
MIN_DIMINUTIVE_BASE = 3


def diminutive_bases(word: str) -> tuple[str, ...]:
    """The nouns a diminutive may be made of: "hoofddoekjes" -> (hoofddoek,), "mannetje" ->
    (man, ...), "boompje" -> (boom, ...). "tje"/"je" is ambiguous (bier-tje, boot-je), so both
    readings are returned; an extra token for a non-word costs nothing."""
    bases: list[str] = []
    for suffix in _DIMINUTIVES:
        if not word.endswith(suffix):
            continue
        base = word[: -len(suffix)]
        if suffix.startswith("e") and len(base) > 2 and base[-1] == base[-2]:
            base = base[:-1]  # mannetje -> mann -> man
        if suffix.startswith("p") and not base.endswith("m"):
            continue  # -pje only after m (boompje)
        if len(base) >= MIN_DIMINUTIVE_BASE and base not in bases:
            bases.append(base)
    return tuple(bases)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The dutch_porter stem of a folded word (same as PostgreSQL's ``dutch`` config)."""
    return str(_stemmer.stemWord(word))


def _known(word: str) -> bool:
    return word in LEXICON or (
        len(word) > MIN_PART + 1 and word.endswith("s") and word[:-1] in LEXICON
    )


@lru_cache(maxsize=200_000)
def compound_parts(word: str) -> tuple[str, ...]:
    """Lexicon words this word is built from (empty when it is no known compound/plural).

    "dronemuur" -> (drone, muur); "kinderopvangtoeslag" -> (kinderopvang, toeslag, kinder,
    opvang); "drones" -> (drone,).
    """
    if word.endswith(("s", "en")) and word not in LEXICON:
        for cut in (1, 2):
            if word[:-cut] in LEXICON and len(word) - cut >= MIN_PART:
                return (word[:-cut],)
    if len(word) >= MIN_DIMINUTIVE_BASE + 3 and word.endswith(("je", "jes")):
        found: list[str] = []
        for base in diminutive_bases(word):
            found.extend(p for p in (base, *compound_parts(base)) if p not in found)
        return tuple(found)
    split = _split(word, whole=False) or _head(word)
    if not split:
        return ()
    found = list(split)
    for part in split:
        found.extend(p for p in compound_parts(part) if p not in found)
    return tuple(found)


def _split(word: str, depth: int = 0, *, whole: bool = True) -> list[str] | None:
    if whole and _known(word):
        return [word if word in LEXICON else word[:-1]]
    if depth > 2 or len(word) < 2 * MIN_PART:
        return None
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head, tail = word[:cut], word[cut:]
        for link in _LINKS:
            if link and not head.endswith(link):
                continue
            base = head[: len(head) - len(link)] if link else head
            if len(base) >= MIN_PART and base in LEXICON:
                rest = _split(tail, depth + 1)
                if rest:
                    return [base, *rest]
    return None


_SUFFIXES = ("lijk", "heid", "achtig", "matig", "loos", "loze", "baar", "schap", "ing", "isch")
MIN_HEAD = 5


def _head(word: str) -> list[str] | None:
    """A known long head before an unknown long tail ("droneproductie" -> drone): only the
    head is kept, and derivations ("burgerlijk", "beleidsmatig") are not split."""
    for cut in range(len(word) - MIN_HEAD, MIN_HEAD - 1, -1):
        head, tail = word[:cut], word[cut:]
        for link in _LINKS:
            if link and not head.endswith(link):
                continue
            base = head[: len(head) - len(link)] if link else head
            derived = any(tail[i:].startswith(_SUFFIXES) for i in range(3))
            if len(base) >= MIN_HEAD and base in LEXICON and not derived:
                return [base]
    return None


@dataclass(frozen=True)
class Analysed:
    stems: str
    parts: str
    words: str


def analyse(text: str) -> Analysed:
    """The three index streams of ``text`` (see the module docstring)."""
    folded = words(text)
    stems = [stem(w) for w in folded]
    parts: list[str] = []
    for w, own in zip(folded, stems, strict=True):
        parts.extend(s for s in (stem(p) for p in compound_parts(w)) if s != own)
    return Analysed(" ".join(stems), " ".join(parts), " ".join(folded))


def query_stems(word: str) -> list[str]:
    """Stems one query word is looked up as: its stem, plus the singular of a known plural
    ("drones" -> drones, dron). Each is matched in both the stems and the parts stream."""
    found: list[str] = []
    for w in words(word):
        found.append(stem(w))
        parts = compound_parts(w)
        if len(parts) == 1 and stem(parts[0]) not in found:
            found.append(stem(parts[0]))
    return found


def prefix_form(word: str) -> str:
    """A prefix query word, folded ("Drone*" -> "drone")."""
    found = words(word)
    return found[0] if found else ""
