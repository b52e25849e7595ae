from ajlint.builtin.rules.competency.base import CompetencyRule, competencies_label
from ajlint.diagnostics import Message, Severity


class MissingCompetency(CompetencyRule):
    """A competency of the applicable set is missing.

    What it does
        Takes the set the document's "Tööks vajalikud kompetentsid" use (or, when the list names no
        competency of one set only, the set that fits the position — see AJ403) and reports each
        competency of that set that the list does not name. A list header without any competency
        under it reports the whole set. Misspelt names (AJ401) count as present.

    Why it matters
        Every position is evaluated against all four competencies of its set; a missing one leaves
        an expectation unstated, and evaluations across positions stop being comparable.

    Example
        ``Tööks vajalikud kompetentsid`` followed by Kliendikesksus, Asjatundlikkus and Koostöövõime
        only.

    Use instead
        All four: Kliendikesksus, Asjatundlikkus, Koostöövõime and Efektiivsus, with their
        indicators.

    Fix safety
        No automatic fix: the competency's indicators must be chosen by a person.
    """

    code = "AJ404"
    name = "missing-competency"
    severity = Severity.WARNING
    messages = {
        "missing": Message(
            en="Competency {name} of the '{set}' set is missing",
            et="Komplekti '{set}' kompetents {name} puudub",
        ),
    }

    def check(self, doc):
        idx = self.index()
        a = self.analysis(doc)
        label = competencies_label(doc)
        if not a.core and label is None:
            return  # no competency part at all: the structure rules report a missing part
        key = a.used_set
        if key is None:
            if not a.role.decidable:
                return
            key = next((k for k, mgr in idx.set_manager.items() if mgr == a.role.manager), None)
            if key is None:
                return
        present = {w.match.name for w in a.core if w.match.name is not None}
        where = label or a.core[0].comp.name_location
        for name in idx.sets.get(key, {}):
            if name not in present:
                yield self.diag(doc, where, "missing", name=name, set=idx.set_label[key])
