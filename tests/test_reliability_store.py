"""The store under stress: a full disk, readers and a second load while a load runs, a
projection rebuild killed half-way, an article too large for the store's memory, a load
where nothing is good.

Every test drives the real `qantar` command in subprocesses against the embedded store.
Some loads run with smaller transactions (or the disk check off) than the defaults, by
setting the library's own knobs in the child process before `qantar` starts (see
``tests/knobs.py``): a small corpus then gives many commits, reopenings and checkpoints to land
between, and a full disk is met by the engine itself rather than by qantar's check.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from knobs import KNOBBED_CLI

from qantar.graph.stores import open_store

ROOT = Path(__file__).resolve().parent.parent
SEED_FILES = sorted((ROOT / "seeds").glob("0*.txt"))
ARTICLES = 60
CLI = [sys.executable, "-c", "from qantar.cli.main import main; main()"]


def write_corpus(folder: Path, count: int, start: int = 0) -> Path:
    """Distinct articles: the seeds, each copy with its own closing line."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(start, start + count):
        text = SEED_FILES[i % len(SEED_FILES)].read_text(encoding="utf-8")
        (folder / f"{i:04d}.txt").write_text(f"{text}\nCopy {i}: Tokayev, again.\n",
                                             encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus"), ARTICLES)


def env_for(store: Path, knobs: str = "", **extra) -> dict:
    env = dict(os.environ, QANTAR_BACKEND="embedded", QANTAR_STORE=str(store), **extra)
    env["QANTAR_TEST_KNOBS"] = knobs
    return env


def qantar(env: dict, *args: str, knobbed: bool = False, timeout: float = 600):
    argv = [*(KNOBBED_CLI if knobbed else CLI), *args]
    return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)


def export(env: dict, out: Path) -> bytes:
    proc = qantar(env, "export", "jsonl", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    return out.read_bytes()


def one_error_line(stderr: str) -> str:
    """The command's only line of complaint (progress lines aside), never a traceback
    or an engine's abort message."""
    assert "Traceback" not in stderr and "terminate called" not in stderr, stderr
    errors = [line for line in stderr.splitlines() if not line.startswith("loaded ")]
    assert len(errors) == 1 and errors[0].startswith("Error: "), stderr
    return errors[0]


def commits(stderr: str) -> int:
    found = re.findall(r"^loaded (\d+) article\(s\)$", stderr, re.M)
    return int(found[-1]) if found else 0


def statements_by_article(store) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for row in store.run("MATCH (s:Statement) RETURN s.article_id AS a, s.id AS id"):
        out.setdefault(row["a"], set()).add(row["id"])
    for row in store.run("MATCH (a:Article) RETURN a.id AS id"):
        out.setdefault(row["id"], set())
    return out


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory):
    """One clean load of the corpus: its export and its statements per article."""
    folder = tmp_path_factory.mktemp("clean")
    env = env_for(folder / "clean.lbug")
    proc = qantar(env, "load", str(corpus))
    assert proc.returncode == 0, proc.stderr
    with open_store("embedded", path=folder / "clean.lbug", read_only=True) as store:
        by_article = statements_by_article(store)
    return export(env, folder / "clean.jsonl"), by_article


# --------------------------------------------------------------------------- disk full


class SmallDisk(type(Path())):
    """A mounted tmpfs; ``grow(mb)`` gives it more room, as freeing space would."""

    def grow(self, mb: int) -> None:
        subprocess.run(["mount", "-o", f"remount,size={mb}m", str(self)], check=True)


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB tmpfs (mounting needs root)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {proc.stderr.strip()}")

    try:
        yield SmallDisk(mount)
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_load_that_cannot_fit_on_the_disk_is_refused_before_it_writes(corpus, small_disk):
    """Before: exit 134 (the engine aborted) and a WAL no later command could read."""
    store = small_disk / "g.lbug"
    proc = qantar(env_for(store), "load", str(corpus))
    assert proc.returncode == 1, proc.stderr
    line = one_error_line(proc.stderr)
    assert line.startswith(f"Error: {store}: not enough disk space: loading ")
    assert "MB is free" in line and proc.stdout == ""
    assert list(small_disk.iterdir()) == []  # nothing created


def _assert_whole(partial: dict, clean_by_article: dict, at_least: int) -> None:
    assert len(partial) >= at_least
    for article, ids in partial.items():
        assert ids == clean_by_article[article], f"{article}: half-written"


@pytest.mark.parametrize("per_transaction", [500, 2], ids=["in-the-log", "at-checkpoint"])
def test_disk_full_mid_load_keeps_what_was_committed(corpus, clean, small_disk, tmp_path,
                                                     per_transaction):
    """The disk fills while the engine writes (qantar's own check switched off, so the
    engine meets ENOSPC itself): one transaction of the whole corpus fills it while its
    log is written; transactions of two articles fill it at a checkpoint. Either way: one
    line, exit 1, every committed article kept whole, and once there is room a rerun of
    the same `qantar load` gives a clean load's graph.

    Before: "terminate called after throwing an instance of 'lbug::common::IOException'",
    exit 134, and "the WAL file is corrupted" from every later command."""
    clean_export, clean_by_article = clean
    store = small_disk / "g.lbug"
    env = env_for(store, f"per_transaction={per_transaction} no_space_check")
    proc = qantar(env, "load", str(corpus), knobbed=True)
    assert proc.returncode == 1, proc.stderr
    line = one_error_line(proc.stderr)
    assert f"{store}: writing failed" in line and "No space left on device" in line
    assert "run `qantar load` again" in line
    committed = commits(proc.stderr)

    # on the full disk, a reader opens the store or says in one line what to run
    read = qantar(env_for(store), "stats")
    if read.returncode:
        assert "run `qantar load` again" in one_error_line(read.stderr)

    small_disk.grow(64)
    with open_store("embedded", path=store) as opened:  # a writer finishes a checkpoint
        _assert_whole(statements_by_article(opened), clean_by_article, committed)
    assert qantar(env_for(store), "stats").returncode == 0
    export(env_for(store), tmp_path / "partial.jsonl")  # what was committed, readable
    proc = qantar(env_for(store), "load", str(corpus))
    assert proc.returncode == 0, proc.stderr
    assert export(env_for(store), tmp_path / "after.jsonl") == clean_export


def test_doctor_repair_sets_a_damaged_wal_aside_and_keeps_the_committed_file(
        corpus, clean, tmp_path):
    """A WAL whose last record is cut short (a torn write): LadybugDB refuses to open the
    store, even though that record belongs to a transaction that never committed;
    `doctor` names the repair, `doctor --repair` renames the log (nothing deleted), and
    a reload completes the graph."""
    clean_export, _ = clean
    store = tmp_path / "g.lbug"
    env = env_for(store)
    assert qantar(env, "load", *map(str, sorted(corpus.iterdir())[:10])).returncode == 0
    # a transaction under way, killed: its log is left behind
    probe = subprocess.Popen([*CLI, "load", str(corpus)], env=env, text=True,
                             stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        wal = store.with_name(store.name + ".wal")
        while (not wal.exists() or wal.stat().st_size < 200_000) and \
                time.monotonic() < deadline and probe.poll() is None:
            time.sleep(0.01)
        os.killpg(probe.pid, signal.SIGKILL)
        probe.wait(timeout=60)
    finally:
        probe.stderr.close()
    if not wal.exists():
        pytest.skip("the load ended before its log could be cut")
    with wal.open("r+b") as f:  # its last record cut short, as a full disk leaves it
        f.truncate(wal.stat().st_size - 3000)
    doctor = qantar(env, "doctor", "--format", "csv")
    # the engine's own words depend on where in a record the cut falls (a checksum that
    # fails, or another error from the torn record); qantar's diagnosis does not
    assert "its write-ahead log g.lbug.wal may be damaged (" in doctor.stdout, doctor.stdout
    assert "qantar doctor --repair" in doctor.stdout
    assert "Traceback" not in doctor.stderr

    repair = qantar(env, "doctor", "--repair", "--format", "csv")
    assert repair.returncode == 0, repair.stdout + repair.stderr
    kept = list(tmp_path.glob("g.lbug.wal.damaged-*"))
    assert len(kept) == 1 and kept[0].stat().st_size > 0, repair.stdout
    assert kept[0].name in repair.stdout
    with open_store("embedded", path=store, read_only=True) as opened:
        assert len(statements_by_article(opened)) >= 10
    assert qantar(env, "load", str(corpus)).returncode == 0
    assert export(env, tmp_path / "after.jsonl") == clean_export


# --------------------------------------------------------------------------- concurrency


class Background:
    """A `qantar load` with tiny transactions (one article each, the database reopened
    every two), read line by line; ended with its session after the test."""

    def __init__(self, env: dict, *args: str):
        self.proc = subprocess.Popen([*KNOBBED_CLI, "load", *args], env=env, text=True,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, start_new_session=True)

    def wait_for_commit(self, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        for line in self.proc.stderr:
            if line.startswith("loaded "):
                return
            assert time.monotonic() < deadline
        raise AssertionError("the load ended before its first commit")

    def running(self) -> bool:
        return self.proc.poll() is None

    def finish(self) -> tuple[int, str]:
        out, err = self.proc.communicate(timeout=600)
        return self.proc.returncode, err

    def end(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=60)


@pytest.fixture
def background():
    started: list[Background] = []

    def start(env: dict, *args: str) -> Background:
        started.append(Background(env, *args))
        return started[-1]

    yield start
    for run in started:
        run.end()


def test_readers_during_a_load_see_the_graph_before_or_after_it(tmp_path, background):
    """Exports in a loop while a load runs (tiny transactions, many reopenings): each one
    either equals a committed state or says "a load is running" in one line, exit 1.

    Before: exports exited 0 with edges missing, or failed with "the WAL file is
    corrupted"."""
    first = write_corpus(tmp_path / "first", 10)
    second = write_corpus(tmp_path / "second", 30, start=10)
    both = tmp_path / "both.lbug"
    assert qantar(env_for(both), "load", str(first)).returncode == 0
    before = export(env_for(both), tmp_path / "before.jsonl")
    assert qantar(env_for(both), "load", str(second)).returncode == 0
    after = export(env_for(both), tmp_path / "after.jsonl")

    store = tmp_path / "g.lbug"
    assert qantar(env_for(store), "load", str(first)).returncode == 0
    load = background(env_for(store, "per_transaction=1 reopen_every=2"), str(second))
    load.wait_for_commit()
    seen = {"before": 0, "after": 0, "refused": 0}
    i = 0
    while load.running() or not i:
        i += 1
        out = tmp_path / f"read-{i}.jsonl"
        proc = qantar(env_for(store), "export", "jsonl", "-o", str(out))
        if proc.returncode == 0:
            data = out.read_bytes()
            assert data in (before, after), f"export {i} saw a state no load committed"
            seen["before" if data == before else "after"] += 1
        else:
            assert one_error_line(proc.stderr) == \
                f"Error: a load is running on {store}; try again when it ends"
            assert not out.exists()
            seen["refused"] += 1
    code, err = load.finish()
    assert code == 0, err
    assert seen["refused"] >= 2, seen  # the readers did meet the load
    assert export(env_for(store), tmp_path / "final.jsonl") == after


def test_a_second_load_during_a_load_is_refused_and_the_first_finishes(corpus, clean,
                                                                       tmp_path, background):
    """Second loads in a loop while the first reopens the database every two
    transactions: each is refused in one line; the first finishes whole.

    Before: a second load took the lock in a reopening gap and the first died with
    "Could not set lock on file"."""
    clean_export, _ = clean
    store = tmp_path / "g.lbug"
    env = env_for(store, "per_transaction=1 reopen_every=2")
    load = background(env, str(corpus))
    load.wait_for_commit()
    tries = 0
    while load.running():
        tries += 1
        proc = qantar(env_for(store), "load", str(corpus / "0000.txt"))
        if proc.returncode == 0:  # only once the first had ended
            assert not load.running(), proc.stderr
            break
        assert proc.returncode == 1, proc.stderr
        line = one_error_line(proc.stderr)
        assert line.startswith(f"Error: {store}: cannot open the embedded store: a load is "
                               "running on it"), line
    code, err = load.finish()
    assert code == 0, err
    assert tries >= 2
    assert export(env_for(store), tmp_path / "after.jsonl") == clean_export


# --------------------------------------------------------------------------- doctor


def _kill_in_the_rebuild(env: dict, corpus: Path, background) -> None:
    """`qantar load` killed (-9) inside the projection rebuild: it stalls there once
    the first projected type is deleted, so the kill lands mid-rebuild whatever the
    machine's speed."""
    load = background(dict(env, QANTAR_TEST_KNOBS="stall_in_rebuild"), str(corpus))
    assert any(line.strip() == "stalled in the rebuild" for line in load.proc.stderr), \
        "the load ended without rebuilding"
    load.end()


def _doctor_fails_then_repairs(env: dict, clean_export: bytes, tmp_path: Path) -> None:
    doctor = qantar(env, "doctor", "--format", "csv")
    assert doctor.returncode == 1 and doctor.stderr == "", doctor.stdout + doctor.stderr
    row = next(r for r in doctor.stdout.splitlines() if r.startswith("projection,"))
    assert row.startswith("projection,fail,") and "incomplete" in row, row
    assert "run `qantar doctor --repair` (or `qantar load` again)" in row

    repair = qantar(env, "doctor", "--repair", "--format", "csv")
    assert repair.returncode == 0, repair.stdout + repair.stderr
    assert "repair,ok,rebuilt the projection" in repair.stdout
    assert re.search(r"^projection,ok,\"\d+ projected edges, complete", repair.stdout, re.M)
    assert export(env, tmp_path / "after.jsonl") == clean_export


def test_doctor_fails_a_half_built_projection_and_repair_rebuilds_it(corpus, clean,
                                                                     tmp_path, background):
    """Before: `doctor` said "projection ok" with edges missing."""
    store = tmp_path / "g.lbug"
    _kill_in_the_rebuild(env_for(store), corpus, background)
    doctor = qantar(env_for(store), "doctor", "--format", "csv")
    if "a load was interrupted" in doctor.stdout:  # the kill fell on a checkpoint
        assert doctor.returncode == 1 and "run `qantar load` again" in doctor.stdout
        with open_store("embedded", path=store):
            pass  # what `qantar load` does first: the writer completes the checkpoint
    _doctor_fails_then_repairs(env_for(store), clean[0], tmp_path)


@pytest.mark.neo4j
def test_doctor_fails_a_half_built_projection_on_neo4j(corpus, tmp_path, background,
                                                       neo4j_db):
    env = dict(os.environ, QANTAR_BACKEND="neo4j", NEO4J_URI=neo4j_db.uri,
               NEO4J_USERNAME=neo4j_db.username, NEO4J_PASSWORD=neo4j_db.password,
               NEO4J_DATABASE=neo4j_db.database)
    from qantar.graph.stores.neo4j import Neo4jSettings, Neo4jStore
    Neo4jStore(Neo4jSettings(neo4j_db.uri, neo4j_db.username, neo4j_db.password,
                             neo4j_db.database)).close()  # the schema, no data, no marker
    fresh = qantar(env, "doctor", "--format", "csv")
    assert fresh.returncode == 0 and fresh.stderr == "", fresh.stdout + fresh.stderr
    assert "projection,ok,no statements yet" in fresh.stdout
    assert qantar(env, "load", str(corpus)).returncode == 0
    clean_export = export(env, tmp_path / "clean.jsonl")
    assert qantar(env, "doctor").returncode == 0
    _kill_in_the_rebuild(env, corpus, background)
    _doctor_fails_then_repairs(env, clean_export, tmp_path)


def test_doctor_fails_statements_loaded_after_the_projection(corpus, tmp_path):
    """A load killed after writing statements but before rebuilding leaves a projection
    that no longer matches them (here: the marker of a smaller store)."""
    store = tmp_path / "g.lbug"
    env = env_for(store)
    assert qantar(env, "load", *map(str, sorted(corpus.iterdir())[:5])).returncode == 0
    with open_store("embedded", path=store) as opened:
        marker = opened.projection_marker()
        assert marker["state"] == "complete"
        from qantar.loaders.pipeline import LoadReport, read_batches
        opened.write(read_batches([corpus], LoadReport(), workers=1))  # no rebuild
    doctor = qantar(env, "doctor", "--format", "csv")
    assert doctor.returncode == 1
    assert f"built from {marker['statements']} statements, the store now holds" in \
        doctor.stdout


def test_a_read_after_an_interrupted_checkpoint_says_to_load_again(corpus, small_disk):
    """A checkpoint cut off (here by a full disk, as a kill -9 in it would) leaves
    recovery pending: a read says in one line to rerun `qantar load`, which finishes it.

    Before: "Cannot open database in read-only mode while checkpoint recovery is
    pending ... reopen in read-write mode", no word of `qantar load`."""
    store = small_disk / "g.lbug"
    proc = qantar(env_for(store, "per_transaction=2 no_space_check"), "load", str(corpus),
                  knobbed=True)
    assert proc.returncode == 1
    read = qantar(env_for(store), "who", "Tokayev")
    assert read.returncode == 1
    assert one_error_line(read.stderr) == (
        f"Error: {store}: cannot open the embedded store: a load was interrupted before "
        "it finished writing (killed, or the disk was full); run `qantar load` again "
        "(the same articles) to complete it")
    small_disk.grow(64)
    assert qantar(env_for(store), "load", str(corpus)).returncode == 0
    assert qantar(env_for(store), "who", "Tokayev").returncode == 0


# --------------------------------------------------------------------------- bad loads


def test_an_article_too_large_for_the_store_memory_is_refused_and_the_others_load(
        tmp_path):
    """One article whose transaction overflows the buffer pool (a 3 MB article against
    the smallest pool, 64 MB, standing in for 9.9 MB on a machine with less memory).

    Before: "Unable to allocate memory! The buffer pool is full", no file named, and not
    one of the other articles loaded."""
    folder = tmp_path / "articles"
    folder.mkdir()
    bodies = [f.read_text(encoding="utf-8").split("---", 2)[2] for f in SEED_FILES]
    text = "\n\n".join(bodies)
    big = "---\ntitle: Everything, many times\ndate: 2022-01-10\n---\n" + \
        "\n\n".join([text] * (3_000_000 // len(text.encode()) + 1))
    (folder / "b_huge.txt").write_text(big, encoding="utf-8")
    for name, seed in (("a_first.txt", SEED_FILES[0]), ("c_last.txt", SEED_FILES[1])):
        shutil.copy(seed, folder / name)
    store = tmp_path / "g.lbug"
    proc = qantar(env_for(store, QANTAR_BUFFER_POOL_MB="64"), "load", str(folder))
    assert proc.returncode == 1, proc.stderr
    line = one_error_line(proc.stderr)
    assert line.startswith("Error: b_huge.txt: not loaded: ") and \
        "more than one transaction of this store holds (16384)" in line, line
    assert "Loaded 2 article(s)" in proc.stdout
    with open_store("embedded", path=store, read_only=True) as opened:
        titles = {r["t"] for r in opened.run("MATCH (a:Article) RETURN a.path AS t")}
    assert titles == {"a_first.txt", "c_last.txt"}


@pytest.mark.parametrize("strict", [False, True], ids=["default", "strict"])
def test_a_load_where_nothing_loads_creates_no_store(tmp_path, strict):
    """Before: an empty store file (with its lock and log) was left behind."""
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    store = tmp_path / "out" / "g.lbug"
    proc = qantar(env_for(store), "load", *(["--strict"] if strict else []), str(folder))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    assert not store.exists() and not list(store.parent.glob("g.lbug*"))
