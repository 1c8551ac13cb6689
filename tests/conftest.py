"""Shared pytest fixtures.

Neo4j: ``neo4j_server`` (session) finds a real Neo4j, in this order:
  1. ``NEO4J_URI`` in the environment (with NEO4J_USERNAME / NEO4J_PASSWORD / NEO4J_DATABASE);
  2. testcontainers ``neo4j:5.26-community`` when a Docker engine answers;
  3. the Maven-launched server from ``qantar.neo4j_local`` when ``java`` and ``mvn`` exist;
  4. otherwise the test is skipped -- except under ``CI=true``, where it fails loudly.
``neo4j_db`` (function) wipes the database first so tests are independent. Tests using
either fixture are marked ``neo4j`` automatically (``-m "not neo4j"`` deselects them).

With ``QANTAR_NEO4J_REPORT=path`` the session writes a JSON summary there (server version,
how many neo4j-marked tests passed/failed/skipped); ``.ci/run`` checks it.
"""

from __future__ import annotations

import json
import os
from contextlib import nullcontext as _nullcontext
import secrets
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

NEO4J_IMAGE = "neo4j:5.26-community"
_NEO4J_FIXTURES = {"neo4j_server", "neo4j_db"}


def _ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@dataclass
class Neo4jServerInfo:
    uri: str
    username: str
    password: str = field(repr=False)
    database: str = "neo4j"
    version: str = ""
    source: str = ""  # "env", "testcontainers" or "maven"
    http_url: str = ""  # the HTTP endpoint (Neo4j Browser at /browser/), when known

    @property
    def auth(self) -> tuple[str, str]:
        return (self.username, self.password)

    def driver(self, **kwargs):
        import neo4j

        return neo4j.GraphDatabase.driver(self.uri, auth=self.auth, **kwargs)


@dataclass
class _Neo4jState:
    info: Neo4jServerInfo | None = None
    seconds: float = 0.0
    passed: int = 0
    failed: int = 0
    skipped: int = 0
    wipe_checked: bool = False
    notes: list[str] = field(default_factory=list)


_STATE = _Neo4jState()


def _server_version(uri: str, auth: tuple[str, str], timeout: float = 60) -> str:
    import neo4j

    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while True:
        try:
            with neo4j.GraphDatabase.driver(uri, auth=auth, connection_timeout=5) as drv:
                recs, _, _ = drv.execute_query(
                    "CALL dbms.components() YIELD versions RETURN versions[0] AS v",
                    database_="system",
                )
                return str(recs[0]["v"])
        except neo4j.exceptions.AuthError:
            raise
        except Exception as e:  # noqa: BLE001 - retry until the deadline
            last = e
            if time.monotonic() > deadline:
                raise RuntimeError(f"no answer from {uri}: {last}") from None
            time.sleep(1)


def _docker_answers() -> bool:
    if shutil.which("docker") is None and not os.environ.get("DOCKER_HOST"):
        if not Path("/var/run/docker.sock").exists():
            return False
    try:
        import docker

        client = docker.from_env(timeout=3)
        try:
            return bool(client.ping())
        finally:
            client.close()
    except Exception:  # noqa: BLE001 - no engine, no SDK, no permission
        return False


def _from_env() -> Neo4jServerInfo:
    uri = os.environ["NEO4J_URI"]
    auth = (os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""))
    version = _server_version(uri, auth, timeout=30)
    return Neo4jServerInfo(uri, auth[0], auth[1], os.environ.get("NEO4J_DATABASE", "neo4j"),
                           version, "env", os.environ.get("NEO4J_HTTP_URL", ""))


def _from_testcontainers(stack) -> Neo4jServerInfo:
    try:
        from testcontainers.community.neo4j import Neo4jContainer
    except ImportError:  # older testcontainers
        from testcontainers.neo4j import Neo4jContainer

    password = secrets.token_urlsafe(18)
    container = Neo4jContainer(NEO4J_IMAGE, password=password)
    container.with_env("NEO4J_dbms_usage__report_enabled", "false")
    container.start()
    stack.append(container.stop)
    uri = container.get_connection_url()
    version = _server_version(uri, ("neo4j", password), timeout=120)
    http_url = (f"http://{container.get_container_host_ip()}:"
                f"{container.get_exposed_port(7474)}")
    return Neo4jServerInfo(uri, "neo4j", password, "neo4j", version, "testcontainers",
                           http_url)


def _from_maven(stack) -> Neo4jServerInfo:
    from qantar.neo4j_local import start

    server = start(password=secrets.token_urlsafe(18), timeout=300)
    stack.append(server.stop)
    return Neo4jServerInfo(server.uri, server.username, server.password, server.database,
                           server.version, "maven", server.http_url)


def _unavailable(reason: str):
    if _ci():
        pytest.fail(
            "\n" + "!" * 78 + f"\n!! CI=true but no Neo4j could be started: {reason}\n"
            "!! (set NEO4J_URI, or provide Docker, or Java 17 + Maven)\n" + "!" * 78,
            pytrace=False,
        )
    pytest.skip(f"no Neo4j available: {reason}")


@pytest.fixture(scope="session")
def neo4j_server(request) -> Neo4jServerInfo:
    """A real Neo4j for the whole session (see the module docstring for the order)."""
    stack: list = []
    reasons: list[str] = []
    started = time.monotonic()
    info: Neo4jServerInfo | None = None

    if os.environ.get("NEO4J_URI"):
        try:
            info = _from_env()
        except Exception as e:  # noqa: BLE001
            # An explicitly configured server that does not answer is an error, not a skip.
            pytest.fail(f"NEO4J_URI={os.environ['NEO4J_URI']} is set but unusable: {e}",
                        pytrace=False)
    if info is None and _docker_answers():
        try:
            info = _from_testcontainers(stack)
        except Exception as e:  # noqa: BLE001
            reasons.append(f"testcontainers {NEO4J_IMAGE} failed: {str(e).splitlines()[0][:200]}")
    if info is None:
        from qantar.neo4j_local import Neo4jLocalError, tools_missing

        missing = tools_missing()
        if missing:
            reasons.append(f"no Docker engine, and {' and '.join(missing)} not on PATH")
        else:
            try:
                info = _from_maven(stack)
            except Neo4jLocalError as e:
                reasons.append(str(e))
            except Exception as e:  # noqa: BLE001
                reasons.append(f"local Neo4j failed: {type(e).__name__}: {e}")
    if info is None:
        for stop in reversed(stack):
            stop()
        _unavailable("; ".join(reasons) or "unknown reason")

    _STATE.info = info
    _STATE.seconds = time.monotonic() - started
    tr = request.config.pluginmanager.get_plugin("terminalreporter")
    capman = request.config.pluginmanager.get_plugin("capturemanager")
    if tr is not None:
        with capman.global_and_fixture_disabled() if capman else _nullcontext():
            tr.write_line("")
            tr.write_line(
                f"Neo4j {info.version} ready via {info.source} at {info.uri} "
                f"(in {_STATE.seconds:.1f}s)",
                bold=True,
            )
    try:
        yield info
    finally:
        for stop in reversed(stack):
            try:
                stop()
            except Exception as e:  # noqa: BLE001
                print(f"warning: stopping Neo4j failed: {e}")


def _quote_name(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def wipe_database(info: Neo4jServerInfo) -> None:
    """Delete every node/relationship and drop all constraints and (non-lookup) indexes."""
    with info.driver() as drv:
        db = info.database
        drv.execute_query("MATCH (n) DETACH DELETE n", database_=db)
        recs, _, _ = drv.execute_query("SHOW CONSTRAINTS YIELD name RETURN name", database_=db)
        for r in recs:
            drv.execute_query(f"DROP CONSTRAINT {_quote_name(r['name'])} IF EXISTS", database_=db)
        recs, _, _ = drv.execute_query(
            "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name", database_=db
        )
        for r in recs:
            drv.execute_query(f"DROP INDEX {_quote_name(r['name'])} IF EXISTS", database_=db)


def _guard_external_wipe(info: Neo4jServerInfo) -> None:
    """Never wipe a user's real data: an external (NEO4J_URI) database must start empty."""
    if _STATE.wipe_checked or info.source != "env":
        return
    _STATE.wipe_checked = True
    if os.environ.get("QANTAR_TEST_ALLOW_WIPE") == "1":
        return
    with info.driver() as drv:
        recs, _, _ = drv.execute_query("MATCH (n) RETURN count(n) AS c", database_=info.database)
    if recs[0]["c"]:
        _STATE.wipe_checked = False
        pytest.fail(
            f"refusing to wipe database {info.database!r} at NEO4J_URI={info.uri}: it holds "
            f"{recs[0]['c']} nodes. Point NEO4J_URI at a scratch server or set "
            "QANTAR_TEST_ALLOW_WIPE=1.",
            pytrace=False,
        )


@pytest.fixture
def neo4j_db(neo4j_server: Neo4jServerInfo) -> Neo4jServerInfo:
    """The session's Neo4j, with an empty database (no data, constraints or indexes)."""
    _guard_external_wipe(neo4j_server)
    wipe_database(neo4j_server)
    yield neo4j_server


def pytest_collection_modifyitems(config, items):
    for item in items:
        if _NEO4J_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.neo4j)


def pytest_runtest_logreport(report):
    if "neo4j" not in report.keywords:
        return
    if report.when == "call" and report.passed:
        _STATE.passed += 1
    elif report.failed:
        _STATE.failed += 1
    elif report.skipped:
        _STATE.skipped += 1


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    info = _STATE.info
    counts = f"neo4j tests: {_STATE.passed} passed, {_STATE.failed} failed, {_STATE.skipped} skipped"
    if info is not None:
        terminalreporter.write_sep(
            "-", f"Neo4j {info.version} via {info.source} ({info.uri}); {counts}"
        )
    elif _STATE.passed or _STATE.failed or _STATE.skipped:
        terminalreporter.write_sep("-", f"no Neo4j server; {counts}")
    report = os.environ.get("QANTAR_NEO4J_REPORT")
    if report:
        Path(report).parent.mkdir(parents=True, exist_ok=True)
        Path(report).write_text(
            json.dumps(
                {
                    "version": info.version if info else None,
                    "source": info.source if info else None,
                    "uri": info.uri if info else None,
                    "startup_seconds": round(_STATE.seconds, 1),
                    "passed": _STATE.passed,
                    "failed": _STATE.failed,
                    "skipped": _STATE.skipped,
                    "exitstatus": int(exitstatus),
                },
                indent=2,
            )
            + "\n"
        )
