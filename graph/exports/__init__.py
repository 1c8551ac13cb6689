"""Exports: functions from a networkx graph (read from any store) to a file.

Each format is a module with ``write(graph, path, **options)``; :data:`FORMATS` maps the
format name to it.
"""

from __future__ import annotations

import importlib

FORMATS = ("jsonl", "html", "graphml", "gexf")


def writer(fmt: str):
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    return importlib.import_module(f"{__name__}.{fmt}").write
