"""The civil-servant and employee vocabularies of ``rules/terms.toml``, compiled once, and the kind of
position a document is written for (AJ107, and AJ101 to name a missing heading in the document's words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import compress, islice

from ajlint.datafiles import TermsFile, terms
from ajlint.kinds import KindSearch, kind_search
from ajlint.linememo import per_line
from ajlint.textnorm import fold

#: how many non-blank lines from the top are searched for a kind marker ("Töölepingu juurde kuuluv lisa")
MARKER_LINES = 40
_TAGS = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Stem:
    folded: str
    kind: str
    heading_only: bool


@dataclass
class Vocabulary:
    kinds: list[str]
    stems: dict[str, Stem]
    rx: re.Pattern[str] | None
    marker_search: KindSearch  # the kind markers ("Töölepingu juurde kuuluv lisa"), shared with the extractor
    equivalents: dict[str, dict[str, str]]  # kind -> folded foreign stem -> this kind's stem as written
    anchors: tuple[str, ...] = ()  # short strings every word of the vocabulary contains, in both cases
    beginnings: tuple[tuple[str, str], ...] = ()  # (stem lower-cased as written or folded, folded stem), longest first
    #: the words found on a line, by the line's text (a template's lines recur in every document)
    line_hits: dict[str, tuple[tuple[int, int, Stem], ...]] = field(default_factory=dict, compare=False, repr=False)
    #: the kinds whose markers a line holds, by the line's text
    marker_hits: dict[str, tuple[str, ...]] = field(default_factory=dict, compare=False, repr=False)

    def kind_of_text(self, text: str) -> str | None:
        """The kind whose words a heading or label uses (the first such word decides)."""
        if self.rx is None:
            return None
        m = self.rx.search(fold(text))
        stem = self.stems.get(m.group(1).translate(_OCR_BACK)) if m else None
        return stem.kind if stem else None


@dataclass
class Occurrence:
    line: int
    column: int  # 1-based
    stem: Stem
    word: str  # the whole word as written
    prefix: str  # the part of the word the stem matched, as written
    structural: bool  # inside a recognised heading or label


@dataclass
class KindDecision:
    kind: str
    evidence: str
    line: int
    occurrences: list[Occurrence] = field(default_factory=list)


_CACHE: dict[int, tuple[TermsFile, Vocabulary]] = {}


def _compile(data: TermsFile) -> Vocabulary:
    hit = _CACHE.get(id(data))
    if hit is not None and hit[0] is data:
        return hit[1]
    voc = _build(data)
    _CACHE[id(data)] = (data, voc)
    return voc


def _build(data: TermsFile) -> Vocabulary:
    stems: dict[str, Stem] = {}
    kinds: list[str] = []
    equivalents: dict[str, dict[str, str]] = {}
    for kind, spec in data.kinds.items():
        kinds.append(kind)
        for t in spec.text_terms:
            f = fold(t.strip())
            if f:
                stems.setdefault(f, Stem(f, kind, False))
        for t in spec.heading_terms:
            f = fold(t.strip())
            if f:
                stems.setdefault(f, Stem(f, kind, True))
        equivalents[kind] = {fold(k.strip()): v.strip() for k, v in spec.equivalents.items() if k.strip() and v.strip()}
    rx = None
    if stems:
        alts = "|".join(_ocr_tolerant(s) for s in sorted(stems, key=len, reverse=True))
        rx = re.compile(rf"(?<![\w@|$])({alts})[\w@|$]*")
    # a word of the vocabulary begins with a stem; a stem that extends a shorter one (teenistuskohustus,
    # teenistuskoh) is found through the shorter one. The last three letters of each remaining stem, as
    # written and folded, in lower and upper case, are searched with str.find; only words around a hit
    # are looked at.
    minimal = [f for f in stems if not any(o != f and f.startswith(o) for o in stems)]
    written: dict[str, str] = {}
    for spec in data.kinds.values():
        for t in [*spec.text_terms, *spec.heading_terms]:
            written.setdefault(fold(t.strip()), t.strip().lower())
    anchors: set[str] = set()
    for f in minimal:
        for form in {f, written.get(f, f)}:
            tail = form[-3:]
            anchors.update({tail, tail.upper()})
            if len(form) <= 3:
                anchors.add(tail.capitalize())  # the anchor is the word's beginning too
    forms = {(f, f) for f in stems} | {(w, f) for f, w in written.items() if f in stems}
    beginnings = tuple(sorted(forms, key=lambda x: (-len(x[0]), x)))
    return Vocabulary(kinds, stems, rx, kind_search(data.kinds), equivalents, tuple(sorted(anchors)), beginnings)


# what OCR puts for the letters of a folded word (textnorm's look-alikes), so that one pass of one
# regular expression over the folded text finds "t66kohale" as well as "töökohale"
_OCR_CLASSES = {"o": "[o068@]", "l": "[l1|]", "s": "[s$]"}
_OCR_BACK = str.maketrans({"0": "o", "6": "o", "8": "o", "@": "o", "1": "l", "|": "l", "$": "s"})


def _ocr_tolerant(stem: str) -> str:
    return "".join(_OCR_CLASSES.get(c, re.escape(c)) for c in stem)


def vocabulary() -> Vocabulary:
    return _compile(terms())


def _structural_spans(model) -> dict[int, list[tuple[int, int]]]:
    spans: dict[int, list[tuple[int, int]]] = {}
    for s in model.sections:
        spans.setdefault(s.line, []).append((s.column, s.end_column if s.end_line == s.line else 10**9))
    for lb in model.labels:
        spans.setdefault(lb.line, []).append((lb.column, lb.end_column if lb.end_line == lb.line else 10**9))
    return spans


def occurrences(doc, voc: Vocabulary) -> list[Occurrence]:
    """Every word of either vocabulary in the document, in document order."""
    if voc.rx is None or not doc.text:
        return []
    text = doc.text
    if doc.model.info.ocr_evidence:
        hits = _regex_hits(text, voc)  # OCR look-alikes inside words ("t66kohale"): the slower, tolerant pass
    else:
        hits = _line_hits(doc, voc)
    if not hits:
        return []
    spans = _structural_spans(doc.model)
    out: list[Occurrence] = []
    for pos, end, stem in hits:
        ln, col = doc.position(pos)
        structural = any(a <= col < b for a, b in spans.get(ln, ()))
        if stem.heading_only and not structural:
            continue
        out.append(Occurrence(ln, col, stem, text[pos:end], text[pos:pos + len(stem.folded)], structural))
    return out


def _regex_hits(text: str, voc: Vocabulary) -> list[tuple[int, int, Stem]]:
    out = []
    for m in voc.rx.finditer(fold(text)):  # fold keeps the length: offsets carry over
        stem = voc.stems.get(m.group(1).translate(_OCR_BACK))
        if stem is not None:
            out.append((m.start(), m.end(), stem))
    return out


def _line_hits(doc, voc: Vocabulary) -> list[tuple[int, int, Stem]]:
    """``_anchor_hits`` of the whole text, line by line: a word never spans a line break, and the hits
    of a line are kept by its text."""
    return [(start + a, start + b, stem)
            for start, (a, b, stem) in per_line(doc.lines, doc.line_starts, voc.line_hits,
                                                lambda ln: _anchor_hits(ln, voc))]


def _anchor_hits(text: str, voc: Vocabulary) -> list[tuple[int, int, Stem]]:
    words: set[tuple[int, int]] = set()
    n = len(text)
    for anchor in voc.anchors:
        i = text.find(anchor)
        while i >= 0:
            a = i
            while a > 0 and text[a - 1].isalnum() and i - a < 40:
                a -= 1
            b = i + len(anchor)
            while b < n and text[b].isalnum():
                b += 1
            words.add((a, b))
            i = text.find(anchor, i + 1)
    out = []
    for a, b in sorted(words):
        if a > 0 and text[a - 1].isalnum():
            continue  # the word is longer than the look-back: not a word beginning we can vouch for
        word = text[a:b].lower()
        for form, f in voc.beginnings:
            if word.startswith(form):
                out.append((a, b, voc.stems[f]))
                break
    return out


def _markers(line: str, voc: Vocabulary) -> list[str]:
    """The kinds whose markers ``line`` holds, in the order of the markers."""
    search = voc.marker_search
    return [search.markers[i][0] for i in search.held(line)]


def decide_kind(doc, voc: Vocabulary, occ: list[Occurrence]) -> KindDecision | None:
    """The kind of position the document is written for.

    A marker ("Töölepingu juurde kuuluv lisa") decides by itself; otherwise the vocabulary most of the
    headings and labels use; otherwise the one most of the text uses; on a tie, the one used first.
    """
    found: dict[str, tuple[str, int]] = {}
    if voc.marker_search.markers:
        # the first MARKER_LINES non-blank lines, picked in C, and the markers on each kept by the line's
        # text (most lines hold none); per_line pairs each marker with the index given for its line
        lines = doc.lines
        top = list(islice(compress(range(len(lines)), map(str.strip, lines)), MARKER_LINES))
        for i, kind in per_line(list(map(lines.__getitem__, top)), top, voc.marker_hits,
                                lambda line: _markers(line, voc)):
            if kind not in found:
                found[kind] = (_TAGS.sub("", lines[i]).strip(" \t#*|_"), i + 1)
    if len(found) == 1:
        kind, (text, ln) = next(iter(found.items()))
        return KindDecision(kind, text, ln, occ)
    for pool in ([o for o in occ if o.structural], occ):
        if not pool:
            continue
        counts: dict[str, int] = {}
        for o in pool:
            counts[o.stem.kind] = counts.get(o.stem.kind, 0) + 1
        top = max(counts.values())
        leaders = [k for k, c in counts.items() if c == top]
        kind = leaders[0] if len(leaders) == 1 else pool[0].stem.kind
        first = next(o for o in pool if o.stem.kind == kind)
        return KindDecision(kind, first.word, first.line, occ)
    return None


def preferred_variant(variants: list[str], kind: str | None, voc: Vocabulary) -> str:
    """The spelling of a heading that fits the document's vocabulary (TÖÖKOHA EESMÄRK for an employee)."""
    if not variants:
        return ""
    if kind:
        for v in variants:
            if voc.kind_of_text(v) == kind:
                return v
        for v in variants:
            if voc.kind_of_text(v) is None:
                return v
    return variants[0]
