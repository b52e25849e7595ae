"""Rule documentation (ajlint rules / ajlint rule) and messages in both languages."""

from __future__ import annotations

import json

import pytest

from ajlint.plugins import default_registry
from ajlint.rule import DOC_SECTIONS

from conftest import ROOT, seed

RULES = default_registry().rules


def test_rules_json_lists_every_rule(cli):
    code, out, _ = cli("rules", "--format", "json")
    rows = json.loads(out)
    assert code == 0
    assert [r["code"] for r in rows] == [r.code for r in RULES]
    for r in rows:
        assert set(r) == {"code", "name", "severity", "fixable", "default_enabled", "scope", "summary"}
        assert r["summary"]
    assert next(r for r in rows if r["code"] == "AJ011")["default_enabled"] is False


def test_rules_text_table(cli):
    code, out, _ = cli("rules")
    assert code == 0 and "AJ004  ambiguous-layout" in out


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_prints_complete_docs(cli, rule):
    code, out, _ = cli("rule", rule.code)
    assert code == 0
    assert out.startswith(f"{rule.code} {rule.name}\n")
    for section in DOC_SECTIONS:
        assert f"\n{section}\n" in out, f"{rule.code} lacks '{section}'"
    # each section has text under it
    for section in DOC_SECTIONS:
        after = out.split(f"\n{section}\n", 1)[1].lstrip("\n")
        assert after.startswith("    ") and after.strip(), f"{rule.code}: '{section}' is empty"


def test_rule_by_name_and_unknown(cli):
    assert cli("rule", "ocr-damage")[1].startswith("AJ005 ocr-damage")
    code, _, err = cli("rule", "ocr-damag")
    assert code == 2 and "did you mean 'ocr-damage'?" in err


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_message_in_both_languages(rule):
    for key, msg in rule.messages.items():
        assert msg.en.strip() and msg.et.strip()
        assert msg.en != msg.et, f"{rule.code}.{key} is not translated"
        # the same placeholders in both languages
        import string

        fields = lambda t: sorted({f for _, f, _, _ in string.Formatter().parse(t) if f})  # noqa: E731
        assert fields(msg.en) == fields(msg.et), f"{rule.code}.{key}"


def test_same_finding_in_estonian_and_english(cli):
    _, en, _ = cli("check", "--lang", "en", "--format", "concise", seed("001"))
    _, et, _ = cli("check", "--lang", "et", "--format", "concise", seed("001"))
    en_004 = next(line for line in en.splitlines() if "AJ004" in line)
    et_004 = next(line for line in et.splitlines() if "AJ004" in line)
    # same location, code and rule name; the message differs by language
    assert en_004.split(" [ambiguous-layout] ")[0] == et_004.split(" [ambiguous-layout] ")[0]
    assert "Ambiguous layout of the general part" in en_004
    assert "Üldosa paigutus on mitmetähenduslik" in et_004


def test_estonian_locale_is_the_default(cli, monkeypatch):
    monkeypatch.setenv("LC_ALL", "et_EE.UTF-8")
    _, out, _ = cli("check", "--format", "concise", seed("001"))
    assert "Üldosa paigutus" in out
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    _, out, _ = cli("check", "--format", "concise", seed("001"))
    assert "Ambiguous layout" in out


def test_readme_plugin_example_runs():
    """The complete minimal plugin in the README is registered and finds what it should."""
    import re
    import types

    from ajlint.engine import Engine
    from ajlint.plugins import build_registry, make_manager

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = next(b for b in re.findall(r"```python\n(.*?)```", readme, re.S) if "ajlint_rules" in b)
    module = types.ModuleType("my_rules")
    exec(compile(block, "README-plugin", "exec"), module.__dict__)
    pm, warnings = make_manager(extra_plugins=[("my_rules", module)])
    reg = build_registry(pm, warnings)
    assert not reg.warnings
    rule = next(r for r in reg.rules if r.code == "XY001")
    assert rule.problems() == []
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as d:
        p = Path(d) / "caps.md"
        p.write_text(seed("004").read_text(encoding="utf-8").replace(
            "Tallinna klienditeeninduse juht |", "TALLINNA KLIENDITEENINDUSE JUHT |"), encoding="utf-8")
        diags = Engine(reg).check([str(p)]).diagnostics
    xy = [d for d in diags if d.code == "XY001"]
    assert [(d.span.line, d.span.column) for d in xy] == [(10, 3)]
