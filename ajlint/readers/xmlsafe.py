"""Parsing XML from untrusted files (Word, OpenDocument, signed containers) without being attacked.

Office and container XML never needs a document type declaration, so any DTD is refused outright:
with no DTD there are no entity declarations, hence no "billion laughs" expansion and no external
entities (XXE: reading local files or URLs). Expat is driven directly (standard library only) with
handlers that raise on a DOCTYPE, on an entity declaration and on any external entity reference;
elements nested deeper than a limit are refused too (our walkers recurse).

The result is an :class:`xml.etree.ElementTree.Element` tree with ``{namespace}local`` tags.

Speed: a part in an ASCII-compatible encoding (UTF-8, the office default) that contains no
``<!DOCTYPE`` cannot declare entities, so it goes to the C parser directly; only other encodings take
the slower guarded expat path. Callers walking the tree recursively turn a ``RecursionError`` into a
refusal (the C path has no depth limit of its own).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from xml.parsers import expat

MAX_DEPTH = 256
_DECL = re.compile(rb"^<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_ASCII_COMPATIBLE = {b"utf-8", b"utf8", b"us-ascii", b"ascii", b"iso-8859-1", b"latin-1", b"latin1",
                     b"windows-1252", b"cp1252", b"windows-1257", b"cp1257", b"iso-8859-15"}


class XMLRefused(Exception):
    """The XML is malformed or uses a feature refused for safety; the message says which, for a person."""


def _refuse(what: str):
    def handler(*_args):
        raise XMLRefused(what)

    return handler


def parse(data: bytes, name: str = "XML", max_depth: int = MAX_DEPTH) -> ET.Element:
    """Parse ``data`` (bytes of one XML part) into an element tree, refusing DTDs and entities."""
    if _plain(data):
        if b"<!DOCTYPE" in data:
            _refuse_doctype(name)
        try:
            return ET.fromstring(data)
        except ET.ParseError as exc:
            raise XMLRefused(f"{name} is not well-formed XML ({_reason(exc)})") from None
    return _guarded(data, name, max_depth)


def _plain(data: bytes) -> bool:
    """True when ``data`` is in an ASCII-compatible encoding, so that a byte search finds a DOCTYPE."""
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    head = body.lstrip(b" \t\r\n")[:200]
    if len(head) < 2 or head[:1] != b"<" or head[1] == 0:
        return False
    m = _DECL.match(head)
    return m is None or m.group(1).lower() in _ASCII_COMPATIBLE


def _refuse_doctype(name: str):
    raise XMLRefused(
        f"{name} declares a document type (DTD); office documents never need one and it can hide an "
        "entity-expansion or external-entity attack, so it was not read")


def _reason(exc: ET.ParseError) -> str:
    code = getattr(exc, "code", None)
    line = exc.position[0] if getattr(exc, "position", None) else "?"
    return f"{expat.ErrorString(code) if code else exc}, line {line}"


def _guarded(data: bytes, name: str, max_depth: int) -> ET.Element:
    builder = ET.TreeBuilder()
    p = expat.ParserCreate(namespace_separator="}")
    try:
        p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    except (AttributeError, expat.ExpatError):  # pragma: no cover - very old expat
        pass
    depth = 0

    def start(tag, attrs):
        nonlocal depth
        depth += 1
        if depth > max_depth:
            raise XMLRefused(f"{name} nests elements more than {max_depth} levels deep")
        builder.start(_qname(tag), {_qname(k): v for k, v in attrs.items()} if attrs else {})

    def end(tag):
        nonlocal depth
        depth -= 1
        builder.end(_qname(tag))

    p.StartElementHandler = start
    p.EndElementHandler = end
    p.CharacterDataHandler = builder.data
    p.StartDoctypeDeclHandler = lambda *_a: _refuse_doctype(name)
    p.EntityDeclHandler = _refuse(f"{name} declares XML entities (an entity-expansion attack?); not read")
    p.UnparsedEntityDeclHandler = _refuse(f"{name} declares an external entity; not read")
    p.ExternalEntityRefHandler = _refuse(f"{name} refers to an external entity; not read")
    p.SkippedEntityHandler = _refuse(f"{name} uses an undeclared entity; not read")
    try:
        p.Parse(data, True)
    except expat.ExpatError as exc:
        raise XMLRefused(f"{name} is not well-formed XML ({expat.ErrorString(exc.code)}, line {exc.lineno})") \
            from None
    except RecursionError:  # pragma: no cover - guarded by max_depth
        raise XMLRefused(f"{name} is nested too deeply") from None
    root = builder.close()
    if root is None:  # pragma: no cover - expat reports an empty document first
        raise XMLRefused(f"{name} is empty")
    return root


def _qname(tag: str) -> str:
    ns, sep, local = tag.rpartition("}")
    return "{" + ns + "}" + local if sep else tag
