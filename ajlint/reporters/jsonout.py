"""``--format json``: an object with ``diagnostics`` and ``summary`` (schema/report.schema.json)."""

from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from ajlint import __version__
from ajlint.diagnostics import Diagnostic
from ajlint.document import Document


def report_dict(diags: list[Diagnostic], docs: list[Document], lang: str) -> dict:
    sev = Counter(d.severity.value for d in diags)
    rules = Counter(d.code for d in diags)
    return {
        "tool": {"name": "ajlint", "version": __version__},
        "diagnostics": [d.to_dict(lang) for d in diags],
        "summary": {
            "files": len(docs),
            "findings": len(diags),
            "by_severity": {k: sev.get(k, 0) for k in ("error", "warning", "info")},
            "by_rule": dict(sorted(rules.items())),
        },
    }


def render(diags: list[Diagnostic], docs: list[Document], lang: str, out: TextIO) -> None:
    json.dump(report_dict(diags, docs, lang), out, ensure_ascii=False, indent=2)
    out.write("\n")
