"""A copy of the graph whose attributes are scalars, for formats without lists."""

from __future__ import annotations

import networkx as nx


def _scalar(value):
    if isinstance(value, (list, tuple)):
        return ";".join(str(v) for v in value)
    return value


def flatten(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    flat = nx.MultiDiGraph()
    for node, data in sorted(graph.nodes(data=True)):
        flat.add_node(node, **{k: _scalar(v) for k, v in data.items()})
    for src, dst, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[2]):
        flat.add_edge(src, dst, key=key, **{k: _scalar(v) for k, v in data.items()})
    return flat
