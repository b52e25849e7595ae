"""Helpers shared by the structure rules (AJ101–AJ108): numbers, case style, placement."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ajlint.textnorm import squash

_SECTION_NUM = re.compile(r"^\s*(\d{1,3})\.?\s*$")
_DUTY_NUM = re.compile(r"^\s*(\d{1,3})\.(\d{1,3})\.?\s*$")
_WORD = re.compile(r"\S+")


# the numbers of sections and duties are parsed by several rules in every document, and the same few
# numbers recur ("3.1", "4."): each is parsed once (a cache lookup in C costs less than the match)
@lru_cache(maxsize=4096)
def section_number(num: str | None) -> int | None:
    """``'2.'`` or ``'2'`` → 2; anything else → None."""
    if not num:
        return None
    m = _SECTION_NUM.match(num)
    return int(m.group(1)) if m else None


@lru_cache(maxsize=4096)
def duty_number(num: str | None) -> tuple[int, int] | None:
    """``'3.4.'`` or ``'3.4'`` → (3, 4); anything else → None."""
    if not num:
        return None
    m = _DUTY_NUM.match(num)
    return (int(m.group(1)), int(m.group(2))) if m else None


def has_dot(num: str) -> bool:
    return num.rstrip().endswith(".")


def majority_style(numbers: list[str]) -> bool | None:
    """True when most numbers end with a dot (a tie goes to the first number's style)."""
    if not numbers:
        return None
    dots = sum(1 for n in numbers if has_dot(n))
    plain = len(numbers) - dots
    if dots == plain:
        return has_dot(numbers[0])
    return dots > plain


def match_case(written: str, correct: str) -> str:
    """``correct`` in the case style of ``written``: all caps, all lower case, or capitalised."""
    letters = [c for c in written if c.isalpha()]
    if not letters:
        return correct
    if all(c.isupper() for c in letters):
        return correct.upper()
    if all(c.islower() for c in letters):
        return correct.lower()
    if letters[0].isupper() and all(c.islower() for c in letters[1:]):
        return correct[:1].upper() + correct[1:].lower()
    return correct


def respell(written: str, correct: str) -> str | None:
    """``written`` with just its misspelt words replaced by ``correct``'s, in the document's case style.

    Words that agree after case, diacritic and OCR folding are kept as written (lost diacritics are
    AJ005's business). When the word counts differ the whole text is replaced. None when nothing
    would change.
    """
    w_words = list(_WORD.finditer(written))
    c_words = correct.split()
    if not w_words or not c_words:
        return None
    if len(w_words) != len(c_words):
        if all(w.group(0).isupper() for w in w_words if any(ch.isalpha() for ch in w.group(0))):
            out = correct.upper()
        elif written[:1].isupper():
            out = correct[:1].upper() + correct[1:].lower()
        else:
            out = correct.lower()
        return out if out != written else None
    pieces: list[str] = []
    last = 0
    changed = False
    for wm, cw in zip(w_words, c_words):
        w = wm.group(0)
        pieces.append(written[last:wm.start()])
        if squash(w) != squash(cw):
            pieces.append(match_case(w, cw))
            changed = True
        else:
            pieces.append(w)
        last = wm.end()
    pieces.append(written[last:])
    return "".join(pieces) if changed else None


def sequence_problems(nums: list[int], starts: set[int]) -> list[dict[str, Any]]:
    """Gaps, repeats and a wrong start in a list of consecutive numbers, each reported once.

    Returns dicts with ``index``, ``kind`` (``start``, ``gap``, ``repeat``), ``expected``,
    ``previous`` (None for ``start``), ``first`` (index of the earlier use, for ``repeat``) and
    ``typo`` (True when the next number shows this one was meant to be ``expected``). A single
    mistyped number is one finding, not two: ``1, 2, 2, 4`` reports the second 2 (3 expected) and
    accepts 4; ``1, 2, 4, 5`` reports the gap at 4 and accepts 5.
    """
    out: list[dict[str, Any]] = []
    seen: dict[int, int] = {}
    prev: int | None = None
    for i, n in enumerate(nums):
        nxt = nums[i + 1] if i + 1 < len(nums) else None
        if prev is None:
            expected = min(starts) if starts else 1
            if starts and n not in starts:
                typo = nxt is not None and nxt == expected + 1 and nxt != n + 1
                out.append({"index": i, "kind": "start", "expected": expected, "previous": None,
                            "first": None, "typo": typo})
                prev = expected if typo else n
            else:
                prev = n
            seen.setdefault(n, i)
            continue
        expected = prev + 1
        if n == expected:
            prev = n
            seen.setdefault(n, i)
            continue
        typo = nxt is not None and nxt == expected + 1 and nxt != n + 1
        kind = "repeat" if n in seen else "gap"
        out.append({"index": i, "kind": kind, "expected": expected, "previous": prev,
                    "first": seen.get(n), "typo": typo})
        seen.setdefault(n, i)
        prev = expected if typo else n
    return out


def lis_keep(keys: list[int]) -> set[int]:
    """Indices of a longest non-decreasing subsequence of ``keys`` (earlier elements preferred)."""
    n = len(keys)
    if n == 0:
        return set()
    best = [1] * n
    back = [-1] * n
    for i in range(n):
        for j in range(i):
            if keys[j] <= keys[i] and best[j] + 1 > best[i]:
                best[i] = best[j] + 1
                back[i] = j
    # the first index reaching the maximum length keeps the earliest sections in place
    end = max(range(n), key=lambda i: (best[i], -i))
    keep = set()
    while end != -1:
        keep.add(end)
        end = back[end]
    return keep
