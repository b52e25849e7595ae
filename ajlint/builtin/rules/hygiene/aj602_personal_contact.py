import re

from ajlint.diagnostics import Message, Severity
from ajlint.ltext import Span
from ajlint.rule import Rule

from ajlint.builtin.rules.hygiene.data import compiled
from ajlint.builtin.rules.hygiene.textview import view

_EMAIL = re.compile(
    r"(?<![\w.%+-])([A-Za-z0-9][A-Za-z0-9._%+-]*)@"
    r"((?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,})(?![\w-])"
)
# seven or more digits, single spaces or hyphens between them: every phone number is one (whether it
# is one is decided in code: a leading lookbehind would make this scan several times slower)
_NUMBER = re.compile(r"\d(?:[ -]?\d){6,}")
# a bare Estonian mobile number: 5xx xxxx or 5xxx xxxx
_MOBILE = re.compile(r"5\d{2,3}[ -]?\d{4}")


def mask_email(local: str, domain: str) -> str:
    return f"{local[:1]}…@{domain}"


def mask_phone(number: str) -> str:
    d = "".join(ch for ch in number if ch.isdigit())
    return "*" * max(len(d) - 3, 0) + d[-3:]


class PersonalContact(Rule):
    """A personal e-mail address or phone number in the text.

    What it does
        Finds e-mail addresses and Estonian phone numbers (``+372 …``, a mobile number ``5xx xxxx`` /
        ``5xxx xxxx``, or any 7–8 digit number after ``tel``, ``telefon``, ``mobiil`` …) and reports
        those that are not generic: a role mailbox (``info@…``, ``kontakt@…``), an allowed address or
        an organisation's switchboard number listed in ``rules/hygiene.toml`` is not reported. The
        message shows only the first letter of an address and the last three digits of a number.

    Why it matters
        Job descriptions are published in public registers and outlive the people who hold the
        position. A person's own address or mobile number there is personal data made public, and it
        is wrong as soon as the position changes hands.

    Example
        ``Info edastamine: mari.maasikas@sotsiaalkindlustusamet.ee, tel 5123 4567``

    Use instead
        ``Info edastamine: info@sotsiaalkindlustusamet.ee, tel 612 1360`` — a role mailbox and the
        switchboard (add your organisation's to ``[contact]`` in ``rules/hygiene.toml``).

    Fix safety
        No automatic fix: which generic contact replaces a personal one is a person's decision.
    """

    code = "AJ602"
    name = "personal-contact"
    sensitive = True  # reporters must not quote the address or number
    severity = Severity.WARNING
    messages = {
        "email": Message(
            en="Personal e-mail address {value} in the text; use a role mailbox (e.g. info@…) instead",
            et="Tekstis on isiklik e-posti aadress {value}; kasuta selle asemel üldaadressi (nt info@…)",
        ),
        "phone": Message(
            en="Phone number {value} in the text is not a listed organisation number; do not publish "
               "personal numbers in a job description",
            et="Tekstis olev telefoninumber {value} ei ole asutuse üldnumber; ametijuhendis ei avaldata "
               "isiklikke numbreid",
        ),
    }

    def check(self, doc):
        tv = view(doc)
        text = tv.text
        data = compiled()
        seen: set[tuple[int, str]] = set()
        if "@" in text:
            for m in _EMAIL.finditer(text):
                local, domain = m.group(1), m.group(2)
                addr = f"{local}@{domain}".lower()
                if local.lower() in data.role_local_parts or addr in data.allowed_addresses:
                    continue
                line, col = tv.pos(m.start())
                if (line, addr) in seen:  # the same address twice on a line: <a href="mailto:x">x</a>
                    continue
                seen.add((line, addr))
                yield self.diag(doc, Span(line, col, line, col + len(m.group())), "email",
                                value=mask_email(local, domain))
        kw = data.phone_keyword_rx
        for line_start, m in tv.line_matches(_NUMBER, raw=True):  # digits, spaces, hyphens: within a line
            number, start = m.group(), line_start + m.start()
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "._/"):
                continue
            d = number.replace(" ", "").replace("-", "")
            intl = d.startswith("00372") or (d.startswith("372") and start > 0 and text[start - 1] == "+")
            if intl:
                national = d[5:] if d.startswith("00") else d[3:]
                if text[start - 1] == "+":
                    start -= 1
                    number = "+" + number
            else:
                national = d
            if not 7 <= len(national) <= 8 or national in data.allowed_phones:
                continue
            if not intl and _MOBILE.fullmatch(number) is None:
                # a landline or other number is a phone number only when it is announced as one
                if kw is None or kw.search(text, max(0, start - 30), start) is None:
                    continue
            line, col = tv.pos(start)
            end_line, end_col = tv.pos(start + len(number))
            yield self.diag(doc, Span(line, col, end_line, end_col), "phone", value=mask_phone(number))

