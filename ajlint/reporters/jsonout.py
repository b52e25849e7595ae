"""``--format json``: an object with ``diagnostics`` and ``summary`` (schema/report.schema.json)."""

from __future__ import annotations

import json
from collections import Counter
from typing import Callable, Iterator, TextIO

from ajlint import __version__
from ajlint.diagnostics import Diagnostic
from ajlint.document import Document


def summary(diags: list[Diagnostic], docs: list[Document]) -> dict:
    sev = Counter(d.severity.value for d in diags)
    rules = Counter(d.code for d in diags)
    return {
        "files": len(docs),
        "findings": len(diags),
        "by_severity": {k: sev.get(k, 0) for k in ("error", "warning", "info")},
        "by_rule": dict(sorted(rules.items())),
    }


def render(diags: list[Diagnostic], docs: list[Document], lang: str, out: TextIO) -> None:
    """Indented at the top, one finding per line: readable, and written by json's fast C encoder
    (an indented dump of thousands of findings goes through its slow pure-Python path). Each finding
    is written only as it is reached: a run with 100,000 findings must not hold them twice."""
    dump = _encoder()
    out.write("{\n")
    out.write(f'  "tool": {dump({"name": "ajlint", "version": __version__})},\n')
    out.write('  "diagnostics": [')
    for i, text in enumerate(finding_texts(diags, lang, dump)):
        out.write(("," if i else "") + "\n    " + text)
    out.write("\n  ]," if diags else "],")
    out.write(f'\n  "summary": {dump(summary(diags, docs))}\n}}\n')


def finding_renderer(lang: str, dump=None) -> Callable[[Diagnostic], str]:
    """One finding as the JSON report and json-lines write it (``Reporter.finding_renderer``): the
    encoding of ``Diagnostic.to_dict``, which defines the keys and their order."""
    dump = dump or _encoder()

    def render(d: Diagnostic) -> str:
        try:
            text = _written(d, lang, dump)
        except TypeError:  # a value of another type than the usual (a plugin's): the dict, encoded
            text = None
        return dump(d.to_dict(lang)) if text is None else text

    return render


def finding_texts(diags: list[Diagnostic], lang: str, dump=None) -> Iterator[str]:
    """Each finding's text (json, json-lines): the one written where it was found
    (``Diagnostic.rendered``), else written now."""
    text = finding_renderer(lang, dump)
    for d in diags:
        yield d.rendered if d.rendered is not None else text(d)


_quote = json.encoder.encode_basestring  # one string as JSON, non-ASCII kept (ensure_ascii=False), in C


def _written(d: Diagnostic, lang: str, dump) -> str | None:
    """``dump(d.to_dict(lang))`` written directly when the finding's values are of the usual types (its
    numbers ints, its texts strings; None otherwise). A run writes tens of thousands of findings, most
    with a fix of several edits: building a dict for each finding, its fix and every edit, and encoding
    them, took 10 µs for a finding with five edits, against 6 µs written here. A test compares the two
    on findings with every optional part."""
    line, column, end_line, end_column = d.span
    if not type(line) is type(column) is type(end_line) is type(end_column) is int:
        return None
    q = _quote
    section = d.section
    out = (f'{{"path": {q(d.path)}, "code": {q(d.code)}, "rule": {q(d.rule)}, '
           f'"severity": {q(d.severity.value)}, "message": {q(d.text(lang))}, "line": {line}, '
           f'"column": {column}, "end_line": {end_line}, "end_column": {end_column}, '
           f'"section": {"null" if section is None else q(section)}')
    if d.locator:
        out += f', "locator": {q(d.locator)}'
    if d.related:
        out += f', "related": {dump(d.related)}'
    fix = d.fix
    if fix:
        edits = []
        for start, end, replacement in fix.edits:
            if not type(start) is type(end) is int:
                return None
            edits.append(f'{{"start": {start}, "end": {end}, "replacement": {q(replacement)}}}')
        desc = fix.description
        out += (f', "fix": {{"applicability": {q(fix.applicability)}, '
                f'"description": {"null" if desc is None else q(desc)}, "edits": [{", ".join(edits)}]}}')
    return out + "}"


def _encoder():
    """``JSONEncoder(ensure_ascii=False).encode`` for the findings' dicts. Its ``encode`` builds a new C
    encoder on every call, half the cost of encoding a finding; the C encoder is made once here when
    the interpreter has it (the same output: a test compares the two)."""
    enc = json.JSONEncoder(ensure_ascii=False)
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return enc.encode
    try:  # a private part of json: if another Python version builds it otherwise, json's own way
        one = make(None, enc.default, json.encoder.encode_basestring, None, ": ", ", ", False, False, True)
        probe = {"a": ["ä", 1, 0.5, None, True], "b": {"c": "\n"}}
        if "".join(one(probe, 0)) != enc.encode(probe):
            return enc.encode
    except Exception:
        return enc.encode
    return lambda o: "".join(one(o, 0))
