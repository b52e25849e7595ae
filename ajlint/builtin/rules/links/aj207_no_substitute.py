from ajlint.builtin.rules.links.common import LinkRule
from ajlint.diagnostics import Message, Severity
from ajlint.links.checks import anchor, label_name


class NoSubstitute(LinkRule):
    """Nobody substitutes the position.

    What it does
        Reports a position whose own "Kes asendab" (who substitutes it) is empty or ``-``, and that no
        document of the set names under "Keda asendab" (whom it substitutes). Reported at the
        position's "Kes asendab" (or its title when the field is missing). A list guessed from a
        scrambled layout (AJ004) is not taken as empty.

    Why it matters
        Every position's duties must go on when its holder is away: the Public Service Act and the
        Employment Contracts Act both expect the employer to organise substitution, and the job
        description is where it is agreed.

    Example
        ``1.4 Kes asendab  -`` and no other document lists the position under "Keda asendab".

    Use instead
        ``1.4 Kes asendab  Juhtivspetsialist`` and, in the juhtivspetsialist's document,
        ``1.5 Keda asendab  koordinaatorit``.

    Fix safety
        No automatic fix.
    """

    code = "AJ207"
    name = "no-substitute"
    severity = Severity.WARNING
    messages = {
        "none": Message(
            en="Nobody substitutes this position ('{title}'): {label} is empty and no document of the set "
               "names it under {other_label}",
            et="Seda ametikohta ('{title}') ei asenda keegi: „{label}“ on tühi ja ükski dokument ei nimeta "
               "seda lahtris „{other_label}“",
        ),
    }

    def check_corpus(self, docs):
        links = self.links(docs)
        for i, doc in enumerate(links.docs):
            pos = links.position(i)
            if not doc.report or pos is None:
                continue
            if links.resolutions[i]["substitutes"] or links.guessed(i, "substitutes"):
                continue
            if links.incoming_substitution[i]:
                continue
            where = anchor(doc, "substitutes")
            yield self.diag(doc, where, "none", title=pos.title, label=label_name(doc, "substitutes"),
                            other_label=label_name(doc, "substitutes_for"), section="general")
