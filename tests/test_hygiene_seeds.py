"""The hygiene and privacy rules on the five seed documents: only the findings a careful HR reviewer
agrees with, each argued; the rest of what a naive checker would say is asserted absent.

The rules run through ``ajlint check`` (the built-in plugin), so this also shows they are registered.
"""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout

import pytest

from ajlint.builtin.rules.hygiene.aj504_whitespace import Whitespace
from ajlint.cli import main
from ajlint.document import build, read_document
from ajlint.readers.text import TextReader

from conftest import seed

CODES = {"AJ502", "AJ503", "AJ504", "AJ505", "AJ601", "AJ602"}


@pytest.fixture(scope="module")
def report():
    buf = io.StringIO()
    with redirect_stdout(buf):
        main(["check", "--format", "json", "--exit-zero"] + [str(seed(p)) for p in ("000", "001", "002", "003", "004")])
    return json.loads(buf.getvalue())


def hygiene(report, prefix: str) -> list[tuple[str, int, int]]:
    name = seed(prefix).name
    return sorted(
        (d["code"], d["line"], d["column"])
        for d in report["diagnostics"]
        if d["code"] in CODES and d["path"].endswith(name)
    )


def finding(report, prefix: str, code: str, line: int) -> dict:
    name = seed(prefix).name
    return next(d for d in report["diagnostics"]
                if d["code"] == code and d["line"] == line and d["path"].endswith(name))


def test_seed_000(report):
    assert hygiene(report, "000") == [
        # Koostöövõime's indicators: the first is "<li>▪ Tajub oma rolli …" inside the HTML list of
        # line 78, the next three are markdown items "- Tegutseb …", "- Täidab …", "- On avatud …"
        # (lines 80-82). One list, two bullets: the converter switched style in the middle of it.
        ("AJ503", 80, 1),
    ]
    d = finding(report, "000", "AJ503", 80)
    assert d["section"] == "requirements"
    # ▪ is the document's majority (duties, competencies); replacing "- " markers with ▪ turns the
    # markdown list into a paragraph, so the fix is offered as unsafe
    assert d["fix"]["applicability"] == "unsafe" and len(d["fix"]["edits"]) == 3
    # Absent: no abbreviation in capitals, no doubled or trailing spaces (its tabs separate grid
    # cells: lines 7-11 and the duties table), no personal data, no placeholders.


def test_seed_001(report):
    assert hygiene(report, "001") == [
        # line 182, "kasutada kdiki SKA esindusi": SKA is used once and defined nowhere.
        ("AJ502", 182, 16),
    ]
    # Absent, and rightly so:
    # - AJ503: the results and competency lists mix "=" and "»" (e.g. duty 3.1, lines 55-64), but both
    #   are OCR's readings of the one printed bullet (▪ in the same template's other seeds); AJ005
    #   already says the text is OCR, and "fixing" OCR noise would not change the signed document.
    # - AJ502: "MG&ju" (line 92), "TO6ks" (235), "PGhjendab" (297) are OCR damage, not abbreviations;
    #   MS (line 231, "MS Office") is well known; ULDOSA, TOOULESANDED … are headings in capitals.
    # - AJ504: the OCR text has no doubled or trailing spaces.


def test_seed_002(report):
    assert hygiene(report, "002") == [
        # line 91, "(ministeeriumid, PPA, kohalikud": PPA (Politsei- ja Piirivalveamet) is never written out
        ("AJ502", 91, 18),
        # the trailing spaces of the PDF export (below)
        ("AJ504", 2, 30),
        # "ja         arendamine" (9 spaces), "aja- ja  tegevuskava", "teavitustegevuste  ning"
        ("AJ504", 42, 23),
        ("AJ504", 81, 8),
        ("AJ504", 133, 18),
    ]
    # the PDF export ends 270 lines with a space (grep -c ' $' agrees): one finding, on the first
    # (line 2, "Töölepingu juurde kuuluv lisa "), with one fix for all of them
    trailing = finding(report, "002", "AJ504", 2)
    assert "270 lines" in trailing["message"] and len(trailing["fix"]["edits"]) == 270
    assert finding(report, "002", "AJ504", 42)["end_column"] == 32
    # Absent: AJ503 — duty 3.1 writes its sub-items with ▪ (lines 43-53) and its results with •
    # (lines 55-73): two lists, each consistent; the rights, responsibilities and competencies use ▪.
    # MS ("Vilunud MS Office", line 283) is well known.


def test_seed_003(report):
    assert hygiene(report, "003") == [
        # line 56, "toimuvatest NEET-noorte" (below)
        ("AJ502", 56, 13),
        # 195 lines end with spaces: one finding on the first (line 2 holds a single space)
        ("AJ504", 2, 1),
        # "2.  TÖÖKOHA EESMÄRK", "3.  TÖÖÜLESANDED": a doubled space after the section number
        ("AJ504", 25, 3),
        ("AJ504", 36, 3),
        # "kliendi  (nii", "saavutab  kokkulepitud", "Abivalmidus:  Kuulab"
        ("AJ504", 216, 22),
        ("AJ504", 223, 77),
        ("AJ504", 276, 15),
    ]
    # line 56, "toimuvatest NEET-noorte": NEET is used three times (56, 94, 123) and never explained
    neet = finding(report, "003", "AJ502", 56)
    assert "'NEET'" in neet["message"] and "3×" in neet["message"]
    assert neet["section"] == "duties"
    # Absent: KOV — defined on line 29, "kohalike omavalitsuste (edaspidi KOV)", before every use
    # (KOVi, KOVidele, KOVid, KOVideni …). "läbiviimine.␣␣" (line 80) ends the line: counted with the
    # trailing spaces, not as a doubled space.
    assert "195 lines" in finding(report, "003", "AJ504", 2)["message"]


def test_seed_004(report):
    assert hygiene(report, "004") == [
        # line 36, "rakendades SKA üleseid põhimõtteid": SKA also on line 47 (twice); the purpose
        # defines only "Sotsiaalkindlustusameti (edaspidi amet)", never SKA
        ("AJ502", 36, 67),
    ]
    assert "3×" in finding(report, "004", "AJ502", 36)["message"]
    # Absent: the pipe tables' cell padding ("| | |") is layout; the duties use ▪ throughout, the
    # rights, responsibilities and competencies use "- " throughout.


def test_fixing_the_whitespace_of_a_pdf_seed_leaves_nothing_to_report():
    doc = read_document(seed("002"), "002.txt", [TextReader()])
    found = list(Whitespace().check(doc))
    edits = sorted((e for d in found for e in d.fix.edits), key=lambda e: e.start)
    text = doc.text
    for e in reversed(edits):
        text = text[:e.start] + e.replacement + text[e.end:]
    assert "3.1 Tiimi juhtimine ja arendamine, sh:\n" in text
    fixed = build("002.txt", TextReader().read(text.encode("utf-8"), "002.txt"))
    assert list(Whitespace().check(fixed)) == []
    # the fix changes whitespace only
    assert text.split() == doc.text.split()
