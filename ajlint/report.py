"""``ajlint report PATH... -o report.html``: the HR quality review report, one self-contained HTML page.

Checks the documents exactly as ``ajlint check`` does (same configuration, rule selection, rule data
and results cache) and writes one HTML file a reviewer opens in a browser or prints for a meeting: an
overview with a score per document, the organisation's reporting and substitution graph with the
broken links in red, and every finding with its quoted source text. No network is needed to read it.

examples:
  ajlint report ametijuhendid/ -o report.html
  ajlint report uus.md --corpus 'ametijuhendid/**/*.md' -o uus.html   (links resolved against the set)
  ajlint report ametijuhendid/ --lang en --select AJ2 -o links.html

exit codes: 0 the report was written (whatever it finds), 2 usage or configuration error,
3 internal error (a rule failed: its AJ900 finding is in the report).

The CLI wires :func:`add_arguments` and :func:`run` as the ``report`` subcommand.
"""

from __future__ import annotations

import argparse
import sys

EXIT_OK, EXIT_USAGE, EXIT_INTERNAL = 0, 2, 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from ajlint.cli import _config_args, _csv

    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories of job descriptions")
    parser.add_argument("-o", "--output", metavar="FILE", default=None,
                        help="write the report to FILE (default: standard output)")
    parser.add_argument("--lang", choices=["en", "et"], default=None,
                        help="language of the report (default: the configuration's language, else et when the "
                             "locale is Estonian, else en)")
    parser.add_argument("--title", default=None, help="the report's heading (default: 'Job description quality "
                                                       "review' / 'Ametijuhendite kvaliteedi ülevaatus')")
    parser.add_argument("--profile", metavar="NAME", help="use this profile instead of detecting it")
    parser.add_argument("--corpus", metavar="GLOB", action="append", default=None,
                        help="also read the files matching GLOB (repeatable) to resolve links; findings and "
                             "document sections only for PATH")
    parser.add_argument("--corpus-complete", action="store_true", default=None,
                        help="the documents are the whole organisation: resolve references across sibling units "
                             "too (default: the corpus-complete option of the configuration)")
    parser.add_argument("--select", metavar="RULES", type=_csv, default=None,
                        help="comma-separated rules to run (codes, prefixes, names or ALL)")
    parser.add_argument("--extend-select", metavar="RULES", type=_csv, default=[],
                        help="rules to run in addition")
    parser.add_argument("--ignore", metavar="RULES", type=_csv, default=[], help="rules not to run")
    parser.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                        help="worker processes for reading and per-document rules (default: the number of CPUs)")
    parser.add_argument("--no-cache", action="store_true", help="do not read or write the results cache")
    _config_args(parser)


def run(args: argparse.Namespace) -> int:
    import gc

    # as in check: the run holds every model until the corpus rules and the report have seen them all,
    # and the cyclic collector would rescan that growing heap again and again
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _run(args)
    finally:
        if enabled:
            gc.enable()


def _run(args: argparse.Namespace) -> int:
    from ajlint.cli import _start, _Usage, _write_output, default_language
    from ajlint.reporters.formats import ReportContext
    from ajlint.reporters.html import ReportOptions, render_report

    try:
        setup, selection = _start(args)
        options = {"corpus-complete": True} if args.corpus_complete else {}
        engine = setup.make_engine(args, selection, options)
        docs = setup.load(engine, args.paths, args.corpus, selection)
    except _Usage as exc:
        print(f"ajlint: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    diags = engine.run(docs)
    lang = args.lang or setup.cfg.data.language or default_language()
    complete = args.corpus_complete
    if complete is None:
        complete = bool({**setup.cfg.data.options, **options}.get("corpus-complete", False))
    reported = [d for d in docs if d.report]
    ctx = ReportContext(diags, reported, lang, setup.registry.rules, color=False, to_file=bool(args.output))
    report_options = ReportOptions(title=args.title, graph_documents=docs, corpus_complete=complete)
    if args.output:
        try:  # as check writes --output: complete, or not at all
            _write_output(args, lambda fh: render_report(ctx, fh, report_options))
        except _Usage as exc:
            print(f"ajlint: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        n = len(reported)
        print(f"ajlint: wrote {args.output}: {n} document{'s' if n != 1 else ''}, {len(diags)} "
              f"finding{'s' if len(diags) != 1 else ''}.", file=sys.stderr)
    else:
        render_report(ctx, sys.stdout, report_options)
    return EXIT_INTERNAL if any(d.code == "AJ900" for d in diags) else EXIT_OK


__all__ = ["add_arguments", "run"]
