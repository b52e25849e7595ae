"""Where the shipped data (``rules/``, ``schema/``) lives.

In a source checkout (and an editable install) they are the top-level folders beside ``ajlint/``;
an installed wheel carries them as ``ajlint/_data/rules`` and ``ajlint/_data/schema``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PKG = Path(__file__).resolve().parent


@lru_cache(maxsize=4)
def data_dir(name: str) -> Path:
    for candidate in (_PKG / "_data" / name, _PKG.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"ajlint data folder {name!r} is missing from the installation")
