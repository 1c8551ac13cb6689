"""A first load into the local Neo4j at bulk speed, through Neo4j's own import tool.

Extraction writes the import's CSV files straight into a temporary folder
(:class:`.import_files.ImportFiles`: the rows, ids, provenance and projection the
transactional path would write, with no store between), ``neo4j-admin database import
full`` writes them as the database of the local server's data folder
(:func:`qantar.neo4j_local.admin_import`, replacing what was there), and a server started
on that folder builds the schema's constraints and indexes. The transactional path stays
for every later load.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from ... import neo4j_local
from . import open_store
from .import_files import ImportFiles
from .neo4j import Neo4jSettings

Report = TypeVar("Report")


def first_load(data_dir: str | Path, fill: Callable[[object], Report], *,
               wanted: Callable[[Report], bool] = bool,
               on_ready: Callable[[object, Report], None] | None = None,
               phases: dict[str, float] | None = None) -> Report:
    """``fill(files)`` loads the articles into an :class:`ImportFiles` and returns its
    report; when ``wanted(report)`` the files are imported into ``data_dir`` and
    ``on_ready(store, report)`` runs against the new database before its server stops.
    ``phases``, when given, gets the seconds of each step (extract: files written;
    import; indexes). Nothing is imported, and ``data_dir`` is not touched, unless
    every file was written."""
    phases = {} if phases is None else phases
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        phases[name] = now - clock
        clock = now

    with tempfile.TemporaryDirectory(prefix="qantar-bulk-") as tmp:
        files = ImportFiles(Path(tmp) / "import")
        try:
            report = fill(files)
        finally:
            files.close()
        if not wanted(report) or not files.done:
            return report
        lap("extract")
        neo4j_local.admin_import(files.folder, data_dir)
        lap("import")
    server = neo4j_local.start(data_dir=data_dir)
    try:
        store = open_store("neo4j", settings=Neo4jSettings(
            uri=server.uri, username=server.username, password=server.password,
            database=server.database))
        try:
            store.create_schema()
            store.run("CALL db.awaitIndexes(3600)", write=True)
            lap("indexes")
            if on_ready is not None:
                on_ready(store, report)
        finally:
            store.close()
    finally:
        server.stop()
    return report
