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
    #: rule-family data files (e.g. an organisation's competencies.toml) by the option they set
    family_files: dict[str, list[Path]] = field(default_factory=dict)

    def options(self) -> dict:
        """Rule options that carry the family data files to their rules."""
        from ajlint.builtin.rules import rule_data_options

        kinds = {opt: kind for opt, kind in rule_data_options().values()}
        return {opt: ([str(p) for p in paths] if kinds.get(opt) == "list" else str(paths[-1]))
                for opt, paths in self.family_files.items() if paths}

    def files(self) -> list[Path]:
        return [*self.rule_files, *self.profile_paths, *(p for ps in self.family_files.values() for p in ps)]

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
    from ajlint.builtin.rules import rule_data_options

    family = rule_data_options()
    out = RuleData()

    def add(p: Path) -> bool:
        if p.name in family:
            out.family_files.setdefault(family[p.name][0], []).append(p.resolve())
            return True
        return False

    for e in entries:
        if e.is_dir():
            if (e / "profiles").is_dir():
                out.profile_paths.append(e / "profiles")
            for p in sorted(e.glob("*.toml")):
                if not add(p) and is_declarative(p):
                    out.rule_files.append(p)
        elif e.is_file():
            if not add(e):
                (out.rule_files if is_declarative(e) else out.profile_paths).append(e)
        else:
            raise RuleDataError(f"rule-data entry not found: {e}")
    return out
