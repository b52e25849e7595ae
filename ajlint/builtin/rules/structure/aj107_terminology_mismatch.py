from ajlint.builtin.rules.structure.common import match_case
from ajlint.builtin.rules.structure.vocabulary import decide_kind, occurrences, vocabulary
from ajlint.diagnostics import Edit, Fix, Message, Severity
from ajlint.ltext import Span
from ajlint.rule import Rule
from ajlint.textnorm import fold


class TerminologyMismatch(Rule):
    """The document mixes the civil-servant and the employee vocabulary.

    What it does
        Decides which kind of position the document describes — an employee when it is headed
        "Töölepingu juurde kuuluv lisa", otherwise the vocabulary most of its headings and labels use —
        and reports every word of the other vocabulary: ``ametikoht`` / ``teenistuskoht`` /
        ``teenistuskohustused`` / ``teenistusülesanded`` (civil servant) against ``töökoht`` and the
        heading ``TÖÖÜLESANDED`` (employee), in any inflected form. The words are data in
        ``rules/terms.toml``. In running text "tööülesanne" is the ordinary word for a work task (the
        standard rights of civil servants say "saada tööülesannete täitmiseks vajalikku infot") and is
        not reported; in a heading or label it is.

    Why it matters
        A civil servant (Public Service Act) holds an "ametikoht" and has "teenistuskohustused"; an
        employee (Employment Contracts Act) holds a "töökoht" and has "tööülesanded". A job description
        attached to an employment contract that speaks of an "ametikoht" misstates the legal basis of
        the relationship, and a reader cannot tell which law applies.

    Example
        ``Töölepingu juurde kuuluv lisa`` … ``2. TÖÖKOHA EESMÄRK`` ``Ametikoha ülesandeks on …``

    Use instead
        ``Töölepingu juurde kuuluv lisa`` … ``2. TÖÖKOHA EESMÄRK`` ``Töökoha ülesandeks on …``

    Fix safety
        Unsafe, and only where ``rules/terms.toml`` names an equivalent (``ametikoh`` → ``töökoh``):
        the word's beginning is swapped keeping its ending and case, but the sentence may refer to
        another position (a candidate's earlier "ametikoht"), so review each change.
    """

    code = "AJ107"
    name = "terminology-mismatch"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "civil_in_employee": Message(
            en="'{word}' is a civil-servant term, but this is an employee's job description "
               "(see '{evidence}' on line {line})",
            et="'{word}' on ametniku termin, kuid see on töötaja ametijuhend (vt '{evidence}' real {line})",
        ),
        "civil_in_employee_suggest": Message(
            en="'{word}' is a civil-servant term, but this is an employee's job description "
               "(see '{evidence}' on line {line}): write '{suggestion}'",
            et="'{word}' on ametniku termin, kuid see on töötaja ametijuhend (vt '{evidence}' real {line}): "
               "kirjuta '{suggestion}'",
        ),
        "employee_in_civil": Message(
            en="'{word}' is an employee term, but this is a civil servant's job description "
               "(see '{evidence}' on line {line})",
            et="'{word}' on töötaja termin, kuid see on ametniku ametijuhend (vt '{evidence}' real {line})",
        ),
        "employee_in_civil_suggest": Message(
            en="'{word}' is an employee term, but this is a civil servant's job description "
               "(see '{evidence}' on line {line}): write '{suggestion}'",
            et="'{word}' on töötaja termin, kuid see on ametniku ametijuhend (vt '{evidence}' real {line}): "
               "kirjuta '{suggestion}'",
        ),
        # vocabularies added to rules/terms.toml beyond the two of the law
        "other": Message(
            en="'{word}' belongs to the '{other}' vocabulary, but this job description uses the '{kind}' "
               "vocabulary (see '{evidence}' on line {line})",
            et="'{word}' kuulub sõnavarasse '{other}', kuid see ametijuhend kasutab sõnavara '{kind}' "
               "(vt '{evidence}' real {line})",
        ),
        "other_suggest": Message(
            en="'{word}' belongs to the '{other}' vocabulary, but this job description uses the '{kind}' "
               "vocabulary (see '{evidence}' on line {line}): write '{suggestion}'",
            et="'{word}' kuulub sõnavarasse '{other}', kuid see ametijuhend kasutab sõnavara '{kind}' "
               "(vt '{evidence}' real {line}): kirjuta '{suggestion}'",
        ),
    }
    _KEYS = {("ametnik", "töötaja"): "civil_in_employee", ("töötaja", "ametnik"): "employee_in_civil"}

    def check(self, doc):
        voc = vocabulary()
        occ = occurrences(doc, voc)
        if not occ:
            return
        decision = decide_kind(doc, voc, occ)
        if decision is None:
            return
        kind = decision.kind
        equivalents = voc.equivalents.get(kind, {})
        for o in occ:
            if o.stem.kind == kind:
                continue
            key = self._KEYS.get((o.stem.kind, kind), "other")
            args = dict(word=o.word, evidence=decision.evidence, line=decision.line)
            if key == "other":
                args.update(kind=kind, other=o.stem.kind)
            span = Span(o.line, o.column, o.line, o.column + len(o.word))
            eq = equivalents.get(o.stem.folded)
            if eq is None or fold(o.prefix) != o.stem.folded:
                yield self.diag(doc, span, key, **args)
                continue
            new_prefix = match_case(o.prefix, eq)
            suggestion = new_prefix + o.word[len(o.prefix):]
            start = doc.offset(o.line, o.column)
            fix = Fix((Edit(start, start + len(o.prefix), new_prefix),), "unsafe", f"write '{suggestion}'")
            yield self.diag(doc, span, key + "_suggest", suggestion=suggestion, fix=fix, **args)
