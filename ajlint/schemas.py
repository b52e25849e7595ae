"""Generate the JSON Schemas in ``schema/`` from the pydantic models.

    python -m ajlint.schemas          write them
    python -m ajlint.schemas --check  exit 1 when a committed schema differs (the tests do this)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ajlint.config import ConfigModel
from ajlint.datafiles import LanguagesFile, TermsFile
from ajlint.declarative import DeclarativeFile
from ajlint.model import JobDescription
from ajlint.profiles import ProfileFile


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ReportEdit(_Strict):
    start: int
    end: int
    replacement: str


class ReportFix(_Strict):
    applicability: Literal["safe", "unsafe"]
    description: str
    edits: list[ReportEdit]


class ReportDiagnostic(_Strict):
    path: str
    code: str = Field(pattern=r"^[A-Z]{2,4}[0-9]{3}$")
    rule: str
    severity: Literal["error", "warning", "info"]
    message: str
    line: int = Field(ge=1)
    column: int = Field(ge=1)
    end_line: int = Field(ge=1)
    end_column: int = Field(ge=1)
    section: str | None
    locator: str | None = None
    related: list[dict] | None = None
    fix: ReportFix | None = None


class ReportSummary(_Strict):
    files: int
    findings: int
    by_severity: dict[Literal["error", "warning", "info"], int]
    by_rule: dict[str, int]


class ReportTool(_Strict):
    name: Literal["ajlint"]
    version: str


class Report(_Strict):
    """The output of ``ajlint check --format json``."""

    tool: ReportTool
    diagnostics: list[ReportDiagnostic]
    summary: ReportSummary


# data files in rules/ and the models that validate them (profiles/*.toml share profile.schema.json)
CORE_DATA_FILES: dict[str, type[BaseModel]] = {
    "terms.toml": TermsFile,
    "languages.toml": LanguagesFile,
    "declarative.toml": DeclarativeFile,
}


def data_file_models() -> dict[str, type[BaseModel]]:
    """Every data file in rules/ (besides profiles) with its model, the rule families' included."""
    from ajlint.builtin.rules import data_files

    return {**CORE_DATA_FILES, **data_files()}


def schema_models() -> dict[str, type[BaseModel]]:
    out: dict[str, type[BaseModel]] = {
        "jobdescription.schema.json": JobDescription,
        "report.schema.json": Report,
        "profile.schema.json": ProfileFile,
        "config.schema.json": ConfigModel,
    }
    for fname, model in data_file_models().items():
        out[fname.rsplit(".", 1)[0] + ".schema.json"] = model
    return out


def render(model: type[BaseModel], filename: str) -> str:
    schema = model.model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": filename, **schema}
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out_dir = Path(__file__).resolve().parent.parent / "schema"
    check = "--check" in argv
    stale = []
    for name, model in schema_models().items():
        text = render(model, name)
        path = out_dir / name
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
    if stale:
        print("out of date: " + ", ".join(stale) + " (run python -m ajlint.schemas)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
