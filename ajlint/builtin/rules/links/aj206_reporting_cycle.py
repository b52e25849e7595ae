from ajlint.builtin.rules.links.common import LinkRule, related
from ajlint.diagnostics import Message, Severity
from ajlint.links.checks import anchor, title_of


class ReportingCycle(LinkRule):
    """The manager relation has a cycle.

    What it does
        Follows every position's resolved "Vahetu juht" (direct manager) and reports a chain that
        returns to where it started — A reports to B, B reports to A — on every document of the
        cycle, at its "Vahetu juht", the message listing the whole cycle with files and lines. A
        position whose manager is its own title reports to itself: a cycle of one.

    Why it matters
        A reporting line must end at the head of the organisation. In a cycle nobody is finally
        responsible, and escalation never leaves the loop; usually one of the documents kept an old
        structure after a reorganisation.

    Example
        ``osakonnajuhataja.md``: ``Vahetu juht  Asendushoolduse talituse juhataja`` while that talitus
        head's document names ``Osakonna juhataja`` as its manager.

    Use instead
        ``osakonnajuhataja.md``: ``Vahetu juht  Peadirektor``.

    Fix safety
        No automatic fix.
    """

    code = "AJ206"
    name = "reporting-cycle"
    severity = Severity.ERROR
    messages = {
        "cycle": Message(
            en="The reporting line forms a cycle: {cycle}",
            et="Alluvusahel moodustab ringi: {cycle}",
        ),
    }

    def check_corpus(self, docs):
        links = self.links(docs)
        for cyc in links.cycles:
            steps = []
            for i in cyc + cyc[:1]:
                d = links.docs[i]
                where = anchor(d, "manager") if d.model.manager is None else d.model.manager
                steps.append(f"{title_of(d)} ({d.path}:{getattr(where, 'line', where)})")
            text = " → ".join(steps)
            for i in cyc:
                d = links.docs[i]
                if not d.report:
                    continue
                where = d.model.manager if d.model.manager is not None else anchor(d, "manager")
                diag = self.diag(d, where, "cycle", cycle=text, section="general")
                for j in cyc:
                    if j != i:
                        o = links.docs[j]
                        diag.related.append(related(o, o.model.manager or anchor(o, "manager"), "in the cycle"))
                yield diag
