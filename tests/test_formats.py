"""Every output format, tested on the seeds and parsed back."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import jsonschema
import pytest

from conftest import FIXTURES, ROOT, SEEDS

SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def expected():
    """The findings of the seeds as JSON: what every other format must carry."""
    from ajlint.cli import main
    import contextlib

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        main(["check", "--format", "json", *map(str, SEEDS)])
    return json.loads(buf.getvalue())["diagnostics"]


def run(cli, fmt, *extra):
    code, out, err = cli("check", "--format", fmt, *extra, *SEEDS)
    assert code in (0, 1), err
    return out


def test_sarif_validates_against_the_official_schema(cli, expected):
    log = json.loads(run(cli, "sarif"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    run0 = log["runs"][0]
    results = run0["results"]
    assert len(results) == len(expected)
    rules = run0["tool"]["driver"]["rules"]
    for res, exp in zip(results, expected):
        assert res["ruleId"] == exp["code"]
        region = res["locations"][0]["physicalLocation"]["region"]
        assert (region["startLine"], region["startColumn"]) == (exp["line"], exp["column"])
        rule = rules[res["ruleIndex"]]
        assert rule["id"] == exp["code"] and "What it does" in rule["help"]["text"]
    fixed = [r for r in results if "fixes" in r]
    assert fixed, "the seeds have fixable findings (AJ701)"
    rep = fixed[0]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert rep["deletedRegion"]["charLength"] > 0 and rep["insertedContent"]["text"]


def test_github_annotations_parse_back(cli, expected):
    out = run(cli, "github")
    rx = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),"
                    r"title=(AJ\d{3}) \[([a-z-]+)\]::(.+)$")
    parsed = [rx.match(line) for line in out.splitlines()]
    assert all(parsed) and len(parsed) == len(expected)
    for m, exp in zip(parsed, expected):
        level = {"error": "error", "warning": "warning", "info": "notice"}[exp["severity"]]
        assert (m.group(1), m.group(2), int(m.group(3)), int(m.group(4)), m.group(7)) == (
            level, exp["path"], exp["line"], exp["column"], exp["code"])
        assert m.group(9).replace("%25", "%") == exp["message"]


def test_gitlab_code_quality_with_stable_fingerprints(cli, tmp_path, expected):
    items = json.loads(run(cli, "gitlab"))
    assert len(items) == len(expected)
    for it, exp in zip(items, expected):
        assert it["check_name"] == exp["code"] and it["location"]["lines"]["begin"] == exp["line"]
        assert it["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert re.fullmatch(r"[0-9a-f]{64}", it["fingerprint"])
    assert len({it["fingerprint"] for it in items}) == len(items)
    # stable: the same file with lines inserted above its findings keeps every fingerprint
    src = next(p for p in SEEDS if p.name.startswith("000"))
    doc = tmp_path / "a.md"
    doc.write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    before = json.loads(cli("check", "--format", "gitlab", doc)[1])
    doc.write_text("\n\n\n" + src.read_text(encoding="utf-8"), encoding="utf-8")
    after = json.loads(cli("check", "--format", "gitlab", doc)[1])
    assert [i["location"]["lines"]["begin"] for i in after] == [i["location"]["lines"]["begin"] + 3 for i in before]
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]


def test_junit_one_testcase_per_file(cli, expected):
    root = ET.fromstring(run(cli, "junit"))
    cases = root.findall(".//testcase")
    assert len(cases) == len(SEEDS)
    failing = {c.get("name") for c in cases if c.find("failure") is not None}
    assert failing == {e["path"] for e in expected}
    for c in cases:
        f = c.find("failure")
        if f is not None:
            n = sum(1 for e in expected if e["path"] == c.get("name"))
            assert len(f.text.strip().split("\n")) == n


def test_csv_parses_back(cli, expected, tmp_path):
    rows = list(csv.DictReader(io.StringIO(run(cli, "csv"))))
    assert len(rows) == len(expected)
    for r, exp in zip(rows, expected):
        assert (r["path"], int(r["line"]), int(r["column"]), r["code"], r["message"]) == (
            exp["path"], exp["line"], exp["column"], exp["code"], exp["message"])
    out = tmp_path / "report.csv"
    run(cli, "csv", "--output", out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # spreadsheets need the BOM to read UTF-8
    assert len(list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))) == len(expected)


def test_json_lines(cli, expected):
    lines = [json.loads(x) for x in run(cli, "json-lines").splitlines()]
    assert lines == expected


def test_concise(cli, expected):
    lines = run(cli, "concise").splitlines()
    assert len(lines) == len(expected)
    e = expected[0]
    assert lines[0] == f"{e['path']}:{e['line']}:{e['column']}: {e['code']} [{e['rule']}] {e['message']}"


def test_output_file(cli, tmp_path):
    out = tmp_path / "r.json"
    code, stdout, _ = cli("check", "--format", "json", "--output", out, *SEEDS)
    assert stdout == "" and json.loads(out.read_text(encoding="utf-8"))["summary"]["files"] == len(SEEDS)


def test_output_file_is_replaced_whole_and_leaves_no_temporary_file(cli, tmp_path):
    out = tmp_path / "r.json"
    out.write_text("old report", encoding="utf-8")
    cli("check", "--format", "json", "--output", out, *SEEDS)
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["files"] == len(SEEDS)
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_output_into_a_missing_folder_is_a_usage_error(cli, tmp_path):
    code, _, err = cli("check", "--format", "json", "--output", tmp_path / "no" / "r.json", *SEEDS)
    assert code == 2 and "cannot write" in err


def test_unknown_format(cli):
    code, _, err = cli("check", "--format", "sarf", FIXTURES)
    assert code == 2 and "did you mean 'sarif'?" in err


def test_reporter_plugin(cli, monkeypatch):
    from ajlint import hookimpl
    import ajlint.plugins as plugins

    class Count:
        name = "count"
        description = "number of findings"

        def render(self, ctx, out):
            out.write(f"{len(ctx.diagnostics)}\n")

    class P:
        @hookimpl
        def ajlint_reporters(self):
            return [Count()]

    real = plugins.default_registry
    monkeypatch.setattr(plugins, "default_registry", lambda extra_plugins=(): real([*extra_plugins, ("p", P())]))
    code, out, _ = cli("check", "--format", "count", "--select", "AJ004,AJ005", SEEDS[1])
    assert out.strip() == "2"  # seed 001: AJ004 and AJ005


def test_personal_data_is_not_quoted_in_the_source_line(cli, tmp_path):
    # 37605030299 is a valid isikukood (check digit 9); the full output must never show it
    doc = tmp_path / "ik.md"
    text = next(p for p in SEEDS if p.name.startswith("004")).read_text(encoding="utf-8")
    doc.write_text(text.replace("Omab õigust:", "Omab õigust (isikukood 37605030299):"), encoding="utf-8")
    code, out, _ = cli("check", "--color", "never", "--select", "AJ601", doc)
    assert "AJ601" in out and code == 1
    assert "37605030299" not in out
    assert "•••••••0299" in out


def test_json_findings_encoder_writes_what_json_writes():
    # the JSON report encodes each finding with one C encoder made once: the same text as json's own
    import json

    from ajlint.reporters.jsonout import _encoder

    d = {"path": "ä/ö.md", "message": "Lühend 'KOV' „x“ \"q\" \\ \n\t", "line": 3, "ratio": 0.5, "big": 1e300,
         "none": None, "ok": True, "related": [{"path": "b", "line": 1}, []], "fix": {"edits": [[1, 2, " "]]}}
    assert _encoder()(d) == json.JSONEncoder(ensure_ascii=False).encode(d)
    assert json.loads(_encoder()(d)) == d


def test_json_finding_written_directly_is_the_encoded_dict():
    """The JSON reporters write a usual finding directly, not by encoding ``to_dict``: the text must be
    the same, byte for byte, with and without every optional part (section, locator, related, fix,
    a fix without a description), with characters JSON escapes, and in both languages. A finding with
    values of other types than the usual (a bool for a number, a non-string section) falls back to the dict."""
    from ajlint.diagnostics import Diagnostic, Edit, Fix, Message, Severity, Span
    from ajlint.reporters.jsonout import _encoder, _written, finding_renderer

    msg = Message(en="Word '{w}' „x“ \"q\" \\ {n}\n\t\x01 end", et="Sõna '{w}' — {n}")
    tricky = "ä/ö \"q\" \\ \n\t\x1f € 𝄞"
    fixes = [None, Fix((Edit(0, 3, "▪"),)), Fix((Edit(5, 9, tricky), Edit(12, 12, ""), Edit(20, 25, "x")), "unsafe",
                                            "use '▪' \"so\""),
             Fix((Edit(1, 2, " "),), "safe", None), Fix((), "safe", "nothing")]
    found = []
    for fix in fixes:
        for section in (None, "requirements", tricky):
            for locator in (None, "", "table 2, row 3, cell 2"):
                for related in ([], [{"path": "b.md", "line": 4, "column": 1, "message": tricky}]):
                    found.append(Diagnostic(path=tricky + ".md", code="AJ402", rule="competency-wording",
                                            severity=Severity.WARNING, message=msg, args={"w": tricky, "n": 7},
                                            span=Span(3, 14, 4, 2), section=section, fix=fix, locator=locator,
                                            related=related))
    dump = _encoder()
    for lang in ("en", "et"):
        render = finding_renderer(lang)
        for d in found:
            assert _written(d, lang, dump) is not None
            assert render(d) == dump(d.to_dict(lang)) == json.dumps(d.to_dict(lang), ensure_ascii=False)
    odd = [Diagnostic(path="a.md", code="AJ101", rule="r", severity=Severity.ERROR, message=msg,
                      args={"w": 1, "n": 2}, span=Span(1, True, 1, 3)),  # type: ignore[arg-type]
           Diagnostic(path="a.md", code="AJ101", rule="r", severity=Severity.ERROR, message=msg,
                      args={"w": 1, "n": 2}, span=Span(1, 2, 1, 3), section=5),  # type: ignore[arg-type]
           Diagnostic(path="a.md", code="AJ101", rule="r", severity=Severity.ERROR, message=msg,
                      args={"w": 1, "n": 2}, span=Span(1, 2, 1, 3), fix=Fix((Edit(True, 2, "x"),)))]  # type: ignore[arg-type]
    render = finding_renderer("en")
    for d in odd:
        assert render(d) == dump(d.to_dict("en"))
