import re
from datetime import date

from ajlint.diagnostics import Message, Severity
from ajlint.ltext import Span
from ajlint.rule import Rule

from ajlint.builtin.rules.hygiene.textview import view

# 11 digits starting with the century/sex digit 1-8; the surroundings are checked in code (a leading
# lookbehind would make the scan several times slower)
_CANDIDATE = re.compile(r"[1-8]\d{10}")
_W1 = (1, 2, 3, 4, 5, 6, 7, 8, 9, 1)
_W2 = (3, 4, 5, 6, 7, 8, 9, 1, 2, 3)


def check_digit(first10: str) -> int:
    """The isikukood check digit of the first ten digits (weights 1…9,1; then 3…9,1,2,3; then 0)."""
    d = [int(c) for c in first10]
    s = sum(x * w for x, w in zip(d, _W1)) % 11
    if s == 10:
        s = sum(x * w for x, w in zip(d, _W2)) % 11
        if s == 10:
            s = 0
    return s


def birth_date(code: str) -> date | None:
    """The birth date an 11-digit code encodes, or None when it is not a calendar date."""
    g = int(code[0])
    if not 1 <= g <= 8:
        return None
    year = 1800 + 100 * ((g - 1) // 2) + int(code[1:3])
    try:
        return date(year, int(code[3:5]), int(code[5:7]))
    except ValueError:
        return None


def is_personal_id_code(s: str) -> bool:
    """True for an Estonian personal identification code: GYYMMDDSSSC with a valid date and check digit."""
    if len(s) != 11 or not s.isascii() or not s.isdigit():
        return False
    return birth_date(s) is not None and check_digit(s[:10]) == int(s[10])


def mask(code: str) -> str:
    """All but the last four digits hidden: '*******5718'."""
    return "*" * (len(code) - 4) + code[-4:]


class PersonalIdCode(Rule):
    """A personal identification code (isikukood) appears in the text.

    What it does
        Finds Estonian personal identification codes: 11 digits ``GYYMMDDSSSC`` whose first digit
        (1–8) gives the century and sex, followed by a real calendar date, a serial number and a
        valid check digit (weights 1 2 3 4 5 6 7 8 9 1, sum modulo 11; when that gives 10, weights
        3 4 5 6 7 8 9 1 2 3; when that gives 10 again, 0). Numbers that only look like a code are
        not reported: an impossible date or a wrong check digit, a run of more than 11 digits, an
        international phone number (``+3725…``). The whole text is searched, markup and HTML
        comments included: a code hidden in a comment is published all the same. The message never
        repeats the code; it shows only its last four digits.

    Why it matters
        Job descriptions are published in public document registers. A personal identification code
        is personal data that identifies a person for life; it must never appear there (the
        signatory's code belongs to the signature container, not to the text).

    Example
        ``Töötaja: Jaan Tamm, isikukood 48704120068``

    Use instead
        ``Töötaja: Jaan Tamm`` — or better, only the position: a job description describes the
        position, not its holder.

    Fix safety
        No automatic fix: the sentence around the code has to be rewritten by a person.
    """

    code = "AJ601"
    name = "personal-id-code"
    sensitive = True  # reporters must not quote the code
    severity = Severity.ERROR
    messages = {
        "code": Message(
            en="Personal identification code (isikukood) {masked} in the text: job descriptions are "
               "published, remove it",
            et="Tekstis on isikukood {masked}: ametijuhendid avalikustatakse, eemalda see",
        )
    }

    def check(self, doc):
        tv = view(doc)
        text = tv.text
        for line_start, m in tv.line_matches(_CANDIDATE, raw=True):  # eleven digits: within a line
            a, b = line_start + m.start(), line_start + m.end()
            # not inside a longer run of digits, not an international phone number (+3725…),
            # not the decimals of a number (1.38001085718)
            if (b < len(text) and text[b].isdigit()) or (a > 0 and (text[a - 1].isdigit() or text[a - 1] == "+")):
                continue
            if a > 1 and text[a - 1] in ".," and text[a - 2].isdigit():
                continue
            if is_personal_id_code(m.group()):
                line, col = tv.pos(a)
                yield self.diag(doc, Span(line, col, line, col + 11), "code", masked=mask(m.group()))
