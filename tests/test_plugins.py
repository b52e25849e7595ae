"""Rules load through pluggy: the built-ins through the package's own entry point, a test's own rule
registered from the test, a raising rule turned into AJ900 while the others still report."""

from __future__ import annotations

from importlib.metadata import entry_points

from ajlint import hookimpl
from ajlint.diagnostics import Message, Severity
from ajlint.engine import Engine
from ajlint.plugins import build_registry, make_manager
from ajlint.rule import Rule

from conftest import rule_doc, seed

DOC = rule_doc()


class ShoutingTitle(Rule):
    __doc__ = DOC
    code = "ZZ001"
    name = "shouting-title"
    severity = Severity.WARNING
    messages = {"m": Message(en="Title {title!r} starts with a capital", et="Ametinimetus {title!r} algab suurtähega")}

    def check(self, doc):
        t = doc.model.title
        if t is not None and t.text[:1].isupper():
            yield self.diag(doc, t, "m", title=t.text)


class Exploding(Rule):
    __doc__ = DOC
    code = "ZZ002"
    name = "exploding"
    messages = {}

    def check(self, doc):
        raise KeyError("title")


class Plugin:
    @hookimpl
    def ajlint_rules(self):
        return [ShoutingTitle, Exploding]


def _registry(*extra):
    pm, warnings = make_manager(extra_plugins=[("test-plugin", Plugin())] + list(extra))
    return build_registry(pm, warnings)


def test_builtin_rules_come_from_the_entry_point():
    eps = {ep.name: ep.value for ep in entry_points(group="ajlint")}
    assert eps.get("builtin") == "ajlint.builtin", "install the package (pip install -e .) so its entry point exists"
    pm, warnings = make_manager()
    assert pm.get_plugin("builtin") is not None and not warnings
    codes = {r.code for r in build_registry(pm).rules}
    assert {"AJ001", "AJ002", "AJ003", "AJ004", "AJ005", "AJ900"} <= codes


def test_plugin_rule_registered_from_test_reports():
    reg = _registry()
    result = Engine(reg).check([str(seed("000"))])
    zz = [d for d in result.diagnostics if d.code == "ZZ001"]
    assert len(zz) == 1
    assert (zz[0].span.line, zz[0].span.column) == (8, 1)
    assert zz[0].section == "general"
    assert "Inimkaubandusohvrite teenuse juht" in zz[0].text("en")
    assert "Ametinimetus" in zz[0].text("et")


def test_raising_rule_becomes_aj900_and_others_still_report():
    reg = _registry()
    result = Engine(reg).check([str(seed("001"))])
    codes = [d.code for d in result.diagnostics]
    assert "AJ900" in codes
    crash = next(d for d in result.diagnostics if d.code == "AJ900")
    assert "ZZ002" in crash.text("en") and "exploding" in crash.text("en") and "KeyError" in crash.text("en")
    # the other rules' findings are still there
    assert {"AJ004", "AJ005", "ZZ001"} <= set(codes)
    assert result.internal_errors == 1


def test_broken_plugin_is_a_warning_and_the_run_goes_on(monkeypatch):
    import ajlint.plugins as plugins

    class BrokenEP:
        name = "broken"
        value = "no_such_module_xyz"

        def load(self):
            raise ImportError("No module named 'no_such_module_xyz'")

    real = list(entry_points(group="ajlint"))
    monkeypatch.setattr(plugins, "entry_points", lambda group: real + [BrokenEP()])
    pm, warnings = plugins.make_manager()
    assert len(warnings) == 1 and "broken" in warnings[0] and "skipped" in warnings[0]
    reg = plugins.build_registry(pm, warnings)
    result = Engine(reg).check([str(seed("001"))])
    assert {"AJ004", "AJ005"} <= {d.code for d in result.diagnostics}


def test_rule_without_documentation_is_refused():
    class Undocumented(Rule):
        code = "ZZ003"
        name = "undocumented"

    class P:
        @hookimpl
        def ajlint_rules(self):
            return [Undocumented]

    pm, w = make_manager(extra_plugins=[("p", P())])
    reg = build_registry(pm, w)
    assert "ZZ003" not in {r.code for r in reg.rules}
    assert any("ZZ003" in x and "docstring" in x for x in reg.warnings)


def test_every_registered_rule_is_complete():
    pm, _ = make_manager()
    for rule in build_registry(pm).rules:
        assert rule.problems() == [], rule.code


def test_plugin_hook_that_raises_is_a_warning():
    class Raising:
        @hookimpl
        def ajlint_rules(self):
            raise RuntimeError("boom")

    pm, warnings = make_manager(extra_plugins=[("raising", Raising())])
    reg = build_registry(pm, warnings)
    assert any("raising" in w and "RuntimeError: boom" in w for w in reg.warnings)
    assert "AJ004" in {r.code for r in reg.rules}


def test_lazy_builtin_readers_and_reporters_match_their_classes():
    from ajlint.builtin import _Lazy

    reg = build_registry(make_manager()[0])
    lazy = [r for r in reg.readers if isinstance(r, _Lazy)]
    assert {r.name for r in lazy} == {"asice", "docx", "odt", "pdf"}
    for r in lazy:
        real = r._get()
        assert (real.name, tuple(real.extensions)) == (r.name, tuple(r.extensions))
    html = reg.reporters["html"]
    assert html._get().name == "html"
