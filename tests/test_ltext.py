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
