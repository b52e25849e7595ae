"""The competency catalog (``rules/competencies.toml``) and the manager signals
(``rules/competency-signals.toml``): HR's data, validated on load by the models below (their JSON
Schemas are generated into ``schema/``).

An organisation's own catalog files (rule option ``competency-catalog``) have the same shape as the
shipped one, plus ``mode``: ``"replace"`` drops the shipped catalog, ``"extend"`` (the default)
merges into it — a set's competency of the same name is replaced, a new one is added; a menu entry
of the same name is replaced, a new one is added.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ajlint.data import data_dir
from ajlint.model import new_list
from ajlint.datafiles import DataFileError, load_toml_model


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Matching(_Strict):
    """How close written text must be to be compared with the catalog (thresholds HR may tune)."""

    sentence_min_ratio: float = Field(
        default=50, ge=0, le=100,
        description="Lowest similarity (0-100) of a written sentence to an approved one for it to be "
                    "reported as a changed wording; below it the sentence is 'not in the catalog'",
    )
    sentence_min_shared: float = Field(
        default=0.5, ge=0, le=1,
        description="Lowest share of a written sentence's words that must come from the approved one for it "
                    "to be reported as a changed wording (word-level diff) rather than 'not in the catalog'",
    )
    name_min_score: float = Field(
        default=85, ge=0, le=100,
        description="Similarity (0-100) from which a misspelt competency name is taken as the catalog name",
    )
    name_suggest_score: float = Field(
        default=70, ge=0, le=100,
        description="Similarity from which the closest catalog name is suggested (without a fix)",
    )
    name_margin: float = Field(
        default=5, ge=0, le=100,
        description="How much better than the runner-up the closest name must be to be unambiguous (safe fix)",
    )
    safe_word_ratio: float = Field(
        default=60, ge=0, le=100,
        description="A word replaced by a similar word (at least this similar) is a misspelling and its fix "
                    "is safe; adding, removing or replacing other words is an unsafe fix",
    )
    ocr_evidence_min: int = Field(
        default=3, ge=1,
        description="Words with lost diacritics from which a document is OCR text, compared with OCR noise "
                    "ignored (the same threshold as AJ005)",
    )


class CoreCompetency(_Strict):
    name: str = Field(min_length=2, description="The competency's name, e.g. 'Kliendikesksus'")
    indicators: list[str] = Field(
        min_length=1, description="Indicator items as written (an item may hold several sentences)"
    )

    @field_validator("indicators")
    @classmethod
    def _not_blank(cls, values: list[str]) -> list[str]:
        if any(not v.strip() for v in values):
            raise ValueError("an empty indicator")
        return values


class CompetencySet(_Strict):
    label: str | None = Field(default=None, description="Who the set is for, e.g. 'spetsialist', 'juht'")
    manager: bool | None = Field(
        default=None, description="True for the set of positions that manage people (required in a full catalog)"
    )
    competencies: list[CoreCompetency] = Field(default_factory=new_list)

    @model_validator(mode="after")
    def _unique(self) -> "CompetencySet":
        names = [c.name.casefold() for c in self.competencies]
        dup = {n for n in names if names.count(n) > 1}
        if dup:
            raise ValueError(f"competency listed twice in the set: {', '.join(sorted(dup))}")
        return self


class AdditionalCompetency(_Strict):
    name: str = Field(min_length=2, description="The name, e.g. 'Suhtlemis- ja mõjutamisoskus'")
    qualifier: str | None = Field(
        default=None, description="The qualifier written after the name, e.g. 'sh selge ja veenev eneseväljendusoskus'"
    )
    definition: str = Field(min_length=2, description="The definition as written; a document may quote a subset of its sentences")


class CompetencyCatalog(_Strict):
    """rules/competencies.toml: the approved competency sets and the additional-competency menu."""

    mode: Literal["extend", "replace"] = Field(
        default="extend",
        description="For an organisation's own catalog file: extend the shipped catalog or replace it",
    )
    matching: Matching | None = Field(default=None, description="Matching thresholds (defaults when absent)")
    sets: dict[str, CompetencySet] = Field(
        default_factory=dict, description="Core competency sets by key ('specialist', 'manager' …)"
    )
    additional: list[AdditionalCompetency] = Field(
        default_factory=new_list, description="The additional-competency menu"
    )

    @model_validator(mode="after")
    def _unique(self) -> "CompetencyCatalog":
        names = [a.name.casefold() for a in self.additional]
        dup = {n for n in names if names.count(n) > 1}
        if dup:
            raise ValueError(f"additional competency listed twice: {', '.join(sorted(dup))}")
        return self


class CompetencySignals(_Strict):
    """rules/competency-signals.toml: what shows that a position manages people (AJ403)."""

    direct_reports: bool = Field(default=True, description="Listed direct reports (1.6 Vahetud alluvad) are a signal")
    duty_phrases: list[str] = Field(
        default_factory=new_list,
        description="Phrases in a duty that mean leading people; '*' stands for up to max_gap_words words",
    )
    max_gap_words: int = Field(default=3, ge=0, le=10)
    title_words: list[str] = Field(
        default_factory=new_list, description="Managerial title words, also as the end of a compound ('tiimijuht')"
    )
    title_exceptions: list[str] = Field(
        default_factory=new_list, description="Titles ending like a manager's that are not ('projektijuht')"
    )


def merge(base: CompetencyCatalog, extra: CompetencyCatalog) -> CompetencyCatalog:
    """``extra`` laid over ``base`` (see the module docstring)."""
    if extra.mode == "replace":
        return extra
    sets = {k: v.model_copy(deep=True) for k, v in base.sets.items()}
    for key, s in extra.sets.items():
        cur = sets.get(key)
        if cur is None:
            sets[key] = s.model_copy(deep=True)
            continue
        comps = list(cur.competencies)
        for c in s.competencies:
            idx = next((i for i, o in enumerate(comps) if o.name.casefold() == c.name.casefold()), None)
            if idx is None:
                comps.append(c)
            else:
                comps[idx] = c
        sets[key] = CompetencySet(
            label=s.label if s.label is not None else cur.label,
            manager=s.manager if s.manager is not None else cur.manager,
            competencies=comps,
        )
    additional = list(base.additional)
    for a in extra.additional:
        idx = next((i for i, o in enumerate(additional) if o.name.casefold() == a.name.casefold()), None)
        if idx is None:
            additional.append(a)
        else:
            additional[idx] = a
    return CompetencyCatalog(
        mode="extend",
        matching=extra.matching if extra.matching is not None else base.matching,
        sets=sets,
        additional=additional,
    )


@lru_cache(maxsize=1)
def shipped_catalog() -> CompetencyCatalog:
    return load_toml_model(data_dir("rules") / "competencies.toml", CompetencyCatalog)  # type: ignore[return-value]


@lru_cache(maxsize=1)
def shipped_signals() -> CompetencySignals:
    return load_toml_model(data_dir("rules") / "competency-signals.toml", CompetencySignals)  # type: ignore[return-value]


@lru_cache(maxsize=16)
def catalog(paths: tuple[Path, ...] = ()) -> CompetencyCatalog:
    """The shipped catalog with the organisation's files (in order) laid over it."""
    cat = shipped_catalog()
    for p in paths:
        cat = merge(cat, load_toml_model(p, CompetencyCatalog))  # type: ignore[arg-type]
    for key, s in cat.sets.items():
        if s.manager is None:
            raise DataFileError(f"competency catalog: set '{key}' does not say whether it is the manager set "
                                "(key 'manager')")
    return cat


@lru_cache(maxsize=8)
def signals(path: Path | None = None) -> CompetencySignals:
    if path is None:
        return shipped_signals()
    return load_toml_model(path, CompetencySignals)  # type: ignore[return-value]
