from ajlint.diagnostics import Message, Severity
from ajlint.rule import Rule


class InvalidSuppression(Rule):
    """A suppression directive is malformed or names an unknown rule.

    What it does
        Reports an ``ajlint:`` comment in a document that ajlint cannot use: an unknown directive
        (``disabel``), a directive without rules after ``=``, or a rule code or name that no installed
        rule has.

    Why it matters
        A directive that does nothing silently lets the finding it was meant to silence through — or,
        worse, suggests a reviewed exception that was never recorded.

    Example
        ``<!-- ajlint: disabel=AJ201 -->`` or ``<!-- ajlint: disable=AJ299 -->``

    Use instead
        ``<!-- ajlint: disable=AJ201 -->`` … ``<!-- ajlint: enable=AJ201 -->``; see ``ajlint rules``
        for the codes and names.

    Fix safety
        No automatic fix.
    """

    code = "AJ010"
    name = "invalid-suppression"
    severity = Severity.WARNING
    needs_model = False
    messages = {
        "invalid": Message(
            en="Invalid suppression directive: {reason}",
            et="Vigane vaigistamise direktiiv: {reason}",
        )
    }
