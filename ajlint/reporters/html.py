"""``--format html`` and ``ajlint report``: one self-contained HTML page for HR quality reviews.

The page needs no network: its style sheet and its small script (``report.css``, ``report.js`` beside
this module) are inlined, the charts and the organisation graph are inline SVG. It holds

1. an overview: documents checked, findings by severity and by rule family, an SVG bar chart of the
   findings per rule, and every document with its score (explained on the page), worst first;
2. the organisation: the reporting and substitution graph of the set (:mod:`.html_graph`), broken
   links in red with the findings behind each one on hover and on selection;
3. a section per document (worst first): title, unit, profile, and its findings grouped by the section
   of the job description they are in, each with the quoted source text and the span marked, the
   message, the fix or approved text where there is one, and the native location (line and column,
   and the paragraph, table cell or page of a Word, OpenDocument or PDF original);
4. filters by severity and rule family and a search box (the script; they also read and write the
   URL fragment, e.g. ``report.html#sev=error&fam=links&q=asendab``, to share a view).

Every interface string exists in English and Estonian (:mod:`.html_strings`); the findings' messages
come from the rules in the chosen language. Personal data that a rule marks as sensitive is masked in
the quoted text, as in every other output.

The page is written in one pass over the findings (linear in their number) and kept compact, and the
browser lays out only the documents in view (``content-visibility``): the 1,000-document benchmark
corpus (some 17,000 findings) gives a page of about 13 MB that Chromium opens in about 2 s
(``python bench/report_size.py``).
"""

from __future__ import annotations

import datetime as _dt
import os
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from html import escape
from importlib import resources
from typing import Any, TextIO

from ajlint import __version__
from ajlint.diagnostics import Diagnostic
from ajlint.reporters.human import mask
from ajlint.reporters.html_strings import FAMILY, KIND, SECTION, SEVERITY, lang_of, ui

#: the score: 100 minus a weight per finding of each severity, each rule counted at most CAP times
WEIGHTS = {"error": 10, "warning": 3, "info": 1}
CAP = 5
SEVERITIES = ("error", "warning", "info")
SEV_CLASS = {"error": "e", "warning": "w", "info": "i"}
WINDOW, MAX_WINDOW, CONTEXT = 100, 160, 25  # characters of a long source line shown around the marked span
QUOTE_LINES = 4  # lines of a multi-line span quoted
FIX_EDITS_SHOWN = 3
LINK_CODES = ("AJ201", "AJ202", "AJ203", "AJ205", "AJ206")  # the findings an edge of the graph can carry


@dataclass
class ReportOptions:
    """What ``ajlint report`` knows beyond a reporter's context."""

    title: str | None = None
    #: every document read, the ``--corpus`` ones included: the graph resolves references against them
    graph_documents: list | None = None
    #: the corpus-complete option the link rules ran with (None: read it from the configuration)
    corpus_complete: bool | None = None
    #: when the report was made (default: now, or SOURCE_DATE_EPOCH for reproducible builds)
    generated: _dt.datetime | None = None


class HtmlReporter:
    name = "html"
    description = "one self-contained HTML page for HR quality reviews: overview, findings, organisation graph"

    def render(self, ctx, out: TextIO) -> None:
        render_report(ctx, out)


# -- helpers --------------------------------------------------------------------------------------------

def family_of(rule_cls: Any) -> str:
    """The rule family: the package of a built-in rule (``ajlint.builtin.rules.<family>.…``),
    ``declarative`` for rules written as data, else the plugin's top-level module."""
    mod = getattr(rule_cls, "__module__", "") or ""
    parts = mod.split(".")
    if parts[:3] == ["ajlint", "builtin", "rules"] and len(parts) > 3:
        return parts[3]
    if mod == "ajlint.declarative":
        return "declarative"
    return parts[0] or "other"


def score(diags: list[Diagnostic], readable: bool = True) -> int:
    if not readable:
        return 0
    per_rule: Counter = Counter()
    penalty = 0
    for d in diags:
        per_rule[d.code] += 1
        if per_rule[d.code] <= CAP:
            penalty += WEIGHTS.get(d.severity.value, 1)
    return max(0, 100 - penalty)


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    return resources.files("ajlint.reporters").joinpath(name).read_text(encoding="utf-8")


_LOCATOR_ET = [(re.compile(r"\bparagraph\b"), "lõik"), (re.compile(r"\btable\b"), "tabel"),
               (re.compile(r"\brow\b"), "rida"), (re.compile(r"\bcell\b"), "lahter"),
               (re.compile(r"\bpage\b"), "lehekülg")]


def locator_text(locator: str, lang: str) -> str:
    if lang != "et":
        return locator
    for rx, word in _LOCATOR_ET:
        locator = rx.sub(word, locator)
    return locator


def _visible_ws(s: str) -> str:
    """Whitespace-only text made visible (a removed space would otherwise show as nothing)."""
    if s and not s.strip():
        return s.replace(" ", "·").replace("\t", "→").replace("\n", "↵")
    return s


def _window(line: str, start: int, end: int) -> tuple[int, int]:
    """The part of a long line shown around the 0-based mark [start, end)."""
    if len(line) <= WINDOW:
        return 0, len(line)
    width = min(max(WINDOW, end - start + 2 * CONTEXT), MAX_WINDOW)
    a = max(0, min(start - CONTEXT, len(line) - width))
    return a, min(len(line), a + width)



class _DocInfo:
    __slots__ = ("doc", "path", "anchor", "diags", "ids", "title", "score", "counts", "masks")

    def __init__(self, doc, path: str, anchor: str):
        self.doc = doc
        self.path = path
        self.anchor = anchor
        self.diags: list[Diagnostic] = []
        self.ids: list[str] = []

    def finish(self) -> None:
        m = getattr(self.doc, "model", None)
        self.title = m.title.text if m is not None and m.title is not None and m.title.text.strip() else None
        self.counts = Counter(d.severity.value for d in self.diags)
        readable = self.doc is None or getattr(self.doc, "read_error", None) is None
        self.score = score(self.diags, readable)
        # personal data marked by any finding is masked wherever the line is quoted, for every finding
        self.masks: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for d in self.diags:
            if d.sensitive:
                sp = d.span
                for n in range(sp.line, max(sp.line, sp.end_line) + 1):
                    a = sp.column - 1 if n == sp.line else 0
                    b = sp.end_column - 1 if n == sp.end_line else 1 << 30
                    self.masks[n].append((a, b))

    def line(self, n: int) -> str:
        """Line ``n`` as quoted: tabs as spaces, personal data masked (the length stays the same)."""
        line = self.lines()[n - 1].replace("\t", " ").rstrip("\r")
        for a, b in self.masks.get(n, ()):
            a, b = max(0, a), min(len(line), b)
            if a < b:
                line = line[:a] + mask(line[a:b]) + line[b:]
        return line

    def lines(self) -> list[str]:
        """The document's lines (none without its text)."""
        return self.doc.lines if self.doc is not None and self.doc.text is not None else []

    def release(self) -> None:
        """Let the document forget its split text once it is written (a report may cover thousands)."""
        if self.doc is not None:
            self.doc._lines = self.doc._line_starts = None

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset in the document's text."""
        return self.doc.position(offset)


# -- the page -------------------------------------------------------------------------------------------

def render_report(ctx, out: TextIO, options: ReportOptions | None = None) -> None:
    Page(ctx, options or ReportOptions()).write(out)


class Page:
    def __init__(self, ctx, options: ReportOptions):
        self.ctx = ctx
        self.opt = options
        self.lang = lang_of(ctx.lang)
        self.t = ui(self.lang)
        self.sev_names = SEVERITY[self.lang]
        self.diags: list[Diagnostic] = list(ctx.diagnostics)
        self.ids = [f"f{i}" for i in range(len(self.diags))]
        self.rules = {r.code: r for r in (ctx.rules or [])}
        self.family = {code: family_of(r) for code, r in self.rules.items()}
        # documents, in the order given; findings on a path that is no document (the whole set) get one
        self.docs: list[_DocInfo] = []
        by_path: dict[str, _DocInfo] = {}
        for doc in ctx.documents:
            if doc.path in by_path:
                continue
            info = _DocInfo(doc, doc.path, f"d{len(self.docs)}")
            by_path[doc.path] = info
            self.docs.append(info)
        for d, fid in zip(self.diags, self.ids):
            info = by_path.get(d.path)
            if info is None:
                info = by_path[d.path] = _DocInfo(None, d.path, f"d{len(self.docs)}")
                self.docs.append(info)
            info.diags.append(d)
            info.ids.append(fid)
        for info in self.docs:
            info.finish()
        self.by_path = by_path
        self.ranked = sorted(self.docs, key=lambda i: (i.score, -i.counts.get("error", 0), -len(i.diags), i.path))

    def fam(self, code: str) -> str:
        return self.family.get(code, "other")

    def fam_name(self, fam: str) -> str:
        return FAMILY[self.lang].get(fam, fam)

    # -- whole page --------------------------------------------------------------------------------------
    def write(self, out: TextIO) -> None:
        t = self.t
        title = self.opt.title or t["title"]
        w = out.write
        w(f'<!DOCTYPE html>\n<html lang="{self.lang}">\n<head>\n<meta charset="utf-8">\n'
          f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
          f'<meta name="color-scheme" content="light">\n<meta name="generator" content="ajlint {__version__}">\n'
          f'<title>{escape(title)}</title>\n<style>\n{asset("report.css")}</style>\n</head>\n<body>\n')
        w(f'<a class="skip" href="#documents">{escape(t["skip"])}</a>\n')
        w(f'<header class="top"><h1>{escape(title)}</h1>\n<p class="gen">'
          f'{escape(t["generated"].format(version=__version__, date=self._date()))}</p>\n'
          f'<nav aria-label="{escape(t["contents"])}"><ul><li><a href="#overview">{escape(t["overview"])}</a></li>'
          f'<li><a href="#organisation">{escape(t["organisation"])}</a></li>'
          f'<li><a href="#documents">{escape(t["documents"])}</a></li></ul></nav></header>\n<main>\n')
        self.overview(w)
        self.organisation(w)
        self.documents(w)
        families = {code: self.fam(code) for code in sorted({d.code for d in self.diags})}
        w(f'</main>\n<footer><p>ajlint {__version__}</p></footer>\n'
          f'<script type="application/json" id="families">{_json_script(families)}</script>\n'
          f'<script>\n{asset("report.js")}</script>\n</body>\n</html>\n')

    def _date(self) -> str:
        when = self.opt.generated
        if when is None:
            epoch = os.environ.get("SOURCE_DATE_EPOCH")
            when = (_dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc) if epoch and epoch.isdigit()
                    else _dt.datetime.now())
        return when.strftime("%Y-%m-%d %H:%M")

    # -- 1. overview -------------------------------------------------------------------------------------
    def overview(self, w) -> None:
        t = self.t
        n_docs = sum(1 for i in self.docs if i.doc is not None)
        sev = Counter(d.severity.value for d in self.diags)
        with_findings = sum(1 for i in self.docs if i.diags and i.doc is not None)
        w(f'<section id="overview" aria-labelledby="h-overview"><h2 id="h-overview">{escape(t["overview"])}</h2>\n')
        w('<ul class="cards">')
        for n, label in ((n_docs, t["n_documents"]), (len(self.diags), t["n_findings"]),
                         (with_findings, t["n_documents_with"])):
            w(f'<li><span class="big">{n}</span> {escape(label)}</li>')
        for s in SEVERITIES:
            w(f'<li class="{SEV_CLASS[s]}"><span class="big">{sev.get(s, 0)}</span> '
              f'<span class="sev {SEV_CLASS[s]}">{escape(self.sev_names[s])}</span></li>')
        w("</ul>\n")
        if not self.diags:
            w(f'<p class="none">{escape(t["no_findings_set"])}</p>\n')
        total = len(self.diags) or 1
        # by severity
        w(f'<div class="cols"><div><h3>{escape(t["by_severity"])}</h3>\n<table class="num"><thead><tr>'
          f'<th scope="col">{escape(t["severity"])}</th><th scope="col">{escape(t["count"])}</th>'
          f'<th scope="col">{escape(t["share"])}</th></tr></thead><tbody>')
        for s in SEVERITIES:
            n = sev.get(s, 0)
            w(f'<tr><th scope="row"><span class="sev {SEV_CLASS[s]}">{escape(self.sev_names[s])}</span></th>'
              f'<td>{n}</td><td>{100 * n / total:.0f} %</td></tr>')
        w("</tbody></table></div>\n")
        # by family
        fams: dict[str, Counter] = defaultdict(Counter)
        for d in self.diags:
            fams[self.fam(d.code)][d.severity.value] += 1
        w(f'<div><h3>{escape(t["by_family"])}</h3>\n<table class="num"><thead><tr>'
          f'<th scope="col">{escape(t["family"])}</th><th scope="col">{escape(t["count"])}</th>'
          + "".join(f'<th scope="col">{escape(t[k])}</th>' for k in ("errors", "warnings", "infos"))
          + "</tr></thead><tbody>")
        for fam, c in sorted(fams.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
            w(f'<tr><th scope="row">{escape(self.fam_name(fam))}</th><td>{sum(c.values())}</td>'
              + "".join(f"<td>{c.get(s, 0)}</td>" for s in SEVERITIES) + "</tr>")
        w("</tbody></table></div></div>\n")
        self.rule_chart(w)
        self.ranking(w)
        w("</section>\n")

    def rule_chart(self, w) -> None:
        t = self.t
        per: dict[str, Counter] = defaultdict(Counter)
        names: dict[str, str] = {}
        for d in self.diags:
            per[d.code][d.severity.value] += 1
            names[d.code] = d.rule
        w(f'<h3 id="h-rules">{escape(t["per_rule"])}</h3>\n')
        if not per:
            return
        rows = sorted(per.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
        top = max(sum(c.values()) for _, c in rows)
        label_w, bar_w, row_h = 300, 400, 22
        width, height = label_w + bar_w + 60, row_h * len(rows) + 8
        w(f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
          f'viewBox="0 0 {width} {height}" role="img" aria-labelledby="chart-t"><title id="chart-t">'
          f'{escape(t["chart_label"])}</title>')
        for k, (code, c) in enumerate(rows):
            n = sum(c.values())
            worst = next(s for s in SEVERITIES if c.get(s))
            y = 4 + k * row_h
            bw = max(2.0, bar_w * n / top)
            label = f"{code} {names[code]}"
            w(f'<g><title>{escape(label)}: {n}</title><text x="{label_w - 8}" y="{y + 15}" class="lbl">'
              f'{escape(label if len(label) <= 42 else label[:41] + "…")}</text>'
              f'<rect class="{SEV_CLASS[worst]}" x="{label_w}" y="{y + 3}" width="{bw:.1f}" height="{row_h - 6}"/>'
              f'<text x="{label_w + bw + 6:.1f}" y="{y + 15}">{n}</text></g>')
        w("</svg>\n")
        w(f'<details><summary>{escape(t["per_rule_table"])}</summary><table class="num"><thead><tr>'
          f'<th scope="col">{escape(t["rule"])}</th><th scope="col">{escape(t["family"])}</th>'
          f'<th scope="col">{escape(t["count"])}</th></tr></thead><tbody>')
        for code, c in rows:
            w(f'<tr><th scope="row">{escape(code)} <span class="rn">{escape(names[code])}</span></th>'
              f'<td>{escape(self.fam_name(self.fam(code)))}</td><td>{sum(c.values())}</td></tr>')
        w("</tbody></table></details>\n")

    def ranking(self, w) -> None:
        t = self.t
        w(f'<h3 id="h-worst">{escape(t["worst_first"])}</h3>\n<p class="explain">'
          f'{escape(t["score_explained"].format(cap=CAP, **WEIGHTS))}</p>\n'
          f'<div class="scroll"><table class="docs num"><thead><tr><th scope="col">#</th>'
          f'<th scope="col">{escape(t["document"])}</th><th scope="col">{escape(t["unit"])}</th>'
          f'<th scope="col">{escape(t["profile"])}</th>'
          + "".join(f'<th scope="col">{escape(t[k])}</th>' for k in ("errors", "warnings", "infos"))
          + f'<th scope="col">{escape(t["score"])}</th></tr></thead><tbody>')
        for k, info in enumerate(self.ranked, 1):
            m = getattr(info.doc, "model", None)
            unit = m.unit.text if m is not None and m.unit is not None else ""
            prof = (m.profile or "") if m is not None else ""
            name = info.title or (t["whole_set"] if info.doc is None else info.path)
            c = info.counts
            w(f'<tr><td>{k}</td><td class="dn"><a href="#{info.anchor}">{escape(name)}</a>'
              f'<span class="p">{escape(info.path)}</span></td><td class="tx">{escape(unit)}</td>'
              f'<td class="tx">{escape(prof)}</td><td>{c.get("error", 0)}</td><td>{c.get("warning", 0)}</td>'
              f'<td>{c.get("info", 0)}</td><td><span class="score s{_band(info.score)}">{info.score}</span></td></tr>')
        w("</tbody></table></div>\n")

    # -- 2. organisation ---------------------------------------------------------------------------------
    def organisation(self, w) -> None:
        from ajlint.reporters.html_graph import build_view

        t = self.t
        w(f'<section id="organisation" aria-labelledby="h-org"><h2 id="h-org">{escape(t["organisation"])}</h2>\n')
        docs = self.opt.graph_documents if self.opt.graph_documents is not None else list(self.ctx.documents)
        messages = {fid: f"{d.code} {d.text(self.lang)}" for d, fid in zip(self.diags, self.ids)
                    if d.code in LINK_CODES}
        anchors = {i.path: i.anchor for i in self.docs if i.doc is not None}
        try:
            view = build_view(docs, self._complete(docs), self.diags, self.ids, anchors, self.lang, messages)
        except Exception as exc:  # a report without its graph is better than no report
            w(f'<p class="none">{escape(type(exc).__name__)}: {escape(str(exc))}</p></section>\n')
            return
        if not view.svg:
            w(f'<p class="none">{escape(t["graph_empty"])}</p></section>\n')
            return
        w(f'<p class="explain">{escape(t["graph_intro"])}</p>\n')
        if self.opt.graph_documents is None:
            w(f'<p class="explain">{escape(t["graph_partial"])}</p>\n')
        w(self._legend())
        w(f'<div class="graph-wrap" tabindex="0" role="region" aria-label="{escape(t["graph_label"])}">{view.svg}</div>\n')
        w(f'<div id="edge-panel" class="panel" hidden tabindex="-1" role="region" aria-labelledby="edge-panel-h" '
          f'data-none="{escape(t["edge_none"])}"><h3 id="edge-panel-h"></h3><ul></ul>'
          f'<p><button type="button" class="close">{escape(t["close"])}</button></p></div>\n')
        w(f'<h3 id="h-links">{escape(t["links_with_findings"])}</h3>\n')
        if not view.rows:
            w(f'<p class="none">{escape(t["no_link_findings"])}</p>\n</section>\n')
            return
        w(f'<div class="scroll"><table class="links"><thead><tr><th scope="col">{escape(t["link"])}</th>'
          f'<th scope="col">{escape(t["status"])}</th><th scope="col">{escape(t["findings"])}</th></tr></thead><tbody>')
        where = {fid: (d.code, d.path, d.span.line, d.span.column) for d, fid in zip(self.diags, self.ids)
                 if d.code in LINK_CODES}
        for row in view.rows:
            src = _link(row.src, row.src_anchor)
            dst = _link(row.dst, row.dst_anchor)
            what = escape(t["kind_" + row.kind]).replace("{src}", src).replace("{dst}", dst)
            fl = ", ".join(
                f'<a href="#{f}">{escape(where[f][0])} {escape(os.path.basename(where[f][1]))}:{where[f][2]}:{where[f][3]}</a>'
                for f in row.findings if f in where) or "—"
            w(f'<tr id="{row.id}" class="{row.status}"><td>{what}</td><td>{escape(t["st_" + row.status])}</td>'
              f'<td>{fl}</td></tr>')
        w("</tbody></table></div>\n</section>\n")

    def _complete(self, docs: list) -> bool:
        if self.opt.corpus_complete is not None:
            return self.opt.corpus_complete
        try:  # as the link rules ran: the corpus-complete option of the configuration of the checked files
            from ajlint.config import ConfigResolver

            first = next((d.file for d in docs if getattr(d, "file", None) is not None), None)
            if first is None:
                return False
            return bool(ConfigResolver().for_path(first).data.options.get("corpus-complete", False))
        except Exception:
            return False

    def _legend(self) -> str:
        t = self.t

        def item(svg: str, label: str) -> str:
            return (f'<li><svg width="44" height="14" aria-hidden="true" focusable="false">{svg}</svg> '
                    f'{escape(label)}</li>')

        return (f'<h3 class="vh">{escape(t["legend"])}</h3><ul class="legend">'
                + item('<line class="m" x1="2" y1="7" x2="40" y2="7"/>', t["legend_manager"])
                + item('<line class="s" x1="2" y1="7" x2="40" y2="7"/>', t["legend_substitution"])
                + item('<line class="m b" x1="2" y1="7" x2="40" y2="7"/>', t["legend_broken"])
                + item('<rect class="lu" x="2" y="1" width="40" height="12" rx="2"/>', t["legend_unresolved"])
                + item('<rect class="lc" x="2" y="1" width="40" height="12" rx="2"/>', t["legend_corpus"])
                + "</ul>\n")

    # -- 3. documents ------------------------------------------------------------------------------------
    def documents(self, w) -> None:
        t = self.t
        w(f'<section id="documents" aria-labelledby="h-docs"><h2 id="h-docs">{escape(t["documents"])}</h2>\n')
        self.filters(w)
        for info in self.ranked:
            self.document(w, info)
        w("</section>\n")

    def filters(self, w) -> None:
        t = self.t
        sev = Counter(d.severity.value for d in self.diags)
        fams = Counter(self.fam(d.code) for d in self.diags)
        w(f'<form id="filters" class="filters" role="search" aria-label="{escape(t["filters"])}" hidden '
          f'data-tpl="{escape(t["showing"])}" data-tplp="{escape(t["print_filter"])}">'
          f'<fieldset><legend>{escape(t["filter_severity"])}</legend>')
        for s in SEVERITIES:
            w(f'<label><input type="checkbox" name="sev" value="{s}" checked> <span class="sev {SEV_CLASS[s]}">'
              f'{escape(self.sev_names[s])}</span> <span class="n">{sev.get(s, 0)}</span></label>')
        w(f'</fieldset><fieldset><legend>{escape(t["filter_family"])}</legend>')
        for fam in sorted(fams, key=lambda f: (-fams[f], f)):
            w(f'<label><input type="checkbox" name="fam" value="{escape(fam)}" checked> '
              f'{escape(self.fam_name(fam))} <span class="n">{fams[fam]}</span></label>')
        w(f'</fieldset><div class="q"><label for="q">{escape(t["search"])}</label> '
          f'<input type="search" id="q" name="q" placeholder="{escape(t["search_hint"])}" autocomplete="off"> '
          f'<button type="reset">{escape(t["reset"])}</button></div></form>\n'
          f'<p id="status" class="status" role="status" aria-live="polite"></p>\n')

    def document(self, w, info: _DocInfo) -> None:
        t = self.t
        doc = info.doc
        m = getattr(doc, "model", None)
        heading = info.title or (t["whole_set"] if doc is None else info.path)
        # its expected height, for the scroll bar while the browser skips laying it out (content-visibility)
        height = 160 + 120 * len(info.diags) + 40 * len({d.section for d in info.diags})
        w(f'<section class="doc" id="{info.anchor}" data-path="{escape(info.path)}" aria-labelledby="{info.anchor}-h" '
          f'style="contain-intrinsic-size:auto {height}px"><h3 id="{info.anchor}-h">{escape(heading)}</h3>\n'
          '<dl class="meta">')
        if doc is not None:
            w(f'<div><dt>{escape(t["file"])}</dt><dd class="p">{escape(info.path)}</dd></div>')
        if m is not None:
            if m.unit is not None:
                w(f'<div><dt>{escape(t["unit"])}</dt><dd>{escape(m.unit.text)}</dd></div>')
            if m.profile:
                w(f'<div><dt>{escape(t["profile"])}</dt><dd>{escape(m.profile)}</dd></div>')
            if m.kind:
                w(f'<div><dt>{escape(t["kind"])}</dt><dd>{escape(KIND[self.lang].get(m.kind, m.kind))}</dd></div>')
            w(f'<div><dt>{escape(t["format"])}</dt><dd>{escape(m.info.format)} ({escape(m.info.encoding)})</dd></div>')
        if doc is not None:
            w(f'<div><dt>{escape(t["score"])}</dt><dd><span class="score s{_band(info.score)}">{info.score}</span>'
              "</dd></div>")
        c = info.counts
        w(f'<div><dt>{escape(t["findings"])}</dt><dd>'
          + " ".join(f'<span class="sev {SEV_CLASS[s]}">{escape(self.sev_names[s])}</span> {c.get(s, 0)}'
                     for s in SEVERITIES) + "</dd></div></dl>\n")
        if doc is not None and getattr(doc, "read_error", None):
            w(f'<p class="note">{escape(t["unreadable"].format(why=doc.read_error))}</p>\n')
        elif doc is not None and getattr(doc, "not_job_description", None):
            w(f'<p class="note">{escape(t["not_jd"].format(why=doc.not_job_description))}</p>\n')
        if not info.diags:
            w(f'<p class="none">{escape(t["no_findings"])}</p>\n</section>\n')
            return
        groups: dict[str, list[int]] = {}
        for k, d in enumerate(info.diags):
            groups.setdefault(d.section or "", []).append(k)
        for key, ks in sorted(groups.items(), key=lambda kv: min(info.diags[k].span.line for k in kv[1])):
            w(f'<section class="grp"><h4>{self._section_title(m, key)}</h4>\n<ol class="fl">')
            for k in sorted(ks, key=lambda k: (info.diags[k].span.line, info.diags[k].span.column)):
                self.finding(w, info, info.diags[k], info.ids[k])
            w("</ol></section>\n")
        w("</section>\n")
        info.release()

    def _section_title(self, m, key: str) -> str:
        name = SECTION[self.lang].get(key) or key
        written = None
        if m is not None and key:
            s = next((s for s in m.sections if s.key == key), None)
            if s is not None:
                written = f"{s.number or ''} {s.heading}".strip()
        return escape(name) + (f' <span class="aw">{escape(written)}</span>' if written else "")

    def finding(self, w, info: _DocInfo, d: Diagnostic, fid: str) -> None:
        t = self.t
        s = d.severity.value
        sp = d.span
        loc = (t["line_col"].format(line=sp.line, column=sp.column) if sp.end_line <= sp.line
               else t["line_range"].format(line=sp.line, end_line=sp.end_line) + ", "
               + t["line_col"].format(line=sp.line, column=sp.column).split(", ", 1)[-1])
        if d.locator:
            loc = f"{locator_text(d.locator, self.lang)} · {loc}"
        # compact markup: a 1,000-document report holds some 18,000 of these
        w(f'<li class="f {SEV_CLASS[s]}" id="{fid}" data-l="{sp.line}:{sp.column}"><p class="fh"><span class="sev {SEV_CLASS[s]}">'
          f'{_t(self.sev_names[s])}</span> <b>{_t(d.code)}</b> <i>{_t(d.rule)}</i> <span class="loc">{_t(loc)}</span>'
          f'</p><p class="msg">{_t(d.text(self.lang))}</p>')
        w(self.quote(info, d))
        if d.fix is not None:
            w(self.fix(info, d))
        if d.related:
            links = []
            for r in d.related:
                if not isinstance(r, dict):
                    continue
                label = f"{r.get('path', '')}:{r.get('line', '')}"
                target = self.by_path.get(r.get("path", ""))
                links.append(f'<a href="#{target.anchor}">{escape(label)}</a>' if target is not None
                             and target.doc is not None else escape(label))
            if links:
                w(f'<p class="rel">{escape(t["related"])}: {", ".join(links)}</p>')
        w("</li>\n")

    def quote(self, info: _DocInfo, d: Diagnostic) -> str:
        """The source lines of the span, the span marked (personal data masked); long lines cut around it."""
        lines = info.lines()
        sp = d.span
        if not lines or not (0 < sp.line <= len(lines)):
            return ""
        last = min(max(sp.end_line, sp.line), len(lines))
        shown = min(last, sp.line + QUOTE_LINES - 1)
        out = []
        for n in range(sp.line, shown + 1):
            line = info.line(n)
            a = sp.column - 1 if n == sp.line else 0
            b = (sp.end_column - 1) if n == last and sp.end_line >= sp.line else len(line)
            a, b = max(0, min(a, len(line))), max(0, min(b, len(line)))
            b = max(a, b)
            lo, hi = _window(line, a, b)
            before, mark, after = line[lo:a], line[a:min(b, hi)], line[min(b, hi):hi]
            mark_html = f"<mark>{_t(mark)}</mark>" if mark else ('<mark class="pt"></mark>' if n == sp.line else "")
            # line numbers when several lines are quoted (the heading gives the line of a single one)
            num = f'<span class="ln">{n}</span>' if last > sp.line else ""
            out.append(f'{num}{"…" if lo > 0 else ""}{_t(before)}{mark_html}{_t(after)}{"…" if hi < len(line) else ""}')
        if last > shown:
            out.append(f'<span class="ln"></span>{_t(self.t["more_lines"].format(n=last - shown))}')
        extra = f' title="{escape(self.t["masked"])}"' if d.sensitive else ""
        return f'<pre class="src"{extra}>' + "\n".join(out) + "</pre>"

    def fix(self, info: _DocInfo, d: Diagnostic) -> str:
        """The fix as the edits it makes (old text struck out, new text inserted), or how many there are."""
        t = self.t
        f = d.fix
        safe = f.applicability == "safe"
        head = f'<span class="fx{"" if safe else " u"}">{_t(t["fix_safe" if safe else "fix_unsafe"])}</span>'
        text = getattr(info.doc, "text", None) if info.doc is not None else None
        edits = list(f.edits)
        if text is not None and 0 < len(edits) <= FIX_EDITS_SHOWN:
            parts = []
            for e in edits:
                if not (0 <= e.start <= e.end <= len(text)):
                    parts = []
                    break
                old = text[e.start:e.end]
                if d.sensitive:
                    old = mask(old)
                ln, col = info.line_col(e.start)
                # where the edit is, unless it is where the finding is
                piece = "" if (ln, col) == (d.span.line, d.span.column) else f'<span class="at">{ln}:{col}</span> '
                if old:
                    piece += f"<del>{_t(_visible_ws(old))}</del>"
                if e.replacement:
                    piece += (" → " if old else "") + f"<ins>{_t(_visible_ws(e.replacement))}</ins>"
                else:
                    piece += f' <span class="rm">({_t(t["delete"])})</span>'
                parts.append(piece)
            if parts:
                return f'<p class="fix">{head} ' + "; ".join(parts) + "</p>"
        desc = f.description if (self.lang == "en" and f.description) else ""
        return (f'<p class="fix">{head} {_t(t["fix_edits"].format(n=len(edits)))}'
                + (f": {_t(desc)}" if desc else "") + "</p>")


def _json_script(obj: Any) -> str:
    """JSON that is safe inside a script element."""
    import json

    return json.dumps(obj, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")


def _t(s: str) -> str:
    """Text content, escaped (quotes need no escaping outside attributes)."""
    return escape(s, quote=False)


def _band(score: int) -> int:
    return 3 if score >= 80 else (2 if score >= 50 else 1)


def _link(label: str, anchor: str | None) -> str:
    return f'<a href="#{anchor}">{escape(label)}</a>' if anchor else escape(label)


__all__ = ["HtmlReporter", "ReportOptions", "render_report", "family_of", "score", "WEIGHTS", "CAP"]
