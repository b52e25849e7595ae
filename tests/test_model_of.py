"""``Located.of`` validates from a dict, not through the keyword constructor: the model must be the one
the constructor makes (values coerced alike, the same fields set) and bad values must fail alike."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from ajlint.ltext import LText
from ajlint.model import Duty, Label, Located, PositionRef, Section, Text

LT = LText.concat([LText.at("Talituse ", 4, 3), LText.at("juhataja", 5, 1)])

CASES = [
    (Located, {}),
    (Text, {"text": "Talituse juhataja"}),
    (PositionRef, {"text": "Jurist (ennetus)", "qualifier": "ennetus"}),
    (Label, {"key": "title", "number": "1.1", "label": "Ametinimetus", "matched": "Ametinimetus", "exact": True,
             "score": 100}),  # an int score becomes a float, as the constructor makes it
    (Section, {"key": "duties", "heading": "TEENISTUSKOHUSTUSED", "matched": "Teenistuskohustused", "exact": True,
               "score": 97.5, "heading_location": Located.of(LT)}),
    (Duty, {"number": "3.1", "text": "Teenuse arendamine", "items": [Text.of(LT, text="x")]}),
]


@pytest.mark.parametrize("cls, kw", CASES, ids=lambda v: getattr(v, "__name__", ""))
def test_of_makes_what_the_constructor_makes(cls, kw):
    s = LT.span()
    want = cls(line=s.line, column=s.column, end_line=s.end_line, end_column=s.end_column, **kw)
    got = cls.of(LT, **dict(kw))
    assert got == want
    assert got.model_dump_json() == want.model_dump_json()
    assert got.model_fields_set == want.model_fields_set


@pytest.mark.parametrize("kw", [{"text": None}, {"text": "a", "unknown": 1}, {}])
def test_of_rejects_what_the_constructor_rejects(kw):
    with pytest.raises(ValidationError):
        Text.of(LT, **kw)
