"""`ajlint graph` is wired into the command line (its output is tested in test_links_graph)."""

from __future__ import annotations

import pytest

from conftest import FIXTURES


def test_graph_subcommand(cli):
    code, out, _ = cli("graph", FIXTURES / "org" / "base")
    assert code == 0 and out.startswith("flowchart")
    code, out, _ = cli("graph", "--format", "dot", FIXTURES / "org" / "base")
    assert code == 0 and out.startswith("digraph")


def test_graph_help_and_errors(cli, tmp_path):
    import pytest

    with pytest.raises(SystemExit) as exc:
        cli("graph", "--help")
    assert exc.value.code == 0
    code, _, err = cli("graph", tmp_path / "missing")
    assert code == 2 and "no such file or directory" in err


def test_report_subcommand(cli, tmp_path):
    out = tmp_path / "r.html"
    code, _, err = cli("report", FIXTURES / "org" / "base", "-o", out)
    assert code == 0, err
    html = out.read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html") and "<script src" not in html


@pytest.mark.parametrize("command, extra", [("graph", []), ("report", ["--no-cache"])])
def test_an_output_that_cannot_be_written_is_a_usage_error(cli, tmp_path, command, extra):
    # written as check writes --output: a temporary file beside the target, moved into place; a folder
    # that does not exist is a clear error, and nothing is left behind
    code, _, err = cli(command, FIXTURES / "org" / "base", "-o", tmp_path / "no" / "out.txt", *extra)
    assert code == 2 and "cannot write" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []
