"""Helpers shared by the language-requirement rules (AJ301–AJ306)."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from rapidfuzz import fuzz

from ajlint import datafiles
from ajlint.diagnostics import Edit, Fix
from ajlint.model import LanguageRequirement, Located
from ajlint.textnorm import fold, ocr_fold

if TYPE_CHECKING:
    from ajlint.document import Document

LEVEL_ORDER = ("A1", "A2", "B1", "B2", "C1", "C2")
_LEVEL_RX = re.compile(r"^([ABC][12])$")


def rank(level: str | None) -> int | None:
    """0 for A1 … 5 for C2; None for anything else."""
    if level is None:
        return None
    lv = level.strip().upper()
    return LEVEL_ORDER.index(lv) if lv in LEVEL_ORDER else None


def valid_level(value: object) -> str | None:
    """``value`` as a CEFR level ('c1' → 'C1'), or None when it is none."""
    if not isinstance(value, str):
        return None
    lv = value.strip().upper()
    return lv if _LEVEL_RX.match(lv) else None


def requirements(doc: "Document") -> list[LanguageRequirement]:
    req = doc.model.requirements if doc.model is not None else None
    return list(req.languages) if req is not None and req.languages else []


def unique(reqs: Iterable[LanguageRequirement], key: str) -> list[LanguageRequirement]:
    """Requirements with distinct locations of ``key`` (coordinated languages share one level token)."""
    seen: set[tuple] = set()
    out: list[LanguageRequirement] = []
    for r in reqs:
        loc = getattr(r, key)
        if loc is None:
            continue
        k = (loc.line, loc.column, loc.end_line, loc.end_column)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


def source(doc: "Document", loc: Located) -> tuple[int, int, str] | None:
    """(start, end, text) of a located value in ``doc.text``; None when out of range."""
    if doc.text is None or loc is None:
        return None
    try:
        start = doc.offset(loc.line, loc.column)
        end = doc.offset(loc.end_line, loc.end_column)
    except (IndexError, TypeError):
        return None
    if not 0 <= start <= end <= len(doc.text):
        return None
    return start, end, doc.text[start:end]


def replace(doc: "Document", loc: Located, expected: str | None, replacement: str,
            applicability: str, description: str) -> Fix | None:
    """A fix replacing the text at ``loc``, only when that text is what the model says (``expected``,
    compared folded); None otherwise."""
    src = source(doc, loc)
    if src is None:
        return None
    start, end, text = src
    if expected is not None and ocr_fold(text) != ocr_fold(expected):
        return None
    if text == replacement:
        return None
    return Fix(edits=(Edit(start, end, replacement),), applicability=applicability, description=description)


def match_case(written: str, word: str) -> str:
    """``word`` capitalised like ``written`` (all caps, capitalised, or lower case)."""
    letters = [c for c in written if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) > 1:
        return word.upper()
    if letters and letters[0].isupper():
        return word[:1].upper() + word[1:]
    return word


def nearest_levels(level: str) -> list[str]:
    """The valid CEFR levels nearest to an invalid one: C3 → [C2], D1 → [C1], B → [B1, B2], A0 → [A1]."""
    t = level.strip().upper().rstrip("+")
    if not t or not t[0].isalpha():
        return []
    letter = t[0] if t[0] in "ABC" else ("C" if t[0] > "C" else "A")
    digits = "".join(c for c in t[1:] if c.isdigit())
    if not digits:
        return [f"{letter}1", f"{letter}2"]
    n = int(digits)
    return [f"{letter}{min(max(n, 1), 2)}"]


@lru_cache(maxsize=1)
def _higher_education() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    est = datafiles.languages().estonian
    words = tuple(fold(w) for w in est.higher_education_words if " " not in w.strip())
    phrases = tuple(fold(w) for w in est.higher_education_words if " " in w.strip())
    soft = tuple(fold(w) for w in est.soft_words)
    return words, phrases, soft


_WORD = re.compile(r"[^\W\d_]+")
_SENT = re.compile(r"[.;!?]\s+")


def requires_higher_education(text: str | None) -> bool:
    """True when a Haridus text requires higher education: a higher-education word (also through OCR
    damage, 'Kdrgharidus') in a sentence with no soft word before it ('Soovitavalt magistrikraad')."""
    if not text:
        return False
    words, phrases, soft = _higher_education()
    for sentence in _SENT.split(ocr_fold(text)):
        toks = _WORD.findall(sentence)
        softened = False
        for i, w in enumerate(toks):
            if w in soft:
                softened = True
                continue
            hit = any(w.startswith(h) or (len(h) >= 8 and len(w) >= len(h)
                                          and fuzz.ratio(w[:len(h)], h) >= 85) for h in words)
            if not hit and phrases:
                two = " ".join(toks[i:i + 2])
                hit = any(two.startswith(p) for p in phrases)
            if hit:
                if not softened:
                    return True
                break
    return False


def notation_examples() -> dict[str, str]:
    word = datafiles.languages().levels_notation.fix_word
    return {
        "tase-first": f"{word} C1",
        "level-hyphen": f"C1-{word}",
        "level-space": f"C1 {word}",
        "bare": "C1",
    }
