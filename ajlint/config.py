"""Configuration: ``[tool.ajlint]`` in ``pyproject.toml`` or the top level of ``.ajlint.toml``.

The file is found by walking up from each checked path; the nearest wins (``.ajlint.toml`` before
``pyproject.toml`` in the same folder). ``--config FILE`` overrides the search, ``--isolated`` ignores
every file. The keys are validated (pydantic; ``schema/config.schema.json``); an unknown key, a wrong
type or an unknown rule is a :class:`ConfigError` naming the file, the key and what was expected.
"""

from __future__ import annotations

import difflib
import fnmatch
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ajlint.diagnostics import Severity
from ajlint.model import new_list

SeverityName = Literal["error", "warning", "info"]


class ConfigModel(BaseModel):
    """The ``[tool.ajlint]`` table (or the top level of ``.ajlint.toml``)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    select: list[str] | None = Field(default=None, description="Rules to run: codes, code prefixes (AJ2, AJ20), names, or ALL")
    ignore: list[str] = Field(default_factory=new_list, description="Rules not to run")
    extend_select: list[str] = Field(default_factory=new_list, alias="extend-select",
                                     description="Rules to run in addition to the selection (e.g. opt-in rules)")
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, alias="per-file-ignores",
                                                   description="Glob (relative to the config file) → rules ignored there")
    severity: dict[str, SeverityName] = Field(default_factory=dict,
                                              description="Rule code, prefix or name → error, warning or info")
    fail_on: SeverityName | None = Field(default=None, alias="fail-on",
                                         description="Lowest severity that makes the exit code 1 (default: error)")
    profile: str | None = Field(default=None, description="Profile to use instead of detecting it")
    language: Literal["en", "et"] | None = Field(default=None, description="Message language")
    include: list[str] = Field(default_factory=new_list, description="Globs of files to check when walking directories")
    exclude: list[str] = Field(default_factory=new_list, description="Globs of files and folders to skip when walking")
    rule_data: list[str] = Field(default_factory=new_list, alias="rule-data",
                                 description="Extra data files or folders in rules/ format (declarative rules, profiles)")
    corpus: list[str] = Field(default_factory=new_list,
                              description="Globs of files read to resolve links between documents, not reported on")
    options: dict[str, Any] = Field(default_factory=dict, description="Rule options, e.g. corpus-complete = true")
    max_file_size: int | None = Field(default=None, alias="max-file-size", gt=0,
                                      description="Largest file read, in bytes (default 50 MiB); larger files are "
                                                  "reported unreadable")


KEYS = sorted(f.alias or name for name, f in ConfigModel.model_fields.items())


class ConfigError(Exception):
    """A configuration problem (exit code 2)."""


@dataclass
class Config:
    """One configuration: its settings and the file they came from (None: the defaults)."""

    data: ConfigModel = field(default_factory=ConfigModel)
    path: Path | None = None  # the file it came from

    @property
    def root(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def rel(self, p: Path) -> str:
        try:
            return p.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return p.as_posix()


def _did_you_mean(word: str, choices: list[str]) -> str:
    near = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{near[0]}'?)" if near else ""


def load_file(path: Path) -> Config:
    """Load one config file (``.ajlint.toml`` or ``pyproject.toml``)."""
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    where = f"{path.name} [tool.ajlint]" if path.name == "pyproject.toml" else path.name
    table = raw.get("tool", {}).get("ajlint", {}) if path.name == "pyproject.toml" else raw
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.ajlint] must be a table")
    for key in table:
        if key not in KEYS:
            raise ConfigError(f"{path}: unknown key '{key}' in {where}{_did_you_mean(key, KEYS)}; "
                              f"known keys: {', '.join(KEYS)}")
    try:
        data = ConfigModel.model_validate(table)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = ".".join(str(p) for p in err["loc"])
        got = err.get("input")
        raise ConfigError(f"{path}: key '{key}' in {where}: {err['msg']} (got {got!r})") from None
    return Config(data, path)


def _has_table(pyproject: Path) -> bool:
    try:
        raw = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return False
    return "ajlint" in raw.get("tool", {})


def find_config_file(start: Path) -> Path | None:
    """The nearest .ajlint.toml or pyproject.toml with [tool.ajlint], walking up from ``start``."""
    d = start.resolve()
    if not d.is_dir():
        d = d.parent
    for folder in (d, *d.parents):
        cand = folder / ".ajlint.toml"
        if cand.is_file():
            return cand
        cand = folder / "pyproject.toml"
        if cand.is_file() and _has_table(cand):
            return cand
    return None


class ConfigResolver:
    """Config per checked file (nearest file wins), cached per folder."""

    def __init__(self, explicit: Path | None = None, isolated: bool = False):
        self.isolated = isolated
        self._cache: dict[Path, Config] = {}
        self._files: dict[Path, Config] = {}
        self._by_path: dict[Path, Config] = {}
        self._by_parent: dict[Path, Config] = {}
        self._default = Config()  # one object: the engine keeps per-configuration state by identity
        self.explicit = load_file(explicit) if explicit else None

    def for_path(self, p: Path) -> Config:
        if self.isolated:
            return self._default
        if self.explicit is not None:
            return self.explicit
        cfg = self._by_path.get(p)  # a path is asked for several times in a run; resolving it costs
        if cfg is not None:
            return cfg
        folder = p.resolve() if p.is_dir() else p.resolve().parent
        cfg = self._for_folder(folder)
        self._by_path[p] = cfg
        return cfg

    def for_file(self, p: Path) -> Config:
        """``for_path`` of a path known to be a file (found by walking a folder): the files of one
        folder share their folder's answer, with no system call per file."""
        if self.isolated or self.explicit is not None:
            return self.for_path(p)
        cfg = self._by_path.get(p)
        if cfg is None:
            parent = p.parent
            cfg = self._by_parent.get(parent)
            if cfg is None:
                cfg = self._by_parent[parent] = self._for_folder(parent.resolve())
            self._by_path[p] = cfg
        return cfg

    def _for_folder(self, folder: Path) -> Config:
        cfg = self._cache.get(folder)
        if cfg is None:
            f = find_config_file(folder)
            if f is None:
                cfg = self._default
            else:
                cfg = self._files.get(f) or load_file(f)
                self._files[f] = cfg
            self._cache[folder] = cfg
        return cfg

    def folders(self) -> list[Path]:
        """The folders whose configuration was looked for (from each, upwards to the nearest file)."""
        return list(self._cache)

    def loaded(self) -> list[Config]:
        out = list(self._files.values())
        if self.explicit is not None:
            out.append(self.explicit)
        return out


# -- rule selection -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RuleInfo:
    """What a selector is matched against: a rule's code, name and whether it runs by default."""

    code: str
    name: str
    default_enabled: bool


def _specificity(selector: str, rule: RuleInfo) -> int:
    """How specifically ``selector`` names ``rule`` (0 = not at all); a name counts as the full code."""
    if selector == "ALL":
        return 1
    if selector == rule.name:
        return len(rule.code) + 1
    if rule.code.startswith(selector):
        return len(selector) + 1
    return 0


def check_selectors(selectors: list[str], rules: list[RuleInfo], key: str, where: str) -> None:
    known = [r.code for r in rules] + [r.name for r in rules]
    for s in selectors:
        if s == "ALL" or any(_specificity(s, r) for r in rules):
            continue
        raise ConfigError(f"{where}: key '{key}': unknown rule '{s}'{_did_you_mean(s, known)}; "
                          "expected a rule code, a code prefix such as 'AJ2', a rule name, or 'ALL'")


def is_selected(rule: RuleInfo, select: list[str] | None, extend: list[str], ignore: list[str]) -> bool:
    """ruff's semantics: the most specific matching selector wins; on a tie, ``ignore`` wins."""
    chosen = select if select is not None else []
    best_on = max([_specificity(s, rule) for s in chosen + extend] + [0])
    if select is None and rule.default_enabled:
        best_on = max(best_on, 1)
    best_off = max([_specificity(s, rule) for s in ignore] + [0])
    return best_on > 0 and best_on > best_off


def file_ignores(cfg: Config, path: Path) -> list[str]:
    if not cfg.data.per_file_ignores:
        return []
    rel = cfg.rel(path)
    out: list[str] = []
    for pattern, codes in cfg.data.per_file_ignores.items():
        if fnmatch.fnmatch(rel, pattern) or PurePosixPath(rel).match(pattern):
            out.extend(codes)
    return out


def severity_override(cfg: Config, rule: RuleInfo) -> Severity | None:
    best: tuple[int, str] | None = None
    for sel, level in cfg.data.severity.items():
        sp = _specificity(sel, rule)
        if sp and (best is None or sp > best[0]):
            best = (sp, level)
    return Severity(best[1]) if best else None


def excluded(cfg: Config, path: Path) -> bool:
    if not cfg.data.exclude and not cfg.data.include:
        return False
    rel = cfg.rel(path)
    parts = PurePosixPath(rel).parts
    for pattern in cfg.data.exclude:
        if fnmatch.fnmatch(rel, pattern) or any(fnmatch.fnmatch(p, pattern) for p in parts):
            return True
    if cfg.data.include:
        return not any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(path.name, p) for p in cfg.data.include)
    return False
