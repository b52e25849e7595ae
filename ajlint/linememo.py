"""Results kept for the run by what they depend on: above all, a line's text.

The job descriptions of one organisation share a template: most of their lines recur word for word
from document to document. A rule or reader that searches each line on its own (a pattern that never
crosses a line break, a word that never spans one) can keep each line's results by the line's text; a
recurring line then costs one dictionary lookup instead of a search. Every such memo is bounded:
:func:`remember` empties a full one.
"""

from __future__ import annotations

from itertools import compress, repeat
from typing import Any, Callable, Generic, Iterable, Iterator, TypeVar

T = TypeVar("T")

#: lines kept per memo; a full memo is emptied and refilled
MAX_LINES = 50000
#: per_line: what a memo gives for a line it does not hold (true, unlike an empty tuple of results)
_MISSING = object()


class DataBound(Generic[T]):
    """A value made from rule data by ``make(data)``, kept while the data is the same object: data read
    anew (another configuration, a test with data of its own) makes it anew."""

    __slots__ = ("_make", "_data", "_value")

    def __init__(self, make: Callable[[Any], T]):
        self._make = make
        self._data: object = _MISSING
        self._value: T | None = None

    def of(self, data) -> T:
        """The value for ``data``."""
        if self._data is not data:
            self._data, self._value = data, self._make(data)
        return self._value  # type: ignore[return-value]


class DataMemos(DataBound[tuple]):
    """``n`` memos (dicts) that hold while the rule data they were made from is the same object: data
    read anew starts them empty."""

    __slots__ = ()

    def __init__(self, n: int = 1):
        super().__init__(lambda _: tuple({} for _ in range(n)))


def remember(memo: dict, key, value, limit: int = MAX_LINES):
    """``memo[key] = value``, the memo emptied first when it holds ``limit`` entries; returns ``value``."""
    if len(memo) >= limit:
        memo.clear()
    memo[key] = value
    return value


def per_line(lines: list[str], starts: list[int], memo: dict[str, tuple], find: Callable[[str], Iterable[T]]
             ) -> Iterator[tuple[int, T]]:
    """``(offset of the line in the text, result)`` for every result of ``find(line)`` on every line, in
    text order; ``memo`` keeps each line's results by its text. ``find`` must see only the line: at its
    edges it sees the start and end of a string where the text has a line break."""
    # every line is looked up, and the lines with results picked, in C: in a document of a known
    # template nearly every line is in the memo and has no result. A line not in the memo gets the
    # truthy _MISSING, so compress picks it too and it is searched where it stands: no second pass over
    # the lines looks for the few new ones (each new line is missed by every rule's memo)
    got = list(map(memo.get, lines, repeat(_MISSING)))
    for i in compress(range(len(got)), got):
        found = got[i]
        if found is _MISSING:
            ln = lines[i]
            found = memo.get(ln)  # the same line earlier in this document
            if found is None:
                found = remember(memo, ln, tuple(find(ln)))
            got[i] = found
        start = starts[i]
        for x in found:
            yield start, x
