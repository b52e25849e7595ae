from itertools import compress, repeat
from operator import attrgetter, is_

from ajlint.diagnostics import Message, Severity
from ajlint.linememo import DataMemos, per_line, remember
from ajlint.ltext import Span
from ajlint.rule import Rule

from ajlint.builtin.rules.hygiene.data import compiled
from ajlint.builtin.rules.hygiene.textview import view


def field_values(model):
    """Every located text value of the model a person fills in (titles, duties, items, requirements …)."""
    for name in ("title", "unit", "manager", "purpose", "review_clause"):
        v = getattr(model, name)
        if v is not None:
            yield v
    for name in ("substitutes", "substitutes_for", "direct_reports", "rights", "responsibilities",
                 "equipment", "knowledge"):
        yield from getattr(model, name)
    for d in model.duties:
        yield d
        yield from d.items
        yield from d.results
    r = model.requirements
    for v in (r.education, r.experience, r.languages_text, r.computer_skills):
        if v is not None:
            yield v
    for c in (*model.competencies, *model.additional_competencies):
        yield from c.indicators


#: per tuple of the patterns' prefixes: (patterns always searched, (index, prefix) of the others, the
#: indices of the prefixes each line holds by the line's text)
_GATES: dict[tuple[str, ...], tuple[frozenset[int], tuple[tuple[int, str], ...], dict[str, tuple]]] = {}


def may_match(tv, prefixes: tuple[str, ...]) -> set[int]:
    """The indices of the placeholder patterns that can match in the masked text: those whose literal
    prefix stands on one of its lines (a prefix without a line break stands within a line) and those
    without a prefix. Every pattern is scanned over the whole text, and most documents hold none of
    them; looking up each line's prefixes by its text (:mod:`ajlint.linememo`) costs far less than the
    scans it spares."""
    gate = _GATES.get(prefixes)
    if gate is None:
        always = frozenset(i for i, p in enumerate(prefixes) if not p or "\n" in p)
        gate = _GATES[prefixes] = (always, tuple((i, p) for i, p in enumerate(prefixes) if i not in always), {})
    always, checked, memo = gate
    found = {i for _, i in per_line(tv.masked, tv.starts, memo, lambda ln: [i for i, p in checked if p in ln])}
    return found.union(always) if always else found


class PlaceholderText(Rule):
    """Template leftovers: XXX, TODO, [nimi], or a field holding only '…'.

    What it does
        Reports two kinds of leftovers of filling in a template, both defined in
        ``rules/hygiene.toml`` (``[placeholders]``):

        * markers that are never content, wherever they appear as a whole word: ``XXX``, ``TODO``, ``FIXME``,
          ``TBD``, ``TÄPSUSTADA``, a bracketed name such as ``[nimi]`` or ``{ametinimetus}`` (not a
          markdown link), ``<nimi>`` (not an HTML tag), ``N.N.``, ``lorem ipsum``, a fill-in blank
          ``______`` (a line of underscores alone is a markdown rule and is not reported);
        * a field whose whole value is only a placeholder: ``…``, ``...``, ``?``, ``täpsustada``.
          (``-`` alone is not one: it is how "none" is written, e.g. ``Alluvad -``.)

        HTML tags and comments are not searched.

    Why it matters
        A job description with ``XXX`` in the title or ``…`` as the substitute was published
        unfinished. It is a legal document: an empty field is a missing decision, and the register
        keeps it.

    Example
        ``1.4 Kes asendab	…`` or ``Töökogemus: vähemalt XXX aastat``

    Use instead
        ``1.4 Kes asendab	Talituse juhataja`` and ``Töökogemus: vähemalt 2 aastat``

    Fix safety
        No automatic fix: only a person knows what belongs in the field.
    """

    code = "AJ505"
    name = "placeholder-text"
    severity = Severity.WARNING
    messages = {
        "marker": Message(
            en="Placeholder '{text}' left in the document; replace it with the real content",
            et="Dokumenti on jäänud täitmata koht '{text}'; asenda see sisuga",
        ),
        "alone": Message(
            en="The field holds only '{text}'; fill it in or remove it",
            et="Väljal on ainult '{text}'; täida see või eemalda",
        ),
    }

    def check(self, doc):
        tv = view(doc)
        data = compiled()
        text = tv.masked_text
        found: list[Span] = []
        may = may_match(tv, data.placeholder_prefixes)
        for i, rx in enumerate(data.placeholder_rx):
            if i not in may:
                continue
            for m in rx.finditer(text):
                a, b = m.start(), m.end()
                if b == a or (text[a].isalnum() and a > 0 and text[a - 1].isalnum()) \
                        or (text[b - 1].isalnum() and b < len(text) and text[b].isalnum()):
                    continue  # inside a longer word: 'XXXL', 'TODOd'
                line, col = tv.pos(m.start())
                if line in tv.code_lines:
                    continue
                if tv.masked[line - 1].strip() == m.group() and not any(ch.isalnum() for ch in m.group()):
                    continue  # a line of underscores is a markdown rule, not a blank to fill in
                end_line, end_col = tv.pos(m.end())
                found.append(Span(line, col, end_line, end_col))
                yield self.diag(doc, found[-1], "marker", text=m.group())
        if not data.alone_rx:
            return
        # each field's answer kept by its text (a template's fields recur in every document), all of them
        # looked up in C: only a field holding a placeholder alone is looked at in Python
        memo, = _ALONE.of(data)
        values = list(field_values(doc.model))
        got = list(map(memo.get, map(_TEXT, values)))
        if None in got:
            for k in compress(range(len(got)), map(is_, got, repeat(None))):
                got[k] = remember(memo, values[k].text, _alone(values[k].text, data))
        for v, value in zip(compress(values, got), filter(None, got)):
            if any((v.line, v.column) <= (s.line, s.column) <= (v.end_line, v.end_column) for s in found):
                continue
            yield self.diag(doc, v, "alone", text=value)


_TEXT = attrgetter("text")
_ALONE = DataMemos()  # {field text: _alone's answer}


def _alone(text: str | None, data) -> str:
    """The value of a field holding only a placeholder ('…', '?'), as reported; "" for any other field."""
    value = (text or "").strip(" \t,;:")
    if not value or len(value) > 40 or not any(rx.fullmatch(value) for rx in data.alone_rx):
        return ""
    return value
