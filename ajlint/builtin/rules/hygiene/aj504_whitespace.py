import re
from bisect import bisect_right
from itertools import compress, repeat
from operator import add, ne
from typing import Iterable, Iterator

from ajlint.diagnostics import Edit, Fix, Message, Severity
from ajlint.ltext import Span
from ajlint.rule import Rule

from ajlint.builtin.rules.hygiene.textview import view

_TAB = re.compile(r"(?<=\S) *\t[ \t]*(?=\S)")
_PIPE_ROW = re.compile(r"^\s*\|")
_BLANKS = " \t\xa0"


def _space_runs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every run of two spaces or more, left to right. The runs are found with str.find,
    which skips through the text faster than a pattern's scan for a space; whether a run stands between
    two non-space characters is checked by the caller (with the neighbours in a pattern, a match would
    be tried at every character)."""
    size = len(text)
    k = text.find("  ")
    while k >= 0:
        end = k + 2
        while end < size and text[end] == " ":
            end += 1
        yield k, end
        k = text.find("  ", end)


def _deletions(offsets: list[int], a: Iterable[int], b: Iterable[int]) -> tuple[Edit, ...]:
    """Edits deleting the text from ``offsets[k] + a[k]`` to ``offsets[k] + b[k]``, for every k, made in C:
    a fix may delete the blanks at hundreds of line ends, and ``tuple.__new__`` makes an :class:`Edit`
    (a named tuple) without calling its ``__new__`` written in Python."""
    return tuple(map(tuple.__new__, repeat(Edit), zip(map(add, offsets, a), map(add, offsets, b), repeat(""))))


class Whitespace(Rule):
    """Doubled spaces, spaces at the ends of lines, tabs inside sentences.

    What it does
        In markdown and text documents (in HTML, whitespace carries no meaning) it reports:

        * a run of two or more spaces between words (``ja  tegevuskava``), one finding each;
        * a tab inside a sentence — between a word and a lower-case word on a line that is not part of
          a tab-separated grid (tabs that separate the cells of a grid are layout, not text);
        * spaces and tabs at the ends of lines: **one finding per document**, on the first such line,
          counting them all, with one fix that removes them all.

        Not reported: indentation, the padding of pipe-table cells, whitespace next to HTML tags,
        fenced code, a markdown hard line break (exactly two spaces at the end of a line followed by
        more text), and in text documents a gap of three or more spaces before a capital or a digit
        (column layout of extracted text, not a typing slip).

        Why one finding for trailing spaces: text extracted from PDF ends nearly every line with a
        space (hundreds per document). They are invisible, say nothing about the content and are
        removed in one step; a finding per line would bury every other finding of the document. A
        doubled space is visible in the published text and sits at one place, so it is reported
        where it is.

    Why it matters
        Registers publish the text as it is: doubled spaces show as gaps, and stray whitespace makes
        comparisons of versions noisy (every changed line looks changed).

    Example
        ``3.1 Tiimi juhtimine ja         arendamine, sh:⎵``

    Use instead
        ``3.1 Tiimi juhtimine ja arendamine, sh:``

    Fix safety
        Safe: the fixes only replace a run of spaces or a tab inside a sentence with one space and
        delete whitespace at line ends; the words are untouched and markdown line breaks are left
        alone.
    """

    code = "AJ504"
    name = "whitespace"
    severity = Severity.INFO
    fixable = True
    messages = {
        "double": Message(
            en="{count} spaces in a row; use one",
            et="{count} tühikut järjest; kasuta ühte",
        ),
        "tab": Message(
            en="Tab inside a sentence; use a space",
            et="Tabulaator lause sees; kasuta tühikut",
        ),
        "trailing_one": Message(
            en="Line ends with spaces or tabs",
            et="Rea lõpus on tühikud või tabulaatorid",
        ),
        "trailing_many": Message(
            en="{count} lines end with spaces or tabs (lines {first}–{last}); remove them all at once",
            et="{count} rea lõpus on tühikud või tabulaatorid (read {first}–{last}); eemalda need korraga",
        ),
    }

    def check(self, doc):
        tv = view(doc)
        if tv.fmt not in ("markdown", "text"):
            return
        # doubled spaces: the whole text is searched at once and each run placed on its line (most lines
        # have none, and a search in C costs less than a look at every line in Python); line ends: every
        # line's length with and without the blanks at its end, measured in C, and only the lines that
        # have some looked at in Python (cheaper than a pattern's "$", which is tried at every blank)
        text, lines, starts, code = tv.text, tv.lines, tv.starts, tv.code_lines
        text_fmt = tv.fmt == "text"
        md = tv.fmt == "markdown"
        lens = list(map(len, lines))
        ends = list(map(len, map(str.rstrip, lines, repeat(_BLANKS))))
        trailing = list(compress(range(len(lines)), map(ne, ends, lens)))  # 0-based line indices
        if trailing and (md or code):
            last = len(lines) - 1
            trailing = [i for i in trailing if i + 1 not in code and not (  # a markdown hard line break
                md and ends[i] > 0 and lines[i][ends[i]:] == "  " and i < last and lines[i + 1].strip() != "")]
        pipe_rows: dict[int, bool] = {}
        size = len(text)
        for d_start, d_end in _space_runs(text):
            if d_start == 0 or d_end == size or text[d_start - 1].isspace() or text[d_end].isspace():
                continue
            n = bisect_right(starts, d_start)
            if n in code:
                continue
            li = n - 1
            ln = lines[li]
            a, b = d_start - starts[li], d_end - starts[li]
            if self._next_to_markup(tv, li, a, b):
                continue
            pipe_row = pipe_rows.get(n)
            if pipe_row is None:
                pipe_row = pipe_rows[n] = _PIPE_ROW.match(ln) is not None
            if pipe_row and (ln[a - 1] == "|" or ln[b] == "|"):
                continue
            if text_fmt and b - a >= 3 and (ln[b].isupper() or ln[b].isdigit()):
                continue
            fix = Fix(edits=(Edit(d_start, d_end, " "),), description="replace the spaces with one")
            yield self.diag(doc, Span(n, a + 1, n, b + 1), "double", fix=fix, count=b - a)
        if "\t" in text:
            tab_lines = {n for n, ln in enumerate(lines, start=1) if "\t" in ln}
            for n in sorted(tab_lines):
                ln = lines[n - 1]
                if n in code or self._in_grid(lines, tab_lines, n):
                    continue
                li = n - 1
                for t in _TAB.finditer(ln):
                    a, b = t.start(), t.end()
                    if not (ln[a - 1].isalpha() or ln[a - 1] in ",;") or not ln[b].islower():
                        continue
                    if self._next_to_markup(tv, li, a, b):
                        continue
                    fix = Fix(edits=(Edit(starts[li] + a, starts[li] + b, " "),),
                              description="replace the tab with a space")
                    yield self.diag(doc, Span(n, a + 1, n, b + 1), "tab", fix=fix)
        if trailing:
            i = trailing[0]
            offsets = list(map(starts.__getitem__, trailing))
            edits = _deletions(offsets, map(ends.__getitem__, trailing), map(lens.__getitem__, trailing))
            fix = Fix(edits=edits, description="remove whitespace at the ends of lines")
            span = Span(i + 1, ends[i] + 1, i + 1, lens[i] + 1)
            if len(trailing) == 1:
                yield self.diag(doc, span, "trailing_one", fix=fix)
            else:
                yield self.diag(doc, span, "trailing_many", fix=fix, count=len(trailing),
                                first=trailing[0] + 1, last=trailing[-1] + 1)

    @staticmethod
    def _next_to_markup(tv, li: int, a: int, b: int) -> bool:
        if not tv.markup[li]:
            return False
        return (tv.markup_at(li, a - 1) is not None or tv.markup_at(li, b) is not None
                or tv.markup_at(li, a) is not None)

    @staticmethod
    def _in_grid(lines: list[str], tab_lines: set[int], n: int) -> bool:
        """A line of a tab-separated grid: the nearest non-blank line above or below has tabs too."""
        for step in (-1, 1):
            k = n + step
            while 1 <= k <= len(lines) and not lines[k - 1].strip():
                k += step
            if k in tab_lines:
                return True
        return False
