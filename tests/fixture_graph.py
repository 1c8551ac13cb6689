"""A small graph built from real sentences of the seed articles, for the query tests.

The query tests need relations of every kind, more than the extraction finds in five
articles. This helper adds, through the real store API, statements a careful reader
takes from the seeds: every quote is a verbatim substring of its article body and its
span is computed from the body, never typed in. The readings follow the hand-annotated
gold set in ``tests/gold/`` where it has them.

    from fixture_graph import load_fixture
    load_fixture(store)          # store.write([...]) + store.rebuild_projection()
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qantar.graph.records import Batch, Event, Statement, stable_id
from qantar.loaders.pipeline import default_gazetteer, extract
from qantar.loaders.read import read_article

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

TOKAYEV = "person:kassym-jomart-tokayev"
NAZARBAYEV = "person:nursultan-nazarbayev"
MASSIMOV = "person:karim-massimov"
SADYKULOV = "person:anuar-sadykulov"
ABISH = "person:samat-abish"
KULIBAYEV = "person:timur-kulibayev"
BEKTANOV = "person:murat-bektanov"
KNB = "organization:committee-for-national-security"
CSTO = "organization:collective-security-treaty-organization"
SECURITY_COUNCIL = "organization:security-council-of-kazakhstan"
KREMLIN = "organization:kremlin"
KAZAKHSTAN = "place:kazakhstan"
MANGYSTAU = "place:mangystau-region"

# seed file prefixes
BNE, EURACTIV, ASTANA_TIMES, RFERL, KURBANOV = "000", "001", "002", "003", "004"


@dataclass(frozen=True)
class EventSpec:
    key: str
    type: str
    name: str
    date: str
    precision: str
    date_raw: str


EVENTS = {
    e.key: e for e in (
        EventSpec("protest-mangystau", "protest", "protests break out in Mangystau",
                  "2022-01-02", "day", "Jan. 2, 2022"),
        EventSpec("dismissal-nazarbayev", "dismissal",
                  "Nazarbayev removed as Security Council secretary", "2022-01-05", "day",
                  "January 5"),
        EventSpec("dismissal-abish", "dismissal", "dismissal of Samat Abish", "2022-01",
                  "month", "shortly thereafter"),
        EventSpec("address-shoot-to-kill", "address", "national address on January 7",
                  "2022-01-07", "day", "January 7"),
        EventSpec("request-csto", "request_for_help", "request for CSTO help", "2022-01",
                  "month", "the beginning of the January 2022 events"),
        EventSpec("deployment-csto", "deployment", "CSTO sends troops", "", "unknown", ""),
        EventSpec("withdrawal-csto", "withdrawal", "CSTO troops leave Kazakhstan",
                  "2022-01-19", "day", "by January 19"),
        EventSpec("appointment-tokayev", "appointment", "Tokayev becomes acting president",
                  "2019-03", "month", "March 2019"),
    )
}


def event_id(key: str) -> str:
    return stable_id("event", key)


@dataclass(frozen=True)
class Fact:
    """One reading of one sentence: ``predicate(subject, object)`` with its quote."""

    seed: str
    quote: str
    predicate: str
    subject: str
    object: str = ""
    detail: str = ""
    start_date: str = ""
    end_date: str = ""
    status: str = ""
    modality: str = "reported"
    speaker: str = ""


def _event(key: str) -> str:
    return event_id(key)


FACTS = (
    # --- kin and posts (003, RFE/RL) ---
    Fact(RFERL, "Nazarbaev's nephew, Samat Abish", "relative_of", ABISH, NAZARBAYEV, "nephew"),
    Fact(RFERL, "Nazarbaev's nephew, Samat Abish, was also dismissed as the deputy chairman "
                "of the Committee for National Security (KNB).", "holds_position", ABISH, KNB,
         "deputy chairman", end_date="2022-01", status="former"),
    Fact(RFERL, "Toqaev removed Nazarbaev as Security Council secretary on January 5.",
         "dismissed", TOKAYEV, NAZARBAYEV, "Security Council secretary",
         start_date="2022-01-05"),
    Fact(RFERL, "Toqaev removed Nazarbaev as Security Council secretary on January 5.",
         "holds_position", NAZARBAYEV, SECURITY_COUNCIL, "secretary", end_date="2022-01-05",
         status="former"),
    Fact(RFERL, "Nazarbaev finally left as president and was appointed head of the council",
         "holds_position", NAZARBAYEV, SECURITY_COUNCIL, "head"),
    Fact(RFERL, "The old man is Nazarbaev, the 81-year-old former president",
         "holds_position", NAZARBAYEV, KAZAKHSTAN, "president", status="former"),
    Fact(RFERL, "Qasym-Zhomart Toqaev became Kazakhstan's acting president in March 2019",
         "holds_position", TOKAYEV, KAZAKHSTAN, "acting president", start_date="2019-03"),
    Fact(RFERL, "appealing to the Russian-led Collective Security Treaty Organization (CSTO) "
                "for help to restore order", "requested_help", TOKAYEV, CSTO),
    Fact(RFERL, "a sign of the Kremlin's support for Toqaev in an alleged power struggle with "
                "Nazarbaev supporters", "ally_of", KREMLIN, TOKAYEV, "support",
         modality="alleged"),
    Fact(RFERL, "He's also in debt to the Kremlin for sending in troops to prop him up when his "
                "position as president seemed precarious.", "ally_of", KREMLIN, TOKAYEV,
         "support"),
    # --- 000, bne IntelliNews ---
    Fact(BNE, "Tokayev, who was subsequently elected president later that year",
         "holds_position", TOKAYEV, KAZAKHSTAN, "president", start_date="2019",
         status="current"),
    Fact(BNE, "his appointment as acting president by predecessor Nursultan Nazarbayev in 2019",
         "appointed", NAZARBAYEV, TOKAYEV, "acting president", start_date="2019"),
    Fact(BNE, "Tokayev also claimed in the interview that he had informed Nazarbayev that the "
              "political “hubris” of his close associates had nearly brought about the "
              "country's destruction", "accused", TOKAYEV, NAZARBAYEV,
         "political games of his close associates", modality="asserted", speaker=TOKAYEV),
    Fact(BNE, "In the interview, he also specifically focused on elites close to Nazarbayev, "
              "rather than Nazarbayev himself.", "accused", TOKAYEV, NAZARBAYEV,
         modality="denied"),
    # --- 001, Euractiv ---
    Fact(EURACTIV, "Later, I directly told Nursultan Abishevich Nazarbayev that the political "
                   "games, first of all, of his closest associates almost tore the country "
                   "apart.", "accused", TOKAYEV, NAZARBAYEV,
         "political games of his close associates", modality="asserted", speaker=TOKAYEV),
    Fact(EURACTIV, "Karim Massimov, former president Nursultan Nazarbayev’s chief security "
                   "official", "subordinate_of", MASSIMOV, NAZARBAYEV,
         "chief security official"),
    Fact(EURACTIV, "his former deputy Anuar Sadykulov", "subordinate_of", SADYKULOV, MASSIMOV,
         "deputy"),
    # --- 004, kurbanovmurad.com ---
    Fact(KURBANOV, "former chairman of the KNB Karim Massimov", "holds_position", MASSIMOV, KNB,
         "chairman", status="former"),
    Fact(KURBANOV, "Defense Minister Murat Bektanov", "holds_position", BEKTANOV, KAZAKHSTAN,
         "defense minister"),
    Fact(KURBANOV, "Nazarbayev’s son-in-law Timur Kulibayev", "relative_of", KULIBAYEV,
         NAZARBAYEV, "son-in-law"),
    Fact(KURBANOV, "The President of Kazakhstan asked for help from the CSTO troops.",
         "requested_help", TOKAYEV, CSTO),
    # --- events: the sentence stating each, then who took part and where ---
    Fact(ASTANA_TIMES, "the protests that broke out on Jan. 2, 2022, in western Kazakhstan’s "
                       "Mangystau Region", "event", _event("protest-mangystau")),
    Fact(ASTANA_TIMES, "the protests that broke out on Jan. 2, 2022, in western Kazakhstan’s "
                       "Mangystau Region", "occurred_in", _event("protest-mangystau"),
         MANGYSTAU),
    Fact(RFERL, "Toqaev removed Nazarbaev as Security Council secretary on January 5.", "event",
         _event("dismissal-nazarbayev")),
    Fact(RFERL, "Toqaev removed Nazarbaev as Security Council secretary on January 5.",
         "participated_in", TOKAYEV, _event("dismissal-nazarbayev"), "agent"),
    Fact(RFERL, "Toqaev removed Nazarbaev as Security Council secretary on January 5.",
         "participated_in", NAZARBAYEV, _event("dismissal-nazarbayev"), "target"),
    Fact(RFERL, "Toqaev removed Nazarbaev as Security Council secretary on January 5.",
         "participated_in", SECURITY_COUNCIL, _event("dismissal-nazarbayev"), "participant"),
    Fact(RFERL, "Nazarbaev's nephew, Samat Abish, was also dismissed as the deputy chairman "
                "of the Committee for National Security (KNB).", "event",
         _event("dismissal-abish")),
    Fact(RFERL, "Nazarbaev's nephew, Samat Abish, was also dismissed as the deputy chairman "
                "of the Committee for National Security (KNB).", "participated_in", ABISH,
         _event("dismissal-abish"), "target"),
    Fact(RFERL, "Nazarbaev's nephew, Samat Abish, was also dismissed as the deputy chairman "
                "of the Committee for National Security (KNB).", "participated_in", KNB,
         _event("dismissal-abish"), "participant"),
    Fact(RFERL, "In a national address on January 7, Toqaev said he had given security forces "
                "an order to shoot to kill without warning.", "event",
         _event("address-shoot-to-kill")),
    Fact(RFERL, "In a national address on January 7, Toqaev said he had given security forces "
                "an order to shoot to kill without warning.", "participated_in", TOKAYEV,
         _event("address-shoot-to-kill"), "speaker", modality="asserted", speaker=TOKAYEV),
    Fact(KURBANOV, "The President of Kazakhstan asked for help from the CSTO troops.", "event",
         _event("request-csto")),
    Fact(KURBANOV, "The President of Kazakhstan asked for help from the CSTO troops.",
         "participated_in", TOKAYEV, _event("request-csto"), "agent"),
    Fact(KURBANOV, "The President of Kazakhstan asked for help from the CSTO troops.",
         "participated_in", CSTO, _event("request-csto"), "target"),
    Fact(RFERL, "the foreign troops, who had all departed Kazakhstan by January 19", "event",
         _event("withdrawal-csto")),
    Fact(RFERL, "the foreign troops, who had all departed Kazakhstan by January 19",
         "participated_in", CSTO, _event("withdrawal-csto"), "agent"),
    Fact(RFERL, "The CSTO agreed for the first time in its 30-year history to send troops to a "
                "member country to fend off a foreign force", "event", _event("deployment-csto")),
    Fact(RFERL, "The CSTO agreed for the first time in its 30-year history to send troops to a "
                "member country to fend off a foreign force", "participated_in", CSTO,
         _event("deployment-csto"), "agent"),
    Fact(RFERL, "The CSTO agreed for the first time in its 30-year history to send troops to a "
                "member country to fend off a foreign force", "occurred_in",
         _event("deployment-csto"), KAZAKHSTAN),
    Fact(RFERL, "the foreign troops, who had all departed Kazakhstan by January 19",
         "occurred_in", _event("withdrawal-csto"), KAZAKHSTAN),
    Fact(RFERL, "Qasym-Zhomart Toqaev became Kazakhstan's acting president in March 2019",
         "event", _event("appointment-tokayev")),
    Fact(RFERL, "Qasym-Zhomart Toqaev became Kazakhstan's acting president in March 2019",
         "participated_in", TOKAYEV, _event("appointment-tokayev"), "target"),
)


def seed_path(prefix: str) -> Path:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def _statement(fact: Fact, article) -> Statement:
    start = article.body.find(fact.quote)
    if start < 0:
        raise AssertionError(f"{fact.seed}: quote not in the article: {fact.quote!r}")
    end = start + len(fact.quote)
    precision = {4: "year", 7: "month", 10: "day"}
    return Statement(
        id=Statement.make_id(article.id, start, end, fact.predicate, fact.subject,
                             fact.object, fact.detail),
        predicate=fact.predicate, subject_id=fact.subject, object_id=fact.object,
        quote=fact.quote, span_start=start, span_end=end, article_id=article.id,
        published=article.published, detail=fact.detail,
        start_date=fact.start_date, start_precision=precision.get(len(fact.start_date), ""),
        end_date=fact.end_date, end_precision=precision.get(len(fact.end_date), ""),
        status=fact.status, speaker_id=fact.speaker, modality=fact.modality,
        method="curated", confidence=1.0)


def build_batches() -> list[Batch]:
    """One batch per seed article: its gazetteer mentions plus the facts above."""
    gazetteer = default_gazetteer()
    batches = []
    for prefix in (BNE, EURACTIV, ASTANA_TIMES, RFERL, KURBANOV):
        article = read_article(seed_path(prefix))
        batch = extract(article, gazetteer)
        # only mentions: the facts below must not change as relation extraction lands
        batch.statements = [s for s in batch.statements if s.predicate == "mentions"]
        named = {s.subject_id for s in batch.statements}
        actors = {a.id: a for a in batch.actors if a.id in named}
        events = {}
        for fact in (f for f in FACTS if f.seed == prefix):
            batch.statements.append(_statement(fact, article))
            for node_id in (fact.subject, fact.object, fact.speaker):
                if node_id.startswith("event:"):
                    spec = next(e for e in EVENTS.values() if event_id(e.key) == node_id)
                    events[node_id] = Event(id=node_id, type=spec.type, name=spec.name,
                                            date=spec.date, date_precision=spec.precision,
                                            date_raw=spec.date_raw)
                elif node_id:
                    actors[node_id] = gazetteer.actors[node_id]
        batch.actors = sorted(actors.values(), key=lambda a: a.id)
        batch.events = sorted(events.values(), key=lambda e: e.id)
        batches.append(batch)
    return batches


def load_fixture(store) -> dict[str, int]:
    """Write the fixture graph into ``store`` and project it; edge counts by type."""
    store.write(build_batches())
    return store.rebuild_projection()


# --- stores for the tests --------------------------------------------------------------

_WIPED_ONCE = False


def neo4j_store(info):
    """A store on the session's Neo4j, emptied, for module-scoped fixtures.

    ``neo4j_db`` (function scope) cannot serve a module; this empties the database the
    same way, with the same guard: a server given by NEO4J_URI must start empty unless
    QANTAR_TEST_ALLOW_WIPE=1, so a test run never deletes someone's data.
    """
    import os

    import pytest

    from qantar.graph.stores.neo4j import Neo4jSettings, Neo4jStore

    global _WIPED_ONCE
    store = Neo4jStore(Neo4jSettings(uri=info.uri, username=info.username,
                                     password=info.password, database=info.database))
    if (info.source == "env" and not _WIPED_ONCE
            and os.environ.get("QANTAR_TEST_ALLOW_WIPE") != "1"
            and store.run("MATCH (n) RETURN count(n) AS c")[0]["c"]):
        store.close()
        pytest.fail(f"refusing to wipe database {info.database!r} at NEO4J_URI={info.uri}: "
                    "it holds data (set QANTAR_TEST_ALLOW_WIPE=1 for a scratch server)",
                    pytrace=False)
    store.run("MATCH (n) DETACH DELETE n", write=True)
    _WIPED_ONCE = True
    return store
