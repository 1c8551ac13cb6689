"""graph/schema.yaml is the one definition of the model: the records, the stores' DDL, the
query packs' type lists, the Browser style, the page's legend and the gold checker all
follow it."""

import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest
import yaml

from qantar.graph import projection
from qantar.graph import schema as schema_mod
from qantar.graph.exports import html
from qantar.graph.records import Actor, Article, Batch, Event, Statement
from qantar.graph.stores import cypher, open_store
from qantar.loaders.pipeline import load as load_articles
from qantar.queries import browser_kit, packs

REPO = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("label, record", [("Article", Article), ("Actor", Actor),
                                           ("Event", Event), ("Statement", Statement)])
def test_records_carry_exactly_the_properties_the_loaders_write(label, record):
    # keep_body is no property: it says whether `body` is stored (pages) or left empty
    names = {f.name for f in fields(record)} - {"keep_body"}
    assert names == set(schema_mod.load().nodes[label].written)


def test_every_id_prefix_names_one_label():
    schema = schema_mod.load()
    prefixes = [p for node in schema.nodes.values() for p in node.id_prefixes]
    assert len(prefixes) == len(set(prefixes))
    assert schema.nodes["Actor"].id_prefixes == schema.vocab["actor_types"]
    # an EventReport's id is an event id: label_of says Event unless told the end
    # takes reports only (projection.label_of)
    assert {schema.label_of(f"{p}:x") for p in prefixes} == set(schema.nodes) - {"EventReport"}


def test_the_gold_annotations_fit_the_schema_and_their_articles():
    check = subprocess.run([sys.executable, str(REPO / "tests" / "gold" / "check_gold.py")],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    folders = len(list((REPO / "tests" / "gold").glob("**/entities.tsv")))
    assert folders >= 43
    assert check.stderr.rstrip().endswith(f"0 error(s) in {folders} folder(s)")


FUNDED = {"predicate": "funded", "doc": "Money given.", "from": ["Actor"], "to": ["Actor"],
          "subject_types": ["person", "organization"], "object_types": ["organization"],
          "properties": {"amount": "STRING", "date": "STRING"}, "group": "money",
          "colour": "#123456"}


@pytest.fixture
def schema_with_funded(tmp_path, monkeypatch):
    """A copy of schema.yaml with one more relation type, as the schema every module loads."""
    raw = yaml.safe_load(schema_mod.SCHEMA_FILE.read_text(encoding="utf-8"))
    raw["relations"]["FUNDED"] = FUNDED
    copy = tmp_path / "schema.yaml"
    copy.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    schema = schema_mod.load(copy)
    monkeypatch.setattr(schema_mod, "load", lambda path=None: schema)
    packs.load_packs.cache_clear()
    yield schema
    packs.load_packs.cache_clear()


def test_a_new_relation_type_is_one_yaml_edit(schema_with_funded, tmp_path):
    schema = schema_with_funded
    assert schema.endpoint_types["funded"] == ({"person", "organization"}, {"organization"})
    assert ("CREATE REL TABLE IF NOT EXISTS FUNDED(FROM Actor TO Actor, id STRING, "
            "statement_ids STRING[], sources INT64, first_cited STRING, last_cited STRING, "
            "modality STRING, speakers STRING[], amount STRING, date STRING)"
            in schema_mod.ladybug_ddl())
    assert ("CREATE INDEX funded_id IF NOT EXISTS FOR ()-[r:FUNDED]-() ON (r.id)"
            in schema_mod.neo4j_schema_statements())
    assert "|OCCURRED_IN|FUNDED]" in packs.get("people/ego_network").text
    assert "|REQUESTED_HELP|FUNDED]" in packs.get("paths/brokers").text
    assert packs.get("timeline/changes_on").text.count("|REQUESTED_HELP|FUNDED]") == 1
    assert "relationship.FUNDED {\n  color: #123456;" in browser_kit.grass()

    body = "Nursultan Nazarbayev funded the Nazarbayev Foundation in 2010."
    article = Article(id="article:funded", title="T", publisher="P", published="2011",
                      published_precision="year", url="https://example.org/a", path="a.txt",
                      sha256="0" * 64, words=9, body=body)
    quote = body[:-1]
    statement = Statement(id=Statement.make_id(article.id, 0, len(quote), "funded",
                                               "person:n", "organization:f"),
                          predicate="funded", subject_id="person:n",
                          object_id="organization:f", quote=quote, span_start=0,
                          span_end=len(quote), article_id=article.id, published="2011",
                          detail="", start_date="2010")
    with open_store("embedded", path=tmp_path / "g.lbug") as store:
        store.write([Batch(article, [Actor("person:n", "person", "Nursultan Nazarbayev"),
                                     Actor("organization:f", "organization",
                                           "Nazarbayev Foundation")], [], [statement])])
        assert store.rebuild_projection().get("FUNDED") == 1
        graph = store.to_networkx()
    assert [d["type"] for *_, d in graph.edges(data=True) if d.get("type") == "FUNDED"] \
        == ["FUNDED"]
    assert "money" in html.views()
    html.write(graph, tmp_path / "page.html")
    page = (tmp_path / "page.html").read_text(encoding="utf-8")
    assert ('"relations":[{"colour":"#123456","count":1,"group":"money","label":"funded",'
            '"type":"FUNDED"}]') in page  # the legend


def test_a_relation_between_actors_must_say_its_endpoint_types(tmp_path):
    raw = yaml.safe_load(schema_mod.SCHEMA_FILE.read_text(encoding="utf-8"))
    raw["relations"]["FUNDED"] = {k: v for k, v in FUNDED.items() if k != "object_types"}
    copy = tmp_path / "schema.yaml"
    copy.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    with pytest.raises(ValueError, match="FUNDED needs subject_types and object_types"):
        schema_mod.load(copy)


class _Recording(dict):
    """A row that notes which of its keys the code reads."""

    def __init__(self, row: dict, seen: set):
        super().__init__(row)
        self.seen = seen

    def __getitem__(self, k):
        self.seen.add(k)
        return super().__getitem__(k)

    def get(self, k, default=None):
        self.seen.add(k)
        return super().get(k, default)


def test_the_rebuild_reads_and_writes_the_properties_the_schema_lists(tmp_path):
    """The projection, given every property of the seeds' statements and actors, reads
    exactly the schema's ``rebuild_reads`` and writes its ``rebuild_writes``: a property
    the code starts to read, or stops writing, fails here until schema.yaml says so."""
    schema = schema_mod.load()
    statement, actor = schema.nodes["Statement"], schema.nodes["Actor"]
    with open_store("embedded", path=tmp_path / "g.lbug") as store:
        assert not load_articles(store, [REPO / "seeds"]).errors
        statements = store.statements()  # every property, not only the ones read
        reports = store.run(cypher.read_nodes("EventReport"))
        actors = store.run(cypher.read_nodes("Actor"))
        cited = {r["id"]: r for r in store.run(cypher.citations())}
        derived_columns = store.run(cypher.read_derived_actors())[0].keys()
    predicates = {st["predicate"] for st in statements}
    assert {"holds_position", "participated_in", "event"} <= predicates  # a real mix
    seen: set = set()
    rows = [_Recording(st, seen) for st in statements]
    projection.identify_events(reports, rows, cited)
    assert projection.project(rows)
    assert seen == set(statement.rebuild_reads)

    seen = set()
    out = projection.actor_rows([_Recording(a, seen) for a in actors], cited, {})
    assert seen == {actor.key, *actor.rebuild_reads}
    assert {k for row in out for k in row} == {actor.key, *actor.rebuild_writes}
    assert set(derived_columns) == {actor.key, *actor.rebuild_reads, *actor.rebuild_writes}


def test_derived_properties_are_those_the_stores_write():
    """What the loaders never write is what the rebuild or the analytics write."""
    actor = schema_mod.load().nodes["Actor"]
    assert set(actor.derived) == (set(actor.rebuild_writes) | set(actor.analytics)) \
        - {f.name for f in fields(Actor)}


def test_a_rebuild_list_naming_no_property_is_refused(tmp_path):
    raw = yaml.safe_load(schema_mod.SCHEMA_FILE.read_text(encoding="utf-8"))
    raw["nodes"]["Statement"]["rebuild_reads"].append("quote_hash")
    copy = tmp_path / "schema.yaml"
    copy.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    with pytest.raises(ValueError, match=r"Statement names unknown properties \['quote_hash'\]"):
        schema_mod.load(copy)


def test_a_provenance_relation_must_go_via_a_statement_property(tmp_path):
    raw = yaml.safe_load(schema_mod.SCHEMA_FILE.read_text(encoding="utf-8"))
    raw["provenance"]["SPEAKER"]["via"] = "speaker"
    copy = tmp_path / "schema.yaml"
    copy.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    with pytest.raises(ValueError, match="SPEAKER goes via 'speaker', no Statement property"):
        schema_mod.load(copy)
