"""The Word reader (.docx): paragraphs, headings, lists and tables into the text rendering and rows.

Standard library only (zipfile and a hardened XML parse): most HR departments keep their job
descriptions in Word, so reading them needs no extra. What is read:

* body paragraphs in order, also inside content controls (``w:sdt``) and custom XML; tracked
  insertions count, tracked deletions, hidden text, field instructions, drawings and text boxes do not;
* headings (the ``heading N`` / ``Title`` styles or an outline level, directly or through the style);
* lists: bullets become ``▪``-style list items with the document's own bullet character (symbol-font
  bullets mapped to ``•`` / ``▪``); automatic numbers (``3.1``, ``a)``) are computed from
  ``numbering.xml`` and written before the text, as a reader of the printed page sees them;
* tables: a row per line, cells separated by tabs, merged cells (``gridSpan``, ``vMerge``) kept on the
  grid, several paragraphs per cell as several items, nested tables flattened into their cell.

Locators: ``paragraph N`` (body paragraphs, counted from 1, empty ones included) and
``table T, row R, cell C``.
"""

from __future__ import annotations

import posixpath
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from ajlint.readers import xmlsafe, zipsafe
from ajlint.readers.rendering import Para, Rendering
from ajlint.readers.text import ReadError, ReaderOutput

W_NS = ("http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main")
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"

# bullets drawn with symbol fonts (Symbol, Wingdings) sit in the private use area
_SYMBOL_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf06e": "■", "\uf0fc": "✓", "\uf0d8": "➢", "\uf076": "❖",
                   "\uf0a8": "▫", "\uf0e8": "➔", "\uf02d": "-", "\uf0be": "—"}
_HEADING_NAME = re.compile(r"^(?:heading|pealkiri)\s*(\d)$", re.I)
MAX_TABLE_COLUMNS = 64


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


class _W:
    """Qualified names in the document's own WordprocessingML namespace (transitional or strict)."""

    def __init__(self, ns: str):
        self.ns = ns
        self.val = self("val")

    def __call__(self, local: str) -> str:
        return "{" + self.ns + "}" + local


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class _Numbering:
    abstract: dict[str, dict[int, _Level]] = field(default_factory=dict)
    nums: dict[str, tuple[str, dict[int, int]]] = field(default_factory=dict)  # numId → (abstractId, overrides)
    counters: dict[str, list[int | None]] = field(default_factory=dict)
    started: set[str] = field(default_factory=set)
    #: abstractNumId → the numbering style it takes its levels from (``w:numStyleLink``)
    links: dict[str, str] = field(default_factory=dict)
    #: numbering style id → the numId that style defines (from styles.xml)
    style_nums: dict[str, str] = field(default_factory=dict)

    def _levels(self, abs_id: str) -> tuple[str, dict[int, _Level]]:
        levels = self.abstract.get(abs_id, {})
        if not levels and abs_id in self.links:  # a list style: follow it once
            linked = self.nums.get(self.style_nums.get(self.links[abs_id], ""))
            if linked is not None and self.abstract.get(linked[0]):
                return linked[0], self.abstract[linked[0]]
        return abs_id, levels

    def label(self, num_id: str, ilvl: int) -> tuple[str | None, str | None]:
        """(bullet, label) of a numbered paragraph; advances the list's counters."""
        got = self.nums.get(num_id)
        if got is None:
            return None, None
        abs_id, overrides = got
        abs_id, levels = self._levels(abs_id)
        ilvl = min(max(ilvl, 0), 8)
        lvl = levels.get(ilvl)
        if lvl is None:  # a level the list does not define: draw nothing rather than guess
            return None, None
        if lvl.fmt == "bullet":
            ch = (lvl.text or "").strip()[:1]
            return _SYMBOL_BULLETS.get(ch, "•" if not ch or "\ue000" <= ch <= "\uf8ff" else ch), None
        counters = self.counters.setdefault(abs_id, [None] * 9)
        if num_id not in self.started:
            self.started.add(num_id)
            for lv, start in overrides.items():
                if 0 <= lv < 9:
                    counters[lv] = start - 1
        cur = counters[ilvl]
        counters[ilvl] = (lvl.start if cur is None else cur + 1)
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = None
        if lvl.fmt == "none":
            return None, None

        def value(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            if not 0 <= k < 9:
                return ""
            lv = levels.get(k, _Level())
            n = counters[k] if counters[k] is not None else lv.start
            return _format(n, lv.fmt)  # type: ignore[arg-type]

        text = re.sub(r"%([1-9])", value, lvl.text or "")
        return None, (text.strip() or None)


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = ""
        k = max(n, 1)
        while k:
            k, r = divmod(k - 1, 26)
            s = chr(ord("a") + r) + s
        return s if fmt == "lowerLetter" else s.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s.lower() if fmt == "lowerRoman" else s
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _roman(n: int) -> str:
    if n <= 0 or n >= 4000:
        return str(n)
    out = ""
    for v, s in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                 (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out += s
            n -= v
    return out


@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    num: tuple[str, int] | None = None
    outline: int | None = None


class DocxReader(zipsafe.ZipDocumentReader):
    name = "docx"
    extensions = (".docx", ".docm", ".dotx")
    what = "Word document"
    kind = "docx"
    noun = "the Word document"
    deep = "tables or elements"

    def _read(self, data: bytes, limits: zipsafe.ZipLimits) -> ReaderOutput:
        return _read(data, limits)


def _read(data: bytes, limits: zipsafe.ZipLimits) -> ReaderOutput:
    if not data.startswith(b"PK"):
        raise ReadError("the file is not a Word document (.docx files are ZIP archives; this one is not: "
                        "a legacy .doc or a renamed file? Save it as .docx)")
    z = zipsafe.SafeZip(data, "Word document", limits)
    main = _main_part(z)
    if main is None:
        raise ReadError("the ZIP archive holds no Word document (no word/document.xml)")
    root = xmlsafe.parse(z.read(main), main)
    ns = _local(root.tag) == "document" and root.tag[1:].partition("}")[0]
    if not ns:
        raise ReadError(f"{main} is not a WordprocessingML document")
    w = _W(ns)
    rels = _part_rels(z, main)
    styles, num_styles = _styles(z, rels.get("styles", "word/styles.xml"), w)
    numbering = _numbering(z, rels.get("numbering", "word/numbering.xml"), w)
    numbering.style_nums = num_styles
    body = root.find(w("body"))
    r = Rendering()
    walker = _Walker(w, styles, numbering, r)
    if body is not None:
        walker.body(body)
    return ReaderOutput(rows=r.rows, text=r.text, format="docx", encoding="utf-8", locators=r.locators)


def _main_part(z: zipsafe.SafeZip) -> str | None:
    """The main document part named by the package relationships (word/document.xml as a rule)."""
    if z.has("_rels/.rels"):
        for rel in xmlsafe.parse(z.read("_rels/.rels"), "_rels/.rels"):
            if rel.get("Type", "").endswith("/officeDocument"):
                found = z.find(rel.get("Target", "").lstrip("/"))
                if found:
                    return found
    return z.find("word/document.xml")


def _part_rels(z: zipsafe.SafeZip, part: str) -> dict[str, str]:
    """Relationship type suffix → target part name, for ``part``."""
    d, base = posixpath.split(part)
    name = z.find(posixpath.join(d, "_rels", base + ".rels"))
    out: dict[str, str] = {}
    if name is None:
        return out
    for rel in xmlsafe.parse(z.read(name), name):
        typ = rel.get("Type", "").rsplit("/", 1)[-1]
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        full = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(d, target))
        out.setdefault(typ, full)
    return out


def _styles(z: zipsafe.SafeZip, name: str | None, w: _W
            ) -> tuple[dict[str, tuple[int, tuple[str, int] | None]], dict[str, str]]:
    """Paragraph style id → (heading level or 0, inherited numbering (numId, ilvl) or None), and
    numbering (list) style id → its numId."""
    found = z.find(name) if name else None
    if found is None:
        return {}, {}
    root = xmlsafe.parse(z.read(found), found)
    raw: dict[str, _Style] = {}
    num_styles: dict[str, str] = {}
    for st in root.iter(w("style")):
        sid = st.get(w("styleId"))
        if not sid:
            continue
        if st.get(w("type")) == "numbering":
            ppr = st.find(w("pPr"))
            num = _num_pr(ppr, w) if ppr is not None else None
            if num is not None:
                num_styles[sid] = num[0]
            continue
        if st.get(w("type")) not in (None, "paragraph"):
            continue
        s = _Style()
        el = st.find(w("name"))
        s.name = (el.get(w.val) or "") if el is not None else ""
        el = st.find(w("basedOn"))
        s.based_on = el.get(w.val) if el is not None else None
        ppr = st.find(w("pPr"))
        if ppr is not None:
            s.num = _num_pr(ppr, w)
            ol = ppr.find(w("outlineLvl"))
            if ol is not None:
                s.outline = _int(ol.get(w.val), 9)
        raw[sid] = s
    out: dict[str, tuple[int, tuple[str, int] | None]] = {}
    for sid in raw:
        heading = 0
        num: tuple[str, int] | None = None
        outline: int | None = None
        seen: set[str] = set()
        cur: str | None = sid
        while cur and cur in raw and cur not in seen:
            seen.add(cur)
            s = raw[cur]
            if not heading:
                m = _HEADING_NAME.match(s.name.strip())
                if m:
                    heading = int(m.group(1))
                elif s.name.strip().lower() == "title":
                    heading = 1
            if num is None and s.num is not None:
                num = s.num
            if outline is None and s.outline is not None:
                outline = s.outline
            cur = s.based_on
        if not heading and outline is not None and outline < 9:
            heading = outline + 1
        out[sid] = (heading, num)
    return out, num_styles


def _num_pr(ppr: ET.Element, w: _W) -> tuple[str, int] | None:
    npr = ppr.find(w("numPr"))
    if npr is None:
        return None
    nid = npr.find(w("numId"))
    lvl = npr.find(w("ilvl"))
    num_id = nid.get(w.val) if nid is not None else None
    if num_id is None:
        return None
    return num_id, _int(lvl.get(w.val) if lvl is not None else None, 0)


def _int(v: str | None, default: int) -> int:
    try:
        return int(v) if v is not None else default
    except ValueError:
        return default


def _numbering(z: zipsafe.SafeZip, name: str | None, w: _W) -> _Numbering:
    nb = _Numbering()
    found = z.find(name) if name else None
    if found is None:
        return nb
    root = xmlsafe.parse(z.read(found), found)
    for an in root.iter(w("abstractNum")):
        levels: dict[int, _Level] = {}
        for lvl in an.findall(w("lvl")):
            levels[_int(lvl.get(w("ilvl")), 0)] = _level(lvl, w)
        aid = an.get(w("abstractNumId"), "")
        nb.abstract[aid] = levels
        link = an.find(w("numStyleLink"))
        if link is not None and link.get(w.val):
            nb.links[aid] = link.get(w.val)  # type: ignore[assignment]
    for num in root.iter(w("num")):
        aid = num.find(w("abstractNumId"))
        overrides: dict[int, int] = {}
        for ov in num.findall(w("lvlOverride")):
            so = ov.find(w("startOverride"))
            if so is not None:
                overrides[_int(ov.get(w("ilvl")), 0)] = _int(so.get(w.val), 1)
        nb.nums[num.get(w("numId"), "")] = (aid.get(w.val, "") if aid is not None else "", overrides)
    return nb


def _level(lvl: ET.Element, w: _W) -> _Level:
    out = _Level()
    el = lvl.find(w("numFmt"))
    if el is not None:
        out.fmt = el.get(w.val) or "decimal"
    el = lvl.find(w("lvlText"))
    if el is not None:
        out.text = el.get(w.val) or ""
    el = lvl.find(w("start"))
    if el is not None:
        out.start = _int(el.get(w.val), 1)
    if lvl.find(w("isLgl")) is not None and out.fmt != "bullet":
        out.fmt = "decimal"
    return out


_SKIP_INLINE = {"del", "moveFrom", "delText", "instrText", "fldChar", "drawing", "pict", "object",
                "footnoteReference", "endnoteReference", "commentReference", "annotationRef", "txbxContent",
                "AlternateContent", "delInstrText", "fldData", "permStart", "permEnd", "proofErr",
                "bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd", "lastRenderedPageBreak"}


class _Walker:
    def __init__(self, w: _W, styles, numbering: _Numbering, r: Rendering):
        self.w = w
        self.styles = styles
        self.numbering = numbering
        self.r = r
        self.n_par = 0
        self.n_table = 0

    # -- body --------------------------------------------------------------------------------------
    def body(self, el: ET.Element) -> None:
        w = self.w
        for child in el:
            tag = child.tag
            if tag == w("p"):
                self.n_par += 1
                p = self.paragraph(child)
                loc = f"paragraph {self.n_par}"
                if p.text.strip() or p.bullet or p.label:
                    self.r.paragraph(p, loc)
                else:
                    self.r.blank(loc)
            elif tag == w("tbl"):
                self.n_table += 1
                self.table(child, self.n_table)
            elif tag in (w("sdt"), w("customXml"), w("sdtContent"), w("ins"), w("moveTo")):
                inner = child.find(w("sdtContent")) if tag == w("sdt") else child
                if inner is not None:
                    self.body(inner)

    # -- paragraphs --------------------------------------------------------------------------------
    def paragraph(self, p: ET.Element) -> Para:
        w = self.w
        ppr = p.find(w("pPr"))
        style = None
        num = None
        heading = 0
        if ppr is not None:
            ps = ppr.find(w("pStyle"))
            style = ps.get(w.val) if ps is not None else None
            num = _num_pr(ppr, w)
            ol = ppr.find(w("outlineLvl"))
            if ol is not None and _int(ol.get(w.val), 9) < 9:
                heading = _int(ol.get(w.val), 9) + 1
        sh, snum = self.styles.get(style, (0, None)) if style else (0, None)
        heading = heading or sh
        if num is None:
            num = snum
        parts: list[str] = []
        self.inline(p, parts)
        text = "".join(parts)
        bullet = label = None
        if num is not None and num[0] not in ("0", "") and text.strip():
            bullet, label = self.numbering.label(num[0], num[1])
        return Para(text=text.strip(" "), bullet=bullet, label=label, heading=heading)

    def inline(self, el: ET.Element, out: list[str]) -> None:
        w = self.w
        for child in el:
            local = _local(child.tag)
            if local == "t":
                out.append(child.text or "")
            elif local == "r":
                rpr = child.find(w("rPr"))
                if rpr is not None:
                    v = rpr.find(w("vanish"))
                    if v is not None and v.get(w.val) not in ("0", "false", "off"):
                        continue
                self.inline(child, out)
            elif local == "tab" and child.tag == w("tab"):
                out.append("\t")
            elif local in ("br", "cr"):
                if child.get(w("type")) != "page":
                    out.append("\n")
            elif local == "noBreakHyphen":
                out.append("-")
            elif local == "softHyphen":
                continue
            elif local == "sym":
                ch = _sym(child.get(w("char")))
                if ch:
                    out.append(ch)
            elif local in _SKIP_INLINE or local.endswith("Pr") or local in ("p", "tbl"):
                continue
            else:  # runs inside hyperlinks, insertions, smart tags, content controls, simple fields
                self.inline(child, out)

    # -- tables ------------------------------------------------------------------------------------
    def table(self, tbl: ET.Element, t: int) -> None:
        w = self.w
        rows = list(self._rows(tbl))
        grid_cols = len(tbl.findall(f"{w('tblGrid')}/{w('gridCol')}"))
        width = 0
        parsed: list[list[tuple[list[Para], int, bool]]] = []
        for tr in rows:
            cells: list[tuple[list[Para], int, bool]] = []
            for tc in self._cells(tr):
                span = 1
                merged = False
                tcpr = tc.find(w("tcPr"))
                if tcpr is not None:
                    gs = tcpr.find(w("gridSpan"))
                    if gs is not None:
                        span = min(max(_int(gs.get(w.val), 1), 1), MAX_TABLE_COLUMNS)
                    vm = tcpr.find(w("vMerge"))
                    if vm is not None and vm.get(w.val) in (None, "continue"):
                        merged = True
                cells.append(([] if merged else self.cell(tc), span, merged))
            parsed.append(cells)
            width = max(width, sum(s for _, s, _ in cells))
        width = max(width, min(grid_cols, MAX_TABLE_COLUMNS))
        one_column = all(len(c) <= 1 for c in parsed)
        for ri, cells in enumerate(parsed, start=1):
            if one_column:
                paras = cells[0][0] if cells else []
                loc = f"table {t}, row {ri}, cell 1"
                shown = [p for p in paras if p.text.strip()]
                if not shown:
                    self.r.blank(loc)
                for p in shown:
                    self.r.paragraph(p, loc)
                continue
            grid: list[list[Para]] = []
            locs: list[str | None] = []
            for ci, (paras, span, _merged) in enumerate(cells, start=1):
                grid.append(paras)
                locs.append(f"table {t}, row {ri}, cell {ci}")
                for _ in range(span - 1):  # a merged cell keeps the columns after it in their place
                    grid.append([])
                    locs.append(None)
            self.r.table_row(grid, locs)

    def _rows(self, tbl: ET.Element):
        w = self.w
        for child in tbl:
            if child.tag == w("tr"):
                yield child
            elif child.tag in (w("sdt"), w("customXml")):
                inner = child.find(w("sdtContent")) if child.tag == w("sdt") else child
                if inner is not None:
                    yield from self._rows(inner)

    def _cells(self, tr: ET.Element):
        w = self.w
        for child in tr:
            if child.tag == w("tc"):
                yield child
            elif child.tag in (w("sdt"), w("customXml")):
                inner = child.find(w("sdtContent")) if child.tag == w("sdt") else child
                if inner is not None:
                    yield from self._cells(inner)

    def cell(self, tc: ET.Element) -> list[Para]:
        w = self.w
        out: list[Para] = []
        for child in tc:
            if child.tag == w("p"):
                out.append(self.paragraph(child))
            elif child.tag == w("tbl"):  # a nested table: its cells' paragraphs, row by row
                for tr in self._rows(child):
                    for inner in self._cells(tr):
                        out.extend(self.cell(inner))
            elif child.tag in (w("sdt"), w("customXml")):
                inner = child.find(w("sdtContent")) if child.tag == w("sdt") else child
                if inner is not None:
                    out.extend(self.cell(inner))
        return out


def _sym(code: str | None) -> str:
    if not code:
        return ""
    try:
        ch = chr(int(code, 16))
    except ValueError:
        return ""
    if "\uf000" <= ch <= "\uf0ff":
        return _SYMBOL_BULLETS.get(ch, "")
    return ch
