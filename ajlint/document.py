"""Reading one file into a :class:`Document`: reader → profile detection → extraction → model."""

from __future__ import annotations

import os
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

from ajlint.datafiles import terms
from ajlint.decode import Decoded
from ajlint.extract import detect_kind, extract, ocr_evidence
from ajlint.linememo import remember
from ajlint.links import fill_titles
from ajlint.model import DocumentInfo, JobDescription
from ajlint.profiles import Profile, load_profiles
from ajlint.readers.rows import Row
from ajlint.readers.text import ReadError, ReaderOutput
from ajlint.textnorm import squash

# evidence needed to call a file a job description: distinct headings, labels or markers recognised
MIN_EVIDENCE = 3
# files larger than this are not read (AJ001 says so): a job description is a few hundred kilobytes
MAX_FILE_BYTES = 50 * 1024 * 1024
# short rows searched for labels and markers when detecting the profile (the general part is on top)
LABEL_ROWS = 60


@dataclass
class Document:
    """What the rules see of one file. Rules never open files."""

    path: str
    text: str | None = None
    model: JobDescription | None = None
    profile: Profile | None = None
    read_error: str | None = None
    not_job_description: str | None = None
    #: the file it was read from (None for documents made in memory)
    file: Path | None = None
    #: False for documents read only to resolve references (``--corpus``): no findings are reported on them
    report: bool = True
    #: how a text file was decoded (None for binary formats): what ``--fix`` needs to write it back
    decoded: Decoded | None = None
    #: document-level findings restored from the results cache (None: run the rules)
    cached_diags: list | None = field(default=None, repr=False)
    #: True once the model holds only what the corpus rules read (see Engine.slim)
    slim: bool = False
    #: True when ``cached_diags`` are finished, as reported (see Engine._own_rules)
    finished: bool = False
    #: (settings key, content hash) under which to cache this document's results
    cache_slot: tuple[str, str] | None = field(default=None, repr=False)
    #: (settings key, content hash) of a document read or restored with the cache on: with these the
    #: corpus rules' findings can be cached for a set of unchanged documents
    cache_id: tuple[str, str] | None = field(default=None, repr=False)
    #: binary formats: line of the rendering → [(first column, "paragraph 12" / "table 2, row 3, cell 2" /
    #: "page 4")], where a person finds that text in the original (see :meth:`locator_at`)
    locators: dict[int, list[tuple[int, str]]] | None = field(default=None, repr=False)
    #: a container (``.asice``) with several documents: one document per signed file inside, each with
    #: the path ``container.asice!/inner.docx`` (the engine checks the parts instead of the container)
    parts: list["Document"] | None = field(default=None, repr=False)
    _lines: list[str] | None = field(default=None, repr=False)
    _line_starts: list[int] | None = field(default=None, repr=False)

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            self._lines = self.text.split("\n") if self.text is not None else []
        return self._lines

    def locator_at(self, line: int, column: int = 1) -> str | None:
        """Where (line, column) of the rendering is in the original file: ``paragraph 12``, ``table 2,
        row 3, cell 2``, ``page 4`` (None for text formats, where line and column say it all)."""
        if not self.locators:
            return None
        from ajlint.readers.rendering import locator_at

        return locator_at(self.locators, line, column)

    @property
    def line_starts(self) -> list[int]:
        """The offset in ``text`` where each line starts."""
        if self._line_starts is None:
            self._line_starts = list(accumulate([len(ln) + 1 for ln in self.lines[:-1]], initial=0))
        return self._line_starts

    def offset(self, line: int, column: int) -> int:
        """0-based character offset in ``text`` of a 1-based line and column (for fix edits)."""
        starts = self.line_starts
        line = min(max(line, 1), len(starts))
        return starts[line - 1] + column - 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of an offset in ``text``: rules that search the whole text at once
        (one regex pass instead of one per line) locate their matches with it."""
        starts = self.line_starts
        k = bisect_right(starts, offset) - 1
        return k + 1, offset - starts[k] + 1


_KEYS: dict[int, tuple] = {}


def _profile_keys(profile: Profile) -> tuple[frozenset[str], ...]:
    cached = _KEYS.get(id(profile))
    if cached is not None and cached[0] is profile:  # (a freed profile's id may be reused)
        return cached[1:]
    heads = frozenset(squash(v) for s in profile.sections for v in s.headings)
    labels = frozenset(squash(v) for f in profile.fields for v in f.labels)
    markers = frozenset(squash(v) for v in profile.document.markers)
    _KEYS[id(profile)] = (profile, heads, labels, markers)
    return heads, labels, markers


class _KeyIndex(NamedTuple):
    profiles: tuple  # the profile objects it was built from
    subs: list[tuple[str, set[str]]]  # label and marker keys, with the profiles that have them
    heads: dict[str, set[str]]  # heading keys likewise
    #: per row text: False for a row too long to hold a key, else the (profile, key) pairs of its label
    #: and marker keys, and of its heading key (the template's rows recur in every document)
    rows: dict[str, tuple | bool]


_ALL_KEYS: dict[tuple[int, ...], _KeyIndex] = {}


def _key_index(profiles: dict[str, Profile]) -> _KeyIndex:
    """All label/marker keys with the profiles that have them, and heading keys likewise (cached)."""
    objs = tuple(profiles.values())
    ident = tuple(id(p) for p in objs)
    got = _ALL_KEYS.get(ident)
    if got is None or any(a is not b for a, b in zip(got.profiles, objs)):
        subs: dict[str, set[str]] = {}
        heads: dict[str, set[str]] = {}
        for name, p in profiles.items():
            h, labels, markers = _profile_keys(p)
            for k in labels | markers:
                if k:
                    subs.setdefault(k, set()).add(name)
            for k in h:
                heads.setdefault(k, set()).add(name)
        got = _ALL_KEYS[ident] = _KeyIndex(objs, sorted(subs.items()), heads, {})
    return got


def _row_keys(t: str, idx: _KeyIndex) -> tuple | bool:
    if len(t) > 200 or len(t.split()) > 14:
        return False
    s = squash(t)
    labels = tuple((name, "l:" + k) for k, names in idx.subs if k in s for name in names)
    stripped = s.lstrip("0123456789")
    head = tuple((name, "h:" + stripped) for name in idx.heads.get(stripped, ()))
    return labels, head


def detect_profile(rows: list[Row], profiles: dict[str, Profile]) -> tuple[Profile | None, int]:
    """The profile whose headings, labels and markers the document shows most of."""
    idx = _key_index(profiles)
    found: dict[str, set[str]] = {name: set() for name in profiles}
    scanned = 0
    memo = idx.rows
    for r in rows:
        if r.blank:
            continue
        t = r.plain
        got = memo.get(t)
        if got is None:
            got = remember(memo, t, _row_keys(t, idx), 20000)
        if got is False:
            continue
        scanned += 1
        labels, head = got
        if scanned <= LABEL_ROWS:  # labels and markers stand near the top; headings anywhere
            for name, key in labels:
                found[name].add(key)
        for name, key in head:
            found[name].add(key)
    best: tuple[int, str] | None = None
    for name in sorted(profiles):
        score = len(found[name])
        if best is None or score > best[0]:
            best = (score, name)
    if best is None:
        return None, 0
    return profiles[best[1]], best[0]


def build(path: str, out: ReaderOutput, profile_name: str | None = None,
          profiles: dict[str, Profile] | None = None) -> Document:
    profiles = profiles if profiles is not None else load_profiles()
    doc = Document(path=path, text=out.text, decoded=out.decoded, locators=out.locators)
    if not out.text.strip():
        doc.not_job_description = "the file is empty"
        return doc
    if profile_name:
        profile = profiles[profile_name]
        evidence = detect_profile(out.rows, {profile_name: profile})[1]
    else:
        profile, evidence = detect_profile(out.rows, profiles)
    if profile is None:
        doc.not_job_description = "no profile is installed"
        return doc
    jd = JobDescription(
        path=path,
        profile=profile.name,
        info=DocumentInfo(
            format=out.format,
            encoding=out.encoding,
            encoding_fallback=out.encoding_fallback,
            line_count=out.text.count("\n") + 1,
        ),
    )
    extract(out.rows, profile, jd)
    fill_titles(jd, profile)  # PositionRef.title: the references' nominative base forms
    detect_kind(out.rows, jd, terms().kinds)
    ocr_evidence(out.rows, jd)
    doc.model = jd
    doc.profile = profile
    if evidence < MIN_EVIDENCE and len(jd.sections) + len(jd.labels) < MIN_EVIDENCE:
        doc.not_job_description = (
            "none of the headings or labels of a job description were found "
            f"(looked for the profiles {', '.join(sorted(profiles))})"
        )
    return doc


def read_document(path: Path, display: str, readers, profile_name: str | None = None,
                  max_bytes: int = MAX_FILE_BYTES, profiles: dict[str, Profile] | None = None) -> Document:
    """Read ``path`` with the first reader that claims it; problems become document facts."""
    doc = _read(path, display, readers, profile_name, max_bytes, profiles)
    doc.file = path
    return doc


def file_bytes(path: Path, max_bytes: int) -> bytes | str:
    """The file's content, or why it cannot be read (too large, unreadable).

    One open, one fstat and (nearly always) one read: ``stat`` then ``read_bytes`` made six system
    calls per file, and on some machines (containers, network file systems) a system call costs more
    than reading a small file's bytes."""
    try:
        fd = os.open(path, _READ_FLAGS)
        try:
            size = os.fstat(fd).st_size
            if size > max_bytes:
                return f"the file is {size} bytes, over the limit of {max_bytes}"
            data = os.read(fd, size + 1)
            if len(data) != size:  # the file changed since fstat, or a short read: read on to the end
                parts = [data]
                while chunk := os.read(fd, 1 << 16):
                    parts.append(chunk)
                data = b"".join(parts)
            return data
        finally:
            os.close(fd)
    except OSError as exc:
        return f"cannot read the file: {exc.strerror or exc}"


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)  # (O_BINARY: Windows only)


def _read(path: Path, display: str, readers, profile_name: str | None, max_bytes: int,
          profiles: dict[str, Profile] | None) -> Document:
    data = file_bytes(path, max_bytes)
    if isinstance(data, str):
        return Document(path=display, read_error=data)
    return document_from_bytes(data, path, display, readers, profile_name, profiles)


def document_from_bytes(data: bytes, path: Path, display: str, readers, profile_name: str | None = None,
                        profiles: dict[str, Profile] | None = None) -> Document:
    """A document from a file's content (also used by --fix to re-read fixed text)."""
    reader = pick_reader(path, data, readers)
    if getattr(reader, "members", None) is not None:
        return _container(reader, data, path, display, readers, profile_name, profiles)
    try:
        out = reader.read(data, display)
    except ReadError as exc:
        doc = Document(path=display, read_error=str(exc))
    else:
        doc = build(display, out, profile_name, profiles)
    doc.file = path
    return doc


def pick_reader(path: Path, data: bytes, readers):
    ext = path.suffix.lower()
    for r in readers:
        sniff = getattr(r, "sniff", None)
        if sniff is not None and sniff(data):
            return r
    for r in readers:
        if ext in r.extensions:
            return r
    # nothing claimed it: the text reader says what the bytes are (plugins' readers come first)
    return next((r for r in readers if getattr(r, "name", None) == "text"), readers[-1])


MAX_CONTAINER_DEPTH = 2


def _container(reader, data: bytes, path: Path, display: str, readers, profile_name: str | None,
               profiles: dict[str, Profile] | None, depth: int = 1) -> Document:
    """A container's documents (``reader.members`` gives each inner file's name and bytes), each read
    with the reader that claims it and named ``container.asice!/inner.docx``, as the ``parts`` of a
    document that keeps the container's own path (:func:`expand` replaces it by its parts)."""
    try:
        members = reader.members(data, display)
    except ReadError as exc:
        doc = Document(path=display, read_error=str(exc))
        doc.file = path
        return doc
    parts: list[Document] = []
    for name, blob in members:
        inner = f"{display}!/{name}"
        sub_reader = pick_reader(Path(name), blob, readers)
        if getattr(sub_reader, "members", None) is not None:
            if depth >= MAX_CONTAINER_DEPTH:
                sub = Document(path=inner, read_error=f"a container nested more than {MAX_CONTAINER_DEPTH} "
                                                      "deep is not opened")
            else:
                sub = _container(sub_reader, blob, Path(name), inner, readers, profile_name, profiles, depth + 1)
        else:
            sub = document_from_bytes(blob, Path(name), inner, readers, profile_name, profiles)
        for d in sub.parts or [sub]:
            d.file = path  # configuration and per-file ignores follow the container file
            parts.append(d)
    if not parts:
        doc = Document(path=display, read_error="the container holds no document to check")
        doc.file = path
        return doc
    if len(parts) == 1:
        # one signed document (the usual case): the container shows it (``ajlint parse``), the engine
        # checks the part, named container.asice!/inner.docx
        p = parts[0]
        doc = Document(path=display, text=p.text, model=p.model, profile=p.profile, read_error=p.read_error,
                       not_job_description=p.not_job_description, locators=p.locators, parts=parts)
    else:
        names = ", ".join(d.path.rpartition("!/")[2] for d in parts)
        doc = Document(path=display, parts=parts,
                       not_job_description=f"a container of {len(parts)} documents ({names}); "
                                           "'ajlint check' checks each of them")
    doc.file = path
    return doc


def expand(docs: list[Document]) -> list[Document]:
    """Documents with every container replaced by the documents inside it."""
    if not any(d.parts for d in docs):
        return docs
    out: list[Document] = []
    for d in docs:
        for p in d.parts or [d]:
            p.report = d.report
            out.append(p)
    return out
