"""The text of a document as the hygiene rules read it: markup blanked out, positions kept.

Rules of this family read the decoded text (``doc.text``), not only the model: an identification code
or a doubled space can be anywhere. Markup is not text, so HTML tags (in markdown and HTML documents)
and HTML comments (in every format: suppression directives live there) are replaced by spaces of the
same length — every offset, line and column of the masked text is the offset, line and column of the
source. The view is built once per document and shared by the rules of the family.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from dataclasses import dataclass
from typing import Iterator

from ajlint.linememo import per_line, remember

# Tag names blanked as markup; anything else in angle brackets ("<nimi>") is text to a reader.
HTML_TAGS = frozenset(
    """a abbr article aside b big blockquote body br caption center code col colgroup dd div dl dt em
    font footer h1 h2 h3 h4 h5 h6 head header hr html i img label li link meta ol p pre s section small
    span strike strong style sub sup table tbody td tfoot th thead title tr tt u ul""".split()
)
_COMMENT_RX = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_MARKUP_RX = re.compile(r"<!--.*?(?:-->|\Z)|</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?/?>", re.S)
_FENCE_RX = re.compile(r"^ {0,3}(```|~~~)")


@dataclass
class TextView:
    text: str
    lines: list[str]
    #: the text with markup replaced by spaces (newlines kept): same length, same positions
    masked_text: str
    masked: list[str]
    #: per line (0-based index): the 0-based [start, end) column ranges that were markup (an empty
    #: tuple for a line without any)
    markup: list[tuple[tuple[int, int], ...]]
    #: 0-based offset of each line's first character
    starts: list[int]
    fmt: str
    #: 1-based numbers of the lines inside fenced code blocks (markdown)
    code_lines: frozenset[int]

    def pos(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a 0-based offset."""
        i = bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1

    def line_matches(self, rx: re.Pattern, raw: bool = False) -> Iterator[tuple[int, re.Match]]:
        """Every match of ``rx`` in the masked text (``raw``: in the text), as (0-based offset of the
        match's line, match on that line), in text order, kept per line text (see
        :mod:`ajlint.linememo`). For patterns that never match across a line break, and whose matches do
        not depend on the text around the line."""
        return per_line(self.lines if raw else self.masked, self.starts, _LINE_MATCHES.setdefault(rx, {}),
                        rx.finditer)

    def markup_at(self, line_idx: int, col0: int) -> tuple[int, int] | None:
        """The markup range of line ``line_idx`` (0-based) that contains column ``col0`` (0-based)."""
        for a, b in self.markup[line_idx]:
            if a <= col0 < b:
                return a, b
            if a > col0:
                break
        return None


_cache: tuple[str, TextView] | None = None
#: TextView.line_matches: per pattern, the matches by line text
_LINE_MATCHES: dict[re.Pattern, dict[str, tuple[re.Match, ...]]] = {}


def view(doc) -> TextView:
    """The :class:`TextView` of ``doc`` (cached for the document being checked)."""
    global _cache
    text = doc.text or ""
    fmt = doc.model.info.format if doc.model is not None else "text"
    cached = _cache
    if cached is not None and cached[0] is text and cached[1].fmt == fmt:
        return cached[1]
    # the document's own split lines and their offsets, when it has them (other rules use them too)
    tv = build(text, fmt, doc.lines, doc.line_starts) if doc.text is not None else build(text, fmt)
    _cache = (text, tv)
    return tv


def build(text: str, fmt: str, lines: list[str] | None = None, starts: list[int] | None = None) -> TextView:
    """The view of ``text`` (``lines`` and ``starts``: its split lines and their offsets, if known)."""
    if lines is None or starts is None:
        lines = text.split("\n")
        starts = list(accumulate([len(ln) + 1 for ln in lines[:-1]], initial=0))
    masked: list[str] | None = None
    markup: list = [()] * len(lines)  # a line without markup shares one empty tuple: most lines have none
    if "<" in text:
        if fmt in ("markdown", "html") and "<!--" not in text:
            masked = _tags_by_line(lines, markup)
        if masked is None:
            markup = [()] * len(lines)  # anything the line-by-line search filled in is found again
            masked = _markup_whole(text, fmt, lines, starts, markup)
    code: set[int] = set()
    if fmt == "markdown" and ("```" in text or "~~~" in text):
        fence = None
        for n, ln in enumerate(lines, start=1):
            m = _FENCE_RX.match(ln)
            if fence is None and m:
                fence = m.group(1)
                code.add(n)
            elif fence is not None:
                code.add(n)
                if ln.strip().startswith(fence):
                    fence = None
    if masked is None or masked is lines:
        masked, masked_text = lines, text
    else:
        masked_text = "\n".join(masked)
    return TextView(
        text=text,
        lines=lines,
        masked_text=masked_text,
        masked=masked,
        markup=markup,
        starts=starts,
        fmt=fmt,
        code_lines=frozenset(code),
    )


# a tag that may go on past the end of its line: its name, then neither "<" nor ">" up to the end
_OPEN_TAG_RX = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*\b[^<>]*$")
#: _tags_by_line: a line's text → (the line with its tags blanked, their column ranges), or None when a
#: tag on it may go on to the next line
_TAG_LINES: dict[str, tuple[str, tuple[tuple[int, int], ...]] | None] = {}


def _tags_by_line(lines: list[str], markup: list) -> list[str] | None:
    """The lines with their HTML tags blanked, each line's result kept by its text (a template's tags
    recur in every document), and ``markup`` filled in; None when some tag may span lines (the whole
    text is then searched). Without comments and without a tag left open at a line's end, a search of
    the whole text finds exactly the tags a search of each line finds: no match can cross a line."""
    out = lines
    for i, ln in enumerate(lines):
        if "<" not in ln:
            continue
        got = _TAG_LINES.get(ln, False)
        if got is False:
            got = remember(_TAG_LINES, ln, _line_tags(ln))
        if got is None:
            return None
        masked_ln, ranges = got
        if ranges:
            if out is lines:
                out = list(lines)
            out[i] = masked_ln
            markup[i] = ranges
    return out


def _line_tags(ln: str) -> tuple[str, tuple[tuple[int, int], ...]] | None:
    if _OPEN_TAG_RX.search(ln):
        return None
    ranges = tuple((m.start(), m.end()) for m in _MARKUP_RX.finditer(ln) if m.group(1).lower() in HTML_TAGS)
    if not ranges:
        return ln, ()
    parts, last = [], 0
    for a, b in ranges:
        parts.append(ln[last:a])
        parts.append(" " * (b - a))
        last = b
    parts.append(ln[last:])
    return "".join(parts), ranges


def _markup_whole(text: str, fmt: str, lines: list[str], starts: list[int], markup: list) -> list[str] | None:
    """The masked lines when markup may span lines (comments, a tag open at a line's end): the whole
    text searched at once; ``markup`` filled in. None when nothing is markup."""
    spans: list[tuple[int, int]] = []
    if fmt in ("markdown", "html"):
        for m in _MARKUP_RX.finditer(text):
            tag = m.group(1)
            if tag is None or tag.lower() in HTML_TAGS:
                spans.append((m.start(), m.end()))
    elif "<!--" in text:
        spans = [(m.start(), m.end()) for m in _COMMENT_RX.finditer(text)]
    if not spans:
        return None
    parts = []
    last = 0
    for a, b in spans:
        parts.append(text[last:a])
        parts.append(_blank(text[a:b]))
        last = b
    parts.append(text[last:])
    for a, b in spans:
        la = bisect_right(starts, a) - 1
        if b <= starts[la] + len(lines[la]):  # the usual case: a tag on one line
            markup[la] = (*markup[la], (a - starts[la], b - starts[la]))
            continue
        lb = bisect_right(starts, max(a, b - 1)) - 1
        for li in range(la, lb + 1):
            s0 = max(a, starts[li]) - starts[li]
            e0 = min(b, starts[li] + len(lines[li])) - starts[li]
            if e0 > s0:
                markup[li] = (*markup[li], (s0, e0))
    return "".join(parts).split("\n")


def _blank(chunk: str) -> str:
    if "\n" not in chunk:
        return " " * len(chunk)
    return "\n".join(" " * len(part) for part in chunk.split("\n"))
