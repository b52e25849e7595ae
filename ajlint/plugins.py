"""The plugin host: loads every ``ajlint`` entry point (the built-ins included) through pluggy.

A plugin that fails to import is reported once as a warning and skipped; the run goes on.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from importlib.metadata import entry_points

import pluggy

from ajlint.hookspecs import AjlintSpec
from ajlint.rule import Rule

GROUP = "ajlint"


@dataclass
class Registry:
    """What the plugins registered: rules, readers and reporters, with the warnings loading them gave."""

    pm: pluggy.PluginManager
    rules: list[type[Rule]] = field(default_factory=list)
    readers: list = field(default_factory=list)
    reporters: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)


def make_manager(load_entry_points: bool = True, extra_plugins=()) -> tuple[pluggy.PluginManager, list[str]]:
    pm = pluggy.PluginManager(GROUP)
    pm.add_hookspecs(AjlintSpec)
    warnings: list[str] = []
    builtin_loaded = False
    if load_entry_points:
        for ep in sorted(entry_points(group=GROUP), key=lambda e: (e.name != "builtin", e.name)):
            if pm.get_plugin(ep.name) is not None:
                continue
            try:
                plugin = ep.load()
            except Exception as exc:  # a broken plugin must not stop the run
                warnings.append(f"plugin {ep.name!r} ({ep.value}) failed to load and was skipped: "
                                f"{type(exc).__name__}: {exc}")
                continue
            pm.register(plugin, name=ep.name)
            if ep.value == "ajlint.builtin":
                builtin_loaded = True
    if not builtin_loaded and pm.get_plugin("builtin") is None:
        # running from a source tree that was never installed: no entry points exist yet
        pm.register(importlib.import_module("ajlint.builtin"), name="builtin")
    for name, plugin in extra_plugins:
        pm.register(plugin, name=name)
    return pm, warnings


def _call_each(pm: pluggy.PluginManager, hook_name: str, warnings: list[str]) -> list:
    """Call every plugin's implementation of a hook on its own, so that one plugin that raises is
    reported as a warning instead of taking the others down. Built-ins come first."""
    results = []
    impls = getattr(pm.hook, hook_name).get_hookimpls()
    for impl in sorted(impls, key=lambda i: i.plugin_name != "builtin"):
        try:
            results.append(impl.function())
        except Exception as exc:
            warnings.append(f"plugin {impl.plugin_name!r} failed in {hook_name} and was skipped: "
                            f"{type(exc).__name__}: {exc}")
    return results


def build_registry(pm: pluggy.PluginManager, warnings: list[str] | None = None) -> Registry:
    reg = Registry(pm=pm, warnings=list(warnings or []))
    seen: dict[str, str] = {}
    for plugin_rules in _call_each(pm, "ajlint_rules", reg.warnings):
        for rule in plugin_rules or []:
            problems = rule.problems() if isinstance(rule, type) and issubclass(rule, Rule) else ["not a Rule subclass"]
            code = getattr(rule, "code", "?")
            if problems:
                reg.warnings.append(f"rule {code} ({getattr(rule, '__name__', rule)!r}) was skipped: "
                                    + "; ".join(problems))
                continue
            if code in seen or rule.name in seen.values():
                reg.warnings.append(f"rule {code} [{rule.name}] is defined twice; the second was skipped")
                continue
            seen[code] = rule.name
            reg.rules.append(rule)
    reg.rules.sort(key=lambda r: r.code)
    for plugin_readers in _call_each(pm, "ajlint_readers", reg.warnings):
        reg.readers.extend(plugin_readers or [])
    # built-ins first, so that a plugin can override a built-in format by name
    for plugin_reporters in _call_each(pm, "ajlint_reporters", reg.warnings):
        for rep in plugin_reporters or []:
            reg.reporters[rep.name] = rep
    return reg


def default_registry(extra_plugins=()) -> Registry:
    pm, warnings = make_manager(extra_plugins=extra_plugins)
    return build_registry(pm, warnings)
