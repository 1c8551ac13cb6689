"""Both stores: schema, idempotent loads, read-back, and the same graph from the seeds."""

from pathlib import Path

import pytest

from qantar.graph.exports import jsonl
from qantar.graph.stores import open_store
from qantar.graph.stores.neo4j import Neo4jSettings, Neo4jStore
from qantar.loaders.pipeline import load

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def export_lines(store):
    return [line for line in jsonl.lines(store.to_networkx())]


@pytest.fixture
def embedded(tmp_path):
    store = open_store("embedded", path=tmp_path / "g.lbug")
    yield store
    store.close()


@pytest.fixture
def neo4j_store(neo4j_db):
    store = Neo4jStore(Neo4jSettings(uri=neo4j_db.uri, username=neo4j_db.username,
                                     password=neo4j_db.password, database=neo4j_db.database))
    yield store
    store.close()


def test_embedded_load_twice_gives_the_same_graph(embedded):
    report = load(embedded, [SEEDS])
    assert report.articles == 5 and not report.errors
    first = export_lines(embedded)
    load(embedded, [SEEDS])
    assert export_lines(embedded) == first


def test_every_statement_quote_is_in_its_article(embedded):
    from qantar.loaders.read import read_article
    load(embedded, [SEEDS])
    bodies = {read_article(p).id: read_article(p).body for p in SEEDS.glob("0*.txt")}
    statements = embedded.statements()
    assert statements
    for st in statements:
        assert bodies[st["article_id"]][st["span_start"]:st["span_end"]] == st["quote"]


def test_embedded_store_reopens_with_its_data(tmp_path):
    path = tmp_path / "g.lbug"
    with open_store("embedded", path=path) as store:
        load(store, [SEEDS])
        before = store.counts()
    with open_store("embedded", path=path, read_only=True) as store:
        assert store.counts() == before


def test_embedded_arrow_path_writes_what_the_shared_cypher_path_writes(tmp_path):
    """The embedded store's Arrow LOAD FROM path against base.py's UNWIND path: same
    graph, same raw statement rows ('' stays '', not null), also on a second load."""
    from qantar.graph.stores import cypher
    from qantar.graph.stores.base import Store
    from qantar.graph.stores.embedded import EmbeddedStore

    class UnwindStore(EmbeddedStore):
        row_source = cypher.UNWIND
        _rows = Store._rows

    results = []
    for cls in (EmbeddedStore, UnwindStore):
        with cls(tmp_path / f"{cls.__name__}.lbug") as store:
            load(store, [SEEDS])
            load(store, [SEEDS])
            results.append((export_lines(store), store.statements(), store.counts()))
    assert results[0][2]["Statement"] > 100
    assert results[0] == results[1]


def _rebuild_in_small_chunks_converges(store):
    """A rebuild in chunks of 3 rows, over a projection left half rebuilt (a type's
    edges partly deleted, derived actor properties stale, as a kill leaves them),
    gives the graph of one clean rebuild."""
    load(store, [SEEDS])
    clean = export_lines(store)
    store.run("MATCH ()-[r:HOLDS_POSITION]->() WITH r LIMIT 2 DELETE r", write=True)
    store.run("MATCH (a:Actor) SET a.first_cited = '1900-01-01', a.name_keys = []",
              write=True)
    assert export_lines(store) != clean
    store.rebuild_chunk = 3
    store.rebuild_projection()
    assert export_lines(store) == clean


def test_embedded_rebuild_in_small_chunks_converges(embedded):
    _rebuild_in_small_chunks_converges(embedded)


@pytest.mark.neo4j
def test_neo4j_rebuild_in_small_chunks_converges(neo4j_store):
    _rebuild_in_small_chunks_converges(neo4j_store)


def test_embedded_store_reopens_between_writes_and_keeps_everything(tmp_path, monkeypatch):
    """The workaround for LadybugDB holding memory until close: reopening the database
    every few write transactions loses nothing and changes nothing."""
    from qantar.graph.stores.embedded import EmbeddedStore
    from qantar.loaders.pipeline import LoadReport, read_batches

    batches = list(read_batches([SEEDS], LoadReport()))
    with open_store("embedded", path=tmp_path / "once.lbug") as store:
        store.write(batches, per_transaction=100)
        store.rebuild_projection()
        expected = export_lines(store)
    monkeypatch.setattr(EmbeddedStore, "REOPEN_EVERY", 2)
    with open_store("embedded", path=tmp_path / "often.lbug") as store:
        handles = []
        store.write(batches, per_transaction=1, on_commit=lambda _: handles.append(store._db))
        store.rebuild_projection()
        assert export_lines(store) == expected
    assert len({id(h) for h in handles}) >= 2  # it did reopen


def test_embedded_union_all_keeps_its_parts_in_order(embedded):
    """As Neo4j does: the packs' UNION ALL queries list each part's rows in turn."""
    load(embedded, [SEEDS])
    query = ("MATCH (a:Article) RETURN 'article' AS kind, a.id AS id ORDER BY id\n"
             "UNION ALL\n"
             "MATCH (a:Actor) WHERE a.type = $type RETURN 'actor' AS kind, a.id AS id "
             "ORDER BY id DESC")
    rows = embedded.run(query, {"type": "person"})
    kinds = [row["kind"] for row in rows]
    assert kinds == sorted(kinds, reverse=True) and kinds.count("article") == 5
    actors = [row["id"] for row in rows if row["kind"] == "actor"]
    assert len(actors) > 10 and actors == sorted(actors, reverse=True)


def test_embedded_buffer_pool_follows_machine_memory(monkeypatch):
    from qantar.graph.stores.base import StoreError
    from qantar.graph.stores.embedded import buffer_pool_size

    gb = 1 << 30
    monkeypatch.delenv("QANTAR_BUFFER_POOL_MB", raising=False)
    # a loader's pool is what its memory grows to: bounded so a load stays under 2 GB
    assert buffer_pool_size(False, memory=24 * gb) == gb
    assert buffer_pool_size(True, memory=24 * gb) == 4 * gb
    assert buffer_pool_size(False, memory=4 * gb) == gb // 2
    assert buffer_pool_size(True, memory=4 * gb) == gb
    monkeypatch.setenv("QANTAR_BUFFER_POOL_MB", "300")
    assert buffer_pool_size(True, memory=24 * gb) == 300 << 20
    monkeypatch.setenv("QANTAR_BUFFER_POOL_MB", "lots")
    with pytest.raises(StoreError, match="QANTAR_BUFFER_POOL_MB"):
        buffer_pool_size(True)


@pytest.mark.neo4j
def test_neo4j_reports_its_version(neo4j_store, capsys):
    version = neo4j_store.server_version()
    with capsys.disabled():
        print(f"\n[neo4j] server: {version}")
    assert "5.26" in version


@pytest.mark.neo4j
def test_neo4j_load_twice_gives_the_same_graph(neo4j_store):
    load(neo4j_store, [SEEDS])
    first = export_lines(neo4j_store)
    load(neo4j_store, [SEEDS])
    assert export_lines(neo4j_store) == first


@pytest.mark.neo4j
def test_both_stores_hold_the_same_graph_for_the_seeds(neo4j_store, embedded):
    load(neo4j_store, [SEEDS])
    load(embedded, [SEEDS])
    assert neo4j_store.counts() == embedded.counts()
    assert export_lines(neo4j_store) == export_lines(embedded)


@pytest.mark.neo4j
def test_neo4j_actors_carry_their_type_label(neo4j_store):
    load(neo4j_store, [SEEDS])
    rows = neo4j_store.run("MATCH (p:Person {id: $id}) RETURN p.name AS name",
                           {"id": "person:samat-abish"})
    assert rows == [{"name": "Samat Abish"}]


@pytest.mark.neo4j
def test_neo4j_read_only_queries_refuse_writes(neo4j_store):
    from qantar.graph.stores import StoreError
    with pytest.raises(StoreError):
        neo4j_store.run("CREATE (:Actor {id: 'x'})")
    assert neo4j_store.run("MATCH (a:Actor {id: 'x'}) RETURN count(a) AS c") == [{"c": 0}]
