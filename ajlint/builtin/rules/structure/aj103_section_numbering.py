from ajlint.builtin.rules.structure.common import (
    duty_number,
    has_dot,
    majority_style,
    section_number,
    sequence_problems,
)
from ajlint.diagnostics import Edit, Fix, Message, Severity
from ajlint.rule import Rule


class SectionNumbering(Rule):
    """Section or duty numbers have gaps, repeats or mixed styles.

    What it does
        Reads the numbers of the section headings (``1.`` … ``8.``) and of the duties
        (``3.1``, ``3.2`` …) and reports: a number that does not follow the one before it (a gap, or a
        number used twice — a single mistyped number is one finding, not two), a number written in the
        other style than most (``3.4.`` among ``3.1``, ``3.2``, ``3.3``), a duty number that does not
        belong to the duties section (``2.1`` under ``3. TEENISTUSKOHUSTUSED``), and a heading or duty
        left without a number when the others have one. A section left out and the following ones
        renumbered is consistent numbering; the missing section itself is AJ101's finding.

    Why it matters
        Duties are cited by their number ("ülesanne 3.4") in appraisals, in substitutions and in
        changes of the job description; two duties numbered 3.2, or a jump from 3.3 to 3.5, make such
        references ambiguous and suggest that something was deleted by mistake.

    Example
        ``3.3 Ringist välja mudeli arendamisel oluliste osapoolte kaasamine.``
        ``3.4. Ringist välja koostööpartnerite toetamine mudeli rakendamisel``

    Use instead
        ``3.3 Ringist välja mudeli arendamisel oluliste osapoolte kaasamine.``
        ``3.4 Ringist välja koostööpartnerite toetamine mudeli rakendamisel``

    Fix safety
        Safe for the style of a number (adding or removing its final dot changes nothing else). Unsafe
        for a mistyped number (``3.2, 3.2, 3.4`` → the second ``3.2`` becomes ``3.3``): the author may
        have meant another order; review it. No fix for gaps.
    """

    code = "AJ103"
    name = "section-numbering"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "section_style": Message(
            en="Section number '{number}' is written differently from the others ('{expected}')",
            et="Osa number '{number}' on kirjutatud teisiti kui ülejäänud ('{expected}')",
        ),
        "section_gap": Message(
            en="Section number {number} follows {previous}: expected {expected}",
            et="Osa number {number} järgneb numbrile {previous}: oodati {expected}",
        ),
        "section_repeat": Message(
            en="Section number {number} is used twice (also on line {line}): expected {expected}",
            et="Osa numbrit {number} on kasutatud kaks korda (ka real {line}): oodati {expected}",
        ),
        "section_start": Message(
            en="The first section is numbered {number}: expected {expected}",
            et="Esimese osa number on {number}: oodati {expected}",
        ),
        "section_unnumbered": Message(
            en="Section heading '{heading}' has no number, unlike the others",
            et="Osa pealkirjal '{heading}' puudub number, erinevalt teistest",
        ),
        "duty_style": Message(
            en="Duty number '{number}' is written differently from the others ('{expected}')",
            et="Ülesande number '{number}' on kirjutatud teisiti kui ülejäänud ('{expected}')",
        ),
        "duty_gap": Message(
            en="Duty number {number} follows {previous}: expected {expected}",
            et="Ülesande number {number} järgneb numbrile {previous}: oodati {expected}",
        ),
        "duty_repeat": Message(
            en="Duty number {number} is used twice (also on line {line}): expected {expected}",
            et="Ülesande numbrit {number} on kasutatud kaks korda (ka real {line}): oodati {expected}",
        ),
        "duty_start": Message(
            en="The first duty is numbered {number}: expected {expected}",
            et="Esimese ülesande number on {number}: oodati {expected}",
        ),
        "duty_unnumbered": Message(
            en="Duty '{duty}' has no number, unlike the others",
            et="Ülesandel '{duty}' puudub number, erinevalt teistest",
        ),
        "duty_prefix": Message(
            en="Duty number {number} does not belong to section {section_number} ({heading})",
            et="Ülesande number {number} ei kuulu osasse {section_number} ({heading})",
        ),
    }

    def check(self, doc):
        yield from self._sections(doc)
        yield from self._duties(doc)

    # -- helpers ----------------------------------------------------------------------------------
    @staticmethod
    def _number_text(doc, loc) -> tuple[int, int] | None:
        """Offsets of a located number in doc.text, when they hold what the model says."""
        if loc is None or loc.line != loc.end_line or doc.text is None:
            return None
        start = doc.offset(loc.line, loc.column)
        end = doc.offset(loc.end_line, loc.end_column)
        if not 0 <= start < end <= len(doc.text):
            return None
        return start, end

    def _style_fix(self, doc, loc, written: str, dot: bool) -> Fix | None:
        off = self._number_text(doc, loc)
        if off is None or doc.text[off[0]:off[1]] != written:
            return None
        start, end = off
        if dot:
            return Fix((Edit(end, end, "."),), "safe", f"write '{written}.'")
        if written.endswith("."):
            return Fix((Edit(end - 1, end, ""),), "safe", f"write '{written[:-1]}'")
        return None

    def _renumber_fix(self, doc, loc, written: str, replacement: str) -> Fix | None:
        off = self._number_text(doc, loc)
        if off is None or doc.text[off[0]:off[1]] != written:
            return None
        return Fix((Edit(off[0], off[1], replacement),), "unsafe", f"renumber '{written}' as '{replacement}'")

    # -- sections ---------------------------------------------------------------------------------
    def _sections(self, doc):
        jd, profile = doc.model, doc.profile
        numbered = [(s, section_number(s.number)) for s in jd.sections]
        numbered = [(s, n) for s, n in numbered if n is not None]
        unnumbered = [s for s in jd.sections if not s.number]
        if not numbered:
            return
        dot = majority_style([s.number for s, _ in numbered])
        for s, _ in numbered:
            if has_dot(s.number) != dot:
                expected = s.number.rstrip(".") + ("." if dot else "")
                where = s.number_location or s
                yield self.diag(doc, where, "section_style", number=s.number, expected=expected,
                                fix=self._style_fix(doc, s.number_location, s.number, dot))
        if len(numbered) >= 2 and len(numbered) > len(unnumbered):
            for s in unnumbered:
                yield self.diag(doc, s.heading_location or s, "section_unnumbered", heading=s.heading)
        starts = {1}
        if profile is not None:
            spec = profile.section(numbered[0][0].key)
            pn = section_number(spec.number) if spec is not None else None
            if pn is not None:
                starts.add(pn)
        # numbers the template gives to sections this document does not have: a document that keeps the
        # template's numbers after leaving out a section (4. VASTUTUS, 6. NÕUDED without 5. TÖÖVAHENDID)
        # is numbered as its template is; the absent section itself is AJ101's business
        present = {s.key for s in jd.sections}
        absent: set[int] = set()
        template: dict[str, int] = {}
        if profile is not None:
            for spec in profile.sections:
                num = section_number(spec.number)
                if num is None:
                    continue
                template.setdefault(spec.key, num)
                if spec.key not in present:
                    absent.add(num)
        nums = [n for _, n in numbered]
        for p in sequence_problems(nums, starts):
            s = numbered[p["index"]][0]
            n = nums[p["index"]]
            if (p["kind"] == "gap" and n > p["expected"] and template.get(s.key) == n
                    and all(k in absent for k in range(p["expected"], n))):
                continue
            expected = f"{p['expected']}{'.' if has_dot(s.number) else ''}"
            yield self._sequence_finding(doc, "section", p, numbered, expected)

    # -- duties -----------------------------------------------------------------------------------
    def _duties(self, doc):
        jd = doc.model
        duties = jd.duties
        numbered = [(d, duty_number(d.number)) for d in duties]
        numbered = [(d, n) for d, n in numbered if n is not None]
        if not numbered:
            return
        section = next((s for s in jd.sections if s.key == "duties"), None)
        prefix = section_number(section.number) if section is not None else None
        if prefix is None:
            majors = [n[0] for _, n in numbered]
            prefix = max(set(majors), key=lambda m: (majors.count(m), -majors.index(m)))
        elif section is not None:
            for d, (major, _) in numbered:
                if major != prefix:
                    yield self.diag(doc, d.number_location or d, "duty_prefix", number=d.number,
                                    section_number=prefix, heading=section.heading)
        dot = majority_style([d.number for d, _ in numbered])
        for d, _ in numbered:
            if has_dot(d.number) != dot:
                expected = d.number.rstrip(".") + ("." if dot else "")
                yield self.diag(doc, d.number_location or d, "duty_style", number=d.number, expected=expected,
                                fix=self._style_fix(doc, d.number_location, d.number, dot))
        unnumbered = [d for d in duties if not d.number]
        if len(numbered) >= 2 and len(numbered) > len(unnumbered):
            for d in unnumbered:
                snippet = d.text if len(d.text) <= 60 else d.text[:57].rstrip() + "…"
                yield self.diag(doc, d, "duty_unnumbered", duty=snippet)
        minors = [n[1] for _, n in numbered]
        for p in sequence_problems(minors, {1}):
            d, (major, _) = numbered[p["index"]]
            expected = f"{major}.{p['expected']}{'.' if has_dot(d.number) else ''}"
            yield self._sequence_finding(doc, "duty", p, numbered, expected)

    def _sequence_finding(self, doc, kind: str, p: dict, numbered: list, expected: str):
        """A start, repeat or gap problem of a section (``kind="section"``) or duty number sequence."""
        obj = numbered[p["index"]][0]
        where = obj.number_location or obj
        fix = self._renumber_fix(doc, obj.number_location, obj.number, expected) if p["typo"] else None
        if p["kind"] == "start":
            return self.diag(doc, where, f"{kind}_start", number=obj.number, expected=expected, fix=fix)
        if p["kind"] == "repeat":
            other = numbered[p["first"]][0]
            return self.diag(doc, where, f"{kind}_repeat", number=obj.number, expected=expected,
                             line=(other.number_location or other).line, fix=fix)
        prev = numbered[p["index"] - 1][0].number
        return self.diag(doc, where, f"{kind}_gap", number=obj.number, previous=prev, expected=expected, fix=fix)
