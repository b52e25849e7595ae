"""The rule API: what a rule is and how it reports.

A rule is a class with a code (``AJ123``), a kebab-case name, a default severity, messages in
English and Estonian, and a docstring with the sections ``What it does``, ``Why it matters``,
``Example``, ``Use instead`` and ``Fix safety`` (``ajlint rule CODE`` prints it). A rule checks one
document (``scope = "document"``, :meth:`Rule.check`) or the whole set given to ``check``
(``scope = "corpus"``, :meth:`Rule.check_corpus`). Rules read the model; they never open files.
"""

from __future__ import annotations

import inspect
import re
from typing import TYPE_CHECKING, Any, ClassVar, Iterable

from ajlint.diagnostics import Diagnostic, Fix, Message, Severity
from ajlint.ltext import LText, Span

if TYPE_CHECKING:
    from ajlint.document import Document

CODE_RX = re.compile(r"^[A-Z]{2,4}[0-9]{3}$")
NAME_RX = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
DOC_SECTIONS = ("What it does", "Why it matters", "Example", "Use instead", "Fix safety")


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    scope: ClassVar[str] = "document"
    needs_model: ClassVar[bool] = True
    fixable: ClassVar[bool] = False
    #: False for opt-in rules, which run only when selected explicitly (select / extend-select)
    default_enabled: ClassVar[bool] = True
    #: True when the text a finding marks is personal data that reporters must not quote
    sensitive: ClassVar[bool] = False
    #: corpus rules: the model fields they read (None: the whole model). When every corpus rule of a
    #: run names its fields, the engine keeps only those (and the basics) once a document's own rules
    #: have run, so that a run over thousands of documents does not hold every duty and competency.
    corpus_fields: ClassVar[frozenset[str] | None] = None
    messages: ClassVar[dict[str, Message]] = {}
    #: options a rule reads from configuration (``[tool.ajlint.options]``), with their defaults
    option_defaults: ClassVar[dict[str, Any]] = {}

    def __init__(self, options: dict[str, Any] | None = None):
        self.options: dict[str, Any] = {**self.option_defaults, **(options or {})}

    def check(self, doc: "Document") -> Iterable[Diagnostic]:
        return ()

    def check_corpus(self, docs: list["Document"]) -> Iterable[Diagnostic]:
        return ()

    # -- helpers for rule authors -----------------------------------------------------------------
    def diag(
        self,
        doc: "Document",
        where: Any,
        key: str,
        *,
        fix: Fix | None = None,
        section: str | None = None,
        **args: Any,
    ) -> Diagnostic:
        """A finding of this rule at ``where`` (an LText, a located model value, a Span or a line)."""
        return Diagnostic(
            path=doc.path,
            code=self.code,
            rule=self.name,
            severity=self.severity,
            message=self.messages[key],
            args=args,
            span=to_span(where, doc),
            section=section,
            fix=fix,
            sensitive=self.sensitive,
        )

    @classmethod
    def summary(cls) -> str:
        doc = inspect.getdoc(cls) or ""
        return doc.strip().split("\n", 1)[0].strip()

    @classmethod
    def documentation(cls) -> str:
        return inspect.getdoc(cls) or ""

    @classmethod
    def problems(cls) -> list[str]:
        """What is wrong with this rule's declaration (empty when it is complete)."""
        out = []
        if not CODE_RX.match(getattr(cls, "code", "") or ""):
            out.append(f"code {getattr(cls, 'code', None)!r} is not like AJ123")
        if not NAME_RX.match(getattr(cls, "name", "") or ""):
            out.append(f"name {getattr(cls, 'name', None)!r} is not kebab-case")
        if cls.scope not in ("document", "corpus"):
            out.append(f"scope {cls.scope!r} is not 'document' or 'corpus'")
        doc = cls.documentation()
        if not doc:
            out.append("no docstring")
        for sec in DOC_SECTIONS:
            if f"{sec}" not in doc:
                out.append(f"docstring lacks the section '{sec}'")
        for key, msg in cls.messages.items():
            if not isinstance(msg, Message) or not msg.en or not msg.et:
                out.append(f"message {key!r} lacks English or Estonian text")
        return out


def to_span(where: Any, doc: "Document | None" = None) -> Span:
    if isinstance(where, Span):
        return where
    if isinstance(where, LText):
        return where.span()
    if isinstance(where, int):
        length = len(doc.lines[where - 1]) if doc is not None and 0 < where <= len(doc.lines) else 0
        return Span(where, 1, where, length + 1)
    if hasattr(where, "line") and hasattr(where, "end_column"):
        return Span(where.line, where.column, where.end_line, where.end_column)
    return Span(1, 1, 1, 1)
