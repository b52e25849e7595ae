from ajlint.diagnostics import Message, Severity
from ajlint.rule import Rule


def _snippet(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


class DutyWithoutResult(Rule):
    """A duty has no expected result, or an expected result has no duty.

    What it does
        Reads the duties table ("Põhiülesanded | Oodatavad tulemused") and reports a duty with no
        expected result next to or under it, a result written before the first duty (a row whose duty
        cell is empty), and a numbered duty row that has results but no duty text. A table continued
        after a page break (its first row's duty cell empty) continues the duty above it and is not
        reported. When no duty has a result at all (the results column is missing), that is one
        finding on the duties heading.

    Why it matters
        The template pairs every duty with the results by which its performance is appraised; a duty
        without a result cannot be appraised, and a result without a duty has lost its subject (often
        a row split by a page break or a paste gone wrong).

    Example
        ``3.5 Projektide aja- ja tegevuskavade jälgimine.`` followed directly by
        ``3.6 Juhendite ettevalmistamine.``

    Use instead
        ``3.5 Projektide aja- ja tegevuskavade jälgimine.``
        ``▪ Projektide aja- ja tegevuskavad on õiged ja ajakohased.``

    Fix safety
        No automatic fix: the result has to be written by the author.
    """

    code = "AJ106"
    name = "duty-without-result"
    severity = Severity.WARNING
    messages = {
        "no_result": Message(
            en="Duty {number} has no expected result",
            et="Ülesandel {number} puudub oodatav tulemus",
        ),
        "no_result_unnumbered": Message(
            en="Duty '{duty}' has no expected result",
            et="Ülesandel '{duty}' puudub oodatav tulemus",
        ),
        "no_duty": Message(
            en="Expected result '{result}' belongs to no duty",
            et="Oodatav tulemus '{result}' ei kuulu ühegi ülesande juurde",
        ),
        "none_has_result": Message(
            en="None of the {count} duties has an expected result",
            et="Ühelgi {count} ülesandest pole oodatavat tulemust",
        ),
        "empty_duty": Message(
            en="Duty {number} has expected results but no description of the duty itself",
            et="Ülesandel {number} on oodatavad tulemused, kuid ülesanne ise on kirjeldamata",
        ),
    }

    def check(self, doc):
        jd = doc.model
        for r in jd.unassigned_results:
            yield self.diag(doc, r, "no_duty", result=_snippet(r.text))
        section = next((s for s in jd.sections if s.key == "duties"), None)
        if len(jd.duties) >= 2 and section is not None and not jd.unassigned_results \
                and not any(d.results for d in jd.duties):
            # a list of duties without the results column: one finding, not one per duty
            yield self.diag(doc, section, "none_has_result", count=len(jd.duties))
            return
        for d in jd.duties:
            if not d.text.strip() and not d.items:
                if d.results:
                    yield self.diag(doc, d.number_location or d, "empty_duty", number=d.number or "?")
                continue
            if d.results:
                continue
            if d.number:
                yield self.diag(doc, d, "no_result", number=d.number.rstrip("."))
            else:
                yield self.diag(doc, d, "no_result_unnumbered", duty=_snippet(d.text))
