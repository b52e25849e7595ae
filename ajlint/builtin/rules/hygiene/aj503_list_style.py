from collections import Counter, defaultdict
from itertools import chain, compress, repeat
from operator import attrgetter, is_not, itemgetter, sub

from ajlint.builtin.rules.core.aj005_ocr_damage import MIN_EVIDENCE as OCR_MIN_EVIDENCE
from ajlint.diagnostics import Edit, Fix, Message, Severity
from ajlint.linememo import DataMemos, remember
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


#: bullet_of's answers by line text and column, for the line's markup: {(line text, column): (the line's
#: markup, answer, char)} (a template's lists stand on the same lines in every document)
_BULLETS = DataMemos()
#: what the memo gives for a place it does not hold: no markup is None
_UNKNOWN = (None, None, None)
_LINE, _COLUMN = attrgetter("line"), attrgetter("column")
_MARKUP, _CHAR = itemgetter(0), itemgetter(2)
_KIND, _ITEMS = itemgetter(0), itemgetter(1)  # of model_lists' pairs


def bullets(tv: TextView, items: list, data) -> list[tuple]:
    """For each item: (its line's markup, bullet_of's answer, the bullet character or None).

    A bullet depends on its line's text and markup and the item's column alone. The items' places are
    read, and the answers looked up by (line text, column), in C: a document has some seventy items,
    nearly all at places of its template. The markup is compared, not hashed in a key: a line's ranges
    are one tuple shared by every document with the line, so only a new place, or a line whose markup
    differs, is looked at in Python."""
    memo, = _BULLETS.of(data)
    lines = list(map(_LINE, items))
    columns = list(map(_COLUMN, items))
    if lines and (min(lines) < 1 or max(lines) > len(tv.lines)):
        return [_answer(tv, line, column, data) if 0 < line <= len(tv.lines) else _UNKNOWN
                for line, column in zip(lines, columns)]
    idx = list(map(sub, lines, repeat(1)))
    marks = list(map(tv.markup.__getitem__, idx))
    keys = list(zip(map(tv.lines.__getitem__, idx), columns))
    got = list(map(memo.get, keys, repeat(_UNKNOWN)))
    for i in compress(range(len(got)), map(is_not, map(_MARKUP, got), marks)):
        if got[i][0] != marks[i]:  # not kept, or kept for other markup
            got[i] = remember(memo, keys[i], _answer(tv, lines[i], columns[i], data))
    return got


def _answer(tv: TextView, line: int, column: int, data) -> tuple:
    b = bullet_of(tv, line, column, data)
    return tv.markup[line - 1], b, b[0] if b is not None else None


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
        lists = model_lists(model)
        items = list(chain.from_iterable(map(_ITEMS, lists)))
        found = bullets(tv, items, data)
        # each item's style (None: no bullet): its character, or OCR_KEY for OCR's readings of one bullet
        chars = list(map(_CHAR, found))
        keys = [OCR_KEY if c in data.ocr_variants else c for c in chars] if ocr else chars
        styles = set(keys)
        styles.discard(None)
        if len(styles) < 2:  # one style in the whole document: nothing can be mixed
            return
        sizes = list(map(len, map(_ITEMS, lists)))
        counted = False
        end = 0
        for (kind, _), size in zip(lists, sizes):
            start, end = end, end + size
            own_styles = set(keys[start:end])
            own_styles.discard(None)
            if len(own_styles) < 2:  # most lists have one style
                continue
            if not counted:
                # the styles counted in C, for the whole document at once: per (kind of list, style)
                # and per style (items without a bullet are counted under None, which is never asked for)
                kinds = chain.from_iterable(map(repeat, map(_KIND, lists), sizes))
                by_kind = Counter(zip(kinds, keys))
                overall = Counter(keys)
                chars_of: defaultdict[str, Counter] = defaultdict(Counter)
                for (key, ch), n in Counter(zip(keys, chars)).items():
                    if key is not None:
                        chars_of[key][ch] = n  # in the order first seen, as counting one by one gives
                counted = True
            written = []
            for i in range(start, end):
                b = found[i][1]
                if b is not None:
                    written.append(Bullet(keys[i], b[0], items[i].line, b[1], b[2]))
            own = Counter(b.key for b in written)
            order = {}
            for n, b in enumerate(written):
                order.setdefault(b.key, n)
            target = max(own, key=lambda k: (by_kind[kind, k], overall[k], own[k], -order[k]))
            target_char = chars_of[target].most_common(1)[0][0]
            wrong = [b for b in written if b.key != target]
            safe = all(self._role(b.char, b, tv, data) == self._role(target_char, b, tv, data) for b in wrong)
            edits = tuple(
                Edit(doc.offset(b.line, b.index + 1), doc.offset(b.line, b.index + 2), target_char) for b in wrong
            )
            fix = Fix(edits=edits, applicability="safe" if safe else "unsafe",
                      description=f"use '{target_char}' for every item of the list")
            shown = ", ".join(f"'{self._label(k, chars_of)}' ×{own[k]}" for k in sorted(own, key=lambda k: order[k]))
            first = wrong[0]
            span = Span(first.line, first.index + 1, first.line, first.index + 2)
            yield self.diag(doc, span, "mixed", fix=fix, styles=shown, target=target_char)

    @staticmethod
    def _role(char: str, b: Bullet, tv: TextView, data) -> str:
        """'marker' for markdown list syntax at the start of a line, 'char' for a written character."""
        return "marker" if tv.fmt == "markdown" and b.line_start and char in data.markdown_markers else "char"

    @staticmethod
    def _label(key: str, chars_of: dict[str, Counter]) -> str:
        if key == OCR_KEY:
            return "/".join(sorted(chars_of[key]))
        return key
