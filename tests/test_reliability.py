"""Bad input through `qantar load`: a one-line error naming file (and line), exit code 1,
and a store exactly as before -- on the embedded store and on a real Neo4j.

Also: a directory of 1,000 files with one bad one (default and --strict), unreachable or
misconfigured Neo4j (exit 3, one line, no traceback), and determinism (twice, any
order, either store: the same export, byte for byte).
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from qantar.cli.main import cli
from qantar.graph import schema as schema_mod
from qantar.graph.stores import open_store
from qantar.loaders.pipeline import read_batches, LoadReport

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("0*.txt"))
DEV = ROOT / "tests" / "corpus" / "dev"


class Target:
    """One store as the CLI sees it: `qantar --backend B [--store S] ...` with env."""

    def __init__(self, backend: str, tmp_path: Path, neo4j=None):
        self.backend = backend
        self.tmp = tmp_path
        self.env = {"QANTAR_BACKEND": backend, "QANTAR_STORE": str(tmp_path / "graph.lbug")}
        if neo4j is not None:
            self.env.update(NEO4J_URI=neo4j.uri, NEO4J_USERNAME=neo4j.username,
                            NEO4J_PASSWORD=neo4j.password, NEO4J_DATABASE=neo4j.database)
        self.exports = 0

    def cli(self, *args: str):
        return CliRunner().invoke(cli, list(args), env=self.env, catch_exceptions=False)

    def export(self) -> bytes:
        """The whole graph as `qantar export jsonl` writes it."""
        self.exports += 1
        out = self.tmp / f"export-{self.exports}.jsonl"
        result = self.cli("export", "jsonl", "-o", str(out))
        assert result.exit_code == 0, result.stderr
        return out.read_bytes()


def neo4j_target(tmp_path, neo4j_db):
    return Target("neo4j", tmp_path, neo4j_db)


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def target(request, tmp_path) -> Target:
    if request.param == "neo4j":
        return neo4j_target(tmp_path, request.getfixturevalue("neo4j_db"))
    return Target("embedded", tmp_path)


@pytest.fixture
def loaded(target) -> Target:
    """A store holding a seed article (any non-empty graph shows what a bad load changes)."""
    result = target.cli("load", str(SEED_FILES[0]))
    assert result.exit_code == 0, result.stderr
    return target


def errors_of(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("Error:")]


def assert_one_line_error(result, path: Path, message: str, line: int | None):
    assert "Traceback" not in result.stderr + result.stdout
    errors = errors_of(result)
    assert len(errors) == 1, result.stderr
    where = f"{path}:{line}: " if line else f"{path}: "
    assert errors[0].startswith(f"Error: {where}"), errors[0]
    assert message in errors[0], errors[0]


# --------------------------------------------------------------------------- the matrix

FM = "---\ntitle: A title\npublisher: Outlet\n{extra}---\nTokayev spoke in Almaty.\n"

# (name, file name, content or a function of the path, message, line)
BAD_INPUTS = [
    ("empty", "a.txt", b"", "empty article", None),
    ("whitespace only", "a.txt", b"  \n\t\n", "empty article", None),
    ("binary", "a.txt", bytes(range(256)) * 8, "binary file", None),
    ("png renamed", "a.md", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64,
     "binary file", None),
    ("utf-16 without BOM", "a.txt", "Tokayev spoke in Almaty.\n".encode("utf-16-le"),
     "UTF-16 without a byte-order mark", None),
    ("windows-1251", "a.txt", "Tokayev\nТокаев заявил, что Назарбаев ушёл.\n".encode("cp1251"),
     "single-byte Cyrillic", 2),
    ("koi8-r", "a.txt", "Токаев заявил, что Назарбаев ушёл.\n".encode("koi8-r"),
     "single-byte Cyrillic", 1),
    ("damaged utf-8", "a.txt", "Токаев said\nin Almaty\n".encode() + b"caf\xe9 \xff\n",
     "invalid UTF-8", 3),
    ("50 MB", "a.txt", lambda p: _sparse(p, 50 * 1024 * 1024), "too large", None),
    ("html page", "a.txt", b"<!DOCTYPE html>\n<html><body><p>Tokayev</p></body></html>",
     "HTML page", 1),
    ("html saved from a browser", "a.md",
     b"<!-- saved from url=(0031)https://example.org/news -->\n<html lang=en><body>x</body>",
     "HTML page", 1),
    ("html fragment", "a.txt", b"<div class='article'><p>Tokayev spoke.</p></div>\n",
     "HTML page", 1),
    ("front matter never closed", "a.txt", b"---\ntitle: x\nTokayev spoke.\n",
     "never closed", 1),
    ("front matter YAML error", "a.txt", FM.format(extra="date: [2022\n").encode(),
     "front matter", 5),
    ("front matter unknown key", "a.txt", FM.format(extra="tags: Someone\n").encode(),
     "unknown key 'tags'", 4),
    ("front matter not a mapping", "a.txt", b"---\n- a\n- b\n---\nTokayev spoke.\n",
     "key: value", 2),
    ("front matter value not text", "a.txt", FM.format(extra="url: [a, b]\n").encode(),
     "url must be text", 4),
    ("31 February", "a.txt", FM.format(extra="date: 2022-02-31\n").encode(), "not a valid", 4),
    ("31 February in words", "a.txt", FM.format(extra="date: 31 February 2022\n").encode(),
     "not a valid", 4),
    ("the 1990s", "a.txt", FM.format(extra="date: the 1990s\n").encode(), "not a valid", 4),
    ("month 13", "a.txt", FM.format(extra="date: 2022-13\n").encode(), "not a valid", 4),
    ("front matter without body", "a.txt", b"---\ntitle: x\n---\n\n", "no text after", 4),
    ("not an article suffix", "a.pdf", b"%PDF-1.7\n", "not an article file", None),
    ("hostile file name", "a\x1b[2J\nb.txt", b"", "empty article", None),
]


def _sparse(path: Path, size: int) -> None:
    with open(path, "wb") as out:
        out.truncate(size)


@pytest.mark.parametrize("name, filename, content, message, line", BAD_INPUTS,
                         ids=[case[0] for case in BAD_INPUTS])
def test_bad_input_is_one_clear_error_and_the_store_is_unchanged(
        loaded, tmp_path, name, filename, content, message, line):
    before = loaded.export()
    path = tmp_path / "in" / filename
    path.parent.mkdir()
    content(path) if callable(content) else path.write_bytes(content)

    result = loaded.cli("load", str(path))

    assert result.exit_code == 1
    shown = str(path).replace("\x1b", "\\x1b").replace("\n", "\\n")
    assert_one_line_error(result, Path(shown), message, line)
    assert loaded.export() == before


@pytest.mark.parametrize("what", ["missing file", "missing folder", "empty folder"])
def test_a_path_that_does_not_exist_fails_before_the_store_is_touched(tmp_path, what):
    target = Target("embedded", tmp_path)
    path = {"missing file": tmp_path / "nope.txt", "missing folder": tmp_path / "nope",
            "empty folder": tmp_path / "empty"}[what]
    if what == "empty folder":
        path.mkdir()
        (path / "notes.pdf").write_bytes(b"%PDF")
    result = target.cli("load", str(SEED_FILES[0]), str(path))
    assert result.exit_code == 1
    message = "no article files" if what == "empty folder" else "no such file or directory"
    assert_one_line_error(result, path, message, None)
    assert not (tmp_path / "graph.lbug").exists()  # nothing was created, let alone loaded


DECODABLE = [
    ("latin-1", "Tokayev met the envoy at the café in Zürich.\n".encode("latin-1"),
     "a.txt:1: not UTF-8; decoded as Windows-1252/Latin-1"),
    ("windows-1252 quotes", "Tokayev said \u201cenough\u201d.\n".encode("cp1252"),
     "a.txt:1: not UTF-8; decoded as Windows-1252/Latin-1"),
    ("utf-16 with BOM", "Tokayev spoke in Алматы.\n".encode("utf-16"),
     "a.txt: decoded as UTF-16"),
    ("utf-8 with BOM", "\ufeffTokayev spoke in Алматы.\n".encode("utf-8"), None),
    ("CRLF line ends", b"---\r\ntitle: T\r\n---\r\nTokayev spoke.\r\n", None),
]


@pytest.mark.parametrize("name, content, warning", DECODABLE, ids=[c[0] for c in DECODABLE])
def test_decodable_text_is_loaded_with_a_warning(target, tmp_path, name, content, warning):
    path = tmp_path / "a.txt"
    path.write_bytes(content)
    result = target.cli("load", str(path))
    assert result.exit_code == 0, result.stderr
    warnings = [ln for ln in result.stderr.splitlines() if ln.startswith("Warning:")]
    if warning:
        assert len(warnings) == 1 and warnings[0].startswith(f"Warning: {tmp_path / warning}")
    else:
        assert warnings == []
    assert "Loaded 1 article(s)" in result.stdout
    # what was decoded is what is stored: the Tokayev mention's quote is in the body
    store_rows = target.cli("export", "jsonl", "-o", str(tmp_path / "x.jsonl"))
    assert store_rows.exit_code == 0
    assert '"quote": "Tokayev"' in (tmp_path / "x.jsonl").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- 1,000 files


def _thousand(folder: Path, bad_index: int) -> Path:
    folder.mkdir()
    names = ["Tokayev", "Nazarbayev", "Massimov", "Samat Abish", "the KNB", "the CSTO"]
    for i in range(1000):
        who = names[i % len(names)]
        (folder / f"{i:04d}.txt").write_text(
            f"---\ntitle: Report {i}\ndate: 2022-01-{i % 28 + 1:02d}\n---\n"
            f"Report {i}: {who} was mentioned alongside {names[(i + 1) % len(names)]}.\n",
            encoding="utf-8")
    bad = folder / f"{bad_index:04d}.txt"
    bad.write_text("---\ntitle: Broken\ndate: 2022-02-30\n---\nTokayev.\n", encoding="utf-8")
    return bad


def _article_count(target: Target) -> int:
    rows = [json.loads(line) for line in target.export().decode().splitlines()]
    return sum(1 for row in rows if row["type"] == "node" and row["labels"] == ["Article"])


def test_a_thousand_files_with_one_bad_one_load_the_good_ones(target, tmp_path):
    bad = _thousand(tmp_path / "corpus", bad_index=617)
    result = target.cli("load", str(tmp_path / "corpus"))
    assert result.exit_code == 1
    assert_one_line_error(result, bad, "date '2022-02-30' is not a valid", 3)
    assert "Loaded 999 article(s)" in result.stdout
    assert "1 file(s) skipped with errors" in result.stdout
    assert _article_count(target) == 999


def test_a_thousand_files_with_one_bad_one_and_strict_load_none(loaded, tmp_path):
    before = loaded.export()
    bad = _thousand(tmp_path / "corpus", bad_index=999)
    result = loaded.cli("load", "--strict", str(tmp_path / "corpus"))
    assert result.exit_code == 1
    assert_one_line_error(result, bad, "is not a valid", 3)
    assert "Nothing loaded (--strict): 1 of 1000 file(s) had errors." in result.stderr
    assert loaded.export() == before


# --------------------------------------------------------------------------- Neo4j failures


def test_neo4j_down_is_exit_3_in_one_line(tmp_path):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    target = Target("neo4j", tmp_path)
    target.env.update(NEO4J_URI=f"bolt://127.0.0.1:{port}", NEO4J_PASSWORD="not-the-point")
    result = target.cli("load", str(SEEDS))
    assert result.exit_code == 3
    assert result.stderr.startswith(f"Error: Neo4j at bolt://127.0.0.1:{port}: cannot connect")
    assert len(result.stderr.strip().splitlines()) == 1
    assert result.stdout == ""


@pytest.mark.parametrize("setting, value, message", [
    ("NEO4J_PASSWORD", "wrong-password-123", "authentication failed for user 'neo4j'"),
    ("NEO4J_USERNAME", "nobody", "authentication failed for user 'nobody'"),
    ("NEO4J_DATABASE", "nosuchdb", "database 'nosuchdb' does not exist"),
    ("NEO4J_URI", "http://127.0.0.1:7474", "not a Bolt URI"),
])
def test_neo4j_misconfigured_is_exit_3_in_one_line_and_nothing_written(
        tmp_path, neo4j_db, setting, value, message):
    good = neo4j_target(tmp_path, neo4j_db)
    assert good.cli("load", str(SEED_FILES[0])).exit_code == 0
    before = good.export()
    bad = neo4j_target(tmp_path, neo4j_db)
    bad.env[setting] = value
    result = bad.cli("load", str(SEEDS))
    assert result.exit_code == 3, result.stderr
    assert result.stderr.startswith("Error: Neo4j at ")
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert good.export() == before


# --------------------------------------------------------------------------- determinism


def corpus() -> list[Path]:
    """The seeds and the development corpus."""
    return SEED_FILES + sorted(DEV.glob("*.md"))


def test_loading_twice_gives_the_same_bytes(target):
    assert target.cli("load", *map(str, corpus())).exit_code == 0
    first = target.export()
    assert target.cli("load", *map(str, corpus())).exit_code == 0
    assert target.export() == first


def test_any_file_order_and_any_grouping_gives_the_same_bytes(target, tmp_path):
    """Articles loaded one command at a time, in two different orders, into two fresh
    stores: exports are identical byte for byte (and equal to one load of all)."""
    files = corpus()
    shuffled = files[:]
    random.Random(7).shuffle(shuffled)
    exports = []
    for order in (files, shuffled[::-1], shuffled):
        _wipe(target)
        for path in order:
            result = target.cli("load", str(path))
            assert result.exit_code == 0, result.stderr
        exports.append(target.export())
    _wipe(target)
    assert target.cli("load", *map(str, shuffled)).exit_code == 0
    exports.append(target.export())
    assert exports[0].count(b'"type": "node"') > 50
    assert all(e == exports[0] for e in exports[1:])


def test_batches_written_in_any_order_and_grouping_give_the_same_graph(tmp_path):
    """At the library level too: per_transaction 1 vs 25, reversed, same export."""
    from qantar.graph.exports import jsonl

    def graph(batches, per_transaction, name):
        with open_store("embedded", path=tmp_path / name) as store:
            store.write(batches, per_transaction=per_transaction)
            store.rebuild_projection()
            return list(jsonl.lines(store.to_networkx()))

    batches = list(read_batches(corpus(), LoadReport()))
    assert graph(batches, 25, "a.lbug") == graph(batches[::-1], 1, "b.lbug")


@pytest.mark.neo4j
def test_both_stores_export_the_same_bytes(tmp_path, neo4j_db):
    neo = neo4j_target(tmp_path / "n", neo4j_db)
    emb = Target("embedded", tmp_path / "e")
    for t in (neo, emb):
        t.tmp.mkdir()
        assert t.cli("load", *map(str, corpus())).exit_code == 0
    assert neo.export() == emb.export()


def test_a_crash_between_writing_and_projecting_is_repaired_by_rerunning(tmp_path):
    """The state a kill leaves after the last article commit and before the projection
    is rebuilt -- written by the library itself -- is repaired by rerunning the load."""
    clean = Target("embedded", tmp_path / "clean")
    crashed = Target("embedded", tmp_path / "crashed")
    for t in (clean, crashed):
        t.tmp.mkdir()
    assert clean.cli("load", *map(str, corpus())).exit_code == 0
    with open_store("embedded", path=crashed.env["QANTAR_STORE"]) as store:
        store.write(read_batches(corpus(), LoadReport()))  # and no rebuild_projection()
    assert crashed.export() != clean.export()  # the crash left something to repair
    assert crashed.cli("load", *map(str, corpus())).exit_code == 0
    assert crashed.export() == clean.export()


def _wipe(target: Target) -> None:
    if target.backend == "embedded":
        store = Path(target.env["QANTAR_STORE"])
        for p in store.parent.glob(store.name + "*"):
            p.unlink()
        return
    import neo4j

    env = target.env
    with neo4j.GraphDatabase.driver(env["NEO4J_URI"], auth=(env["NEO4J_USERNAME"],
                                                          env["NEO4J_PASSWORD"])) as drv:
        drv.execute_query("MATCH (n) DETACH DELETE n", database_=env["NEO4J_DATABASE"])


def test_a_store_whose_creation_was_interrupted_says_so_and_a_load_finishes_it(tmp_path):
    """Tables are created in one transaction now; a file left by an older interrupted
    creation (some tables only) gets a clear message from read commands."""
    import ladybug

    from qantar.graph.schema import ladybug_ddl

    target = Target("embedded", tmp_path)
    db = ladybug.Database(target.env["QANTAR_STORE"])
    conn = ladybug.Connection(db)
    for statement in ladybug_ddl()[:2]:  # as if killed after the second table
        conn.execute(statement)
    conn.close()
    db.close()
    result = target.cli("export", "jsonl", "-o", str(tmp_path / "x.jsonl"))
    assert result.exit_code == 1
    assert result.stderr.strip() == (f"Error: {target.env['QANTAR_STORE']}: the store is "
                                     "incomplete (its creation was interrupted); run "
                                     "`qantar load` to finish it")
    assert target.cli("load", str(SEED_FILES[0])).exit_code == 0
    assert b'"labels": ["Article"]' in target.export()


def test_a_store_from_an_earlier_version_says_so_and_doctor_repair_updates_it(tmp_path):
    """A store written before the Actor's citation counts existed (tables without their
    columns, a projection marker without a version): read commands name what it lacks;
    `doctor --repair` adds the properties and its rebuild fills them."""
    import ladybug

    target = Target("embedded", tmp_path)
    assert target.cli("load", str(SEED_FILES[0])).exit_code == 0
    _forget_version(target)
    db = ladybug.Database(target.env["QANTAR_STORE"])
    conn = ladybug.Connection(db)
    for prop in ("cited_articles", "cited_statements"):
        conn.execute(f"ALTER TABLE Actor DROP {prop}")
    conn.close()
    db.close()
    result = target.cli("query", "people/most_cited")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: {target.env['QANTAR_STORE']}: the store predates properties this version "
        "reads (Actor.cited_articles, Actor.cited_statements); run `qantar doctor "
        "--repair` to add them and rebuild its summaries")
    assert target.cli("doctor", "--repair").exit_code == 0
    result = target.cli("query", "people/most_cited", "--format", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows and all(r["articles"] == 1 and r["statements"] > 0 for r in rows)


def _open(target: Target):
    from qantar.graph.stores.neo4j import Neo4jSettings

    env = target.env
    if target.backend == "embedded":
        return open_store("embedded", path=env["QANTAR_STORE"])
    return open_store("neo4j", settings=Neo4jSettings(
        env["NEO4J_URI"], env["NEO4J_USERNAME"], env["NEO4J_PASSWORD"],
        env["NEO4J_DATABASE"]))


def _forget_version(target: Target) -> None:
    """The projection marker as a qantar from before the summaries' version wrote it."""
    with _open(target) as store:
        marker = store.projection_marker()
        assert marker["version"] == schema_mod.load().version
        del marker["version"]
        store._write_projection_marker(marker)


def _make_old(target: Target) -> None:
    """The store as an earlier qantar left it: none of the summaries the projection and
    the loader derive (flags, neighbour and citation counts, article sums), and no
    version in the projection marker."""
    schema = schema_mod.load()
    _forget_version(target)
    with _open(target) as store:
        for label in ("Actor", "Statement", "Article"):
            node = schema.nodes[label]
            props = [p for p in node.derived if p not in node.analytics]
            store.run(f"MATCH (n:{label}) SET " + ", ".join(f"n.{p} = NULL" for p in props),
                      write=True)


# reports that read summaries (each gives rows on the fixture graph and the seeds but
# the first, which needs the fixture's contested claims)
SUMMARY_REPORTS = ("claims/contradictions", "claims/attributed", "paths/brokers",
                   "sources/coverage_by_outlet", "people/most_cited")


def _report(target: Target, name: str):
    result = target.cli("query", name, "--format", "json")
    return result.exit_code, json.loads(result.stdout) if result.exit_code == 0 else None, \
        result.stderr


def test_reports_refuse_a_store_whose_summaries_an_earlier_version_built(target):
    """Loaded before the summaries existed, a store gave "no contested claims" where
    there are some. Now each report stops in one line saying what to run; `qantar
    doctor --repair` rebuilds the summaries and the reports give their rows again."""
    from fixture_graph import load_fixture

    from qantar.queries import packs

    with _open(target) as store:
        load_fixture(store)
        assert store.projection_marker()["version"] == schema_mod.load().version
    fresh = {}
    for name in SUMMARY_REPORTS:
        code, rows, stderr = _report(target, name)
        assert code == 0 and rows, (name, stderr)
        fresh[name] = rows
    _make_old(target)
    with _open(target) as store:  # what the reports read on it without the check
        silent = {}
        for name in ("claims/contradictions", "paths/brokers"):  # flags on both engines
            query = packs.get(name)
            silent[name] = store.run(query.text_for(store.backend),
                                     {**packs.bind(query, {}), **query.provided_values()})
        where = store.describe()
    assert all(len(silent[n]) < len(fresh[n]) for n in silent), silent
    for name in SUMMARY_REPORTS:
        code, rows, stderr = _report(target, name)
        assert code == 1 and rows is None, name
        assert stderr == (
            f"Error: {where}: its summaries were built by an earlier qantar (no version "
            f"recorded; this one reads version {schema_mod.load().version}), so reports "
            "would miss rows; run `qantar doctor --repair` to rebuild them from its "
            "statements\n")
    doctor = target.cli("doctor", "--format", "json")
    assert doctor.exit_code == 1
    projection = next(r for r in json.loads(doctor.stdout) if r["check"] == "projection")
    assert projection["status"] == "fail" and "earlier qantar" in projection["detail"]
    assert target.cli("doctor", "--repair").exit_code == 0
    for name in SUMMARY_REPORTS:
        assert _report(target, name)[:2] == (0, fresh[name]), name


def test_the_html_page_refuses_an_old_store_and_raw_cypher_warns(target, tmp_path):
    """The page shows summaries as a report does, so it stops as the reports do, and
    writes nothing; an ad-hoc query reads the statements, which an old store holds in
    full, so it runs and says on stderr that flags and counts may be missing."""
    assert target.cli("load", str(SEEDS)).exit_code == 0
    count = "MATCH (s:Statement) RETURN count(s) AS n"
    fresh = target.cli("cypher", count, "--format", "json")
    assert fresh.exit_code == 0 and fresh.stderr == ""
    _make_old(target)
    page = tmp_path / "old.html"
    result = target.cli("export", "html", "-o", str(page), "--quiet")
    assert result.exit_code == 1 and not page.exists()
    assert result.stderr.startswith("Error: ") and "run `qantar doctor --repair`" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    old = target.cli("cypher", count, "--format", "json")
    assert old.exit_code == 0 and old.stdout == fresh.stdout
    assert json.loads(old.stdout)[0]["n"] > 0
    assert old.stderr.startswith("Warning: ") and "earlier qantar" in old.stderr
    assert target.cli("doctor", "--repair").exit_code == 0
    assert target.cli("export", "html", "-o", str(page), "--quiet").exit_code == 0
    assert page.stat().st_size > 0


def test_a_load_brings_a_store_from_an_earlier_version_up_to_date(target):
    """The other write path: a load of any article rebuilds every summary."""
    assert target.cli("load", str(SEEDS)).exit_code == 0
    fresh = {name: _report(target, name) for name in SUMMARY_REPORTS[1:]}
    assert all(code == 0 and rows for code, rows, _ in fresh.values()), fresh
    _make_old(target)
    assert _report(target, "claims/attributed")[0] == 1
    assert target.cli("load", str(SEED_FILES[0])).exit_code == 0
    for name in SUMMARY_REPORTS[1:]:
        assert _report(target, name) == fresh[name], name


def test_an_empty_store_is_not_from_an_earlier_version(target):
    with _open(target):
        pass  # the schema, no data and no marker
    assert _report(target, "claims/attributed")[:2] == (0, [])
    assert target.cli("doctor").exit_code == 0


def test_every_kind_of_bad_input_at_once_loads_every_good_article_and_names_each_bad_one(
        target, tmp_path):
    """The bad-input matrix, a folder whose name is not UTF-8, an article over the size
    limit and a link to /etc/passwd, in one load beside good articles: the good ones
    load, each bad one is named on a line of its own, nothing outside the folder is read."""
    folder = tmp_path / "archive"
    folder.mkdir()
    bad = []
    for i, (name, filename, content, _message, _line) in enumerate(BAD_INPUTS):
        if Path(filename).suffix not in (".txt", ".md"):
            continue  # a folder load reads article files only
        path = folder / f"{i:02d}-{filename}"
        content(path) if callable(content) else path.write_bytes(content)
        bad.append(path)
    huge = folder / "huge.txt"
    body = SEED_FILES[0].read_bytes()
    huge.write_bytes(body * (10_600_000 // len(body) + 1))  # real text, over 10 MB
    bad.append(huge)
    for seed in SEED_FILES:
        (folder / seed.name).write_bytes(seed.read_bytes())
    odd = bytes(folder) + b"/caf\xe9-\xff"  # a folder name that is not UTF-8
    os.mkdir(odd)
    with open(odd + b"/dev.md", "wb") as out:
        out.write(sorted(DEV.glob("E0*.md"))[0].read_bytes())
    (folder / "passwd.txt").symlink_to("/etc/passwd")

    result = target.cli("load", str(folder))

    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert f"Loaded {len(SEED_FILES) + 1} article(s)" in result.stdout
    errors = [l for l in result.stderr.splitlines() if l.startswith("Error:")]
    assert len(errors) == len(bad), errors
    for path in bad:
        shown = path.name.replace("\x1b", "\\x1b").replace("\n", "\\n")
        assert [e for e in errors if shown in e], (shown, errors)
    warnings = [l for l in result.stderr.splitlines() if "passwd.txt" in l]
    assert len(warnings) == 1 and warnings[0].startswith("Warning:"), result.stderr
    assert b"root:" not in target.export()
