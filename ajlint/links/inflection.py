"""A compact Estonian inflection model for job titles, driven by ``rules/inflection.toml``.

Only the last word of a title inflects; it is analysed by the longest ending of the form table that
it ends with. The table holds every form of every listed noun (``juht``: ``juhi``, ``juhti``, ``juhile``,
``juhid``, ``juhte``, ``juhtidele`` …) and of every ending pattern (``…ja``: ``…jat``, ``…jale`` …), so an
analysis is a handful of dictionary look-ups. Matching is diacritic- and OCR-insensitive (``fold``), and
the base form is rebuilt from the data, so ``nounikku`` becomes ``nõunik``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ajlint.linememo import remember
from ajlint.links.data import inflection
from ajlint.textnorm import fold, squash

NOM, GEN, PART, ALL = "nominative", "genitive", "partitive", "allative"
CASES = (NOM, GEN, PART, ALL)


@dataclass(frozen=True)
class Form:
    """One entry of the form table: a word ending in ``ending`` is ``case`` of a lemma ending in
    ``base`` (the word with ``ending`` replaced by ``base``)."""

    ending: str  # as in the data (with diacritics)
    base: str
    case: str
    plural: bool
    certain: bool  # a listed noun (True) or an ending pattern (False)
    min_stem: int
    source: str  # the noun's nominative or the pattern's ending: forms of one paradigm share it


@dataclass(frozen=True)
class Analysis:
    lemma: str  # the word's singular nominative, cased like the word
    case: str
    plural: bool
    certain: bool
    source: str
    stem: str  # the part of the word before the analysed ending (as written)


@dataclass(frozen=True)
class Paradigm:
    source: str
    certain: bool
    forms: dict[tuple[str, bool], str]  # (case, plural) → ending replacing ``base``
    base: str


class Model:
    """The form table built once from the data."""

    def __init__(self) -> None:
        data = inflection()
        self.data = data
        self.table: dict[str, list[Form]] = {}
        self.paradigms: dict[str, Paradigm] = {}
        for n in data.nouns:
            self._add("n:" + n.nominative, n.nominative, self._forms(n.nominative, n), True, 0)
        for p in data.patterns:
            self._add("p:" + p.ending, p.ending, self._forms(p.ending, p), False, p.min_stem)
        self.max_ending = max((len(k) for k in self.table), default=0)
        self.guess_endings = tuple(sorted({fold(e) for e in data.cases.guess_endings if e}, key=len, reverse=True))
        self.other_holder = frozenset(fold(w) for w in data.references.other_holder)

    def _forms(self, nominative: str, entry) -> dict:
        """The case forms of a noun or an ending pattern: the allative and the plural nominative are
        built on the genitive, as Estonian builds them."""
        all_, pl = self.data.cases.allative, self.data.cases.plural
        forms = {
            (NOM, False): nominative, (GEN, False): entry.genitive, (PART, False): entry.partitive,
            (ALL, False): entry.genitive + all_, (NOM, True): entry.genitive + pl,
        }
        if entry.plural_partitive:
            forms[(PART, True)] = entry.plural_partitive
        if entry.plural_genitive:
            forms[(GEN, True)] = entry.plural_genitive
            forms[(ALL, True)] = entry.plural_genitive + all_
        return forms

    def _add(self, source: str, base: str, forms: dict, certain: bool, min_stem: int) -> None:
        self.paradigms[source] = Paradigm(source, certain, dict(forms), base)
        for (case, plural), ending in forms.items():
            self.table.setdefault(fold(ending), []).append(
                Form(ending, base, case, plural, certain, min_stem, source))

    # -- analysis ---------------------------------------------------------------------------------
    def analyse(self, word: str) -> tuple[Analysis, ...]:
        return _analyse(self, word)

    def inflect(self, analysis: Analysis, case: str, plural: bool | None = None) -> str | None:
        """The word of ``analysis`` in ``case`` (and number: the analysis's own by default)."""
        par = self.paradigms.get(analysis.source)
        if par is None:
            return None
        num = analysis.plural if plural is None else plural
        ending = par.forms.get((case, num))
        if ending is None:
            return None
        return _cased(analysis.stem, ending, analysis.stem + analysis.lemma[len(analysis.stem):])


@lru_cache(maxsize=1)
def model() -> Model:
    return Model()


def _cased(stem: str, ending: str, written: str) -> str:
    """``stem + ending``, upper-cased when the word was written in capitals, capitalised when the
    ending starts the word and the word was capitalised."""
    if len(written) > 1 and written.isupper():
        return (stem + ending).upper()
    if not stem and written[:1].isupper():
        return ending[:1].upper() + ending[1:]
    return stem + ending


@lru_cache(maxsize=8192)
def _analyse(m: Model, word: str) -> tuple[Analysis, ...]:
    f = fold(word)
    out: list[Analysis] = []
    seen: set[tuple[str, str, bool]] = set()
    # longest ending first: listed nouns before patterns at equal length
    for i in range(max(0, len(f) - m.max_ending), len(f)):
        forms = m.table.get(f[i:])
        if not forms:
            continue
        for form in sorted(forms, key=lambda x: not x.certain):
            if i < form.min_stem:
                continue
            stem = word[:i]
            lemma = _cased(stem, form.base, word)
            key = (lemma.lower(), form.case, form.plural)
            if key in seen:
                continue
            seen.add(key)
            out.append(Analysis(lemma, form.case, form.plural, form.certain, form.source, stem))
        if out:
            # the longest ending that matched decides (a shorter one would split the noun itself)
            break
    return tuple(out)


# -- references ---------------------------------------------------------------------------------------

_QUAL = re.compile(r"\s*\(([^()]*)\)\s*$")
_WORD_END = re.compile(r"(\w[\w-]*)\W*$")


@dataclass(frozen=True)
class RefForm:
    """What a reference says, read through the inflection model."""

    text: str  # as written
    head: str  # the title without qualifier and "teine" (as written, inflected)
    qualifier: str | None
    other_holder: bool  # "teine jurist": another holder of the same position
    last: str  # the inflected last word
    last_start: int  # offset of ``last`` in ``text``
    analyses: tuple[Analysis, ...]

    def lemmas(self, prefer: str | None = None) -> list[tuple[str, bool, bool]]:
        """Candidate base titles ``(title, plural, certain)``, best first: the analyses in ``prefer``
        case first, then the word as written (a nominative no model knows), then the other cases."""
        pre = self.head[: len(self.head) - len(self.last)]
        out: list[tuple[str, bool, bool]] = []
        seen: set[str] = set()

        def add(t: str, plural: bool, certain: bool) -> None:
            k = t.lower()
            if k not in seen:
                seen.add(k)
                out.append((t, plural, certain))

        ordered = sorted(self.analyses, key=lambda a: (a.case != prefer, a.plural, not a.certain))
        if prefer is not None:
            for a in ordered:
                if a.case == prefer:
                    add(pre + a.lemma, a.plural, a.certain)
        if not self.analyses:
            add(self.head, False, False)
        for a in ordered:
            add(pre + a.lemma, a.plural, a.certain)
        return out

    def title(self, prefer: str | None = None) -> str:
        """The normalised nominative base form (the qualifier kept)."""
        lem = self.lemmas(prefer)
        base = lem[0][0] if lem else self.head
        return f"{base} ({self.qualifier})" if self.qualifier else base

    def in_case(self, case: str) -> bool:
        return any(a.case == case for a in self.analyses)


#: read_ref's answers by the text and the model they were read with: the references of a set of
#: documents name the same positions again and again (a RefForm cannot be changed: it is shared)
_REFS: dict[str, tuple[Model, RefForm]] = {}


def read_ref(text: str) -> RefForm:
    m = model()
    got = _REFS.get(text)
    if got is None or got[0] is not m:
        got = remember(_REFS, text, (m, _read_ref(text, m)), 20000)
    return got[1]


def _read_ref(text: str, m: Model) -> RefForm:
    head = text.strip()
    qualifier = None
    q = _QUAL.search(head)
    if q and q.start() > 0:
        qualifier = q.group(1).strip() or None
        head = head[: q.start()].rstrip()
    other = False
    parts = head.split(None, 1)
    if len(parts) == 2 and fold(parts[0]) in m.other_holder:
        other = True
        head = parts[1]
    head = head.strip(" \t.,;:")
    lw = _WORD_END.search(head)
    if lw is None:
        return RefForm(text, head, qualifier, other, "", len(head), ())
    last = lw.group(1)
    start = lw.start(1)
    head = head[: lw.end(1)]
    offset = text.find(head) if head else -1
    return RefForm(text, head, qualifier, other, last, (offset if offset >= 0 else 0) + start,
                   m.analyse(last))


def normalise(text: str, prefer: str | None = None) -> str:
    """The nominative base form of a reference: ``Talituse juhatajat`` → ``Talituse juhataja``."""
    return read_ref(text).title(prefer)


def title_key(title: str) -> str:
    """The matching key of a base title: folded, OCR-folded, without spaces and punctuation, so that
    ``Talituse juhataja`` and ``Talitusejuhataja`` meet."""
    return squash(title)


def strip_qualifier(title: str) -> tuple[str, str | None]:
    q = _QUAL.search(title)
    if q and q.start() > 0:
        return title[: q.start()].rstrip(), (q.group(1).strip() or None)
    return title.strip(), None


def guesses(word_key: str) -> list[str]:
    """Keys left when a guess ending is stripped from a folded key (checked against the index)."""
    out = []
    for e in model().guess_endings:
        if word_key.endswith(e) and len(word_key) - len(e) >= 3:
            out.append(word_key[: -len(e)])
    return out
