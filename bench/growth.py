"""How a load grows with the corpus: the same generator at several sizes, each loaded
into a fresh store of each engine, with time, statements/s and peak memory, and the
fitted exponent k of time ∝ n^k.

Memory is measured apart for the loader (the e2e.py process: its ``VmHWM``, with the
embedded engine inside it, since LadybugDB runs in-process) and for the Neo4j server
(the Java process's ``VmHWM``; one server serves the sizes in increasing order, wiped
between them, so its figure at a size is the peak up to that size).
"""

from __future__ import annotations

import math
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


def server_peak_mb(pid: int | None) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, TypeError, ValueError):
        pass
    return None


def run(sizes: list[int], out: Path, seed: int, env: dict, *, generate, run_e2e, fresh,
        server=None) -> dict:
    """``server``: the running local Neo4j (with ``pid``), or None to measure the
    embedded store only. ``generate``, ``run_e2e`` and ``fresh`` are bench.py's."""
    rows = []
    for n in sorted(sizes):
        corpus = out / f"corpus-{n}-{seed}"
        if not (corpus / "gazetteer.yaml").exists():
            generate.generate(corpus, n, seed)
        row = {"articles": n,
               "embedded": run_e2e("embedded", corpus, env, store=fresh(out / f"growth-{n}.lbug"))}
        if server is not None:
            row["neo4j"] = run_e2e("neo4j", corpus, env)
            row["neo4j"]["server_peak_rss_mb"] = server_peak_mb(getattr(server, "pid", None))
        rows.append(row)
    fits = {}
    for engine in ("embedded", "neo4j"):
        points = [(r["articles"], r[engine]["seconds"]) for r in rows
                  if "seconds" in r.get(engine, {})]
        fits[engine] = exponent(points)
    return {"sizes": rows, "exponent": fits}
