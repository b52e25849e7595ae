"""Rows of a document → the located model, driven by a profile.

The extractor knows no format (readers made rows) and no rule (rules read the model). It:

1. finds section headings (case-, diacritic- and OCR-insensitive, fuzzy for small damage),
2. reads the general part's labels and values in every layout (tab or pipe grid, cells joined by spaces
   on one line and wrapped, labels first and values after, key–value lines), recording a guess where
   the layout was ambiguous,
3. reads duties with their results, lists (rights, responsibilities, equipment), requirements with
   languages and competencies, the review clause and signatures.
"""

from __future__ import annotations

import re
import typing
from dataclasses import dataclass, field
from itertools import islice

from pydantic import BaseModel
from rapidfuzz import fuzz

from ajlint import languages
from ajlint.kinds import kind_search
from ajlint.linememo import remember
from ajlint.ltext import LText
from ajlint.model import (
    Competency,
    Duty,
    JobDescription,
    Label,
    LayoutGuess,
    Located,
    PositionRef,
    Section,
    Text,
)
from ajlint.profiles import FieldSpec, Profile, RequirementSpec, SectionSpec
from ajlint.readers.rows import Item, Row
from ajlint.textnorm import fold, lost_diacritics, squash

HEADING_MIN_SCORE = 86.0
LABEL_MIN_SCORE = 85.0
CONJ = {"ja", "või", "ning", "voi", "vdi", "v6i"}
_SECTION_NUM = re.compile(r"^\s*(?P<num>\d{1,2}\.?)(?=\s|$)\s*")
_STRAY_NUM = re.compile(r"^\s*\d{1,2}\.\s*$")
_LABEL_NUM = re.compile(r"(?:(?<=\s)|^)(?P<num>\d{1,2}\.\d{1,2}\.?)(?=\s|$)")
_DUTY_NUM = re.compile(r"^\s*(?P<num>\d{1,2}\.\d{1,2}\.?)(?=\s|$)\s*")
_WORD = re.compile(r"\S+")
_TERMINAL = ".;:!?"
_OCR_WORD = re.compile(r"\b[^\W\d_]+[0-9@][^\W_]*\b|\b[^\W\d_]*[0-9@][^\W\d_]+\b")
_LEVEL_TOKEN = re.compile(r"^[A-Fa-f][1-6]\b")
_DIGIT_OR_AT = re.compile(r"[0-9@]")


# -- matching --------------------------------------------------------------------------------------

@dataclass
class Match:
    spec: object
    variant: str
    score: float
    exact: bool
    n_words: int = 0


class Matcher:
    """Heading and label look-up for one profile (built once per profile)."""

    def __init__(self, profile: Profile):
        self.profile = profile
        self.sections = [(squash(v), v, s) for s in profile.sections for v in s.headings]
        self.fields = [(squash(v), v, len(v.split()), f) for f in profile.fields for v in f.labels]
        self.reqs = [(squash(v), v, len(v.split()), r) for r in profile.requirement_fields for v in r.labels]
        self.duty_headers = {squash(h) for h in profile.document.duty_headers}
        self.sig_markers = [fold(m) for m in profile.document.signature_markers]
        self.sig_block = [fold(m) for m in profile.document.signature_block]
        self.intros = {squash(m) for m in profile.document.list_intros}
        self._exact_fields = {vk: (v, n, f) for vk, v, n, f in self.fields}
        self._exact_reqs = {vk: (v, n, r) for vk, v, n, r in self.reqs}
        self._max_words = max([n for _, _, n, _ in self.fields + self.reqs] + [1]) + 1
        self._heading_memo: dict[str, tuple[str | None, Match] | None] = {}
        self._prefix_memo: dict[tuple, Match | None] = {}
        #: row text → 2 signature marker, 1 signature block intro, 0 neither
        self.sig_kinds: dict[str, int] = {}
        #: a heading row's source line → (the line it was read on, the copies of its Section)
        self.heading_models: dict[str, tuple[int, _Copies]] = {}
        #: a one-item row's text → what it is (see row_role)
        self.row_roles: dict[str, object] = {}
        #: a one-run cell's text → the labels in it (see _find_labels)
        self.cell_labels: dict[str, object] = {}

    def row_role(self, text: str):
        """What a row of one item with this text is: a section number on a line of its own
        (:data:`_STRAY`), a heading (what :meth:`heading` gives) or content (None). Kept in ``row_roles``."""
        role = _STRAY if _STRAY_NUM.match(text) else self.heading(text)
        return remember(self.row_roles, text, role, 20000)

    def heading(self, text: str) -> tuple[str | None, Match] | None:
        if len(text) > 160:
            return None
        memo = self._heading_memo
        if text in memo:
            return memo[text]
        return remember(memo, text, self._heading(text), 20000)

    def _heading(self, text: str) -> tuple[str | None, Match] | None:
        m = _SECTION_NUM.match(text)
        num = m.group("num") if m else None
        rest = text[m.end():] if m else text
        rest = rest.strip(" *:#_")
        if not rest or len(rest.split()) > 8 or not any(c.isalpha() for c in rest):
            return None
        key = squash(rest)
        if not key:
            return None
        best: Match | None = None
        for vk, variant, spec in self.sections:
            if vk == key:
                return num, Match(spec, variant, 100.0, True)
            if abs(len(vk) - len(key)) > max(3, len(vk) // 5):
                continue
            sc = fuzz.ratio(key, vk)
            if sc >= HEADING_MIN_SCORE and (best is None or sc > best.score):
                best = Match(spec, variant, sc, False)
        if best is None:
            return None
        # an approximate match must look like a heading: numbered, upper case, or a markdown heading
        if not (num or rest.isupper()):
            return None
        return num, best

    def _prefix(self, words: list[str], table, exact: dict) -> Match | None:
        key = (id(table), tuple(words[: self._max_words]))
        memo = self._prefix_memo
        if key in memo:
            return memo[key]
        return remember(memo, key, self._prefix_uncached(words, table, exact), 20000)

    def _prefix_uncached(self, words: list[str], table, exact: dict) -> Match | None:
        cands = {k: squash(" ".join(words[:k])) for k in range(1, min(len(words), self._max_words) + 1)}
        # an exact match (after folding) wins; the longest one first
        for k in sorted(cands, reverse=True):
            hit = exact.get(cands[k])
            if hit is not None and cands[k] and k in (hit[1] - 1, hit[1], hit[1] + 1):
                return Match(hit[2], hit[0], 100.0, True, k)
        best: Match | None = None
        for vk, variant, n, spec in table:
            for k in (n, n - 1, n + 1):
                cand = cands.get(k)
                if not cand or abs(len(cand) - len(vk)) > max(2, len(vk) // 5):
                    continue
                sc = fuzz.ratio(cand, vk)
                if sc >= LABEL_MIN_SCORE and (
                    best is None or sc > best.score or (sc == best.score and len(vk) > len(squash(best.variant)))
                ):
                    best = Match(spec, variant, sc, False, k)
        return best

    def label(self, words: list[str]) -> Match | None:
        return self._prefix(words, self.fields, self._exact_fields)

    def requirement(self, words: list[str]) -> Match | None:
        return self._prefix(words, self.reqs, self._exact_reqs)

    def is_signature(self, text: str, folded: str | None = None) -> bool:
        f = folded if folded is not None else fold(text)
        return any(m in f for m in self.sig_markers)

    def is_signature_block(self, text: str, folded: str | None = None) -> bool:
        f = (folded if folded is not None else fold(text)).strip()
        for m in self.sig_block:
            if f.startswith(m):
                rest = f[len(m):].lstrip()
                if not rest or rest.startswith(":"):
                    return True
        return False


_MATCHERS: dict[int, Matcher] = {}
_STRAY = object()  # row_role: a section number on a line of its own
_UNSEEN = object()


def matcher_for(profile: Profile) -> Matcher:
    """One matcher per loaded profile (profiles are loaded once and kept)."""
    m = _MATCHERS.get(id(profile))
    if m is None or m.profile is not profile:
        m = _MATCHERS[id(profile)] = Matcher(profile)
    return m


# -- joining wrapped text ------------------------------------------------------------------------------

def smart_join(pieces: list[LText]) -> LText:
    """Join wrapped lines: a space between pieces, a word hyphenated at a line end rejoined."""
    pieces = [p.strip() for p in pieces if p.text.strip()]
    if not pieces:
        return LText.empty()
    out: list[LText] = [pieces[0]]
    for p in pieces[1:]:
        prev = out[-1]
        pt = prev.text
        first = p.text.split(" ", 1)[0]
        if (
            len(pt) >= 2 and pt[-1] == "-" and pt[-2].isalpha() and p.text[:1].islower()
            and first.lower() not in CONJ
        ):
            out[-1] = prev[: len(pt) - 1]  # "arenda-" + "mine" -> "arendamine"
        else:
            out.append(_space_after(prev))
        out.append(p)
    return LText.concat(out)


def _space_after(lt: LText) -> LText:
    s = lt.span()
    return LText.at(" ", s.end_line, s.end_column)


# -- the document being built -----------------------------------------------------------------------

@dataclass
class _SectionRows:
    spec: SectionSpec | None
    rows: list[Row] = field(default_factory=list)


def extract(rows: list[Row], profile: Profile, jd: JobDescription) -> JobDescription:
    m = matcher_for(profile)

    # 1. signatures: every marker occurrence; the block from the first marker / block intro to the end
    sig_start = len(rows)
    kinds = m.sig_kinds
    for i, row in enumerate(rows):
        if row.blank:
            continue
        txt = row.plain
        kind = kinds.get(txt)
        if kind is None:  # the same rows recur in every document: decided once per text
            ftxt = fold(txt)
            kind = 2 if m.is_signature(txt, ftxt) else 1 if m.is_signature_block(txt, ftxt) else 0
            remember(kinds, txt, kind, 20000)
        if kind == 2:
            for it in row.items:
                f = fold(it.text.text)
                for marker in m.sig_markers:
                    start = 0
                    while (k := f.find(marker, start)) >= 0:
                        lo = k - 1 if k > 0 and it.text.text[k - 1] == "(" else k
                        hi = k + len(marker)
                        if hi < len(f) and it.text.text[hi] == ")":
                            hi += 1
                        jd.signatures.append(Text.from_lt(it.text[lo:hi]))
                        start = hi
                    if start:
                        break
            sig_start = min(sig_start, i)
        elif kind == 1 and i > len(rows) // 2:
            sig_start = min(sig_start, i)
    # the block begins at its intro line if one precedes the first marker closely
    for j in range(max(0, sig_start - 6), sig_start):
        if not rows[j].blank and m.is_signature_block(rows[j].plain):
            sig_start = j
            break

    # 2. sections
    parts: list[_SectionRows] = [_SectionRows(None)]
    add = parts[0].rows.append
    stray_number: tuple[str, LText] | None = None
    roles = m.row_roles
    for row in rows[:sig_start]:
        single = row.single  # the row's text, when it has one cell of one item (a row's items are
        if single is None or row.blank:  # made when asked for: most rows are only looked at here)
            add(row)
            continue
        role = roles.get(single, _UNSEEN)  # looked up here: nearly every row is content, and known
        if role is _UNSEEN:
            role = m.row_role(single)
        if role is None:
            add(row)
        elif role is _STRAY:
            t = row.items[0].text
            stray_number = (t.text.strip(), t.strip())
        else:
            match = role[1]
            if stray_number is None and row.source is not None:
                # a heading's model depends on its line's text alone: made once, copied to its line
                got = m.heading_models.get(row.source)
                if got is None:
                    got = remember(m.heading_models, row.source,
                                   (row.line, _Copies((_heading_model(row, role, None),))), 2000)
                jd.sections.append(got[1].make(row.line - got[0])[0])
            else:
                jd.sections.append(_heading_model(row, role, stray_number))
            stray_number = None
            spec: SectionSpec = match.spec  # type: ignore[assignment]
            parts.append(_SectionRows(spec))
            add = parts[-1].rows.append

    # 3. content of each section
    preamble = parts[0].rows
    for part in parts[1:]:
        key = part.spec.key if part.spec else None
        if key in _MEMO_SECTIONS:
            _section_memoised(key, part.rows, m, jd)
        else:
            _section(key, part.rows, m, jd)
    if not any(s.key == "general" for s in jd.sections):
        # a general part without its heading: labels right after the title
        _general(preamble, m, jd)
    return jd


def _heading_model(row: Row, h: tuple[str | None, Match], stray_number: tuple[str, LText] | None) -> Section:
    """The section heading ``row`` is (``h`` says what it matched); its number may stand on a line of its
    own before it (``stray_number``)."""
    t = row.items[0].text
    num, match = h
    lt = t.strip()
    hm = _SECTION_NUM.match(lt.text)
    num_lt = lt[hm.start("num"):hm.end("num")] if hm else None
    if num is None and stray_number is not None:
        num, num_lt = stray_number
    heading_lt = lt[hm.end():] if hm else lt
    heading_lt = heading_lt.strip(" *:#_")
    spec: SectionSpec = match.spec  # type: ignore[assignment]
    return Section.of(
        lt,
        key=spec.key,
        number=num,
        heading=heading_lt.text,
        matched=match.variant,
        exact=match.exact,
        score=round(match.score, 1),
        ocr_folded=match.exact and lost_diacritics(heading_lt.text, match.variant),
        heading_location=Located.of(heading_lt),
        number_location=Located.of(num_lt) if num_lt is not None and num else None,
    )


def _section(key: str | None, rows: list[Row], m: Matcher, jd: JobDescription) -> None:
    """Read one section's rows into the model."""
    if key == "general":
        _general(rows, m, jd)
    elif key == "purpose":
        t = _paragraph(rows)
        if t is not None:
            jd.purpose = t
    elif key == "duties":
        jd.duties.extend(_duties(rows, m, jd.unassigned_results))
    elif key == "rights":
        jd.rights.extend(_texts(_logical_items(rows, m)))
    elif key == "responsibilities":
        jd.responsibilities.extend(_texts(_logical_items(rows, m)))
    elif key == "equipment":
        jd.equipment.extend(_texts(_logical_items(rows, m)))
    elif key == "requirements":
        _requirements(rows, m, jd)
    elif key == "competencies":
        jd.competencies.extend(_competencies(rows))
    elif key == "additional_competencies":
        _additional(rows, jd)
    elif key == "review":
        t = _paragraph(rows)
        if t is not None:
            jd.review_clause = t


# -- sections a template repeats ------------------------------------------------------------------
# The requirements, the competencies, rights, responsibilities and the like are often the same text in
# every job description of an organisation. A section's model depends on its rows' text and their
# places relative to each other only, so it is read once per run and copied, with its line numbers
# moved, into every document where the same rows stand (the same duties recur too, where one role is
# filled in several teams). The general part names the position and its unit: it is always read.

#: the sections read through the memo
_MEMO_SECTIONS = frozenset({"purpose", "duties", "rights", "responsibilities", "equipment", "requirements",
                            "competencies", "additional_competencies", "review"})
_SECTION_MEMO: dict[tuple, tuple[int, "_Copies"]] = {}
_SECTION_MEMO_MAX = 2000


def _section_memoised(key: str, rows: list[Row], m: Matcher, jd: JobDescription) -> None:
    sources = [r.source for r in rows]
    if not rows or None in sources:
        _section(key, rows, m, jd)  # rows not made from their text alone (HTML, Word, PDF): read them
        return
    base = rows[0].line
    # the rows' texts and their places relative to the first, as two flat tuples (a pair per row took
    # longer to make, hash and compare); m itself: its id may be reused
    mkey = (key, m, tuple(sources), tuple([r.line - base for r in rows]))
    got = _SECTION_MEMO.get(mkey)
    if got is None:
        scratch = JobDescription(path=jd.path, info=jd.info)
        _section(key, rows, m, scratch)
        got = remember(_SECTION_MEMO, mkey, (base, _written(scratch)), _SECTION_MEMO_MAX)
    _apply(jd, got[1], base - got[0])


def _written(scratch: JobDescription) -> "_Copies":
    """What reading a section put into a fresh model (its fields that are no longer empty), as the
    copies to make of it: one per field, named (field, whether of the requirements, whether a list)."""
    names: list[tuple[str, bool, bool]] = []
    values: list = []
    for name in type(scratch).model_fields:
        if name in ("path", "info"):
            continue
        v = getattr(scratch, name)
        if name == "requirements":
            for f in type(v).model_fields:
                rv = getattr(v, f)
                if rv not in (None, []):
                    names.append((f, True, isinstance(rv, list)))
                    values.append(rv)
        elif v not in (None, [], False):
            names.append((name, False, isinstance(v, list)))
            values.append(v)
    return _Copies(values, names)


def _apply(jd: JobDescription, written: "_Copies", delta: int) -> None:
    """Put a section's model into ``jd`` as reading it would have: lists extended, values set."""
    for (name, of_requirements, is_list), value in zip(written.names, written.make(delta)):
        target = jd.requirements if of_requirements else jd
        if is_list:
            getattr(target, name).extend(value)
        else:
            setattr(target, name, value)


class _Copies:
    """The copies of model values, with their line numbers moved, to be made many times (a section a
    template repeats, a heading). Nothing of the originals is shared: the copies may be changed later.
    Every model and list in them is put once into one flat list of steps,
    each after those it holds, and :meth:`make` copies them all in one loop. A copy made by a call per
    model and list took half as long again; the copies are the bulk of reading a known template's
    document. ``names`` is the caller's, one per value."""

    __slots__ = ("steps", "roots", "names")

    def __init__(self, values, names=None):
        #: (the value kept as it is, or for a model its __dict__; its class (list for a list, None for a
        #: value kept as it is); whether it has line numbers; for a model (field, step) of its nested
        #: fields and for a list its items' steps; a model's fields set)
        self.steps: list[tuple] = []
        self.roots = [self._add(v) for v in values]
        self.names = names

    def _add(self, v) -> int:
        cls = v.__class__
        if cls is list:
            step = (None, list, False, tuple([self._add(x) for x in v]), None)
        else:
            plan = _PLANS.get(cls)
            if plan is None:
                plan = _PLANS[cls] = _plan(cls)
            if not plan:  # not a model: a value as it is (a string, a number)
                step = (v, None, False, (), None)
            else:
                d = v.__dict__
                nested = tuple([(k, self._add(d[k])) for k in plan[1] if d[k] is not None])
                step = (d, cls, plan[0], nested, v.__pydantic_fields_set__)
        self.steps.append(step)
        return len(self.steps) - 1

    def make(self, delta: int) -> list:
        """A copy of each value, its line numbers moved by ``delta``. A model's slots are set through their
        descriptors (as ``object.__setattr__`` would, faster); the originals' dicts and field sets are
        kept in the steps, not looked up on them for every copy."""
        made: list = []
        add = made.append
        for x, cls, lines, nested, fields_set in self.steps:
            if cls is None:
                add(x)
                continue
            if cls is list:
                add(list(map(made.__getitem__, nested)))
                continue
            d = x.copy()
            if lines and delta:
                d["line"] += delta
                d["end_line"] += delta
            if nested:
                for k, i in nested:
                    d[k] = made[i]
            new = _new(cls)
            _set_dict(new, d)
            _set_fields_set(new, fields_set.copy())
            _set_extra(new, None)
            _set_private(new, None)
            add(new)
        return [made[i] for i in self.roots]


_new = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__
#: per class: for a model, whether it has a line (and end_line) and its fields that can hold models or
#: lists; () for any other value
_PLANS: dict[type, tuple] = {}


def _plan(cls: type) -> tuple:
    if not (isinstance(cls, type) and issubclass(cls, BaseModel)):
        return ()
    return "line" in cls.model_fields, _nested_fields(cls)


def _nested_fields(cls: type) -> tuple[str, ...]:
    """The fields of a model class that can hold a model or a list."""
    return tuple(name for name, f in cls.model_fields.items() if _may_nest(f.annotation))


def _may_nest(t) -> bool:
    if t is None:
        return False
    if typing.get_origin(t) is list or (isinstance(t, type) and issubclass(t, (BaseModel, list))):
        return True
    return any(_may_nest(a) for a in typing.get_args(t))


def _texts(lts: list[LText]) -> list[Text]:
    return [Text.from_lt(lt) for lt in lts if lt.text]


def _paragraph(rows: list[Row]) -> Text | None:
    pieces = [it.text for r in rows if not r.blank for it in r.items]
    if not pieces:
        return None
    return Text.from_lt(smart_join(pieces))


# -- general part ------------------------------------------------------------------------------------

@dataclass
class _LabelHit:
    match: Match
    number: str | None
    label: LText
    value: LText
    cell: int


def _find_labels(cell: LText, m: Matcher, cell_index: int) -> list[_LabelHit]:
    """The labels in a cell, each with the value after it in the cell.

    The labels of a cell of one run are where its text alone says, so what is found is kept by the text
    (as places in it) and made again from the cell: a template's label cells recur in every document."""
    if len(cell._offs) != 1:
        return _read_labels(cell, m, cell_index)
    kept = m.cell_labels.get(cell.text)
    if kept is None:
        hits = _read_labels(cell, m, cell_index)
        remember(m.cell_labels, cell.text, _places(hits, cell), 20000)
        return hits
    if kept is _NOT_KEPT:
        return _read_labels(cell, m, cell_index)
    return [_LabelHit(match, num, cell._slice(la, lb), cell._slice(va, vb), cell_index)
            for match, num, la, lb, va, vb in kept]


_NOT_KEPT = object()


def _places(hits: list[_LabelHit], cell: LText):
    """The hits as (match, number, label start and end, value start and end) in the cell's text, or
    _NOT_KEPT when a label or value is not one slice of the cell (a value joined from two segments)."""
    out = []
    for h in hits:
        la, va = h.label.start_in(cell), h.value.start_in(cell)
        if la is None or va is None:
            return _NOT_KEPT
        out.append((h.match, h.number, la, la + len(h.label.text), va, va + len(h.value.text)))
    return tuple(out)


def _read_labels(cell: LText, m: Matcher, cell_index: int) -> list[_LabelHit]:
    hits: list[_LabelHit] = []
    text = cell.text
    anchors = list(_LABEL_NUM.finditer(text))
    # segments as (number, start, end) in the cell's text, each located only when it holds a label or a
    # value: most cells of a general part (its values) hold no label
    segments: list[tuple[str | None, int, int]] = []
    if anchors:
        if text[: anchors[0].start()].strip():
            segments.append((None, 0, anchors[0].start()))
        for k, a in enumerate(anchors):
            end = anchors[k + 1].start() if k + 1 < len(anchors) else len(text)
            segments.append((a.group("num"), a.end(), end))
    else:
        segments.append((None, 0, len(text)))
    for num, start, end in segments:
        words = text[start:end].split(None, 8)[:8]  # its first words (what _WORD finds in it)
        if not words:
            continue
        match = m.label(words)
        if match is None and not hits:
            continue
        seg = (cell if not anchors else cell[start:end]).strip()
        if match is None:
            if num:
                # an unknown numbered label ends the previous value
                hits.append(_LabelHit(Match(None, "", 0, False), num, seg, seg[len(seg.text):], cell_index))
            else:
                hits[-1].value = LText.concat([hits[-1].value, seg], " ") if hits[-1].value.text else seg
            continue
        w_end = list(islice(_WORD.finditer(seg.text), match.n_words))[-1].end()
        label_lt = seg[: w_end].rstrip(":")
        value = seg[w_end:].strip().lstrip(":").strip()
        hits.append(_LabelHit(match, num, label_lt, value, cell_index))
    return hits


def _general(rows: list[Row], m: Matcher, jd: JobDescription) -> None:
    groups: list[dict] = []  # {"hits": [...], "values": [rows], "columns": bool}
    last_kv: _LabelHit | None = None
    current: dict | None = None
    for row in rows:
        if row.blank:
            continue
        if len(row.cells) > 1:
            cell_lts = [row.cell_text(i) for i in range(len(row.cells))]
        else:
            cell_lts = [row.text]
        hits: list[_LabelHit] = []
        plain_cells: list[int] = []
        for ci, lt in enumerate(cell_lts):
            if not lt.text.strip():
                continue
            h = _find_labels(lt, m, ci)
            if h:
                hits.extend(h)
            else:
                plain_cells.append(ci)
        if not hits:
            if current is not None and not current["closed"]:
                current["values"].append(row)
            elif last_kv is not None:
                last_kv.value = smart_join([last_kv.value, row.text]) if last_kv.value.text else row.text
            continue
        # key–value pairs in a table row: a label cell followed by a plain cell
        if len(row.cells) > 1 and plain_cells:
            for h in hits:
                if not h.value.text and (h.cell + 1) in plain_cells:
                    h.value = cell_lts[h.cell + 1].strip()
            for h in hits:
                _record_label(h, jd)
                _assign(h, jd)
            last_kv = hits[-1]
            current = None
            continue
        if all(not h.value.text for h in hits):
            # label-only row: starts or extends a label group
            if current is not None and not current["values"] and not current["closed"]:
                current["hits"].extend(hits)
                current["columns"] = False
            else:
                current = {"hits": list(hits), "values": [], "columns": len(row.cells) > 1, "closed": False}
                groups.append(current)
            last_kv = None
            continue
        # key–value row(s)
        if current is not None:
            current["closed"] = True
        current = None
        for h in hits:
            _record_label(h, jd)
            _assign(h, jd)
        last_kv = hits[-1]
    for g in groups:
        _distribute(g, jd)


def _record_label(h: _LabelHit, jd: JobDescription) -> None:
    if h.match.spec is None:
        return
    spec: FieldSpec = h.match.spec  # type: ignore[assignment]
    jd.labels.append(
        Label.of(
            h.label,
            key=spec.key,
            number=h.number,
            label=h.label.text,
            matched=h.match.variant,
            exact=h.match.exact,
            score=round(h.match.score, 1),
        )
    )


def _distribute(group: dict, jd: JobDescription) -> None:
    hits: list[_LabelHit] = group["hits"]
    for h in hits:
        _record_label(h, jd)
    k = len(hits)
    vrows: list[Row] = group["values"]
    if not vrows:
        return
    # column-aligned grid: the value rows have a cell per label
    if group["columns"] and all(len(r.cells) > 1 for r in vrows):
        cols: list[list[LText]] = [[] for _ in range(k)]
        for r in vrows:
            for ci in range(min(k, len(r.cells))):
                t = r.cell_text(ci)
                if t.text.strip():
                    cols[ci].append(t)
        for h, col in zip(hits, cols):
            h.value = smart_join(col) if col else LText.empty()
            _assign(h, jd)
        return
    tokens = _tokens(vrows)
    if k == 1:
        hits[0].value = smart_join([t.lt for t in tokens]) if tokens else LText.empty()
        _assign(hits[0], jd)
        return
    cuts, confident, reason = _split_tokens(tokens, k)
    bounds = [0, *cuts, len(tokens)]
    for i, h in enumerate(hits):
        seg = tokens[bounds[i]:bounds[i + 1]]
        h.value = smart_join([t.lt for t in seg]) if seg else LText.empty()
        _assign(h, jd)
    if not confident:
        named = "; ".join(
            f"{h.number or ''} {h.match.variant} = '{h.value.text}'".strip() for h in hits if h.match.spec
        )
        first = tokens[0].lt if tokens else hits[0].label
        last = tokens[-1].lt if tokens else hits[-1].label
        s0, s1 = first.span(), last.span()
        jd.layout_guesses.append(
            LayoutGuess(
                line=s0.line, column=s0.column, end_line=s1.end_line, end_column=s1.end_column,
                fields=[h.match.spec.key for h in hits if h.match.spec],  # type: ignore[union-attr]
                guess=named,
                reason=reason,
            )
        )


@dataclass
class _Tok:
    lt: LText
    block_start: bool
    line_start: bool
    cell_start: bool


def _tokens(rows: list[Row]) -> list[_Tok]:
    toks: list[_Tok] = []
    prev_line = None
    for r in rows:
        block = prev_line is not None and r.line - prev_line > 1
        first_in_row = True
        for ci, cell in enumerate(r.cells):
            for it in cell:
                for wm in _WORD.finditer(it.text.text):
                    toks.append(
                        _Tok(it.text[wm.start():wm.end()], block and first_in_row, first_in_row,
                             ci > 0 and wm.start() == 0)
                    )
                    first_in_row = False
        prev_line = r.line
    return toks


def _split_tokens(tokens: list[_Tok], k: int) -> tuple[list[int], bool, str]:
    """Cut a token stream into k values; returns cut indices, whether that was certain, and why not."""
    n = len(tokens)
    if n < k:
        return list(range(1, n)) + [n] * (k - n), False, f"{n} words for {k} fields"
    scores: list[tuple[float, int]] = []
    depth = 0
    for i in range(1, n):
        prev = tokens[i - 1].lt.text
        depth += prev.count("(") - prev.count(")")
        t = tokens[i]
        word = t.lt.text
        s = 0.0
        if word[:1].isupper():
            s += 2
        if t.cell_start:
            s += 3
        if t.block_start:
            s += 1.5
        elif t.line_start:
            s += 0.25
        if prev.endswith((",", ";", "-", "/")) or prev.lower() in CONJ or word.lower() in CONJ:
            s -= 3
        if depth > 0:
            s -= 5
        scores.append((s, i))
    strong = sorted(i for s, i in scores if s >= 2)
    if len(strong) == k - 1:
        return strong, True, ""
    best = sorted(sorted(scores, key=lambda x: (-x[0], x[1]))[: k - 1], key=lambda x: x[1])
    cuts = [i for _, i in best]
    blocks = 1 + sum(1 for t in tokens[1:] if t.block_start)
    why = (
        f"{len(strong) + 1} clearly separated values and {blocks} text blocks for {k} labels"
        if len(strong) + 1 != k
        else f"{k} values could not be told apart"
    )
    return cuts, False, why


_NONE_VALUES = {"-", "–", "—", "puudub", "puuduvad", "ei ole", "pole", "ei"}
_REF_SPLIT = re.compile(r"\s*(?:,|;|\s(?:ja|või|ning|v6i|vdi|voi)\s|/)\s*")


def split_refs(value: LText) -> list[LText]:
    """Split a list of positions on ',', ';', 'ja', 'või' (not inside parentheses)."""
    text = value.text
    out: list[LText] = []
    depth = 0
    last = pos = 0
    # each separator found by one search, those inside parentheses passed over (the pattern tried at
    # every character took several times as long)
    while (m := _REF_SPLIT.search(text, pos)) is not None:
        depth = _paren_depth(text, pos, m.start(), depth)
        if depth:
            pos = m.start() + 1
            continue
        out.append(value[last:m.start()])
        last = pos = m.end()
    out.append(value[last:])
    cleaned = []
    for p in out:
        p = p.strip(" \t.,;:")
        if p.text:
            cleaned.append(p)
    return cleaned


def _paren_depth(text: str, start: int, end: int, depth: int) -> int:
    """The parentheses' depth at ``end``, from ``depth`` at ``start`` (an unmatched ')' counts as none)."""
    part = text[start:end]
    if "(" not in part and ")" not in part:
        return depth
    for c in part:
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
    return depth


def _ref(lt: LText) -> PositionRef:
    q = None
    m = re.search(r"\(([^()]*)\)\s*$", lt.text)
    if m:
        q = m.group(1).strip() or None
    return PositionRef.of(lt, text=lt.text, qualifier=q)


def _assign(h: _LabelHit, jd: JobDescription) -> None:
    spec = h.match.spec
    if spec is None:
        return
    key = spec.key  # type: ignore[attr-defined]
    value = h.value.strip(" \t")
    if key == "title":
        jd.title = Text.from_lt(value.rstrip(" .")) if value.text else None
    elif key == "unit":
        jd.unit = Text.from_lt(value.rstrip(" .")) if value.text else None
    elif key == "purpose":
        jd.purpose = Text.from_lt(value) if value.text else None
    elif key == "manager":
        refs = split_refs(value) if fold(value.text).strip() not in _NONE_VALUES else []
        if value.text and not refs and key not in jd.none_fields:
            jd.none_fields.append(key)
        jd.manager = _ref(refs[0]) if len(refs) == 1 else (_ref(value.strip(" .")) if refs else None)
    elif key in ("substitutes", "substitutes_for", "direct_reports"):
        if fold(value.text).strip(" .") in _NONE_VALUES:
            if key == "direct_reports":
                jd.direct_reports_none = True
            if key not in jd.none_fields:
                jd.none_fields.append(key)
            return
        getattr(jd, key).extend(_ref(p) for p in split_refs(value))


# -- lists ---------------------------------------------------------------------------------------------

def _ends_terminal(lt: LText) -> bool:
    t = lt.text.rstrip()
    return bool(t) and t[-1] in _TERMINAL


def _logical_items(rows: list[Row], m: Matcher | None, drop_intros: bool = True) -> list[LText]:
    """Bulleted or line-per-item lists with wrapped lines, as one LText per item."""
    flat: list[tuple[Item, bool]] = []  # (item, blank line before)
    blank = False
    for r in rows:
        if r.blank:
            blank = True
            continue
        for it in r.items:
            flat.append((it, blank))
            blank = False
    bulleted = any(it.bullet for it, _ in flat)
    upper_style = _upper_style(flat)
    elems: list[list[LText]] = []
    for it, blank_before in flat:
        t = it.text
        if not t.text.strip():
            continue
        if not elems:
            elems.append([t])
            continue
        prev = elems[-1][-1]
        starts_lower = t.text[:1].islower()
        if it.bullet:
            if upper_style and starts_lower and not _ends_terminal(prev):
                elems[-1].append(t)  # a line the layout tore off its sentence
            else:
                elems.append([t])
        elif bulleted:
            elems[-1].append(t)
        elif _ends_terminal(prev) or (blank_before and not starts_lower and prev.text.rstrip()[-1:] in _TERMINAL):
            elems.append([t])
        else:
            elems[-1].append(t)
    out = [smart_join(e) for e in elems]
    if drop_intros:
        out = [o for o in out if not _is_intro(o, m)]
    return out


def _upper_style(flat: list[tuple[Item, bool]]) -> bool:
    firsts = [it.text.text[:1] for it, _ in flat if it.bullet and it.text.text[:1].isalpha()]
    return bool(firsts) and sum(1 for c in firsts if c.isupper()) > len(firsts) / 2


def _is_intro(lt: LText, m: Matcher | None) -> bool:
    t = lt.text.strip()
    if not t.endswith(":"):
        return False
    if m is not None and squash(t) in m.intros:
        return True
    return len(t.split()) <= 5


# -- duties --------------------------------------------------------------------------------------------

def _duties(rows: list[Row], m: Matcher, unassigned: list[Text] | None = None) -> list[Duty]:
    duties: list[dict] = []
    orphans: list[list[LText]] = []  # results that come before any duty
    state = {"phase": None, "items_bullet": None, "blank": False}

    def new_duty(num_m, text: LText, origin: LText):
        duties.append({"num": num_m, "origin": origin, "text": [text] if text.text else [], "items": [], "results": []})
        state["phase"] = "duty"
        state["items_bullet"] = None

    for r in rows:
        if r.blank:
            state["blank"] = True
            continue
        if len(r.cells) == 1 and len(r.items) <= 2 and squash(r.plain) in m.duty_headers:
            continue
        if len(r.cells) > 1 and all(squash(r.cell_plain(i)) in m.duty_headers for i in range(len(r.cells))
                                    if r.cell_plain(i).strip()):
            continue
        if len(r.cells) > 1:
            if not duties and not any(it.text.text.strip() for it in r.cells[0]):
                for cell in r.cells[1:]:
                    for it in cell:
                        if not it.text.text.strip():
                            continue
                        if it.bullet or not orphans:
                            orphans.append([it.text])
                        else:
                            orphans[-1].append(it.text)
            _duty_table_row(r, duties, new_duty)
            state["phase"] = "results"
            state["blank"] = False
            continue
        for it in r.items:
            if not duties and _DUTY_NUM.match(it.text.text) is None:
                if it.bullet:
                    orphans.append([it.text])
                elif orphans and it.text.text[:1].islower():
                    orphans[-1].append(it.text)
                continue
            _duty_text_item(it, duties, new_duty, state)
        state["blank"] = False
    if unassigned is not None:
        unassigned.extend(Text.from_lt(smart_join(o)) for o in orphans)
    out = []
    for d in duties:
        text = smart_join(d["text"]) if d["text"] else d["origin"][:0]
        num_lt: LText | None = d["num"]
        whole = LText.concat([num_lt, text], " ") if num_lt is not None and text.text else (num_lt or text)
        out.append(
            Duty.of(
                whole,
                number=num_lt.text if num_lt is not None else None,
                number_location=Located.of(num_lt) if num_lt is not None else None,
                text=text.text,
                items=[Text.from_lt(smart_join(x)) for x in d["items"]],
                results=[Text.from_lt(smart_join(x)) for x in d["results"]],
            )
        )
    return out


def _split_duty_number(t: LText) -> tuple[LText | None, LText]:
    mm = _DUTY_NUM.match(t.text)
    if not mm:
        return None, t
    return t[mm.start("num"):mm.end("num")], t[mm.end():].strip()


def _duty_table_row(r: Row, duties: list[dict], new_duty) -> None:
    first = [it for it in r.cells[0] if it.text.text.strip()]
    result_items = [it for cell in r.cells[1:] for it in cell if it.text.text.strip()]
    if first:
        num, text = _split_duty_number(first[0].text)
        if num is None and duties and first[0].text.text[:1].islower():
            duties[-1]["text"].append(first[0].text)
        else:
            new_duty(num, text, first[0].text)
        for it in first[1:]:
            if it.bullet:
                duties[-1]["items"].append([it.text])
            elif duties[-1]["items"]:
                duties[-1]["items"][-1].append(it.text)
            else:
                duties[-1]["text"].append(it.text)
    if not duties:
        return
    for it in result_items:
        res = duties[-1]["results"]
        if it.bullet or not res:
            res.append([it.text])
        else:
            res[-1].append(it.text)


def _duty_text_item(it: Item, duties: list[dict], new_duty, state: dict) -> None:
    t = it.text
    if not it.bullet:
        num, text = _split_duty_number(t)
        if num is not None:
            new_duty(num, text, t)
            return
    if not duties:
        return
    d = duties[-1]
    phase = state["phase"]
    starts_lower = t.text[:1].islower()

    def last_list():
        if phase == "items" and d["items"]:
            return d["items"][-1]
        if phase == "results" and d["results"]:
            return d["results"][-1]
        return d["text"]

    if it.bullet:
        prev = last_list()
        if phase == "duty" and d["text"] and re.search(r"(\bsh|:)\s*$", smart_join(d["text"]).text):
            state["phase"] = "items"
            state["items_bullet"] = it.bullet
            d["items"].append([t])
        elif phase == "items" and it.bullet == state["items_bullet"]:
            d["items"].append([t])
        elif phase in ("results", "items") and starts_lower and prev and not _ends_terminal(prev[-1]) \
                and phase == "results":
            prev.append(t)
        else:
            state["phase"] = "results"
            d["results"].append([t])
        return
    # unbulleted text
    if phase == "duty" and not state["blank"]:
        d["text"].append(t)
        return
    prev = last_list()
    if starts_lower or (prev and not _ends_terminal(prev[-1]) and not state["blank"]):
        prev.append(t)
        return
    if phase == "results" and d["results"] and not state["blank"] and not _ends_terminal(d["results"][-1][-1]):
        d["results"][-1].append(t)
        return
    state["phase"] = "results"
    d["results"].append([t])


# -- requirements and competencies ----------------------------------------------------------------

def _requirements(rows: list[Row], m: Matcher, jd: JobDescription) -> None:
    blocks: list[tuple[RequirementSpec | None, Match | None, LText | None, list[Row]]] = [(None, None, None, [])]
    for r in rows:
        if r.blank:
            blocks[-1][3].append(r)
            continue
        first = r.items[0].text if r.items else None
        if first is not None and not r.items[0].bullet:
            words = first.text.split()
            # a label stands alone on its line or before a colon: long sentences are not tried
            short = len(words) <= 7 or ":" in first.text[:80]
            match = m.requirement(words[:8]) if words and short else None
            if match is not None:
                label_lt = _take_words(first, match.n_words).rstrip(":")
                rest_first = first[len(label_lt.text):].strip().lstrip(":").strip()
                # a label is a line of its own, or is followed by ':' and its value
                after = first.text[len(label_lt.text):].lstrip()
                if not rest_first.text or after.startswith(":"):
                    spec: RequirementSpec = match.spec  # type: ignore[assignment]
                    new_rows: list[Row] = []
                    if rest_first.text or len(r.items) > 1:
                        items = ([Item(rest_first)] if rest_first.text else []) + r.items[1:]
                        new_rows.append(Row(r.line, [items]))
                    blocks.append((spec, match, label_lt, new_rows))
                    continue
        blocks[-1][3].append(r)
    req = jd.requirements
    for spec, match, label_lt, brows in blocks:
        if spec is None:
            continue
        jd.labels.append(
            Label.of(label_lt, key=f"requirements.{spec.key}", number=None, label=label_lt.text,
                     matched=match.variant, exact=match.exact, score=round(match.score, 1))
        )
        if spec.key == "competencies":
            jd.competencies.extend(_competencies(brows))
            continue
        if spec.key == "additional_competencies":
            _additional(brows, jd)
            continue
        para = _paragraph(brows)
        if para is None:
            continue
        if spec.key == "education":
            req.education = para
        elif spec.key == "experience":
            req.experience = para
        elif spec.key == "computer_skills":
            req.computer_skills = para
        elif spec.key == "languages":
            req.languages_text = para
            lt = smart_join([it.text for r in brows if not r.blank for it in r.items])
            req.languages.extend(languages.parse(lt))


def _take_words(lt: LText, n: int) -> LText:
    ms = list(_WORD.finditer(lt.text))
    if not ms:
        return lt[:0]
    return lt[: ms[min(n, len(ms)) - 1].end()]


def _is_name_item(it: Item) -> bool:
    t = it.text.text.strip()
    if not t.endswith(":") or it.bullet:
        return False
    words = t[:-1].split()
    return 0 < len(words) <= 4 and t[:1].isupper()


def _competencies(rows: list[Row]) -> list[Competency]:
    comps: list[Competency] = []
    groups: list[tuple[Item, list[Row]]] = []
    for r in rows:
        if r.blank:
            if groups:
                groups[-1][1].append(r)
            continue
        pending: list[Item] = []
        for it in r.items:
            if _is_name_item(it):
                if pending and groups:
                    groups[-1][1].append(Row(r.line, [pending]))
                pending = []
                groups.append((it, []))
            else:
                pending.append(it)
        if pending and groups:
            groups[-1][1].append(Row(r.line, [pending]))
    for name_item, grows in groups:
        name_lt = name_item.text.strip().rstrip(":").strip()
        inds = _logical_items(grows, None, drop_intros=False)
        whole_end = inds[-1] if inds else name_lt
        s0, s1 = name_lt.span(), whole_end.span()
        comps.append(
            Competency(
                line=s0.line, column=s0.column, end_line=s1.end_line, end_column=s1.end_column,
                name=name_lt.text, name_location=Located.of(name_lt),
                indicators=_texts(inds),
            )
        )
    return comps


_ADD_NAME = re.compile(r"^(?P<name>[^:]{2,120}?)\s*:\s*(?P<def>.*)$", re.S)


def _additional(rows: list[Row], jd: JobDescription) -> None:
    for lt in _logical_items(rows, None, drop_intros=False):
        mm = _ADD_NAME.match(lt.text)
        if not mm or len(mm.group("name").split()) > 10:
            jd.knowledge.append(Text.from_lt(lt))
            continue
        name_lt = lt[mm.start("name"):mm.end("name")].strip()
        qualifier = None
        qm = re.search(r"\s*(?:,\s*sh\b\s*(?P<sh>.+)|\((?P<par>[^()]+)\))\s*$", name_lt.text)
        if qm:
            qualifier = (qm.group("sh") or qm.group("par")).strip()
            name_lt = name_lt[: qm.start()].strip()
        defn = lt[mm.start("def"):mm.end("def")].strip()
        s0, s1 = name_lt.span(), lt.span()
        jd.additional_competencies.append(
            Competency(
                line=s0.line, column=s0.column, end_line=s1.end_line, end_column=s1.end_column,
                name=name_lt.text, name_location=Located.of(name_lt), qualifier=qualifier,
                indicators=[Text.from_lt(defn)] if defn.text else [],
            )
        )


# -- kind, OCR -----------------------------------------------------------------------------------------

def detect_kind(rows: list[Row], jd: JobDescription, terms: dict) -> None:
    scores: dict[str, int] = {}
    evidence: dict[str, list[Text]] = {}
    search = kind_search(terms)
    markers, held = search.markers, search.held
    # which markers each item of the first rows holds (kept by its text), then taken marker by marker
    found: list[list[tuple[Row, int]]] = [[] for _ in markers]
    for r in rows[:40]:
        # a marker an item holds is in its row's plain text too (squashed, that is the items' squashed
        # texts one after the other): the many rows without one are passed over by that text alone
        if r.blank or not held(r.plain):
            continue
        for j, t in enumerate(r.item_texts()):
            for mi in held(t):
                found[mi].append((r, j))
    for (kind, _), hits in zip(markers, found):
        for r, j in hits:
            scores[kind] = scores.get(kind, 0) + 3
            evidence.setdefault(kind, []).append(Text.from_lt(r.items[j].text.strip()))
    begins = search.begins
    heads = [(s, begins(s.heading)) for s in jd.sections] + [(lb, begins(lb.label)) for lb in jd.labels]
    for kind in terms:
        for obj, kinds in heads:
            if kind in kinds:
                scores[kind] = scores.get(kind, 0) + 1
                lt = Text(text=obj.heading if isinstance(obj, Section) else obj.label, line=obj.line,
                          column=obj.column, end_line=obj.end_line, end_column=obj.end_column)
                evidence.setdefault(kind, []).append(lt)
    if scores:
        best = max(scores.items(), key=lambda kv: kv[1])
        if list(scores.values()).count(best[1]) == 1:
            jd.kind = best[0]  # type: ignore[assignment]
            jd.kind_evidence = evidence.get(best[0], [])


#: whether a row's plain text has an OCR-like word, by the text
_OCR_ROWS: dict[str, bool] = {}


def ocr_evidence(rows: list[Row], jd: JobDescription) -> None:
    ev: list[Text] = []
    for s in jd.sections:
        if s.ocr_folded:
            ev.append(Text(text=s.heading, line=s.line, column=s.column, end_line=s.end_line, end_column=s.end_column))
    for lb in jd.labels:
        if lb.exact and lost_diacritics(lb.label, lb.matched):
            ev.append(Text(text=lb.label, line=lb.line, column=lb.column, end_line=lb.end_line,
                           end_column=lb.end_column))
    memo = _OCR_ROWS
    for r in rows:
        # most rows have nothing OCR-like (items are parts of the plain text). The word pattern tries a
        # match at every letter, so its answer is kept per row text: a template's rows recur
        ocr = memo.get(r.plain)
        if ocr is None:
            ocr = remember(memo, r.plain, bool(_DIGIT_OR_AT.search(r.plain) and _OCR_WORD.search(r.plain)))
        if not ocr:
            continue
        for it in r.items:
            if not _DIGIT_OR_AT.search(it.text.text):
                continue
            for mm in _OCR_WORD.finditer(it.text.text):
                w = mm.group(0)
                if _LEVEL_TOKEN.match(w) or any(c.isdigit() for c in w[:1]):
                    continue
                if len(ev) >= 40:
                    break
                ev.append(Text.from_lt(it.text[mm.start():mm.end()]))
    jd.info.ocr_evidence = ev
