"""Node positions for the network page, computed in Python with a fixed seed.

vis-network needs minutes to stabilise a force layout beyond ~1,500 nodes; a page that
ships positions opens at once with physics off. Three layouts: ``spring`` (each
connected component laid out on its own — Kamada-Kawai when small, Fruchterman-Reingold
when large — then packed in rows, isolated nodes in a grid below), ``shells`` (an ego
network in rings by distance from its centre) and ``timeline`` (one column per date, in
time order). Coordinates are pixels, rounded, so
the same graph gives the same page byte for byte.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import networkx as nx
import numpy as np

from .. import analytics
from .. import schema as schema_mod

SPACING = 110.0  # pixels between neighbouring nodes
COLUMN = 120.0  # timeline: pixels between date columns
SUBCOLUMN = 110.0  # timeline: pixels between the sub-columns of one crowded date
ROW = 80.0  # timeline: pixels between nodes in one column
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
    nodes = list(raw)
    xy = np.array([raw[v] for v in nodes], dtype=float)
    radius = SPACING * math.sqrt(n) * 0.8
    if n <= KAMADA_KAWAI_UP_TO:
        # hubs crowd their leaves: stretch until most nodes have room for a label
        gaps = np.linalg.norm(xy[:, None, :] - xy[None, :, :], axis=-1)
        np.fill_diagonal(gaps, np.inf)
        nearest = float(np.quantile(gaps.min(axis=1), 0.25))
        if nearest > 0:
            radius = min(max(radius, SPACING * 0.9 / nearest), radius * 3)
    return {v: (float(x) * radius, float(y) * radius) for v, (x, y) in zip(nodes, xy)}


def _grid(nodes: list[str]) -> Positions:
    """Isolated nodes in rows, wide apart so their labels do not collide."""
    cols = max(1, math.ceil(math.sqrt(len(nodes))))
    return {node: ((i % cols) * SPACING * 1.5, (i // cols) * SPACING * 0.7)
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
    blocks = [_spring_component(analytics.induced(simple, c), seed)
              for c in components if len(c) > 1]
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


def _prefix_key(prefix: str) -> tuple:
    """Order ISO prefixes by first day, coarser first: 2022 < 2022-01 < 2022-01-01."""
    lo = (analytics.bounds(prefix) or ("", ""))[0]
    return (lo, len(prefix), prefix)


def node_when(kg: nx.MultiDiGraph, node: str) -> str:
    """Where a node sits in time, as an ISO prefix at its own precision: an event's
    date; for an actor the earliest dated relation it takes part in, else its earliest
    relation or citation ('' if none)."""
    data = kg.nodes[node]
    if analytics.node_type(data) == analytics.EVENT_TYPE and analytics.bounds(data.get("date")):
        return data["date"]
    edges = [d for *_, d in kg.in_edges(node, data=True)]
    edges += [d for *_, d in kg.out_edges(node, data=True)]
    dated = [p for d in edges for p in (d.get("date") or d.get("start_date")
                                        or d.get("end_date"),) if analytics.bounds(p)]
    if dated:
        return min(dated, key=_prefix_key)
    cited = [p for d in [*edges, data] for p in (d.get("first_cited"),) if analytics.bounds(p)]
    return min(cited, key=_prefix_key) if cited else ""


def timeline(kg: nx.MultiDiGraph) -> tuple[Positions, list[dict]]:
    """One column per date in time order (undated nodes first), labelled at the
    date's own precision; a crowded date wraps into sub-columns of at most about
    2 * sqrt(nodes) rows, so the picture stays a moderate landscape. Returns the
    positions and the axis ({x, label} per date) the page draws behind the graph."""
    order = _order(kg)
    columns: dict[str, list[str]] = {}
    for node in sorted(kg.nodes, key=order):
        columns.setdefault(node_when(kg, node), []).append(node)
    if not columns:
        return {}, []
    max_rows = max(8, round(2 * math.sqrt(kg.number_of_nodes())))
    pos: Positions = {}
    axis = []
    x = 0.0
    for when in sorted(columns, key=lambda w: (w != "", _prefix_key(w))):
        column = columns[when]
        subs = math.ceil(len(column) / max_rows)
        rows = math.ceil(len(column) / subs)
        for j, node in enumerate(column):
            sub, row = divmod(j, rows)
            # zigzag, so edges between nodes of one date do not run along the column
            pos[node] = (x + sub * SUBCOLUMN + (SUBCOLUMN * 0.3 if row % 2 else 0.0),
                         (row - (min(rows, len(column)) - 1) / 2) * ROW)
        width = (subs - 1) * SUBCOLUMN + SUBCOLUMN * 0.3
        axis.append({"x": x + width / 2, "label": when or "undated"})
        x += width + COLUMN
    shift = (x - COLUMN) / 2
    axis = [{"x": round(a["x"] - shift, 1), "label": a["label"]} for a in axis]
    return {n: (round(px - shift, 1), round(py, 1)) for n, (px, py) in sorted(pos.items())}, axis
