from ajlint.diagnostics import Message, Severity
from ajlint.rule import Rule

from ajlint.builtin.rules.language.common import nearest_levels, replace, requirements, unique


class CefrLevel(Rule):
    """A language level that is not one of the CEFR levels A1, A2, B1, B2, C1, C2.

    What it does
        Reports a level written in a language requirement that is no level of the Common European
        Framework of Reference: ``C3``, ``B3``, ``D1``, ``A0``, or a letter alone (``B tasemel``).
        The message suggests the nearest valid level: ``C3`` → C2, ``B3`` → B2, ``D1`` → C1,
        ``B`` → B1 or B2. Every notation is read (``tasemel C3``, ``C3-tasemel``, ``C3 tase``, a bare
        ``C3``). One finding per level token, even when several languages share it. Legacy terms and
        categories (``kõrgtase``, ``A-kategooria``) are AJ302's.

    Why it matters
        The Language Act § 23 and Government regulation no. 84 know only the CEFR levels A1–C2. A
        requirement of "C3" cannot be met, tested or compared with a certificate, so the reviewer
        cannot tell what the author meant; a candidate or an auditor will ask.

    Example
        ``Valdab eesti keelt vähemalt tasemel C3.``

    Use instead
        ``Valdab eesti keelt vähemalt tasemel C2.`` (or C1, which is what an employer may require of
        Estonian at most — see AJ304)

    Fix safety
        Unsafe: replacing the level with the nearest valid one is a guess at the author's intent.
        Offered only when there is a single nearest level (not for a letter alone).
    """

    code = "AJ301"
    name = "cefr-level"
    severity = Severity.ERROR
    fixable = True
    messages = {
        "one": Message(
            en="'{level}' is not a CEFR level (A1, A2, B1, B2, C1, C2); the nearest is {suggestion}",
            et="'{level}' ei ole Euroopa keeleõppe raamdokumendi tase (A1, A2, B1, B2, C1, C2); lähim on "
               "{suggestion}",
        ),
        "two": Message(
            en="'{level}' is not a CEFR level (A1, A2, B1, B2, C1, C2); write {suggestion}",
            et="'{level}' ei ole Euroopa keeleõppe raamdokumendi tase (A1, A2, B1, B2, C1, C2); kirjuta "
               "{suggestion}",
        ),
    }

    def check(self, doc):
        for r in unique(requirements(doc), "level_location"):
            if r.level_kind != "invalid" or not r.level:
                continue
            near = nearest_levels(r.level)
            if len(near) == 1:
                fix = replace(doc, r.level_location, r.level, near[0], "unsafe",
                              f"Replace '{r.level}' with {near[0]}")
                yield self.diag(doc, r.level_location, "one", level=r.level, suggestion=near[0], fix=fix)
            elif near:
                yield self.diag(doc, r.level_location, "two", level=r.level,
                                suggestion=" / ".join(near))
