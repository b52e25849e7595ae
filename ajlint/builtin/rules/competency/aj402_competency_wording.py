from ajlint.builtin.rules.competency.base import CompetencyRule
from ajlint.diagnostics import Message, Severity


class CompetencyWording(CompetencyRule):
    """An indicator or definition sentence that is not the approved wording of its competency.

    What it does
        Splits the indicators of each competency (and the definitions of the additional ones) into
        sentences and compares every sentence with the approved sentences of that competency in
        ``rules/competencies.toml`` — of the set the document uses for the core competencies. Any
        subset of the approved sentences, in any order, is fine; a sentence that differs is reported
        with the closest approved sentence and a word-level diff (``'Põhjub' → 'Põhjendab'``,
        ``+ 'partneritele,'`` for missing words, ``− 'töös'`` for extra ones). A sentence too far from
        every approved one is reported as not in the catalog (or as belonging to another
        competency). Spacing, punctuation-only differences and the spelling of a compound with a
        hyphen or a space (``tegutsemis-meetodeid``) are not reported; in OCR text (see AJ005) letters
        garbled by OCR are not reported either, only real wording differences.

        An organisation's own catalog is given with the option ``competency-catalog`` (a list of
        TOML files shaped like ``rules/competencies.toml``, paths relative to the working directory;
        ``mode = "replace"`` replaces the shipped catalog, ``"extend"`` adds to it).

    Why it matters
        HR keeps one competency model; every job description must quote it, not paraphrase it.
        Retyped wording drifts ("soovitude", "usaldusväärset"), and a position evaluated against a
        reworded indicator is evaluated against something nobody approved.

    Example
        ``Selgitab keerukaid teemasid arusaadavalt ja täpselt. Põhjub veenvalt oma seisukohti.``

    Use instead
        ``Selgitab keerukaid teemasid arusaadavalt ja täpselt. Põhjendab veenvalt oma seisukohti.``

    Fix safety
        The fix rewrites only the differing words with the approved ones. It is safe when every
        difference is a misspelt word (similar to the approved word, ``matching.safe_word_ratio``) or
        a compound's spelling; it is unsafe when words are added, removed or replaced by other words,
        because the author may have adapted the wording on purpose and a reviewer should agree. A
        sentence not in the catalog has no fix.
    """

    code = "AJ402"
    name = "competency-wording"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "diff": Message(
            en="Not the approved wording of {competency}: {diff}. Approved: \"{approved}\"",
            et="Kompetentsi {competency} kinnitatud sõnastusest erinev: {diff}. Kinnitatud: \"{approved}\"",
        ),
        "unknown": Message(
            en="Sentence not in the catalog for {competency}: \"{written}\"",
            et="Seda lauset kompetentsi {competency} kataloogis ei ole: \"{written}\"",
        ),
        "elsewhere": Message(
            en="\"{written}\" is an approved sentence of {elsewhere}, not of {competency}",
            et="\"{written}\" on kinnitatud lause kompetentsist {elsewhere}, mitte kompetentsist {competency}",
        ),
    }

    def check(self, doc):
        for issue in self.analysis(doc).issues:
            if issue.status == "diff":
                yield self.diag(doc, issue.span, "diff", competency=issue.competency, diff=issue.diff,
                                approved=issue.approved.text, written=issue.written, fix=issue.fix)
            elif issue.status == "elsewhere":
                yield self.diag(doc, issue.span, "elsewhere", competency=issue.competency,
                                written=issue.written, elsewhere=issue.elsewhere)
            else:
                yield self.diag(doc, issue.span, "unknown", competency=issue.competency, written=issue.written)
