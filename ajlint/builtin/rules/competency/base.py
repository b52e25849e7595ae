"""What the competency rules share: the catalog options and the per-document analysis."""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from ajlint.builtin.rules.competency.analysis import Analysis, analysis
from ajlint.builtin.rules.competency.index import CatalogIndex, get_index
from ajlint.rule import Rule

#: rule options shared by AJ401–AJ405 (``[tool.ajlint.options]``)
OPTION_DEFAULTS: dict[str, Any] = {
    # an organisation's own catalog files (paths relative to the working directory), laid over the
    # shipped rules/competencies.toml in order: "mode = 'replace'" or "'extend'" (the default)
    "competency-catalog": [],
    # a file replacing the shipped rules/competency-signals.toml
    "competency-signals": None,
}


def _paths(value: Any) -> tuple[Path, ...]:
    if not value:
        return ()
    if isinstance(value, (str, Path)):
        value = [value]
    return tuple(Path(str(v)).expanduser().resolve() for v in value)


class CompetencyRule(Rule):
    option_defaults: ClassVar[dict[str, Any]] = dict(OPTION_DEFAULTS)

    def index(self) -> CatalogIndex:
        idx = getattr(self, "_index", None)
        if idx is None:
            sig = _paths(self.options.get("competency-signals"))
            idx = get_index(_paths(self.options.get("competency-catalog")), sig[0] if sig else None)
            self._index = idx
        return idx

    def analysis(self, doc) -> Analysis:
        return analysis(doc, self.index())


def competencies_label(doc):
    """The "Tööks vajalikud kompetentsid" label, where set-level findings are put."""
    for lb in doc.model.labels or []:
        if lb.key == "requirements.competencies":
            return lb
    return None
