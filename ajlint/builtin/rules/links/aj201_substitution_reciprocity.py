from ajlint.builtin.rules.links.common import LinkRule, related
from ajlint.diagnostics import Message, Severity
from ajlint.links.checks import anchor, label_name, line_of, title_of


class SubstitutionReciprocity(LinkRule):
    """A substitution is stated by one of the two documents only.

    What it does
        Resolves every "Keda asendab" (whom this position substitutes) and "Kes asendab" (who
        substitutes it) item to a position of the set and checks the other side: when A lists B under
        "Keda asendab", B must list A under "Kes asendab", and the other way round. A break is reported
        on both documents — on A at the item naming B, on B at its own list — each message naming the
        other file and line. A document whose list was guessed from a scrambled layout (AJ004), or
        that has no such list at all, is not taken as evidence of a missing entry.

    Why it matters
        A substitution agreed by one side only is no substitution: when B is absent, nobody expects to
        stand in, or someone stands in without knowing the duties. HR signs both documents and should
        see both ends of the broken link at once.

    Example
        ``nounik.md``: ``1.5 Keda asendab  Peaspetsialisti`` while ``peaspetsialist.md`` has
        ``1.4 Kes asendab  Talituse juhataja``.

    Use instead
        ``peaspetsialist.md``: ``1.4 Kes asendab  Talituse juhataja, nõunik`` — or remove the item from
        ``nounik.md`` if the substitution was dropped.

    Fix safety
        No automatic fix: which of the two documents is right is HR's decision.
    """

    code = "AJ201"
    name = "substitution-reciprocity"
    severity = Severity.WARNING
    messages = {
        "listed": Message(
            en="'{ref}' under {label} is {other_title} ({other_path}:{other_line}), but its {other_label} does "
               "not name this position ('{title}')",
            et="'{ref}' lahtris „{label}“ on {other_title} ({other_path}:{other_line}), kuid selle lahter "
               "„{other_label}“ ei nimeta seda ametikohta ('{title}')",
        ),
        "missing": Message(
            en="{other_title} ({other_path}:{other_line}) lists this position under {other_label} as "
               "'{ref}', but {label} here does not name {other_title}",
            et="{other_title} ({other_path}:{other_line}) märgib selle ametikoha lahtris „{other_label}“ "
               "('{ref}'), kuid siinne „{label}“ ei nimeta ametikohta {other_title}",
        ),
    }

    def check_corpus(self, docs):
        links = self.links(docs)
        for br in links.breaks:
            if br.kind != "substitution":
                continue
            a, b = links.docs[br.a], links.docs[br.b]
            a_field = br.res.field
            b_anchor = anchor(b, br.b_field)
            if a.report:
                yield self._with(self.diag(
                    a, br.res.ref, "listed", ref=br.res.ref.text, label=label_name(a, a_field),
                    other_title=title_of(b), other_path=b.path, other_line=line_of(b_anchor),
                    other_label=label_name(b, br.b_field), title=title_of(a), section="general",
                ), b, b_anchor, "the list that lacks it")
            if b.report:
                yield self._with(self.diag(
                    b, b_anchor, "missing", other_title=title_of(a), other_path=a.path,
                    other_line=br.res.ref.line, other_label=label_name(a, a_field), ref=br.res.ref.text,
                    label=label_name(b, br.b_field), section="general",
                ), a, br.res.ref, "the item that names this position")

    @staticmethod
    def _with(d, doc, where, what):
        d.related.append(related(doc, where, what))
        return d
