"""One document's competencies compared with the catalog, computed once and shared by AJ401–AJ405.

The engine runs every rule on one document before the next, so the last document's result is kept
(by a weak reference: nothing is attached to the document, which may travel between processes), and
the five rules read the same resolution of names, set detection and sentence comparison.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from ajlint.builtin.rules.competency.index import ADDITIONAL, CORE, Approved, CatalogIndex, Entry, NameMatch
from ajlint.builtin.rules.competency.textmatch import (
    Tok,
    align,
    clean_key,
    fast_sentences,
    is_safe,
    norm,
    ocr_key,
    real_hunks,
    sentences,
    shift,
    tokenize,
)
from ajlint.diagnostics import Edit, Fix
from ajlint.linememo import remember
from ajlint.ltext import Span
from ajlint.model import Competency, Located
from ajlint.textnorm import fold, ocr_fold

_LAST: list = [None, None, None]  # [weak reference to the document, index, analysis]


@dataclass
class Written:
    """A competency as the document names it, and what the catalog makes of the name."""

    comp: Competency
    kind: str  # the list it is in: CORE or ADDITIONAL
    match: NameMatch


@dataclass
class SentenceIssue:
    competency: str
    status: str  # "diff" | "unknown" | "elsewhere"
    span: Span | Located
    written: str
    approved: Approved | None = None
    diff: str = ""
    fix: Fix | None = None
    elsewhere: str = ""


@dataclass
class Role:
    manager: bool
    #: what shows it, in the document's own words ("Vahetud alluvad: …", "3.12 '…'", "Ametinimetus: '…'")
    evidence: list[str] = field(default_factory=list)
    title: str = ""
    decidable: bool = True


@dataclass
class Analysis:
    ocr: bool
    core: list[Written]
    additional: list[Written]
    used_set: str | None
    issues: list[SentenceIssue]
    role: Role


def analysis(doc, index: CatalogIndex) -> Analysis:
    ref, idx, result = _LAST
    if ref is not None and ref() is doc and idx is index:
        return result
    result = _analyse(doc, index)
    try:
        _LAST[:] = [weakref.ref(doc), index, result]
    except TypeError:
        _LAST[:] = [None, None, None]
    return result


def _analyse(doc, index: CatalogIndex) -> Analysis:
    m = doc.model
    ocr = len(m.info.ocr_evidence or []) >= index.matching.ocr_evidence_min
    core = [Written(c, CORE, _match_name(c.name or "", ocr, index)) for c in m.competencies]
    additional = [Written(c, ADDITIONAL, _match_name(c.name or "", ocr, index)) for c in m.additional_competencies]
    used = used_set(core, index)
    loc = Locator(doc)
    memo = index.memo  # comparisons by (text, name, set, ocr)
    issues: list[SentenceIssue] = []
    for w in core + additional:
        name = w.match.name
        if name is None or w.match.kind != w.kind:
            continue
        entries = index.candidates(name, used)
        if not entries:
            continue
        for value in w.comp.indicators or []:
            if value is not None and value.text:
                key = (value.text, name, used, ocr)
                found = memo.get(key)
                if found is None:
                    found = remember(memo, key, _compare(value.text, name, entries, index, ocr), _MEMO_MAX)
                # most texts are written as approved: nothing of theirs is located
                if found:
                    issues.extend(_locate(value, key, found, index, loc))
    return Analysis(ocr, core, additional, used, issues, role(m, index))


def _match_name(written: str, ocr: bool, index: CatalogIndex) -> NameMatch:
    """index.match_name, kept for the run: the same names are written in every document (the match is
    only read, so documents share it)."""
    key = ("name", written, ocr)
    match = index.memo.get(key)
    if match is None:
        match = remember(index.memo, key, index.match_name(written, ocr), _MEMO_MAX)
    return match


def used_set(core: list[Written], index: CatalogIndex) -> str | None:
    """The set whose own competencies (those not in every set) the document names most."""
    counts = {k: 0 for k in index.sets}
    for w in core:
        if w.match.name is None:
            continue
        for k, excl in index.exclusive.items():
            if w.match.name in excl:
                counts[k] += 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


# -- sentences ---------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Found:
    """A sentence of a text that differs from the catalog, before it is located in a document."""

    a: int  # its token range in tokenize(text)
    b: int
    s_text: str
    status: str
    w: list[Tok]  # its tokens, offsets relative to the sentence
    approved: Approved | None = None
    diff: str = ""
    real: list = field(default_factory=list)
    safe: bool = False
    elsewhere: str = ""


#: comparisons of a text with the catalog, by (text, name, set, ocr): the approved wording repeats in
#: every document of an organisation, so most texts are compared once per run
_MEMO_MAX = 20000


def _compare(text: str, name: str, entries: list[Entry], index: CatalogIndex, ocr: bool) -> list[_Found]:
    """The sentences of ``text`` that differ from the approved wording of ``name`` (no locations)."""
    # fast path: every sentence written exactly as approved
    if all(any(s in e.exact for e in entries) for s in fast_sentences(text)):
        return []
    toks = tokenize(text)
    out: list[_Found] = []
    mt = index.matching
    for a, b in sentences(toks):
        s_text = text[toks[a].start:toks[b - 1].end]
        if ocr:
            key = ocr_key(toks[a:b])
            if any(key in e.ocr for e in entries):
                continue
        else:
            key = clean_key(toks[a:b])
            if any(key in e.clean for e in entries):
                continue
        w = shift(toks[a:b], toks[a].start)
        folded = ocr_fold(norm(s_text))
        best = None  # (real hunks, shared, ratio, approved)
        found = [(score, e.sentences[i]) for e in entries
                 for _, score, i in process.extract(folded, e.folded, scorer=fuzz.ratio, limit=2)]
        found.sort(key=lambda x: -x[0])
        # the closest sentence, and the runner-up only when it is about as close
        for score, ap in (found[:1] + [f for f in found[1:2] if found[0][0] - f[0] < 5]):
                hunks, shared = align(w, ap.toks, ocr)
                real = real_hunks(w, ap.toks, hunks, ocr)
                cand = (real, shared, score, ap)
                if best is None or (len(real), -shared, -score) < (len(best[0]), -best[1], -best[2]):
                    best = cand
        if best is None or not best[0]:
            continue  # identical but for spacing, punctuation, compound spelling or OCR damage
        real, shared, score, ap = best
        words = max(sum(1 for t in w if t.is_word), 1)
        if score < mt.sentence_min_ratio or shared / words < mt.sentence_min_shared:
            others = [x.owner for x in index.where.get(clean_key(toks[a:b]), []) if x.owner.split(" (")[0] != name]
            out.append(_Found(a, b, s_text, "elsewhere" if others else "unknown", w, elsewhere=", ".join(others)))
            continue
        diff = "; ".join(_show(w, ap, h, s_text) for h in real)
        out.append(_Found(a, b, s_text, "diff", w, ap, diff, real, is_safe(w, ap.toks, real, mt.safe_word_ratio)))
    return out


def _locate(value, key: tuple, found: list[_Found], index: CatalogIndex, loc: "Locator") -> list[SentenceIssue]:
    """The issues of the differing sentences ``found`` in the located text ``value``."""
    text, name = key[0], key[1]
    memo = index.memo
    lo, src = loc.region(value)
    # where each sentence stands and what its fix changes depend on the source region's text only: worked
    # out once per run relative to the region, then moved to where the region stands in this document
    rkey = ("placed", src, key)
    placed = memo.get(rkey)
    if placed is None:
        src_map = _map_tokens(src, tokenize(text)) if src is not None else None
        placed = remember(memo, rkey, _place(found, src_map, src or ""), _MEMO_MAX)
    out: list[SentenceIssue] = []
    for f, span_rel, edits in placed:
        span = loc.span(lo + span_rel[0], lo + span_rel[1]) if span_rel is not None else value
        if f.status != "diff":
            out.append(SentenceIssue(name, f.status, span, f.s_text, elsewhere=f.elsewhere))
            continue
        fix = None
        if edits is not None:
            fix = Fix(edits=tuple(Edit(lo + e.start, lo + e.end, e.replacement) for e in edits),
                      applicability="safe" if f.safe else "unsafe", description=f"Use the approved wording of {name}")
        out.append(SentenceIssue(name, "diff", span, f.s_text, f.approved, f.diff, fix))
    return out


def _place(found: list[_Found], src_map: list[tuple[int, int]] | None,
           src: str) -> list[tuple[_Found, tuple[int, int] | None, list[Edit] | None]]:
    """Each sentence with its offsets in the source region ``src`` (None when its tokens cannot be found
    there) and the edits of its fix, relative to the region."""
    out = []
    for f in found:
        if not src_map:
            out.append((f, None, None))
            continue
        edits = _edits(f.w, f.approved, f.real, src_map[f.a:f.b], src) if f.status == "diff" else None
        out.append((f, (src_map[f.a][0], src_map[f.b - 1][1]), edits))
    return out


def _show(w: list[Tok], ap: Approved, h, s_text: str) -> str:
    ws = s_text[w[h.i1].start:w[h.i2 - 1].end] if h.i1 < h.i2 else ""
    as_ = ap.text[ap.toks[h.j1].start:ap.toks[h.j2 - 1].end] if h.j1 < h.j2 else ""
    if ws and as_:
        return f"'{ws}' → '{as_}'"
    if as_:
        return f"+ '{as_}'"
    return f"− '{ws}'"


def _edits(w: list[Tok], ap: Approved, hunks, src: list[tuple[int, int]], text: str) -> list[Edit] | None:
    """Edits of ``text`` that turn the written sentence's hunks into the approved wording; None when a
    region holds anything but the written words and spaces (markup would be lost)."""
    a = ap.toks
    n, m = len(w), len(a)
    edits = []
    for h in hunks:
        if h.i1 < h.i2 and h.j1 < h.j2:
            lo, hi = src[h.i1][0], src[h.i2 - 1][1]
            rep = ap.text[a[h.j1].start:a[h.j2 - 1].end]
        else:
            lo = src[h.i1 - 1][1] if h.i1 > 0 else src[0][0]
            hi = src[h.i2][0] if h.i2 < n else src[n - 1][1]
            alo = a[h.j1 - 1].end if h.j1 > 0 else 0
            ahi = a[h.j2].start if h.j2 < m else a[m - 1].end
            rep = ap.text[alo:ahi]
        # the region may hold only the written tokens and whitespace
        region = text[lo:hi]
        inner = "".join(text[s:e] for s, e in src if lo <= s and e <= hi)
        if "".join(region.split()) != "".join(inner.split()):
            return None
        edits.append(Edit(lo, hi, rep))
    return edits


# -- locations ---------------------------------------------------------------------------------------
class Locator:
    """Offsets of a Text's tokens in ``doc.text`` and spans of offset ranges."""

    def __init__(self, doc):
        self._doc = doc
        self.text: str = doc.text or ""

    def offset(self, line: int, column: int) -> int:
        starts = self._doc.line_starts  # the document's own line offsets (other rules use them too)
        line = min(max(line, 1), len(starts))
        return min(starts[line - 1] + max(column, 1) - 1, len(self.text))

    def span(self, lo: int, hi: int) -> Span:
        ln, col = self._doc.position(lo)
        eln, ecol = self._doc.position(max(hi - 1, lo))
        return Span(ln, col, eln, ecol + 1)

    def region(self, value) -> tuple[int, str | None]:
        """The offset of a located value in the text, and the text between its start and end (None when
        its end comes before its start)."""
        lo = self.offset(value.line, value.column)
        hi = self.offset(value.end_line, value.end_column)
        return lo, (self.text[lo:hi] if hi >= lo else None)


def _map_tokens(src: str, toks: list[Tok]) -> list[tuple[int, int]] | None:
    """The offsets of each token in ``src``, found left to right; None when a token is not there or
    other words stand between two tokens."""
    out = []
    cur = 0
    for t in toks:
        k = src.find(t.text, cur)
        if k < 0:
            return None
        gap = _strip_tags(src[cur:k])
        if any(ch.isalnum() for ch in gap):
            return None
        out.append((k, k + len(t.text)))
        cur = k + len(t.text)
    return out


def _strip_tags(s: str) -> str:
    if "<" not in s:
        return s
    out = []
    depth = 0
    for ch in s:
        if ch == "<":
            depth += 1
        elif ch == ">" and depth:
            depth -= 1
        elif not depth:
            out.append(ch)
    return "".join(out)


# -- the role ----------------------------------------------------------------------------------------
def _short(s: str, n: int = 70) -> str:
    s = " ".join(s.split()).rstrip(" ,:;")
    if s.endswith(" sh"):
        s = s[:-3].rstrip(" ,")
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"


def role(m, index: CatalogIndex) -> Role:
    sig = index.signals
    ev: list[str] = []
    reports = [r for r in (m.direct_reports or []) if r is not None and (r.text or "").strip()]
    has_reports = bool(sig.direct_reports and reports and not m.direct_reports_none)
    if has_reports:
        ev.append("Vahetud alluvad: " + ", ".join(r.text for r in reports))
    duty_hits = []
    memo = index.memo
    for d in m.duties or []:
        if d is None or not d.text:
            continue
        hit = memo.get(("duty", d.text))  # duties recur from document to document
        if hit is None:
            folded = " ".join(fold(d.text).split())
            hit = remember(memo, ("duty", d.text), any(rx.search(folded) for rx in index.duty_rx), _MEMO_MAX)
        if hit:
            duty_hits.append(d)
    for d in duty_hits[:2]:
        num = (d.number or "").rstrip(".")
        ev.append(f"{num} '{_short(d.text)}'".strip())
    title = " ".join(m.title.text.split()) if m.title is not None and m.title.text else ""
    title_hit = memo.get(("title", title))  # titles recur too
    if title_hit is None:
        title_hit = remember(memo, ("title", title), _managerial_title(title, index), _MEMO_MAX)
    title_hit = title_hit and not m.direct_reports_none
    if title_hit:
        ev.append(f"Ametinimetus: '{title}'")
    if has_reports or duty_hits or title_hit:
        return Role(True, ev, title)
    decidable = bool(m.duties) or bool(title) or bool(m.direct_reports_none)
    return Role(False, [], title or "—", decidable)


def _managerial_title(title: str, index: CatalogIndex) -> bool:
    words = [w for w in "".join(ch if ch.isalnum() else " " for ch in fold(title)).split()]
    for i, w in enumerate(words):
        for tw in index.title_words:
            if w == tw or w.endswith(tw):
                joined = (words[i - 1] + w) if i > 0 else w
                if w in index.title_exceptions or joined in index.title_exceptions:
                    break
                return True
    return False
