from ajlint.builtin.rules.links.common import LinkRule, others, related
from ajlint.diagnostics import Message, Severity
from ajlint.links.checks import label_name


class AmbiguousPosition(LinkRule):
    """A reference matches several positions equally well.

    What it does
        Reports a reference whose title is held by several positions at the same distance from the
        referring position — for instance two "koordinaator" positions in two talitused of the
        osakond, referred to from the osakond's head, or "talituse juhataja" written by someone above
        several talitused — and names them. Closer positions win (the same team, then the same
        talitus, then the same osakond), and a parenthesised qualifier naming a unit picks among them
        (``juhtivspetsialist (lastemaja)``); only a real tie is reported. A plural reference
        ("spetsialistid") means all of them and is not ambiguous.

    Why it matters
        When a document could mean either of two people, the substitution or reporting line is
        decided at the moment of need, by whoever reads it first. Ambiguity is a finding, not
        something to guess.

    Example
        ``1.4 Kes asendab  Talituse juhataja`` in the document of an osakond's head with two talitused.

    Use instead
        ``1.4 Kes asendab  Asendushoolduse talituse juhataja``, or a qualifier:
        ``Talituse juhataja (asendushoolduse talitus)``.

    Fix safety
        No automatic fix: which one is meant is HR's decision.
    """

    code = "AJ203"
    name = "ambiguous-position"
    severity = Severity.WARNING
    messages = {
        "ambiguous": Message(
            en="'{ref}' under {label} ('{title}') matches {count} positions equally well: {candidates}",
            et="'{ref}' lahtris „{label}“ ('{title}') vastab võrdselt {count} ametikohale: {candidates}",
        ),
    }

    def check_corpus(self, docs):
        for doc, key, r in self.links(docs).reported("ambiguous"):
            d = self.diag(doc, r.ref, "ambiguous", ref=r.ref.text, label=label_name(doc, key), title=r.title,
                          count=r.count, candidates=others(r.candidates), section="general")
            for p in r.candidates[:5]:
                d.related.append(related(p.doc, p.doc.model.title or 1, f"candidate: {p.title}"))
            yield d
