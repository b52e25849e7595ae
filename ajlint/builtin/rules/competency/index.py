"""The catalog turned into what matching needs, built once per catalog (module-level cache).

* every approved sentence tokenized, with its exact keys (clean and OCR) for a dictionary lookup —
  the fast path that settles almost every sentence of a document;
* per competency (per set for the core ones) the list of its approved sentences, folded, for a
  rapidfuzz ``extractOne`` over that short list only;
* the names, folded, for rapidfuzz over the names;
* the manager signals compiled to regular expressions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

from ajlint.builtin.rules.competency.data import CompetencyCatalog, CompetencySignals, Matching, catalog, signals
from ajlint.builtin.rules.competency.textmatch import (
    Tok,
    clean_key,
    noise_equal,
    norm,
    ocr_key,
    sentences,
    tokenize,
)
from ajlint.textnorm import fold, ocr_fold

CORE = "core"
ADDITIONAL = "additional"


@dataclass
class Approved:
    """One approved sentence."""

    text: str
    toks: list[Tok]
    folded: str
    owner: str  # "Kliendikesksus (juht)" — where it belongs, for messages


@dataclass
class Entry:
    """A competency of the catalog: a core competency of one set, or a menu entry."""

    name: str
    kind: str
    set_key: str | None
    sentences: list[Approved] = field(default_factory=list)
    exact: set[str] = field(default_factory=set)
    clean: dict[str, Approved] = field(default_factory=dict)
    ocr: dict[str, Approved] = field(default_factory=dict)
    folded: list[str] = field(default_factory=list)


@dataclass
class NameMatch:
    name: str | None  # the catalog name it resolves to (None: not in the catalog)
    kind: str | None
    exact: bool  # written as in the catalog (also: only OCR damage)
    score: float
    suggestion: str | None
    unambiguous: bool


def _approved(text: str, owner: str) -> list[Approved]:
    toks = tokenize(text)
    out = []
    for a, b in sentences(toks):
        s = text[toks[a].start:toks[b - 1].end]
        out.append(Approved(s, tokenize(s), ocr_fold(norm(s)), owner))
    return out


def _fill(entry: Entry, texts: list[str], owner: str) -> None:
    for t in texts:
        for ap in _approved(t, owner):
            entry.sentences.append(ap)
            entry.exact.add(" ".join(ap.text.split()))
            entry.clean.setdefault(clean_key(ap.toks), ap)
            entry.ocr.setdefault(ocr_key(ap.toks), ap)
    entry.folded = [ap.folded for ap in entry.sentences]


class CatalogIndex:
    def __init__(self, cat: CompetencyCatalog, sig: CompetencySignals):
        self.catalog = cat
        self.matching: Matching = cat.matching or Matching()
        self.sets: dict[str, dict[str, Entry]] = {}
        self.set_manager: dict[str, bool] = {}
        self.set_label: dict[str, str] = {}
        self.additional: dict[str, Entry] = {}
        self.kind_of: dict[str, str] = {}
        # exact sentence key → where it is approved (for "this sentence belongs elsewhere")
        self.where: dict[str, list[Approved]] = {}
        #: comparisons of written texts with the catalog, kept for the run (see analysis._analyse)
        self.memo: dict[tuple, list] = {}
        for key, s in cat.sets.items():
            self.set_manager[key] = bool(s.manager)
            self.set_label[key] = s.label or key
            entries: dict[str, Entry] = {}
            for c in s.competencies:
                e = Entry(c.name, CORE, key)
                _fill(e, c.indicators, f"{c.name} ({s.label or key})")
                entries[c.name] = e
                self.kind_of.setdefault(c.name, CORE)
            self.sets[key] = entries
        for a in cat.additional:
            e = Entry(a.name, ADDITIONAL, None)
            _fill(e, [a.definition], a.name)
            self.additional[a.name] = e
            self.kind_of.setdefault(a.name, ADDITIONAL)
        for e in self.entries():
            for ap in e.sentences:
                lst = self.where.setdefault(clean_key(ap.toks), [])
                if ap.owner not in (x.owner for x in lst):
                    lst.append(ap)
        self.names: list[str] = list(self.kind_of)
        self.names_folded: list[str] = [fold(n) for n in self.names]
        self._by_norm = {norm(n): n for n in self.names}
        self._by_fold = {}
        for n in self.names:
            self._by_fold.setdefault(fold(n), n)
        # names in every set are not evidence of which set a document uses
        all_sets = [set(v) for v in self.sets.values()]
        common = set.intersection(*all_sets) if all_sets else set()
        self.exclusive: dict[str, set[str]] = {k: set(v) - common for k, v in self.sets.items()}
        self._signals(sig)

    def entries(self):
        for s in self.sets.values():
            yield from s.values()
        yield from self.additional.values()

    # -- names ---------------------------------------------------------------------------------------
    def match_name(self, written: str, ocr: bool) -> NameMatch:
        w = written.strip()
        exact = self._by_norm.get(norm(w))
        if exact is not None:
            return NameMatch(exact, self.kind_of[exact], True, 100.0, None, True)
        if ocr:
            for n in self.names:
                if noise_equal(n, w):
                    return NameMatch(n, self.kind_of[n], True, 100.0, None, True)
        if not self.names:
            return NameMatch(None, None, False, 0.0, None, False)
        folded = ocr_fold(w) if ocr else fold(w)
        best = process.extract(folded, self.names_folded, scorer=fuzz.ratio, limit=2)
        top_i, top = best[0][2], best[0][1]
        runner = best[1][1] if len(best) > 1 else 0.0
        name = self.names[top_i]
        m = self.matching
        unambiguous = top - runner >= m.name_margin
        if top >= m.name_min_score:
            return NameMatch(name, self.kind_of[name], False, top, name, unambiguous)
        if top >= m.name_suggest_score:
            return NameMatch(None, None, False, top, name, False)
        return NameMatch(None, None, False, top, None, False)

    # -- sentences -----------------------------------------------------------------------------------
    def candidates(self, name: str, used_set: str | None) -> list[Entry]:
        """The entries whose sentences a written competency ``name`` is compared with."""
        if name in self.additional and self.kind_of.get(name) == ADDITIONAL:
            return [self.additional[name]]
        if used_set is not None and name in self.sets.get(used_set, {}):
            return [self.sets[used_set][name]]
        return [s[name] for s in self.sets.values() if name in s]

    # -- manager signals -----------------------------------------------------------------------------
    def _signals(self, sig: CompetencySignals) -> None:
        self.signals = sig
        alts = []
        gap = rf"(?:\s+\S+){{0,{sig.max_gap_words}}}"
        for phrase in sig.duty_phrases:
            body = ""
            for wd in phrase.split():
                if wd == "*":
                    body += gap
                else:
                    body += (r"\s+" if body else "") + re.escape(fold(wd))
            if body:
                alts.append(body)
        self.duty_rx = [re.compile(r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)")] if alts else []
        self.title_words = tuple(fold(w) for w in sig.title_words if w.strip())
        self.title_exceptions = frozenset(fold(w).replace(" ", "") for w in sig.title_exceptions)


_INDEX: dict[tuple, CatalogIndex] = {}


def get_index(catalog_paths: tuple[Path, ...] = (), signals_path: Path | None = None) -> CatalogIndex:
    key = (catalog_paths, signals_path)
    idx = _INDEX.get(key)
    if idx is None:
        idx = CatalogIndex(catalog(catalog_paths), signals(signals_path))
        _INDEX[key] = idx
    return idx
