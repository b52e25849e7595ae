"""Splitting a list of positions (1.4 Kes asendab: 'Jurist, analüütik (ennetus, toetused) või nõunik'):
the one-search-per-separator split must cut exactly where a character-by-character scan does."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ajlint.extract import _REF_SPLIT, split_refs
from ajlint.ltext import LText


def _split_by_scanning(value: LText) -> list[LText]:
    """The obvious version: at every character outside parentheses, try the separator pattern."""
    text = value.text
    out: list[LText] = []
    depth = 0
    last = 0
    i = 0
    while i < len(text):
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = _REF_SPLIT.match(text, i)
            if m and m.end() > m.start() and (c in ",;/" or c.isspace()):
                out.append(value[last:i])
                last = m.end()
                i = m.end()
                continue
        i += 1
    out.append(value[last:])
    return [p for p in (p.strip(" \t.,;:") for p in out) if p.text]


_WORDS = st.sampled_from(["Jurist", "nõunik", "ja", "või", "ning", "voi", "v6i", "(", ")", ",", ";", "/", " ",
                          "  ", "\t", ".", ":", "a", "ennetus 5", "ja(", ")ja"])


@settings(max_examples=600, deadline=None)
@given(parts=st.lists(_WORDS, max_size=14), line=st.integers(1, 40), col=st.integers(1, 20))
def test_split_refs_cuts_where_a_scan_cuts(parts, line, col):
    value = LText.at("".join(parts), line, col)
    got = split_refs(value)
    want = _split_by_scanning(value)
    assert [(p.text, p.span()) for p in got] == [(p.text, p.span()) for p in want]


def test_split_refs_keeps_parenthesised_lists_whole():
    got = split_refs(LText.at("Jurist, analüütik (ennetus, toetused) või nõunik (a (b, c), d)", 3, 5))
    assert [p.text for p in got] == ["Jurist", "analüütik (ennetus, toetused)", "nõunik (a (b, c), d)"]
