from ajlint.diagnostics import Message, Severity
from ajlint.rule import Rule


class UnreadableFile(Rule):
    """The file could not be read as text.

    What it does
        Reports a file that ajlint cannot turn into text: binary data, a PDF or Word file given
        where text was expected, an image without a text layer, a file it has no permission to read.

    Why it matters
        A job description nobody can read cannot be checked, published or compared with the others.
        In a document repository such a file usually means a wrong export or a renamed file.

    Example
        ``ametijuhend.txt`` that is really a PDF (it starts with ``%PDF-``).

    Use instead
        Save the document as text or markdown (UTF-8), or give ajlint the original file in a format
        it reads.

    Fix safety
        No automatic fix.
    """

    code = "AJ001"
    name = "unreadable-file"
    severity = Severity.ERROR
    needs_model = False
    messages = {
        "unreadable": Message(
            en="Cannot read this file: {reason}",
            et="Faili ei saa lugeda: {reason}",
        )
    }

    def check(self, doc):
        if doc.read_error:
            yield self.diag(doc, 1, "unreadable", reason=doc.read_error)
