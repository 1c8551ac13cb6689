"""End to end, in a process of its own: article files -> a loaded store. Prints JSON.

Run as a child of bench/bench.py so its peak resident memory (``VmHWM``) is the
load's alone. Neo4j settings come from the environment (NEO4J_URI, NEO4J_USERNAME,
NEO4J_PASSWORD, NEO4J_DATABASE), never from the command line.

Usage: python bench/e2e.py --backend neo4j|embedded --corpus DIR [--store PATH]
       [--workers N] [--per-transaction N] [--wipe]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from qantar.graph.stores import open_store
from qantar.loaders.gazetteer import Gazetteer
from qantar.loaders.pipeline import load


def wipe_neo4j(store) -> None:
    """Empty the database in batches (a single DETACH DELETE of millions runs out of heap)."""
    while store.run("MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS c",
                    write=True)[0]["c"]:
        pass


def peak_rss_mb() -> float:
    """This process's peak resident memory. ``VmHWM`` where Linux has it: ``ru_maxrss``
    survives exec on Linux, so a child of a large bench process inherited its peak
    (6,261 MB reported for a 585 MB load)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backend", choices=("neo4j", "embedded"), required=True)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--store", type=Path, default=None)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--wipe", action="store_true")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    store = open_store(args.backend, path=args.store)
    if args.wipe and args.backend == "neo4j":
        wipe_neo4j(store)
        store.create_schema()
    gazetteer = Gazetteer.load(args.corpus / "gazetteer.yaml")
    phases: dict[str, float] = {}

    # time the projection rebuild apart from extraction + writing
    rebuild = store.rebuild_projection

    def timed_rebuild():
        t = time.perf_counter()
        try:
            return rebuild()
        finally:
            phases["projection_s"] = time.perf_counter() - t

    store.rebuild_projection = timed_rebuild
    kwargs = {"gazetteer": gazetteer}
    if args.workers is not None:
        kwargs["workers"] = args.workers
    start = time.perf_counter()
    report = load(store, [args.corpus / "articles"], **kwargs)
    total = time.perf_counter() - start
    phases["extract_and_write_s"] = total - phases.get("projection_s", 0.0)
    counts = store.counts()
    store.close()
    print(json.dumps({
        "backend": args.backend, "articles": report.articles,
        "statements": report.statements, "errors": len(report.errors),
        "seconds": total, "seconds_with_open": time.perf_counter() - t0, **phases,
        "statements_per_s": report.statements / total if total else 0.0,
        "peak_rss_mb": peak_rss_mb(),
        # the largest extraction worker (they run beside this process)
        "worker_peak_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "workers": report.workers,
        # CPU seconds, less bent by a shared machine than wall time: this process, and
        # the extraction workers together
        "cpu_s": _cpu(resource.RUSAGE_SELF), "worker_cpu_s": _cpu(resource.RUSAGE_CHILDREN),
        "nodes": {k: v for k, v in counts.items() if k[0].isupper() and not k.isupper()},
        "edges": {k: v for k, v in counts.items() if k.isupper() and v},
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
