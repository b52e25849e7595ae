"""Opening ZIP-based files (Word, OpenDocument, signed containers) without being attacked.

A hostile ZIP can claim millions of entries (the central directory alone exhausts memory) or hold a
few kilobytes that expand to gigabytes (a zip bomb). Before :mod:`zipfile` parses anything, the end
of central directory record is read to check the number of entries; then the declared uncompressed
sizes are checked, in total and for every part that is read, and a part is read with a cap — never
more than its declared size (zipfile stops there and checks the CRC) and never more than the limit.
Every problem is a :class:`ZipRefused` whose message says what limit was hit.

:func:`zip_kind` tells, cheaply and without zipfile, what a ZIP file is: the ``mimetype`` entry that
OpenDocument and ASiC containers put first, uncompressed, or the names in the central directory.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

MIB = 1024 * 1024


@dataclass(frozen=True)
class ZipLimits:
    #: entries in the archive (a Word file has about 20, an OpenDocument file with pictures a few hundred)
    max_entries: int = 10_000
    #: the declared uncompressed size of all entries together
    max_total: int = 1024 * MIB
    #: the uncompressed size of one part that is read (document.xml, content.xml, a signed document)
    max_part: int = 64 * MIB


DEFAULT_LIMITS = ZipLimits()

MIMETYPE_ODT = "application/vnd.oasis.opendocument.text"
MIMETYPE_ASICE = "application/vnd.etsi.asic-e+zip"
MIMETYPE_ASICS = "application/vnd.etsi.asic-s+zip"


class ZipRefused(Exception):
    """The ZIP is damaged or over a limit; the message says which, for a person."""


def _eocd(data: bytes) -> tuple[int, int, int] | None:
    """(entries, central directory size, central directory offset) from the end record, or None."""
    k = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if k < 0 or len(data) < k + 22:
        return None
    entries, cd_size, cd_off = struct.unpack("<HII", data[k + 10:k + 20])
    if entries == 0xFFFF or cd_size == 0xFFFFFFFF or cd_off == 0xFFFFFFFF:
        loc = data.rfind(b"PK\x06\x07", max(0, k - 40), k)
        if loc >= 0 and len(data) >= loc + 16:
            (z64_off,) = struct.unpack("<Q", data[loc + 8:loc + 16])
            if data[z64_off:z64_off + 4] == b"PK\x06\x06" and len(data) >= z64_off + 56:
                entries, cd_size, cd_off = struct.unpack("<QQQ", data[z64_off + 32:z64_off + 56])
    return entries, cd_size, cd_off


def central_names(data: bytes, limit: int = 200) -> list[str] | None:
    """The first ``limit`` entry names of the central directory (None when there is none to read)."""
    end = _eocd(data)
    if end is None:
        return None
    entries, cd_size, cd_off = end
    names: list[str] = []
    pos = cd_off
    stop = min(len(data), cd_off + cd_size)
    while len(names) < min(entries, limit) and pos + 46 <= stop:
        if data[pos:pos + 4] != b"PK\x01\x02":
            return names or None
        n, m, c = struct.unpack("<HHH", data[pos + 28:pos + 34])
        names.append(data[pos + 46:pos + 46 + n].decode("utf-8", "replace"))
        pos += 46 + n + m + c
    return names


def first_entry_mimetype(data: bytes) -> str | None:
    """The content of a ``mimetype`` entry stored first and uncompressed (ODF and ASiC require that)."""
    if len(data) < 30 or not data.startswith(b"PK\x03\x04"):
        return None
    method, = struct.unpack("<H", data[8:10])
    csize, = struct.unpack("<I", data[18:22])
    n, e = struct.unpack("<HH", data[26:30])
    if data[30:30 + n] != b"mimetype" or method != 0 or csize > 200:
        return None
    start = 30 + n + e
    return data[start:start + csize].decode("ascii", "replace").strip()


_KIND_MEMO: list = [None, None]


def zip_kind(data: bytes) -> str | None:
    """'docx', 'odt', 'asice' (a signed container, with or without its mimetype), 'zip' or None."""
    if _KIND_MEMO[0] is data:
        return _KIND_MEMO[1]
    kind = _zip_kind(data)
    _KIND_MEMO[0], _KIND_MEMO[1] = data, kind
    return kind


def _zip_kind(data: bytes) -> str | None:
    if not data.startswith(b"PK\x03\x04"):
        return None
    mt = first_entry_mimetype(data)
    if mt in (MIMETYPE_ASICE, MIMETYPE_ASICS):
        return "asice"
    if mt is not None and mt.startswith(MIMETYPE_ODT):
        return "odt"
    try:
        names = central_names(data) or []
    except (struct.error, ValueError):
        names = []
    if "word/document.xml" in names:
        return "docx"
    upper = [n.upper() for n in names]
    if any(n.startswith("META-INF/SIGNATURE") for n in upper):
        return "asice"
    if "content.xml" in names and "META-INF/MANIFEST.XML" in upper:
        return "odt"
    return "zip"


class SafeZip:
    """A ZIP archive read within limits."""

    def __init__(self, data: bytes, what: str, limits: ZipLimits = DEFAULT_LIMITS):
        self.what = what
        self.limits = limits
        end = _eocd(data)
        if end is None:
            raise ZipRefused(f"the {what} is a damaged ZIP archive (no central directory)")
        if end[0] > limits.max_entries:
            raise ZipRefused(f"the {what} is a ZIP archive with {end[0]} entries, over the limit of "
                             f"{limits.max_entries}: refused as a possible zip bomb")
        try:
            self.zf = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zf.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError,
                struct.error, NotImplementedError) as exc:
            raise ZipRefused(f"the {what} is a damaged ZIP archive ({exc})") from None
        if len(infos) > limits.max_entries:
            raise ZipRefused(f"the {what} is a ZIP archive with {len(infos)} entries, over the limit of "
                             f"{limits.max_entries}: refused as a possible zip bomb")
        total = sum(i.file_size for i in infos)
        if total > limits.max_total:
            raise ZipRefused(f"the {what} declares {_size(total)} of uncompressed content, over the limit "
                             f"of {_size(limits.max_total)}: refused as a possible zip bomb")
        self.infos = {i.filename: i for i in infos}

    def names(self) -> list[str]:
        return list(self.infos)

    def has(self, name: str) -> bool:
        return name in self.infos

    def read(self, name: str) -> bytes:
        info = self.infos.get(name)
        if info is None:
            raise ZipRefused(f"the {self.what} has no '{name}'")
        limit = self.limits.max_part
        if info.file_size > limit:
            raise ZipRefused(f"'{name}' in the {self.what} declares {_size(info.file_size)} uncompressed, over "
                             f"the limit of {_size(limit)}: refused as a possible zip bomb")
        if info.flag_bits & 0x1:
            raise ZipRefused(f"'{name}' in the {self.what} is encrypted (password-protected); remove the "
                             "password and save it again")
        try:
            with self.zf.open(info) as fh:
                out = fh.read(limit + 1)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
                RuntimeError, LookupError) as exc:
            raise ZipRefused(f"'{name}' in the {self.what} is damaged ({exc})") from None
        except Exception as exc:  # lzma / bz2 errors and the like: damaged, not a crash
            raise ZipRefused(f"'{name}' in the {self.what} is damaged ({type(exc).__name__}: {exc})") from None
        if len(out) > limit:  # pragma: no cover - zipfile never reads past the declared size
            raise ZipRefused(f"'{name}' in the {self.what} expands past {_size(limit)}: refused as a zip bomb")
        return out

    def find(self, name: str) -> str | None:
        """The archive's own spelling of ``name`` (names are case-sensitive in ZIP, not always in practice)."""
        if name in self.infos:
            return name
        low = name.lower()
        return next((n for n in self.infos if n.lower() == low), None)


def _size(n: int) -> str:
    if n >= 1024 * MIB:
        return f"{n / (1024 * MIB):.1f} GiB"
    if n >= MIB:
        return f"{n / MIB:.1f} MiB"
    return f"{n} bytes"


class ZipDocumentReader:
    """What the readers of ZIP-and-XML formats (Word, OpenDocument) share: claiming a file by its
    content, and turning every way reading it can fail into a :class:`ReadError` — odd input gives a
    finding, never stops the run. A subclass sets ``kind`` (as :func:`zip_kind` names it), ``noun``
    ("the Word document"), ``deep`` (what nests too deeply) and ``_read(data, limits)``."""

    name: str
    extensions: tuple[str, ...]
    what: str
    kind: str
    noun: str
    deep: str

    def __init__(self, limits: ZipLimits = DEFAULT_LIMITS):
        self.limits = limits

    def sniff(self, data: bytes) -> bool:
        return zip_kind(data) == self.kind

    def read(self, data: bytes, path: str):
        from ajlint.readers import xmlsafe
        from ajlint.readers.text import ReadError

        try:
            return self._read(data, self.limits)  # type: ignore[attr-defined]  # each format's own
        except ZipRefused as exc:
            raise ReadError(str(exc)) from None
        except xmlsafe.XMLRefused as exc:
            raise ReadError(f"{self.noun} cannot be read safely: {exc}") from None
        except RecursionError:
            raise ReadError(f"{self.noun} nests {self.deep} too deeply to be read") from None
        except ReadError:
            raise
        except Exception as exc:
            raise ReadError(f"{self.noun} could not be read ({type(exc).__name__}: {exc})"[:300]) from None
