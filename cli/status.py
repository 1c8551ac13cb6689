"""``qantar stats`` and ``qantar doctor``: what the store holds, and whether it is sound."""

from __future__ import annotations

import sys

import click

from ..graph import schema as schema_mod
from ..graph.stores import StoreError, StoreUnavailable
from ..queries import health
from .main import EXIT_ERROR, EXIT_UNREACHABLE, cli
from .output import emit, output_options


@cli.command()
@output_options
@click.pass_obj
def stats(obj, fmt):
    """Count nodes per label and relationships per type.

    \b
    Examples:
      qantar stats
      qantar --backend neo4j stats --format json
    """
    schema = schema_mod.load()
    counts = obj.store(read_only=True).counts()
    rows = [{"kind": "node" if name in schema.nodes else
             "projected edge" if name in schema.projected else "provenance edge",
             "name": name, "count": count} for name, count in counts.items()]
    emit(rows, fmt)


@cli.command()
@click.option("--repair", is_flag=True,
              help="Fix what can be fixed without losing data: set a damaged write-ahead "
                   "log aside (renamed, never deleted), finish a checkpoint an interrupted "
                   "load left pending, rebuild an incomplete projection.")
@output_options
@click.pass_obj
def doctor(obj, repair, fmt):
    """Check the store: reachable, schema present, data loaded, projection complete,
    packs readable.

    Changes nothing without --repair (on Neo4j it does not even create the schema).
    Each failed check says which command repairs it. Exit code 0 when every check
    passes or warns, 1 when one fails, 3 when Neo4j cannot be reached.

    \b
    Examples:
      qantar doctor
      qantar doctor --repair
      NEO4J_URI=neo4j://localhost:7687 qantar --backend neo4j doctor
    """
    rows, code = [], 0
    try:
        store = obj.store(repair=True) if repair else obj.store(read_only=True)
    except StoreUnavailable as exc:
        rows.append({"check": "store", "status": "fail", "detail": str(exc)})
        code = EXIT_UNREACHABLE
    except StoreError as exc:
        rows.append({"check": "store", "status": "fail", "detail": str(exc)})
        code = EXIT_ERROR
    else:
        rows.append({"check": "store", "status": "ok", "detail": store.describe()})
        rows += [{"check": "repair", "status": "ok", "detail": done}
                 for done in store.repairs]
        rows.append(health.schema_check(store))
        if rows[-1]["status"] == "ok":
            if repair and health.projection_check(store)["status"] != "ok":
                store.rebuild_projection()
                rows.append({"check": "repair", "status": "ok",
                             "detail": "rebuilt the projection from the statements"})
            rows.extend(health.count_checks(store))
    rows.append(health.packs_check())
    emit(rows, fmt)
    if not code and any(r["status"] == "fail" for r in rows):
        code = EXIT_ERROR
    sys.exit(code)
