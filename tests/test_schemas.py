"""The committed JSON Schemas match the models, and every data file in rules/ validates against its schema."""

from __future__ import annotations

import json
import tomllib

import jsonschema
import pytest

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
