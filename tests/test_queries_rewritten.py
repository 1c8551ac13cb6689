"""The pack queries rewritten for speed give the rows of their plain definition.

``tests/reference_queries/`` keeps each such query as it read before it was made fast
(``<pack>_<name>.cypher``, ``<pack>_<name>.embedded.cypher`` for an engine variant):
the straightforward reading of the question. The fast text must give the same rows, in
the same order, on the fixture graph and on the seeds, on both engines. Each case names
the graphs on which it gives rows (one at least: two empty answers prove nothing). A
query that now stops at a ``limit`` its former text did not have gives the former rows
up to that limit, and its total (:func:`packs.total`) is the number of former rows. The
speed itself is measured by bench/query_latency.py, not here.
"""

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest
from fixture_graph import load_fixture, neo4j_store

from qantar.graph.stores import open_store
from qantar.loaders.gazetteer import Gazetteer
from qantar.loaders.pipeline import load
from qantar.queries import packs

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
REFERENCE = Path(__file__).resolve().parent / "reference_queries"
BENCH = Path(__file__).resolve().parent.parent / "bench"
BOTH = {"fixture", "seeds"}
CASES = [  # query, parameters, the graphs on which it gives rows
    ("claims/contradictions", {}, {"fixture"}),
    ("claims/attributed", {}, BOTH),
    *[("claims/attributed", {"limit": n}, BOTH) for n in (1, 3)],
    *[("claims/accusations", {"limit": n}, {"fixture"}) for n in (1, 2, 1000)],
    *[("as_of/power_map", {"date": "2022-01-04", "limit": n}, BOTH) for n in (1, 3, 1000)],
    *[("people/ego_network", {"actor": "Samat Abish", "depth": d, "limit": n}, BOTH)
      for d in (1, 3) for n in (2, 1000)],
    *[("paths/brokers", {"limit": n}, BOTH) for n in (1, 20)],
    # small limits put the cut inside the first relations
    *[("claims/single_source", {"limit": n}, BOTH) for n in (1, 3, 10, 40, 500)],
    ("paths/shortest_path", {"from": "Samat Abish", "to": "Tokayev"}, BOTH),
    ("paths/shortest_path", {"from": "Sadykulov", "to": "CSTO"}, BOTH),
    ("paths/shortest_path", {"from": "Kulibayev", "to": "Almaty"}, {"seeds"}),
    ("sources/actor_evidence", {"actor": "Abish"}, BOTH),
    ("sources/actor_evidence", {"actor": "Tokayev"}, BOTH),
    ("sources/actor_evidence", {"actor": "Kazakhstan"}, BOTH),
    ("sources/coverage_by_outlet", {}, BOTH),
]


# On a generated corpus (bench/generate.py: 40 articles, hundreds of attributed and
# single-source statements, posts with removals), the pages of the reports that read the
# projection's sort keys and removal dates cut inside long runs of equal keys.
GENERATED_CASES = [
    *[("claims/attributed", {"limit": n}, {"generated"}) for n in (1, 7, 60, 1000)],
    *[("claims/single_source", {"limit": n}, {"generated"}) for n in (1, 7, 60, 500, 5000)],
    *[("as_of/power_map", {"date": d, "limit": n}, {"generated"})
      for d in ("2022-01-20", "2022-02", "2021") for n in (5, 1000)],
    ("sources/coverage_by_outlet", {}, {"generated"}),
]


def reference(name: str) -> packs.Query:
    """The query with its former text(s) in place of the current ones."""
    query = packs.get(name)
    stem = REFERENCE / name.replace("/", "_")

    def text(path: Path) -> str:
        return packs._expand(path, path.read_text(encoding="utf-8").strip())

    main = text(stem.with_suffix(".cypher"))
    variant = stem.with_name(stem.name + ".embedded.cypher")
    embedded = text(variant) if variant.exists() else main.replace("toInteger($limit)",
                                                                    "$limit")
    return dataclasses.replace(query, text=main, variants={"embedded": embedded})


def _fill(store, graph: str, generated: Path | None = None) -> None:
    if graph == "fixture":
        load_fixture(store)
    elif graph == "generated":
        report = load(store, [generated / "articles"],
                      gazetteer=Gazetteer.load(generated / "gazetteer.yaml"))
        assert report.articles == GENERATED_ARTICLES and not report.errors
    else:
        report = load(store, [SEEDS])
        assert report.articles == 5 and not report.errors


@pytest.fixture(scope="module", params=["fixture", "seeds"])
def embedded(request, tmp_path_factory):
    store = open_store("embedded", path=tmp_path_factory.mktemp("rewritten") / "g.lbug")
    _fill(store, request.param)
    yield request.param, store
    store.close()


@pytest.fixture(scope="module", params=["fixture", "seeds"])
def on_neo4j(request, neo4j_server):
    store = neo4j_store(neo4j_server)
    _fill(store, request.param)
    yield request.param, store
    store.close()


GENERATED_ARTICLES = 40


@pytest.fixture(scope="module")
def generated_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated") / "corpus"
    subprocess.run([sys.executable, str(BENCH / "generate.py"), str(folder), "--articles",
                    str(GENERATED_ARTICLES), "--seed", "7"], check=True,
                   stdout=subprocess.DEVNULL)
    return folder


@pytest.fixture(scope="module")
def generated_embedded(generated_corpus, tmp_path_factory):
    store = open_store("embedded", path=tmp_path_factory.mktemp("gen") / "g.lbug")
    _fill(store, "generated", generated_corpus)
    yield "generated", store
    store.close()


@pytest.fixture(scope="module")
def generated_neo4j(generated_corpus, neo4j_server):
    store = neo4j_store(neo4j_server)
    _fill(store, "generated", generated_corpus)
    yield "generated", store
    store.close()


def _compare(graph, store, case):
    name, params, answered = case
    now = packs.run(store, name, params)
    former = reference(name)
    before = packs.run(store, former, params)
    limit = packs.bind(former, params).get("limit")
    if limit is not None and "$limit" not in former.text:
        assert packs.total(store, name, params) == len(before)
        before = before[:limit]
    assert now == before
    assert bool(now) == (graph in answered), f"{name} on {graph}: {len(now)} rows"


def _case_id(case):
    return case[0] + "".join(f"[{k}={v}]" for k, v in case[1].items())


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_same_rows_as_before_embedded(embedded, case):
    _compare(*embedded, case)


@pytest.mark.neo4j
@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_same_rows_as_before_neo4j(on_neo4j, case):
    _compare(*on_neo4j, case)


@pytest.mark.parametrize("case", GENERATED_CASES, ids=_case_id)
def test_same_rows_as_before_on_generated_articles_embedded(generated_embedded, case):
    _compare(*generated_embedded, case)


@pytest.mark.neo4j
@pytest.mark.parametrize("case", GENERATED_CASES, ids=_case_id)
def test_same_rows_as_before_on_generated_articles_neo4j(generated_neo4j, case):
    _compare(*generated_neo4j, case)
