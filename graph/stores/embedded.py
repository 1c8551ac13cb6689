"""The embedded default: LadybugDB (a Kùzu fork), in-process, one file, no server."""

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
            raise StoreError(f"{self.path}: cannot open the embedded store: {exc}") from exc
        self._conn = ladybug.Connection(self._db)
        self.read_only = read_only
        if not read_only:
            self.create_schema()

    def schema_statements(self) -> list[str]:
        return schema_mod.ladybug_ddl()

    def run(self, query: str, params: dict | None = None, *, write: bool = False) -> list[dict]:
        try:
            result = self._conn.execute(query, params or {})
        except RuntimeError as exc:
            raise StoreError(f"embedded store: {str(exc).splitlines()[0]}") from exc
        names = result.get_column_names()
        rows = []
        while result.has_next():
            rows.append(dict(zip(names, result.get_next())))
        return rows

    @contextmanager
    def _transaction(self):
        self._conn.execute("BEGIN TRANSACTION")
        try:
            yield lambda query, params=None: self.run(query, params, write=True)
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def close(self) -> None:
        for handle in ("_conn", "_db"):
            obj = getattr(self, handle, None)
            if obj is not None and hasattr(obj, "close"):
                obj.close()
