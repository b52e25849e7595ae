"""The reader for text formats: markdown (with inline HTML), plain text and HTML.

The content decides the format, not the extension: a file is sniffed for binary magic numbers, then
decoded, then recognised as HTML, markdown or plain text.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ajlint.decode import Decoded, decode, sniff_text_format
from ajlint.readers.rows import Row, rows_from_html, rows_from_text


class ReadError(Exception):
    """The file cannot be read as a job description; the message says why, for a person."""


@dataclass
class ReaderOutput:
    rows: list[Row]
    text: str  # the text rendering that lines and columns refer to
    format: str
    encoding: str
    encoding_fallback: bool = False
    #: how the text was decoded, for writing fixes back byte for byte (text formats only)
    decoded: Decoded | None = None
    #: binary formats: where each line of the rendering is in the original, for a person to find it —
    #: line → [(first column, locator)], e.g. ``{12: [(1, "paragraph 9")], 14: [(1, "table 2, row 3, cell
    #: 1"), (40, "table 2, row 3, cell 2")], 30: [(1, "page 2")]}``
    locators: dict[int, list[tuple[int, str]]] | None = None


class TextReader:
    name = "text"
    extensions = (".md", ".markdown", ".txt", ".text", ".html", ".htm")

    def read(self, data: bytes, path: str) -> ReaderOutput:
        d = decode(data)
        if d.binary_kind:
            hint = {
                "pdf": "PDF files are read only with the pdf extra: pip install 'ajlint[pdf]'",
                "zip": "a ZIP archive that is not a Word (.docx), OpenDocument (.odt) or signed (.asice, "
                       ".bdoc) document",
                "ole": "legacy .doc files are not read; save it as .docx or text",
                "rtf": "RTF files are not read; save it as text",
                "image": "an image has no text layer; OCR it first",
            }.get(d.binary_kind, "it does not look like text")
            raise ReadError(f"the file is {d.binary_description}, not text ({hint})")
        if d.error:
            raise ReadError(d.error)
        assert d.text is not None and d.encoding is not None
        fmt = sniff_text_format(d.text)
        rows = rows_from_html(d.text) if fmt == "html" else rows_from_text(d.text)
        # the document keeps how the text was decoded (for writing fixes back), not a second reference to
        # the text: that would keep it alive after the document's own rules have let it go
        return ReaderOutput(rows=rows, text=d.text, format=fmt, encoding=d.encoding, encoding_fallback=d.fallback,
                            decoded=replace(d, text=None))
