from ajlint.diagnostics import Edit, Fix, Message, Severity
from ajlint.links.checks import label_name
from ajlint.links.index import expected_case
from ajlint.links.inflection import NOM, PART, model, read_ref
from ajlint.rule import Rule


class SubstituteCase(Rule):
    """A substitute is not written in the case its field takes.

    What it does
        Checks the grammatical case of every "Kes asendab" item (who substitutes this position: the
        nominative, ``Talituse juhataja``) and every "Keda asendab" item (whom it substitutes: the
        partitive, ``Talituse juhatajat``, ``peaspetsialisti``, ``nõunikku``) with the inflection model
        of ``rules/inflection.toml``; the profile says which case each field takes (``Teenistuja
        asendab``, ``Asendab`` are partitive too). Words the model does not know are not reported.

    Why it matters
        "Keda asendab: Koordinaator" reads as a heading, not a sentence: the published document looks
        careless, and in a list mixing both cases the reader cannot tell the two fields apart at a
        glance. The template asks for "Kes? — juhataja" and "Keda? — juhatajat".

    Example
        ``1.5 Keda asendab  Koordinaator, tiimijuht``

    Use instead
        ``1.5 Keda asendab  Koordinaatorit, tiimijuhti``

    Fix safety
        Safe when the title ends in a noun listed in ``rules/inflection.toml`` (its forms are certain):
        only the ending of the last word changes. Unsafe when the form comes from a generic ending
        pattern, or when the list's place in the grid was guessed from a scrambled layout (AJ004): then
        the item may belong to the other field.
    """

    code = "AJ204"
    name = "substitute-case"
    severity = Severity.WARNING
    fixable = True
    messages = {
        "nominative": Message(
            en="'{ref}' under {label} (who substitutes) should be in the nominative: '{expected}'",
            et="'{ref}' lahtris „{label}“ (kes asendab) peaks olema nimetavas käändes: '{expected}'",
        ),
        "partitive": Message(
            en="'{ref}' under {label} (whom it substitutes) should be in the partitive: '{expected}'",
            et="'{ref}' lahtris „{label}“ (keda asendab) peaks olema osastavas käändes: '{expected}'",
        ),
        "nominative_guess": Message(
            en="'{ref}' under {label} (who substitutes) should be in the nominative: '{expected}' (the grid's "
               "layout was guessed, see AJ004)",
            et="'{ref}' lahtris „{label}“ (kes asendab) peaks olema nimetavas käändes: '{expected}' (tabeli "
               "paigutus on oletatud, vt AJ004)",
        ),
        "partitive_guess": Message(
            en="'{ref}' under {label} (whom it substitutes) should be in the partitive: '{expected}' (the grid's "
               "layout was guessed, see AJ004)",
            et="'{ref}' lahtris „{label}“ (keda asendab) peaks olema osastavas käändes: '{expected}' (tabeli "
               "paigutus on oletatud, vt AJ004)",
        ),
    }

    def check(self, doc):
        jd = doc.model
        m = model()
        for key in ("substitutes", "substitutes_for"):
            case = expected_case(doc.profile, key)
            if case not in (NOM, PART):
                continue
            guessed = any(key in g.fields for g in jd.layout_guesses)
            for ref in getattr(jd, key):
                form = read_ref(ref.text)
                if not form.analyses or form.in_case(case):
                    continue
                variants = {(a.source, a.stem, a.plural) for a in form.analyses}
                a = form.analyses[0]
                word = m.inflect(a, case)
                if word is None:
                    continue
                start = form.last_start
                expected = ref.text[:start] + word + ref.text[start + len(form.last):]
                fix = None
                if len(variants) == 1:
                    fix = self._fix(doc, ref, form, word, safe=a.certain and not guessed)
                yield self.diag(doc, ref, case + ("_guess" if guessed else ""), ref=ref.text,
                                label=label_name(doc, key), expected=expected, fix=fix, section="general")

    @staticmethod
    def _fix(doc, ref, form, word, safe):
        """Replace the last word in the source (found on the reference's last line)."""
        lines = doc.lines
        if not (0 < ref.end_line <= len(lines)):
            return None
        line = lines[ref.end_line - 1]
        if ref.line == ref.end_line and line[ref.column - 1:ref.end_column - 1] == ref.text:
            col = ref.column + form.last_start
        else:
            head = line[: ref.end_column - 1]
            pos = head.rfind(form.last)
            if pos < 0:
                return None
            col = pos + 1
        if line[col - 1:col - 1 + len(form.last)] != form.last:
            return None
        after = line[col - 1 + len(form.last):col + len(form.last)]
        if after[:1].isalnum():
            return None
        start = doc.offset(ref.end_line if ref.line != ref.end_line else ref.line, col)
        return Fix(edits=(Edit(start, start + len(form.last), word),),
                   applicability="safe" if safe else "unsafe",
                   description=f"Write '{word}'")
