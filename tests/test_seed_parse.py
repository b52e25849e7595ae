"""What a careful human reader extracts from each of the five seed job descriptions.

Every expectation below was written by hand from reading the seed documents (``cat -n`` /
``cat -A``), not from the parser's output. Line/column values are 1-based; a tab counts as one
character. Comments point at the place in the document an expectation comes from.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ajlint.document import read_document
from ajlint.engine import Engine
from ajlint.plugins import default_registry

FIXTURES = Path(__file__).parent.parent / "fixtures"

S000 = "000_6c168c3604286a95.txt"
S001 = "001_0b535b1b0ead42e3.txt"
S002 = "002_3b73c55cf665c43b.txt"
S003 = "003_56096ae59098a8e3.txt"
S004 = "004_d7ebda7c62b62982.txt"
SEEDS = [S000, S001, S002, S003, S004]

_cache: dict = {}


def model(name: str):
    if name not in _cache:
        reg = default_registry()
        p = str(FIXTURES / name)
        _cache[name] = read_document(Path(p), p, reg.readers).model
    return _cache[name]


# --------------------------------------------------------------------------------------------
# Expectations, seed by seed
# --------------------------------------------------------------------------------------------

SPECIALIST_SET = ["Kliendikesksus", "Asjatundlikkus", "Koostöövõime", "Efektiivsus"]

EXPECTED = {
    S000: dict(
        # line 8: tab-separated grid row "Inimkaubandusohvrite teenuse juht<TAB>Ohvriabi ..."
        title="Inimkaubandusohvrite teenuse juht",
        unit="Ohvriabi ja ennetusteenuste osakond, ohvriabi talitus",
        # line 11: three tab-separated cells for 1.3 / 1.4 / 1.5
        manager="Talituse juhataja",
        substitutes=["Talituse juhataja", "inimkaubandusohvrite nõustaja"],
        substitutes_for=["Talituse juhatajat", "inimkaubandusohvrite nõustajat"],
        direct_reports=[],  # no 1.6 in the grid (duty 3.12 manages people, but no 1.6 is written)
        kind="ametnik",  # AMETIKOHA EESMÄRK, TEENISTUSKOHUSTUSED, AMETIKOHALE ESITATAVAD NÕUDED
        duties=[
            ("3.1", 1), ("3.2", 1),
            ("3.3", 2),  # line 22: two <li>
            ("3.4", 3),  # line 23: three <li>
            ("3.5", 1), ("3.6", 1), ("3.7", 1),
            ("3.8", 1),  # line 28: one <li> holding two sentences = one result
            ("3.9", 1), ("3.10", 1),
            ("3.11", 2),  # line 31: two <li>
            ("3.12", 6),  # line 32: second cell (after the tab) has six <li>
            ("3.13", 3),  # line 33: three <li>
            ("3.14", 1),
        ],
        # line 32: "Alluvate teenistujate juhtimine ja arendamine, sh <ul> five <li> </ul>" in the duty cell
        duty_items={"3.12": 5},
        # line 74: "Valdab eesti ja vene keelt vähemalt tasemel C1. Oskab inglise keelt vähemalt tasemel B1."
        languages=[("eesti", "C1", True), ("vene", "C1", True), ("inglise", "B1", True)],
        qualified={},
        competencies=[
            ("Kliendikeskus", 3),  # line 78: typo as written, three <li>
            ("Asjatundlikkus", 4),  # line 78: four <li>
            # line 78 one <li> ("Tajub oma rolli ...") + lines 80-82 three "- " bullets
            ("Koostöövõime", 4),
            ("Efektiivsus", 5),  # lines 86-90
        ],
        # lines 94-102 (lines 103-104 "Teadmised ..." are knowledge items, not competencies)
        additional=[
            "Suhtlemis- ja mõjutamisoskus", "Analüüsi- ja üldistusvõime", "Korrektus", "Empaatiavõime",
            "Juhendamisoskus", "Loovus", "Pingetaluvus", "Abivalmidus", "Suhete loomise oskus",
        ],
        review_clause=False,  # no AMETIJUHENDI MUUTMINE section
        signatures=1,  # line 106
    ),
    S001: dict(
        title="Koordinaator",  # line 11 (value block after the 1.1/1.2 labels)
        unit="Ohvriabi ja ennetusteenuste osakond, arendustalitus (tugitiim)",  # lines 13-14 joined
        manager="Tiimijuht",  # line 22: first value block after the 1.3/1.4/1.5 labels
        direct_reports=[],
        kind="töötaja",  # line 1 "Toolepingu juurde kuuluv lisa", TOOKOHA EESMARK, TOOULESANDED
        duties=[
            ("3.1", 4),  # lines 55-65: bullets "»", "=", "»", "»"
            ("3.2", 1),  # lines 72-74: one "=" bullet
            ("3.3", 1),  # lines 79-80: one paragraph, no bullet
            # line 86 "» Teenuse aruandlus on tagatud." + paragraphs 88-90 and 92-94 (bullets lost by OCR,
            # each a sentence of its own starting with a capital)
            ("3.4", 3),
            ("3.5", 1),  # lines 99-101: one paragraph
            ("3.6", 2),  # lines 106-108, 110
            ("3.7", 2),  # paragraphs 117-118 and 120-122
            ("3.8", 1), ("3.9", 1),
            ("3.10", 2),  # lines 144-145 "»", 146 "="
            ("3.11", 2),  # lines 152-154, 156-160
            ("3.12", 1),
        ],
        duty_items={},
        # line 224: "Eesti keele oskus vdhemalt tasemel C1. Inglise keele oskus vdhemalt tasemel B1."
        # ("vdhemalt" is OCR damage of "vähemalt")
        languages=[("eesti", "C1", True), ("inglise", "B1", True)],
        qualified={},
        competencies=[
            ("Asjatundlikkus", 5),  # lines 239-249
            ("Kliendikesksus", 4),  # lines 253-261
            ("Meeskonnat60", 5),  # lines 265-275, OCR damage of "Meeskonnatöö"
            # lines 279-292: line 283 "» tdokorralduses." is torn off line 281's sentence
            # ("... ja loob selguse") and belongs to it -> 6, not 7
            ("Eestvedamine", 6),
        ],
        additional=[  # lines 296-329, names as written (OCR damage included)
            "Suhtlemis- ja mdjutamisoskus", "Anallusi- ja dldistusvdime", "Korrektsus", "Empaatiavbime",
            "Juhendamisoskus", "Loovus", "Pingetaluvus", "Abivalmidus", "Suhete loomise oskus",
        ],
        review_clause=True,  # line 331 "8. AMETIJUHENDI MUUTMINE"
        signatures=2,  # line 337: two on one line
    ),
    S002: dict(
        # line 12: "Tiimijuht Ohvriabi ja ennetusteenuste osakond," + line 13 "ennetustalitus (ringist välja tiim)"
        title="Tiimijuht",
        unit="Ohvriabi ja ennetusteenuste osakond, ennetustalitus (ringist välja tiim)",
        # line 19 "Talitusejuhataja Talitusejuhataja," + line 20 "koordinaator": 1.3 cell, then 1.4 cell wrapped
        manager="Talitusejuhataja",
        substitutes=["Talitusejuhataja", "koordinaator"],
        substitutes_for=["Koordinaator", "tiimijuht"],  # line 22 (nominative as written, not partitive)
        direct_reports=[],
        kind="töötaja",  # line 2 "Töölepingu juurde kuuluv lisa", TÖÖKOHA EESMÄRK, TÖÖÜLESANDED
        duties=[
            ("3.1", 6),  # lines 55-73: six "•" bullets
            ("3.2", 2), ("3.3", 2),
            ("3.4.", 2),  # line 103: number written with a trailing dot
            ("3.5", 1), ("3.6", 1),
            ("3.7", 3),  # lines 137-144
            ("3.8", 3),  # lines 151-158
            ("3.9", 4),  # lines 165-180
            ("3.10", 1), ("3.11", 2),
            # line 206-210: the bullet "• arendusettepanekud, mis ..." starts in lower case and continues
            # the sentence "... parandamiseks või muud" of the previous result -> 2, not 3
            ("3.12", 2),
            ("3.13", 1),
        ],
        # lines 42-53: "Tiimi juhtimine ja arendamine, sh:" and five "▪" sub-items in the duty cell
        duty_items={"3.1": 5},
        # line 277: "Eesti keele valdamine vähemalt tasemel C1. Inglise keele valdamine vähemalt tasemel B1."
        languages=[("eesti", "C1", True), ("inglise", "B1", True)],
        qualified={},
        # lines 290-319: 3, 4, 4, 5 bullets (wrapped lines after blank lines start in lower case)
        competencies=list(zip(SPECIALIST_SET, [3, 4, 4, 5])),
        additional=[  # lines 327-359
            "Suhtlemis- ja mõjutamisoskus", "Analüüsi- ja üldistusvõime", "Korrektsus", "Empaatiavõime",
            "Juhendamisoskus", "Loovus", "Pingetaluvus", "Abivalmidus", "Suhete loomise oskus",
        ],
        review_clause=True,  # line 362
        signatures=2,  # lines 371, 376
    ),
    S003: dict(
        # line 15: "Koordinaator (noortegarantii tugisüsteem) Ohvriabi ja ennetusteenuste osakond," + line 16
        title="Koordinaator (noortegarantii tugisüsteem)",
        unit="Ohvriabi ja ennetusteenuste osakond, ennetustalitus (noortegarantii tiim)",
        # line 22: "Tiimijuht Tiimijuht, projektijuht, koordinaator Tiimijuht, projektijuht, koordinaator"
        # (cell boundaries are where a comma is missing between two titles)
        manager="Tiimijuht",
        substitutes=["Tiimijuht", "projektijuht", "koordinaator"],
        substitutes_for=["Tiimijuht", "projektijuht", "koordinaator"],
        direct_reports=[],
        kind="töötaja",  # line 6 "Töölepingu juurde kuuluv lisa", TÖÖKOHA EESMÄRK, TÖÖÜLESANDED
        duties=[  # numbers written "3.1." ... "3.10."
            ("3.1.", 2), ("3.2.", 2), ("3.3.", 1), ("3.4.", 1), ("3.5.", 1), ("3.6.", 1),
            ("3.7.", 4),  # lines 105-121: four "▪" bullets (the last one after a page break)
            ("3.8.", 3),  # lines 126-132
            ("3.9.", 2),  # lines 137-141
            ("3.10.", 2),  # lines 148-153
        ],
        duty_items={},
        # line 198: "Valdab eesti keelt vähemalt tasemel C1. Valdab inglise keelt vähemalt tasemel B1."
        languages=[("eesti", "C1", True), ("inglise", "B1", True)],
        qualified={},
        competencies=list(zip(SPECIALIST_SET, [3, 4, 4, 5])),  # lines 215-244
        additional=[  # lines 250-280, in this document's own order
            "Suhtlemis- ja mõjutamisoskus", "Suhete loomise oskus", "Juhendamisoskus", "Analüüsi- ja üldistusvõime",
            "Korrektsus", "Loovus", "Pingetaluvus", "Abivalmidus", "Empaatiavõime",
        ],
        review_clause=True,  # line 283 "7. AMETIJUHENDI MUUTMINE" (no TÖÖVAHENDID, renumbered)
        signatures=2,  # lines 286-287
    ),
    S004: dict(
        title="Tallinna klienditeeninduse juht",  # line 10, pipe table
        unit="Klienditeeninduse osakond",
        manager="Klienditeeninduse juht",  # line 15
        substitutes=["Piirkonna klienditeeninduse juht"],
        substitutes_for=["Piirkonna klienditeeninduse juhti", "klienditeeninduse juhti"],  # "... või ..."
        direct_reports=["Klienditeeninduse spetsialistid"],  # line 20 (1.6)
        kind="ametnik",  # TEENISTUSKOHA EESMÄRK, TEENISTUSKOHUSTUSED, AMETIKOHALE ESITATAVAD NÕUDED
        duties=[
            ("3.1", 1),
            # line 31: four "▪" results; the table continues after the page break at line 35 with an
            # empty duty cell and three more results of 3.2
            ("3.2", 7),
            ("3.3", 1), ("3.4", 2), ("3.5", 2),
            ("3.6", 2),  # line 39: two bullets, the second holding two sentences
            ("3.7", 1), ("3.8", 1), ("3.9", 1), ("3.10", 1), ("3.11", 1), ("3.12", 1),
            ("3.13", 2), ("3.14", 1), ("3.15", 2), ("3.16", 1), ("3.17", 1),
        ],
        # line 31: "... juhtimine ja arendamine, sh <ul> ▪ … ▪ … ▪ … ▪ … ▪ …" five sub-items
        duty_items={"3.2": 5},
        # line 94: "Valdab eesti keelt vähemalt tasemel C1. Oskab võõrkeeli (soovitavalt inglise ja vene keelt)
        # vähemalt tasemel B1."
        languages=[("eesti", "C1", True), ("inglise", "B1", True), ("vene", "B1", True)],
        qualified={"inglise": "soovitavalt", "vene": "soovitavalt"},
        competencies=[  # lines 103-133, manager set
            ("Kliendikesksus", 4), ("Asjatundlikkus", 5), ("Meeskonnatöö", 5), ("Eestvedamine", 6),
        ],
        additional=[  # lines 137-145
            "Suhtlemis- ja mõjutamisoskus", "Analüüsi- ja üldistusvõime", "Korrektus", "Empaatiavõime",
            "Juhendamisoskus", "Loovus", "Pingetaluvus", "Abivalmidus", "Suhete loomise oskus",
        ],
        review_clause=False,  # no AMETIJUHENDI MUUTMINE section
        signatures=1,  # line 147
    ),
}

REF_SEEDS = [S000, S002, S003, S004]  # 001's 1.4/1.5 pairing is ambiguous, tested separately


# --------------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", SEEDS)
def test_profile_and_kind(name):
    m = model(name)
    assert m.profile == "ska-2023"
    assert m.kind == EXPECTED[name]["kind"]


@pytest.mark.parametrize("name", SEEDS)
def test_title_unit_manager(name):
    m = model(name)
    exp = EXPECTED[name]
    assert m.title is not None and m.title.text == exp["title"]
    assert m.unit is not None and m.unit.text == exp["unit"]
    assert m.manager is not None and m.manager.text == exp["manager"]


@pytest.mark.parametrize("name", REF_SEEDS)
def test_substitutes(name):
    assert [r.text for r in model(name).substitutes] == EXPECTED[name]["substitutes"]


@pytest.mark.parametrize("name", REF_SEEDS)
def test_substitutes_for(name):
    assert [r.text for r in model(name).substitutes_for] == EXPECTED[name]["substitutes_for"]


@pytest.mark.parametrize("name", SEEDS)
def test_direct_reports(name):
    assert [r.text for r in model(name).direct_reports] == EXPECTED[name]["direct_reports"]


@pytest.mark.parametrize("name", SEEDS)
def test_duty_numbers(name):
    assert [d.number for d in model(name).duties] == [n for n, _ in EXPECTED[name]["duties"]]


@pytest.mark.parametrize("name", SEEDS)
def test_duty_result_counts(name):
    got = [(d.number, len(d.results)) for d in model(name).duties]
    assert got == EXPECTED[name]["duties"]


@pytest.mark.parametrize("name", SEEDS)
def test_duty_item_counts(name):
    # sub-items ("sh: ▪ ...") only where the document writes them; every other duty has none
    exp = EXPECTED[name]["duty_items"]
    got = {d.number: len(d.items) for d in model(name).duties}
    assert got == {n: exp.get(n, 0) for n, _ in EXPECTED[name]["duties"]}


@pytest.mark.parametrize("name", SEEDS)
def test_languages(name):
    langs = model(name).requirements.languages
    assert [(lr.language, lr.level, lr.minimum) for lr in langs] == EXPECTED[name]["languages"]


@pytest.mark.parametrize("name", SEEDS)
def test_language_qualifiers(name):
    # "soovitavalt" applies only to the languages inside "(soovitavalt inglise ja vene keelt)" in 004
    langs = model(name).requirements.languages
    qualified = EXPECTED[name]["qualified"]
    assert {lr.language: lr.qualifier for lr in langs} == {
        lang: qualified.get(lang) for lang, _, _ in EXPECTED[name]["languages"]
    }


@pytest.mark.parametrize("name", SEEDS)
def test_competency_names(name):
    assert [c.name for c in model(name).competencies] == [n for n, _ in EXPECTED[name]["competencies"]]


@pytest.mark.parametrize("name", SEEDS)
def test_competency_indicator_counts(name):
    got = [(c.name, len(c.indicators)) for c in model(name).competencies]
    assert got == EXPECTED[name]["competencies"]


@pytest.mark.parametrize("name", SEEDS)
def test_additional_competency_names(name):
    assert [c.name for c in model(name).additional_competencies] == EXPECTED[name]["additional"]


@pytest.mark.parametrize("name", SEEDS)
def test_review_clause_and_signatures(name):
    m = model(name)
    assert (m.review_clause is not None) == EXPECTED[name]["review_clause"]
    assert len(m.signatures) == EXPECTED[name]["signatures"]


# --- exact locations (counted by hand from cat -n / cat -A) -----------------------------------


def _duty(m, number):
    return next(d for d in m.duties if d.number == number)


LOCATIONS = [
    # 000: line 8 "Inimkaubandusohvrite teenuse juht<TAB>Ohvriabi ..." (33 chars + tab -> unit at 35)
    (S000, "title", lambda m: m.title, 8, 1),
    (S000, "unit", lambda m: m.unit, 8, 35),
    # line 11 "Talituse juhataja<TAB>Talituse juhataja, inimkaubandusohvrite nõustaja<TAB>Talituse juhatajat, ..."
    (S000, "manager", lambda m: m.manager, 11, 1),
    (S000, "substitutes[0]", lambda m: m.substitutes[0], 11, 19),
    (S000, "substitutes_for[0]", lambda m: m.substitutes_for[0], 11, 68),
    (S000, "substitutes_for[1]", lambda m: m.substitutes_for[1], 11, 88),
    (S000, "duty 3.12 number", lambda m: _duty(m, "3.12").number_location, 32, 1),
    # 001: title line 11, unit starts line 13, manager line 22, duty 3.10 line 140
    (S001, "title", lambda m: m.title, 11, 1),
    (S001, "unit", lambda m: m.unit, 13, 1),
    (S001, "manager", lambda m: m.manager, 22, 1),
    (S001, "duty 3.10 number", lambda m: _duty(m, "3.10").number_location, 140, 1),
    # 002: line 12 "Tiimijuht Ohvriabi ..." ; line 19 "Talitusejuhataja Talitusejuhataja," ; line 20 "koordinaator"
    (S002, "title", lambda m: m.title, 12, 1),
    (S002, "unit", lambda m: m.unit, 12, 11),
    (S002, "manager", lambda m: m.manager, 19, 1),
    (S002, "substitutes[0]", lambda m: m.substitutes[0], 19, 18),
    (S002, "substitutes[1]", lambda m: m.substitutes[1], 20, 1),
    (S002, "substitutes_for[1]", lambda m: m.substitutes_for[1], 22, 15),  # "Koordinaator, tiimijuht"
    (S002, "duty 3.4. number", lambda m: _duty(m, "3.4.").number_location, 103, 1),
    # 003: line 15 "Koordinaator (noortegarantii tugisüsteem) Ohvriabi ..." (unit at 43)
    (S003, "title", lambda m: m.title, 15, 1),
    (S003, "unit", lambda m: m.unit, 15, 43),
    # line 22 "Tiimijuht Tiimijuht, projektijuht, koordinaator Tiimijuht, projektijuht, koordinaator"
    (S003, "manager", lambda m: m.manager, 22, 1),
    (S003, "substitutes[0]", lambda m: m.substitutes[0], 22, 11),
    (S003, "substitutes_for[0]", lambda m: m.substitutes_for[0], 22, 49),
    (S003, "substitutes_for[1]", lambda m: m.substitutes_for[1], 22, 60),
    (S003, "duty 3.10. number", lambda m: _duty(m, "3.10.").number_location, 143, 1),
    # 004: line 10 "| Tallinna klienditeeninduse juht | Klienditeeninduse osakond |"
    (S004, "title", lambda m: m.title, 10, 3),
    (S004, "unit", lambda m: m.unit, 10, 37),
    # line 15 "| Klienditeeninduse juht | Piirkonna klienditeeninduse juht | Piirkonna ... juhti või
    # klienditeeninduse juhti |"
    (S004, "manager", lambda m: m.manager, 15, 3),
    (S004, "substitutes[0]", lambda m: m.substitutes[0], 15, 28),
    (S004, "substitutes_for[0]", lambda m: m.substitutes_for[0], 15, 63),
    # the second item is the "klienditeeninduse juhti" after " või " (column 101), not the one inside item 0
    (S004, "substitutes_for[1]", lambda m: m.substitutes_for[1], 15, 101),
    (S004, "direct_reports[0]", lambda m: m.direct_reports[0], 20, 3),
    (S004, "duty 3.2 number", lambda m: _duty(m, "3.2").number_location, 31, 3),
    (S004, "duty 3.9 number", lambda m: _duty(m, "3.9").number_location, 45, 6),  # "| <p>3.9 ..."
]


@pytest.mark.parametrize(
    "name,what,get,line,column", LOCATIONS, ids=[f"{n[:3]}-{w}" for n, w, *_ in LOCATIONS]
)
def test_locations(name, what, get, line, column):
    loc = get(model(name))
    assert loc is not None
    assert (loc.line, loc.column) == (line, column)


@pytest.mark.parametrize(
    "name,end_line",
    [
        (S000, 8),
        (S001, 14),  # "Ohvriabi ja ennetusteenuste osakond," / "arendustalitus (tugitiim)"
        (S002, 13),  # wrapped onto line 13 "ennetustalitus (ringist välja tiim)"
        (S003, 16),  # wrapped onto line 16 "ennetustalitus (noortegarantii tiim)"
        (S004, 10),
    ],
)
def test_unit_end_line(name, end_line):
    assert model(name).unit.end_line == end_line


def test_000_title_end_column():
    # line 8: the 33-character title ends before the tab at column 34 (end column is exclusive)
    assert model(S000).title.end_column == 34


# --- 001: the scrambled 1.3-1.5 grid ------------------------------------------------------------


def test_001_layout_guesses():
    # lines 16-28: three labels (1.3, 1.4, 1.5), then four value blocks "Tiimijuht", "koordinaator",
    # "Projektijuht, peaspetsialist,", "Koordinaator, projektijuht": which block is 1.4 and which 1.5
    # cannot be decided from the text.
    guesses = model(S001).layout_guesses
    assert guesses
    fields = {f for g in guesses for f in g.fields}
    assert {"substitutes", "substitutes_for"} <= fields


def test_001_ambiguous_layout_reported():
    reg = default_registry()
    path = str(FIXTURES / S001)
    diags = Engine(reg).check([path]).diagnostics
    aj004 = [d for d in diags if d.code == "AJ004"]
    assert aj004, "expected an ambiguous-layout finding for 001"
    assert any(22 <= d.span.line <= 28 for d in aj004), [d.span.line for d in aj004]
