"""Links between job descriptions: substitution and reporting lines resolved across documents.

References are read through Estonian inflection (``rules/inflection.toml``) and resolved against an
index of every position of the set (:mod:`ajlint.links`). AJ204 checks one document; the others are
corpus rules over the whole set (``--corpus`` / ``corpus`` widen the set used for resolution).
"""

from ajlint.builtin.rules.links.aj201_substitution_reciprocity import SubstitutionReciprocity
from ajlint.builtin.rules.links.aj202_unresolved_position import UnresolvedPosition
from ajlint.builtin.rules.links.aj203_ambiguous_position import AmbiguousPosition
from ajlint.builtin.rules.links.aj204_substitute_case import SubstituteCase
from ajlint.builtin.rules.links.aj205_manager_mismatch import ManagerMismatch
from ajlint.builtin.rules.links.aj206_reporting_cycle import ReportingCycle
from ajlint.builtin.rules.links.aj207_no_substitute import NoSubstitute
from ajlint.builtin.rules.links.aj208_self_substitution import SelfSubstitution
from ajlint.links.data import InflectionFile

RULES = [
    SubstitutionReciprocity, UnresolvedPosition, AmbiguousPosition, SubstituteCase, ManagerMismatch,
    ReportingCycle, NoSubstitute, SelfSubstitution,
]
DATA_FILES = {"inflection.toml": InflectionFile}
