from ajlint.builtin.rules.links.common import LinkRule
from ajlint.diagnostics import Message, Severity
from ajlint.links.checks import label_name


class SelfSubstitution(LinkRule):
    """A position names only itself as its substitute.

    What it does
        Reports a "Kes asendab" (who substitutes this position) whose every item is the position's
        own title — a coordinator substituted by "koordinaator" — at the first item. A position is
        its title and unit, so another document of the same title in the same unit is the same
        position. Written as ``teine koordinaator`` (another coordinator) the item means another holder
        of the position and is accepted. A list guessed from a scrambled layout (AJ004) is not reported.

    Why it matters
        The position is then substituted by nobody in particular: when several people hold it, the
        document should say so ("teine koordinaator"); when one person does, someone else must be named.

    Example
        ``Koordinaator`` … ``1.4 Kes asendab  Koordinaator``

    Use instead
        ``1.4 Kes asendab  Juhtivspetsialist`` — or ``Teine koordinaator`` when two people hold the position.

    Fix safety
        No automatic fix.
    """

    code = "AJ208"
    name = "self-substitution"
    severity = Severity.WARNING
    messages = {
        "self": Message(
            en="'{ref}' under {label} is this position's own title: it names only itself as its substitute",
            et="'{ref}' lahtris „{label}“ on selle ametikoha enda nimetus: ametikoht nimetab asendajaks "
               "ainult iseennast",
        ),
    }

    def check_corpus(self, docs):
        links = self.links(docs)
        for i, doc in enumerate(links.docs):
            if not doc.report or links.guessed(i, "substitutes"):
                continue
            rs = links.resolutions[i]["substitutes"]
            if rs and all(r.status == "self" and not r.other_holder for r in rs):
                yield self.diag(doc, rs[0].ref, "self", ref=rs[0].ref.text, label=label_name(doc, "substitutes"),
                                section="general")
