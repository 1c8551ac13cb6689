"""The embedded default: LadybugDB (a Kùzu fork), in-process, one file, no server.

Safety comes from the engine, not from reading query text: a write transaction commits
whole or not at all (the write-ahead log survives SIGKILL), and ``run(write=False)``
runs inside a READ ONLY transaction that the engine refuses to write in.

Rows travel to the engine as Arrow tables read with ``LOAD FROM $rows``, not as
``UNWIND $rows`` lists: converting a list of Python dicts into the engine's values costs
more than the write itself (18 s for 42,000 statements, against 2 s as an Arrow table;
bench/e2e.py measures the whole load). Node and edge upserts MERGE; rows known to be new
(the statements of the articles being written, deleted first, and their provenance
edges) are CREATEd. Not ``COPY ... FROM $rows``: LadybugDB 0.22 keeps ~13 MB per COPY
call until the database closes, which filled a 4 GB pool on 10,000 articles.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

from .. import schema as schema_mod
from .base import Run, Store, StoreError, by_end_labels
from .file_statements import refuse_file_statements

DEFAULT_PATH = Path("qantar.lbug")

_MB = 1 << 20


def buffer_pool_size(read_only: bool, memory: int | None = None) -> int:
    """Bytes of buffer pool, relative to the machine's memory.

    The engine caches pages until its pool is full, so a writer's pool is what its
    resident memory grows to: an eighth of memory, at most 1 GB, keeps a load under 2 GB
    whatever the corpus size. A reader gets a quarter, at most 4 GB: a query's
    intermediate results live in the pool too, and 1 GB was too small for the pack's
    heaviest self-joins on 1,000 articles (bench/, 2026-11). ``QANTAR_BUFFER_POOL_MB``
    overrides both.
    """
    override = os.environ.get("QANTAR_BUFFER_POOL_MB", "").strip()
    if override:
        if not override.isdigit() or int(override) < 64:
            raise StoreError(f"QANTAR_BUFFER_POOL_MB={override!r}: "
                             "give a whole number of megabytes, at least 64")
        return int(override) * _MB
    memory = memory or os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    share, cap = (memory // 4, 4096 * _MB) if read_only else (memory // 8, 1024 * _MB)
    return max(256 * _MB, min(share, cap))


class EmbeddedStore(Store):
    """A LadybugDB database file; created with the schema on first open."""

    backend = "embedded"

    def __init__(self, path: str | Path = DEFAULT_PATH, *, read_only: bool = False):
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such store (run `qantar load` first)")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.read_only = read_only
        self._open()
        if missing := self._missing_connections():
            self.close()
            raise StoreError(f"{self.path}: made by an earlier version, whose tables lack "
                             f"{missing[0]} and cannot gain it; load the articles into a new "
                             "store (another --store, or delete this one)")
        if not read_only:
            self.create_schema()
        elif self._missing_tables():
            raise StoreError(f"{self.path}: the store is incomplete (its creation was "
                             "interrupted); run `qantar load` to finish it")
        elif missing := self._missing_properties():
            raise StoreError(f"{self.path}: the store predates properties this version "
                             f"reads ({', '.join(missing[:3])}); run `qantar load` on its "
                             "articles again to update it")

    def _open(self) -> None:
        import ladybug

        try:
            self._db = ladybug.Database(str(self.path), read_only=self.read_only,
                                         buffer_pool_size=buffer_pool_size(self.read_only))
        except RuntimeError as exc:
            raise StoreError(f"{self.path}: cannot open the embedded store: "
                             f"{_first_line(exc)}") from exc
        self._conn = ladybug.Connection(self._db)
        self._commits = 0

    #: Write transactions between two reopenings of the database. LadybugDB 0.22 keeps
    #: memory for every committed write until the database is closed (about 1.3 KB per
    #: row of a 20-column table, whatever the buffer pool, kuzudb/kuzu#5779), so a long
    #: load ended in "the buffer pool is full" before 10,000 articles with a 1 GB pool.
    #: Reopening returns it; 8 transactions hold at most ~80,000 statements.
    REOPEN_EVERY = 8

    def _committed(self) -> None:
        self._commits += 1
        if self._commits >= self.REOPEN_EVERY:
            self.close()
            self._open()

    # --- the write path: Arrow tables instead of lists of dicts ----------------------
    def _write_nodes(self, run: Run, label: str, rows: list[dict], *, on_create_only=False,
                     new: bool = False):
        if not rows:
            return
        node = schema_mod.load().nodes[label]
        props = {p: t for p, t in node.properties.items() if p in rows[0]}
        if new:
            body = ", ".join(f"{p}: {_col(p)}" for p in props)
            run(f"LOAD FROM $rows CREATE (n:{label} {{{body}}})",
                {"rows": _table(props, rows)})
            return
        verb = "ON CREATE SET" if on_create_only else "SET"
        sets = ", ".join(f"n.{p} = {_col(p)}" for p in props if p != node.key)
        run(f"LOAD FROM $rows MERGE (n:{label} {{{node.key}: {_col(node.key)}}})"
            + (f" {verb} {sets}" if sets else ""), {"rows": _table(props, rows)})

    def _write_edges(self, run: Run, rtype: str, rows: Iterable[dict], *,
                     new: bool = False) -> None:
        """``new``: CREATE (the edges cannot exist yet); otherwise MERGE on the edge id."""
        rel = schema_mod.load().relations[rtype]
        columns = {"source": "STRING", "target": "STRING", **rel.properties}
        for (source, target), group in by_end_labels(rows, rtype):
            head = (f"LOAD FROM $rows MATCH (a:{source} {{id: {_col('source')}}}) "
                    f"MATCH (b:{target} {{id: {_col('target')}}}) ")
            if new:
                body = ", ".join(f"{p}: {_col(p)}" for p in rel.properties)
                query = head + f"CREATE (a)-[:{rtype}{' {' + body + '}' if body else ''}]->(b)"
            elif rel.properties:
                sets = ", ".join(f"r.{p} = {_col(p)}" for p in rel.properties if p != "id")
                query = head + f"MERGE (a)-[r:{rtype} {{id: {_col('id')}}}]->(b) SET {sets}"
            else:
                query = head + f"MERGE (a)-[r:{rtype}]->(b)"
            run(query, {"rows": _table(columns, group)})

    def schema_statements(self) -> list[str]:
        return schema_mod.ladybug_ddl()

    def create_schema(self) -> None:
        """Every table in one transaction: a store interrupted while it is being created
        has all of its tables or none, and the next write finishes it."""
        with self._transaction() as run:
            for statement in self.schema_statements():
                run(statement, None)

    def _missing_tables(self) -> set[str]:
        schema = schema_mod.load()
        present = {row["name"] for row in self.run("CALL show_tables() RETURN name")}
        return set(schema.tables) - present

    def _missing_connections(self) -> list[str]:
        """The node pairs the schema links that an existing relationship table does not
        (its pairs are fixed when it is created), e.g. ``SUBJECT Statement->EventReport``."""
        schema = schema_mod.load()
        present = {row["name"] for row in self.run("CALL show_tables() RETURN name")}
        out = []
        for rtype, rel in schema.relations.items():
            if rtype not in present:
                continue
            pairs = {(r["a"], r["b"]) for r in self.run(
                f"CALL show_connection('{rtype}') RETURN `source table name` AS a, "
                "`destination table name` AS b")}
            out += [f"{rtype} {a}->{b}" for a in rel.sources for b in rel.targets
                    if (a, b) not in pairs]
        return out

    def _missing_properties(self) -> list[str]:
        out = []
        for table, props in schema_mod.load().tables.items():
            present = {row["name"] for row in self.run(f"CALL table_info('{table}') RETURN name")}
            out += [f"{table}.{name}" for name in props if name not in present]
        return out

    def run(self, query: str, params: dict | None = None, *, write: bool = False) -> list[dict]:
        if write or self._in_transaction:
            return self._execute(query, params)
        refuse_file_statements(query)  # READ ONLY stops graph writes, not file access
        with self._transaction(read_only=True):
            # A UNION ALL's parts run one after the other: LadybugDB 0.22 sometimes
            # returned a later part's rows first (timeline/changes_on in the parity test,
            # under CI load), where Neo4j keeps the parts in order, each with its ORDER BY.
            return [row for part in _union_all_parts(query) for row in self._execute(part, params)]

    def _execute(self, query: str, params: dict | None) -> list[dict]:
        try:
            result = self._conn.execute(query, params or {})
            names = result.get_column_names()
            rows = []
            while result.has_next():
                rows.append(dict(zip(names, result.get_next())))
            # sum() of INT64 is an INT128, which comes back as a Decimal; Neo4j gives an int
            for name, typ in zip(names, result.get_column_data_types()):
                if typ == "INT128":
                    for row in rows:
                        row[name] = None if row[name] is None else int(row[name])
        except RuntimeError as exc:
            raise StoreError(f"embedded store: {_first_line(exc)}") from exc
        return rows

    _in_transaction = False

    @contextmanager
    def _transaction(self, read_only: bool = False):
        self._execute("BEGIN TRANSACTION READ ONLY" if read_only else "BEGIN TRANSACTION", None)
        self._in_transaction = True
        try:
            yield lambda query, params=None: self._execute(query, params)
        except BaseException:
            self._in_transaction = False
            try:
                self._conn.execute("ROLLBACK")
            except RuntimeError:
                pass  # the engine already ended it; the original error is what matters
            raise
        self._in_transaction = False
        self._execute("COMMIT", None)
        if not read_only:
            self._committed()

    def close(self) -> None:
        for handle in ("_conn", "_db"):
            obj = getattr(self, handle, None)
            if obj is not None and hasattr(obj, "close"):
                obj.close()
            setattr(self, handle, None)


_ARROW_TYPES = {"STRING": "string", "INT64": "int64", "DOUBLE": "float64",
                "BOOLEAN": "bool_"}


def _col(prop: str) -> str:
    """The variable ``LOAD FROM`` binds a column to (prefixed: no clash with keywords)."""
    return f"_{prop}"


def _table(columns: dict[str, str], rows: list[dict]):
    """Rows as an Arrow table typed by the schema, one column per entry of ``columns``
    in that order, named by :func:`_col`; a missing value is null."""
    import pyarrow as pa

    fields = [pa.field(_col(name),
                       pa.list_(pa.string()) if typ == "STRING[]"
                       else getattr(pa, _ARROW_TYPES[typ])())
              for name, typ in columns.items()]
    data = {f.name: [row.get(name) for row in rows] for f, name in zip(fields, columns)}
    return pa.Table.from_pydict(data, schema=pa.schema(fields))


_UNION_ALL = re.compile(r"^[ \t]*UNION[ \t]+ALL[ \t]*$", re.IGNORECASE | re.MULTILINE)


def _union_all_parts(query: str) -> list[str]:
    """The parts of a query whose UNION ALLs stand on lines of their own, as the packs
    write them; any other query is one part."""
    return [part for part in _UNION_ALL.split(query) if part.strip()]


def _first_line(exc: object) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
