"""Kind detection: the markers of a kind (``Töölepingu lisa``) found in the first rows' items."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ajlint.datafiles import terms
from ajlint.extract import detect_kind
from ajlint.model import DocumentInfo, JobDescription
from ajlint.readers.rows import rows_from_text
from ajlint.textnorm import squash

_WORDS = ["Töölepingu", "juurde", "kuuluv", "lisa", "T6öleplngu", "LISA", "1.", "|", "▪", "-", "\t", "(", ")", ":",
          "ametnik", "Tööleping", "Töölepingu lisa", "o", "$", "@", "A1", "õäöü", "  "]


@settings(max_examples=300, deadline=None)
@given(items=st.lists(st.text(alphabet=st.sampled_from("aböõT6 0|@$.:-()\t"), max_size=12), min_size=1, max_size=4))
def test_an_items_squashed_text_is_in_its_rows(items):
    """What detection passes rows over by: a row's plain text (its items' texts joined by a space),
    squashed, holds every item's squashed text."""
    plain = " ".join(items).strip()
    assert all(squash(t) in squash(plain) for t in items)


def _markers_found(rows, kinds):
    """The obvious search: every item of the first 40 rows against every marker, in the markers' order."""
    out = []
    for kind, spec in kinds.items():
        for mk in (squash(m) for m in spec.markers):
            if not mk:
                continue
            for r in rows[:40]:
                if not r.blank:
                    out += [(kind, it.text.strip().text) for it in r.items if mk in squash(it.text.text)]
    return out


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(st.lists(st.sampled_from(_WORDS), max_size=6).map(" ".join), min_size=1, max_size=12))
def test_markers_are_found_in_the_items_that_hold_them(lines):
    kinds = terms().kinds
    rows = rows_from_text("\n".join(lines))
    jd = JobDescription(path="x", info=DocumentInfo(format="text", encoding="utf-8", line_count=len(lines)))
    detect_kind(rows, jd, kinds)
    found = _markers_found(rows, kinds)
    if found:  # no heading or label here: markers alone decide
        assert jd.kind == found[0][0]
        assert [e.text for e in jd.kind_evidence] == [t for k, t in found if k == jd.kind]
    else:
        assert jd.kind is None and jd.kind_evidence == []
