from ajlint.diagnostics import Message, Severity
from ajlint.rule import Rule

MIN_EVIDENCE = 3


class OcrDamage(Rule):
    """The text is OCR output that evidently lost its diacritics.

    What it does
        Reports a document in which headings and labels match the template only after restoring
        diacritics (``ULDOSA`` for ``ÜLDOSA``, ``TOOKOHA EESMARK``) or in which words contain the
        digits OCR puts for Estonian letters (``t66`` for ``töö``). One finding per document.

    Why it matters
        OCR text is not what was signed. ajlint still checks it, comparing through diacritic folding,
        but a reviewer should know that the wording shown is not the original's, and the register
        should receive the real text.

    Example
        ``2. TOOKOHA EESMARK`` … ``Tootajal on digus:``

    Use instead
        The original digital document, or OCR output corrected against the scan.

    Fix safety
        No automatic fix.
    """

    code = "AJ005"
    name = "ocr-damage"
    severity = Severity.INFO
    messages = {
        "ocr": Message(
            en="The text looks like OCR output that lost its diacritics ({count} places, e.g. {examples}); "
               "it is checked with diacritics folded",
            et="Tekst paistab olevat OCR-i väljund, millest on kadunud täpitähed ({count} kohta, nt {examples}); "
               "seda kontrollitakse täpitähti arvestamata",
        )
    }

    def check(self, doc):
        ev = doc.model.info.ocr_evidence
        if len(ev) >= MIN_EVIDENCE:
            examples = ", ".join(f"'{e.text}'" for e in ev[:3])
            yield self.diag(doc, ev[0], "ocr", count=len(ev), examples=examples)
