"""The command line: ``ajlint check`` and ``ajlint parse``."""

from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from typing import Sequence

from ajlint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3

DESCRIPTION = """\
ajlint checks Estonian public-sector job descriptions (ametijuhend): required sections, the
1.1–1.6 grid, substitution links, language levels, approved competency wording and more.
It reads markdown, text and HTML files, whatever their extension says.
"""

EPILOG = """\
examples:
  ajlint check docs/                 check every supported file under docs/
  ajlint check a.md b.md --format json
  ajlint parse fixtures/000.txt      show what ajlint read from a document
  ajlint parse --format json a.md    the located model as JSON

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
        description="Check files and directories (walked for .md, .markdown, .txt, .html, .htm; hidden "
                    "folders and .git skipped) and report every finding with its location.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    c.add_argument("paths", nargs="+", metavar="PATH", help="files or directories to check")
    c.add_argument("--format", choices=["full", "concise", "json"], default="full",
                   help="output format: full (default: findings with source lines), concise (one line "
                        "per finding), json (see schema/report.schema.json)")
    c.add_argument("--profile", metavar="NAME",
                   help="use this profile instead of detecting it (see rules/profiles/)")
    c.add_argument("--corpus", metavar="GLOB", action="append", default=None,
                   help="also read the files matching GLOB (repeatable; ** recurses) to resolve links "
                        "between documents, reporting findings only on PATH (the pre-commit case)")
    c.add_argument("--lang", choices=["en", "et"], default=None,
                   help="language of the messages (default: et when the locale is Estonian, else en)")
    c.add_argument("--fail-on", choices=["error", "warning", "info"], default="error",
                   help="lowest severity that makes the exit code 1 (default: error)")
    c.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
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
    return p


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    try:
        if args.command == "check":
            return cmd_check(args)
        if args.command == "parse":
            return cmd_parse(args)
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


def _registry():
    from ajlint.plugins import default_registry

    reg = default_registry()
    for w in reg.warnings:
        print(f"ajlint: warning: {w}", file=sys.stderr)
    return reg


def _check_profile(name: str | None) -> None:
    if name is None:
        return
    from ajlint.profiles import ProfileError, load_profiles

    try:
        names = sorted(load_profiles())
    except ProfileError as exc:
        raise _Usage(str(exc)) from None
    if name not in names:
        near = difflib.get_close_matches(name, names, n=1)
        hint = f"; did you mean '{near[0]}'?" if near else ""
        raise _Usage(f"unknown profile '{name}' (available: {', '.join(names)}){hint}")


def cmd_check(args) -> int:
    from ajlint.diagnostics import Severity
    from ajlint.engine import Engine, UsageError

    _check_profile(args.profile)
    lang = args.lang or default_language()
    reg = _registry()
    engine = Engine(reg, profile=args.profile)
    try:
        result = engine.check(args.paths, corpus=args.corpus)
    except UsageError as exc:
        raise _Usage(str(exc)) from None
    out = sys.stdout
    if args.format == "json":
        from ajlint.reporters import jsonout

        jsonout.render(result.diagnostics, result.documents, lang, out)
    elif args.format == "concise":
        for d in result.diagnostics:
            out.write(f"{d.path}:{d.span.line}:{d.span.column}: {d.code} [{d.rule}] {d.text(lang)}\n")
    else:
        from ajlint.reporters import human

        color = {"always": True, "never": False}.get(args.color)
        human.render(result.diagnostics, result.documents, lang, out, color=color)
    if result.internal_errors:
        return EXIT_INTERNAL
    if args.exit_zero:
        return EXIT_OK
    threshold = Severity.parse(args.fail_on).rank
    return EXIT_FINDINGS if any(d.severity.rank >= threshold for d in result.diagnostics) else EXIT_OK


def cmd_parse(args) -> int:
    from pathlib import Path

    from ajlint.document import read_document
    from ajlint.engine import display_path

    _check_profile(args.profile)
    missing = [f for f in args.files if not os.path.isfile(f)]
    if missing:
        raise _Usage("no such file: " + ", ".join(missing))
    reg = _registry()
    docs = [read_document(Path(f), display_path(Path(f)), reg.readers, args.profile) for f in args.files]
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
