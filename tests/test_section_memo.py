"""The extractor reads a section a template repeats once per run and copies it, lines moved, into every
document where the same rows stand (a section heading likewise, by its line). The copy must be exactly
what reading the section gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ajlint.extract as extract
from ajlint.document import document_from_bytes
from ajlint.ltext import LText
from ajlint.plugins import default_registry
from ajlint.profiles import load_profiles

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
    monkeypatch.setattr(extract, "_MATCHERS", {})  # matchers keep the headings' models
    with monkeypatch.context() as mp:
        mp.setattr(extract, "_MEMO_SECTIONS", frozenset())
        mp.setattr(extract, "_MATCHERS", {})
        read = _model(path, data)
    # the same sections seven lines further down fill the memo, and this document is built from it
    _model(path, b"\n" * 7 + data)
    assert extract._SECTION_MEMO or read is None or not read["sections"]
    assert read is None or not read["sections"] or any(m.heading_models for m in extract._MATCHERS.values())
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


def _shifted_reference(value, delta):
    """The slow, obvious copy: a deep copy whose line numbers are then moved one object at a time."""
    from pydantic import BaseModel

    def shift(v):
        if isinstance(v, list):
            for x in v:
                shift(x)
        elif isinstance(v, BaseModel):
            if "line" in type(v).model_fields:
                v.line += delta
                v.end_line += delta
            for name in type(v).model_fields:
                shift(getattr(v, name))

    if isinstance(value, list):
        copy = [x.model_copy(deep=True) if isinstance(x, BaseModel) else x for x in value]
    else:
        copy = value.model_copy(deep=True) if hasattr(value, "model_copy") else value
    shift(copy)
    return copy


def _state(v):
    """Everything of a model value that a copy must reproduce: values, and which fields were set."""
    from pydantic import BaseModel

    if isinstance(v, list):
        return [_state(x) for x in v]
    if isinstance(v, BaseModel):
        return (type(v), sorted(v.model_fields_set), v.__pydantic_extra__, v.__pydantic_private__,
                {k: _state(getattr(v, k)) for k in type(v).model_fields})
    return v


def _objects(v):
    from pydantic import BaseModel

    if isinstance(v, list):
        yield v
        for x in v:
            yield from _objects(x)
    elif isinstance(v, BaseModel):
        yield v
        yield v.__dict__  # a copy's dict and set of fields are its own too
        yield v.__pydantic_fields_set__
        for k in type(v).model_fields:
            yield from _objects(getattr(v, k))


@pytest.mark.parametrize("delta", [0, 7, -3])
def test_memo_copies_equal_a_deep_copy_with_lines_moved(delta):
    """Every field of every document of the fixtures, copied by the memo's copier (``extract._Copies``): the
    same as the obvious copy, and no list or model of the original in it."""
    checked = 0
    for path in TEXT_DOCS[:40]:
        doc = document_from_bytes(path.read_bytes(), path, path.name, READERS)
        if doc.model is None:
            continue
        values = [getattr(doc.model, k) for k in type(doc.model).model_fields if k not in ("path", "info")]
        values += [getattr(doc.model.requirements, k) for k in type(doc.model.requirements).model_fields]
        for v in values:
            if v is None:
                continue
            got = extract._Copies((v,)).make(delta)[0]
            assert _state(got) == _state(_shifted_reference(v, delta))
            originals = {id(o) for o in _objects(v)}
            assert not originals & {id(o) for o in _objects(got)}
            checked += 1
    assert checked > 200


def _hits(hits):
    return [(h.match.variant, h.match.score, h.number, h.label.text, h.label.span(), h.label._offs,
             h.value.text, h.value.span(), h.value._offs, h.cell) for h in hits]


_CELL_WORDS = ["1.1", "1.2.", "1.4", "Ametinimetus", "Struktuuriüksus", "Vahetu", "juht", "Kes", "asendab", "Keda",
               "Alluvad", ":", "Jurist", "(ennetus 5)", "Talituse juhataja", "-", "puudub", "Ametinimetus:", "  "]


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.sampled_from(_CELL_WORDS), min_size=1, max_size=9), line=st.integers(1, 60),
       col=st.integers(1, 40), index=st.integers(0, 3), profile=st.sampled_from(sorted(load_profiles())))
def test_labels_kept_by_a_cells_text_are_the_labels_read(words, line, col, index, profile):
    """A cell's labels made again from what was kept by its text (found at another place) are the labels
    reading the cell finds."""
    m = extract.Matcher(load_profiles()[profile])
    text = " ".join(words)
    extract._find_labels(LText.at(text, 3, 2), m, 0)  # kept here
    cell = LText.at(text, line, col)
    assert _hits(extract._find_labels(cell, m, index)) == _hits(extract._read_labels(cell, m, index))


def test_copies_made_twice_share_nothing_with_each_other():
    """A memo's copies are made once per document: two documents' copies hold no common list or model."""
    path = next(p for p in TEXT_DOCS if p.name.startswith("000"))
    model = document_from_bytes(path.read_bytes(), path, path.name, READERS).model
    values = [model.duties, model.competencies, model.requirements.languages, model.sections]
    copies = extract._Copies(values)
    a, b = copies.make(0), copies.make(4)
    assert _state(a) == _state([_shifted_reference(v, 0) for v in values])
    assert _state(b) == _state([_shifted_reference(v, 4) for v in values])
    assert not {id(o) for o in _objects(a)} & {id(o) for o in _objects(b)}
    assert not {id(o) for o in _objects(values)} & {id(o) for o in _objects(a)}
