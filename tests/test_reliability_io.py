"""Files outside the store, read-only meaning no files, output files and messages.

Each test is an attack that once worked: `export -o` turning a device into a file,
`qantar cypher` reading and writing files, symbolic links out of a loaded folder, a
file name that is not UTF-8, passwords in odd URIs, terminal escapes in titles and
request lines, tracebacks on a full disk or a vanished client, temporary files left by
a killed export.

Device files are made with mknod in the test's own folder when running as root: a
regression must not be able to turn the machine's /dev/null into a file.
"""

from __future__ import annotations

import contextlib
import doctest
import importlib
import json
import os
import pty
import select
import socket
import stat
import struct
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from qantar.cli.main import cli
from qantar.graph.stores import neo4j as neo4j_store

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("0*.txt"))
CLI = [sys.executable, "-c", "from qantar.cli.main import main; main()"]
IS_ROOT = os.geteuid() == 0


def run(env: dict, *args: str, **kwargs):
    return CliRunner().invoke(cli, list(args), env=env, **kwargs)


def run_process(env: dict, *args: str, stdout=subprocess.PIPE, timeout: float = 120):
    return subprocess.run([*CLI, *args], env={**os.environ, **env}, stdout=stdout,
                          stderr=subprocess.PIPE, timeout=timeout)


def assert_one_error_line(stderr: str, *fragments: str):
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    errors = [line for line in stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, stderr
    for fragment in fragments:
        assert fragment in errors[0], errors[0]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> dict:
    """An embedded store with the five seed articles; the env that selects it."""
    folder = tmp_path_factory.mktemp("store")
    env = {"QANTAR_BACKEND": "embedded", "QANTAR_STORE": str(folder / "graph.lbug")}
    result = run(env, "load", str(SEEDS))
    assert result.exit_code == 0, result.stderr
    return env


@pytest.fixture(scope="module")
def reference(store, tmp_path_factory) -> bytes:
    """`export jsonl` to a plain new file: what every other target must receive."""
    out = tmp_path_factory.mktemp("reference") / "graph.jsonl"
    assert run(store, "export", "jsonl", "-o", str(out)).exit_code == 0
    data = out.read_bytes()
    assert data.count(b"\n") > 1000
    return data


def device(folder: Path, name: str, minor: int) -> Path:
    """A memory character device (1, minor): null is 3, full is 7; our own node when
    we are root, the machine's otherwise (which a user cannot replace)."""
    if not IS_ROOT:
        return Path("/dev") / name
    path = folder / name
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, minor))
    return path


@contextlib.contextmanager
def unwritable(folder: Path):
    """A folder nobody can create files in: immutable for root, read-only otherwise."""
    if IS_ROOT:
        if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode:
            pytest.skip("needs chattr +i (ext2/3/4) when running as root")
        try:
            yield folder
        finally:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
    else:
        folder.chmod(0o555)
        try:
            yield folder
        finally:
            folder.chmod(0o755)


# --- export -o --------------------------------------------------------------------------


def test_export_to_a_character_device_writes_through_it(store, tmp_path):
    null = device(tmp_path, "null", 3)
    result = run(store, "export", "jsonl", "-o", str(null))
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(os.stat(null).st_mode), "the device became a regular file"
    assert not list(null.parent.glob(".null.*"))


def test_export_to_a_fifo_streams_into_it(store, reference, tmp_path):
    fifo = tmp_path / "graph.fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()),
                              daemon=True)
    reader.start()
    result = run(store, "export", "jsonl", "-o", str(fifo))
    reader.join(timeout=60)
    if reader.is_alive():  # nobody wrote into the FIFO: let the reader go
        with contextlib.suppress(OSError):
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert received == [reference]


def test_export_through_a_symlink_replaces_the_file_and_keeps_the_link(store, reference,
                                                                        tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "graph.jsonl"
    target.write_text("old\n")
    target.chmod(0o640)
    link = tmp_path / "link.jsonl"
    link.symlink_to(target)
    result = run(store, "export", "jsonl", "-o", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == reference
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # the file keeps its permissions
    dangling = tmp_path / "dangling.jsonl"
    dangling.symlink_to(tmp_path / "real" / "new.jsonl")
    assert run(store, "export", "jsonl", "-o", str(dangling)).exit_code == 0
    assert dangling.is_symlink() and (tmp_path / "real" / "new.jsonl").read_bytes() == reference


def test_export_to_dash_and_dev_stdout_is_stdout(store, reference, tmp_path):
    result = run(store, "export", "jsonl", "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == reference
    assert not (tmp_path / "-").exists() and not Path("-").exists()
    stdout = tmp_path / "stdout"  # what /dev/stdout is, without risking the machine's
    stdout.symlink_to("/proc/self/fd/1")
    with open(tmp_path / "out.jsonl", "wb") as out:  # the shell's `> out.jsonl`
        proc = run_process(store, "export", "jsonl", "-o", str(stdout), stdout=out)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out.jsonl").read_bytes() == reference
    piped = run_process(store, "export", "jsonl", "-o", str(stdout))
    assert piped.returncode == 0 and piped.stdout == reference
    assert stdout.is_symlink()


def test_an_export_that_cannot_write_says_so_in_one_line(store, tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "graph.jsonl").write_text("kept\n")
    with unwritable(folder):
        result = run(store, "export", "jsonl", "-o", str(folder / "graph.jsonl"))
    assert result.exit_code == 1
    assert_one_error_line(result.stderr, "graph.jsonl")
    assert (folder / "graph.jsonl").read_text() == "kept\n"


def test_an_export_onto_a_full_device_is_one_line(store, tmp_path):
    full = device(tmp_path, "full", 7)
    proc = run_process(store, "export", "jsonl", "-o", str(full))
    assert proc.returncode == 1
    assert_one_error_line(proc.stderr.decode(), "No space left on device")
    assert stat.S_ISCHR(os.stat(full).st_mode)


@pytest.mark.parametrize("args", [("who", "Tokayev"), ("analyze", "--format", "csv"),
                                  ("export", "jsonl", "-o", "-")])
def test_a_full_disk_under_stdout_is_one_line_and_exit_1(store, args):
    with open("/dev/full", "wb") as full:
        proc = run_process(store, *args, stdout=full)
    assert proc.returncode == 1
    assert_one_error_line(proc.stderr.decode(), "No space left on device")


def test_a_killed_export_leaves_no_temporary_file_behind(store, reference, tmp_path):
    out = tmp_path / "graph.jsonl"
    gone = subprocess.Popen(["true"])
    gone.wait()  # a process that has ended: what kill -9 during an export leaves
    stale = tmp_path / f".graph.jsonl.{gone.pid}.tmp"
    stale.write_text("half an export")
    running = subprocess.Popen(["sleep", "60"])
    try:
        busy = tmp_path / f".graph.jsonl.{running.pid}.tmp"  # an export still running
        busy.write_text("in progress")
        result = run(store, "export", "jsonl", "-o", str(out))
        assert result.exit_code == 0, result.stderr
        assert not stale.exists()
        assert busy.exists()  # another export's file, still being written
    finally:
        running.kill()
        running.wait()
    assert out.read_bytes() == reference
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["graph.jsonl", busy.name])


# --- read-only means no files -----------------------------------------------------------


@pytest.mark.parametrize("query", [
    "COPY (RETURN 1 AS x) TO '{out}'",
    "LOAD FROM '{csv}' RETURN *",
    "LOAD WITH HEADERS (a STRING) FROM '{csv}' RETURN *",
    "MATCH (a:Actor) WITH count(a) AS n LOAD FROM '{csv}' RETURN *",
    "EXPORT DATABASE '{folder}'",
    "IMPORT DATABASE '{folder}'",
    "ATTACH '{folder}/other.lbug' AS other (dbtype lbug)",
    "INSTALL httpfs",
    "LOAD EXTENSION httpfs",
    "CALL home_directory = '{folder}'",
    "RETURN 1; copy (RETURN 1 AS x) to '{out}'",
])
def test_read_only_cypher_cannot_touch_files_on_the_embedded_store(store, tmp_path, query):
    csv = tmp_path / "secret.csv"
    csv.write_text("a\nsecret-value\n")
    out = tmp_path / "written.csv"
    text = query.format(out=out, csv=csv, folder=tmp_path / "dump")
    result = run(store, "cypher", text)
    assert result.exit_code == 1
    assert_one_error_line(result.stderr, "may not touch", "--write")
    assert "secret-value" not in result.stdout
    assert not out.exists() and not (tmp_path / "dump").exists()


def test_keywords_inside_strings_comments_and_names_still_run(store):
    query = ("MATCH (a:Actor) // COPY x TO 'y'\n /* LOAD FROM 'z' */ "
             "RETURN 'COPY (RETURN 1) TO \\'f.csv\\'' AS text, {load: 1, copy: 2} AS m, "
             "`LOAD` IS NULL AS q LIMIT 1")
    result = run(store, "cypher", "WITH NULL AS `LOAD` " + query, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)[0]["text"] == "COPY (RETURN 1) TO 'f.csv'"


def test_with_write_the_same_copy_runs(tmp_path):
    env = {"QANTAR_STORE": str(tmp_path / "graph.lbug")}
    assert run(env, "load", str(SEED_FILES[0])).exit_code == 0
    out = tmp_path / "written.csv"
    result = run(env, "cypher", "--write", f"COPY (RETURN 1 AS x) TO '{out}'")
    assert result.exit_code == 0, result.stderr
    assert out.read_text().strip() == "1"


def test_a_read_session_on_neo4j_reads_no_file_outside_the_import_directory(neo4j_db):
    import neo4j

    read = neo4j.READ_ACCESS
    with neo4j_db.driver() as driver, driver.session(database=neo4j_db.database,
                                                      default_access_mode=read) as session:
        def rows(query):
            return session.execute_read(lambda tx: [r.data() for r in tx.run(query)])

        for url in ("file:///etc/passwd", "file:///../../../../../../etc/passwd"):
            with pytest.raises(neo4j.exceptions.ClientError) as refused:
                rows(f"LOAD CSV FROM '{url}' AS row RETURN row LIMIT 1")
            assert "root:" not in str(refused.value)
        folder = rows("CALL dbms.listConfig('server.directories.import') YIELD value "
                      "RETURN value")[0]["value"]
        assert folder, "server.directories.import is not set: file URLs reach any file"
        if Path(folder).is_dir() and neo4j_db.source == "maven":  # a server on this machine
            (Path(folder) / "allowed.csv").write_text("inside-the-import-directory\n")
            loaded = rows("LOAD CSV FROM 'file:///allowed.csv' AS row RETURN row")
            assert loaded == [{"row": ["inside-the-import-directory"]}]


def test_the_local_neo4j_and_compose_confine_file_urls():
    compose = (ROOT / "docker-compose.yml").read_text()
    assert 'NEO4J_server_directories_import: "/import"' in compose
    launcher = (ROOT / "neo4j_local" / "launcher" / "src" / "main" / "java" / "qantar" /
                "Neo4jLocal.java").read_text()
    assert "load_csv_file_url_root" in launcher


# --- loading: links, FIFOs, devices, names ------------------------------------------------


@pytest.fixture
def hostile_folder(tmp_path) -> Path:
    """Two good articles, one named with bytes that are not UTF-8; a link to
    /etc/passwd, a link to an article outside, a link to /etc, a FIFO."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / SEED_FILES[0].name).write_bytes(SEED_FILES[0].read_bytes())
    latin1 = Path(os.fsdecode(os.fsencode(folder) + b"/caf\xe9-\xff.txt"))
    latin1.write_bytes(SEED_FILES[1].read_bytes())
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "elsewhere.txt").write_bytes(SEED_FILES[2].read_bytes())
    (folder / "elsewhere.txt").symlink_to(outside / "elsewhere.txt")
    (folder / "etc").symlink_to("/etc")
    (folder / "inside.txt").symlink_to(folder / SEED_FILES[0].name)  # same article
    os.mkfifo(folder / "pipe.txt")
    return folder


def test_a_loaded_folder_follows_no_link_out_and_names_what_it_skips(hostile_folder,
                                                                     tmp_path):
    env = {"QANTAR_STORE": str(tmp_path / "graph.lbug")}
    result = run_process(env, "load", str(hostile_folder), timeout=300)
    stderr = result.stderr.decode()
    assert result.returncode == 0, stderr
    assert "Traceback" not in stderr
    warnings = [line for line in stderr.splitlines() if line.startswith("Warning:")]
    for name in ("passwd.txt", "elsewhere.txt", "etc", "pipe.txt"):
        assert sum(f"/articles/{name}: skipped" in line for line in warnings) == 1, \
            (name, warnings)
    assert "FIFO" in next(line for line in warnings if "pipe.txt" in line)
    assert b"Loaded 2 article(s)" in result.stdout
    assert b"Projected edges: none" not in result.stdout
    out = tmp_path / "graph.jsonl"
    assert run(env, "export", "jsonl", "-o", str(out)).exit_code == 0
    exported = out.read_text(encoding="utf-8")
    assert "root:x:0:0" not in exported and "/bin/" not in exported
    paths = run(env, "cypher", "MATCH (a:Article) RETURN a.path AS path ORDER BY path",
                "-f", "json")
    assert [r["path"] for r in json.loads(paths.stdout)] == [
        SEED_FILES[0].name, "caf\\xe9-\\xff.txt"]
    again = run_process(env, "load", str(hostile_folder), timeout=300)
    assert again.returncode == 0 and b"Loaded 2 article(s)" in again.stdout

    (hostile_folder / "etc").unlink()  # not walking the machine's /etc here
    (tmp_path / "outside" / "back").symlink_to(hostile_folder)  # a loop through outside
    (hostile_folder / "outside").symlink_to(tmp_path / "outside")
    followed = run(env, "load", "--follow-symlinks", str(hostile_folder))
    assert "elsewhere.txt" not in followed.stderr  # loaded, not skipped
    assert "pipe.txt" in followed.stderr
    assert "Loaded 4 article(s)" in followed.stdout  # + /etc/passwd and elsewhere.txt


def test_a_bad_file_with_a_name_that_is_not_utf8_is_named_in_one_line(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / SEED_FILES[0].name).write_bytes(SEED_FILES[0].read_bytes())
    Path(os.fsdecode(os.fsencode(folder) + b"/empty-\xff\x1b.txt")).write_bytes(b"")
    env = {"QANTAR_STORE": str(tmp_path / "graph.lbug")}
    proc = run_process(env, "load", str(folder), timeout=300)
    assert proc.returncode == 1
    assert_one_error_line(proc.stderr.decode(), "empty-\\xff\\x1b.txt: empty article")
    assert b"Loaded 1 article(s)" in proc.stdout


@pytest.mark.parametrize("what", ["fifo", "device"])
def test_a_fifo_or_device_named_directly_says_what_it_is(tmp_path, what):
    if what == "fifo":
        path, expected = tmp_path / "pipe.txt", "a FIFO (named pipe)"
        os.mkfifo(path)
    else:
        path, expected = Path("/dev/zero"), "a character device"
    env = {"QANTAR_STORE": str(tmp_path / "graph.lbug")}
    proc = run_process(env, "load", str(path), timeout=60)
    assert proc.returncode == 1
    assert_one_error_line(proc.stderr.decode(), str(path), expected)
    assert "no such file" not in proc.stderr.decode()


# --- messages -----------------------------------------------------------------------------


URIS = {
    "bolt://neo4j:te/stp#ass@127.0.0.1:1": ("te/stp#ass", "stp#ass", "neo4j:te"),
    "bolt:/neo4j:pw@127.0.0.1:1": ("neo4j:pw", ":pw@"),
    "neo4j://127.0.0.1:1?auth=pw": ("auth=pw",),
    "neo4j://neo4j:se?krit@127.0.0.1:1": ("se?krit", "krit@"),
}


@pytest.mark.parametrize("uri", URIS)
def test_no_uri_shape_shows_its_password(uri):
    assert not any(secret in neo4j_store.safe_uri(uri) for secret in URIS[uri])
    env = {"QANTAR_BACKEND": "neo4j", "NEO4J_URI": uri, "NEO4J_PASSWORD": "Env-Secret-77",
           "QANTAR_NEO4J_RETRY_SECONDS": "0"}
    for command in (["stats"], ["doctor", "-f", "json"], ["load", str(SEED_FILES[0])]):
        proc = run_process(env, *command, timeout=60)
        shown = (proc.stdout + proc.stderr).decode()
        assert proc.returncode == 3, shown
        assert "127.0.0.1:1" in shown  # the server is named...
        for secret in (*URIS[uri], "Env-Secret-77"):
            assert secret not in shown, (command, shown)  # ...without its secrets
        assert "Traceback" not in shown


def test_redact_removes_every_piece_a_driver_may_quote():
    uri = "neo4j://neo4j:se?krit@host:7687"
    message = f"Invalid parameters:'krit@host:7687=' in query string 'krit@host:7687' ({uri})"
    shown = neo4j_store.redact(message, uri)
    assert "krit" not in shown and "se?" not in shown


HOSTILE_TITLE = "Tokayev \x1b]0;owned\x07\x1b[2J\x1b[31mred\x9b31m \u202eevil"


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("hostile")
    article = folder / "escape.txt"
    article.write_text(f"{HOSTILE_TITLE}\n\n" + SEED_FILES[0].read_text(encoding="utf-8"),
                       encoding="utf-8")
    env = {"QANTAR_STORE": str(folder / "graph.lbug")}
    assert run(env, "load", str(article)).exit_code == 0
    return env


def on_a_terminal(env: dict, *args: str) -> bytes:
    """Run the CLI with stdout on a pseudo-terminal; what the terminal received."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([*CLI, *args], env={**os.environ, **env}, stdout=slave,
                            stderr=subprocess.PIPE)
    os.close(slave)
    received = b""
    while True:
        ready, _, _ = select.select([master], [], [], 60)
        if not ready:
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the other side closed
            break
        if not chunk:
            break
        received += chunk
    os.close(master)
    assert proc.wait(timeout=60) == 0, proc.stderr.read()
    return received


@pytest.mark.parametrize("fmt", ["table", "csv", "jsonl", "json"])
def test_control_characters_in_data_do_not_reach_the_terminal(hostile_store, fmt):
    query = "MATCH (a:Article) RETURN a.title AS title"
    shown = on_a_terminal(hostile_store, "cypher", query, "-f", fmt).decode("utf-8")
    assert "Tokayev" in shown
    for control in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert control not in shown, (fmt, shown)
    piped = run_process(hostile_store, "cypher", query, "-f", "csv")
    assert "\x1b]0;owned\x07" in piped.stdout.decode("utf-8")  # a program gets it whole


def test_the_table_escapes_control_characters_whatever_the_output(hostile_store):
    result = run(hostile_store, "cypher", "MATCH (a:Article) RETURN a.title AS title")
    assert "\x1b" not in result.stdout and "\\x1b]0;owned\\x07" in result.stdout


def test_the_kit_server_escapes_request_lines_and_survives_vanishing_clients(tmp_path,
                                                                             capfd):
    from qantar.queries import browser_kit as kit
    from qantar.queries import kit_server

    kit.build(tmp_path)
    server = kit_server.serve_in_background(tmp_path)
    port = server.server_address[1]
    try:
        for request in (b"GET /qantar-favorites.zip HTTP/1.1\r\nHost: x\r\n",
                        b"GET /qantar.md HTTP/1.1\r\n", b"GET /"):
            with socket.create_connection(("127.0.0.1", port)) as client:
                client.sendall(request)  # ...and go away without a word: a reset
                client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                  struct.pack("ii", 1, 0))
        with socket.create_connection(("127.0.0.1", port)) as client:
            client.sendall(b"GET /\x1b]0;owned\x07\x1b[2J HTTP/1.0\r\n\r\n")
            client.recv(65536)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/qantar.md", timeout=10) as r:
            assert r.status == 200  # still serving
    finally:
        server.shutdown()
        server.server_close()
    logged = capfd.readouterr().err
    assert "Traceback" not in logged and "Exception" not in logged, logged
    assert "\x1b" not in logged and "\x07" not in logged
    assert "\\x1b]0;owned\\x07" in logged


# --- the examples in the docstrings -------------------------------------------------------


@pytest.mark.parametrize("module", ["qantar.graph.stores.neo4j",
                                    "qantar.graph.stores.file_statements",
                                    "qantar.loaders.read", "qantar.cli.output"])
def test_docstring_examples_run(module):
    result = doctest.testmod(importlib.import_module(module))
    assert result.attempted and not result.failed
