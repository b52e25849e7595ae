"""Reading "Keeleoskus" prose into language requirements.

``Valdab eesti ja vene keelt vähemalt tasemel C1.`` → eesti C1 (minimum), vene C1 (minimum).

The text is read sentence by sentence, in three steps:

1. *Level mentions*: every way a level is written — ``tasemel C1`` (tase-first), ``C1-tasemel`` /
   ``C1-tase`` (level-hyphen), ``B2 tase`` (level-space), a bare ``C1``, a legacy term (``kõrgtasemel``)
   or a legacy category (``A-kategooria``); a range ``B2–C1`` counts as its lower end.
2. *Language groups*: language names standing before a form of "keel" (``eesti keelt``, ``inglise
   keele oskus``), coordinated ones with them (``eesti, vene ja inglise keelt``), compounds
   (``ingliskeelne``, ``riigikeel``), names directly followed by a level (``eesti C1``), and names in
   the parenthesis after a generic word (``võõrkeeli (inglise ja vene keelt)``). A word in a name's
   place that is no known language (``inglse keelt``) is kept with ``known=False``.
3. *Assignment*: each group takes the first level after it (before the next group), else an unclaimed
   level just before it (``C1-tasemel eesti keele oskus``); a group joined to the next by a bare
   ``ja`` shares its level (``eesti keelt ja vene keelt tasemel C1``). "vähemalt" and qualifiers
   ("soovitavalt") count for the group whose stretch of text holds them; a qualifier inside a
   parenthesis counts only for the languages inside it.

Matching ignores case and diacritics and OCR look-alikes (``textnorm.ocr_fold``); "vähemalt" is also
found through OCR damage (``vdhemalt``). Language names, case forms and level words are data
(``rules/languages.toml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from ajlint import datafiles
from ajlint.ltext import LText
from ajlint.model import LanguageRequirement, Located
from ajlint.textnorm import fold, ocr_fold

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"'(«„]?[A-ZÕÄÖÜŠŽ0-9])|(?<=;)\s+")
_TOKEN = re.compile(r"[^\W_]+|[(),;:/&\-]")
_CONJ = frozenset({"ja", "ning", "voi", "ega", ",", "/", "&"})
_RANGE_GAP = re.compile(r"^\s*(?:-|/|kuni|voi|ja)\s*$")
_SHARE_GAP = re.compile(r"^\s*,?\s*(?:ja|ning|voi)?\s*$")
_LEVEL = r"(?P<lvl>[a-f](?:[0-9]|l(?![a-z]))?)\+?"


@dataclass(frozen=True)
class LanguageData:
    names: dict[str, str]  # folded word before "keel" -> nominative name
    stems: dict[str, str]  # folded compound stem -> nominative name
    generic: dict[str, str]  # folded generic compound stem -> name kept ("võõrkeel")
    keel_endings: frozenset[str]
    keel_compounds: tuple[str, ...]
    levels: frozenset[str]
    legacy: dict[str, str]  # folded prefix before "tase" (kõrg) -> CEFR
    categories: dict[str, str]  # folded letter -> CEFR
    minimum_words: frozenset[str]
    minimum_phrases: tuple[str, ...]
    qualifiers: dict[str, str]  # folded -> as listed
    trailing: frozenset[str]
    not_languages: frozenset[str]
    name_endings: tuple[str, ...]
    min_similarity: int
    choices: tuple[str, ...]  # folded forms for fuzzy suggestions
    choice_names: tuple[str, ...]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    bare: re.Pattern[str]
    legacy_rx: re.Pattern[str]
    qualifier_rx: re.Pattern[str] | None
    vague_rx: re.Pattern[str] | None
    keel_rx: re.Pattern[str]


@lru_cache(maxsize=1)
def data() -> LanguageData:
    raw = datafiles.languages()
    names: dict[str, str] = {}
    for name, forms in raw.languages.items():
        for f in [name, *forms]:
            if " " not in f:
                names.setdefault(fold(f), name)
    stems: dict[str, str] = {}
    for name, forms in raw.compound_stems.items():
        for f in forms:
            stems.setdefault(fold(f), name)
    generic = {fold(k): v for k, v in raw.generic.items()}
    legacy: dict[str, str] = {}
    for word, lvl in raw.legacy.items():
        fw = fold(word)
        k = fw.find("tase")
        legacy[fw[:k] if k > 0 else fw] = lvl.upper()
    tase = "|".join(re.escape(fold(w)) for w in raw.levels_notation.level_words) or "tase"
    cat = "|".join(re.escape(fold(w)) for w in raw.levels_notation.category_words) or "kategooria"
    patterns = (
        ("category", re.compile(rf"(?<![\w-])(?P<lvl>[a-f])\s*-?\s*(?P<tase>(?:{cat})\w*)")),
        ("category", re.compile(rf"(?<![\w-])(?P<tase>(?:{cat})\w*)\s*:?\s*(?P<lvl>[a-f])(?![\w])")),
        ("tase-first", re.compile(rf"(?<![\w-])(?P<tase>\w*(?:{tase})\w*)(?![\w])\s*:?\s*{_LEVEL}(?![\w])")),
        ("level-hyphen", re.compile(rf"(?<![\w]){_LEVEL}\s*-\s*(?P<tase>(?:{tase})\w*)")),
        ("level-space", re.compile(rf"(?<![\w]){_LEVEL}\s+(?P<tase>(?:{tase})\w*)")),
    )
    qualifiers = {fold(q): q for q in raw.qualifier_words}
    vague = sorted({fold(p) for p in raw.vague.phrases}, key=len, reverse=True)
    minimum = [fold(w) for w in raw.minimum_words]
    choices = sorted(set(names) | set(stems) - {""})
    return LanguageData(
        names=names,
        stems=stems,
        generic=generic,
        keel_endings=frozenset(fold(e) for e in raw.keel.endings),
        keel_compounds=tuple(fold(c) for c in raw.keel.compounds),
        levels=frozenset(lv.upper() for lv in raw.levels),
        legacy=legacy,
        categories={fold(k): v.upper() for k, v in raw.legacy_categories.items()},
        minimum_words=frozenset(w for w in minimum if " " not in w),
        minimum_phrases=tuple(w for w in minimum if " " in w),
        qualifiers=qualifiers,
        trailing=frozenset(fold(q) for q in raw.trailing_qualifier_words),
        not_languages=frozenset(fold(w) for w in raw.unknown.not_languages),
        name_endings=tuple(fold(e) for e in raw.unknown.name_endings if e),
        min_similarity=raw.unknown.min_similarity,
        choices=tuple(choices),
        choice_names=tuple(names.get(c) or stems[c] for c in choices),
        patterns=patterns,
        bare=re.compile(r"(?<![\w])(?P<lvl>[a-f][0-9])\+?(?![\w])"),
        legacy_rx=re.compile(rf"(?<![\w-])(?P<lvl>(?P<pre>[a-z0-9]{{2,5}})(?:{tase})\w*)"),
        qualifier_rx=_alternation(qualifiers),
        vague_rx=_alternation(vague),
        keel_rx=re.compile(r"^(?P<pre>[a-z]*?)keel(?P<rest>[a-z]*)$"),
    )


def _alternation(words) -> re.Pattern[str] | None:
    ws = sorted({w for w in words if w}, key=len, reverse=True)
    if not ws:
        return None
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w) for w in ws) + r")(?![\w])")


# -- the pieces of a sentence ------------------------------------------------------------------------

@dataclass
class _Level:
    start: int  # the whole notation phrase
    end: int
    lstart: int  # the level token
    lend: int
    kind: str  # cefr | invalid | legacy | category
    cefr: str | None
    notation: str | None
    tase: tuple[int, int] | None = None


@dataclass
class _Tok:
    start: int
    end: int
    word: str  # folded
    kind: str = "other"  # lang | keel | ckeel | gkeel | conj | dash | lp | rp | colon | other | level
    lang: str | None = None


@dataclass
class _Member:
    tok: _Tok
    language: str
    known: bool = True
    weak: bool = False  # an unknown word kept only if its group has a level


@dataclass
class _Group:
    members: list[_Member]
    start: int
    end: int
    paren: tuple[int, int] | None = None
    level: _Level | None = None
    shared_from: "_Group | None" = None
    generic_at: int | None = None  # token index of a generic word ("võõrkeeli")
    minimum: bool = False
    qualifier: str | None = None
    vague: tuple[int, int] | None = None


def parse(text: LText) -> list[LanguageRequirement]:
    """The language requirements of a Keeleoskus text, in document order."""
    if text is None or not text.text.strip():
        return []
    d = data()
    out: list[LanguageRequirement] = []
    for sent in text.split(_SENTENCE):
        if sent.text.strip():
            out.extend(_parse_sentence(sent, d))
    return out


def _parse_sentence(sent: LText, d: LanguageData) -> list[LanguageRequirement]:
    f = ocr_fold(sent.text)
    if len(f) != len(sent.text):  # never expected: folding keeps the length
        return []
    levels = _levels(f, d)
    toks = _tokens(f, levels, d)
    groups = _groups(toks, levels, f, d)
    if not groups:
        return []
    _assign_levels(groups, levels, f)
    _drop_weak(groups)
    groups = [g for g in groups if g.members]
    _attributes(groups, f, d)
    text = sent.text.strip()
    out: list[LanguageRequirement] = []
    for g in groups:
        lvl = g.level
        for m in g.members:
            if lvl is not None and g.shared_from is None and lvl.end <= g.start:
                start, end = lvl.start, g.end  # "C1-tasemel eesti keele oskus"
            elif lvl is not None:
                start, end = m.tok.start, max(g.end, lvl.end)
            else:
                start, end = m.tok.start, g.end
            out.append(LanguageRequirement.of(
                sent[start:end],
                language=m.language,
                level=sent.text[lvl.lstart:lvl.lend] if lvl else None,
                minimum=g.minimum,
                qualifier=g.qualifier,
                text=text,
                known=m.known,
                language_location=Located.of(sent[m.tok.start:m.tok.end]),
                level_kind=lvl.kind if lvl else None,
                cefr=lvl.cefr if lvl else None,
                level_location=Located.of(sent[lvl.lstart:lvl.lend]) if lvl else None,
                notation=lvl.notation if lvl else None,
                notation_location=Located.of(sent[lvl.start:lvl.end]) if lvl else None,
                notation_word=sent.text[lvl.tase[0]:lvl.tase[1]] if lvl and lvl.tase else None,
                vague=sent.text[g.vague[0]:g.vague[1]] if g.vague else None,
            ))
    return out


# -- step 1: level mentions --------------------------------------------------------------------------

def _levels(f: str, d: LanguageData) -> list[_Level]:
    found: list[_Level] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in d.legacy_rx.finditer(f):
        cefr = _legacy_prefix(m.group("pre"), d)
        if cefr is not None:
            found.append(_Level(m.start(), m.end(), m.start("lvl"), m.end("lvl"), "legacy", cefr, None))
            taken.append((m.start(), m.end()))
    for notation, rx in d.patterns:
        for m in rx.finditer(f):
            if not free(m.start(), m.end()):
                continue
            lvl = m.group("lvl")
            if notation == "category":
                cefr = d.categories.get(lvl)
                if cefr is None:
                    continue
                found.append(_Level(m.start(), m.end(), m.start("lvl"), m.end("lvl"), "category", cefr, None))
            else:
                kind, cefr = _classify(lvl, d)
                found.append(_Level(m.start(), m.end(), m.start("lvl"), m.end("lvl"), kind, cefr, notation,
                                    (m.start("tase"), m.end("tase"))))
            taken.append((m.start(), m.end()))
    for m in d.bare.finditer(f):
        if free(m.start(), m.end()):
            kind, cefr = _classify(m.group("lvl"), d)
            found.append(_Level(m.start(), m.end(), m.start("lvl"), m.end("lvl"), kind, cefr, "bare"))
            taken.append((m.start(), m.end()))
    found.sort(key=lambda lv: lv.start)
    # a range "B2–C1", "tasemel B2 või C1": its lower end, written in the notation of the whole
    merged: list[_Level] = []
    for lv in found:
        prev = merged[-1] if merged else None
        if (
            prev is not None and prev.kind in ("cefr", "invalid") and lv.kind in ("cefr", "invalid")
            and _RANGE_GAP.match(f[prev.end:lv.start])
            and (prev.notation == "bare" or lv.notation == "bare")
        ):
            notation = prev.notation if prev.notation != "bare" else lv.notation
            tase = prev.tase or lv.tase
            merged[-1] = _Level(prev.start, lv.end, prev.lstart, prev.lend, prev.kind, prev.cefr, notation, tase)
            continue
        merged.append(lv)
    return merged


def _legacy_prefix(pre: str, d: LanguageData) -> str | None:
    if pre in d.legacy:
        return d.legacy[pre]
    for p, cefr in d.legacy.items():  # OCR: one wrong letter in a prefix of four or more ("kdrg")
        if len(p) >= 4 and len(pre) == len(p) and sum(a != b for a, b in zip(p, pre)) == 1:
            return cefr
    return None


def _classify(lvl: str, d: LanguageData) -> tuple[str, str | None]:
    norm = lvl.upper().replace("L", "1")
    if norm in d.levels:
        return "cefr", norm
    return "invalid", None


# -- step 2: language groups -------------------------------------------------------------------------

def _tokens(f: str, levels: list[_Level], d: LanguageData) -> list[_Tok]:
    spans = [(lv.start, lv.end) for lv in levels]
    toks: list[_Tok] = []
    k = 0
    for m in _TOKEN.finditer(f):
        s, e, w = m.start(), m.end(), m.group(0)
        while k < len(spans) and spans[k][1] <= s:
            k += 1
        if k < len(spans) and spans[k][0] <= s < spans[k][1]:
            if not toks or toks[-1].kind != "level" or toks[-1].start != spans[k][0]:
                toks.append(_Tok(spans[k][0], spans[k][1], f[spans[k][0]:spans[k][1]], "level"))
            continue
        t = _Tok(s, e, w)
        if w in _CONJ:
            t.kind = "conj"
        elif w == "-":
            t.kind = "dash"
        elif w == "(":
            t.kind = "lp"
        elif w == ")":
            t.kind = "rp"
        elif w in (":", ";"):
            t.kind = "colon"
        elif w in d.names:
            t.kind, t.lang = "lang", d.names[w]
        else:
            km = d.keel_rx.match(w)
            if km and _keel_rest(km.group("rest"), d):
                pre = km.group("pre")
                if not pre:
                    t.kind = "keel"
                elif pre in d.stems:
                    t.kind, t.lang = "ckeel", d.stems[pre]
                elif pre in d.generic:
                    t.kind, t.lang = "gkeel", d.generic[pre]
        toks.append(t)
    return toks


def _keel_rest(rest: str, d: LanguageData) -> bool:
    if rest in d.keel_endings:
        return True
    for head in ("e", "te"):
        if rest.startswith(head) and any(rest[len(head):].startswith(c) for c in d.keel_compounds):
            return True
    return False


def _parens(toks: list[_Tok]) -> dict[int, int]:
    """Token index of each '(' → index of its ')' (or the last token)."""
    out: dict[int, int] = {}
    stack: list[int] = []
    for i, t in enumerate(toks):
        if t.kind == "lp":
            stack.append(i)
        elif t.kind == "rp" and stack:
            out[stack.pop()] = i
    for i in stack:
        out[i] = len(toks) - 1
    return out


def _groups(toks: list[_Tok], levels: list[_Level], f: str, d: LanguageData) -> list[_Group]:
    parens = _parens(toks)
    used: set[int] = set()
    groups: list[_Group] = []

    def chain_back(j: int, members: list[_Member]) -> None:
        """Add the names coordinated before token j ('eesti, vene ja' inglise keelt)."""
        while j - 2 >= 0 and toks[j - 1].kind == "conj":
            k = j - 2
            if toks[k].kind == "dash" and k - 1 >= 0:  # "eesti- ja venekeelne"
                k -= 1
            t = toks[k]
            if t.kind == "lang" and k not in used:
                members.append(_Member(t, t.lang or t.word))
            else:
                unk = _unknown(t, d, strong_only=True)
                if unk is None:
                    return
                members.append(unk)
            used.add(k)
            j = k

    for i, t in enumerate(toks):
        if t.kind == "keel":
            members: list[_Member] = []
            j = i - 1
            if j >= 0 and toks[j].kind == "lang" and j not in used:
                members.append(_Member(toks[j], toks[j].lang or toks[j].word))
                used.add(j)
                chain_back(j, members)
            elif j >= 0 and toks[j].kind == "other":
                unk = _unknown(toks[j], d, strong_only=False)
                if unk is not None:
                    members.append(unk)
                    used.add(j)
                    chain_back(j, members)
            if members:
                members.reverse()
                groups.append(_Group(members, members[0].tok.start, t.end))
            else:
                groups.append(_Group([], t.start, t.end, generic_at=i))  # "keeled (eesti, inglise)"
            used.add(i)
        elif t.kind == "ckeel":
            members = [_Member(t, t.lang or t.word)]
            used.add(i)
            chain_back(i, members)
            members.reverse()
            groups.append(_Group(members, members[0].tok.start, t.end))
        elif t.kind == "gkeel":
            used.add(i)
            groups.append(_Group([_Member(t, t.lang or t.word)], t.start, t.end, generic_at=i))

    # names inside the parenthesis right after a generic word: "võõrkeeli (inglise, vene)"
    for g in list(groups):
        if g.generic_at is None:
            continue
        lp = g.generic_at + 1
        if lp >= len(toks) or toks[lp].kind != "lp":
            continue
        rp = parens.get(lp, len(toks) - 1)
        bare = [k for k in range(lp + 1, rp) if toks[k].kind == "lang" and k not in used]
        if bare:
            used.update(bare)
            members = [_Member(toks[k], toks[k].lang or toks[k].word) for k in bare]
            groups.append(_Group(members, members[0].tok.start, members[-1].tok.end))
        inner = [x for x in groups if x is not g and toks[lp].start < x.start < toks[rp].end and x.members]
        if inner:
            g.members = []  # the parenthesis names the languages

    # names followed directly by a level: "eesti C1", "inglise – B2", "vene (B1)"
    level_starts = {lv.start for lv in levels}
    for i, t in enumerate(toks):
        if t.kind != "lang" or i in used:
            continue
        k = i + 1
        while k < len(toks) and toks[k].kind in ("dash", "colon", "lp"):
            k += 1
        if k < len(toks) and toks[k].kind == "level" and toks[k].start in level_starts:
            members = [_Member(t, t.lang or t.word)]
            used.add(i)
            chain_back(i, members)
            members.reverse()
            groups.append(_Group(members, members[0].tok.start, t.end))

    groups = [g for g in groups if g.members]
    for g in groups:  # the innermost parenthesis each group stands in
        g.paren = _paren_of(g.start, f)
    groups.sort(key=lambda g: g.start)
    return groups


def _unknown(t: _Tok, d: LanguageData, strong_only: bool) -> _Member | None:
    """A word in a language name's place that is no known language, or None when it is no name."""
    w = t.word
    if t.kind != "other" or len(w) < 3 or not w.isalpha() or w in d.not_languages:
        return None
    if w in d.minimum_words or w in d.qualifiers:
        return None
    best = process.extractOne(w, d.choices, scorer=fuzz.ratio) if len(w) >= 4 else None
    if best is not None and best[1] >= d.min_similarity:
        return _Member(t, w, known=False)
    if strong_only or (d.name_endings and not w.endswith(d.name_endings)):
        return None
    return _Member(t, w, known=False, weak=True)


def suggest(word: str) -> str | None:
    """The known language nearest to a word (None when none is near)."""
    d = data()
    w = ocr_fold(word)
    best = process.extractOne(w, d.choices, scorer=fuzz.ratio) if w else None
    if best is None or best[1] < d.min_similarity:
        return None
    return d.choice_names[best[2]]


# -- step 3: levels, "vähemalt" and qualifiers to groups ---------------------------------------------

def _assign_levels(groups: list[_Group], levels: list[_Level], f: str) -> None:
    claimed: set[int] = set()
    for k, g in enumerate(groups):
        nxt = groups[k + 1].start if k + 1 < len(groups) else len(f)
        for li, lv in enumerate(levels):
            if li not in claimed and g.end <= lv.start < nxt:
                g.level = lv
                claimed.add(li)
                break
    for k, g in enumerate(groups):
        if g.level is not None:
            continue
        prev_end = _region_end(groups[k - 1]) if k > 0 else 0
        cands = [li for li, lv in enumerate(levels) if li not in claimed and prev_end <= lv.start and lv.end <= g.start]
        if cands:
            g.level = levels[cands[-1]]
            claimed.add(cands[-1])
    for k in range(len(groups) - 2, -1, -1):
        g, nxt = groups[k], groups[k + 1]
        if g.level is None and nxt.level is not None and _SHARE_GAP.match(f[g.end:nxt.start]):
            g.level = nxt.level
            g.shared_from = nxt.shared_from or nxt


def _region_end(g: _Group) -> int:
    if g.level is not None and g.level.start >= g.end and g.shared_from is None:
        return g.level.end
    return g.end


def _drop_weak(groups: list[_Group]) -> None:
    for g in groups:
        if g.level is None:
            g.members = [m for m in g.members if not m.weak]


def _attributes(groups: list[_Group], f: str, d: LanguageData) -> None:
    mins = _minimum_positions(f, d)
    quals = [(m.start(), m.group(0)) for m in d.qualifier_rx.finditer(f)] if d.qualifier_rx else []
    vagues = [(m.start(), m.end()) for m in d.vague_rx.finditer(f)] if d.vague_rx else []
    for k, g in enumerate(groups):
        before = _region_end(groups[k - 1]) if k > 0 else 0
        end = _region_end(g)
        nxt = groups[k + 1].start if k + 1 < len(groups) else len(f)
        g.minimum = any(before <= p < end for p in mins)
        for p, q in quals:
            trailing = q in d.trailing
            inside = before <= p < end and not trailing
            after = trailing and end <= p < nxt
            if not (inside or after):
                continue
            qp = _paren_of(p, f)
            if qp is not None and g.paren != qp and not (g.level and qp[0] <= g.level.start < qp[1]):
                continue  # "(soovitavalt inglise ja vene keelt)" qualifies only what is inside
            g.qualifier = d.qualifiers.get(q, q)
            break
        if g.level is None:
            g.vague = next(((p, e) for p, e in vagues if before <= p < nxt), None)
    for g in groups:
        if g.shared_from is not None:
            g.minimum = g.minimum or g.shared_from.minimum


def _paren_of(pos: int, f: str) -> tuple[int, int] | None:
    """The innermost parenthesis holding position ``pos`` (found from the text itself)."""
    depth: list[int] = []
    best: tuple[int, int] | None = None
    for i, c in enumerate(f):
        if c == "(":
            depth.append(i)
        elif c == ")" and depth:
            a = depth.pop()
            if a < pos < i and (best is None or a > best[0]):
                best = (a, i + 1)
    for a in depth:
        if a < pos and (best is None or a > best[0]):
            best = (a, len(f))
    return best


def _minimum_positions(f: str, d: LanguageData) -> list[int]:
    out: list[int] = []
    for m in re.finditer(r"[^\W\d_]+", f):
        w = m.group(0)
        if w in d.minimum_words:
            out.append(m.start())
        elif len(w) >= 6 and any(abs(len(w) - len(mw)) <= 1 and fuzz.ratio(w, mw) >= 80 for mw in d.minimum_words):
            out.append(m.start())  # OCR damage: "vdhemalt"
    for phrase in d.minimum_phrases:
        start = f.find(phrase)
        while start >= 0:
            out.append(start)
            start = f.find(phrase, start + 1)
    return out
