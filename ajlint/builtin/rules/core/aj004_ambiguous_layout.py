from ajlint.diagnostics import Message, Severity
from ajlint.rule import Rule


class AmbiguousLayout(Rule):
    """A grid value had to be guessed from a scrambled layout.

    What it does
        Reports where the labels and values of the general part (1.1–1.6) could not be paired with
        certainty — typically OCR or PDF text in which the cells of a row were joined or shuffled —
        and names the guess ajlint made.

    Why it matters
        Every cross-document rule (substitution, reporting lines) builds on these values. A reviewer
        should confirm the guess, or fix the document so that it no longer needs one.

    Example
        ``1.3 Vahetu juht`` / ``1.4 Kes asendab`` / ``1.5 Keda asendab`` followed by four text blocks
        for three labels.

    Use instead
        One value per label: a table row, tab-separated cells, or ``Label: value`` lines.

    Fix safety
        No automatic fix: the right reading needs the original document.
    """

    code = "AJ004"
    name = "ambiguous-layout"
    severity = Severity.INFO
    messages = {
        "guess": Message(
            en="Ambiguous layout of the general part ({reason}); guessed: {guess}",
            et="Üldosa paigutus on mitmetähenduslik ({reason}); oletatud: {guess}",
        )
    }

    def check(self, doc):
        for g in doc.model.layout_guesses:
            yield self.diag(doc, g, "guess", reason=g.reason, guess=g.guess, section="general")
