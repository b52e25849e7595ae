from ajlint.builtin.rules.structure.vocabulary import preferred_variant, vocabulary
from ajlint.diagnostics import Message, Severity
from ajlint.ltext import Span
from ajlint.rule import Rule

REQ_PREFIX = "requirements."


class MissingSection(Rule):
    """A section or field the template requires is missing.

    What it does
        Compares the document with its profile (template): reports every required section
        (``TÖÖVAHENDID``, ``AMETIJUHENDI MUUTMINE`` …), every required field of the general part
        (``1.3 Vahetu juht``, ``1.4 Kes asendab``, ``1.5 Keda asendab`` …) and every required item of
        the requirements (``Haridus``, ``Keeleoskus`` …) that the document does not have. Which items
        are required and which optional (``1.6 Vahetud alluvad``) is data in ``rules/profiles/``.
        The finding stands where the missing part belongs: on the heading or label that follows it,
        or before the signatures when nothing follows.

    Why it matters
        An HR reviewer first checks that a job description is complete. A description without
        "Kes asendab" leaves the position without a substitute; one without the review clause
        ("Ametijuhend vaadatakse üle kord aastas …") is never updated.

    Example
        ``5. VASTUTUS`` … ``6. TÖÖKOHALE ESITATAVAD NÕUDED`` in a description whose template requires
        ``6. TÖÖVAHENDID`` in between.

    Use instead
        ``5. VASTUTUS`` … ``6. TÖÖVAHENDID`` ``Sülearvuti ja mobiiltelefon.`` ``7. TÖÖKOHALE
        ESITATAVAD NÕUDED``.

    Fix safety
        No automatic fix: the missing content has to be written by the position's manager.
    """

    code = "AJ101"
    name = "missing-section"
    severity = Severity.ERROR
    messages = {
        "section_before": Message(
            en="Required section '{heading}' is missing; the template puts it before '{next}'",
            et="Nõutud osa '{heading}' puudub; põhja järgi on see enne osa '{next}'",
        ),
        "section_end": Message(
            en="Required section '{heading}' is missing; the template puts it after '{prev}'",
            et="Nõutud osa '{heading}' puudub; põhja järgi on see pärast osa '{prev}'",
        ),
        "section": Message(
            en="Required section '{heading}' is missing",
            et="Nõutud osa '{heading}' puudub",
        ),
        "field": Message(
            en="Required field '{label}' is missing from the general part",
            et="Üldosast puudub nõutud väli '{label}'",
        ),
        "requirement": Message(
            en="Required item '{label}' is missing from the requirements",
            et="Nõuete osast puudub nõutud punkt '{label}'",
        ),
    }

    def check(self, doc):
        jd, profile = doc.model, doc.profile
        if profile is None:
            return
        yield from self._sections(doc, jd, profile)
        yield from self._fields(doc, jd, profile)
        yield from self._requirements(doc, jd, profile)

    # -- sections ---------------------------------------------------------------------------------
    def _sections(self, doc, jd, profile):
        order = {}
        for i, spec in enumerate(profile.sections):
            order.setdefault(spec.key, i)
        present = {s.key for s in jd.sections}
        general_labels = [lb for lb in jd.labels if not lb.key.startswith(REQ_PREFIX)]
        voc = vocabulary()
        for spec in profile.sections:
            if not spec.required or spec.key in present:
                continue
            if spec.key == "general" and general_labels:
                continue  # the general part is there, only its heading is not: not a missing section
            heading = preferred_variant(spec.headings, jd.kind, voc)
            idx = order[spec.key]
            nxt = next((s for s in jd.sections if order.get(s.key, -1) > idx), None)
            if nxt is not None:
                yield self.diag(doc, nxt, "section_before", heading=heading, next=nxt.heading, section=spec.key)
                continue
            prev = [s for s in jd.sections if order.get(s.key, 10**6) < idx]
            if prev:
                where = self._after(doc, jd, prev[-1].line)
                yield self.diag(doc, where, "section_end", heading=heading, prev=prev[-1].heading, section=spec.key)
            else:
                yield self.diag(doc, self._after(doc, jd, 0), "section", heading=heading, section=spec.key)

    @staticmethod
    def _after(doc, jd, line: int):
        """Where a part missing after ``line`` belongs: the first signature after it, else the last text."""
        sig = next((s for s in jd.signatures if s.line > line), None)
        if sig is not None:
            return sig
        for n in range(len(doc.lines), 0, -1):
            text = doc.lines[n - 1]
            if text.strip():
                start = len(text) - len(text.lstrip()) + 1
                return Span(n, start, n, len(text.rstrip()) + 1)
        return 1

    # -- fields of the general part ----------------------------------------------------------------
    def _fields(self, doc, jd, profile):
        labels = [lb for lb in jd.labels if not lb.key.startswith(REQ_PREFIX)]
        general = next((s for s in jd.sections if s.key == "general"), None)
        if not labels and general is None:
            return  # the whole general part is missing: reported once, as a section
        present = {lb.key for lb in labels}
        keys = [f.key for f in profile.fields]
        for i, spec in enumerate(profile.fields):
            if not spec.required or spec.key in present or spec.key == "other":
                continue
            label = f"{spec.number} {spec.labels[0]}" if spec.number else spec.labels[0]
            where = self._place(labels, keys, i) or general or 1
            yield self.diag(doc, where, "field", label=label, section="general")

    # -- items of the requirements ---------------------------------------------------------------
    def _requirements(self, doc, jd, profile):
        section = next((s for s in jd.sections if s.key == "requirements"), None)
        labels = [lb for lb in jd.labels if lb.key.startswith(REQ_PREFIX)]
        if section is None and not labels:
            return  # the requirements section is missing: reported once, as a section
        present = {lb.key[len(REQ_PREFIX):] for lb in labels}
        keys = [REQ_PREFIX + r.key for r in profile.requirement_fields]
        for i, spec in enumerate(profile.requirement_fields):
            if not spec.required or spec.key in present or spec.key == "other":
                continue
            where = self._place(labels, keys, i) or section or 1
            yield self.diag(doc, where, "requirement", label=spec.labels[0], section="requirements")

    @staticmethod
    def _place(labels, keys: list[str], i: int):
        """The present label that follows the missing one in the template's order, else the one before it."""
        after = set(keys[i + 1:])
        before = set(keys[:i])
        nxt = next((lb for lb in labels if lb.key in after), None)
        if nxt is not None:
            return nxt
        prev = [lb for lb in labels if lb.key in before]
        return prev[-1] if prev else None
