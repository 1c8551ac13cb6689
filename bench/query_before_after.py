"""Pack queries against their former text, alternating on one loaded store.

The former texts are those ``tests/test_queries_rewritten.py`` compares rows with
(``tests/reference_queries/``). Each round runs every named query once in its former
and once in its current text, the order swapped each round, so both sides share the
machine's load. Actor parameters whose example finds nothing in the graph are taken
from bench/query_latency.py's stand-ins, as the latency bench does.

    NEO4J_URI=... python bench/query_before_after.py --backend neo4j \\
        claims/single_source --rounds 15 -p limit=40
    python bench/query_before_after.py --backend embedded --store g.lbug paths/brokers
    python bench/query_before_after.py --backend embedded --store g.lbug \\
        --before /tmp/base/queries claims/attributed   # BASE from `git archive`

Prints one JSON line: per query, p50/p95 (ms) of each text, the rows, whether they
were equal.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

import query_latency  # noqa: E402
from test_queries_rewritten import reference  # noqa: E402

from qantar.graph.stores import open_store  # noqa: E402
from qantar.graph.stores.neo4j import Neo4jSettings  # noqa: E402
from qantar.queries import packs  # noqa: E402


def _params(store, query, given: dict) -> dict:
    given = {k: v for k, v in given.items() if k in {p.name for p in query.params}}
    params = {**query.examples(), **given}
    actors = [p.name for p in query.params if p.type == "actor"]
    if not actors or set(actors) & set(given) or packs.run(store, query, params):
        return params
    for ids in query_latency._stand_ins(store):
        tried = {**params, **dict(zip(actors, ids))}
        if packs.run(store, query, tried):
            return tried
    return params


def compare(store, names: list[str], rounds: int, given: dict | None = None,
            before_root: Path | None = None) -> dict:
    """``before_root``: the former texts are another checkout's pack files (its
    ``queries/`` folder), not the references."""
    out = {}
    for name in names:
        now = packs.get(name)
        before = packs.get(name, before_root) if before_root else reference(name)
        params = _params(store, now, given or {})
        rows_now = packs.run(store, now, params)
        rows_before = packs.run(store, before, params)
        times: dict[str, list[float]] = {"before": [], "now": []}
        for i in range(rounds):
            order = [("before", before), ("now", now)]
            for side, query in order if i % 2 == 0 else order[::-1]:
                times[side].append(query_latency._timed(packs, store, query, params)[1])
        out[name] = {"params": params, "rows": len(rows_now),
                     "same_rows": rows_now == rows_before,
                     **{f"{side}_p50_ms": round(statistics.median(t), 1) for side, t in
                        times.items()},
                     **{f"{side}_p95_ms": round(query_latency._percentile(t, 0.95), 1)
                        for side, t in times.items()}}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="+", help="pack/name of each query")
    parser.add_argument("--backend", choices=("neo4j", "embedded"), required=True)
    parser.add_argument("--store", type=Path, help="the embedded store")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--before", type=Path, metavar="QUERIES_DIR",
                        help="take the former texts from this queries/ folder (e.g. of "
                             "`git archive BASE`) instead of tests/reference_queries/")
    parser.add_argument("-p", "--param", action="append", default=[], metavar="NAME=VALUE",
                        help="in place of the example, for the queries that take it")
    args = parser.parse_args(argv)
    store = (open_store("neo4j", settings=Neo4jSettings.from_env())
             if args.backend == "neo4j" else open_store("embedded", path=args.store))
    try:
        given = dict(p.split("=", 1) for p in args.param)
        print(json.dumps(compare(store, args.names, args.rounds, given, args.before)))
    finally:
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
