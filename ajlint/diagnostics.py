"""Findings (diagnostics) and the vocabulary rules use to produce them."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ajlint.ltext import Span


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @classmethod
    def parse(cls, value: str) -> "Severity":
        try:
            return cls(value.lower())
        except ValueError:
            raise ValueError(f"unknown severity {value!r}; expected one of error, warning, info") from None


_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


@dataclass(frozen=True)
class Message:
    """A finding message in both languages; ``{name}`` placeholders are filled from the arguments."""

    en: str
    et: str

    def render(self, lang: str, args: dict[str, Any]) -> str:
        template = self.et if lang == "et" else self.en
        return template.format(**args)


class Edit(NamedTuple):
    """Replace the text between two 0-based character offsets of the decoded source. A named tuple: a
    fix may hold hundreds of them (one per line end), and a tuple is made in C."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """A finding's fix: its edits, applied together, and whether applying them is safe."""

    edits: tuple[Edit, ...]
    applicability: str = "safe"  # safe | unsafe
    description: str = ""


@dataclass(slots=True)
class Diagnostic:
    """One finding. Slotted: a run over thousands of documents holds hundreds of thousands of them."""

    path: str
    code: str
    rule: str
    severity: Severity
    message: Message
    args: dict[str, Any]
    span: Span
    section: str | None = None
    fix: Fix | None = None
    locator: str | None = None
    related: list[dict[str, Any]] = field(default_factory=list)
    #: the marked text is personal data: reporters must not quote it
    sensitive: bool = False
    #: this finding as the run's reporter writes it, made where it was found (see Engine.render_finding):
    #: with ``--jobs``, every process writes its own findings while it checks
    rendered: str | None = field(default=None, compare=False, repr=False)

    def text(self, lang: str = "en") -> str:
        return self.message.render(lang, self.args)

    def __reduce__(self):
        # Workers send every document's findings to the main process. Pickled as they are, a finding's
        # slotted dataclass, severity, span, fix and edits each cost a Python-level call (copyreg, the
        # enum's and the named tuples' reduce methods); as plain tuples and strings they are made in C
        fix = self.fix
        return _revive, (self.path, self.code, self.rule, self.severity.value, self.message, self.args,
                         tuple(self.span), self.section,
                         None if fix is None else (tuple(map(tuple, fix.edits)), fix.applicability, fix.description),
                         self.locator, self.related, self.sensitive, self.rendered)

    @property
    def sort_key(self) -> tuple:
        return (self.path, self.span.line, self.span.column, self.code)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        d: dict[str, Any] = {
            "path": self.path,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.text(lang),
            "line": self.span.line,
            "column": self.span.column,
            "end_line": self.span.end_line,
            "end_column": self.span.end_column,
            "section": self.section,
        }
        if self.locator:
            d["locator"] = self.locator
        if self.related:
            d["related"] = self.related
        if self.fix:
            d["fix"] = {
                "applicability": self.fix.applicability,
                "description": self.fix.description,
                "edits": [
                    {"start": e.start, "end": e.end, "replacement": e.replacement} for e in self.fix.edits
                ],
            }
        return d


def _revive(path, code, rule, severity, message, args, span, section, fix, locator, related, sensitive,
            rendered) -> Diagnostic:
    """A finding from its pickled form (see ``Diagnostic.__reduce__``)."""
    if fix is not None:
        edits, applicability, description = fix
        fix = Fix(tuple([_tuple_new(Edit, e) for e in edits]), applicability, description)
    return Diagnostic(path, code, rule, _SEVERITIES[severity], message, args, _tuple_new(Span, span), section, fix,
                      locator, related, sensitive, rendered)


_tuple_new = tuple.__new__  # a named tuple from a plain one, without its Python-level __new__
_SEVERITIES = {s.value: s for s in Severity}
