from ajlint.builtin.rules.structure.common import lis_keep
from ajlint.diagnostics import Message, Severity
from ajlint.rule import Rule


class SectionOrder(Rule):
    """Sections are out of the template's order, or a section appears twice.

    What it does
        Compares the order of the recognised section headings with the order of the profile
        (template). The fewest sections that, moved, would restore the order are reported, each on its
        heading, naming the section it belongs before or after. A section heading that appears a second
        time is reported too.

    Why it matters
        Reviewers, registers and the people holding the position read every job description in the
        same order; a description whose rights come after its responsibilities, or whose requirements
        come before its duties, is harder to compare with the others and looks unfinished.

    Example
        ``4. VASTUTUS`` … ``5. ÕIGUSED``

    Use instead
        ``4. ÕIGUSED`` … ``5. VASTUTUS``

    Fix safety
        No automatic fix: moving whole sections is left to the author.
    """

    code = "AJ102"
    name = "section-order"
    severity = Severity.WARNING
    messages = {
        "before": Message(
            en="Section '{heading}' is out of order: the template puts it before '{other}'",
            et="Osa '{heading}' on vales kohas: põhja järgi peab see olema enne osa '{other}'",
        ),
        "after": Message(
            en="Section '{heading}' is out of order: the template puts it after '{other}'",
            et="Osa '{heading}' on vales kohas: põhja järgi peab see olema pärast osa '{other}'",
        ),
        "again": Message(
            en="Section '{heading}' appears a second time (first on line {line})",
            et="Osa '{heading}' esineb teist korda (esimest korda real {line})",
        ),
    }

    def check(self, doc):
        jd, profile = doc.model, doc.profile
        if profile is None:
            return
        order: dict[str, int] = {}
        for i, spec in enumerate(profile.sections):
            if spec.key != "other":
                order.setdefault(spec.key, i)
        first_seen: dict[str, object] = {}
        seq = []
        for s in jd.sections:
            if s.key not in order:
                continue
            if s.key in first_seen:
                yield self.diag(doc, s, "again", heading=s.heading, line=first_seen[s.key].line)
                continue
            first_seen[s.key] = s
            seq.append(s)
        keys = [order[s.key] for s in seq]
        keep = lis_keep(keys)
        for i, s in enumerate(seq):
            if i in keep:
                continue
            later = next((seq[j] for j in range(i) if j in keep and keys[j] > keys[i]), None)
            if later is not None:
                yield self.diag(doc, s, "before", heading=s.heading, other=later.heading)
                continue
            earlier = [seq[j] for j in range(i + 1, len(seq)) if j in keep and keys[j] < keys[i]]
            if earlier:
                yield self.diag(doc, s, "after", heading=s.heading, other=earlier[-1].heading)
