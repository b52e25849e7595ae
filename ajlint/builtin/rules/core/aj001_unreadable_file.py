from ajlint.diagnostics import Message, Severity
from ajlint.rule import Rule


class UnreadableFile(Rule):
    """The file could not be read as text.

    What it does
        Reports a file that ajlint cannot turn into text: binary data, an image or a scanned PDF
        without a text layer, a damaged or hostile Word/OpenDocument/ZIP file (a zip bomb, an XML
        bomb), a file over the size limit, a PDF when the ``pdf`` extra is not installed, a file it
        has no permission to read.

    Why it matters
        A job description nobody can read cannot be checked, published or compared with the others.
        In a document repository such a file usually means a wrong export or a renamed file.

    Example
        ``ametijuhend.pdf`` that is a scan: "the PDF has no text layer; OCR it first".

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
