"""The data files in ``rules/`` other than profiles, validated on load by pydantic models whose
JSON Schemas are committed in ``schema/`` (``python -m ajlint.schemas`` regenerates them)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ajlint.data import data_dir


class DataFileError(Exception):
    """A data file that cannot be used; the message names the file and the key."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class KindTerms(_Strict):
    markers: list[str] = Field(default_factory=list, description="Phrases that by themselves decide the kind")
    terms: list[str] = Field(default_factory=list, description="Words of this vocabulary")
    text_terms: list[str] = Field(
        default_factory=list,
        description="Word beginnings that belong to this vocabulary wherever they are written (AJ107), "
                    "e.g. 'ametikoh' for ametikoht, ametikoha, ametikohale",
    )
    heading_terms: list[str] = Field(
        default_factory=list,
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


class LanguagesFile(_Strict):
    """rules/languages.toml: language names and level words."""

    levels: list[str]
    minimum_words: list[str] = Field(default_factory=list)
    qualifier_words: list[str] = Field(default_factory=list)
    legacy: dict[str, str] = Field(default_factory=dict, description="Legacy level word → CEFR level")
    languages: dict[str, list[str]] = Field(description="Nominative name → the forms it is written in")


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
