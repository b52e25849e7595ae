from ajlint.diagnostics import Message, Severity
from ajlint.rule import Rule


class EncodingFallback(Rule):
    """The file is not UTF-8 and was read as Windows Baltic (cp1257).

    What it does
        Reports a text file that is neither valid UTF-8 nor UTF-16 with a byte order mark. ajlint
        then reads it as Windows Baltic (cp1257), the usual encoding of older Estonian Windows files.

    Why it matters
        The guess is usually right for Estonian text, but not always: ``õ``, ``š`` and ``ž`` may come
        out wrong, and other tools (and the public register) may read the file differently.

    Example
        A ``.txt`` saved by an old Notepad with "ANSI" encoding.

    Use instead
        Save the file as UTF-8.

    Fix safety
        No automatic fix: re-encoding must be checked by a person.
    """

    code = "AJ003"
    name = "encoding-fallback"
    severity = Severity.WARNING
    messages = {
        "fallback": Message(
            en="The file is not valid UTF-8; it was read as {encoding} (Windows Baltic). Save it as UTF-8",
            et="Fail ei ole korrektne UTF-8; see loeti kodeeringus {encoding} (Windows Baltic). Salvesta see UTF-8-na",
        )
    }

    def check(self, doc):
        if doc.model is not None and doc.model.info.encoding_fallback:
            yield self.diag(doc, 1, "fallback", encoding=doc.model.info.encoding)
