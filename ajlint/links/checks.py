"""The resolved links of a set of documents and what is wrong with them.

:func:`links_for` resolves every reference of every document once (the eight link rules and
``ajlint graph`` share the result) and derives the breaks: substitutions stated on one side only
(AJ201), reporting lines stated on one side only (AJ205), cycles of the manager relation (AJ206),
positions nobody substitutes (AJ207), positions that name only themselves as substitute (AJ208).

Conclusions about what a list *lacks* are drawn only from lists the document states (a label, a value
or ``-``), and not from a list whose values were guessed from a scrambled layout (AJ004): a guess is
not evidence of absence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ajlint.links.index import FIELDS, Position, PositionIndex, Resolution, Resolver, expected_case, refs_of
from ajlint.links.units import parse_unit

if TYPE_CHECKING:
    from ajlint.document import Document

OPPOSITE = {"substitutes_for": "substitutes", "substitutes": "substitutes_for"}


@dataclass(eq=False)
class Break:
    """A link stated by ``a`` (its reference ``res``) that ``b`` does not confirm in its field ``b_field``."""

    kind: str  # substitution | manager
    a: int
    res: Resolution
    b: int
    b_field: str


@dataclass(eq=False)
class Links:
    docs: list["Document"]
    index: PositionIndex
    complete: bool
    resolutions: list[dict[str, list[Resolution]]] = field(default_factory=list)
    breaks: list[Break] = field(default_factory=list)
    cycles: list[list[int]] = field(default_factory=list)
    incoming_substitution: list[int] = field(default_factory=list)  # per document: Keda asendab pointing at it

    def reported(self, status: str):
        """(document, field, resolution) of every reference with this status in the documents reported on."""
        for i, doc in enumerate(self.docs):
            if doc.report:
                for key, rs in self.resolutions[i].items():
                    for r in rs:
                        if r.status == status:
                            yield doc, key, r

    def position(self, i: int) -> Position | None:
        return self.index.positions[i]

    def states(self, i: int, key: str) -> bool:
        """The document states the field: a label, a value, or a value written as none."""
        jd = self.docs[i].model
        if refs_of(jd, key) or key in jd.none_fields:
            return True
        if key == "direct_reports" and jd.direct_reports_none:
            return True
        return any(lb.key == key for lb in jd.labels)

    def guessed(self, i: int, key: str) -> bool:
        return any(key in g.fields for g in self.docs[i].model.layout_guesses)

    def confirms(self, i: int, key: str, other: int) -> bool:
        """Document ``i``'s field ``key`` names document ``other`` (or may: an ambiguous reference of
        that title)."""
        other_pos = self.index.positions[other]
        for r in self.resolutions[i].get(key, []):
            if r.status == "resolved" and other in r.target_indexes:
                return True
            if r.status == "ambiguous" and (any(c.index == other for c in r.candidates) or (
                    other_pos is not None and r.key == other_pos.key)):
                return True
        return False


def build_links(docs: list["Document"], corpus_complete: bool = False) -> Links:
    index = PositionIndex(docs)
    resolver = Resolver(index, corpus_complete)
    links = Links(docs, index, corpus_complete)
    # the case of each field, by profile (by id: the documents keep their profiles alive): a set has a
    # few profiles, and looking a field up in one is a scan of its fields
    cases: dict[int, list[tuple[str, str]]] = {}
    for i, doc in enumerate(docs):
        jd = doc.model
        pos = index.positions[i]
        unit = pos.unit if pos is not None else parse_unit(jd.unit.text if jd.unit is not None else None)
        fields = cases.get(id(doc.profile))
        if fields is None:
            fields = cases[id(doc.profile)] = [(key, expected_case(doc.profile, key)) for key in FIELDS]
        per: dict[str, list[Resolution]] = {}
        for key, case in fields:
            per[key] = [resolver.resolve(pos, unit, key, ref, case) for ref in refs_of(jd, key)]
        links.resolutions.append(per)
    _breaks(links)
    _cycles(links)
    _incoming(links)
    return links


def _breaks(links: Links) -> None:
    for a, per in enumerate(links.resolutions):
        for key in ("substitutes_for", "substitutes"):
            if links.guessed(a, key):
                continue
            other = OPPOSITE[key]
            for r in per[key]:
                if r.status != "resolved":
                    continue
                for b in sorted(r.target_indexes):
                    if b == a or not links.states(b, other) or links.guessed(b, other):
                        continue
                    if not links.confirms(b, other, a):
                        links.breaks.append(Break("substitution", a, r, b, other))
        # the manager named here must list this position among its direct reports
        if not links.guessed(a, "manager"):
            for r in per["manager"]:
                if r.status != "resolved":
                    continue
                for b in sorted(r.target_indexes):
                    if b == a or not links.states(b, "direct_reports") or links.guessed(b, "direct_reports"):
                        continue
                    if not links.confirms(b, "direct_reports", a):
                        links.breaks.append(Break("manager", a, r, b, "direct_reports"))
        # each direct report listed here must name this position as its manager
        if not links.guessed(a, "direct_reports"):
            for r in per["direct_reports"]:
                if r.status != "resolved":
                    continue
                for b in sorted(r.target_indexes):
                    if b == a or not links.states(b, "manager") or links.guessed(b, "manager"):
                        continue
                    if not links.confirms(b, "manager", a):
                        links.breaks.append(Break("manager", a, r, b, "manager"))


def manager_of(links: Links, i: int) -> int | None:
    """The one document the manager reference of document ``i`` resolves to (itself for 'self')."""
    for r in links.resolutions[i].get("manager", []):
        if r.status == "self":
            return i
        if r.status == "resolved" and len(r.targets) == 1:
            return r.targets[0].index
    return None


def _cycles(links: Links) -> None:
    """Cycles of the manager relation (each document has at most one manager: linear time)."""
    n = len(links.docs)
    nxt = [manager_of(links, i) for i in range(n)]
    state = [0] * n  # 0 unseen, 1 on the current walk, 2 done
    for start in range(n):
        if state[start]:
            continue
        walk: list[int] = []
        on_walk: dict[int, int] = {}
        v: int | None = start
        while v is not None and state[v] == 0:
            state[v] = 1
            on_walk[v] = len(walk)
            walk.append(v)
            v = nxt[v]
        if v is not None and state[v] == 1 and v in on_walk:
            links.cycles.append(walk[on_walk[v]:])
        for w in walk:
            state[w] = 2


def _incoming(links: Links) -> None:
    inc = [0] * len(links.docs)
    for a, per in enumerate(links.resolutions):
        for r in per["substitutes_for"]:
            if r.status == "resolved":
                for b in r.target_indexes:
                    if b != a:
                        inc[b] += 1
    links.incoming_substitution = inc


# -- one computation per run, shared by the rules -------------------------------------------------------

_LAST: list[tuple[tuple, bool, Links]] = []


def links_for(docs: list["Document"], corpus_complete: bool = False) -> Links:
    """The links of ``docs`` (cached for the same list of documents: every link rule asks for it)."""
    ids = tuple(id(d) for d in docs)
    for key, complete, links in _LAST:
        if complete == corpus_complete and key == ids and all(x is y for x, y in zip(links.docs, docs)):
            return links
    links = build_links(list(docs), corpus_complete)
    _LAST[:] = [(ids, corpus_complete, links)] + _LAST[:1]
    return links


def anchor(doc: "Document", key: str) -> Any:
    """Where to report about a document's field as a whole: its label, else its first value, else the
    title, else the first line."""
    jd = doc.model
    for lb in jd.labels:
        if lb.key == key:
            return lb
    refs = refs_of(jd, key)
    if refs:
        return refs[0]
    return jd.title if jd.title is not None else 1


def line_of(where: Any) -> int:
    return where if isinstance(where, int) else getattr(where, "line", 1)


def label_name(doc: "Document", key: str) -> str:
    """The field's label in the document's profile ('Kes asendab', 'Teenistuja asendaja', 'Allub')."""
    prof = doc.profile
    spec = prof.field(key) if prof is not None else None
    if spec is not None and spec.labels:
        return spec.labels[0]
    return {"manager": "Vahetu juht", "substitutes": "Kes asendab", "substitutes_for": "Keda asendab",
            "direct_reports": "Vahetud alluvad"}[key]


def title_of(doc: "Document") -> str:
    jd = doc.model
    return jd.title.text if jd is not None and jd.title is not None else doc.path
