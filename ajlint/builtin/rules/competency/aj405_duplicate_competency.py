from ajlint.builtin.rules.competency.base import CompetencyRule
from ajlint.builtin.rules.competency.textmatch import norm
from ajlint.diagnostics import Message, Severity


class DuplicateCompetency(CompetencyRule):
    """A competency listed twice.

    What it does
        Reports a competency that appears a second time in "Tööks vajalikud kompetentsid" or in
        "Täiendavad kompetentsid, isikuomadused ja teadmised" (names are compared as the catalog
        resolves them, so "Korrektus" and "Korrektsus" are the same competency). The finding is on
        the second occurrence and names the line of the first.

    Why it matters
        Two blocks of the same competency usually mean a copy-paste accident: the indicators of
        the two blocks drift apart, and a reader cannot tell which one the evaluation uses.

    Example
        ``Korrektsus: Täidab ülesandeid täpselt …`` and further down ``Korrektsus: Väljendab end
        selgelt …``

    Use instead
        One block: ``Korrektsus: Täidab ülesandeid täpselt … Väljendab end selgelt …``

    Fix safety
        No automatic fix: merging the two blocks needs a person.
    """

    code = "AJ405"
    name = "duplicate-competency"
    severity = Severity.WARNING
    messages = {
        "duplicate": Message(
            en="Competency {name} is listed twice (first on line {first})",
            et="Kompetents {name} on loetletud kaks korda (esimest korda real {first})",
        ),
    }

    def check(self, doc):
        a = self.analysis(doc)
        for group in (a.core, a.additional):
            seen: dict[str, object] = {}
            for w in group:
                key = w.match.name or norm((w.comp.name or "").strip())
                if not key:
                    continue
                first = seen.get(key)
                if first is None:
                    seen[key] = w
                    continue
                yield self.diag(doc, w.comp.name_location, "duplicate", name=w.match.name or w.comp.name,
                                first=first.comp.name_location.line)
