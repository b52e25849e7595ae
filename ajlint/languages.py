"""Reading "Keeleoskus" prose into language requirements.

``Valdab eesti ja vene keelt vähemalt tasemel C1.`` → eesti C1 (minimum), vene C1 (minimum).
Language names and level words are data (``rules/languages.toml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from ajlint import datafiles
from ajlint.ltext import LText
from ajlint.model import LanguageRequirement
from ajlint.textnorm import fold

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[^\W\d_])")
_WORDS = re.compile(r"[^\W_]+(?:-[^\W_]+)*|[(),;]")
_LEVEL_AFTER = re.compile(r"\btase\w*\s+(?P<lvl>[a-z][0-9]?)(?![\w])")
_LEVEL_BEFORE = re.compile(r"(?<![\w])(?P<lvl>[a-z][0-9]?)\s*-?\s*tase\w*")
_LEGACY = re.compile(r"\b(?P<lvl>(?:alg|kesk|korg|kdrg|k6rg)tase\w*)")


@dataclass(frozen=True)
class LanguageData:
    names: dict[str, str]  # folded form -> nominative name
    levels: tuple[str, ...]
    minimum: tuple[str, ...]
    qualifiers: tuple[str, ...]
    legacy: dict[str, str]


@lru_cache(maxsize=1)
def data() -> LanguageData:
    raw = datafiles.languages()
    names: dict[str, str] = {}
    for name, forms in raw.languages.items():
        for f in [name, *forms]:
            names[fold(f)] = name
    return LanguageData(
        names=names,
        levels=tuple(raw.levels),
        minimum=tuple(fold(w) for w in raw.minimum_words),
        qualifiers=tuple(raw.qualifier_words),
        legacy={fold(k): v for k, v in raw.legacy.items()},
    )


def _is_keel(word: str) -> bool:
    f = fold(word)
    return f.startswith("keel") or f.startswith("voorkeel") or f.endswith("keelt") or f.endswith("keele")


def parse(text: LText) -> list[LanguageRequirement]:
    d = data()
    out: list[LanguageRequirement] = []
    for sent in text.split(_SENTENCE):
        out.extend(_parse_sentence(sent, d))
    return out


def _parse_sentence(sent: LText, d: LanguageData) -> list[LanguageRequirement]:
    words = list(_WORDS.finditer(sent.text))
    f = fold(sent.text)
    if not any(_is_keel(w.group(0)) for w in words):
        return []
    # language mentions: (word match, name, inside parentheses)
    mentions: list[tuple[re.Match[str], str]] = []
    for i, w in enumerate(words):
        fw = fold(w.group(0))
        two = fold(" ".join(x.group(0) for x in words[i:i + 2]))
        name = d.names.get(two) if " " in two and two in d.names else d.names.get(fw)
        if name:
            mentions.append((w, name))
    if not mentions:
        return []
    levels = _levels(f)
    qualifier = None
    for q in d.qualifiers:
        if fold(q) in f:
            qualifier = q
            break
    out: list[LanguageRequirement] = []
    for k, (w, name) in enumerate(mentions):
        nxt = mentions[k + 1][0].start() if k + 1 < len(mentions) else len(f)
        # the level belongs to this mention if it comes before the next mention that has its own level
        lvl = next(((s, e, v) for s, e, v in levels if s > w.start() and s < nxt), None)
        if lvl is None:
            lvl = next(((s, e, v) for s, e, v in levels if s > w.start()), None)
        if lvl is None and levels:
            lvl = levels[-1]
        start = w.start()
        end = lvl[1] if lvl and lvl[1] > start else w.end()
        minimum = _has_minimum(f[: lvl[0]] if lvl else f, d)
        out.append(
            LanguageRequirement.of(
                sent[start:end],
                language=name,
                level=sent.text[lvl[0]:lvl[1]] if lvl else None,
                minimum=minimum,
                qualifier=qualifier if qualifier and _in_parens_or_near(f, w.start(), fold(qualifier)) else None,
                text=sent.text.strip(),
            )
        )
    return out


def _levels(f: str) -> list[tuple[int, int, str]]:
    found: dict[int, tuple[int, int, str]] = {}
    for rx in (_LEVEL_AFTER, _LEVEL_BEFORE, _LEGACY):
        for m in rx.finditer(f):
            s, e = m.start("lvl"), m.end("lvl")
            if rx is _LEGACY:
                # report the level word itself (kõrgtase), without a case ending beyond 'tase'
                e = s + m.group("lvl").index("tase") + 4
            found.setdefault(s, (s, e, f[s:e]))
    return sorted(found.values())


def _has_minimum(prefix: str, d: LanguageData) -> bool:
    for word in re.findall(r"\w+", prefix):
        for mw in d.minimum:
            if " " not in mw and (word == mw or (len(word) >= 6 and fuzz.ratio(word, mw) >= 80)):
                return True
    return any(mw in prefix for mw in d.minimum if " " in mw)


def _in_parens_or_near(f: str, pos: int, q: str) -> bool:
    k = f.rfind(q, 0, pos)
    if k < 0:
        return False
    between = f[k:pos]
    return "(" in f[:pos] and ")" not in between or len(between) < 40
