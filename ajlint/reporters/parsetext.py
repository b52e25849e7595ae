"""``ajlint parse`` text output: what was read, each value with its line:column."""

from __future__ import annotations

from typing import TextIO

from ajlint.model import JobDescription


def _at(v) -> str:
    return f"{v.line}:{v.column}"


def _base(ref) -> str:
    """The normalised title when it differs from the text (``Talituse juhatajat → talituse juhataja``)."""
    if ref.title and ref.title.casefold() != ref.text.casefold():
        return f" → {ref.title}"
    return ""


def render_model(m: JobDescription, out: TextIO) -> None:
    w = out.write
    w(f"{m.path}\n")
    w(f"  profile: {m.profile}   kind: {m.kind or '?'}   format: {m.info.format} ({m.info.encoding})\n")
    w(f"  title:            {m.title.text if m.title else '—'}{'  @' + _at(m.title) if m.title else ''}\n")
    w(f"  unit:             {m.unit.text if m.unit else '—'}{'  @' + _at(m.unit) if m.unit else ''}\n")
    w(f"  manager:          {m.manager.text + _base(m.manager) if m.manager else '—'}"
      f"{'  @' + _at(m.manager) if m.manager else ''}\n")
    for label, refs in (("substitutes", m.substitutes), ("substitutes_for", m.substitutes_for),
                        ("direct_reports", m.direct_reports)):
        shown = "; ".join(f"{r.text}{_base(r)} @{_at(r)}" for r in refs) or ("— (none)" if label == "direct_reports"
                                                                     and m.direct_reports_none else "—")
        w(f"  {label + ':':<18}{shown}\n")
    for g in m.layout_guesses:
        w(f"  ! guessed layout @{_at(g)}: {g.guess} ({g.reason})\n")
    sections = ", ".join(f"{s.number or ''} {s.key}".strip() for s in m.sections)
    w(f"  sections:         {sections}\n")
    w(f"  duties:           {len(m.duties)}\n")
    for d in m.duties:
        w(f"    {d.number or '-':6} {len(d.results)} result(s)  {d.text[:70]}{'…' if len(d.text) > 70 else ''}\n")
    w(f"  rights: {len(m.rights)}   responsibilities: {len(m.responsibilities)}   equipment: {len(m.equipment)}\n")
    r = m.requirements
    if r.education:
        w(f"  education:        {r.education.text}\n")
    for lang in r.languages:
        q = f" ({lang.qualifier})" if lang.qualifier else ""
        w(f"  language:         {lang.language} {'≥ ' if lang.minimum else ''}{lang.level or '?'}{q}  @{_at(lang)}\n")
    if m.competencies:
        w(f"  competencies:     {', '.join(f'{c.name} ({len(c.indicators)})' for c in m.competencies)}\n")
    if m.additional_competencies:
        w(f"  additional:       {', '.join(c.name for c in m.additional_competencies)}\n")
    w(f"  review clause:    {'yes' if m.review_clause else 'no'}   signatures: {len(m.signatures)}\n")
