"""Declarative rules: simple rules HR staff write in TOML, without Python.

A file holds ``[[rules]]`` tables; each has a ``code`` and ``name`` of the author's choosing, a
``type`` and the type's fields:

* ``substitution`` — ``swap`` maps a wrong wording to the right one; fixable (safe).
* ``existence`` — ``tokens`` lists phrases that must not appear.
* ``required`` — ``sections`` (profile section keys) and/or ``labels`` (label spellings) must exist.
* ``conditional`` — if the regular expression ``first`` matches, ``second`` must match too
  (``$1`` in ``second`` stands for the first group of ``first``'s match).

Each file is validated on load (``schema/declarative.schema.json``); an error names the file, the
line and the key. The shipped ``rules/declarative.toml`` is loaded by the built-in plugin; a user's
own files come through the ``rule-data`` configuration key.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Annotated, ClassVar, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ajlint.model import new_list
from ajlint.diagnostics import Edit, Fix, Message, Severity
from ajlint.linememo import per_line
from ajlint.ltext import Span
from ajlint.rule import Rule
from ajlint.textnorm import squash


class _Base(BaseModel):
    model_config = ConfigDict(extra="forbid")

    code: str = Field(pattern=r"^[A-Z]{2,4}[0-9]{3}$", description="The rule's code, e.g. HR001")
    name: str = Field(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$", description="kebab-case name")
    severity: Literal["error", "warning", "info"] = "warning"
    summary: str = Field(min_length=3, description="One line: what is wrong")
    why: str = Field(min_length=3, description="Why it matters to a reviewer")
    message: str = Field(min_length=3, description="English message; {match} and {right} are filled in")
    message_et: str = Field(min_length=3, description="Estonian message")
    example: str | None = None
    use_instead: str | None = None
    profiles: list[str] | None = Field(default=None, description="Apply only to documents of these profiles")


class SubstitutionRule(_Base):
    type: Literal["substitution"]
    swap: dict[str, str] = Field(min_length=1, description="wrong → right")
    ignore_case: bool = True


class ExistenceRule(_Base):
    type: Literal["existence"]
    tokens: list[str] = Field(min_length=1)
    ignore_case: bool = True


class RequiredRule(_Base):
    type: Literal["required"]
    sections: list[str] = Field(default_factory=new_list, description="Section keys, e.g. equipment")
    labels: list[str] = Field(default_factory=new_list, description="Label spellings, e.g. Keeleoskus")


class ConditionalRule(_Base):
    type: Literal["conditional"]
    first: str = Field(description="Regular expression; when it matches …")
    second: str = Field(description="… this regular expression must match too ($1 = first's group 1)")


AnyRule = Annotated[Union[SubstitutionRule, ExistenceRule, RequiredRule, ConditionalRule], Field(discriminator="type")]


class DeclarativeFile(BaseModel):
    """A file of declarative rules (rules/declarative.toml, or a user's file given in rule-data)."""

    model_config = ConfigDict(extra="forbid")

    rules: list[AnyRule] = Field(default_factory=new_list)


class DeclarativeError(Exception):
    """A declarative rules file that cannot be used; the message names the file, line and key."""


def _line_of(text: str, loc: tuple) -> int:
    """Best line for an error at ``loc`` ('rules', index, key …) in a TOML text."""
    lines = text.split("\n")
    line = 1
    if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
        headers = [i for i, ln in enumerate(lines, 1) if re.match(r"^\s*\[\[\s*rules\s*\]\]", ln)]
        if loc[1] < len(headers):
            line = headers[loc[1]]
            end = headers[loc[1] + 1] if loc[1] + 1 < len(headers) else len(lines) + 1
            for key in [k for k in loc[2:] if isinstance(k, str)][:1]:
                for i in range(line, end):
                    if re.match(rf"^\s*{re.escape(key)}\s*=|^\s*\[\s*rules\.{re.escape(key)}\s*\]", lines[i - 1]):
                        return i
    return line


def load_file(path: Path) -> DeclarativeFile:
    try:
        text = path.read_text(encoding="utf-8")
        raw = tomllib.loads(text)
    except OSError as exc:
        raise DeclarativeError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise DeclarativeError(f"{path}: not valid TOML: {exc}") from None
    try:
        return DeclarativeFile.model_validate(raw)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(p for p in err["loc"] if p not in ("substitution", "existence", "required", "conditional"))
        key = ".".join(str(p) for p in loc)
        raise DeclarativeError(f"{path}:{_line_of(text, loc)}: key '{key}': {err['msg']}") from None


_DOC = """{summary}

What it does
    {what}

Why it matters
    {why}

Example
    {example}

Use instead
    {use_instead}

Fix safety
    {fix}
"""


def make_rule(spec, source: str) -> type[Rule]:
    """A Rule class for one declarative rule."""
    base = {
        "substitution": _SubstitutionBase,
        "existence": _ExistenceBase,
        "required": _RequiredBase,
        "conditional": _ConditionalBase,
    }[spec.type]
    if spec.type == "substitution":
        wrong, right = next(iter(spec.swap.items()))
        example, use = spec.example or wrong, spec.use_instead or right
        fix = "Safe: the wrong wording is replaced by the right one."
    else:
        example, use = spec.example or "(see the rule's summary)", spec.use_instead or "(see the rule's summary)"
        fix = "No automatic fix."
    doc = _DOC.format(summary=spec.summary, what=f"{spec.summary} A declarative '{spec.type}' rule from {source}.",
                      why=spec.why, example=example, use_instead=use, fix=fix)
    cls = type(
        f"Declarative_{spec.code}",
        (base,),
        {
            "__doc__": doc,
            "code": spec.code,
            "name": spec.name,
            "severity": Severity(spec.severity),
            "fixable": spec.type == "substitution",
            "messages": {"m": Message(en=spec.message, et=spec.message_et)},
            "spec": spec,
            "source": source,
        },
    )
    cls._prepare()
    return cls


class _DeclBase(Rule):
    spec: ClassVar[object]
    source: ClassVar[str] = ""

    @classmethod
    def _prepare(cls) -> None:
        pass

    def applies(self, doc) -> bool:
        profiles = getattr(self.spec, "profiles", None)
        return not profiles or (doc.model is not None and doc.model.profile in profiles)

    def check(self, doc):
        if doc.text is None or not self.applies(doc):
            return
        yield from self._check(doc)

    def _check(self, doc):
        return ()


def _phrase_rx(phrases: list[str], ignore_case: bool) -> re.Pattern[str]:
    alts = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.I if ignore_case else 0)


class _Prefilter:
    """Where in a text one of the phrases can stand: a substring search per phrase runs in C far
    faster than the regex, and most texts hold none of them. Case-folded for ``ignore_case``:
    case folding maps every pair of characters the regex treats as equal to the same string, except
    the dotless and dotted I, which are mapped to ``i`` first."""

    def __init__(self, phrases: list[str], ignore_case: bool):
        self.fold = ignore_case
        self.phrases = tuple({p.casefold() if ignore_case else p for p in phrases if p})

    def _folded(self, text: str) -> str:
        if self.fold:
            if "ı" in text or "İ" in text:
                text = text.replace("ı", "i").replace("İ", "i")
            text = text.casefold()
        return text

    def finditer(self, rx: re.Pattern[str], text: str):
        """``rx.finditer(text)``, with the regex tried only where a phrase's text stands. Falls back to
        the plain scan when folding changed the text's length (offsets would not carry over)."""
        folded = self._folded(text)
        if len(folded) != len(text):
            yield from rx.finditer(text)
            return
        starts = set()
        for p in self.phrases:
            k = folded.find(p)
            while k >= 0:
                starts.add(k)
                k = folded.find(p, k + 1)
        end = 0
        for k in sorted(starts):
            if k < end:
                continue
            m = rx.match(text, k)  # the pattern's own boundaries and longest-first order decide
            if m is not None and m.end() > m.start():
                yield m
                end = m.end()


def _phrase_matches(rule, doc):
    """(offset of the line, match in the line) of every phrase of a substitution or existence rule, line
    by line with each line's matches kept by its text (:mod:`ajlint.linememo`). A phrase never spans
    lines: the pattern has no whitespace class a line break could satisfy, and its word boundaries see a
    line break as they see the end of a string. (A phrase written with a line break in it could only
    match across lines, and such a match is not reported: those rules search the whole text.)"""
    cls = type(rule)
    if cls._whole:
        return ((0, m) for m in cls._may.finditer(cls._rx, doc.text) if "\n" not in m.group(0))
    return per_line(doc.lines, doc.line_starts, cls._lines, lambda ln: cls._may.finditer(cls._rx, ln))


class _PhraseBase(_DeclBase):
    """A rule that searches the text for a list of phrases (substitution, existence)."""

    _rx: ClassVar[re.Pattern[str]]
    _may: ClassVar[_Prefilter]
    _lines: ClassVar[dict[str, tuple]]  # each line's matches, by its text
    _whole: ClassVar[bool]  # a phrase has a line break: search the whole text

    @classmethod
    def _prepare_phrases(cls, phrases: list[str]) -> None:
        cls._rx = _phrase_rx(phrases, cls.spec.ignore_case)
        cls._may = _Prefilter(phrases, cls.spec.ignore_case)
        cls._lines, cls._whole = {}, any("\n" in p for p in phrases)


class _SubstitutionBase(_PhraseBase):
    _lookup: ClassVar[dict[str, str]]

    @classmethod
    def _prepare(cls) -> None:
        cls._prepare_phrases(list(cls.spec.swap))
        cls._lookup = {(k.lower() if cls.spec.ignore_case else k): v for k, v in cls.spec.swap.items()}

    def _check(self, doc):
        for start, m in _phrase_matches(self, doc):
            found = m.group(0)
            right = self._lookup[found.lower() if self.spec.ignore_case else found]
            if found[:1].isupper() and right[:1].islower():
                right = right[:1].upper() + right[1:]
            start += m.start()
            n, col = doc.position(start)
            fix = Fix((Edit(start, start + len(found), right),), "safe", f"Replace '{found}' with '{right}'")
            yield self.diag(doc, Span(n, col, n, col + len(found)), "m", match=found, right=right, fix=fix)


class _ExistenceBase(_PhraseBase):
    @classmethod
    def _prepare(cls) -> None:
        cls._prepare_phrases(list(cls.spec.tokens))

    def _check(self, doc):
        for start, m in _phrase_matches(self, doc):
            n, col = doc.position(start + m.start())
            yield self.diag(doc, Span(n, col, n, col + len(m.group(0))), "m", match=m.group(0), right="")


class _RequiredBase(_DeclBase):
    def _check(self, doc):
        if doc.model is None:
            return
        keys = {s.key for s in doc.model.sections}
        labels = {squash(lb.label) for lb in doc.model.labels} | {squash(lb.matched) for lb in doc.model.labels}
        for key in self.spec.sections:
            if key not in keys:
                yield self.diag(doc, 1, "m", match=key, right=key)
        for label in self.spec.labels:
            if squash(label) not in labels:
                yield self.diag(doc, 1, "m", match=label, right=label)


class _ConditionalBase(_DeclBase):
    _first: ClassVar[re.Pattern[str]]

    @classmethod
    def _prepare(cls) -> None:
        cls._first = re.compile(cls.spec.first)

    def _check(self, doc):
        text = doc.text
        reported: set[str] = set()
        for n, line in enumerate(doc.lines, 1):
            for m in self._first.finditer(line):
                key = m.group(0)
                if key in reported:
                    continue
                group = re.escape(m.group(1)) if m.groups() and m.group(1) else ""
                second = self.spec.second.replace("$1", group)
                try:
                    if re.search(second, text):
                        continue
                except re.error:
                    continue
                reported.add(key)
                yield self.diag(doc, Span(n, m.start() + 1, n, m.end() + 1), "m", match=key, right="")


@lru_cache(maxsize=32)
def rules_from_file(path: Path) -> tuple[type[Rule], ...]:
    data = load_file(path)
    return tuple(make_rule(spec, path.name) for spec in data.rules)


def is_declarative(path: Path) -> bool:
    try:
        return "rules" in tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return False
