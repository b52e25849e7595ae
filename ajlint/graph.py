"""``ajlint graph PATH...``: the resolved reporting and substitution graph, as Mermaid or Graphviz DOT.

Positions are boxes grouped by unit; a solid arrow goes from a manager to a direct report, a dotted one
from a substitute to the position it substitutes ("asendab"). An edge that breaks a link rule (stated
by one side only, AJ201 / AJ205, or part of a reporting cycle, AJ206) is drawn in red; a reference that
resolves to no position (AJ202) or to several (AJ203) is a dashed node. Files given with ``--corpus``
are read to resolve references; of them only the positions linked to PATH's documents are drawn.

The CLI wires :func:`add_arguments` and :func:`run` as the ``graph`` subcommand.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field

from ajlint.links.checks import Links, build_links, title_of

EXIT_OK, EXIT_USAGE = 0, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories of job descriptions")
    parser.add_argument("--format", choices=["mermaid", "dot"], default="mermaid",
                        help="mermaid (default: paste into a Markdown file or mermaid.live) or dot (Graphviz)")
    parser.add_argument("--corpus", metavar="GLOB", action="append", default=None,
                        help="also read the files matching GLOB (repeatable) to resolve references; only the "
                             "positions linked to PATH's documents are drawn")
    parser.add_argument("--profile", metavar="NAME", help="use this profile instead of detecting it")
    parser.add_argument("--corpus-complete", action="store_true", default=None,
                        help="the documents are the whole organisation: resolve references across sibling "
                             "units too (default: the corpus-complete option of the configuration)")
    parser.add_argument("-o", "--output", metavar="FILE", default=None, help="write the graph to FILE")


def run(args: argparse.Namespace) -> int:
    import os

    from ajlint.config import ConfigError, ConfigResolver
    from ajlint.engine import Engine, UsageError
    from ajlint.plugins import default_registry
    from ajlint.profiles import load_profiles

    missing = [p for p in args.paths if not os.path.exists(p)]
    if missing:
        print("ajlint: error: no such file or directory: " + ", ".join(missing), file=sys.stderr)
        return EXIT_USAGE
    try:
        profiles = load_profiles()
        if args.profile and args.profile not in profiles:
            print(f"ajlint: error: unknown profile '{args.profile}' (available: {', '.join(sorted(profiles))})",
                  file=sys.stderr)
            return EXIT_USAGE
        resolver = ConfigResolver(None, isolated=False)
        engine = Engine(default_registry(), profile=args.profile, resolver=resolver, profiles=profiles)
        files = engine.discover(args.paths)
        docs = engine.load(files, corpus=args.corpus)
        complete = args.corpus_complete
        if complete is None:
            cfg = resolver.for_path(files[0][0]) if files else None
            complete = bool(cfg.data.options.get("corpus-complete", False)) if cfg is not None else False
    except (UsageError, ConfigError) as exc:
        print(f"ajlint: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    modelled = [d for d in docs if d.model is not None and not d.not_job_description]
    graph = build_graph(build_links(modelled, complete))
    text = render_dot(graph) if args.format == "dot" else render_mermaid(graph)
    if args.output:
        from ajlint.cli import _Usage, _write_output

        try:  # as check writes --output: complete, or not at all
            _write_output(args, lambda fh: fh.write(text))
        except _Usage as exc:
            print(f"ajlint: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
    else:
        sys.stdout.write(text)
    return EXIT_OK


# -- the graph ------------------------------------------------------------------------------------------

@dataclass
class Node:
    id: str
    label: str
    detail: str  # the file, or why the node is dashed
    unit: str | None
    dashed: bool = False
    corpus: bool = False


@dataclass
class Edge:
    src: str
    dst: str
    kind: str  # manager (src manages dst) | substitution (src substitutes dst)
    broken: bool = False
    dashed_target: bool = False


@dataclass
class Graph:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)


def build_graph(links: Links) -> Graph:
    g = Graph()
    docs = links.docs
    broken_refs = {id(b.res) for b in links.breaks}
    # a break's other side: the edge it should have stated (kind, manager/substitute, other) is red too
    broken_pairs: set[tuple[str, int, int]] = set()
    for b in links.breaks:
        src, dst = _edge_ends(b.res.field, b.a, b.b)
        broken_pairs.add((_kind(b.res.field), src, dst))
    in_cycle = {(i, nxt) for cyc in links.cycles for i, nxt in zip(cyc, cyc[1:] + cyc[:1])}
    edges: dict[tuple[str, int, int], Edge] = {}
    wanted: set[int] = {i for i, d in enumerate(docs) if d.report}
    dashed: dict[tuple[int, str], str] = {}
    for a, per in enumerate(links.resolutions):
        for key, rs in per.items():
            for r in rs:
                if r.status in ("resolved", "self"):
                    targets = [a] if r.status == "self" else sorted(r.target_indexes)
                    for t in targets:
                        if t == a and not (key == "manager" and (a, a) in in_cycle):
                            continue
                        if not (docs[a].report or docs[t].report):
                            continue
                        src, dst = _edge_ends(key, a, t)
                        kind = _kind(key)
                        e = edges.setdefault((kind, src, dst), Edge(f"p{src}", f"p{dst}", kind))
                        if id(r) in broken_refs or (kind, src, dst) in broken_pairs:
                            e.broken = True
                        if kind == "manager" and (dst, src) in in_cycle:
                            e.broken = True
                        wanted.update((a, t))
                elif docs[a].report and r.key:
                    # one dashed node per referring document and title
                    nid = dashed.get((a, r.key))
                    if nid is None:
                        nid = dashed[(a, r.key)] = f"u{len(dashed)}"
                        why = "unresolved" if r.status == "unresolved" else f"matches {r.count} positions"
                        g.nodes[nid] = Node(nid, f"? {r.title}", why, None, dashed=True)
                    src, dst = _edge_ends(key, a, -1)
                    edges[(_kind(key), src, dst, nid)] = Edge(  # type: ignore[index]
                        nid if src == -1 else f"p{src}", nid if dst == -1 else f"p{dst}", _kind(key),
                        dashed_target=True)
    for i in sorted(wanted):
        pos = links.position(i)
        d = docs[i]
        unit = pos.unit.display() if pos is not None and (pos.unit.root or any(pos.unit.path)) else None
        if unit is None and d.model.unit is not None:
            unit = d.model.unit.text
        g.nodes[f"p{i}"] = Node(f"p{i}", title_of(d), d.path, unit, corpus=not d.report)
    g.edges = list(edges.values())
    return g


def _kind(key: str) -> str:
    return "manager" if key in ("manager", "direct_reports") else "substitution"


def _edge_ends(key: str, a: int, t: int) -> tuple[int, int]:
    """(source, target) of the edge that a reference of document ``a`` in field ``key`` to ``t`` states."""
    if key == "manager":  # t manages a
        return t, a
    if key == "direct_reports":  # a manages t
        return a, t
    if key == "substitutes_for":  # a substitutes t
        return a, t
    return t, a  # substitutes: t substitutes a


# -- rendering ------------------------------------------------------------------------------------------

def _mq(s: str) -> str:
    return s.replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")


def render_mermaid(g: Graph) -> str:
    out = ["flowchart TB",
           "  classDef unresolved stroke-dasharray: 5 5,fill:#ffffff,color:#555555;",
           "  classDef corpus fill:#eeeeee,color:#555555;"]
    _write_nodes(g, out, mermaid=True)
    red: list[int] = []
    for n, e in enumerate(g.edges):
        arrow = "-->" if e.kind == "manager" else "-. asendab .->"
        out.append(f"  {e.src} {arrow} {e.dst}")
        if e.broken:
            red.append(n)
    if red:
        out.append(f"  linkStyle {','.join(map(str, red))} stroke:#d00000,stroke-width:2px;")
    return "\n".join(out) + "\n"


def _dq(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"')


def render_dot(g: Graph) -> str:
    out = ["digraph ajlint {", "  rankdir=TB;", '  node [shape=box, fontname="Helvetica"];',
           '  edge [fontname="Helvetica", fontsize=10];']
    _write_nodes(g, out, mermaid=False)
    for e in g.edges:
        attrs = []
        if e.kind == "substitution":
            attrs += ["style=dashed", 'label="asendab"']
        if e.broken:
            attrs += ["color=red", "penwidth=2"]
        out.append(f"  {e.src} -> {e.dst}" + (f" [{', '.join(attrs)}]" if attrs else "") + ";")
    out.append("}")
    return "\n".join(out) + "\n"


def _write_nodes(g: Graph, out: list[str], mermaid: bool) -> None:
    by_unit: dict[str | None, list[Node]] = {}
    for n in g.nodes.values():
        by_unit.setdefault(n.unit, []).append(n)
    for k, (unit, nodes) in enumerate(sorted(by_unit.items(), key=lambda x: (x[0] is None, x[0] or ""))):
        indent = "  "
        if unit is not None:
            out.append(f'  subgraph g{k}["{_mq(unit)}"]' if mermaid else
                       f'  subgraph cluster_{k} {{\n    label="{_dq(unit)}";')
            indent = "    "
        for n in nodes:
            out.append(indent + (_mermaid_node(n) if mermaid else _dot_node(n)))
        if unit is not None:
            out.append("  end" if mermaid else "  }")


def _mermaid_node(n: Node) -> str:
    cls = ":::unresolved" if n.dashed else (":::corpus" if n.corpus else "")
    return f'{n.id}["{_mq(n.label)}<br/><small>{_mq(n.detail)}</small>"]{cls}'


def _dot_node(n: Node) -> str:
    attrs = [f'label="{_dq(n.label)}\\n{_dq(n.detail)}"']
    if n.dashed:
        attrs.append("style=dashed")
    elif n.corpus:
        attrs += ["style=filled", 'fillcolor="#eeeeee"']
    return f"{n.id} [{', '.join(attrs)}];"


__all__ = ["add_arguments", "run", "build_graph", "render_mermaid", "render_dot"]
