"""Embedded write path, old against new, on the same extracted batches in one run.

- ``unwind``: the write queries of graph/stores/cypher.py reading ``UNWIND $rows``
  lists of dicts, as Neo4j takes them (and the embedded store did before);
- ``arrow``: the same queries reading Arrow tables with ``LOAD FROM`` (the embedded
  store's row source).

Each round writes every batch into a fresh store file through ``store.write`` and then
rebuilds the projection; rounds alternate A/B so a busy machine hurts both alike. CPU
time counts every engine thread of this process. Both stores are compared as networkx
graphs at the end: a faster path that wrote a different graph would be no result.

Usage: python bench/embedded_write.py --corpus DIR [--articles N] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from qantar.graph.stores import cypher
from qantar.graph.stores.base import Store
from qantar.graph.stores.embedded import EmbeddedStore
from qantar.loaders.gazetteer import Gazetteer
from qantar.loaders.pipeline import LoadReport, read_batches


class UnwindStore(EmbeddedStore):
    """The embedded store with its rows as lists of dicts (the state before Arrow)."""

    row_source = cypher.UNWIND
    _rows = Store._rows


def one_load(cls, batches, folder: Path) -> tuple[dict, nx.MultiDiGraph]:
    path = folder / f"{cls.__name__}.lbug"
    shutil.rmtree(path, ignore_errors=True)
    path.unlink(missing_ok=True)
    Path(f"{path}.wal").unlink(missing_ok=True)
    store = cls(path)
    wall, cpu = time.perf_counter(), time.process_time()
    store.write(batches)
    write_wall, write_cpu = time.perf_counter() - wall, time.process_time() - cpu
    store.rebuild_projection()
    out = {"write_s": write_wall, "write_cpu_s": write_cpu,
           "total_s": time.perf_counter() - wall, "total_cpu_s": time.process_time() - cpu}
    graph = store.to_networkx()
    store.close()
    return out, graph


def run(batches, rounds: int = 2) -> dict:
    runs: dict[str, list[dict]] = {"unwind": [], "arrow": []}
    graphs = {}
    with tempfile.TemporaryDirectory(prefix="qantar-embedded-write-") as tmp:
        for _ in range(rounds):
            for name, cls in (("unwind", UnwindStore), ("arrow", EmbeddedStore)):
                timing, graphs[name] = one_load(cls, batches, Path(tmp))
                runs[name].append(timing)
    out = {"articles": len(batches), "statements": sum(len(b.statements) for b in batches),
           "rounds": rounds, "same_graph": _same(graphs["unwind"], graphs["arrow"])}
    for name, timings in runs.items():
        out[name] = {k: statistics.median(t[k] for t in timings) for k in timings[0]}
    out["speedup_write_cpu"] = out["unwind"]["write_cpu_s"] / out["arrow"]["write_cpu_s"]
    out["speedup_total_wall"] = out["unwind"]["total_s"] / out["arrow"]["total_s"]
    return out


def _same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> bool:
    return (dict(a.nodes(data=True)) == dict(b.nodes(data=True))
            and sorted(map(repr, a.edges(keys=True, data=True)))
            == sorted(map(repr, b.edges(keys=True, data=True))))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    report = LoadReport()
    batches = list(read_batches([args.corpus / "articles"], report,
                                Gazetteer.load(args.corpus / "gazetteer.yaml"), None))
    print(json.dumps(run(batches[: args.articles], args.rounds), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
