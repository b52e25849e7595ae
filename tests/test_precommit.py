"""The pre-commit hooks, run for real by the pre-commit package in a temporary git repository.

The hooks are taken from this checkout's .pre-commit-hooks.yaml and declared as `repo: local` with
`language: system` (pointing at this checkout's ajlint), so no network is needed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import ROOT, seed

HOOKS = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def _git(repo, *args):
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    r = tmp_path / "docs-repo"
    r.mkdir()
    _git(r, "init", "-q")
    hooks = []
    for h in HOOKS:
        local = {k: v for k, v in h.items() if k not in ("language", "entry", "description")}
        # the hook's own entry, run with this checkout's Python
        local["entry"] = f"{sys.executable} -m ajlint {h['entry'].split(' ', 1)[1]} --no-cache"
        local["language"] = "system"
        hooks.append(local)
    (r / ".pre-commit-config.yaml").write_text(
        yaml.safe_dump({"repos": [{"repo": "local", "hooks": hooks}]}, allow_unicode=True), encoding="utf-8")
    # the organisation's configuration: reading problems and wording rules only
    (r / ".ajlint.toml").write_text('select = ["AJ0", "AJ7"]\n', encoding="utf-8")
    return r


def _run(repo, hook):
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"), "NO_COLOR": "1"}
    _git(repo, "add", "-A")
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", hook, "--all-files", "--color", "never"],
                          cwd=repo, capture_output=True, text=True, env=env)


def test_hook_definitions():
    ids = {h["id"]: h for h in HOOKS}
    assert set(ids) == {"ajlint", "ajlint-fix"}
    for h in HOOKS:
        assert h["require_serial"] is True and h["language"] == "python"
        assert h["entry"].startswith("ajlint check")
    assert "--fix" in ids["ajlint-fix"]["entry"]


def test_check_hook_fails_on_a_bad_document_and_passes_on_a_good_one(repo):
    (repo / "hea.md").write_bytes(seed("004").read_bytes())
    r = _run(repo, "ajlint")
    assert r.returncode == 0, r.stdout + r.stderr
    (repo / "memo.md").write_text("# Koosoleku memo\n\nArutati eelarvet.\n", encoding="utf-8")
    r = _run(repo, "ajlint")
    assert r.returncode == 1
    assert "memo.md:1:1: error AJ002 [not-a-job-description]" in r.stdout
    assert "Failed" in r.stdout


def test_fix_hook_fixes_then_passes(repo):
    doc = repo / "juhend.md"
    doc.write_bytes(seed("000").read_bytes())
    r = _run(repo, "ajlint-fix")
    assert r.returncode == 1 and "files were modified by this hook" in r.stdout
    assert "kokkusaamisi" in doc.read_text(encoding="utf-8")
    r = _run(repo, "ajlint-fix")
    assert r.returncode == 0, r.stdout


def test_action_is_a_composite_that_uploads_sarif():
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    runs = " ".join(s.get("run", "") for s in steps)
    assert "pip install" in runs and "--format sarif" in runs and "--format github" in runs
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
