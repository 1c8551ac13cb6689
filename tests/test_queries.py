"""The query packs: their files, the runner, and one expected answer per query.

The answers come from the seed texts through the fixture graph (tests/fixture_graph.py:
real sentences, spans computed from the article bodies), and every one is checked on
both engines.
"""

from pathlib import Path

import pytest
from fixture_graph import load_fixture, neo4j_store, seed_path

from qantar.graph import schema as schema_mod
from qantar.graph.stores import open_store
from qantar.loaders.read import read_article
from qantar.graph.names import key
from qantar.queries import packs, spelling
from qantar.queries.actors import AmbiguousActor, NoSuchActor, resolve

QUERIES = packs.load_packs()
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ALL_TYPES = set(schema_mod.load().projected)
ACTOR_TYPES = {t for t, r in schema_mod.load().projected.items() if r.targets == ("Actor",)
               and r.sources == ("Actor",)}
DATED_TYPES = {t for t, r in schema_mod.load().projected.items() if "date" in r.properties}


# --- the files ----------------------------------------------------------------------------

def test_there_are_at_least_twenty_queries_in_the_asked_packs():
    assert len(QUERIES) >= 20
    assert {q.pack for q in QUERIES} >= {"people", "clans", "institutions", "timeline",
                                         "paths", "claims", "sources", "as_of"}


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.id)
def test_every_query_documents_itself(query):
    assert query.title and not query.title.startswith("@")
    assert len(query.description) > 40
    for param in query.params:
        assert param.doc, f"{query.id}: ${param.name} has no description"
        packs.check(param, param.value)  # the example is a valid value


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.id)
def test_every_query_orders_its_rows(query):
    """Same rows in the same order on both engines needs an ORDER BY in every branch."""
    for text in {query.text, *query.variants.values()}:
        for branch in text.split("\nUNION ALL\n"):
            assert "\nORDER BY " in branch, f"{query.id}: a branch has no ORDER BY"


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.id)
def test_relationship_type_lists_match_the_schema(query):
    """A query that follows "every relation" (or every dated one) lists exactly the
    schema's types, so a new relation type in schema.yaml cannot be silently skipped."""
    import re
    for text in {query.text, query.graph, *query.variants.values()}:
        for alternation in re.findall(r"\[\w*:([A-Z_|]+)", text):
            types = set(alternation.split("|"))
            assert types <= ALL_TYPES | set(schema_mod.load().provenance), alternation
            if len(types) > 5:
                assert types in (ALL_TYPES, ACTOR_TYPES, DATED_TYPES), \
                    f"{query.id}: {sorted(ALL_TYPES - types)} missing from a type list"


def test_only_shortest_paths_spelling_keys_ego_rings_and_evidence_need_a_variant():
    # LadybugDB has no reduce()/split()/=~ to fold a name with, Neo4j no list_reduce();
    # LadybugDB cannot expand from a node taken out of a list (ego_network's rings), and
    # plans actor_evidence as a join of every statement unless anchored on the id;
    # single_source splits its key, split() and 0-based lists in Neo4j, string_split()
    # and 1-based ones in it; attributed reads its sort key through an index in Neo4j,
    # which LadybugDB cannot index (nor join a few statements without scanning)
    written = {q.id for q in QUERIES if q.path.with_name(f"{q.name}.embedded.cypher").exists()}
    assert written == {"paths/shortest_path", "people/search", "people/ego_network",
                       "sources/actor_evidence", "claims/single_source", "claims/attributed"}
    assert "st.attributed_order" in packs.get("claims/attributed").text_for("neo4j")
    assert "st.attributed_order" not in packs.get("claims/attributed").text_for("embedded")
    for query in QUERIES:  # the others differ only where LIMIT takes the bare parameter
        if query.variants and query.id not in written:
            assert query.variants["embedded"] == query.text.replace("toInteger($limit)",
                                                                    "$limit")
    assert "collect(DISTINCT b2)" in packs.get("people/ego_network").text_for("neo4j")
    assert "SHORTEST 1..3" in packs.get("people/ego_network").text_for("embedded")
    shortest = packs.get("paths/shortest_path")
    assert "allShortestPaths" in shortest.text_for("neo4j")
    assert "ALL SHORTEST" in shortest.text_for("embedded")


def _gazetteer_spellings():
    import yaml

    found = set()

    def walk(node):
        if isinstance(node, str):
            found.add(node)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    walk(yaml.safe_load((SEEDS / "gazetteer.yaml").read_text(encoding="utf-8")))
    return found


TRICKY = ["Qasym-Zhomart Toqaev", "Касым-Жомарт Токаев", "Қасым-Жомарт Тоқаев", "Nazarbaev's",
          "Dzhaksybekov", "Ğabit Müsirepov", "Straße", "e\u0301mile", "İlham", "Yuriy Yurii",
          "yii iyi iiy", "Massimov--Masimov__x", "Сәтбаев", "Шымкент", "ayevyev yev", "  "]


def test_spelling_steps_give_the_key_of_graph_names():
    """$spelling (what people/search folds $name with) agrees with names.key."""
    spellings = _gazetteer_spellings() | set(TRICKY)
    assert len(spellings) > 200
    assert [s for s in spellings if spelling.key(s) != key(s)] == []


def test_spelling_chars_can_be_replaced_one_after_another():
    """The embedded variant replaces the table's characters in turn, which maps each
    character once only if no folded value holds a character a later pair replaces."""
    pairs = spelling.table()["chars"]
    assert all(len(c) == 1 and "|" not in f for c, f in pairs)
    later = set()
    for char, folded in reversed(pairs):
        assert not set(folded) & later, (char, folded)
        later.add(char)


def test_a_bad_header_names_the_file_and_line(tmp_path):
    pack = tmp_path / "mine"
    pack.mkdir()
    bad = pack / "q.cypher"
    bad.write_text("// Title\n// Says what it does.\n// @param who actor sample \"x\"\n"
                   "MATCH (a:Actor {id: $who}) RETURN a.name AS n ORDER BY n\n")
    with pytest.raises(packs.QueryError, match=r"q\.cypher:3: expected `@param"):
        packs.parse(bad)
    bad.write_text("// Title\n// @param who actor example \"x\" who\n"
                   "MATCH (a:Actor {id: $whom}) RETURN a.name AS n ORDER BY n\n")
    with pytest.raises(packs.QueryError, match=r"used \['whom'\].*declared \['who'\]"):
        packs.parse(bad)
    bad.write_text("MATCH (n) RETURN n\n")
    with pytest.raises(packs.QueryError, match=r"q\.cypher:1: a pack file opens with"):
        packs.parse(bad)
    bad.write_text("// Title\n// @param day date example \"2022-02-31\" a day\n"
                   "RETURN $day AS d ORDER BY d\n")
    with pytest.raises(packs.QueryError, match=r"q\.cypher:2: day must be a date"):
        packs.parse(bad)


def test_a_variant_must_use_the_parameters_of_its_main_file(tmp_path):
    pack = tmp_path / "mine"
    pack.mkdir()
    (pack / "q.cypher").write_text("// Title\n// @param who string example \"x\" who\n"
                                   "RETURN $who AS w ORDER BY w\n")
    (pack / "q.embedded.cypher").write_text("RETURN $other AS w ORDER BY w\n")
    with pytest.raises(packs.QueryError, match=r"q\.embedded\.cypher: uses parameters"):
        packs.load_packs(tmp_path)


def test_parameters_are_bound_and_checked():
    query = packs.get("people/ego_network")
    assert packs.bind(query, {"actor": "Abish"}) == {"actor": "Abish", "depth": 2,
                                                     "limit": 1000}
    with pytest.raises(packs.ParamError, match="needs actor"):
        packs.bind(query, {})
    with pytest.raises(packs.ParamError, match="no parameter 'dept'"):
        packs.bind(query, {"actor": "Abish", "dept": 1})
    with pytest.raises(packs.ParamError, match="whole number"):
        packs.coerce(query.param("depth"), "two")
    timeline = packs.get("timeline/events_between")
    assert packs.coerce(timeline.param("from"), "2022-1-5") == "2022-01-05"
    with pytest.raises(packs.ParamError, match="YYYY-MM-DD"):
        packs.coerce(timeline.param("from"), "5 January")
    kinds = packs.get("clans/kin_in_security_and_companies").param("kinds")
    assert packs.coerce(kinds, "company, military") == ["company", "military"]
    with pytest.raises(packs.ParamError, match="at least one"):
        packs.coerce(kinds, ",")


def test_queries_are_found_by_full_or_short_name():
    assert packs.get("profile").id == "people/profile"
    with pytest.raises(packs.UnknownQuery, match="no query 'profil'"):
        packs.get("profil")


# --- the fixture graph, on both engines -------------------------------------------------------

@pytest.fixture(scope="module", params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def graph(request, tmp_path_factory):
    if request.param == "embedded":
        store = open_store("embedded", path=tmp_path_factory.mktemp("q") / "g.lbug")
    else:
        store = neo4j_store(request.getfixturevalue("neo4j_server"))
    load_fixture(store)
    yield store
    store.close()


def run(store, query, **params):
    return packs.run(store, query, params)


def has(rows, **expected):
    """Whether some row holds all of ``expected`` (other columns ignored)."""
    return any(all(row.get(k) == v for k, v in expected.items()) for row in rows)


# The seeds date no event differently from one another; tests/test_event_identity.py
# runs these on articles that do, on both engines.
NOT_IN_THE_SEEDS = {"timeline/date_conflicts"}


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.id)
def test_every_example_finds_something_in_the_fixture(graph, query):
    """No query silently answers nothing (as `CONTAINS ''` does in the embedded engine)."""
    rows = packs.run(graph, query, query.examples())
    assert not rows if query.id in NOT_IN_THE_SEEDS else rows


@pytest.mark.parametrize("spelling", ["Toqaev", "Tokayev", "Токаев", "Qasym-Zhomart Toqaev",
                                      "kassym jomart tokaev", "person:kassym-jomart-tokayev"])
def test_an_actor_is_found_by_any_spelling(graph, spelling):
    assert resolve(graph, spelling).id == "person:kassym-jomart-tokayev"


def test_an_unknown_name_suggests_the_closest_actors(graph):
    with pytest.raises(NoSuchActor) as info:
        resolve(graph, "Nazarbaeff")
    assert info.value.suggestions[0] == "Nursultan Nazarbayev"
    assert "did you mean Nursultan Nazarbayev" in str(info.value)


def test_a_shared_word_is_ambiguous_not_guessed(graph):
    with pytest.raises(AmbiguousActor, match="Security Council of Kazakhstan"):
        resolve(graph, "security")


# people

def test_profile_shows_abish_as_nazarbayevs_nephew_dismissed_from_the_knb(graph):
    rows = run(graph, "people/profile", actor="Абиш")
    assert rows[0]["section"] == "name" and rows[0]["subject"] == "Samat Abish"
    assert has(rows, section="kin", subject="Samat Abish", relation="relative_of",
               detail="nephew", object="Nursultan Nazarbayev", sources=1)
    assert has(rows, section="post", relation="holds_position", detail="deputy chairman",
               object="Committee for National Security", until="2022-01", status="former")
    assert has(rows, section="event", relation="dismissal", detail="target",
               object="dismissal of Samat Abish", since="2022-01")
    assert has(rows, section="source", subject="Radio Free Europe/Radio Liberty")
    assert has(rows, section="alias", detail="Самат Абиш")


def test_profile_reads_relations_from_the_subject_side(graph):
    rows = run(graph, "people/profile", actor="Nazarbayev")
    assert has(rows, subject="Kassym-Jomart Tokayev", relation="dismissed",
               object="Nursultan Nazarbayev", since="2022-01-05")
    assert has(rows, subject="Nursultan Nazarbayev", relation="appointed",
               object="Kassym-Jomart Tokayev", detail="acting president")


def test_ego_network_grows_with_depth(graph):
    near = run(graph, "people/ego_network", actor="Abish", depth=1)
    assert {r["name"] for r in near} == {"Committee for National Security",
                                         "Nursultan Nazarbayev", "dismissal of Samat Abish"}
    wider = run(graph, "people/ego_network", actor="Abish", depth=2)
    assert has(wider, name="Kassym-Jomart Tokayev", distance=2, kind="person")
    assert has(wider, name="Karim Massimov", distance=2)  # via the KNB
    assert [r["distance"] for r in wider] == sorted(r["distance"] for r in wider)


def test_search_finds_cyrillic_and_latin_spellings(graph):
    # "назар" is "nazar" by key: the foundation has no Cyrillic alias, yet matches
    assert [r["name"] for r in run(graph, "people/search", name="назар")] == \
        ["Nazarbayev Foundation", "Nursultan Nazarbayev"]
    assert [r["name"] for r in run(graph, "people/search", name="TOQ")] == \
        ["Kassym-Jomart Tokayev"]
    assert len(run(graph, "people/search", name="")) == len(graph.run(
        "MATCH (a:Actor) RETURN a.id AS id"))


@pytest.mark.parametrize("spelling", ["Tokaiev", "Токайев", "KASYM-JOMART", "Qasym Zhomart"])
def test_search_finds_spellings_no_alias_holds(graph, spelling):
    """The query folds $name with graph/names.py's key (via $spelling), as the CLI does."""
    aliases = graph.run("MATCH (a:Actor {id: 'person:kassym-jomart-tokayev'}) "
                        "RETURN a.name AS name, a.aliases AS aliases")[0]
    assert not any(spelling.lower() in n.lower() for n in [aliases["name"], *aliases["aliases"]])
    assert [r["name"] for r in run(graph, "people/search", name=spelling)] == \
        ["Kassym-Jomart Tokayev"]


@pytest.mark.parametrize("graph", [pytest.param("neo4j", marks=pytest.mark.neo4j)],
                         indirect=True)  # the Browser runs on Neo4j only
def test_search_runs_with_the_browser_kits_params_snippet(graph):
    """In the Browser only the kit's `:params` map is there: its literal, evaluated by
    Neo4j itself, is all the query needs to fold a new spelling."""
    from qantar.queries import browser_kit

    query = packs.get("people/search")
    snippet = browser_kit.params_command({**query.examples(), **query.provided_values()})
    params = graph.run("RETURN " + snippet.removeprefix(":params ") + " AS p")[0]["p"]
    rows = graph.run(query.text, {**params, "name": "Токайев"})
    assert [r["name"] for r in rows] == ["Kassym-Jomart Tokayev"]


def test_most_cited_puts_tokayev_first(graph):
    rows = run(graph, "people/most_cited")
    assert [r["name"] for r in rows[:2]] == ["Kassym-Jomart Tokayev", "Nursultan Nazarbayev"]
    assert rows[0]["articles"] == 5
    assert run(graph, "people/most_cited", type="organization", limit=1)[0]["name"] \
        == "Collective Security Treaty Organization"


def test_most_cited_counts_are_those_of_the_statements(graph):
    """The counts the projection keeps on each actor equal a count over its statements."""
    counted = graph.run(
        "MATCH (a:Actor)<-[:SUBJECT|OBJECT|SPEAKER]-(st:Statement) "
        "RETURN a.name AS name, count(DISTINCT st.article_id) AS articles, "
        "count(st) AS statements")
    expected = {r["name"]: (r["articles"], r["statements"]) for r in counted}
    rows = [r for kind in ("person", "organization", "place")
            for r in run(graph, "people/most_cited", type=kind, limit=1000)]
    assert len(rows) == len(expected) > 10
    assert {r["name"]: (r["articles"], r["statements"]) for r in rows} == expected


# clans

def test_family_lists_kin_with_their_posts(graph):
    rows = run(graph, "clans/family", actor="Назарбаев")
    assert rows == [
        {"member": "Samat Abish", "tie": "nephew of Nursultan Nazarbayev",
         "post": "deputy chairman", "body": "Committee for National Security", "since": "",
         "until": "2022-01", "status": "former", "sources": 1},
        {"member": "Timur Kulibayev", "tie": "son-in-law of Nursultan Nazarbayev",
         "post": "", "body": "", "since": "", "until": "", "status": "", "sources": 1}]


def test_kin_in_security_services_and_the_kinship_filter(graph):
    rows = run(graph, "clans/kin_in_security_and_companies", actor="Nazarbayev")
    assert [(r["member"], r["body"], r["kind"]) for r in rows] == [
        ("Samat Abish", "Committee for National Security", "security_service")]
    assert run(graph, "clans/kin_in_security_and_companies", actor="Nazarbayev",
               kinship="NEPHEW") == rows
    # Kulibayev is the son-in-law, but the seeds name no post of his
    assert run(graph, "clans/kin_in_security_and_companies", actor="Nazarbayev",
               kinship="in-law") == []
    assert run(graph, "clans/kin_in_security_and_companies", actor="Nazarbayev",
               kinds=["company"]) == []


def test_who_lost_posts_after_january_2022_and_who_kept_them(graph):
    rows = run(graph, "clans/lost_or_kept_posts", actor="Nazarbayev", since="2022-01")
    outcome = {(r["member"], r["post"]): r["outcome"] for r in rows}
    assert outcome[("Samat Abish", "deputy chairman")] == "lost"
    assert outcome[("Nursultan Nazarbayev", "secretary")] == "lost"
    assert outcome[("Nursultan Nazarbayev", "head")] == "lost"  # the 5 January dismissal
    assert outcome[("Nursultan Nazarbayev", "president")] == "unclear"  # former, undated
    assert outcome[("Karim Massimov", "chairman")] == "unclear"
    kept = run(graph, "clans/lost_or_kept_posts", actor="Tokayev", since="2022-01")
    assert has(kept, member="Kassym-Jomart Tokayev", post="president", outcome="kept")
    assert has(kept, post="acting president", outcome="unclear")
    before = run(graph, "clans/lost_or_kept_posts", actor="Nazarbayev", since="2022-02")
    assert has(before, member="Samat Abish", outcome="ended before")


# institutions

def test_post_holders_of_the_knb_in_order(graph):
    rows = run(graph, "institutions/post_holders", body="KNB")
    assert [(r["holder"], r["post"], r["until"]) for r in rows] == [
        ("Samat Abish", "deputy chairman", "2022-01"), ("Karim Massimov", "chairman", "")]


def test_chain_of_command_from_sadykulov_up(graph):
    rows = run(graph, "institutions/chain_of_command", actor="Sadykulov")
    assert [(r["direction"], r["levels"], r["name"]) for r in rows] == [
        ("superior", 1, "Karim Massimov"), ("superior", 2, "Nursultan Nazarbayev")]
    assert rows[0]["posts"] == ["chairman, Committee for National Security"]
    down = run(graph, "institutions/chain_of_command", actor="Nazarbayev")
    assert has(down, direction="subordinate", levels=2, name="Anuar Sadykulov", posts=[])


def test_security_leadership_before_and_after_5_january(graph):
    rows = run(graph, "institutions/security_leadership", date="2022-01-05")
    standing = {r["holder"]: r["standing"] for r in rows}
    assert standing == {"Samat Abish": "left on or after",
                        "Karim Massimov": "held, no end stated"}
    council = run(graph, "institutions/security_leadership", date="2022-01-05",
                  kinds=["state_body"])
    assert has(council, holder="Nursultan Nazarbayev", post="secretary",
               standing="left on or after")


# timeline

def test_the_january_2022_timeline_has_the_csto(graph):
    rows = run(graph, "timeline/events_between", **{"from": "2022-01-01", "to": "2022-01-31"})
    assert has(rows, date="2022-01-19", type="withdrawal", places=["Kazakhstan"],
               participants=["Collective Security Treaty Organization (agent)"])
    assert has(rows, date="2022-01", precision="month", type="request_for_help",
               participants=["Collective Security Treaty Organization (target)",
                             "Kassym-Jomart Tokayev (agent)"])
    assert has(rows, date="2022-01-02", places=["Mangystau Region"])
    assert not has(rows, type="appointment")  # March 2019
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)


def test_what_changed_on_5_january(graph):
    rows = run(graph, "timeline/changes_on", date="2022-01-05")
    assert has(rows, change="event: dismissal", subject="Kassym-Jomart Tokayev",
               detail="agent", precision="day")
    assert has(rows, change="left post", subject="Nursultan Nazarbayev", detail="secretary",
               object="Security Council of Kazakhstan")
    assert has(rows, change="dismissed", subject="Kassym-Jomart Tokayev",
               object="Nursultan Nazarbayev")
    assert not has(rows, date="2022-01-19")


def test_tokayevs_timeline_starts_in_2019(graph):
    rows = run(graph, "timeline/actor_timeline", actor="Tokayev")
    assert rows[0]["date"] == "2019-03" and rows[0]["what"] == "event: appointment"
    assert has(rows, date="2022-01-05", what="event: dismissal", detail="agent")
    assert has(rows, date="2019", what="appointed (by Nursultan Nazarbayev)")


# paths

def test_shortest_path_from_abish_to_tokayev_with_evidence(graph):
    rows = run(graph, "paths/shortest_path", **{"from": "Abish", "to": "Tokayev"})
    assert {r["route"] for r in rows} == {
        "Samat Abish — Nursultan Nazarbayev — Kassym-Jomart Tokayev"}
    assert has(rows, hop=1, relation="relative_of", detail="nephew",
               quote="Nazarbaev's nephew, Samat Abish",
               outlet="Radio Free Europe/Radio Liberty")
    assert has(rows, hop=2, relation="dismissed", subject="Kassym-Jomart Tokayev",
               quote="Toqaev removed Nazarbaev as Security Council secretary on January 5.")
    assert run(graph, "paths/shortest_path", **{"from": "Abish", "to": "Mangystau"}) == []


def test_common_neighbours_of_abish_and_massimov(graph):
    rows = run(graph, "paths/common_neighbours", first="Abish", second="Massimov")
    assert [(r["neighbour"], r["first_relations"], r["second_relations"]) for r in rows] == [
        ("Committee for National Security", ["holds_position (deputy chairman)"],
         ["holds_position (chairman)"]),
        ("Nursultan Nazarbayev", ["relative_of (nephew)"],
         ["subordinate_of (chief security official)"])]


def test_nazarbayev_brokers_the_most_open_pairs(graph):
    rows = run(graph, "paths/brokers", limit=3)
    assert len(rows) == 3 and rows[0]["broker"] == "Nursultan Nazarbayev"
    assert rows[0]["open_pairs"] > rows[1]["open_pairs"]


# claims

def test_accusations_with_their_modality(graph):
    rows = run(graph, "claims/accusations")
    assert {(r["accuser"], r["accused"], r["modality"]) for r in rows} == {
        ("Kassym-Jomart Tokayev", "Nursultan Nazarbayev", "asserted"),
        ("Kassym-Jomart Tokayev", "Nursultan Nazarbayev", "denied")}
    assert {r["outlet"] for r in rows if r["modality"] == "asserted"} == {"Euractiv",
                                                                         "bne IntelliNews"}


def test_claims_by_tokayev(graph):
    rows = run(graph, "claims/by_speaker", speaker="Токаев")
    assert len(rows) == 3
    assert {r["speaker"] for r in rows} == {"Kassym-Jomart Tokayev"}
    assert has(rows, relation="participated_in", object="national address on January 7")


def test_attributed_claims_include_the_alleged_kremlin_support(graph):
    rows = run(graph, "claims/attributed")
    assert has(rows, speaker="", modality="alleged", subject="Kremlin", relation="ally_of")
    assert not has(rows, modality="reported", speaker="")


def test_contradiction_between_assertion_and_denial(graph):
    rows = run(graph, "claims/contradictions")
    assert len(rows) == 2
    assert {r["conflict"] for r in rows} == {"denied vs affirmed"}
    assert {r["second_claim"] for r in rows} | {r["first_claim"] for r in rows} >= {
        "denied", "asserted: political games of his close associates"}


def test_single_source_statements(graph):
    rows = run(graph, "claims/single_source")
    assert has(rows, relation="relative_of", subject="Samat Abish", detail="nephew")
    # reported by Euractiv and bne IntelliNews: two sources
    assert not has(rows, relation="accused", modality="asserted")


# sources

def test_relation_evidence_quotes_the_article_exactly(graph):
    rows = run(graph, "sources/relation_evidence", first="Abish", second="Nazarbayev")
    assert len(rows) == 1
    body = read_article(seed_path("003")).body
    assert body[rows[0]["span_start"]:rows[0]["span_end"]] == rows[0]["quote"] == \
        "Nazarbaev's nephew, Samat Abish"
    assert rows[0]["url"].startswith("https://www.rferl.org/")


def test_actor_evidence_for_abish(graph):
    rows = run(graph, "sources/actor_evidence", actor="Abish")
    assert {r["relation"] for r in rows} == {"relative_of", "holds_position",
                                             "participated_in"}


def test_articles_mentioning_massimov_newest_first(graph):
    rows = run(graph, "sources/articles_mentioning", actor="Massimov")
    assert [(r["outlet"], r["published"]) for r in rows] == [
        ("Euractiv", "2024-01"), ("kurbanovmurad.com", "2023-01")]
    assert rows[0]["mentions"] >= 1 and rows[0]["statements"] == 2


def test_coverage_by_outlet(graph):
    rows = run(graph, "sources/coverage_by_outlet")
    assert len(rows) == 5 and {r["articles"] for r in rows} == {1}
    rferl = next(r for r in rows if r["outlet"] == "Radio Free Europe/Radio Liberty")
    assert rferl["first_published"] == "2022-01" and rferl["relations"] >= 20


def test_coverage_counts_are_those_of_the_statements(graph):
    """The counts each article carries add up to a count over the outlet's statements."""
    counted = graph.run(
        "MATCH (art:Article)-[:STATES]->(st:Statement) "
        "OPTIONAL MATCH (st)-[:SUBJECT]->(x:Actor) "
        "RETURN art.publisher AS outlet, count(DISTINCT st) AS statements, "
        "count(DISTINCT CASE WHEN st.predicate = 'mentions' THEN NULL ELSE st.id END) "
        "AS relations, count(DISTINCT x) AS actors")
    expected = {r["outlet"]: (r["statements"], r["relations"], r["actors"]) for r in counted}
    rows = run(graph, "sources/coverage_by_outlet")
    assert {r["outlet"]: (r["statements"], r["relations"], r["actors"]) for r in rows} \
        == expected
    assert all(type(r["statements"]) is int for r in rows)


# as of

def test_power_map_on_4_and_after_january(graph):
    before = run(graph, "as_of/power_map", date="2022-01-04")
    assert has(before, holder="Nursultan Nazarbayev", post="secretary",
               basis="ended after, no start stated", removed="2022-01-05")
    assert has(before, holder="Samat Abish", post="deputy chairman")
    assert has(before, holder="Kassym-Jomart Tokayev", post="president",
               basis="started, no end stated")
    after = run(graph, "as_of/power_map", date="2022-02")
    assert not has(after, holder="Nursultan Nazarbayev")
    assert not has(after, holder="Samat Abish")
    assert has(after, holder="Kassym-Jomart Tokayev", post="president")
    assert not has(run(graph, "as_of/power_map", date="2018"),
                   holder="Kassym-Jomart Tokayev")  # his posts start in 2019
