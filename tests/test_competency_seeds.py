"""AJ401–AJ405 on the five seed documents: every finding a careful HR reviewer makes, with its line,
column and the approved text, and nothing else (the sets of findings are compared exactly).

Columns are not copied from ajlint's output: ``col(seed, line, words)`` finds the quoted words on
that line of the document, so each expectation reads "the finding starts at these words".
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ajlint.engine import Engine, Selection
from ajlint.fixer import fix_documents
from ajlint.plugins import default_registry

from conftest import seed

CODES = ["AJ401", "AJ402", "AJ403", "AJ404", "AJ405"]


@pytest.fixture(scope="module")
def registry():
    return default_registry()


def run(registry, paths, codes=CODES):
    return Engine(registry, selection=Selection(select=list(codes))).check([str(p) for p in paths]).diagnostics


def col(path: Path, line: int, words: str) -> int:
    text = path.read_text(encoding="utf-8").split("\n")[line - 1]
    i = text.find(words)
    assert i >= 0, f"{words!r} is not on line {line} of {path.name}"
    return i + 1


def found(diags):
    return sorted((d.code, d.span.line, d.span.column) for d in diags)


def by_place(diags):
    return {(d.code, d.span.line, d.span.column): d for d in diags}


# -- 000: "Inimkaubandusohvrite teenuse juht", markdown with tab grids and HTML lists -----------------
S000 = seed("000")
EXPECTED_000 = [
    # duty 3.12 "Alluvate teenistujate juhtimine ja arendamine" makes this a people manager, yet the
    # list is Kliendikesksus, Asjatundlikkus, Koostöövõime, Efektiivsus: the specialist set
    ("AJ403", 77, "Tööks vajalikud kompetentsid", None),
    # "Kliendikeskus" is a misspelling of Kliendikesksus (002 and 003 spell it right)
    ("AJ401", 78, "Kliendikeskus", "Kliendikesksus"),
    # "usaldusväärset" is the wrong case form; 002/003/001 write "usaldusväärsuse"
    ("AJ402", 78, "Tagab usaldusväärset", "Tagab usaldusväärsuse oma pühendunud ja kohusetundliku tööga."),
    # "muutuv keskkonnas" lacks the inessive ending; 002 and 003 write "muutuvas keskkonnas"
    ("AJ402", 87, "On muutuv keskkonnas", "On muutuvas keskkonnas võimeline kohanema."),
    # "Põhjub" is not a word; 001/002/003 write "Põhjendab"
    ("AJ402", 94, "Põhjub veenvalt", "Põhjendab veenvalt oma seisukohti."),
    # "mõjutamise meetodeid ja -kanaleid": the "-kanaleid" needs the compound "mõjutamismeetodeid"
    # (as 004 writes it)
    ("AJ402", 94, "Kindlustab osapoolte",
     "Kindlustab osapoolte toetuse ja pühendumuse muutustele, projektidele vms, kasutades erinevaid "
     "mõjutamismeetodeid ja -kanaleid."),
    # "soovitude" for "soovituste" (001, 002, 003)
    ("AJ402", 95, "Valib sobivad meetodid",
     "Valib sobivad meetodid info kogumiseks, analüüsib ja hindab info olulisust ja asjakohasust, näeb "
     "tervikpilti ja mõistab seoseid, kasutab infot otsuste vastuvõtmisel ja soovituste ning prognooside "
     "tegemisel."),
    # "Korrektus" for "Korrektsus" (001, 002, 003)
    ("AJ401", 96, "Korrektus", "Korrektsus"),
    # one keeps feelings "kontrolli all" (004), not "kontrolli alla"
    ("AJ402", 100, "Hoiab oma tundeid",
     "Hoiab oma tundeid kontrolli all ja säilitab tasakaalu ja töövõime ka olukordades, kus ollakse vastamisi "
     "vaenulikkuse või vastasseisuga või kui töötatakse pidevas stressi olukorras või suure töökoormusega."),
    # "kokusaamisi" is misspelt; 001, 002, 003 write "kokkusaamisi"
    ("AJ402", 102, "Võtab aktiivselt osa", "Võtab aktiivselt osa üritustest ja algatab ise kokkusaamisi."),
]

# -- 001: OCR of a scanned "Koordinaator" description ---------------------------------------------------
S001 = seed("001")
EXPECTED_001 = [
    # a coordinator with no 1.6 Vahetud alluvad and no duty about leading people ("Teenusejuhtide …
    # juhendamine" is guidance, not leading), yet the list is Meeskonnatöö and Eestvedamine: the manager set
    ("AJ403", 235, "TO6ks vajalikud kompetentsid", None),
    # real wording differences under the OCR noise, against the manager set's sentences:
    # "enda arengule" drops "ja töötajate" (004)
    ("AJ402", 245, "Panustab", "Panustab ameti arengusse ning on enda ja töötajate arengule suunatud."),
    # "mõju projektile" is tailored to a project; the model sentence (004) is "mõju ametile ja klientidele"
    ("AJ402", 253, "Huvitub",
     "Huvitub ühiskonna hetkesuundumustest ning analüüsib nende mõju ametile ja klientidele."),
    # "(nii sise- kui väliskliendi)" is missing (004, and the specialist set's sentence)
    ("AJ402", 255, "Lahtub",
     "Lähtub töö korraldamisel kliendi (nii sise- kui väliskliendi) vajadustest ning õigustest, "
     "kindlustades kvaliteetse teenuse."),
]

# -- 002: "Tiimijuht", PDF text ---------------------------------------------------------------------------
S002 = seed("002")
EXPECTED_002 = [
    # a team lead (title "Tiimijuht", duty 3.1 "Tiimi juhtimine ja arendamine") with the specialist set;
    # every sentence of 002 is the approved wording
    ("AJ403", 288, "Tööks vajalikud kompetentsid", None),
]

# -- 004: "Tallinna klienditeeninduse juht", pipe tables, with 1.6 Vahetud alluvad -----------------------
S004 = seed("004")
EXPECTED_004 = [
    # "Selgitab töötajatele, kuidas" drops "partneritele," (001)
    ("AJ402", 107, "Selgitab töötajatele",
     "Selgitab töötajatele, partneritele, kuidas nende töö on seotud klientidele pakutava teenuse ja "
     "kliendirahuloluga."),
    # "usaldusväärse" for "usaldusväärsuse"
    ("AJ402", 115, "Tagab usaldusväärse", "Tagab usaldusväärsuse oma pühendunud ja kohusetundliku tööga."),
    # "meeskonnatöele" is misspelt
    ("AJ402", 121, "Keskendub meeskonnatöele",
     "Keskendub meeskonnatööle, võtab töö korraldamisel arvesse inimeste erinevust."),
    # "Kaasab ja innustab töötajaid." for "… ning delegeerib ülesandeid." (001)
    ("AJ402", 121, "Kaasab ja innustab", "Kaasab ja innustab ning delegeerib ülesandeid."),
    # "Tunnustab." is cut from "Tunnustab ja tähistab edu." (001)
    ("AJ402", 123, "Tunnustab.", "Tunnustab ja tähistab edu."),
    # "eesmäärke" is misspelt
    ("AJ402", 129, "Seab tegevused eesmäärke",
     "Seab tegevused eesmärke silmas pidades tähtsuse järjekorda ja loob selguse töökorralduses."),
    ("AJ402", 137, "Põhjub veenvalt", "Põhjendab veenvalt oma seisukohti."),
    ("AJ402", 138, "Valib sobivad meetodid",
     "Valib sobivad meetodid info kogumiseks, analüüsib ja hindab info olulisust ja asjakohasust, näeb "
     "tervikpilti ja mõistab seoseid, kasutab infot otsuste vastuvõtmisel ja soovituste ning prognooside "
     "tegemisel."),
    ("AJ401", 139, "Korrektus", "Korrektsus"),
    # 000-003 agree on "märkab neid ning parandab" and "teiste inimeste vigu"
    ("AJ402", 139, "Vigade tekkimisel", "Vigade tekkimisel märkab neid ning parandab need koheselt."),
    ("AJ402", 139, "Märkab ka teiste töötajate", "Märkab ka teiste inimeste vigu ja juhib neile tähelepanu."),
    # "vajaduste ja tunnete" drops "murede" (000)
    ("AJ402", 140, "On tähelepanelik",
     "On tähelepanelik teiste vajaduste, murede ja tunnete suhtes, tajub ja mõistab neid."),
    # "teadmisi" for "teadmist" (000-003); "on positiivne ja entusiastlik" rewords the model sentence
    ("AJ402", 141, "Aitab kaastöötajatel",
     "Aitab kaastöötajatel leida nende töös uusi võimalusi, meetodeid ja teadmist."),
    ("AJ402", 141, "Innustab tegutsema",
     "Innustab tegutsema ja saavutama, näitab üles positiivsust ja entusiasmi, aitab lahendada probleeme."),
    # "on initsiatiivikas" for "näitab üles initsiatiivi" (000-003)
    ("AJ402", 142, "Genereerib ideid", "Genereerib ideid ja teeb uusi algatusi, näitab üles initsiatiivi."),
    # Pingetaluvus: "vaenulikkuse või" dropped, "tagasisidega" for "kriitikaga", "oma ja" added
    ("AJ402", 143, "Hoiab oma tundeid",
     "Hoiab oma tundeid kontrolli all ja säilitab tasakaalu ja töövõime ka olukordades, kus ollakse vastamisi "
     "vaenulikkuse või vastasseisuga või kui töötatakse pidevas stressi olukorras või suure töökoormusega."),
    ("AJ402", 143, "Tuleb konstruktiivselt", "Tuleb konstruktiivselt toime ebaõnnestumiste ja kriitikaga."),
    ("AJ402", 143, "Oskab oma ja teiste", "Oskab teiste pingeid maha võtta."),
    # "olemuse" for "olemust"
    ("AJ402", 144, "Kuulab ja selgitab", "Kuulab ja selgitab probleemi olemust, et leida lahendus."),
    # "On avatud ja sõbralik." drops "koostööpartneritega"
    ("AJ402", 145, "On avatud ja sõbralik", "On koostööpartneritega avatud ja sõbralik."),
]


def _expect(path, rows):
    return sorted((code, line, col(path, line, words)) for code, line, words, _ in rows)


@pytest.mark.parametrize("path, rows", [(S000, EXPECTED_000), (S001, EXPECTED_001), (S002, EXPECTED_002),
                                        (seed("003"), []), (S004, EXPECTED_004)],
                         ids=["000", "001", "002", "003", "004"])
def test_seed_findings(registry, path, rows):
    diags = run(registry, [path])
    assert found(diags) == _expect(path, rows)
    places = by_place(diags)
    for code, line, words, approved in rows:
        d = places[(code, line, col(path, line, words))]
        if code == "AJ402":
            assert d.args["approved"] == approved
            assert approved in d.text("en") and approved in d.text("et")
        elif code == "AJ401":
            assert d.args["name"] == approved
            assert d.fix is not None and d.fix.applicability == "safe"


def test_seed_000_set_finding_names_the_evidence(registry):
    d = next(x for x in run(registry, [S000], ["AJ403"]))
    msg = d.text("en")
    assert "manages people" in msg and "3.12 'Alluvate teenistujate juhtimine ja arendamine'" in msg
    assert "Koostöövõime, Efektiivsus" in msg and "Meeskonnatöö, Eestvedamine" in msg
    # "Inimkaubandusohvrite teenuse juht": a service owner's title (teenusejuht) is not itself evidence
    assert "Ametinimetus" not in msg
    assert "juhib inimesi" in d.text("et")


def test_seed_001_set_finding_names_the_evidence(registry):
    d = next(x for x in run(registry, [S001], ["AJ403"]))
    msg = d.text("en")
    assert "manages nobody" in msg and "'Koordinaator'" in msg and "Meeskonnatöö, Eestvedamine" in msg


def test_seed_002_set_finding_names_the_evidence(registry):
    d = next(x for x in run(registry, [S002], ["AJ403"]))
    msg = d.text("en")
    assert "3.1 'Tiimi juhtimine ja arendamine'" in msg and "Ametinimetus: 'Tiimijuht'" in msg


def test_seed_004_manager_with_the_manager_set_is_not_reported(registry):
    # 1.6 Vahetud alluvad: Klienditeeninduse spetsialistid, and the list is the manager set
    assert not run(registry, [S004], ["AJ403", "AJ404", "AJ405"])


def test_ocr_noise_is_not_a_difference(registry):
    diags = run(registry, [S001])
    lines = {d.span.line for d in diags}
    # names garbled by OCR resolve: Meeskonnat60, Anallusi- ja dldistusvdime, Empaatiavbime
    assert not [d for d in diags if d.code == "AJ401"]
    # sentences that differ only by OCR damage: "Tagab usaldusvaarsuse oma pihendunud … t66ga" (247),
    # "Keskendub meeskonnatddle …" (267), the wrapped "loob selguse » tdokorralduses." (281-283),
    # "t66tegemiseks" (279, a compound spelled together), the Analüüsi- ja üldistusvõime definition (299)
    assert not lines & {247, 267, 279, 281, 283, 299, 303, 310, 318, 328}


def test_compound_spelling_and_spacing_are_not_reported(registry):
    # "tegutsemis-meetodeid" (000 line 86, 002 line 313) and "tegutsemismeetodeid" (003) are one compound;
    # 003 line 216 has two spaces in "kliendi  (nii"
    diags = run(registry, [S000, S002, seed("003")], ["AJ402"])
    assert not [d for d in diags if d.path.endswith(S000.name) and d.span.line == 86]
    assert not [d for d in diags if not d.path.endswith(S000.name)]


def test_fix_safety_on_seeds(registry):
    places = by_place(run(registry, [S000, S001, S004], ["AJ402"]))
    safe = {(S000, 94, "Põhjub veenvalt"), (S000, 95, "Valib sobivad meetodid"), (S004, 129, "Seab tegevused"),
            (S004, 144, "Kuulab ja selgitab")}
    unsafe = {(S001, 253, "Huvitub"), (S004, 121, "Kaasab ja innustab"), (S004, 145, "On avatud ja sõbralik")}
    for path, line, words in safe | unsafe:
        d = places[("AJ402", line, col(path, line, words))]
        want = "safe" if (path, line, words) in safe else "unsafe"
        assert d.fix is not None and d.fix.applicability == want, (path.name, line)


def _copies(tmp_path):
    out = []
    for p in (S000, S001, S002, seed("003"), S004):
        q = tmp_path / p.name
        shutil.copyfile(p, q)
        q.chmod(0o644)
        out.append(q)
    return out


def test_fix_turns_every_fixable_finding_into_the_approved_text(registry, tmp_path):
    files = _copies(tmp_path)
    engine = Engine(registry, selection=Selection(select=["AJ401", "AJ402"]))
    before = engine.run(engine.load(engine.discover([str(f) for f in files])))
    fixable = [d for d in before if d.fix is not None]
    # every AJ401 / AJ402 finding of the seeds listed above has a fix (32 of them)
    expected = [r for rows in (EXPECTED_000, EXPECTED_001, EXPECTED_002, EXPECTED_004) for r in rows
                if r[0] in ("AJ401", "AJ402")]
    assert len(fixable) == len(before) == len(expected) == 32
    docs = engine.load(engine.discover([str(f) for f in files]))
    outcomes = fix_documents(engine, docs, unsafe=True)
    texts = {Path(p).name: o.fixed for p, o in outcomes.items()}
    # the approved text is in place
    t000, t004 = texts[S000.name], texts[S004.name]
    assert "Põhjendab veenvalt oma seisukohti." in t000 and "Põhjub" not in t000
    assert "<p><b>Kliendikesksus:</b></p>" in t000 and "**Korrektsus**:" in t000
    assert "- **Suhete loomise oskus**: On koostööpartneritega avatud ja sõbralik.\n" in t004
    assert "Loob positiivse ja avatud õhkkonna ning meeskonnatunde. Tunnustab ja tähistab edu." in t004
    assert "Lahtub t66 korraldamisel kliendi (nii sise- kui väliskliendi) vajadustest" in texts[S001.name]
    # a second run finds none of them (only the findings without a fix remain: none on the seeds)
    again = engine.run(docs)
    assert [d for d in again if d.code in ("AJ401", "AJ402")] == []


def test_safe_fixes_alone_leave_the_unsafe_ones(registry, tmp_path):
    files = _copies(tmp_path)
    engine = Engine(registry, selection=Selection(select=["AJ401", "AJ402"]))
    docs = engine.load(engine.discover([str(f) for f in files]))
    fix_documents(engine, docs, unsafe=False)
    left = engine.run(docs)
    assert left and all(d.fix is not None and d.fix.applicability == "unsafe" for d in left)
    # every misspelling is gone: Põhjub, soovitude, usaldusväärset, Kliendikeskus, Korrektus …
    words = " ".join(d.text("en") for d in left)
    for gone in ("Põhjub", "soovitude", "usaldusväärset", "eesmäärke", "kokusaamisi", "Korrektus'"):
        assert gone not in words
