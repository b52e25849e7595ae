"""The hygiene rules' answers kept by line text must be the answers worked out afresh, whatever
documents came before (other formats, other markup on the same line, places off the text)."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import example, given, settings
from hypothesis import strategies as st

from ajlint.builtin.rules.hygiene.aj503_list_style import bullet_of, bullets
from ajlint.builtin.rules.hygiene.data import compiled
from ajlint.builtin.rules.hygiene.textview import build

PIECES = ["▪ ", "• ", "- ", "* ", "» ", "= ", "<li>", "</li>", "<ul>", "<b>", "**", "  ", "\t", "| ", "x",
          "Teenus on tagatud.", "<nimi>", "<!-- c -->"]
lines_st = st.lists(st.lists(st.sampled_from(PIECES), max_size=6).map("".join), min_size=1, max_size=5)
FORMATS = ["markdown", "text", "html"]


@settings(max_examples=200, deadline=None)
@given(lines=lines_st, formats=st.permutations(FORMATS + FORMATS))
@example(lines=["- <b>Teenus", "x <li>= y</li><li>» z", "* **x**"], formats=FORMATS + FORMATS)
def test_bullets_are_bullet_of_at_every_place(lines, formats):
    # the same lines read in every format in turn: the same line text with other markup (a tag is markup
    # in markdown and HTML, text in a text document), an item at every column and some off the text
    data = compiled()
    on_text = [(n, c) for n, ln in enumerate(lines, start=1) for c in range(-1, len(ln) + 3)]
    for fmt in formats:
        tv = build("\n".join(lines), fmt)
        for places in (on_text, on_text + [(0, 1), (len(lines) + 1, 1), (-1, 2)]):
            items = [SimpleNamespace(line=line, column=column) for line, column in places]
            found = bullets(tv, items, data)
            expected = [bullet_of(tv, line, column, data) for line, column in places]
            assert [answer for _, answer, _ in found] == expected
            assert [ch for _, _, ch in found] == [b[0] if b else None for b in expected]
