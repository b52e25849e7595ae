from ajlint.diagnostics import Message, Severity
from ajlint.rule import Rule

from ajlint.builtin.rules.language.common import requirements


class MissingLanguageLevel(Rule):
    """A language named in the requirements without a level.

    What it does
        Reports each language of the Keeleoskus text that has no level: ``Oskab inglise keelt.``,
        ``Inglise keele oskus on eeliseks.``, ``vene keele oskus vastavalt vajadusele``. A level
        written once for coordinated languages counts for each (``eesti ja vene keelt tasemel C1``).
        When the text only describes a level in words (``heal tasemel``, ``suhtlustasandil``,
        ``vabalt``) the message says so. The finding is on the language and its "keel" word.

    Why it matters
        Without a level the requirement cannot be checked at recruitment or in an evaluation, and
        for Estonian the regulation requires a level for every position. "Good English" means B1
        to one reader and C1 to another; a CEFR level means the same to all.

    Example
        ``Valdab eesti keelt vähemalt tasemel C1. Oskab inglise keelt.``

    Use instead
        ``Valdab eesti keelt vähemalt tasemel C1. Oskab inglise keelt vähemalt tasemel B1.``

    Fix safety
        No automatic fix: only the author knows the level the position needs.
    """

    code = "AJ303"
    name = "missing-language-level"
    severity = Severity.WARNING
    messages = {
        "missing": Message(
            en="{language} is required without a level: give a CEFR level (A1–C2)",
            et="{language} on nõutud tasemeta: lisa Euroopa raamdokumendi tase (A1–C2)",
        ),
        "vague": Message(
            en="{language} is required only '{vague}', which is no level: give a CEFR level (A1–C2)",
            et="{language} on nõutud ainult '{vague}', mis ei ole tase: lisa Euroopa raamdokumendi tase (A1–C2)",
        ),
    }

    def check(self, doc):
        for r in requirements(doc):
            if r.level is not None:
                continue
            name = _display(r.language)
            if r.vague:
                yield self.diag(doc, r, "vague", language=name, vague=r.vague)
            else:
                yield self.diag(doc, r, "missing", language=name)


def _display(language: str) -> str:
    """'inglise' → 'Inglise keel'; 'võõrkeel' → 'Võõrkeel'."""
    name = language if language.endswith("keel") else f"{language} keel"
    return name[:1].upper() + name[1:]
