"""Exports: functions from a networkx graph (read from any store) to a file.

Each format is a module with ``write(graph, path, on_stage=None, **options)`` and the
names of its ``STAGES`` (``on_stage(name)`` is told as each starts, for a progress
bar); :data:`FORMATS` lists the format names, :func:`writer` and :func:`stages` find
them.
"""

from __future__ import annotations

import importlib

FORMATS = ("jsonl", "html", "graphml", "gexf")


def _module(fmt: str):
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    return importlib.import_module(f"{__name__}.{fmt}")


def writer(fmt: str):
    return _module(fmt).write


def stages(fmt: str) -> tuple[str, ...]:
    """The names of the stages ``fmt``'s writer goes through.

    >>> stages("graphml")
    ('flatten', 'write')
    """
    return _module(fmt).STAGES
