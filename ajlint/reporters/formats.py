"""Output formats of ``ajlint check --format``. Each is a reporter registered through the
``ajlint_reporters`` hook (the built-in plugin registers these; a plugin can add its own).

A reporter has a ``name``, a one-line ``description`` and ``render(ctx, out)``; one that never reads
the documents' text says ``needs_source = False`` (then ``ctx.documents`` may come without it), and one
whose output depends on nothing but the findings, the documents, the language and the options of the
run (no clock, no terminal) says ``cacheable = True``: with the cache on, a run over unchanged files
then writes the report the last such run wrote, without reading or checking anything. One that writes
each finding alone, the same wherever it stands, may offer ``finding_renderer(lang)`` (a function from a
finding to its text): the engine then writes each finding as soon as it is final, in the process that
found it, and ``render`` finds the text in ``Diagnostic.rendered``.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import TextIO

from ajlint import __version__
from ajlint.diagnostics import Diagnostic, Severity
from ajlint.document import Document


@dataclass
class ReportContext:
    """What a reporter writes about: the run's findings and documents, the language and how to write."""

    diagnostics: list[Diagnostic]
    documents: list[Document]
    lang: str = "en"
    rules: list = field(default_factory=list)  # rule classes, for metadata
    color: bool | None = None
    to_file: bool = False

    def doc(self, path: str) -> Document | None:
        by_path = self.__dict__.get("_by_path")
        if by_path is None:
            by_path = self.__dict__["_by_path"] = {d.path: d for d in self.documents}
        return by_path.get(path)

    def span_text(self, d: Diagnostic) -> str:
        doc = self.doc(d.path)
        if doc is None or doc.text is None or not (0 < d.span.line <= len(doc.lines)):
            return ""
        line = doc.lines[d.span.line - 1]
        end = d.span.end_column if d.span.end_line == d.span.line else len(line) + 1
        return line[d.span.column - 1:end - 1]


class _MachineFormat:
    """A format whose output is a function of the findings, the documents and the language alone
    (``cacheable``: a re-run over unchanged files may replay it) and that quotes no source text."""

    cacheable = True
    needs_source = False


class FullReporter:
    name = "full"
    description = "findings with the source line and the span marked, and a summary (default)"

    def render(self, ctx: ReportContext, out: TextIO) -> None:
        from ajlint.reporters import human

        human.render(ctx.diagnostics, ctx.documents, ctx.lang, out, color=False if ctx.to_file else ctx.color)


class ConciseReporter(_MachineFormat):
    name = "concise"
    description = "one line per finding: path:line:col: CODE [rule] message"

    def render(self, ctx: ReportContext, out: TextIO) -> None:
        for d in ctx.diagnostics:
            loc = f" ({d.locator})" if d.locator else ""
            out.write(f"{d.path}:{d.span.line}:{d.span.column}:{loc} {d.code} [{d.rule}] {d.text(ctx.lang)}\n")


class _JsonFindings(_MachineFormat):
    """Each finding is one JSON object, written the same wherever it stands: the engine may write it
    where the finding was made (``finding_renderer``; with ``--jobs``, in every process)."""

    def finding_renderer(self, lang: str):
        from ajlint.reporters.jsonout import finding_renderer

        return finding_renderer(lang)


class JsonReporter(_JsonFindings):
    name = "json"
    description = "an object with diagnostics and summary (schema/report.schema.json)"

    def render(self, ctx: ReportContext, out: TextIO) -> None:
        from ajlint.reporters import jsonout

        jsonout.render(ctx.diagnostics, ctx.documents, ctx.lang, out)


class JsonLinesReporter(_JsonFindings):
    name = "json-lines"
    description = "one JSON object per finding per line"

    def render(self, ctx: ReportContext, out: TextIO) -> None:
        from ajlint.reporters.jsonout import finding_texts

        for text in finding_texts(ctx.diagnostics, ctx.lang):
            out.write(text + "\n")


_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


class SarifReporter(_MachineFormat):
    name = "sarif"
    description = "SARIF 2.1.0 with rule metadata, help and fixes (GitHub code scanning)"

    def render(self, ctx: ReportContext, out: TextIO) -> None:
        used = {d.code for d in ctx.diagnostics}
        rules = [r for r in ctx.rules if r.code in used] or []
        index = {r.code: i for i, r in enumerate(rules)}
        driver = {
            "name": "ajlint",
            "version": __version__,
            "informationUri": "https://pypi.org/project/ajlint/",
            "rules": [
                {
                    "id": r.code,
                    "name": r.name,
                    "shortDescription": {"text": r.summary()},
                    "fullDescription": {"text": r.documentation().split("\n\n", 1)[-1].strip() or r.summary()},
                    "help": {"text": r.documentation()},
                    "defaultConfiguration": {"level": _SARIF_LEVEL[r.severity]},
                    "properties": {"fixable": bool(r.fixable), "scope": r.scope},
                }
                for r in rules
            ],
        }
        results = []
        for d in ctx.diagnostics:
            res = {
                "ruleId": d.code,
                "level": _SARIF_LEVEL[d.severity],
                "message": {"text": d.text(ctx.lang)},
                "locations": [_sarif_location(d)],
            }
            if d.code in index:
                res["ruleIndex"] = index[d.code]
            props = {"rule": d.rule}
            if d.section:
                props["section"] = d.section
            res["properties"] = props
            if d.fix is not None:
                res["fixes"] = [{
                    "description": {"text": d.fix.description or "apply the fix"},
                    "artifactChanges": [{
                        "artifactLocation": {"uri": d.path},
                        "replacements": [
                            {"deletedRegion": {"charOffset": e.start, "charLength": e.end - e.start},
                             "insertedContent": {"text": e.replacement}}
                            for e in d.fix.edits
                        ],
                    }],
                }]
            results.append(res)
        log = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{"tool": {"driver": driver}, "results": results, "columnKind": "unicodeCodePoints"}],
        }
        json.dump(log, out, ensure_ascii=False, indent=2)
        out.write("\n")


def _sarif_location(d: Diagnostic) -> dict:
    loc: dict = {
        "physicalLocation": {
            "artifactLocation": {"uri": d.path},
            "region": {
                "startLine": d.span.line,
                "startColumn": d.span.column,
                "endLine": d.span.end_line,
                "endColumn": max(d.span.end_column, 1),
            },
        }
    }
    if d.locator:
        loc["logicalLocations"] = [{"name": d.locator, "kind": "element"}]
    return loc


_GH_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _gh_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_prop(s: str) -> str:
    return _gh_data(s).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(_MachineFormat):
    name = "github"
    description = "GitHub Actions workflow commands (annotations on the pull request)"

    def render(self, ctx: ReportContext, out: TextIO) -> None:
        for d in ctx.diagnostics:
            s = d.span
            props = (f"file={_gh_prop(d.path)},line={s.line},col={s.column},endLine={s.end_line},"
                     f"endColumn={s.end_column},title={_gh_prop(f'{d.code} [{d.rule}]')}")
            out.write(f"::{_GH_LEVEL[d.severity]} {props}::{_gh_data(d.text(ctx.lang))}\n")


_GL_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


class GitlabReporter:
    name = "gitlab"
    cacheable = True  # quotes the marked text (for its fingerprints), which the run's key covers
    description = "GitLab Code Quality report (JSON) with stable fingerprints"

    def render(self, ctx: ReportContext, out: TextIO) -> None:
        seen: Counter = Counter()
        items = []
        for d in ctx.diagnostics:
            # stable across runs and line shifts: the file, the rule, the marked text and its occurrence
            basis = (d.path, d.code, " ".join(ctx.span_text(d).split()))
            seen[basis] += 1
            fp = hashlib.sha256("\0".join([*basis, str(seen[basis])]).encode("utf-8")).hexdigest()
            items.append({
                "description": f"{d.code} [{d.rule}] {d.text(ctx.lang)}",
                "check_name": d.code,
                "fingerprint": fp,
                "severity": _GL_SEVERITY[d.severity],
                "location": {"path": d.path, "lines": {"begin": d.span.line, "end": d.span.end_line}},
            })
        json.dump(items, out, ensure_ascii=False, indent=2)
        out.write("\n")


class JunitReporter(_MachineFormat):
    name = "junit"
    description = "JUnit XML, one test case per file"

    def render(self, ctx: ReportContext, out: TextIO) -> None:
        from xml.sax.saxutils import quoteattr, escape

        by_path: dict[str, list[Diagnostic]] = {d.path: [] for d in ctx.documents}
        for d in ctx.diagnostics:
            by_path.setdefault(d.path, []).append(d)
        failures = sum(1 for v in by_path.values() if v)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(f'<testsuites name="ajlint" tests="{len(by_path)}" failures="{failures}">\n')
        out.write(f'  <testsuite name="ajlint" tests="{len(by_path)}" failures="{failures}" errors="0">\n')
        for path in sorted(by_path):
            diags = by_path[path]
            out.write(f"    <testcase name={quoteattr(path)} classname=\"ajlint\"")
            if not diags:
                out.write("/>\n")
                continue
            out.write(">\n")
            summary = f"{len(diags)} finding{'s' if len(diags) != 1 else ''}"
            body = "\n".join(f"{path}:{d.span.line}:{d.span.column}: {d.severity.value} {d.code} [{d.rule}] "
                             f"{d.text(ctx.lang)}" for d in diags)
            out.write(f"      <failure message={quoteattr(summary)} type=\"ajlint\">{escape(body)}</failure>\n")
            out.write("    </testcase>\n")
        out.write("  </testsuite>\n</testsuites>\n")


class CsvReporter(_MachineFormat):
    name = "csv"
    description = "comma-separated values for spreadsheets (UTF-8; with a byte order mark in --output files)"

    COLUMNS = ["path", "line", "column", "end_line", "end_column", "severity", "code", "rule", "section",
               "locator", "message"]

    def render(self, ctx: ReportContext, out: TextIO) -> None:
        if ctx.to_file:
            out.write("\ufeff")  # spreadsheets need it to read UTF-8
        w = csv.writer(out, lineterminator="\n")
        w.writerow(self.COLUMNS)
        for d in ctx.diagnostics:
            w.writerow([d.path, d.span.line, d.span.column, d.span.end_line, d.span.end_column, d.severity.value,
                        d.code, d.rule, d.section or "", d.locator or "", d.text(ctx.lang)])


BUILTIN = [FullReporter(), ConciseReporter(), JsonReporter(), JsonLinesReporter(), SarifReporter(),
           GithubReporter(), GitlabReporter(), JunitReporter(), CsvReporter()]
