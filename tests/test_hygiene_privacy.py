"""AJ601 personal-id-code and AJ602 personal-contact: personal data in a published job description.

Expectations are written by hand from the fixtures in ``fixtures/hygiene/``; the check digit used to
generate codes here is an independent implementation of the algorithm in DOMAIN.md, not the rule's.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ajlint.builtin.rules.hygiene.aj601_personal_id_code import PersonalIdCode, is_personal_id_code
from ajlint.builtin.rules.hygiene.aj602_personal_contact import PersonalContact
from ajlint.document import build, read_document
from ajlint.readers.text import TextReader

from conftest import FIXTURES

HYG = FIXTURES / "hygiene"


def load(name: str):
    return read_document(HYG / name, name, [TextReader()])


def from_text(text: str, name: str = "doc.txt"):
    return build(name, TextReader().read(text.encode("utf-8"), name))


def at(diags) -> list[tuple[int, int]]:
    return [(d.span.line, d.span.column) for d in diags]


# -- an independent reference of the isikukood algorithm (DOMAIN.md) -------------------------------

def reference_check_digit(first10: str) -> int:
    digits = [int(c) for c in first10]
    total = sum(d * w for d, w in zip(digits, [1, 2, 3, 4, 5, 6, 7, 8, 9, 1]))
    if total % 11 != 10:
        return total % 11
    total = sum(d * w for d, w in zip(digits, [3, 4, 5, 6, 7, 8, 9, 1, 2, 3]))
    return total % 11 if total % 11 != 10 else 0


@st.composite
def valid_codes(draw) -> str:
    g = draw(st.integers(min_value=1, max_value=8))
    century = 1800 + 100 * ((g - 1) // 2)
    born = draw(st.dates(min_value=date(century, 1, 1), max_value=date(century + 99, 12, 31)))
    serial = draw(st.integers(min_value=0, max_value=999))
    first10 = f"{g}{born.year % 100:02d}{born.month:02d}{born.day:02d}{serial:03d}"
    return first10 + str(reference_check_digit(first10))


@st.composite
def wrong_check_digit(draw) -> str:
    first10 = draw(st.text(alphabet="0123456789", min_size=10, max_size=10))
    right = reference_check_digit(first10)
    last = draw(st.integers(min_value=0, max_value=9).filter(lambda d: d != right))
    return first10 + str(last)


TEMPLATE = """AMETIJUHEND

1. ÜLDOSA

1.1 Ametinimetus 1.2 Struktuuriüksus
Koordinaator Ohvriabi ja ennetusteenuste osakond

2. TÖÖKOHA EESMÄRK
Teenuste koordineerimine.

8. AMETIJUHENDI MUUTMINE
Töötaja: Jaan Tamm, isikukood {code}, kinnitatud.
"""
# "Töötaja: Jaan Tamm, isikukood " is 30 characters: the code starts at line 12, column 31
CODE_AT = (12, 31)


def test_hand_checked_codes():
    # 3 8 0 0 1 0 8 5 7 1 · 1 2 3 4 5 6 7 8 9 1 = 3+16+0+0+5+0+56+40+63+1 = 184; 184 mod 11 = 8
    assert is_personal_id_code("38001085718")
    assert not is_personal_id_code("38001085719")
    # 4 8 7 0 4 1 2 0 0 6: first weights give 87 (mod 11 = 10); 3 4 5 6 7 8 9 1 2 3 give 151, mod 11 = 8
    assert is_personal_id_code("48704120068")
    # 3 6 5 0 1 0 1 0 4 9: 87 (10), then 109 (10 again) -> check digit 0
    assert is_personal_id_code("36501010490")
    assert not is_personal_id_code("36501010491")
    # a valid check digit is not enough: 13th month (3+16+0+4+15+0+56+40+63+1 = 198, mod 11 = 0),
    # 30 February 1900 (3+0+0+0+10+18 = 31 -> 9), 29 February 2001 (5+0+3+0+10+12+63 = 93 -> 5)
    assert not is_personal_id_code("38013085710")
    assert not is_personal_id_code("30002300009")
    assert not is_personal_id_code("50102290005")
    # 29 February 2000 is a date (6+0+0+0+10+12+63 = 91 -> 3)
    assert is_personal_id_code("60002290003")
    # century digit 9 does not exist (9+16+0+0+5+0+56+40+63+1 = 190 -> 3)
    assert not is_personal_id_code("98001085713")


@settings(max_examples=300)
@given(valid_codes())
def test_every_valid_code_is_recognised(code):
    assert is_personal_id_code(code)


@settings(max_examples=300)
@given(wrong_check_digit())
def test_numbers_with_a_wrong_check_digit_are_not(code):
    assert not is_personal_id_code(code)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_codes())
def test_every_valid_code_is_found_in_a_document_and_masked(code):
    doc = from_text(TEMPLATE.format(code=code))
    found = list(PersonalIdCode().check(doc))
    assert at(found) == [CODE_AT]
    d = found[0]
    assert (d.span.end_line, d.span.end_column) == (12, 42)
    for lang in ("en", "et"):
        text = d.text(lang)
        assert code not in text and code[:7] not in text
        assert "*******" + code[-4:] in text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(wrong_check_digit())
def test_a_number_with_a_wrong_check_digit_is_not_reported(code):
    doc = from_text(TEMPLATE.format(code=code))
    assert list(PersonalIdCode().check(doc)) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(valid_codes(), st.sampled_from(["1", "12", "+", "0.", "5,"]), st.sampled_from(["", "7", "34"]))
def test_a_code_inside_a_longer_number_is_not_reported(code, before, after):
    if before in ("0.", "5,") and after == "":
        before += "1"  # keep it a decimal number: 0.1<code>
    doc = from_text(TEMPLATE.format(code=before + code + after))
    assert list(PersonalIdCode().check(doc)) == []


def test_privacy_fixture_id_codes():
    found = list(PersonalIdCode().check(load("privacy.txt")))
    # line 46: the employee's code in the signature block, "Mari Maasikas Jaan Tamm, isikukood 48704120068"
    # Not reported: 38001085719 (line 17, wrong check digit), 380010857181 (line 42, 12 digits),
    # +37251234567 (line 42, a phone number), 70001975 (registry code), 01.08.2023 (a date).
    assert at(found) == [(46, 36)]
    assert found[0].severity.value == "error"
    assert found[0].text("en") == ("Personal identification code (isikukood) *******0068 in the text: "
                                   "job descriptions are published, remove it")
    assert "48704120068" not in found[0].text("et") and "*******0068" in found[0].text("et")
    assert found[0].fix is None


def test_code_in_an_html_comment_is_still_found():
    # line 5: "<!-- koostanud personalitalitus, töötaja isikukood 36501010490 -->": a comment is
    # published with the file, so it is searched too
    assert at(PersonalIdCode().check(load("markup.html"))) == [(5, 52)]


def test_clean_document_has_no_personal_data():
    doc = load("clean.md")
    assert list(PersonalIdCode().check(doc)) == []
    # info@sotsiaalkindlustusamet.ee and infotelefon 612 1360 are the agency's listed contacts
    assert list(PersonalContact().check(doc)) == []


def test_privacy_fixture_contacts():
    found = list(PersonalContact().check(load("privacy.txt")))
    # line 41: "Küsimuste korral: Mari Maasikas, mari.maasikas@…, mobiil 5123 4567," — a person's address
    # (col 34) and mobile number (col 82); line 42: "lauatelefon 640 9876" (col 13, announced as a
    # phone) and "WhatsApp +37251234567" (col 32). Not reported: info@sotsiaalkindlustusamet.ee
    # (line 39) and the info line 612 1360 / +372 612 1360 (line 40), listed in rules/hygiene.toml.
    assert at(found) == [(41, 34), (41, 82), (42, 13), (42, 32)]
    assert [d.args for d in found] == [
        {"value": "m…@sotsiaalkindlustusamet.ee"},
        {"value": "*****567"},
        {"value": "****876"},
        {"value": "********567"},
    ]
    email = found[0]
    assert (email.span.end_line, email.span.end_column) == (41, 73)
    assert all(d.severity.value == "warning" for d in found)
    for d in found:
        for lang in ("en", "et"):
            assert "maasikas@" not in d.text(lang) and "5123 4567" not in d.text(lang)


def test_numbers_that_are_not_phone_numbers():
    doc = from_text(TEMPLATE.format(code="puudub") + (
        "Eelarve 5 000 000 eurot, registrikood 70001975, konto EE382200221020145685.\n"
        "Kehtib alates 01.08.2023; viitenumber 2900082418; töötasu 2500 eurot.\n"
        "Telefoni teel nõustamine (tel 1247) ja kirjalik nõustamine.\n"
    ))
    assert list(PersonalContact().check(doc)) == []


def test_phone_forms():
    doc = from_text(TEMPLATE.format(code="puudub") + (
        "Kontakt: tel. 640 9876; GSM: 5512 3456; 00372 5345 6789; mob nr 53456789.\n"
    ))
    # line 13: each of the four is a personal number ("tel. 640 9876" is announced as a phone)
    assert at(PersonalContact().check(doc)) == [(13, 15), (13, 30), (13, 41), (13, 65)]
