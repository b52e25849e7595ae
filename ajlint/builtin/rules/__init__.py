"""Built-in rules, one per module."""

from ajlint.builtin.rules.aj001_unreadable_file import UnreadableFile
from ajlint.builtin.rules.aj002_not_a_job_description import NotAJobDescription
from ajlint.builtin.rules.aj003_encoding_fallback import EncodingFallback
from ajlint.builtin.rules.aj004_ambiguous_layout import AmbiguousLayout
from ajlint.builtin.rules.aj005_ocr_damage import OcrDamage
from ajlint.builtin.rules.aj900_internal_error import InternalError

RULES = [UnreadableFile, NotAJobDescription, EncodingFallback, AmbiguousLayout, OcrDamage, InternalError]
