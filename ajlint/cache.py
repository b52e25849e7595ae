"""Per-file results cache (``.ajlint_cache/``), so that pre-commit on a large repository re-checks only
what changed.

An entry holds a file's model and its document-level findings (and, for Word, PDF and other binary
formats, the text rendering; a text file's text is decoded again from the bytes read for the hash).
It is used when the file's content (SHA-256 of its bytes), the effective settings (enabled rules,
severities, options, forced profile), the rule data (``rules/``, ``rule-data``), the installed rules
and ajlint's version are all the same; the key of the settings names the folder, the content hash is
checked inside the entry.

The corpus rules' findings are kept for the last set of documents (``corpus.json``): when every
document, its settings and the rules are the same, they are not run again; otherwise they run from the
cached models. The last few reports of reporters that declare ``cacheable`` are kept in ``runs/``, by
a key of every file's path, settings and content and the output options: a run with nothing changed
writes its report again without reading anything.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ajlint import __version__
from ajlint.diagnostics import Diagnostic, Edit, Fix, Message, Severity
from ajlint.ltext import Span

FORMAT = 4
DIRNAME = ".ajlint_cache"


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def tree_hash(paths: list[Path]) -> str:
    """Hash of every file under the given files and folders (names and contents)."""
    h = hashlib.sha256()
    for p in paths:
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            if f.is_file() and "__pycache__" not in f.parts:
                h.update(f.as_posix().encode("utf-8", "surrogateescape"))
                h.update(f.read_bytes())
    return h.hexdigest()


def code_files(rule_classes: list) -> list[Path]:
    """ajlint's own modules and every rule's module."""
    import inspect

    import ajlint

    files = set(Path(ajlint.__file__).parent.rglob("*.py"))
    for cls in rule_classes:
        try:
            files.add(Path(inspect.getfile(cls)))
        except (TypeError, OSError):
            pass
    return sorted(files)


def code_fingerprint(rule_classes: list) -> str:
    """Names, sizes and modification times of ajlint's own modules and of every rule's module, so that
    an edited rule (a plugin, or ajlint in development) never serves stale results."""
    h = hashlib.sha256()
    for f in code_files(rule_classes):
        try:
            st = f.stat()
        except OSError:
            continue
        h.update(f"{f}:{st.st_size}:{st.st_mtime_ns}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def settings_key(parts: dict[str, Any]) -> str:
    blob = json.dumps({"ajlint": __version__, "format": FORMAT, **parts}, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:20]


def _jsonable(v: Any) -> Any:
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if isinstance(v, dict):
        return {str(k): _jsonable(x) for k, x in v.items()}
    return str(v)


class Messages:
    """Messages by reference: an entry names a rule's message ("AJ402:diff") instead of repeating its
    two templates in every finding; a message no rule declares is stored whole."""

    def __init__(self, rule_classes: list):
        self.key_of: dict[int, str] = {}
        self.by_key: dict[str, Message] = {}
        for cls in rule_classes:
            for k, m in (getattr(cls, "messages", None) or {}).items():
                ref = f"{cls.code}:{k}"
                self.key_of[id(m)] = ref
                self.by_key[ref] = m

    def dump(self, m: Message) -> str | list[str]:
        ref = self.key_of.get(id(m))
        return ref if ref is not None else [m.en, m.et]

    def load(self, v: str | list[str]) -> Message:
        if isinstance(v, str):
            m = self.by_key.get(v)
            if m is None:
                raise KeyError(v)  # a rule no longer declares it: the entry is stale
            return m
        return Message(*v)


def diag_to_json(d: Diagnostic, messages: Messages | None = None) -> dict:
    return {
        "code": d.code, "rule": d.rule, "severity": d.severity.value,
        "message": messages.dump(d.message) if messages is not None else [d.message.en, d.message.et],
        "args": _jsonable(d.args),
        "span": list(d.span), "section": d.section, "locator": d.locator, "related": _jsonable(d.related),
        "sensitive": d.sensitive,
        "fix": None if d.fix is None else {
            "applicability": d.fix.applicability, "description": d.fix.description,
            "edits": [[e.start, e.end, e.replacement] for e in d.fix.edits],
        },
    }


def diag_from_json(path: str, j: dict, messages: Messages | None = None) -> Diagnostic:
    fix = None
    if j["fix"] is not None:
        fix = Fix(tuple(Edit(*e) for e in j["fix"]["edits"]), j["fix"]["applicability"], j["fix"]["description"])
    m = j["message"]
    return Diagnostic(path=path, code=j["code"], rule=j["rule"], severity=Severity(j["severity"]),
                      message=messages.load(m) if messages is not None else Message(*m), args=j["args"],
                      span=Span(*j["span"]),
                      section=j["section"], fix=fix, locator=j["locator"], related=j["related"] or [],
                      sensitive=j.get("sensitive", False))


@dataclass
class Cache:
    root: Path

    def _file(self, key: str, display: str) -> Path:
        name = hashlib.sha1(display.encode("utf-8", "surrogateescape")).hexdigest()
        return self.root / DIRNAME / key / f"{name}.json"

    def get(self, key: str, display: str, digest: str) -> dict | None:
        try:
            entry = json.loads(self._file(key, display).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if entry.get("content") != digest or entry.get("path") != display:
            return None
        return entry

    # -- the corpus rules' findings for one set of unchanged documents -----------------------------
    #: one entry: the latest run's (a new set of documents replaces it)
    CORPUS = "corpus.json"

    def get_corpus(self, key: str, messages: Messages) -> list[Diagnostic] | None:
        try:
            entry = json.loads((self.root / DIRNAME / self.CORPUS).read_text(encoding="utf-8"))
            if entry.get("key") != key:
                return None
            return [diag_from_json(p, j, messages) for p, j in entry["diags"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put_corpus(self, key: str, diags: list[Diagnostic], messages: Messages) -> None:
        self._write(self.root / DIRNAME / self.CORPUS,
                    {"key": key, "diags": [[d.path, diag_to_json(d, messages)] for d in diags]})

    # -- whole reports, for a run over files that did not change -------------------------------------
    #: reports kept (the latest by time of writing)
    RUNS_KEPT = 8

    def run_report(self, key: str) -> tuple[Path, dict] | None:
        """The report written by a run with this key, and what decides the exit code."""
        folder = self.root / DIRNAME / "runs"
        try:
            meta = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        out = folder / f"{key}.out"
        return (out, meta) if out.is_file() else None

    def report_slot(self) -> Path | None:
        """A temporary file in the cache to write a report into (see keep_report)."""
        folder = self.root / DIRNAME / "runs"
        try:
            self._ensure_base()
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
            os.close(fd)
            return Path(tmp)
        except OSError:
            return None

    def keep_report(self, key: str, written: Path, meta: dict) -> None:
        folder = written.parent
        try:
            os.replace(written, folder / f"{key}.out")
            self._write(folder / f"{key}.json", meta)
            runs = sorted(folder.glob("*.json"), key=lambda f: f.stat().st_mtime_ns, reverse=True)
            for old in runs[self.RUNS_KEPT:]:
                old.unlink(missing_ok=True)
                old.with_suffix(".out").unlink(missing_ok=True)
        except OSError:
            pass

    def put(self, key: str, display: str, entry: dict) -> None:
        self._write(self._file(key, display), {**entry, "path": display})

    def _ensure_base(self) -> None:
        base = self.root / DIRNAME
        if not base.exists():
            base.mkdir(parents=True, exist_ok=True)
            (base / ".gitignore").write_text("# created by ajlint\n*\n", encoding="utf-8")
            (base / "CACHEDIR.TAG").write_text("Signature: 8a477f597d28d172789f06886806bc55\n"
                                               "# ajlint results cache\n", encoding="utf-8")

    def _write(self, f: Path, entry: dict) -> None:
        try:
            self._ensure_base()
            f.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=f.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                # dumps, not dump: json.dump streams through the pure-Python encoder (5x slower)
                fh.write(json.dumps(entry, ensure_ascii=False))
            os.replace(tmp, f)
        except OSError:
            pass  # a cache that cannot be written only costs time
