"""Core rules: reading problems and the internal-error finding."""

from ajlint.builtin.rules.core.aj001_unreadable_file import UnreadableFile
from ajlint.builtin.rules.core.aj002_not_a_job_description import NotAJobDescription
from ajlint.builtin.rules.core.aj003_encoding_fallback import EncodingFallback
from ajlint.builtin.rules.core.aj004_ambiguous_layout import AmbiguousLayout
from ajlint.builtin.rules.core.aj005_ocr_damage import OcrDamage
from ajlint.builtin.rules.core.aj010_invalid_suppression import InvalidSuppression
from ajlint.builtin.rules.core.aj011_unused_suppression import UnusedSuppression
from ajlint.builtin.rules.core.aj900_internal_error import InternalError

RULES = [
    UnreadableFile, NotAJobDescription, EncodingFallback, AmbiguousLayout, OcrDamage,
    InvalidSuppression, UnusedSuppression, InternalError,
]
