"""The results cache: a warm run over unchanged files parses none of them again."""

from __future__ import annotations

import json
import shutil

import pytest

from ajlint.readers.text import TextReader

from conftest import SEEDS


def _count_calls(monkeypatch, owner, name: str) -> list:
    """Replace the method ``owner.name`` by one that records its last argument, then calls it."""
    calls: list = []
    real = getattr(owner, name)

    def counting(self, *args):
        calls.append(args[-1])
        return real(self, *args)

    monkeypatch.setattr(owner, name, counting)
    return calls


@pytest.fixture
def reads(monkeypatch):
    """Count the calls of the text reader (the parse of a file): the paths it read."""
    return _count_calls(monkeypatch, TextReader, "read")


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs").mkdir()
    for p in SEEDS:
        shutil.copy(p, tmp_path / "docs" / p.name)
    return tmp_path


def test_warm_run_reads_no_unchanged_file(repo, cli, reads):
    code1, cold, _ = cli("check", "--format", "json", "docs")
    assert len(reads) == len(SEEDS)
    reads.clear()
    code2, warm, _ = cli("check", "--format", "json", "docs")
    assert reads == []
    assert json.loads(warm) == json.loads(cold) and code1 == code2
    assert (repo / ".ajlint_cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")


def test_changed_file_is_read_again(repo, cli, reads):
    cli("check", "--format", "json", "docs")
    reads.clear()
    target = repo / "docs" / SEEDS[0].name
    target.write_text(target.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    cli("check", "--format", "json", "docs")
    assert reads == [f"docs/{SEEDS[0].name}"]


def test_changed_settings_read_again(repo, cli, reads):
    cli("check", "--format", "json", "docs")
    reads.clear()
    (repo / ".ajlint.toml").write_text('ignore = ["AJ005"]\n', encoding="utf-8")
    _, out, _ = cli("check", "--format", "json", "docs")
    assert len(reads) == len(SEEDS)
    assert "AJ005" not in {d["code"] for d in json.loads(out)["diagnostics"]}


def test_no_cache(repo, cli, reads):
    cli("check", "--no-cache", "--format", "json", "docs")
    cli("check", "--no-cache", "--format", "json", "docs")
    assert len(reads) == 2 * len(SEEDS)
    assert not (repo / ".ajlint_cache").exists()


def test_corrupt_cache_entry_is_ignored(repo, cli, reads):
    _, cold, _ = cli("check", "--format", "json", "docs")
    for f in (repo / ".ajlint_cache").rglob("*.json"):
        f.write_text("{not json", encoding="utf-8")
    reads.clear()
    _, again, _ = cli("check", "--format", "json", "docs")
    assert len(reads) == len(SEEDS) and json.loads(again) == json.loads(cold)


@pytest.fixture
def corpus_runs(monkeypatch):
    """Count the runs of the corpus rules (AJ201's check_corpus stands for them all)."""
    from ajlint.builtin.rules.links.aj201_substitution_reciprocity import SubstitutionReciprocity

    return _count_calls(monkeypatch, SubstitutionReciprocity, "check_corpus")


def _links_fixtures(repo):
    """The organisation fixture with one broken substitution link (a corpus finding)."""
    from conftest import FIXTURES

    shutil.rmtree(repo / "docs")
    shutil.copytree(FIXTURES / "org" / "base", repo / "docs")
    for f in (FIXTURES / "org" / "variants" / "aj201-substitution-reciprocity").iterdir():
        shutil.copy(f, repo / "docs" / f.name)


def test_corpus_findings_are_reused_for_an_unchanged_set(repo, cli, corpus_runs, reads):
    # the full format is never replayed whole (it depends on the terminal): the documents come from
    # their cache entries, and the corpus findings from theirs
    _links_fixtures(repo)
    _, cold, _ = cli("check", "--color", "never", "docs")
    assert len(corpus_runs) == 1
    reads.clear()
    _, warm, _ = cli("check", "--color", "never", "docs")
    assert reads == [] and len(corpus_runs) == 1  # not run again: the same documents with the same settings
    assert warm == cold and "AJ2" in warm


def test_corpus_rules_run_again_when_one_document_changes(repo, cli, corpus_runs):
    _links_fixtures(repo)
    cli("check", "--format", "json", "docs")
    target = sorted((repo / "docs").iterdir())[0]
    target.write_text(target.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _, warm, _ = cli("check", "--format", "json", "docs")
    _, uncached, _ = cli("check", "--no-cache", "--format", "json", "docs")
    assert len(corpus_runs) == 3
    assert json.loads(warm)["diagnostics"] == json.loads(uncached)["diagnostics"]


# -- a whole report replayed when nothing changed ---------------------------------------------------------

def test_unchanged_run_replays_its_report(repo, cli, reads, corpus_runs):
    code1, cold, _ = cli("check", "--format", "json", "docs")
    reads.clear()
    code2, warm, _ = cli("check", "--format", "json", "docs")
    assert warm == cold and code2 == code1 == 1  # byte for byte, the same exit code
    assert reads == [] and len(corpus_runs) == 1  # nothing read, nothing checked
    # the exit code is worked out again from what the run found, not replayed
    assert cli("check", "--format", "json", "--exit-zero", "docs")[0] == 0
    assert cli("check", "--format", "json", "--fail-on", "info", "docs")[0] == 1


def test_report_to_a_file_is_replayed_too(repo, cli, reads):
    out = repo / "r.json"
    cli("check", "--format", "json", "--output", out, "docs")
    first = out.read_bytes()
    out.unlink()
    reads.clear()
    cli("check", "--format", "json", "--output", out, "docs")
    assert out.read_bytes() == first and reads == []


@pytest.fixture
def engine_runs(monkeypatch):
    """Count the runs of the rules over the documents (a replayed report has none)."""
    from ajlint.engine import Engine

    return _count_calls(monkeypatch, Engine, "run")


@pytest.mark.parametrize("change", ["content", "language", "format", "settings", "new file"])
def test_any_change_makes_a_real_run(repo, cli, engine_runs, change):
    cli("check", "--format", "json", "docs")
    cli("check", "--format", "json", "docs")
    assert len(engine_runs) == 1  # the second was replayed
    args = ["check", "--format", "json", "docs"]
    if change == "content":
        target = repo / "docs" / SEEDS[0].name
        target.write_text(target.read_text(encoding="utf-8") + "\nLisarida.\n", encoding="utf-8")
    elif change == "language":
        args = ["check", "--format", "json", "--lang", "et", "docs"]
    elif change == "format":
        args = ["check", "--format", "json-lines", "docs"]
    elif change == "settings":
        (repo / ".ajlint.toml").write_text('ignore = ["AJ504"]\n', encoding="utf-8")
    else:
        shutil.copy(SEEDS[0], repo / "docs" / "uus.md")
    _, warm, _ = cli(*args)
    assert len(engine_runs) == 2  # a real run
    _, uncached, _ = cli(*args[:1], "--no-cache", *args[1:])
    assert warm == uncached


def test_only_the_latest_reports_are_kept(repo, cli):
    from ajlint.cache import Cache

    for lang in ("en", "et"):
        for fmt in ("json", "json-lines", "concise", "csv", "sarif"):
            cli("check", "--format", fmt, "--lang", lang, "docs")
    runs = repo / ".ajlint_cache" / "runs"
    assert len(list(runs.glob("*.json"))) == len(list(runs.glob("*.out"))) == Cache.RUNS_KEPT
    assert not list(runs.glob("*.tmp"))


def test_a_report_that_cannot_be_written_leaves_nothing_in_the_cache(repo, cli):
    code, _, err = cli("check", "--format", "json", "--output", repo / "no" / "r.json", "docs")
    assert code == 2 and "cannot write" in err
    runs = repo / ".ajlint_cache" / "runs"
    assert not list(runs.glob("*")) if runs.exists() else True


# -- the same command replayed before anything is loaded (ajlint.replay) -------------------------------

@pytest.fixture
def starts(monkeypatch):
    """Count the runs that load the configuration and rules (a replay from a stamp loads nothing)."""
    import ajlint.cli as cli_mod

    calls: list = []
    real = cli_mod._start

    def counting(args):
        calls.append(args)
        return real(args)

    monkeypatch.setattr(cli_mod, "_start", counting)
    return calls


def test_the_same_command_replays_without_loading_anything(repo, cli, starts, reads):
    code1, cold, _ = cli("check", "--format", "json", "docs")
    reads.clear()
    code2, warm, _ = cli("check", "--format", "json", "docs")
    assert len(starts) == 1 and reads == []  # nothing loaded, nothing read
    assert warm == cold and code2 == code1 == 1  # byte for byte, the same exit code
    stamps = list((repo / ".ajlint_cache" / "stamps").glob("*.json"))
    assert len(stamps) == 1


_HR001 = """[[rules]]
code = "HR001"
name = "no-foo"
type = "existence"
severity = "warning"
summary = "Foo is not a word of ours."
why = "Readers do not know what foo means."
message = "Remove '{match}'"
message_et = "Eemalda '{match}'"
tokens = ["foo"]
"""


@pytest.mark.parametrize("change", ["content", "new file", "removed file", "config here", "config above",
                                    "pyproject table", "rule data"])
def test_a_stamp_no_longer_holds_after_any_change(repo, cli, starts, change):
    (repo / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    if change == "rule data":
        (repo / "my.toml").write_text(_HR001, encoding="utf-8")
        (repo / ".ajlint.toml").write_text('rule-data = ["my.toml"]\n', encoding="utf-8")
    args = ["check", "--format", "json", "docs"]
    cli(*args)
    cli(*args)
    assert len(starts) == 1  # the second was replayed from its stamp
    doc = repo / "docs" / SEEDS[0].name
    if change == "content":
        doc.write_text(doc.read_text(encoding="utf-8") + "\nLisarida.\n", encoding="utf-8")
    elif change == "new file":
        shutil.copy(SEEDS[0], repo / "docs" / "uus.md")
    elif change == "removed file":
        doc.unlink()
    elif change == "config here":
        (repo / "docs" / ".ajlint.toml").write_text('ignore = ["AJ504"]\n', encoding="utf-8")
    elif change == "config above":
        (repo / ".ajlint.toml").write_text('ignore = ["AJ504"]\n', encoding="utf-8")
    elif change == "pyproject table":
        (repo / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.ajlint]\nignore = ["AJ504"]\n',
                                             encoding="utf-8")
    else:
        (repo / "my.toml").write_text((repo / "my.toml").read_text(encoding="utf-8").replace('"foo"', '"ja"'),
                                      encoding="utf-8")
    _, warm, _ = cli(*args)
    assert len(starts) == 2  # a real run
    _, uncached, _ = cli(*args[:1], "--no-cache", *args[1:])
    assert warm == uncached


def test_a_report_written_into_the_checked_folder_is_checked_next_time(repo, cli, starts):
    # the folder is listed before the run: the report it writes there is a new file the next time
    cli("check", "--format", "concise", "--output", repo / "docs" / "report.txt", "docs")
    cli("check", "--format", "concise", "--output", repo / "docs" / "report.txt", "docs")
    assert len(starts) == 2


def test_no_stamp_when_the_run_reads_corpus_files(repo, cli, starts):
    (repo / "more").mkdir()
    shutil.copy(SEEDS[1], repo / "more" / "x.md")
    (repo / ".ajlint.toml").write_text('corpus = ["more/*.md"]\n', encoding="utf-8")
    cli("check", "--format", "json", "docs")
    cli("check", "--format", "json", "docs")
    assert len(starts) == 2  # a file may appear wherever the corpus globs reach: no stamp to trust
    assert not (repo / ".ajlint_cache" / "stamps").exists()


@pytest.mark.parametrize("damage", ["not json", "no key", "a path for a key", "exit as text"])
def test_a_damaged_stamp_means_a_real_run(repo, cli, starts, damage):
    code1, first, _ = cli("check", "--format", "json", "docs")
    (stamp,) = (repo / ".ajlint_cache" / "stamps").glob("*.json")
    data = json.loads(stamp.read_text(encoding="utf-8"))
    if damage == "not json":
        stamp.write_text("{", encoding="utf-8")
    else:
        if damage == "no key":
            del data["run"]
        elif damage == "a path for a key":
            data["run"] = "../../docs/" + SEEDS[0].stem
        else:
            data["exit"] = "0"
        stamp.write_text(json.dumps(data), encoding="utf-8")
    code2, again, _ = cli("check", "--format", "json", "docs")
    assert len(starts) == 2 and again == first and code2 == code1 == 1
