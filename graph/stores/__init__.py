"""Stores behind one interface: ``open_store("embedded"|"neo4j", ...)``."""

from __future__ import annotations

from pathlib import Path

from .base import (Store, StoreBusy, StoreError, StoreOutdated, StoreUnavailable,
                   StoreWriteFailed)

BACKENDS = ("embedded", "neo4j")


def open_store(backend: str = "embedded", *, path: str | Path | None = None,
               settings=None, read_only: bool = False, repair: bool = False) -> Store:
    """Open the embedded store at ``path`` or Neo4j with ``settings`` (env by default).

    ``read_only`` opens the embedded file read-only and, on Neo4j, skips creating
    constraints, so read commands work for a user without schema rights. ``repair``
    (for writing) fixes what keeps an existing store from opening, without losing data,
    and says so in :attr:`Store.repairs`; a Neo4j server repairs itself.
    """
    cls = store_class(backend)
    if backend == "embedded":
        from .embedded import DEFAULT_PATH
        return cls(path or DEFAULT_PATH, read_only=read_only, repair=repair)
    return cls(settings, create_schema=not read_only)


def store_class(backend: str) -> type[Store]:
    """The class of a backend's store, for what is asked before opening one
    (:meth:`Store.check_load_space`).

    >>> store_class("embedded").backend, store_class("neo4j").backend
    ('embedded', 'neo4j')
    """
    if backend == "embedded":
        from .embedded import EmbeddedStore
        return EmbeddedStore
    if backend == "neo4j":
        from .neo4j import Neo4jStore
        return Neo4jStore
    raise StoreError(f"unknown backend {backend!r} (choose from {', '.join(BACKENDS)})")


__all__ = ["BACKENDS", "Store", "StoreBusy", "StoreError", "StoreOutdated",
           "StoreUnavailable", "StoreWriteFailed", "open_store", "store_class"]
