"""`qantar` with some of the library's defaults changed first, for tests that need many
commits from a small corpus, or a process stopped at a known point to kill it there.

Run as ``[*KNOBBED_CLI, "load", ...]`` with ``QANTAR_TEST_KNOBS`` listing the knobs,
e.g. "per_transaction=4 reopen_every=2 rebuild_chunk=5 no_space_check stall_in_rebuild
stall_in_transaction=3":

- ``per_transaction=N``, ``reopen_every=N``, ``rebuild_chunk=N``: the library's knobs;
- ``no_space_check``: the embedded store meets a full disk itself;
- ``stall_in_rebuild``: once the projection rebuild has deleted its first projected type;
- ``stall_in_transaction=N``: in the N-th write transaction of the load, once its first
  query has run in the engine (the embedded engine, or the Neo4j server: uncommitted
  writes are under way).

A stall prints "stalled in the rebuild" / "stalled in a transaction" on stderr, then
waits until the file ``QANTAR_TEST_RESUME`` names exists (or 600 s) and goes on.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

KNOBBED_CLI = [sys.executable, str(Path(__file__).resolve())]


def stall(where: str) -> None:
    print(f"stalled in {where}", file=sys.stderr, flush=True)
    resume = os.environ.get("QANTAR_TEST_RESUME")
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline and not (resume and Path(resume).exists()):
        time.sleep(0.05)


def _stall_in_transaction(number: int) -> None:
    import neo4j

    from qantar.graph.stores.base import Store
    from qantar.graph.stores.embedded import EmbeddedStore

    state = {"transactions": 0, "armed": False}
    write_batches = Store._write_batches

    def counted(self, run, batches):
        state["transactions"] += 1
        state["armed"] = state["transactions"] == number
        write_batches(self, run, batches)

    def after_first_query(result):
        if state["armed"]:
            state["armed"] = False
            stall("a transaction")
        return result

    execute = EmbeddedStore._execute

    def embedded_execute(self, query, params):
        return after_first_query(execute(self, query, params))

    tx_run = neo4j.ManagedTransaction.run

    def neo4j_run(self, *args, **kwargs):
        result = tx_run(self, *args, **kwargs)
        if state["armed"]:
            result.consume()  # on the server now, not committed
        return after_first_query(result)

    Store._write_batches = counted
    EmbeddedStore._execute = embedded_execute
    neo4j.ManagedTransaction.run = neo4j_run


def _stall_in_rebuild() -> None:
    from qantar.graph.stores.base import Store

    delete_type = Store._delete_type

    def stalled(self, *args, **kwargs):
        delete_type(self, *args, **kwargs)
        stall("the rebuild")

    Store._delete_type = stalled


def main() -> None:
    from qantar.graph.stores import embedded
    from qantar.graph.stores.base import Store

    for knob in os.environ.get("QANTAR_TEST_KNOBS", "").split():
        name, _, value = knob.partition("=")
        if name == "per_transaction":
            Store.write.__kwdefaults__["per_transaction"] = int(value)
        elif name == "reopen_every":
            embedded.EmbeddedStore.REOPEN_EVERY = int(value)
        elif name == "rebuild_chunk":
            Store.rebuild_chunk = int(value)
        elif name == "no_space_check":
            embedded.check_space = lambda *args: None
        elif name == "stall_in_rebuild":
            _stall_in_rebuild()
        elif name == "stall_in_transaction":
            _stall_in_transaction(int(value))
        else:
            raise SystemExit(f"unknown knob {knob}")
    from qantar.cli.main import main as qantar

    qantar()


if __name__ == "__main__":
    main()
