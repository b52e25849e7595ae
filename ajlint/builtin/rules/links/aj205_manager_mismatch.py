from ajlint.builtin.rules.links.common import LinkRule, related
from ajlint.diagnostics import Message, Severity
from ajlint.links.checks import anchor, label_name, line_of, title_of


class ManagerMismatch(LinkRule):
    """A reporting line is stated by one of the two documents only.

    What it does
        Resolves "Vahetu juht" (direct manager) and every "Vahetud alluvad" (direct reports) item to
        positions of the set and checks the other side: when A names B as its direct manager, B's
        direct reports must include A; when B lists A as a direct report, A's direct manager must be B.
        A break is reported on both documents, each at its own field, the message naming the other
        file and line. A document that does not state the field at all (no "Vahetud alluvad" row), or
        whose value was guessed from a scrambled layout (AJ004), is not taken as evidence.
        A plural item ("Klienditeeninduse spetsialistid") covers every position of that title.

    Why it matters
        Who manages whom decides who assigns work, approves leave and evaluates performance. Two
        documents that disagree leave a person with no manager, or with two.

    Example
        ``peaspetsialist.md``: ``1.3 Vahetu juht  Osakonna juhataja`` while the osakond head's
        ``1.6 Vahetud alluvad`` lists only talitus heads, and the talitus head lists the peaspetsialist.

    Use instead
        ``peaspetsialist.md``: ``1.3 Vahetu juht  Talituse juhataja``.

    Fix safety
        No automatic fix: which of the two documents is right is HR's decision.
    """

    code = "AJ205"
    name = "manager-mismatch"
    severity = Severity.WARNING
    messages = {
        "manager_unconfirmed": Message(
            en="'{ref}' ({label}) is {other_title} ({other_path}:{other_line}), but its {other_label} does not "
               "include this position ('{title}')",
            et="'{ref}' („{label}“) on {other_title} ({other_path}:{other_line}), kuid selle „{other_label}“ "
               "ei hõlma seda ametikohta ('{title}')",
        ),
        "report_missing": Message(
            en="{other_title} ({other_path}:{other_line}) names this position as its {other_label} ('{ref}'), "
               "but {label} here does not include {other_title}",
            et="{other_title} ({other_path}:{other_line}) märgib selle ametikoha oma lahtris „{other_label}“ "
               "('{ref}'), kuid siinne „{label}“ ei hõlma ametikohta {other_title}",
        ),
        "report_unconfirmed": Message(
            en="'{ref}' ({label}) is {other_title} ({other_path}:{other_line}), but its {other_label} is not "
               "this position ('{title}')",
            et="'{ref}' („{label}“) on {other_title} ({other_path}:{other_line}), kuid selle „{other_label}“ "
               "ei ole see ametikoht ('{title}')",
        ),
        "manager_missing": Message(
            en="{other_title} ({other_path}:{other_line}) lists this position under {other_label} ('{ref}'), "
               "but {label} here is not {other_title}",
            et="{other_title} ({other_path}:{other_line}) märgib selle ametikoha lahtris „{other_label}“ "
               "('{ref}'), kuid siinne „{label}“ ei ole {other_title}",
        ),
    }

    def check_corpus(self, docs):
        links = self.links(docs)
        for br in links.breaks:
            if br.kind != "manager":
                continue
            a, b = links.docs[br.a], links.docs[br.b]
            a_field = br.res.field  # manager or direct_reports
            b_anchor = anchor(b, br.b_field)
            if br.b_field == "manager" and b.model.manager is not None:
                b_anchor = b.model.manager
            first, second = (("manager_unconfirmed", "report_missing") if a_field == "manager"
                             else ("report_unconfirmed", "manager_missing"))
            if a.report:
                d = self.diag(a, br.res.ref, first, ref=br.res.ref.text, label=label_name(a, a_field),
                              other_title=title_of(b), other_path=b.path, other_line=line_of(b_anchor),
                              other_label=label_name(b, br.b_field), title=title_of(a), section="general")
                d.related.append(related(b, b_anchor, "the other side"))
                yield d
            if b.report:
                d = self.diag(b, b_anchor, second, other_title=title_of(a), other_path=a.path,
                              other_line=br.res.ref.line, other_label=label_name(a, a_field),
                              ref=br.res.ref.text, label=label_name(b, br.b_field), section="general")
                d.related.append(related(a, br.res.ref, "the other side"))
                yield d
