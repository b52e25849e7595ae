"""AJ502 undefined-abbreviation, AJ503 list-style, AJ504 whitespace, AJ505 placeholder-text on the
fixtures in ``fixtures/hygiene/`` (expectations written by hand from those documents), their fixes
applied to the text, the data file, and robustness on odd input."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ajlint.builtin.rules.hygiene import RULES
from ajlint.builtin.rules.hygiene.aj502_undefined_abbreviation import UndefinedAbbreviation
from ajlint.builtin.rules.hygiene.aj503_list_style import ListStyle
from ajlint.builtin.rules.hygiene.aj504_whitespace import Whitespace
from ajlint.builtin.rules.hygiene.aj505_placeholder_text import PlaceholderText
from ajlint.builtin.rules.hygiene.data import HygieneFile
from ajlint.builtin.rules.hygiene.textview import build as build_view
from ajlint.data import data_dir
from ajlint.datafiles import DataFileError, load_toml_model
from ajlint.document import build, read_document
from ajlint.readers.text import TextReader

from conftest import FIXTURES

HYG = FIXTURES / "hygiene"


def load(name: str):
    return read_document(HYG / name, name, [TextReader()])


def from_text(text: str, name: str):
    return build(name, TextReader().read(text.encode("utf-8"), name))


def at(diags) -> list[tuple[int, int]]:
    return [(d.span.line, d.span.column) for d in diags]


def apply(text: str, diags) -> str:
    """Apply every edit of every fix, as ``ajlint --fix`` will (edits never overlap)."""
    edits = sorted((e for d in diags if d.fix for e in d.fix.edits), key=lambda e: e.start)
    for a, b in zip(edits, edits[1:]):
        assert a.end <= b.start, "overlapping edits"
    for e in reversed(edits):
        text = text[:e.start] + e.replacement + text[e.end:]
    return text


# -- AJ502 undefined-abbreviation ------------------------------------------------------------------

def test_abbreviations_fixture():
    found = list(UndefinedAbbreviation().check(load("abbreviations.md")))
    # line 13 (purpose): "Ametikoha eesmärk on SKA noortegarantii …" uses SKA at col 22, and only the
    # end of the same sentence defines it: "Sotsiaalkindlustusameti (edaspidi SKA)" (col 184).
    # line 13: "NEET-noortega" (col 110) and line 20 "NEET-olukorras": never defined.
    # line 19: "HTM (sh allasutused)" (col 50) is an aside, not an expansion; "HTM-i" follows on line 19.
    assert at(found) == [(13, 22), (13, 110), (19, 50)]
    late, neet, htm = found
    assert late.args == {"abbr": "SKA", "count": 1, "def_line": 13}
    assert late.text("en") == ("Abbreviation 'SKA' is used before its definition on line 13 (1× before it); "
                               "define it at its first use")
    assert neet.args == {"abbr": "NEET", "count": 2}
    assert htm.args == {"abbr": "HTM", "count": 2}
    assert (neet.span.end_line, neet.span.end_column) == (13, 114)
    assert "(edaspidi NEET)" in neet.text("et") and "selgitamata" in neet.text("et")
    assert all(d.severity.value == "info" for d in found)
    # Not reported: KOV ("kohalike omavalitsustega (KOV)", line 13, before KOVide/KOVid/KOV-ide),
    # PPA ("PPA (Politsei- ja Piirivalveamet)", line 19), EL, ESF, IT, MS (well known), II (a Roman
    # numeral), TÖÖTUKASSA (a word in capitals) and the headings in capitals.
    reported = {d.args["abbr"] for d in found}
    assert reported.isdisjoint({"KOV", "PPA", "EL", "ESF", "IT", "MS", "II", "TÖÖTUKASSA", "ÜLDOSA"})


def test_defined_abbreviations_are_not_reported():
    # clean.md: "Sotsiaalkindlustusameti (edaspidi SKA)" and "kohalike omavalitsuste (KOV)" before
    # their later uses SKA, KOVide, KOVid; ESF and EL-i are well known; "II ja IV kvartalis" are numerals
    assert list(UndefinedAbbreviation().check(load("clean.md"))) == []


def test_placeholder_markers_are_not_abbreviations():
    # placeholders.md line 19 holds "TODO: lisada mõõdik": AJ505's finding, not an abbreviation
    assert list(UndefinedAbbreviation().check(load("placeholders.md"))) == []


def test_definition_forms():
    text = (HEAD_TXT
            + "Koostöö Politsei- ja Piirivalveametiga (edaspidi ka „PPA“), Haridus- ja Noorteametiga\n"
            + "(edaspidi: HARNO) ning töötukassaga. NEET (mittetöötavad ja mitteõppivad noored) noorte\n"
            + "toetamine koos PPA, HARNO ja NEET-noorte esindajatega.\n")
    assert list(UndefinedAbbreviation().check(from_text(text, "forms.txt"))) == []


def test_well_known_abbreviation_with_an_expansion_defines_nothing_else():
    # a well-known abbreviation is dropped with the line's other non-candidates; its parenthesis is an
    # expansion of it, not of the abbreviation that follows
    text = HEAD_TXT + "Koostöö EL (Euroopa Liit) ja KOV (kohalikud omavalitsused) ning SKA ja ESF (fond) SKA-ga.\n"
    found = list(UndefinedAbbreviation().check(from_text(text, "wk.txt")))
    assert [(d.args["abbr"], d.args["count"], d.span.column) for d in found] == [("SKA", 2, 65)]


def test_a_definition_in_parentheses_is_found_in_every_document():
    # each parenthesis's reading is kept by its content: the second document gets it from the memo
    for name in ("a.txt", "b.txt"):
        text = HEAD_TXT + "Kohalike omavalitsuste (edaspidi KOV) ja KOVide töö; HTM (sh koolid) ja HTM.\n"
        found = list(UndefinedAbbreviation().check(from_text(text, name)))
        assert [(d.args["abbr"], d.args["count"]) for d in found] == [("HTM", 2)], name


HEAD_TXT = """AMETIJUHEND

1. ÜLDOSA

1.1 Ametinimetus 1.2 Struktuuriüksus
Koordinaator Ohvriabi ja ennetusteenuste osakond

2. TÖÖKOHA EESMÄRK
"""


# -- AJ503 list-style ------------------------------------------------------------------------------

def test_lists_in_pdf_text():
    doc = load("lists.txt")
    found = list(ListStyle().check(doc))
    # line 29: the results of duty 3.2 are "• … ▪ … •": the results of this document use • (4 of 5),
    # so ▪ is the odd one out.
    # line 36: the rights are "▪ ▪ •": rights use ▪, so the • of "osaleda töörühmades" is.
    # Not reported: duty 3.1 writes its sub-items with ▪ (lines 19-21) and its results with • (23-24):
    # two lists, each consistent.
    assert at(found) == [(29, 1), (36, 1)]
    results, rights = found
    assert results.args == {"styles": "'•' ×2, '▪' ×1", "target": "•"}
    assert rights.args == {"styles": "'▪' ×2, '•' ×1", "target": "▪"}
    assert results.text("en") == "This list mixes bullets '•' ×2, '▪' ×1; use '•' as in the document's other lists"
    assert all(d.fix.applicability == "safe" for d in found)
    fixed = apply(doc.text, found).split("\n")
    assert fixed[28] == "• Teenuse kvaliteeti on hinnatud."
    assert fixed[35] == "▪ osaleda töörühmades ja koolitustel."
    assert list(ListStyle().check(from_text("\n".join(fixed), "lists.txt"))) == []


def test_lists_in_markdown():
    doc = load("lists.md")
    found = list(ListStyle().check(doc))
    # line 14, col 121: "<li>• Otsused on põhjendatud.</li>" between two ▪ results
    # line 20: "* osaleda koolitustel;" between two "- " items of the rights
    # line 28: Koostöövõime's indicators are "<li>▪ Tajub …" (line 26) then "- Tegutseb …", "- Täidab …";
    #          the competency lists of the document use ▪ three times and - twice.
    assert at(found) == [(14, 121), (20, 1), (28, 1)]
    res, rights, comp = found
    assert res.fix.applicability == "safe"
    # "*" and "-" are both markdown list markers: swapping them keeps the list a list
    assert rights.fix.applicability == "safe" and rights.args["target"] == "-"
    # turning the markdown markers "- " into a written "▪" makes the lines a paragraph: unsafe
    assert comp.fix.applicability == "unsafe" and comp.args["target"] == "▪"
    assert [doc.text[e.start:e.end] for e in comp.fix.edits] == ["-", "-"]
    fixed = apply(doc.text, found).split("\n")
    assert fixed[13].count("▪") == 3 and "•" not in fixed[13]
    assert fixed[19] == "- osaleda koolitustel;"
    assert fixed[27].startswith("▪ Tegutseb") and fixed[28].startswith("▪ Täidab")


def test_lists_in_html():
    # line 22: "<LI>▪ … </LI><LI>• osaleda koolitustel;</LI><LI>▪ …": the bullet characters written
    # inside <li> items; the <li> items of the duties table (line 19) carry no character at all.
    found = list(ListStyle().check(load("markup.html")))
    assert at(found) == [(22, 48)] and found[0].fix.applicability == "safe"


def test_consistent_lists_are_not_reported():
    assert list(ListStyle().check(load("clean.md"))) == []
    assert list(ListStyle().check(load("privacy.txt"))) == []


# -- AJ504 whitespace ------------------------------------------------------------------------------

def test_whitespace_in_markdown():
    doc = load("whitespace.md")
    found = list(Whitespace().check(doc))
    # line 13: "teenuse  kvaliteedi" (col 50); line 28: "teenistusülesannete  õigeaegse" (col 22);
    # line 36: "Inglise keele<TAB>oskus" (col 44), a tab inside a sentence;
    # line 24: "juhiga. " ends with a space: the only line that does, so one finding on it.
    # Not reported: the padding "Struktuuriüksus   |" of the pipe table (line 7), the spaces after
    # the <ul> tag (line 19), the markdown hard breaks "infot;␣␣" (line 23) and "**Haridus**␣␣"
    # (line 32), the tab after "C1-tasemel." that starts a new sentence (line 36).
    assert at(found) == [(13, 50), (28, 22), (36, 44), (24, 43)]
    assert [d.args for d in found] == [{"count": 2}, {"count": 2}, {}, {}]
    assert found[2].text("en") == "Tab inside a sentence; use a space"
    assert found[3].text("et") == "Rea lõpus on tühikud või tabulaatorid"
    assert all(d.fix.applicability == "safe" for d in found)
    fixed = apply(doc.text, found)
    lines = fixed.split("\n")
    assert lines[12] == "| Teenistuskoha eesmärk | Asendushoolduse teenuse kvaliteedi arendamine. |"
    assert lines[23] == "- teha kaugtööd kokkuleppel vahetu juhiga."
    assert lines[35] == "Eesti keele oskus C1-tasemel.\tInglise keele oskus B2-tasemel."
    assert lines[22].endswith("infot;  ") and lines[31] == "**Haridus**  "  # hard breaks kept
    assert list(Whitespace().check(from_text(fixed, "whitespace.md"))) == []


def test_whitespace_in_pdf_text():
    doc = load("whitespace.txt")
    found = list(Whitespace().check(doc))
    # line 12: "2.  TÖÖKOHA EESMÄRK"; line 13: "arendamine  ja"; line 17: "ja         koolituste" (9 spaces
    # before a lower-case word: a slip, not a column); 22 lines end with a space: one finding for all,
    # on line 1. Not reported: "1.1 Ametinimetus      1.2 Struktuuriüksus" and "Koordinaator
    # Ohvriabi …" (lines 6-7): gaps before a capital or digit are the columns of the extracted grid.
    assert at(found) == [(12, 3), (13, 39), (17, 40), (1, 30)]
    trailing = found[3]
    assert trailing.args == {"count": 22, "first": 1, "last": 30}
    assert trailing.text("en") == "22 lines end with spaces or tabs (lines 1–30); remove them all at once"
    assert len(trailing.fix.edits) == 22
    fixed = apply(doc.text, found)
    assert "3.1. Tugisüsteemi juhendi arendamine ja koolituste korraldamine.\n" in fixed
    assert not any(ln.endswith(" ") for ln in fixed.split("\n"))
    assert "1.1 Ametinimetus      1.2 Struktuuriüksus\n" in fixed
    assert list(Whitespace().check(from_text(fixed, "whitespace.txt"))) == []


def test_whitespace_is_not_checked_in_html():
    # markup.html has "Pensioniosakond,   menetlustalitus" and "menetlemine.   </P>": HTML collapses them
    assert list(Whitespace().check(load("markup.html"))) == []


def test_tab_grids_are_layout():
    # abbreviations.md and lists.md are tab-separated grids (lines 5-9, 17-20): no tab is in a sentence
    assert list(Whitespace().check(load("abbreviations.md"))) == []
    assert list(Whitespace().check(load("clean.md"))) == []


_OLD_DOUBLE = re.compile(r"(?<=\S) {2,}(?=\S)")
_OLD_TRAILING = re.compile(r"[ \t\xa0]+$", re.M)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab \t\xa0\n", max_size=60))
def test_whitespace_scans_find_what_the_plain_patterns_find(text):
    # AJ504 looks for runs of spaces and at each line's last character instead of running these two
    # patterns (which try a match at every character); in a plain text without capitals, digits, markup
    # or tab grids, its doubled-space findings and trailing edits are exactly the patterns' matches
    found = list(Whitespace().check(from_text(text, "t.txt")))
    doubles = [(d.fix.edits[0].start, d.fix.edits[0].end) for d in found if d.fix.description == "replace the spaces with one"]
    trailing = [(e.start, e.end) for d in found
                if d.fix.description == "remove whitespace at the ends of lines" for e in d.fix.edits]
    assert doubles == [m.span() for m in _OLD_DOUBLE.finditer(text)]
    assert trailing == [m.span() for m in _OLD_TRAILING.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="KOVÕsiäk -&@\n", max_size=60))
def test_line_matches_are_the_matches_in_the_text(text):
    # AJ502 takes its tokens line by line from a memo: the same matches, at the same offsets, as one
    # search of the whole text (its pattern never crosses a line break)
    from ajlint.builtin.rules.hygiene.aj502_undefined_abbreviation import _TOKEN

    tv = build_view(text, "text")
    got = [(start + m.start(), m.group()) for start, m in tv.line_matches(_TOKEN)]
    assert got == [(m.start(), m.group()) for m in _TOKEN.finditer(text)]
    assert [(start + m.start(), m.group()) for start, m in tv.line_matches(_TOKEN)] == got  # from the memo


# -- AJ505 placeholder-text ------------------------------------------------------------------------

def test_placeholders_fixture():
    found = list(PlaceholderText().check(load("placeholders.md")))
    by_pos = {(d.span.line, d.span.column): d.args["text"] for d in found}
    # line 7: "Lastekaitse osakond, [talituse nimi]"; line 8: title "XXX"; line 19: "TODO: lisada mõõdik";
    # line 37: "Vähemalt xxx aastat"; line 44: "Kinnitanud: ____________": leftovers wherever they are.
    # line 12: "Teenistuja asendaja | … |" and line 20: the result "▪ ..." hold nothing else.
    # Not reported: "Alluvad | - |" (line 10, "none"), the markdown link "[juhend](https://…)"
    # (line 13), the markdown rule "___" (line 42).
    assert sorted(by_pos) == [(7, 42), (8, 19), (12, 25), (19, 75), (20, 41), (37, 10), (44, 13)]
    assert by_pos == {
        (7, 42): "[talituse nimi]", (8, 19): "XXX", (12, 25): "…", (19, 75): "TODO",
        (20, 41): "...", (37, 10): "xxx", (44, 13): "____________",
    }
    alone = sorted((d.span.line, d.span.column) for d in found if d.text("en").startswith("The field holds only"))
    assert alone == [(12, 25), (20, 41)]
    assert all(d.severity.value == "warning" and d.fix is None for d in found)


def test_no_placeholders_in_finished_documents():
    for name in ("clean.md", "lists.txt", "privacy.txt", "abbreviations.md"):
        assert list(PlaceholderText().check(load(name))) == [], name


def test_placeholder_inside_a_word_is_not_one():
    text = HEAD_TXT + "Rõivasuurus XXXL ja TODOd ei ole kohatäited; [nimi] on.\n"
    found = list(PlaceholderText().check(from_text(text, "words.txt")))
    assert [d.args["text"] for d in found] == ["[nimi]"]


@pytest.mark.parametrize("pattern, prefix", [
    ("XXX+", "XX"), ("TODO", "TODO"), (r"N\.\s?N\.", "N."), (r"\[\s*x", "["), ("ab?c", "a"), ("a*b", ""),
    ("TODO|FIXME", ""), ("(?i)todo", ""), ("(?x) T O", "TO"), ("[.…]{2,}|…", ""), ("(?:ab)c", "abc"),
])
def test_literal_prefix(pattern, prefix):
    from ajlint.builtin.rules.hygiene.data import literal_prefix

    assert literal_prefix(re.compile(pattern)) == prefix


def test_literal_prefix_without_the_re_parser_is_none(monkeypatch):
    # the prefix comes from the re module's private parser: where it is missing, every pattern is scanned
    import sys

    from ajlint.builtin.rules.hygiene.data import literal_prefix

    monkeypatch.delattr(re, "_parser")
    monkeypatch.setitem(sys.modules, "re._parser", None)
    assert literal_prefix(re.compile("TODO")) == ""


_GATE_PATTERNS = ("XXX+", "TODO", r"N\.\s?N\.", r"\[\s*a", "a\nb", "TODO|N", "(?i)todo", "b*a", "____+")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="XTODNab.[_ \n", max_size=50))
def test_placeholder_gate_keeps_every_pattern_that_matches(text):
    # AJ505 scans only the patterns whose literal prefix stands on a line of the text (and those without
    # one): a pattern it leaves out matches nowhere in the text, across line breaks too
    from ajlint.builtin.rules.hygiene.aj505_placeholder_text import may_match
    from ajlint.builtin.rules.hygiene.data import literal_prefix

    rxs = [re.compile(p) for p in _GATE_PATTERNS]
    prefixes = tuple(map(literal_prefix, rxs))
    for _ in range(2):  # the second time from the memo
        may = may_match(build_view(text, "text"), prefixes)
        assert may == {i for i, (rx, p) in enumerate(zip(rxs, prefixes)) if not p or "\n" in p or p in text}
        assert all(i in may for i, rx in enumerate(rxs) if rx.search(text))


# -- data, documentation, robustness ---------------------------------------------------------------

def test_data_file_rejects_a_broken_pattern(tmp_path):
    good = (data_dir("rules") / "hygiene.toml").read_text(encoding="utf-8")
    bad = good.replace("'XXX+', 'xxx+',", "'XXX(', 'xxx+',")
    assert bad != good
    p = tmp_path / "hygiene.toml"
    p.write_text(bad, encoding="utf-8")
    with pytest.raises(DataFileError, match=r"placeholders\.patterns\.0.*regular expression"):
        load_toml_model(p, HygieneFile)


_MARKUP_BITS = ["<li>", "</li>", "<b", "<B>", ">", "<", "/", "<br/>", "<nimi>", '<ul style="a">', "\n", " ", "a",
                "<p\n>", "x>", "<a\nhref=1>", "<-", "<1>", "▪"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_MARKUP_BITS), max_size=25), st.sampled_from(["markdown", "html"]))
def test_tags_blanked_line_by_line_equal_a_search_of_the_whole_text(bits, fmt):
    # tags are blanked line by line (each line's result kept by its text) unless one may span lines:
    # the masked text and the markup ranges are those a search of the whole text gives
    from ajlint.builtin.rules.hygiene.textview import _markup_whole

    text = "".join(bits)
    lines = text.split("\n")
    starts = [0]
    for ln in lines[:-1]:
        starts.append(starts[-1] + len(ln) + 1)
    markup = [()] * len(lines)
    masked = _markup_whole(text, fmt, lines, starts, markup) or lines
    for _ in range(2):  # the second time from the memo
        tv = build_view(text, fmt)
        assert tv.masked == masked and tv.markup == markup
        assert tv.masked_text == "\n".join(masked) and len(tv.masked_text) == len(text)


def test_view_keeps_positions():
    text = 'a <li>▪ KOV</li> b <!-- ajlint: x\nKOV --> c\n'
    tv = build_view(text, "markdown")
    assert len(tv.masked_text) == len(text)
    # "<li>" (4), "</li>" (5), "<!-- ajlint: x" (14) and "KOV -->" (7) become spaces
    assert tv.masked[0] == "a     ▪ KOV      b " + " " * 14
    assert tv.masked[1] == "        c"
    assert tv.pos(text.index("b")) == (1, 18)


ODD = [
    "",
    "\n\n\n",
    "AMETIJUHEND\n1. ÜLDOSA\n<!-- never closed\nKOV (\n",
    "▪\n•\n-\n»\n= \n* \n",
    "| | |\n|--|--|\n|  |  |\n\t\t\n   \n",
    "XXX\n…\n[]\n[ ]\n<>\n{}\n____\n",
    "11111111111 22222222222 +372 5 5 5 5 5 5 5 5 @ a@ @b .@. 5123 4567 8901 2345\n",
    "(edaspidi ) () (KOV (PPA)) SKA(\nÕÄÖÜ ŠŽ ÕÕÕÕÕÕÕÕ A\tb\tc\n",
]


@pytest.mark.parametrize("text", ODD)
@pytest.mark.parametrize("fmt", ["doc.md", "doc.txt", "doc.html"])
def test_rules_never_raise_on_odd_input(text, fmt):
    for seed_head in ("", HEAD_TXT):
        doc = from_text(seed_head + text, fmt)
        if doc.model is None:
            continue
        for rule in RULES:
            list(rule().check(doc))
