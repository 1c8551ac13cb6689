"""Neo4j, the primary store, through the official driver (py2neo is end-of-life).

Rules that decide speed and safety: constraints before data, ``UNWIND $rows`` batches in
managed transactions (retried on transient errors by the driver), a label in every
MATCH/MERGE, nodes before relationships, the database name always passed, parameters
only.

Failures become one-line :class:`StoreUnavailable` (server down or restarting past the
retry window, wrong credentials, no such database) or :class:`StoreError` messages that
name the server without its credentials. Transient errors — a server restart, a leader
switch, a deadlock — are retried with exponential backoff for ``retry_seconds``.
"""

from __future__ import annotations

import logging
import os
import re
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass

from .. import schema as schema_mod
from .base import Run, Store, StoreError, StoreUnavailable


# The server's notifications ("relationship type X does not exist" for a type no load has
# created yet) would reach stderr through logging's last resort; they stay available to
# anyone who configures logging.
logging.getLogger("neo4j.notifications").addHandler(logging.NullHandler())

BOLT_SCHEMES = ("neo4j", "neo4j+s", "neo4j+ssc", "bolt", "bolt+s", "bolt+ssc")


@dataclass(frozen=True)
class Neo4jSettings:
    """Connection settings, read from the environment as Neo4j's own tools do."""

    uri: str = "neo4j://localhost:7687"
    username: str = "neo4j"
    password: str = ""
    database: str = "neo4j"
    retry_seconds: float = 60.0  # long enough for a server restart (~15-30 s here)

    @classmethod
    def from_env(cls, env=os.environ) -> "Neo4jSettings":
        try:
            retry = float(env.get("QANTAR_NEO4J_RETRY_SECONDS", cls.retry_seconds))
        except ValueError:
            retry = cls.retry_seconds
        return cls(uri=env.get("NEO4J_URI", cls.uri),
                   username=env.get("NEO4J_USERNAME", env.get("NEO4J_USER", cls.username)),
                   password=env.get("NEO4J_PASSWORD", ""),
                   database=env.get("NEO4J_DATABASE", cls.database),
                   retry_seconds=retry)

    @property
    def safe_uri(self) -> str:
        """The URI without any ``user:password@`` part, fit for messages."""
        return safe_uri(self.uri)

    def __repr__(self) -> str:  # never show the password
        return (f"Neo4jSettings(uri={self.safe_uri!r}, username={self.username!r}, "
                f"database={self.database!r})")

    __str__ = __repr__


class Neo4jStore(Store):
    backend = "neo4j"

    def __init__(self, settings: Neo4jSettings | None = None, *, create_schema: bool = True):
        import neo4j
        from neo4j import exceptions as nex

        self.settings = settings or Neo4jSettings.from_env()
        s = self.settings
        self._driver = None
        scheme = s.uri.split("://", 1)[0].lower() if "://" in s.uri else ""
        if scheme not in BOLT_SCHEMES:
            raise StoreUnavailable(f"Neo4j at {s.safe_uri}: not a Bolt URI (NEO4J_URI must "
                                   f"start with {', '.join(x + '://' for x in BOLT_SCHEMES)})")
        if has_userinfo(s.uri):  # the driver refuses it, quoting pieces of the password
            raise StoreUnavailable(f"Neo4j at {s.safe_uri}: NEO4J_URI must not contain a "
                                   "user or password (user:password@); set NEO4J_USERNAME "
                                   "and NEO4J_PASSWORD instead")
        try:
            self._driver = neo4j.GraphDatabase.driver(
                s.uri, auth=(s.username, s.password),
                max_transaction_retry_time=s.retry_seconds)
            self._driver.verify_connectivity()
        except (nex.ServiceUnavailable, OSError, ValueError, nex.ConfigurationError) as exc:
            self.close()
            raise StoreUnavailable(f"Neo4j at {s.safe_uri}: cannot connect "
                                   f"({self._scrub(_first_line(exc))})") from None
        except nex.Neo4jError as exc:
            self.close()
            raise self._translate(exc) from None
        try:
            if create_schema:
                self.create_schema()
            else:  # verify_connectivity does not check the database name
                self.run("RETURN 1 AS ok")
        except StoreError:
            self.close()
            raise

    def schema_statements(self) -> list[str]:
        return schema_mod.neo4j_schema_statements()

    schema_objects = "constraints and indexes"

    def schema_names(self) -> set[str]:
        return {re.match(r"CREATE (?:CONSTRAINT|INDEX) (\w+)", s).group(1)
                for s in self.schema_statements()}

    def present_schema_names(self) -> set[str]:
        return {r["name"] for query in ("SHOW CONSTRAINTS YIELD name RETURN name",
                                        "SHOW INDEXES YIELD name RETURN name")
                for r in self.run(query)}

    def describe(self) -> str:
        return (f"{self.server_version()} at {self.settings.safe_uri} "
                f"(database {self.settings.database})")

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
        except (nex.Neo4jError, nex.DriverError) as exc:
            raise self._translate(exc) from None
        return [_plain(dict(r)) for r in records]

    def count(self, query: str, params: dict | None = None) -> int:
        # the server counts the rows: none of them crosses the wire
        return self.run(f"CALL () {{\n{query}\n}}\nRETURN count(*) AS rows", params)[0]["rows"]

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
        except (nex.Neo4jError, nex.DriverError) as exc:
            raise self._translate(exc) from None

    def _translate(self, exc: Exception) -> StoreError:
        """A driver exception as a one-line store error (exit code 3 when unreachable)."""
        from neo4j import exceptions as nex

        s = self.settings
        where = f"Neo4j at {s.safe_uri}"
        code = getattr(exc, "code", None) or ""
        if isinstance(exc, nex.AuthError) or code.startswith("Neo.ClientError.Security."):
            hint = ("NEO4J_PASSWORD is not set" if not s.password
                    else "check NEO4J_USERNAME/NEO4J_PASSWORD")
            return StoreUnavailable(f"{where}: authentication failed for user "
                                    f"{s.username!r} ({hint})")
        if code == "Neo.ClientError.Database.DatabaseNotFound":
            return StoreUnavailable(f"{where}: database {s.database!r} does not exist "
                                    "(check NEO4J_DATABASE)")
        if isinstance(exc, nex.IncompleteCommit):
            return StoreUnavailable(f"{where}: connection lost while committing; rerun the "
                                    "command (loading is idempotent)")
        if isinstance(exc, (nex.ServiceUnavailable, nex.SessionExpired)):
            return StoreUnavailable(f"{where}: unavailable, still after retrying for "
                                    f"{s.retry_seconds:.0f} s ({self._scrub(_first_line(exc))})")
        if isinstance(exc, nex.Neo4jError):
            message = exc.message or str(exc)
            return StoreError(f"Neo4j: {code}: {self._scrub(_first_line(message))}")
        return StoreError(f"{where}: {self._scrub(_first_line(exc))}")

    def _scrub(self, text: str) -> str:
        """Remove the password (and a URI's userinfo) from a server or driver message."""
        return redact(text, self.settings.uri, self.settings.password)

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
        if self._driver is not None:
            self._driver.close()
            self._driver = None


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
_QUERY_VALUE = re.compile(r"([?&;][^=&;#]*=)[^&;#]*")


def _split(uri: str) -> tuple[str, str | None, str]:
    """``uri`` as its scheme with the slashes after it, its userinfo (None without one)
    and the rest. Up to the last ``@`` is userinfo, whatever characters it holds.

    >>> _split("bolt://u:p/w@host:1?x=1")
    ('bolt://', 'u:p/w', 'host:1?x=1')
    """
    scheme = _SCHEME.match(uri)
    head = scheme.group(0) if scheme else ""
    rest = uri[len(head):]
    slashes = len(rest) - len(rest.lstrip("/"))
    head, rest = head + rest[:slashes], rest[slashes:]
    if "@" not in rest:
        return head, None, rest
    userinfo, rest = rest.rsplit("@", 1)
    return head, userinfo, rest


def safe_uri(uri: str) -> str:
    """The URI without user, password or query values, fit for messages.

    Whatever its shape: a password with ``/``, ``#`` or ``?`` in it, one slash after
    the scheme, or a secret in the query string.

    >>> safe_uri("neo4j://neo4j:secret@localhost:7687")
    'neo4j://localhost:7687'
    >>> safe_uri("bolt://neo4j:te/stp#ass@host")
    'bolt://host'
    >>> safe_uri("bolt:/neo4j:pw@host")
    'bolt:/host'
    >>> safe_uri("neo4j://host:7687?auth=pw&policy=eu")
    'neo4j://host:7687?auth=***&policy=***'
    """
    head, _userinfo, rest = _split(uri)
    return head + _QUERY_VALUE.sub(r"\1***", rest)


def has_userinfo(uri: str) -> bool:
    """True when ``uri`` carries a ``user[:password]@`` part (in any shape)."""
    return _split(uri)[1] is not None


def redact(text: str, uri: str = "", password: str = "") -> str:
    """``text`` with ``uri`` shown as :func:`safe_uri` and its secrets removed.

    The secrets: ``password``, the URI's userinfo and password part, its query string
    and each of its ``key=value`` pairs (a driver may quote any of them on its own).

    >>> redact("cannot connect to bolt://u:p4ss@h:1 (u:p4ss)", "bolt://u:p4ss@h:1")
    'cannot connect to bolt://h:1 (***)'
    >>> redact("bad query string 'auth=pw'", "neo4j://h?auth=pw")
    "bad query string '***'"
    """
    secrets = {password}
    if uri:
        text = text.replace(uri, safe_uri(uri))
        _head, userinfo, rest = _split(uri)
        if userinfo is not None:
            secrets |= {userinfo, userinfo.partition(":")[2]}
            rest = f"{userinfo}@{rest}"  # what follows a "?" in the password is secret too
        query = rest.partition("?")[2].partition("#")[0]
        secrets |= {query, *(pair for pair in re.split("[&;]", query) if "=" in pair)}
    for secret in sorted(secrets - {""}, key=len, reverse=True):
        text = text.replace(secret, "***")
    return text


def _first_line(exc: object) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value):
    """Driver values (nodes, relationships, paths) as plain Python data."""
    kind = type(value)
    if kind in _SCALARS:  # most values of most rows: returned as they are
        return value
    if kind is dict:  # a row
        return {k: _plain(v) for k, v in value.items()}
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
