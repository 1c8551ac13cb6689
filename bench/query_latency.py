"""Query-pack latency (p50, p95) on a loaded store, through the packs' own runner.

Every query in ``queries/<pack>/*.cypher`` runs with its example parameters; an actor
parameter whose example is not in the generated graph gets the most cited actor
instead. Skipped, with the reason, when the packs or their runner are not there.
"""

from __future__ import annotations

import statistics
import time


def _percentile(values: list[float], q: float) -> float:
    values = sorted(values)
    if not values:
        return 0.0
    k = max(0, min(len(values) - 1, round(q * (len(values) - 1))))
    return values[k]


def run(store, *, repeats: int, budget_per_query: float = 3.0, reopen=None) -> dict:
    """``reopen``: a callable giving a fresh store, used for every query after the
    first, as each CLI command opens its own. LadybugDB 0.22 keeps the memory of a
    query's intermediate results until the database closes, so on one connection the
    heavy queries filled the 4 GB pool and a later one failed (people/most_cited: 0.4 s
    alone, "buffer pool is full" after the others, 10,000 articles). The caller closes
    whatever store it passed; stores opened here are closed here."""
    opened = []
    try:
        return _run(store, repeats, budget_per_query, reopen, opened)
    finally:
        for extra in opened:
            extra.close()


def _run(store, repeats, budget_per_query, reopen, opened) -> dict:
    try:
        from qantar.queries import packs
        queries = packs.load_packs()
    except Exception as exc:  # noqa: BLE001 - packs still being written
        return {"skipped": f"query packs not available ({str(exc).splitlines()[0][:120]})"}
    if not queries:
        return {"skipped": "no query packs yet"}
    busiest = store.run("MATCH (s:Statement)-[:SUBJECT]->(a:Actor) WITH a, count(s) AS n "
                        "RETURN a.id AS id ORDER BY n DESC LIMIT 1")
    fallback = busiest[0]["id"] if busiest else ""
    per_query, all_ms, errors = {}, [], {}
    for number, query in enumerate(queries):
        if reopen is not None and number:
            while opened:
                opened.pop().close()
            store = reopen()
            opened.append(store)
        params = query.examples()
        timings: list[float] = []
        warmup = None
        deadline = time.perf_counter() + budget_per_query
        for attempt in range(repeats + 1):  # the first run warms caches and plans
            try:
                start = time.perf_counter()
                rows = len(packs.run(store, query, params))
                elapsed = (time.perf_counter() - start) * 1000
            except Exception as exc:  # noqa: BLE001
                actor_params = [p.name for p in query.params if p.type == "actor"]
                if attempt == 0 and actor_params and fallback:
                    params = {**params, **{name: fallback for name in actor_params}}
                    continue
                errors[query.id] = str(exc).splitlines()[0][:160]
                break
            if attempt:
                timings.append(elapsed)
            else:
                warmup = elapsed
            if time.perf_counter() > deadline:
                break
        if not timings and warmup is not None:
            timings = [warmup]  # slower than the budget: report its one run, never drop it
        if timings:
            per_query[query.id] = {"p50_ms": statistics.median(timings),
                                   "p95_ms": _percentile(timings, 0.95), "runs": len(timings),
                                   "rows": rows}
            all_ms += timings
    return {"queries": len(queries), "measured": len(per_query),
            "p50_ms": statistics.median(all_ms) if all_ms else None,
            "p95_ms": _percentile(all_ms, 0.95) if all_ms else None,
            "slowest": sorted(per_query.items(), key=lambda kv: -kv[1]["p95_ms"])[:5],
            "per_query": per_query, "errors": errors}
