"""Structure rules: required sections and fields, their order and numbering, heading spelling, empty
fields, duties with results, one vocabulary per document, signatures.

Which sections and fields are required is data in ``rules/profiles/``; the civil-servant and employee
vocabularies are data in ``rules/terms.toml`` (validated by ``ajlint.datafiles.TermsFile``).
"""

from ajlint.builtin.rules.structure.aj101_missing_section import MissingSection
from ajlint.builtin.rules.structure.aj102_section_order import SectionOrder
from ajlint.builtin.rules.structure.aj103_section_numbering import SectionNumbering
from ajlint.builtin.rules.structure.aj104_heading_spelling import HeadingSpelling
from ajlint.builtin.rules.structure.aj105_empty_field import EmptyField
from ajlint.builtin.rules.structure.aj106_duty_without_result import DutyWithoutResult
from ajlint.builtin.rules.structure.aj107_terminology_mismatch import TerminologyMismatch
from ajlint.builtin.rules.structure.aj108_missing_signature import MissingSignature

RULES = [
    MissingSection, SectionOrder, SectionNumbering, HeadingSpelling, EmptyField, DutyWithoutResult,
    TerminologyMismatch, MissingSignature,
]
