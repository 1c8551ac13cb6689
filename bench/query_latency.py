"""Query-pack latency (p50, p95) on a loaded store, through the packs' own runner.

Every query in ``queries/<pack>/*.cypher`` runs with its example parameters; when its
example actors are not in the generated graph or have nothing to show there, it runs
from stand-ins that have ties (:func:`_stand_ins`), and the result says so. Each query
records the rows it returned. A query that takes actors runs a second time from the
busiest people (the most cited: ``busy``), where its answer is largest. Skipped, with
the reason, when the packs or their runner are not there.
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
    except Exception as exc:  # noqa: BLE001 - a broken pack skips this measurement only
        return {"skipped": f"query packs not available ({str(exc).splitlines()[0][:120]})"}
    if not queries:
        return {"skipped": "no query packs yet"}
    # The examples name seed actors; a generated corpus may hold them without the ties a
    # query follows, and an empty answer only times an index lookup. Such queries (and
    # those whose actor is missing) are measured from stand-ins that have such ties.
    stand_ins = _stand_ins(store)
    busiest = _busiest(store)
    per_query, all_ms, busy_ms, errors = {}, [], [], {}
    for number, query in enumerate(queries):
        if reopen is not None and number:
            while opened:
                opened.pop().close()
            store = reopen()
            opened.append(store)
        params = query.examples()
        actor_params = [p.name for p in query.params if p.type == "actor"]
        timings: list[float] = []
        deadline = time.perf_counter() + budget_per_query
        try:
            try:  # the first run warms caches and plans
                rows, warmup = _timed(packs, store, query, params)
            except Exception:  # noqa: BLE001
                if not actor_params:
                    raise
                rows, warmup = 0, None
            stood_in = False
            for ids in stand_ins if actor_params and not rows else ():
                tried = {**params, **dict(zip(actor_params, ids))}
                rows, warmup = _timed(packs, store, query, tried)
                if rows:
                    params, stood_in = tried, True
                    break
            if warmup is None:
                raise LookupError("no actor to run it from")
            for _ in range(repeats):
                if time.perf_counter() > deadline:
                    break
                rows, elapsed = _timed(packs, store, query, params)
                timings.append(elapsed)
        except Exception as exc:  # noqa: BLE001
            errors[query.id] = str(exc).splitlines()[0][:160]
            continue
        if not timings:
            timings = [warmup]  # slower than the budget: report its one run, never drop it
        per_query[query.id] = {"p50_ms": statistics.median(timings),
                               "p95_ms": _percentile(timings, 0.95), "runs": len(timings),
                               "rows": rows, "stand_in": stood_in}
        all_ms += timings
        if actor_params and len(busiest) >= len(actor_params):
            busy = {**params, **dict(zip(actor_params, busiest))}
            try:
                per_query[query.id]["busy"] = _series(packs, store, query, busy, repeats,
                                                      budget_per_query)
            except Exception as exc:  # noqa: BLE001
                errors[query.id + " (busy)"] = str(exc).splitlines()[0][:160]
            else:
                busy_ms += per_query[query.id]["busy"].pop("ms")
    return {"queries": len(queries), "measured": len(per_query),
            "p50_ms": statistics.median(all_ms) if all_ms else None,
            "p95_ms": _percentile(all_ms, 0.95) if all_ms else None,
            "busy_actors": busiest,
            "busy_p95_ms": _percentile(busy_ms, 0.95) if busy_ms else None,
            "slowest": sorted(per_query.items(), key=lambda kv: -kv[1]["p95_ms"])[:5],
            "per_query": per_query, "errors": errors}


def _series(packs, store, query, params, repeats, budget) -> dict:
    """p50/p95 of up to ``repeats`` runs after a warm-up, within ``budget`` seconds."""
    rows, warmup = _timed(packs, store, query, params)
    timings, deadline = [], time.perf_counter() + budget
    while len(timings) < repeats and time.perf_counter() < deadline:
        rows, elapsed = _timed(packs, store, query, params)
        timings.append(elapsed)
    timings = timings or [warmup]
    return {"p50_ms": statistics.median(timings), "p95_ms": _percentile(timings, 0.95),
            "runs": len(timings), "rows": rows, "params": params, "ms": timings}


def _busiest(store) -> list[str]:
    """The two people the most statements cite: a query from them meets the most ties."""
    return [r["id"] for r in store.run(
        "MATCH (a:Actor) WHERE a.type = 'person' AND a.cited_statements > 0 "
        "RETURN a.id AS id ORDER BY a.cited_statements DESC, id LIMIT 2")]


def _stand_ins(store) -> list[tuple[str, str]]:
    """Actor pairs to run a query from when its example finds nothing: a family head and
    a relative, the holder of the most posts and the body of the most posts (both ways),
    the two most cited people."""
    def ids(query, **params):
        return [r["id"] for r in store.run(query, params)]

    kin = ids("MATCH (a:Actor)-[r:RELATIVE_OF]-(:Actor) WITH a, count(r) AS n "
              "RETURN a.id AS id ORDER BY n DESC, id LIMIT 1")
    relative = ids("MATCH (a:Actor)-[:RELATIVE_OF]-(b:Actor) WHERE a.id = $id "
                   "RETURN b.id AS id ORDER BY id LIMIT 1", id=kin[0]) if kin else []
    holder = ids("MATCH (a:Actor)-[r:HOLDS_POSITION]->(:Actor) WITH a, count(r) AS n "
                 "RETURN a.id AS id ORDER BY n DESC, id LIMIT 1")
    body = ids("MATCH (:Actor)-[r:HOLDS_POSITION]->(b:Actor) WITH b, count(r) AS n "
               "RETURN b.id AS id ORDER BY n DESC, id LIMIT 1")
    cited = ids("MATCH (a:Actor) WHERE a.type = 'person' AND a.cited_statements > 0 "
                "RETURN a.id AS id ORDER BY a.cited_statements DESC, id LIMIT 2")
    pairs = [kin + relative, holder + body, body + holder, cited]
    return [tuple(p) for p in pairs if p]


def _timed(packs, store, query, params) -> tuple[int, float]:
    """(rows, milliseconds) of one run."""
    start = time.perf_counter()
    rows = len(packs.run(store, query, params))
    return rows, (time.perf_counter() - start) * 1000
