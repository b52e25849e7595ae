import re

from ajlint.diagnostics import Message, Severity
from ajlint.extract import matcher_for
from ajlint.ltext import Span
from ajlint.rule import Rule

_TAGS = re.compile(r"<[^>]*>")


class MissingSignature(Rule):
    """The job description has no signature.

    What it does
        Reports a document with neither a signature line — one of the profile's signature markers,
        e.g. ``(allkirjastatud digitaalselt)`` — nor a signatures block (``Poolte allkirjad:``,
        ``Tööandja:`` / ``Töötaja:`` …, the profile's ``signature_block``) in its second half. The
        finding stands on the last line of text, where the signatures belong.

    Why it matters
        A job description takes effect when the employer and the employee or official have signed
        it; a text without any signature is a draft, and publishing or filing it as the valid
        description is a mistake a reviewer wants to catch.

    Example
        A document that ends with ``8. AMETIJUHENDI MUUTMINE`` ``Ametijuhend vaadatakse üle kord
        aastas.`` and nothing after it.

    Use instead
        ``Ametijuhend vaadatakse üle kord aastas.`` ``Poolte allkirjad:`` ``(allkirjastatud
        digitaalselt)``

    Fix safety
        No automatic fix: a signature cannot be added by a linter.
    """

    code = "AJ108"
    name = "missing-signature"
    severity = Severity.WARNING
    messages = {
        "missing": Message(
            en="No signature: the document has no '(allkirjastatud digitaalselt)' line and no signatures block",
            et="Allkiri puudub: dokumendis pole rida '(allkirjastatud digitaalselt)' ega allkirjade plokki",
        ),
    }

    def check(self, doc):
        jd, profile = doc.model, doc.profile
        if jd.signatures or profile is None:
            return
        lines = doc.lines
        m = matcher_for(profile)
        for text in lines[len(lines) // 2:]:
            if not text.strip():
                continue
            clean = _TAGS.sub(" ", text).strip(" \t#*|_>-")
            if clean and (m.is_signature_block(clean) or m.is_signature(clean)):
                return
        for n in range(len(lines), 0, -1):
            text = lines[n - 1]
            if _TAGS.sub("", text).strip():
                start = len(text) - len(text.lstrip()) + 1
                yield self.diag(doc, Span(n, start, n, len(text.rstrip()) + 1), "missing")
                return
        yield self.diag(doc, 1, "missing")
