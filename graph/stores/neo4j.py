"""Neo4j, the primary store, through the official driver (py2neo is end-of-life).

Rules that decide speed and safety: constraints before data, ``UNWIND $rows`` batches in
managed transactions (retried on transient errors by the driver), a label in every
MATCH/MERGE, nodes before relationships, the database name always passed, parameters
only.
"""

from __future__ import annotations

import os
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass

from .. import schema as schema_mod
from .base import Run, Store, StoreError, StoreUnavailable


@dataclass(frozen=True)
class Neo4jSettings:
    """Connection settings, read from the environment as Neo4j's own tools do."""

    uri: str = "neo4j://localhost:7687"
    username: str = "neo4j"
    password: str = ""
    database: str = "neo4j"

    @classmethod
    def from_env(cls, env=os.environ) -> "Neo4jSettings":
        return cls(uri=env.get("NEO4J_URI", cls.uri),
                   username=env.get("NEO4J_USERNAME", env.get("NEO4J_USER", cls.username)),
                   password=env.get("NEO4J_PASSWORD", ""),
                   database=env.get("NEO4J_DATABASE", cls.database))

    def __repr__(self) -> str:  # never show the password
        return f"Neo4jSettings(uri={self.uri!r}, username={self.username!r}, database={self.database!r})"


class Neo4jStore(Store):
    backend = "neo4j"

    def __init__(self, settings: Neo4jSettings | None = None, *, create_schema: bool = True):
        import neo4j
        from neo4j import exceptions as nex

        self.settings = settings or Neo4jSettings.from_env()
        s = self.settings
        try:
            self._driver = neo4j.GraphDatabase.driver(s.uri, auth=(s.username, s.password))
            self._driver.verify_connectivity()
        except nex.AuthError as exc:
            raise StoreUnavailable(f"Neo4j at {s.uri}: authentication failed for user "
                                   f"{s.username!r} (check NEO4J_USERNAME/NEO4J_PASSWORD)") from exc
        except (nex.ServiceUnavailable, OSError, ValueError, nex.ConfigurationError) as exc:
            raise StoreUnavailable(f"Neo4j at {s.uri}: cannot connect ({_first_line(exc)})") from exc
        if create_schema:
            self.create_schema()

    def schema_statements(self) -> list[str]:
        return schema_mod.neo4j_schema_statements()

    def run(self, query: str, params: dict | None = None, *, write: bool = False) -> list[dict]:
        import neo4j
        from neo4j import exceptions as nex

        routing = neo4j.RoutingControl.WRITE if write else neo4j.RoutingControl.READ
        try:
            if write:
                records, _, _ = self._driver.execute_query(
                    query, params or {}, database_=self.settings.database, routing_=routing)
            else:
                # a read-only session: the server refuses writes, whatever the query says
                with self._driver.session(database=self.settings.database,
                                          default_access_mode=neo4j.READ_ACCESS) as session:
                    records = session.execute_read(lambda tx: list(tx.run(query, params or {})))
        except nex.ServiceUnavailable as exc:
            raise StoreUnavailable(f"Neo4j at {self.settings.uri}: {_first_line(exc)}") from exc
        except nex.Neo4jError as exc:
            raise StoreError(f"Neo4j: {exc.code}: {_first_line(exc.message or exc)}") from exc
        return [_plain(dict(r)) for r in records]

    @contextmanager
    def _transaction(self):
        """Collect the queries, then run them in one managed (retried) transaction."""
        queued: list[tuple[str, dict | None]] = []
        yield lambda query, params=None: queued.append((query, params)) or []

        def work(tx):
            for query, params in queued:
                tx.run(query, params or {}).consume()

        from neo4j import exceptions as nex
        try:
            with self._driver.session(database=self.settings.database) as session:
                session.execute_write(work)
        except nex.ServiceUnavailable as exc:
            raise StoreUnavailable(f"Neo4j at {self.settings.uri}: {_first_line(exc)}") from exc
        except nex.Neo4jError as exc:
            raise StoreError(f"Neo4j: {exc.code}: {_first_line(exc.message or exc)}") from exc

    def _after_actors(self, run: Run, actors: list[dict]) -> None:
        labels = schema_mod.load().nodes["Actor"].type_labels
        by_type = defaultdict(list)
        for actor in actors:
            if actor.get("type") in labels:
                by_type[labels[actor["type"]]].append(actor["id"])
        for label, ids in sorted(by_type.items()):
            # the label comes from schema.yaml, the ids are parameters
            run(f"UNWIND $ids AS id MATCH (n:Actor {{id: id}}) SET n:{label}", {"ids": ids})

    def server_version(self) -> str:
        rows = self.run("CALL dbms.components() YIELD name, versions, edition "
                        "RETURN name, versions[0] AS version, edition")
        return f"{rows[0]['name']} {rows[0]['version']} {rows[0]['edition']}"

    def close(self) -> None:
        self._driver.close()


def _first_line(exc: object) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _plain(value):
    """Driver values (nodes, relationships, paths) as plain Python data."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **_plain(dict(value))}
    if isinstance(value, Relationship):
        return {"_type": value.type, **_plain(dict(value))}
    if isinstance(value, Path):
        return {"nodes": [_plain(n) for n in value.nodes],
                "relationships": [_plain(r) for r in value.relationships]}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value
