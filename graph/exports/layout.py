"""Node positions for the network page, computed in Python with a fixed seed.

vis-network needs minutes to stabilise a force layout beyond ~1,500 nodes; a page that
ships positions opens at once with physics off. Three layouts: ``spring`` (each
connected component laid out on its own — Kamada-Kawai when small, Fruchterman-Reingold
when large — then packed in rows, isolated nodes in a grid below), ``shells`` (an ego network in rings by distance from its centre) and
``timeline`` (one column per day, in date order). Coordinates are pixels, rounded, so
the same graph gives the same page byte for byte.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import networkx as nx

from .. import analytics
from .. import schema as schema_mod

SPACING = 110.0  # pixels between neighbouring nodes
COLUMN = 160.0  # timeline: pixels between day columns
ROW = 100.0  # timeline: pixels between nodes in one column
KAMADA_KAWAI_UP_TO = 300  # nodes per component; above, Fruchterman-Reingold (faster)

Positions = dict[str, tuple[float, float]]


def _order(kg: nx.MultiDiGraph) -> Callable[[str], tuple]:
    """Sort key: node type in schema order, then name, then id."""
    types = [*schema_mod.load().vocab["actor_types"], analytics.EVENT_TYPE]

    def key(node: str) -> tuple:
        data = kg.nodes[node]
        kind = analytics.node_type(data)
        return (types.index(kind) if kind in types else len(types),
                data.get("name", "").casefold(), node)
    return key


def _spring_component(simple: nx.Graph, seed: int) -> Positions:
    n = len(simple)
    if n == 1:
        return {next(iter(simple)): (0.0, 0.0)}
    if n <= KAMADA_KAWAI_UP_TO:  # evener spacing, readable labels; deterministic
        raw = nx.kamada_kawai_layout(simple, weight=None)
    else:
        raw = nx.spring_layout(simple, seed=seed, iterations=50 if n <= 500 else 30,
                               weight=None)
    radius = SPACING * math.sqrt(n) * 0.85
    return {node: (float(x) * radius, float(y) * radius) for node, (x, y) in raw.items()}


def _grid(nodes: list[str]) -> Positions:
    """Isolated nodes in rows, wide apart so their labels do not collide."""
    cols = max(1, math.ceil(math.sqrt(len(nodes))))
    return {node: ((i % cols) * SPACING * 1.8, (i // cols) * SPACING * 0.8)
            for i, node in enumerate(nodes)}


def _pack(blocks: list[Positions]) -> Positions:
    """Place blocks (already sorted, largest first) in rows, left to right."""
    boxes = []
    for block in blocks:
        xs = [p[0] for p in block.values()]
        ys = [p[1] for p in block.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + SPACING,
                      max(ys) - min(ys) + SPACING))
    area = sum(w * h for _, _, w, h in boxes)
    row_width = max(max((w for *_, w, _ in boxes), default=0), math.sqrt(area) * 1.4)
    out: Positions = {}
    x = y = row_height = 0.0
    for block, (x0, y0, w, h) in zip(blocks, boxes):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (px, py) in block.items():
            out[node] = (px - x0 + x, py - y0 + y)
        x += w
        row_height = max(row_height, h)
    return out


def _centre(pos: Positions) -> Positions:
    if not pos:
        return {}
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    return {n: (round(x - cx, 1), round(y - cy, 1)) for n, (x, y) in sorted(pos.items())}


def spring(kg: nx.MultiDiGraph, *, seed: int = analytics.SEED) -> Positions:
    """Force-directed positions, one component at a time, packed largest first."""
    simple = analytics.collapse(kg)
    order = _order(kg)
    components = sorted((sorted(c, key=order) for c in nx.connected_components(simple)),
                        key=lambda c: (-len(c), order(c[0])))
    blocks = [_spring_component(simple.subgraph(c), seed) for c in components if len(c) > 1]
    isolated = [c[0] for c in components if len(c) == 1]
    if isolated:
        blocks.append(_grid(isolated))
    return _centre(_pack(blocks))


def shells(kg: nx.MultiDiGraph, centre: str) -> Positions:
    """The centre in the middle, each further hop on a wider ring (sorted by type,
    then name, so related kinds sit together)."""
    distance = nx.single_source_shortest_path_length(kg.to_undirected(as_view=True), centre)
    order = _order(kg)
    rings: dict[int, list[str]] = {}
    for node in sorted(kg.nodes, key=order):
        rings.setdefault(distance.get(node, max(distance.values(), default=0) + 1),
                         []).append(node)
    pos: Positions = {}
    radius = 0.0
    for d in sorted(rings):
        ring = rings[d]
        if d == 0:
            pos.update({n: (0.0, 0.0) for n in ring})
            continue
        radius = max(radius + SPACING * 1.8, len(ring) * SPACING / (2 * math.pi))
        for i, node in enumerate(ring):
            angle = 2 * math.pi * i / len(ring) - math.pi / 2
            pos[node] = (radius * math.cos(angle), radius * math.sin(angle))
    return _centre(pos)


def node_day(kg: nx.MultiDiGraph, node: str) -> str:
    """Where a node sits in time: an event's date; for an actor the earliest dated
    relation it takes part in, else its earliest relation or citation ('' if none)."""
    data = kg.nodes[node]
    if analytics.node_type(data) == analytics.EVENT_TYPE:
        return analytics.period(data)[0]
    periods = [analytics.period(d) for *_, d in kg.in_edges(node, data=True)]
    periods += [analytics.period(d) for *_, d in kg.out_edges(node, data=True)]
    dated = [p[0] for p in periods if p[2] and p[0]]
    if dated:
        return min(dated)
    cited = [p[0] for p in periods if p[0]]
    first = (analytics.bounds(data.get("first_cited")) or ("", ""))[0]
    return min(cited) if cited else first


def timeline(kg: nx.MultiDiGraph) -> tuple[Positions, list[dict]]:
    """One column per day in date order (undated nodes first); returns the positions
    and the axis ({x, label} per column) the page draws behind the graph."""
    order = _order(kg)
    columns: dict[str, list[str]] = {}
    for node in sorted(kg.nodes, key=order):
        columns.setdefault(node_day(kg, node), []).append(node)
    pos: Positions = {}
    axis = []
    for i, day in enumerate(sorted(columns)):
        x = i * COLUMN
        axis.append({"x": x, "label": day or "undated"})
        column = columns[day]
        for j, node in enumerate(column):
            # zigzag, so edges between nodes of one day do not run along the column
            pos[node] = (x + (COLUMN * 0.3 if j % 2 else 0.0), (j - (len(column) - 1) / 2) * ROW)
    if not pos:
        return {}, []
    shift = (len(columns) - 1) * COLUMN / 2
    axis = [{"x": round(a["x"] - shift, 1), "label": a["label"]} for a in axis]
    return {n: (round(x - shift, 1), round(y, 1)) for n, (x, y) in sorted(pos.items())}, axis
