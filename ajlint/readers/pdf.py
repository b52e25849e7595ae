"""The PDF reader: the text layer with its layout, ruled tables as tables.

It needs the ``pdf`` extra (``pip install 'ajlint[pdf]'``: pdfplumber, on pdfminer.six); without it a
PDF gets one finding naming the extra. Per page, top to bottom:

* ruled tables (the 1.x grid, the duties table) are found by pdfplumber's table finder and come out as
  table rows — one line per row, cells separated by a tab, a cell's wrapped lines joined and split into
  items at bullets — instead of the scrambled line a plain text extraction gives;
* the other text comes line by line as laid out (wrapped lines stay separate lines, as in text
  extracted from a PDF); a vertical gap larger than half a line becomes an empty line;
* a page with no text layer but pictures is a scan: a document with no text at all is refused with
  "no text layer, OCR it first".

Locators: ``page P``.
"""

from __future__ import annotations

import io
import logging
import re

from ajlint.readers.rendering import Para, Rendering
from ajlint.readers.text import ReadError, ReaderOutput

MAX_PAGES = 300
EXTRA_HINT = "reading PDF files needs the pdf extra: pip install 'ajlint[pdf]'"
_BULLET_START = re.compile(r"^(?:[▪•●◦■□▫‣⁃»·➢✓❖]|[-–*](?=\s))")


class PdfReader:
    name = "pdf"
    extensions = (".pdf",)
    what = "PDF document"

    def __init__(self, max_pages: int = MAX_PAGES):
        self.max_pages = max_pages

    def sniff(self, data: bytes) -> bool:
        return b"%PDF-" in data[:1024]

    def read(self, data: bytes, path: str) -> ReaderOutput:
        if b"%PDF-" not in data[:1024]:
            raise ReadError("the file is not a PDF document (it does not start with %PDF-)")
        try:
            import pdfplumber  # noqa: F401
        except ImportError:
            raise ReadError(f"the file is a PDF document; {EXTRA_HINT}") from None
        for name in ("pdfminer", "pdfplumber"):
            logging.getLogger(name).setLevel(logging.ERROR)
        try:
            return _read(data, self.max_pages)
        except ReadError:
            raise
        except RecursionError:
            raise ReadError("the PDF document is nested too deeply to be read (damaged or hostile)") from None
        except Exception as exc:  # pdfminer raises many kinds of errors on damaged files: one finding
            name = type(exc).__name__
            if "Password" in name or "Encrypt" in name:
                raise ReadError("the PDF document is password-protected; remove the password and save it "
                                "again") from None
            raise ReadError(f"the PDF document is damaged and cannot be read ({name}: {exc})"[:300]) from None


def _read(data: bytes, max_pages: int) -> ReaderOutput:
    import pdfplumber

    r = Rendering()
    chars = images = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        pages = pdf.pages
        if len(pages) > max_pages:
            raise ReadError(f"the PDF document has {len(pages)} pages, over the limit of {max_pages}")
        for pno, page in enumerate(pages, start=1):
            chars += len(page.chars)
            images += len(page.images)
            if page.chars:
                _page(page, f"page {pno}", r, first=pno == 1)
    if not chars:
        if images:
            raise ReadError("the PDF document has no text layer (it is a scanned image); OCR it first, then "
                            "check the PDF with its text layer")
        raise ReadError("the PDF document has no text")
    return ReaderOutput(rows=r.rows, text=r.text, format="pdf", encoding="utf-8", locators=r.locators)


def _page(page, loc: str, r: Rendering, first: bool) -> None:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj) -> bool:
        if obj.get("object_type") != "char":
            return True
        cx = (obj["x0"] + obj["x1"]) / 2
        cy = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)

    text_page = page.filter(outside) if boxes else page
    blocks: list[tuple[float, float, object]] = []
    for ln in text_page.extract_text_lines(strip=True, return_chars=False):
        if ln["text"].strip():
            blocks.append((ln["top"], ln["bottom"], ln["text"]))
    for t in tables:
        blocks.append((t.bbox[1], t.bbox[3], t))
    blocks.sort(key=lambda b: b[0])
    if not first and r.lines and r.lines[-1].strip():
        r.blank(loc)  # a page break separates blocks like an empty line
    prev_bottom: float | None = None
    prev_height = 10.0
    for top, bottom, what in blocks:
        height = max(bottom - top, 1.0) if isinstance(what, str) else prev_height
        if prev_bottom is not None and top - prev_bottom > 0.5 * min(height, prev_height) \
                and r.lines and r.lines[-1].strip():
            r.blank(loc)
        if isinstance(what, str):
            r.paragraph(Para(text=what), loc)
            prev_height = height
        else:
            _table(what, loc, r)
        prev_bottom = bottom


def _table(t, loc: str, r: Rendering) -> None:
    rows = [[_cell_paras(c) for c in row] for row in t.extract()]
    # columns that are empty in every row (an artefact of merged cells) are dropped
    width = max((len(row) for row in rows), default=0)
    keep = [c for c in range(width) if any(c < len(row) and row[c] for row in rows)]
    rows = [[row[c] if c < len(row) else [] for c in keep] for row in rows]
    one_column = len(keep) <= 1
    for row in rows:
        if one_column:
            paras = row[0] if row else []
            if not paras:
                r.blank(loc)
            for p in paras:
                r.paragraph(p, loc)
            continue
        r.table_row(row, [loc] * len(row))


def _cell_paras(text: str | None) -> list[Para]:
    """A cell's text lines: wrapped lines joined, a line that starts with a bullet starts a new item."""
    paras: list[str] = []
    for line in (text or "").split("\n"):
        line = line.strip()
        if not line:
            continue
        if not paras or _BULLET_START.match(line):
            paras.append(line)
        else:
            prev = paras[-1]
            if len(prev) >= 2 and prev[-1] == "-" and prev[-2].isalpha() and line[:1].islower():
                paras[-1] = prev + line  # a word broken at its hyphen: "tegutsemis-" + "meetodeid"
            else:
                paras[-1] = prev + " " + line
    return [Para(text=p) for p in paras]
