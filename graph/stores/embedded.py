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

One lock, on ``STORE.lock`` next to the file, orders the processes: a writer holds it
exclusively from open to close (across the reopenings below), readers share it, so a
reader sees the graph before or after a load, never in between, and a second load is
refused instead of slipping in while the first reopens the database.

A full disk: LadybugDB 0.22 cannot recover from a write-ahead log cut off mid-record
("Checksum verification failed, the WAL file is corrupted"), and after such an error it
aborts the process when the database is closed. So a writer checks free space before
each transaction; on a disk with little room left it checkpoints after each commit (the
WAL then only ever holds the transaction under way), and if a write still fails it sets
that WAL aside (``STORE.wal.failed-TIME``, nothing deleted) and leaves the engine
unclosed: the caller ends the process (``qantar load`` does, with ``os._exit``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

from .. import schema as schema_mod
from . import cypher
from .base import Store, StoreBusy, StoreError, StoreWriteFailed
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


#: Disk room, measured on ext4 and tmpfs (tests/test_reliability_store.py): a new store
#: takes up to ~18 MB at its first checkpoints (pages for every table); a statement takes
#: ~1.3 KB of WAL while its transaction runs and as much again of shadow pages while the
#: checkpoint copies it in, and ~0.5 KB of the file once stored; an input byte of article
#: text gives at most one statement per 32 bytes (0.012 per byte on the seeds, 0.03 on
#: the bench's dense generated text).
NEW_STORE_BYTES = 24 * _MB
TRANSACTION_BYTES_PER_STATEMENT = 3 * 1024
STORED_BYTES_PER_STATEMENT = 640
INPUT_BYTES_PER_STATEMENT = 32
SPACE_MARGIN = 4 * _MB
#: Seconds a writer waits for readers (an export, a query) to release the store.
LOCK_WAIT_SECONDS = 30.0


def free_bytes(path: Path) -> int:
    """Bytes an unprivileged process may still write on the file system of ``path``."""
    return shutil.disk_usage(path.parent if path.parent.exists() else Path(".")).free


def space_needed(input_bytes: int, new_store: bool, per_transaction: int = 10_000) -> int:
    """Bytes of disk a load of ``input_bytes`` of articles needs, rounded up: the file's
    growth, plus the WAL and checkpoint of its largest transaction.

    >>> space_needed(32_000, new_store=False) == 1000 * (640 + 3 * 1024) + 4 * 2**20
    True
    """
    statements = -(-input_bytes // INPUT_BYTES_PER_STATEMENT)
    return ((NEW_STORE_BYTES if new_store else 0) + statements * STORED_BYTES_PER_STATEMENT
            + min(statements, per_transaction) * TRANSACTION_BYTES_PER_STATEMENT
            + SPACE_MARGIN)


def check_space(path: Path, needed: int, what: str) -> None:
    """Raise :class:`StoreWriteFailed` (one line) if ``path``'s disk has less than
    ``needed`` bytes free."""
    free = free_bytes(path)
    if free < needed:
        raise StoreWriteFailed(f"{path}: not enough disk space: {what} needs about "
                               f"{_mb(needed)} and {_mb(free)} is free; free some space "
                               "(or use --store on another disk) and run `qantar load` again")


def check_load_space(path: Path, input_bytes: int) -> None:
    """Before a load of ``input_bytes`` of articles into the store at ``path``."""
    check_space(path, space_needed(input_bytes, new_store=not path.exists()),
                f"loading {_mb(input_bytes)} of articles")


def _mb(size: int) -> str:
    return f"{size / _MB:.1f} MB"


class StoreLock:
    """The store's lock file ``STORE.lock``: exclusive for a writer, shared by readers.

    A writer waits up to ``LOCK_WAIT_SECONDS`` for readers to finish; another writer
    makes it fail at once, as a writer makes readers fail: each in one line. flock(2)
    locks belong to the open file, so a process that dies releases them.
    """

    def __init__(self, store: Path, *, exclusive: bool):
        self.path = store.with_name(store.name + ".lock")
        self._fd: int | None = None
        try:
            import fcntl
        except ImportError:  # Windows: the engine's own file lock is all there is
            return
        try:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            if exclusive:
                raise
            return  # a read-only folder: nobody can be loading into it
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        while True:
            try:
                fcntl.flock(self._fd, mode | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                pass
            if not exclusive:
                self.release()
                raise StoreBusy(f"a load is running on {store}; try again when it ends")
            if self._writer_holds():
                self.release()
                raise StoreBusy(f"{store}: cannot open the embedded store: a load is running "
                                f"on it (it holds {self.path.name}); try again when it ends")
            if time.monotonic() >= deadline:
                self.release()
                raise StoreBusy(f"{store}: cannot open the embedded store: commands reading "
                                f"it still hold {self.path.name} after "
                                f"{LOCK_WAIT_SECONDS:.0f} s; try again when they end")
            time.sleep(0.2)

    def _writer_holds(self) -> bool:
        """Whether the lock is held exclusively (a shared probe fails) rather than shared."""
        import fcntl

        probe = os.open(self.path, os.O_RDONLY)
        try:
            fcntl.flock(probe, fcntl.LOCK_SH | fcntl.LOCK_NB)
            return False
        except BlockingIOError:
            return True
        finally:
            os.close(probe)  # closing releases the probe's lock

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


#: Engines whose database could not be closed after a failed write; kept referenced so
#: that no destructor runs (LadybugDB 0.22 aborts in it) before the process ends.
_ABANDONED: list = []


class EmbeddedStore(Store):
    """A LadybugDB database file; created with the schema on first open."""

    backend = "embedded"

    @classmethod
    def check_load_space(cls, path: Path | None, input_bytes: int) -> None:
        check_load_space(Path(path or DEFAULT_PATH), input_bytes)

    def __init__(self, path: str | Path = DEFAULT_PATH, *, read_only: bool = False,
                 repair: bool = False):
        """``repair`` (a writer of an existing store only): a damaged WAL is set aside
        instead of failing the open; :attr:`repairs` says what was done."""
        self.path = Path(path)
        self.repairs: list[str] = []
        self._repair = repair and not read_only
        if (read_only or repair) and not self.path.exists():
            raise StoreError(f"{self.path}: no such store (run `qantar load` first)")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.read_only = read_only
        self._failed = False
        self._lock = StoreLock(self.path, exclusive=not read_only)
        #: True when this writer created the file (nothing was there before it)
        self.created = not read_only and not self.path.exists()
        try:
            self._open()
            tables = self.present_schema_names()
            if missing := self._missing_connections(tables):
                raise StoreError(f"{self.path}: made by an earlier version, whose tables "
                                 f"lack {missing[0]} and cannot gain it; load the articles "
                                 "into a new store (another --store, or delete this one)")
            if not read_only:
                self.create_schema()
            elif self.schema_names() - tables:
                raise StoreError(f"{self.path}: the store is incomplete (its creation was "
                                 "interrupted); run `qantar load` to finish it")
            elif missing := self._missing_properties():
                raise StoreError(f"{self.path}: the store predates properties this "
                                 f"version reads ({', '.join(missing[:3])}); run `qantar "
                                 "doctor --repair` to add them and rebuild its summaries")
        except BaseException:
            self.close()
            raise

    @property
    def wal(self) -> Path:
        return self.path.with_name(self.path.name + ".wal")

    def _open(self) -> None:
        import ladybug

        try:
            self._db = ladybug.Database(str(self.path), read_only=self.read_only,
                                         buffer_pool_size=buffer_pool_size(self.read_only))
        except (RuntimeError, ValueError) as exc:  # a damaged WAL can give either
            if self._repair and _wal_suspect(exc, self.wal):
                return self._open_without_wal(exc)
            raise StoreError(f"{self.path}: cannot open the embedded store: "
                             f"{_open_problem(exc, self.wal)}") from exc
        self._conn = ladybug.Connection(self._db)
        self._commits = 0
        if not self.read_only:
            # what an interrupted load left in the WAL goes into the file now, so that
            # from here on the WAL holds nothing but the transaction under way
            self._checkpoint()

    def _open_without_wal(self, exc: Exception) -> None:
        """Set the WAL aside and open; if that does not help either, put it back."""
        aside = set_wal_aside(self.path, "damaged")
        try:
            self._open()
        except StoreError:
            os.replace(aside, self.wal)
            raise StoreError(f"{self.path}: cannot open the embedded store, even without "
                             f"its write-ahead log: {_first_line(exc)}") from exc
        self.repairs.append(f"moved the damaged write-ahead log to {aside.name} (kept, "
                            "not deleted); articles written since the last checkpoint "
                            "need loading again: run `qantar load`")

    #: Write transactions between two reopenings of the database. LadybugDB 0.22 keeps
    #: memory for every committed write until the database is closed (about 1.3 KB per
    #: row of a 20-column table, whatever the buffer pool, kuzudb/kuzu#5779), so a long
    #: load ended in "the buffer pool is full" before 10,000 articles with a 1 GB pool.
    #: Reopening returns it; 8 transactions hold at most ~80,000 statements.
    REOPEN_EVERY = 8

    #: Below this much free disk a writer checkpoints after every commit, so that its
    #: WAL only ever holds the transaction under way; above it, at every reopening (a
    #: checkpoint per commit doubled the time of writing 1,000 articles, 90,000
    #: statements: 30 s against 16 s).
    CHECKPOINT_EVERY_COMMIT_BELOW = 1 << 30

    def _committed(self) -> None:
        self._commits += 1
        if self._commits >= self.REOPEN_EVERY:
            self._close_engine()
            self._open()
        else:
            self._logged()

    def _logged(self) -> None:
        """After a commit: its records are in the WAL until the next checkpoint."""
        self._wal_holds_commits = True
        if free_bytes(self.path) < self.CHECKPOINT_EVERY_COMMIT_BELOW:
            self._checkpoint()

    def _checkpoint(self) -> None:
        self._checkpointing = True
        try:
            self._execute("CHECKPOINT", None)
        finally:
            self._checkpointing = False
        self._wal_holds_commits = False

    _checkpointing = False
    _wal_holds_commits = False

    #: Buffer pool bytes a write transaction takes per statement, rounded up: 40,775
    #: statements filled a 64 MB pool, 13,716 fitted (one article each, 2026-12). A
    #: transaction that fills the pool fails, and LadybugDB 0.22 then wrote garbage into
    #: the next transaction's strings after a rollback: so articles too large for it are
    #: refused before they are written.
    POOL_BYTES_PER_STATEMENT = 4096

    def transaction_limit(self) -> int:
        return buffer_pool_size(read_only=False) // self.POOL_BYTES_PER_STATEMENT

    def _reserve(self, statements: int) -> None:
        check_space(self.path, statements * TRANSACTION_BYTES_PER_STATEMENT + SPACE_MARGIN,
                    f"the next transaction ({statements} statements)")

    # --- the write path: Arrow tables read by LOAD FROM, not lists of dicts ----------
    row_source = cypher.LOAD_FROM

    def _rows(self, columns: dict[str, str], rows: list[dict]):
        return _table(columns, rows)

    def schema_statements(self) -> list[str]:
        return schema_mod.ladybug_ddl()

    def create_schema(self) -> None:
        """Every table in one transaction: a store interrupted while it is being created
        has all of its tables or none, and the next write finishes it."""
        with self._transaction() as run:
            for statement in self.schema_statements():
                run(statement, None)

    schema_objects = "tables"

    def schema_names(self) -> set[str]:
        return set(schema_mod.load().tables)

    def present_schema_names(self) -> set[str]:
        return {row["name"] for row in self.run("CALL show_tables() RETURN name")}

    def describe(self) -> str:
        return f"embedded LadybugDB at {self.path}"

    def _missing_connections(self, present: set[str]) -> list[str]:
        """The node pairs the schema links that an existing relationship table (of those
        ``present``) does not: its pairs are fixed when it is created, e.g. ``SUBJECT
        Statement->EventReport``."""
        schema = schema_mod.load()
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
        if self._in_transaction:
            return self._execute(query, params)
        if write:
            rows = self._execute(query, params)
            self._logged()
            return rows
        refuse_file_statements(query)  # READ ONLY stops graph writes, not file access
        with self._transaction(read_only=True):
            # A UNION ALL's parts run one after the other: LadybugDB 0.22 sometimes
            # returned a later part's rows first (timeline/changes_on in the parity test,
            # under CI load), where Neo4j keeps the parts in order, each with its ORDER BY.
            return [row for part in _union_all_parts(query) for row in self._execute(part, params)]

    def count(self, query: str, params: dict | None = None) -> int:
        # LadybugDB has no CALL subquery to count in; the engine's own tally of a result
        # costs none of the conversion of its rows to Python
        refuse_file_statements(query)
        with self._transaction(read_only=True):
            total = 0
            for part in _union_all_parts(query):
                try:
                    total += self._conn.execute(part, params or {}).get_num_tuples()
                except RuntimeError as exc:
                    raise self._failure(exc) from exc
            return total

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
            raise self._failure(exc) from exc
        return rows

    def _failure(self, exc: RuntimeError) -> StoreError:
        """The engine's error as one line, and what it means for the store."""
        message = _first_line(exc)
        if "IO exception" not in message or self.read_only:
            return StoreError(f"embedded store: {message}")
        # a failed write: the engine aborts the process if it is closed after this
        self._failed = True
        where = f"{_mb(free_bytes(self.path))} free on its disk"
        if self._checkpointing:
            # the WAL is whole and holds committed transactions: the next writer that
            # opens the store, with room on the disk, finishes the checkpoint
            return StoreWriteFailed(f"{self.path}: writing failed ({where}): {message}; "
                                    "everything committed is kept: free some space and "
                                    "run `qantar load` again")
        if self._wal_holds_commits:
            return StoreWriteFailed(f"{self.path}: writing failed ({where}): {message}; "
                                    "its write-ahead log holds the last commits and a cut-off "
                                    "record, which LadybugDB cannot replay: free some space, "
                                    "run `qantar doctor --repair` (it sets the log aside, "
                                    "with the articles of those commits) and `qantar load` "
                                    "again")
        aside = set_wal_aside(self.path, "failed")
        return StoreWriteFailed(f"{self.path}: writing failed ({where}): {message}; the "
                                "transaction under way was not committed"
                                + (f" (its log moved to {aside.name})" if aside else "")
                                + ": free some space and run `qantar load` again")

    _in_transaction = False

    @contextmanager
    def _transaction(self, read_only: bool = False):
        self._execute("BEGIN TRANSACTION READ ONLY" if read_only else "BEGIN TRANSACTION", None)
        self._in_transaction = True
        try:
            yield lambda query, params=None: self._execute(query, params)
        except BaseException:
            self._in_transaction = False
            if self._failed:
                raise  # the engine is not to be touched again (see _close_engine)
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
        self._close_engine()
        lock = getattr(self, "_lock", None)
        if lock is not None:
            lock.release()

    def _close_engine(self) -> None:
        if self._failed:
            _ABANDONED.extend(h for h in (getattr(self, "_conn", None),
                                          getattr(self, "_db", None)) if h is not None)
        for handle in ("_conn", "_db"):
            obj = getattr(self, handle, None)
            if obj is not None and hasattr(obj, "close") and not self._failed:
                obj.close()
            setattr(self, handle, None)

    def remove(self) -> None:
        """Delete the store's files; only for a store this writer created and wrote
        nothing into (a load where every file was bad leaves no empty store behind)."""
        if not self.created or self.read_only:
            raise StoreError(f"{self.path}: not removed: it was not created by this load")
        self._close_engine()
        for path in (self.path, self.wal, self._lock.path):
            path.unlink(missing_ok=True)  # the lock file last, still held
        self.close()

    # --- the projection's completion marker: a comment on the Statement table --------
    def projection_marker(self) -> dict | None:
        rows = self.run("CALL show_tables() WHERE name = 'Statement' RETURN comment")
        return json.loads(rows[0]["comment"]) if rows and rows[0]["comment"] else None

    def _write_projection_marker(self, marker: dict) -> None:
        # COMMENT takes no parameter; the text is JSON of names and numbers, no quotes
        text = json.dumps(marker, sort_keys=True)
        assert "'" not in text and "\\" not in text
        with self._transaction() as run:
            run(f"COMMENT ON TABLE Statement IS '{text}'", None)


def set_wal_aside(path: Path, why: str) -> Path | None:
    """Rename ``STORE.wal`` to ``STORE.wal.WHY-TIME`` (never deleted); the name, or None
    when there is no WAL."""
    wal = path.with_name(path.name + ".wal")
    if not wal.exists():
        return None
    aside = wal.with_name(f"{wal.name}.{why}-{time.strftime('%Y%m%dT%H%M%S')}")
    os.replace(wal, aside)
    return aside


def _wal_suspect(exc: Exception, wal: Path) -> bool:
    """Whether the engine's failure to open may come from replaying its WAL: a checksum
    that fails, or whatever else garbage in it leads to (an assertion, a ValueError)."""
    message = _first_line(exc)
    return wal.exists() and wal.stat().st_size > 0 and not any(
        known in message for known in ("lock", "checkpoint recovery is pending",
                                       "IO exception"))


def _open_problem(exc: Exception, wal: Path) -> str:
    """The engine's reason for not opening, with what repairs it."""
    message = _first_line(exc)
    if _wal_suspect(exc, wal):
        return (f"its write-ahead log {wal.name} may be damaged ({message}); run `qantar "
                "doctor --repair` to set it aside (nothing is deleted), then `qantar load` "
                "again")
    if "checkpoint recovery is pending" in message:
        return ("a load was interrupted before it finished writing (killed, or the disk "
                "was full); run `qantar load` again (the same articles) to complete it")
    return message


_ARROW_TYPES = {"STRING": "string", "INT64": "int64", "DOUBLE": "float64",
                "BOOLEAN": "bool_"}


def _table(columns: dict[str, str], rows: list[dict]):
    """Rows as an Arrow table typed by the schema, one column per entry of ``columns``
    in that order, named as ``LOAD FROM`` binds them; a missing value is null."""
    import pyarrow as pa

    fields = [pa.field(cypher.LOAD_FROM.column(name),
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
