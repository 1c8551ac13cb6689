"""The embedded default: LadybugDB (a Kùzu fork), in-process, one file, no server.

Safety comes from the engine, not from reading query text: a write transaction commits
whole or not at all (the write-ahead log survives SIGKILL), and ``run(write=False)``
runs inside a READ ONLY transaction that the engine refuses to write in.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from .. import schema as schema_mod
from .base import Store, StoreError

DEFAULT_PATH = Path("qantar.lbug")


class EmbeddedStore(Store):
    """A LadybugDB database file; created with the schema on first open."""

    backend = "embedded"

    def __init__(self, path: str | Path = DEFAULT_PATH, *, read_only: bool = False):
        import ladybug

        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such store (run `qantar load` first)")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = ladybug.Database(str(self.path), read_only=read_only,
                                         buffer_pool_size=1 << 30)
        except RuntimeError as exc:
            raise StoreError(f"{self.path}: cannot open the embedded store: "
                             f"{_first_line(exc)}") from exc
        self._conn = ladybug.Connection(self._db)
        self.read_only = read_only
        if not read_only:
            self.create_schema()
        elif self._missing_tables():
            raise StoreError(f"{self.path}: the store is incomplete (its creation was "
                             "interrupted); run `qantar load` to finish it")

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
        return (set(schema.nodes) | set(schema.relations)) - present

    def run(self, query: str, params: dict | None = None, *, write: bool = False) -> list[dict]:
        if write or self._in_transaction:
            return self._execute(query, params)
        with self._transaction(read_only=True):
            return self._execute(query, params)

    def _execute(self, query: str, params: dict | None) -> list[dict]:
        try:
            result = self._conn.execute(query, params or {})
            names = result.get_column_names()
            rows = []
            while result.has_next():
                rows.append(dict(zip(names, result.get_next())))
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

    def close(self) -> None:
        for handle in ("_conn", "_db"):
            obj = getattr(self, handle, None)
            if obj is not None and hasattr(obj, "close"):
                obj.close()
            setattr(self, handle, None)


def _first_line(exc: object) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
