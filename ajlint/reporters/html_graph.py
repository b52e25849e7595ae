"""The organisation view of the HTML report: the resolved reporting and substitution graph as inline SVG.

The graph itself comes from :func:`ajlint.graph.build_graph` over the shared link computation
(:func:`ajlint.links.checks.links_for`, the one the link rules use), so the picture and the findings
always agree. This module only lays it out and ties every broken or unresolved edge to the findings
behind it:

* a substitution stated on one side only (AJ201) or a reporting line stated on one side only (AJ205):
  the finding on the document that states the link (at its reference) and the one on the document
  that does not (whose ``related`` location is that reference);
* a reporting cycle (AJ206): the finding on the document whose manager the edge is;
* a reference that resolves to no position (AJ202) or to several (AJ203): the finding at the reference.

Layout: positions are grouped in one box per unit; the boxes stand side by side, wrapped into bands
of a fixed width, and inside every band the positions sit in rows by their depth in the reporting
lines (heads above their reports), so reporting arrows point down and substitutions run sideways.
Linear in the number of positions and edges: a 1,000-document organisation draws in well under a second.
"""

from __future__ import annotations

import math
import os
from collections import defaultdict
from dataclasses import dataclass, field
from html import escape

from ajlint.graph import Graph, _edge_ends, _kind, build_graph
from ajlint.links.checks import links_for
from ajlint.reporters.html_strings import ui

NODE_W, NODE_H = 184, 42
GAP_X, GAP_Y = 12, 12
PAD, HEAD = 10, 30
BAND_GAP, MAX_W = 36, 1240
MAX_COLS = 4
TIP_MAX = 6  # finding messages in an edge's tooltip
CHAR_W = 6.6  # average width of a character at the node font size, for truncation

# the findings behind an edge, by rule code (the link rules' public codes)
SUBSTITUTION_BREAK, MANAGER_BREAK, CYCLE = "AJ201", "AJ205", "AJ206"
UNRESOLVED = ("AJ202", "AJ203")


@dataclass
class EdgeRow:
    """An edge with something to say: broken (red) or to a reference that resolves to no single position."""

    id: str
    kind: str  # manager | substitution
    src: str  # labels
    dst: str
    src_anchor: str | None
    dst_anchor: str | None
    status: str  # broken | unresolved
    findings: list[str] = field(default_factory=list)  # finding element ids


@dataclass
class GraphView:
    svg: str
    rows: list[EdgeRow]
    n_nodes: int
    n_edges: int


def _diag_indexes(diags: list, ids: list[str]):
    at: dict[tuple, list[str]] = defaultdict(list)
    rel: dict[tuple, list[str]] = defaultdict(list)
    by_doc: dict[tuple, list[str]] = defaultdict(list)
    wanted = {SUBSTITUTION_BREAK, MANAGER_BREAK, CYCLE, *UNRESOLVED}
    for d, fid in zip(diags, ids):
        if d.code not in wanted:
            continue
        at[(d.path, d.code, d.span.line, d.span.column)].append(fid)
        by_doc[(d.path, d.code)].append(fid)
        for r in d.related or ():
            if isinstance(r, dict):
                # the other side: where it is (b's finding names a's reference), and which document (a's)
                rel[(d.path, d.code, r.get("path"), r.get("line"), r.get("column"))].append(fid)
                at[(d.path, d.code, d.span.line, d.span.column, r.get("path"))].append(fid)
    return at, rel, by_doc


def _add(target: list[str], more) -> None:
    for x in more or ():
        if x not in target:
            target.append(x)


def edge_findings(links, g: Graph, diags: list, ids: list[str]) -> dict[tuple, list[str]]:
    """Finding ids behind each edge, keyed by (kind, source node id, target node id)."""
    at, rel, by_doc = _diag_indexes(diags, ids)
    docs = links.docs
    out: dict[tuple, list[str]] = defaultdict(list)
    for br in links.breaks:
        src, dst = _edge_ends(br.res.field, br.a, br.b)
        key = (_kind(br.res.field), f"p{src}", f"p{dst}")
        code = SUBSTITUTION_BREAK if br.kind == "substitution" else MANAGER_BREAK
        a_path, b_path, ref = docs[br.a].path, docs[br.b].path, br.res.ref
        # on a: at the reference, naming b; on b: naming a's reference
        _add(out[key], at.get((a_path, code, ref.line, ref.column, b_path)))
        _add(out[key], rel.get((b_path, code, a_path, ref.line, ref.column)))
    for cyc in links.cycles:
        for i, nxt in zip(cyc, cyc[1:] + cyc[:1]):
            _add(out[("manager", f"p{nxt}", f"p{i}")], by_doc.get((docs[i].path, CYCLE)))
    # references to no position or to several: one dashed node per referring document and title, and an
    # edge for each field that names it (the same title under "Kes asendab" and "Keda asendab": two edges)
    labels = {n.id: n.label for n in g.nodes.values() if n.dashed}
    dashed: dict[tuple, list[str]] = defaultdict(list)
    first: dict[tuple, str] = {}  # the node's label: from the first reference of that title (as build_graph)
    for a, per in enumerate(links.resolutions):
        for key, rs in per.items():
            for r in rs:
                if r.status not in ("resolved", "self") and docs[a].report and r.key:
                    label = first.setdefault((a, r.key), f"? {r.title}")
                    src, dst = _edge_ends(key, a, -1)
                    ends = tuple(label if x == -1 else f"p{x}" for x in (src, dst))
                    for code in UNRESOLVED:
                        _add(dashed[(_kind(key), *ends)], at.get((docs[a].path, code, r.ref.line, r.ref.column)))
    for e in g.edges:
        if e.dashed_target:
            ends = tuple(labels[x] if x in labels else x for x in (e.src, e.dst))
            _add(out[(e.kind, e.src, e.dst)], dashed.get((e.kind, *ends)))
    return out


def build_view(docs: list, complete: bool, diags: list, ids: list[str], anchors: dict[str, str],
               lang: str, messages: dict[str, str] | None = None) -> GraphView:
    """The laid-out SVG and the table rows of the graph of ``docs`` (documents with a model).

    ``ids`` are the finding elements' ids (one per diagnostic), ``anchors`` the document sections' ids
    by path, ``messages`` the findings' texts by id (for the edges' tooltips)."""
    modelled = [d for d in docs if d.model is not None and not d.not_job_description]
    links = links_for(modelled, complete)
    g = build_graph(links)
    behind = edge_findings(links, g, diags, ids)
    return _render(g, links, behind, anchors, lang, messages or {})


# -- layout ---------------------------------------------------------------------------------------------

@dataclass
class _Box:
    id: str
    x: float = 0.0
    y: float = 0.0


def _ranks(g: Graph) -> dict[str, int]:
    """Depth of every node in the reporting lines: the longest chain of managers above it. A reporting
    cycle (AJ206) is cut at the edge that closes it, seen from the heads down."""
    kids: dict[str, list[str]] = defaultdict(list)
    has_manager: set[str] = set()
    real = [n for n in g.nodes if not g.nodes[n].dashed]
    for e in g.edges:
        a, b = g.nodes.get(e.src), g.nodes.get(e.dst)
        if e.kind != "manager" or e.src == e.dst or a is None or b is None or a.dashed or b.dashed:
            continue
        if e.dst not in kids[e.src]:
            kids[e.src].append(e.dst)
            has_manager.add(e.dst)
    # depth-first from the heads, then from what is left (cycles nobody manages): drop the back edges
    state: dict[str, int] = {}  # 1 on the path, 2 done
    dag: dict[str, list[str]] = defaultdict(list)
    for start in [n for n in real if n not in has_manager] + real:
        if start in state:
            continue
        state[start] = 1
        stack = [(start, iter(kids[start]))]
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
            elif state.get(nxt) == 1:
                continue  # closes a cycle
            else:
                dag[node].append(nxt)
                if nxt not in state:
                    state[nxt] = 1
                    stack.append((nxt, iter(kids[nxt])))
    indeg: dict[str, int] = defaultdict(int)
    for n in dag:
        for k in dag[n]:
            indeg[k] += 1
    rank = {n: 0 for n in real if indeg[n] == 0}
    queue = list(rank)
    i = 0
    while i < len(queue):
        n = queue[i]
        i += 1
        for k in dag[n]:
            rank[k] = max(rank.get(k, 0), rank[n] + 1)
            indeg[k] -= 1
            if indeg[k] == 0:
                queue.append(k)
    # a dashed node stands beside the position that refers to it: above it when it is its manager
    for e in g.edges:
        if not e.dashed_target:
            continue
        node, pos, dashed_is_src = (e.src, e.dst, True) if g.nodes.get(e.src) and g.nodes[e.src].dashed \
            else (e.dst, e.src, False)
        if node in rank or pos not in rank:
            continue
        shift = 0 if e.kind != "manager" else (-1 if dashed_is_src else 1)
        rank[node] = rank[pos] + shift
    for n in g.nodes:
        rank.setdefault(n, 0)
    low = min(rank.values(), default=0)
    return {n: r - low for n, r in rank.items()}


def _units(g: Graph) -> dict[str, str]:
    """The unit each node is drawn in (a dashed node: the unit of the position referring to it)."""
    unit = {n.id: (n.unit or "") for n in g.nodes.values() if not n.dashed}
    for e in g.edges:
        if e.dashed_target:
            node, pos = (e.src, e.dst) if g.nodes[e.src].dashed else (e.dst, e.src)
            unit.setdefault(node, unit.get(pos, ""))
    for n in g.nodes:
        unit.setdefault(n, "")
    return unit


def _layout(g: Graph) -> tuple[dict[str, _Box], list[tuple[str, float, float, float, float]], float, float]:
    ranks = _ranks(g)
    units = _units(g)
    members: dict[str, list[str]] = defaultdict(list)
    for n in g.nodes:
        members[units[n]].append(n)
    order = sorted(members, key=lambda u: (u == "", u.casefold()))
    clusters = []  # (unit, cols, {rank: [node ids]}, width)
    # a dashed box is ordered as the position that refers to it, so that their arrows run straight
    referrer: dict[str, str] = {}
    for e in g.edges:
        if e.dashed_target:
            node, pos = (e.src, e.dst) if g.nodes[e.src].dashed else (e.dst, e.src)
            referrer.setdefault(node, pos)

    def order_key(n: str) -> tuple:
        ref = g.nodes.get(referrer.get(n, n)) or g.nodes[n]
        return (g.nodes[n].dashed, ref.label.casefold(), ref.id, g.nodes[n].label.casefold(), n)

    for u in order:
        per: dict[int, list[str]] = defaultdict(list)
        for n in sorted(members[u], key=order_key):
            per[ranks[n]].append(n)
        widest = max(len(v) for v in per.values())
        cols = max(1, min(MAX_COLS, math.ceil(math.sqrt(widest)) if widest > 2 else widest))
        width = cols * NODE_W + (cols - 1) * GAP_X + 2 * PAD
        clusters.append((u, cols, per, width))
    # bands of clusters side by side, about twice as wide as high for a large organisation
    area = sum(c[3] * (HEAD + PAD + sum(math.ceil(len(v) / c[1]) for v in c[2].values()) * (NODE_H + GAP_Y))
               for c in clusters)
    max_w = max(MAX_W, math.sqrt(2 * area))
    bands: list[list[tuple]] = [[]]
    used = 0.0
    for c in clusters:
        if bands[-1] and used + GAP_X + c[3] > max_w:
            bands.append([])
            used = 0.0
        used += (GAP_X if bands[-1] else 0) + c[3]
        bands[-1].append(c)
    boxes: dict[str, _Box] = {}
    frames: list[tuple[str, float, float, float, float]] = []
    y = 0.0
    total_w = 0.0
    for band in bands:
        rank_set = sorted({r for c in band for r in c[2]})
        row_h = {r: max(math.ceil(len(c[2].get(r, ())) / c[1]) for c in band) * (NODE_H + GAP_Y) for r in rank_set}
        offs, acc = {}, 0.0
        for r in rank_set:
            offs[r] = acc
            acc += row_h[r]
        band_h = HEAD + acc - GAP_Y + PAD
        x = 0.0
        for u, cols, per, width in band:
            frames.append((u, x, y, width, band_h))
            for r, nodes in per.items():
                for k, n in enumerate(nodes):
                    row, col = divmod(k, cols)
                    boxes[n] = _Box(n, x + PAD + col * (NODE_W + GAP_X), y + HEAD + offs[r] + row * (NODE_H + GAP_Y))
            x += width + GAP_X
        total_w = max(total_w, x - GAP_X)
        y += band_h + BAND_GAP
    return boxes, frames, total_w, max(y - BAND_GAP, 0.0)


def _clip(cx: float, cy: float, tx: float, ty: float) -> tuple[float, float]:
    """Where the ray from a node's centre towards (tx, ty) leaves the node's box."""
    dx, dy = tx - cx, ty - cy
    if dx == 0 and dy == 0:
        return cx, cy
    t = min((NODE_W / 2) / abs(dx) if dx else math.inf, (NODE_H / 2) / abs(dy) if dy else math.inf)
    return cx + dx * t, cy + dy * t


def _curve(a: _Box, b: _Box) -> str:
    ax, ay = a.x + NODE_W / 2, a.y + NODE_H / 2
    bx, by = b.x + NODE_W / 2, b.y + NODE_H / 2
    dx, dy = bx - ax, by - ay
    dist = math.hypot(dx, dy) or 1.0
    bow = min(60.0, 18.0 + 0.12 * dist)  # to the right of the direction: the two ways of a pair part
    mx, my = (ax + bx) / 2 + (-dy / dist) * bow, (ay + by) / 2 + (dx / dist) * bow
    sx, sy = _clip(ax, ay, mx, my)
    ex, ey = _clip(bx, by, mx, my)
    return f"M{sx:.0f} {sy:.0f}Q{mx:.0f} {my:.0f} {ex:.0f} {ey:.0f}"


def _fit(text: str, width: float, size_factor: float = 1.0) -> str:
    n = max(4, int(width / (CHAR_W * size_factor)))
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


# -- rendering ------------------------------------------------------------------------------------------

def _render(g: Graph, links, behind: dict[tuple, list[str]], anchors: dict[str, str], lang: str,
            messages: dict[str, str]) -> GraphView:
    t = ui(lang)
    if not g.nodes:
        return GraphView("", [], 0, 0)
    boxes, frames, w, h = _layout(g)
    docs = links.docs
    node_anchor: dict[str, str | None] = {}
    for n in g.nodes.values():
        node_anchor[n.id] = anchors.get(docs[int(n.id[1:])].path) if n.id.startswith("p") and not n.dashed else None

    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="graph" width="{w:.0f}" height="{h:.0f}" '
        f'viewBox="0 0 {w:.0f} {h:.0f}" role="group" aria-label="{escape(t["graph_label"])}">',
        '<defs>'
        '<marker id="am" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">'
        '<path d="M0 0L10 5L0 10z" fill="#3a3a3a"/></marker>'
        '<marker id="as" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">'
        '<path d="M0 0L10 5L0 10z" fill="#1f5f8b"/></marker>'
        '<marker id="ab" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto">'
        '<path d="M0 0L10 5L0 10z" fill="#c00000"/></marker>'
        '<marker id="au" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">'
        '<path d="M0 0L10 5L0 10z" fill="#6b6b6b"/></marker>'
        '</defs>',
    ]
    for u, x, y, fw, fh in frames:
        label = u or "—"
        out.append(f'<g class="cl"><title>{escape(label)}</title><rect x="{x:.0f}" y="{y:.0f}" width="{fw:.0f}" '
                   f'height="{fh:.0f}" rx="6"/><text x="{x + PAD:.0f}" y="{y + 19:.0f}">'
                   f'{escape(_fit(label, fw - 2 * PAD, 1.05))}</text></g>')
    rows: list[EdgeRow] = []
    plain: list[str] = []
    marked: list[str] = []
    for e in g.edges:
        a, b = boxes.get(e.src), boxes.get(e.dst)
        if a is None or b is None or e.src == e.dst:
            continue
        d = _curve(a, b)
        cls = "m" if e.kind == "manager" else "s"
        fids = behind.get((e.kind, e.src, e.dst), [])
        if not (e.broken or e.dashed_target):
            plain.append(f'<path class="{cls}" d="{d}"/>')
            continue
        status = "broken" if e.broken else "unresolved"
        sn, dn = g.nodes[e.src], g.nodes[e.dst]
        row = EdgeRow(f"e{len(rows)}", e.kind, sn.label, dn.label, node_anchor.get(e.src), node_anchor.get(e.dst),
                      status, list(fids))
        rows.append(row)
        what = t["kind_" + e.kind].format(src=sn.label, dst=dn.label)
        tip = what + " — " + t["st_" + status]
        # a broken link's tooltip lists its findings; an unresolved one's finding is the reference itself
        texts = [messages[f] for f in fids[:TIP_MAX] if f in messages] if e.broken else []
        hover = tip + "".join("\n• " + m for m in texts) + (
            f"\n({t['n_more'].format(n=len(fids) - len(texts))})" if e.broken and len(fids) > len(texts) else "")
        cls += " b" if e.broken else " u"
        marked.append(f'<a href="#{row.id}" class="be" data-e="{row.id}" data-f="{" ".join(fids)}" '
                      f'aria-label="{escape(tip)}"><title>{escape(hover)}</title>'
                      f'<path class="hit" d="{d}"/><path class="{cls}" d="{d}"/></a>')
    out.extend(plain)
    for n in g.nodes.values():
        bx = boxes[n.id]
        tip = n.label + (f" — {n.unit}" if n.unit else "") + f" — {n.detail}"
        cls = "n u" if n.dashed else ("n c" if n.corpus else "n")
        sub = os.path.basename(n.detail)
        body = (f'<title>{escape(tip)}</title><rect x="{bx.x:.0f}" y="{bx.y:.0f}" width="{NODE_W}" '
                f'height="{NODE_H}" rx="4"/><text x="{bx.x + 7:.0f}" y="{bx.y + 17:.0f}">'
                f'{escape(_fit(n.label, NODE_W - 14))}</text>')
        if not n.dashed:  # a dashed box's tooltip says why it is dashed
            body += (f'<text class="f" x="{bx.x + 7:.0f}" y="{bx.y + 33:.0f}">'
                     f'{escape(_fit(sub, NODE_W - 14, 0.9))}</text>')
        anchor = node_anchor.get(n.id)
        if anchor:
            out.append(f'<a href="#{anchor}" class="{cls}">{body}</a>')
        else:
            out.append(f'<g class="{cls}">{body}</g>')
    out.extend(marked)  # on top: the red and dashed edges stay visible and can be pointed at
    out.append("</svg>")
    n_edges = sum(1 for e in g.edges if e.src != e.dst)
    return GraphView("".join(out), rows, len(g.nodes), n_edges)


__all__ = ["GraphView", "EdgeRow", "build_view", "edge_findings"]
