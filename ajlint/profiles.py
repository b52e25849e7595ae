"""Profiles: the templates job descriptions are written in, as data in ``rules/profiles/*.toml``.

A profile maps heading and label variants to model fields. Profiles are validated on load (pydantic
models whose JSON Schema is committed as ``schema/profile.schema.json``). A profile may ``extends``
another and override its tables.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ajlint.data import data_dir
from ajlint.model import new_list
from ajlint.datafiles import DataFileError, load_toml_model

SectionKey = Literal[
    "general", "purpose", "duties", "rights", "responsibilities", "equipment", "requirements",
    "competencies", "additional_competencies", "review", "other",
]
FieldKey = Literal["title", "unit", "manager", "substitutes", "substitutes_for", "direct_reports", "purpose", "other"]
RequirementKey = Literal[
    "education", "experience", "languages", "computer_skills", "competencies", "additional_competencies", "other",
]
Case = Literal["nominative", "genitive", "partitive", "allative"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SectionSpec(_Strict):
    key: SectionKey
    number: str | None = Field(default=None, description="Expected section number, e.g. '2'")
    headings: list[str] = Field(min_length=1, description="Heading spellings that mean this section")
    required: bool = True


class FieldSpec(_Strict):
    key: FieldKey
    number: str | None = Field(default=None, description="Expected label number, e.g. '1.4'")
    labels: list[str] = Field(min_length=1)
    required: bool = True
    case: Case | None = Field(default=None, description="Grammatical case the references are written in")


class RequirementSpec(_Strict):
    key: RequirementKey
    labels: list[str] = Field(min_length=1)
    required: bool = True


class DocumentSpec(_Strict):
    markers: list[str] = Field(default_factory=new_list)
    duty_headers: list[str] = Field(default_factory=new_list)
    signature_markers: list[str] = Field(default_factory=new_list)
    signature_block: list[str] = Field(default_factory=new_list)
    list_intros: list[str] = Field(default_factory=new_list)


class ProfileFile(_Strict):
    """One file in rules/profiles/."""

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]*$")
    description: str = ""
    extends: str | None = None
    document: DocumentSpec | None = None
    sections: list[SectionSpec] | None = None
    fields: list[FieldSpec] | None = None
    requirement_fields: list[RequirementSpec] | None = None


class Profile(_Strict):
    """A profile with ``extends`` resolved."""

    name: str
    description: str
    document: DocumentSpec
    sections: list[SectionSpec]
    fields: list[FieldSpec]
    requirement_fields: list[RequirementSpec]
    source: str

    def field(self, key: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.key == key), None)

    def section(self, key: str) -> SectionSpec | None:
        return next((s for s in self.sections if s.key == key), None)


class ProfileError(Exception):
    """A profile file that cannot be used; the message names the file and the key."""


def _profile_files(extra: tuple[Path, ...] = ()) -> list[Path]:
    """The shipped profiles, then the extra ones (folders of profiles or single files): a later file
    with the same name replaces an earlier one."""
    out: list[Path] = []
    for d in [data_dir("rules") / "profiles", *extra]:
        if d.is_dir():
            out.extend(sorted(d.glob("*.toml")))
        elif d.is_file():
            out.append(d)
    return out


def _load_file(path: Path) -> ProfileFile:
    try:
        return load_toml_model(path, ProfileFile)  # type: ignore[return-value]
    except DataFileError as exc:
        raise ProfileError(str(exc)) from None


@lru_cache(maxsize=8)
def load_profiles(extra_dirs: tuple[Path, ...] = ()) -> dict[str, Profile]:
    files: dict[str, tuple[ProfileFile, Path]] = {}
    for path in _profile_files(extra_dirs):
        pf = _load_file(path)
        if pf.name != path.stem:
            raise ProfileError(f"{path.name}: key 'name' is {pf.name!r}; it must match the file name {path.stem!r}")
        files[pf.name] = (pf, path)

    resolved: dict[str, Profile] = {}

    def resolve(name: str, chain: tuple[str, ...] = ()) -> Profile:
        if name in resolved:
            return resolved[name]
        if name in chain:
            raise ProfileError(f"profile {name!r}: 'extends' forms a cycle: {' -> '.join(chain + (name,))}")
        pf, path = files[name]
        base: Profile | None = None
        if pf.extends:
            if pf.extends not in files:
                raise ProfileError(f"{path.name}: key 'extends': unknown profile {pf.extends!r}")
            base = resolve(pf.extends, chain + (name,))
        doc = pf.document or (base.document if base else DocumentSpec())
        if pf.document and base:
            merged = base.document.model_dump()
            for k, v in pf.document.model_dump(exclude_unset=True).items():
                merged[k] = v
            doc = DocumentSpec.model_validate(merged)
        p = Profile(
            name=pf.name,
            description=pf.description,
            document=doc,
            sections=pf.sections if pf.sections is not None else (base.sections if base else []),
            fields=pf.fields if pf.fields is not None else (base.fields if base else []),
            requirement_fields=pf.requirement_fields
            if pf.requirement_fields is not None
            else (base.requirement_fields if base else []),
            source=str(path.name),
        )
        resolved[name] = p
        return p

    for name in files:
        resolve(name)
    return resolved
