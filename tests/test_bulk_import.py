"""``qantar export csv`` into ``neo4j-admin database import full``: the seeds loaded
into the embedded store, exported, imported by Neo4j's own import tool (from the local
Maven server's classpath) into a fresh database, which then holds the same graph and
answers the pack queries with the same rows."""

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from qantar import neo4j_local
from qantar.cli.main import cli
from qantar.graph.stores import bulk, open_store
from qantar.graph.stores.import_files import ImportFiles
from qantar.graph.stores.neo4j import Neo4jSettings
from qantar.loaders.pipeline import load
from qantar.queries import packs

pytestmark = [pytest.mark.neo4j, pytest.mark.skipif(
    bool(neo4j_local.tools_missing()), reason="needs java and mvn (the local Neo4j)")]

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """(embedded store with the seeds, Neo4j store on the database imported from its
    CSV export, the export folder)."""
    root = tmp_path_factory.mktemp("bulk")
    embedded = open_store("embedded", path=root / "seeds.lbug")
    report = load(embedded, [SEEDS])
    assert report.articles == 5 and not report.errors
    embedded.close()
    folder = root / "import"
    result = CliRunner().invoke(cli, ["--store", str(root / "seeds.lbug"), "export", "csv",
                                      "-o", str(folder)], env={"QANTAR_BACKEND": "embedded"})
    assert result.exit_code == 0, result.output
    summary = neo4j_local.admin_import(folder, root / "home")
    assert "nodes" in summary and "relationships" in summary
    server = neo4j_local.start(data_dir=root / "home")
    neo4j = open_store("neo4j", settings=Neo4jSettings(
        uri=server.uri, username=server.username, password=server.password,
        database=server.database))
    neo4j.create_schema()
    embedded = open_store("embedded", path=root / "seeds.lbug", read_only=True)
    yield embedded, neo4j, folder
    embedded.close()
    neo4j.close()
    server.stop()


def test_the_export_is_one_file_per_label_and_type_with_the_import_options(imported):
    *_, folder = imported
    names = {p.name for p in folder.iterdir()}
    assert {"nodes-Actor.csv", "nodes-Statement.csv", "import.args",
            "relationships-SUBJECT-Statement-Actor.csv"} <= names
    header = (folder / "nodes-Actor.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("id:ID(Actor),type:string,") and header.endswith(",:LABEL")
    assert "aliases:string[]" in header and "cited_articles:long" in header


def test_the_imported_database_holds_the_same_graph(imported):
    embedded, neo4j, _ = imported
    assert neo4j.counts() == embedded.counts()
    on_neo4j, on_embedded = neo4j.to_networkx(), embedded.to_networkx()
    assert dict(on_neo4j.nodes(data=True)) == dict(on_embedded.nodes(data=True))
    edges = sorted(on_embedded.edges(keys=True, data=True), key=lambda e: e[2])
    assert sorted(on_neo4j.edges(keys=True, data=True), key=lambda e: e[2]) == edges
    # the Browser's type labels came along (:Actor:Person)
    assert neo4j.run("MATCH (p:Person {id: 'person:samat-abish'}) RETURN p.name AS n") == \
        [{"n": "Samat Abish"}]


@pytest.mark.parametrize("name", ["people/profile", "paths/shortest_path",
                                  "claims/attributed", "as_of/power_map"])
def test_the_imported_database_answers_the_packs_alike(imported, name):
    embedded, neo4j, _ = imported
    params = packs.get(name).examples()
    rows = packs.run(neo4j, name, params)
    assert rows and rows == packs.run(embedded, name, params)


def test_a_failed_export_leaves_the_old_folder(imported, tmp_path):
    embedded, _, folder = imported
    target = tmp_path / "import"
    shutil.copytree(folder, target)
    result = CliRunner().invoke(cli, ["--store", str(tmp_path / "missing.lbug"), "export",
                                      "csv", "-o", str(target)],
                                env={"QANTAR_BACKEND": "embedded"})
    assert result.exit_code != 0
    assert sorted(p.name for p in target.iterdir()) == sorted(p.name for p in folder.iterdir())


def test_load_bulk_gives_a_queryable_database_with_its_indexes(imported, tmp_path):
    embedded, *_ = imported
    home = tmp_path / "home"
    result = CliRunner().invoke(cli, ["--backend", "neo4j", "load", "--bulk", str(home),
                                      "--quiet", str(SEEDS)])
    assert result.exit_code == 0, result.output
    assert "Loaded 5 article(s) into neo4j" in result.stdout
    server = neo4j_local.start(data_dir=home)
    try:
        neo4j = open_store("neo4j", settings=Neo4jSettings(
            uri=server.uri, username=server.username, password=server.password,
            database=server.database))
        assert neo4j.counts() == embedded.counts()
        indexes = {r["name"] for r in neo4j.run("SHOW INDEXES YIELD name, state "
                                                "WHERE state = 'ONLINE' RETURN name")}
        assert {"actor_id", "statement_id", "statement_contested"} <= indexes
        assert neo4j.projection_marker()["state"] == "complete"
        params = packs.get("claims/single_source").examples()
        assert packs.run(neo4j, "claims/single_source", params) == \
            packs.run(embedded, "claims/single_source", params)
        neo4j.close()
    finally:
        server.stop()


def test_load_bulk_with_nothing_to_load_leaves_the_folder(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("---\ndate: the day after\n---\nTokayev dismissed Massimov.\n",
                   encoding="utf-8")
    result = CliRunner().invoke(cli, ["load", "--bulk", str(tmp_path / "home"), "--quiet",
                                      str(bad)])
    assert result.exit_code == 1
    assert "bad.md" in result.stderr and "Nothing imported" in result.stderr
    assert not (tmp_path / "home").exists()


# --- the direct path: extraction -> import files, no staging store --------------------
CORPUS = [Path(__file__).resolve().parent / "corpus" / split for split in ("dev", "tune")]


def _graph(store):
    return (store.counts(), dict(store.to_networkx().nodes(data=True)),
            sorted(store.to_networkx().edges(keys=True, data=True), key=lambda e: e[2]),
            store.projection_marker())


def test_the_direct_bulk_path_gives_the_graph_of_the_transactional_path(neo4j_db, tmp_path):
    """Real articles (dev and tune, plus one article in a second copy that replaces the
    first) into Neo4j twice: through the server's transactions, and through the import
    files written straight from extraction; nodes, relationships and every property
    alike, projection marker included."""
    corpus = tmp_path / "corpus"
    for split in CORPUS:
        shutil.copytree(split, corpus / split.name)
    first = sorted((corpus / "dev").iterdir())[0]
    (corpus / "zz-again.md").write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    transactional = open_store("neo4j", settings=Neo4jSettings(
        uri=neo4j_db.uri, username=neo4j_db.username, password=neo4j_db.password,
        database=neo4j_db.database))
    articles = sum(1 for p in corpus.rglob("*.md") if p.name != "README.md")  # + the copy
    try:
        report = load(transactional, [corpus])
        assert report.articles == articles and not report.errors
        wanted = _graph(transactional)
    finally:
        transactional.close()
    found = {}
    bulk_report = bulk.first_load(tmp_path / "home", lambda files: load(files, [corpus]),
                                  on_ready=lambda store, _: found.update(graph=_graph(store)))
    assert bulk_report.statements == report.statements and bulk_report.edges == report.edges
    counts, nodes, edges, marker = found["graph"]
    assert counts == wanted[0] and counts["Statement"] > 2000 and counts["RELATIVE_OF"]
    assert nodes == wanted[1]
    assert edges == wanted[2]
    assert marker == wanted[3] and marker["state"] == "complete"
    # the second copy's file name won, as a reload's does
    assert any(n.get("path", "").endswith("zz-again.md") for n in nodes.values())


def test_import_files_are_the_same_on_a_second_load_and_absent_after_a_failure(tmp_path):
    folders = []
    for name in ("one", "two"):
        files = ImportFiles(tmp_path / name)
        load(files, CORPUS[:1], workers=1)
        files.close()
        folders.append(sorted((p.name, p.read_bytes()) for p in (tmp_path / name).iterdir()))
    assert folders[0] == folders[1]

    def broken(*_):
        yield from []
        raise OSError("disk full")

    files = ImportFiles(tmp_path / "three")
    with pytest.raises(OSError):
        files.write(broken())
    files.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one", "two"]


def test_counting_as_statements_arrive_gives_the_files_of_counting_after(tmp_path):
    """The citations, spellings and rebuild statements are counted as the workers'
    batches arrive; a load where an article came twice counts them again from the spool
    after. Both routes give the same files (two workers, so the batches were prepared in
    the workers)."""
    folders = []
    for name, recount in (("streamed", False), ("recounted", True)):
        files = ImportFiles(tmp_path / name)
        files._rewritten = recount
        load(files, CORPUS, workers=2)
        files.close()
        folders.append(sorted((p.name, p.read_bytes()) for p in (tmp_path / name).iterdir()))
    assert folders[0] == folders[1]
    assert b"cited_statements" in dict(folders[0])["nodes-Actor.csv"]
