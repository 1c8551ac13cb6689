"""Neo4j write throughput: the store's batched path vs one query per row vs LOAD CSV.

The unit is a statement row: its node (all properties) plus its STATES and SUBJECT /
OBJECT / SPEAKER edges, the bulk of every load. All three paths write the same
statements of the same articles into an emptied database; articles, actors and events
are written first, untimed, for the per-row and LOAD CSV paths.

- batched: ``store.write`` (UNWIND batches, whole articles per managed transaction);
- per row: one auto-commit query per statement (the first loader everyone writes),
  stopped after a time budget;
- LOAD CSV: the same rows from a CSV file served on 127.0.0.1, ``CALL { ... } IN
  TRANSACTIONS OF 10000 ROWS``. ``neo4j-admin database import`` needs an offline
  database on the server's own disk, which neither the embedded harness nor a remote
  server offers; its published 10^5–10^6 records/s is quoted instead.
"""

from __future__ import annotations

import csv
import functools
import http.server
import tempfile
import threading
import time
from pathlib import Path

from qantar.graph import schema as schema_mod
from qantar.graph.projection import label_of

_EDGE_KEYS = (("SUBJECT", "subject_id"), ("OBJECT", "object_id"), ("SPEAKER", "speaker_id"))


def wipe(store) -> None:
    while store.run("MATCH (n) WITH n LIMIT 20000 DETACH DELETE n RETURN count(*) AS c",
                    write=True)[0]["c"]:
        pass


def _context_rows(store, batches) -> None:
    """Articles, actors and events (everything but statements), written untimed."""
    with store._transaction() as run:
        store._write_nodes(run, "Article", [b.article.row() for b in batches])
        actors = {a.id: a.row() for b in batches for a in b.actors}
        store._write_nodes(run, "Actor", list(actors.values()), on_create_only=True)
        events = {e.id: e.row() for b in batches for e in b.events}
        store._write_nodes(run, "EventReport", list(events.values()))


def _row_query(props: tuple[str, ...], labels: tuple[str, str, str]) -> str:
    sets = ", ".join(f"s.{p} = $row.{p}" for p in props if p != "id")
    subject, obj, speaker = labels
    query = (f"MATCH (a:Article {{id: $row.article_id}}) "
             f"MERGE (s:Statement {{id: $row.id}}) SET {sets} CREATE (a)-[:STATES]->(s)")
    for (rtype, key), label in zip(_EDGE_KEYS, (subject, obj, speaker)):
        if label:
            query += (f" WITH s MATCH (x_{key}:{label} {{id: $row.{key}}}) "
                      f"CREATE (s)-[:{rtype}]->(x_{key})")
    return query


def per_row(store, batches, budget: float) -> dict:
    """One auto-commit query per statement until ``budget`` seconds pass."""
    wipe(store)
    _context_rows(store, batches)
    props = tuple(schema_mod.load().nodes["Statement"].properties)
    rows = [s.row() for b in batches for s in b.statements]
    done = 0
    start = time.perf_counter()
    for row in rows:
        labels = tuple(label_of(row[k], schema_mod.load().relations[rtype].targets)
                       if row[k] else "" for rtype, k in _EDGE_KEYS)
        store.run(_row_query(props, labels), {"row": row}, write=True)
        done += 1
        if time.perf_counter() - start > budget:
            break
    wall = time.perf_counter() - start
    return {"rows": done, "seconds": wall, "rows_per_s": done / wall}


def batched(store, batches) -> dict:
    wipe(store)
    rows = sum(len(b.statements) for b in batches)
    start = time.perf_counter()
    store.write(batches)
    wall = time.perf_counter() - start
    return {"rows": rows, "articles": len(batches), "seconds": wall, "rows_per_s": rows / wall}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def load_csv(store, batches) -> dict:
    """The same statements through LOAD CSV from a file served on 127.0.0.1."""
    wipe(store)
    _context_rows(store, batches)
    props = tuple(schema_mod.load().nodes["Statement"].properties)
    rows = [s.row() for b in batches for s in b.statements]
    import_dir = _import_dir(store)
    with tempfile.TemporaryDirectory(prefix="qantar-bench-csv-") as tmp:
        # a server on this machine reads its import directory; else serve over HTTP
        folder = import_dir or Path(tmp)
        path = folder / "qantar-bench-statements.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=list(props))
            writer.writeheader()
            writer.writerows(rows)
        server = None
        if import_dir:
            url = path.as_uri()
        else:
            handler = functools.partial(_Quiet, directory=tmp)
            server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            url = f"http://127.0.0.1:{server.server_address[1]}/{path.name}"
        sets = ", ".join(f"s.{p} = row.{p}" for p in props if p not in ("id", "span_start", "span_end", "confidence"))
        # LOAD CSV reads text: numbers are converted, empty cells are nulls
        query = (
            "LOAD CSV WITH HEADERS FROM $url AS row CALL (row) { "
            "MATCH (a:Article {id: row.article_id}) "
            f"MERGE (s:Statement {{id: row.id}}) SET {sets}, "
            "s.span_start = toInteger(row.span_start), s.span_end = toInteger(row.span_end), "
            "s.confidence = toFloat(row.confidence) "
            "CREATE (a)-[:STATES]->(s) "
            "WITH s, row OPTIONAL MATCH (x:Actor {id: row.subject_id}) "
            "FOREACH (_ IN CASE WHEN x IS NULL THEN [] ELSE [1] END | CREATE (s)-[:SUBJECT]->(x)) "
            "WITH s, row OPTIONAL MATCH (e:EventReport {id: row.subject_id}) "
            "FOREACH (_ IN CASE WHEN e IS NULL THEN [] ELSE [1] END | CREATE (s)-[:SUBJECT]->(e)) "
            "WITH s, row WHERE row.object_id IS NOT NULL "
            "OPTIONAL MATCH (o:Actor {id: row.object_id}) "
            "FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | CREATE (s)-[:OBJECT]->(o)) "
            "WITH s, row OPTIONAL MATCH (oe:EventReport {id: row.object_id}) "
            "FOREACH (_ IN CASE WHEN oe IS NULL THEN [] ELSE [1] END | CREATE (s)-[:OBJECT]->(oe)) "
            "} IN TRANSACTIONS OF 10000 ROWS")
        try:
            start = time.perf_counter()
            with store._driver.session(database=store.settings.database) as session:
                session.run(query, url=url).consume()
            wall = time.perf_counter() - start
        finally:
            if server:
                server.shutdown()
            path.unlink(missing_ok=True)
    return {"rows": len(rows), "seconds": wall, "rows_per_s": len(rows) / wall}


def _import_dir(store) -> Path | None:
    try:
        rows = store.run("SHOW SETTINGS YIELD name, value "
                         "WHERE name = 'server.directories.import' RETURN value")
    except Exception:  # noqa: BLE001 - not allowed or not Neo4j 5: use HTTP
        return None
    path = Path(rows[0]["value"]) if rows and rows[0]["value"] else None
    return path if path and path.is_dir() else None


def run(store, batches, *, quick: bool) -> dict:
    out = {"articles": len(batches), "statements": sum(len(b.statements) for b in batches)}
    batched(store, batches[: max(1, len(batches) // 4)])  # warm the server's JIT and plans
    out["batched"] = batched(store, batches)
    out["per_row"] = per_row(store, batches, 5.0 if quick else 10.0)
    try:
        out["load_csv"] = load_csv(store, batches)
    except Exception as exc:  # noqa: BLE001 - reported, not fatal
        out["load_csv"] = {"error": str(exc).splitlines()[0][:200]}
    out["bulk_import_anchor"] = "neo4j-admin database import: 10^5-10^6 records/s (published)"
    wipe(store)
    store.create_schema()
    return out

