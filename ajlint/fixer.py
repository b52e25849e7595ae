"""``--fix`` and ``--diff``: apply the text edits that rules declare.

* Safe fixes only, unless ``--unsafe-fixes``.
* Repeated until nothing changes (at most 10 passes); within one pass no two applied fixes overlap
  (a fix's edits are taken together or not at all).
* Only text formats (markdown, text, HTML) are edited; a binary format's fixes are reported as
  "apply by hand". A file that does not read cleanly (unreadable, not a job description, decoded by
  fallback, undecodable bytes, mixed line endings) or that is read-only is never modified.
* Writes are atomic (a temporary file in the same folder, then rename), keep the file's permissions,
  its encoding, byte order mark and line endings, and leave every byte outside the edits untouched.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ajlint.decode import encode_like
from ajlint.diagnostics import Diagnostic, Fix
from ajlint.document import Document, document_from_bytes

MAX_PASSES = 10
TEXT_FORMATS = {"markdown", "text", "html"}


@dataclass
class FileOutcome:
    path: str
    original: str
    fixed: str
    applied: list[Diagnostic] = field(default_factory=list)
    refused: str | None = None
    written: bool = False

    @property
    def changed(self) -> bool:
        return self.fixed != self.original


def not_fixable(doc: Document) -> str | None:
    """Why a document must not be edited (None when it may be)."""
    if doc.read_error:
        return "it could not be read"
    if doc.not_job_description or doc.model is None:
        return "it is not recognised as a job description"
    if doc.model.info.format not in TEXT_FORMATS or doc.decoded is None:
        return "fixes apply to text formats (md, txt, html) only; apply them by hand in the original"
    if doc.decoded.fallback:
        return "it is not UTF-8 (read as cp1257); save it as UTF-8 first"
    if doc.decoded.newline == "mixed":
        return "it mixes line endings"
    if doc.text is not None and "\ufffd" in doc.text:
        return "it contains bytes that do not decode"
    if doc.file is not None:
        try:
            mode = doc.file.stat().st_mode
        except OSError as exc:
            return f"it cannot be inspected: {exc.strerror or exc}"
        if not (mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) or not os.access(doc.file, os.W_OK):
            return "it is read-only"
    return None


def choose(diags: list[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    """Fixable findings whose edits do not overlap, earliest first."""
    cands = [d for d in diags if d.fix is not None and d.fix.edits
             and (d.fix.applicability == "safe" or unsafe)]
    cands.sort(key=lambda d: (min(e.start for e in d.fix.edits), d.code))  # type: ignore[union-attr]
    taken: list[Diagnostic] = []
    spans: list[tuple[int, int]] = []
    for d in cands:
        edits = [(e.start, e.end) for e in d.fix.edits]  # type: ignore[union-attr]
        if any(_overlap(a, b) for a in edits for b in spans):
            continue
        if any(_overlap(a, b) for i, a in enumerate(edits) for b in edits[i + 1:]):
            continue
        taken.append(d)
        spans.extend(edits)
    return taken


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    # two insertions at the same point also conflict: their order would be arbitrary
    if a[0] == a[1] == b[0] == b[1]:
        return True
    return a[0] < b[1] and b[0] < a[1]


def apply(text: str, fixes: list[Fix]) -> str:
    edits = sorted((e for f in fixes for e in f.edits), key=lambda e: (e.start, e.end), reverse=True)
    for e in edits:
        text = text[: e.start] + e.replacement + text[e.end:]
    return text


def fix_documents(engine, docs: list[Document], unsafe: bool = False) -> dict[str, FileOutcome]:
    """Apply fixes in memory, pass after pass; ``docs`` is updated in place with the fixed documents."""
    outcomes: dict[str, FileOutcome] = {}
    for _ in range(MAX_PASSES):
        diags = engine.run(docs)
        by_path: dict[str, list[Diagnostic]] = {}
        for d in diags:
            if d.fix is not None:
                by_path.setdefault(d.path, []).append(d)
        changed = False
        for i, doc in enumerate(docs):
            if not doc.report or doc.path not in by_path:
                continue
            out = outcomes.get(doc.path)
            if out is None:
                out = outcomes[doc.path] = FileOutcome(doc.path, doc.text or "", doc.text or "")
            if out.refused:
                continue
            reason = not_fixable(doc)
            if reason:
                out.refused = reason
                continue
            chosen = choose(by_path[doc.path], unsafe)
            if not chosen:
                continue
            new_text = apply(doc.text or "", [d.fix for d in chosen])  # type: ignore[misc]
            if new_text == doc.text:
                continue
            out.applied.extend(chosen)
            out.fixed = new_text
            docs[i] = _reread(engine, doc, new_text)
            changed = True
        if not changed:
            break
    return outcomes


def _reread(engine, doc: Document, text: str) -> Document:
    data = encode_like(text, doc.decoded)  # type: ignore[arg-type]
    profile = engine.profile or (engine.resolver.for_path(doc.file).data.profile if doc.file else None)
    new = document_from_bytes(data, doc.file or Path(doc.path), doc.path, engine.registry.readers, profile,
                              engine.profiles)
    new.report = doc.report
    return new


def write_back(doc_before: Document, outcome: FileOutcome) -> str | None:
    """Write the fixed text atomically; returns why not, or None when written."""
    path = doc_before.file
    if path is None or doc_before.decoded is None:
        return "it has no file"
    try:
        current = path.read_bytes()
    except OSError as exc:
        return f"it cannot be read again: {exc.strerror or exc}"
    expected = encode_like(outcome.original, doc_before.decoded)
    if hashlib.sha256(current).digest() != hashlib.sha256(expected).digest():
        return "it changed on disk while ajlint was fixing it"
    data = encode_like(outcome.fixed, doc_before.decoded)
    mode = stat.S_IMODE(path.stat().st_mode)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".ajlint-tmp")
    except OSError as exc:
        return f"its folder is not writable: {exc.strerror or exc}"
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return f"writing failed: {exc.strerror or exc}"
    return None


def unified_diff(outcome: FileOutcome) -> str:
    rel = not os.path.isabs(outcome.path)
    return "".join(difflib.unified_diff(
        outcome.original.splitlines(keepends=True), outcome.fixed.splitlines(keepends=True),
        fromfile=f"a/{outcome.path}" if rel else outcome.path, tofile=f"b/{outcome.path}" if rel else outcome.path,
    ))
