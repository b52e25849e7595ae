"""The text rendering of a binary document (Word, OpenDocument, PDF) and its rows, built together.

Line and column of every finding refer to this rendering (``ajlint parse --text FILE`` prints it):

* a paragraph is a line (a line break inside it starts a new line); a heading is its text;
* a list paragraph is ``▪ text`` (its own bullet character), a numbered one ``3.1 text``;
* a table row is one line, its cells separated by a tab; a cell's paragraphs are joined by a space
  on that line, each becoming an :class:`~ajlint.readers.rows.Item` of its own (with its bullet), so
  the extractor sees list items exactly as it sees ``<li>`` items of a markdown cell; a one-column
  table is rendered as paragraphs;
* an empty paragraph is an empty line; a paragraph that is a suppression directive
  (``# ajlint: disable-next-line=AJ701``) stays on its line for the engine but is not content.

Each line also gets its *locator* (``paragraph 12``, ``table 2, row 3, cell 2``, ``page 4``) by
column, for the findings on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ajlint.ltext import LText
from ajlint.readers.rows import _DIRECTIVE_LINE, Item, Row, _append_bulleted

_TABS = re.compile(r"\t+")
_CONTROL = {c: " " for c in range(32) if chr(c) not in "\t\n"}
_CONTROL.update({ord("\r"): "\n", ord("\v"): "\n", ord("\f"): "\n", 0x7F: " "})


@dataclass
class Para:
    """One paragraph as a reader saw it."""

    text: str
    bullet: str | None = None  # the list bullet the format draws before it (not part of the text)
    label: str | None = None  # an automatic number the format draws before it ("3.1", "a)")
    heading: int = 0


@dataclass
class Rendering:
    lines: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    locators: dict[int, list[tuple[int, str]]] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + ("\n" if self.lines else "")

    def _next(self) -> int:
        return len(self.lines) + 1

    def blank(self, locator: str | None = None) -> None:
        n = self._next()
        self.lines.append("")
        self.rows.append(Row(n, [[]]))
        if locator:
            self.locators[n] = [(1, locator)]

    def paragraph(self, p: Para, locator: str | None) -> None:
        """A body paragraph: one line per line of its text; tabs split it into cells as in text files."""
        pieces = _clean(p.text).split("\n")
        for k, piece in enumerate(pieces):
            first = k == 0
            prefix = ""
            if first and p.bullet:
                prefix = p.bullet + " "
            elif first and p.label:
                prefix = p.label + " "
            line = prefix + piece
            n = self._next()
            self.lines.append(line)
            if locator:
                self.locators[n] = [(1, locator)]
            if not line.strip() or _DIRECTIVE_LINE.match(line):
                # a "# ajlint: disable-next-line=…" paragraph silences findings, as in text files; it
                # is not content
                self.rows.append(Row(n, [[]], heading_level=p.heading))
                continue
            whole = LText.at(line, n, 1)
            cell_lts = whole.split(_TABS) if "\t" in whole.text.strip() else [whole]
            cells: list[list[Item]] = []
            for ci, lt in enumerate(cell_lts):
                items: list[Item] = []
                if ci == 0 and first and p.bullet:
                    _bulleted(items, lt[len(prefix):], p.bullet)
                else:
                    _append_bulleted(items, lt, True)
                if items:
                    cells.append(items)
            cells = cells or [[]]
            table = "tab" if len(cells) > 1 else None
            self.rows.append(Row(n, cells, table=table, heading_level=p.heading))

    def table_row(self, cells: list[list[Para]], locators: list[str | None]) -> None:
        """One table row on one line: cells separated by a tab, a cell's paragraphs by a space."""
        n = self._next()
        line_parts: list[str] = []
        row_cells: list[list[Item]] = []
        locs: list[tuple[int, str]] = []
        col = 1
        # empty cells at the end of the row (merged or blank) keep their place in the row's cells but
        # add no trailing tabs to the line
        last = max((ci for ci, paras in enumerate(cells) if any(p.text.strip() for p in paras)), default=-1)
        for ci, paras in enumerate(cells):
            if ci > last:
                row_cells.append([])
                continue
            if ci:
                line_parts.append("\t")
                col += 1
            if ci < len(locators) and locators[ci]:
                locs.append((col, locators[ci]))  # type: ignore[arg-type]
            items: list[Item] = []
            first = True
            for p in paras:
                for k, piece in enumerate(_clean(p.text).replace("\t", " ").split("\n")):
                    piece = piece.strip()
                    if not piece:
                        continue
                    prefix = ""
                    if k == 0 and p.bullet:
                        prefix = p.bullet + " "
                    elif k == 0 and p.label:
                        prefix = p.label + " "
                    if not first:
                        line_parts.append(" ")
                        col += 1
                    first = False
                    shown = prefix + piece
                    lt = LText.at(shown, n, col)
                    if k == 0 and p.bullet:
                        _bulleted(items, lt[len(prefix):], p.bullet)
                    else:
                        _append_bulleted(items, lt, True)
                    line_parts.append(shown)
                    col += len(shown)
            row_cells.append(items)
        line = "".join(line_parts)
        self.lines.append(line)
        if locs:
            self.locators[n] = locs
        if not line.strip():
            self.rows.append(Row(n, [[]]))
            return
        self.rows.append(Row(n, row_cells, table="tab"))


def _bulleted(items: list[Item], lt: LText, bullet: str) -> None:
    before = len(items)
    _append_bulleted(items, lt, False)
    if len(items) > before and items[before].bullet is None:
        items[before].bullet = bullet
    elif len(items) == before:
        items.append(Item(lt.strip(), bullet))


def _clean(text: str) -> str:
    """Control characters out (they would be taken for binary data), no-break spaces kept as spaces."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n")
    return text.translate(_CONTROL)


def locator_at(locators: dict[int, list[tuple[int, str]]] | None, line: int, column: int = 1) -> str | None:
    """The locator of a (line, column) of the rendering."""
    if not locators:
        return None
    entries = locators.get(line)
    if not entries:
        return None
    found = entries[0][1]
    for col, loc in entries:
        if col <= column:
            found = loc
        else:
            break
    return found
