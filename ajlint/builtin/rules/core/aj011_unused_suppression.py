from ajlint.diagnostics import Message, Severity
from ajlint.rule import Rule


class UnusedSuppression(Rule):
    """A suppression directive suppressed nothing (opt-in).

    What it does
        Reports a ``disable``, ``disable-next-line`` or ``disable-file`` directive that silenced no
        finding in this run. The rule is opt-in: enable it with ``extend-select = ["unused-suppression"]``.

    Why it matters
        Exceptions outlive their reason: once the document is corrected, the directive only hides the
        next real finding. Reviewers want the list of exceptions to stay short and true.

    Example
        ``<!-- ajlint: disable-next-line=AJ104 -->`` above a heading that is spelt correctly.

    Use instead
        Remove the directive.

    Fix safety
        No automatic fix.
    """

    code = "AJ011"
    name = "unused-suppression"
    severity = Severity.INFO
    needs_model = False
    default_enabled = False
    messages = {
        "unused": Message(
            en="Suppression directive '{directive}' suppressed nothing",
            et="Vaigistamise direktiiv '{directive}' ei vaigistanud midagi",
        )
    }
