"""The plugin hooks. Built-in rules, readers and reporters use exactly these, as a plugin would.

A plugin is a module (or object) with functions marked ``@ajlint.hookimpl``, exposed through the
``ajlint`` entry-point group of its package::

    [project.entry-points.ajlint]
    my_rules = "my_package.ajlint_plugin"
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("ajlint")
hookimpl = pluggy.HookimplMarker("ajlint")


class AjlintSpec:
    @hookspec
    def ajlint_rules(self):
        """Return a list of :class:`ajlint.rule.Rule` subclasses."""

    @hookspec
    def ajlint_readers(self):
        """Return a list of reader objects (``name``, ``extensions``, ``read(data, path)``,
        optionally ``sniff(data) -> bool`` to claim a file by its content)."""

    @hookspec
    def ajlint_reporters(self):
        """Return a list of reporter objects (``name``, ``description``, ``render(ctx, out)``) that
        ``ajlint check --format NAME`` can use; ``ctx`` is an :class:`ajlint.reporters.formats.ReportContext`.
        A reporter that never reads the documents' text may say ``needs_source = False``: a large run then
        does not keep every document's text until the report is written. One whose output depends on
        nothing but the run's findings, documents, language and options may say ``cacheable = True``: a
        re-run over unchanged files then replays its report from the cache. One that writes each finding
        alone, the same wherever it stands, may offer ``finding_renderer(lang)``, a function from a finding
        to its text: each finding is then written as soon as it is final, in the process that found it
        (``--jobs``), and ``render`` finds the text in ``Diagnostic.rendered``."""
