"""Signed containers (ASiC-E: ``.asice``, and ``.bdoc``, its Estonian profile; ASiC-S too).

A container is a ZIP whose first entry ``mimetype`` holds ``application/vnd.etsi.asic-e+zip``, stored
uncompressed, with ``META-INF/manifest.xml`` (the signed files and their media types) and
``META-INF/signatures*.xml``; the signed documents sit at the root. This reader does not read text
itself: it checks the container and hands each signed document (its name and bytes, :meth:`members`)
back to be read by the reader that claims it, named ``container.asice!/inner.docx`` in findings.

Signatures are not validated (that is what DigiDoc is for); a container without signatures or whose
manifest does not list a document is still linted.
"""

from __future__ import annotations

from ajlint.readers import xmlsafe, zipsafe
from ajlint.readers.text import ReadError, ReaderOutput

MANIFEST_NS = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
MIMETYPES = (zipsafe.MIMETYPE_ASICE, zipsafe.MIMETYPE_ASICS)
MAX_DOCUMENTS = 100


class AsiceReader:
    name = "asice"
    extensions = (".asice", ".bdoc", ".sce", ".asics", ".scs")
    what = "signed container"

    def __init__(self, limits: zipsafe.ZipLimits = zipsafe.DEFAULT_LIMITS):
        self.limits = limits

    def sniff(self, data: bytes) -> bool:
        return zipsafe.zip_kind(data) == "asice"

    def read(self, data: bytes, path: str) -> ReaderOutput:  # pragma: no cover - members() is used instead
        raise ReadError("a signed container holds documents; it is read through its members")

    def members(self, data: bytes, path: str) -> list[tuple[str, bytes]]:
        """The signed documents: (name inside the container, bytes), in the container's order."""
        try:
            return self._members(data)
        except zipsafe.ZipRefused as exc:
            raise ReadError(str(exc)) from None
        except xmlsafe.XMLRefused as exc:
            raise ReadError(f"the signed container cannot be read safely: {exc}") from None
        except ReadError:
            raise
        except Exception as exc:  # odd input must give a finding, never stop the run
            raise ReadError(f"the signed container could not be read ({type(exc).__name__}: {exc})"[:300]) from None

    def _members(self, data: bytes) -> list[tuple[str, bytes]]:
        if not data.startswith(b"PK"):
            raise ReadError("the file is not a signed container (.asice and .bdoc files are ZIP archives; this "
                            "one is not; an old .ddoc container is not read)")
        z = zipsafe.SafeZip(data, "signed container", self.limits)
        names = z.names()
        if "mimetype" not in names:
            raise ReadError("the signed container has no 'mimetype' entry, so it is not a valid ASiC-E "
                            f"container ({zipsafe.MIMETYPE_ASICE}); it may have been repacked by an archiver. "
                            "Sign the documents again with DigiDoc")
        mt = z.read("mimetype").decode("ascii", "replace").strip()
        if mt not in MIMETYPES:
            raise ReadError(f"the signed container's mimetype is '{mt[:80]}', not '{zipsafe.MIMETYPE_ASICE}'")
        if names[0] != "mimetype":
            raise ReadError("the signed container's 'mimetype' entry is not the first one, so it is not a valid "
                            "ASiC-E container; sign the documents again with DigiDoc")
        manifest = z.find("META-INF/manifest.xml")
        if manifest is not None:
            xmlsafe.parse(z.read(manifest), manifest)  # refuses an XML bomb or external entities
        for name in names:
            if name.upper().startswith("META-INF/") and name.lower().endswith(".xml"):
                if name != manifest:
                    xmlsafe.parse(z.read(name), name)
        docs = [n for n in names if n != "mimetype" and not n.upper().startswith("META-INF/") and not n.endswith("/")]
        if not docs:
            raise ReadError("the signed container holds no document")
        if len(docs) > MAX_DOCUMENTS:
            raise ReadError(f"the signed container holds {len(docs)} documents, over the limit of {MAX_DOCUMENTS}")
        return [(n, z.read(n)) for n in docs]
