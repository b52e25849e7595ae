"""Every layout of the general part and of the duties gives the same facts; headings are recognised
case-, diacritic- and OCR-insensitively. Expectations are written from the documents below."""

from __future__ import annotations

from pathlib import Path

import pytest

from ajlint.document import read_document
from ajlint.plugins import default_registry

from conftest import FIXTURES

REG = default_registry()


def parse_text(tmp_path: Path, text: str, name: str = "doc.md"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return read_document(p, name, REG.readers)


TAIL = """
2. AMETIKOHA EESMÄRK

Pensionide menetlemine.

3. TEENISTUSKOHUSTUSED

3.1 Taotluste menetlemine.
▪ Taotlused on menetletud.

4. ÕIGUSED
- saada infot.
"""


def refs(rs):
    return [r.text for r in rs]


def test_tab_grid(tmp_path):
    doc = parse_text(tmp_path, "AMETIJUHEND\n\n1. ÜLDOSA\n\n"
                     "1.1 Ametinimetus\t1.2 Struktuuriüksus\n"
                     "Peaspetsialist\tPensioniosakond, menetlustalitus\n\n"
                     "1.3 Vahetu juht\t1.4 Kes asendab\t1.5 Keda asendab\n"
                     "Talituse juhataja\tJuhtivspetsialist, peaspetsialist\tJuhtivspetsialisti\n" + TAIL)
    m = doc.model
    assert m.title.text == "Peaspetsialist" and (m.title.line, m.title.column) == (6, 1)
    assert m.unit.text == "Pensioniosakond, menetlustalitus" and m.unit.column == 16
    assert m.manager.text == "Talituse juhataja"
    assert refs(m.substitutes) == ["Juhtivspetsialist", "peaspetsialist"]
    assert (m.substitutes[1].line, m.substitutes[1].column) == (9, 38)
    assert refs(m.substitutes_for) == ["Juhtivspetsialisti"]
    assert not m.layout_guesses


def test_space_joined_and_wrapped_cells(tmp_path):
    # PDF text: the cells of a row joined by spaces, a long cell wrapped onto the next line
    doc = parse_text(tmp_path, "AMETIJUHEND\n\n1. ÜLDOSA\n\n"
                     "1.1 Ametinimetus 1.2 Struktuuriüksus\n\n"
                     "Nõunik Lastekaitse osakond,\nasendushoolduse talitus (hoolduspere tiim)\n\n"
                     "1.3 Vahetu juht 1.4 Kes asendab 1.5 Keda asendab\n\n"
                     "Talituse juhataja Peaspetsialist,\nnõunik\n\nPeaspetsialisti, nõunikku\n" + TAIL, "doc.txt")
    m = doc.model
    assert m.title.text == "Nõunik"
    assert m.unit.text == "Lastekaitse osakond, asendushoolduse talitus (hoolduspere tiim)"
    assert (m.unit.line, m.unit.column, m.unit.end_line) == (7, 8, 8)
    assert m.manager.text == "Talituse juhataja"
    assert refs(m.substitutes) == ["Peaspetsialist", "nõunik"]
    assert refs(m.substitutes_for) == ["Peaspetsialisti", "nõunikku"]
    assert (m.substitutes_for[1].line, m.substitutes_for[1].column) == (15, 18)
    assert not m.layout_guesses  # every cut was certain: a capital after a word without a comma


def test_labels_first_then_values(tmp_path):
    # OCR of a scanned grid: the labels, then the values in the same order
    doc = parse_text(tmp_path, "AMETIJUHEND\n\n1. ULDOSA\n\n1.1 Ametinimetus\n\n1.2 Struktuuriuksus\n\n"
                     "Jurist\n\nOigusosakond\n\n1.3 Vahetu juht\n\n1.4 Kes asendab\n\n1.5 Keda asendab\n\n"
                     "Osakonna juhataja\n\nVanemjurist\n\nVanemjuristi\n" + TAIL, "doc.txt")
    m = doc.model
    assert (m.title.text, m.unit.text, m.manager.text) == ("Jurist", "Oigusosakond", "Osakonna juhataja")
    assert refs(m.substitutes) == ["Vanemjurist"] and refs(m.substitutes_for) == ["Vanemjuristi"]
    assert not m.layout_guesses


def test_ambiguous_layout_is_recorded_with_the_guess(tmp_path):
    # four value blocks for three labels: one pairing has to be guessed
    doc = parse_text(tmp_path, "AMETIJUHEND\n\n1. ÜLDOSA\n\n1.1 Ametinimetus 1.2 Struktuuriüksus\n\n"
                     "Jurist Õigusosakond\n\n1.3 Vahetu juht\n\n1.4 Kes asendab\n\n1.5 Keda asendab\n\n"
                     "Juhataja\n\nvanemjurist\n\nJurist, nõunik,\n\nVanemjuristi\n" + TAIL, "doc.txt")
    m = doc.model
    assert len(m.layout_guesses) == 1
    g = m.layout_guesses[0]
    assert g.fields == ["manager", "substitutes", "substitutes_for"]
    assert "1.4 Kes asendab" in g.guess and g.line == 15  # at the first value block


def test_key_value_lines_ats_generic():
    doc = read_document(FIXTURES / "other" / "ats-jurist.txt", "ats-jurist.txt", REG.readers)
    m = doc.model
    assert m.profile == "ats-generic" and m.kind == "ametnik"
    assert m.unit.text == "Õigusosakond" and (m.unit.line, m.unit.column) == (5, 32)
    assert m.title.text == "Jurist"
    assert m.manager.text == "õigusosakonna juhatajale"  # Allub takes the allative
    assert refs(m.substitutes) == ["vanemjurist", "teine jurist"]  # 1.5 Asendaja
    assert refs(m.substitutes_for) == ["vanemjuristi"]  # 1.6 Asendab
    assert [(d.number, len(d.results)) for d in m.duties] == [("3.1.", 1), ("3.2.", 2)]
    assert m.requirements.education.text == "õigusteaduse magistrikraad."
    assert [(x.language, x.level) for x in m.requirements.languages] == [("eesti", "C1")]


def test_key_value_table_ska_2024():
    doc = read_document(FIXTURES / "other" / "ska2024-noustaja.md", "n.md", REG.readers)
    m = doc.model
    assert m.profile == "ska-2024"
    assert (m.title.text, m.unit.text) == ("Nõunik", "Lastekaitse osakond, asendushoolduse talitus")
    assert m.manager.text == "Talituse juhataja"
    assert m.direct_reports == [] and m.direct_reports_none  # "Alluvad | -"
    assert refs(m.substitutes_for) == ["Peaspetsialisti", "juhtivspetsialisti (lastemaja)"]
    assert m.substitutes_for[1].qualifier == "lastemaja"
    assert refs(m.substitutes) == ["Peaspetsialist"]
    assert m.purpose.text.startswith("Asendushoolduse teenuse kvaliteedi arendamine")
    assert [(d.number, len(d.results)) for d in m.duties] == [("2.1", 1), ("2.2", 2)]
    assert [(x.language, x.level) for x in m.requirements.languages] == [("eesti", "C1"), ("inglise", "B2")]


def test_html_document():
    doc = read_document(FIXTURES / "other" / "ska2023-spetsialist.html", "s.html", REG.readers)
    m = doc.model
    assert m.info.format == "html" and m.profile == "ska-2023"
    assert m.title.text == "Peaspetsialist" and (m.title.line, m.title.column) == (9, 9)
    assert m.unit.text == "Pensioniosakond, menetlustalitus"
    assert refs(m.substitutes_for) == ["Juhtivspetsialisti"]
    assert m.purpose.text == "Pensionide menetlemine & klientide nõustamine."
    assert [(d.number, len(d.results)) for d in m.duties] == [("3.1", 2), ("3.2", 1)]
    assert [r.text for r in m.rights] == ["saada tööks vajalikku infot;", "osaleda koolitustel."]
    assert m.review_clause is not None and len(m.signatures) == 1


@pytest.mark.parametrize("heading,key,exact", [
    ("2. AMETIKOHA EESMÄRK", "purpose", True),
    ("2. Ametikoha eesmärk", "purpose", True),        # case
    ("2. AMETIKOHA EESMARK", "purpose", True),        # lost diacritics
    ("## 3. TOOULESANDED", "duties", True),           # markdown heading, lost diacritics
    ("4. OIGUSED", "rights", True),
    ("TO0VAHENDID", "equipment", True),               # OCR digit for a letter
    ("7. AMETIKOHALE ESITATAVAD NOUDEED", "requirements", False),  # small damage: approximate
    ("5. VASTUTSU", "responsibilities", False),
])
def test_heading_recognition(tmp_path, heading, key, exact):
    doc = parse_text(tmp_path, f"AMETIJUHEND\n\n1. ÜLDOSA\n\n1.1 Ametinimetus\tJurist\n\n{heading}\n\nTekst.\n")
    secs = {s.key: s for s in doc.model.sections}
    assert key in secs and secs[key].exact is exact


def test_sentence_is_not_a_heading(tmp_path):
    doc = parse_text(tmp_path, "AMETIJUHEND\n\n1. ÜLDOSA\n\n2. EESMÄRK\n\nVastutus on suur ja töö on vastutusrikas.\n")
    assert [s.key for s in doc.model.sections] == ["general", "purpose"]


def test_page_break_continues_a_pipe_table():
    # seed 004 line 33-35: the table goes on after a page break with an empty first cell
    doc = read_document(FIXTURES / "004_d7ebda7c62b62982.txt", "004", REG.readers)
    d32 = next(d for d in doc.model.duties if d.number == "3.2")
    assert len(d32.results) == 7 and d32.results[4].line == 35


def test_empty_tab_cell_keeps_its_column(tmp_path):
    # 1.4 Kes asendab left empty: 1.5's value must stay 1.5's
    doc = parse_text(tmp_path, "AMETIJUHEND\n\n1. ÜLDOSA\n\n1.1 Ametinimetus\t1.2 Struktuuriüksus\n"
                     "Jurist\tÕigusosakond\n\n1.3 Vahetu juht\t1.4 Kes asendab\t1.5 Keda asendab\n"
                     "Osakonna juhataja\t\tVanemjuristi\n" + TAIL)
    m = doc.model
    assert m.manager.text == "Osakonna juhataja"
    assert m.substitutes == []
    assert refs(m.substitutes_for) == ["Vanemjuristi"] and m.substitutes_for[0].column == 20
