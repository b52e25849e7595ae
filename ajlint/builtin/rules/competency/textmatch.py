"""Word-level comparison of written sentences with approved ones.

A sentence is a list of tokens (words, with their hyphens: ``sise-``, ``-kanaleid``; and single
punctuation marks), each with its character offsets. Two sentences are aligned token by token
(edit distance over tokens), and the differences grouped into *hunks*. A hunk is not a real wording
difference when

* it is punctuation only (``»`` left by a bullet, a missing comma);
* its two sides spell the same letters (a compound written with a hyphen or a space:
  ``tegutsemis-meetodeid`` / ``tegutsemismeetodeid``, ``töö tegemiseks`` / ``töötegemiseks``);
* in OCR text (``ocr=True``), the written word is the approved word with its diacritic letters
  garbled (``analiitisib`` for ``analüüsib``, ``Meeskonnat60`` for ``Meeskonnatöö``): each of
  ``õ ä ö ü š ž`` of the approved word may come out as up to two arbitrary characters, every other
  letter must survive OCR folding (:func:`ajlint.textnorm.ocr_fold`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from ajlint.textnorm import fold, ocr_fold

_WORD = r"[\w@|$&]"
TOKEN_RX = re.compile(rf"-?{_WORD}+(?:[-‐'’]{_WORD}+)*-?|[^\w\s]")
DIACRITIC_LETTERS = frozenset("õäöüšž")
_PUNCT_MAP = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-",
                            "‐": "-", "\xa0": " "})
_SENT_END = frozenset(".!?")
_OPENERS = frozenset("\"„«(“'")


@dataclass(frozen=True, slots=True)
class Tok:
    text: str
    start: int
    end: int
    is_word: bool


def tokenize(s: str) -> list[Tok]:
    out = []
    for m in TOKEN_RX.finditer(s):
        t = m.group(0)
        out.append(Tok(t, m.start(), m.end(), len(t) > 1 or t.isalnum()))
    return out


def shift(toks: list[Tok], base: int) -> list[Tok]:
    return [Tok(t.text, t.start - base, t.end - base, t.is_word) for t in toks]


def sentences(toks: list[Tok]) -> list[tuple[int, int]]:
    """Token ranges of the sentences: a sentence ends at ``.``, ``!`` or ``?`` followed by a token that
    starts with a capital letter (or an opening quote or parenthesis)."""
    out: list[tuple[int, int]] = []
    start = 0
    n = len(toks)
    for i, t in enumerate(toks):
        if t.text in _SENT_END and i + 1 < n:
            nxt = toks[i + 1].text
            j = i + 1
            if nxt and nxt[0] in _OPENERS and j + 1 < n:
                nxt = toks[j + 1].text
            if nxt[:1].isupper() or (nxt[:1].isdigit() and len(nxt) > 1 and not nxt.isdigit()):
                out.append((start, i + 1))
                start = i + 1
    if start < n:
        out.append((start, n))
    return [r for r in out if any(toks[k].is_word for k in range(*r))]


@lru_cache(maxsize=65536)
def norm(s: str) -> str:
    """NFC, typographic punctuation made plain, case folded: the key of a token in clean text."""
    return unicodedata.normalize("NFC", s).translate(_PUNCT_MAP).casefold()


def letters(s: str) -> str:
    return "".join(ch for ch in norm(s) if ch.isalnum())


def clean_key(toks: list[Tok]) -> str:
    """A sentence's key for exact lookup in clean text (spacing and case ignored)."""
    return " ".join(norm(t.text) for t in toks)


def ocr_key(toks: list[Tok]) -> str:
    """A sentence's key for exact lookup in OCR text."""
    return " ".join(ocr_fold(norm(t.text)) for t in toks)


FAST_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÕÄÖÜŠŽ])")


def fast_sentences(s: str) -> list[str]:
    """Sentences of ordinary text, whitespace normalised: the fast path's keys (exact wording)."""
    return [" ".join(x.split()) for x in FAST_SPLIT.split(s) if x.strip()]


@lru_cache(maxsize=8192)
def _noise_rx(approved: str) -> re.Pattern[str]:
    parts = []
    for ch in unicodedata.normalize("NFC", approved).lower():
        if ch in DIACRITIC_LETTERS:
            parts.append(r"\S{0,2}")
        else:
            parts.append(re.escape(fold(ch)))
    return re.compile("".join(parts))


@lru_cache(maxsize=65536)
def noise_equal(approved: str, written: str) -> bool:
    """True when ``written`` is ``approved`` with nothing but OCR damage (see the module docstring)."""
    nd = sum(1 for ch in approved.lower() if ch in DIACRITIC_LETTERS)
    if not (len(approved) - nd <= len(written) <= len(approved) + nd):
        return False
    w = ocr_fold(unicodedata.normalize("NFC", written).translate(_PUNCT_MAP))
    if w == fold(approved.translate(_PUNCT_MAP)):
        return True
    return _noise_rx(approved.translate(_PUNCT_MAP)).fullmatch(w) is not None


def token_equal(a: Tok, w: Tok, ocr: bool) -> bool:
    if norm(a.text) == norm(w.text):
        return True
    return ocr and a.is_word and w.is_word and noise_equal(a.text, w.text)


@dataclass(frozen=True)
class Hunk:
    """Written tokens ``w[i1:i2]`` stand where the approved sentence has ``a[j1:j2]``."""

    i1: int
    i2: int
    j1: int
    j2: int


def align(w: list[Tok], a: list[Tok], ocr: bool) -> tuple[list[Hunk], int]:
    """The hunks where ``w`` differs from ``a`` and the number of words they share."""
    n, m = len(w), len(a)
    wk = [norm(t.text) for t in w]
    ak = [norm(t.text) for t in a]
    if wk == ak:
        return [], sum(1 for t in w if t.is_word)

    def same(i: int, j: int) -> bool:
        return wk[i] == ak[j] or (ocr and w[i].is_word and a[j].is_word and noise_equal(a[j].text, w[i].text))

    # the common beginning and end need no alignment
    p = 0
    while p < n and p < m and same(p, p):
        p += 1
    q = 0
    while q < n - p and q < m - p and same(n - 1 - q, m - 1 - q):
        q += 1
    shared = sum(1 for t in w[:p] if t.is_word) + sum(1 for t in w[n - q:] if t.is_word)
    hunks, mid = _align_middle(w, a, p, n - q, p, m - q, same)
    return hunks, shared + mid


def _align_middle(w, a, wlo, whi, alo, ahi, same) -> tuple[list[Hunk], int]:
    n, m = whi - wlo, ahi - alo
    if n == 0 and m == 0:
        return [], 0
    if n == 0 or m == 0:
        return [Hunk(wlo, whi, alo, ahi)], 0
    eq = [[same(wlo + i, alo + j) for j in range(m)] for i in range(n)]
    # edit distance over tokens
    INF = 1 << 30
    d = [[INF] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        row, prev = d[i], d[i - 1]
        eqi = eq[i - 1]
        for j in range(1, m + 1):
            best = prev[j - 1] + (0 if eqi[j - 1] else 1)
            if prev[j] + 1 < best:
                best = prev[j] + 1
            if row[j - 1] + 1 < best:
                best = row[j - 1] + 1
            row[j] = best
    # trace back from the end; where a gap and a match are equally good, take the gap, so that a
    # gap lands after the tokens it follows ("töötajatele, + partneritele, kuidas")
    ops: list[tuple[str, int, int]] = []
    i, j = n, m
    while i > 0 or j > 0:
        if j > 0 and d[i][j] == d[i][j - 1] + 1:
            ops.append(("+", i, j - 1))
            j -= 1
        elif i > 0 and d[i][j] == d[i - 1][j] + 1:
            ops.append(("-", i - 1, j))
            i -= 1
        elif i > 0 and j > 0 and eq[i - 1][j - 1] and d[i][j] == d[i - 1][j - 1]:
            ops.append(("=", i - 1, j - 1))
            i, j = i - 1, j - 1
        else:
            ops.append(("~", i - 1, j - 1))
            i, j = i - 1, j - 1
    ops.reverse()
    hunks: list[Hunk] = []
    shared = 0
    cur: list[int] | None = None  # [i1, i2, j1, j2]
    wi, aj = wlo, alo
    for tag, oi, oj in ops:
        oi += wlo
        oj += alo
        if tag == "=":
            if cur is not None:
                hunks.append(Hunk(*cur))
                cur = None
            if w[oi].is_word:
                shared += 1
            wi, aj = oi + 1, oj + 1
            continue
        if cur is None:
            cur = [wi, wi, aj, aj]
        if tag in ("~", "-"):
            cur[1] = oi + 1
            wi = oi + 1
        if tag in ("~", "+"):
            cur[3] = oj + 1
            aj = oj + 1
    if cur is not None:
        hunks.append(Hunk(*cur))
    return hunks, shared


def _side(toks: list[Tok], lo: int, hi: int) -> str:
    return "".join(t.text for t in toks[lo:hi])


def real_hunks(w: list[Tok], a: list[Tok], hunks: list[Hunk], ocr: bool) -> list[Hunk]:
    """The hunks that are real wording differences (see the module docstring)."""
    out = []
    for h in hunks:
        ws, as_ = _side(w, h.i1, h.i2), _side(a, h.j1, h.j2)
        wl, al = letters(ws), letters(as_)
        if not wl and not al:
            continue  # punctuation only
        if wl == al:
            continue  # the same compound spelled with a hyphen or a space
        if ocr and wl and al and noise_equal(al, wl):
            continue
        out.append(h)
    return out


def is_safe(w: list[Tok], a: list[Tok], hunks: list[Hunk], min_ratio: float) -> bool:
    """A fix is safe when every hunk corrects a misspelt word (or a compound's spelling), not wording."""
    for h in hunks:
        if h.i2 - h.i1 == 1 and h.j2 - h.j1 == 1 and w[h.i1].is_word and a[h.j1].is_word:
            if fuzz.ratio(fold(w[h.i1].text), fold(a[h.j1].text)) >= min_ratio:
                continue
        wl, al = letters(_side(w, h.i1, h.i2)), letters(_side(a, h.j1, h.j2))
        if wl and al and fuzz.ratio(wl, al) >= 90:
            continue
        return False
    return True
