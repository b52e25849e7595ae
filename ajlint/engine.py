"""The rule engine: files → documents → rules → diagnostics (sorted, deterministic)."""

from __future__ import annotations

import os
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from ajlint.diagnostics import Diagnostic
from ajlint.document import Document, read_document
from ajlint.ltext import Span
from ajlint.plugins import Registry
from ajlint.rule import Rule


class UsageError(Exception):
    """A problem with how ajlint was called (exit code 2)."""


@dataclass
class RunResult:
    documents: list[Document]
    diagnostics: list[Diagnostic]
    warnings: list[str] = field(default_factory=list)

    @property
    def internal_errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.code == "AJ900")


def supported_extensions(registry: Registry) -> set[str]:
    return {ext for r in registry.readers for ext in r.extensions}


def display_path(p: Path) -> str:
    try:
        rel = p.resolve().relative_to(Path.cwd().resolve())
        return rel.as_posix()
    except ValueError:
        return p.as_posix()


def discover(paths: list[str], extensions: set[str]) -> list[tuple[Path, str]]:
    """Files to check: given files as they are, directories walked for supported files."""
    out: dict[str, Path] = {}
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        raise UsageError("no such file or directory: " + ", ".join(missing))
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    fp = Path(root) / name
                    if fp.suffix.lower() in extensions:
                        out.setdefault(display_path(fp), fp)
        else:
            out.setdefault(display_path(p), p)
    return [(fp, disp) for disp, fp in sorted(out.items())]


class Engine:
    def __init__(self, registry: Registry, rules: list[type[Rule]] | None = None, profile: str | None = None,
                 options: dict | None = None):
        self.registry = registry
        self.rule_classes = rules if rules is not None else registry.rules
        self.rules = [cls(options) for cls in self.rule_classes]
        self.profile = profile
        self._internal = next((r for r in registry.rules if r.code == "AJ900"), None)

    def read(self, files: list[tuple[Path, str]]) -> list[Document]:
        return [read_document(fp, disp, self.registry.readers, self.profile) for fp, disp in files]

    def run(self, docs: list[Document]) -> list[Diagnostic]:
        diags: list[Diagnostic] = []
        for doc in docs:
            if not doc.report:
                continue
            for rule in self.rules:
                if rule.scope != "document" or (rule.needs_model and doc.model is None):
                    continue
                if rule.needs_model and doc.not_job_description:
                    continue
                diags.extend(self._guard(rule, doc.path, lambda r=rule, d=doc: list(r.check(d))))
        modelled = [d for d in docs if d.model is not None and not d.not_job_description]
        for rule in self.rules:
            if rule.scope == "corpus":
                diags.extend(self._guard(rule, None, lambda r=rule: list(r.check_corpus(modelled))))
        by_path = {d.path: d for d in docs}
        reported = {d.path for d in docs if d.report}
        diags = [d for d in diags if d.path in reported or d.path == "<corpus>"]
        for dg in diags:
            if dg.section is None:
                doc = by_path.get(dg.path)
                if doc is not None and doc.model is not None:
                    dg.section = doc.model.section_at(dg.span.line)
        diags.sort(key=lambda d: d.sort_key)
        return diags

    def _guard(self, rule: Rule, path: str | None, fn) -> list[Diagnostic]:
        try:
            return fn()
        except Exception as exc:  # a failing rule becomes a finding; the run goes on
            if self._internal is None:
                raise
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            where = f" (at {Path(frame.filename).name}:{frame.lineno})"
            err = f"{type(exc).__name__}: {exc}{where}"
            return [
                Diagnostic(
                    path=path or "<corpus>",
                    code=self._internal.code,
                    rule=self._internal.name,
                    severity=self._internal.severity,
                    message=self._internal.messages["crash"],
                    args={"code": rule.code, "rule": rule.name, "error": err},
                    span=Span(1, 1, 1, 1),
                )
            ]

    def check(self, paths: list[str], corpus: list[str] | None = None) -> RunResult:
        """Check ``paths``; files matched by the ``corpus`` globs are read too, for the corpus rules to
        resolve references against, but findings are reported only on ``paths``."""
        exts = supported_extensions(self.registry)
        files = discover(paths, exts)
        docs = self.read(files)
        if corpus:
            seen = {disp for _, disp in files}
            extra = [(fp, disp) for fp, disp in discover_globs(corpus, exts) if disp not in seen]
            for doc in self.read(extra):
                doc.report = False
                docs.append(doc)
        reported = [d for d in docs if d.report]
        return RunResult(reported, self.run(docs), list(self.registry.warnings))


def discover_globs(patterns: list[str], extensions: set[str]) -> list[tuple[Path, str]]:
    """Files matched by glob patterns (``**`` recursive), directories walked as in :func:`discover`."""
    import glob

    paths: list[str] = []
    for pat in patterns:
        paths.extend(sorted(glob.glob(pat, recursive=True)))
    files = [p for p in paths if not any(part.startswith(".") and part not in (".", "..")
                                         for part in Path(p).parts)]
    if not files:
        return []
    return [(fp, disp) for fp, disp in discover(files, extensions)
            if fp.is_dir() or fp.suffix.lower() in extensions]
