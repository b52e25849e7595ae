"""What the link rules share: the resolved links of the set (computed once per run) and how a finding
names the other side."""

from __future__ import annotations

from typing import Any

from ajlint.links.checks import Links, links_for
from ajlint.rule import Rule


class LinkRule(Rule):
    """A corpus rule over the resolved links of the whole set of documents."""

    scope = "corpus"
    option_defaults = {"corpus-complete": False}
    corpus_fields = frozenset({"manager", "substitutes", "substitutes_for", "direct_reports",
                               "direct_reports_none", "none_fields", "layout_guesses", "labels"})

    @property
    def complete(self) -> bool:
        return bool(self.options.get("corpus-complete", False))

    def links(self, docs: list) -> Links:
        return links_for(docs, self.complete)


def related(doc: Any, where: Any, message: str) -> dict:
    line = where if isinstance(where, int) else getattr(where, "line", 1)
    col = 1 if isinstance(where, int) else getattr(where, "column", 1)
    return {"path": doc.path, "line": line, "column": col, "message": message}


def others(positions: list, limit: int = 5) -> str:
    """'Title (file:line), …' for a list of positions."""
    out = []
    for p in positions[:limit]:
        t = p.doc.model.title
        out.append(f"{p.title} ({p.doc.path}:{t.line if t is not None else 1})")
    return ", ".join(out)
