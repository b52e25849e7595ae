"""AJ401–AJ405 on small documents written for them (fixtures/competency/), the catalog as data, the
organisation's own catalog, the manager signals, and odd input."""

from __future__ import annotations


import pytest

from ajlint.builtin.rules.competency import (
    CompetencyName,
    CompetencySet,
    CompetencyWording,
    DuplicateCompetency,
    MissingCompetency,
)
from ajlint.builtin.rules.competency.data import CompetencyCatalog, shipped_catalog
from ajlint.builtin.rules.competency.index import get_index
from ajlint.builtin.rules.competency.textmatch import align, noise_equal, real_hunks, tokenize
from ajlint.datafiles import DataFileError
from ajlint.document import Document
from ajlint.engine import Engine, Selection
from ajlint.model import Competency, DocumentInfo, Duty, JobDescription, Located, PositionRef, Text
from ajlint.plugins import default_registry

from conftest import FIXTURES

DIR = FIXTURES / "competency"
CODES = ["AJ401", "AJ402", "AJ403", "AJ404", "AJ405"]
RULES = [CompetencyName, CompetencyWording, CompetencySet, MissingCompetency, DuplicateCompetency]


@pytest.fixture(scope="module")
def registry():
    return default_registry()


def check(registry, name, codes=CODES, options=None):
    engine = Engine(registry, selection=Selection(select=list(codes)), options=options)
    return engine.check([str(DIR / name)]).diagnostics


def col(name: str, line: int, words: str) -> int:
    text = (DIR / name).read_text(encoding="utf-8").split("\n")[line - 1]
    i = text.find(words)
    assert i >= 0, f"{words!r} is not on line {line} of {name}"
    return i + 1


def apply(text: str, fix) -> str:
    for e in sorted(fix.edits, key=lambda e: e.start, reverse=True):
        text = text[:e.start] + e.replacement + text[e.end:]
    return text


# -- the catalog quoted verbatim ----------------------------------------------------------------------
@pytest.mark.parametrize("name", ["verbatim-spetsialist.md", "verbatim-juht.txt"])
def test_verbatim_catalog_gives_no_finding(registry, name):
    # verbatim-spetsialist.md: a Peaspetsialist without reports; the specialist set (some indicators
    # left out, which is allowed) and menu entries quoting subsets of their definitions, Pingetaluvus with
    # its two sentences in the other order, and a free-form "Teadmised …" item.
    # verbatim-juht.txt: a Talitusejuhataja with 1.6 Vahetud alluvad and the manager set, wrapped PDF lines.
    assert check(registry, name) == []


# -- one fixture per rule, each triggering exactly that rule -------------------------------------------
def test_aj401_misspelt_name(registry):
    diags = check(registry, "aj401-nimetus.md")
    # "Efektiivus:" (line 53) is "Efektiivsus" with a letter missing; nothing else is wrong
    assert [(d.code, d.span.line, d.span.column) for d in diags] == [
        ("AJ401", 53, col("aj401-nimetus.md", 53, "Efektiivus"))]
    d = diags[0]
    assert d.args["name"] == "Efektiivsus" and "Efektiivus" in d.text("en")
    assert d.fix.applicability == "safe"
    text = (DIR / "aj401-nimetus.md").read_text(encoding="utf-8")
    fixed = apply(text, d.fix)
    assert "<p><b>Efektiivsus:</b></p>" in fixed and fixed.replace("Efektiivsus:", "Efektiivus:", 1) == text


def test_aj401_unknown_name_without_a_close_match(registry, tmp_path):
    text = (DIR / "verbatim-spetsialist.md").read_text(encoding="utf-8")
    text = text.replace("- Teadmised sotsiaalkindlustust", "- **Stressijuhtimine**: Oskab stressi juhtida.\n"
                        "- Teadmised sotsiaalkindlustust")
    p = tmp_path / "x.md"
    p.write_text(text, encoding="utf-8")
    diags = Engine(registry, selection=Selection(select=["AJ401"])).check([str(p)]).diagnostics
    assert [(d.code, d.span.line) for d in diags] == [("AJ401", 61)]
    assert diags[0].fix is None and "not in the approved catalog" in diags[0].text("en")


def test_aj402_wording(registry):
    name = "aj402-sonastus.txt"
    diags = check(registry, name)
    got = [(d.code, d.span.line, d.span.column) for d in diags]
    assert got == [
        # "mõju ametile." drops "ja klientidele"
        ("AJ402", 86, col(name, 86, "Huvitub")),
        # "delegeerib ülesanded" for "ülesandeid"; the sentence starts on line 106 and wraps to 108
        ("AJ402", 106, col(name, 106, "Kaasab")),
        # "Julgustab ja toetab." is Empaatiavõime's sentence, written under Juhendamisoskus
        ("AJ402", 132, col(name, 132, "Julgustab ja toetab.")),
        # "soovitude" for "soovituste"
        ("AJ402", 134, col(name, 134, "Valib sobivad")),
        # a sentence the catalog does not have at all
        ("AJ402", 139, col(name, 139, "Peab lugu")),
    ]
    d86, d106, d132, d134, d139 = diags
    assert d86.args["diff"] == "+ 'ja klientidele'" and d86.fix.applicability == "unsafe"
    assert d106.args["diff"] == "'ülesanded' → 'ülesandeid'" and d106.fix.applicability == "safe"
    assert (d106.span.end_line, d106.span.end_column) == (108, col(name, 108, "ülesanded.") + len("ülesanded."))
    assert d134.args["diff"] == "'soovitude' → 'soovituste'"
    assert "Empaatiavõime" in d132.text("en") and "Juhendamisoskus" in d132.text("en") and d132.fix is None
    assert "not in the catalog" in d139.text("en") and "Peab lugu headest kommetest." in d139.text("en")
    assert d139.fix is None
    # the fixes give the approved sentences, keeping the line breaks of the PDF text
    text = (DIR / name).read_text(encoding="utf-8")
    lines = apply(text, d86.fix).split("\n")
    assert lines[85] == "▪ Huvitub ühiskonna hetkesuundumustest ning analüüsib nende mõju ametile ja klientidele. "
    lines = apply(text, d106.fix).split("\n")
    assert lines[107] == "ja innustab ning delegeerib ülesandeid. "
    assert "soovituste ning prognooside" in apply(text, d134.fix).split("\n")[135]


def test_aj402_places_a_known_sentence_anew_in_each_document(registry, tmp_path):
    # A sentence's comparison and its place within its text are kept for the run and reused: the same
    # document three lines lower, checked in the same run, has its findings and fixes three lines lower
    name = "aj402-sonastus.txt"
    text = (DIR / name).read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text("\n\n\n" + text, encoding="utf-8")
    engine = Engine(registry, selection=Selection(select=["AJ402"]))
    diags = engine.check([str(tmp_path)]).diagnostics
    a = [d for d in diags if d.path.endswith("a.txt")]
    b = [d for d in diags if d.path.endswith("b.txt")]
    assert [(d.span.line, d.span.column) for d in a] == [(86, col(name, 86, "Huvitub")),
                                                        (106, col(name, 106, "Kaasab")),
                                                        (132, col(name, 132, "Julgustab ja toetab.")),
                                                        (134, col(name, 134, "Valib sobivad")),
                                                        (139, col(name, 139, "Peab lugu"))]
    assert [(d.span.line, d.span.column, d.span.end_line) for d in b] == [
        (d.span.line + 3, d.span.column, d.span.end_line + 3) for d in a]
    assert [d.args for d in b] == [d.args for d in a]
    fixed = apply("\n\n\n" + text, b[1].fix).split("\n")
    assert fixed[107 + 3] == "ja innustab ning delegeerib ülesandeid. "
    fixed = apply("\n\n\n" + text, b[3].fix).split("\n")
    assert "soovituste ning prognooside" in fixed[135 + 3]


def test_aj402_in_ocr_text_reports_only_real_differences(registry):
    name = "ocr-spetsialist.txt"
    diags = check(registry, name)
    # every line of the competencies is OCR-damaged ("Lahtub t66s", "Koost66vdime", "Anallusi- ja
    # dldistusvdime", "s@bralik"); the one real difference is "usaldusvaarset" (usaldusväärset) for
    # "usaldusväärsuse"
    assert [(d.code, d.span.line, d.span.column) for d in diags] == [("AJ402", 94, col(name, 94, "Tagab"))]
    d = diags[0]
    assert d.args["approved"] == "Tagab usaldusväärsuse oma pühendunud ja kohusetundliku tööga."
    assert d.args["diff"] == "'usaldusvaarset' → 'usaldusväärsuse'"


def test_aj403_manager_with_the_specialist_set(registry):
    name = "aj403-komplekt.md"
    diags = check(registry, name)
    assert [(d.code, d.span.line, d.span.column) for d in diags] == [("AJ403", 70, 1)]
    msg = diags[0].text("en")
    assert "Vahetud alluvad: Klienditeeninduse spetsialistid" in msg and "Ametinimetus: 'Tiimijuht'" in msg
    assert "Koostöövõime, Efektiivsus" in msg and "Meeskonnatöö, Eestvedamine" in msg
    assert diags[0].fix is None


def test_aj404_missing_competency(registry):
    name = "aj404-puudub.txt"
    diags = check(registry, name)
    # a Spetsialist whose list stops after Koostöövõime: Efektiivsus is missing; the finding is on the
    # "Tööks vajalikud kompetentsid" label
    assert [(d.code, d.span.line, d.span.column) for d in diags] == [("AJ404", 78, 1)]
    assert diags[0].args["name"] == "Efektiivsus" and "spetsialist" in diags[0].text("en")


def test_aj405_duplicate_competency(registry):
    name = "aj405-kaks-korda.md"
    diags = check(registry, name)
    # Korrektsus on line 58 and again on line 60 (each quoting approved sentences)
    assert [(d.code, d.span.line, d.span.column) for d in diags] == [("AJ405", 60, col(name, 60, "Korrektsus"))]
    assert "line 58" in diags[0].text("en") and "real 58" in diags[0].text("et")


# -- the catalog as data --------------------------------------------------------------------------------
def test_shipped_catalog_has_both_sets_and_the_menu():
    cat = shipped_catalog()
    assert [c.name for c in cat.sets["specialist"].competencies] == [
        "Kliendikesksus", "Asjatundlikkus", "Koostöövõime", "Efektiivsus"]
    assert [c.name for c in cat.sets["manager"].competencies] == [
        "Kliendikesksus", "Asjatundlikkus", "Meeskonnatöö", "Eestvedamine"]
    assert cat.sets["manager"].manager is True and cat.sets["specialist"].manager is False
    assert [a.name for a in cat.additional] == [
        "Suhtlemis- ja mõjutamisoskus", "Analüüsi- ja üldistusvõime", "Korrektsus", "Empaatiavõime",
        "Juhendamisoskus", "Loovus", "Pingetaluvus", "Abivalmidus", "Suhete loomise oskus"]
    idx = get_index()
    # the two sets' Kliendikesksus have their own sentences
    spec = {a.text for a in idx.sets["specialist"]["Kliendikesksus"].sentences}
    mgr = {a.text for a in idx.sets["manager"]["Kliendikesksus"].sentences}
    assert not spec & mgr
    # definitions are split into sentences
    assert len(idx.additional["Korrektsus"].sentences) == 4


def test_invalid_catalog_names_the_key(tmp_path):
    from ajlint.datafiles import load_toml_model

    p = tmp_path / "competencies.toml"
    p.write_text('[sets.specialist]\nmanager = false\n[[sets.specialist.competencies]]\nname = "Loovus"\n'
                 'indicators = [""]\n', encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_toml_model(p, CompetencyCatalog)
    assert "competencies.toml" in str(err.value) and "indicators" in str(err.value)


def test_organisation_catalog_extends_the_shipped_one(registry, tmp_path):
    own = tmp_path / "meie-kompetentsid.toml"
    own.write_text(
        'mode = "extend"\n\n[[additional]]\nname = "Digipädevus"\n'
        'definition = "Kasutab digivahendeid teadlikult. Õpib uusi töövahendeid kiiresti."\n',
        encoding="utf-8")
    text = (DIR / "verbatim-spetsialist.md").read_text(encoding="utf-8")
    text = text.replace("- Teadmised sotsiaalkindlustust", "- **Digipädevus**: Õpib uusi töövahendeid kiiresti.\n"
                        "- Teadmised sotsiaalkindlustust")
    doc = tmp_path / "ametijuhend.md"
    doc.write_text(text, encoding="utf-8")
    engine = Engine(registry, selection=Selection(select=CODES))
    without = engine.check([str(doc)]).diagnostics
    assert [(d.code, d.span.line) for d in without] == [("AJ401", 61)]
    engine = Engine(registry, selection=Selection(select=CODES), options={"competency-catalog": [str(own)]})
    assert engine.check([str(doc)]).diagnostics == []


def test_organisation_catalog_replaces_the_shipped_one(registry, tmp_path):
    own = tmp_path / "asendus.toml"
    own.write_text(
        'mode = "replace"\n\n[sets.specialist]\nmanager = false\n\n[[sets.specialist.competencies]]\n'
        'name = "Kliendikesksus"\nindicators = ["Lähtub töös kliendi vajadustest."]\n\n'
        '[sets.manager]\nmanager = true\n\n[[sets.manager.competencies]]\nname = "Eestvedamine"\n'
        'indicators = ["Seab eesmärgid."]\n', encoding="utf-8")
    engine = Engine(registry, selection=Selection(select=["AJ401"]), options={"competency-catalog": str(own)})
    diags = engine.check([str(DIR / "verbatim-spetsialist.md")]).diagnostics
    # Asjatundlikkus, Koostöövõime, Efektiivsus and the menu are no longer in the catalog
    assert {d.args["written"] for d in diags} >= {"Asjatundlikkus", "Koostöövõime", "Efektiivsus", "Korrektsus"}
    assert "Kliendikesksus" not in {d.args["written"] for d in diags}


# -- the manager signals ----------------------------------------------------------------------------------
def _doc(title="Spetsialist", duties=(), reports=(), none=False, core=(), label=False) -> Document:
    def loc(line=1):
        return dict(line=line, column=1, end_line=line, end_column=5)

    comps = [Competency(name=n, name_location=Located(**loc(10 + i)), indicators=[], **loc(10 + i))
             for i, n in enumerate(core)]
    jd = JobDescription(
        path="x.md", info=DocumentInfo(format="markdown", encoding="utf-8", line_count=40),
        title=Text(text=title, **loc(2)) if title is not None else None,
        duties=[Duty(number=f"3.{i + 1}", text=t, **loc(5 + i)) for i, t in enumerate(duties)],
        direct_reports=[PositionRef(text=r, **loc(3)) for r in reports], direct_reports_none=none,
        competencies=comps,
    )
    return Document(path="x.md", text="\n" * 40, model=jd)


SPECIALIST = ["Kliendikesksus", "Asjatundlikkus", "Koostöövõime", "Efektiivsus"]
MANAGER = ["Kliendikesksus", "Asjatundlikkus", "Meeskonnatöö", "Eestvedamine"]


@pytest.mark.parametrize("kw, fires", [
    (dict(title="Talitusejuhataja"), True),              # a managerial title
    (dict(title="Projektijuht"), False),                  # a project manager leads no people
    (dict(title="Projekti juht"), False),                 # … also written as two words
    (dict(title="Tiimijuht", none=True), False),          # Alluvad "-" outweighs the title alone
    (dict(title="Nõunik", reports=["Spetsialist"]), True),  # direct reports
    (dict(duties=["Meeskonna töö korraldamine ja juhtimine."]), True),
    (dict(duties=["Projekti juhtimine ja aruandlus."]), False),
    (dict(duties=["Teenusejuhtide juhendamine statistika kogumisel."]), False),
])
def test_manager_signals_with_the_specialist_set(kw, fires):
    doc = _doc(core=SPECIALIST, **kw)
    got = list(CompetencySet().check(doc))
    assert bool(got) == fires, kw


def test_no_evidence_either_way_is_not_decided():
    # no title, no duties, no reports field: nothing says whether the position manages people
    assert list(CompetencySet().check(_doc(title=None, core=MANAGER))) == []
    assert list(MissingCompetency().check(_doc(title=None, core=[]))) == []


def test_missing_set_when_the_list_names_no_set_competency():
    # only the two competencies every set has: the set that fits the role (a manager here) is missing two
    doc = _doc(title="Osakonnajuhataja", core=["Kliendikesksus", "Asjatundlikkus"])
    got = sorted(d.args["name"] for d in MissingCompetency().check(doc))
    assert got == ["Eestvedamine", "Meeskonnatöö"]


# -- matching -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("approved, written, same", [
    ("analüüsib", "analiitisib", True),
    ("Meeskonnatöö", "Meeskonnat60", True),
    ("üles", "les", True),
    ("sõbralik", "s@bralik", True),
    ("usaldusväärsuse", "usaldusvaarset", False),   # a real change of ending
    ("soovituste", "soovitude", False),
    ("teadmist", "teadmisi", False),
    ("ametile", "projektile", False),
])
def test_ocr_noise(approved, written, same):
    assert noise_equal(approved, written) is same


def test_word_diff_groups_missing_words():
    w = tokenize("Selgitab töötajatele, kuidas nende töö on seotud.")
    a = tokenize("Selgitab töötajatele, partneritele, kuidas nende töö on seotud.")
    hunks, shared = align(w, a, ocr=False)
    real = real_hunks(w, a, hunks, ocr=False)
    assert len(real) == 1 and (real[0].i1, real[0].i2) == (3, 3)
    assert " ".join(t.text for t in a[real[0].j1:real[0].j2]) == "partneritele ,"
    assert shared == 7


def test_compound_written_apart_is_the_same_wording():
    w = tokenize("Seab eesmärgid ja kõrged standardid töötegemiseks.")
    a = tokenize("Seab eesmärgid ja kõrged standardid töö tegemiseks.")
    assert real_hunks(w, a, align(w, a, ocr=False)[0], ocr=False) == []


# -- odd input --------------------------------------------------------------------------------------------------
def test_odd_input_does_not_raise():
    odd = [
        Competency(name="", name_location=Located(line=1, column=1, end_line=1, end_column=1),
                   indicators=[Text(text="", line=1, column=1, end_line=1, end_column=1)],
                   line=1, column=1, end_line=1, end_column=1),
        Competency(name="Kliendikesksus", name_location=Located(line=2, column=1, end_line=2, end_column=15),
                   indicators=[Text(text="» » ...", line=3, column=1, end_line=3, end_column=8),
                               Text(text="Lähtub töös. (nii", line=99, column=400, end_line=2, end_column=1)],
                   line=2, column=1, end_line=3, end_column=8),
        Competency(name="Kliendikesksus", name_location=Located(line=4, column=1, end_line=4, end_column=15),
                   indicators=[Text(text="@@@ 666 $$$ ||| Lähtub töös kliendi vajadustest.", line=5, column=1,
                                    end_line=5, end_column=48)],
                   line=4, column=1, end_line=5, end_column=48),
    ]
    doc = _doc(core=[])
    doc.model.competencies = odd
    doc.model.additional_competencies = list(odd)
    doc.text = "x\n" * 3
    for rule in RULES:
        list(rule().check(doc))


def test_analysis_from_kept_results_equals_one_made_afresh(registry):
    # names, titles and sentence comparisons are kept in the index's memo for the run: each document's
    # analysis, worked out again with the memo full (after every other document), equals the one worked
    # out with the memo empty
    from ajlint.builtin.rules.competency.analysis import _analyse

    engine = Engine(registry)
    docs = engine.read(engine.discover([str(DIR), *map(str, FIXTURES.glob("0*.txt"))]))
    # the same names, one in OCR text; a managerial title and others
    for title in ("Talitusejuhataja", "Projektijuht", "Spetsialist"):
        for ocr in (False, True):
            doc = _doc(title=title, core=["Meeskonnat60", "Kliendikesksus", "Asjatundlikus"])
            doc.model.info.ocr_evidence = ["OCR"] * 10 if ocr else []
            docs.append(doc)
    idx = get_index()
    fresh = []
    for d in docs:
        idx.memo.clear()
        fresh.append(_analyse(d, idx))
    for d in docs:
        _analyse(d, idx)
    assert [_analyse(d, idx) for d in reversed(docs)] == fresh[::-1]
    assert any(a.issues for a in fresh) and any(a.role.manager for a in fresh) and any(a.ocr for a in fresh)
