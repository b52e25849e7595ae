import re

from ajlint.diagnostics import Message, Severity
from ajlint.linememo import DataMemos, per_line, remember
from ajlint.ltext import Span
from ajlint.rule import Rule

from ajlint.builtin.rules.hygiene.data import compiled
from ajlint.builtin.rules.hygiene.textview import view

_UP = "A-ZÕÄÖÜŠŽ"
_LO = "a-zõäöüšž"
# capitals not glued to other word characters, optionally inflected ("KOVi") or in a compound
# ("NEET-noorte"); capitals followed by a digit or '&' are OCR damage ("TO6ks", "MG&ju"), not abbreviations
# (what may precede it is checked in code: a leading lookbehind would slow the scan down)
_TOKEN = re.compile(rf"([{_UP}]{{2,}})(?:-([{_LO}]+)|([{_LO}]+))?(?![\w&@])")
_PAREN = re.compile(r"\(([^()]{1,300})\)")
# "(edaspidi KOV)", "(edaspidi ka: „KOV“)", "(KOV)"
_DEFINING = re.compile(rf"^\s*((?:[^\W\d_][\w.]*:?\s+){{0,3}})[\"„“”'«»]?([{_UP}]{{2,}})[\"“”'«»]?\s*$")
_LOWER_WORD = re.compile(rf"[{_LO}]{{3,}}")
_CAPS = re.compile(rf"[{_UP}]{{2}}")
_ROMAN = re.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")


class UndefinedAbbreviation(Rule):
    """An abbreviation in capitals is used without being defined first.

    What it does
        Finds abbreviations written in capitals (``SKA``, ``KOV``, ``PPA``, ``NEET``; also inflected,
        ``KOVidele``, or in a compound, ``NEET-noorte``) and reports each one whose first use comes
        before any definition. A definition is the abbreviation in parentheses after the full name —
        ``kohalike omavalitsuste (edaspidi KOV)``, ``Politsei- ja Piirivalveamet (PPA)`` — or a
        parenthesised expansion right after it — ``NEET (mittetöötavad ja mitteõppivad noored)``; an
        aside such as ``KOVid (sh noortekeskused)`` is not one. Well-known abbreviations (``EL``,
        ``ESF``, ``IT`` …) are listed in ``rules/hygiene.toml`` and never reported. One finding per
        abbreviation, on its first undefined use, with the number of such uses. Not abbreviations:
        words in capitals longer than ``max_length`` letters, lines without a lower-case letter
        (headings in capitals), section headings, Roman numerals (``II``, ``IV``), capitals glued to
        digits or other letters (OCR damage such as ``TO6ks``, ``PGhjendab``), HTML tags.

    Why it matters
        A job description is read by applicants, the holder of the position and auditors who do not
        share the unit's jargon. An abbreviation defined nowhere, or only after it is first used,
        leaves the reader guessing — and in a document with legal effect, guessing is a risk.

    Example
        ``Koostöö PPA ja KOVidega noorte toetamisel.``

    Use instead
        ``Koostöö Politsei- ja Piirivalveametiga (edaspidi PPA) ja kohalike omavalitsustega (edaspidi
        KOV) noorte toetamisel.``

    Fix safety
        No automatic fix: the full name has to be written by a person.
    """

    code = "AJ502"
    name = "undefined-abbreviation"
    severity = Severity.INFO
    messages = {
        "undefined": Message(
            en="Abbreviation '{abbr}' is not defined ({count}× in the text); write it out at its first use: "
               "'<full name> (edaspidi {abbr})'",
            et="Lühend '{abbr}' on selgitamata ({count}× tekstis); kirjuta see esimesel kasutamisel lahti: "
               "„<täisnimi> (edaspidi {abbr})“",
        ),
        "late": Message(
            en="Abbreviation '{abbr}' is used before its definition on line {def_line} ({count}× before it); "
               "define it at its first use",
            et="Lühendit '{abbr}' kasutatakse enne selle selgitust real {def_line} ({count}× enne seda); "
               "selgita see esimesel kasutamisel",
        ),
    }

    def check(self, doc):
        tv = view(doc)
        text = tv.masked_text
        if _CAPS.search(text) is None:
            return
        data = compiled()
        heading_lines = {s.line for s in doc.model.sections}
        lines = tv.masked

        tokens_memo, defs_memo = _MEMOS.of(data)

        defs: dict[int, str] = {}  # offset of a defining occurrence -> abbreviation
        for m in _PAREN.finditer(text):
            inner = m.group(1)
            d = defs_memo.get(inner, False)  # the same parentheses recur from document to document
            if d is False:
                d = remember(defs_memo, inner, _definition(inner, data))
            if d is not None:
                defs[m.start(1) + d[0]] = d[1]

        uses: list[tuple[int, str, int]] = []  # (offset, abbreviation, length)
        # a token never spans lines: each line's candidates are kept by its text (see _line_tokens)
        for line_start, (a, end, base) in per_line(lines, tv.starts, tokens_memo, lambda ln: _line_tokens(ln, data)):
            start = line_start + a
            expl = _expansion_after(text, line_start + end, data)
            if expl:
                defs.setdefault(start, base)
                continue
            if start in defs:
                continue
            line, _ = tv.pos(start)
            if line in heading_lines or line in tv.code_lines or _shouting(lines[line - 1]):
                continue
            uses.append((start, base, len(base)))

        first_def: dict[str, int] = {}
        for off in sorted(defs):
            first_def.setdefault(defs[off], off)
        first_use: dict[str, tuple[int, int]] = {}
        count: dict[str, int] = {}
        for off, base, length in uses:
            d = first_def.get(base)
            if d is not None and d < off:
                continue
            first_use.setdefault(base, (off, length))
            count[base] = count.get(base, 0) + 1
        for base, (off, length) in sorted(first_use.items(), key=lambda kv: kv[1][0]):
            line, col = tv.pos(off)
            span = Span(line, col, line, col + length)
            d = first_def.get(base)
            if d is None:
                yield self.diag(doc, span, "undefined", abbr=base, count=count[base])
            else:
                yield self.diag(doc, span, "late", abbr=base, count=count[base], def_line=tv.pos(d)[0])


#: {masked line: _line_tokens}, {parenthesis content: _definition}
_MEMOS = DataMemos(2)


def _line_tokens(line: str, data) -> list[tuple[int, int, str]]:
    """(start, end, capitals) of each token of a line that may be an undefined abbreviation, as far as
    the line alone tells: not glued to the word before it, not too long, not a Roman numeral, no
    unknown ending, not well known. (A well-known abbreviation's own definition is never looked up:
    dropping it here changes nothing.)"""
    out = []
    for m in _TOKEN.finditer(line):
        a = m.start()
        if a > 0 and (line[a - 1].isalnum() or line[a - 1] in "_&@/.-"):
            continue
        base = m.group(1)
        if len(base) > data.max_length or _ROMAN.match(base) or base in data.well_known:
            continue
        suffix = m.group(3)
        if suffix is not None and suffix not in data.endings:
            continue
        out.append((a, m.end(), base))
    return out


def _definition(inner: str, data) -> tuple[int, str] | None:
    """(offset in ``inner``, abbreviation) when the content of a parenthesis defines one: '(edaspidi KOV)',
    '(KOV)'."""
    d = _DEFINING.match(inner)
    if d is not None:
        words = [w.strip(":").lower() for w in d.group(1).split()]
        if all(w in data.definition_words for w in words):
            return d.start(2), d.group(2)
    return None


def _expansion_after(text: str, end: int, data) -> bool:
    """True when a parenthesis right after an abbreviation spells it out: 'PPA (Politsei- ja …)'."""
    i = end
    n = len(text)
    while i < n and text[i] in " \t":
        i += 1
    if i >= n or text[i] != "(":
        return False
    m = _PAREN.match(text, i)
    if m is None:
        return False
    inner = m.group(1).strip()
    first = inner.split(None, 1)[0].strip(",:;").lower() if inner else ""
    if not first or first in data.aside_words:
        return False
    return _LOWER_WORD.search(inner) is not None


def _shouting(line: str) -> bool:
    """A line with capitals and no lower-case letter: a heading in capitals, not running text."""
    return line.upper() == line
