"""Inline suppression directives in documents.

Markdown and HTML::

    <!-- ajlint: disable=AJ201,substitution-reciprocity -->   … until enable (or the end)
    <!-- ajlint: enable=AJ201 -->
    <!-- ajlint: disable-next-line=AJ104 -->
    <!-- ajlint: disable-file=AJ502 -->

Plain text: the same directives on a line of their own after ``#`` or ``//``
(``# ajlint: disable-next-line=AJ104``). Without ``=…`` a directive applies to every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ajlint.diagnostics import Diagnostic

HTML_DIRECTIVE = re.compile(r"<!--\s*ajlint\s*:(?P<body>.*?)-->", re.I)
LINE_DIRECTIVE = re.compile(r"^\s*(?:#|//)\s*ajlint\s*:(?P<body>.*)$", re.I)
# anything that looks like an attempt at a directive, to report malformed ones
LOOSE = re.compile(r"(?:<!--|^\s*(?:#|//))\s*ajlint\b", re.I)
KINDS = ("disable", "enable", "disable-next-line", "disable-file")
_BODY = re.compile(r"^\s*(?P<kind>[a-z-]+)\s*(?:=\s*(?P<rules>[^\s]*(?:\s*,\s*[^\s,]+)*))?\s*$", re.I)


@dataclass
class Directive:
    """One suppression directive of a document and where it stands."""

    kind: str
    rules: list[str] | None  # None = every rule
    line: int
    column: int
    end_column: int
    used: bool = False
    # resolved rule codes (None = all)
    codes: set[str] | None = None


@dataclass
class Problem:
    """A malformed directive, or one naming an unknown rule (AJ010)."""

    line: int
    column: int
    end_column: int
    reason: str


@dataclass
class Suppressions:
    """A document's directives and the problems found in them."""

    directives: list[Directive] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def parse(lines: list[str], resolve) -> Suppressions:
    """Find directives; ``resolve(name_or_code)`` gives the set of codes it names (empty if unknown)."""
    out = Suppressions()
    for n, line in enumerate(lines, start=1):
        if "ajlint" not in line.lower():
            continue
        found = False
        for m in HTML_DIRECTIVE.finditer(line):
            found = True
            _one(out, m.group("body"), n, m.start() + 1, m.end() + 1, resolve)
        if not found:
            m = LINE_DIRECTIVE.match(line)
            if m:
                found = True
                _one(out, m.group("body"), n, line.index("ajlint") + 1, len(line.rstrip()) + 1, resolve)
        if not found and LOOSE.search(line):
            out.problems.append(Problem(n, 1, len(line.rstrip()) + 1,
                                        "an 'ajlint:' comment that is not a complete directive"))
    return out


def _one(out: Suppressions, body: str, line: int, col: int, end: int, resolve) -> None:
    m = _BODY.match(body)
    if not m or m.group("kind").lower() not in KINDS:
        word = (m.group("kind") if m else body.strip().split("=")[0].strip()) or "(nothing)"
        out.problems.append(Problem(line, col, end, f"unknown directive '{word}'; expected one of "
                                                    + ", ".join(KINDS)))
        return
    kind = m.group("kind").lower()
    rules = None
    codes: set[str] | None = None
    if m.group("rules") is not None:
        rules = [r.strip() for r in m.group("rules").split(",") if r.strip()]
        if not rules:
            out.problems.append(Problem(line, col, end, f"'{kind}=' names no rule"))
            return
        codes = set()
        for r in rules:
            got = resolve(r)
            if not got:
                out.problems.append(Problem(line, col, end, f"'{r}' is not a known rule"))
            codes |= got
    out.directives.append(Directive(kind, rules, line, col, end, codes=codes))


def _matches(d: Directive, code: str) -> bool:
    return d.codes is None or code in d.codes


def apply(diags: list[Diagnostic], sup: Suppressions, line_count: int) -> list[Diagnostic]:
    """Drop suppressed findings and mark the directives that suppressed something."""
    if not sup.directives:
        return diags
    file_level = [d for d in sup.directives if d.kind == "disable-file"]
    next_line = [d for d in sup.directives if d.kind == "disable-next-line"]
    ranges = [d for d in sup.directives if d.kind in ("disable", "enable")]
    kept = []
    for dg in diags:
        hit: Directive | None = None
        for d in file_level:
            if _matches(d, dg.code):
                hit = d
                break
        if hit is None:
            for d in next_line:
                if d.line + 1 == dg.span.line and _matches(d, dg.code):
                    hit = d
                    break
        if hit is None:
            # the last disable/enable before the finding's line decides
            state: Directive | None = None
            for d in ranges:
                if d.line >= dg.span.line:
                    break
                if _matches(d, dg.code):
                    state = d if d.kind == "disable" else None
            hit = state
        if hit is None:
            kept.append(dg)
        else:
            hit.used = True
    return kept
