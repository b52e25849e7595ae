"""Text hygiene and privacy: personal data, undefined abbreviations, list style, whitespace, placeholders.

These rules read the text more than the structure (see :mod:`.textview`); their word lists and patterns
are data in ``rules/hygiene.toml``. AJ501 ``spelling`` is reserved for the morphology extra.
"""

from ajlint.builtin.rules.hygiene.aj502_undefined_abbreviation import UndefinedAbbreviation
from ajlint.builtin.rules.hygiene.aj503_list_style import ListStyle
from ajlint.builtin.rules.hygiene.aj504_whitespace import Whitespace
from ajlint.builtin.rules.hygiene.aj505_placeholder_text import PlaceholderText
from ajlint.builtin.rules.hygiene.aj601_personal_id_code import PersonalIdCode
from ajlint.builtin.rules.hygiene.aj602_personal_contact import PersonalContact
from ajlint.builtin.rules.hygiene.data import HygieneFile

RULES = [UndefinedAbbreviation, ListStyle, Whitespace, PlaceholderText, PersonalIdCode, PersonalContact]
DATA_FILES = {"hygiene.toml": HygieneFile}
