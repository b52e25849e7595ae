"""Built-in rules, grouped in families (sub-packages), one rule per module.

Each family package exposes ``RULES`` (its rule classes) and may expose ``DATA_FILES``: a mapping of
a file name in ``rules/`` to the pydantic model that validates it (its JSON Schema is generated into
``schema/`` as ``<file stem>.schema.json``).
"""

from __future__ import annotations

import importlib
import pkgutil


def families() -> list:
    mods = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.ispkg:
            mods.append(importlib.import_module(f"{__name__}.{info.name}"))
    return mods


def all_rules() -> list:
    return [rule for fam in families() for rule in getattr(fam, "RULES", [])]


def data_files() -> dict:
    out: dict = {}
    for fam in families():
        out.update(getattr(fam, "DATA_FILES", {}))
    return out


def rule_data_options() -> dict:
    """File name → (rule option, "list" or "single"): family data an organisation may supply through
    ``rule-data`` (a file of that name in a rule-data folder, or given directly)."""
    out: dict = {}
    for fam in families():
        out.update(getattr(fam, "RULE_DATA_OPTIONS", {}))
    return out
