"""The bulk path, in a process of its own: article files -> a queryable Neo4j database
through ``qantar load --bulk`` (:func:`qantar.graph.stores.bulk.first_load`). Prints JSON.

Extraction writes neo4j-admin's CSV files straight (no store between), ``neo4j-admin
database import full`` reads them, and a server started on the new database builds the
indexes, each step timed. Peak memory apart: this process (the loader: the rows it
keeps for the projection), the extraction workers (read when extraction is done), and
the Java processes it waits for (the import tool, then the server).

Usage: python bench/bulk_load.py --corpus DIR --data-dir DIR
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

from e2e import _cpu, peak_rss_mb

from qantar.graph.stores import bulk
from qantar.loaders.gazetteer import Gazetteer
from qantar.loaders.pipeline import load


def _children_mb() -> float:
    """The largest child process so far (ended and waited for)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--data-dir", type=Path, required=True)
    args = parser.parse_args(argv)
    gazetteer = Gazetteer.load(args.corpus / "gazetteer.yaml")
    phases: dict[str, float] = {}
    counts: dict[str, int] = {}
    memory: dict[str, float] = {}

    def fill(files):
        report = load(files, [args.corpus / "articles"], gazetteer=gazetteer)
        memory["worker_peak_rss_mb"] = _children_mb()  # the workers have ended
        memory["worker_cpu_s"] = _cpu(resource.RUSAGE_CHILDREN)
        memory["loader_peak_rss_mb"] = peak_rss_mb()
        return report

    start = time.perf_counter()
    report = bulk.first_load(args.data_dir, fill,
                             on_ready=lambda store, _: counts.update(store.counts()),
                             phases=phases)
    total = time.perf_counter() - start
    print(json.dumps({
        "backend": "neo4j-bulk", "articles": report.articles,
        "statements": report.statements, "errors": len(report.errors), "seconds": total,
        "phases_s": phases, "statements_per_s": report.statements / total if total else 0.0,
        "peak_rss_mb": peak_rss_mb(), **memory,
        # the import tool or the server (Java), whichever grew larger
        "engine_peak_rss_mb": _children_mb(),
        "records": sum(counts.values()),
        # CPU seconds: this process; the import tool and the server together
        "cpu_s": _cpu(resource.RUSAGE_SELF),
        "engine_cpu_s": _cpu(resource.RUSAGE_CHILDREN) - memory.get("worker_cpu_s", 0.0),
        "nodes": {k: v for k, v in counts.items() if k[0].isupper() and not k.isupper()},
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
