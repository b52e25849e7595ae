"""Human output: ``path:line:col``, severity, code, rule, message, the source line with the span
marked, and a summary. Colour only on a terminal (rich decides; ``NO_COLOR`` is honoured)."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from ajlint.diagnostics import Diagnostic, Severity
from ajlint.document import Document

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def render(diags: list[Diagnostic], docs: list[Document], lang: str, out: TextIO, *,
           show_source: bool = True, color: bool | None = None) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.text import Text

    console = Console(file=out, highlight=False, soft_wrap=True, force_terminal=color,
                      no_color=(color is False) or None, emoji=False)
    by_path = {d.path: d for d in docs}
    for dg in diags:
        s = dg.span
        head = Text()
        head.append(f"{dg.path}:{s.line}:{s.column}:", style="bold")
        if dg.locator:  # where it is in a Word, OpenDocument or PDF original
            head.append(f" ({dg.locator})", style="bold")
        head.append(" ")
        head.append(dg.severity.value, style=_STYLE[dg.severity])
        head.append(f" {dg.code} ", style="bold")
        head.append(f"[{dg.rule}]", style="dim")
        head.append(" " + dg.text(lang))
        if dg.section:
            head.append(f"  ({dg.section})", style="dim")
        console.print(head)
        doc = by_path.get(dg.path)
        if show_source and doc is not None and doc.text is not None and 0 < s.line <= len(doc.lines):
            line = doc.lines[s.line - 1].replace("\t", " ")
            if dg.sensitive:  # personal data is never printed again, not even in the quoted line
                line = mask_span(line, s.column, s.end_column if s.end_line == s.line else len(line) + 1)
            if line.strip():
                width = len(str(s.line))
                shown, offset = _window(line, s.column)
                end_col = s.end_column if s.end_line == s.line else len(line) + 1
                start = max(0, s.column - 1 - offset)
                length = max(1, min(end_col - s.column, len(shown) - start))
                console.print(Text(f"  {s.line} │ ", style="dim") + Text(shown))
                console.print(Text(f"  {' ' * width} │ ", style="dim")
                              + Text(" " * start + "^" * length, style=_STYLE[dg.severity]))
    console.print(escape(summary_line(diags, len(docs), lang)))


def mask_span(line: str, column: int, end_column: int, keep: int = 4) -> str:
    """The line with the span's characters masked, all but the last ``keep`` letters or digits."""
    start, end = max(column - 1, 0), max(end_column - 1, column - 1)
    return line[:start] + mask(line[start:end], keep) + line[end:]


def mask(s: str, keep: int = 4) -> str:
    """Personal data: every letter and digit but the last ``keep`` replaced by a dot."""
    visible = sum(1 for c in s if c.isalnum())
    out, seen = [], 0
    for c in s:
        if c.isalnum():
            seen += 1
            out.append(c if seen > visible - keep else "•")
        else:
            out.append(c)
    return "".join(out)


def _window(line: str, column: int, width: int = 160) -> tuple[str, int]:
    """A long line cut around the column, so the marked span stays visible."""
    if len(line) <= width:
        return line, 0
    start = max(0, column - 1 - width // 3)
    shown = line[start:start + width]
    return ("…" if start else "") + shown + ("…" if start + width < len(line) else ""), start - (1 if start else 0)


def summary_line(diags: list[Diagnostic], n_files: int, lang: str) -> str:
    c = Counter(d.severity for d in diags)
    if lang == "et":
        if not diags:
            return f"Kontrollitud {n_files} faili: leide ei ole."
        return (f"Kontrollitud {n_files} faili: {len(diags)} leidu "
                f"({c[Severity.ERROR]} viga, {c[Severity.WARNING]} hoiatust, {c[Severity.INFO]} teadet).")
    if not diags:
        return f"Checked {n_files} file{'s' if n_files != 1 else ''}: no findings."
    return (f"Checked {n_files} file{'s' if n_files != 1 else ''}: {len(diags)} finding{'s' if len(diags) != 1 else ''} "
            f"({c[Severity.ERROR]} error, {c[Severity.WARNING]} warning, {c[Severity.INFO]} info).")
