"""A real Neo4j 5.26 Community server without Docker.

The server is the small Java launcher in ``launcher/`` beside this module (``neo4j-harness``
from Maven Central: same kernel, Bolt and HTTP as the packaged server, the Neo4j Browser
at ``/browser``, APOC core). It needs Java 17 and Maven. The sources ship with the
package; they are built in a per-user cache (``~/.cache/qantar/neo4j-local/<digest>/``,
``QANTAR_NEO4J_BUILD_DIR`` overrides), one folder per version of the sources, so an
installed package never writes into its own directory. Jars stay in ``~/.m2`` and that
cache (never in git).

Library use::

    from qantar.neo4j_local import start
    with start() as server:            # free ports, temporary store, generated password
        print(server.uri, server.version)

Command line (a background server for the Neo4j Browser; state in
``~/.local/state/qantar/neo4j/``, ``QANTAR_NEO4J_RUN_DIR`` overrides)::

    qantar neo4j start [--bolt-port 7687 --http-port 7474 --data-dir DIR]
    qantar neo4j status
    qantar neo4j stop

The password of the ``neo4j`` user comes from ``NEO4J_PASSWORD`` (or is generated); it is
handed to Java through the environment, never on a command line.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import hashlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "LocalNeo4j",
    "Neo4jLocalError",
    "ensure_built",
    "build_dir",
    "launcher_dir",
    "start",
    "admin_import",
    "tools_missing",
    "main",
]

USERNAME = "neo4j"
DEFAULT_DATABASE = "neo4j"
READY_PREFIX = "qantar-neo4j ready "
HEAP = os.environ.get("QANTAR_NEO4J_HEAP", "1g")
# The launcher's page cache (MB). 64 MB suits tests; a loaded corpus wants its whole
# store cached, as any production server has it (10k articles: ~1.5 GB on disk).
PAGECACHE_MB = int(os.environ.get("QANTAR_NEO4J_PAGECACHE_MB", "64"))
# The Browser styles the graph on connect from the kit `qantar browser-kit serve` serves
# (its default port; docker-compose.yml sets the same). localhost, as the kit's guide.
BROWSER_POST_CONNECT = "style http://localhost:8001/qantar.grass"
_STAMP_NAME = ".qantar-build-stamp"
_MAIN_CLASS = "qantar.Neo4jLocal"


class Neo4jLocalError(RuntimeError):
    """A one-line, user-facing reason why the local server could not be built or run."""


# --------------------------------------------------------------------------- build


def launcher_dir() -> Path:
    """The launcher's Maven sources, shipped inside the package (read only)."""
    return Path(__file__).resolve().parent / "launcher"


def _user_dir(env: str, xdg: str, fallback: str, *parts: str) -> Path:
    if os.environ.get(env):
        return Path(os.environ[env])
    base = os.environ.get(xdg) or str(Path.home() / fallback)
    return Path(base, "qantar", *parts)


def build_dir() -> Path:
    """Where the launcher is built: a per-user cache folder named for the sources' digest.

    Each version of the sources gets its own folder, so two checkouts never rebuild a
    launcher the other one is running.
    """
    src = launcher_dir()
    root = _user_dir("QANTAR_NEO4J_BUILD_DIR", "XDG_CACHE_HOME", ".cache", "neo4j-local")
    return root / _sources_digest(src)[:16]


def tools_missing() -> list[str]:
    """Names of the missing tools among ``java`` and ``mvn`` (empty when both exist)."""
    return [t for t in ("java", "mvn") if shutil.which(t) is None]


def _java_major() -> int | None:
    try:
        out = subprocess.run(
            ["java", "-version"], capture_output=True, text=True, timeout=30
        ).stderr
    except (OSError, subprocess.SubprocessError):
        return None
    for tok in out.replace('"', " ").split():
        if tok[:1].isdigit():
            head = tok.split(".")[0].split("-")[0].split("+")[0]
            if head.isdigit():
                major = int(head)
                return 8 if major == 1 else major
    return None


def _sources_digest(d: Path) -> str:
    h = hashlib.sha256()
    files = [d / "pom.xml", *sorted((d / "src").rglob("*"))]
    for f in files:
        if f.is_file():
            h.update(str(f.relative_to(d)).encode())
            h.update(f.read_bytes())
    return h.hexdigest()


def _is_built(d: Path) -> bool:
    target = d / "target"
    return (
        (target / _STAMP_NAME).is_file()
        and (target / "classes" / "qantar" / "Neo4jLocal.class").is_file()
        and any((target / "lib").glob("neo4j-harness-*.jar"))
    )


def ensure_built(quiet: bool = True) -> Path:
    """Build the launcher with Maven unless its build folder (``build_dir()``) is complete.

    Returns the build folder (its ``target/`` holds classes and jars). The first build
    downloads ~200 MB into ``~/.m2``.
    """
    src = launcher_dir()
    d = build_dir()
    if _is_built(d):
        return d
    missing = tools_missing()
    if missing:
        raise Neo4jLocalError(
            f"cannot build the local Neo4j: {' and '.join(missing)} not found on PATH "
            "(install Java 17 and Maven, e.g. apt-get install openjdk-17-jdk-headless maven; "
            "or use Docker: docker compose up -d)"
        )
    major = _java_major()
    if major is not None and major < 17:
        raise Neo4jLocalError(f"Neo4j 5.26 needs Java 17 or newer, found Java {major}")
    try:
        (d / "target").mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise Neo4jLocalError(f"cannot create the launcher build folder {d}: {e.strerror}") from None
    lock_path = d / "target" / ".qantar-build.lock"
    with open(lock_path, "w") as lock:
        _lock(lock)
        try:
            if _is_built(d):  # another process built it while we waited
                return d
            shutil.copy2(src / "pom.xml", d / "pom.xml")
            shutil.rmtree(d / "src", ignore_errors=True)
            shutil.copytree(src / "src", d / "src")
            cmd = ["mvn", "-B", "-Dstyle.color=never", "package"]
            if quiet:
                cmd.insert(1, "-q")
            proc = subprocess.run(
                cmd, cwd=d, capture_output=True, text=True, stdin=subprocess.DEVNULL
            )
            if proc.returncode != 0:
                lines = [
                    ln for ln in (proc.stdout + proc.stderr).splitlines() if "ERROR" in ln
                ] or (proc.stdout + proc.stderr).splitlines()
                hint = lines[0].strip() if lines else "no output"
                raise Neo4jLocalError(
                    f"Maven build of {d} failed (exit {proc.returncode}): {hint[:300]}"
                )
            (d / "target" / _STAMP_NAME).write_text(_sources_digest(src) + "\n")
        finally:
            _unlock(lock)
    return d


def _lock(f) -> None:
    try:
        import fcntl

        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
    except ImportError:  # Windows: no lock, builds are idempotent anyway
        pass


def _unlock(f) -> None:
    try:
        import fcntl

        fcntl.flock(f.fileno(), fcntl.LOCK_UN)
    except ImportError:
        pass


def _java_command(d: Path, bolt_port: int, http_port: int, data_dir: Path | None,
                  heap: str | None = None, pagecache_mb: int | None = None) -> list[str]:
    if shutil.which("java") is None:
        raise Neo4jLocalError(
            "cannot run the local Neo4j: java not found on PATH (install Java 17, "
            "e.g. apt-get install openjdk-17-jre-headless; or use Docker: docker compose up -d)"
        )
    target = d / "target"
    cp = os.pathsep.join([str(target / "classes"), str(target / "lib" / "*")])
    cmd = [
        "java",
        f"-Xmx{heap or HEAP}",
        "-cp",
        cp,
        _MAIN_CLASS,
        "--bolt-port",
        str(bolt_port),
        "--http-port",
        str(http_port),
        "--password-env",
        "NEO4J_PASSWORD",
        "--pagecache",
        str(pagecache_mb or PAGECACHE_MB),
        "--browser-post-connect",
        BROWSER_POST_CONNECT,
    ]
    plugins = target / "plugins"
    if plugins.is_dir():
        cmd += ["--plugins-dir", str(plugins)]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    return cmd


# --------------------------------------------------------------------------- run


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _port_in_use(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _resolve_password(password: str | None) -> str:
    pw = password if password is not None else os.environ.get("NEO4J_PASSWORD")
    if not pw:
        pw = secrets.token_urlsafe(18)
    if len(pw) < 8:
        raise Neo4jLocalError("the Neo4j password must be at least 8 characters (NEO4J_PASSWORD)")
    return pw


def _parse_ready(line: str) -> tuple[str, str, str]:
    # qantar-neo4j ready bolt://127.0.0.1:P http://127.0.0.1:Q version 5.26.x
    parts = line.strip().split()
    return parts[2], parts[3], parts[5]


def _wait_for_bolt(uri: str, password: str, deadline: float) -> str:
    """Connect with the official driver until ``CALL dbms.components()`` answers."""
    import neo4j
    from neo4j.exceptions import AuthError

    last: Exception | None = None
    while time.monotonic() < deadline:
        try:
            with neo4j.GraphDatabase.driver(
                uri, auth=(USERNAME, password), connection_timeout=5
            ) as drv:
                records, _, _ = drv.execute_query(
                    "CALL dbms.components() YIELD versions RETURN versions[0] AS v",
                    database_="system",
                )
                return str(records[0]["v"])
        except AuthError as e:  # wrong password will not fix itself
            raise Neo4jLocalError(
                f"Neo4j at {uri} rejected the password for user neo4j ({e.message})"
            ) from None
        except Exception as e:  # noqa: BLE001 - not up yet
            last = e
            time.sleep(0.5)
    raise Neo4jLocalError(f"Neo4j at {uri} did not answer Bolt in time ({last})")


@dataclass
class LocalNeo4j:
    """A running local Neo4j server (stop it with ``stop()`` or a ``with`` block)."""

    uri: str
    http_url: str
    username: str
    password: str = field(repr=False)
    version: str
    database: str = DEFAULT_DATABASE
    data_dir: Path | None = None
    pid: int | None = None
    log_path: Path | None = None
    _proc: subprocess.Popen | None = field(default=None, repr=False)
    _tmp: tempfile.TemporaryDirectory | None = field(default=None, repr=False)

    @property
    def browser_url(self) -> str:
        return self.http_url.rstrip("/") + "/browser/"

    @property
    def auth(self) -> tuple[str, str]:
        return (self.username, self.password)

    def driver(self, **kwargs):
        import neo4j

        return neo4j.GraphDatabase.driver(self.uri, auth=self.auth, **kwargs)

    def stop(self, timeout: float = 60) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            with contextlib.suppress(OSError):
                if proc.stdin:
                    proc.stdin.close()  # launcher exits on stdin EOF
            try:
                proc.wait(timeout=min(10, timeout))
            except subprocess.TimeoutExpired:
                proc.terminate()  # SIGTERM: shutdown hook stops Neo4j cleanly
                try:
                    proc.wait(timeout=timeout)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=10)
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None

    def __enter__(self) -> "LocalNeo4j":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def admin_import(csv_folder: str | os.PathLike, data_dir: str | os.PathLike,
                 database: str = DEFAULT_DATABASE, heap: str | None = None,
                 timeout: float = 3600) -> str:
    """``neo4j-admin database import full`` into the database of ``data_dir``.

    ``csv_folder`` holds the files of ``qantar export csv`` and their ``import.args``.
    The import tool is the one Neo4j ships (``neo4j-import-tool``, on the launcher's
    classpath from Maven Central), run as its admin command; the database is replaced
    whole, so the server of ``data_dir`` must be stopped. Start one on it afterwards
    (``start(data_dir=...)``) and create the schema's constraints and indexes there.
    Returns the tool's summary (the lines from ``IMPORT DONE``); a failure raises
    :class:`Neo4jLocalError` with the tool's last lines.
    """
    d = ensure_built()
    home = Path(data_dir).resolve()
    conf = home / "conf"
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "neo4j.conf").touch()
    cp = os.pathsep.join([str(d / "target" / "classes"), str(d / "target" / "lib" / "*")])
    # the database name before @import.args: the file list options take every word after
    cmd = ["java", f"-Xmx{heap or HEAP}", "-cp", cp, "org.neo4j.cli.AdminTool", "database",
           "import", "full", "--overwrite-destination", database, "@import.args"]
    env = dict(os.environ, NEO4J_HOME=str(home), NEO4J_CONF=str(conf))
    try:
        proc = subprocess.run(cmd, cwd=csv_folder, env=env, capture_output=True, text=True,
                              timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise Neo4jLocalError(f"neo4j-admin import did not run: {e}") from None
    out = proc.stdout + proc.stderr
    if proc.returncode != 0 or "IMPORT DONE" not in out:
        tail = " | ".join(line.strip() for line in out.strip().splitlines()[-3:])
        raise Neo4jLocalError(f"neo4j-admin import failed ({proc.returncode}): {tail}")
    return out[out.index("IMPORT DONE"):].strip()


def start(
    bolt_port: int | None = None,
    http_port: int | None = None,
    password: str | None = None,
    data_dir: str | os.PathLike | None = None,
    timeout: float = 180,
    heap: str | None = None,
    pagecache_mb: int | None = None,
) -> LocalNeo4j:
    """Build if needed, start a server on 127.0.0.1 and wait until Bolt answers.

    Ports default to free ones; ``data_dir=None`` means a temporary store deleted on stop.
    ``heap`` (a JVM size: "2g") and ``pagecache_mb`` default to ``QANTAR_NEO4J_HEAP`` (1g)
    and ``QANTAR_NEO4J_PAGECACHE_MB`` (64). The server also stops when this Python
    process exits.
    """
    d = ensure_built()
    bolt_port = bolt_port or _free_port()
    http_port = http_port or _free_port()
    while http_port == bolt_port:
        http_port = _free_port()
    for p in (bolt_port, http_port):
        if _port_in_use(p):
            raise Neo4jLocalError(f"port {p} on 127.0.0.1 is already in use")
    pw = _resolve_password(password)
    ddir = Path(data_dir).resolve() if data_dir is not None else None

    tmp = tempfile.TemporaryDirectory(prefix="qantar-neo4j-log-")
    log_path = Path(tmp.name) / "neo4j-stderr.log"
    env = dict(os.environ, NEO4J_PASSWORD=pw)
    cmd = _java_command(d, bolt_port, http_port, ddir, heap, pagecache_mb) + [
        "--exit-on-stdin-close"]
    log = open(log_path, "wb")
    try:
        proc = subprocess.Popen(
            cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, env=env
        )
    except OSError as e:
        log.close()
        tmp.cleanup()
        raise Neo4jLocalError(f"could not run java: {e}") from None
    log.close()

    ready: list[str] = []
    got = threading.Event()

    def _pump() -> None:  # read stdout forever so the pipe never fills
        assert proc.stdout is not None
        for raw in proc.stdout:
            line = raw.decode("utf-8", "replace")
            if line.startswith(READY_PREFIX) and not ready:
                ready.append(line)
                got.set()
        got.set()

    threading.Thread(target=_pump, name="qantar-neo4j-stdout", daemon=True).start()
    server = LocalNeo4j(
        uri=f"bolt://127.0.0.1:{bolt_port}",
        http_url=f"http://127.0.0.1:{http_port}",
        username=USERNAME,
        password=pw,
        version="",
        data_dir=ddir,
        pid=proc.pid,
        log_path=log_path,
        _proc=proc,
        _tmp=tmp,
    )
    atexit.register(server.stop)
    deadline = time.monotonic() + timeout
    try:
        got.wait(timeout)
        if not ready:
            reason = _last_error_line(log_path) if proc.poll() is not None else "timed out"
            raise Neo4jLocalError(f"local Neo4j did not start: {reason}")
        uri, http_url, _ = _parse_ready(ready[0])
        server.uri, server.http_url = uri, http_url
        server.version = _wait_for_bolt(uri, pw, deadline)
    except BaseException:
        server.stop()
        raise
    return server


def _last_error_line(log_path: Path) -> str:
    try:
        lines = [ln.strip() for ln in log_path.read_text(errors="replace").splitlines() if ln.strip()]
    except OSError:
        return "no output"
    errs = [ln for ln in lines if ln.startswith("qantar-neo4j error")]
    return (errs or lines or ["no output"])[-1][:300]


# --------------------------------------------------------------------------- daemon CLI


def _run_dir() -> Path:
    """The background server's state: pid, ports, log, generated password, default data."""
    return _user_dir("QANTAR_NEO4J_RUN_DIR", "XDG_STATE_HOME", ".local/state", "neo4j")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    cmdline = Path(f"/proc/{pid}/cmdline")
    if cmdline.exists():  # guard against a recycled pid
        try:
            return _MAIN_CLASS.encode() in cmdline.read_bytes()
        except OSError:
            return False
    return True


def _read_state() -> dict | None:
    f = _run_dir() / "neo4j.json"
    if not f.is_file():
        return None
    try:
        state = json.loads(f.read_text())
    except (OSError, ValueError):
        return None
    if not _pid_alive(int(state.get("pid", 0))):
        return None
    return state


def _clear_state() -> None:
    for name in ("neo4j.json", "neo4j.pid"):
        with contextlib.suppress(FileNotFoundError):
            (_run_dir() / name).unlink()


def _cli_start(args: argparse.Namespace) -> int:
    state = _read_state()
    if state:
        print(f"already running: {state['uri']} (pid {state['pid']}), browser {state['browser_url']}")
        return 0
    _clear_state()
    d = ensure_built()
    run = _run_dir()
    run.mkdir(parents=True, exist_ok=True)
    bolt = args.bolt_port if args.bolt_port else _free_port()
    http = args.http_port if args.http_port else _free_port()
    for p, flag in ((bolt, "--bolt-port"), (http, "--http-port")):
        if _port_in_use(p):
            raise Neo4jLocalError(f"port {p} is already in use (choose another with {flag}, 0 = any free port)")
    data_dir = Path(args.data_dir).resolve() if args.data_dir else run / "data"
    password = os.environ.get("NEO4J_PASSWORD")
    pw_note = "password from NEO4J_PASSWORD"
    if not password:
        pw_file = run / "password"
        if pw_file.is_file():
            password = pw_file.read_text().strip()
        else:
            password = secrets.token_urlsafe(18)
            fd = os.open(pw_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(password + "\n")
        pw_note = f"password in {pw_file}"
    password = _resolve_password(password)

    log_path = run / "neo4j.log"
    env = dict(os.environ, NEO4J_PASSWORD=password)
    with open(log_path, "ab") as log:
        log.write(f"--- start {time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode())
        log.flush()
        offset = log.tell()
        kwargs: dict = {}
        if os.name == "posix":
            kwargs["start_new_session"] = True
        proc = subprocess.Popen(
            _java_command(d, bolt, http, data_dir, args.heap, args.pagecache),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            env=env,
            cwd=run,
            **kwargs,
        )
    (run / "neo4j.pid").write_text(f"{proc.pid}\n")

    deadline = time.monotonic() + args.timeout
    ready = None
    while time.monotonic() < deadline:
        with open(log_path, "rb") as fh:
            fh.seek(offset)
            for raw in fh.read().decode("utf-8", "replace").splitlines():
                if raw.startswith(READY_PREFIX):
                    ready = raw
        if ready or proc.poll() is not None:
            break
        time.sleep(0.5)
    if not ready:
        if proc.poll() is None:
            _terminate(proc.pid, 30)
        _clear_state()
        reason = _last_error_line(log_path) if proc.poll() is not None else "timed out"
        raise Neo4jLocalError(f"local Neo4j did not start: {reason} (log: {log_path})")
    uri, http_url, _ = _parse_ready(ready)
    try:
        version = _wait_for_bolt(uri, password, deadline)
    except Neo4jLocalError:
        _terminate(proc.pid, 30)
        _clear_state()
        raise
    state = {
        "pid": proc.pid,
        "uri": uri,
        "http_url": http_url,
        "browser_url": http_url.replace("127.0.0.1", "localhost") + "/browser/",
        "username": USERNAME,
        "version": version,
        "data_dir": str(data_dir),
        "log": str(log_path),
    }
    (run / "neo4j.json").write_text(json.dumps(state, indent=2) + "\n")
    print(
        f"Neo4j {version} running (pid {proc.pid}): {uri}  browser {state['browser_url']}  "
        f"user neo4j, {pw_note}; stop with: qantar neo4j stop"
    )
    return 0


def _terminate(pid: int, timeout: float) -> bool:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if not _pid_alive(pid):
            return True
        with contextlib.suppress(ChildProcessError, OSError):
            os.waitpid(pid, os.WNOHANG)
        time.sleep(0.3)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    return False


def _cli_stop(args: argparse.Namespace) -> int:
    pid_file = _run_dir() / "neo4j.pid"
    pid = None
    if pid_file.is_file():
        with contextlib.suppress(ValueError, OSError):
            pid = int(pid_file.read_text().strip())
    if pid is None or not _pid_alive(pid):
        _clear_state()
        print("not running")
        return 0
    clean = _terminate(pid, args.timeout)
    _clear_state()
    print(f"stopped (pid {pid})" if clean else f"killed (pid {pid}) after {args.timeout}s")
    return 0


def _cli_status(args: argparse.Namespace) -> int:
    state = _read_state()
    if not state:
        print("not running")
        return 3
    print(
        f"running: Neo4j {state['version']} pid {state['pid']} {state['uri']} "
        f"browser {state['browser_url']} data {state['data_dir']}"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m qantar.neo4j_local",
        description="Run a local Neo4j 5.26 Community server (Java 17 + Maven, no Docker).",
    )
    sub = parser.add_subparsers(dest="cmd", required=True)
    p_start = sub.add_parser("start", help="start a background server (state in ~/.local/state/qantar/neo4j/)")
    p_start.add_argument("--bolt-port", type=int, default=7687, help="default 7687; 0 = any free port")
    p_start.add_argument("--http-port", type=int, default=7474, help="default 7474; 0 = any free port")
    p_start.add_argument("--data-dir", default=None, help="default ~/.local/state/qantar/neo4j/data (kept across restarts)")
    p_start.add_argument("--timeout", type=float, default=180)
    p_start.add_argument("--heap", default=None, help=f"JVM heap, e.g. 2g (default {HEAP})")
    p_start.add_argument("--pagecache", type=int, default=None,
                         help=f"page cache in MB (default {PAGECACHE_MB})")
    p_stop = sub.add_parser("stop", help="stop the background server")
    p_stop.add_argument("--timeout", type=float, default=60)
    sub.add_parser("status", help="show whether the background server runs")
    sub.add_parser("build", help="build the Java launcher with Maven (done automatically by start)")
    args = parser.parse_args(argv)
    try:
        if args.cmd == "start":
            return _cli_start(args)
        if args.cmd == "stop":
            return _cli_stop(args)
        if args.cmd == "status":
            return _cli_status(args)
        if args.cmd == "build":
            print(f"built: {ensure_built() / 'target'}")
            return 0
    except Neo4jLocalError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 2
