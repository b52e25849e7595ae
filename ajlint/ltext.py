"""Located text: a string that remembers where each of its characters came from.

Readers strip markup (HTML tags, markdown emphasis, bullets) and join wrapped lines, yet every value
of the model must point back at the exact line and column of the source. An :class:`LText` is a string
plus a list of *segments*: ``text[off:next_off]`` was copied contiguously from source line ``line``
starting at column ``col``. Characters the reader inserted itself (a space joining two wrapped lines)
sit in a segment of their own that points just past the previous character.

Lines and columns are 1-based; a span's end column is exclusive (one past the last character),
so a one-character span has ``end_column == column + 1``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable, NamedTuple


class Span(NamedTuple):
    line: int
    column: int
    end_line: int
    end_column: int


class LText:
    # the lists are never changed in place once made: slices and rows made from one template share them
    __slots__ = ("text", "_offs", "_lines", "_cols")

    def __init__(self, text: str, offs: list[int], lines: list[int], cols: list[int]):
        self.text = text
        self._offs = offs
        self._lines = lines
        self._cols = cols

    # -- construction -------------------------------------------------------------------------
    @classmethod
    def at(cls, text: str, line: int, col: int = 1) -> "LText":
        """Text copied verbatim from ``line`` starting at column ``col``."""
        return cls(text, [0], [line], [col])

    @classmethod
    def empty(cls, line: int = 1, col: int = 1) -> "LText":
        return cls("", [0], [line], [col])

    @classmethod
    def concat(cls, parts: Iterable["LText"], sep: str = "") -> "LText":
        """Join parts; ``sep`` is synthetic text located just after the preceding part."""
        if parts.__class__ is list and len(parts) == 1 and len(parts[0]._offs) == 1:
            return parts[0]  # a cell or value of one run (the usual one): itself, as it is never changed
        text_parts: list[str] = []
        offs: list[int] = []
        lines: list[int] = []
        cols: list[int] = []
        n = 0
        first = True
        for p in parts:
            if not first and sep:
                ln, c = _end_pos(offs, lines, cols, n)
                offs.append(n)
                lines.append(ln)
                cols.append(c)
                text_parts.append(sep)
                n += len(sep)
            first = False
            for o, ln, c in zip(p._offs, p._lines, p._cols):
                if o >= len(p.text) and p.text:
                    continue
                offs.append(n + o)
                lines.append(ln)
                cols.append(c)
            text_parts.append(p.text)
            n += len(p.text)
        if not offs:
            return cls.empty()
        # contiguous segments stay separate: merging them costs more than it saves in look-ups
        return cls("".join(text_parts), offs, lines, cols)

    # -- positions ----------------------------------------------------------------------------
    def pos(self, i: int) -> tuple[int, int]:
        """(line, column) of character ``i`` (``i == len`` gives the position after the end)."""
        if i >= len(self.text) and self.text:
            ln, c = self.pos(len(self.text) - 1)
            return ln, c + 1
        k = bisect_right(self._offs, i) - 1
        if k < 0:
            k = 0
        return self._lines[k], self._cols[k] + (i - self._offs[k])

    def span(self, start: int = 0, end: int | None = None) -> Span:
        if len(self._offs) == 1:  # one contiguous run (most values): no search
            ln, c0, n = self._lines[0], self._cols[0], len(self.text)
            if end is None:
                end = n
            if end <= start:
                c = c0 + min(start, n) if n else c0
                return Span(ln, c, ln, c)
            if not n:
                return Span(ln, c0 + start, ln, c0 + end)
            return Span(ln, c0 + min(start, n), ln, c0 + min(end - 1, n) + 1)
        if end is None:
            end = len(self.text)
        if end <= start:
            ln, c = self.pos(start) if self.text else (self._lines[0], self._cols[0])
            return Span(ln, c, ln, c)
        ln, c = self.pos(start)
        eln, ec = self.pos(end - 1)
        return Span(ln, c, eln, ec + 1)

    def start_in(self, run: "LText") -> int | None:
        """Where this text is in ``run`` (a text of one run), when it is one run that is a slice of it:
        ``run._slice(k, k + len(self))`` is then this text; else None."""
        if len(self._offs) != 1 or len(run._offs) != 1 or self._lines[0] != run._lines[0]:
            return None
        k = self._cols[0] - run._cols[0]
        if k < 0 or run.text[k:k + len(self.text)] != self.text:
            return None
        return k

    @property
    def line(self) -> int:
        return self.pos(0)[0] if self.text else self._lines[0]

    @property
    def end_line(self) -> int:
        return self.span().end_line

    # -- string-like operations ---------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        s = self.span()
        return f"LText({self.text!r} @{s.line}:{s.column})"

    def __bool__(self) -> bool:
        return bool(self.text)

    def __getitem__(self, key: slice) -> "LText":
        if not isinstance(key, slice):
            raise TypeError("LText supports slices only")
        start, stop, _ = key.indices(len(self.text))
        return self._slice(start, stop)

    def _slice(self, start: int, stop: int) -> "LText":
        """``self[start:stop]`` for ``0 <= start, stop <= len(self)`` (the strips call it directly: no
        slice object to make and normalise)."""
        if stop < start:
            stop = start
        offs = self._offs
        if len(offs) == 1:  # one contiguous run (the common case): no search, and its lists are shared
            return LText(self.text[start:stop], offs, self._lines, [self._cols[0] + start])
        if start == stop:
            ln, c = self.pos(start) if self.text else (self._lines[0], self._cols[0])
            return LText("", [0], [ln], [c])
        k = max(bisect_right(offs, start) - 1, 0)
        new_offs = [0]
        lines = [self._lines[k]]
        cols = [self._cols[k] + (start - offs[k])]
        for j in range(k + 1, len(offs)):
            o = offs[j]
            if o >= stop:
                break
            new_offs.append(o - start)
            lines.append(self._lines[j])
            cols.append(self._cols[j])
        return LText(self.text[start:stop], new_offs, lines, cols)

    def strip(self, chars: str | None = None) -> "LText":
        t = self.text
        left = len(t) - len(t.lstrip(chars))
        right = len(t.rstrip(chars))
        if left == 0 and right == len(t):
            return self  # nothing to strip: LText is never changed in place, so sharing is safe
        return self._slice(left, max(right, left))

    def lstrip(self, chars: str | None = None) -> "LText":
        t = self.text
        left = len(t) - len(t.lstrip(chars))
        if not left and len(self._offs) == 1:
            return self  # the slice would be this run itself
        return self._slice(left, len(t))

    def rstrip(self, chars: str | None = None) -> "LText":
        right = len(self.text.rstrip(chars))
        if right == len(self.text) and len(self._offs) == 1:
            return self
        return self._slice(0, right)

    def split(self, pattern: re.Pattern[str] | str) -> list["LText"]:
        """Split on a regex (like ``re.split`` without groups)."""
        rx = re.compile(pattern) if isinstance(pattern, str) else pattern
        out: list[LText] = []
        last = 0
        for m in rx.finditer(self.text):
            if m.end() == m.start():
                continue
            out.append(self[last:m.start()])
            last = m.end()
        out.append(self[last:])
        return out


def _end_pos(offs, lines, cols, n) -> tuple[int, int]:
    """Position just past the character at offset ``n - 1``."""
    if n == 0:
        return lines[-1], cols[-1]
    k = bisect_right(offs, n - 1) - 1
    return lines[k], cols[k] + (n - 1 - offs[k]) + 1
