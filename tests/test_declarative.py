"""Declarative rules HR staff write in TOML: substitution, existence, required, conditional."""

from __future__ import annotations

from pathlib import Path

import pytest

from ajlint.declarative import DeclarativeError, load_file

from conftest import FIXTURES

DECL = FIXTURES / "declarative"


def _config(tmp_path: Path, rule_data: str) -> Path:
    (tmp_path / ".ajlint.toml").write_text(f'rule-data = ["{rule_data}"]\n', encoding="utf-8")
    doc = tmp_path / "doc.md"
    doc.write_text((DECL / "doc.md").read_text(encoding="utf-8"), encoding="utf-8")
    return doc


@pytest.fixture
def findings(tmp_path, check_json):
    import shutil

    shutil.copy(DECL / "hr-rules.toml", tmp_path / "hr-rules.toml")
    doc = _config(tmp_path, "hr-rules.toml")
    code, report = check_json(doc)
    return code, [d for d in report["diagnostics"] if d["code"].startswith("HR")]


def test_substitution_with_fix(findings, tmp_path):
    _, diags = findings
    hr1 = [d for d in diags if d["code"] == "HR001"]
    assert len(hr1) == 1
    d = hr1[0]
    # line 10: "Pensioniameti õigusalane nõustamine ja muu."
    assert (d["line"], d["column"], d["end_column"]) == (10, 1, 14)
    assert d["rule"] == "old-agency-name" and d["severity"] == "warning"
    assert d["message"] == "'Pensioniameti' is the former name; write 'Sotsiaalkindlustusameti'"
    edit = d["fix"]["edits"][0]
    text = (tmp_path / "doc.md").read_text(encoding="utf-8")
    fixed = text[: edit["start"]] + edit["replacement"] + text[edit["end"]:]
    assert fixed.split("\n")[9] == "Sotsiaalkindlustusameti õigusalane nõustamine ja muu."
    assert d["fix"]["applicability"] == "safe"


def test_existence(findings):
    code, diags = findings
    hr2 = [d for d in diags if d["code"] == "HR002"]
    assert [(d["line"], d["column"]) for d in hr2] == [(10, 37)]  # "ja muu" starts at column 37
    assert hr2[0]["severity"] == "error" and code == 1


def test_required_section_and_label(findings):
    _, diags = findings
    hr3 = sorted(d["message"] for d in diags if d["code"] == "HR003")
    # no TÖÖVAHENDID section and no Keeleoskus label in doc.md
    assert hr3 == ["Section 'Keeleoskus' is required by the organisation",
                   "Section 'equipment' is required by the organisation"]


def test_conditional(findings):
    _, diags = findings
    hr4 = [d for d in diags if d["code"] == "HR004"]
    # KOV is defined "(edaspidi KOV)"; PPA is not
    assert [(d["line"], d["column"], d["message"]) for d in hr4] == [
        (15, 21, "'PPA' is used without a definition '(edaspidi PPA)'")]


def test_rule_docs_are_generated(tmp_path, cli):
    import shutil

    shutil.copy(DECL / "hr-rules.toml", tmp_path / "hr-rules.toml")
    _config(tmp_path, "hr-rules.toml")
    code, out, _ = cli("rule", "HR004", "--config", tmp_path / ".ajlint.toml")
    assert code == 0
    for part in ("What it does", "Why it matters", "Example", "Use instead", "Fix safety",
                 "Readers outside the agency"):
        assert part in out


def test_invalid_file_names_file_line_and_key():
    with pytest.raises(DeclarativeError) as exc:
        load_file(DECL / "bad-rules.toml")
    msg = str(exc.value)
    assert "bad-rules.toml:11:" in msg  # the second [[rules]] table starts on line 11
    assert "rules.1.message_et" in msg and "Field required" in msg


def test_invalid_rule_data_is_a_usage_error(tmp_path, cli):
    import shutil

    shutil.copy(DECL / "bad-rules.toml", tmp_path / "bad-rules.toml")
    doc = _config(tmp_path, "bad-rules.toml")
    code, _, err = cli("check", doc)
    assert code == 2 and "bad-rules.toml:11:" in err


def test_shipped_declarative_rules_are_builtin(check_json):
    from conftest import seed

    _, report = check_json(seed("000"))
    aj701 = [d for d in report["diagnostics"] if d["code"] == "AJ701"]
    # 000 line 102: "algatab ise kokusaamisi" — a misspelling of "kokkusaamisi"
    assert any(d["line"] == 102 and "kokkusaamisi" in d["message"] for d in aj701)


# -- the phrase search: substring candidates, then the regex at each one -----------------------------
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from ajlint.declarative import _phrase_rx, _Prefilter  # noqa: E402

_PHRASES = ["ab", "abc", "b c", "kirik", "Ä", "sh"]


@settings(max_examples=400, deadline=None)
@given(text=st.text(alphabet="abcABC KİıiRrkäÄßsh\n", max_size=40), ignore_case=st.booleans())
def test_phrase_search_finds_what_the_regex_scan_finds(text, ignore_case):
    # the fast search must report exactly the matches of a plain finditer: same places, same
    # longest-first choice, same word boundaries, also where case folding changes the text's length (ß)
    rx = _phrase_rx(_PHRASES, ignore_case)
    fast = [(m.start(), m.end()) for m in _Prefilter(_PHRASES, ignore_case).finditer(rx, text)]
    assert fast == [(m.start(), m.end()) for m in rx.finditer(text)]


def test_phrase_search_sees_dotted_and_dotless_i():
    rx = _phrase_rx(["kirik"], True)
    assert [m.group(0) for m in _Prefilter(["kirik"], True).finditer(rx, "KİRİK ja kırık")] == ["KİRİK", "kırık"]


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet="abcABC KİıiRrkäÄßsh\n", max_size=60), ignore_case=st.booleans())
def test_phrase_search_line_by_line_finds_what_the_whole_text_search_finds(text, ignore_case):
    # substitution and existence rules search line by line, each line's matches kept by its text: the
    # same matches at the same offsets as one search of the whole text (no phrase holds a line break)
    from ajlint.declarative import _phrase_matches
    from ajlint.document import Document

    class Rule:  # what _phrase_matches reads of a rule class
        _rx = _phrase_rx(_PHRASES, ignore_case)
        _may = _Prefilter(_PHRASES, ignore_case)
        _lines: dict = {}
        _whole = False

    doc = Document(path="t.txt", text=text)
    whole = [(m.start(), m.group(0)) for m in Rule._rx.finditer(text)]
    for _ in range(2):  # the second time from the memo
        assert [(start + m.start(), m.group(0)) for start, m in _phrase_matches(Rule(), doc)] == whole
