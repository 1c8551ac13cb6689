"""What ``qantar doctor`` checks: the schema is in place, the store holds data, the
packs parse. Plain functions over a store, each returning rows ``{check, status,
detail}`` with status ``ok``, ``warn`` or ``fail``.
"""

from __future__ import annotations

from ..graph import schema as schema_mod
from .packs import QueryError, load_packs


def schema_check(store) -> dict:
    """The schema objects ``schema.yaml`` asks the store's engine for, against those it
    holds (tables, or constraints and indexes)."""
    expected = store.schema_names()
    missing = sorted(expected - store.present_schema_names())
    if missing:
        return {"check": "schema", "status": "fail",
                "detail": f"missing {store.schema_objects}: {', '.join(missing[:6])}"
                          + (" …" if len(missing) > 6 else "")
                          + " (run `qantar load` to create them)"}
    return {"check": "schema", "status": "ok",
            "detail": f"all {len(expected)} {store.schema_objects} present"}


def count_checks(store) -> list[dict]:
    counts = store.counts()
    schema = schema_mod.load()
    nodes = ", ".join(f"{counts[label]} {label}" for label in schema.nodes)
    rows = [{"check": "data", "status": "ok" if counts["Article"] else "warn",
             "detail": nodes if counts["Article"] else
             f"{nodes} — empty: load articles with `qantar load seeds/`"}]
    rows.append(projection_check(store, counts))
    return rows


REPAIR = "run `qantar doctor --repair` (or `qantar load` again) to rebuild it"


def projection_check(store, counts: dict[str, int] | None = None) -> dict:
    """The projected edges against the statements: the marker the last rebuild wrote
    last says it finished, from as many statements as there are now, and each type
    still has the edges it wrote.

    A store whose rebuild was killed says "rebuilding"; one that gained statements
    after its rebuild (a load killed before rebuilding) counts differently.
    """
    counts = counts or store.counts()
    schema = schema_mod.load()
    edges = sum(counts[t] for t in schema.projected)
    marker = store.projection_marker()

    def fail(why: str) -> dict:
        return {"check": "projection", "status": "fail",
                "detail": f"{edges} projected edges, incomplete: {why}; {REPAIR}"}

    if marker is None:
        relations = counts["Statement"] and store.run(
            "MATCH (s:Statement) WHERE s.predicate <> 'mentions' RETURN count(s) AS c")[0]["c"]
        if not counts["Statement"]:
            return {"check": "projection", "status": "ok", "detail": "no statements yet"}
        if relations and not edges:
            return fail("relation statements exist but no edges")
        return fail("no rebuild has marked it complete (an earlier qantar loaded the "
                    "store, or a load was killed before its first rebuild)")
    if marker.get("state") != "complete":
        return fail("its rebuild was interrupted")
    if marker.get("version", 0) < schema.version:
        built = marker.get("version", "unrecorded")
        return fail(f"its summaries were built by an earlier qantar (version {built}; "
                    f"this one reads {schema.version})")
    if marker.get("statements") != counts["Statement"]:
        return fail(f"built from {marker.get('statements')} statements, the store now "
                    f"holds {counts['Statement']}")
    built = marker.get("edges", {})
    wrong = [f"{t} {counts[t]} of {built.get(t, 0)}" for t in schema.projected
             if counts[t] != built.get(t, 0)]
    if wrong:
        return fail("edges differ from what the rebuild wrote: " + ", ".join(wrong[:4]))
    return {"check": "projection", "status": "ok",
            "detail": f"{edges} projected edges, complete (built from "
                      f"{counts['Statement']} statements)"}


def packs_check() -> dict:
    try:
        queries = load_packs()
    except QueryError as exc:
        return {"check": "query packs", "status": "fail", "detail": str(exc)}
    packs = sorted({q.pack for q in queries})
    return {"check": "query packs", "status": "ok",
            "detail": f"{len(queries)} queries in {len(packs)} packs ({', '.join(packs)})"}
