"""ajlint — the linter for Estonian public-sector job descriptions (ametijuhend)."""

__version__ = "0.1.0"

from ajlint.hookspecs import hookimpl  # noqa: E402  (the marker plugin authors need)

__all__ = ["__version__", "hookimpl"]
