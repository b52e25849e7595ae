from collections import Counter

from ajlint import datafiles
from ajlint.diagnostics import Message, Severity
from ajlint.rule import Rule
from ajlint.textnorm import ocr_fold

from ajlint.builtin.rules.language.common import notation_examples, replace, requirements, source, unique

NOTATIONS = ("tase-first", "level-hyphen", "level-space", "bare")


class InconsistentLevelFormat(Rule):
    """Language levels written in more than one notation in one document.

    What it does
        Reads how each level of the Keeleoskus text is written — ``tasemel C1`` (tase-first),
        ``C1-tasemel`` / ``C1-tase`` (level-hyphen), ``C1 tasemel`` / ``B2 tase`` (level-space) or a
        bare ``C1`` — and, when a document mixes notations, reports every level not written in the
        profile's preferred one. The case form of "tase" follows the sentence and is not a notation
        (``C1-tase`` and ``C1-tasemel`` are the same notation). The preferred notation per profile is
        data (``rules/languages.toml``, ``[levels_notation]``: tase-first "tasemel C1" for the shipped
        profiles); a project may set its own with the rule option ``level-notation``. A document
        consistent in any one notation is not reported.

    Why it matters
        Descriptions are compared and searched by level; one notation per document (and per
        organisation) reads as one careful text and keeps search and extraction reliable.

    Example
        ``Eesti keele oskus C1-tasemel. Inglise keel B2 tase.``

    Use instead
        ``Eesti keele oskus tasemel C1. Inglise keel tasemel B2.``

    Fix safety
        Safe when only the order or the hyphen changes and the word is the preferred one
        (``C1-tasemel`` → ``tasemel C1``). Unsafe when a word is added, removed or changes its case
        form (``B2 tase`` → ``tasemel B2``, a bare ``C1`` → ``tasemel C1``): the sentence may need
        another ending. No fix for a range (``B2–C1 tasemel``) or a compound (``keeletase C1``).
    """

    code = "AJ306"
    name = "inconsistent-level-format"
    severity = Severity.INFO
    fixable = True
    option_defaults = {"level-notation": None}
    messages = {
        "mixed": Message(
            en="Levels are written in {count} notations here: {notations}. Write '{written}' as "
               "'{suggested}', the preferred notation",
            et="Keeleoskuse tasemed on siin kirjutatud {count} moodi: {notations}. Kirjuta '{written}' "
               "eelistatud kujul '{suggested}'",
        ),
        "mixed_nofix": Message(
            en="Levels are written in {count} notations here: {notations}. Write '{written}' like the "
               "preferred '{example}'",
            et="Keeleoskuse tasemed on siin kirjutatud {count} moodi: {notations}. Kirjuta '{written}' "
               "nagu eelistatud '{example}'",
        ),
    }

    def check(self, doc):
        reqs = [r for r in unique(requirements(doc), "notation_location") if r.notation in NOTATIONS]
        counts = Counter(r.notation for r in reqs)
        if len(counts) < 2:
            return
        preferred = self._preferred(doc)
        examples = notation_examples()
        first: dict[str, str] = {}
        for r in reqs:
            src = source(doc, r.notation_location)
            if src is not None and r.notation not in first:
                first[r.notation] = " ".join(src[2].split())
        shown = ", ".join(f"'{w}'" for w in first.values())  # in the order they are written
        word = datafiles.languages().levels_notation.fix_word
        for r in reqs:
            if r.notation == preferred:
                continue
            src = source(doc, r.notation_location)
            if src is None:
                continue
            written = " ".join(src[2].split())
            fix, suggested = self._fix(doc, r, preferred, word, src[2])
            args = dict(count=len(counts), notations=shown, written=written)
            if fix is not None:
                yield self.diag(doc, r.notation_location, "mixed", suggested=suggested, fix=fix, **args)
            else:
                yield self.diag(doc, r.notation_location, "mixed_nofix", example=examples[preferred], **args)

    def _preferred(self, doc) -> str:
        opt = self.options.get("level-notation")
        if opt in NOTATIONS:
            return opt
        cfg = datafiles.languages().levels_notation
        profile = doc.model.profile if doc.model is not None else None
        return cfg.profiles.get(profile or "", cfg.preferred)

    @staticmethod
    def _fix(doc, r, preferred: str, word: str, text: str):
        lvl_src = source(doc, r.level_location)
        if lvl_src is None:
            return None, None
        level = lvl_src[2]
        tase = r.notation_word
        if tase is not None and (tase not in text or not ocr_fold(tase).startswith("tase")):
            return None, None  # a compound "keeletase C1"
        # the phrase must be the level, the word and separators only (not a range "B2–C1 tasemel")
        rest = text.replace(level, "", 1)
        if tase:
            rest = rest.replace(tase, "", 1)
        if rest.strip(" \t\n-–:+"):
            return None, None
        use = word if preferred == "tase-first" or not tase else tase
        new = {
            "tase-first": f"{use} {level}",
            "level-hyphen": f"{level}-{use}",
            "level-space": f"{level} {use}",
            "bare": level,
        }[preferred]
        safe = (
            tase is not None and preferred != "bare" and ocr_fold(use) == ocr_fold(tase)
            and r.notation_location.line == r.notation_location.end_line
        )
        fix = replace(doc, r.notation_location, None, new, "safe" if safe else "unsafe",
                      f"Write the level as '{new}'")
        return fix, new
