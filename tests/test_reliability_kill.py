"""Failures lose nothing: SIGKILL in the middle of a load, a Neo4j server restarted under
a running load, and a server that crashes and stays down.

Each test runs `qantar load` in a subprocess, kills or disturbs it while it writes,
checks that the store holds whole articles only, reruns `qantar load`, and compares the
export byte for byte with one clean `qantar load` of the same corpus.

Where the disturbance lands is not left to timing: the load runs with the test knobs of
``tests/knobs.py``, small transactions (a small corpus then gives many commits) and a
stall at a known point, inside a write transaction whose first query has run, or inside
the projection rebuild. The test acts once the load says it stalled there, and lets it
go on (``QANTAR_TEST_RESUME``) when the disturbance should meet a running load.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from knobs import KNOBBED_CLI

from qantar.graph.stores import open_store
from qantar.graph.stores.neo4j import Neo4jSettings, Neo4jStore

ROOT = Path(__file__).resolve().parent.parent
SEED_FILES = sorted((ROOT / "seeds").glob("0*.txt"))
ARTICLES = 60
CLI = [sys.executable, "-c", "from qantar.cli.main import main; main()"]

@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Distinct articles: the seeds, each copy with its own closing line."""
    folder = tmp_path_factory.mktemp("corpus")
    for i in range(ARTICLES):
        text = SEED_FILES[i % len(SEED_FILES)].read_text(encoding="utf-8")
        (folder / f"{i:04d}.txt").write_text(f"{text}\nCopy {i}: Tokayev, again.\n",
                                             encoding="utf-8")
    return folder


class Run:
    """A subprocess read line by line from stderr, so it can be killed on cue.

    It runs in a session of its own: after the test, anything it left behind (worker
    processes orphaned by SIGKILL) is ended with the session, never by name.
    """

    def __init__(self, env: dict, argv: list[str]):
        self.proc = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, start_new_session=True)
        self.lines: list[str] = []
        RUNS.append(self)

    @classmethod
    def load(cls, env: dict, corpus: Path, knobs: str = "") -> "Run":
        """`qantar load`, with the test knobs of tests/knobs.py when given."""
        if not knobs:
            return cls(env, [*CLI, "load", str(corpus)])
        return cls(dict(env, QANTAR_TEST_KNOBS=knobs), [*KNOBBED_CLI, "load", str(corpus)])

    def wait_for(self, text: str, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        for line in self.proc.stderr:
            self.lines.append(line)
            if text in line:
                return
            assert time.monotonic() < deadline, f"no {text!r} in time: {self.lines}"
        raise AssertionError(f"ended before {text!r}: {''.join(self.lines)}")

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)  # the process itself, as the OOM killer would
        self.proc.wait(timeout=60)
        assert self.proc.returncode == -signal.SIGKILL

    def finish(self, timeout: float = 600) -> tuple[int, str, str]:
        out, err = self.proc.communicate(timeout=timeout)
        return self.proc.returncode, out, "".join(self.lines) + err

    def end_session(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        if self.proc.poll() is None:
            self.proc.wait(timeout=30)


RUNS: list[Run] = []


@pytest.fixture(autouse=True)
def _end_sessions():
    yield
    while RUNS:
        RUNS.pop().end_session()


def commits(stderr: str) -> list[int]:
    """Article counts at each commit, from the progress lines ("loaded N article(s)")."""
    return [int(n) for n in re.findall(r"^loaded (\d+) article\(s\)$", stderr, re.M)]


def env_for(backend: str, store: Path | None = None, server=None, **extra) -> dict:
    env = dict(os.environ, QANTAR_BACKEND=backend, **extra)
    if store is not None:
        env["QANTAR_STORE"] = str(store)
    if server is not None:
        env.update(NEO4J_URI=server.uri, NEO4J_USERNAME=server.username,
                   NEO4J_PASSWORD=server.password, NEO4J_DATABASE=server.database)
    return env


def export(env: dict, out: Path) -> bytes:
    proc = subprocess.run([*CLI, "export", "jsonl", "-o", str(out)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return out.read_bytes()


def statements_by_article(store) -> dict[str, set[str]]:
    by_article: dict[str, set[str]] = {}
    for row in store.run("MATCH (s:Statement) RETURN s.article_id AS a, s.id AS id"):
        by_article.setdefault(row["a"], set()).add(row["id"])
    articles = {r["id"] for r in store.run("MATCH (a:Article) RETURN a.id AS id")}
    for article in articles:  # an article node without its statements would show here
        by_article.setdefault(article, set())
    return by_article


def assert_whole_articles(partial: dict[str, set[str]], clean: dict[str, set[str]],
                          per_transaction: int) -> None:
    """Every article present is complete (its statements are exactly the clean load's),
    and their number is one at which a transaction commits."""
    assert 0 < len(partial) < len(clean), "the kill did not land in the middle of the load"
    assert len(partial) % per_transaction == 0, (len(partial), per_transaction)
    for article, ids in partial.items():
        assert ids == clean[article], f"{article}: half-written"


def kill_rerun_compare(env: dict, corpus: Path, tmp_path: Path, clean_export: bytes,
                       clean: dict[str, set[str]], open_partial) -> None:
    # 1. killed inside the third transaction, its first query run: two commits kept
    run = Run.load(env, corpus, "per_transaction=4 stall_in_transaction=3")
    run.wait_for("stalled in a transaction")
    run.kill()
    assert commits("".join(run.lines)) == [4, 8]
    with open_partial() as store:
        partial = statements_by_article(store)
    assert_whole_articles(partial, clean, 4)
    assert len(partial) == 8

    # 2. `qantar load` killed inside the projection rebuild, after its last commit: the
    #    rebuild commits in chunks, so this leaves a partly rebuilt projection
    run = Run.load(env, corpus, "stall_in_rebuild")
    run.wait_for("stalled in the rebuild")
    run.kill()

    # 3. the rerun finishes (its rebuild starts over): the clean load's graph, byte for byte
    code, out, err = Run.load(env, corpus).finish()
    assert code == 0, err
    assert "Traceback" not in err and f"Loaded {ARTICLES} article(s)" in out
    assert export(env, tmp_path / "after.jsonl") == clean_export


def test_sigkill_mid_load_then_rerun_equals_a_clean_load_embedded(corpus, tmp_path):
    clean_env = env_for("embedded", tmp_path / "clean.lbug")
    code, _, err = Run.load(clean_env, corpus).finish()
    assert code == 0, err
    clean_export = export(clean_env, tmp_path / "clean.jsonl")
    with open_store("embedded", path=tmp_path / "clean.lbug", read_only=True) as store:
        clean = statements_by_article(store)
    assert len(clean) == ARTICLES

    store_path = tmp_path / "killed.lbug"
    kill_rerun_compare(env_for("embedded", store_path), corpus, tmp_path, clean_export, clean,
                       lambda: open_store("embedded", path=store_path, read_only=True))


def _settings(server) -> Neo4jSettings:
    return Neo4jSettings(uri=server.uri, username=server.username, password=server.password,
                         database=server.database)


def _clean_neo4j(server, corpus: Path, tmp_path: Path):
    """A clean `qantar load` into the (wiped) server: its export and statements; the
    server is wiped again afterwards."""
    env = env_for("neo4j", server=server)
    code, _, err = Run.load(env, corpus).finish()
    assert code == 0, err
    clean_export = export(env, tmp_path / "clean.jsonl")
    with Neo4jStore(_settings(server)) as store:
        clean = statements_by_article(store)
        store.run("MATCH (n) DETACH DELETE n", write=True)
    assert len(clean) == ARTICLES
    return env, clean_export, clean


def test_sigkill_mid_load_then_rerun_equals_a_clean_load_neo4j(corpus, tmp_path, neo4j_db):
    env, clean_export, clean = _clean_neo4j(neo4j_db, corpus, tmp_path)
    kill_rerun_compare(env, corpus, tmp_path, clean_export, clean,
                       lambda: Neo4jStore(_settings(neo4j_db), create_schema=False))


def test_sigkill_leaves_no_worker_processes_behind(tmp_path):
    """`qantar load` extracts on worker processes for a large corpus; killing the load
    must not leave them running (nobody would ever reap them)."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(400):
        (folder / f"{i:04d}.txt").write_text(f"Report {i}: Tokayev and Nazarbayev.\n" * 40,
                                             encoding="utf-8")
    run = Run.load(env_for("embedded", tmp_path / "g.lbug"), folder, "stall_in_transaction=1")
    run.wait_for("stalled in a transaction")  # the workers gave the first batches
    children = _descendants(run.proc.pid)
    assert children, "the load extracted on no worker process"
    run.kill()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.2)
    left = [pid for pid in children if _alive(pid)]
    assert not left, f"orphaned after SIGKILL: {len(left)} worker process(es)"


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                kids = [int(k) for k in (task / "children").read_text().split()]
            except OSError:
                continue
            found += kids
            todo += kids
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


# --------------------------------------------------------------------------- server restarts


@pytest.fixture
def own_server(tmp_path, neo4j_server):
    """A second local Neo4j on a data folder of its own, free to be stopped and restarted.

    Needs Java 17 + Maven (a Docker or NEO4J_URI server cannot be restarted from here).
    """
    from qantar import neo4j_local

    if neo4j_local.tools_missing():
        pytest.skip("restart tests need Java 17 + Maven for a server of their own")
    state = {"password": "restart-test-pass", "data": tmp_path / "neo4j-data"}
    server = neo4j_local.start(password=state["password"], data_dir=state["data"], timeout=300)
    state["server"] = server

    def restart(kill: bool = False, start_again: bool = True):
        old = state["server"]
        bolt = int(old.uri.rsplit(":", 1)[1])
        http = int(old.http_url.rsplit(":", 1)[1])
        if kill:  # a crash: no clean shutdown, the server recovers from its log
            os.kill(old.pid, signal.SIGKILL)
            old._proc.wait(timeout=60)
        old.stop()
        if start_again:
            state["server"] = neo4j_local.start(bolt_port=bolt, http_port=http,
                                                password=state["password"],
                                                data_dir=state["data"], timeout=300)
        return state["server"]

    state["restart"] = restart
    yield state
    state["server"].stop()


def _no_duplicates(server) -> None:
    with Neo4jStore(_settings(server), create_schema=False) as store:
        rows = store.run("MATCH (n) WITH n.id AS id, count(*) AS c WHERE c > 1 "
                         "RETURN count(*) AS dupes")
    assert rows == [{"dupes": 0}]


def test_neo4j_restarted_under_a_running_load_finishes_it(corpus, tmp_path, own_server):
    """The server stops and comes back while a load runs: transient errors are retried
    with backoff, the load finishes, and the graph is a clean load's."""
    server = own_server["server"]
    resume = tmp_path / "resume"
    env = env_for("neo4j", server=server, QANTAR_NEO4J_RETRY_SECONDS="240",
                  QANTAR_TEST_RESUME=str(resume))
    run = Run.load(env, corpus, "per_transaction=1 stall_in_transaction=3")
    run.wait_for("stalled in a transaction")  # two commits, the third under way
    own_server["restart"](start_again=False)
    resume.touch()  # the load goes on against a server that is down, and retries
    started = time.monotonic()
    own_server["restart"]()
    code, out, err = run.finish()
    assert code == 0, err
    assert time.monotonic() - started > 5  # it really waited for the server
    # every article committed once, in order: the retried transaction was not doubled
    assert commits(err) == list(range(1, ARTICLES + 1))
    assert f"Loaded {ARTICLES} article(s)" in out and "Traceback" not in err
    after = export(env, tmp_path / "after.jsonl")
    _no_duplicates(server)

    _env, clean_export, _clean = _clean_neo4j(server, corpus, tmp_path)
    assert after == clean_export


def test_neo4j_crash_that_outlasts_the_retries_is_exit_3_and_a_rerun_repairs(
        corpus, tmp_path, own_server):
    """The server is killed mid-load and stays down past the retry window: `qantar load`
    says so in one line with exit 3; once the server is back (recovered from its own
    log), what survived is whole articles, and a rerun gives a clean load's graph."""
    server = own_server["server"]
    resume = tmp_path / "resume"
    env = env_for("neo4j", server=server, QANTAR_NEO4J_RETRY_SECONDS="3")
    run = Run.load(dict(env, QANTAR_TEST_RESUME=str(resume)), corpus,
                   "per_transaction=1 stall_in_transaction=3")
    run.wait_for("stalled in a transaction")  # two commits, the third under way
    own_server["restart"](kill=True, start_again=False)
    resume.touch()
    code, out, err = run.finish()
    assert code == 3 and "Loaded" not in out, err

    # the command itself, against the server that is down
    code, out, err = Run.load(env, corpus).finish()
    assert code == 3, err
    errors = [line for line in err.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and errors[0].startswith(f"Error: Neo4j at {server.uri}: ")
    assert "Traceback" not in err and out == ""

    server = own_server["restart"]()  # not running: start it again on the same data
    with Neo4jStore(_settings(server), create_schema=False) as store:
        partial = statements_by_article(store)
    assert len(partial) == 2  # the two commits before the crash, not the third
    code, out, err = Run.load(env, corpus).finish()
    assert code == 0, err
    after = export(env, tmp_path / "after.jsonl")
    _no_duplicates(server)
    _env, clean_export, clean = _clean_neo4j(server, corpus, tmp_path)
    assert after == clean_export
    for article, ids in partial.items():  # what survived the crash was whole articles
        assert ids == clean[article]


# --------------------------------------------------------------------------- Ctrl-C, lock


def test_ctrl_c_during_a_load_exits_130_and_a_rerun_repairs(corpus, tmp_path):
    clean_env = env_for("embedded", tmp_path / "clean.lbug")
    assert Run.load(clean_env, corpus).finish()[0] == 0
    clean_export = export(clean_env, tmp_path / "clean.jsonl")

    with open_store("embedded", path=tmp_path / "clean.lbug", read_only=True) as store:
        clean = statements_by_article(store)

    store_path = tmp_path / "g.lbug"
    env = env_for("embedded", store_path)
    run = Run.load(env, corpus, "per_transaction=4 stall_in_transaction=3")
    run.wait_for("stalled in a transaction")
    run.proc.send_signal(signal.SIGINT)
    code, _out, err = run.finish()
    assert code == 130, err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith("Interrupted: ")
    with open_store("embedded", path=store_path, read_only=True) as store:
        partial = statements_by_article(store)
    assert len(partial) == 8
    for article, ids in partial.items():  # the third transaction rolled back
        assert ids == clean[article]
    assert Run.load(env, corpus).finish()[0] == 0
    assert export(env, tmp_path / "after.jsonl") == clean_export


def test_a_store_in_use_by_another_process_is_one_line_exit_1(tmp_path):
    store = tmp_path / "g.lbug"
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time\nfrom qantar.graph.stores import open_store\n"
         f"s = open_store('embedded', path={str(store)!r})\nprint('open', flush=True)\n"
         "time.sleep(120)"], stdout=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        proc = subprocess.run([*CLI, "load", str(SEED_FILES[0])],
                              env=env_for("embedded", store), capture_output=True, text=True,
                              timeout=120)
    finally:
        holder.kill()
        holder.wait(timeout=30)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {store}: cannot open the embedded "
                                                   "store: "), proc.stderr
    assert "lock" in lines[0].lower()
