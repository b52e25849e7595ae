"""The HR quality review report (``ajlint report`` / ``--format html``), read back without a browser.

The page is parsed with the standard library into a small tree and checked for what a reviewer reads
in it: every finding of the JSON output with its quoted and marked source text, grouped by the section of
the job description, the fix where there is one, the native location; the overview; the organisation
graph with the findings behind each broken link. tests/test_report_browser.py opens it in Chromium.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import shutil
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ajlint import report
from ajlint.cli import main
from ajlint.diagnostics import Diagnostic, Message, Severity
from ajlint.ltext import Span
from ajlint.reporters import html_strings
from ajlint.reporters.html import CAP, WEIGHTS, family_of, score

from conftest import FIXTURES, SEEDS, seed

ORG = FIXTURES / "org"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


# -- a small DOM ----------------------------------------------------------------------------------------

class Node:
    def __init__(self, tag: str, attrs: dict, parent: "Node | None"):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list = []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def iter(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.iter()

    def all(self, tag: str | None = None, cls: str | None = None) -> list["Node"]:
        return [n for n in self.iter() if (tag is None or n.tag == tag) and (cls is None or cls in n.classes)]

    def one(self, tag: str | None = None, cls: str | None = None) -> "Node":
        found = self.all(tag, cls)
        assert len(found) == 1, (tag, cls, len(found))
        return found[0]

    def first(self, tag: str | None = None, cls: str | None = None) -> "Node | None":
        return next(iter(self.all(tag, cls)), None)

    def up(self, tag: str, cls: str | None = None) -> "Node | None":
        n = self.parent
        while n is not None and not (n.tag == tag and (cls is None or cls in n.classes)):
            n = n.parent
        return n


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        n = Node(tag, dict(attrs), self.cur)
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, dict(attrs), self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(html: str) -> Node:
    b = _Builder()
    b.feed(html)
    b.close()
    return b.root


# -- helpers ------------------------------------------------------------------------------------------

def check_json(*paths, lang: str = "en") -> list[dict]:
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        main(["check", "--format", "json", "--no-cache", "--lang", lang, *map(str, paths)])
    return json.loads(buf.getvalue())["diagnostics"]


def run_report(*argv) -> tuple[int, str]:
    p = argparse.ArgumentParser(prog="ajlint report")
    report.add_arguments(p)
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = report.run(p.parse_args([str(a) for a in argv]))
    return code, err.getvalue()


def make_report(tmp_path: Path, *paths, lang: str = "en", extra=()) -> tuple[str, Node]:
    out = tmp_path / f"report-{lang}.html"
    code, err = run_report(*paths, "-o", out, "--lang", lang, "--no-cache", *extra)
    assert code == 0, err
    html = out.read_text(encoding="utf-8")
    return html, parse(html)


def findings(dom: Node) -> list[dict]:
    """Every finding element as (path, code, line, column, message, …)."""
    out = []
    for li in dom.all("li", "f"):
        doc = li.up("section", "doc")
        line, col = map(int, li.attrs["data-l"].split(":"))
        fh = li.one("p", "fh")
        out.append({
            "path": doc.attrs["data-path"], "code": fh.one("b").text(), "line": line, "column": col,
            "message": li.one("p", "msg").text(), "rule": fh.one("i").text(), "loc": fh.one("span", "loc").text(),
            "severity": next(c for c in li.classes if c in ("e", "w", "i")), "node": li,
        })
    return out


def find(items: list[dict], path_part: str, code: str, line: int, column: int) -> dict:
    got = [f for f in items if path_part in f["path"] and f["code"] == code and (f["line"], f["column"]) == (line, column)]
    assert len(got) == 1, (path_part, code, line, column, len(got))
    return got[0]


def marks(li: Node) -> list[str]:
    pre = li.first("pre", "src")
    return [m.text() for m in pre.all("mark")] if pre is not None else []


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("seeds")
    html, dom = make_report(tmp, *SEEDS)
    return html, dom, check_json(*SEEDS)


# -- every finding, with its source --------------------------------------------------------------------

def test_every_finding_of_the_json_output_is_in_the_report(seeds_report):
    _, dom, expected = seeds_report
    got = Counter((f["path"], f["code"], f["line"], f["column"], f["message"]) for f in findings(dom))
    want = Counter((d["path"], d["code"], d["line"], d["column"], d["message"]) for d in expected)
    assert got == want
    assert len(expected) > 50  # the seeds are not clean: the comparison is not vacuous
    # and each finding has its severity and rule name as the JSON says
    sev = {(d["path"], d["line"], d["column"], d["code"]): (d["severity"][0], d["rule"]) for d in expected}
    for f in findings(dom):
        assert (f["severity"], f["rule"]) == sev[(f["path"], f["line"], f["column"], f["code"])]


def test_the_page_is_self_contained(seeds_report):
    html, dom, _ = seeds_report
    assert html.startswith("<!DOCTYPE html>")
    assert not dom.all("link") and not dom.all("iframe") and not dom.all("img")
    for n in dom.iter():
        assert "src" not in n.attrs, n.tag  # no external script, image or frame
        href = n.attrs.get("href")
        assert href is None or href.startswith("#"), href
    scripts = dom.all("script")
    assert scripts and all(not s.attrs.get("src") for s in scripts)
    # the only URL is the SVG namespace, which is a name and never fetched
    assert set(re.findall(r"https?://[^\s\"'<>)]+", html)) <= {"http://www.w3.org/2000/svg"}
    assert "@import" not in html and "@font-face" not in html
    assert set(re.findall(r"url\(([^)]*)\)", html)) <= {"#am", "#as", "#ab", "#au"}


def test_seed_findings_are_quoted_marked_and_fixed(seeds_report):
    _, dom, _ = seeds_report
    items = findings(dom)
    # 000: the grid label "1.1 Ametnimetus" lacks an "i"; the template spells it Ametinimetus
    f = find(items, "000_", "AJ104", 7, 5)
    assert marks(f["node"]) == ["Ametnimetus"]
    assert f["loc"] == "line 7, column 5"
    fix = f["node"].one("p", "fix")
    assert [n.text() for n in fix.all("del")] == ["Ametnimetus"] and [n.text() for n in fix.all("ins")] == ["Ametinimetus"]
    assert fix.one("span", "fx").text() == "Safe fix"
    assert f["node"].up("section", "grp").one("h4").text() == "General part 1. ÜLDOSA"
    # 000: 'Kliendikeskus' is a misspelt competency name (Kliendikesksus)
    f = find(items, "000_", "AJ401", 78, 7)
    assert marks(f["node"]) == ["Kliendikeskus"]
    assert [n.text() for n in f["node"].all("ins")] == ["Kliendikesksus"]
    # 002: duty number "3.4." where the others are "3.4" style: the fix deletes the final dot, at 103:4
    f = find(items, "002_", "AJ103", 103, 1)
    assert marks(f["node"]) == ["3.4."]
    fix = f["node"].one("p", "fix")
    assert fix.one("span", "at").text() == "103:4" and [n.text() for n in fix.all("del")] == ["."]
    assert not fix.all("ins")
    # 003 has no TÖÖVAHENDID section (sections renumbered): reported under Equipment
    f = find(items, "003_", "AJ101", 181, 1)
    assert "TÖÖVAHENDID" in f["message"]
    assert f["node"].up("section", "grp").one("h4").text() == "Equipment"
    assert f["severity"] == "e"
    # 001 (OCR): a competency indicator that runs over two lines is quoted on both, marked on both
    f = find(items, "001_", "AJ402", 255, 3)
    pre = f["node"].one("pre", "src")
    assert [n.text() for n in pre.all("span", "ln")] == ["255", "256"]
    assert len(marks(f["node"])) == 2
    assert f["loc"] == "lines 255–256, column 3"
    # 004: the plural direct-report title matches no position of the five (the set is partial)
    f = find(items, "004_", "AJ202", 20, 3)
    assert marks(f["node"]) == ["Klienditeeninduse spetsialistid"]


def test_findings_are_grouped_by_section_in_document_order(seeds_report):
    _, dom, _ = seeds_report
    doc = next(s for s in dom.all("section", "doc") if "000_" in s.attrs["data-path"])
    heads = [g.one("h4").text() for g in doc.all("section", "grp")]
    # 000: the grid (1.), duties (3.), requirements (7.); the missing review clause (8.) at the end
    assert heads == ["General part 1. ÜLDOSA", "Duties 3. TEENISTUSKOHUSTUSED",
                     "Requirements 7. AMETIKOHALE ESITATAVAD NÕUDED", "Amending the job description"]
    # inside a group, by line and column
    for g in doc.all("section", "grp"):
        pos = [tuple(map(int, li.attrs["data-l"].split(":"))) for li in g.all("li", "f")]
        assert pos == sorted(pos)
    meta = doc.one("dl", "meta").text()
    assert "Ohvriabi ja ennetusteenuste osakond, ohvriabi talitus" in meta and "ska-2023" in meta
    assert doc.one("h3").text() == "Inimkaubandusohvrite teenuse juht"


# -- overview ---------------------------------------------------------------------------------------------

def test_score_formula():
    def d(code, sev):
        return Diagnostic("a.md", code, "r", Severity(sev), Message("m", "m"), {}, Span(1, 1, 1, 2))

    # 100 − 10 (one error) − 3 × 5 (seven warnings of one rule, counted five times) − 2 × 1 (two infos)
    diags = [d("AJ101", "error")] + [d("AJ402", "warning")] * 7 + [d("AJ504", "info")] * 2
    assert (WEIGHTS, CAP) == ({"error": 10, "warning": 3, "info": 1}, 5)
    assert score(diags) == 73
    assert score([]) == 100
    assert score([d(f"AJ{n}", "error") for n in range(100, 112)]) == 0  # never below 0
    assert score([], readable=False) == 0


def test_overview(seeds_report):
    _, dom, expected = seeds_report
    ov = next(s for s in dom.all("section") if s.attrs.get("id") == "overview")
    cards = [li.text() for li in ov.one("ul", "cards").all("li")]
    sev = Counter(d["severity"] for d in expected)
    assert cards[:3] == ["5 documents checked", f"{len(expected)} findings", "5 documents with findings"]
    assert cards[3:] == [f"{sev['error']} error", f"{sev['warning']} warning", f"{sev['info']} info"]
    # one bar per rule with findings, most frequent first, its count in the tooltip
    per_rule = Counter(d["code"] for d in expected)
    bars = [g.one("title").text() for g in ov.one("svg", "chart").all("g")]
    names = {d["code"]: d["rule"] for d in expected}
    assert sorted(bars) == sorted(f"{c} {names[c]}: {n}" for c, n in per_rule.items())
    counts = [int(b.rsplit(": ", 1)[1]) for b in bars]
    assert counts == sorted(counts, reverse=True)
    # families: the built-in rule packages (AJ701 is a declarative rule)
    fam_rows = {tr.one("th").text(): int(tr.all("td")[0].text())
                for tr in ov.all("table")[1].one("tbody").all("tr")}
    assert fam_rows["Competencies"] == sum(n for c, n in per_rule.items() if c.startswith("AJ4"))
    assert fam_rows["Wording rules"] == per_rule["AJ701"]
    assert sum(fam_rows.values()) == len(expected)
    # worst first, by the score the page explains (computed here from the JSON findings)
    explained = ov.one("p", "explain").text()
    assert "drops by 10 for each error, 3 for each warning and 1 for each information finding" in explained
    assert "at most 5 times" in explained

    def by_formula(path):
        mine = [d for d in expected if d["path"] == path]
        c = Counter()
        pen = 0
        for d in mine:
            c[d["code"]] += 1
            if c[d["code"]] <= 5:
                pen += {"error": 10, "warning": 3, "info": 1}[d["severity"]]
        return max(0, 100 - pen), -sum(d["severity"] == "error" for d in mine), -len(mine), path

    rows = ov.one("table", "docs").one("tbody").all("tr")
    paths = [r.one("span", "p").text() for r in rows]
    assert set(paths) == {d["path"] for d in expected} and paths == sorted(paths, key=by_formula)
    assert [int(r.one("span", "score").text()) for r in rows] == [by_formula(p)[0] for p in paths]
    # and the document sections come in the same order
    assert [s.attrs["data-path"] for s in dom.all("section", "doc")] == paths


def test_families_of_rules():
    from ajlint.plugins import default_registry

    fams = {r.code: family_of(r) for r in default_registry().rules}
    assert fams["AJ001"] == "core" and fams["AJ101"] == "structure" and fams["AJ201"] == "links"
    assert fams["AJ301"] == "language" and fams["AJ401"] == "competency" and fams["AJ601"] == "hygiene"
    assert fams["AJ701"] == "declarative"
    for fam in set(fams.values()):
        assert fam in html_strings.FAMILY["en"] and fam in html_strings.FAMILY["et"]


# -- languages --------------------------------------------------------------------------------------------

def test_every_interface_string_exists_in_both_languages():
    for table in (html_strings.UI, html_strings.SEVERITY, html_strings.FAMILY, html_strings.SECTION,
                  html_strings.KIND):
        assert set(table["en"]) == set(table["et"])
    for key, en in html_strings.UI["en"].items():
        et = html_strings.UI["et"][key]
        assert et and set(re.findall(r"\{\w+\}", en)) == set(re.findall(r"\{\w+\}", et)), key


def test_estonian_report(tmp_path):
    html, dom = make_report(tmp_path, *SEEDS, lang="et")
    expected = check_json(*SEEDS, lang="et")
    assert dom.one("html").attrs["lang"] == "et"
    h2 = [h.text() for h in dom.all("h2")]
    assert h2 == ["Ülevaade", "Organisatsioon", "Dokumendid"]
    got = Counter((f["path"], f["code"], f["line"], f["column"], f["message"]) for f in findings(dom))
    assert got == Counter((d["path"], d["code"], d["line"], d["column"], d["message"]) for d in expected)
    f = find(findings(dom), "000_", "AJ104", 7, 5)
    assert f["loc"] == "rida 7, veerg 5" and f["node"].one("span", "sev").text() == "hoiatus"
    assert f["node"].up("section", "grp").one("h4").text() == "Üldosa 1. ÜLDOSA"
    assert f["node"].one("span", "fx").text() == "Ohutu parandus"
    for key in ("overview", "worst_first", "by_family", "filters", "search", "links_with_findings"):
        assert html_strings.UI["en"][key] not in html
    assert "Dokumendid, halvemad eespool" in html


# -- personal data, odd input, native locations ---------------------------------------------------------

def test_personal_data_is_never_quoted(tmp_path):
    html, dom = make_report(tmp_path, FIXTURES / "hygiene" / "privacy.txt")
    # the signature line holds an identification code: AJ601 marks it, the page masks it
    assert "48704120068" not in html
    f = next(f for f in findings(dom) if f["code"] == "AJ601")
    assert marks(f["node"]) == ["•••••••0068"]


def test_odd_documents_and_locations_do_not_break_the_page(tmp_path):
    (tmp_path / "tyhi.md").write_text("", encoding="utf-8")
    (tmp_path / "binaar.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "kiri.md").write_text("Tere!\n\nSee on kiri, mitte ametijuhend.\n", encoding="utf-8")
    html, dom = make_report(tmp_path, tmp_path)
    items = findings(dom)
    assert {f["code"] for f in items} >= {"AJ001", "AJ002"}
    notes = [n.text() for n in dom.all("p", "note")]
    assert any(n.startswith("Not read:") for n in notes) and any(n.startswith("Not a job description:") for n in notes)
    # a finding whose location is outside the text is listed, without a quote
    from ajlint.reporters.formats import ReportContext
    from ajlint.reporters.html import render_report

    d = Diagnostic("x.md", "AJ999", "made-up", Severity.INFO, Message("far away", "kaugel"), {}, Span(999, 3, 999, 9))
    buf = io.StringIO()
    render_report(ReportContext([d], [], "en", []), buf)
    f = findings(parse(buf.getvalue()))
    assert [(x["code"], x["message"]) for x in f] == [("AJ999", "far away")]
    assert f[0]["node"].first("pre") is None


def test_native_location_of_a_word_document(tmp_path):
    from conftest_binary import docx_bytes, seed_blocks

    (tmp_path / "000.docx").write_bytes(docx_bytes(seed_blocks(seed("000"))))
    _, dom = make_report(tmp_path, tmp_path / "000.docx")
    f = find(findings(dom), "000.docx", "AJ104", 7, 5)
    # the misspelt label is in the first cell of the first row of the first table of the Word document
    assert f["loc"] == "table 1, row 1, cell 1 · line 7, column 5"
    _, dom = make_report(tmp_path, tmp_path / "000.docx", lang="et")
    f = find(findings(dom), "000.docx", "AJ104", 7, 5)
    assert f["loc"] == "tabel 1, rida 1, lahter 1 · rida 7, veerg 5"


# -- the organisation -------------------------------------------------------------------------------------

def org_set(tmp_path: Path, *variants: str) -> Path:
    d = tmp_path / "org"
    d.mkdir()
    for p in (ORG / "base").iterdir():
        shutil.copy(p, d / p.name)
    for v in variants:
        for p in (ORG / "variants" / v).iterdir():
            shutil.copy(p, d / p.name)
    return d


def edges(dom: Node) -> dict[str, dict]:
    """Marked edges of the graph by their label: status and the findings behind them."""
    by_id = {f["node"].attrs["id"]: f for f in findings(dom)}
    out = {}
    for a in dom.one("svg", "graph").all("a", "be"):
        paths = [p for p in a.all("path") if "hit" not in p.classes]
        out[a.attrs["aria-label"]] = {
            "broken": "b" in paths[0].classes,
            "findings": sorted((Path(by_id[i]["path"]).name, by_id[i]["code"], by_id[i]["line"], by_id[i]["column"])
                               for i in a.attrs["data-f"].split()),
            "title": a.one("title").text(),
            "row": a.attrs["href"],
        }
    return out


def test_broken_links_are_red_with_the_findings_behind_them(tmp_path):
    folder = org_set(tmp_path, "aj201-substitution-reciprocity", "aj205-manager-mismatch")
    _, dom = make_report(tmp_path, folder)
    e = edges(dom)
    broken = {k: v for k, v in e.items() if v["broken"]}
    assert set(broken) == {
        # the Nõunik's "Keda asendab" names its talitus head, whose "Kes asendab" does not name the Nõunik
        "Nõunik substitutes Asendushoolduse talituse juhataja — broken",
        # the peaspetsialist's "Kes asendab" names the Nõunik, whose "Keda asendab" no longer names it
        "Nõunik substitutes Peaspetsialist — broken",
        # the peaspetsialist names "Osakonna juhataja" as its manager; the osakond head does not list it
        "Lastekaitse osakonna juhataja manages Peaspetsialist — broken",
        # the talitus head lists the peaspetsialist as a direct report; the peaspetsialist names another manager
        "Asendushoolduse talituse juhataja manages Peaspetsialist — broken",
    }
    assert broken["Nõunik substitutes Asendushoolduse talituse juhataja — broken"]["findings"] == [
        ("nounik.md", "AJ201", 15, 40),  # its Keda asendab item "Talituse juhatajat"
        ("talitusejuhataja-asendushooldus.txt", "AJ201", 12, 21),  # the head's "Kes asendab" label
    ]
    assert broken["Nõunik substitutes Peaspetsialist — broken"]["findings"] == [
        ("nounik.md", "AJ201", 14, 43),  # the Nõunik's "Keda asendab" label (the list that lacks it)
        ("peaspetsialist.md", "AJ201", 10, 19),  # the peaspetsialist's "Kes asendab" item "Nõunik"
    ]
    assert broken["Lastekaitse osakonna juhataja manages Peaspetsialist — broken"]["findings"] == [
        ("osakonnajuhataja.md", "AJ205", 12, 5),  # its "Vahetud alluvad" label
        ("peaspetsialist.md", "AJ205", 10, 1),  # "Osakonna juhataja" as Vahetu juht
    ]
    assert broken["Asendushoolduse talituse juhataja manages Peaspetsialist — broken"]["findings"] == [
        ("peaspetsialist.md", "AJ205", 10, 1),
        ("talitusejuhataja-asendushooldus.txt", "AJ205", 22, 1),  # "Peaspetsialist" under Vahetud alluvad
    ]
    # hovering an edge shows the messages of its findings; selecting it leads to the table row
    tip = broken["Nõunik substitutes Peaspetsialist — broken"]["title"]
    assert tip.count("\n• AJ201 ") == 2 and "Kes asendab" in tip
    rows = {tr.attrs.get("id"): tr for tr in dom.one("table", "links").all("tr")}
    for v in broken.values():
        assert "broken" in rows[v["row"][1:]].classes
    # the other edges of the organisation are drawn, not red
    svg = dom.one("svg", "graph")
    assert len([p for p in svg.all("path") if p.classes & {"m", "s"} and "b" not in p.classes]) > 10
    # every position is a box that leads to its document's section
    boxes = svg.all("a", "n")
    assert len(boxes) == 8
    targets = {a.attrs["href"][1:] for a in boxes}
    assert targets == {s.attrs["id"] for s in dom.all("section", "doc")}


def test_reporting_cycle_and_unresolved_reference(tmp_path):
    folder = org_set(tmp_path, "aj206-reporting-cycle", "aj202-unresolved-position")
    _, dom = make_report(tmp_path, folder)
    e = edges(dom)
    # the osakond head names the asendushoolduse talitus head as its manager, who names the osakond head
    assert e["Asendushoolduse talituse juhataja manages Lastekaitse osakonna juhataja — broken"]["findings"] == [
        ("osakonnajuhataja.md", "AJ206", 10, 1)]
    assert e["Lastekaitse osakonna juhataja manages Asendushoolduse talituse juhataja — broken"]["findings"] == [
        ("talitusejuhataja-asendushooldus.txt", "AJ206", 14, 1)]
    # the coordinator's "Keda asendab" names a projektijuht: no such position, a dashed box
    un = e["Koordinaator substitutes ? projektijuht — unresolved"]
    assert not un["broken"] and [f[1] for f in un["findings"]] == ["AJ202"]
    assert any("? projektijuht" in t.text() for t in dom.one("svg", "graph").all("g", "u"))


# -- commands ---------------------------------------------------------------------------------------------

def test_check_format_html(cli, tmp_path):
    code, out, err = cli("check", "--format", "html", "--no-cache", *SEEDS)
    assert code == 1 and out.startswith("<!DOCTYPE html>")
    assert len(findings(parse(out))) == len(check_json(*SEEDS))
    target = tmp_path / "r.html"
    code, out, _ = cli("check", "--format", "html", "--no-cache", "--lang", "et", "-o", target, seed("000"))
    assert out == "" and '<html lang="et">' in target.read_text(encoding="utf-8")


def test_report_command(tmp_path):
    out = tmp_path / "ülevaade.html"
    code, err = run_report(seed("002"), "-o", out, "--title", "Ennetustalituse ülevaatus", "--no-cache")
    assert code == 0 and "1 document" in err
    dom = parse(out.read_text(encoding="utf-8"))
    assert dom.one("h1").text() == "Ennetustalituse ülevaatus" and dom.one("head").one("title").text() == "Ennetustalituse ülevaatus"
    code, err = run_report(tmp_path / "puudub", "-o", out)
    assert code == 2 and "no such file" in err
    code, err = run_report(seed("002"), "--profile", "pole-sellist", "-o", out)
    assert code == 2 and "unknown profile" in err


def test_report_size_stays_small_per_document(tmp_path):
    """The 1,000-document figure comes from bench/report_size.py; this guards its size per document on a
    small generated corpus of the same kind (the page grows linearly with documents and findings)."""
    from ajlint.bench import generate

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    generate(60, corpus)
    html, dom = make_report(tmp_path, corpus)
    n_findings = len(findings(dom))
    assert n_findings > 60 * 10  # the generated documents carry the seeds' findings
    per_doc = len(html.encode("utf-8")) / 60
    assert per_doc * 1000 < 15_000_000, per_doc
