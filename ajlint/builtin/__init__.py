"""The built-in plugin: ajlint's own rules and readers, registered through the public hooks.

It is loaded from the ``ajlint`` entry-point group like any third-party plugin.
"""

from __future__ import annotations

from ajlint.hookspecs import hookimpl


@hookimpl
def ajlint_rules():
    from ajlint.builtin.rules import all_rules

    return all_rules()


@hookimpl
def ajlint_readers():
    from ajlint.readers.text import TextReader

    return [TextReader()]
