"""The command line: ``ajlint check`` and ``ajlint parse``."""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from pathlib import Path
from typing import Sequence

from ajlint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

DESCRIPTION = """\
ajlint checks Estonian public-sector job descriptions (ametijuhend): required sections, the
1.1–1.6 grid, substitution links, language levels, approved competency wording and more.
It reads markdown, text, HTML, Word (.docx), OpenDocument (.odt), PDF (with the pdf extra) and
signed containers (.asice, .bdoc) — by their content, whatever their extension says.
"""

EPILOG = """\
examples:
  ajlint check docs/                 check every supported file under docs/
  ajlint check a.md b.md --format json
  ajlint parse fixtures/000.txt      show what ajlint read from a document
  ajlint parse --format json a.md    the located model as JSON
  ajlint graph docs/                 the organisation's reporting and substitution graph
  ajlint report docs/ -o report.html a self-contained HTML report for HR reviewers
  ajlint rule AJ201                  why a rule exists, with an example and the fix

exit codes:
  0  no finding at or above the failing severity (--fail-on, default: error)
  1  findings at or above the failing severity
  2  usage or configuration error (a missing path, an unknown profile)
  3  internal error (a rule or ajlint itself failed; see AJ900 findings)
"""


def default_language() -> str:
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        val = os.environ.get(var)
        if val:
            return "et" if val.lower().startswith("et") else "en"
    return "en"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="ajlint", description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--version", action="version", version=f"ajlint {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    c = sub.add_parser(
        "check", help="check job descriptions and report findings",
        description="Check files and directories (walked for the readable types: .md, .markdown, .txt, .html, "
                    ".htm, .docx, .odt, .pdf, .asice, .bdoc; hidden folders and .git skipped) and report every "
                    "finding with its location.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    c.add_argument("paths", nargs="+", metavar="PATH", help="files or directories to check")
    c.add_argument("--format", default="full", metavar="FORMAT",
                   help="output format: full (default: findings with source lines), concise (one line per "
                        "finding), json (schema/report.schema.json), json-lines, sarif (SARIF 2.1.0), github "
                        "(Actions annotations), gitlab (Code Quality), junit, csv; plugins may add more")
    c.add_argument("-o", "--output", metavar="FILE", default=None,
                   help="write the report to FILE instead of standard output")
    c.add_argument("--profile", metavar="NAME",
                   help="use this profile instead of detecting it (see rules/profiles/)")
    c.add_argument("--corpus", metavar="GLOB", action="append", default=None,
                   help="also read the files matching GLOB (repeatable; ** recurses) to resolve links "
                        "between documents, reporting findings only on PATH (the pre-commit case)")
    c.add_argument("--lang", choices=["en", "et"], default=None,
                   help="language of the messages (default: et when the locale is Estonian, else en)")
    c.add_argument("--fail-on", choices=["error", "warning", "info"], default=None,
                   help="lowest severity that makes the exit code 1 (default: error, or fail-on in the config)")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    c.add_argument("--select", metavar="RULES", type=_csv, default=None,
                   help="comma-separated rules to run: codes, prefixes (AJ2, AJ20), names or ALL; "
                        "replaces the configuration's select")
    c.add_argument("--extend-select", metavar="RULES", type=_csv, default=[],
                   help="rules to run in addition (e.g. the opt-in unused-suppression)")
    c.add_argument("--ignore", metavar="RULES", type=_csv, default=[],
                   help="rules not to run (added to the configuration's ignore); the most specific "
                        "selector wins, e.g. --select AJ2 --ignore AJ207")
    c.add_argument("--statistics", action="store_true", help="print the number of findings per rule instead")
    c.add_argument("--fix", action="store_true",
                   help="apply safe fixes to the files (text formats only; atomic writes), then report what "
                        "remains")
    c.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too")
    c.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help="processes for reading and per-document rules, this one included (default: the number "
                        "of CPUs; small runs stay in one process)")
    c.add_argument("--no-cache", action="store_true",
                   help="do not read or write the results cache (.ajlint_cache/ beside the configuration file, "
                        "or in the current folder)")
    c.add_argument("--diff", action="store_true",
                   help="print the fixes as a unified diff instead of writing them (exit 1 when there are any)")
    _config_args(c)
    c.add_argument("--color", choices=["auto", "always", "never"], default="auto",
                   help="colour in the full format (default: auto, only on a terminal)")

    pa = sub.add_parser(
        "parse", help="show the model ajlint reads from documents",
        description="Read documents and print what ajlint understood: title, unit, manager, "
                    "substitutes, duties, requirements … each value with its location.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    pa.add_argument("files", nargs="+", metavar="FILE")
    pa.add_argument("--format", choices=["text", "json"], default="text",
                    help="text (default: a readable summary) or json (the model; a list for several files)")
    pa.add_argument("--profile", metavar="NAME", help="use this profile instead of detecting it")
    pa.add_argument("--text", action="store_true",
                    help="print the text rendering that line and column numbers refer to")

    ru = sub.add_parser("rules", help="list every rule",
                        description="List every rule: code, name, default severity, whether it can fix, "
                                    "whether it runs by default, and its summary.")
    ru.add_argument("--format", choices=["text", "json"], default="text")
    _config_args(ru)

    # commands whose modules are imported only when they run (fast start for check)
    for name, (help_text, _module) in LAZY_COMMANDS.items():
        lazy = sub.add_parser(name, help=help_text, add_help=False)
        lazy.add_argument("rest", nargs=argparse.REMAINDER)

    r1 = sub.add_parser("rule", help="explain one rule",
                        description="Print a rule's documentation: what it checks, why it matters to an HR "
                                    "reviewer, an example and the corrected text, and whether its fix is safe.")
    r1.add_argument("rule", metavar="CODE_OR_NAME")
    _config_args(r1)
    return p


LAZY_COMMANDS = {
    "graph": ("draw the reporting and substitution graph (Mermaid or Graphviz DOT)", "ajlint.graph"),
    "report": ("write the HR quality review report: one self-contained HTML page", "ajlint.report"),
}


def _run_lazy(name: str, rest: list[str]) -> int:
    import importlib

    help_text, module_name = LAZY_COMMANDS[name]
    module = importlib.import_module(module_name)
    parser = argparse.ArgumentParser(prog=f"ajlint {name}", description=(module.__doc__ or help_text).strip(),
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    module.add_arguments(parser)
    return module.run(parser.parse_args(rest))


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _config_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--config", metavar="FILE", default=None,
                   help="use this configuration file (.ajlint.toml or pyproject.toml) instead of searching "
                        "upwards from the checked paths")
    p.add_argument("--isolated", action="store_true", help="ignore every configuration file")


def run() -> None:
    """The ``ajlint`` command (and ``python -m ajlint``): :func:`main`, then exit."""
    _leave(main())


def _leave(code: int) -> None:
    """End the process with ``code`` once its output is written, without the interpreter's teardown.

    A normal exit frees every object still alive one by one (the rules' memos, the rule data, the
    models of the checked documents), after a last garbage collection over them: about 0.1 s after
    a thousand documents, and part of every one-file run. None of it is needed when the process ends.
    What an exit must do still happens, in a normal exit's order: the exit handlers (``atexit``,
    ``weakref.finalize``: a plugin's temporary folder is removed), then the output is flushed. Where
    that cannot be done safely (another Python, a thread still running), the exit is the normal one.
    (Only here: a process that calls main() again, such as the test suite, keeps its objects.)"""
    import atexit
    import threading

    handlers = getattr(atexit, "_run_exitfuncs", None)
    if handlers is None or threading.active_count() > 1:
        import gc

        gc.freeze()  # at least no last collection over everything alive
        sys.exit(code)
    try:
        handlers()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):  # a closed pipe (``| head``): nothing more can be written
                pass
        os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in LAZY_COMMANDS:  # their own parser, options included (argparse would eat them)
        try:
            return _run_lazy(argv[0], argv[1:])
        except KeyboardInterrupt:
            return 130
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        if args.command == "check":
            return cmd_check(args, argv)
        if args.command == "parse":
            return cmd_parse(args)
        if args.command == "rules":
            return cmd_rules(args)
        if args.command == "rule":
            return cmd_rule(args)
        if args.command in LAZY_COMMANDS:
            return _run_lazy(args.command, args.rest)
    except _Usage as exc:
        print(f"ajlint: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # pragma: no cover - the last line of defence
        import traceback

        traceback.print_exc()
        print(f"ajlint: internal error: {type(exc).__name__}: {exc}\n"
              "This is a bug in ajlint; please report it with the command you ran.", file=sys.stderr)
        return EXIT_INTERNAL
    return EXIT_USAGE


class _Usage(Exception):
    pass


def _registry(rule_data=None):
    from ajlint.plugins import default_registry

    extra = [("rule-data", rule_data.plugin())] if rule_data is not None and rule_data.rule_files else []
    reg = default_registry(extra_plugins=extra)
    for w in reg.warnings:
        print(f"ajlint: warning: {w}", file=sys.stderr)
    return reg


class _Setup:
    """Configuration, rule data, registry and profiles for one command."""

    def __init__(self, args, start: str | None):
        from pathlib import Path

        from ajlint.config import ConfigError, ConfigResolver
        from ajlint.declarative import DeclarativeError
        from ajlint.profiles import ProfileError, load_profiles
        from ajlint.ruledata import RuleData, RuleDataError, collect

        try:
            self.resolver = ConfigResolver(Path(args.config) if getattr(args, "config", None) else None,
                                           isolated=getattr(args, "isolated", False))
            start_path = Path(start) if start and os.path.exists(start) else Path.cwd()
            self.cfg = self.resolver.for_path(start_path)
            entries = [self.cfg.root / p for p in self.cfg.data.rule_data]
            self.rule_data = collect(entries) if entries else RuleData()
            self.rule_data.rules()  # load (and validate) the user's rule files now: errors are usage errors
            self.registry = _registry(self.rule_data)
            self.profiles = load_profiles(tuple(self.rule_data.profile_paths))
        except (ConfigError, DeclarativeError, ProfileError, RuleDataError) as exc:
            raise _Usage(str(exc)) from None

    def cache(self):
        """The results cache and the salt of its keys (rule data, plugins, ajlint's own code)."""
        from ajlint.cache import Cache, code_fingerprint, tree_hash
        from ajlint.data import data_dir

        root = self.cfg.root if self.cfg.path is not None else Path.cwd()
        data = [data_dir("rules"), *self.rule_data.files()]
        return Cache(root), tree_hash(data) + code_fingerprint(self.registry.rules)

    def make_engine(self, args, selection, extra_options: dict | None = None):
        """The engine for check and report: cache, workers, options and limits as configured."""
        from ajlint.engine import Engine

        cache, salt = (None, "") if getattr(args, "no_cache", False) else self.cache()
        jobs = args.jobs if getattr(args, "jobs", None) is not None else (os.cpu_count() or 1)
        if jobs < 1:
            raise _Usage("--jobs must be at least 1")
        # family data from rule-data (an organisation's competency catalog …), unless the options set it
        options = {k: v for k, v in self.rule_data.options().items() if k not in self.cfg.data.options}
        options.update(extra_options or {})
        engine = Engine(self.registry, profile=args.profile, resolver=self.resolver, selection=selection,
                        profiles=self.profiles, cache=cache, cache_salt=salt, jobs=jobs, options=options or None)
        if self.cfg.data.max_file_size:
            engine.max_bytes = self.cfg.data.max_file_size
        return engine

    def load(self, engine, paths, corpus, selection):
        """Discover and read the files (after checking the configuration's rule names)."""
        return self.read(engine, self.files(engine, paths, selection), corpus)

    def files(self, engine, paths, selection):
        """The files to check (after checking the configuration's rule names)."""
        from ajlint.engine import UsageError

        try:
            files = engine.discover(paths)
            self.validate(selection)
            return files
        except UsageError as exc:
            raise _Usage(str(exc)) from None

    def read(self, engine, files, corpus):
        from ajlint.engine import UsageError

        try:
            return engine.load(files, corpus=corpus)
        except UsageError as exc:
            raise _Usage(str(exc)) from None

    def validate(self, selection) -> None:
        from ajlint.config import ConfigError, RuleInfo, check_selectors

        rules = [RuleInfo(r.code, r.name, r.default_enabled) for r in self.registry.rules]
        try:
            for cfg in self.resolver.loaded():
                where = str(cfg.path)
                d = cfg.data
                check_selectors(d.select or [], rules, "select", where)
                check_selectors(d.ignore, rules, "ignore", where)
                check_selectors(d.extend_select, rules, "extend-select", where)
                for glob, codes in d.per_file_ignores.items():
                    check_selectors(codes, rules, f"per-file-ignores.{glob}", where)
                check_selectors(list(d.severity), rules, "severity", where)
                if d.profile and d.profile not in self.profiles:
                    raise ConfigError(f"{where}: key 'profile': unknown profile '{d.profile}' "
                                      f"(available: {', '.join(sorted(self.profiles))})")
            check_selectors(selection.select or [], rules, "--select", "command line")
            check_selectors(selection.extend_select, rules, "--extend-select", "command line")
            check_selectors(selection.ignore, rules, "--ignore", "command line")
        except ConfigError as exc:
            raise _Usage(str(exc)) from None


def _start(args):
    """The set-up and the rule selection of a command over ``args.paths`` (check, report), after
    checking that the paths exist and the forced profile is known."""
    from ajlint.engine import Selection

    missing = [p for p in args.paths if not os.path.exists(p)]
    if missing:
        raise _Usage("no such file or directory: " + ", ".join(missing))
    setup = _Setup(args, args.paths[0])
    _check_profile(args.profile, setup.profiles)
    return setup, Selection(args.select, args.extend_select, args.ignore)


def _check_profile(name: str | None, profiles=None) -> None:
    if name is None:
        return
    from ajlint.profiles import ProfileError, load_profiles

    try:
        names = sorted(profiles if profiles is not None else load_profiles())
    except ProfileError as exc:
        raise _Usage(str(exc)) from None
    if name not in names:
        near = difflib.get_close_matches(name, names, n=1)
        hint = f"; did you mean '{near[0]}'?" if near else ""
        raise _Usage(f"unknown profile '{name}' (available: {', '.join(names)}){hint}")


def cmd_check(args, argv: list[str] | None = None) -> int:
    replay = None
    if argv is not None and not (args.no_cache or args.fix or args.diff or args.corpus):
        # the same command, here, over files and settings that have not changed: the kept report
        from ajlint import replay

        hit = replay.find(argv)
        if hit is not None:
            cache, stamp = hit
            _copy_out(args, cache / "runs" / f"{stamp['run']}.out")
            return stamp["exit"]
    import gc

    # A run holds every document's model until the corpus rules have seen them all: the cyclic
    # collector would scan that growing heap again and again (time grew faster than the number of
    # documents). The models hold no cycles worth collecting in a run this short.
    gc.disable()
    from ajlint.diagnostics import Severity

    setup, selection = _start(args)
    reporter = _reporter(setup.registry, args.format)  # an unknown format is a usage error before any work
    engine = setup.make_engine(args, selection)
    engine.keep_text = bool(args.fix or args.diff or getattr(reporter, "needs_source", True))
    lang = args.lang or setup.cfg.data.language or default_language()
    renderer = getattr(reporter, "finding_renderer", None)
    if renderer is not None and not (args.fix or args.diff or _statistics_only(args)):
        engine.render_finding = renderer(lang)  # each finding written where it is found (see Engine)
    threshold = Severity.parse(args.fail_on or setup.cfg.data.fail_on or "error").rank
    run_key = stamp = None
    if engine.cache is not None and not (args.fix or args.diff) and getattr(reporter, "cacheable", False):
        # nothing changed since a run that wrote this report: write it again without reading anything
        walked = [p for p in args.paths if os.path.isdir(p)]
        tree = replay.tree(walked) if replay is not None else ""  # listed before the files are found
        files = setup.files(engine, args.paths, selection)
        digests: dict[str, str] = {}
        run_key = engine.run_key(files, args.corpus, {
            "format": args.format, "lang": lang, "statistics": bool(getattr(args, "statistics", False)),
            "color": getattr(args, "color", "auto"), "to_file": bool(args.output),
            "reporter": _code_stamp(reporter)}, digests)
        if replay is not None and run_key is not None:
            stamp = _evidence(replay, args, setup, reporter, walked, tree, digests)
        hit = engine.cache.run_report(run_key) if run_key is not None else None
        if hit is not None:
            _copy_out(args, hit[0])
            code = _exit_code(args, hit[1], threshold)
            if stamp is not None:
                replay.write(engine.cache.root, argv, stamp, run=run_key, exit_code=code)
            return code
        docs = setup.read(engine, files, args.corpus)
    else:
        docs = setup.load(engine, args.paths, args.corpus, selection)
    if args.fix or args.diff:
        changed = _fix(args, engine, docs)
        if args.diff:
            return EXIT_FINDINGS if changed else EXIT_OK
    from ajlint.engine import RunResult

    result = RunResult([d for d in docs if d.report], engine.run(docs), list(setup.registry.warnings))
    outcome = {"internal": result.internal_errors,
               "rank": max((d.severity.rank for d in result.diagnostics), default=0)}
    slot = engine.cache.report_slot() if run_key is not None else None
    try:
        _emit(args, setup.registry, result.diagnostics, result.documents, lang, keep=slot)
    except BaseException:
        if slot is not None:
            _unlink(str(slot))
        raise
    code = _exit_code(args, outcome, threshold)
    if slot is not None:
        engine.cache.keep_report(run_key, slot, outcome)
        if stamp is not None:
            replay.write(engine.cache.root, argv, stamp, run=run_key, exit_code=code)
    return code


def _evidence(replay, args, setup, reporter, walked: list[str], tree: str, digests: dict[str, str]) -> dict | None:
    """What the next run of this command checks before it replays the report (see ajlint.replay); None
    when this run printed warnings (a replay would not print them) or reads corpus files (files that
    may appear anywhere a glob reaches)."""
    import inspect

    from ajlint.cache import code_files
    from ajlint.data import data_dir

    resolver = setup.resolver
    if setup.registry.warnings or any(c.data.corpus for c in resolver.loaded()):  # (setup.cfg is one of them)
        return None
    configs: list[str] = []
    if getattr(args, "config", None):
        configs.append(args.config)
    elif not getattr(args, "isolated", False):
        configs = replay.config_candidates(resolver.folders(), [c.path for c in resolver.loaded() if c.path])
    try:
        code_paths = [*code_files(setup.registry.rules), inspect.getfile(type(reporter))]
    except (TypeError, OSError):
        return None
    return replay.evidence(
        walked=walked, tree_hash=tree, files=digests, configs=configs,
        data=[str(data_dir("rules")), *(str(p) for p in setup.rule_data.files())], code=[str(p) for p in code_paths])


def _code_stamp(obj) -> str:
    """Where an object's class is defined, with the file's size and modification time: a plugin's edited
    reporter must not replay what its old code wrote."""
    import inspect

    try:
        f = inspect.getfile(type(obj))
        st = os.stat(f)
    except (TypeError, OSError):
        return type(obj).__qualname__
    return f"{f}:{st.st_size}:{st.st_mtime_ns}"


def _exit_code(args, outcome: dict, threshold: int) -> int:
    """The exit code of a run from what it found: an internal error, else a finding at ``--fail-on``."""
    if outcome["internal"]:
        return EXIT_INTERNAL
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if outcome["rank"] >= threshold else EXIT_OK


def _fix(args, engine, docs) -> bool:
    """Apply (or, with --diff, print) fixes; ``docs`` ends up reflecting what is on disk."""
    from ajlint.fixer import fix_documents, unified_diff, write_back

    originals = {d.path: d for d in docs}
    outcomes = fix_documents(engine, docs, unsafe=args.unsafe_fixes)
    fixed_findings = 0
    fixed_files = 0
    for path, oc in sorted(outcomes.items()):
        if oc.refused:
            print(f"ajlint: {path}: fixes not applied: {oc.refused}", file=sys.stderr)
            continue
        if not oc.changed:
            continue
        if args.diff:
            sys.stdout.write(unified_diff(oc))
            continue
        why = write_back(originals[path], oc)
        if why:
            print(f"ajlint: {path}: not fixed: {why}", file=sys.stderr)
            idx = next(i for i, d in enumerate(docs) if d.path == path)
            docs[idx] = originals[path]
            continue
        fixed_findings += len(oc.applied)
        fixed_files += 1
    changed = any(oc.changed and not oc.refused for oc in outcomes.values())
    if args.fix and not args.diff:
        print(f"ajlint: fixed {fixed_findings} finding{'s' if fixed_findings != 1 else ''} in {fixed_files} "
              f"file{'s' if fixed_files != 1 else ''}.", file=sys.stderr)
    return changed


def _reporter(registry, name: str):
    rep = registry.reporters.get(name)
    if rep is None:
        names = sorted(registry.reporters)
        near = difflib.get_close_matches(name, names, n=1)
        raise _Usage(f"unknown format '{name}' (available: {', '.join(names)})"
                     + (f"; did you mean '{near[0]}'?" if near else ""))
    return rep


def _emit(args, registry, diags, docs, lang, keep=None) -> None:
    """Write the report in the chosen format to standard output or --output. With ``keep`` (a file in
    the cache), the report is written there first and copied out, so that a later run over the same
    files can replay it."""
    from ajlint.reporters.formats import ReportContext

    color = {"always": True, "never": False}.get(getattr(args, "color", "auto"))
    ctx = ReportContext(diags, docs, lang, registry.rules, color=color, to_file=bool(args.output))
    if keep is not None:
        try:
            with open(keep, "w", encoding="utf-8", newline="", buffering=_REPORT_BUFFER) as fh:
                _render(args, registry, ctx, fh)
        except OSError:  # the cache cannot hold it: write the report directly
            _unlink(str(keep))
            keep = None
        else:
            _copy_out(args, keep)
            return
    if args.output:
        _write_output(args, lambda fh: _render(args, registry, ctx, fh))
    else:
        _render(args, registry, ctx, sys.stdout)


def _copy_out(args, path) -> None:
    """Copy a written report (UTF-8) to standard output or --output."""
    import shutil

    def copy(out) -> None:
        buf = getattr(out, "buffer", None)
        enc = (getattr(out, "encoding", None) or "").lower().replace("_", "-")
        if buf is not None and enc in ("utf-8", "utf8"):
            out.flush()
            with open(path, "rb") as src:
                shutil.copyfileobj(src, buf)  # the bytes as they are
            buf.flush()
        else:  # a stream of another encoding (or none): through text
            with open(path, encoding="utf-8", newline="") as src:
                shutil.copyfileobj(src, out)

    if args.output:
        _write_output(args, copy)
    else:
        copy(sys.stdout)


#: the write buffer of a report file: the JSON report of 1,000 documents of the benchmark is 11 MB, one
#: write per finding (17,000); with the default 8 KiB buffer that is a system call every dozen findings
_REPORT_BUFFER = 1 << 20


def _write_output(args, write) -> None:
    """Call ``write(fh)`` for the --output file: into a temporary file beside the target, moved into place
    when complete (a failed run never leaves half a report, and a large report is not held in memory)."""
    import tempfile

    target = os.path.abspath(args.output)
    if os.path.exists(target) and not os.path.isfile(target):  # /dev/null, a pipe: written as it is
        try:
            with open(target, "w", encoding="utf-8", newline="", buffering=_REPORT_BUFFER) as fh:
                write(fh)
        except OSError as exc:
            raise _Usage(f"cannot write {args.output}: {exc.strerror or exc}") from None
        return
    try:
        fd, tmp = tempfile.mkstemp(prefix=".ajlint-", suffix=".tmp", dir=os.path.dirname(target))
    except OSError as exc:
        raise _Usage(f"cannot write {args.output}: {exc.strerror or exc}") from None
    try:
        with open(fd, "w", encoding="utf-8", newline="", buffering=_REPORT_BUFFER) as fh:
            write(fh)
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except OSError as exc:
        _unlink(tmp)
        raise _Usage(f"cannot write {args.output}: {exc.strerror or exc}") from None
    except BaseException:
        _unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _render(args, registry, ctx, out) -> None:
    if _statistics_only(args):
        _statistics(ctx.diagnostics, out)
    else:
        _reporter(registry, args.format).render(ctx, out)


def _statistics_only(args) -> bool:
    """``--statistics`` prints the counts per rule instead of the report (the JSON report has them)."""
    return bool(getattr(args, "statistics", False)) and args.format != "json"


def _statistics(diags, out) -> None:
    from collections import Counter

    counts = Counter((d.code, d.rule) for d in diags)
    for (code, rule), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        out.write(f"{n:6d}  {code}  [{rule}]\n")
    out.write(f"{len(diags):6d}  total\n")


def cmd_rules(args) -> int:
    setup = _Setup(args, None)
    rows = [
        {
            "code": r.code, "name": r.name, "severity": r.severity.value, "fixable": bool(r.fixable),
            "default_enabled": bool(r.default_enabled), "scope": r.scope, "summary": r.summary(),
        }
        for r in setup.registry.rules
    ]
    if args.format == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    w = max((len(r["name"]) for r in rows), default=10)
    print(f"{'code':6} {'name':{w}} {'severity':8} {'fix':3} {'on':3} summary")
    for r in rows:
        print(f"{r['code']:6} {r['name']:{w}} {r['severity']:8} {'yes' if r['fixable'] else '-':3} "
              f"{'yes' if r['default_enabled'] else 'opt':3} {r['summary']}")
    return EXIT_OK


def cmd_rule(args) -> int:
    setup = _Setup(args, None)
    token = args.rule.strip()
    rule = next((r for r in setup.registry.rules if token.upper() == r.code or token == r.name), None)
    if rule is None:
        known = [r.code for r in setup.registry.rules] + [r.name for r in setup.registry.rules]
        near = difflib.get_close_matches(token, known, n=1)
        raise _Usage(f"unknown rule '{token}'" + (f"; did you mean '{near[0]}'?" if near else "")
                     + " (ajlint rules lists them all)")
    print(f"{rule.code} {rule.name}")
    print(f"Default severity: {rule.severity.value} · Fixable: {'yes' if rule.fixable else 'no'} · "
          f"Scope: {'the whole set of documents' if rule.scope == 'corpus' else 'one document'} · "
          f"Runs by default: {'yes' if rule.default_enabled else 'no (opt-in)'}")
    print()
    print(rule.documentation())
    return EXIT_OK


def cmd_parse(args) -> int:
    from pathlib import Path

    from ajlint.document import read_document
    from ajlint.engine import display_path

    missing = [f for f in args.files if not os.path.isfile(f)]
    if missing:
        raise _Usage("no such file: " + ", ".join(missing))
    setup = _Setup(argparse.Namespace(), args.files[0])
    _check_profile(args.profile, setup.profiles)
    from ajlint.document import MAX_FILE_BYTES, expand

    max_bytes = setup.cfg.data.max_file_size or MAX_FILE_BYTES
    docs = []
    for f in args.files:
        profile = args.profile or setup.resolver.for_path(Path(f)).data.profile
        docs.append(read_document(Path(f), display_path(Path(f)), setup.registry.readers, profile,
                                  profiles=setup.profiles, max_bytes=max_bytes))
    docs = expand(docs)  # a signed container: each document inside it
    status = EXIT_OK
    if args.text:
        for d in docs:
            if len(docs) > 1:
                print(f"==> {d.path} <==")
            if d.text is None:
                print(f"ajlint: {d.path}: {d.read_error}", file=sys.stderr)
                status = EXIT_FINDINGS
            else:
                sys.stdout.write(d.text if d.text.endswith("\n") else d.text + "\n")
        return status
    if args.format == "json":
        objs = []
        for d in docs:
            if d.model is not None:
                objs.append(d.model.model_dump(mode="json"))
            else:
                objs.append({"path": d.path, "error": d.read_error or d.not_job_description})
                status = EXIT_FINDINGS
        json.dump(objs[0] if len(objs) == 1 else objs, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return status
    from ajlint.reporters.parsetext import render_model

    for d in docs:
        if d.model is None:
            print(f"{d.path}: {d.read_error or d.not_job_description}")
            status = EXIT_FINDINGS
            continue
        render_model(d.model, sys.stdout)
        if d.not_job_description:
            print(f"  (not a job description: {d.not_job_description})")
            status = EXIT_FINDINGS
    return status
