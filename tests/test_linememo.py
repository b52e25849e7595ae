"""ajlint.linememo: results kept by line text must be the results of searching every line."""

import random
import re

from ajlint import linememo
from ajlint.linememo import per_line, remember


def _reference(lines, starts, find):
    return [(start, x) for ln, start in zip(lines, starts) for x in find(ln)]


def _starts(lines):
    out, pos = [], 0
    for ln in lines:
        out.append(pos)
        pos += len(ln) + 1
    return out


def test_per_line_is_every_line_searched():
    rng = random.Random(7)
    words = ["", "KOV", "ja", "ametikoht", "XXX", "  ", "töö", "PPA (edaspidi PPA)"]
    rx = re.compile(r"[A-Z]{2,}")
    calls = []

    def find(ln):
        calls.append(ln)
        return [(m.start(), m.group()) for m in rx.finditer(ln)]

    memo: dict = {}
    for _ in range(300):  # documents sharing, repeating and adding lines
        lines = [" ".join(rng.choice(words) for _ in range(rng.randrange(4))) for _ in range(rng.randrange(12))]
        if lines and rng.random() < 0.5:
            lines.append(lines[0])  # a line twice in one document
        starts = _starts(lines)
        calls.clear()
        got = list(per_line(lines, starts, memo, find))
        assert len(calls) == len(set(calls))  # each new line searched once
        assert got == _reference(lines, starts, find)
    assert memo  # the lines are kept


def test_per_line_keeps_results_of_a_line_that_has_none():
    memo: dict = {}
    seen = []
    find = lambda ln: seen.append(ln) or ()
    list(per_line(["a", "b"], [0, 2], memo, find))
    list(per_line(["b", "a"], [0, 2], memo, find))
    assert seen == ["a", "b"]


def test_per_line_bounded(monkeypatch):
    monkeypatch.setattr(linememo.remember, "__defaults__", (5,))  # the limit per_line's memo is kept to
    memo: dict = {}
    lines = [f"line {i}" for i in range(20)]
    assert list(per_line(lines, _starts(lines), memo, lambda ln: [ln])) == list(zip(_starts(lines), lines))
    assert len(memo) <= 5


def test_remember_empties_a_full_memo():
    memo = {i: i for i in range(3)}
    assert remember(memo, "k", 1, limit=3) == 1
    assert memo == {"k": 1}


def test_data_memos_hold_while_the_data_is_the_same_object():
    from ajlint.linememo import DataMemos

    memos = DataMemos(2)
    data, other = object(), object()
    a, b = memos.of(data)
    a["line"] = 1
    assert memos.of(data) == ({"line": 1}, {}) and memos.of(data)[0] is a and a is not b
    assert memos.of(other) == ({}, {})  # rule data read anew: empty memos
    assert memos.of(data) == ({}, {})
