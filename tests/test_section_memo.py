"""The extractor reads a section a template repeats once per run and copies it, lines moved, into every
document where the same rows stand. The copy must be exactly what reading the section gives."""

from __future__ import annotations

import pytest

import ajlint.extract as extract
from ajlint.document import document_from_bytes
from ajlint.plugins import default_registry

from conftest import FIXTURES

READERS = default_registry().readers
TEXT_DOCS = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".md", ".txt"))


def _model(path, data: bytes):
    doc = document_from_bytes(data, path, path.name, READERS)
    return doc.model.model_dump() if doc.model is not None else None


@pytest.mark.parametrize("path", TEXT_DOCS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_a_copied_section_equals_the_section_read(path, monkeypatch):
    data = path.read_bytes()
    monkeypatch.setattr(extract, "_SECTION_MEMO", {})
    with monkeypatch.context() as mp:
        mp.setattr(extract, "_MEMO_SECTIONS", frozenset())
        read = _model(path, data)
    # the same sections seven lines further down fill the memo, and this document is built from it
    _model(path, b"\n" * 7 + data)
    assert extract._SECTION_MEMO or read is None or not read["sections"]
    copied = _model(path, data)
    assert copied == read


def test_copies_share_nothing(monkeypatch):
    monkeypatch.setattr(extract, "_SECTION_MEMO", {})
    path = next(p for p in TEXT_DOCS if p.name.startswith("000"))
    a = document_from_bytes(path.read_bytes(), path, "a", READERS).model
    b = document_from_bytes(path.read_bytes(), path, "b", READERS).model
    assert a.competencies and a.competencies == b.competencies
    b.competencies[0].indicators[0].text = "muudetud"
    b.competencies[0].line += 1
    assert a.competencies[0].indicators[0].text != "muudetud"
    assert a.competencies[0].line == b.competencies[0].line - 1
