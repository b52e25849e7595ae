"""Text, markdown (with inline HTML) and HTML into located rows of cells of items.

This is the one shape every text reader produces and the extractor consumes:

* a :class:`Row` is a physical line (or an HTML table row / block),
* its ``cells`` come from tab-separated columns or pipe-table cells (a plain line has one cell),
* a cell holds :class:`Item` s: paragraphs split at ``<li>``, ``<p>``, ``<br>`` and bullet characters,
  each an :class:`~ajlint.ltext.LText` that still knows its source columns.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from ajlint.linememo import remember
from ajlint.ltext import LText

# Characters that start a list item. ▪ • ● ◦ ■ are unambiguous anywhere; the others only at the start
# of a line (OCR turns ▪ into = or », markdown uses - and *).
STRONG_BULLETS = "▪•●◦■□▫‣⁃"
LINE_BULLETS = STRONG_BULLETS + "»=*-–·o"
_LINE_BULLET_RX = re.compile(r"^\s*([" + re.escape(STRONG_BULLETS) + r"»=*·]|[-–](?=\s)|o(?=\s))\s*")
_INNER_BULLET_RX = re.compile(r"\s*[" + re.escape(STRONG_BULLETS) + r"]\s*")
_PIPE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_PIPE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
_INLINE = re.compile(
    r"<(?P<close>/)?(?P<tag>[a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?/?>"  # HTML tag
    r"|(?P<emph>\*\*|__)"  # markdown strong emphasis
    r"|(?P<ent>&(?:[a-zA-Z]{2,8}|#\d{1,6}|#x[0-9a-fA-F]{1,5});)"
)
_BREAK_TAGS = {"li", "p", "br", "ul", "ol", "div", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "td", "th"}


@dataclass
class Item:
    text: LText
    bullet: str | None = None


class Row:
    """A line (or HTML block or table row) of cells of items. ``items`` and ``blank`` are worked out
    once, when the row is made: the extractor asks for them many times per row."""

    __slots__ = ("line", "cells", "table", "heading_level", "items", "blank", "plain", "source", "single")

    def __init__(self, line: int, cells: list[list[Item]], table: str | None = None, heading_level: int = 0,
                 plain: str | None = None, source: str | None = None):
        self.line = line
        #: the source line the row was made from, when it is made from that text alone (rows of one text
        #: are alike but for their line number): the extractor's section memo keys on it
        self.source = source
        self.cells = cells
        self.table = table  # 'tab', 'pipe', 'html' or None
        self.heading_level = heading_level
        self.items: list[Item] = [it for cell in cells for it in cell] if cells else []
        #: the items' text joined by a space and stripped (not located)
        self.plain: str = plain if plain is not None else " ".join(it.text.text for it in self.items).strip()
        self.blank: bool = not self.plain
        #: the text of the row's only item, when it has one cell of one item (a heading can be only that)
        self.single: str | None = cells[0][0].text.text if len(cells) == 1 and len(cells[0]) == 1 else None

    def __repr__(self) -> str:
        return f"Row({self.line}, {self.cells!r}, table={self.table!r}, heading_level={self.heading_level})"

    def item_texts(self) -> list[str]:
        """The text of each item (without making the items of a row that has not made them yet)."""
        return [it.text.text for it in self.items]

    @property
    def text(self) -> LText:
        """All items joined by a space."""
        return LText.concat([it.text for it in self.items if it.text], " ")

    def cell_text(self, i: int) -> LText:
        return LText.concat([it.text for it in self.cells[i] if it.text], " ")

    def cell_plain(self, i: int) -> str:
        """``cell_text(i).text`` without locating it."""
        return " ".join(it.text.text for it in self.cells[i] if it.text.text)

    @property
    def multi_cell(self) -> bool:
        return len(self.cells) > 1


_MARKUP = re.compile(r"[<*_&]")


def split_items(cell: LText, allow_line_bullet: bool = True) -> list[Item]:
    """Split one cell's raw text into items: strip tags and emphasis, split at list boundaries."""
    if not _MARKUP.search(cell.text):  # the common case: plain text, no markup to strip
        if not cell.text.strip():
            return []
        plain: list[Item] = []
        _append_bulleted(plain, cell, allow_line_bullet)
        return [it for it in plain if it.text.text.strip() or it.bullet]
    items: list[Item] = []
    pieces: list[LText] = []

    def flush():
        if pieces:
            lt = LText.concat(pieces)
            pieces.clear()
            _append_bulleted(items, lt, allow_line_bullet or bool(items))
        elif items and items[-1].text.text.strip() == "":
            pass

    last = 0
    for m in _INLINE.finditer(cell.text):
        if m.start() > last:
            pieces.append(cell[last:m.start()])
        if m.group("tag"):
            tag = m.group("tag").lower()
            if tag in _BREAK_TAGS:
                flush()
        elif m.group("ent"):
            ch = html.unescape(m.group("ent"))
            ent = cell[m.start():m.end()]
            line, col = ent.pos(0)
            pieces.append(LText.at(ch.replace("\xa0", " "), line, col))
        # emphasis markers are simply dropped
        last = m.end()
    if last < len(cell.text):
        pieces.append(cell[last:])
    flush()
    return [it for it in items if it.text.text.strip() or it.bullet]


def _append_bulleted(items: list[Item], lt: LText, allow_line_bullet: bool) -> None:
    """Split at inner bullets (▪ A▪ B) and record a leading bullet."""
    parts = _split_inner_bullets(lt)
    for i, (bullet, part) in enumerate(parts):
        part = part.strip()
        if bullet is None and i == 0 and allow_line_bullet:
            m = _LINE_BULLET_RX.match(part.text)
            if m and m.end() < len(part.text):
                bullet = m.group(1)
                part = part[m.end():]
        if not part.text.strip() and bullet is None:
            continue
        items.append(Item(part.strip(), bullet))


_ANY_STRONG = re.compile("[" + re.escape(STRONG_BULLETS) + "]")


def _split_inner_bullets(lt: LText) -> list[tuple[str | None, LText]]:
    if not _ANY_STRONG.search(lt.text):
        return [(None, lt)] if lt.text.strip() else []
    out: list[tuple[str | None, LText]] = []
    last = 0
    bullet: str | None = None
    for m in _INNER_BULLET_RX.finditer(lt.text):
        seg = lt[last:m.start()]
        if seg.text.strip() or out or bullet:
            out.append((bullet, seg))
        bullet = m.group(0).strip()
        last = m.end()
    out.append((bullet, lt[last:]))
    return [(b, s) for b, s in out if s.text.strip() or b]


_COMMENT = re.compile(r"<!--.*?-->")
_DIRECTIVE_LINE = re.compile(r"^\s*(?:#|//)\s*ajlint\s*:", re.I)


def rows_from_text(text: str) -> list[Row]:
    """Markdown / plain text: one row per physical line.

    HTML comments and ``# ajlint: …`` directive lines are not content: they are blanked (with spaces,
    so that the columns of the rest of the line stay true).
    """
    lines = text.split("\n")
    if "<!--" not in text:  # the usual text: no comment to blank out
        # each line's template looked up in C: a template's lines are nearly all in the memo
        got = list(map(_ROW_MEMO.get, lines))
        if None in got:
            for i, g in enumerate(got):
                if g is None:
                    got[i] = _line_template(lines[i])
        return list(map(_TemplateRow, range(1, len(lines) + 1), got))
    rows: list[Row] = []
    in_comment = False
    for n, line in enumerate(lines, start=1):
        if in_comment:
            end = line.find("-->")
            if end < 0:
                rows.append(Row(n, [[]]))
                continue
            line = " " * (end + 3) + line[end + 3:]
            in_comment = False
        if "<!--" in line:
            line = _COMMENT.sub(lambda m: " " * len(m.group(0)), line)
            k = line.find("<!--")
            if k >= 0:
                line = line[:k]
                in_comment = True
        rows.append(_TemplateRow(n, _line_template(line)))
    return rows


_PLAIN_LINE = re.compile(r"^[^\t|<*_&#" + re.escape(STRONG_BULLETS) + r"]*$")


#: the shape of a row by its line's text: a template's lines recur in every document of a folder
_ROW_MEMO: dict[str, tuple] = {}


def _line_template(line: str) -> tuple:
    """The row of a line but for its line number: its cells, items and columns depend on its text only,
    so they are worked out once per distinct text and only the line number is put in per document. A
    directive line (``# ajlint: …``) is a blank row."""
    tpl = _ROW_MEMO.get(line)
    if tpl is None:
        c = line[:1]  # a directive line starts with '#', '//' or space: look no further at the others
        source = "" if (c == "#" or c == "/" or c.isspace()) and _DIRECTIVE_LINE.match(line) else line
        row = _parse_line(source, 0)
        tpl = remember(_ROW_MEMO, line, (
            [[(it.text.text, it.text._offs, it.text._cols, len(it.text._offs), it.bullet) for it in cell]
             for cell in row.cells],
            row.table, row.heading_level, row.plain, row.single, source))
    return tpl


class _TemplateRow(Row):
    """A row made from the memo's template of its line: its cells (each item an LText placed on line
    ``n``) are made when first asked for. Rows of a section the extractor's memo already knows are
    never asked for them."""

    __slots__ = ("_tpl", "_cells", "_items")

    def __init__(self, line: int, memo: tuple):
        self.line = line
        self._tpl, self.table, self.heading_level, self.plain, self.single, self.source = memo
        self.blank = not self.plain
        self._cells: list[list[Item]] | None = None

    @property
    def cells(self) -> list[list[Item]]:  # type: ignore[override]
        got = self._cells
        if got is None:
            n = self.line
            # an LText never changes its lists in place, so the template's offsets and columns are shared
            got = self._cells = [[Item(LText(t, offs, [n] * k, cols), b) for t, offs, cols, k, b in cell]
                                 for cell in self._tpl]
            self._items = [it for cell in got for it in cell]
        return got

    @property
    def items(self) -> list[Item]:  # type: ignore[override]
        if self._cells is None:
            self.cells
        return self._items

    def item_texts(self) -> list[str]:
        if self._cells is not None:
            return [it.text.text for it in self._items]
        return [it[0] for cell in self._tpl for it in cell]


def _parse_line(line: str, n: int) -> Row:
    if not line.strip():
        return Row(n, [[]])
    if _PLAIN_LINE.match(line):
        # the common case in text: no table, no markup, at most a bullet at the start
        stripped = line.strip()
        col = line.index(stripped[0]) + 1
        lt = LText.at(stripped, n, col)
        m = _LINE_BULLET_RX.match(stripped)
        if m and m.end() < len(stripped):
            return Row(n, [[Item(lt[m.end():].strip(), m.group(1))]])
        return Row(n, [[Item(lt)]])
    lt = LText.at(line, n, 1)
    if _PIPE_SEP.match(line) and "|" in line:
        return Row(n, [], table="pipe-sep")
    m = _PIPE_ROW.match(line)
    if m:
        inner = lt[m.start(1):m.end(1)]
        cells = [split_items(c) for c in _split_pipes(inner)]
        return Row(n, cells, table="pipe")
    level = 0
    hm = _MD_HEADING.match(line)
    if hm:
        level = len(hm.group(1))
        lt = lt[hm.end():]
    if "\t" in lt.text.strip():
        # one tab, one cell: an empty cell keeps its column (an empty 1.4 must not shift 1.5 left);
        # empty cells at the end of the line are dropped
        cells = [split_items(c) for c in lt.split(r"\t")]
        while len(cells) > 1 and not cells[-1]:
            cells.pop()
        if sum(1 for c in cells if c) > 1 or (len(cells) > 1 and not cells[0]):
            return Row(n, cells, table="tab", heading_level=level)
        return Row(n, cells, heading_level=level)
    return Row(n, [split_items(lt)], heading_level=level)


_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def _split_pipes(lt: LText) -> list[LText]:
    out = []
    last = 0
    for m in _UNESCAPED_PIPE.finditer(lt.text):
        out.append(lt[last:m.start()])
        last = m.end()
    out.append(lt[last:])
    return out


# -- HTML documents ---------------------------------------------------------------------------------

class _HTMLRows(HTMLParser):
    """Turn an HTML document into rows: table rows become multi-cell rows, blocks become rows."""

    BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "table", "ul", "ol", "title",
             "section", "article", "header", "footer", "blockquote"}
    SKIP = {"script", "style", "head"}

    def __init__(self, lines: list[str]):
        super().__init__(convert_charrefs=False)
        self.lines = lines
        self.rows: list[Row] = []
        self.cells: list[list[LText]] | None = None  # inside <tr>
        self.pieces: list[LText] = []
        self.cell_items: list[Item] = []
        self.skip = 0
        self.heading = 0
        self.bullet_pending = False

    def _pos_lt(self, data: str) -> LText:
        line, col0 = self.getpos()
        # data may span several lines: locate each line separately
        parts = data.split("\n")
        lts = []
        for k, p in enumerate(parts):
            lts.append(LText.at(p, line + k, (col0 + 1) if k == 0 else 1))
        return LText.concat(lts, "\n") if len(lts) > 1 else lts[0]

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
            return
        if tag == "tr":
            self._flush_block()
            self.cells = []
        elif tag in ("td", "th") and self.cells is not None:
            self._flush_item()
            self.cell_items = []
        elif tag in self.BLOCK:
            self._flush_item() if self.cells is not None else self._flush_block()
            if tag == "li":
                self.bullet_pending = True
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self.heading = int(tag[1])

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if tag in ("td", "th") and self.cells is not None:
            self._flush_item()
            self.cells.append(self.cell_items)  # type: ignore[arg-type]
            self.cell_items = []
        elif tag == "tr" and self.cells is not None:
            self._flush_item()
            if self.cell_items:
                self.cells.append(self.cell_items)  # type: ignore[arg-type]
            line = self.rows[-1].line + 1 if self.rows else 1
            first = next((it.text.line for c in self.cells for it in c if it.text), line)  # type: ignore[union-attr]
            self.rows.append(Row(first, self.cells or [[]], table="html"))  # type: ignore[arg-type]
            self.cells = None
            self.cell_items = []
        elif tag in self.BLOCK:
            self._flush_item() if self.cells is not None else self._flush_block()
            if tag.startswith("h") and len(tag) == 2:
                self.heading = 0

    def handle_data(self, data):
        if self.skip:
            return
        self.pieces.append(self._pos_lt(data))

    def handle_entityref(self, name):
        self._entity(f"&{name};")

    def handle_charref(self, name):
        self._entity(f"&#{name};")

    def _entity(self, raw):
        if self.skip:
            return
        line, col0 = self.getpos()
        self.pieces.append(LText.at(html.unescape(raw).replace("\xa0", " "), line, col0 + 1))

    def _take(self) -> LText | None:
        if not self.pieces:
            return None
        lt = LText.concat(self.pieces)
        self.pieces = []
        # collapse internal newlines of the HTML source into spaces, keeping positions
        parts = [p.strip() for p in lt.split(r"\s*\n\s*")]
        lt = LText.concat([p for p in parts if p.text], " ")
        return lt if lt.text.strip() else None

    def _flush_item(self):
        lt = self._take()
        if lt is not None:
            before = len(self.cell_items)
            _append_bulleted(self.cell_items, lt, True)
            if self.bullet_pending and len(self.cell_items) > before and self.cell_items[before].bullet is None:
                self.cell_items[before].bullet = "li"
        self.bullet_pending = False

    def _flush_block(self):
        lt = self._take()
        if lt is None:
            self.bullet_pending = False
            return
        items: list[Item] = []
        _append_bulleted(items, lt, True)
        if self.bullet_pending and items and items[0].bullet is None:
            items[0].bullet = "li"
        self.bullet_pending = False
        self.rows.append(Row(lt.line, [items], heading_level=self.heading))
        # an empty row after each block keeps paragraphs apart, as blank lines do in text
        self.rows.append(Row(lt.line, [[]]))

    def close(self):
        super().close()
        self._flush_block()


def rows_from_html(text: str) -> list[Row]:
    p = _HTMLRows(text.split("\n"))
    p.feed(text)
    p.close()
    return p.rows
