"""Node positions for the network page, computed in Python with a fixed seed.

vis-network needs minutes to stabilise a force layout beyond ~1,500 nodes; a page that
ships positions opens at once with physics off. Three layouts: ``spring`` (each
connected component laid out on its own — Kamada-Kawai up to 300 nodes, above that a
grid-bucketed Fruchterman-Reingold whose steps cost ~nodes + edges, so 10,000 nodes take
seconds — then packed in rows, isolated nodes in a grid below), ``shells`` (an ego
network in rings by distance from its centre) and ``timeline`` (events on a real date
axis, actors on lanes). Coordinates are pixels, rounded, so
the same graph gives the same page byte for byte.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

import networkx as nx
import numpy as np

from .. import analytics, dates
from .. import schema as schema_mod

SPACING = 110.0  # pixels between neighbouring nodes
COLUMN = 120.0  # timeline: pixels between the lanes' actors, undated events and the axis
KAMADA_KAWAI_UP_TO = 300  # nodes per component; above, grid-bucketed Fruchterman-Reingold
FORCE_ITERATIONS = 120  # steps of the large-component layout (fixed: deterministic)
MAX_GRID = 32  # the repulsion grid has at most MAX_GRID^2 cells

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


def _pairs(col: np.ndarray, row: np.ndarray, g: int) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of nodes whose grid cells touch (same cell or one of 8 around), once.

    ``col`` and ``row`` give each node's cell. Nodes are bucketed by cell; for each of
    the five forward neighbour offsets a node meets every member of that cell, so the
    work is the number of near pairs, not n^2.
    """
    flat = col * g + row
    order = np.argsort(flat, kind="stable")
    counts = np.bincount(flat, minlength=g * g)
    starts = np.cumsum(counts) - counts
    firsts, seconds = [], []
    for dx, dy in ((0, 0), (1, -1), (1, 0), (1, 1), (0, 1)):
        cx, cy = col + dx, row + dy
        ok = np.flatnonzero((cx < g) & (cy >= 0) & (cy < g))
        other = cx[ok] * g + cy[ok]
        many = counts[other]
        i = np.repeat(ok, many)
        step = np.arange(len(i)) - np.repeat(np.cumsum(many) - many, many)
        j = order[np.repeat(starts[other], many) + step]
        if dx == dy == 0:
            keep = i < j
            i, j = i[keep], j[keep]
        firsts.append(i)
        seconds.append(j)
    return np.concatenate(firsts), np.concatenate(seconds)


def _force_directed(n: int, edges: np.ndarray, seed: int,
                    iterations: int = FORCE_ITERATIONS) -> np.ndarray:
    """Fruchterman-Reingold (ideal edge length 1) in time ~linear in nodes + edges.

    Repulsion is exact between nodes in touching cells of a grid over the drawing and,
    further away, comes from each occupied cell's centre of mass (a one-level
    Barnes-Hut). The grid has at most ``MAX_GRID``^2 cells, so one step costs
    O(n + edges + near pairs + cells^2) instead of O(n^2). Seeded start, fixed
    iteration count, no randomness after: the same graph gives the same positions.
    """
    rng = np.random.default_rng(seed)
    x, y = rng.random((2, n)) * math.sqrt(n)
    g = int(min(MAX_GRID, max(3, math.sqrt(n / 8))))
    u, v = edges[:, 0], edges[:, 1]
    temperature = math.sqrt(n) * 0.1
    cool = temperature / (iterations + 1)
    for _ in range(iterations):
        # the grid spans the bulk of the drawing: a few far-flung nodes (leaves pushed
        # out) would otherwise squeeze everyone else into a handful of cells
        (x0, x1), (y0, y1) = np.quantile(x, [0.02, 0.98]), np.quantile(y, [0.02, 0.98])
        size = max(x1 - x0, y1 - y0, 1e-9) / g
        col = np.clip(((x - x0) / size).astype(np.int64), 0, g - 1)
        row = np.clip(((y - y0) / size).astype(np.int64), 0, g - 1)
        # near: exact k^2/d between nodes in touching cells
        i, j = _pairs(col, row, g)
        dx, dy = x[i] - x[j], y[i] - y[j]
        scale = 1.0 / np.maximum(dx * dx + dy * dy, 1e-4)
        dx *= scale
        dy *= scale
        fx = np.bincount(i, dx, n) - np.bincount(j, dx, n)
        fy = np.bincount(i, dy, n) - np.bincount(j, dy, n)
        # far: every occupied cell pushes with its mass from its centre of mass
        occupied, slot = np.unique(col * g + row, return_inverse=True)
        mass = np.bincount(slot).astype(float)
        cx, cy = np.bincount(slot, x) / mass, np.bincount(slot, y) / mass
        ccol, crow = occupied // g, occupied % g
        touching = ((np.abs(ccol[:, None] - ccol[None, :]) <= 1)
                    & (np.abs(crow[:, None] - crow[None, :]) <= 1))
        gx, gy = cx[:, None] - cx[None, :], cy[:, None] - cy[None, :]
        weight = mass[None, :] / np.maximum(gx * gx + gy * gy, 1e-4)
        weight[touching] = 0.0
        fx += (weight * gx).sum(axis=1)[slot]
        fy += (weight * gy).sum(axis=1)[slot]
        # springs: d^2/k along each edge
        dx, dy = x[u] - x[v], y[u] - y[v]
        length = np.sqrt(dx * dx + dy * dy)
        dx *= length
        dy *= length
        fx += np.bincount(v, dx, n) - np.bincount(u, dx, n)
        fy += np.bincount(v, dy, n) - np.bincount(u, dy, n)
        # move at most ``temperature``, which cools linearly to nothing
        length = np.maximum(np.sqrt(fx * fx + fy * fy), 1e-9)
        step = np.minimum(length, temperature) / length
        x += fx * step
        y += fy * step
        temperature -= cool
    return np.stack([x, y], axis=1)


def _spring_component(simple: nx.Graph, seed: int) -> Positions:
    n = len(simple)
    if n == 1:
        return {next(iter(simple)): (0.0, 0.0)}
    if n <= KAMADA_KAWAI_UP_TO:  # evener spacing, readable labels; deterministic
        raw = nx.kamada_kawai_layout(simple, weight=None)
    else:  # networkx's spring layouts are O(n^2) per step: minutes at 10,000 nodes
        index = {v: i for i, v in enumerate(simple)}
        edges = np.array([(index[a], index[b]) for a, b in simple.edges() if a != b],
                         dtype=np.int64).reshape(-1, 2)
        # in a fixed order, so float sums do not depend on the order edges were added
        edges = np.unique(np.sort(edges, axis=1), axis=0)
        xy = _force_directed(n, edges, seed)
        xy -= (xy.max(axis=0) + xy.min(axis=0)) / 2
        raw = dict(zip(simple, xy / max(float(np.abs(xy).max()), 1e-9)))
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


def node_when(kg: nx.MultiDiGraph, node: str) -> str:
    """Where a node sits in time, as an ISO prefix at its own precision: an event's
    date; for an actor the earliest dated relation it takes part in, else its earliest
    relation or citation ('' if none)."""
    data = kg.nodes[node]
    if analytics.node_type(data) == analytics.EVENT_TYPE and dates.bounds(data.get("date")):
        return data["date"]
    edges = [d for *_, d in kg.in_edges(node, data=True)]
    edges += [d for *_, d in kg.out_edges(node, data=True)]
    dated = [p for d in edges for p in (d.get("date") or d.get("start_date")
                                        or d.get("end_date"),) if dates.bounds(p)]
    if dated:
        return min(dated, key=dates.order_key)
    cited = [p for d in [*edges, data] for p in (d.get("first_cited"),) if dates.bounds(p)]
    return min(cited, key=dates.order_key) if cited else ""


LANE = 70.0  # timeline: pixels between two actors' lanes
AXIS_WIDTH = 2400.0  # timeline: pixels the dated span takes, whatever its length
EVENT_GAP = 36.0  # timeline: least pixels between two events on one lane


def _day(prefix: str) -> dt.date | None:
    lo = (dates.bounds(prefix) or ("", ""))[0]
    return dt.date.fromisoformat(lo) if lo else None


def _ticks(first: dt.date, last: dt.date) -> list[tuple[dt.date, str]]:
    """Axis ticks at whole years, months or days, whichever gives 4 to ~30 of them."""
    span = (last - first).days
    if span > 3 * 365:
        return [(dt.date(y, 1, 1), str(y)) for y in range(first.year, last.year + 1)
                if dt.date(y, 1, 1) >= first] or [(first, str(first.year))]
    if span > 90:
        out, y, m = [], first.year, first.month
        while dt.date(y, m, 1) <= last:
            if dt.date(y, m, 1) >= first:
                out.append((dt.date(y, m, 1), f"{y}-{m:02d}"))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out or [(first, first.isoformat()[:7])]
    step = max(1, span // 20)
    return [(first + dt.timedelta(days=d), (first + dt.timedelta(days=d)).isoformat())
            for d in range(0, span + 1, step)]


def timeline(kg: nx.MultiDiGraph) -> tuple[Positions, list[dict]]:
    """Events on a real date axis, actors on lanes.

    Each actor (person, body, place) has a horizontal lane, in order of its first dated
    appearance; its node sits at the lane's left end, before the axis. Each event sits
    at its date (the first day its ISO prefix covers; x proportional to days) on the
    lane of its first participant, nudged right past the events before it so none
    overlap. Undated events stand in a column left of the axis. Returns the positions
    and the axis ticks ({x, label}) the page draws behind the graph.
    """
    order = _order(kg)
    ordered = sorted(kg.nodes, key=order)
    events = [n for n in ordered if analytics.node_type(kg.nodes[n]) == analytics.EVENT_TYPE]
    is_event = set(events)
    actors = [n for n in ordered if n not in is_event]
    # an event stands at its own date; one known only from its citations is undated
    when = {n: _day(kg.nodes[n].get("date", "") if n in is_event else node_when(kg, n))
            for n in kg.nodes}
    dated = sorted(when[e] for e in events if when[e]) or sorted(d for d in when.values() if d)
    first, last = (dated[0], dated[-1]) if dated else (dt.date(2000, 1, 1),) * 2
    per_day = AXIS_WIDTH / max(1, (last - first).days)
    x_of = lambda day: (day - first).days * per_day  # noqa: E731 - a one-line scale
    lanes = sorted(actors, key=lambda n: (when[n] is None, when[n] or first, order(n)))
    lane_y = {n: i * LANE for i, n in enumerate(lanes)}
    undirected = kg.to_undirected(as_view=True)
    pos: Positions = {n: (-2 * COLUMN, lane_y[n]) for n in lanes}
    free: dict[float, float] = {}  # lane -> first x still free
    undated = 0
    for event in sorted(events, key=lambda e: (when[e] or dt.date.max, order(e))):
        around = [m for m in undirected[event] if m in lane_y]
        y = min((lane_y[m] for m in around), default=len(lanes) * LANE)
        if when[event] is None:
            pos[event] = (-COLUMN, y + (undated % 2) * LANE / 2)
            undated += 1
            continue
        x = max(x_of(when[event]), free.get(y, -math.inf))
        free[y] = x + EVENT_GAP
        pos[event] = (x, y)
    axis = [{"x": round(x_of(day), 1), "label": label} for day, label in _ticks(first, last)]
    if undated:
        axis.insert(0, {"x": -COLUMN, "label": "undated"})
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in sorted(pos.items())}, axis
