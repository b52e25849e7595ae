from ajlint.diagnostics import Message, Severity
from ajlint.rule import Rule
from ajlint.textnorm import ocr_fold

from ajlint.builtin.rules.language.common import replace, requirements, source, unique


class LegacyLanguageLevel(Rule):
    """A legacy language level: algtase / kesktase / kõrgtase, or a category A–F.

    What it does
        Reports a level written in the terms used before 1 July 2008 (``algtase``, ``kesktase``,
        ``kõrgtase`` in any case form: ``kõrgtasemel``) or as a category of the system used before
        1999 (``A-kategooria``, ``kategooria D``). The message gives the statutory equivalent: the
        Language Act § 28⁴ maps algtase, kesktase and kõrgtase to B1, B2 and C1; the categories A–C
        were algtase, D kesktase and E–F kõrgtase.

    Why it matters
        The equivalence holds in law, but in practice the old words are ambiguous: language schools
        call A1 or A2 "algtase", and readers do not know the categories. A reviewer, a candidate and
        the Language Board should read one unambiguous CEFR level.

    Example
        ``Valdab eesti keelt kõrgtasemel.`` / ``Eesti keele oskus A-kategooria.``

    Use instead
        ``Valdab eesti keelt C1-tasemel.`` / ``Eesti keele oskus tasemel B1.``

    Fix safety
        Unsafe: the fix writes the statutory equivalent (``kõrgtasemel`` → ``C1-tasemel``, keeping
        the case ending), which may not be what the author meant in practice. No fix for a category:
        the whole phrase has to be rewritten.
    """

    code = "AJ302"
    name = "legacy-language-level"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "legacy": Message(
            en="'{level}' is a legacy level (before 2008); by the Language Act § 28⁴ it equals {cefr}, but "
               "it is ambiguous in practice: write the CEFR level",
            et="'{level}' on vana keeleoskustase (enne 2008); keeleseaduse § 28⁴ järgi vastab see tasemele "
               "{cefr}, kuid praktikas on see mitmetähenduslik: kirjuta Euroopa raamdokumendi tase",
        ),
        "category": Message(
            en="'{phrase}' is a legacy language category (before 1999); its statutory equivalent is "
               "{cefr}, but it is ambiguous in practice: write the CEFR level",
            et="'{phrase}' on vana keeleoskuskategooria (enne 1999); selle seadusjärgne vaste on {cefr}, "
               "kuid praktikas on see mitmetähenduslik: kirjuta Euroopa raamdokumendi tase",
        ),
    }

    def check(self, doc):
        for r in unique(requirements(doc), "level_location"):
            if r.level_kind == "legacy" and r.level and r.cefr:
                yield self.diag(doc, r.level_location, "legacy", level=r.level, cefr=r.cefr,
                                fix=self._fix(doc, r))
            elif r.level_kind == "category" and r.cefr:
                loc = r.notation_location or r.level_location
                src = source(doc, loc)
                phrase = " ".join(src[2].split()) if src else (r.level or "")
                yield self.diag(doc, loc, "category", phrase=phrase, cefr=r.cefr)

    def _fix(self, doc, r):
        src = source(doc, r.level_location)
        if src is None:
            return None
        start, end, text = src
        k = ocr_fold(text).find("tase")
        if k <= 0:
            return None
        # "kõrgtasemel" → "C1-tasemel": the prefix becomes the level, the case ending stays
        rest = text[k:]
        return replace(doc, r.level_location, text, f"{r.cefr}-{rest.lower() if rest.isupper() else rest}",
                       "unsafe", f"Write '{text}' as the CEFR level {r.cefr}")
