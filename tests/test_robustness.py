"""Damaged documents (lines dropped, repeated, cut, shuffled, upper-cased, tabbed) never make a rule
fail (no AJ900), and --fix on them converges: a second --fix changes nothing."""

from __future__ import annotations

import hashlib
import json
import random

from conftest import FIXTURES, SEEDS

SOURCES = [*SEEDS, *sorted((FIXTURES / "other").iterdir()), *sorted((FIXTURES / "org" / "base").iterdir())]


def _mutants(folder, n=60, seed=3):
    rnd = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in SOURCES]
    for i in range(n):
        lines = rnd.choice(texts).split("\n")
        for _ in range(rnd.randrange(1, 8)):
            if not lines:
                break
            k = rnd.randrange(len(lines))
            r = rnd.random()
            if r < 0.3:
                del lines[k]
            elif r < 0.5:
                lines.insert(k, rnd.choice(lines))
            elif r < 0.7:
                lines[k] = lines[k][: rnd.randrange(len(lines[k]) + 1)]
            elif r < 0.8:
                lines[k] = lines[k].upper()
            elif r < 0.9:
                lines[k] = "".join(rnd.sample(lines[k], len(lines[k])))
            else:
                lines[k] = lines[k].replace(" ", "\t")
        (folder / f"m{i:03d}{rnd.choice(['.md', '.txt', '.html'])}").write_text("\n".join(lines), encoding="utf-8")


def _digest(folder) -> str:
    return hashlib.sha256(b"".join(p.read_bytes() for p in sorted(folder.iterdir()))).hexdigest()


def test_damaged_documents_never_crash_a_rule_and_fixes_converge(tmp_path, cli):
    docs = tmp_path / "docs"
    docs.mkdir()
    _mutants(docs)
    code, out, _ = cli("check", "--no-cache", "--format", "json", "--exit-zero", docs)
    report = json.loads(out)
    assert report["summary"]["files"] == 60
    assert [d for d in report["diagnostics"] if d["code"] == "AJ900"] == []
    cli("check", "--no-cache", "--fix", "--unsafe-fixes", "--exit-zero", docs)
    once = _digest(docs)
    code, out, err = cli("check", "--no-cache", "--fix", "--unsafe-fixes", "--exit-zero", docs)
    assert _digest(docs) == once and "fixed 0 findings" in err
