"""Reading a unit string into its levels: ``Ohvriabi ja ennetusteenuste osakond, ennetustalitus
(ringist välja tiim)`` → osakond ``Ohvriabi ja ennetusteenuste osakond``, talitus ``ennetustalitus``,
tiim ``ringist välja tiim``. The words that name each level are data (``rules/inflection.toml``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ajlint.links.data import inflection
from ajlint.textnorm import squash


@dataclass(frozen=True)
class Unit:
    """A unit string read into levels (widest first). ``path`` holds one matching key per level
    (None where the string names no unit of that level); a root unit (``Juhtkond``) has an empty path."""

    text: str
    parts: tuple[str | None, ...]  # the part as written, per level
    path: tuple[str | None, ...]  # squashed key per level
    names: tuple[str, ...]  # name keys of the parts without their level word ('lastemaja' for 'lastemaja talitus')
    root: bool = False
    level_names: tuple[str | None, ...] = ()  # per level: the part's name without its level word

    def display(self) -> str:
        return ", ".join(p for p in self.parts if p) or self.text


@dataclass(frozen=True)
class Vocabulary:
    levels: tuple[tuple[str, tuple[str, ...]], ...]  # (level name, squashed words longest first)
    root: tuple[str, ...]
    head_keys: tuple[tuple[int, str], ...]  # (level index, squashed generic head title) longest first


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    u = inflection().units
    levels = tuple((lv.name, tuple(sorted({squash(w) for w in lv.words}, key=len, reverse=True))) for lv in u.levels)
    heads = []
    for i, lv in enumerate(u.levels):
        for g in lv.genitives:
            for h in u.head_nouns:
                heads.append((i, squash(g + h)))
    heads.sort(key=lambda x: len(x[1]), reverse=True)
    return Vocabulary(levels, tuple(squash(w) for w in u.root), tuple(heads))


def level_names() -> tuple[str, ...]:
    return tuple(name for name, _ in vocabulary().levels)


def depth() -> int:
    return len(vocabulary().levels)


def _split(text: str) -> list[str]:
    """Top-level comma-separated parts; a parenthesised part becomes a part of its own."""
    parts: list[str] = []
    buf: list[str] = []
    depth_ = 0
    for c in text:
        if c == "(":
            if depth_ == 0:
                parts.append("".join(buf))
                buf = []
            else:
                buf.append(c)
            depth_ += 1
        elif c == ")":
            depth_ = max(0, depth_ - 1)
            if depth_ == 0:
                parts.append("".join(buf))
                buf = []
            else:
                buf.append(c)
        elif c in ",;" and depth_ == 0:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(c)
    parts.append("".join(buf))
    return [p.strip(" \t.") for p in parts if p.strip(" \t.")]


def _level_of(key: str, voc: Vocabulary) -> tuple[int | None, str]:
    for i, (_, words) in enumerate(voc.levels):
        for w in words:
            if key.endswith(w):
                return i, key[: -len(w)]
    return None, key


@lru_cache(maxsize=4096)
def parse_unit(text: str | None) -> Unit:
    voc = vocabulary()
    n = len(voc.levels)
    if not text or not text.strip():
        return Unit(text or "", (None,) * n, (None,) * n, (), root=False)
    raw = _split(text)
    parts: list[str | None] = [None] * n
    path: list[str | None] = [None] * n
    names: list[str] = []
    level_names: list[str | None] = [None] * n
    last = -1
    for p in raw:
        key = squash(p)
        if not key:
            continue
        level, name = _level_of(key, voc)
        if level is None:
            if last < 0 and any(key.endswith(r) for r in voc.root):
                return Unit(text, (None,) * n, (None,) * n, (key,), root=True)
            level = last + 1
        if level >= n or path[level] is not None:
            continue
        parts[level], path[level] = p, key
        if len(name) >= 3:
            names.append(name)
            level_names[level] = name
        names.append(key)
        last = level
    return Unit(text, tuple(parts), tuple(path), tuple(dict.fromkeys(names)), False, tuple(level_names))


def named_head(key: str) -> tuple[int, str] | None:
    """``(level, unit name)`` of a title naming a unit's head by the unit's name:
    ``lastemajatalitusejuhataja`` → (talitus, ``lastemaja``)."""
    for level, hk in vocabulary().head_keys:
        if key.endswith(hk) and len(key) - len(hk) >= 3:
            return level, key[: -len(hk)]
    return None


def head_level(key: str, exact: bool) -> int | None:
    """The level whose head a title key names: ``talitusejuhataja`` → talitus. With ``exact`` only the
    generic title itself; otherwise also a named one (``ohvriabitalitusejuhataja``)."""
    for level, hk in vocabulary().head_keys:
        if key == hk or (not exact and key.endswith(hk)):
            return level
    return None
