from ajlint.diagnostics import Message, Severity
from ajlint.rule import Rule

REQ_PREFIX = "requirements."


def _field_value(jd, key: str):
    """True when the model holds a value for a field of the general part; None for fields it does not keep."""
    if key in ("title", "unit", "manager", "purpose"):
        return getattr(jd, key) is not None and bool(getattr(jd, key).text.strip())
    if key in ("substitutes", "substitutes_for"):
        return bool(getattr(jd, key))
    if key == "direct_reports":
        return bool(jd.direct_reports)
    return None


def _requirement_value(jd, key: str):
    req = jd.requirements
    if key == "education":
        return req.education is not None
    if key == "experience":
        return req.experience is not None
    if key == "languages":
        return req.languages_text is not None or bool(req.languages)
    if key == "computer_skills":
        return req.computer_skills is not None
    if key == "competencies":
        return bool(jd.competencies)
    if key == "additional_competencies":
        return bool(jd.additional_competencies) or bool(jd.knowledge)
    return None


def _section_value(jd, key: str):
    if key == "purpose":
        return jd.purpose is not None
    if key == "duties":
        return bool(jd.duties)
    if key in ("rights", "responsibilities", "equipment", "competencies", "additional_competencies"):
        return bool(getattr(jd, key))
    if key == "review":
        return jd.review_clause is not None
    return None  # general and requirements: their parts are checked one by one (AJ101, above)


class EmptyField(Rule):
    """A required field or section is present but empty.

    What it does
        Reports a required label of the general part (``1.4 Kes asendab``, ``Teenistuskoht`` …), a
        required item of the requirements (``Haridus``, ``Keeleoskus`` …) or a required section
        (``2. AMETIKOHA EESMÄRK``, ``6. TÖÖVAHENDID`` …) that is in the document but has nothing
        under it. A field written as none (``-``, ``puudub``) is reported too, except where "none" is
        a valid answer: ``Alluvad`` / ``Vahetud alluvad`` by default (option ``none-allowed``, a list
        of field keys: title, unit, manager, substitutes, substitutes_for, direct_reports, purpose).

    Why it matters
        An empty "Kes asendab" leaves the position without a substitute as surely as a missing one,
        and an empty heading tells the reader that something was forgotten. A position with no direct
        reports is different: ``Alluvad: -`` states a fact.

    Example
        ``1.3 Vahetu juht	1.4 Kes asendab	1.5 Keda asendab`` followed by
        ``Talituse juhataja		Peaspetsialisti``

    Use instead
        ``Talituse juhataja	Peaspetsialist	Peaspetsialisti``

    Fix safety
        No automatic fix: the value has to come from the author.
    """

    code = "AJ105"
    name = "empty-field"
    severity = Severity.ERROR
    option_defaults = {"none-allowed": ["direct_reports"]}
    messages = {
        "empty": Message(
            en="'{label}' is present but has no value",
            et="Väli '{label}' on olemas, kuid täitmata",
        ),
        "none": Message(
            en="'{label}' is written as none ('-', 'puudub'); this field must name someone",
            et="Väli '{label}' on märgitud tühjaks ('-', 'puudub'); selles väljas peab olema keegi nimetatud",
        ),
        "empty_requirement": Message(
            en="Requirement '{label}' is present but has no content",
            et="Nõue '{label}' on olemas, kuid sisuta",
        ),
        "empty_section": Message(
            en="Section '{heading}' is present but empty",
            et="Osa '{heading}' on olemas, kuid sisuta",
        ),
    }

    def check(self, doc):
        jd, profile = doc.model, doc.profile
        if profile is None:
            return
        allowed = set(self.options.get("none-allowed") or ())
        done: set[str] = set()
        for lb in jd.labels:
            if lb.key in done:
                continue
            if lb.key.startswith(REQ_PREFIX):
                key = lb.key[len(REQ_PREFIX):]
                spec = next((r for r in profile.requirement_fields if r.key == key), None)
                if spec is None or not spec.required or _requirement_value(jd, key) is not False:
                    continue
                done.add(lb.key)
                yield self.diag(doc, lb, "empty_requirement", label=lb.label)
                continue
            spec = profile.field(lb.key)
            if spec is None or not spec.required:
                continue
            has = _field_value(jd, lb.key)
            if has is not False:
                continue
            done.add(lb.key)
            label = f"{lb.number} {lb.label}" if lb.number else lb.label
            if lb.key in jd.none_fields:
                if lb.key not in allowed:
                    yield self.diag(doc, lb, "none", label=label)
                continue
            yield self.diag(doc, lb, "empty", label=label)
        seen: set[str] = set()
        for s in jd.sections:
            if s.key in seen:
                continue
            seen.add(s.key)
            spec = profile.section(s.key)
            if spec is None or not spec.required:
                continue
            if _section_value(jd, s.key) is False:
                yield self.diag(doc, s, "empty_section", heading=s.heading)
