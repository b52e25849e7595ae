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


class _Lazy:
    """A reader or reporter whose module is imported only when it is used: ``check`` on one markdown
    file must not pay for the Word, PDF or HTML-report code. What is needed to choose it (its name,
    extensions, description, and a cheap content sniff) is here; everything else is forwarded."""

    def __init__(self, module: str, cls: str, name: str, *, extensions: tuple[str, ...] = (),
                 sniff=None, description: str = ""):
        self.name, self.extensions, self.description = name, extensions, description
        self._module, self._cls, self._sniff, self._real = module, cls, sniff, None

    def _get(self):
        if self._real is None:
            import importlib

            self._real = getattr(importlib.import_module(self._module), self._cls)()
        return self._real

    def sniff(self, data: bytes) -> bool:
        return self._sniff(data) if self._sniff is not None else self._get().sniff(data)

    def __getattr__(self, item):  # read, members, render, what …
        if item.startswith("__") or item in ("_real", "_module", "_cls", "_sniff"):
            raise AttributeError(item)
        return getattr(self._get(), item)


def _zip(kind: str):
    def sniff(data: bytes) -> bool:
        if not data.startswith(b"PK"):
            return False
        from ajlint.readers.zipsafe import zip_kind

        return zip_kind(data) == kind
    return sniff


@hookimpl
def ajlint_readers():
    from ajlint.readers.text import TextReader

    # binary readers claim a file by its content (sniff) before the text reader, which stays last
    return [
        _Lazy("ajlint.readers.asice", "AsiceReader", "asice",
              extensions=(".asice", ".bdoc", ".sce", ".asics", ".scs"), sniff=_zip("asice")),
        _Lazy("ajlint.readers.docx", "DocxReader", "docx", extensions=(".docx", ".docm", ".dotx"), sniff=_zip("docx")),
        _Lazy("ajlint.readers.odt", "OdtReader", "odt", extensions=(".odt", ".ott"), sniff=_zip("odt")),
        _Lazy("ajlint.readers.pdf", "PdfReader", "pdf", extensions=(".pdf",),
              sniff=lambda data: b"%PDF-" in data[:1024]),
        TextReader(),
    ]


@hookimpl
def ajlint_reporters():
    from ajlint.reporters.formats import BUILTIN

    html = _Lazy("ajlint.reporters.html", "HtmlReporter", "html",
                 description="the HR quality review report: one self-contained HTML page")
    return list(BUILTIN) + [html]
