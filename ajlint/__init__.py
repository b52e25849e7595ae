"""ajlint — the linter for Estonian public-sector job descriptions (ametijuhend)."""

__version__ = "0.1.0"
