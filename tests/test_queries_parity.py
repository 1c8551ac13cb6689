"""Every pack query returns the same rows, in the same order, on Neo4j and the embedded
engine: on the seeds loaded by the real pipeline and on the fixture graph."""

from pathlib import Path

import pytest
from fixture_graph import load_fixture, neo4j_store

from qantar.graph.stores import open_store
from qantar.loaders.pipeline import load
from qantar.queries import packs

pytestmark = pytest.mark.neo4j

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
QUERIES = packs.load_packs()

# Beyond each query's own example: other actors, scripts, dates and filters.
EXTRA = [
    ("people/profile", {"actor": "Токаев"}),
    ("people/profile", {"actor": "KNB"}),
    ("people/profile", {"actor": "Kazakhstan"}),
    ("people/ego_network", {"actor": "Tokayev", "depth": 3}),
    ("people/search", {"name": ""}),
    ("people/most_cited", {"type": "place", "limit": 5}),
    ("clans/family", {"actor": "Tokayev"}),
    ("clans/kin_in_security_and_companies", {"actor": "Nazarbayev", "kinship": "in-law",
                                             "kinds": ["company", "state_body"]}),
    ("clans/lost_or_kept_posts", {"actor": "Tokayev", "since": "2022-01-05"}),
    ("institutions/post_holders", {"body": "Kazakhstan"}),
    ("institutions/chain_of_command", {"actor": "Nazarbayev"}),
    ("institutions/security_leadership", {"date": "2022", "kinds": ["state_body", "military"]}),
    ("timeline/events_between", {"from": "2019", "to": "2024"}),
    ("timeline/changes_on", {"date": "2022-01-19"}),
    ("timeline/actor_timeline", {"actor": "CSTO"}),
    ("paths/shortest_path", {"from": "Sadykulov", "to": "CSTO"}),
    ("paths/shortest_path", {"from": "Kulibayev", "to": "Almaty"}),
    ("paths/common_neighbours", {"first": "Tokayev", "second": "Nazarbayev"}),
    ("paths/brokers", {"limit": 50}),
    ("claims/by_speaker", {"speaker": "Nazarbayev"}),
    ("sources/relation_evidence", {"first": "Tokayev", "second": "Nazarbayev"}),
    ("sources/actor_evidence", {"actor": "Tokayev"}),
    ("sources/articles_mentioning", {"actor": "Almaty"}),
    ("as_of/power_map", {"date": "2023"}),
]
CASES = [(q.id, q.examples()) for q in QUERIES] + EXTRA
# (graph, case) whose right answer is no rows. Two empty results prove nothing, so every
# other case must return rows on both engines.
EMPTY = {
    *[(graph, case) for graph in ("fixture", "seeds") for case in (
        "clans/family[actor=Tokayev]",
        "clans/kin_in_security_and_companies[actor=Nazarbayev,kinship=in-law,"
        "kinds=['company', 'state_body']]",
        "claims/by_speaker[speaker=Nazarbayev]")],
    ("fixture", "paths/shortest_path[from=Kulibayev,to=Almaty]"),
    ("seeds", "claims/accusations[limit=1000]"),
    ("seeds", "claims/contradictions[]"),
    # no seed article dates an event differently from another; the rows of a real
    # conflict are compared across engines in test_event_identity.py
    *[(graph, "timeline/date_conflicts[limit=500]") for graph in ("fixture", "seeds")],
}


def _case_id(case):
    name, params = case
    return name + "[" + ",".join(f"{k}={v}" for k, v in params.items()) + "]"


@pytest.fixture(scope="module", params=["fixture", "seeds"])
def engines(request, neo4j_server, tmp_path_factory):
    """(graph name, embedded, neo4j): both stores holding the same graph."""
    embedded = open_store("embedded", path=tmp_path_factory.mktemp("parity") / "g.lbug")
    neo4j = neo4j_store(neo4j_server)
    for store in (embedded, neo4j):
        if request.param == "fixture":
            load_fixture(store)
        else:
            report = load(store, [SEEDS])
            assert report.articles == 5 and not report.errors
    yield request.param, embedded, neo4j
    embedded.close()
    neo4j.close()


def test_both_engines_hold_the_same_counts(engines):
    _, embedded, neo4j = engines
    assert embedded.counts() == neo4j.counts()


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_same_rows_on_both_engines(engines, case):
    name, params = case
    graph, embedded, neo4j = engines
    on_embedded = packs.run(embedded, name, params)
    on_neo4j = packs.run(neo4j, name, params)
    assert on_embedded == on_neo4j
    if (graph, _case_id(case)) in EMPTY:
        assert on_neo4j == [], "declared empty, yet rows came back: take it out of EMPTY"
    else:
        assert on_neo4j, f"no rows on either engine for {graph} (declare it in EMPTY)"
