"""Bytes to text: sniff what a file really is, then decode it.

The extension is a hint, never trusted: a PDF renamed ``.txt`` is recognised by its magic number,
binary garbage by its control characters. Text is UTF-8 (with or without BOM), UTF-16 with a BOM
(or, recognisably, without one) or, as a reported fallback, Windows Baltic (cp1257).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

MAGIC = [
    (b"%PDF-", "pdf", "a PDF document"),
    (b"PK\x03\x04", "zip", "a ZIP container (Word .docx, OpenDocument .odt or a signed .asice/.bdoc)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "ole", "a legacy Microsoft Office document (.doc)"),
    (b"{\\rtf", "rtf", "an RTF document"),
    (b"\x89PNG\r\n\x1a\n", "image", "a PNG image"),
    (b"\xff\xd8\xff", "image", "a JPEG image"),
    (b"GIF8", "image", "a GIF image"),
    (b"II*\x00", "image", "a TIFF image"),
    (b"MM\x00*", "image", "a TIFF image"),
]

#: control characters that do not occur in text (tab, line feed, form feed, carriage return do)
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0b, *range(0x0e, 0x20), 0x7f])


@dataclass
class Decoded:
    """A text file's bytes decoded: the text and how it was decoded, or why it is not text."""

    text: str | None
    encoding: str | None
    fallback: bool = False
    binary_kind: str | None = None  # set when the bytes are not text
    binary_description: str | None = None
    error: str | None = None
    bom: bytes = b""  # the byte order mark the file began with
    codec: str | None = None  # the codec that encodes the text back into the same bytes (after the BOM)
    newline: str = "\n"  # the file's line ending: "\n", "\r\n", "\r" or "mixed"


def sniff_binary(data: bytes) -> tuple[str, str] | None:
    for magic, kind, desc in MAGIC:
        if data.startswith(magic):
            return kind, desc
    return None


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:  # (one search: text of 8-bit encodings has no NUL byte)
        return None
    even = sample[0::2]
    odd = sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


_SAMPLE = 8192  # characters looked at for control characters


def _too_binary(text: str, utf8: bytes | None = None) -> bool:
    """Whether the text's first characters hold more control characters than text has (binary data).
    ``utf8``: the text's own UTF-8 bytes (their start will do), when the text was decoded from them."""
    if not text:
        return False
    sample = text[:_SAMPLE]
    limit = max(2, len(sample) // 100)
    # counted in UTF-8 bytes, where each control character is one byte of its own value and every byte
    # of another character is 0x80 or above (a pattern over the characters took 4 times as long). The
    # file's bytes hold the sample's bytes at their start (within 4 bytes a character): few control
    # bytes there (the usual text has none) settle it without encoding the sample again
    if utf8 is not None and _count_control(utf8[:4 * _SAMPLE]) <= limit:
        return False
    return _count_control(sample.encode("utf-8", "surrogatepass")) > limit


def _count_control(raw: bytes) -> int:
    return len(raw) - len(raw.translate(None, _CONTROL_BYTES))


def decode(data: bytes) -> Decoded:
    kind = sniff_binary(data)
    if kind:
        return Decoded(None, None, binary_kind=kind[0], binary_description=kind[1])

    enc = None
    bom = b""
    codec = None
    for mark, name, c in (
        (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
        (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
    ):
        if data.startswith(mark):
            enc, bom, codec = name, mark, c
            break
    if enc is None:
        enc = _looks_utf16(data)
        codec = enc

    if enc:
        try:
            text = data[len(bom):].decode(codec)  # type: ignore[arg-type]
        except UnicodeDecodeError as exc:
            return Decoded(None, enc, error=f"declared {enc} by its byte order mark but does not decode: {exc}")
    else:
        try:
            text = data.decode("utf-8")
            enc = codec = "utf-8"
        except UnicodeDecodeError:
            if b"\x00" in data[:8192]:
                return Decoded(None, None, binary_kind="binary", binary_description="binary data")
            text = data.decode("cp1257", errors="replace")
            enc = codec = "cp1257"
            if _too_binary(text) or text.count("\ufffd") > max(2, len(text) // 200):
                return Decoded(None, None, binary_kind="binary", binary_description="binary data")
            return Decoded(_normalise_newlines(text), enc, fallback=True, codec=codec,
                           newline=_newline_style(text))
    if _too_binary(text, data[len(bom):len(bom) + 4 * _SAMPLE] if codec == "utf-8" else None):
        return Decoded(None, None, binary_kind="binary", binary_description="binary data")
    return Decoded(_normalise_newlines(text), enc, bom=bom, codec=codec, newline=_newline_style(text))


def _newline_style(text: str) -> str:
    if "\r" not in text:  # the usual text: no need to count
        return "\n"
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [k for k, n in (("\r\n", crlf), ("\r", cr), ("\n", lf)) if n]
    if len(kinds) > 1:
        return "mixed"
    return kinds[0] if kinds else "\n"


def encode_like(text: str, d: "Decoded") -> bytes:
    """Encode normalised text back into the file's own encoding, byte order mark and line endings."""
    if d.newline in ("\r\n", "\r"):
        text = text.replace("\n", d.newline)
    return d.bom + text.encode(d.codec or "utf-8")


def _normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def sniff_text_format(text: str) -> str:
    """'html', 'markdown' or 'text' — from the content, not the extension."""
    head = text.lstrip()[:512].lower()
    if re.match(r"<(!doctype\s+html|html|head|body|table|div|h[1-6]|p)\b", head) and "</" in text[:20000]:
        return "html"
    sample = text[:20000]
    if (  # each pattern only where its first character is (a text from a PDF often has none of them)
        ("#" in sample and re.search(r"(?m)^#{1,6}\s", sample))
        or ("|" in sample and re.search(r"(?m)^\s*\|.*\|\s*$", sample))
        or ("<" in sample and re.search(r"<(ul|ol|li|b|p|br|strong|em)\b[^>]*>", sample, re.I))
        or "**" in sample
    ):
        return "markdown"
    return "text"
