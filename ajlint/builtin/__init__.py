"""The built-in plugin: ajlint's own rules and readers, registered through the public hooks.

It is loaded from the ``ajlint`` entry-point group like any third-party plugin.
"""

from __future__ import annotations

from ajlint.hookspecs import hookimpl


@hookimpl
def ajlint_rules():
    from ajlint.builtin.rules import all_rules
    from ajlint.data import data_dir
    from ajlint.declarative import rules_from_file

    # the shipped declarative rules (rules/declarative.toml) are built-in rules too
    return all_rules() + list(rules_from_file(data_dir("rules") / "declarative.toml"))


@hookimpl
def ajlint_readers():
    from ajlint.readers.asice import AsiceReader
    from ajlint.readers.docx import DocxReader
    from ajlint.readers.odt import OdtReader
    from ajlint.readers.pdf import PdfReader
    from ajlint.readers.text import TextReader

    # binary readers claim a file by its content (sniff) before the text reader, which stays last
    return [AsiceReader(), DocxReader(), OdtReader(), PdfReader(), TextReader()]


@hookimpl
def ajlint_reporters():
    from ajlint.reporters.formats import BUILTIN
    from ajlint.reporters.html import HtmlReporter

    return list(BUILTIN) + [HtmlReporter()]
