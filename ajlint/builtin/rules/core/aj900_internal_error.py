from ajlint.diagnostics import Message, Severity
from ajlint.rule import Rule


class InternalError(Rule):
    """A rule failed with an error inside ajlint or a plugin.

    What it does
        When a rule raises an exception, the run does not stop: the exception becomes this finding,
        naming the rule, and every other rule's findings are still reported. ``ajlint check`` then
        exits with code 3.

    Why it matters
        The document may be fine; the checker is not. The findings of the failed rule are missing,
        so the result is incomplete.

    Example
        ``AJ900 [internal-error] Rule AJ999 [my-rule] failed: KeyError: 'title'``

    Use instead
        Report the message to the rule's authors (for built-in rules, ajlint's issue tracker) with
        the document if you can share it; ``--ignore`` the rule meanwhile.

    Fix safety
        No automatic fix.
    """

    code = "AJ900"
    name = "internal-error"
    severity = Severity.ERROR
    needs_model = False
    messages = {
        "crash": Message(
            en="Rule {code} [{rule}] failed: {error}",
            et="Reegel {code} [{rule}] katkes veaga: {error}",
        )
    }
