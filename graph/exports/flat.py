"""A copy of the graph whose attributes are scalars, for formats without lists, and
the writing of such a copy (GraphML, GEXF)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import networkx as nx

STAGES = ("flatten", "write")


# XML 1.0 holds no C0 control character but tab, newline and carriage return; the
# sort keys the projection keeps (Statement.single_source, attributed_order) join their
# parts with U+0001, which GraphML and GEXF show as " | "
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]+")


def _scalar(value):
    """A value an XML attribute can hold.

    >>> _scalar(["a", "b"]), _scalar("relative_of\x01A\x01B"), _scalar(3)
    ('a;b', 'relative_of | A | B', 3)
    """
    if isinstance(value, (list, tuple)):
        value = ";".join(str(v) for v in value)
    if isinstance(value, str):
        return _NOT_XML.sub(" | ", value)
    return value


def flatten(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    flat = nx.MultiDiGraph()
    for node, data in sorted(graph.nodes(data=True)):
        flat.add_node(node, **{k: _scalar(v) for k, v in data.items()})
    for src, dst, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[2]):
        flat.add_edge(src, dst, key=key, **{k: _scalar(v) for k, v in data.items()})
    return flat


def write_flat(write: Callable, graph: nx.MultiDiGraph, path: str | Path,
               on_stage: Callable[[str], None] | None = None) -> int:
    """``write(flat, path, encoding="utf-8")`` on the :func:`flatten` copy; returns its
    nodes plus edges. ``on_stage(name)`` is told as each of :data:`STAGES` starts."""
    begin = on_stage or (lambda _name: None)
    begin("flatten")
    flat = flatten(graph)
    begin("write")
    write(flat, path, encoding="utf-8")
    return flat.number_of_nodes() + flat.number_of_edges()
