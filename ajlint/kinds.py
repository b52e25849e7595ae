"""What the kind terms of ``rules/terms.toml`` say of a text: the kind of position a document is written
for (a civil servant's or an employee's).

``[kinds.*].markers`` are phrases that decide the kind by themselves ("Töölepingu juurde kuuluv lisa");
``[kinds.*].terms`` are the words a heading or label of that kind begins with. The extractor
(``JobDescription.kind``) and AJ107 (the kind a document's words must follow) ask the same
:class:`KindSearch`, so both find a marker in the same texts, and a text asked by both is searched once.
"""

from __future__ import annotations

from typing import Any

from ajlint.linememo import DataBound, remember
from ajlint.textnorm import OCR_LETTERS, fold, squash


class KindSearch:
    """The markers and terms of ``kinds`` (``terms().kinds``), and what they find in a text, kept by the
    text: the top lines, headings and labels of one template recur in every document."""

    __slots__ = ("markers", "_letters", "_stems", "_held", "_begins")

    def __init__(self, kinds: dict[str, Any]):
        #: (kind, squashed marker), in the terms' order
        self.markers: list[tuple[str, str]] = [
            (kind, mk) for kind, spec in kinds.items() for mk in map(squash, spec.markers) if mk]
        # per marker: its letters that a text holding it has in its folded text too (see held)
        self._letters = tuple("".join(sorted(set(mk) - OCR_LETTERS)) for _, mk in self.markers)
        self._stems = [(kind, [st for st in map(squash, spec.terms) if st]) for kind, spec in kinds.items()]
        self._held: dict[str, tuple[int, ...]] = {}
        self._begins: dict[str, frozenset[str]] = {}

    def held(self, text: str) -> tuple[int, ...]:
        """The indexes in ``markers`` of the markers ``text`` holds (compared squashed: case, diacritics,
        punctuation, spacing and OCR look-alikes aside)."""
        got = self._held.get(text)
        if got is None:
            # squashing a text (OCR look-alikes replaced word by word) costs far more than folding it; a
            # marker can stand in the squashed text only if its letters other than OCR's stand in the
            # folded text, which most texts lack
            folded = fold(text)
            if any(all(map(folded.__contains__, letters)) for letters in self._letters):
                sq = squash(text)
                got = tuple(i for i, (_, mk) in enumerate(self.markers) if mk in sq)
            else:
                got = ()
            remember(self._held, text, got)
        return got

    def begins(self, text: str) -> frozenset[str]:
        """The kinds whose terms a heading or label ``text`` begins with (squashed)."""
        got = self._begins.get(text)
        if got is None:
            key = squash(text)
            got = remember(self._begins, text,
                           frozenset(k for k, sts in self._stems if any(key.startswith(st) for st in sts)))
        return got


_SEARCH: DataBound[KindSearch] = DataBound(KindSearch)


def kind_search(kinds: dict[str, Any]) -> KindSearch:
    """The search of ``kinds`` (``terms().kinds``): one for as long as the terms are the same object."""
    return _SEARCH.of(kinds)
