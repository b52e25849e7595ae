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
