"""``rules/hygiene.toml``: the word lists and patterns of the hygiene and privacy rules.

HR owns this data (well-known abbreviations, role e-mail addresses, switchboard numbers, placeholder
patterns, bullet characters); the rules only read it. It is validated on load by :class:`HygieneFile`
(``schema/hygiene.schema.json`` is generated from it) and compiled once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from ajlint.data import data_dir
from ajlint.model import new_list
from ajlint.datafiles import load_toml_model


def _regex(value: str) -> str:
    try:
        re.compile(value)
    except re.error as exc:
        raise ValueError(f"not a valid regular expression: {exc}") from None
    return value


def _one_char(value: str) -> str:
    if len(value) != 1:
        raise ValueError("a bullet is exactly one character")
    return value


Regex = Annotated[str, AfterValidator(_regex)]
Char = Annotated[str, AfterValidator(_one_char)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Abbreviations(_Strict):
    """AJ502 undefined-abbreviation."""

    well_known: list[str] = Field(
        default_factory=new_list, description="Abbreviations every reader knows; never reported (EL, ESF, IT …)"
    )
    not_abbreviations: list[str] = Field(
        default_factory=new_list,
        description="Words in capitals that are not abbreviations at all (editorial markers such as TODO, "
                    "which AJ505 reports)",
    )
    max_length: int = Field(
        default=5, ge=2, le=12,
        description="Longest run of capitals taken for an abbreviation; longer ones are words in capitals",
    )
    definition_words: list[str] = Field(
        default_factory=new_list,
        description="Words that may precede the abbreviation inside its defining parenthesis: '(edaspidi KOV)'",
    )
    aside_words: list[str] = Field(
        default_factory=new_list,
        description="A parenthesis after an abbreviation that starts with one of these is an aside, "
                    "not its expansion: 'KOVid (sh noortekeskused)'",
    )
    endings: list[str] = Field(
        default_factory=new_list,
        description="Case endings written directly after an abbreviation ('KOVi', 'KOVidele'); "
                    "anything else glued to capitals is not an abbreviation (OCR 'PGhjendab')",
    )


class Contact(_Strict):
    """AJ602 personal-contact."""

    role_local_parts: list[str] = Field(
        default_factory=new_list, description="Local parts of generic role addresses (info@, kontakt@ …), any domain"
    )
    allowed_addresses: list[str] = Field(default_factory=new_list, description="Whole e-mail addresses that are allowed")
    allowed_phones: list[str] = Field(
        default_factory=new_list, description="Organisations' switchboard and info numbers, in any spacing"
    )
    phone_keywords: list[str] = Field(
        default_factory=new_list, description="Words that announce a phone number: 'tel', 'mobiil' …"
    )


class Placeholders(_Strict):
    """AJ505 placeholder-text."""

    patterns: list[Regex] = Field(
        default_factory=new_list,
        description="Regular expressions of leftovers reported wherever they appear (XXX, TODO, [nimi] …)",
    )
    alone: list[Regex] = Field(
        default_factory=new_list,
        description="Regular expressions a field's whole value must match to be a placeholder ('…', '?')",
    )


class ListStyle(_Strict):
    """AJ503 list-style."""

    bullets: list[Char] = Field(description="Characters that start a list item")
    strong: list[Char] = Field(
        default_factory=new_list,
        description="Bullets that are bullets anywhere on a line; the others only at the start of a line or cell",
    )
    ocr_variants: list[Char] = Field(
        default_factory=new_list,
        description="Characters OCR reads one printed bullet as; in OCR text they count as one style",
    )
    markdown_markers: list[Char] = Field(
        default_factory=new_list, description="Bullets that are markdown list syntax at the start of a line"
    )


class HygieneFile(_Strict):
    """rules/hygiene.toml: data of the text hygiene and privacy rules (AJ502–AJ505, AJ601, AJ602)."""

    # lambdas, not the classes: pydantic inspects a default factory's signature, and a model class's
    # signature is slow to build (3 ms for these three, at every start-up)
    abbreviations: Abbreviations = Field(default_factory=lambda: Abbreviations())
    contact: Contact = Field(default_factory=lambda: Contact())
    placeholders: Placeholders = Field(default_factory=lambda: Placeholders())
    list_style: ListStyle


@lru_cache(maxsize=1)
def hygiene() -> HygieneFile:
    return load_toml_model(data_dir("rules") / "hygiene.toml", HygieneFile)  # type: ignore[return-value]


def digits(s: str) -> str:
    """The national significant number: digits only, without the Estonian country code."""
    d = "".join(ch for ch in s if ch.isdigit())
    for prefix in ("00372", "372"):
        if d.startswith(prefix) and len(d) - len(prefix) >= 7:
            return d[len(prefix):]
    return d


def literal_prefix(rx: re.Pattern[str]) -> str:
    """The plain text every match of ``rx`` begins with: the literal characters its parsed form starts
    with ('XXX+' → 'XX', 'N\\.\\s?N\\.' → 'N.'); "" when it starts with anything else (a class, a group,
    an alternative at the top level) or ignores case. A text without the prefix has no match."""
    if rx.flags & re.IGNORECASE:
        return ""
    try:  # the re module's own parser: private (present since Python 3.11); without it, no prefix
        from re import _parser
        from re._constants import LITERAL

        out = []
        for op, arg in _parser.parse(rx.pattern, rx.flags):
            if op is not LITERAL:
                break
            out.append(chr(arg))
    except Exception:  # another Python's parser: every pattern is scanned, as before
        return ""
    return "".join(out)


@dataclass(frozen=True)
class Compiled:
    """The data turned into the sets and regular expressions the rules use (built once)."""

    well_known: frozenset[str]
    max_length: int
    definition_words: frozenset[str]
    aside_words: frozenset[str]
    endings: frozenset[str]
    role_local_parts: frozenset[str]
    allowed_addresses: frozenset[str]
    allowed_phones: frozenset[str]
    #: a phone keyword at the very end of the searched text ("… tel: "): search it just before a number
    phone_keyword_rx: re.Pattern[str] | None
    placeholder_rx: tuple[re.Pattern[str], ...]
    #: the plain text each placeholder pattern's matches begin with (see :func:`literal_prefix`)
    placeholder_prefixes: tuple[str, ...]
    alone_rx: tuple[re.Pattern[str], ...]
    bullets: frozenset[str]
    strong: frozenset[str]
    ocr_variants: frozenset[str]
    markdown_markers: frozenset[str]


@lru_cache(maxsize=1)
def compiled() -> Compiled:
    h = hygiene()
    a, c, p, ls = h.abbreviations, h.contact, h.placeholders, h.list_style
    kw = sorted({k.strip() for k in c.phone_keywords if k.strip()}, key=len, reverse=True)
    kw_rx = (
        re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in kw) + r")(?!\w)[ \t]*(?:nr\.?[ \t]*)?[:.]?[ \t]*\Z",
                   re.IGNORECASE) if kw else None
    )
    alone = [x for x in p.alone if x]
    placeholder_rx = tuple(re.compile(x) for x in p.patterns if x)
    return Compiled(
        well_known=frozenset(a.well_known) | frozenset(a.not_abbreviations),
        max_length=a.max_length,
        definition_words=frozenset(w.lower() for w in a.definition_words),
        aside_words=frozenset(w.lower() for w in a.aside_words),
        endings=frozenset(a.endings),
        role_local_parts=frozenset(x.lower() for x in c.role_local_parts),
        allowed_addresses=frozenset(x.lower() for x in c.allowed_addresses),
        allowed_phones=frozenset(digits(x) for x in c.allowed_phones),
        phone_keyword_rx=kw_rx,
        placeholder_rx=placeholder_rx,
        placeholder_prefixes=tuple(map(literal_prefix, placeholder_rx)),
        alone_rx=tuple(re.compile(x) for x in alone),
        bullets=frozenset(ls.bullets),
        strong=frozenset(ls.strong),
        ocr_variants=frozenset(ls.ocr_variants),
        markdown_markers=frozenset(ls.markdown_markers),
    )
