"""A real Neo4j 5.26 answers: version, authentication, a parameterised round trip."""

import neo4j
import pytest
from neo4j.exceptions import AuthError

pytestmark = pytest.mark.neo4j


def test_version_is_5_26(neo4j_server):
    assert neo4j_server.version.startswith("5.26"), neo4j_server.version
    with neo4j_server.driver() as drv:
        recs, _, _ = drv.execute_query(
            "CALL dbms.components() YIELD name, versions RETURN name, versions[0] AS v",
            database_="system",
        )
    assert recs[0]["name"] == "Neo4j Kernel"
    assert recs[0]["v"].startswith("5.26")


def test_wrong_password_is_rejected(neo4j_server):
    wrong = neo4j_server.password + "-wrong"
    with neo4j.GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.username, wrong)) as drv:
        with pytest.raises(AuthError):
            drv.verify_connectivity()


def test_parameterised_write_read_round_trip(neo4j_db):
    rows = [
        {"id": "a1", "name": "Ministry of Finance", "aliases": ["MoF", "وزارة المالية"], "score": 0.5},
        {"id": "a2", "name": "Central Bank", "aliases": [], "score": 2.0},
    ]
    with neo4j_db.driver() as drv:
        drv.execute_query(
            "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE",
            database_=neo4j_db.database,
        )
        summary = drv.execute_query(
            "UNWIND $rows AS row MERGE (a:Actor {id: row.id}) "
            "SET a.name = row.name, a.aliases = row.aliases, a.score = row.score",
            rows=rows,
            database_=neo4j_db.database,
        ).summary
        assert summary.counters.nodes_created == 2
        drv.execute_query(
            "MATCH (a:Actor {id: $src}), (b:Actor {id: $dst}) "
            "MERGE (a)-[r:FUNDS {since: $since}]->(b)",
            src="a2", dst="a1", since=2021,
            database_=neo4j_db.database,
        )
        recs, _, _ = drv.execute_query(
            "MATCH (a:Actor) OPTIONAL MATCH (a)-[r:FUNDS]->(b:Actor) "
            "RETURN a.id AS id, a.name AS name, a.aliases AS aliases, a.score AS score, "
            "b.id AS funds, r.since AS since ORDER BY id",
            database_=neo4j_db.database,
        )
    got = [r.data() for r in recs]
    assert got == [
        {**rows[0], "funds": None, "since": None},
        {**rows[1], "funds": "a1", "since": 2021},
    ]


def test_database_is_wiped_between_tests(neo4j_db):
    with neo4j_db.driver() as drv:
        recs, _, _ = drv.execute_query(
            "MATCH (n) RETURN count(n) AS c", database_=neo4j_db.database
        )
        assert recs[0]["c"] == 0
        recs, _, _ = drv.execute_query(
            "SHOW CONSTRAINTS YIELD name RETURN count(*) AS c", database_=neo4j_db.database
        )
        assert recs[0]["c"] == 0


@pytest.mark.slow
def test_local_launcher_persists_data_and_stops_cleanly(tmp_path):
    """The Maven launcher itself: keeps a --data-dir store across restarts, takes a new
    password from the caller on restart, and leaves no Java process behind."""
    import os

    from qantar import neo4j_local

    if neo4j_local.tools_missing():
        pytest.skip(f"{' and '.join(neo4j_local.tools_missing())} not on PATH")
    data = tmp_path / "store"
    with neo4j_local.start(password="first-password", data_dir=data) as s1:
        assert s1.version.startswith("5.26")
        with s1.driver() as drv:
            drv.execute_query("CREATE (:Marker {v: $v})", v="kept", database_="neo4j")
        pid = s1.pid
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    with neo4j_local.start(password="second-password", data_dir=data, heap="700m",
                           pagecache_mb=96) as s2:
        with s2.driver() as drv:
            recs, _, _ = drv.execute_query("MATCH (m:Marker) RETURN m.v AS v", database_="neo4j")
            assert [r["v"] for r in recs] == ["kept"]
            # the memory options reach the server
            cache, _, _ = drv.execute_query(
                "SHOW SETTINGS YIELD name, value WHERE name = 'server.memory.pagecache.size' "
                "RETURN value", database_="system")
            assert cache[0]["value"] in ("96.00MiB", "100663296", "96m")
            heap, _, _ = drv.execute_query(
                "CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes "
                "RETURN attributes.HeapMemoryUsage.value.properties.max AS max",
                database_="system")
            assert heap[0]["max"] <= 700 * 2**20
        with neo4j.GraphDatabase.driver(s2.uri, auth=("neo4j", "first-password")) as old:
            with pytest.raises(AuthError):
                old.verify_connectivity()
