"""who, path, timeline, claims, sources, stats, doctor and cypher: through click's runner
on the embedded store, and each once against a real Neo4j."""

import json

import pytest
from click.testing import CliRunner
from fixture_graph import load_fixture, neo4j_store

from qantar.cli.main import cli
from qantar.graph.stores import open_store



def command_paths(group=cli, prefix=()):
    """Every command and subcommand the CLI has, as argument lists: ("export", "html")."""
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name)
        if hasattr(command, "commands"):
            yield from command_paths(command, (*prefix, name))


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "g.lbug"
    with open_store("embedded", path=path) as store:
        load_fixture(store)
    return path


def invoke(*args, env=None):
    return CliRunner().invoke(cli, list(args), prog_name="qantar",
                              env={"QANTAR_BACKEND": "embedded", **(env or {})})


@pytest.fixture
def qantar(store_path):
    return lambda *args, env=None: invoke("--store", str(store_path), *args, env=env)


def rows(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- embedded ------------------------------------------------------------------------------

def test_who_by_any_spelling(qantar):
    latin = qantar("who", "Nazarbaev")
    assert latin.exit_code == 0, latin.output
    assert "nephew" in latin.stdout and "Samat Abish" in latin.stdout
    assert qantar("who", "Назарбаев").stdout == latin.stdout
    profile = rows(qantar("who", "Abish", "-f", "json"))
    assert any(r["section"] == "post" and r["status"] == "former"
               and r["object"] == "Committee for National Security" for r in profile)


def test_who_names_the_closest_actors_when_nothing_matches(qantar):
    result = qantar("who", "Nazarbaeff")
    assert result.exit_code == 1
    assert result.stderr.strip() == ("Error: no such actor 'Nazarbaeff' — did you mean "
                                     "Nursultan Nazarbayev, Nazarbayev Foundation?")


def test_path_shows_each_hop_with_its_quote(qantar):
    hops = rows(qantar("path", "Abish", "Токаев", "-f", "json"))
    assert hops[0]["hop"] == 1 and hops[0]["quote"] == "Nazarbaev's nephew, Samat Abish"
    assert {h["hop"] for h in hops} == {1, 2}
    none = qantar("path", "Abish", "Mangystau")
    assert none.exit_code == 0 and none.stdout == ""
    assert "no connection within six hops" in none.stderr


def test_timeline_of_january_2022(qantar):
    events = rows(qantar("timeline", "--from", "2022-01-01", "--to", "2022-01-31", "-f",
                         "json"))
    assert any(e["type"] == "withdrawal" and e["date"] == "2022-01-19"
               and e["participants"] == ["Collective Security Treaty Organization (agent)"]
               for e in events)
    everything = rows(qantar("timeline", "-f", "json"))
    assert len(everything) > len(events)  # 2019 too
    bad = qantar("timeline", "--from", "January")
    assert bad.exit_code == 2 and "must be a date" in bad.stderr


def test_claims_all_and_by_speaker(qantar):
    everything = rows(qantar("claims", "-f", "json"))
    assert {r["modality"] for r in everything} == {"alleged", "asserted", "denied"}
    by = rows(qantar("claims", "--by", "Токаев", "-f", "json"))
    assert by and {r["speaker"] for r in by} == {"Kassym-Jomart Tokayev"}


def test_sources_articles_and_quotes(qantar):
    articles = rows(qantar("sources", "Massimov", "-f", "json"))
    assert [a["outlet"] for a in articles] == ["Euractiv", "kurbanovmurad.com"]
    quotes = rows(qantar("sources", "Abish", "--quotes", "-f", "json"))
    assert "Nazarbaev's nephew, Samat Abish" in {q["quote"] for q in quotes}


def test_stats_counts_labels_and_types(qantar):
    counts = {r["name"]: r for r in rows(qantar("stats", "-f", "json"))}
    assert counts["Article"]["count"] == 5 and counts["Article"]["kind"] == "node"
    assert counts["RELATIVE_OF"] == {"kind": "projected edge", "name": "RELATIVE_OF",
                                     "count": 2}
    assert counts["STATES"]["kind"] == "provenance edge"


def test_doctor_on_a_good_store(qantar):
    result = qantar("doctor", "-f", "json")
    assert result.exit_code == 0, result.output
    checks = {r["check"]: r["status"] for r in json.loads(result.stdout)}
    assert checks == {"store": "ok", "schema": "ok", "data": "ok", "projection": "ok",
                      "query packs": "ok"}


def test_doctor_on_a_missing_and_an_empty_store(tmp_path):
    missing = invoke("--store", str(tmp_path / "none.lbug"), "doctor", "-f", "json")
    assert missing.exit_code == 1
    assert json.loads(missing.stdout)[0]["status"] == "fail"
    assert not (tmp_path / "none.lbug").exists()  # the doctor creates nothing
    open_store("embedded", path=tmp_path / "empty.lbug").close()
    empty = invoke("--store", str(tmp_path / "empty.lbug"), "doctor", "-f", "json")
    assert empty.exit_code == 0
    data = next(r for r in json.loads(empty.stdout) if r["check"] == "data")
    assert data["status"] == "warn" and "qantar load" in data["detail"]


def test_cypher_reads(qantar):
    result = qantar("cypher", "MATCH (a:Actor) WHERE $n IN a.aliases RETURN a.name AS name",
                    "-p", "n=Назарбаев", "-f", "json")
    assert rows(result) == [{"name": "Nursultan Nazarbayev"}]


def test_cypher_refuses_writes_without_write(qantar, store_path):
    before = rows(qantar("stats", "-f", "json"))
    result = qantar("cypher", "CREATE (n)")
    assert result.exit_code == 1
    assert "read-only" in result.stderr and "--write" in result.stderr
    sneaky = qantar("cypher", "MATCH (a:Actor {id: 'person:samat-abish'}) SET a.name = 'X' "
                              "RETURN a.name AS name")
    assert sneaky.exit_code == 1
    assert rows(qantar("stats", "-f", "json")) == before
    assert rows(qantar("who", "person:samat-abish", "-f", "json"))[0]["subject"] == \
        "Samat Abish"


def test_cypher_writes_with_write(tmp_path):
    path = str(tmp_path / "w.lbug")
    open_store("embedded", path=path).close()
    created = invoke("--store", path, "cypher", "--write",
                     "CREATE (a:Actor {id: $id, name: $name, type: 'person'}) RETURN a.id AS id",
                     "-p", "id=person:x", "-p", "name=Икс", "-f", "json")
    assert rows(created) == [{"id": "person:x"}]
    assert rows(invoke("--store", path, "cypher", "MATCH (a:Actor) RETURN a.name AS n",
                       "-f", "json")) == [{"n": "Икс"}]


@pytest.mark.parametrize("command", [" ".join(p) for p in command_paths()])
def test_every_command_has_help_with_examples(command):
    result = invoke(*command.split(), "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.output, result.output
    examples = result.output.split("Examples:", 1)[1]
    assert f"qantar {command}" in examples or f"qantar --backend neo4j {command}" in examples


def test_unreachable_neo4j_exits_3():
    env = {"NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_PASSWORD": "irrelevant-pass"}
    for args in (["who", "Abish"], ["cypher", "RETURN 1 AS one"], ["stats"]):
        result = invoke("--backend", "neo4j", *args, env=env)
        assert result.exit_code == 3, (args, result.output)
        assert "cannot connect" in result.stderr and "Traceback" not in result.output
    doctor = invoke("--backend", "neo4j", "doctor", "-f", "json", env=env)
    assert doctor.exit_code == 3
    first = json.loads(doctor.stdout)[0]
    assert (first["check"], first["status"]) == ("store", "fail")
    assert "cannot connect" in first["detail"] and "irrelevant-pass" not in doctor.output


# --- the same commands against a real Neo4j --------------------------------------------------

@pytest.fixture(scope="module")
def neo4j_env(neo4j_server):
    store = neo4j_store(neo4j_server)
    load_fixture(store)
    store.close()
    return {"NEO4J_URI": neo4j_server.uri, "NEO4J_USERNAME": neo4j_server.username,
            "NEO4J_PASSWORD": neo4j_server.password, "NEO4J_DATABASE": neo4j_server.database}


def on_neo4j(env, *args):
    return invoke("--backend", "neo4j", *args, env=env)


NEO4J_RUNS = [
    (["who", "Nazarbaev", "-f", "json"],
     lambda out: any(r["subject"] == "Samat Abish" and r["detail"] == "nephew"
                     for r in json.loads(out))),
    (["path", "Abish", "Tokayev", "-f", "json"],
     lambda out: json.loads(out)[0]["route"] ==
     "Samat Abish — Nursultan Nazarbayev — Kassym-Jomart Tokayev"),
    (["timeline", "--from", "2022-01", "--to", "2022-01", "-f", "json"],
     lambda out: any(e["type"] == "withdrawal" for e in json.loads(out))),
    (["claims", "--by", "Tokayev", "-f", "json"], lambda out: len(json.loads(out)) == 3),
    (["sources", "Massimov", "-f", "json"], lambda out: len(json.loads(out)) == 2),
    (["stats", "-f", "json"],
     lambda out: {"kind": "node", "name": "Article", "count": 5} in json.loads(out)),
    (["doctor", "-f", "json"],
     lambda out: {r["status"] for r in json.loads(out)} == {"ok"}
     and "Neo4j Kernel 5.26" in json.loads(out)[0]["detail"]),
    (["query", "as_of/power_map", "-p", "date=2022-01-04", "-f", "csv"],
     lambda out: out.startswith("body,post,holder,") and "Samat Abish" in out),
    (["cypher", "MATCH (p:Person {id: $id}) RETURN p.name AS name", "-p",
      "id=person:samat-abish", "-f", "json"],
     lambda out: json.loads(out) == [{"name": "Samat Abish"}]),
]


@pytest.mark.neo4j
@pytest.mark.parametrize("args, check", NEO4J_RUNS, ids=lambda v: v[0] if isinstance(v, list)
                         else "")
def test_command_against_neo4j(neo4j_env, args, check):
    result = on_neo4j(neo4j_env, *args)
    assert result.exit_code == 0, result.output
    assert check(result.stdout)


@pytest.mark.neo4j
def test_cypher_refuses_writes_on_neo4j(neo4j_env):
    result = on_neo4j(neo4j_env, "cypher", "CREATE (n)")
    assert result.exit_code == 1
    assert "read-only" in result.stderr
    # what `CREATE (n)` would have made: a node without a label
    count = on_neo4j(neo4j_env, "cypher", "MATCH (n) WHERE size(labels(n)) = 0 "
                     "RETURN count(n) AS c", "-f", "json")
    assert json.loads(count.stdout) == [{"c": 0}]


@pytest.mark.neo4j
def test_unknown_actor_on_neo4j(neo4j_env):
    result = on_neo4j(neo4j_env, "who", "Masimoff")
    assert result.exit_code == 1 and "did you mean Karim Massimov" in result.stderr
