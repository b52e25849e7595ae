"""Language requirements (Keeleoskus): CEFR levels, legacy terms, missing levels, the Estonian-language
rules, unknown languages and the notation of levels (AJ301–AJ306).

The requirements are read by :mod:`ajlint.languages` into ``doc.model.requirements.languages``; the
names, level words, legacy terms and the Estonian policy are data in ``rules/languages.toml``.
"""

from ajlint.builtin.rules.language.aj301_cefr_level import CefrLevel
from ajlint.builtin.rules.language.aj302_legacy_language_level import LegacyLanguageLevel
from ajlint.builtin.rules.language.aj303_missing_language_level import MissingLanguageLevel
from ajlint.builtin.rules.language.aj304_estonian_level import EstonianLevel
from ajlint.builtin.rules.language.aj305_unknown_language import UnknownLanguage
from ajlint.builtin.rules.language.aj306_inconsistent_level_format import InconsistentLevelFormat
from ajlint.datafiles import LanguagesFile

RULES = [CefrLevel, LegacyLanguageLevel, MissingLanguageLevel, EstonianLevel, UnknownLanguage,
         InconsistentLevelFormat]
DATA_FILES = {"languages.toml": LanguagesFile}
