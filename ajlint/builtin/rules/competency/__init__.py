"""Approved competency wording: the catalog of the competency model and the rules that hold job
descriptions to it (AJ401–AJ405).

The catalog (``rules/competencies.toml``) holds the specialist and manager sets with their indicator
sentences and the additional-competency menu with each definition; ``rules/competency-signals.toml``
holds what shows that a position manages people. Both are HR's data, validated by the models in
:mod:`.data`; the matching index is built once per catalog (:mod:`.index`), and each document is
analysed once for all five rules (:mod:`.analysis`).
"""

from ajlint.builtin.rules.competency.aj401_competency_name import CompetencyName
from ajlint.builtin.rules.competency.aj402_competency_wording import CompetencyWording
from ajlint.builtin.rules.competency.aj403_competency_set import CompetencySet
from ajlint.builtin.rules.competency.aj404_missing_competency import MissingCompetency
from ajlint.builtin.rules.competency.aj405_duplicate_competency import DuplicateCompetency
from ajlint.builtin.rules.competency.data import CompetencyCatalog, CompetencySignals

RULES = [CompetencyName, CompetencyWording, CompetencySet, MissingCompetency, DuplicateCompetency]
DATA_FILES = {"competencies.toml": CompetencyCatalog, "competency-signals.toml": CompetencySignals}
# an organisation's files of these names in a rule-data folder (or given by name) reach the rules as
# these options: a catalog extends or replaces the shipped one, a signals file replaces it
RULE_DATA_OPTIONS = {"competencies.toml": ("competency-catalog", "list"),
                     "competency-signals.toml": ("competency-signals", "single")}
