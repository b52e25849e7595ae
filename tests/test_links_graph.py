"""``ajlint graph``: the resolved reporting and substitution graph as Mermaid or Graphviz DOT."""

from __future__ import annotations

import argparse
import re

from ajlint import graph

from conftest import FIXTURES

ORG = FIXTURES / "org"


def run_graph(capsys, *argv: str) -> tuple[int, str, str]:
    p = argparse.ArgumentParser(prog="ajlint graph")
    graph.add_arguments(p)
    code = graph.run(p.parse_args([str(a) for a in argv]))
    out, err = capsys.readouterr()
    return code, out, err


def _ids(out: str) -> dict[str, str]:
    """Node id → title, from either format."""
    ids = {m.group(1): m.group(2) for m in re.finditer(r'(\w+)\["([^"<]+)<br/>', out)}
    ids.update({m.group(1): m.group(2) for m in re.finditer(r'(\w+) \[label="([^"\\]+)\\n', out)})
    return ids


def test_mermaid_of_the_consistent_organisation(capsys):
    code, out, _ = run_graph(capsys, ORG / "base")
    assert code == 0 and out.startswith("flowchart TB\n")
    ids = {v: k for k, v in _ids(out).items()}
    assert len(ids) == 8
    # units are subgraphs
    assert 'subgraph g0["Juhtkond"]' in out and '["Lastekaitse osakond, lastemaja talitus"]' in out
    # reporting: manager → report; substitution: substitute -. asendab .-> the position it substitutes
    assert f"{ids['Peadirektor']} --> {ids['Lastekaitse osakonna juhataja']}" in out
    assert f"{ids['Asendushoolduse talituse juhataja']} --> {ids['Peaspetsialist']}" in out
    assert f"{ids['Nõunik']} -. asendab .-> {ids['Peaspetsialist']}" in out
    assert f"{ids['Peaspetsialist']} -. asendab .-> {ids['Nõunik']}" in out
    # a consistent organisation: nothing red, nothing dashed
    assert "linkStyle" not in out and ":::unresolved" not in out
    # each link once, though both documents state it
    assert out.count(f"{ids['Nõunik']} -. asendab .-> {ids['Peaspetsialist']}") == 1


def test_broken_edges_are_red_and_unresolved_nodes_dashed(capsys, tmp_path):
    import shutil

    for p in (ORG / "base").iterdir():
        shutil.copy(p, tmp_path / p.name)
    for v in ("aj201-substitution-reciprocity", "aj202-unresolved-position"):
        for p in (ORG / "variants" / v).iterdir():
            shutil.copy(p, tmp_path / p.name)
    code, out, _ = run_graph(capsys, tmp_path)
    assert code == 0
    ids = {v: k for k, v in _ids(out).items()}
    lines = [ln.strip() for ln in out.splitlines() if "-->" in ln or ".->" in ln]
    red = {int(i) for i in re.search(r"linkStyle ([\d,]+) stroke:#d00000", out).group(1).split(",")}
    red_edges = {lines[i] for i in red}
    # the Nõunik claims to substitute its talitus head, and the peaspetsialist claims the Nõunik
    # substitutes it: both stated on one side only (AJ201)
    assert red_edges == {
        f"{ids['Nõunik']} -. asendab .-> {ids['Asendushoolduse talituse juhataja']}",
        f"{ids['Nõunik']} -. asendab .-> {ids['Peaspetsialist']}",
    }
    # 'projektijuhti' matches no position: a dashed node the coordinator substitutes
    node = re.search(r'(u\d+)\["\? projektijuht<br/><small>unresolved</small>"\]:::unresolved', out)
    assert node and f"{ids['Koordinaator']} -. asendab .-> {node.group(1)}" in out


def test_dot_with_corpus(capsys, tmp_path):
    import shutil

    for p in (ORG / "base").iterdir():
        shutil.copy(p, tmp_path / p.name)
    for p in (ORG / "variants" / "aj206-reporting-cycle").iterdir():
        shutil.copy(p, tmp_path / p.name)
    code, out, _ = run_graph(capsys, tmp_path / "osakonnajuhataja.md", "--corpus", f"{tmp_path}/*", "--format", "dot")
    assert code == 0 and out.startswith("digraph ajlint {") and out.rstrip().endswith("}")
    ids = {v: k for k, v in _ids(out).items()}
    # only the positions linked to the given file are drawn; corpus documents are shaded
    assert set(ids) == {"Lastekaitse osakonna juhataja", "Asendushoolduse talituse juhataja",
                        "Lastemaja talituse juhataja", "Peadirektor"}
    oj, tj = ids["Lastekaitse osakonna juhataja"], ids["Asendushoolduse talituse juhataja"]
    assert 'fillcolor="#eeeeee"' in out and "subgraph cluster_" in out
    # the reporting cycle (AJ206) is red both ways
    assert f"{tj} -> {oj} [color=red, penwidth=2];" in out
    assert f"{oj} -> {tj} [color=red, penwidth=2];" in out


def test_missing_path_is_a_usage_error(capsys, tmp_path):
    code, out, err = run_graph(capsys, tmp_path / "nope")
    assert code == 2 and out == "" and "no such file" in err


def test_output_file(capsys, tmp_path):
    target = tmp_path / "org.mmd"
    code, out, _ = run_graph(capsys, ORG / "base", "-o", target)
    assert code == 0 and out == "" and target.read_text(encoding="utf-8").startswith("flowchart TB")
