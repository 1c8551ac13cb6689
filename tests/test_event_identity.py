"""One real event, one node: reports of the same event by several articles (or
sentences) merge into one Event with every source; dates that disagree stay side by
side; two events of one kind on different days stay two; any load order, either
engine, gives the same events."""

from pathlib import Path

import pytest

from qantar.graph.stores import open_store
from qantar.loaders.pipeline import load
from qantar.queries import packs
from test_html import browser  # noqa: F401  (fixtures: Chromium, and both stores)
from test_stores import embedded, neo4j_store  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
SEED_003 = ROOT / "seeds" / "003_cc4235c471014565.txt"  # Abish dismissed in January 2022
DEV = ROOT / "tests" / "corpus" / "dev"
E01 = DEV / "E01_kzexpert_dismissing_nazarbayev_sons_in_law_and_nephew.md"
E03 = DEV / "E03_chinaaid_rferl_kazakh_massimov_arrested_for_treason.md"
E05 = DEV / "E05_kzexpert_why_was_masimov_arrested.md"
T01 = ROOT / "tests" / "corpus" / "tune" / "T01_cabar_tokayev_method_personnel_reshuffle.md"
REAL = [SEED_003, E01, E03, E05, T01]
MASSIMOV, ABISH = "person:karim-massimov", "person:samat-abish"

# Two outlets date Massimov's detention differently (E03's sentence, each with its
# date), and a third reports it undated, next to two dismissals of Abish two months
# apart: two events, whatever the articles.
CONFLICT = {
    "a.md": ("Outlet A", "2022-01-10",
             "On January 6, former KNB chairman Karim Massimov was detained on suspicion "
             "of treason."),
    "b.md": ("Outlet B", "2022-01-12",
             "Former KNB chairman Karim Massimov was detained on January 8 on suspicion "
             "of treason."),
    "c.md": ("Outlet C", "2022-03-02",
             "Karim Massimov was detained on suspicion of treason. Samat Abish was "
             "dismissed on January 5. Samat Abish was dismissed on March 1."),
}


def write_conflict(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, (publisher, date, body) in CONFLICT.items():
        path = folder / name
        path.write_text(f'---\ntitle: "{name}"\npublisher: "{publisher}"\ndate: "{date}"\n'
                        f"---\n{body}\n", encoding="utf-8")
        out.append(path)
    return out


def events_of(store, actor: str, etype: str) -> list[dict]:
    """The events of a type the actor undergoes, with the articles that report them."""
    return store.run(
        "MATCH (a:Actor {id: $actor})-[p:PARTICIPATED_IN]->(e:Event) "
        "WHERE e.type = $type AND p.role IN ['target', 'subject'] "
        "UNWIND e.report_ids AS rid "
        "MATCH (:EventReport {id: rid})<-[:SUBJECT]-(st:Statement)<-[:STATES]-(art:Article) "
        "RETURN e.id AS id, e.date AS date, e.dates AS dates, e.date_sources AS date_sources, "
        "e.sources AS sources, e.name AS name, collect(DISTINCT art.path) AS paths, "
        "collect(DISTINCT st.quote) AS quotes ORDER BY id",
        {"actor": actor, "type": etype})


def event_graph(store) -> list[tuple]:
    """Every event with its properties and its edges: what must not depend on order."""
    events = store.run("MATCH (e:Event) RETURN e.id AS id, e.type AS type, e.name AS name, "
                       "e.date AS date, e.date_precision AS p, e.dates AS dates, "
                       "e.date_sources AS ds, e.report_ids AS reports, e.sources AS sources "
                       "ORDER BY id")
    edges = store.run("MATCH (a:Actor)-[r:PARTICIPATED_IN]->(e:Event) RETURN a.id AS src, "
                      "e.id AS dst, r.role AS role, r.statement_ids AS sts")
    places = store.run("MATCH (e:Event)-[r:OCCURRED_IN]->(p:Actor) RETURN e.id AS src, "
                       "p.id AS dst, r.statement_ids AS sts")
    return sorted(tuple(sorted((k, tuple(v) if isinstance(v, list) else v)
                               for k, v in r.items())) for r in [*events, *edges, *places])


def article_id(store, path: Path) -> str:
    return store.run("MATCH (a:Article {path: $p}) RETURN a.id AS id", {"p": path.name})[0]["id"]


def test_massimovs_detention_reported_by_two_articles_is_one_node(embedded):
    load(embedded, REAL, workers=1)
    (event,) = [e for e in events_of(embedded, MASSIMOV, "detention")
                if e["date"] == "2022-01-06"]
    assert {E03.name, E05.name} <= set(event["paths"])
    assert event["sources"] >= 2 and event["dates"] == ["2022-01-06"]
    # every sentence stays a source: E03 names the detention in more than one
    assert len(event["quotes"]) >= 3
    assert any("Massimov and others were detained" in q for q in event["quotes"])


def test_abishs_dismissal_in_three_articles_is_one_node_with_the_day(embedded):
    """Seed 003 says January 2022, T01 January 17, E01 gives no date: one dismissal."""
    load(embedded, REAL, workers=1)
    events = events_of(embedded, ABISH, "dismissal")
    merged = [e for e in events if {SEED_003.name, T01.name} <= set(e["paths"])]
    assert len(merged) == 1, events
    (event,) = merged
    assert event["date"] == "2022-01-17" and event["dates"] == ["2022-01-17"]
    assert event["date_sources"] == [article_id(embedded, T01)]
    assert E01.name in event["paths"]  # the undated report joins the one dated event
    assert not [e for e in events if e is not event and e["date"][:7] in ("", "2022-01")]


def test_conflicting_dates_are_kept_side_by_side_with_their_sources(embedded, tmp_path):
    paths = write_conflict(tmp_path / "articles")
    load(embedded, paths, workers=1)
    (event,) = events_of(embedded, MASSIMOV, "detention")
    assert event["dates"] == ["2022-01-06", "2022-01-08"]
    assert event["date_sources"] == [article_id(embedded, paths[0]),
                                     article_id(embedded, paths[1])]
    assert event["date"] == "2022-01-06" and event["sources"] == 3
    assert event["name"] == "detention of Karim Massimov (2022-01-06 / 2022-01-08)"
    # the packs and `qantar timeline` show who gives which date
    rows = packs.run(embedded, "timeline/date_conflicts", {})
    assert {(r["date"], r["outlet"]) for r in rows} == {("2022-01-06", "Outlet A"),
                                                        ("2022-01-08", "Outlet B")}
    (row,) = [r for r in packs.run(embedded, "timeline/events_between",
                                   {"from": "2022-01-01", "to": "2022-01-31"})
              if r["type"] == "detention"]
    assert row["dates"] == ["2022-01-06", "2022-01-08"] and row["sources"] == 3
    on_8th = packs.run(embedded, "timeline/changes_on", {"date": "2022-01-08"})
    assert any(r["change"] == "event: detention (dates differ)" for r in on_8th)


def test_two_dismissals_on_different_days_stay_two(embedded, tmp_path):
    load(embedded, write_conflict(tmp_path / "articles"), workers=1)
    dates = sorted(e["date"] for e in events_of(embedded, ABISH, "dismissal"))
    assert dates == ["2022-01-05", "2022-03-01"]


def test_two_days_in_one_article_are_two_events_even_close_together(embedded, tmp_path):
    (tmp_path / "d.md").write_text(
        '---\ntitle: "d"\ndate: "2022-01-20"\n---\nSamat Abish was dismissed on January '
        "5. Samat Abish was dismissed on January 7.\n", encoding="utf-8")
    load(embedded, [tmp_path / "d.md"], workers=1)
    dates = sorted(e["date"] for e in events_of(embedded, ABISH, "dismissal"))
    assert dates == ["2022-01-05", "2022-01-07"]


def test_any_order_incremental_or_twice_gives_the_same_events(tmp_path):
    paths = [*REAL, *write_conflict(tmp_path / "articles")]
    graphs = []
    for name, steps in (("together", [paths]),
                        ("reversed", [paths[::-1]]),
                        ("one_by_one", [[p] for p in paths[::-1]]),
                        ("twice", [paths, paths[2:]])):
        with open_store("embedded", path=tmp_path / f"{name}.lbug") as store:
            for step in steps:
                load(store, step, workers=1)
            graphs.append(event_graph(store))
    assert len(graphs[0]) > 20
    assert all(g == graphs[0] for g in graphs[1:])


def test_an_article_loaded_later_merges_into_the_earlier_event(embedded, tmp_path):
    a, b, c = write_conflict(tmp_path / "articles")
    load(embedded, [a], workers=1)
    (first,) = events_of(embedded, MASSIMOV, "detention")
    load(embedded, [b], workers=1)
    load(embedded, [c], workers=1)
    (event,) = events_of(embedded, MASSIMOV, "detention")
    assert event["id"] == first["id"] and event["sources"] == 3
    assert embedded.run("MATCH (e:Event) WHERE e.type = 'detention' RETURN count(e) AS n"
                        )[0]["n"] == 1


def test_neo4j_merges_events_as_the_embedded_store_does(neo4j_store, tmp_path):
    paths = [*REAL, *write_conflict(tmp_path / "articles")]
    load(neo4j_store, paths[::-1], workers=1)
    with open_store("embedded", path=tmp_path / "g.lbug") as embedded:
        load(embedded, paths, workers=1)
        expected = event_graph(embedded)
        conflicts = packs.run(embedded, "timeline/date_conflicts", {})
        between = packs.run(embedded, "timeline/events_between", {"from": "2022-01",
                                                                  "to": "2022-03"})
    assert event_graph(neo4j_store) == expected
    assert packs.run(neo4j_store, "timeline/date_conflicts", {}) == conflicts
    assert packs.run(neo4j_store, "timeline/events_between",
                     {"from": "2022-01", "to": "2022-03"}) == between
    # a.md joins E03's and E05's detention of 6 January; b.md dates it the 8th
    rows = packs.run(neo4j_store, "timeline/date_conflicts", {})
    assert {("2022-01-06", "Outlet A"), ("2022-01-08", "Outlet B")} <= {
        (r["date"], r["outlet"]) for r in rows}
    assert {r["date"] for r in rows} == {"2022-01-06", "2022-01-08"}


def test_a_store_from_before_event_reports_says_to_load_into_a_new_one(tmp_path):
    import ladybug

    from qantar.graph.stores.base import StoreError

    path = tmp_path / "old.lbug"
    db = ladybug.Database(str(path))
    conn = ladybug.Connection(db)
    for label in ("Statement", "Event", "Actor"):
        conn.execute(f"CREATE NODE TABLE {label}(id STRING PRIMARY KEY)")
    conn.execute("CREATE REL TABLE SUBJECT(FROM Statement TO Actor, FROM Statement TO Event)")
    conn.close()
    db.close()
    for read_only in (False, True):
        with pytest.raises(StoreError, match="lack SUBJECT Statement->EventReport"):
            open_store("embedded", path=path, read_only=read_only)


def test_the_page_shows_the_conflict_and_every_source(browser, embedded, tmp_path):
    from test_html import Page

    from qantar.graph.exports import html

    load(embedded, write_conflict(tmp_path / "articles"), workers=1)
    (event,) = events_of(embedded, MASSIMOV, "detention")
    path = tmp_path / "page.html"
    html.write(embedded.to_networkx(), path, events=True)  # events drawn as nodes
    page = Page(browser, path, f"#node={event['id']}")
    try:
        panel = page.page.locator("#panel")
        assert page.page.get_attribute("#panel", "data-node") == event["id"]
        text = panel.inner_text()
        assert "Dates differ: 2022-01-06 (Outlet A) · 2022-01-08 (Outlet B)" in text
        assert "cited in 3 articles" in text.lower()  # the heading is styled upper case
        assert page.blocked == [] and page.errors == []
    finally:
        page.close()
