"""GraphML for Gephi, yEd and Cytoscape (lists become ``;``-joined strings)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from .flat import flatten


def write(graph: nx.MultiDiGraph, path: str | Path, **_options) -> int:
    flat = flatten(graph)
    nx.write_graphml(flat, path, encoding="utf-8")
    return flat.number_of_nodes() + flat.number_of_edges()
