"""The rule engine: files → documents → rules → diagnostics (sorted, deterministic).

Per file it applies the configuration found for that file (rule selection, per-file ignores,
severity overrides) and the document's own suppression directives.
"""

from __future__ import annotations

import os
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ajlint import suppression
from ajlint.config import (
    Config,
    ConfigResolver,
    RuleInfo,
    excluded,
    file_ignores,
    is_selected,
    severity_override,
)
from ajlint.diagnostics import Diagnostic
from ajlint.document import MAX_FILE_BYTES, Document, expand, file_bytes, read_document
from ajlint.ltext import Span
from ajlint.plugins import Registry
from ajlint.replay import skip_dir
from ajlint.rule import Rule


_NO_FILE = Config()  # the configuration of a document that is not a file (one object: state is kept by id)


class UsageError(Exception):
    """A problem with how ajlint was called (exit code 2)."""


@dataclass
class Selection:
    """Rule selection given on the command line (it refines what the configuration says)."""

    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)


@dataclass
class RunResult:
    """A run's reported documents, their findings (sorted) and the plugins' warnings."""

    documents: list[Document]
    diagnostics: list[Diagnostic]
    warnings: list[str] = field(default_factory=list)

    @property
    def internal_errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.code == "AJ900")


def supported_extensions(registry: Registry) -> set[str]:
    return {ext for r in registry.readers for ext in r.extensions}


def display_path(p: Path, cwd: Path | None = None) -> str:
    try:
        rel = p.resolve().relative_to(cwd or Path.cwd().resolve())
        return rel.as_posix()
    except ValueError:
        return p.as_posix()


def discover(paths: list[str], extensions: set[str], resolver: ConfigResolver | None = None) -> list[tuple[Path, str]]:
    """Files to check: given files as they are, directories walked for supported files (hidden folders
    and .git skipped; the ``include`` / ``exclude`` globs of the configuration applied)."""
    out: dict[str, Path] = {}
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        raise UsageError("no such file or directory: " + ", ".join(missing))
    cwd = Path.cwd().resolve()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            # a walked file's display path is its folder's plus its relative path: resolving every
            # file costs a system call per path component
            top = display_path(p, cwd)
            walk_root = os.fspath(p)
            for root, dirs, files in os.walk(p):
                # the folder relative to the walked one, from the walk's own strings (no relpath per file)
                sub = root[len(walk_root):].lstrip(os.sep)
                prefix = (Path(sub).as_posix() + "/") if sub else ""
                dirs[:] = sorted(d for d in dirs if not skip_dir(d))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    fp = Path(root) / name
                    cfg = resolver.for_file(fp) if resolver else None
                    if cfg is not None and cfg.data.include:
                        if excluded(cfg, fp):
                            continue
                    elif fp.suffix.lower() not in extensions or (cfg is not None and excluded(cfg, fp)):
                        continue
                    rel = prefix + name
                    out.setdefault(rel if top == "." else f"{top}/{rel}", fp)
        else:
            out.setdefault(display_path(p, cwd), p)
    return [(fp, disp) for disp, fp in sorted(out.items())]


def discover_globs(patterns: list[str], extensions: set[str], base: Path | None = None) -> list[tuple[Path, str]]:
    """Files matched by glob patterns (``**`` recursive; relative to ``base``), hidden ones skipped."""
    import glob

    paths: list[str] = []
    for pat in patterns:
        full = pat if base is None or os.path.isabs(pat) else str(base / pat)
        paths.extend(sorted(glob.glob(full, recursive=True)))
    files = [p for p in paths if not any(part.startswith(".") and part not in (".", "..") for part in Path(p).parts)]
    return [(fp, disp) for fp, disp in discover(files, extensions) if fp.suffix.lower() in extensions]


class Engine:
    def __init__(self, registry: Registry, rules: list[type[Rule]] | None = None, profile: str | None = None,
                 options: dict | None = None, resolver: ConfigResolver | None = None,
                 selection: Selection | None = None, profiles: dict | None = None, cache=None,
                 cache_salt: str = "", jobs: int = 1):
        self.registry = registry
        self.jobs = max(1, jobs)
        #: seconds spent per rule code and in reading (``"read"``), when ``timings`` is a dict
        self.timings: dict[str, float] | None = None
        self.profiles = profiles
        self.cache = cache
        self.cache_salt = cache_salt
        self.reads = 0  # documents actually parsed by a reader (not restored from the cache)
        #: files larger than this many bytes are not read (AJ001), with or without the cache
        self.max_bytes = MAX_FILE_BYTES
        self.rule_classes = rules if rules is not None else registry.rules
        self.profile = profile
        self.resolver = resolver or ConfigResolver(isolated=True)
        self.selection = selection or Selection()
        self._options = options
        self._rules_by_cfg: dict[int, list[Rule]] = {}
        self._enabled_by_cfg: dict[int, set[str]] = {}
        self._names = {r.code: r.name for r in self.rule_classes}
        self._key_memo: dict[tuple, str] = {}
        #: the fields some corpus rule reads (kept whole)
        self._corpus_only = self._asked_fields()
        #: the model fields kept once a document's own rules have run; None: all of them (a corpus rule
        #: reads the whole model)
        whole = any(r.scope == "corpus" and r.corpus_fields is None for r in self.rule_classes)
        self._slim_fields = None if whole else self.KEPT_FIELDS | self._corpus_only
        self._blanks: dict[type, list] = {}
        #: False when nothing after a document's own rules reads its text (the report quotes no source,
        #: nothing is fixed): the text is then dropped with the rest of the slimmed model, unless it
        #: holds suppression directives
        self.keep_text = True
        #: the reporter's writing of one finding (``Reporter.finding_renderer``), or None. When set, a
        #: document without suppression directives has its findings finished and written as soon as its
        #: own rules have run: with ``--jobs``, in the process that checked it. A written finding lets
        #: its fix go (its edits live on in the text): over 10,000 documents they are 100 MB and more
        self.render_finding: Callable[[Diagnostic], str] | None = None
        self._internal = next((r for r in registry.rules if r.code == "AJ900"), None)
        self._meta = {r.code: r for r in registry.rules if r.code in ("AJ010", "AJ011")}
        self._messages_memo = None

    @property
    def _messages(self):
        """The rules' messages, for storing findings in the cache by reference."""
        if self._messages_memo is None:
            from ajlint.cache import Messages

            self._messages_memo = Messages(self.registry.rules)
        return self._messages_memo

    # -- configuration ---------------------------------------------------------------------------
    def config_for(self, doc: Document) -> Config:
        return self.resolver.for_path(doc.file) if doc.file is not None else _NO_FILE

    def enabled(self, cfg: Config) -> set[str]:
        got = self._enabled_by_cfg.get(id(cfg))
        if got is None:
            sel = self.selection
            select = sel.select if sel.select is not None else cfg.data.select
            extend = cfg.data.extend_select + sel.extend_select
            ignore = cfg.data.ignore + sel.ignore
            got = {r.code for r in self.rule_classes
                   if is_selected(RuleInfo(r.code, r.name, r.default_enabled), select, extend, ignore)}
            self._enabled_by_cfg[id(cfg)] = got
        return got

    def _enabled_for(self, file: Path | None, cfg: Config) -> set[str]:
        """The rules that run on a file: the configuration's selection less its per-file ignores."""
        enabled = self.enabled(cfg)
        if file is not None:
            ignores = file_ignores(cfg, file)
            if ignores:
                enabled = {c for c in enabled if not any(_names(i, c, self._names.get(c, c)) for i in ignores)}
        return enabled

    def rules_for(self, cfg: Config) -> list[Rule]:
        got = self._rules_by_cfg.get(id(cfg))
        if got is None:
            options = {**cfg.data.options, **(self._options or {})}
            got = [cls(options) for cls in self.rule_classes]
            self._rules_by_cfg[id(cfg)] = got
        return got

    # -- reading -----------------------------------------------------------------------------------
    def _profile_for(self, fp: Path) -> str | None:
        """The profile a file is read with: the forced one, else its configuration's (None: detect)."""
        return self.profile or self.resolver.for_path(fp).data.profile

    def read(self, files: list[tuple[Path, str]]) -> list[Document]:
        docs = []
        for fp, disp in files:
            profile = self._profile_for(fp)
            if self.cache is not None:
                doc = self._read_cached(fp, disp, profile)
            else:
                doc = read_document(fp, disp, self.registry.readers, profile, max_bytes=self.max_bytes,
                                    profiles=self.profiles)
                self.reads += doc.read_error is None
            docs.append(doc)
        return docs

    PARALLEL_MIN_FILES = 16

    def _parallel(self, n: int) -> bool:
        return self.jobs > 1 and n >= self.PARALLEL_MIN_FILES and _fork_available()

    def _read_parallel(self, files: list[tuple[Path, str]]) -> list[Document]:
        """Read ``files`` and run their own rules in this process and ``jobs - 1`` forked workers.

        Every process takes the next chunk of files from a shared counter until none is left, so a
        slow chunk does not hold the others up. This process is one of the workers: its documents
        need no copy, and the workers' results are taken in between its own chunks, not by a
        thread competing with it for the interpreter lock. A chunk a worker took and never sent
        (the worker died) is read here at the end."""
        import multiprocessing

        # small chunks (about 8 files): the last ones keep every process busy until the end
        n_chunks = max(min(len(files), self.jobs * 8), len(files) // 8)
        chunks = [files[i::n_chunks] for i in range(n_chunks)]
        ctx = multiprocessing.get_context("fork")
        by_path: dict[str, Document] = {}
        try:
            counter = ctx.Value("i", 0)  # the next chunk to take
        except (OSError, ImportError):  # no shared semaphores here (some containers): one process
            self._read_here(files, by_path)
            return [by_path[disp] for _, disp in files]

        def take() -> int:
            with counter.get_lock():
                i = counter.value
                counter.value = i + 1
            return i

        workers = []
        try:
            for _ in range(self.jobs - 1):
                workers.append(_Worker(ctx, self, take, chunks))
            done: set[int] = set()
            while (i := take()) < n_chunks:
                self._read_here(chunks[i], by_path)
                done.add(i)
                for w in workers:
                    w.collect(self, by_path, done, wait=False)
            for w in workers:
                w.collect(self, by_path, done, wait=True)
            for i in range(n_chunks):
                if i not in done:  # a worker's chunk that never came back
                    self._read_here(chunks[i], by_path)
        finally:
            for w in workers:
                w.stop()
        return [by_path[disp] for _, disp in files]

    def _read_here(self, files: list[tuple[Path, str]], by_path: dict[str, Document]) -> None:
        """Read ``files`` in this process into ``by_path``. Each document's own rules run at once, so
        only its slim form is kept."""
        for f in files:
            doc = self.read([f])[0]
            self._own_rules(doc)
            by_path[doc.path] = doc

    #: model fields every later step needs (reporters, sections of findings)
    KEPT_FIELDS = frozenset({"path", "profile", "kind", "info", "title", "unit", "sections"})

    def _asked_fields(self) -> frozenset[str]:
        """The model fields some corpus rule declares it reads."""
        out: set[str] = set()
        for r in self.rule_classes:
            if r.scope == "corpus" and r.corpus_fields:
                out |= r.corpus_fields
        return frozenset(out)

    def slim(self, doc: Document) -> None:
        """Drop what no later step reads from a document whose own rules have run."""
        if not self.keep_text and doc.text is not None and "ajlint" not in doc.text:
            doc.text = None
            doc._lines = doc._line_starts = None
        keep = self._slim_fields
        m = doc.model
        if keep is None or m is None or doc.slim:
            return
        blanks = self._blanks.get(type(m))
        if blanks is None:
            # (name, default, factory) of every dropped field, worked out once: pydantic's get_default
            # inspects the factory's signature on every call
            blanks = self._blanks[type(m)] = [
                (name, info.default, info.default_factory)
                for name, info in type(m).model_fields.items() if name not in keep]
        d = m.__dict__
        for name, default, factory in blanks:
            d[name] = factory() if factory is not None else default
        if "sections" not in self._corpus_only:
            # later steps read a section's key, number, heading and line (the section of a finding,
            # the report's headings), not where its parts are
            for sec in m.sections:
                sd = sec.__dict__
                sd["heading_location"] = sd["number_location"] = None
        doc.slim = True

    def _own_rules(self, doc: Document) -> None:
        """Run a reported document's own rules now and keep the findings with it, then slim it. With a
        ``render_finding``, the findings of a document without suppression directives are finished and
        written now: no corpus finding can change them (only directives look at a document's findings
        together), so the main process only merges them."""
        if doc.report and doc.cached_diags is None and not doc.parts:
            cfg = self.config_for(doc)
            enabled = self._enabled_for(doc.file, cfg)
            doc.cached_diags = mine = self.document_phase(doc, cfg, enabled)
            if self.render_finding is not None and not _has_directives(doc):
                doc.cached_diags = mine = self._finish(doc, mine, cfg, enabled)
                render = self.render_finding
                for d in mine:
                    d.rendered = render(d)
                    d.fix = None
                doc.finished = True
            self.slim(doc)

    def document_phase(self, doc: Document, cfg: Config | None = None,
                       enabled: set[str] | None = None) -> list[Diagnostic]:
        """The document-level findings of one document (before suppression and severity overrides).
        ``cfg`` and ``enabled``: the document's configuration and enabled rules, when the caller has them."""
        if cfg is None:
            cfg = self.config_for(doc)
        if enabled is None:
            enabled = self._enabled_for(doc.file, cfg)
        mine: list[Diagnostic] = []
        timings = self.timings
        for rule in self.rules_for(cfg):
            if rule.code not in enabled or rule.scope != "document":
                continue
            if rule.needs_model and (doc.model is None or doc.not_job_description):
                continue
            if timings is None:
                mine.extend(self._guard(rule, doc.path, lambda r=rule, d=doc: list(r.check(d))))
            else:
                t0 = time.perf_counter()
                mine.extend(self._guard(rule, doc.path, lambda r=rule, d=doc: list(r.check(d))))
                timings[rule.code] = timings.get(rule.code, 0.0) + time.perf_counter() - t0
        if doc.cache_slot is not None and self.cache is not None and not any(x.code == "AJ900" for x in mine):
            self._store(doc, mine)
        # the split lines and line offsets are rebuilt if a later step needs them: a run over thousands
        # of documents must not keep them all
        doc._lines = doc._line_starts = None
        return mine

    def _cache_key(self, fp: Path, profile: str | None) -> str:
        """The settings part of a file's cache key: the same for every file under one configuration
        (unless per-file ignores apply), so it is computed once per configuration."""
        from ajlint.cache import settings_key

        cfg = self.resolver.for_path(fp)
        enabled = self._enabled_for(fp, cfg)
        mkey = (id(cfg), profile, frozenset(enabled))
        key = self._key_memo.get(mkey)
        if key is None:
            key = self._key_memo[mkey] = settings_key({
                "enabled": sorted(enabled),
                "severity": cfg.data.severity,
                "options": {**cfg.data.options, **(self._options or {})},
                "profile": profile,
                "rules": [r.code for r in self.rule_classes],
                "readers": [r.name for r in self.registry.readers],
                "salt": self.cache_salt,
            })
        return key

    def _lookup(self, fp: Path, disp: str, profile: str | None, data: bytes) -> tuple[Document | None, str, str]:
        """The cached document for these bytes (or None), with the cache key and content hash."""
        from ajlint.cache import content_hash, diag_from_json
        from ajlint.profiles import load_profiles

        key, digest = self._cache_key(fp, profile), content_hash(data)
        entry = self.cache.get(key, disp, digest)  # type: ignore[union-attr]
        if entry is None:
            return None, key, digest
        try:
            # the text is decoded only if something will read it (see keep_text)
            need_text = self.keep_text or entry.get("directives", True)
            doc = _doc_from_entry(entry, disp, fp, self.profiles if self.profiles is not None else load_profiles(),
                                  data if need_text else None)
            doc.cached_diags = [diag_from_json(disp, j, self._messages) for j in entry["diags"]]
        except (KeyError, TypeError, ValueError):
            return None, key, digest  # an entry this version cannot use: read the file again
        doc.slim = self._slim_fields is not None  # entries store the slim model
        doc.cache_id = (key, digest)
        return doc, key, digest

    def _cached_only(self, fp: Path, disp: str) -> Document | None:
        """The document from the cache, or None when it has to be read."""
        data = file_bytes(fp, self.max_bytes)
        if isinstance(data, str):
            return None  # read_document reports it
        return self._lookup(fp, disp, self._profile_for(fp), data)[0]

    def _read_cached(self, fp: Path, disp: str, profile: str | None) -> Document:
        from ajlint.document import document_from_bytes

        data = file_bytes(fp, self.max_bytes)  # the size limit holds with the cache too
        if isinstance(data, str):
            return Document(path=disp, read_error=data, file=fp)
        doc, key, digest = self._lookup(fp, disp, profile, data)
        if doc is not None:
            return doc
        doc = document_from_bytes(data, fp, disp, self.registry.readers, profile, self.profiles)
        self.reads += 1
        if not doc.parts:  # a container's documents are checked (and not cached) one by one
            doc.cache_slot = doc.cache_id = (key, digest)
        return doc

    def _store(self, doc: Document, diags: list[Diagnostic]) -> None:
        from ajlint.cache import diag_to_json

        key, digest = doc.cache_slot  # type: ignore[misc]
        d = doc.decoded
        self.cache.put(key, doc.path, {
            "content": digest,
            # a text file's text is decoded again from its bytes (read anyway for the hash); a binary
            # format's rendering is kept
            "text": doc.text if doc.decoded is None else None,
            "directives": doc.text is not None and "ajlint" in doc.text,
            # a JSON string inside the entry: pydantic parses its own JSON twice as fast as a dict
            # only what is read once a document's own rules have run (see slim())
            "model": doc.model.model_dump_json(include=self._slim_fields) if doc.model is not None else None,
            "profile": doc.profile.name if doc.profile is not None else None,
            "read_error": doc.read_error,
            "not_job_description": doc.not_job_description,
            "decoded": None if d is None else {
                "encoding": d.encoding, "fallback": d.fallback, "bom": d.bom.hex(), "codec": d.codec,
                "newline": d.newline,
            },
            "diags": [diag_to_json(x, self._messages) for x in diags],
            "locators": doc.locators,
        })

    # -- running -----------------------------------------------------------------------------------
    def run(self, docs: list[Document]) -> list[Diagnostic]:
        diags: list[Diagnostic] = []  # to be finished
        out: list[Diagnostic] = []  # finished
        per_doc: dict[str, tuple[Document, Config, set[str]]] = {}
        for doc in docs:
            if not doc.report:
                continue
            cfg = self.config_for(doc)
            enabled = self._enabled_for(doc.file, cfg)
            per_doc[doc.path] = (doc, cfg, enabled)
            if doc.cached_diags is None:
                doc.cached_diags = self.document_phase(doc, cfg, enabled)  # a later pass (--fix) reuses them
            (out if doc.finished else diags).extend(doc.cached_diags)
            self.slim(doc)
        modelled = [d for d in docs if d.model is not None and not d.not_job_description]
        run_cfg = next((c for _, c, _ in per_doc.values()), Config())
        corpus_rules = [rule for rule in self.rules_for(run_cfg)
                        if rule.scope == "corpus" and any(rule.code in e for _, _, e in per_doc.values())]
        ckey = self._corpus_key(modelled, corpus_rules, run_cfg, per_doc) if corpus_rules else None
        cached = self.cache.get_corpus(ckey, self._messages) if ckey is not None else None  # type: ignore[union-attr]
        if cached is not None:
            diags.extend(cached)
        else:
            found: list[Diagnostic] = []
            for rule in corpus_rules:
                t0 = time.perf_counter()
                found.extend(self._guard(rule, None, lambda r=rule: list(r.check_corpus(modelled))))
                if self.timings is not None:
                    self.timings[rule.code] = self.timings.get(rule.code, 0.0) + time.perf_counter() - t0
            if ckey is not None and not any(x.code == "AJ900" for x in found):
                self.cache.put_corpus(ckey, found, self._messages)  # type: ignore[union-attr]
            diags.extend(found)

        by_doc: dict[str, list[Diagnostic]] = {}
        for dg in diags:
            if dg.path == "<corpus>":
                out.append(dg)
            elif dg.path in per_doc:
                by_doc.setdefault(dg.path, []).append(dg)
        for path, (doc, cfg, enabled) in per_doc.items():
            # (every document: its directives may be unused with no finding at all)
            out.extend(self._finish(doc, by_doc.get(path, []), cfg, enabled))
        out.sort(key=lambda d: d.sort_key)
        return out

    def _finish(self, doc: Document, diags: list[Diagnostic], cfg: Config, enabled: set[str]) -> list[Diagnostic]:
        """A document's findings as they are reported: those of its enabled rules (and crashes), less what
        its directives suppress, with the configured severities, their sections and, for a binary
        format, where they are in the original."""
        mine = [d for d in diags if d.code in enabled or d.code == "AJ900"]
        mine = self._suppress(doc, mine, enabled)
        overrides = cfg.data.severity  # most configurations set none: no rule lookup per finding
        for dg in mine:
            override = severity_override(cfg, RuleInfo(dg.code, dg.rule, True)) if overrides else None
            if override is not None:
                dg.severity = override
            if dg.section is None and doc.model is not None:
                dg.section = doc.model.section_at(dg.span.line)
            if dg.locator is None and doc.locators:
                dg.locator = doc.locator_at(dg.span.line, dg.span.column)
        return mine

    def _corpus_key(self, modelled: list[Document], rules: list[Rule], cfg: Config,
                    per_doc: dict) -> str | None:
        """What the corpus rules' findings depend on: every modelled document's cache id (its settings and
        content), which of them are reported on, and the rules with their options. None when some
        document has no cache id (the cache is off, or a container's part) — then they just run."""
        if self.cache is None:
            return None
        ids = []
        for d in modelled:
            if d.cache_id is None:
                return None
            ids.append((d.path, *d.cache_id, d.path in per_doc))
        from ajlint.cache import settings_key

        return settings_key({
            "documents": sorted(ids),
            "rules": [r.code for r in rules],
            "enabled": sorted({c for _, _, e in per_doc.values() for c in e}),
            "options": {**cfg.data.options, **(self._options or {})},
            "salt": self.cache_salt,
        })

    def resolve_selector(self, token: str) -> set[str]:
        """Codes a directive's rule token names: a code, a code prefix or a rule name."""
        return {r.code for r in self.registry.rules
                if r.name == token or (token[:2].isalpha() and r.code.startswith(token))}

    def _suppress(self, doc: Document, diags: list[Diagnostic], enabled: set[str]) -> list[Diagnostic]:
        if not _has_directives(doc):
            return diags
        sup = suppression.parse(doc.lines, self.resolve_selector)
        kept = suppression.apply(diags, sup, len(doc.lines))
        invalid = self._meta.get("AJ010")
        if invalid is not None and invalid.code in enabled:
            rule = invalid()
            for p in sup.problems:
                kept.append(rule.diag(doc, Span(p.line, p.column, p.line, p.end_column), "invalid", reason=p.reason))
        unused = self._meta.get("AJ011")
        if unused is not None and unused.code in enabled:
            rule = unused()
            for d in sup.directives:
                if d.kind != "enable" and not d.used:
                    text = doc.lines[d.line - 1][d.column - 1:d.end_column - 1].strip()
                    kept.append(rule.diag(doc, Span(d.line, d.column, d.line, d.end_column), "unused",
                                          directive=text))
        return kept

    def _guard(self, rule: Rule, path: str | None, fn) -> list[Diagnostic]:
        try:
            return fn()
        except Exception as exc:  # a failing rule becomes a finding; the run goes on
            if self._internal is None:
                raise
            frame = traceback.extract_tb(exc.__traceback__)[-1]
            err = f"{type(exc).__name__}: {exc} (at {Path(frame.filename).name}:{frame.lineno})"
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

    def discover(self, paths: list[str]) -> list[tuple[Path, str]]:
        return discover(paths, supported_extensions(self.registry), self.resolver)

    def check(self, paths: list[str], corpus: list[str] | None = None) -> RunResult:
        """Check ``paths``; files matched by the ``corpus`` globs (or the configuration's ``corpus``) are
        read too, for the corpus rules to resolve references against, but are not reported on."""
        return self.check_files(self.discover(paths), corpus)

    def check_files(self, files: list[tuple[Path, str]], corpus: list[str] | None = None) -> RunResult:
        docs = self.load(files, corpus)
        return RunResult([d for d in docs if d.report], self.run(docs), list(self.registry.warnings))

    def load(self, files: list[tuple[Path, str]], corpus: list[str] | None = None) -> list[Document]:
        """Read the files, and the corpus files (``report = False``) for the corpus rules.

        With ``jobs > 1`` and enough files, this process and forked workers read the files and run
        the document-level rules; a worker's findings travel back with its documents
        (``cached_diags``) and the corpus-level rules run once, here, over all of them.
        """
        hits: dict[str, Document] = {}
        todo = files
        if self.cache is not None and self._parallel(len(files)):
            # cache hits are cheap: take them here, and send only the files to parse to the workers
            todo = []
            for f in files:
                doc = self._cached_only(*f)
                if doc is None:
                    todo.append(f)
                else:
                    hits[f[1]] = doc
        if self._parallel(len(todo)):
            read = {d.path: d for d in self._read_parallel(todo)}
        else:
            read = {}
            self._read_here(todo, read)
        docs = [hits.get(disp) or read[disp] for _, disp in files]
        for doc in self.read(self.corpus_files(files, corpus)):
            doc.report = False
            docs.append(doc)
        return expand(docs)  # a signed container's documents instead of the container

    def corpus_files(self, files: list[tuple[Path, str]], corpus: list[str] | None) -> list[tuple[Path, str]]:
        """The files read only for the corpus rules: the ``corpus`` globs (or the configuration's), less
        the files being checked."""
        exts = supported_extensions(self.registry)
        extra: list[tuple[Path, str]] = []
        if corpus:
            extra = discover_globs(corpus, exts)
        elif files:
            cfg = self.resolver.for_path(files[0][0])
            if cfg.data.corpus:
                extra = discover_globs(cfg.data.corpus, exts, cfg.root)
        seen = {disp for _, disp in files}
        return [(fp, disp) for fp, disp in extra if disp not in seen]

    def run_key(self, files: list[tuple[Path, str]], corpus: list[str] | None, output: dict,
                digests: dict[str, str] | None = None) -> str | None:
        """The key of a whole run's report: every checked and corpus file's path, settings and content,
        the code and rule data (the salt) and how the report is written (``output``). A report is a
        function of these alone, so a run with the same key may replay the report it wrote. None when a
        file cannot be read (its finding is reported by a real run). ``digests``, if given, gets each
        file's content hash by its path."""
        from ajlint.cache import content_hash, settings_key

        items = []
        for group, report in ((files, True), (self.corpus_files(files, corpus), False)):
            for fp, disp in group:
                data = file_bytes(fp, self.max_bytes)
                if isinstance(data, str):
                    return None
                digest = content_hash(data)
                items.append((disp, self._cache_key(fp, self._profile_for(fp)), digest, report))
                if digests is not None:
                    digests[str(fp)] = digest
        return settings_key({"run": items, "output": output, "salt": self.cache_salt})


class _Worker:
    """A forked process that reads and checks chunks of files (see ``Engine._read_parallel``) and
    sends each chunk's documents back as one pickled message."""

    def __init__(self, ctx, engine: Engine, take, chunks: list[list[tuple[Path, str]]]):
        self.conn, send = ctx.Pipe(duplex=False)
        _widen(send)
        self.process = ctx.Process(target=_serve, args=(engine, take, chunks, send), daemon=True)
        self.process.start()
        send.close()  # this end is the worker's: the worker's exit is then seen as the end of the pipe
        self.open = True

    def collect(self, engine: Engine, by_path: dict[str, Document], done: set[int], wait: bool) -> None:
        """Take in what the worker has sent (``wait``: everything, until it has finished)."""
        import pickle

        from ajlint.model import JobDescription

        profiles = None
        while self.open:
            try:
                if not self.conn.poll(None if wait else 0):
                    return
                i, part = pickle.loads(self.conn.recv_bytes())
            except EOFError:
                self.open = False
                return
            for doc, model_json, reads in part:
                if model_json is not None:
                    doc.model = JobDescription.model_validate_json(model_json)
                if doc.profile is None and doc.model is not None and doc.model.profile:
                    profiles = profiles or engine.profiles or _profiles()
                    doc.profile = profiles.get(doc.model.profile)
                engine.reads += reads
                by_path[doc.path] = doc
            done.add(i)

    def stop(self) -> None:
        if self.process.is_alive() and self.open:  # this process is leaving early (an error, Ctrl+C)
            self.process.terminate()
        self.process.join()
        self.conn.close()


def _widen(conn) -> None:
    """A larger pipe buffer (Linux): a worker then rarely waits for this process to take its results."""
    try:
        import fcntl

        fcntl.fcntl(conn.fileno(), fcntl.F_SETPIPE_SZ, 1 << 20)
    except (ImportError, AttributeError, OSError):
        pass


def _serve(engine: Engine, take, chunks: list[list[tuple[Path, str]]], send) -> None:
    """A worker's life: chunks until none is left. Ctrl+C is the main process's to handle. On an
    error the worker ends quietly: the main process reads the unsent chunk itself and reports what
    went wrong there."""
    import pickle
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        while (i := take()) < len(chunks):
            send.send_bytes(pickle.dumps((i, _work(engine, chunks[i])), protocol=pickle.HIGHEST_PROTOCOL))
    except BaseException:
        pass
    finally:
        send.close()


def _work(engine: Engine, chunk: list[tuple[Path, str]]) -> list[tuple[Document, str | None, int]]:
    """In a worker process: read each file and run the document-level rules. The model travels back
    as JSON, which pydantic reads back faster than pickle rebuilds it."""
    out = []
    for fp, disp in chunk:
        before = engine.reads
        doc = engine.read([(fp, disp)])[0]
        engine._own_rules(doc)
        engine.slim(doc)  # less to send back, and less for the parent to hold (a cached one too)
        doc.cache_slot = None
        doc.profile = None  # restored from the parent's profiles: no need to send it back
        model_json = None
        if doc.model is not None and not doc.parts:
            model_json, doc.model = doc.model.model_dump_json(), None
        out.append((doc, model_json, engine.reads - before))
    return out


def _fork_available() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def _profiles() -> dict:
    from ajlint.profiles import load_profiles

    return load_profiles()


def _doc_from_entry(entry: dict, disp: str, fp: Path, profiles: dict, data: bytes | None) -> Document:
    from ajlint.decode import Decoded, decode
    from ajlint.model import JobDescription

    d = entry.get("decoded")
    decoded = None if d is None else Decoded(
        None, d["encoding"], fallback=d["fallback"], bom=bytes.fromhex(d["bom"]), codec=d["codec"],
        newline=d["newline"])
    text = entry["text"] if data is not None else None
    if text is None and decoded is not None and data is not None:
        text = decode(data).text  # the same bytes (their hash matched), so the same text
    return Document(
        path=disp,
        text=text,
        model=JobDescription.model_validate_json(entry["model"]) if entry["model"] is not None else None,
        profile=profiles.get(entry["profile"]) if entry["profile"] else None,
        read_error=entry["read_error"],
        not_job_description=entry["not_job_description"],
        file=fp,
        decoded=decoded,
        locators={int(k): [(c, s) for c, s in v] for k, v in entry["locators"].items()}
        if entry.get("locators") else None,
    )


def _has_directives(doc: Document) -> bool:
    """Whether a document's text may hold suppression directives (``ajlint: disable`` and the like)."""
    return doc.text is not None and "ajlint" in doc.text


def _names(selector: str, code: str, name: str) -> bool:
    return selector in ("ALL", name) or code.startswith(selector)
