from __future__ import annotations

import json
from pathlib import Path

import pytest

from ajlint.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SEEDS = sorted(FIXTURES.glob("0*.txt"))


def rule_doc(summary: str = "Test rule.", fix_safety: str = "None.") -> str:
    """A docstring with the sections every rule must document (for the tests' own rules)."""
    return (f"{summary}\n\nWhat it does\n    Test.\n\nWhy it matters\n    Test.\n\nExample\n    Test.\n\n"
            f"Use instead\n    Test.\n\nFix safety\n    {fix_safety}\n")


def seed(prefix: str) -> Path:
    return next(p for p in SEEDS if p.name.startswith(prefix))


@pytest.fixture
def cli(capsys):
    """Run ``ajlint`` in-process: returns (exit code, stdout, stderr)."""

    def run(*args: str):
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def check_json(cli):
    """``ajlint check --format json`` → (exit code, report dict)."""

    def run(*args: str):
        code, out, err = cli("check", "--format", "json", *args)
        return code, json.loads(out)

    return run
