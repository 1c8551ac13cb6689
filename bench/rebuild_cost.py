"""What the projection rebuild spends on each derived summary, on a loaded store.

Runs ``Store.rebuild_projection`` once and times, inside it, each function of
``graph/projection.py`` that derives a summary (the Python side) and each
``Store._flag`` call (reading the statements' current values back and writing the
changed ones: the engine side, index upkeep included), and the outlets' sums (reading
every article, writing the changed sums). The same script runs against
an older checkout (``PYTHONPATH`` at it): what that checkout lacks is not timed.

    python bench/rebuild_cost.py --backend embedded --store g.lbug
    NEO4J_URI=... python bench/rebuild_cost.py --backend neo4j

Prints one JSON line: total seconds (wall and this process's CPU), and per summary
its wall and CPU seconds.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import time
from pathlib import Path

from qantar.graph import projection
from qantar.graph.stores import open_store
from qantar.graph.stores.neo4j import Neo4jSettings

SUMMARIES = ("contested", "attributed", "attributed_order", "single_source", "removals",
             "brokerage", "outlets")


def _timed(table: dict, name: str, fn):
    """``fn`` adding its wall and CPU seconds (this process) to ``table[name]``."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        start, cpu = time.perf_counter(), time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            wall, used = table.get(name, (0.0, 0.0))
            table[name] = (wall + time.perf_counter() - start,
                           used + time.process_time() - cpu)
    return wrapper


def measure(store) -> dict:
    python: dict[str, float] = {}
    writes: dict[str, float] = {}
    for name in SUMMARIES:
        if hasattr(projection, name):
            setattr(projection, name, _timed(python, name, getattr(projection, name)))
    flag = store._flag
    store._flag = lambda prop, values: _timed(writes, prop, flag)(prop, values)
    if hasattr(store, "_sum_up_outlets"):  # reads every article, writes the changed sums
        store._sum_up_outlets = _timed(writes, "outlets", store._sum_up_outlets)
    cpu, start = time.process_time(), time.perf_counter()
    edges = store.rebuild_projection()
    return {"rebuild_s": round(time.perf_counter() - start, 2),
            "rebuild_cpu_s": round(time.process_time() - cpu, 2),
            # [wall, CPU] seconds; a flag's CPU is this process's (the embedded engine
            # runs in it, a Neo4j server does not)
            "python_s": {k: [round(x, 3) for x in v] for k, v in python.items()},
            "flag_write_s": {k: [round(x, 3) for x in v] for k, v in writes.items()},
            "edges": sum(edges.values())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=("neo4j", "embedded"), required=True)
    parser.add_argument("--store", type=Path, help="the embedded store")
    args = parser.parse_args(argv)
    store = (open_store("neo4j", settings=Neo4jSettings.from_env())
             if args.backend == "neo4j" else open_store("embedded", path=args.store))
    try:
        print(json.dumps(measure(store)))
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
