"""Folding and fuzzy matching of Estonian text, tolerant of lost diacritics and OCR damage.

``fold`` lower-cases and removes diacritics *without changing the length* of the string, so offsets
found in the folded text are offsets in the original. ``ocr_fold`` additionally maps the characters
OCR puts in place of Estonian letters (``t66`` → ``too``, ``v@imalus`` → ``voimalus``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


_FOLD_MAP: dict[int, str] = {}
for src, dst in {
    "õ": "o", "ä": "a", "ö": "o", "ü": "u", "š": "s", "ž": "z",
    "à": "a", "á": "a", "â": "a", "ã": "a", "å": "a", "ā": "a",
    "è": "e", "é": "e", "ê": "e", "ë": "e", "ē": "e",
    "ì": "i", "í": "i", "î": "i", "ï": "i", "ī": "i",
    "ò": "o", "ó": "o", "ô": "o", "ø": "o", "ō": "o",
    "ù": "u", "ú": "u", "û": "u", "ū": "u",
    "ç": "c", "č": "c", "ñ": "n", "ņ": "n", "ļ": "l", "ķ": "k", "ģ": "g", "ė": "e", "į": "i", "ų": "u",
    "’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "\xa0": " ",
}.items():
    _FOLD_MAP[ord(src)] = dst

# characters OCR produces for Estonian letters (only applied inside words that have letters)
_OCR_MAP = dict(_FOLD_MAP)
for src, dst in {"6": "o", "0": "o", "@": "o", "8": "o", "1": "l", "|": "l", "$": "s"}.items():
    _OCR_MAP[ord(src)] = dst

#: the letters OCR look-alikes are read as (``6`` → ``o``, ``1`` → ``l``, ``$`` → ``s``): every other letter
#: of a squashed text is a letter of the folded text
OCR_LETTERS = frozenset(_OCR_MAP[ord(c)] for c in "6018@|$")

DIACRITICS = set("õäöüšžÕÄÖÜŠŽ")


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Lower case, diacritics removed; same length as ``s``. Cached: the template's lines and labels
    are folded again in every document."""
    low = s.lower()
    if len(low) != len(s):  # a rare character changed length when lower-cased
        low = "".join(c.lower()[:1] or c for c in s)
    out = low.translate(_FOLD_MAP)
    if len(out) != len(s):
        out = "".join(_strip_one(c) for c in low)
    return out


def _strip_one(c: str) -> str:
    d = unicodedata.normalize("NFKD", c)
    base = "".join(ch for ch in d if not unicodedata.combining(ch))
    return base[:1] or c


@lru_cache(maxsize=65536)
def ocr_fold(s: str) -> str:
    """``fold`` plus OCR look-alikes inside words (``TO6ks`` → ``tooks``). Same length as ``s``."""
    f = fold(s)
    if not any(c in f for c in "6018@|$"):
        return f
    return _OCR_TOKEN.sub(_ocr_token, f)


_LEVEL_LIKE = re.compile(r"^[a-f][0-9]$|^\d+[a-z]?$")
_OCR_TOKEN = re.compile(r"[\w@|$]*[6018@|$][\w@|$]*")


def _ocr_token(m: re.Match[str]) -> str:
    tok = m.group(0)
    if any(c.isalpha() for c in tok) and not _LEVEL_LIKE.match(tok):
        return tok.translate(_OCR_MAP)
    return tok


_NON_ALNUM = re.compile(r"[\W_]+")


@lru_cache(maxsize=131072)
def squash(s: str) -> str:
    """OCR-folded with whitespace and punctuation removed: for comparing headings."""
    return _NON_ALNUM.sub("", ocr_fold(s))


@lru_cache(maxsize=16384)
def lost_diacritics(written: str, correct: str) -> bool:
    """True when ``written`` lacks diacritics that ``correct`` has at the same folded spelling."""
    if squash(written) != squash(correct):
        return False
    w = sum(1 for c in written if c in DIACRITICS)
    c = sum(1 for c in correct if c in DIACRITICS)
    return w < c or any(ch in "6018@|$" for ch in written)
