"""Hostile text is data, never query text: against the embedded store and a real Neo4j.

Names, titles, publishers, URLs, file names, quotes and query parameters carry Cypher
that would delete the graph if it were ever spliced into a query. Each test checks that
the graph kept everything it had, and that the hostile text comes back verbatim.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from qantar.cli.main import cli
from qantar.graph import schema as schema_mod
from qantar.graph.records import Actor
from qantar.graph.stores import open_store
from qantar.graph.stores.neo4j import Neo4jSettings, Neo4jStore
from qantar.loaders.gazetteer import Gazetteer
from qantar.loaders.pipeline import load

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

HOSTILE = [
    "x' }) DETACH DELETE n //",
    'x" }) DETACH DELETE n //',
    "x`) DETACH DELETE n //",
    "'}) MATCH (m) DETACH DELETE m RETURN 1 //",
    "'; MATCH (n) DETACH DELETE n; //",
    "\\'}) DETACH DELETE n //",
    "x' }) SET n:Pwned //",
    "}]->(b) WITH 1 AS x MATCH (n) DETACH DELETE n //",
    "$rows",
    "{id: $id}",
    "Robert'); DROP TABLE Actor;--",
    "x' }) CALL dbms.security.createUser('evil', 'password123', false) //",
    "Токаев' }) DETACH DELETE n //",
    "\u202eevil\u202c /* */ // \u2028 next",
]


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request, tmp_path):
    if request.param == "neo4j":
        db = request.getfixturevalue("neo4j_db")
        s = Neo4jStore(Neo4jSettings(uri=db.uri, username=db.username, password=db.password,
                                     database=db.database))
        s.cli_env = {"QANTAR_BACKEND": "neo4j", "NEO4J_URI": db.uri,
                     "NEO4J_USERNAME": db.username, "NEO4J_PASSWORD": db.password,
                     "NEO4J_DATABASE": db.database}
    else:
        s = open_store("embedded", path=tmp_path / "g.lbug")
        s.cli_env = {"QANTAR_BACKEND": "embedded", "QANTAR_STORE": str(tmp_path / "g.lbug")}
    yield s
    s.close()


def node_ids(store) -> dict[str, set[str]]:
    return {label: {r["id"] for r in store.run(f"MATCH (n:{label}) RETURN n.id AS id")}
            for label in schema_mod.load().nodes}


def hostile_article(folder: Path, i: int, text: str) -> Path:
    meta = {"title": text, "publisher": text, "url": f"https://example.org/{text}",
            "date": "2022-01-06"}
    name = f"{i:02d} {text.replace('/', '∕')}.md"
    path = folder / name
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n"
                    f"{text}\nTokayev said: \"{text}\". Nazarbayev did not answer.\n",
                    encoding="utf-8")
    return path


def test_hostile_articles_through_qantar_load_are_stored_verbatim(store, tmp_path):
    load(store, [SEEDS])
    before = node_ids(store)
    folder = tmp_path / "hostile"
    folder.mkdir()
    files = [hostile_article(folder, i, text) for i, text in enumerate(HOSTILE)]
    store.close()  # the command opens the store itself

    result = CliRunner().invoke(cli, ["load", str(folder)], env=store.cli_env,
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    assert f"Loaded {len(HOSTILE)} article(s)" in result.stdout

    reopened = (open_store("embedded", path=store.cli_env["QANTAR_STORE"])
                if store.backend == "embedded" else Neo4jStore(store.settings))
    try:
        after = node_ids(reopened)
        for label, ids in before.items():  # nothing the seeds put there went away
            assert ids <= after[label], label
        assert len(after["Article"]) == len(before["Article"]) + len(HOSTILE)
        for path, text in zip(files, HOSTILE):
            rows = reopened.run("MATCH (a:Article) WHERE a.path = $path "
                                "RETURN a.title AS title, a.publisher AS publisher, a.url AS url",
                                {"path": path.name})
            assert rows == [{"title": text, "publisher": text,
                             "url": f"https://example.org/{text}"}]
            quotes = reopened.run("MATCH (a:Article {path: $path})-[:STATES]->(s:Statement) "
                                  "RETURN s.quote AS quote", {"path": path.name})
            assert {"Tokayev", "Nazarbayev"} <= {r["quote"] for r in quotes}
        if reopened.backend == "neo4j":
            labels = {r["label"] for r in reopened.run("CALL db.labels() YIELD label "
                                                       "RETURN label")}
            assert "Pwned" not in labels
    finally:
        reopened.close()


def test_hostile_actor_names_ids_and_aliases_are_data(store, tmp_path):
    """A gazetteer whose names, aliases and even ids are Cypher: stored as they are."""
    load(store, [SEEDS])
    before = node_ids(store)
    actors = [Actor(id=f"person:{i}-{text}", type="person", name=text,
                    aliases=(f"Zhaksylyk{i}", text), description=text)
              for i, text in enumerate(HOSTILE)]
    article = tmp_path / "a.txt"
    article.write_text(" ".join(f"Zhaksylyk{i} met the others." for i in range(len(HOSTILE)))
                       + "\n", encoding="utf-8")
    report = load(store, [article], gazetteer=Gazetteer(actors))
    assert not report.errors and report.articles == 1

    after = node_ids(store)
    for label, ids in before.items():
        assert ids <= after[label], label
    for actor in actors:
        rows = store.run("MATCH (a:Actor {id: $id}) RETURN a.name AS name, "
                         "a.description AS description", {"id": actor.id})
        assert rows == [{"name": actor.name, "description": actor.description}]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_parameters_match_nothing_and_change_nothing(store, text):
    load(store, [SEEDS])
    before = node_ids(store)
    assert store.run("MATCH (a:Actor) WHERE a.name = $name RETURN a.id AS id",
                     {"name": text}) == []
    assert store.run("MATCH (a:Actor {id: $id}) RETURN a.id AS id", {"id": text}) == []
    assert store.statements([text]) == []
    assert node_ids(store) == before


def test_read_queries_cannot_write_whatever_the_text(store):
    """``run(write=False)``: the engine refuses writes (a read-only transaction on the
    embedded store, a READ access-mode session on Neo4j), not a check of the text."""
    from qantar.graph.stores import StoreError

    load(store, [SEEDS])
    before = node_ids(store)
    for query in ("MATCH (n:Actor) DETACH DELETE n",
                  "CREATE (:Actor {id: 'intruder'})",
                  "MATCH (a:Actor) SET a.name = 'x'",
                  "match (a:Actor) /* harmless? */ detach\ndelete a"):
        with pytest.raises(StoreError):
            store.run(query)
    assert node_ids(store) == before


def test_exports_keep_hostile_text_as_json_data(tmp_path):
    folder = tmp_path / "hostile"
    folder.mkdir()
    for i, text in enumerate(HOSTILE):
        hostile_article(folder, i, text)
    env = {"QANTAR_BACKEND": "embedded", "QANTAR_STORE": str(tmp_path / "g.lbug")}
    runner = CliRunner()
    assert runner.invoke(cli, ["load", str(folder)], env=env).exit_code == 0
    out = tmp_path / "graph.jsonl"
    assert runner.invoke(cli, ["export", "jsonl", "-o", str(out)], env=env).exit_code == 0
    titles = {row["properties"].get("title") for row in map(json.loads, out.open())
              if row["type"] == "node" and row["labels"] == ["Article"]}
    assert titles == set(HOSTILE)


# --------------------------------------------------------------------------- commands

SHORTCUTS = [
    ["who", "{x}"], ["sources", "{x}"], ["sources", "{x}", "--quotes"], ["path", "{x}", "Tokayev"],
    ["claims", "--by", "{x}"], ["timeline", "--from", "{x}", "--to", "2022-01-31"],
    ["query", "people/profile", "--param", "actor={x}"],
    ["cypher", "MATCH (a:Actor) WHERE a.name = $name RETURN a.id AS id", "-p", "name={x}"],
]


@pytest.mark.parametrize("args", SHORTCUTS, ids=[" ".join(a[:2]) for a in SHORTCUTS])
def test_commands_treat_hostile_names_as_data(store, args):
    load(store, [SEEDS])
    before = node_ids(store)
    store.close()
    runner = CliRunner()
    for text in HOSTILE:
        argv = [a.replace("{x}", text) for a in args]
        result = runner.invoke(cli, argv, env=store.cli_env)
        assert result.exit_code in (0, 1, 2), (argv, result.output, result.exception)
        assert "Traceback" not in result.output + result.stderr
        assert not isinstance(result.exception, Exception) or \
            isinstance(result.exception, SystemExit), (argv, result.exception)
    reopened = (open_store("embedded", path=store.cli_env["QANTAR_STORE"])
                if store.backend == "embedded" else Neo4jStore(store.settings))
    try:
        assert node_ids(reopened) == before
    finally:
        reopened.close()


WRITES = ["MATCH (n:Actor) DETACH DELETE n",
          "CREATE (:Actor {id: 'intruder', name: 'x'})",
          "MATCH (a:Actor) SET a.name = 'pwned'",
          "MERGE (a:Actor {id: 'intruder'})",
          "MATCH (a:Actor) WITH a LIMIT 1 /* read? */ DETACH DELETE a RETURN 1 AS x",
          "match (s:Statement)\n  detach   delete s"]


def test_qantar_cypher_refuses_writes_unless_write_is_given(store):
    load(store, [SEEDS])
    before = node_ids(store)
    store.close()
    runner = CliRunner()
    for query in WRITES:
        result = runner.invoke(cli, ["cypher", query], env=store.cli_env)
        assert result.exit_code == 1, (query, result.output)
        assert "read-only" in result.stderr and "Traceback" not in result.stderr
    with_write = runner.invoke(cli, ["cypher", "--write",
                                     "MATCH (a:Actor {id: $id}) SET a.description = $d",
                                     "-p", "id=person:samat-abish", "-p", f"d={HOSTILE[0]}"],
                               env=store.cli_env)
    assert with_write.exit_code == 0, with_write.output
    reopened = (open_store("embedded", path=store.cli_env["QANTAR_STORE"])
                if store.backend == "embedded" else Neo4jStore(store.settings))
    try:
        assert node_ids(reopened) == before
        assert reopened.run("MATCH (a:Actor {id: 'person:samat-abish'}) "
                            "RETURN a.description AS d") == [{"d": HOSTILE[0]}]
    finally:
        reopened.close()


# --------------------------------------------------------------------------- kit server

RAW_PATHS = ["../../pyproject.toml", "http://localhost/../pyproject.toml",
             "/..\\..\\pyproject.toml", "/qantar.md%00", "/%2E%2E%2Fpyproject.toml",
             "/qantar.md\\..\\..\\pyproject.toml", "/%252e%252e/pyproject.toml",
             "/qantar.md;/../../pyproject.toml", "*", "/" + "../" * 20 + "etc/passwd"]


@pytest.mark.parametrize("raw", RAW_PATHS)
def test_the_browser_kit_server_serves_only_its_own_files(tmp_path, raw):
    """Raw request lines (no client normalises them) to `qantar browser-kit serve`."""
    import socket

    from qantar.queries import browser_kit as kit
    from qantar.queries import kit_server

    kit.build(tmp_path / "kit")
    (tmp_path / "pyproject.toml").write_text("[project]\nsecret = true\n")
    server = kit_server.serve_in_background(tmp_path / "kit")
    try:
        with socket.create_connection(server.server_address[:2], timeout=10) as sock:
            sock.sendall(f"GET {raw} HTTP/1.0\r\nHost: localhost\r\n\r\n".encode("latin-1"))
            reply = b""
            while chunk := sock.recv(65536):
                reply += chunk
    finally:
        server.shutdown()
        server.server_close()
    status = reply.split(b"\r\n", 1)[0]
    assert b" 404 " in status or b" 400 " in status, status
    assert b"secret = true" not in reply and b"root:" not in reply
