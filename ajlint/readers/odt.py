"""The OpenDocument text reader (.odt): paragraphs, headings, lists and tables.

Standard library only (zipfile and a hardened XML parse of ``content.xml``). Read like Word
documents (see :mod:`ajlint.readers.docx`): headings (``text:h``), paragraphs, lists with their bullet
character or computed number (list styles from ``content.xml`` and ``styles.xml``), tables with
spanned and covered cells, several paragraphs per cell as items; tracked deletions, notes, frames and
annotations are not text. Repeated rows and columns are expanded only up to a small limit (a hostile
file can ask for a million).

Locators: ``paragraph N`` (paragraphs and headings outside tables, counted from 1) and
``table T, row R, cell C``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from ajlint.readers import xmlsafe, zipsafe
from ajlint.readers.rendering import Para, Rendering
from ajlint.readers.text import ReadError, ReaderOutput

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"


def _t(local: str) -> str:
    return "{" + TEXT + "}" + local


def _tb(local: str) -> str:
    return "{" + TABLE + "}" + local


T_P, T_H, T_LIST, T_ITEM, T_HEADER = _t("p"), _t("h"), _t("list"), _t("list-item"), _t("list-header")
T_S, T_TAB, T_BR, T_SPAN, T_A = _t("s"), _t("tab"), _t("line-break"), _t("span"), _t("a")
T_SECTION, T_NUMBER = _t("section"), _t("number")
TB_TABLE, TB_ROW, TB_CELL, TB_COVERED = _tb("table"), _tb("table-row"), _tb("table-cell"), _tb("covered-table-cell")
TB_GROUPS = {_tb("table-header-rows"), _tb("table-rows"), _tb("table-row-group")}
SKIP = {_t("note"), _t("tracked-changes"), "{" + OFFICE + "}annotation", "{" + OFFICE + "}annotation-end",
        _t("sequence-decls"), _t("variable-decls"), _t("user-field-decls"), _t("bookmark-ref"),
        _t("table-of-content"), _t("alphabetical-index"), _t("soft-page-break")}
MAX_REPEAT = 64


@dataclass
class _Level:
    bullet: str | None = None
    fmt: str = "1"
    prefix: str = ""
    suffix: str = "."
    display: int = 1
    start: int = 1


class OdtReader(zipsafe.ZipDocumentReader):
    name = "odt"
    extensions = (".odt", ".ott")
    what = "OpenDocument text"
    kind = "odt"
    noun = "the OpenDocument file"
    deep = "lists or tables"

    def _read(self, data: bytes, limits: zipsafe.ZipLimits) -> ReaderOutput:
        return _read(data, limits)


def _read(data: bytes, limits: zipsafe.ZipLimits) -> ReaderOutput:
    if not data.startswith(b"PK"):
        raise ReadError("the file is not an OpenDocument text (.odt files are ZIP archives; this one is not)")
    z = zipsafe.SafeZip(data, "OpenDocument file", limits)
    if not z.has("content.xml"):
        raise ReadError("the ZIP archive holds no OpenDocument text (no content.xml)")
    root = xmlsafe.parse(z.read("content.xml"), "content.xml")
    styles = _list_styles(root)
    if z.has("styles.xml"):
        for name, levels in _list_styles(xmlsafe.parse(z.read("styles.xml"), "styles.xml")).items():
            styles.setdefault(name, levels)
    body = root.find(f"{{{OFFICE}}}body/{{{OFFICE}}}text")
    r = Rendering()
    if body is not None:
        _Walker(styles, r).blocks(body)
    return ReaderOutput(rows=r.rows, text=r.text, format="odt", encoding="utf-8", locators=r.locators)


def _list_styles(root: ET.Element) -> dict[str, dict[int, _Level]]:
    out: dict[str, dict[int, _Level]] = {}
    for ls in root.iter(_t("list-style")):
        name = ls.get("{" + STYLE + "}name")
        if not name:
            continue
        levels: dict[int, _Level] = {}
        for lv in ls:
            level = _int(lv.get(_t("level")), 1)
            if lv.tag == _t("list-level-style-bullet"):
                levels[level] = _Level(bullet=(lv.get(_t("bullet-char")) or "•")[:1])
            elif lv.tag == _t("list-level-style-number"):
                levels[level] = _Level(
                    fmt=lv.get("{" + STYLE + "}num-format", "1"),
                    prefix=lv.get("{" + STYLE + "}num-prefix", ""),
                    suffix=lv.get("{" + STYLE + "}num-suffix", ""),
                    display=_int(lv.get(_t("display-levels")), 1),
                    start=_int(lv.get(_t("start-value")), 1),
                )
        out[name] = levels
    return out


def _int(v: str | None, default: int) -> int:
    try:
        return int(v) if v is not None else default
    except ValueError:
        return default


def _fmt(n: int, fmt: str) -> str:
    from ajlint.readers.docx import _format

    return _format(n, {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}.get(fmt,
                                                                                                      "decimal"))


class _Walker:
    def __init__(self, styles: dict[str, dict[int, _Level]], r: Rendering):
        self.styles = styles
        self.r = r
        self.n_par = 0
        self.n_table = 0
        self.counters: dict[str, list[int]] = {}

    # -- blocks --------------------------------------------------------------------------------------
    def blocks(self, el: ET.Element) -> None:
        for child in el:
            tag = child.tag
            if tag in (T_P, T_H):
                self.n_par += 1
                p = self.para(child)
                loc = f"paragraph {self.n_par}"
                if p.text.strip():
                    self.r.paragraph(p, loc)
                else:
                    self.r.blank(loc)
            elif tag == T_LIST:
                for p in self.list_paras(child, None, 1):
                    self.n_par += 1
                    if p.text.strip():
                        self.r.paragraph(p, f"paragraph {self.n_par}")
            elif tag == TB_TABLE:
                self.n_table += 1
                self.table(child, self.n_table)
            elif tag == T_SECTION or tag in (_t("index-body"),):
                self.blocks(child)

    def para(self, el: ET.Element, bullet: str | None = None, label: str | None = None) -> Para:
        parts: list[str] = []
        if el.text:
            parts.append(el.text)
        cached = el.find(T_NUMBER)  # a heading's number as the application last drew it
        if cached is not None and (cached.text or "").strip() and label is None and bullet is None:
            label = cached.text.strip()
        self.inline(el, parts)
        heading = _int(el.get(_t("outline-level")), 1) if el.tag == T_H else 0
        return Para(text="".join(parts).strip(" "), bullet=bullet, label=label, heading=heading)

    def inline(self, el: ET.Element, out: list[str]) -> None:
        for child in el:
            tag = child.tag
            if tag == T_NUMBER:
                pass  # the cached number: drawn as the label
            elif tag == T_S:
                out.append(" " * min(_int(child.get(_t("c")), 1), 100))
            elif tag == T_TAB:
                out.append("\t")
            elif tag == T_BR:
                out.append("\n")
            elif tag in SKIP or tag.startswith("{urn:oasis:names:tc:opendocument:xmlns:drawing"):
                pass
            else:
                if child.text:
                    out.append(child.text)
                self.inline(child, out)
            if child.tail:
                out.append(child.tail)

    # -- lists ---------------------------------------------------------------------------------------
    def list_paras(self, lst: ET.Element, style: str | None, level: int) -> list[Para]:
        style = lst.get(_t("style-name")) or style
        key = style or ""
        levels = self.styles.get(key, {})
        counters = self.counters.setdefault(key, [0] * 12)
        if lst.get(_t("continue-numbering")) != "true" and level == 1 and lst.get(_t("continue-list")) is None:
            counters[:] = [0] * 12
        out: list[Para] = []
        for item in lst:
            if item.tag not in (T_ITEM, T_HEADER):
                continue
            lv = levels.get(level, _Level(bullet="•"))
            bullet = label = None
            cached = item.find(T_NUMBER)
            if item.tag == T_ITEM and cached is not None and (cached.text or "").strip():
                label = cached.text.strip()
            elif item.tag == T_ITEM:
                if lv.bullet is not None:
                    bullet = lv.bullet
                elif lv.fmt:
                    k = min(level, 11)
                    sv = item.get(_t("start-value"))
                    counters[k] = (_int(sv, 1) - 1 if sv else counters[k]) or (lv.start - 1)
                    counters[k] += 1
                    for deeper in range(k + 1, 12):
                        counters[deeper] = 0
                    shown = []
                    for d in range(max(1, level - lv.display + 1), level + 1):
                        dl = levels.get(d, _Level())
                        shown.append(_fmt(counters[d] or dl.start, dl.fmt))
                    label = f"{lv.prefix}{'.'.join(shown)}{lv.suffix}".strip() or None
            first = True
            for child in item:
                if child.tag in (T_P, T_H):
                    out.append(self.para(child, bullet if first else None, label if first else None))
                    first = False
                elif child.tag == T_LIST:
                    out.extend(self.list_paras(child, style, level + 1))
        return out

    # -- tables --------------------------------------------------------------------------------------
    def table(self, tbl: ET.Element, t: int) -> None:
        rows: list[list[list[Para]]] = []
        for tr in self._rows(tbl):
            cells: list[list[Para]] = []
            for tc in tr:
                if tc.tag not in (TB_CELL, TB_COVERED):
                    continue
                # a spanned cell is followed by covered cells: they keep the grid, empty
                rep = min(_int(tc.get(_tb("number-columns-repeated")), 1), MAX_REPEAT)
                paras = self.cell(tc) if tc.tag == TB_CELL else []
                for _ in range(max(rep, 1)):
                    cells.append(paras)
            # trailing empty cells (repeated to the table's width) carry nothing
            while cells and not cells[-1] and len(cells) > 1:
                cells.pop()
            rep = min(_int(tr.get(_tb("number-rows-repeated")), 1), MAX_REPEAT)
            for _ in range(max(rep, 1) if any(cells) else 1):
                rows.append(cells)
        one_column = all(len(c) <= 1 for c in rows)
        for ri, cells in enumerate(rows, start=1):
            if one_column:
                loc = f"table {t}, row {ri}, cell 1"
                shown = [p for p in (cells[0] if cells else []) if p.text.strip()]
                if not shown:
                    self.r.blank(loc)
                for p in shown:
                    self.r.paragraph(p, loc)
                continue
            grid: list[list[Para]] = []
            locs: list[str | None] = []
            for ci, paras in enumerate(cells, start=1):
                grid.append(paras)
                locs.append(f"table {t}, row {ri}, cell {ci}")
            self.r.table_row(grid, locs)

    def _rows(self, tbl: ET.Element):
        for child in tbl:
            if child.tag == TB_ROW:
                yield child
            elif child.tag in TB_GROUPS:
                yield from self._rows(child)

    def cell(self, tc: ET.Element) -> list[Para]:
        out: list[Para] = []
        for child in tc:
            if child.tag in (T_P, T_H):
                out.append(self.para(child))
            elif child.tag == T_LIST:
                out.extend(self.list_paras(child, None, 1))
            elif child.tag == TB_TABLE:
                for tr in self._rows(child):
                    for inner in tr:
                        if inner.tag == TB_CELL:
                            out.extend(self.cell(inner))
            elif child.tag == T_SECTION:
                out.extend(self.cell(child))
        return out
