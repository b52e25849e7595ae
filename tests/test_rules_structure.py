"""Structure rules AJ101–AJ108: the findings a careful HR reviewer makes on the five seeds (and none
that reviewer would call wrong), a clean ska-2023 document in three shapes with no AJ1xx finding, and
per rule a document that triggers exactly that rule. Expectations are written from reading the
documents, each with the reason a reviewer agrees."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, seed

STRUCT = FIXTURES / "structure"


def run(check_json, path: Path, select: str = "AJ1") -> list[dict]:
    code, report = check_json("--isolated", "--select", select, str(path))
    assert not [d for d in report["diagnostics"] if d["code"] == "AJ900"], report["diagnostics"]
    return report["diagnostics"]


def where(diags: list[dict]) -> list[tuple[str, int, int]]:
    return sorted((d["code"], d["line"], d["column"]) for d in diags)


def apply_fix(path: Path, d: dict) -> str:
    text = path.read_text(encoding="utf-8")
    for e in sorted(d["fix"]["edits"], key=lambda e: e["start"], reverse=True):
        text = text[: e["start"]] + e["replacement"] + text[e["end"]:]
    return text


def write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# -- the five seeds --------------------------------------------------------------------------------

SEED_EXPECTED = {
    "000": [
        # 1.1 is spelt "Ametnimetus": the template (and seeds 001-003) write "Ametinimetus"
        ("AJ104", 7, 5),
        # sections run 1-7 and stop: the 8. AMETIJUHENDI MUUTMINE review clause is missing; the finding
        # stands where it belongs, on the signature line that follows section 7
        ("AJ101", 106, 1),
    ],
    "001": [
        # an employee's description ("Toolepingu juurde kuuluv lisa", TOOKOHA EESMARK, TOOULESANDED)
        # asks for experience "ametiasutuse vdi ametikoha tédvaldkonnas": the post of this description
        # is a töökoht; the civil-servant template's wording was copied
        ("AJ107", 219, 70),
    ],
    "002": [
        # employee ("Töölepingu juurde kuuluv lisa", 2. TÖÖKOHA EESMÄRK) yet the purpose continues
        # "Ametikohta rahastatakse ..." and "Ametikoha ülesandeks on ..." right under "Töökoha eesmärk on"
        ("AJ107", 29, 40),
        ("AJ107", 31, 1),
        # the same copied experience requirement as seed 001: "ametiasutuse või ametikoha töövaldkonnas"
        ("AJ107", 270, 70),
        # every duty is numbered "3.1", "3.2" ... but this one "3.4."
        ("AJ103", 103, 1),
    ],
    "003": [
        # employee (marker on line 6, TÖÖKOHA headings) whose rights say "osaleda ametikohale
        # vajalikel koolitustel"
        ("AJ107", 159, 11),
        # no TÖÖVAHENDID: after 5. VASTUTUS comes the requirements section (renumbered 6.)
        ("AJ101", 181, 1),
    ],
    "004": [
        # "| 1.1 Ametnimetus |": the same misspelt label as seed 000
        ("AJ104", 9, 7),
        # ends after 7. AMETIKOHALE ESITATAVAD NÕUDED with the signature: no AMETIJUHENDI MUUTMINE
        ("AJ101", 147, 1),
    ],
}

# Findings a careful reader would call wrong, and why none is expected (asserted by the exact lists):
# - "tööülesannete täitmiseks" in the rights and responsibilities of the civil servants' seeds 000 and
#   004 (and of the ska-2024 sample): the standard SKA wording for every kind of position; there it is
#   the ordinary word for a work task, not the name of the duties section, so it is no vocabulary mix.
#   "töötaja kasutusse antud" (000, 004, equipment) and "töötajate arendamine" (manager duties) use
#   "töötaja" as the everyday word for staff, which it also is in an agency.
# - seed 003 numbers its sections 1-7 after leaving out TÖÖVAHENDID: consistent numbering, no AJ103;
#   its duties are all written "3.1." with a dot: one style, no AJ103.
# - seed 001's section numbers stand on lines of their own ("5." on line 174 before VASTUTUS, OCR
#   layout); they are the numbers of the headings and in sequence: no AJ103.
# - seed 001's OCR headings (ULDOSA, TOOKOHA EESMARK) lost diacritics only: AJ005, not AJ104.
# - seeds 000 and 004 describe managers without "1.6 Vahetud alluvad" (000) or with it (004): 1.6 is
#   optional in the ska-2023 profile, so no AJ101 either way.
# - every duty of every seed has at least one expected result (no AJ106), every seed is signed
#   "(allkirjastatud digitaalselt)" (no AJ108), the sections are in the template's order (no AJ102)
#   and every present field has a value (no AJ105).


@pytest.mark.parametrize("prefix", sorted(SEED_EXPECTED))
def test_seed_findings(check_json, prefix):
    diags = run(check_json, seed(prefix))
    assert where(diags) == sorted(SEED_EXPECTED[prefix])
    for d in diags:
        assert d["section"] is not None


def test_seed_000_label_fix_and_sections(check_json):
    path = seed("000")
    diags = {d["code"]: d for d in run(check_json, path)}
    d = diags["AJ104"]
    assert d["message"] == "Label 'Ametnimetus' is misspelt; the template spells it 'Ametinimetus'"
    assert (d["end_line"], d["end_column"]) == (7, 16) and d["section"] == "general"
    assert d["fix"]["applicability"] == "safe"
    assert apply_fix(path, d).split("\n")[6] == "1.1 Ametinimetus\t1.2 Struktuuriüksus"
    m = diags["AJ101"]
    assert m["section"] == "review"
    assert m["message"] == ("Required section 'AMETIJUHENDI MUUTMINE' is missing; the template puts it after "
                            "'AMETIKOHALE ESITATAVAD NÕUDED'")


def test_seed_002_duty_number_style_fix(check_json):
    path = seed("002")
    d = next(d for d in run(check_json, path) if d["code"] == "AJ103")
    assert d["message"] == "Duty number '3.4.' is written differently from the others ('3.4')"
    assert d["section"] == "duties" and (d["end_line"], d["end_column"]) == (103, 5)
    assert d["fix"]["applicability"] == "safe"
    assert apply_fix(path, d).split("\n")[102].startswith("3.4 Ringist välja koostööpartnerite")


def test_seed_002_vocabulary_suggestions_are_unsafe(check_json):
    path = seed("002")
    found = [d for d in run(check_json, path) if d["code"] == "AJ107"]
    assert [d["section"] for d in found] == ["purpose", "purpose", "requirements"]
    first = found[0]
    assert first["message"] == ("'Ametikohta' is a civil-servant term, but this is an employee's job description "
                                "(see 'Töölepingu juurde kuuluv lisa' on line 2): write 'Töökohta'")
    assert first["fix"]["applicability"] == "unsafe"
    assert "Töökohta rahastatakse siseministri" in apply_fix(path, first).split("\n")[28]


def test_seed_003_missing_equipment_in_estonian(check_json):
    code, report = check_json("--isolated", "--select", "AJ101", "--lang", "et", str(seed("003")))
    (d,) = report["diagnostics"]
    assert d["message"] == "Nõutud osa 'TÖÖVAHENDID' puudub; põhja järgi on see enne osa 'TÖÖKOHALE ESITATAVAD NÕUDED'"
    assert d["section"] == "equipment" and d["severity"] == "error"


# -- clean documents ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["clean_ska2023.md", "clean_ska2023_employee.txt", "clean_ska2023_pipes.md"])
def test_clean_ska2023_has_no_structure_finding(check_json, name):
    assert run(check_json, STRUCT / name) == []


# -- one document per rule ---------------------------------------------------------------------------

def only(diags: list[dict], code: str) -> list[dict]:
    assert {d["code"] for d in diags} == {code}, where(diags)
    return diags


def test_aj101_missing_field_section_and_requirement(check_json):
    diags = only(run(check_json, STRUCT / "aj101_missing.txt"), "AJ101")
    got = {(d["line"], d["column"]): (d["message"], d["section"]) for d in diags}
    assert got == {
        # the grid has "1.4 Kes asendab 1.5 Keda asendab" only: 1.3 belongs before 1.4
        (12, 5): ("Required field '1.3 Vahetu juht' is missing from the general part", "general"),
        # no TÖÖVAHENDID between 5. VASTUTUS and the requirements (renumbered 6.)
        (53, 1): ("Required section 'TÖÖVAHENDID' is missing; the template puts it before "
                  "'TÖÖKOHALE ESITATAVAD NÕUDED'", "equipment"),
        # Töökogemus is followed directly by Arvutikasutamise oskus: no Keeleoskus
        (63, 1): ("Required item 'Keeleoskus' is missing from the requirements", "requirements"),
    }


def test_aj102_rights_after_responsibilities(check_json):
    (d,) = only(run(check_json, STRUCT / "aj102_order.md"), "AJ102")
    # "### 4. VASTUTUS" then "### 5. ÕIGUSED": the template has rights first
    assert (d["line"], d["column"]) == (30, 5)
    assert d["message"] == "Section 'ÕIGUSED' is out of order: the template puts it before 'VASTUTUS'"
    assert d["section"] == "rights"


def test_aj103_repeated_and_mixed_style_duty_numbers(check_json):
    path = STRUCT / "aj103_numbering.md"
    repeat, style = only(run(check_json, path), "AJ103")
    # 3.1, 3.2, 3.2, 3.4, 3.5.: the second 3.2 was meant to be 3.3 (3.4 follows), one finding
    assert (repeat["line"], repeat["column"]) == (30, 3)
    assert repeat["message"] == "Duty number 3.2 is used twice (also on line 29): expected 3.3"
    assert repeat["fix"]["applicability"] == "unsafe"
    assert apply_fix(path, repeat).split("\n")[29].startswith("| 3.3 Klienditeeninduse kvaliteedi hindamine.")
    # "3.5." among four numbers without a final dot
    assert (style["line"], style["column"]) == (32, 3)
    assert style["fix"]["applicability"] == "safe"
    assert apply_fix(path, style).split("\n")[31].startswith("| 3.5 Vahetu juhi")


def test_aj104_heading_label_and_requirement_label(check_json):
    path = STRUCT / "aj104_spelling.txt"
    diags = only(run(check_json, path), "AJ104")
    assert where(diags) == [("AJ104", 12, 21), ("AJ104", 21, 4), ("AJ104", 71, 1)]
    by_line = {d["line"]: d for d in diags}
    assert all(d["fix"]["applicability"] == "safe" for d in diags)
    # a label: only the misspelt word is replaced, the grid row is otherwise untouched
    assert apply_fix(path, by_line[12]).split("\n")[11] == "1.3 Vahetu juht 1.4 Kes asendab 1.5 Keda asendab"
    # an all-caps heading stays all caps, its number is kept
    assert by_line[21]["message"] == "Heading 'TÖÖÜLESANNED' is misspelt; the template spells it 'TÖÖÜLESANDED'"
    assert apply_fix(path, by_line[21]).split("\n")[20] == "3. TÖÖÜLESANDED"
    assert by_line[21]["section"] == "duties"
    # a word run together: the profile's two words, capitalised as written
    assert apply_fix(path, by_line[71]).split("\n")[70] == "Arvutikasutamise oskus"


def test_aj105_empty_value_requirement_and_section(check_json):
    diags = only(run(check_json, STRUCT / "aj105_empty.md"), "AJ105")
    got = {(d["line"], d["column"]): d["message"] for d in diags}
    assert got == {
        # "| Osakonna juhataja | | Osakonna juhatajat |": the cell under 1.4 is empty
        (12, 25): "'1.4 Kes asendab' is present but has no value",
        # "6. TÖÖVAHENDID" followed directly by the next heading
        (41, 1): "Section 'TÖÖVAHENDID' is present but empty",
        # "| Haridus |" over an empty cell
        (47, 3): "Requirement 'Haridus' is present but has no content",
    }


def test_aj106_duty_without_result(check_json):
    (d,) = only(run(check_json, STRUCT / "aj106_no_result.txt"), "AJ106")
    # 3.2 Koostööpartnerite kaasamine ja nõustamine. is followed directly by 3.3
    assert (d["line"], d["column"], d["end_line"]) == (31, 1, 32)
    assert d["message"] == "Duty 3.2 has no expected result" and d["section"] == "duties"


def test_aj107_employee_words_in_a_civil_servants_description(check_json):
    path = STRUCT / "aj107_mix.md"
    diags = only(run(check_json, path), "AJ107")
    by_line = {d["line"]: d for d in diags}
    assert sorted(by_line) == [13, 15]
    # AMETIKOHA EESMÄRK and AMETIKOHALE ESITATAVAD NÕUDED make it a civil servant's: "Töökoha eesmärk on"
    assert by_line[13]["column"] == 1
    assert by_line[13]["message"] == ("'Töökoha' is an employee term, but this is a civil servant's job description "
                                      "(see 'AMETIKOHA' on line 11): write 'Ametikoha'")
    # and the duties heading of the employee template
    assert by_line[15]["column"] == 8
    assert apply_fix(path, by_line[15]).split("\n")[14] == "### 3. TEENISTUSÜLESANDED"
    # "saada tööülesannete täitmiseks" in its rights is the ordinary word, not reported
    assert all(d["line"] != 28 for d in diags)


def test_aj108_unsigned(check_json):
    (d,) = only(run(check_json, STRUCT / "aj108_unsigned.md"), "AJ108")
    # the last line of text, where the signature belongs
    assert (d["line"], d["column"]) == (79, 1)
    assert d["section"] == "review"


# -- further cases, written inline ------------------------------------------------------------------

def _doc(sections: str, head: str = "") -> str:
    """A small ska-2023 document with the given sections after the general part."""
    return (head + "AMETIJUHEND\n\n1. ÜLDOSA\n\n"
            "1.1 Ametinimetus\t1.2 Struktuuriüksus\nJurist\tÕigusosakond\n\n"
            "1.3 Vahetu juht\t1.4 Kes asendab\t1.5 Keda asendab\nOsakonna juhataja\tVanemjurist\tVanemjuristi\n\n"
            + sections + "\n(allkirjastatud digitaalselt)\n")


PURPOSE = "2. AMETIKOHA EESMÄRK\n\nÕigusalane nõustamine.\n\n"
DUTIES = ("3. TEENISTUSKOHUSTUSED\n\nPõhiülesanded\tOodatavad tulemused\n"
          "3.1 Lepingute kontrollimine.\t▪ Lepingud on kontrollitud.\n"
          "3.2 Eelnõude koostamine.\t▪ Eelnõud on koostatud.\n\n")
RIGHTS = "4. ÕIGUSED\n\n- saada infot.\n\n"
RESP = "5. VASTUTUS\n\n- teabe hoidmise eest.\n\n"
EQUIP = "6. TÖÖVAHENDID\n\nSülearvuti.\n\n"
REQS = ("7. AMETIKOHALE ESITATAVAD NÕUDED\n\n<b>Haridus</b>\nKõrgharidus.\n<b>Töökogemus</b>\nKaks aastat.\n"
        "<b>Keeleoskus</b>\nEesti keel C1.\n<b>Arvutikasutamise oskus</b>\nHea.\n"
        "<b>Tööks vajalikud kompetentsid</b>\n<p><b>Kliendikesksus:</b></p> <ul><li>▪ Lähtub kliendist.</li></ul>\n\n")
REVIEW = "8. AMETIJUHENDI MUUTMINE\n\nAmetijuhend vaadatakse üle kord aastas.\n"
ALL = PURPOSE + DUTIES + RIGHTS + RESP + EQUIP + REQS + REVIEW


def test_inline_base_document_is_clean(tmp_path, check_json):
    assert run(check_json, write(tmp_path, "a.md", _doc(ALL))) == []


def test_aj102_section_too_early_and_repeated(tmp_path, check_json):
    text = _doc(PURPOSE + EQUIP.replace("6.", "3.") + DUTIES.replace("3.", "4.").replace("4.1", "3.1")
                .replace("4.2", "3.2") + RIGHTS + RESP + REQS + REVIEW + "\n" + RIGHTS.replace("4.", "9."))
    diags = run(check_json, write(tmp_path, "a.md", text), "AJ102")
    msgs = sorted(d["message"] for d in diags)
    assert msgs == [
        "Section 'TÖÖVAHENDID' is out of order: the template puts it after 'VASTUTUS'",
        "Section 'ÕIGUSED' appears a second time (first on line 25)",
    ]


def test_aj103_section_numbers(tmp_path, check_json):
    # "5 VASTUTUS" without the dot the others have; "7." written again for the review section
    text = _doc(ALL.replace("5. VASTUTUS", "5 VASTUTUS").replace("8. AMETIJUHENDI", "7. AMETIJUHENDI"))
    diags = run(check_json, write(tmp_path, "a.md", text), "AJ103")
    assert sorted(d["message"] for d in diags) == [
        "Section number '5' is written differently from the others ('5.')",
        "Section number 7. is used twice (also on line 33): expected 8.",
    ]
    style = next(d for d in diags if "differently" in d["message"])
    assert apply_fix(tmp_path / "a.md", style).split("\n")[style["line"] - 1] == "5. VASTUTUS"


def test_aj103_template_numbers_kept_after_an_absent_section(tmp_path, check_json):
    # TÖÖVAHENDID left out but the template's numbers kept (5. VASTUTUS, 7. NÕUDED): AJ101's finding,
    # not a numbering error
    text = _doc(ALL.replace(EQUIP, ""))
    assert where(run(check_json, write(tmp_path, "a.md", text))) == [("AJ101", 29, 1)]
    # a real gap: 3. then 5. with nothing absent between
    text = _doc(ALL.replace("4. ÕIGUSED", "5. ÕIGUSED").replace("5. VASTUTUS", "6. VASTUTUS")
                .replace("6. TÖÖVAHENDID", "7. TÖÖVAHENDID").replace("7. AMETIKOHALE", "8. AMETIKOHALE")
                .replace("8. AMETIJUHENDI", "9. AMETIJUHENDI"))
    (d,) = run(check_json, write(tmp_path, "b.md", text), "AJ103")
    assert d["message"] == "Section number 5. follows 3.: expected 4."


def test_aj103_duty_prefix_and_gap(tmp_path, check_json):
    # 3.1, 2.2, 3.4: the second duty carries another section's number, and 3.3 is missing
    duties = DUTIES.replace("3.2 Eelnõude", "2.2 Eelnõude") + "3.4 Muu.\t▪ Tehtud.\n\n"
    text = _doc(PURPOSE + duties + RIGHTS + RESP + EQUIP + REQS + REVIEW)
    diags = run(check_json, write(tmp_path, "a.md", text), "AJ103")
    assert sorted((d["line"], d["message"]) for d in diags) == [
        (19, "Duty number 2.2 does not belong to section 3 (TEENISTUSKOHUSTUSED)"),
        (21, "Duty number 3.4 follows 2.2: expected 3.3"),
    ]


def test_aj105_none_is_valid_for_direct_reports_only(tmp_path, check_json):
    head = ("# AMETIJUHEND\n\n## 1. Üldosa\n\n| | |\n|---|---|\n| Struktuuriüksus | Õigusosakond |\n"
            "| Teenistuskoht | Jurist |\n| Vahetu juht | Osakonna juhataja |\n| Alluvad | - |\n"
            "| Teenistuja asendab | - |\n| Teenistuja asendaja | Vanemjurist |\n"
            "| Teenistuskoha eesmärk | Õigusalane nõustamine. |\n\n")
    path = write(tmp_path, "a.md", head + "## 2. Teenistuskohustused\n\n| Põhiülesanded | Oodatavad tulemused |\n"
                 "|--|--|\n| 2.1 Nõustamine. | ▪ Nõustatud. |\n\n(allkirjastatud digitaalselt)\n")
    diags = run(check_json, path, "AJ105")
    # "Alluvad | -" states that there are none; "Teenistuja asendab | -" leaves a required field unfilled
    assert [(d["line"], d["message"]) for d in diags] == [
        (11, "'Teenistuja asendab' is written as none ('-', 'puudub'); this field must name someone"),
    ]
    (tmp_path / ".ajlint.toml").write_text(
        '[options]\n"none-allowed" = ["direct_reports", "substitutes_for"]\n', encoding="utf-8")
    code, report = check_json("--select", "AJ105", str(path))
    assert report["diagnostics"] == []


def test_aj106_result_before_any_duty_and_duty_without_text(tmp_path, check_json):
    duties = ("3. TEENISTUSKOHUSTUSED\n\n| Põhiülesanded | Oodatavad tulemused |\n|--|--|\n"
              "| | ▪ Aruanded on esitatud. |\n| 3.1 Lepingute kontrollimine. | ▪ Lepingud on kontrollitud. |\n"
              "| 3.2 | ▪ Eelnõud on koostatud. |\n\n")
    text = _doc(PURPOSE + duties + RIGHTS + RESP + EQUIP + REQS + REVIEW)
    diags = run(check_json, write(tmp_path, "a.md", text), "AJ106")
    assert [(d["line"], d["message"]) for d in diags] == [
        (19, "Expected result 'Aruanded on esitatud.' belongs to no duty"),
        (21, "Duty 3.2 has expected results but no description of the duty itself"),
    ]


def test_aj106_no_results_column_is_one_finding(tmp_path, check_json):
    duties = "3. TEENISTUSKOHUSTUSED\n\n3.1 Lepingute kontrollimine.\n3.2 Eelnõude koostamine.\n3.3 Nõustamine.\n\n"
    text = _doc(PURPOSE + duties + RIGHTS + RESP + EQUIP + REQS + REVIEW)
    (d,) = run(check_json, write(tmp_path, "a.md", text), "AJ106")
    assert (d["line"], d["column"]) == (15, 1)
    assert d["message"] == "None of the 3 duties has an expected result"


def test_aj107_employee_marker_decides_against_civil_headings(tmp_path, check_json):
    # "Töölepingu juurde kuuluv lisa": an employee, whatever the headings say
    text = _doc(ALL, head="Töölepingu juurde kuuluv lisa\n\n")
    diags = run(check_json, write(tmp_path, "a.md", text), "AJ107")
    assert [(d["line"], d["message"].split(" is ")[0]) for d in diags] == [
        (13, "'AMETIKOHA'"), (17, "'TEENISTUSKOHUSTUSED'"), (35, "'AMETIKOHALE'"),
    ]
    assert "write 'TÖÖKOHA'" in diags[0]["message"]
    assert "fix" not in diags[1]  # no word-for-word equivalent of teenistuskohustused in terms.toml


def test_aj107_ordinary_words_in_a_civil_servants_rights(check_json):
    # ska-2024 sample: a civil servant's rights "saada tööülesannete täitmiseks vajalikku infot"
    assert run(check_json, FIXTURES / "other" / "ska2024-noustaja.md", "AJ107") == []


def test_aj108_signatures_block_counts(tmp_path, check_json):
    text = _doc(ALL).replace("(allkirjastatud digitaalselt)", "Poolte allkirjad:\n\nTööandja: Ametnik:\n")
    assert run(check_json, write(tmp_path, "a.md", text), "AJ108") == []


@pytest.mark.parametrize("text", [
    "AMETIJUHEND\n\n1. ÜLDOSA\n\n3. TEENISTUSKOHUSTUSED\n\n3.x\n\n3.\n\n",
    "AMETIJUHEND\n1. ÜLDOSA\n1.1 Ametinimetus\n1.2 Struktuuriüksus\n1.3 Vahetu juht\n2. EESMÄRK\n3. TÖÖÜLESANDED\n",
    "Töölepingu lisa\nAMETIJUHEND\n1. ULDOSA\n1.1 Amet1n1metus K00rd1naat0r\n1.4 Kes asendab -\n"
    "3. T66ULESANDED\n| | ▪ |\n3.1.\n3.1.\n4. OIGUSED\n7. OIGUSED\n\x0c\n",
])
def test_odd_input_never_raises(tmp_path, check_json, text):
    run(check_json, write(tmp_path, "odd.md", text))  # run() asserts there is no AJ900


# -- AJ107: the vocabulary's words, line by line ---------------------------------------------------

from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = ["töökoht", "Ametikohale", "TEENISTUSKOHA", "ülesanne", "tööülesanded", "koh", "san", "x", "1",
           " ", "\n", "-", "ametikohustus"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_vocabulary_words_line_by_line_are_the_words_of_the_text(pieces):
    # occurrences() takes each line's words from a memo by the line's text: the same words, at the same
    # offsets, as one search of the whole text (a word never spans a line break)
    from ajlint.builtin.rules.structure.vocabulary import _anchor_hits, _line_hits, vocabulary
    from ajlint.document import Document

    text = "".join(pieces)
    voc = vocabulary()
    doc = Document(path="t.txt", text=text)
    assert _line_hits(doc, voc) == _anchor_hits(text, voc)
    assert _line_hits(doc, voc) == _anchor_hits(text, voc)  # the second time from the memo


_MARKER_LINES = ["Töölepingu juurde kuuluv lisa", "T66lepingu lisa", "<b>Töölepingu lisa</b>", "## Töölepingu lisa #",
                 "Ametijuhend", "", "   ", "töölepingu", "lisa", "ametikoht"]


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 45), st.lists(st.sampled_from(_MARKER_LINES), max_size=20))
def test_kind_markers_are_found_on_the_first_non_blank_lines(filler, lines):
    # decide_kind picks the first MARKER_LINES non-blank lines in C and keeps each line's markers by its
    # text: the same marker, evidence and line as reading the lines one by one (the filler puts markers
    # around the last line searched)
    from types import SimpleNamespace

    lines = ["Ametijuhend", ""] * filler + lines

    from ajlint.builtin.rules.structure.vocabulary import _TAGS, MARKER_LINES, decide_kind, vocabulary
    from ajlint.textnorm import squash

    voc = vocabulary()
    found: dict[str, tuple[str, int]] = {}
    seen = 0
    for ln, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen += 1
        if seen > MARKER_LINES:
            break
        for kind, mk in voc.marker_search.markers:
            if mk in squash(line) and kind not in found:
                found[kind] = (_TAGS.sub("", line).strip(" \t#*|_"), ln)
    for _ in range(2):  # the second time from the memo
        got = decide_kind(SimpleNamespace(lines=lines), voc, [])
        if len(found) == 1:
            kind, (evidence, ln) = next(iter(found.items()))
            assert (got.kind, got.evidence, got.line) == (kind, evidence, ln)
        else:
            assert got is None


_MARKER_PIECES = ["Töölepingu", "TÖÖLEPINGU", "T66lepingu", "t00-lepingu", "tööle pingu", "juurde", "kuuluv", "kuu1uv",
                  "lisa", "LISA", "1isa", "li$a", "Iisa", "<b>", "</b>", " ", "-", "_", "#", "„", "õ", "ü", "ö", "6", "|",
                  "@", "8", "Ametijuhend", "ametikoht"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_MARKER_PIECES), max_size=12).map("".join)
       | st.text(alphabet="toölepingujurdkvisaTÖLEPINGUJRDKVISA 6018@|$-_.õäüšž", max_size=40))
@example("T66lepingu lisa")
@example("Töö1epingu 1isa")
@example("Töölepingu juurde kuu1uv 1isa")
@example("<b>TÖÖLEPINGU</b> LI$A")
def test_a_lines_kind_markers_are_those_in_its_squashed_text(line):
    # the kind search looks at the folded text before squashing it: the same markers as squashing every
    # text, for the extractor and for AJ107, which share it
    from ajlint.builtin.rules.structure.vocabulary import _markers, vocabulary
    from ajlint.datafiles import terms
    from ajlint.kinds import KindSearch, kind_search
    from ajlint.textnorm import squash

    search = kind_search(terms().kinds)
    assert vocabulary().marker_search is search
    markers = [(kind, squash(m)) for kind, spec in terms().kinds.items() for m in spec.markers if squash(m)]
    assert search.markers == markers and len(markers) >= 2
    expected = tuple(i for i, (_, mk) in enumerate(markers) if mk in squash(line))
    assert search.held(line) == expected
    assert KindSearch(terms().kinds).held(line) == expected  # not from the memo
    assert _markers(line, vocabulary()) == [markers[i][0] for i in expected]
