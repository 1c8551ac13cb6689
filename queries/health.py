"""What ``qantar doctor`` checks: the schema is in place, the store holds data, the
packs parse. Plain functions over a store, each returning rows ``{check, status,
detail}`` with status ``ok``, ``warn`` or ``fail``.
"""

from __future__ import annotations

import re

from ..graph import schema as schema_mod
from .packs import QueryError, load_packs


def expected_schema(backend: str) -> set[str]:
    """Names the schema file says must exist: Neo4j constraints/indexes, or tables."""
    schema = schema_mod.load()
    if backend == "neo4j":
        return {re.match(r"CREATE (?:CONSTRAINT|INDEX) (\w+)", s).group(1)
                for s in schema_mod.neo4j_schema_statements(schema)}
    return set(schema.nodes) | set(schema.relations)


def present_schema(store) -> set[str]:
    if store.backend == "neo4j":
        rows = store.run("SHOW CONSTRAINTS YIELD name RETURN name") + \
            store.run("SHOW INDEXES YIELD name RETURN name")
    else:
        rows = store.run("CALL show_tables() RETURN name")
    return {r["name"] for r in rows}


def schema_check(store) -> dict:
    missing = sorted(expected_schema(store.backend) - present_schema(store))
    what = "constraints and indexes" if store.backend == "neo4j" else "tables"
    if missing:
        return {"check": "schema", "status": "fail",
                "detail": f"missing {what}: {', '.join(missing[:6])}"
                          + (" …" if len(missing) > 6 else "")
                          + " (run `qantar load` to create them)"}
    return {"check": "schema", "status": "ok",
            "detail": f"all {len(expected_schema(store.backend))} {what} present"}


def count_checks(store) -> list[dict]:
    counts = store.counts()
    schema = schema_mod.load()
    edges = sum(counts[t] for t in schema.projected)
    nodes = ", ".join(f"{counts[label]} {label}" for label in schema.nodes)
    rows = [{"check": "data", "status": "ok" if counts["Article"] else "warn",
             "detail": nodes if counts["Article"] else
             f"{nodes} — empty: load articles with `qantar load seeds/`"}]
    relations = counts["Statement"] and any(
        r["c"] for r in store.run("MATCH (s:Statement) WHERE s.predicate <> 'mentions' "
                                  "RETURN count(s) AS c"))
    rows.append({"check": "projection",
                 "status": "ok" if edges or not relations else "fail",
                 "detail": f"{edges} projected edges"
                           + ("" if edges or not relations else
                              " but relation statements exist: run `qantar load` again")})
    return rows


def packs_check() -> dict:
    try:
        queries = load_packs()
    except QueryError as exc:
        return {"check": "query packs", "status": "fail", "detail": str(exc)}
    packs = sorted({q.pack for q in queries})
    return {"check": "query packs", "status": "ok",
            "detail": f"{len(queries)} queries in {len(packs)} packs ({', '.join(packs)})"}
