"""--fix and --diff: idempotent, every edit explained by a finding, bytes outside edits untouched,
atomic writes that keep encoding, line endings and permissions; never touching what must not be."""

from __future__ import annotations

import codecs
import stat
from pathlib import Path

import pytest

from ajlint import hookimpl
from ajlint.diagnostics import Edit, Fix, Message, Severity
from ajlint.engine import Engine
from ajlint.fixer import MAX_PASSES, apply, choose, fix_documents
from ajlint.plugins import build_registry, make_manager
from ajlint.rule import Rule

from conftest import SEEDS, rule_doc, seed


def copy(src: Path, dst: Path, mode: int = 0o644) -> Path:
    dst.write_bytes(src.read_bytes())
    dst.chmod(mode)
    return dst


def findings(check_json, *args):
    _, report = check_json(*args)
    return report["diagnostics"]


def test_fix_applies_exactly_the_findings_edits(tmp_path, check_json, cli):
    doc = copy(seed("000"), tmp_path / "000.md")
    before = doc.read_text(encoding="utf-8")
    fixable = [d for d in findings(check_json, "--select", "AJ701", doc) if "fix" in d]
    assert len(fixable) == 3  # kokusaamisi, arenguveestlused, ministriumidele
    code, out, err = cli("check", "--fix", "--select", "AJ701", doc)
    assert "fixed 3 findings in 1 file" in err
    after = doc.read_text(encoding="utf-8")
    expected = before
    for d in sorted(fixable, key=lambda d: d["fix"]["edits"][0]["start"], reverse=True):
        e = d["fix"]["edits"][0]
        expected = expected[: e["start"]] + e["replacement"] + expected[e["end"]:]
    assert after == expected  # every changed byte comes from a finding's edit, nothing else moved
    assert "AJ701" not in out and code == 0  # nothing remains


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_fix_is_idempotent_on_every_seed(tmp_path, cli, path):
    doc = copy(path, tmp_path / path.name)
    cli("check", "--fix", doc)
    once = doc.read_bytes()
    cli("check", "--fix", doc)
    assert doc.read_bytes() == once
    code, out, _ = cli("check", "--diff", doc)
    assert out == "" and code == 0


def test_diff_prints_and_does_not_write(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    doc = copy(seed("000"), tmp_path / "000.md")
    before = doc.read_bytes()
    code, out, _ = cli("check", "--diff", "--select", "AJ701", "000.md")
    assert code == 1
    lines = out.splitlines()
    assert lines[:2] == ["--- a/000.md", "+++ b/000.md"]
    removed = [ln for ln in lines if ln.startswith("-") and not ln.startswith("---")]
    added = [ln for ln in lines if ln.startswith("+") and not ln.startswith("+++")]
    assert len(removed) == len(added) == 3  # lines 30, 32 and 102, one word each
    assert all(a.replace("kokkusaamisi", "kokusaamisi").replace("arenguvestlused", "arenguveestlused")
               .replace("ministeeriumidele", "ministriumidele")[1:] == r[1:] for r, a in zip(removed, added))
    assert doc.read_bytes() == before


def test_encoding_bom_line_endings_and_permissions_are_kept(tmp_path, cli):
    text = seed("000").read_text(encoding="utf-8")
    doc = tmp_path / "crlf.md"
    doc.write_bytes(codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode("utf-8"))
    doc.chmod(0o640)
    cli("check", "--fix", "--select", "AJ701", doc)
    data = doc.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    body = data[3:].decode("utf-8")
    assert "\r\n" in body and "\n" not in body.replace("\r\n", "")
    assert "kokkusaamisi" in body and "kokusaamisi" not in body
    assert stat.S_IMODE(doc.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crlf.md"]  # no temporary file left behind


def test_utf16_file_stays_utf16(tmp_path, cli):
    doc = tmp_path / "u16.md"
    doc.write_bytes(seed("000").read_text(encoding="utf-8").encode("utf-16"))
    cli("check", "--fix", "--select", "AJ701", doc)
    data = doc.read_bytes()
    assert data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    assert "kokkusaamisi" in data.decode("utf-16")


def test_read_only_file_is_left_as_is(tmp_path, cli):
    doc = copy(seed("000"), tmp_path / "ro.md", mode=0o444)
    before = doc.read_bytes()
    code, out, err = cli("check", "--fix", "--select", "AJ701", doc)
    assert doc.read_bytes() == before
    assert "fixes not applied: it is read-only" in err
    assert "AJ701" in out  # the findings are still reported


@pytest.mark.parametrize("name,data,reason", [
    ("cp1257.md", None, "not UTF-8"),
    ("mixed.md", None, "mixes line endings"),
])
def test_file_that_does_not_read_cleanly_is_never_modified(tmp_path, cli, name, data, reason):
    text = seed("000").read_text(encoding="utf-8").replace("▪", "-")
    if name == "cp1257.md":
        data = text.encode("cp1257")
    else:
        lines = text.split("\n")
        data = ("\r\n".join(lines[:50]) + "\n" + "\n".join(lines[50:])).encode("utf-8")
    doc = tmp_path / name
    doc.write_bytes(data)
    code, out, err = cli("check", "--fix", "--select", "AJ701", doc)
    assert doc.read_bytes() == data
    assert reason in err


class Unsafe(Rule):
    __doc__ = rule_doc("Test rule with an unsafe fix.", "Unsafe.")

    code = "ZZ101"
    name = "unsafe-title"
    severity = Severity.WARNING
    fixable = True
    messages = {"m": Message(en="title", et="ametinimetus")}

    def check(self, doc):
        t = doc.model.title
        if t is not None and not t.text.endswith("!"):
            end = doc.offset(t.end_line, t.end_column)
            yield self.diag(doc, t, "m", fix=Fix((Edit(end, end, "!"),), "unsafe", "shout"))


class Forever(Unsafe):
    __doc__ = rule_doc("Test rule whose fix never converges.", "Safe.")

    code = "ZZ102"
    name = "forever"

    def check(self, doc):
        t = doc.model.title
        if t is not None:
            end = doc.offset(t.end_line, t.end_column)
            yield self.diag(doc, t, "m", fix=Fix((Edit(end, end, "x"),), "safe", "grow"))


def _engine(*rules):
    class P:
        @hookimpl
        def ajlint_rules(self):
            return list(rules)

    pm, w = make_manager(extra_plugins=[("p", P())])
    reg = build_registry(pm, w)
    return Engine(reg, rules=[r for r in reg.rules if r.code.startswith("ZZ")])


def test_unsafe_fixes_need_the_flag(tmp_path):
    doc = copy(seed("004"), tmp_path / "004.md")
    eng = _engine(Unsafe)
    docs = eng.load(eng.discover([str(doc)]))
    out = fix_documents(eng, docs, unsafe=False)
    assert not any(o.changed for o in out.values())
    docs = eng.load(eng.discover([str(doc)]))
    out = fix_documents(eng, docs, unsafe=True)
    assert next(iter(out.values())).fixed.split("\n")[9].startswith("| Tallinna klienditeeninduse juht! |")


def test_at_most_ten_passes(tmp_path):
    doc = copy(seed("004"), tmp_path / "004.md")
    eng = _engine(Forever)
    docs = eng.load(eng.discover([str(doc)]))
    out = next(iter(fix_documents(eng, docs).values()))
    assert "juht" + "x" * MAX_PASSES + " |" in out.fixed and len(out.applied) == MAX_PASSES


def test_overlapping_edits_are_not_applied_in_one_pass():
    from ajlint.diagnostics import Diagnostic
    from ajlint.ltext import Span

    def d(start, end, rep, code="ZZ001"):
        return Diagnostic("p", code, "r", Severity.INFO, Message("m", "m"), {}, Span(1, 1, 1, 1),
                          fix=Fix((Edit(start, end, rep),)))

    a, b, c = d(0, 5, "A"), d(3, 8, "B"), d(8, 10, "C")
    chosen = choose([b, c, a], unsafe=False)
    assert chosen == [a, c]
    assert apply("0123456789", [x.fix for x in chosen]) == "A567C"
