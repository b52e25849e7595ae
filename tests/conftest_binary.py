"""Building Word, OpenDocument, PDF and signed-container versions of documents, for the reader tests.

The binary fixtures are made here, in the tests, from the seed text as the text reader reads it:

* every run of table rows (tab grids, pipe tables) becomes a real table, a cell's list items become
  real list paragraphs (Word numbering with the seed's own bullet character), headings become
  headings, blank lines empty paragraphs;
* the PDF is drawn with reportlab: the same tables as ruled tables (so that a PDF table extractor
  finds them), the other lines as paragraphs, in a Unicode font;
* an ASiC-E container is a ZIP with ``mimetype`` first and stored, ``META-INF/manifest.xml``, a
  signature file and the signed documents at its root.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ajlint.readers.rows import Row
from ajlint.readers.text import TextReader

TABLE_KINDS = ("tab", "pipe", "html")
BULLET_FOR = {"li": "•"}


@dataclass
class Block:
    """A paragraph (``cells`` is None) or a table (a list of rows of cells of (text, bullet) items)."""

    kind: str  # 'para', 'blank', 'table', 'pagebreak' (PDF only)
    text: str = ""
    bullet: str | None = None
    heading: int = 0
    rows: list[list[list[tuple[str, str | None]]]] | None = None


def seed_blocks(path: Path) -> list[Block]:
    """The seed's paragraphs and tables, as the text reader reads them."""
    out = TextReader().read(path.read_bytes(), path.name)
    return blocks_from_rows(out.rows)


def blocks_from_rows(rows: list[Row]) -> list[Block]:
    blocks: list[Block] = []
    table: Block | None = None
    width = 0
    for r in rows:
        if r.table == "pipe-sep":
            continue
        if r.table in TABLE_KINDS and len(r.cells) > 1:
            cells = [[(it.text.text, BULLET_FOR.get(it.bullet, it.bullet)) for it in c] for c in r.cells]
            if table is None or len(cells) != width:
                table = Block("table", rows=[])
                width = len(cells)
                blocks.append(table)
            table.rows.append(cells)  # type: ignore[union-attr]
            continue
        table = None
        if r.blank:
            if r.table in TABLE_KINDS:
                continue  # an empty row of a pipe table ('| | |'): no paragraph
            blocks.append(Block("blank"))
            continue
        for it in r.items:
            blocks.append(Block("para", it.text.text, BULLET_FOR.get(it.bullet, it.bullet), r.heading_level))
    return blocks


# -- Word -------------------------------------------------------------------------------------------

def docx_bytes(blocks: list[Block]) -> bytes:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    numbering = d.part.numbering_part.element
    num_ids: dict[str, int] = {}

    def num_for(bullet: str) -> int:
        if bullet in num_ids:
            return num_ids[bullet]
        nid = 900 + len(num_ids)
        absn = OxmlElement("w:abstractNum")
        absn.set(qn("w:abstractNumId"), str(nid))
        lvl = OxmlElement("w:lvl")
        lvl.set(qn("w:ilvl"), "0")
        for tag, val in (("w:start", "1"), ("w:numFmt", "bullet"), ("w:lvlText", bullet), ("w:lvlJc", "left")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            lvl.append(el)
        absn.append(lvl)
        first_num = numbering.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(absn)
        else:
            numbering.append(absn)
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), str(nid))
        ref = OxmlElement("w:abstractNumId")
        ref.set(qn("w:val"), str(nid))
        num.append(ref)
        numbering.append(num)
        num_ids[bullet] = nid
        return nid

    def bulleted(p, bullet: str | None):
        if not bullet:
            return
        ppr = p._p.get_or_add_pPr()
        npr = OxmlElement("w:numPr")
        il = OxmlElement("w:ilvl")
        il.set(qn("w:val"), "0")
        ni = OxmlElement("w:numId")
        ni.set(qn("w:val"), str(num_for(bullet)))
        npr.append(il)
        npr.append(ni)
        ppr.append(npr)

    for b in blocks:
        if b.kind == "blank":
            d.add_paragraph("")
        elif b.kind == "para":
            if b.heading and not b.bullet:
                d.add_heading(b.text, level=min(b.heading, 9))
            else:
                bulleted(d.add_paragraph(b.text), b.bullet)
        else:
            rows = b.rows or []
            t = d.add_table(rows=len(rows), cols=len(rows[0]))
            t.style = "Table Grid"
            for ri, cells in enumerate(rows):
                for ci, items in enumerate(cells):
                    cell = t.cell(ri, ci)
                    first = True
                    for text, bullet in items:
                        p = cell.paragraphs[0] if first else cell.add_paragraph()
                        first = False
                        p.add_run(text)
                        bulleted(p, bullet)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# -- OpenDocument -----------------------------------------------------------------------------------

ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"'
)


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _odt_text(s: str) -> str:
    """Runs of spaces as text:s, as LibreOffice writes them."""
    out = []
    i = 0
    while i < len(s):
        if s[i] == " " and i + 1 < len(s) and s[i + 1] == " ":
            j = i
            while j < len(s) and s[j] == " ":
                j += 1
            out.append(" " + f'<text:s text:c="{j - i - 1}"/>')
            i = j
            continue
        out.append(_esc(s[i]))
        i += 1
    return "".join(out)


def odt_content(blocks: list[Block]) -> str:
    bullets: dict[str, str] = {}

    def list_style(bullet: str) -> str:
        if bullet not in bullets:
            bullets[bullet] = f"L{len(bullets) + 1}"
        return bullets[bullet]

    body: list[str] = []
    for b in blocks:
        if b.kind == "blank":
            body.append("<text:p/>")
        elif b.kind == "para":
            if b.bullet:
                body.append(f'<text:list text:style-name="{list_style(b.bullet)}"><text:list-item>'
                            f"<text:p>{_odt_text(b.text)}</text:p></text:list-item></text:list>")
            elif b.heading:
                body.append(f'<text:h text:outline-level="{b.heading}">{_odt_text(b.text)}</text:h>')
            else:
                body.append(f"<text:p>{_odt_text(b.text)}</text:p>")
        else:
            rows = b.rows or []
            body.append(f'<table:table table:name="T{len(body)}">'
                        f'<table:table-column table:number-columns-repeated="{len(rows[0])}"/>')
            for cells in rows:
                body.append("<table:table-row>")
                for items in cells:
                    body.append("<table:table-cell>")
                    for text, bullet in items:
                        if bullet:
                            body.append(f'<text:list text:style-name="{list_style(bullet)}"><text:list-item>'
                                        f"<text:p>{_odt_text(text)}</text:p></text:list-item></text:list>")
                        else:
                            body.append(f"<text:p>{_odt_text(text)}</text:p>")
                    body.append("</table:table-cell>")
                body.append("</table:table-row>")
            body.append("</table:table>")
    styles = "".join(
        f'<text:list-style style:name="{name}"><text:list-level-style-bullet text:level="1" '
        f'text:bullet-char="{_esc(ch)}"/></text:list-style>'
        for ch, name in bullets.items()
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS} office:version="1.3">'
            f"<office:automatic-styles>{styles}</office:automatic-styles>"
            f"<office:body><office:text>{''.join(body)}</office:text></office:body></office:document-content>")


def odt_bytes(content_xml: str, extra: dict[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text",
                   compress_type=zipfile.ZIP_STORED)
        z.writestr("content.xml", content_xml, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml",
                   '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                   'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                   '<manifest:file-entry manifest:full-path="/" '
                   'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                   '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                   "</manifest:manifest>", compress_type=zipfile.ZIP_DEFLATED)
        for name, data in (extra or {}).items():
            z.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


# -- PDF ----------------------------------------------------------------------------------------------

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
)


def unicode_font() -> str | None:
    """A TrueType font with Estonian letters and the ▪ bullet (reportlab's own fonts lack ▪)."""
    return next((f for f in FONT_CANDIDATES if Path(f).exists()), None)


def pdf_bytes(blocks: list[Block], font_file: str) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    if "AjlintSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("AjlintSans", font_file))
    body = ParagraphStyle("body", fontName="AjlintSans", fontSize=9, leading=11)
    head = ParagraphStyle("head", parent=body, fontSize=11, leading=14, spaceBefore=4)

    def para(text: str, bullet: str | None, style=body):
        shown = _esc(text)
        if bullet:
            shown = f"{_esc(bullet)} {shown}"
        return Paragraph(shown, style)

    story = []
    width = A4[0] - 30 * mm
    for b in blocks:
        if b.kind == "blank":
            story.append(Spacer(1, 4))
        elif b.kind == "pagebreak":
            story.append(PageBreak())
        elif b.kind == "para":
            story.append(para(b.text, b.bullet, head if b.heading else body))
        else:
            rows = b.rows or []
            ncol = len(rows[0])
            data = [[[para(t, bl) for t, bl in items] or "" for items in cells] for cells in rows]
            t = Table(data, colWidths=[width / ncol] * ncol, repeatRows=0)
            t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
            story.append(t)
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
                      bottomMargin=15 * mm, title="ametijuhend", invariant=1).build(story)
    return buf.getvalue()


def image_only_pdf() -> bytes:
    """A one-page PDF whose only content is a picture of text (a scan): no text layer."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas
    from PIL import Image, ImageDraw

    img = Image.new("L", (600, 200), 255)
    ImageDraw.Draw(img).text((20, 20), "AMETIJUHEND 1. ULDOSA", fill=0)
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.drawImage(ImageReader(img), 50, 500, width=500, height=160)
    c.showPage()
    c.save()
    return buf.getvalue()


# -- signed containers --------------------------------------------------------------------------------

ASICE_MIMETYPE = "application/vnd.etsi.asic-e+zip"


def manifest_xml(files: dict[str, str]) -> str:
    entries = "".join(f'<manifest:file-entry manifest:full-path="{_esc(n)}" manifest:media-type="{mt}"/>'
                      for n, mt in files.items())
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
            'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
            f'manifest:media-type="{ASICE_MIMETYPE}"/>{entries}</manifest:manifest>')


SIGNATURE_XML = (
    '<?xml version="1.0" encoding="UTF-8"?><asic:XAdESSignatures '
    'xmlns:asic="http://uri.etsi.org/02918/v1.2.1#" xmlns:ds="http://www.w3.org/2000/09/xmldsig#">'
    '<ds:Signature Id="S0"><ds:SignedInfo/><ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>'
    "</asic:XAdESSignatures>"
)

MEDIA_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".txt": "text/plain",
    ".md": "text/markdown",
}


def asice_bytes(documents: dict[str, bytes], *, mimetype: str | None = ASICE_MIMETYPE,
                manifest: str | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        if mimetype is not None:
            z.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        for name, data in documents.items():
            z.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
        if manifest is None:
            manifest = manifest_xml({n: MEDIA_TYPES.get(Path(n).suffix, "application/octet-stream")
                                     for n in documents})
        z.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/signatures0.xml", SIGNATURE_XML, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()
