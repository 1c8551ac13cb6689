"""Network analytics on a graph written through the store API from verbatim seed sentences.

The graph's shape is known by hand: a chain Sadykulov - Massimov - KNB - Abish -
Nazarbayev - Tokayev - {CSTO, Kremlin}, with Kulibayev hanging off Nazarbayev, and the
other actors the seeds mention left unconnected. Expected values below are worked out
from that shape, not read off the code.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qantar.cli.main import cli
from qantar.graph import analytics, dates
from qantar.graph.names import ActorNotFound
from qantar.graph.records import Statement
from qantar.graph.stores import open_store
from qantar.graph.stores.neo4j import Neo4jSettings, Neo4jStore
from qantar.loaders.gazetteer import Gazetteer
from qantar.loaders.pipeline import extract
from qantar.loaders.read import read_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TOKAYEV, NAZARBAYEV = "person:kassym-jomart-tokayev", "person:nursultan-nazarbayev"
ABISH, KULIBAYEV = "person:samat-abish", "person:timur-kulibayev"
MASSIMOV, SADYKULOV = "person:karim-massimov", "person:anuar-sadykulov"
KNB = "organization:committee-for-national-security"
CSTO = "organization:collective-security-treaty-organization"
KREMLIN = "organization:kremlin"
MAIN = {TOKAYEV, NAZARBAYEV, ABISH, KULIBAYEV, MASSIMOV, SADYKULOV, KNB, CSTO, KREMLIN}

FACTS = [  # seed prefix, verbatim quote, predicate, subject, object, detail
    ("003", "Nazarbaev's nephew, Samat Abish", "relative_of", ABISH, NAZARBAYEV, "nephew"),
    ("004", "Nazarbayev’s son-in-law Timur Kulibayev", "relative_of", KULIBAYEV, NAZARBAYEV,
     "son-in-law"),
    ("003", "Nazarbaev's nephew, Samat Abish, was also dismissed as the deputy chairman of "
            "the Committee for National Security (KNB).", "holds_position", ABISH, KNB,
     "deputy chairman"),
    ("004", "former chairman of the KNB Karim Massimov", "holds_position", MASSIMOV, KNB,
     "chairman"),
    ("001", "his former deputy Anuar Sadykulov", "subordinate_of", SADYKULOV, MASSIMOV,
     "deputy"),
    ("000", "his appointment as acting president by predecessor Nursultan Nazarbayev in 2019",
     "appointed", NAZARBAYEV, TOKAYEV, "acting president"),
    ("003", "Toqaev removed Nazarbaev as Security Council secretary on January 5.",
     "dismissed", TOKAYEV, NAZARBAYEV, "Security Council secretary"),
    ("003", "appealing to the Russian-led Collective Security Treaty Organization (CSTO) for "
            "help to restore order", "requested_help", TOKAYEV, CSTO, ""),
    ("003", "a sign of the Kremlin's support for Toqaev", "ally_of", KREMLIN, TOKAYEV,
     "support"),
]


def mentions_only(batch):
    """The pipeline's gazetteer mentions, without what relation extraction adds: the
    shape above must not move as extraction improves."""
    batch.statements = [s for s in batch.statements if s.predicate == "mentions"]
    named = {s.subject_id for s in batch.statements}
    batch.actors = [a for a in batch.actors if a.id in named]
    batch.events = []
    return batch


def write_graph(store) -> None:
    gazetteer = Gazetteer.load()
    batches = {p.name[:3]: mentions_only(extract(read_article(p), gazetteer))
               for p in sorted(SEEDS.glob("0*.txt"))}
    for prefix, quote, predicate, subject, obj, detail in FACTS:
        batch = batches[prefix]
        start = batch.article.body.index(quote)
        end = start + len(quote)
        batch.statements.append(Statement(
            id=Statement.make_id(batch.article.id, start, end, predicate, subject, obj, detail),
            predicate=predicate, subject_id=subject, object_id=obj, quote=quote,
            span_start=start, span_end=end, article_id=batch.article.id,
            published=batch.article.published, detail=detail, method="curated"))
        for actor in (subject, obj):
            if actor not in {a.id for a in batch.actors}:
                batch.actors.append(gazetteer.actors[actor])
    store.write(batches.values())
    store.rebuild_projection()


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    with open_store("embedded", path=tmp_path_factory.mktemp("a") / "g.lbug") as store:
        write_graph(store)
        yield store.to_networkx()


def test_centrality_matches_the_hand_computed_shape(graph):
    result = analytics.analyze(graph)
    nodes = result["nodes"]
    n = len(nodes)
    assert MAIN <= set(nodes) and n > len(MAIN)  # the unconnected mentions are there too
    # Nazarbayev's neighbours: Abish, Kulibayev, Tokayev (appointed + dismissed: one)
    assert nodes[NAZARBAYEV]["degree"] == pytest.approx(3 / (n - 1))
    # pairs whose only path runs through him: {Abish, KNB, Massimov, Sadykulov} x
    # {Kulibayev} x {Tokayev, CSTO, Kremlin} -> 4*1 + 4*3 + 1*3 = 19
    pairs = (n - 1) * (n - 2) / 2
    assert nodes[NAZARBAYEV]["betweenness"] == pytest.approx(19 / pairs)
    assert nodes[ABISH]["betweenness"] == pytest.approx(3 * 5 / pairs)
    # Tokayev: CSTO-Kremlin, and each of them with the six on the other side
    assert nodes[TOKAYEV]["betweenness"] == pytest.approx((1 + 6 + 6) / pairs)
    assert max(nodes, key=lambda k: nodes[k]["betweenness"]) == NAZARBAYEV
    assert nodes[SADYKULOV]["betweenness"] == 0
    assert sum(v["pagerank"] for v in nodes.values()) == pytest.approx(1.0)
    assert nodes[KNB]["pagerank"] > nodes[SADYKULOV]["pagerank"]  # two posts held in it


def test_communities_are_deterministic_and_brokered(graph):
    first, second = analytics.analyze(graph), analytics.analyze(graph)
    assert first == second
    membership = {k: v["community"] for k, v in first["nodes"].items()}
    isolated = set(membership) - MAIN
    assert len({membership[k] for k in isolated}) == len(isolated)  # singletons
    assert len({membership[k] for k in MAIN}) >= 2
    assert first["communities"][0]["size"] == max(c["size"] for c in first["communities"])
    brokers = {b["id"]: b for b in first["brokers"]}
    assert brokers and set(brokers) <= MAIN
    for b in brokers.values():
        assert len(b["communities"]) >= 2 and 0 < b["participation"] < 1


def test_family_and_institutional_subnetworks(graph):
    subs = analytics.analyze(graph)["subnetworks"]
    family = [[m["id"] for m in comp] for comp in subs["family"]["components"]]
    assert family == [sorted([ABISH, KULIBAYEV, NAZARBAYEV])]
    assert subs["family"]["edges"] == 2
    institutions = [{m["id"] for m in comp} for comp in subs["institutions"]["components"]]
    assert institutions == [{ABISH, KNB, MASSIMOV, SADYKULOV}]


def test_find_actor_by_any_spelling(graph):
    kg = analytics.knowledge_graph(graph)
    assert analytics.find_actor(kg, "Назарбаев") == NAZARBAYEV
    assert analytics.find_actor(kg, "Qasym-Zhomart Toqaev") == TOKAYEV
    assert analytics.find_actor(kg, KNB) == KNB
    with pytest.raises(ActorNotFound, match="^no such actor 'Nobody Atall'$"):
        analytics.find_actor(kg, "Nobody Atall")
    with pytest.raises(ActorNotFound, match="did you mean Nursultan Nazarbayev"):
        analytics.find_actor(kg, "Nazarbaeff")
    with pytest.raises(ActorNotFound, match="names several actors"):
        analytics.find_actor(kg, "Security")


@pytest.mark.parametrize("prefix, expected", [
    ("2022", ("2022-01-01", "2022-12-31")), ("2024-02", ("2024-02-01", "2024-02-29")),
    ("2022-01-05", ("2022-01-05", "2022-01-05")), ("2022-02-30", None), ("2022-13", None),
    ("2022-1-5", ("2022-01-05", "2022-01-05")), ("January", None), ("", None)])
def test_date_bounds(prefix, expected):
    assert dates.bounds(prefix) == expected


def test_period_of_relations():
    post = {"start_date": "2019-03", "first_cited": "2022-01", "last_cited": "2024-01-04"}
    assert analytics.period(post) == ("2019-03-01", "2024-01-04", True)
    ended = {"start_date": "2019", "end_date": "2022-01-05", "last_cited": "2024"}
    assert analytics.period(ended) == ("2019-01-01", "2022-01-05", True)
    kin = {"first_cited": "2022-01-10", "last_cited": "2023"}
    assert analytics.period(kin) == ("2022-01-10", "2023-12-31", False)


def _read_back(store) -> dict:
    rows = store.run("MATCH (a:Actor) RETURN a.id AS id, a.degree AS degree, "
                     "a.betweenness AS betweenness, a.pagerank AS pagerank, "
                     "a.community AS community ORDER BY a.id")
    return {r.pop("id"): r for r in rows}


def _check_written(store, result):
    stored = _read_back(store)
    assert set(result["nodes"]) <= set(stored)
    for actor, row in stored.items():
        for prop in ("degree", "betweenness", "pagerank", "community"):
            if actor in result["nodes"]:
                assert row[prop] == pytest.approx(result["nodes"][actor][prop])
            else:  # places, left out of the actor graph, carry no value
                assert actor.startswith("place:") and row[prop] is None


def test_write_back_embedded(tmp_path):
    with open_store("embedded", path=tmp_path / "g.lbug") as store:
        write_graph(store)
        assert all(r["degree"] is None for r in _read_back(store).values())
        result = analytics.analyze(store.to_networkx())
        actors = [k for k, v in result["nodes"].items() if v["type"] != "event"]
        assert analytics.write_back(store, result) == len(actors) == len(result["nodes"])
        _check_written(store, result)
        # with places, then without: the places lose the first run's values again
        analytics.write_back(store, analytics.analyze(store.to_networkx(), places=True))
        assert _read_back(store)["place:kazakhstan"]["degree"] is not None
        analytics.write_back(store, result)
        _check_written(store, result)


@pytest.mark.neo4j
def test_write_back_neo4j(neo4j_db, tmp_path):
    store = Neo4jStore(Neo4jSettings(uri=neo4j_db.uri, username=neo4j_db.username,
                                     password=neo4j_db.password, database=neo4j_db.database))
    try:
        store.create_schema()
        write_graph(store)
        result = analytics.analyze(store.to_networkx())
        analytics.write_back(store, result)
        _check_written(store, result)
        # the same graph read from either store gives the same analytics
        with open_store("embedded", path=tmp_path / "g.lbug") as embedded:
            write_graph(embedded)
            assert analytics.analyze(embedded.to_networkx()) == result
    finally:
        store.close()


def test_cli_analyze(tmp_path):
    path = tmp_path / "g.lbug"
    with open_store("embedded", path=path) as store:
        write_graph(store)
    runner = CliRunner()
    table = runner.invoke(cli, ["--store", str(path), "analyze", "--top", "5"])
    assert table.exit_code == 0, table.output
    assert "Brokers between communities" in table.output
    assert "Nursultan Nazarbayev" in table.output.split("Brokers")[1]
    assert "Family network: 3 nodes, 2 edges" in table.output
    as_json = runner.invoke(cli, ["--store", str(path), "analyze", "--format", "json"])
    assert json.loads(as_json.output)["nodes"][NAZARBAYEV]["community"] >= 0
    csv_out = runner.invoke(cli, ["--store", str(path), "analyze", "--format", "csv",
                                  "--by", "betweenness"])
    lines = csv_out.output.splitlines()
    assert lines[0] == "id,name,type,degree,betweenness,pagerank,community"
    assert lines[1].startswith(NAZARBAYEV)
    written = runner.invoke(cli, ["--store", str(path), "analyze", "--write",
                                  "--format", "jsonl"])
    assert written.exit_code == 0
    with open_store("embedded", path=path, read_only=True) as store:
        assert _read_back(store)[NAZARBAYEV]["degree"] > 0


# --- the seeds as the pipeline reads them -----------------------------------------------

@pytest.fixture(scope="module")
def seeds_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("seeds") / "g.lbug"
    result = CliRunner().invoke(cli, ["--store", str(path), "load", str(SEEDS)])
    assert result.exit_code == 0, result.output
    return path


def test_seeds_top_five_are_people_and_bodies(seeds_store):
    """Events tie their participants, places stay out: who is central is who acts."""
    with open_store("embedded", path=seeds_store, read_only=True) as store:
        graph = store.to_networkx()
    result = analytics.analyze(graph)
    nodes = result["nodes"]
    assert {v["type"] for v in nodes.values()} == {"person", "organization"}
    for metric in analytics.METRICS:
        top = sorted(nodes, key=lambda n: (-nodes[n][metric], n))[:5]
        assert {nodes[n]["type"] for n in top} <= {"person", "organization"}, (metric, top)
    by_pagerank = sorted(nodes, key=lambda n: -nodes[n]["pagerank"])
    assert set(by_pagerank[:2]) == {TOKAYEV, NAZARBAYEV}
    # Tokayev and the CSTO are tied through the request for help and the deployment,
    # whatever the direction of the projected edges
    ties = analytics.actor_graph(analytics.knowledge_graph(graph))
    assert ties.has_edge(CSTO, TOKAYEV) and not ties.is_directed()
    with_places = analytics.analyze(graph, places=True)["nodes"]
    assert "place:kazakhstan" in with_places and "place:kazakhstan" not in nodes


def test_cli_analyze_on_the_shared_output_options(seeds_store):
    runner = CliRunner()
    base = ["--store", str(seeds_store), "analyze"]
    as_env = runner.invoke(cli, base, env={"QANTAR_FORMAT": "jsonl"})
    assert as_env.exit_code == 0, as_env.output
    rows = [json.loads(line) for line in as_env.output.splitlines()]
    assert rows[0]["id"] in {TOKAYEV, NAZARBAYEV}
    assert all(r["type"] in {"person", "organization"} for r in rows)
    short = runner.invoke(cli, [*base, "-f", "csv", "--places", "--by", "degree"])
    assert short.output.splitlines()[0] == "id,name,type,degree,betweenness,pagerank,community"
    assert any(line.startswith("place:") for line in short.output.splitlines())
    table = runner.invoke(cli, [*base, "--top", "5"])
    top = table.output.split("\n\n")[0].splitlines()[2:]
    assert len(top) == 5 and not any(" place " in line for line in top)
    assert "Kassym-Jomart Tokayev" in top[0] + top[1]
