"""The data files in ``rules/`` other than profiles, validated on load by pydantic models whose
JSON Schemas are committed in ``schema/`` (``python -m ajlint.schemas`` regenerates them)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ajlint.data import data_dir
from ajlint.model import new_list


class DataFileError(Exception):
    """A data file that cannot be used; the message names the file and the key."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class KindTerms(_Strict):
    markers: list[str] = Field(default_factory=new_list, description="Phrases that by themselves decide the kind")
    terms: list[str] = Field(default_factory=new_list, description="Words of this vocabulary")
    text_terms: list[str] = Field(
        default_factory=new_list,
        description="Word beginnings that belong to this vocabulary wherever they are written (AJ107), "
                    "e.g. 'ametikoh' for ametikoht, ametikoha, ametikohale",
    )
    heading_terms: list[str] = Field(
        default_factory=new_list,
        description="Word beginnings that belong to this vocabulary in headings and labels only; in running "
                    "text they are ordinary words (AJ107)",
    )
    equivalents: dict[str, str] = Field(
        default_factory=dict,
        description="Word beginning of another vocabulary -> this vocabulary's word beginning, suggested "
                    "as an unsafe fix (AJ107), e.g. 'ametikoh' = 'töökoh'",
    )


class TermsFile(_Strict):
    """rules/terms.toml: the civil-servant and employee vocabularies."""

    kinds: dict[str, KindTerms]


CEFR_LEVEL = r"^[ABC][12]$"


class KeelWords(_Strict):
    endings: list[str] = Field(
        default_factory=new_list,
        description="Case endings of 'keel' and of the adjective '-keelne', folded (keel, keelt, keelne …)",
    )
    compounds: list[str] = Field(
        default_factory=new_list,
        description="Nouns compounded after 'keele'/'keelte' that still name the language (keeleoskus)",
    )


class LevelNotation(_Strict):
    level_words: list[str] = Field(default_factory=lambda: ["tase"], description="Word beginnings of 'tase'")
    category_words: list[str] = Field(
        default_factory=lambda: ["kategooria"], description="Word beginnings of a legacy category word"
    )
    fix_word: str = Field(default="tasemel", description="The 'tase' word a fix writes where there was none")
    preferred: Literal["tase-first", "level-hyphen", "level-space", "bare"] = Field(
        default="tase-first",
        description="Preferred notation (AJ306): tase-first 'tasemel C1', level-hyphen 'C1-tasemel', "
                    "level-space 'C1 tasemel', bare 'C1'",
    )
    profiles: dict[str, Literal["tase-first", "level-hyphen", "level-space", "bare"]] = Field(
        default_factory=dict, description="Profile name → its preferred notation (overrides 'preferred')"
    )


class VagueLevels(_Strict):
    phrases: list[str] = Field(
        default_factory=new_list, description="Phrases that describe a level without naming one ('heal tasemel')"
    )


class UnknownLanguages(_Strict):
    min_similarity: int = Field(
        default=75, ge=0, le=100,
        description="A word in a language's place is reported (AJ305) when at least this similar to a known "
                    "language",
    )
    not_languages: list[str] = Field(
        default_factory=new_list, description="Words that may stand before 'keel' without naming a language"
    )
    name_endings: list[str] = Field(
        default_factory=new_list,
        description="A word near no known language is taken for a language's name only when it ends in one of "
                    "these (names before 'keel' are genitives: vietnami, eesti); empty: any word",
    )


class EstonianPolicy(_Strict):
    language: str = Field(default="eesti", description="The language the Estonian rules check")
    maximum: str = Field(
        default="C1", pattern=CEFR_LEVEL,
        description="Law: the highest Estonian level an employer may require (regulation no. 84, 2014)",
    )
    minimum_higher_education: str = Field(
        default="C1", pattern=CEFR_LEVEL,
        description="Policy, not law: the minimum Estonian level when the position requires higher education",
    )
    minimum_other: str = Field(
        default="B1", pattern=CEFR_LEVEL, description="Policy, not law: the minimum Estonian level otherwise"
    )
    higher_education_words: list[str] = Field(
        default_factory=new_list, description="Word beginnings in Haridus that mean higher education"
    )
    soft_words: list[str] = Field(
        default_factory=new_list, description="Words before them that make the education only preferred"
    )


class LanguagesFile(_Strict):
    """rules/languages.toml: language names and level words."""

    levels: list[str]
    minimum_words: list[str] = Field(default_factory=new_list)
    qualifier_words: list[str] = Field(default_factory=new_list)
    trailing_qualifier_words: list[str] = Field(
        default_factory=new_list,
        description="Qualifier words written after the language they qualify ('… on eeliseks')",
    )
    legacy: dict[str, str] = Field(default_factory=dict, description="Legacy level word → CEFR level")
    languages: dict[str, list[str]] = Field(description="Nominative name → the forms it is written in")
    compound_stems: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Nominative name → stems it takes in a compound with 'keel' (ingliskeelne, riigikeel)",
    )
    generic: dict[str, str] = Field(
        default_factory=dict,
        description="Stem of a compound with 'keel' that names no particular language → the name a "
                    "requirement keeps ('võõr' = 'võõrkeel')",
    )
    keel: KeelWords = Field(default_factory=lambda: KeelWords(), description="The forms of 'keel' (language)")
    levels_notation: LevelNotation = Field(
        default_factory=lambda: LevelNotation(), description="Level notations (AJ306) and the 'tase' words"
    )
    legacy_categories: dict[str, str] = Field(
        default_factory=dict, description="Legacy category letter (before 1999, A–F) → statutory CEFR level"
    )
    vague: VagueLevels = Field(default_factory=lambda: VagueLevels(), description="Words that describe no level")
    unknown: UnknownLanguages = Field(
        default_factory=lambda: UnknownLanguages(), description="When a word is reported as an unknown language"
    )
    estonian: EstonianPolicy = Field(
        default_factory=lambda: EstonianPolicy(), description="The Estonian requirement: law and policy (AJ304)"
    )


def load_toml_model(path: Path, model: type[BaseModel]) -> BaseModel:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path.name}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{path.name}: not valid TOML: {exc}") from None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        msgs = [f"{path.name}: key '{'.'.join(str(p) for p in e['loc'])}': {e['msg']}" for e in exc.errors()]
        raise DataFileError("; ".join(msgs)) from None


@lru_cache(maxsize=1)
def terms() -> TermsFile:
    return load_toml_model(data_dir("rules") / "terms.toml", TermsFile)  # type: ignore[return-value]


@lru_cache(maxsize=1)
def languages() -> LanguagesFile:
    return load_toml_model(data_dir("rules") / "languages.toml", LanguagesFile)  # type: ignore[return-value]
