from ajlint.builtin.rules.competency.base import CompetencyRule, competencies_label
from ajlint.diagnostics import Message, Severity


class CompetencySet(CompetencyRule):
    """The competency set does not fit the position: a manager's set for a specialist or the reverse.

    What it does
        Tells from the document whether the position manages people — direct reports
        (1.6 Vahetud alluvad), a duty about leading people ("Alluvate teenistujate juhtimine",
        "Tiimi juhtimine"), or a managerial title ("Tiimijuht", "… juhataja") — and which set of the
        catalog its "Tööks vajalikud kompetentsid" use (by the competencies only one set has:
        Koostöövõime and Efektiivsus for specialists, Meeskonnatöö and Eestvedamine for managers).
        Reports a position that manages people with the specialist set, or one that manages nobody
        with the manager set. The message names the evidence. The signals are data
        (``rules/competency-signals.toml``).

    Why it matters
        The set decides what the person is evaluated against: a team lead evaluated only on
        "Koostöövõime" has no leadership expectations on record, and a coordinator with no reports
        cannot meet "Eestvedamine".

    Example
        A "Tiimijuht" with the duty "3.1 Tiimi juhtimine ja arendamine" whose competencies are
        Kliendikesksus, Asjatundlikkus, Koostöövõime, Efektiivsus.

    Use instead
        The manager set: Kliendikesksus, Asjatundlikkus, Meeskonnatöö, Eestvedamine, with their
        manager indicators.

    Fix safety
        No automatic fix: the right set and its indicators need a person's decision.
    """

    code = "AJ403"
    name = "competency-set"
    severity = Severity.WARNING
    messages = {
        "manager": Message(
            en="The position manages people ({evidence}) but uses the '{used}' competency set ({names}); "
               "expected the '{expected}' set ({expected_names})",
            et="Ametikoht juhib inimesi ({evidence}), kuid kasutab kompetentside komplekti '{used}' ({names}); "
               "oodatud on komplekt '{expected}' ({expected_names})",
        ),
        "nobody": Message(
            en="The position manages nobody (no direct reports, no duty about leading people, title '{title}') "
               "but uses the '{used}' competency set ({names}); expected the '{expected}' set ({expected_names})",
            et="Ametikoht ei juhi kedagi (vahetuid alluvaid ega inimeste juhtimise ülesandeid pole, ametinimetus "
               "'{title}'), kuid kasutab kompetentside komplekti '{used}' ({names}); "
               "oodatud on komplekt '{expected}' ({expected_names})",
        ),
    }

    def check(self, doc):
        idx = self.index()
        a = self.analysis(doc)
        used = a.used_set
        if used is None or not a.role.decidable:
            return
        if idx.set_manager.get(used) == a.role.manager:
            return
        expected = next((k for k, mgr in idx.set_manager.items() if mgr == a.role.manager), None)
        if expected is None:
            return
        own = [w for w in a.core if w.match.name in idx.exclusive.get(used, set())]
        where = competencies_label(doc) or (own[0].comp.name_location if own else a.core[0].comp.name_location)
        names = ", ".join(dict.fromkeys(w.match.name for w in own))
        yield self.diag(
            doc, where, "manager" if a.role.manager else "nobody",
            evidence="; ".join(a.role.evidence), title=a.role.title,
            used=idx.set_label[used], names=names, expected=idx.set_label[expected],
            expected_names=", ".join(sorted(idx.exclusive.get(expected, set()),
                                            key=list(idx.sets[expected]).index)),
        )
