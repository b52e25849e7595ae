"""Inline suppression directives: ranges, next line, file, plain-text comments, errors, unused."""

from __future__ import annotations

from pathlib import Path

from conftest import seed

LINES = seed("000").read_text(encoding="utf-8").split("\n")
# seed 000 has AJ701 (domain-misspelling) findings on lines 30, 32 and 102


def doc_with(tmp_path: Path, inserts: dict[int, str], name: str = "doc.md") -> Path:
    """Seed 000 with directive lines inserted before the given (1-based, original) line numbers."""
    out = []
    for n, line in enumerate(LINES, 1):
        if n in inserts:
            out.append(inserts[n])
        out.append(line)
    p = tmp_path / name
    p.write_text("\n".join(out), encoding="utf-8")
    return p


def aj701_lines(report) -> list[int]:
    return [d["line"] for d in report["diagnostics"] if d["code"] == "AJ701"]


def test_baseline(tmp_path, check_json):
    _, report = check_json(doc_with(tmp_path, {}))
    assert aj701_lines(report) == [30, 32, 102]


def test_disable_enable_range(tmp_path, check_json):
    p = doc_with(tmp_path, {29: "<!-- ajlint: disable=AJ701 -->", 31: "<!-- ajlint: enable=AJ701 -->"})
    _, report = check_json(p)
    # line 30 (now 31) is inside the range; 32 (now 34) and 102 (now 104) are not
    assert aj701_lines(report) == [34, 104]


def test_disable_by_name_until_end(tmp_path, check_json):
    p = doc_with(tmp_path, {31: "<!-- ajlint: disable=domain-misspelling -->"})
    _, report = check_json(p)
    assert aj701_lines(report) == [30]


def test_disable_next_line(tmp_path, check_json):
    p = doc_with(tmp_path, {102: "<!-- ajlint: disable-next-line=AJ701 -->"})
    _, report = check_json(p)
    assert aj701_lines(report) == [30, 32]


def test_disable_file(tmp_path, check_json):
    p = doc_with(tmp_path, {1: "<!-- ajlint: disable-file=AJ7 -->"})
    _, report = check_json(p)
    assert aj701_lines(report) == []


def test_disable_all_rules(tmp_path, check_json):
    p = doc_with(tmp_path, {1: "<!-- ajlint: disable-file -->"})
    _, report = check_json(p)
    assert report["diagnostics"] == []


def test_plain_text_directives(tmp_path, check_json):
    p = doc_with(tmp_path, {30: "# ajlint: disable-next-line=AJ701", 102: "// ajlint: disable-next-line=AJ701"},
                 name="doc.txt")
    _, report = check_json(p)
    assert aj701_lines(report) == [33]


def test_directive_is_not_content(tmp_path, cli):
    import json

    p = doc_with(tmp_path, {8: "<!-- ajlint: disable=AJ004 -->"})
    _, out, _ = cli("parse", "--format", "json", p)
    m = json.loads(out)
    assert m["title"]["text"] == "Inimkaubandusohvrite teenuse juht"  # the grid is still read


def test_malformed_and_unknown_directives_are_findings(tmp_path, check_json):
    p = doc_with(tmp_path, {20: "<!-- ajlint: disabel=AJ701 -->", 22: "<!-- ajlint: disable=AJ799 -->",
                            24: "<!-- ajlint: disable= -->"})
    _, report = check_json(p)
    aj010 = [(d["line"], d["message"]) for d in report["diagnostics"] if d["code"] == "AJ010"]
    assert [ln for ln, _ in aj010] == [20, 23, 26]
    assert "unknown directive 'disabel'" in aj010[0][1]
    assert "'AJ799' is not a known rule" in aj010[1][1]
    assert "names no rule" in aj010[2][1]


def test_unused_suppression_is_opt_in(tmp_path, check_json):
    p = doc_with(tmp_path, {5: "<!-- ajlint: disable-next-line=AJ701 -->", 102: "<!-- ajlint: disable-next-line=AJ701 -->"})
    _, report = check_json(p)
    assert "AJ011" not in {d["code"] for d in report["diagnostics"]}
    _, report = check_json("--extend-select", "unused-suppression", p)
    aj011 = [d for d in report["diagnostics"] if d["code"] == "AJ011"]
    assert [(d["line"], d["column"]) for d in aj011] == [(5, 1)]  # the one above line 102 was used
    assert "disable-next-line=AJ701" in aj011[0]["message"]
