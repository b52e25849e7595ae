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


def test_findings_written_where_found_equal_a_report_written_at_the_end(tmp_path, cli, monkeypatch):
    # --format json writes each finding as soon as it is final, in the process that checked the document.
    # Severities set in the configuration, per-file ignores, the corpus rules' findings and suppression
    # directives (used, unused, malformed) must come out as in a report written at the end.
    from ajlint.reporters import formats

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    generate(40, corpus, defect_rate=0.2)
    first = sorted(corpus.glob("*.md"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n<!-- ajlint: disable-file=AJ202 -->\n"
                     "<!-- ajlint: disable=AJ999 -->\n<!-- ajlint: disable-next-line=AJ301 -->\n", encoding="utf-8")
    (tmp_path / ".ajlint.toml").write_text(
        'extend-select = ["AJ011"]\n[severity]\nunresolved-position = "warning"\nwhitespace = "error"\n'
        '[per-file-ignores]\n"corpus/doc0001*" = ["AJ4"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, early_one, _ = cli("check", "--no-cache", "--jobs", "1", "--format", "json", "corpus")
    _, early_two, _ = cli("check", "--no-cache", "--jobs", "2", "--format", "json", "corpus")
    _, lines_two, _ = cli("check", "--no-cache", "--jobs", "2", "--format", "json-lines", "corpus")
    monkeypatch.delattr(formats._JsonFindings, "finding_renderer")
    _, late, _ = cli("check", "--no-cache", "--jobs", "1", "--format", "json", "corpus")
    _, lines_late, _ = cli("check", "--no-cache", "--jobs", "1", "--format", "json-lines", "corpus")
    assert early_one == late and early_two == late and lines_two == lines_late

    found = json.loads(late)["diagnostics"]
    mine = [d for d in found if d["path"] == f"corpus/{first.name}"]
    assert {d["code"] for d in mine} >= {"AJ010", "AJ011"} and "AJ202" not in {d["code"] for d in mine}
    assert {d["severity"] for d in found if d["code"] == "AJ202"} == {"warning"}  # a corpus finding, overridden
    assert {d["severity"] for d in found if d["code"] == "AJ504"} == {"error"}
    assert not [d for d in found if d["path"].startswith("corpus/doc0001") and d["code"].startswith("AJ4")]
    assert [d for d in found if d["code"].startswith("AJ4")]


def test_a_document_with_directives_is_finished_with_the_corpus_findings(tmp_path):
    from ajlint.engine import Engine
    from ajlint.plugins import default_registry
    from ajlint.reporters.jsonout import finding_renderer

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    generate(4, corpus)
    first = sorted(corpus.glob("*.md"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n<!-- ajlint: disable-file=AJ202 -->\n", encoding="utf-8")
    eng = Engine(default_registry())
    eng.render_finding = finding_renderer("en")
    docs = eng.load(eng.discover([str(corpus)]))
    assert [d.finished for d in docs] == [d.path != str(first) for d in docs]
    diags = eng.run(docs)
    assert diags and all(d.rendered is None for d in diags if d.path == str(first))
    written = [d for d in diags if d.rendered is not None]
    assert written and all(d.path != str(first) for d in written)
    for d in written:  # the fix lives on in the text only (see Engine.render_finding)
        assert json.loads(d.rendered)["line"] == d.span.line and d.fix is None
    assert any("fix" in json.loads(d.rendered) for d in written)


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
    d.rendered = '{"code": "AJ504"}'  # as the worker's reporter wrote it
    assert pickle.loads(pickle.dumps(d, protocol=pickle.HIGHEST_PROTOCOL)).rendered == d.rendered
    plain = Diagnostic("a.md", "AJ101", "missing-section", Severity.ERROR, d.message, {}, Span(1, 1, 1, 1))
    assert pickle.loads(pickle.dumps(plain)) == plain


def _engine(jobs):
    from ajlint.engine import Engine
    from ajlint.plugins import default_registry

    return Engine(default_registry(), jobs=jobs)


def _findings(eng, corpus):
    docs = eng.load(eng.discover([str(corpus)]))
    return [d.path for d in docs], [(d.path, d.code, d.span) for d in eng.run(docs)]


def test_a_worker_that_dies_leaves_its_chunks_to_the_main_process(tmp_path, monkeypatch):
    # the main process reads whatever a worker took and never sent back: nothing is lost
    import os

    import ajlint.engine as engine_mod

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    generate(40, corpus, defect_rate=0.2)
    expected = _findings(_engine(1), corpus)
    main_pid = os.getpid()
    real = engine_mod._work

    def dies_in_a_worker(engine, chunk):
        if os.getpid() != main_pid:
            raise MemoryError("the worker is gone")
        return real(engine, chunk)

    monkeypatch.setattr(engine_mod, "_work", dies_in_a_worker)
    eng = _engine(2)
    assert _findings(eng, corpus) == expected
    assert eng.reads == 40


def test_an_error_in_the_main_process_stops_the_workers(tmp_path, monkeypatch):
    # Ctrl+C (or any error) in the main process: its workers are stopped, not left to finish the run
    import multiprocessing
    import os
    import signal
    import time

    import pytest

    import ajlint.engine as engine_mod

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    generate(40, corpus)
    main_pid = os.getpid()

    def slow_in_a_worker(engine, chunk):
        if os.getpid() != main_pid:
            time.sleep(60)
        return []

    def fails(self, chunk, by_path):
        raise KeyboardInterrupt

    workers = []
    start = engine_mod._Worker.__init__

    def kept(self, *a):
        start(self, *a)
        workers.append(self.process)

    monkeypatch.setattr(engine_mod, "_work", slow_in_a_worker)
    monkeypatch.setattr(engine_mod.Engine, "_read_here", fails)
    monkeypatch.setattr(engine_mod._Worker, "__init__", kept)
    eng = _engine(3)
    with pytest.raises(KeyboardInterrupt):
        eng.load(eng.discover([str(corpus)]))
    assert len(workers) == 2
    assert [p.exitcode for p in workers] == [-signal.SIGTERM] * 2
    assert multiprocessing.active_children() == []


def test_without_shared_semaphores_the_files_are_read_in_one_process(tmp_path, monkeypatch):
    # some containers have no /dev/shm: --jobs then falls back to this process, with the same findings
    import multiprocessing.context

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    generate(20, corpus, defect_rate=0.2)
    expected = _findings(_engine(1), corpus)

    def no_semaphores(self, *a, **kw):
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(multiprocessing.context.BaseContext, "Value", no_semaphores)
    assert _findings(_engine(2), corpus) == expected
