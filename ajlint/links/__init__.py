"""Links between job descriptions: the position index, the Estonian inflection model that reads
references through their case endings, and the resolution of references across documents.

- :mod:`ajlint.links.inflection` — the compact inflection model (``rules/inflection.toml``);
- :mod:`ajlint.links.units` — unit strings read into osakond / talitus / tiim;
- :mod:`ajlint.links.index` — the position index and the resolver;
- :mod:`ajlint.links.checks` — the resolved links of a set and their breaks (rules AJ201–AJ208, graph).
"""

from __future__ import annotations


def fill_titles(jd, profile=None) -> None:
    """Fill ``PositionRef.title`` of the general part's references (called when a document is built)."""
    from ajlint.links.index import fill_titles as _fill

    _fill(jd, profile)


__all__ = ["fill_titles"]
