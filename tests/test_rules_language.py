"""The language-requirement rules AJ301–AJ306 on the seeds and on small documents in the seed formats.

Expected findings (code, line, column) were written by hand from reading the documents; each seed
expectation says why a careful HR reviewer agrees. Fixes are applied to the text and the result checked.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ajlint.builtin.rules.language import RULES
from ajlint.builtin.rules.language.aj301_cefr_level import CefrLevel
from ajlint.builtin.rules.language.aj302_legacy_language_level import LegacyLanguageLevel
from ajlint.builtin.rules.language.aj303_missing_language_level import MissingLanguageLevel
from ajlint.builtin.rules.language.aj304_estonian_level import EstonianLevel
from ajlint.builtin.rules.language.aj305_unknown_language import UnknownLanguage
from ajlint.builtin.rules.language.aj306_inconsistent_level_format import InconsistentLevelFormat
from ajlint.builtin.rules.language.common import nearest_levels, requires_higher_education
from ajlint.diagnostics import Severity
from ajlint.document import read_document
from ajlint.plugins import default_registry

FIXTURES = Path(__file__).parent.parent / "fixtures"
LANG = FIXTURES / "language"
REG = default_registry()


def load(path: Path):
    return read_document(path, path.name, REG.readers)


def from_text(tmp_path: Path, name: str, text: str):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return load(p)


def findings(doc, rules=RULES, options=None):
    out = []
    for cls in rules:
        out.extend(cls(options).check(doc))
    return sorted(out, key=lambda d: (d.span.line, d.span.column, d.code))


def where(diags):
    return [(d.code, d.span.line, d.span.column) for d in diags]


def apply(text: str, diags) -> str:
    edits = sorted((e for d in diags if d.fix for e in d.fix.edits), key=lambda e: e.start, reverse=True)
    for e in edits:
        text = text[:e.start] + e.replacement + text[e.end:]
    return text


def line(text: str, n: int) -> str:
    return text.split("\n")[n - 1]


# --------------------------------------------------------------------------------------------
# The rule declarations
# --------------------------------------------------------------------------------------------

def test_codes_names_and_severities():
    assert [(r.code, r.name, r.severity) for r in RULES] == [
        ("AJ301", "cefr-level", Severity.ERROR),
        ("AJ302", "legacy-language-level", Severity.WARNING),
        ("AJ303", "missing-language-level", Severity.WARNING),
        ("AJ304", "estonian-level", Severity.WARNING),
        ("AJ305", "unknown-language", Severity.WARNING),
        ("AJ306", "inconsistent-level-format", Severity.INFO),
    ]
    for r in RULES:
        assert r.problems() == []
    assert EstonianLevel.option_defaults == {"estonian-minimum": None}
    # the policy default is documented as policy, not law
    assert "policy, not law" in EstonianLevel.documentation()


# --------------------------------------------------------------------------------------------
# The seeds: no finding on their language lines
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("seed", sorted(p.name for p in FIXTURES.glob("0*.txt")))
def test_no_findings_on_the_seeds(seed):
    # All five write valid CEFR levels, all as "tasemel XX" (one notation), name only known languages and
    # give every language a level; Estonian is C1 everywhere: not above the lawful C1, and not below
    # the organisation's minimum (C1 for 000-003, which require higher education; 004 only prefers a
    # master's level, "Soovitavalt magistritasemele vastav haridus", so its minimum is B1). A careful
    # reviewer has nothing to add about their Keeleoskus lines.
    assert findings(load(FIXTURES / seed)) == []


def test_other_fixtures():
    # ats-jurist: "Keeleoskus: eesti keel C1-tase." one level, one notation, master's degree -> C1 is right
    assert findings(load(FIXTURES / "other" / "ats-jurist.txt")) == []
    # the HTML document: "Valdab eesti keelt vähemalt tasemel C1." after "Kõrgharidus."
    assert findings(load(FIXTURES / "other" / "ska2023-spetsialist.html")) == []


def test_ska2024_mixed_notation():
    # line 37: "Eesti keele oskus C1-tasemel. Inglise keel B2 tase." — two notations in two sentences
    doc = load(FIXTURES / "other" / "ska2024-noustaja.md")
    diags = findings(doc)
    assert where(diags) == [("AJ306", 37, 19), ("AJ306", 37, 44)]
    assert [(d.span.end_column, d.fix.applicability) for d in diags] == [(29, "safe"), (51, "unsafe")]
    # reordering "C1-tasemel" keeps the word: safe; "B2 tase" becomes "tasemel B2": the case changes
    assert line(apply(doc.text, diags), 37) == "Eesti keele oskus tasemel C1. Inglise keel tasemel B2."


# --------------------------------------------------------------------------------------------
# Documents in the seed formats
# --------------------------------------------------------------------------------------------

def test_legacy_terms_in_a_tab_grid():
    # line 40: "Valdab eesti keelt kõrgtasemel. Vene keele oskus D-kategooria. Oskab inglise keelt."
    doc = load(LANG / "legacy_grid.md")
    diags = findings(doc)
    assert where(diags) == [
        ("AJ302", 40, 20),  # kõrgtasemel: a pre-2008 term, C1 by § 28⁴
        ("AJ302", 40, 50),  # D-kategooria: a pre-1999 category, B2
        ("AJ303", 40, 70),  # "Oskab inglise keelt." has no level at all
    ]
    kõrg, cat, missing = diags
    assert "C1" in kõrg.text() and "§ 28⁴" in kõrg.text() and "ambiguous" in kõrg.text()
    assert (cat.span.end_column, cat.args["phrase"], cat.args["cefr"]) == (62, "D-kategooria", "B2")
    assert cat.fix is None
    assert (missing.span.end_column, missing.args["language"]) == (83, "Inglise keel")
    assert kõrg.fix.applicability == "unsafe"
    assert line(apply(doc.text, [kõrg]), 40).startswith("Valdab eesti keelt C1-tasemel. Vene keele oskus")
    # Estonian kõrgtase counts as C1: with Keskharidus (minimum B1) AJ304 has nothing to say


def test_errors_in_a_pipe_table():
    # line 55: "| Valdab eesti keelt tasemel C2. Oskab inglse keelt vähemalt tasemel B3. |"
    doc = load(LANG / "pipe_errors.txt")
    diags = findings(doc)
    assert where(diags) == [
        ("AJ304", 55, 30),  # Estonian C2: above the lawful maximum C1
        ("AJ305", 55, 40),  # "inglse" is a typo of inglise
        ("AJ301", 55, 70),  # B3 is no CEFR level; nearest B2
    ]
    above, unknown, invalid = diags
    assert "regulation no. 84" in above.text()
    assert unknown.args == {"word": "inglse", "suggestion": "inglise"}
    assert invalid.args == {"level": "B3", "suggestion": "B2"}
    assert all(d.fix.applicability == "unsafe" for d in diags)
    fixed = apply(doc.text, diags)
    assert line(fixed, 55) == "| Valdab eesti keelt tasemel C1. Oskab inglise keelt vähemalt tasemel B2. |"


def test_mixed_notation_in_pdf_text():
    # lines 73-74: "Eesti keele oskus vähemalt C1-tasemel, vene keele oskus vähemalt " /
    # "tasemel B2. Inglise keel B1 tase. " — three notations; "tasemel B2" is the preferred one
    doc = load(LANG / "pdf_mixed.txt")
    diags = findings(doc)
    assert where(diags) == [("AJ306", 73, 28), ("AJ306", 74, 26)]
    assert [d.fix.applicability for d in diags] == ["safe", "unsafe"]
    assert diags[0].severity == Severity.INFO
    fixed = apply(doc.text, diags)
    assert line(fixed, 73) == "Eesti keele oskus vähemalt tasemel C1, vene keele oskus vähemalt "
    assert line(fixed, 74) == "tasemel B2. Inglise keel tasemel B1. "


def test_no_estonian_requirement():
    # line 36: "Inglise keele oskus vähemalt tasemel C1. Vene keele oskus tasemel B2." — a translator's
    # description that forgot Estonian
    doc = load(LANG / "ska2024_no_estonian.md")
    diags = findings(doc)
    assert where(diags) == [("AJ304", 36, 1)]
    assert "No Estonian-language requirement" in diags[0].text()
    assert "Eesti keele oskuse nõue puudub" in diags[0].text("et")


def test_estonian_below_the_policy_minimum():
    # line 30: "Keeleoskus: eesti keel B2-tase, inglise keel B2-tase." after "Haridus: rakenduskõrgharidus …"
    doc = load(LANG / "ats_below_minimum.txt")
    diags = findings(doc)
    assert where(diags) == [("AJ304", 30, 24)]
    assert diags[0].args == {"level": "B2", "minimum": "C1"}
    assert "policy, not law" in diags[0].text()
    assert diags[0].fix is None
    # the organisation's own minimum, set as a rule option
    assert findings(doc, [EstonianLevel], {"estonian-minimum": "B2"}) == []
    assert where(findings(doc, [EstonianLevel], {"estonian-minimum": "c1"})) == [("AJ304", 30, 24)]
    # a value that is no level is ignored (the policy default applies), never an error
    assert where(findings(doc, [EstonianLevel], {"estonian-minimum": "X9"})) == [("AJ304", 30, 24)]
    assert where(findings(doc, [EstonianLevel], {"estonian-minimum": 5})) == [("AJ304", 30, 24)]


def test_estonian_minimum_without_higher_education(tmp_path):
    text = (LANG / "ats_below_minimum.txt").read_text(encoding="utf-8")
    soft = text.replace("Haridus: rakenduskõrgharidus infotehnoloogias.",
                        "Haridus: soovitavalt kõrgharidus infotehnoloogias.")
    assert findings(from_text(tmp_path, "soft.txt", soft), [EstonianLevel]) == []
    low = text.replace("eesti keel B2-tase", "eesti keel A2-tase").replace(
        "Haridus: rakenduskõrgharidus infotehnoloogias.", "Haridus: keskharidus.")
    diags = findings(from_text(tmp_path, "low.txt", low), [EstonianLevel])
    assert where(diags) == [("AJ304", 30, 24)]
    assert diags[0].args == {"level": "A2", "minimum": "B1"}


def test_no_languages_field_at_all(tmp_path):
    text = (LANG / "ats_below_minimum.txt").read_text(encoding="utf-8")
    doc = from_text(tmp_path, "nolang.txt",
                    text.replace("Keeleoskus: eesti keel B2-tase, inglise keel B2-tase.\n", ""))
    diags = findings(doc)
    # reported on the requirements section, line 28 "6. TEENISTUSKOHALE ESITATAVAD NÕUDED"
    assert [(d.code, d.span.line) for d in diags] == [("AJ304", 28)]


def test_engine_and_config_option(tmp_path, check_json):
    (tmp_path / "doc.txt").write_text((LANG / "ats_below_minimum.txt").read_text(encoding="utf-8"),
                                      encoding="utf-8")
    code, rep = check_json("--no-cache", "--select", "AJ3", tmp_path / "doc.txt")
    assert [(d["code"], d["line"], d["column"]) for d in rep["diagnostics"]] == [("AJ304", 30, 24)]
    (tmp_path / "pyproject.toml").write_text('[tool.ajlint.options]\nestonian-minimum = "B2"\n',
                                            encoding="utf-8")
    code, rep = check_json("--no-cache", "--select", "AJ3", tmp_path / "doc.txt")
    assert rep["diagnostics"] == []


# --------------------------------------------------------------------------------------------
# Rule by rule, on small documents
# --------------------------------------------------------------------------------------------

GRID = (LANG / "legacy_grid.md").read_text(encoding="utf-8")
KEEL_LINE = "Valdab eesti keelt kõrgtasemel. Vene keele oskus D-kategooria. Oskab inglise keelt."


def grid(tmp_path, keeleoskus: str, haridus: str = "Keskharidus."):
    return from_text(tmp_path, "d.md", GRID.replace(KEEL_LINE, keeleoskus).replace("Keskharidus.", haridus))


@pytest.mark.parametrize("written,near", [
    ("C3", ["C2"]), ("B3", ["B2"]), ("D1", ["C1"]), ("A0", ["A1"]), ("E2", ["C2"]), ("B", ["B1", "B2"]),
    ("c3", ["C2"]), ("", []),
])
def test_nearest_levels(written, near):
    assert nearest_levels(written) == near


def test_cefr_level_one_finding_per_token(tmp_path):
    # "Valdab eesti ja vene keelt tasemel C3." (line 40): one level token shared by two languages
    doc = grid(tmp_path, "Valdab eesti ja vene keelt tasemel C3.")
    diags = findings(doc, [CefrLevel])
    assert where(diags) == [("AJ301", 40, 36)]
    assert line(apply(doc.text, diags), 40) == "Valdab eesti ja vene keelt tasemel C2."


def test_cefr_level_letter_alone_has_no_fix(tmp_path):
    doc = grid(tmp_path, "Valdab eesti keelt B tasemel.")
    (d,) = findings(doc, [CefrLevel])
    assert (d.span.line, d.span.column, d.span.end_column) == (40, 20, 21)
    assert d.fix is None and "B1 / B2" in d.text()


def test_legacy_term_fix_keeps_the_case_ending(tmp_path):
    doc = grid(tmp_path, "Eesti keel kõrgtase. Vene keelest tõlkimine kesktasemel. Inglise keel algtasemega.")
    diags = findings(doc, [LegacyLanguageLevel])
    assert [d.args["cefr"] for d in diags] == ["C1", "B2", "B1"]
    assert line(apply(doc.text, diags), 40) == (
        "Eesti keel C1-tase. Vene keelest tõlkimine B2-tasemel. Inglise keel B1-tasemega.")


def test_legacy_term_in_ocr_text(tmp_path):
    doc = grid(tmp_path, "Eesti keele oskus kdrgtasemel.")
    (d,) = findings(doc, [LegacyLanguageLevel])
    assert d.args == {"level": "kdrgtasemel", "cefr": "C1"}
    assert line(apply(doc.text, [d]), 40) == "Eesti keele oskus C1-tasemel."


def test_missing_level_vague_and_generic(tmp_path):
    doc = grid(tmp_path, "Valdab eesti keelt vähemalt tasemel C1. Inglise keelt valdab heal tasemel. "
                         "Oskab võõrkeeli.")
    diags = findings(doc, [MissingLanguageLevel])
    assert [(d.code, d.span.column, d.args) for d in diags] == [
        ("AJ303", 41, {"language": "Inglise keel", "vague": "heal tasemel"}),
        ("AJ303", 82, {"language": "Võõrkeel"}),
    ]
    assert "which is no level" in diags[0].text()


def test_missing_level_on_each_coordinated_language(tmp_path):
    doc = grid(tmp_path, "Valdab eesti keelt tasemel C1. Oskab vene ja inglise keelt.")
    diags = findings(doc, [MissingLanguageLevel])
    # "vene ja inglise keelt": two languages, two findings, each from its name to "keelt"
    assert [(d.span.column, d.span.end_column) for d in diags] == [(38, 59), (46, 59)]


def test_estonian_c2_legacy_does_not_exceed(tmp_path):
    # kõrgtase is C1 by law: not above the maximum, and no fix to C1 is offered for a legacy word
    assert findings(grid(tmp_path, "Valdab eesti keelt kõrgtasemel."), [EstonianLevel]) == []
    doc = grid(tmp_path, "Eesti keele oskus C2-tasemel.", haridus="Kõrgharidus.")
    (d,) = findings(doc, [EstonianLevel])
    assert (d.span.column, d.args["level"]) == (19, "C2")
    assert line(apply(doc.text, [d]), 40) == "Eesti keele oskus C1-tasemel."


def test_riigikeel_counts_as_estonian(tmp_path):
    assert findings(grid(tmp_path, "Valdab riigikeelt vähemalt tasemel C1.", "Kõrgharidus."), [EstonianLevel]) == []


def test_unknown_language_without_suggestion(tmp_path):
    # "Valdab eesti keelt tasemel C1 ja vietnami keelt tasemel B1.": Vietnamese is not in the list
    doc = grid(tmp_path, "Valdab eesti keelt tasemel C1 ja vietnami keelt tasemel B1.")
    (d,) = findings(doc, [UnknownLanguage])
    assert (d.span.column, d.span.end_column, d.fix) == (34, 42, None)
    assert "rules/languages.toml" in d.text()


def test_unknown_language_keeps_capitals(tmp_path):
    doc = grid(tmp_path, "Valdab eesti keelt tasemel C1. Hispanja keele oskus tasemel A2.")
    (d,) = findings(doc, [UnknownLanguage])
    assert d.args == {"word": "Hispanja", "suggestion": "hispaania"}
    assert line(apply(doc.text, [d]), 40) == "Valdab eesti keelt tasemel C1. Hispaania keele oskus tasemel A2."


def test_ordinary_words_before_keel_are_not_languages(tmp_path):
    doc = grid(tmp_path, "Valdab eesti keelt tasemel C1. Kasutab korrektset ametlikku keelt ja oskab end "
                         "kirjalikus keeles selgelt väljendada.")
    assert findings(doc) == []


def test_notation_bare_and_range(tmp_path):
    doc = grid(tmp_path, "Eesti keel C1. Vene keel B1–B2 tasemel. Inglise keel tasemel B2.")
    diags = findings(doc, [InconsistentLevelFormat])
    assert where(diags) == [("AJ306", 40, 12), ("AJ306", 40, 26)]
    bare, rng = diags
    assert (bare.fix.applicability, bare.fix.edits[0].replacement) == ("unsafe", "tasemel C1")
    assert rng.fix is None  # a range is rewritten by hand
    assert "'C1', 'B1–B2 tasemel', 'tasemel B2'" in bare.text()


def test_notation_option_and_consistent_documents(tmp_path):
    doc = load(FIXTURES / "other" / "ska2024-noustaja.md")
    diags = findings(doc, [InconsistentLevelFormat], {"level-notation": "level-hyphen"})
    # with C1-tasemel preferred only "B2 tase" is reported; the word stays, the hyphen comes: safe
    assert where(diags) == [("AJ306", 37, 44)]
    assert (diags[0].fix.applicability, diags[0].fix.edits[0].replacement) == ("safe", "B2-tase")
    # one notation throughout, even a non-preferred one: nothing to report
    assert findings(grid(tmp_path, "Eesti keel C1-tasemel, vene keel B2-tasemel."), [InconsistentLevelFormat]) == []


@pytest.mark.parametrize("text,expected", [
    ("Kõrgharidus.", True),
    ("Kdrgharidus", True),  # OCR
    ("Magistritaseme kõrgharidus", True),
    ("õigusteaduse magistrikraad.", True),
    ("Bakalaureusekraad filoloogias.", True),
    ("rakenduskõrgharidus infotehnoloogias.", True),
    ("Soovitavalt magistritasemele vastav haridus.", False),  # seed 004: preferred, not required
    ("Keskharidus.", False),
    ("Kutseharidus.", False),
    ("", False),
    (None, False),
])
def test_requires_higher_education(text, expected):
    assert requires_higher_education(text) is expected


@pytest.mark.parametrize("keel", [
    "", "((((", "Eesti keel", "keel keel keel tasemel", "C9 C3 B", "6666 |||| @@ kdrg",
    "Eesti ( keel ) tasemel )( C1", "Valdab inglse, prantsse ja xyz keelt tasemel Q7.",
])
def test_rules_never_raise(tmp_path, keel):
    doc = grid(tmp_path, keel)
    for cls in RULES:
        list(cls().check(doc))
        list(cls({"estonian-minimum": "nonsense", "level-notation": "nonsense"}).check(doc))


def test_json_report_for_the_pipe_fixture(check_json):
    code, rep = check_json("--no-cache", "--select", "AJ3", LANG / "pipe_errors.txt")
    assert code == 1
    got = [(d["code"], d["rule"], d["line"], d["column"], d["end_column"]) for d in rep["diagnostics"]]
    assert got == [
        ("AJ304", "estonian-level", 55, 30, 32),
        ("AJ305", "unknown-language", 55, 40, 46),
        ("AJ301", "cefr-level", 55, 70, 72),
    ]
    assert all(d["section"] == "requirements" for d in rep["diagnostics"])
    assert json.dumps(rep)  # serialisable, fixes included
