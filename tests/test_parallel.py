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


def test_parallel_with_cache_parses_only_what_changed(tmp_path):
    from ajlint.cache import Cache
    from ajlint.engine import Engine
    from ajlint.plugins import default_registry

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    generate(40, corpus)
    reg = default_registry()

    def run():
        eng = Engine(reg, cache=Cache(tmp_path), jobs=2)
        docs = eng.load(eng.discover([str(corpus)]))
        return eng.reads, [(d.path, d.code, d.span) for d in eng.run(docs)]

    reads, cold = run()
    assert reads == 40
    reads, warm = run()
    assert reads == 0 and warm == cold  # every file from the cache, taken by the parent
    first = sorted(corpus.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    reads, again = run()
    assert reads == 1 and len(again) == len(cold)


def test_a_finding_comes_back_from_a_worker_whole():
    # findings travel from the workers pickled as plain tuples (Diagnostic.__reduce__): every field,
    # the severity, the span and the fix's edits come back equal and of their own types
    import pickle

    from ajlint.diagnostics import Diagnostic, Edit, Fix, Message, Severity
    from ajlint.ltext import Span

    d = Diagnostic("a.md", "AJ504", "whitespace", Severity.WARNING, Message(en="{n} spaces", et="{n} tühikut"),
                   {"n": 2}, Span(3, 4, 3, 6), "duties", Fix((Edit(10, 12, " "), Edit(20, 21, "")), "unsafe", "one"),
                   "table 1, row 2", [{"path": "b.md", "line": 1}], True)
    back = pickle.loads(pickle.dumps(d, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == d
    assert type(back.span) is Span and back.span.end_column == 6
    assert type(back.fix.edits[0]) is Edit and back.fix.edits[1].replacement == ""
    assert back.severity is Severity.WARNING and back.text("et") == "2 tühikut"
    plain = Diagnostic("a.md", "AJ101", "missing-section", Severity.ERROR, d.message, {}, Span(1, 1, 1, 1))
    assert pickle.loads(pickle.dumps(plain)) == plain
