"""The position index over a set of documents and the resolution of references against it.

A position is identified by its title and its unit. The index is built in one pass over the documents:
dictionaries keyed by (title key, unit prefix) for every level, so that resolving a reference costs a
few dictionary look-ups, never a scan of all documents (time linear in the number of documents and
references).

Resolution of a reference from position A, written in the field's case (``Keda asendab`` partitive):

1. The reference is read through the inflection model (:mod:`ajlint.links.inflection`); its base title
   is the first candidate lemma that names a position of the set (or a generic unit head).
2. A generic unit-head title (``talituse juhataja``, ``tiimijuht``; the words are data) means the head of
   A's own unit of that level — or, when A is itself such a head, a sibling head under the same parent.
3. A's own title (``koordinaator`` in a coordinator's document) means A's own position ("self"); written
   as ``teine koordinaator`` it means another holder of it.
4. Otherwise the closest positions of that title win: the same unit (team), then the same talitus,
   then the same osakond, then anywhere; at each level the positions on A's own line of the organisation
   (A's unit, the units above it, the units inside it) before those of sibling branches. Several
   positions at the best level is an ambiguity, not a guess (a plural reference takes them all). A
   parenthesised qualifier naming a unit (``juhtivspetsialist (lastemaja)``) picks among them first.
5. With ``corpus_complete`` False (the default: the set may be a part of the organisation) positions of
   sibling branches are not taken as referents — the referent in A's own branch may just be missing
   from the set — unless the title names their unit (``Lastemaja talituse juhataja``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING, Any, Iterable

from ajlint.links.inflection import NOM, PART, RefForm, guesses, read_ref, strip_qualifier, title_key
from ajlint.links.units import Unit, depth, head_level, level_names, named_head, parse_unit
from ajlint.textnorm import squash

if TYPE_CHECKING:
    from ajlint.document import Document
    from ajlint.model import JobDescription, PositionRef

FIELDS = ("manager", "substitutes", "substitutes_for", "direct_reports")
DEFAULT_CASE = {"manager": NOM, "substitutes": NOM, "substitutes_for": PART, "direct_reports": NOM}
NAME_MIN = 5  # a unit name shorter than this does not count as named in a title


def expected_case(profile: Any, key: str) -> str:
    spec = profile.field(key) if profile is not None else None
    case = getattr(spec, "case", None) if spec is not None else None
    return case or DEFAULT_CASE.get(key, NOM)


def refs_of(jd: "JobDescription", key: str) -> list["PositionRef"]:
    if key == "manager":
        return [jd.manager] if jd.manager is not None else []
    return list(getattr(jd, key))


def fill_titles(jd: "JobDescription", profile: Any = None) -> None:
    """Fill ``PositionRef.title`` (the nominative base form) of every reference of the general part."""
    for key in FIELDS:
        case = expected_case(profile, key)
        for ref in refs_of(jd, key):
            try:
                ref.title = read_ref(ref.text).title(case)
            except Exception:  # never let an odd reference break reading the document
                ref.title = None


@dataclass(eq=False)
class Position:
    """One document as a position of the organisation."""

    index: int  # of the document in the set
    doc: Any
    title: str  # as written, qualifier included
    base: str  # without the qualifier
    key: str
    qualifier: str | None
    unit: Unit
    head: int | None  # the unit level it heads, if its title says so
    named: bool  # its title starts with the name of its own unit ('Lastemaja talituse juhataja')

    ident: tuple = ()  # the position's identity: title key and unit

    def __post_init__(self) -> None:
        self.ident = (self.key, self.unit.path, self.unit.root)

    @property
    def path(self) -> tuple[str | None, ...]:
        return self.unit.path

    def label(self) -> str:
        return f"{self.title} ({self.doc.path})"


@dataclass(eq=False)
class Resolution:
    field: str
    ref: Any  # the PositionRef
    form: RefForm
    title: str  # the normalised base title
    key: str
    status: str = "unresolved"  # resolved | self | ambiguous | unresolved
    targets: list[Position] = field(default_factory=list)
    candidates: list[Position] = field(default_factory=list)  # one per position, when ambiguous
    count: int = 0  # how many positions matched equally well (ambiguous)
    elsewhere: list[Position] = field(default_factory=list)  # sibling-branch positions not taken (partial set)
    plural: bool = False
    other_holder: bool = False
    how: str = ""  # where it was found: unit, talitus, osakond, organisation, head, sibling head, qualifier

    @property
    def target_indexes(self) -> set[int]:
        return {p.index for p in self.targets}


class _Groups:
    """Positions grouped by identity (title + unit), in insertion order."""

    __slots__ = ("by_ident", "by_prefix")

    def __init__(self, by_ident: dict[tuple, list[Position]] | None = None) -> None:
        self.by_ident: dict[tuple, list[Position]] = {} if by_ident is None else by_ident
        self.by_prefix: dict[tuple, dict[tuple, list[Position]]] | None = None  # built by closest()

    def add(self, p: Position) -> None:
        self.by_ident.setdefault(p.ident, []).append(p)

    def __len__(self) -> int:
        return len(self.by_ident)

    def closest(self, path: tuple) -> "_Groups":
        """The groups whose unit path shares the longest prefix with ``path``, in insertion order.

        The same as scoring every position by the length of its path's common prefix with ``path`` and
        keeping the best, but a reference costs a few look-ups by the prefixes of ``path``, not a score
        per position (the positions of a group share their path). The table is built on the first call:
        the groups must be complete by then."""
        table = self.by_prefix
        if table is None:
            table = self.by_prefix = {}
            for ident, ps in self.by_ident.items():
                unit_path = ident[1]
                for n in range(len(unit_path) + 1):
                    table.setdefault(unit_path[:n], {})[ident] = ps
        for n in range(len(path), -1, -1):
            got = table.get(path[:n])
            if got is not None:
                return _Groups(got)
        return _Groups()


class PositionIndex:
    """Every position of the set, indexed by title key and unit prefix."""

    def __init__(self, docs: list["Document"]):
        self.docs = docs
        self.n_levels = depth()
        self.positions: list[Position | None] = []
        self.prefix: dict[tuple, _Groups] = {}  # (key, path[:n]) → positions under that prefix
        self.direct: dict[tuple, _Groups] = {}  # (key, path[:n]) → positions directly in that unit
        self.named_prefix: dict[tuple, _Groups] = {}  # as prefix, only positions whose title names their unit
        self.heads_unit: dict[tuple, _Groups] = {}  # (level, path[:level+1]) → heads of that unit
        self.heads_pre: dict[tuple, _Groups] = {}  # (level, path[:k]) for k <= level → heads of units below
        self.heads_pre_named: dict[tuple, _Groups] = {}  # the same, heads whose title names their unit
        self.heads_named: dict[tuple, _Groups] = {}  # (level, unit name, path[:k]) → heads of units so named
        self.qual: dict[tuple, _Groups] = {}  # (key, unit or qualifier key) → positions
        self.keys: set[str] = set()
        self._titles: dict[str, tuple[str, str | None, str, int | None]] = {}  # title → base, qualifier, key, head
        for i, doc in enumerate(docs):
            p = self._position(i, doc)
            self.positions.append(p)
            if p is not None:
                self._add(p)

    def _position(self, i: int, doc: "Document") -> Position | None:
        jd = doc.model
        if jd is None or jd.title is None or not jd.title.text.strip():
            return None
        title = jd.title.text
        # a set's documents share a few dozen titles: each is read once
        got = self._titles.get(title)
        if got is None:
            base, qual = strip_qualifier(title)
            key = title_key(base)
            got = self._titles[title] = (base, qual, key, head_level(key, exact=False))
        base, qual, key, head = got
        if not key:
            return None
        unit = parse_unit(jd.unit.text if jd.unit is not None else None)
        named = any(len(nm) >= NAME_MIN and key.startswith(nm) for nm in unit.names)
        return Position(i, doc, title, base, key, qual, unit, head, named)

    def _add(self, p: Position) -> None:
        key, path, named, n_lv = p.key, p.path, p.named, self.n_levels
        self.keys.add(key)
        # the levels the unit names: the position sits directly in path[:n] for every n from there on
        known = n_lv
        while known and path[known - 1] is None:
            known -= 1
        for n in range(n_lv + 1):
            k = (key, path[:n])
            _group(self.prefix, k).add(p)
            if named:
                _group(self.named_prefix, k).add(p)
            if known <= n < n_lv:
                _group(self.direct, k).add(p)
        if p.head is not None:
            lv = p.head
            _group(self.heads_unit, (lv, path[: lv + 1])).add(p)
            name = p.unit.level_names[lv] if lv < len(p.unit.level_names) else None
            for k in range(lv + 1):
                pre = path[:k]
                _group(self.heads_pre, (lv, pre)).add(p)
                if named:
                    _group(self.heads_pre_named, (lv, pre)).add(p)
                if name:
                    _group(self.heads_named, (lv, name, pre)).add(p)
        tokens = set(p.unit.names)
        if p.qualifier:
            tokens.add(squash(p.qualifier))
        for t in tokens:
            if t:
                _group(self.qual, (key, t)).add(p)

    def has(self, key: str) -> bool:
        return key in self.keys


class Resolver:
    def __init__(self, index: PositionIndex, corpus_complete: bool = False):
        self.index = index
        self.complete = corpus_complete
        #: what a reference text says in a case, against this index: the references of a set name the
        #: same few positions again and again (a few hundred texts for thousands of references)
        self._read: dict[tuple[str, str], tuple[RefForm, str, str, bool, int | None]] = {}

    def read(self, text: str, case: str) -> tuple[RefForm, str, str, bool, int | None]:
        """``(form, title as reported, key, plural, level of the generic head it names)``."""
        got = self._read.get((text, case))
        if got is None:
            form = read_ref(text)
            title, key, plural = self._choose(form, case)
            shown = f"{title} ({form.qualifier})" if form.qualifier else title
            got = self._read[(text, case)] = (form, shown, key, plural, head_level(key, exact=True))
        return got

    # -- choosing the base title ------------------------------------------------------------------
    def _choose(self, form: RefForm, case: str) -> tuple[str, str, bool]:
        """(title, key, plural) of the reference: the first lemma the set knows, else the preferred one."""
        lemmas = form.lemmas(case)
        for title, plural, _ in lemmas:
            k = title_key(title)
            if self.index.has(k) or head_level(k, exact=True) is not None:
                return title, k, plural
        if not form.analyses and lemmas:
            k0 = title_key(lemmas[0][0])
            for g in guesses(k0):
                if self.index.has(g):
                    # a form of a title the set knows: keep the words as written up to the stem
                    return lemmas[0][0][: len(lemmas[0][0]) - (len(k0) - len(g))], g, False
        if lemmas:
            return lemmas[0][0], title_key(lemmas[0][0]), lemmas[0][1]
        return form.head, title_key(form.head), False

    # -- resolution -------------------------------------------------------------------------------
    def resolve(self, src: Position | None, src_unit: Unit, fieldname: str, ref: Any, case: str) -> Resolution:
        form, title, key, plural, level = self.read(ref.text, case)
        res = Resolution(fieldname, ref, form, title, key, plural=plural, other_holder=form.other_holder)
        if not key:
            return res
        src_key = src.key if src is not None else None
        path = src_unit.path
        has_unit = src_unit.root or any(x is not None for x in path)
        if level is not None and has_unit and src is not None and src.head == level:
            # a unit head naming the generic head title of its own level: a sibling head (a unit has one)
            self._deictic(res, src, src_key, path, level)
            return res
        if key == src_key:
            res.status, res.how = "self", "own title"
            return res
        if level is not None and has_unit:
            self._deictic(res, src, src_key, path, level)
            return res
        if not self.index.has(key) and level is None:
            # 'Lastemaja talituse juhataja' for a document titled 'Talituse juhataja' in lastemaja talitus
            nh = named_head(key)
            if nh is not None:
                lv, name = nh
                own = {src.ident} if src is not None else set()
                for k in range(min(lv, _lead(path)), -1, -1):
                    g = self.index.heads_named.get((lv, name, path[:k]))
                    if g is not None and self._decide_groups(res, g, "named head", own):
                        return res
        if form.qualifier:
            q = squash(form.qualifier)
            groups = self.index.qual.get((key, q))
            if groups is not None and len(groups):
                if len(groups) <= 50:
                    # the closest positions first: the longest common unit prefix
                    self._decide_groups(res, groups.closest(src.path) if src is not None else groups, "qualifier")
                else:
                    self._decide_groups(res, groups, "qualifier")
                if res.status != "unresolved":
                    return res
        self._generic(res, src, path, src_unit.root)
        return res

    def _deictic(self, res: Resolution, src: Position | None, src_key: str | None, path: tuple, level: int) -> None:
        idx = self.index
        src_head = src.head if src is not None else None
        own_unit = idx.heads_unit.get((level, path[: level + 1])) if path[level] is not None else None
        own = set(own_unit.by_ident) if own_unit is not None else set()
        if src is not None:
            own.add(src.ident)
        parent = idx.heads_pre.get((level, path[:level]))
        if src_head == level:
            # a head naming the heads of its level: a sibling under the same parent unit
            if self.complete:
                if parent is not None:
                    self._decide_groups(res, parent, "sibling head", own)
                return
            named = idx.heads_pre_named.get((level, path[:level]))
            if named is not None and self._decide_groups(res, named, "sibling head", own):
                return
            res.elsewhere = _first(parent, own)
            return
        if path[level] is not None:
            # the head of the position's own unit of that level
            if own_unit is None or not self._decide_groups(res, own_unit, "head", {src.ident} if src else set()):
                res.elsewhere = _first(parent, own)
            return
        # the position is above that level: one of the heads of the units below it
        below = idx.heads_pre.get((level, path[: _lead(path[:level])]))
        if below is not None:
            self._decide_groups(res, below, "head", {src.ident} if src else set())

    def _generic(self, res: Resolution, src: Position | None, path: tuple, root: bool) -> None:
        idx = self.index
        key = res.key
        n_lv = idx.n_levels
        elsewhere: list[Position] = []
        for n in range(n_lv, -1, -1):
            pre = path[:n]
            if n == n_lv:
                inline = idx.prefix.get((key, pre))
                cousins = None
            elif root or path[n] is None:
                if n > 0 and path[n - 1] is None and any(x is not None for x in path[:n]):
                    continue
                inline = idx.prefix.get((key, pre))
                cousins = None
            else:
                inline = idx.direct.get((key, pre))
                # every position under this prefix that is neither directly in it nor under the deeper
                # prefix (already searched, empty) sits in a sibling branch
                whole = idx.prefix.get((key, pre))
                cousins = whole if whole is not None and (inline is None or len(whole) > len(inline)) else None
            how = "unit" if n == n_lv else (level_names()[n - 1] if n > 0 else "organisation")
            if inline is not None and len(inline):
                self._decide_groups(res, inline, how)
                return
            if cousins is not None:
                cousin_groups = _minus(cousins, inline)
                if self.complete:
                    if cousin_groups:
                        self._decide_groups(res, cousin_groups, how)
                        return
                else:
                    named = idx.named_prefix.get((key, pre))
                    named_groups = _minus(named, inline) if named is not None else None
                    if named_groups:
                        self._decide_groups(res, named_groups, how)
                        return
                    if cousin_groups:
                        for ps in islice(cousin_groups.by_ident.values(), 5):
                            if len(elsewhere) < 5 and all(ps[0].ident != e.ident for e in elsewhere):
                                elsewhere.append(ps[0])
        res.elsewhere = elsewhere

    def _decide_groups(self, res: Resolution, groups: _Groups, how: str, exclude: set | None = None) -> bool:
        """Resolve to the positions of ``groups`` (but ``exclude``): one position, or all for a plural
        reference; several is an ambiguity. False when nothing is left. Costs O(len(exclude) + 10)
        unless the reference is plural (then its targets are all of them)."""
        by = groups.by_ident
        ex = [e for e in exclude if e in by] if exclude else []
        n = len(by) - len(ex)
        if n <= 0:
            return False
        items = (ps for ident, ps in by.items() if ident not in ex) if ex else iter(by.values())
        if n == 1 or res.plural:
            res.status, res.how = "resolved", how
            res.targets = [p for ps in items for p in ps]
        else:
            res.status, res.how = "ambiguous", how
            res.count = n
            res.candidates = [ps[0] for ps in islice(items, 10)]
        return True


def _group(table: dict[tuple, _Groups], key: tuple) -> _Groups:
    """``table[key]``, a new empty group first if there is none (no group built just to be dropped)."""
    g = table.get(key)
    if g is None:
        g = table[key] = _Groups()
    return g


def _lead(path: tuple) -> int:
    """How many leading levels of ``path`` are known."""
    n = 0
    for x in path:
        if x is None:
            break
        n += 1
    return n


def _first(groups: _Groups | None, exclude: set, n: int = 5) -> list[Position]:
    if groups is None:
        return []
    return [ps[0] for ps in islice((ps for i, ps in groups.by_ident.items() if i not in exclude), n)]


def _minus(whole: _Groups | None, part: _Groups | None) -> _Groups | None:
    if whole is None:
        return None
    if part is None or not len(part):
        return whole
    g = _Groups()
    for ident, ps in whole.by_ident.items():
        if ident not in part.by_ident:
            g.by_ident[ident] = ps
    return g if len(g) else None


def iter_refs(doc: "Document") -> Iterable[tuple[str, Any]]:
    jd = doc.model
    for key in FIELDS:
        for ref in refs_of(jd, key):
            yield key, ref
