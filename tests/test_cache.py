"""The results cache: a warm run over unchanged files parses none of them again."""

from __future__ import annotations

import json
import shutil

import pytest

from ajlint.readers.text import TextReader

from conftest import SEEDS


@pytest.fixture
def reads(monkeypatch):
    """Count the calls of the text reader (the parse of a file)."""
    calls = []
    real = TextReader.read

    def counting(self, data, path):
        calls.append(path)
        return real(self, data, path)

    monkeypatch.setattr(TextReader, "read", counting)
    return calls


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

    calls = []
    real = SubstitutionReciprocity.check_corpus

    def counting(self, docs):
        calls.append(len(docs))
        return real(self, docs)

    monkeypatch.setattr(SubstitutionReciprocity, "check_corpus", counting)
    return calls


def _links_fixtures(repo):
    """The organisation fixture with one broken substitution link (a corpus finding)."""
    from conftest import FIXTURES

    shutil.rmtree(repo / "docs")
    shutil.copytree(FIXTURES / "org" / "base", repo / "docs")
    for f in (FIXTURES / "org" / "variants" / "aj201-substitution-reciprocity").iterdir():
        shutil.copy(f, repo / "docs" / f.name)


def test_corpus_findings_are_reused_for_an_unchanged_set(repo, cli, corpus_runs):
    _links_fixtures(repo)
    _, cold, _ = cli("check", "--format", "json", "docs")
    assert len(corpus_runs) == 1
    _, warm, _ = cli("check", "--format", "json", "docs")
    assert len(corpus_runs) == 1  # not run again: the same documents with the same settings
    cold_d, warm_d = json.loads(cold)["diagnostics"], json.loads(warm)["diagnostics"]
    assert warm_d == cold_d and any(d["code"].startswith("AJ2") for d in warm_d)


def test_corpus_rules_run_again_when_one_document_changes(repo, cli, corpus_runs):
    _links_fixtures(repo)
    cli("check", "--format", "json", "docs")
    target = sorted((repo / "docs").iterdir())[0]
    target.write_text(target.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _, warm, _ = cli("check", "--format", "json", "docs")
    _, uncached, _ = cli("check", "--no-cache", "--format", "json", "docs")
    assert len(corpus_runs) == 3
    assert json.loads(warm)["diagnostics"] == json.loads(uncached)["diagnostics"]
