"""The Keeleoskus parser (``ajlint.languages``): what a careful reader takes from each phrasing.

Every expectation was written by hand from reading the phrase (columns counted on the phrase, 1-based,
end exclusive), not from the parser's output.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ajlint.document import read_document
from ajlint.languages import parse, suggest
from ajlint.ltext import LText
from ajlint.plugins import default_registry

FIXTURES = Path(__file__).parent.parent / "fixtures"
REG = default_registry()


def one(text: str):
    return parse(LText.at(text, 1))


def short(reqs):
    return [(r.language, r.level, r.minimum, r.qualifier) for r in reqs]


def seed_model(prefix: str):
    path = next(FIXTURES.glob(f"{prefix}_*.txt"))
    return read_document(path, path.name, REG.readers).model


def at(loc):
    return (loc.line, loc.column, loc.end_column)


# --------------------------------------------------------------------------------------------
# The five seeds: every Keeleoskus text, parsed as a reader would
# --------------------------------------------------------------------------------------------

# (language, level, minimum, qualifier, language at (line, col, end col), level at (line, col, end col))
SEEDS = {
    # 000 line 74: "Valdab eesti ja vene keelt vähemalt tasemel C1. Oskab inglise keelt vähemalt tasemel B1."
    # one C1 for both coordinated languages; "vähemalt" makes each a minimum
    "000": [
        ("eesti", "C1", True, None, (74, 8, 13), (74, 45, 47)),
        ("vene", "C1", True, None, (74, 17, 21), (74, 45, 47)),
        ("inglise", "B1", True, None, (74, 55, 62), (74, 86, 88)),
    ],
    # 001 line 224 (OCR): "Eesti keele oskus vdhemalt tasemel C1. Inglise keele oskus vdhemalt tasemel B1."
    # "vdhemalt" is OCR for "vähemalt": still a minimum
    "001": [
        ("eesti", "C1", True, None, (224, 1, 6), (224, 36, 38)),
        ("inglise", "B1", True, None, (224, 40, 47), (224, 77, 79)),
    ],
    # 002 line 277: "Eesti keele valdamine vähemalt tasemel C1. Inglise keele valdamine vähemalt tasemel B1. "
    "002": [
        ("eesti", "C1", True, None, (277, 1, 6), (277, 40, 42)),
        ("inglise", "B1", True, None, (277, 44, 51), (277, 85, 87)),
    ],
    # 003 line 198: "Valdab eesti keelt vähemalt tasemel C1. Valdab inglise keelt vähemalt tasemel B1. "
    "003": [
        ("eesti", "C1", True, None, (198, 8, 13), (198, 37, 39)),
        ("inglise", "B1", True, None, (198, 48, 55), (198, 79, 81)),
    ],
    # 004 line 94 (pipe cell): "| Valdab eesti keelt vähemalt tasemel C1. Oskab võõrkeeli (soovitavalt inglise
    # ja vene keelt) vähemalt tasemel B1. |" — "võõrkeeli" is spelled out by the parenthesis, so it is no
    # requirement of its own; "soovitavalt" inside the parenthesis qualifies English and Russian only
    "004": [
        ("eesti", "C1", True, None, (94, 10, 15), (94, 39, 41)),
        ("inglise", "B1", True, "soovitavalt", (94, 72, 79), (94, 112, 114)),
        ("vene", "B1", True, "soovitavalt", (94, 83, 87), (94, 112, 114)),
    ],
}


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_seed_requirements(prefix):
    reqs = seed_model(prefix).requirements.languages
    got = [(r.language, r.level, r.minimum, r.qualifier, at(r.language_location), at(r.level_location))
           for r in reqs]
    assert got == SEEDS[prefix]


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_seed_levels_are_valid_cefr_written_tase_first(prefix):
    # every seed writes "tasemel XX": valid CEFR levels in one notation, all known languages
    for r in seed_model(prefix).requirements.languages:
        assert r.level_kind == "cefr" and r.cefr == r.level
        assert r.notation == "tase-first" and r.notation_word == "tasemel"
        assert r.known and r.vague is None


def test_seed_000_requirement_spans():
    reqs = seed_model("000").requirements.languages
    # a requirement runs from its language to its level: "eesti ja vene keelt vähemalt tasemel C1"
    assert [(r.line, r.column, r.end_column) for r in reqs] == [(74, 8, 47), (74, 17, 47), (74, 55, 88)]
    # the level phrase "tasemel C1" (the notation an AJ306 fix rewrites)
    assert at(reqs[0].notation_location) == (74, 37, 47)
    assert reqs[0].text == "Valdab eesti ja vene keelt vähemalt tasemel C1."


# --------------------------------------------------------------------------------------------
# Further phrasings: (text, [(language, level, minimum, qualifier), ...])
# --------------------------------------------------------------------------------------------

PHRASINGS = [
    # the shapes the issue names
    ("Valdab eesti ja vene keelt vähemalt tasemel C1.", [("eesti", "C1", True, None), ("vene", "C1", True, None)]),
    ("Eesti keele oskus vähemalt tasemel C1.", [("eesti", "C1", True, None)]),
    ("Inglise keele valdamine vähemalt tasemel B1.", [("inglise", "B1", True, None)]),
    ("Oskab võõrkeeli (soovitavalt inglise ja vene keelt) vähemalt tasemel B1.",
     [("inglise", "B1", True, "soovitavalt"), ("vene", "B1", True, "soovitavalt")]),
    ("Eesti keele oskus C1-tasemel.", [("eesti", "C1", False, None)]),
    ("eesti keel C1-tase.", [("eesti", "C1", False, None)]),
    ("Inglise keel B2 tase.", [("inglise", "B2", False, None)]),
    ("Eesti keele oskus vdhemalt tasemel C1.", [("eesti", "C1", True, None)]),  # OCR
    # case forms of "keel" and of the names
    ("Valdab saksa keelt tasemel B2.", [("saksa", "B2", False, None)]),
    ("Oskab suhelda soome keeles tasemel B1.", [("soome", "B1", False, None)]),
    ("Tõlgib prantsuse keelest tasemel C1.", [("prantsuse", "C1", False, None)]),
    ("Tõlgib läti keelde vähemalt tasemel B2.", [("läti", "B2", True, None)]),
    ("Leedu keele oskus vähemalt B1-tasemel.", [("leedu", "B1", True, None)]),
    ("Valdab rootsi või norra keelt tasemel B2.", [("rootsi", "B2", False, None), ("norra", "B2", False, None)]),
    ("Valdab hispaania ja itaalia keelt tasemel A2.",
     [("hispaania", "A2", False, None), ("itaalia", "A2", False, None)]),
    ("Ukraina keele oskus tasemel B1.", [("ukraina", "B1", False, None)]),
    ("Lati keele oskus tasemel B1.", [("läti", "B1", False, None)]),  # diacritics lost
    ("Valdab EESTI KEELT TASEMEL C1.", [("eesti", "C1", False, None)]),
    ("Eesti keeletase C1.", [("eesti", "C1", False, None)]),
    ("Valdab riigikeelt tasemel C1.", [("eesti", "C1", False, None)]),  # riigikeel = the state language
    ("Eesti- ja venekeelne suhtlus vähemalt tasemel B2.", [("eesti", "B2", True, None), ("vene", "B2", True, None)]),
    ("Oskab ingliskeelset kirjandust lugeda vähemalt B2-tasemel.", [("inglise", "B2", True, None)]),
    # several requirements in one sentence, level before or after
    ("Valdab eesti, vene ja inglise keelt vähemalt B2-tasemel.",
     [("eesti", "B2", True, None), ("vene", "B2", True, None), ("inglise", "B2", True, None)]),
    ("Eesti keel C1, inglise keel B2, vene keel B1.",
     [("eesti", "C1", False, None), ("inglise", "B2", False, None), ("vene", "B1", False, None)]),
    ("Eesti keel – C1; inglise keel – B2.", [("eesti", "C1", False, None), ("inglise", "B2", False, None)]),
    ("Keeled: eesti C1, inglise B1.", [("eesti", "C1", False, None), ("inglise", "B1", False, None)]),
    ("C1-tasemel eesti keele oskus.", [("eesti", "C1", False, None)]),
    ("Mitte madalam kui B2 tase eesti keeles.", [("eesti", "B2", True, None)]),
    ("Valdab eesti keelt ja vene keelt tasemel C1.", [("eesti", "C1", False, None), ("vene", "C1", False, None)]),
    ("Nõutav on eesti keele oskus C1 tasemel ning inglise ja vene keele oskus B1 tasemel.",
     [("eesti", "C1", False, None), ("inglise", "B1", False, None), ("vene", "B1", False, None)]),
    ("Valdab eesti keelt tasemel C1 ja soome keelt tasemel A2.",
     [("eesti", "C1", False, None), ("soome", "A2", False, None)]),
    ("Eesti keel tasemel B2–C1.", [("eesti", "B2", False, None)]),  # a range: its lower end
    ("Valdab eesti keelt C1/C2 tasemel.", [("eesti", "C1", False, None)]),
    ("Oskab eesti keelt B2+ tasemel.", [("eesti", "B2", False, None)]),
    # qualifiers
    ("Soovitavalt saksa keele oskus tasemel B1.", [("saksa", "B1", False, "soovitavalt")]),
    ("Valdab eesti keelt vähemalt tasemel C1, soovitavalt inglise keelt tasemel B1.",
     [("eesti", "C1", True, None), ("inglise", "B1", False, "soovitavalt")]),
    ("Inglise keel (soovitavalt B2).", [("inglise", "B2", False, "soovitavalt")]),
    ("Inglise keele oskus on eeliseks.", [("inglise", None, False, "eeliseks")]),
    ("Vene keele oskus tuleb kasuks.", [("vene", None, False, "kasuks")]),
    # generic foreign languages
    ("Oskab kahte võõrkeelt vähemalt tasemel B1.", [("võõrkeel", "B1", True, None)]),
    ("Oskab kahte võõrkeelt (inglise, vene) tasemel B2.", [("inglise", "B2", False, None), ("vene", "B2", False, None)]),
    # no level
    ("Valdab eesti keelt. Oskab inglise keelt.", [("eesti", None, False, None), ("inglise", None, False, None)]),
    ("Eesti keele oskus vastavalt keeleseaduse nõuetele.", [("eesti", None, False, None)]),
    ("Valdab eesti keelt vähemalt tasemel C1 ning vene keelt tasemel B2, soovitavalt ka inglise keelt.",
     [("eesti", "C1", True, None), ("vene", "B2", False, None), ("inglise", None, False, "soovitavalt")]),
    # legacy terms and categories, invalid levels: read as written
    ("Valdab eesti keelt kõrgtasemel.", [("eesti", "kõrgtasemel", False, None)]),
    ("Eesti keel kõrgtase, vene keel kesktase, inglise keel algtase.",
     [("eesti", "kõrgtase", False, None), ("vene", "kesktase", False, None), ("inglise", "algtase", False, None)]),
    ("Eesti keele oskus A-kategooria.", [("eesti", "A", False, None)]),
    ("Valdab eesti keelt tasemel C3.", [("eesti", "C3", False, None)]),
    ("Valdab eesti keelt B tasemel.", [("eesti", "B", False, None)]),
    ("Eesti keele oskus B3-tasemel.", [("eesti", "B3", False, None)]),
    ("Valdab eesti keelt tasemel D1.", [("eesti", "D1", False, None)]),
    # unknown words in a language's place are kept (AJ305 reports them)
    ("Valdab inglse keelt tasemel B2.", [("inglse", "B2", False, None)]),
    # not language requirements at all
    ("Kasutab korrektset ametlikku keelt.", []),
    ("Oskab väljendada end selgelt nii suulises kui kirjalikus keeles.", []),
    ("Eesti Vabariigi põhiseaduse tundmine.", []),
    ("", []),
]


@pytest.mark.parametrize("text,expected", PHRASINGS, ids=[t[:40] or "empty" for t, _ in PHRASINGS])
def test_phrasing(text, expected):
    assert short(one(text)) == expected


def test_at_least_forty_phrasings():
    assert len(PHRASINGS) >= 40


# the 14 singular cases of "keel", some plural ones, and the adjective "-keelne"
KEEL_FORMS = [
    "keel", "keele", "keelt", "keelde", "keeles", "keelest", "keelele", "keelel", "keelelt", "keeleks",
    "keeleni", "keelena", "keeleta", "keelega", "keeled", "keelte", "keeli", "keeltes", "keeltega",
]


@pytest.mark.parametrize("form", KEEL_FORMS)
def test_every_case_form_of_keel(form):
    (r,) = one(f"Suhtleb eesti {form} vähemalt tasemel B2.")
    assert (r.language, r.level, r.minimum, r.language_location.column) == ("eesti", "B2", True, 9)


@pytest.mark.parametrize("text,language,level", [
    ("Eestikeelsete dokumentide koostamine tasemel C1.", "eesti", "C1"),
    ("Ingliskeelne suhtlus tasemel B2.", "inglise", "B2"),
    ("Venekeelse teksti mõistmine tasemel B1.", "vene", "B1"),
    ("Prantsuskeelsetes läbirääkimistes osalemine tasemel B2.", "prantsuse", "B2"),
    ("Soomekeelset kirjavahetust peab tasemel A2.", "soome", "A2"),
    ("Riigikeele oskus tasemel C1.", "eesti", "C1"),
])
def test_keelne_compounds(text, language, level):
    (r,) = one(text)
    assert (r.language, r.known, r.level) == (language, True, level)


@pytest.mark.parametrize("name", [
    "eesti", "vene", "inglise", "saksa", "soome", "prantsuse", "läti", "leedu", "rootsi", "hispaania",
    "itaalia", "ukraina", "poola", "norra", "taani", "hollandi", "portugali", "ungari", "tšehhi", "hiina",
    "jaapani", "araabia", "kreeka", "türgi", "valgevene", "ladina",
])
def test_every_listed_language(name):
    (r,) = one(f"Valdab {name} keelt tasemel B1.")
    assert (r.language, r.known, r.level) == (name, True, "B1")


@pytest.mark.parametrize("text,kind,cefr", [
    ("Valdab eesti keelt tasemel C1.", "cefr", "C1"),
    ("Valdab eesti keelt tasemel c1.", "cefr", "C1"),
    ("Valdab eesti keelt tasemel Cl.", "cefr", "C1"),  # OCR: a letter l for the digit 1
    ("Valdab eesti keelt kõrgtasemel.", "legacy", "C1"),  # Language Act § 28⁴
    ("Eesti keel kdrgtasemel.", "legacy", "C1"),  # OCR of kõrgtasemel
    ("Vene keeles suhtlemine kesktasemel.", "legacy", "B2"),
    ("Vene keeles suhtlemine algtasemel.", "legacy", "B1"),
    ("Eesti keele oskus B-kategooria.", "category", "B1"),  # A–C = algtase
    ("Eesti keele oskus kategooria D.", "category", "B2"),  # D = kesktase
    ("Eesti keele oskus kategooria E.", "category", "C1"),  # E–F = kõrgtase
    ("Valdab eesti keelt tasemel C3.", "invalid", None),
    ("Eesti keel tasemel C.", "invalid", None),
    ("Valdab eesti keelt vähemalt tasemel A0.", "invalid", None),
])
def test_level_kind(text, kind, cefr):
    (r,) = one(text)
    assert (r.level_kind, r.cefr) == (kind, cefr)


@pytest.mark.parametrize("text,notation,phrase_cols", [
    # phrase columns counted on the text
    ("Valdab eesti keelt tasemel C1.", "tase-first", (20, 30)),
    ("Eesti keele oskus C1-tasemel.", "level-hyphen", (19, 29)),
    ("eesti keel C1-tase.", "level-hyphen", (12, 19)),
    ("Inglise keel B2 tase.", "level-space", (14, 21)),
    ("Eesti keel C1.", "bare", (12, 14)),
    ("Eesti keel: tase C1.", "tase-first", (13, 20)),
])
def test_notation(text, notation, phrase_cols):
    (r,) = one(text)
    assert r.notation == notation
    assert (r.notation_location.column, r.notation_location.end_column) == phrase_cols


def test_vague_level_words():
    (r,) = one("Valdab inglise keelt heal tasemel.")
    assert r.level is None and r.vague == "heal tasemel"
    (r,) = one("Valdab vabalt eesti keelt.")
    assert r.level is None and r.vague == "vabalt"
    eesti, inglise = one("Valdab eesti keelt vähemalt tasemel C1 ja inglise keelt suhtlustasandil.")
    assert (eesti.level, eesti.vague) == ("C1", None)
    assert (inglise.level, inglise.vague) == (None, "suhtlustasandil")


def test_unknown_language_is_kept_with_its_location():
    (r,) = one("Valdab inglse keelt tasemel B2.")
    assert not r.known and r.language == "inglse"
    assert at(r.language_location) == (1, 8, 14)
    assert suggest("inglse") == "inglise"
    assert suggest("hispanja") == "hispaania"
    assert suggest("prantsse") == "prantsuse"
    # coordinated with a known language
    inglise, prantsse = one("Valdab inglise ja prantsse keelt tasemel B2.")
    assert inglise.known and not prantsse.known and prantsse.level == "B2"
    # a word near no language is kept only when a level is given and it ends like a name (a vowel)
    (r,) = one("Valdab vietnami keelt tasemel B1.")
    assert not r.known and r.language == "vietnami" and suggest("vietnami") is None
    assert one("Valdab vietnami keelt.") == []
    assert one("Valdab nimetatud keelt tasemel B2.") == []
    assert one("Valdab soravalt keelt tasemel C1.") == []
    assert one("Valdab enda keelt.") == []


def test_compound_names_and_sign_language():
    (r,) = one("Valdab eesti viipekeelt tasemel B2.")
    assert (r.language, r.level) == ("eesti viipe", "B2")
    assert short(one("Oskab lugeda lätikeelseid ja leedukeelseid tekste.")) == [
        ("läti", None, False, None), ("leedu", None, False, None)]


def test_wrapped_lines_keep_their_places():
    # a PDF line break between "vähemalt" and "tasemel B2": the level is on the second line
    first = LText.at("Eesti keele oskus vähemalt C1-tasemel, vene keele oskus vähemalt", 10, 1)
    second = LText.at("tasemel B2.", 11, 1)
    lt = LText.concat([first, LText.at(" ", 10, 65), second])
    eesti, vene = parse(lt)
    assert (eesti.language, eesti.level, at(eesti.level_location)) == ("eesti", "C1", (10, 28, 30))
    assert (vene.language, vene.level) == ("vene", "B2")
    assert at(vene.language_location) == (10, 40, 44)
    assert at(vene.level_location) == (11, 9, 11)
    assert (vene.line, vene.column, vene.end_line, vene.end_column) == (10, 40, 11, 11)


def test_pipe_cell_columns():
    # the text of a pipe-table cell starts at column 3 of its line
    (r,) = parse(LText.at("Valdab eesti keelt vähemalt tasemel C1.", 94, 3))
    assert at(r.language_location) == (94, 10, 15)
    assert at(r.level_location) == (94, 39, 41)


@pytest.mark.parametrize("text", [
    "((((", "keel keel keel", "tasemel", "C1", "- – / : ;", "6666 |||| @@", "Eesti ( keel ) tasemel )( C1",
    "vähemalt vähemalt", "kategooria", "Inglise ja", ", ja inglise keelt", "\t\n", "🙂 eesti keel 🙂 C1",
])
def test_odd_input_never_raises(text):
    for r in one(text):
        assert r.language


def test_parse_output_lists_the_requirements(cli):
    path = FIXTURES / "language" / "pipe_errors.txt"
    code, out, _ = cli("parse", "--format", "json", path)
    assert code == 0
    langs = json.loads(out)["requirements"]["languages"]
    assert [(x["language"], x["level"], x["known"], x["level_kind"]) for x in langs] == [
        ("eesti", "C2", True, "cefr"), ("inglse", "B3", False, "invalid")]
    code, out, _ = cli("parse", FIXTURES / "000_6c168c3604286a95.txt")
    assert "language:         eesti ≥ C1" in out and "vene ≥ C1" in out and "inglise ≥ B1" in out
