"""--jobs: worker processes give the same findings, in the same order, as one process."""

from __future__ import annotations

import json

from ajlint.bench import generate


def test_parallel_output_equals_serial(tmp_path, cli):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    generate(40, corpus, defect_rate=0.2)
    _, one, _ = cli("check", "--no-cache", "--jobs", "1", "--format", "json", corpus)
    _, two, _ = cli("check", "--no-cache", "--jobs", "2", "--format", "json", corpus)
    a, b = json.loads(one), json.loads(two)
    assert a["summary"]["files"] == 40
    assert a == b
    keys = [(d["path"], d["line"], d["column"]) for d in b["diagnostics"]]
    assert keys == sorted(keys)


def test_jobs_must_be_positive(cli, tmp_path):
    code, _, err = cli("check", "--jobs", "0", tmp_path)
    assert code == 2 and "--jobs" in err
