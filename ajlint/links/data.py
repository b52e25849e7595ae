"""``rules/inflection.toml``: the compact Estonian inflection model and the unit vocabulary.

HR owns this data: the nouns job titles end in (``juht``, ``juhataja``, ``koordinaator`` …) with their
genitive and partitive, generic ending patterns for titles whose noun is not listed, the case endings
built on the genitive (allative ``-le``, plural ``-d``), the words that name units of each level
(``osakond``, ``talitus``, ``tiim``) and the words that mark "another holder of the same position"
(``teine``). It is validated on load by :class:`InflectionFile` (``schema/inflection.schema.json``).
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ajlint.data import data_dir
from ajlint.datafiles import load_toml_model
from ajlint.model import new_list


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _word(value: str) -> str:
    v = value.strip()
    if not v or any(c.isspace() for c in v) or v != v.lower():
        raise ValueError(f"{value!r} must be one word in lower case")
    return v


class Noun(_Strict):
    """A noun of the title vocabulary with its forms. A title ending in it (``tiimijuht``,
    ``peaspetsialist``) inflects like it; its forms are certain, so fixes built on them are safe."""

    nominative: str = Field(description="Singular nominative, e.g. 'juht'")
    genitive: str = Field(description="Singular genitive (the stem of the allative and the plural), e.g. 'juhi'")
    partitive: str = Field(description="Singular partitive, e.g. 'juhti'")
    plural_partitive: str | None = Field(default=None, description="Plural partitive, e.g. 'juhte'")
    plural_genitive: str | None = Field(default=None, description="Plural genitive, e.g. 'juhtide'")

    @field_validator("nominative", "genitive", "partitive", "plural_partitive", "plural_genitive")
    @classmethod
    def check_word(cls, v):
        return None if v is None else _word(v)


class Pattern(_Strict):
    """A nominative ending and the endings that replace it in the other cases, for titles whose noun is
    not listed (``…ja`` → ``…jat``). Less certain than a listed noun: fixes built on it are unsafe."""

    ending: str = Field(description="Nominative ending, e.g. 'ja'")
    genitive: str = Field(description="Genitive ending replacing it, e.g. 'ja'")
    partitive: str = Field(description="Partitive ending replacing it, e.g. 'jat'")
    plural_partitive: str | None = Field(default=None, description="Plural partitive ending, e.g. 'jaid'")
    plural_genitive: str | None = Field(default=None, description="Plural genitive ending, e.g. 'jate'")
    min_stem: int = Field(default=2, ge=0, description="Letters the word must have before the ending")

    @field_validator("ending", "genitive", "partitive", "plural_partitive", "plural_genitive")
    @classmethod
    def check_word(cls, v):
        return None if v is None else _word(v)


class Cases(_Strict):
    """Endings added to the genitive (singular or plural) to form the other cases."""

    allative: str = Field(default="le", description="Allative ending added to the genitive: direktori + le")
    plural: str = Field(default="d", description="Plural nominative ending added to the genitive: juhi + d")
    guess_endings: list[str] = Field(
        default_factory=new_list,
        description="Endings stripped from a word of no known noun or pattern, accepted only when what "
                    "remains is the title of a position of the set (e.g. 't': 'tugiisikut' → 'tugiisik')",
    )


class UnitLevel(_Strict):
    """One level of the organisation (osakond, talitus, tiim), widest first."""

    name: str = Field(description="The level's name, e.g. 'talitus'")
    words: list[str] = Field(min_length=1, description="Words a unit name of this level ends with, nominative")
    genitives: list[str] = Field(
        min_length=1, description="The same words in the genitive, as in the generic head title 'talituse juhataja'"
    )

    @field_validator("words", "genitives")
    @classmethod
    def check_words(cls, v):
        return [_word(x) for x in v]


class Units(_Strict):
    levels: list[UnitLevel] = Field(min_length=1, max_length=5, description="Unit levels, widest first")
    root: list[str] = Field(
        default_factory=new_list,
        description="Words of units that stand above every other unit (the agency's management: 'juhtkond')",
    )
    head_nouns: list[str] = Field(
        min_length=1,
        description="Nouns that make '<unit genitive> <noun>' the generic title of a unit's head "
                    "('talituse juhataja', 'tiimijuht')",
    )

    @field_validator("root", "head_nouns")
    @classmethod
    def check_words(cls, v):
        return [_word(x) for x in v]


class References(_Strict):
    other_holder: list[str] = Field(
        default_factory=new_list,
        description="Words before a title meaning another holder of the same position ('teine jurist')",
    )

    @field_validator("other_holder")
    @classmethod
    def check_words(cls, v):
        return [_word(x) for x in v]


class InflectionFile(_Strict):
    """rules/inflection.toml: the inflection model and unit vocabulary of the link rules (AJ201–AJ208)."""

    cases: Cases = Field(default_factory=lambda: Cases())  # (see new_list)
    nouns: list[Noun] = Field(min_length=1)
    patterns: list[Pattern] = Field(default_factory=new_list)
    units: Units
    references: References = Field(default_factory=lambda: References())

    @model_validator(mode="after")
    def _unique(self):
        seen: set[str] = set()
        for n in self.nouns:
            if n.nominative in seen:
                raise ValueError(f"noun {n.nominative!r} is listed twice")
            seen.add(n.nominative)
        ends: set[str] = set()
        for p in self.patterns:
            if p.ending in ends:
                raise ValueError(f"pattern ending {p.ending!r} is listed twice")
            ends.add(p.ending)
        return self


@lru_cache(maxsize=1)
def inflection() -> InflectionFile:
    return load_toml_model(data_dir("rules") / "inflection.toml", InflectionFile)  # type: ignore[return-value]
