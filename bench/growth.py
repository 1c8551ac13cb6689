"""How a load grows with the corpus: the same generator at several sizes, each loaded
into a fresh store of each engine, and with the bulk path (``load --bulk``) beside the
transactional load into Neo4j, with time, statements/s and peak memory, and the fitted
exponent k of time ∝ n^k. The three loads of a size run one after the other, so their
ratios hold on a shared machine even when absolute times do not.

Alone (the sizes are yours: what fits in the time there is):
``python bench/growth.py --sizes 1000,2500,5000,10000 [--no-neo4j] [--out DIR]``
prints the results as JSON and the report's table.

Memory is measured apart for the loader and for the engine. The loader is the e2e.py
process (its ``VmHWM``) and its largest extraction worker. Loading into Neo4j, that
process holds the loader alone (Python, the driver); the engine is the server, whose
resident memory is sampled while that load runs (one server serves the sizes in
increasing order, wiped between them: a JVM keeps the heap it grew, so a size's figure
may carry what a smaller load before it grew). LadybugDB runs inside the loading
process, so its row is loader and engine together; at the same size, the difference
from the Neo4j row's loader is about what the embedded engine holds (its buffer pool is
capped, ``qantar.graph.stores.embedded.buffer_pool_size``). The bulk path's loader is
bench/bulk_load.py's process (the rows it keeps for the projection), its engine the
larger of the import tool and the server that builds the indexes.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import threading
from contextlib import contextmanager
from pathlib import Path


def exponent(points: list[tuple[float, float]]) -> float | None:
    """k of y ∝ x^k, least squares on the logarithms.

    >>> round(exponent([(1000, 10.0), (2000, 20.0), (4000, 40.0)]), 3)
    1.0
    """
    pts = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    var = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / var if var else None


def rss_mb(pid: int | None) -> float | None:
    """The resident memory (``VmRSS``) of process ``pid`` in MB, None if unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except (OSError, TypeError, ValueError):
        pass
    return None


def cpu_s(pid: int | None) -> float | None:
    """CPU seconds process ``pid`` has used so far (user + system), None if unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, TypeError, ValueError, IndexError):
        return None


@contextmanager
def sampled_peak(pid: int | None, every: float = 0.2):
    """The highest resident memory of ``pid`` while the block runs, sampled every
    ``every`` seconds: ``with sampled_peak(pid) as peak: ...`` then ``peak["mb"]``."""
    peak: dict[str, float | None] = {"mb": None}
    done = threading.Event()

    def sample() -> None:
        while True:
            mb = rss_mb(pid)
            if mb is not None:
                peak["mb"] = max(peak["mb"] or 0.0, mb)
            if done.wait(every):
                return

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield peak
    finally:
        done.set()
        thread.join()


ENGINES = ("embedded", "neo4j", "neo4j_bulk")


def run(sizes: list[int], out: Path, seed: int, env: dict, *, generate, run_e2e, fresh,
        server=None, run_bulk=None) -> dict:
    """``server``: the running local Neo4j (with ``pid``), or None to measure the
    embedded store only; ``run_bulk``: the bulk path too. ``generate``, ``run_e2e``,
    ``fresh`` and ``run_bulk`` are bench.py's."""
    rows = []
    for n in sorted(sizes):
        corpus = out / f"corpus-{n}-{seed}"
        if not (corpus / "gazetteer.yaml").exists():
            generate.generate(corpus, n, seed)
        row = {"articles": n}
        if run_bulk is not None:
            row["neo4j_bulk"] = run_bulk(corpus, fresh(out / f"growth-{n}-bulk"), env)
        row["embedded"] = run_e2e("embedded", corpus, env, store=fresh(out / f"growth-{n}.lbug"))
        if server is not None:
            pid = getattr(server, "pid", None)
            before = cpu_s(pid)
            with sampled_peak(pid) as peak:
                row["neo4j"] = run_e2e("neo4j", corpus, env)
            row["neo4j"]["server_peak_rss_mb"] = peak["mb"]
            if before is not None and (after := cpu_s(pid)) is not None:
                row["neo4j"]["engine_cpu_s"] = after - before
        rows.append(row)
    fits = {}
    for engine in ENGINES:
        points = [(r["articles"], r[engine]["seconds"]) for r in rows
                  if "seconds" in r.get(engine, {})]
        fits[engine] = exponent(points)
    return {"sizes": rows, "exponent": fits}


def main(argv: list[str] | None = None) -> int:
    import bench
    import generate
    import report

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2500,5000,10000")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    parser.add_argument("--no-neo4j", action="store_true")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    server = None
    if not args.no_neo4j:
        settings, server, _ = bench.start_neo4j()
        env.update(NEO4J_URI=settings.uri, NEO4J_USERNAME=settings.username,
                   NEO4J_PASSWORD=settings.password, NEO4J_DATABASE=settings.database)
    try:
        result = run([int(x) for x in args.sizes.split(",")], args.out, args.seed, env,
                     generate=generate, run_e2e=bench.run_e2e, fresh=bench._fresh,
                     server=server, run_bulk=None if args.no_neo4j else bench.run_bulk)
    finally:
        if server is not None:
            server.stop()
    print(json.dumps(result, default=str))
    print("\n".join(report.growth_lines(result)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
