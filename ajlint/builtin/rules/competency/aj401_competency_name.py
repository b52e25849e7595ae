from ajlint.builtin.rules.competency.base import CompetencyRule
from ajlint.diagnostics import Edit, Fix, Message, Severity


class CompetencyName(CompetencyRule):
    """A competency name that is not in the approved catalog.

    What it does
        Compares the name of every competency under "Tööks vajalikud kompetentsid" and "Täiendavad
        kompetentsid, isikuomadused ja teadmised" with the names of the catalog
        (``rules/competencies.toml``) and reports a name that is not there, suggesting the closest
        one. Case does not matter; in OCR text (see AJ005) letters garbled by OCR are not reported.

    Why it matters
        The competency model is the common language of recruitment, evaluation and development
        talks: "Korrektus" is not a competency anyone can evaluate against, and a misspelt name in a
        published job description reflects on the agency.

    Example
        ``Kliendikeskus:`` or ``**Korrektus**: Täidab ülesandeid täpselt …``

    Use instead
        ``Kliendikesksus:`` and ``**Korrektsus**: Täidab ülesandeid täpselt …``

    Fix safety
        Safe when one catalog name is clearly the closest (similarity at least
        ``matching.name_min_score`` and ahead of the runner-up by ``matching.name_margin``): the name
        is replaced with the catalog's spelling. No fix when the name is far from every catalog
        name or two names are equally close.
    """

    code = "AJ401"
    name = "competency-name"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "misspelt": Message(
            en="Competency name '{written}' is not in the catalog; did you mean '{name}'?",
            et="Kompetentsi nimetust '{written}' kataloogis ei ole; kas mõeldud on '{name}'?",
        ),
        "unknown": Message(
            en="Competency name '{written}' is not in the approved catalog",
            et="Kompetentsi nimetust '{written}' kinnitatud kataloogis ei ole",
        ),
    }

    def check(self, doc):
        a = self.analysis(doc)
        for w in a.core + a.additional:
            m = w.match
            written = (w.comp.name or "").strip()
            if m.exact or not written:
                continue
            if m.suggestion is None:
                yield self.diag(doc, w.comp.name_location, "unknown", written=written)
                continue
            fix = None
            if m.name is not None and m.unambiguous:
                fix = self._fix(doc, w.comp, m.name)
            yield self.diag(doc, w.comp.name_location, "misspelt", written=written, name=m.suggestion, fix=fix)

    @staticmethod
    def _fix(doc, comp, name: str):
        loc = comp.name_location
        if loc is None or doc.text is None:
            return None
        start = doc.offset(loc.line, loc.column)
        end = doc.offset(loc.end_line, loc.end_column)
        if doc.text[start:end] != comp.name:
            return None
        return Fix(edits=(Edit(start, end, name),), applicability="safe",
                   description=f"Write the catalog name '{name}'")
