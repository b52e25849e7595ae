from collections import Counter, defaultdict

from ajlint.builtin.rules.core.aj005_ocr_damage import MIN_EVIDENCE as OCR_MIN_EVIDENCE
from ajlint.diagnostics import Edit, Fix, Message, Severity
from ajlint.ltext import Span
from ajlint.rule import Rule

from ajlint.builtin.rules.hygiene.data import compiled
from ajlint.builtin.rules.hygiene.textview import TextView, view

OCR_KEY = "ocr"


class Bullet:
    __slots__ = ("key", "char", "line", "index", "line_start")

    def __init__(self, key: str, char: str, line: int, index: int, line_start: bool):
        self.key = key  # the style: the character, or OCR_KEY for OCR's readings of one bullet
        self.char = char
        self.line = line  # 1-based
        self.index = index  # 0-based column of the bullet character
        self.line_start = line_start  # only whitespace before it on the line


def model_lists(model) -> list[tuple[str, list]]:
    """The lists of the document as (kind, items): each a run of items at one level in one place.

    A duty's sub-items and its expected results are two lists even when they sit side by side; each
    competency's indicators are a list; the additional competencies and the free-form knowledge items
    after them are one list.
    """
    out: list[tuple[str, list]] = []
    for d in model.duties:
        out.append(("duty-items", d.items))
        out.append(("duty-results", d.results))
    out.append(("rights", model.rights))
    out.append(("responsibilities", model.responsibilities))
    out.append(("equipment", model.equipment))
    for c in model.competencies:
        out.append(("competency-indicators", c.indicators))
    extra = [*model.additional_competencies, *model.knowledge]
    extra.sort(key=lambda v: (v.line, v.column))
    out.append(("additional-competencies", extra))
    return [(k, items) for k, items in out if items]


def bullet_of(tv: TextView, line: int, column: int, data) -> tuple[str, int, bool] | None:
    """The bullet character written before the item that starts at (line, column), if any:
    (character, 0-based index, only whitespace before it). Whitespace, markdown emphasis and opening
    HTML tags between the bullet and the item are skipped (``- **Name**``, ``<li>▪ Text``)."""
    if not 0 < line <= len(tv.lines):
        return None
    ln = tv.lines[line - 1]
    i = min(column - 2, len(ln) - 1)
    while i >= 0:
        ch = ln[i]
        if ch in " \t\xa0":
            i -= 1
            continue
        if ch in "*_" and i >= 1 and ln[i - 1] == ch:
            i -= 2
            continue
        if ch == ">":
            r = tv.markup_at(line - 1, i)
            if r is not None and not ln.startswith("</", r[0]) and not ln.startswith("<!--", r[0]):
                i = r[0] - 1
                continue
        break
    if i < 0:
        return None
    ch = ln[i]
    if ch not in data.bullets:
        return None
    j = i - 1
    while j >= 0 and ln[j] in " \t\xa0":
        j -= 1
    line_start = j < 0
    if ch not in data.strong:
        # an ambiguous bullet (- = » *) counts only where an item can start: a line, a cell, a tag
        cell_start = j >= 0 and (ln[j] == "|" or (ln[j] == ">" and tv.markup_at(line - 1, j) is not None))
        if not (line_start or cell_start):
            return None
    return ch, i, line_start


_MEMO: list = [None, {}]  # [the data it was made with, {line text: (the line's markup, {column: bullet_of's answer})}]


def _memo(data) -> dict:
    """bullet_of's answers by line text, then column, for the line's markup (kept while the data is the
    same: a template's lists stand on the same lines in every document)."""
    if _MEMO[0] is not data or len(_MEMO[1]) > 50000:
        _MEMO[:] = [data, {}]
    return _MEMO[1]


class ListStyle(Rule):
    """One list mixes different bullet characters.

    What it does
        Reads the bullet written before each item of each list of the document and reports a list
        whose items use more than one bullet character (``▪``, ``•``, ``-``, ``»``, ``=`` …). A list is
        one run of items at one level in one place, as the model groups them: a duty's sub-items, the
        same duty's expected results (a different list, even in the next table cell), the rights, the
        responsibilities, each competency's indicators, the additional competencies. Using ``▪`` for
        sub-items and ``•`` for results is therefore not a mix. Items without a bullet are ignored. In
        OCR text (AJ005) ``=`` and ``»`` are OCR's readings of one printed bullet and count as one
        style. One finding per list, on its first bullet that differs from the chosen style.

    Why it matters
        Mixed bullets make a list look assembled from pieces — which it usually was (copied from
        another document, converted twice) — and a reviewer cannot tell whether the items belong
        together. Registers publish the text as it is.

    Example
        ``Koostöövõime:`` ``▪ Tajub oma rolli …`` ``- Tegutseb meeskonna liikmena …``
        ``- Täidab kokkulepped …``

    Use instead
        One bullet for the whole list, the one the document uses most for lists of this kind (then the
        one it uses most overall): ``▪ Tajub …`` ``▪ Tegutseb …`` ``▪ Täidab …``

    Fix safety
        The fix replaces the differing bullet characters with the chosen one. It is safe when each
        replacement keeps its role: a character for a character, or one markdown list marker for
        another. It is unsafe when it turns a markdown list marker (``- `` at the start of a line) into
        a plain character or the reverse, because that changes how the markdown renders (a list
        becomes a paragraph).
    """

    code = "AJ503"
    name = "list-style"
    severity = Severity.INFO
    fixable = True
    messages = {
        "mixed": Message(
            en="This list mixes bullets {styles}; use '{target}' as in the document's other lists",
            et="Selles loetelus on segamini täpploendi märgid {styles}; kasuta märki '{target}' nagu "
               "dokumendi teistes loeteludes",
        )
    }

    def check(self, doc):
        model = doc.model
        tv = view(doc)
        data = compiled()
        ocr = len(model.info.ocr_evidence) >= OCR_MIN_EVIDENCE
        found: list[tuple[str, list[tuple[str, int, tuple[str, int, bool]]]]] = []
        styles: set[str] = set()
        memo = _memo(data)
        lines, markup = tv.lines, tv.markup
        for kind, items in model_lists(model):
            got = []
            for it in items:
                line, column = it.line, it.column
                if 0 < line <= len(lines):
                    # a bullet depends on its line's text and markup alone. The markup is compared, not
                    # hashed in a key: a line's ranges are one tuple shared by every document with the line
                    ln, mk = lines[line - 1], markup[line - 1]
                    by_col = memo.get(ln)
                    if by_col is None or (by_col[0] is not mk and by_col[0] != mk):
                        by_col = memo[ln] = (mk, {})
                    b = by_col[1].get(column, False)
                    if b is False:
                        b = by_col[1][column] = bullet_of(tv, line, column, data)
                else:
                    b = None
                if b is not None:
                    key = OCR_KEY if ocr and b[0] in data.ocr_variants else b[0]
                    got.append((key, line, b))
                    styles.add(key)
            if got:
                found.append((kind, got))
        if len(styles) < 2:  # one style in the whole document: nothing can be mixed
            return
        # the styles counted in C, for the whole document at once (most lists have one style and are
        # only counted): per (kind of list, style) and per style
        by_kind = Counter([(kind, g[0]) for kind, got in found for g in got])
        overall = Counter([g[0] for _, got in found for g in got])
        chars_of: defaultdict[str, Counter] = defaultdict(Counter)
        for (key, ch), n in Counter([(g[0], g[2][0]) for _, got in found for g in got]).items():
            chars_of[key][ch] = n  # in the order first seen, as counting one by one gives
        for kind, got in found:
            keys = [g[0] for g in got]
            if keys.count(keys[0]) == len(keys):  # one style
                continue
            own = Counter(keys)
            bullets = [Bullet(key, ch, line, idx, line_start) for key, line, (ch, idx, line_start) in got]
            order = {}
            for n, b in enumerate(bullets):
                order.setdefault(b.key, n)
            target = max(own, key=lambda k: (by_kind[kind, k], overall[k], own[k], -order[k]))
            target_char = chars_of[target].most_common(1)[0][0]
            wrong = [b for b in bullets if b.key != target]
            safe = all(self._role(b.char, b, tv, data) == self._role(target_char, b, tv, data) for b in wrong)
            edits = tuple(
                Edit(doc.offset(b.line, b.index + 1), doc.offset(b.line, b.index + 2), target_char) for b in wrong
            )
            fix = Fix(edits=edits, applicability="safe" if safe else "unsafe",
                      description=f"use '{target_char}' for every item of the list")
            styles = ", ".join(f"'{self._label(k, chars_of)}' ×{own[k]}" for k in sorted(own, key=lambda k: order[k]))
            first = wrong[0]
            span = Span(first.line, first.index + 1, first.line, first.index + 2)
            yield self.diag(doc, span, "mixed", fix=fix, styles=styles, target=target_char)

    @staticmethod
    def _role(char: str, b: Bullet, tv: TextView, data) -> str:
        """'marker' for markdown list syntax at the start of a line, 'char' for a written character."""
        return "marker" if tv.fmt == "markdown" and b.line_start and char in data.markdown_markers else "char"

    @staticmethod
    def _label(key: str, chars_of: dict[str, Counter]) -> str:
        if key == OCR_KEY:
            return "/".join(sorted(chars_of[key]))
        return key
