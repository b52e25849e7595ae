"""The document model: one located model of a job description, whatever shape it came in.

Every value and list item carries its source location: ``line``, ``column``, ``end_line``,
``end_column`` (1-based; the end column is exclusive). ``schema/jobdescription.schema.json`` is
generated from :class:`JobDescription` (``python -m ajlint.schemas``); a test fails when they drift.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ajlint.ltext import LText


def new_list() -> list:
    """``default_factory`` for list fields, in place of ``list``: pydantic inspects the signature of every
    default factory when it builds a model class, and ``inspect.signature(list)`` is slow (about 0.15 ms,
    the builtin's signature is parsed from text each time) where a plain function's takes a few
    microseconds; with some seventy list fields in the models read at start-up (the document model, the
    configuration, the rule data) that was about 10 ms of every run."""
    return []


class Located(BaseModel):
    """A value's place in the source text."""

    model_config = ConfigDict(extra="forbid")

    line: int = Field(description="1-based line of the first character")
    column: int = Field(description="1-based column of the first character")
    end_line: int = Field(description="1-based line of the last character")
    end_column: int = Field(description="1-based column one past the last character")

    @classmethod
    def of(cls, lt: LText, **kw):
        s = lt.span()
        kw["line"], kw["column"], kw["end_line"], kw["end_column"] = s
        # what cls(**kw) does, without the keyword call through BaseModel.__init__ (a third of the time
        # of a small model): the same validation, the same fields set
        return cls.__pydantic_validator__.validate_python(kw)


class Text(Located):
    """A piece of text exactly as written (markup removed, wrapped lines joined)."""

    text: str

    @classmethod
    def from_lt(cls, lt: LText) -> "Text":
        return cls.of(lt, text=lt.text)


class PositionRef(Located):
    """A reference to a position (a job title), one list item as written."""

    text: str = Field(description="The item exactly as written, e.g. 'Talituse juhatajat'")
    qualifier: str | None = Field(
        default=None, description="A parenthesised qualifier, e.g. 'lastemaja' in 'juhtivspetsialist (lastemaja)'"
    )
    title: str | None = Field(
        default=None, description="Normalised nominative base form, filled by reference resolution"
    )


class Duty(Located):
    number: str | None = Field(default=None, description="The duty number as written, e.g. '3.4.'")
    number_location: Located | None = None
    text: str
    items: list[Text] = Field(default_factory=new_list, description="Sub-items of the duty ('sh: ...')")
    results: list[Text] = Field(default_factory=new_list, description="Expected results (Oodatavad tulemused)")


class LanguageRequirement(Located):
    language: str = Field(description="Language in the nominative, lower case, e.g. 'eesti'")
    level: str | None = Field(default=None, description="The level as written, e.g. 'C1', 'kõrgtase'")
    minimum: bool = Field(default=False, description="True when written as 'vähemalt' (at least)")
    qualifier: str | None = Field(default=None, description="E.g. 'soovitavalt'")
    text: str = Field(description="The phrase the requirement was read from")
    known: bool = Field(
        default=True,
        description="False when the word in the language's place is no known language ('inglse'); "
                    "'language' then holds that word in lower case",
    )
    language_location: Located | None = Field(default=None, description="Where the language's name is")
    level_kind: Literal["cefr", "invalid", "legacy", "category"] | None = Field(
        default=None,
        description="cefr (A1–C2), invalid ('C3', 'B'), legacy ('kõrgtase') or category (legacy 'A'–'F')",
    )
    cefr: str | None = Field(
        default=None,
        description="The CEFR level the level stands for: itself when valid, the statutory equivalent of a "
                    "legacy term or category (Language Act § 28⁴)",
    )
    level_location: Located | None = Field(default=None, description="Where the level token is ('C1')")
    notation: Literal["tase-first", "level-hyphen", "level-space", "bare"] | None = Field(
        default=None,
        description="How the level is written: 'tasemel C1', 'C1-tasemel', 'C1 tasemel' or a bare 'C1'",
    )
    notation_location: Located | None = Field(
        default=None, description="Where the whole level phrase is ('tasemel C1', 'C1-tase')"
    )
    notation_word: str | None = Field(default=None, description="The 'tase' word as written ('tasemel')")
    vague: str | None = Field(
        default=None, description="A phrase that describes a level without naming one ('heal tasemel')"
    )


class Requirements(BaseModel):
    model_config = ConfigDict(extra="forbid")

    education: Text | None = None
    experience: Text | None = None
    languages: list[LanguageRequirement] = Field(default_factory=new_list)
    languages_text: Text | None = None
    computer_skills: Text | None = None


class Competency(Located):
    name: str = Field(description="The name as written, without the trailing colon")
    name_location: Located
    qualifier: str | None = Field(default=None, description="E.g. 'sh selge ja veenev eneseväljendusoskus'")
    indicators: list[Text] = Field(
        default_factory=new_list, description="Indicator sentences (core) or definition text (additional)"
    )


class Section(Located):
    key: str = Field(description="Profile key of the section, e.g. 'purpose'")
    number: str | None = Field(default=None, description="Section number as written, e.g. '2.'")
    heading: str = Field(description="The heading as written")
    matched: str = Field(description="The profile heading variant it was recognised as")
    exact: bool = Field(description="True when it matches the variant after case and diacritic folding")
    score: float = Field(description="Similarity to the variant, 0-100")
    ocr_folded: bool = Field(default=False, description="True when only OCR-style damage separates it")
    heading_location: Located | None = Field(
        default=None, description="Where the heading words are, without the number and markup"
    )
    number_location: Located | None = Field(
        default=None, description="Where the section number is (it may stand on a line of its own)"
    )


class Label(Located):
    """A recognised label of the general part (1.1 Ametinimetus, Teenistuskoht, Allub …)."""

    key: str
    number: str | None = None
    label: str
    matched: str
    exact: bool
    score: float


class LayoutGuess(Located):
    fields: list[str] = Field(description="The model fields whose values were guessed")
    guess: str = Field(description="The values chosen, field by field")
    reason: str = Field(description="Why the layout was ambiguous and what was chosen")


class DocumentInfo(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: str = Field(
        description="markdown, text, html (text formats); docx, odt, pdf (binary formats, read into a text rendering)"
    )
    encoding: str
    encoding_fallback: bool = False
    line_count: int
    ocr_evidence: list[Text] = Field(
        default_factory=new_list, description="Words where diacritics were evidently lost"
    )


class JobDescription(BaseModel):
    """One job description (ametijuhend) as ajlint understands it."""

    model_config = ConfigDict(extra="forbid")

    path: str
    profile: str | None = Field(default=None, description="Detected or forced profile name")
    kind: Literal["ametnik", "töötaja"] | None = Field(
        default=None, description="Civil servant (ametnik) or employee (töötaja) vocabulary"
    )
    kind_evidence: list[Text] = Field(default_factory=new_list)
    info: DocumentInfo
    title: Text | None = None
    unit: Text | None = None
    manager: PositionRef | None = None
    substitutes: list[PositionRef] = Field(default_factory=new_list, description="Who substitutes this position (1.4)")
    substitutes_for: list[PositionRef] = Field(
        default_factory=new_list, description="Whom this position substitutes (1.5)"
    )
    direct_reports: list[PositionRef] = Field(default_factory=new_list)
    direct_reports_none: bool = Field(default=False, description="Alluvad written as '-' (none)")
    none_fields: list[str] = Field(
        default_factory=new_list,
        description="Keys of the general part's fields whose value was written as none ('-', 'puudub')",
    )
    purpose: Text | None = None
    duties: list[Duty] = Field(default_factory=new_list)
    unassigned_results: list[Text] = Field(
        default_factory=new_list, description="Expected results that stand before any duty (a result with no duty)"
    )
    rights: list[Text] = Field(default_factory=new_list)
    responsibilities: list[Text] = Field(default_factory=new_list)
    equipment: list[Text] = Field(default_factory=new_list)
    requirements: Requirements = Field(default_factory=lambda: Requirements())  # (see new_list)
    competencies: list[Competency] = Field(default_factory=new_list)
    additional_competencies: list[Competency] = Field(default_factory=new_list)
    knowledge: list[Text] = Field(default_factory=new_list, description="Free-form 'Teadmised …' items")
    review_clause: Text | None = None
    signatures: list[Text] = Field(default_factory=new_list)
    sections: list[Section] = Field(default_factory=new_list)
    labels: list[Label] = Field(default_factory=new_list)
    layout_guesses: list[LayoutGuess] = Field(default_factory=new_list)

    def section_at(self, line: int) -> str | None:
        """Key of the section that contains ``line``."""
        current = None
        for s in self.sections:
            if s.line <= line:
                current = s.key
            else:
                break
        return current
