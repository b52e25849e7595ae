"""``rule-data``: a user's own data files in ``rules/`` format — declarative rule files and profiles.

An entry is a folder laid out like ``rules/`` (``profiles/*.toml`` and declarative ``*.toml`` files)
or a single TOML file (a declarative rules file when it has ``[[rules]]``, else a profile).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ajlint.declarative import is_declarative, rules_from_file
from ajlint.hookspecs import hookimpl


@dataclass
class RuleData:
    rule_files: list[Path] = field(default_factory=list)
    profile_paths: list[Path] = field(default_factory=list)

    def rules(self) -> list:
        return [r for f in self.rule_files for r in rules_from_file(f)]

    def plugin(self):
        data = self

        class RuleDataPlugin:
            @hookimpl
            def ajlint_rules(self):
                return data.rules()

        return RuleDataPlugin()


class RuleDataError(Exception):
    pass


def collect(entries: list[Path]) -> RuleData:
    out = RuleData()
    for e in entries:
        if e.is_dir():
            if (e / "profiles").is_dir():
                out.profile_paths.append(e / "profiles")
            out.rule_files.extend(p for p in sorted(e.glob("*.toml")) if is_declarative(p))
        elif e.is_file():
            (out.rule_files if is_declarative(e) else out.profile_paths).append(e)
        else:
            raise RuleDataError(f"rule-data entry not found: {e}")
    return out
