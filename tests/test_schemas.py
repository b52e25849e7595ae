"""The committed JSON Schemas match the models, and every data file in rules/ validates against its schema."""

from __future__ import annotations

import json
import tomllib
import typing

import jsonschema
import pytest

from pydantic import BaseModel

from ajlint.builtin.rules.competency.data import CompetencyCatalog, CompetencySignals
from ajlint.builtin.rules.hygiene.data import Abbreviations, Contact, HygieneFile, Placeholders
from ajlint.datafiles import KindTerms, LanguagesFile, TermsFile
from ajlint.config import ConfigModel
from ajlint.model import DocumentInfo, JobDescription, new_list
from ajlint.declarative import DeclarativeFile
from ajlint.links.data import InflectionFile
from ajlint.profiles import Profile, ProfileFile
from ajlint.schemas import data_file_models, main as schemas_main

from conftest import ROOT, SEEDS

SCHEMA = ROOT / "schema"


def _schema(name: str) -> dict:
    return json.loads((SCHEMA / name).read_text(encoding="utf-8"))


def test_committed_schemas_match_the_models(capsys):
    assert schemas_main(["--check"]) == 0, capsys.readouterr().err


@pytest.mark.parametrize("path", sorted((ROOT / "rules" / "profiles").glob("*.toml")), ids=lambda p: p.name)
def test_profiles_validate(path):
    jsonschema.validate(tomllib.loads(path.read_text(encoding="utf-8")), _schema("profile.schema.json"))


def test_every_data_file_has_a_schema_and_validates():
    models = data_file_models()
    files = sorted(p for p in (ROOT / "rules").glob("*.toml"))
    assert files, "rules/ holds data files"
    for path in files:
        assert path.name in models, f"{path.name} has no schema model"
        schema = _schema(path.stem + ".schema.json")
        jsonschema.validate(tomllib.loads(path.read_text(encoding="utf-8")), schema)


@pytest.mark.parametrize("path", SEEDS + sorted((ROOT / "fixtures" / "other").glob("*")), ids=lambda p: p.name)
def test_parse_output_validates_against_model_schema(cli, path):
    code, out, _ = cli("parse", "--format", "json", path)
    jsonschema.validate(json.loads(out), _schema("jobdescription.schema.json"))


def test_invalid_profile_is_a_clear_error(tmp_path, monkeypatch):
    from ajlint import profiles

    bad = tmp_path / "bad.toml"
    bad.write_text('name = "bad"\n[[sections]]\nkey = "nonsense"\nheadings = ["X"]\n', encoding="utf-8")
    profiles.load_profiles.cache_clear()
    with pytest.raises(profiles.ProfileError) as exc:
        profiles.load_profiles((tmp_path,))
    profiles.load_profiles.cache_clear()
    msg = str(exc.value)
    assert "bad.toml" in msg and "sections.0.key" in msg


def _nested_models(model: type[BaseModel], seen: set | None = None) -> set[type[BaseModel]]:
    """``model`` and every model its fields hold (in lists, dicts, unions …)."""
    seen = set() if seen is None else seen
    if model in seen:
        return seen
    seen.add(model)

    def walk(tp):
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            _nested_models(tp, seen)
        for arg in typing.get_args(tp):
            walk(arg)

    for f in model.model_fields.values():
        walk(f.annotation)
    return seen


# The models built at every start (the rule data, the configuration, the document model): their list
# fields default through model.new_list and their model fields through a lambda, whose signatures
# pydantic inspects quickly (see new_list's docstring).
RULE_DATA_MODELS = [TermsFile, LanguagesFile, CompetencyCatalog, CompetencySignals, HygieneFile, ProfileFile, Profile,
                    DeclarativeFile, ConfigModel, JobDescription, InflectionFile]


def test_rule_data_models_use_cheap_default_factories():
    models = set().union(*(_nested_models(m) for m in RULE_DATA_MODELS))
    factories = [(m.__name__, name, f.default_factory) for m in models for name, f in m.model_fields.items()
                 if f.default_factory is not None]
    assert any(fac is new_list for _, _, fac in factories)
    slow = [(m, n) for m, n, fac in factories
            if fac in (list, set) or (isinstance(fac, type) and issubclass(fac, BaseModel))]
    assert slow == []


def test_list_defaults_are_fresh_for_every_instance():
    info = DocumentInfo(format="text", encoding="utf-8", line_count=1)
    a, b = JobDescription(path="a", info=info), JobDescription(path="b", info=info)
    assert a.duties == [] and a.duties is not b.duties and a.requirements is not b.requirements
    assert a.requirements.languages == [] and a.requirements.languages is not b.requirements.languages
    raw = {"kinds": {"ametnik": {}, "tootaja": {"terms": ["töötaja"]}}}
    one, two = TermsFile.model_validate(raw), TermsFile.model_validate(raw)
    a, b = one.kinds["ametnik"], two.kinds["ametnik"]
    assert a.markers == [] and a.terms == [] and a.text_terms == [] and a.heading_terms == []
    assert a.markers is not b.markers and a.markers is not a.terms
    a.markers.append("x")
    assert b.markers == [] and KindTerms().markers == []
    assert one.kinds["tootaja"].terms == ["töötaja"]
    assert DeclarativeFile.model_validate({}).rules == [] and DeclarativeFile().rules is not DeclarativeFile().rules


def test_omitted_tables_default_to_fresh_models():
    raw = {"list_style": {"bullets": ["-"]}}
    one, two = HygieneFile.model_validate(raw), HygieneFile.model_validate(raw)
    assert one.abbreviations == Abbreviations() and one.contact == Contact() and one.placeholders == Placeholders()
    assert one.abbreviations is not two.abbreviations and one.contact is not two.contact
