"""Word, OpenDocument and PDF documents: what is read, where findings point, and hostile files.

The seeds' Word, OpenDocument and PDF versions are built here from the seed text (conftest_binary.py)
and must give the same findings as the text versions; the only differences allowed are listed in
``FORMAT_ONLY`` with the reason. Small hand-written documents check the readers feature by feature,
with the expected text rendering written out in full.
"""

from __future__ import annotations

import io
import json
import re
import struct
import sys
import zipfile
import zlib
from collections import Counter
from pathlib import Path

import pytest

from conftest import SEEDS, seed
from conftest_binary import (
    docx_bytes,
    image_only_pdf,
    odt_bytes,
    odt_content,
    pdf_bytes,
    seed_blocks,
    unicode_font,
)

from ajlint.document import read_document
from ajlint.plugins import default_registry
from ajlint.readers import zipsafe
from ajlint.readers.docx import DocxReader
from ajlint.readers.odt import OdtReader
from ajlint.readers.pdf import PdfReader
from ajlint.readers.text import ReadError

docx_lib = pytest.importorskip("docx", reason="python-docx (test extra) builds the Word fixtures")
pytest.importorskip("reportlab", reason="reportlab (test extra) builds the PDF fixtures")
pytest.importorskip("pdfplumber", reason="the pdf extra reads PDF files")

FONT = unicode_font()
needs_font = pytest.mark.skipif(FONT is None, reason="no Unicode TrueType font (DejaVu Sans) to draw the PDFs with")

# Findings that only make sense in one format: code → (the only side it may appear on, why).
FORMAT_ONLY = {
    "AJ504": ("text", "whitespace (doubled spaces, spaces at line ends) is checked in text and markdown files "
                      "only: a PDF has no space characters (the extractor infers one space between words), "
                      "extracted text's trailing spaces do not exist in Word, and the rule leaves Word and "
                      "OpenDocument layout alone as it does HTML"),
}

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(scope="module")
def registry():
    return default_registry()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Word, OpenDocument and (with a Unicode font) PDF versions of the five seeds."""
    d = tmp_path_factory.mktemp("seeds")
    out: dict[tuple[str, str], Path] = {}
    for p in SEEDS:
        blocks = seed_blocks(p)
        stem = p.name[:3]
        out[(stem, "docx")] = d / f"{stem}.docx"
        out[(stem, "docx")].write_bytes(docx_bytes(blocks))
        out[(stem, "odt")] = d / f"{stem}.odt"
        out[(stem, "odt")].write_bytes(odt_bytes(odt_content(blocks)))
        if FONT:
            out[(stem, "pdf")] = d / f"{stem}.pdf"
            out[(stem, "pdf")].write_bytes(pdf_bytes(blocks, FONT))
    return out


def _check(cli, path) -> list[dict]:
    code, out, err = cli("check", "--format", "json", "--isolated", "--no-cache", path)
    assert "Traceback" not in err, err
    return json.loads(out)["diagnostics"]


def _rendering(registry, path: Path):
    return read_document(path, path.name, registry.readers)


def _span_text(lines: list[str], d: dict) -> str:
    """The text a finding points at, markup and layout removed (comparable across formats)."""
    l0, c0, l1, c1 = d["line"], d["column"], d["end_line"], d["end_column"]
    if not 0 < l0 <= len(lines):
        return ""
    if l0 == l1:
        s = lines[l0 - 1][c0 - 1:c1 - 1]
    else:
        s = "\n".join([lines[l0 - 1][c0 - 1:], *lines[l0:l1 - 1], lines[l1 - 1][:c1 - 1]])
    s = re.sub(r"<[^>]+>|\*\*|[▪•|]", " ", s)
    return " ".join(s.split())


def _findings(cli, registry, path: Path) -> Counter:
    doc = _rendering(registry, path)
    return Counter((d["code"], _span_text(doc.lines, d)) for d in _check(cli, path))


# -- the seeds in Word, OpenDocument and PDF --------------------------------------------------------

@pytest.mark.parametrize("fmt", ["docx", "odt", pytest.param("pdf", marks=needs_font)])
@pytest.mark.parametrize("stem", ["000", "001", "002", "003", "004"])
def test_seed_versions_give_the_same_findings(cli, registry, built, stem, fmt):
    text = _findings(cli, registry, seed(stem))
    other = _findings(cli, registry, built[(stem, fmt)])
    only_text = text - other
    only_other = other - text
    unexplained = [f for f in only_text.elements() if FORMAT_ONLY.get(f[0], ("",))[0] != "text"]
    unexplained += [f for f in only_other.elements() if FORMAT_ONLY.get(f[0], ("",))[0] != fmt]
    assert not unexplained, (f"{stem}.{fmt}: findings differ from the text version: only in text "
                             f"{sorted(only_text.elements())}, only in {fmt} {sorted(only_other.elements())}")
    assert sum((text & other).values()) >= 3, "the comparison must cover real findings"


_POSITION_KEYS = {"line", "column", "end_line", "end_column", "path", "info", "number_location",
                  "name_location", "heading_location", "layout_guesses"}


def _content(o, squash_spaces: bool):
    if isinstance(o, dict):
        return {k: _content(v, squash_spaces) for k, v in o.items() if k not in _POSITION_KEYS}
    if isinstance(o, list):
        return [_content(x, squash_spaces) for x in o]
    if isinstance(o, str) and squash_spaces:
        return " ".join(o.split())
    return o


@pytest.mark.parametrize("fmt", ["docx", "odt", pytest.param("pdf", marks=needs_font)])
@pytest.mark.parametrize("stem", ["000", "001", "002", "003", "004"])
def test_seed_versions_read_the_same_model(registry, built, stem, fmt):
    """Title, unit, references, duties with results, lists, requirements, competencies: all the same.
    A PDF has no doubled spaces (its text layer has no space characters), so spaces are compared
    squashed for PDF."""
    a = _rendering(registry, seed(stem))
    b = _rendering(registry, built[(stem, fmt)])
    assert b.model is not None and b.model.info.format == fmt
    squash = fmt == "pdf"
    assert _content(b.model.model_dump(mode="json"), squash) == _content(a.model.model_dump(mode="json"), squash)


def test_seed_000_docx_locations(cli, registry, built):
    path = built[("000", "docx")]
    doc = _rendering(registry, path)
    found = {(d["code"], _span_text(doc.lines, d)): d for d in _check(cli, path)}
    # 3.10 "… kavandite koostamine isikutele, ministriumidele, …": the duties table after the blank line
    # is the 4th table (1.1/1.2 grid, 1.3-1.5 grid, duties 3.1-3.6, duties 3.7-3.14) and 3.10 its 4th
    # row. The rendering keeps the seed's lines up to here (two empty paragraphs first, then one
    # paragraph or table row per seed line), so the line and column are the text version's: 30:81.
    d = found[("AJ701", "ministriumidele")]
    assert (d["line"], d["column"], d["end_column"]) == (30, 81, 96)
    assert d["locator"] == "table 4, row 4, cell 1"
    # 3.12's results ("… läbi viidud arenguveestlused ja tööjuhendamine"): row 6, the results cell
    d = found[("AJ701", "arenguveestlused")]
    assert d["line"] == 32 and d["locator"] == "table 4, row 6, cell 2"
    # the text version of the same finding has no locator (line and column say it all)
    assert all("locator" not in x for x in _check(cli, seed("000")))


@needs_font
def test_seed_000_pdf_locations(cli, registry, built):
    import pypdfium2

    path = built[("000", "pdf")]
    doc = _rendering(registry, path)
    pdf = pypdfium2.PdfDocument(str(path))
    pages = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]

    def page_of(word: str) -> str:  # an independent extractor says on which page the word is printed
        return f"page {next(i for i, t in enumerate(pages, start=1) if word in t)}"

    found = {(d["code"], _span_text(doc.lines, d)): d for d in _check(cli, path)}
    for word, duty in (("ministriumidele", "3.10 Teenust puudutavate"), ("arenguveestlused", "3.12 Alluvate")):
        d = found[("AJ701", word)]
        assert doc.lines[d["line"] - 1].startswith(duty)  # the table row of that duty, on one line
        assert d["locator"] == page_of(word)
    assert len(pages) >= 2 and {page_of("ministriumidele"), page_of("arenguveestlused")} == {"page 1", "page 2"}


def test_locator_in_human_and_sarif_output(cli, built):
    path = built[("000", "docx")]
    code, out, _ = cli("check", "--isolated", "--no-cache", "--color", "never", path)
    assert re.search(r"000\.docx:30:81: \(table 4, row 4, cell 1\) warning AJ701", out)
    code, out, _ = cli("check", "--format", "sarif", "--isolated", "--no-cache", path)
    results = json.loads(out)["runs"][0]["results"]
    r = next(r for r in results if r["ruleId"] == "AJ701" and "ministriumidele" in r["message"]["text"])
    loc = r["locations"][0]
    assert loc["physicalLocation"]["region"]["startLine"] == 30
    assert loc["logicalLocations"] == [{"name": "table 4, row 4, cell 1", "kind": "element"}]


def test_locators_survive_the_results_cache(cli, built, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = built[("000", "docx")]
    runs = []
    for _ in range(2):
        code, out, err = cli("check", "--format", "json", "--isolated", path)
        runs.append({(d["code"], d["line"], d["column"]): d.get("locator") for d in json.loads(out)["diagnostics"]})
    assert runs[0] == runs[1]
    assert runs[1][("AJ701", 30, 81)] == "table 4, row 4, cell 1"


# -- a hand-written Word document, feature by feature ----------------------------------------------------

def _docx_package(document_xml: str, styles_xml: str | None = None, numbering_xml: str | None = None,
                  extra: dict[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    rels = ['<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/styles" Target="styles.xml"/>',
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/numbering" Target="numbering.xml"/>']
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                   'officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                   'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/_rels/document.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships">' + "".join(rels) + "</Relationships>")
        z.writestr("word/document.xml", document_xml)
        if styles_xml is not None:
            z.writestr("word/styles.xml", styles_xml)
        if numbering_xml is not None:
            z.writestr("word/numbering.xml", numbering_xml)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def _w(body: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W}">'
            f"<w:body>{body}<w:sectPr/></w:body></w:document>")


def _p(text: str = "", style: str | None = None, num: tuple[int, int] | None = None) -> str:
    ppr = ""
    if style or num:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "")
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        ppr += "</w:pPr>"
    run = f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>' if text else ""
    return f"<w:p>{ppr}{run}</w:p>"


def _tc(*paras: str, span: int = 1, vmerge: str | None = None) -> str:
    pr = ""
    if span > 1 or vmerge is not None:
        pr = "<w:tcPr>" + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
        if vmerge is not None:
            pr += '<w:vMerge w:val="restart"/>' if vmerge == "restart" else "<w:vMerge/>"
        pr += "</w:tcPr>"
    return f"<w:tc>{pr}{''.join(paras) or '<w:p/>'}</w:tc>"


def _tbl(cols: int, *rows: str) -> str:
    grid = "".join('<w:gridCol w:w="3000"/>' for _ in range(cols))
    return f"<w:tbl><w:tblGrid>{grid}</w:tblGrid>{''.join(f'<w:tr>{r}</w:tr>' for r in rows)}</w:tbl>"


STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:styles xmlns:w="{W}">'
    '<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    # Estonian Word: localised style ids, canonical names
    '<w:style w:type="paragraph" w:styleId="Tiitel"><w:name w:val="Title"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Pealkiri1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Loetelu"><w:name w:val="List Bullet"/>'
    '<w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>'
    "</w:styles>"
)
NUMBERING = (
    f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W}">'
    '<w:abstractNum w:abstractNumId="10">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>'
    "</w:abstractNum>"
    # a Wingdings bullet: the character sits in the private use area
    '<w:abstractNum w:abstractNumId="11"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="&#xF0A7;"/><w:rPr><w:rFonts w:ascii="Wingdings"/></w:rPr></w:lvl></w:abstractNum>'
    '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>'
    '<w:num w:numId="3"><w:abstractNumId w:val="11"/></w:num>'
    "</w:numbering>"
)

PURPOSE = (
    "<w:p><w:r><w:t xml:space=\"preserve\">Ametikoha eesmärk on </w:t></w:r>"
    '<w:hyperlink w:history="1"><w:r><w:t>haldusmenetluste</w:t></w:r></w:hyperlink>'
    '<w:r><w:t xml:space="preserve"> </w:t></w:r>'
    '<w:del w:id="1" w:author="HR"><w:r><w:delText xml:space="preserve">kiire </w:delText></w:r></w:del>'
    '<w:ins w:id="2" w:author="HR"><w:r><w:t>õiguspärane</w:t></w:r></w:ins>'
    '<w:r><w:t xml:space="preserve"> ja tähtaegne läbiviimine.</w:t></w:r>'
    '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> (mustand)</w:t></w:r></w:p>'
)

HANDMADE_BODY = "".join([
    _p("AMETIJUHEND", "Tiitel"),
    _p("ÜLDOSA", "Pealkiri1"),
    _tbl(3,
         _tc(_p("1.1 Ametinimetus")) + _tc(_p("1.2 Struktuuriüksus"), span=2),
         _tc(_p("Peaspetsialist")) + _tc(_p("Õigusosakond, menetlustalitus"), span=2),
         _tc(_p("1.3 Vahetu juht")) + _tc(_p("1.4 Kes asendab")) + _tc(_p("1.5 Keda asendab")),
         _tc(_p("Talituse juhataja")) + _tc(_p("Jurist")) + _tc(_p("Juristi"))),
    _p(),
    _p("AMETIKOHA EESMÄRK", "Pealkiri1"),
    PURPOSE,
    _p("TEENISTUSKOHUSTUSED", "Pealkiri1"),
    _tbl(2,
         _tc(_p("Põhiülesanded")) + _tc(_p("Oodatavad tulemused")),
         _tc(_p("Haldusmenetluste läbiviimine.", num=(1, 1)))
         + _tc(_p("Menetlused on läbi viidud tähtaegselt.", "Loetelu"), _p("Otsused on põhjendatud.", "Loetelu")),
         _tc(_p("Klientide nõustamine, sh:", num=(1, 1)), _p("suuline nõustamine;", "Loetelu"),
             _p("kirjalik nõustamine.", "Loetelu"))
         + _tc(_p("Kliendid on nõustatud."), vmerge="restart"),
         _tc(_p("Kirjade koostamine ministriumidele.", num=(1, 1))) + _tc(vmerge="continue")),
    _p("ÕIGUSED", "Pealkiri1"),
    _p("Teenistujal on õigus:"),
    _p("saada tööks vajalikku infot;", num=(3, 0)),
    '<w:sdt><w:sdtPr><w:alias w:val="Õigus"/></w:sdtPr><w:sdtContent>'
    + _p("osaleda koolitustel.", num=(3, 0)) + "</w:sdtContent></w:sdt>",
    _p("AMETIKOHALE ESITATAVAD NÕUDED", "Pealkiri1"),
    _p("Haridus"),
    '<w:p><w:r><w:t>Kõrgharidus.</w:t><w:br/><w:t>Eelistatult õigusteadus.</w:t></w:r></w:p>',
    '<w:p><w:r><w:t>Keeleoskus</w:t><w:tab/><w:t>Eesti keelt vähemalt tasemel C1.</w:t></w:r></w:p>',
])

# written by hand from the document above: what a reader of the printed page sees, line by line
HANDMADE_RENDERING = """\
AMETIJUHEND
1. ÜLDOSA
1.1 Ametinimetus\t1.2 Struktuuriüksus
Peaspetsialist\tÕigusosakond, menetlustalitus
1.3 Vahetu juht\t1.4 Kes asendab\t1.5 Keda asendab
Talituse juhataja\tJurist\tJuristi

2. AMETIKOHA EESMÄRK
Ametikoha eesmärk on haldusmenetluste õiguspärane ja tähtaegne läbiviimine.
3. TEENISTUSKOHUSTUSED
Põhiülesanded\tOodatavad tulemused
3.1. Haldusmenetluste läbiviimine.\t▪ Menetlused on läbi viidud tähtaegselt. ▪ Otsused on põhjendatud.
3.2. Klientide nõustamine, sh: ▪ suuline nõustamine; ▪ kirjalik nõustamine.\tKliendid on nõustatud.
3.3. Kirjade koostamine ministriumidele.
4. ÕIGUSED
Teenistujal on õigus:
▪ saada tööks vajalikku infot;
▪ osaleda koolitustel.
5. AMETIKOHALE ESITATAVAD NÕUDED
Haridus
Kõrgharidus.
Eelistatult õigusteadus.
Keeleoskus\tEesti keelt vähemalt tasemel C1.
"""


@pytest.fixture
def handmade_docx(tmp_path) -> Path:
    p = tmp_path / "peaspetsialist.docx"
    p.write_bytes(_docx_package(_w(HANDMADE_BODY), STYLES, NUMBERING))
    return p


def test_docx_rendering(registry, handmade_docx):
    """Headings with their automatic numbers, merged cells on the grid, bullets from a style and
    from a Wingdings list, a content control, a tracked insertion (kept) and deletion (dropped), hidden
    text (dropped), a line break (a new line) and a tab (a new cell)."""
    doc = _rendering(registry, handmade_docx)
    assert doc.read_error is None
    assert doc.text == HANDMADE_RENDERING


def test_docx_model(registry, handmade_docx):
    m = _rendering(registry, handmade_docx).model
    assert m.info.format == "docx"
    assert (m.title.text, m.unit.text, m.manager.text) == (
        "Peaspetsialist", "Õigusosakond, menetlustalitus", "Talituse juhataja")
    assert (m.title.line, m.title.column) == (4, 1)
    assert [r.text for r in m.substitutes] == ["Jurist"]
    assert [r.text for r in m.substitutes_for] == ["Juristi"]
    assert (m.substitutes_for[0].line, m.substitutes_for[0].column) == (6, 26)
    assert m.purpose.text == "Ametikoha eesmärk on haldusmenetluste õiguspärane ja tähtaegne läbiviimine."
    assert [d.number for d in m.duties] == ["3.1.", "3.2.", "3.3."]
    assert [r.text for r in m.duties[0].results] == ["Menetlused on läbi viidud tähtaegselt.",
                                                     "Otsused on põhjendatud."]
    # "3.1. Haldusmenetluste läbiviimine." (34), the tab (35), "▪ Menetlused on läbi viidud tähtaegselt."
    # (36-75), a space (76), "▪ " (77-78): the second result starts in column 79
    assert (m.duties[0].results[1].line, m.duties[0].results[1].column) == (12, 79)
    assert [i.text for i in m.duties[1].items] == ["suuline nõustamine;", "kirjalik nõustamine."]
    assert [r.text for r in m.duties[1].results] == ["Kliendid on nõustatud."]
    assert m.duties[2].results == []  # its results cell is merged into 3.2's
    assert [r.text for r in m.rights] == ["saada tööks vajalikku infot;", "osaleda koolitustel."]
    assert m.requirements.education.text == "Kõrgharidus. Eelistatult õigusteadus."
    assert [(x.language, x.level) for x in m.requirements.languages] == [("eesti", "C1")]


def test_docx_locators(cli, registry, handmade_docx):
    doc = _rendering(registry, handmade_docx)
    assert doc.locator_at(1) == "paragraph 1"
    assert doc.locator_at(2) == "paragraph 2"
    # "1.1 Ametinimetus" is 16 characters, the tab the 17th: the second cell starts in column 18
    assert doc.locator_at(3, 17) == "table 1, row 1, cell 1"
    assert doc.locator_at(3, 18) == "table 1, row 1, cell 2"
    assert doc.locator_at(7) == "paragraph 3"  # the empty paragraph after the table
    assert doc.locator_at(9) == "paragraph 5"
    # "3.1. Haldusmenetluste läbiviimine." is 34 characters: the results cell starts in column 36
    assert doc.locator_at(12, 1) == "table 2, row 2, cell 1"
    assert doc.locator_at(12, 36) == "table 2, row 2, cell 2"
    assert doc.locator_at(18) == "paragraph 10"  # inside the content control
    assert doc.locator_at(21) == doc.locator_at(22) == "paragraph 13"  # one paragraph, two lines
    d = next(d for d in _check(cli, handmade_docx) if d["code"] == "AJ701")
    # "3.3. Kirjade koostamine " is 24 characters: the word starts in column 25
    assert (d["line"], d["column"], d["end_column"], d["locator"]) == (14, 25, 40, "table 2, row 4, cell 1")


def test_docx_list_through_a_list_style(registry, tmp_path):
    """Word's list styles: the paragraph's list (numId 5) is an abstract list that only links to the
    numbering style 'Loend', whose own list defines the levels (dashes here). A level no list defines
    draws nothing."""
    styles = STYLES.replace("</w:styles>", (
        '<w:style w:type="numbering" w:styleId="Loend"><w:name w:val="Loend"/>'
        '<w:pPr><w:numPr><w:numId w:val="6"/></w:numPr></w:pPr></w:style></w:styles>'))
    numbering = NUMBERING.replace('<w:num w:numId="1">', (
        '<w:abstractNum w:abstractNumId="20"><w:numStyleLink w:val="Loend"/></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="21"><w:styleLink w:val="Loend"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="bullet"/><w:lvlText w:val="–"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1">')).replace("</w:numbering>", (
            '<w:num w:numId="5"><w:abstractNumId w:val="20"/></w:num>'
            '<w:num w:numId="6"><w:abstractNumId w:val="21"/></w:num></w:numbering>'))
    body = _p("ÕIGUSED", "Pealkiri1") + _p("saada infot;", num=(5, 0)) + _p("osaleda koolitustel.", num=(5, 3))
    p = tmp_path / "loend.docx"
    p.write_bytes(_docx_package(_w(body), styles, numbering))
    doc = _rendering(registry, p)
    assert doc.text == "1. ÕIGUSED\n– saada infot;\nosaleda koolitustel.\n"


def test_suppression_directive_in_a_word_document(cli, tmp_path):
    """A reviewed exception is silenced in Word as in a text file: a paragraph of its own."""
    body = HANDMADE_BODY + _p("# ajlint: disable-next-line=AJ701") + _p("Teadmised kirjavahetusest ministriumidele.")
    p = tmp_path / "vaikne.docx"
    p.write_bytes(_docx_package(_w(body), STYLES, NUMBERING))
    hits = [(d["line"], d.get("locator")) for d in _check(cli, p) if d["code"] == "AJ701"]
    # the directive is line 24 (paragraph 15): line 25 is silenced, duty 3.3 on line 14 is not
    assert hits == [(14, "table 2, row 4, cell 1")]
    m = read_document(p, p.name, default_registry().readers).model
    assert not any("ajlint" in t.text for t in [m.requirements.languages_text, *m.knowledge] if t is not None)


def test_fix_never_rewrites_a_binary_document(cli, tmp_path, handmade_docx):
    p = tmp_path / "x.docx"
    p.write_bytes(handmade_docx.read_bytes())
    before = p.read_bytes()
    code, out, err = cli("check", "--fix", "--unsafe-fixes", "--isolated", "--no-cache", p)
    assert p.read_bytes() == before
    assert "apply them by hand in the original" in err


def test_docx_renamed_txt_is_read_as_word(cli, tmp_path, handmade_docx):
    p = tmp_path / "ametijuhend.txt"
    p.write_bytes(handmade_docx.read_bytes())
    assert [d["code"] for d in _check(cli, p) if d["code"] in ("AJ001", "AJ002")] == []
    assert any(d["code"] == "AJ701" and d["locator"] == "table 2, row 4, cell 1" for d in _check(cli, p))


def test_directory_walk_takes_binary_formats(cli, tmp_path, handmade_docx, built):
    (tmp_path / "a.docx").write_bytes(handmade_docx.read_bytes())
    (tmp_path / "b.odt").write_bytes(built[("000", "odt")].read_bytes())
    (tmp_path / "notes.zip").write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    code, out, err = cli("check", "--format", "json", "--isolated", "--no-cache", tmp_path)
    paths = {Path(d["path"]).name for d in json.loads(out)["diagnostics"]}
    assert {"a.docx", "b.odt"} <= paths and "notes.zip" not in paths


# -- a hand-written OpenDocument text --------------------------------------------------------------

ODT_BODY = (
    '<text:h text:outline-level="1">AMETIJUHEND</text:h>'
    '<text:h text:outline-level="2">1. ÜLDOSA</text:h>'
    "<table:table><table:table-column table:number-columns-repeated=\"3\"/>"
    "<table:table-row><table:table-cell><text:p>1.1 Ametinimetus</text:p></table:table-cell>"
    '<table:table-cell table:number-columns-spanned="2"><text:p>1.2 Struktuuriüksus</text:p></table:table-cell>'
    "<table:covered-table-cell/></table:table-row>"
    "<table:table-row><table:table-cell><text:p>Nõunik</text:p></table:table-cell>"
    '<table:table-cell table:number-columns-spanned="2"><text:p>Arendusosakond</text:p></table:table-cell>'
    "<table:covered-table-cell/></table:table-row>"
    "</table:table>"
    "<text:p/>"
    '<text:h text:outline-level="2">3. TEENISTUSKOHUSTUSED</text:h>'
    "<table:table><table:table-header-rows><table:table-row>"
    "<table:table-cell><text:p>Põhiülesanded</text:p></table:table-cell>"
    "<table:table-cell><text:p>Oodatavad tulemused</text:p></table:table-cell></table:table-row>"
    "</table:table-header-rows>"
    "<table:table-row><table:table-cell><text:p>3.1 Analüüside koostamine.</text:p></table:table-cell>"
    '<table:table-cell><text:list text:style-name="L1"><text:list-item><text:p>Analüüsid on'
    '<text:s text:c="2"/>koostatud.</text:p></text:list-item>'
    "<text:list-item><text:p>Ettepanekud on tehtud.</text:p></text:list-item></text:list></table:table-cell>"
    "</table:table-row>"
    '<table:table-row table:number-rows-repeated="1000000"><table:table-cell/><table:table-cell/></table:table-row>'
    "</table:table>"
    '<text:h text:outline-level="2">4. ÕIGUSED</text:h>'
    '<text:list text:style-name="L2"><text:list-item><text:p>saada infot;</text:p></text:list-item>'
    "<text:list-item><text:p>osaleda koolitustel<text:note><text:note-citation>1</text:note-citation>"
    "<text:note-body><text:p>Joonealune märkus.</text:p></text:note-body></text:note>.</text:p></text:list-item>"
    "</text:list>"
    "<text:tracked-changes><text:changed-region><text:deletion><text:p>KUSTUTATUD</text:p></text:deletion>"
    "</text:changed-region></text:tracked-changes>"
    '<text:h text:outline-level="2">7. AMETIKOHALE ESITATAVAD NÕUDED</text:h>'
    "<text:p>Keeleoskus<text:tab/>Eesti keelt vähemalt tasemel C1.<text:line-break/>"
    "Inglise keelt vähemalt tasemel B1.</text:p>"
)
ODT_STYLES = (
    '<text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="▪"/>'
    "</text:list-style>"
    '<text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-format="a" '
    'style:num-suffix=")"/></text:list-style>'
)
ODT_RENDERING = """\
AMETIJUHEND
1. ÜLDOSA
1.1 Ametinimetus\t1.2 Struktuuriüksus
Nõunik\tArendusosakond

3. TEENISTUSKOHUSTUSED
Põhiülesanded\tOodatavad tulemused
3.1 Analüüside koostamine.\t▪ Analüüsid on  koostatud. ▪ Ettepanekud on tehtud.

4. ÕIGUSED
a) saada infot;
b) osaleda koolitustel.
7. AMETIKOHALE ESITATAVAD NÕUDED
Keeleoskus\tEesti keelt vähemalt tasemel C1.
Inglise keelt vähemalt tasemel B1.
"""


def _odt_content_xml(body: str, styles: str = ODT_STYLES) -> str:
    from conftest_binary import ODT_NS

    return (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ODT_NS} office:version="1.3">'
            f"<office:automatic-styles>{styles}</office:automatic-styles>"
            f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")


def _odt(body: str, styles: str = ODT_STYLES) -> bytes:
    return odt_bytes(_odt_content_xml(body, styles))


def test_odt_rendering_and_model(registry, tmp_path):
    """Headings, a spanned and a covered cell, header rows, a bullet list in a cell, a numbered
    (a, b) list, repeated spaces, a footnote (not text), a tracked deletion (not text), a tab and a
    line break; a row repeated a million times (empty) is one row."""
    p = tmp_path / "noustaja.odt"
    p.write_bytes(_odt(ODT_BODY))
    doc = _rendering(registry, p)
    assert doc.read_error is None
    assert doc.text == ODT_RENDERING
    m = doc.model
    assert m.info.format == "odt"
    assert (m.title.text, m.unit.text) == ("Nõunik", "Arendusosakond")
    assert [r.text for r in m.duties[0].results] == ["Analüüsid on  koostatud.", "Ettepanekud on tehtud."]
    # the list's letters are drawn before the items, as a reader sees them (and as in a text file)
    assert [r.text for r in m.rights] == ["a) saada infot;", "b) osaleda koolitustel."]
    assert [(x.language, x.level) for x in m.requirements.languages] == [("eesti", "C1"), ("inglise", "B1")]
    assert doc.locator_at(1) == "paragraph 1"
    assert doc.locator_at(8, 1) == "table 2, row 2, cell 1"
    assert doc.locator_at(8, 28) == "table 2, row 2, cell 2"  # after "3.1 Analüüside koostamine." and the tab
    assert doc.locator_at(11) == "paragraph 6"  # headings and list items count as paragraphs


# -- PDF ------------------------------------------------------------------------------------------------

@needs_font
def test_pdf_rendering(registry, tmp_path):
    """A ruled table comes out as table rows (cells, not one scrambled line); lines outside it as laid
    out; a page break and a visible gap (a spacer, the space above a heading) are empty lines; each
    line's locator is its page."""
    from conftest_binary import Block

    blocks = [
        Block("para", "AMETIJUHEND", heading=1),
        Block("para", "1. ÜLDOSA", heading=2),
        Block("table", rows=[[[("1.1 Ametinimetus", None)], [("1.2 Struktuuriüksus", None)]],
                             [[("Jurist", None)], [("Õigusosakond", None)]]]),
        Block("blank"),
        Block("para", "3. TEENISTUSKOHUSTUSED", heading=2),
        Block("table", rows=[[[("Põhiülesanded", None)], [("Oodatavad tulemused", None)]],
                             [[("3.1 Lepingute koostamine.", None)],
                              [("Lepingud on koostatud.", "▪"), ("Lepingud on kooskõlastatud.", "▪")]]]),
        Block("pagebreak"),
        Block("para", "4. ÕIGUSED", heading=2),
        Block("para", "saada infot.", "▪"),
    ]
    p = tmp_path / "jurist.pdf"
    p.write_bytes(pdf_bytes(blocks, FONT))
    doc = _rendering(registry, p)
    assert doc.read_error is None
    assert doc.text == (
        "AMETIJUHEND\n"
        "\n"
        "1. ÜLDOSA\n"
        "1.1 Ametinimetus\t1.2 Struktuuriüksus\n"
        "Jurist\tÕigusosakond\n"
        "\n"
        "3. TEENISTUSKOHUSTUSED\n"
        "Põhiülesanded\tOodatavad tulemused\n"
        "3.1 Lepingute koostamine.\t▪ Lepingud on koostatud. ▪ Lepingud on kooskõlastatud.\n"
        "\n"
        "4. ÕIGUSED\n"
        "▪ saada infot.\n"
    )
    assert [doc.locator_at(n) for n in (1, 9, 10, 11, 12)] == ["page 1", "page 1", "page 2", "page 2", "page 2"]
    m = doc.model
    assert (m.title.text, m.unit.text) == ("Jurist", "Õigusosakond")
    assert [r.text for r in m.duties[0].results] == ["Lepingud on koostatud.", "Lepingud on kooskõlastatud."]


def test_image_only_pdf_says_ocr_it_first(cli, tmp_path):
    p = tmp_path / "skaneeritud.pdf"
    p.write_bytes(image_only_pdf())
    [d] = _check(cli, p)
    assert d["code"] == "AJ001" and (d["line"], d["column"]) == (1, 1)
    assert "no text layer" in d["message"] and "OCR it first" in d["message"]


def test_damaged_pdf(cli, tmp_path):
    p = tmp_path / "katki.pdf"
    p.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n")
    [d] = _check(cli, p)
    assert d["code"] == "AJ001" and "PDF" in d["message"]


def test_pdf_without_the_extra_names_it(cli, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pdfplumber", None)  # "import pdfplumber" now raises ImportError
    p = tmp_path / "ametijuhend.pdf"
    p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    [d] = _check(cli, p)
    assert d["code"] == "AJ001"
    assert "pip install 'ajlint[pdf]'" in d["message"]
    with pytest.raises(ReadError, match=r"ajlint\[pdf\]"):
        PdfReader().read(p.read_bytes(), p.name)


def test_pdf_page_limit():
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for i in range(4):
        c.drawString(72, 720, f"lehekülg {i + 1}")
        c.showPage()
    c.save()
    with pytest.raises(ReadError, match="4 pages, over the limit of 3"):
        PdfReader(max_pages=3).read(buf.getvalue(), "pikk.pdf")


# -- hostile files -------------------------------------------------------------------------------------

def _zip_declaring(entries: list[tuple[str, bytes, int]]) -> bytes:
    """A ZIP whose entries declare the given uncompressed sizes (deflated data, honest CRC)."""
    out = io.BytesIO()
    central = []
    for name, data, declared in entries:
        comp = zlib.compressobj(9, zlib.DEFLATED, -15)
        cdata = comp.compress(data) + comp.flush()
        crc = zlib.crc32(data)
        off = out.tell()
        nb = name.encode()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(cdata), declared, len(nb), 0))
        out.write(nb + cdata)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(cdata),
                                   declared, len(nb), 0, 0, 0, 0, 0, off) + nb)
    cd_off = out.tell()
    cd = b"".join(central)
    out.write(cd)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(cd), cd_off, 0))
    return out.getvalue()


def test_zip_bomb_declared_size(cli, tmp_path):
    """4 GiB declared by a 2 KB file: refused before anything is decompressed."""
    p = tmp_path / "pomm.docx"
    p.write_bytes(_zip_declaring([("[Content_Types].xml", b"<Types/>", 8),
                                  ("word/document.xml", b"\x00" * 2_000_000, 0xFFFF_FF00)]))
    assert p.stat().st_size < 10_000
    [d] = _check(cli, p)
    assert d["code"] == "AJ001"
    assert "4.0 GiB" in d["message"] and "zip bomb" in d["message"]


def test_zip_bomb_part_over_the_part_limit():
    """A part that really expands to 5 MiB, read with a 1 MiB limit per part."""
    data = _zip_declaring([("word/document.xml", b" " * (5 * 1024 * 1024), 5 * 1024 * 1024)])
    reader = DocxReader(zipsafe.ZipLimits(max_part=1024 * 1024))
    with pytest.raises(ReadError, match=r"'word/document.xml' .* declares 5.0 MiB uncompressed, over the limit of "
                                        r"1.0 MiB: refused as a possible zip bomb"):
        reader.read(data, "pomm.docx")


def test_zip_that_lies_about_its_size():
    """Declared 100 bytes, really 5 MiB: never more than the declared size is read, and the CRC fails."""
    data = _zip_declaring([("word/document.xml", b"<a>" + b" " * (5 * 1024 * 1024) + b"</a>", 100)])
    with pytest.raises(ReadError, match="damaged"):
        DocxReader().read(data, "valetab.docx")


def test_zip_with_too_many_entries(cli, tmp_path):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        z.writestr("word/document.xml", _w(_p("AMETIJUHEND")))
        for i in range(zipsafe.DEFAULT_LIMITS.max_entries):
            z.writestr(f"word/media/x{i}.bin", b"")
    p = tmp_path / "palju.docx"
    p.write_bytes(buf.getvalue())
    [d] = _check(cli, p)
    assert d["code"] == "AJ001"
    assert f"{zipsafe.DEFAULT_LIMITS.max_entries + 1} entries, over the limit of" in d["message"]


# the classic: lol9 expands to 10^9 "lol"s (3 GB) from a few hundred bytes
BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">'
    + "".join(f'<!ENTITY lol{i} "' + f"&lol{i - 1};" * 10 + '">' for i in range(1, 10))
    + "]>"
)


def test_xml_bomb_in_word_document(cli, tmp_path):
    p = tmp_path / "naer.docx"
    p.write_bytes(_docx_package(BILLION_LAUGHS + f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol9;'
                                "</w:t></w:r></w:p></w:body></w:document>"))
    [d] = _check(cli, p)
    assert d["code"] == "AJ001"
    assert "word/document.xml declares a document type (DTD)" in d["message"]


def test_xml_bomb_in_opendocument(cli, tmp_path):
    p = tmp_path / "naer.odt"
    p.write_bytes(odt_bytes(BILLION_LAUGHS + "<office:document-content/>"))
    [d] = _check(cli, p)
    assert d["code"] == "AJ001" and "content.xml declares a document type (DTD)" in d["message"]


def test_external_entity_is_not_resolved(cli, tmp_path):
    secret = tmp_path / "salajane.txt"
    secret.write_text("SALAJANE-SISU", encoding="utf-8")
    p = tmp_path / "xxe.docx"
    p.write_bytes(_docx_package(
        f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>'))
    code, out, err = cli("check", "--format", "json", "--isolated", "--no-cache", p)
    assert "SALAJANE-SISU" not in out + err
    [d] = json.loads(out)["diagnostics"]
    assert d["code"] == "AJ001" and "DTD" in d["message"]


def test_xml_bomb_in_utf16_is_refused_too():
    """The guarded parser (for encodings a byte search cannot see through) refuses the DTD as well."""
    xml = ('<?xml version="1.0" encoding="UTF-16"?>' + BILLION_LAUGHS[len('<?xml version="1.0"?>'):]
           + f'<w:document xmlns:w="{W}"><w:body/></w:document>').encode("utf-16")
    with pytest.raises(ReadError, match="DTD"):
        DocxReader().read(_docx_package(xml), "x.docx")


def test_damaged_and_wrong_zips(cli, tmp_path):
    cases = {
        "katki.docx": b"PK\x03\x04" + b"\x00" * 100,  # no central directory
        "vale.docx": zipfile.ZipFile.__name__.encode() * 10,  # not a ZIP at all
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "no Word here")
    cases["pole-word.docx"] = buf.getvalue()
    for name, data in cases.items():
        (tmp_path / name).write_bytes(data)
        [d] = _check(cli, tmp_path / name)
        assert d["code"] == "AJ001", name
    [d] = _check(cli, tmp_path / "katki.docx")
    assert "damaged ZIP" in d["message"]
    [d] = _check(cli, tmp_path / "pole-word.docx")
    assert "no Word document" in d["message"]


def test_encrypted_entry(tmp_path):
    data = bytearray(_zip_declaring([("word/document.xml", b"<a/>", 4)]))
    # set the "encrypted" flag in the local and central headers
    for sig in (b"PK\x03\x04", b"PK\x01\x02"):
        k = data.find(sig)
        flag_at = k + (6 if sig == b"PK\x03\x04" else 8)
        data[flag_at] |= 1
    with pytest.raises(ReadError, match="encrypted"):
        DocxReader().read(bytes(data), "parool.docx")


def test_deep_nesting_is_refused_not_a_crash(cli, tmp_path):
    deep = "<w:tbl><w:tr><w:tc>" * 3000 + "<w:p/>" + "</w:tc></w:tr></w:tbl>" * 3000
    p = tmp_path / "sugav.docx"
    p.write_bytes(_docx_package(_w(deep)))
    [d] = _check(cli, p)
    assert d["code"] == "AJ001" and "too deeply" in d["message"]


def test_maximum_file_size_is_configurable(registry, handmade_docx):
    doc = read_document(handmade_docx, "x.docx", registry.readers, max_bytes=1000)
    assert doc.read_error is not None and "over the limit of 1000" in doc.read_error
    assert read_document(handmade_docx, "x.docx", registry.readers).read_error is None


@pytest.mark.parametrize("cached", [False, True])
def test_engine_size_limit_with_and_without_the_cache(tmp_path, handmade_docx, cached):
    from ajlint.cache import Cache
    from ajlint.engine import Engine

    engine = Engine(default_registry(), cache=Cache(tmp_path) if cached else None)
    engine.max_bytes = 1000  # what a configuration key max-file-size would set
    [doc] = engine.load([(handmade_docx, "x.docx")])
    assert doc.read_error is not None and "over the limit of 1000" in doc.read_error
    [d] = engine.run([doc])
    assert d.code == "AJ001"


def test_odt_reader_refuses_other_zips():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(ReadError, match="no content.xml"):
        OdtReader().read(buf.getvalue(), "tyhi.odt")


# -- damaged files never stop the run -------------------------------------------------------------

def _fuzz_inputs() -> dict[str, bytes]:
    from conftest_binary import asice_bytes

    word = _docx_package(_w(HANDMADE_BODY), STYLES, NUMBERING)
    return {"x.docx": word, "x.odt": _odt(ODT_BODY), "x.asice": asice_bytes({"a.docx": word})}


_FUZZ = _fuzz_inputs()


@pytest.mark.parametrize("name", sorted(_FUZZ))
def test_damaged_zip_documents_give_a_finding_not_a_crash(registry, name):
    """Flipped bytes and truncation: the ZIP layer notices (CRC, structure) and says so."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from ajlint.document import document_from_bytes

    original = _FUZZ[name]

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(st.lists(st.tuples(st.integers(0, len(original) - 1), st.integers(0, 255)), min_size=1, max_size=12),
           st.integers(min_value=len(original) // 2, max_value=len(original)))
    def run(flips, cut):
        data = bytearray(original[:cut])
        for pos, value in flips:
            if pos < len(data):
                data[pos] = value
        doc = document_from_bytes(bytes(data), Path(name), name, registry.readers)
        assert doc.read_error or doc.model is not None or doc.not_job_description or doc.parts

    run()


@pytest.mark.parametrize("fmt", ["docx", "odt"])
def test_odd_but_well_formed_xml_gives_a_finding_not_a_crash(registry, fmt):
    """Well-formed XML in shapes no application writes (elements moved under others, duplicated or
    dropped, attribute values replaced): the walkers read what they can or refuse, never crash."""
    import copy
    import xml.etree.ElementTree as ET

    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from ajlint.document import document_from_bytes

    source = _w(HANDMADE_BODY) if fmt == "docx" else _odt_content_xml(ODT_BODY)
    values = st.sampled_from(["", "0", "-1", "99999999", "x", "restart", "continue", "bullet", "%9.%1", "\uf0b7",
                              "true", "L1", "Pealkiri1", "a", "I"])

    @settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(st.lists(st.tuples(st.sampled_from(["move", "copy", "drop", "attr"]), st.integers(0, 10**6),
                              st.integers(0, 10**6), values), min_size=1, max_size=8))
    def run(ops):
        root = ET.fromstring(source.encode())
        for op, a, b, value in ops:
            nodes = list(root.iter())[1:]
            parents = {c: p for p in root.iter() for c in p}
            if not nodes:
                break
            x = nodes[a % len(nodes)]
            y = nodes[b % len(nodes)]
            if op == "drop":
                parents[x].remove(x)
            elif op == "copy":
                parents[x].insert(0, copy.deepcopy(x))
            elif op == "move" and x is not y and x not in list(y.iter()) and y not in list(x.iter()):
                parents[x].remove(x)
                y.append(x)
            elif op == "attr":
                for k in list(x.attrib)[:1] or ["{%s}val" % W]:
                    x.set(k, value)
        xml = ET.tostring(root, encoding="unicode")
        data = _docx_package(xml, STYLES, NUMBERING) if fmt == "docx" else odt_bytes(xml)
        doc = document_from_bytes(data, Path(f"x.{fmt}"), f"x.{fmt}", registry.readers)
        assert doc.read_error or doc.model is not None or doc.not_job_description

    run()

