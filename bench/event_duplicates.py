"""How many event nodes repeat another one: the share of duplicate events in a store.

Two event nodes are taken for the same real event when they have the same type, the
same key participants (those with role target, victim or subject; else the agents) and
compatible dates: one date contains the other (``2022-01`` contains ``2022-01-06``) or
one of them is undated. Per type and participants, the real events are counted as the
largest set of pairwise incompatible dates (an undated node only counts when nothing of
its kind is dated); every other node is a duplicate. Events with no participant are
left out of the figure: nothing identifies them.

The figure reads only the loaded graph (Event nodes, PARTICIPATED_IN edges), so it
measures any version of the loaders and of the projection alike.

Usage:
    python bench/event_duplicates.py ARTICLE_OR_DIR... [--gazetteer FILE]
    python bench/event_duplicates.py --store qantar.lbug
    python bench/event_duplicates.py --generated 300      # the bench's synthetic corpus
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

_KEY_ROLES = ("target", "victim", "subject")


def duplicates(events: list[dict], roles: list[dict]) -> dict:
    """Events ``{id, type, date}`` and participations ``{event, actor, role}`` -> counts.

    >>> ev = [{"id": "a", "type": "arrest", "date": "2022-01-06"},
    ...       {"id": "b", "type": "arrest", "date": "2022-01"},
    ...       {"id": "c", "type": "arrest", "date": ""},
    ...       {"id": "d", "type": "arrest", "date": "2022-03-01"}]
    >>> part = [{"event": e, "actor": "person:x", "role": "target"} for e in "abcd"]
    >>> duplicates(ev, part)["duplicates"]
    2
    """
    who: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for r in roles:
        who[r["event"]][r["role"] or ""].add(r["actor"])
    kinds: dict[tuple, list[str]] = defaultdict(list)
    for e in events:
        by_role = who.get(e["id"], {})
        keys = set().union(*(by_role.get(r, set()) for r in _KEY_ROLES)) \
            or by_role.get("agent", set())
        if keys:
            kinds[(e["type"], tuple(sorted(keys)))].append(e.get("date") or "")
    nodes = sum(len(dates) for dates in kinds.values())
    real = 0
    for dates in kinds.values():
        chosen: list[str] = []
        for d in sorted((d for d in dates if d), key=lambda d: (-len(d), d)):
            if not any(c.startswith(d) or d.startswith(c) for c in chosen):
                chosen.append(d)
        real += len(chosen) or 1
    return {"event_nodes": len(events), "identified": nodes, "real_events": real,
            "duplicates": nodes - real,
            "share": round((nodes - real) / len(events), 4) if events else 0.0}


def measure(store) -> dict:
    events = store.run("MATCH (e:Event) RETURN e.id AS id, e.type AS type, e.date AS date")
    roles = store.run("MATCH (a:Actor)-[r:PARTICIPATED_IN]->(e:Event) "
                      "RETURN e.id AS event, a.id AS actor, r.role AS role")
    return duplicates(events, roles)


def _load(paths: list[str], gazetteer: Path | None) -> dict:
    from qantar.graph.stores.embedded import EmbeddedStore
    from qantar.loaders.gazetteer import Gazetteer
    from qantar.loaders.pipeline import load

    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "dup.lbug")
        try:
            report = load(store, paths, workers=1,
                          gazetteer=Gazetteer.load(gazetteer) if gazetteer else None)
            if report.errors:
                raise SystemExit("\n".join(report.errors))
            return measure(store)
        finally:
            store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--store", type=Path, help="an embedded store already loaded")
    parser.add_argument("--gazetteer", type=Path)
    parser.add_argument("--generated", type=int, metavar="N",
                        help="generate N articles with bench/generate.py and load them")
    args = parser.parse_args(argv)
    if args.store:
        from qantar.graph.stores.embedded import EmbeddedStore
        store = EmbeddedStore(args.store, read_only=True)
        try:
            result = measure(store)
        finally:
            store.close()
    elif args.generated:
        sys.path.insert(0, str(Path(__file__).parent))
        from generate import generate

        with tempfile.TemporaryDirectory() as tmp:
            generate(tmp, articles=args.generated)
            result = _load([str(Path(tmp) / "articles")], Path(tmp) / "gazetteer.yaml")
    elif args.paths:
        result = _load(args.paths, args.gazetteer)
    else:
        parser.error("give article paths, --store or --generated")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
