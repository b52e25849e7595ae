"""LText: a located string's positions. The one-segment fast path must agree with the general one."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ajlint.ltext import LText, Span


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="ab õ", min_size=1, max_size=12), line=st.integers(1, 50), col=st.integers(1, 80),
       cut=st.integers(0, 12), start=st.integers(0, 14), end=st.one_of(st.none(), st.integers(0, 14)))
def test_span_of_one_run_equals_span_of_the_same_run_in_two_pieces(text, line, col, cut, start, end):
    one = LText.at(text, line, col)
    cut = min(cut, len(text))
    two = LText.concat([one[:cut], one[cut:]])  # two segments, same positions: the general path
    if len(two._offs) == 1:
        return
    assert one.span(start, end) == two.span(start, end)


def test_span_of_a_one_line_value():
    lt = LText.at("Jurist", 7, 5)
    assert lt.span() == Span(7, 5, 7, 11)
    assert lt.span(2, 4) == Span(7, 7, 7, 9)
    assert lt.span(3, 3) == Span(7, 8, 7, 8)
    assert LText.at("", 3, 9).span() == Span(3, 9, 3, 9)


def _positions(lt: LText) -> list[tuple[int, int]]:
    """(line, column) of every character and of the position after the end."""
    return [lt.pos(i) for i in range(len(lt.text) + 1)]


_PIECES = st.lists(st.tuples(st.text(alphabet="ab .:*\t", max_size=6), st.integers(1, 9), st.integers(1, 30)),
                   min_size=1, max_size=4)


@settings(max_examples=400, deadline=None)
@given(pieces=_PIECES, start=st.integers(-12, 14), stop=st.one_of(st.none(), st.integers(-12, 14)),
       chars=st.sampled_from([None, " .", " *:#_", "\t"]))
def test_slices_and_strips_keep_every_characters_position(pieces, start, stop, chars):
    """A slice or a strip is the same characters at the same places as in the whole text, whatever its
    segments (a run of one piece takes the fast path)."""
    lt = LText.concat([LText.at(t, ln, c) for t, ln, c in pieces])
    whole = _positions(lt)
    sl = lt[start:stop]
    a, b, _ = slice(start, stop).indices(len(lt.text))
    assert sl.text == lt.text[a:b]
    if sl.text:
        assert _positions(sl)[:-1] == whole[a:a + len(sl.text)]
    left = len(lt.text) - len(lt.text.lstrip(chars))  # where a strip's text starts in the whole
    for got, want, k in ((lt.strip(chars), lt.text.strip(chars), left), (lt.lstrip(chars), lt.text.lstrip(chars), left),
                         (lt.rstrip(chars), lt.text.rstrip(chars), 0)):
        assert got.text == want
        if want:
            assert _positions(got)[:-1] == whole[k:k + len(want)]


@settings(max_examples=200, deadline=None)
@given(pieces=_PIECES, sep=st.sampled_from(["", " "]))
def test_concat_of_one_part_is_that_part(pieces, sep):
    """The one-part shortcut of concat gives what joining gives (the parts made into one run first)."""
    for t, ln, c in pieces:
        part = LText.at(t, ln, c)
        got = LText.concat([part], sep)
        want = LText.concat(iter([part]), sep)  # an iterator takes the general path
        assert (got.text, got._offs, got._lines, got._cols) == (want.text, want._offs, want._lines, want._cols)
