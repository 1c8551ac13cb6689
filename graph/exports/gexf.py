"""GEXF for Gephi (lists become ``;``-joined strings)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx

from .flat import STAGES, write_flat  # noqa: F401 - STAGES: this format's stages


def write(graph: nx.MultiDiGraph, path: str | Path,
          on_stage: Callable[[str], None] | None = None, **_options) -> int:
    return write_flat(nx.write_gexf, graph, path, on_stage)
