"""JSON Lines in the shape of APOC's ``apoc.export.json`` (re-importable with
``apoc.import.json``). Sorted by id, so the same graph gives the same bytes."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from .. import schema as schema_mod


def node_labels(data: dict) -> list[str]:
    """The node's label, plus its type label for actors (:Actor:Person), as in Neo4j."""
    label = data["label"]
    extra = schema_mod.load().nodes[label].type_labels.get(data.get("type", ""))
    return [label, extra] if extra else [label]


STAGES = ("nodes", "relationships")


def lines(graph: nx.MultiDiGraph):
    yield from _node_lines(graph)
    yield from _edge_lines(graph)


def _node_lines(graph: nx.MultiDiGraph):
    for node_id in sorted(graph.nodes):
        data = graph.nodes[node_id]
        props = {k: v for k, v in sorted(data.items()) if k != "label"}
        yield {"type": "node", "id": node_id, "labels": node_labels(data), "properties": props}


def _edge_lines(graph: nx.MultiDiGraph):
    edges = sorted(graph.edges(keys=True, data=True), key=lambda e: (e[3]["type"], e[2]))
    for src, dst, key, data in edges:
        props = {k: v for k, v in sorted(data.items()) if k != "type"}
        yield {"type": "relationship", "id": key, "label": data["type"], "properties": props,
               "start": {"id": src, "labels": node_labels(graph.nodes[src])},
               "end": {"id": dst, "labels": node_labels(graph.nodes[dst])}}


def write(graph: nx.MultiDiGraph, path: str | Path,
          on_stage: Callable[[str], None] | None = None, **_options) -> int:
    """Write the lines; returns how many. ``on_stage(name)`` is told as each of
    :data:`STAGES` starts."""
    begin = on_stage or (lambda _name: None)
    count = 0
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        for stage, part in zip(STAGES, (_node_lines, _edge_lines)):
            begin(stage)
            for line in part(graph):
                out.write(json.dumps(line, ensure_ascii=False, sort_keys=False) + "\n")
                count += 1
    return count
