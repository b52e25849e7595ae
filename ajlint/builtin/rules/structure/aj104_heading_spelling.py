from ajlint.builtin.rules.structure.common import respell
from ajlint.diagnostics import Edit, Fix, Message, Severity
from ajlint.rule import Rule


class HeadingSpelling(Rule):
    """A heading or label is misspelt: it was recognised only approximately.

    What it does
        Reports a section heading or a label (``1.1 Ametinimetus``, ``Keeleoskus`` …) that ajlint
        recognised only by similarity to the profile's spelling (``Ametnimetus`` for
        ``Ametinimetus``). Differences of case, lost diacritics and OCR look-alikes do not count
        (those are AJ005's business); a letter missing, added or changed does.

    Why it matters
        Headings and labels are what readers, search and the register's metadata rely on; a misspelt
        "Ametnimetus" in a public document looks careless and is missed by anyone searching for
        "Ametinimetus".

    Example
        ``1.1 Ametnimetus``

    Use instead
        ``1.1 Ametinimetus``

    Fix safety
        Safe: only the misspelt words are replaced by the profile's spelling, in the document's case
        style (an all-caps heading stays in capitals); the number, the markup and the other words are
        kept.
    """

    code = "AJ104"
    name = "heading-spelling"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "heading": Message(
            en="Heading '{written}' is misspelt; the template spells it '{expected}'",
            et="Pealkiri '{written}' on valesti kirjutatud; põhjas on see '{expected}'",
        ),
        "label": Message(
            en="Label '{written}' is misspelt; the template spells it '{expected}'",
            et="Välja nimetus '{written}' on valesti kirjutatud; põhjas on see '{expected}'",
        ),
    }

    def check(self, doc):
        jd = doc.model
        for s in jd.sections:
            if s.exact:
                continue
            loc = s.heading_location
            written = s.heading
            fixed = respell(written, s.matched)
            expected = fixed if fixed is not None else s.matched
            yield self.diag(doc, loc or s, "heading", written=written, expected=expected,
                            fix=self._fix(doc, loc, written, fixed))
        for lb in jd.labels:
            if lb.exact:
                continue
            fixed = respell(lb.label, lb.matched)
            expected = fixed if fixed is not None else lb.matched
            yield self.diag(doc, lb, "label", written=lb.label, expected=expected,
                            fix=self._fix(doc, lb, lb.label, fixed))

    @staticmethod
    def _fix(doc, loc, written: str, fixed: str | None) -> Fix | None:
        if fixed is None or loc is None or loc.line != loc.end_line or doc.text is None:
            return None
        start = doc.offset(loc.line, loc.column)
        end = doc.offset(loc.end_line, loc.end_column)
        if doc.text[start:end] != written:
            return None  # the located text is not the heading as the model holds it: no blind edit
        # replace only the words that differ: the common start and end, cut back to whole words, stay
        a = 0
        while a < min(len(written), len(fixed)) and written[a] == fixed[a]:
            a += 1
        while a > 0 and not written[a - 1].isspace():
            a -= 1
        b = 0
        while b < min(len(written), len(fixed)) - a and written[-1 - b] == fixed[-1 - b]:
            b += 1
        while b > 0 and not written[len(written) - b].isspace():
            b -= 1
        return Fix((Edit(start + a, end - b, fixed[a:len(fixed) - b]),), "safe", f"write '{fixed}'")
