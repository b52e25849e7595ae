"""Configuration: every key, precedence (CLI over file, nearer file over farther), errors (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import seed

SEED001 = seed("001").read_text(encoding="utf-8")  # AJ004 at 22:1, AJ005 at 5:1 (info)
SEED000 = seed("000").read_text(encoding="utf-8")  # AJ701 at 30, 32, 102 (warning)


def write(p: Path, text: str) -> Path:
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


# the findings these tests steer; other rule families also report on the seeds, and are left out
KNOWN = {"AJ004", "AJ005", "AJ701"}


def codes(report) -> list[str]:
    return sorted({d["code"] for d in report["diagnostics"]} & KNOWN)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "docs" / "a.txt", SEED001)
    write(tmp_path / "docs" / "b.md", SEED000)
    return tmp_path


def test_no_config_defaults(repo, check_json):
    code, report = check_json("docs")
    assert codes(report) == ["AJ004", "AJ005", "AJ701"]


def test_select_prefix_and_ignore_name(repo, check_json):
    write(repo / ".ajlint.toml", 'select = ["AJ00"]\nignore = ["ocr-damage"]\n')
    _, report = check_json("docs")
    assert codes(report) == ["AJ004"]


def test_longest_selector_wins(repo, check_json):
    # ignore the AJ0 family, but select AJ004 precisely: the more specific selector wins
    write(repo / ".ajlint.toml", 'ignore = ["AJ0"]\nextend-select = ["AJ004"]\n')
    _, report = check_json("docs")
    assert codes(report) == ["AJ004", "AJ701"]


def test_pyproject_table(repo, check_json):
    write(repo / "pyproject.toml", '[project]\nname = "x"\n\n[tool.ajlint]\nselect = ["AJ7"]\n')
    _, report = check_json("docs")
    assert codes(report) == ["AJ701"]


def test_pyproject_without_table_is_skipped(repo, check_json):
    write(repo / "pyproject.toml", '[project]\nname = "x"\n')
    _, report = check_json("docs")
    assert codes(report) == ["AJ004", "AJ005", "AJ701"]


def test_per_file_ignores(repo, check_json):
    write(repo / ".ajlint.toml", '[per-file-ignores]\n"docs/*.txt" = ["AJ0"]\n')
    _, report = check_json("docs")
    by_file = {(Path(d["path"]).name, d["code"]) for d in report["diagnostics"]}
    assert ("a.txt", "AJ004") not in by_file and ("b.md", "AJ701") in by_file


def test_severity_override_and_fail_on(repo, check_json):
    write(repo / ".ajlint.toml", 'select = ["AJ004", "AJ701"]\n')
    code, report = check_json("docs")
    assert code == 0  # AJ004 is info, AJ701 a warning: below the default fail-on (error)
    write(repo / ".ajlint.toml", 'select = ["AJ004", "AJ701"]\n[severity]\nambiguous-layout = "error"\n')
    code, report = check_json("docs")
    aj004 = next(d for d in report["diagnostics"] if d["code"] == "AJ004")
    assert aj004["severity"] == "error" and code == 1
    write(repo / ".ajlint.toml", 'select = ["AJ004", "AJ701"]\nfail-on = "warning"\n')
    code, _ = check_json("docs")
    assert code == 1  # AJ701 is a warning


def test_language_key(repo, check_json):
    write(repo / ".ajlint.toml", 'language = "et"\n')
    _, report = check_json("docs/a.txt")
    aj004 = next(d for d in report["diagnostics"] if d["code"] == "AJ004")
    assert aj004["message"].startswith("Üldosa paigutus on mitmetähenduslik")


def test_profile_key(repo, cli):
    write(repo / ".ajlint.toml", 'profile = "ats-generic"\n')
    code, out, _ = cli("parse", "--format", "json", "docs/b.md")
    assert json.loads(out)["profile"] == "ats-generic"


def test_include_exclude(repo, check_json):
    write(repo / "docs" / "drafts" / "c.md", SEED000)
    write(repo / "docs" / "notes.ametijuhend", SEED001)
    write(repo / ".ajlint.toml", 'exclude = ["drafts"]\ninclude = ["*.md", "*.txt", "*.ametijuhend"]\n')
    _, report = check_json("docs")
    assert report["summary"]["files"] == 3  # a.txt, b.md, notes.ametijuhend; drafts/ skipped


def test_corpus_key(repo, check_json):
    write(repo / ".ajlint.toml", 'corpus = ["docs/**/*.md"]\n')
    _, report = check_json("docs/a.txt")
    assert report["summary"]["files"] == 1  # b.md is read for resolution only
    assert all(d["path"].endswith("a.txt") for d in report["diagnostics"])


def test_options_key_reaches_rules(repo):
    from ajlint.config import ConfigResolver
    from ajlint.engine import Engine
    from ajlint.plugins import default_registry

    write(repo / ".ajlint.toml", '[options]\ncorpus-complete = true\n')
    engine = Engine(default_registry(), resolver=ConfigResolver())
    cfg = engine.resolver.for_path(repo / "docs" / "a.txt")
    assert all(r.options.get("corpus-complete") is True for r in engine.rules_for(cfg))


def test_nearer_config_wins(repo, check_json):
    write(repo / ".ajlint.toml", 'select = ["AJ7"]\n')
    write(repo / "docs" / ".ajlint.toml", 'select = ["AJ004"]\n')
    _, report = check_json("docs")
    assert codes(report) == ["AJ004"]


def test_cli_select_overrides_file(repo, check_json):
    write(repo / ".ajlint.toml", 'select = ["AJ7"]\n')
    _, report = check_json("--select", "AJ005", "docs")
    assert codes(report) == ["AJ005"]
    _, report = check_json("--ignore", "AJ701", "docs")
    assert codes(report) == []
    _, report = check_json("--extend-select", "AJ004", "docs")
    assert codes(report) == ["AJ004", "AJ701"]


def test_cli_fail_on_and_lang_override_file(repo, cli):
    write(repo / ".ajlint.toml", 'select = ["AJ004", "AJ005"]\nfail-on = "info"\nlanguage = "et"\n')
    code, out, _ = cli("check", "--fail-on", "error", "--lang", "en", "--format", "concise", "docs/a.txt")
    assert code == 0 and "Ambiguous layout" in out


def test_config_flag_and_isolated(repo, check_json):
    write(repo / ".ajlint.toml", 'select = ["AJ7"]\n')
    other = write(repo / "other.toml", 'select = ["AJ005"]\n')
    _, report = check_json("--config", other, "docs")
    assert codes(report) == ["AJ005"]
    _, report = check_json("--isolated", "docs")
    assert codes(report) == ["AJ004", "AJ005", "AJ701"]


@pytest.mark.parametrize("content,expected", [
    ('selct = ["AJ1"]\n', ["unknown key 'selct'", "did you mean 'select'?"]),
    ('select = "AJ1"\n', ["key 'select'", "list"]),
    ('fail-on = "fatal"\n', ["key 'fail-on'", "'error', 'warning' or 'info'"]),
    ('select = ["AJ9999"]\n', ["key 'select'", "unknown rule 'AJ9999'"]),
    ('ignore = ["ambiguous-layot"]\n', ["unknown rule 'ambiguous-layot'", "did you mean 'ambiguous-layout'?"]),
    ('[severity]\nAJ004 = "loud"\n', ["key 'severity.AJ004'"]),
    ('profile = "ska-2099"\n', ["key 'profile'", "unknown profile 'ska-2099'"]),
    ('max-file-size = 0\n', ["key 'max-file-size'", "greater than 0"]),
    ('select = [\n', ["not valid TOML"]),
])
def test_config_errors(repo, cli, content, expected):
    write(repo / ".ajlint.toml", content)
    code, out, err = cli("check", "docs")
    assert code == 2, err
    assert ".ajlint.toml" in err
    for part in expected:
        assert part in err
    assert "Traceback" not in err


def test_unknown_cli_rule_is_exit_2(repo, cli):
    code, _, err = cli("check", "--select", "AJ0O4", "docs")
    assert code == 2 and "unknown rule 'AJ0O4'" in err


def test_statistics(repo, cli):
    code, out, _ = cli("check", "--statistics", "--select", "AJ004,AJ005,AJ701", "docs")
    lines = out.strip().split("\n")
    assert lines[0].split() == ["3", "AJ701", "[domain-misspelling]"]
    assert lines[-1].split() == ["5", "total"]


def test_max_file_size(repo, check_json):
    write(repo / ".ajlint.toml", "max-file-size = 1000\n")
    _, report = check_json("--select", "AJ001", "docs/a.txt")
    d = report["diagnostics"]
    assert [x["code"] for x in d] == ["AJ001"] and "over the limit of 1000" in d[0]["message"]


def test_parse_lists_each_document_of_a_container(tmp_path, cli):
    from conftest_binary import asice_bytes

    c = tmp_path / "signed.asice"
    c.write_bytes(asice_bytes({"a.txt": seed("001").read_bytes(), "b.md": seed("000").read_bytes()}))
    code, out, _ = cli("parse", "--format", "json", c)
    objs = json.loads(out)
    assert [o["path"].rsplit("!/", 1)[1] for o in objs] == ["a.txt", "b.md"]
    assert objs[1]["title"]["text"] == "Inimkaubandusohvrite teenuse juht"
