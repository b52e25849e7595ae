from ajlint.builtin.rules.links.common import LinkRule, others
from ajlint.diagnostics import Message, Severity
from ajlint.links.checks import label_name


class UnresolvedPosition(LinkRule):
    """A reference matches no position of the set of documents.

    What it does
        Reports a "Vahetu juht", "Kes asendab", "Keda asendab" or "Vahetud alluvad" item whose title,
        read through its case ending (``juhatajat`` → ``juhataja``), is the title of no document in the
        set. A generic head title (``talituse juhataja``, ``tiimijuht``) is looked for among the heads
        of the position's own unit. When the set may be a part of the organisation (the default),
        positions of sibling branches (another team or talitus) are not taken as the referent — the
        message names them so the reviewer can judge. Info by default; a warning with the option
        ``corpus-complete = true``, which says the set is the whole organisation (and then sibling
        branches are searched too).

    Why it matters
        A reference nobody can follow is a substitution or reporting line that exists on paper only:
        the title was renamed, misspelt, or the position was abolished.

    Example
        ``1.4 Kes asendab  Projektijuht`` in an organisation with no project manager.

    Use instead
        The exact title of an existing position: ``1.4 Kes asendab  Juhtivspetsialist``.

    Fix safety
        No automatic fix.
    """

    code = "AJ202"
    name = "unresolved-position"
    severity = Severity.INFO
    messages = {
        "unresolved": Message(
            en="'{ref}' under {label} ('{title}') matches no position of the set of documents",
            et="'{ref}' lahtris „{label}“ ('{title}') ei vasta ühelegi dokumentide hulga ametikohale",
        ),
        "elsewhere": Message(
            en="'{ref}' under {label} ('{title}') matches no position in this position's own units; other units "
               "have: {others} (set corpus-complete = true if the set is the whole organisation)",
            et="'{ref}' lahtris „{label}“ ('{title}') ei vasta ühelegi ametikohale selle ametikoha enda "
               "üksustes; teistes üksustes on: {others} (kui dokumendid hõlmavad kogu asutust, seadke "
               "corpus-complete = true)",
        ),
    }

    def __init__(self, options=None):
        super().__init__(options)
        if self.complete:
            self.severity = Severity.WARNING

    def check_corpus(self, docs):
        for doc, key, r in self.links(docs).reported("unresolved"):
            if not r.key:
                continue
            args = dict(ref=r.ref.text, label=label_name(doc, key), title=r.title)
            if r.elsewhere:
                yield self.diag(doc, r.ref, "elsewhere", others=others(r.elsewhere), section="general", **args)
            else:
                yield self.diag(doc, r.ref, "unresolved", section="general", **args)
