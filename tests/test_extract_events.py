"""Event dates carried along a narrative, the body of a post as a participant, and
definite descriptions ("the foreign troops") resolved: on seed 003 and on small texts."""

from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from qantar.graph.records import Article
from qantar.graph.dates import parse_iso_prefix
from qantar.loaders.pipeline import default_lexicon, extract
from qantar.loaders.read import read_article

SEED_003 = Path(__file__).resolve().parent.parent / "seeds" / "003_cc4235c471014565.txt"
KNB = "organization:committee-for-national-security"
CSTO = "organization:collective-security-treaty-organization"


def article(body: str, published: str = "2022-01") -> Article:
    return Article(id="article:events-test", title="t", publisher="", published=published,
                   published_precision="month", url="", path="t.txt", sha256="",
                   words=len(body.split()), body=body)


def dated_article(body: str, published: str) -> Article:
    """An article dated with the precision its date is written to."""
    return replace(article(body, published), published_precision=parse_iso_prefix(published)[1])


def participants(batch) -> set[str]:
    """"Name:role" of every participant of the batch's events."""
    names = {a.id: a.name for a in batch.actors}
    return {f"{names.get(s.subject_id, s.subject_id)}:{s.detail}" for s in batch.statements
            if s.predicate == "participated_in"}


def events(batch) -> dict[str, dict]:
    """Event name -> {date, precision, raw, roles: {(actor, role)}}."""
    out = {}
    for e in batch.events:
        sts = [s for s in batch.statements if s.object_id == e.id or s.subject_id == e.id]
        out[e.name] = {
            "type": e.type, "date": e.date, "precision": e.date_precision,
            "raw": {s.start_raw for s in sts if s.predicate == "event"},
            "roles": {(s.subject_id, s.detail) for s in sts
                      if s.predicate == "participated_in"}}
    return out


def dated(text: str, published: str, etype: str) -> list[tuple[str, str]]:
    """(date, precision) of the events of one type extracted from a small text."""
    return [(e["date"], e["precision"]) for e in events(extract(article(text, published)))
            .values() if e["type"] == etype]


@pytest.fixture(scope="module")
def seed_003():
    return events(extract(read_article(SEED_003)))


def test_a_dismissal_that_continues_a_dated_narrative_gets_its_month(seed_003):
    """"Toqaev removed Nazarbaev ... on January 5. [sons-in-law] vacated ... shortly
    thereafter. Nazarbaev's nephew, Samat Abish, was also dismissed as the deputy
    chairman of the Committee for National Security (KNB).": 2022-01, never a day."""
    abish = [e for e in seed_003.values() if e["type"] == "dismissal"
             and ("person:samat-abish", "target") in e["roles"]]
    assert len(abish) == 1
    assert (abish[0]["date"], abish[0]["precision"]) == ("2022-01", "month")
    assert abish[0]["raw"] == {"also (shortly thereafter (January 5))"}
    assert (KNB, "participant") in abish[0]["roles"]
    vacated = [e for e in seed_003.values() if e["type"] == "resignation"
               and e["date"] == "2022-01"]
    assert len(vacated) == 1 and not vacated[0]["roles"]  # not merged into 5 January


def test_the_body_of_the_post_takes_part_in_the_dismissal(seed_003):
    removed = seed_003["dismissal of Nursultan Nazarbayev (2022-01-05)"]
    assert removed["roles"] == {("person:kassym-jomart-tokayev", "agent"),
                                ("person:nursultan-nazarbayev", "target"),
                                ("organization:security-council-of-kazakhstan",
                                 "participant")}


def test_the_foreign_troops_are_the_cstos(seed_003):
    """"the foreign troops, who had all departed Kazakhstan by January 19" follows the
    CSTO's deployment."""
    left = seed_003["withdrawal by Collective Security Treaty Organization (2022-01-19)"]
    assert left["roles"] == {(CSTO, "agent")}


def test_the_body_asked_for_help_inside_the_pattern_is_the_target(seed_003):
    """"appealing to the ... CSTO for help"; "After calling in the CSTO, will Toqaev ...":
    the CSTO is asked, Toqaev is not."""
    asked = [e for e in seed_003.values() if e["type"] == "request_for_help"]
    assert asked and all((CSTO, "target") in e["roles"] for e in asked)
    assert not any(role == "target" for e in asked for a, role in e["roles"] if a != CSTO)


@pytest.mark.parametrize("first, second, want", [
    # "also": the same occasion, as precise as the sentence before (here a month)
    ("Protests broke out in January 2022.", "Karim Massimov was also arrested.",
     ("2022-01", "month")),
    # a sequence word: after it, the month only, never the day
    ("Protesters were shot in Almaty on January 6.",
     "Karim Massimov was arrested shortly thereafter.", ("2022-01", "month")),
    # a chain: "also" after a sentence that carried its date itself
    ("Protesters were shot in Almaty on January 6. Troops arrived soon after.",
     "Karim Massimov was also arrested.", ("2022-01", "month")),
    # "then-president" is a title, not "then"
    ("Protests broke out in January 2022.",
     "The then-president Nazarbayev saw Karim Massimov arrested.", ("", "unknown")),
    # looks back over an open stretch: no date, not even the day before
    ("Protesters were shot in Almaty on January 6.",
     "Since then Karim Massimov was arrested.", ("", "unknown")),
])
def test_continuation_words_carry_the_date(first, second, want):
    got = {(e.date, e.date_precision) for e in extract(article(f"{first} {second}")).events
           if e.type == "arrest"}
    assert got == {want}


def test_a_continuation_outside_the_events_clause_carries_nothing():
    body = ("Protests broke out in January 2022. Analysts also say that Karim Massimov, "
            "before he was arrested, had warned him.")
    got = {(e.date, e.date_precision) for e in extract(article(body)).events
           if e.type == "arrest"}
    assert got == {("", "unknown")}


def test_a_description_without_a_body_of_its_kind_nearby_stays_unresolved():
    body = ("The Committee for National Security met on January 6. "
            "The foreign troops departed on January 19.")
    batch = extract(article(body))
    assert not any(s.subject_id == CSTO or s.object_id == CSTO for s in batch.statements)
    assert not any(s.predicate == "mentions" and s.detail == "The foreign troops"
                   for s in batch.statements)


def test_an_undated_lead_takes_the_date_the_body_gives():
    """A lead reports the act undated ("has sacked"), the body dates it: one event,
    dated."""
    body = ("President Shavkat Mirziyoyev has sacked security chief Rustam Inoyatov. "
            "Officials praised the reforms.\n\n"
            "Mirziyoyev dismissed Rustam Inoyatov on January 31.")
    assert dated(body, "2018-01-31", "dismissal") == [("2018-01-31", "day")]


@pytest.mark.parametrize("text, published, want", [
    ("Tokayev appointed Olzhas Bektenov as prime minister Tuesday.", "2024-02-06",
     ("2024-02-06", "day")),
    ("Tokayev appointed Olzhas Bektenov as prime minister on Monday.", "2024-02-07",
     ("2024-02-05", "day")),
    ("Tokayev appointed Olzhas Bektenov as prime minister this week.", "2022-01",
     ("2022-01", "month")),
    ("Tokayev appointed Olzhas Bektenov as prime minister last week.", "2024-02-06",
     ("2024", "year")),  # the week before ran from January into February
])
def test_weekdays_and_weeks_are_read_against_the_article_date(text, published, want):
    assert dated(text, published, "appointment") == [want]


def test_a_decree_dismissing_several_people_is_one_dismissal_each_dated_by_the_opener():
    """"In the same decree, X dismissed A, B and C": the decree named before dates it,
    and each person loses their own post."""
    body = ("Sadyr Japarov dismissed Kamchybek Tashiev on February 10. In the same decree, "
            "Japarov dismissed Daniyel Risaliyev, Kurbonbek Avazov and Elizar Smanov.")
    found = [e for e in events(extract(article(body, "2026-02-11"))).values()
             if e["type"] == "dismissal"]
    targets = sorted(a for e in found for a, r in e["roles"] if r == "target")
    assert len(found) == 4 and len(targets) == 4
    assert {e["date"] for e in found} == {"2026-02-10"}


@pytest.mark.parametrize("text, want", [
    ("Jumgalbek Shabdanbekov, previously deputy chairman of the SCNS, has been appointed "
     "acting chairman of the security committee.", {("2026-02", "month")}),
    ("However, it has been previously reported that Karim Massimov and Anuar Sadykulov "
     "have been appointed advisers.", {("", "unknown")}),
    ("Karim Massimov was appointed adviser.", {("", "unknown")}),
])
def test_an_act_told_as_news_takes_the_articles_month(text, want):
    """The present perfect reports news: the article's month (never a day); not when the
    sentence sets the act in the past ("previously reported")."""
    found = [e for e in events(extract(article(text, "2026-02-11"))).values()
             if e["type"] == "appointment"]
    assert {(e["date"], e["precision"]) for e in found} == want


@pytest.mark.parametrize("text, etype, person, role, date", [
    ("Samat Abish lost his position as first deputy head of the KNB on January 17.",
     "dismissal", "person:samat-abish", "target", "2022-01-17"),
    ("On January 15, the powers of the chairman of the board, Kairat Sharipbaev, were "
     "terminated.", "dismissal", "person:kairat-sharipbaev", "target", "2022-01-15"),
    ("In 2019 Kassym-Jomart Tokayev assumed the presidency.", "appointment",
     "person:kassym-jomart-tokayev", "target", "2019"),
    ("Shavkat Mirziyoyev came to power in 2016.", "appointment",
     "person:shavkat-mirziioev", "target", "2016"),
    ("Mirziyoyev succeeded the late Islam Karimov in September 2016.", "death",
     "person:islam-karimov", "victim", ""),
])
def test_recurring_phrasings_of_acts(text, etype, person, role, date):
    """Phrasings of dismissals, accessions and deaths that recur across outlets."""
    found = [e for e in events(extract(article(text))).values() if e["type"] == etype]
    assert [e["date"] for e in found] == [date]
    assert (person, role) in found[0]["roles"]


def test_days_counted_from_the_last_day_named():
    body = ("Samat Abish lost his position on January 5th 2022. Two days later, Abish was "
            "detained in Almaty.")
    assert dated(body, "2024-01", "detention") == [("2022-01-07", "day")]


def test_a_headline_naming_only_the_agent_is_the_leads_act():
    """"Mirziyoyev sacks veteran security chief" (the chief unnamed) and "Mirziyoyev has
    sacked Rustam Inoyatov": one dismissal."""
    body = ("Mirziyoyev sacks veteran security chief\n\n"
            "President Shavkat Mirziyoyev has sacked security chief Rustam Inoyatov.")
    a = article(body, "2018-01-31")
    a = Article(**{**a.__dict__, "title": "Mirziyoyev sacks veteran security chief"})
    found = [e for e in events(extract(a)).values() if e["type"] == "dismissal"]
    assert len(found) == 1 and found[0]["date"] == "2018-01"


def test_later_that_month_is_the_month_named_before():
    body = ("In February 2021, Raimbek Matraimov pleaded guilty. Later that month, "
            "Matraimov was arrested for money laundering.")
    assert dated(body, "2024-01", "arrest") == [("2021-02", "month")]


def test_the_only_date_further_along_the_clause_dates_the_act():
    body = ("Abish lost his position as the First Deputy Chairman of the National Security "
            "Committee of Kazakhstan on January 5th 2022.")
    assert [d for d, _ in dated(body, "2024-01", "dismissal")] == ["2022-01-05"]


def test_a_person_read_acting_with_no_undergoer_undergoes_a_legal_act():
    body = "In February 2021, Raimbek Matraimov pleaded guilty to corruption charges."
    found = [e for e in events(extract(article(body, "2024-01"))).values()
             if e["type"] in ("charge", "verdict")]
    assert found
    for e in found:
        assert ("person:raimbek-matraimov", "target") in e["roles"]
        assert not [a for a, r in e["roles"] if r == "agent"]


@pytest.mark.parametrize("text, want", [
    ("Kairat Boranbaev was arrested in early January last year.", "2022-01"),
    ("Kairat Boranbaev was arrested in March this year.", "2023-03"),
])
def test_a_month_of_a_relative_year(text, want):
    assert [d for d, _ in dated(text, "2023-06", "arrest")] == [want]


def test_clashes_on_a_day_are_unrest():
    body = "Devastating clashes and looting in Almaty on January 5 left many dead."
    found = [e for e in events(extract(article(body))).values() if e["type"] == "protest"]
    assert [e["date"] for e in found] == ["2022-01-05"]


def test_a_date_something_is_set_for_lies_ahead():
    body = "Another trial against Kairat Satybaldy has been set for April 1."
    assert [d for d, _ in dated(body, "2024-02", "trial")] == ["2024-04-01"]


@pytest.mark.parametrize("text, etype", [
    ("On February 26, a court handed Samat Abish an eight-year conditional sentence.",
     "sentence"),
    ("On September 18, 2023, preliminary hearings were held in the case of Samat Abish.",
     "trial"),
])
def test_sentence_and_hearing_nouns(text, etype):
    found = [e for e in events(extract(article(text, "2024-03"))).values()
             if e["type"] == etype]
    assert len(found) == 1 and found[0]["date"]


def test_was_replaced_is_a_dismissal_dated_by_its_own_clause():
    """"X, who ... in September 2016, was replaced at a meeting held on January 31": a
    dismissal on January 31, not in 2016 (that date belongs to the relative clause)."""
    text = ("Rustam Inoyatov, who helped Shavkat Mirziyoyev succeed Islam Karimov in "
            "September 2016, was replaced at a meeting held on January 31, media reported.")
    assert dated(text, "2018-01-31", "dismissal") == [("2018-01-31", "day")]


def test_a_possible_or_planned_act_is_no_event():
    """"may be released", "will appoint": a possibility or a plan, not a reported act;
    the same sentence told as fact is one."""
    maybe = "Qairat Boranbaev may be released from a detention center on March 3."
    assert dated(maybe, "2023-03", "release") == []
    planned = "Kassym-Jomart Tokayev will appoint Olzhas Bektenov on March 3."
    assert dated(planned, "2023-03", "appointment") == []
    done = "Qairat Boranbaev was released from a detention center on March 3."
    assert dated(done, "2023-03", "release") == [("2023-03-03", "day")]


def test_a_sentence_opening_with_first_takes_the_scene_the_sentence_before_dates():
    """"Amid the January 2022 protests, X started a purge. First, ... the dismissal of
    Prime Minister Askar Mamin": January 2022; without the opener no date is carried."""
    scene = ("Amid the January 2022 protests in Kazakhstan, President Kassym-Jomart Tokayev "
             "started a purge of staff. {}the head of state announced the dismissal of "
             "Prime Minister Askar Mamin.")
    assert dated(scene.format("First, "), "2022-12", "dismissal") == [("2022-01", "month")]
    assert dated(scene.format("In his view "), "2022-12", "dismissal") == [("", "unknown")]


def test_a_released_statement_is_no_release():
    text = "The statement was released by presidential press secretary Askat Alagozov."
    assert dated(text, "2023-12", "release") == []


def test_charges_a_sentence_or_plea_rests_on_are_no_charge_event():
    """"sentenced to 18 years of imprisonment on corruption charges", "pleaded guilty to
    corruption charges": a sentence and a verdict, no charge; "charged with" still is one."""
    jailed = ("On September 27 Ikhtiyor Abdullayev was sentenced to 18 years of "
              "imprisonment on corruption charges.")
    assert dated(jailed, "2019-10", "charge") == []
    assert dated(jailed, "2019-10", "sentence") == [("2019-09-27", "day")]
    plea = "In February 2021, Raimbek Matraimov pleaded guilty to corruption charges."
    assert dated(plea, "2024-01", "charge") == []
    charged = "On September 27 Ikhtiyor Abdullayev was charged with corruption."
    assert dated(charged, "2019-10", "charge") == [("2019-09-27", "day")]


def test_a_nameless_dated_report_dates_the_leads_news_month_event():
    """"Mirziyoyev has sacked Inoyatov. ... He was replaced at a meeting held on January
    31": one dismissal of Inoyatov on 31 January, not a second one in January."""
    text = ("Uzbek President Shavkat Mirziyoyev has sacked security chief Rustam Inoyatov. "
            "The veteran, who backed Mirziyoyev in September 2016, was replaced at a "
            "meeting held on January 31, media reported.")
    found = [e for e in events(extract(article(text, "2018-01-31"))).values()
             if e["type"] == "dismissal"]
    assert [(e["date"], e["precision"]) for e in found] == [("2018-01-31", "day")]
    assert ("person:rustam-inoiatov", "target") in found[0]["roles"]


def test_the_next_election_and_a_referendum_yet_to_come_are_no_events():
    text = ("The amendment would enable Rustam Emomali to run in the next election in 2020. "
            "If the change is approved by referendum, Emomali Rahmon may run again.")
    assert dated(text, "2016-01", "election") == []
    assert dated(text, "2016-01", "referendum") == []


def test_the_worst_unrest_since_a_year_is_a_comparison_not_a_protest():
    text = ("It was the worst unrest since Kazakhstan gained independence following the "
            "1991 collapse of the Soviet Union.")
    assert dated(text, "2024-02", "protest") == []


def test_an_opening_date_does_not_reach_into_a_relative_clause():
    """"In 1986, Nursultan, who ruled ... before he stepped down more than four years ago,
    said in an interview": the interview is of 1986, the stepping down is not."""
    text = ("In 1986, Nursultan Nazarbayev, who ruled the country for nearly 30 years before "
            "he stepped down more than four years ago, said in an interview to a Soviet "
            "magazine that his brother worked as a plumber.")
    assert dated(text, "2023-03", "interview") == [("1986", "year")]
    assert ("1986", "year") not in dated(text, "2023-03", "resignation")


def test_also_carries_the_scene_over_an_undated_sentence_and_past_a_dashed_aside():
    """"In 2018 X—who came to power in 2016—carried out an overhaul. Its name was changed.
    Its director, Y, also stepped down.": 2018, not 2016 nor undated."""
    text = ("In 2018 Shavkat Mirziyoyev—who came to power in 2016 following the death of "
            "Islam Karimov—carried out a major overhaul of the SSS. The name of the service "
            "was changed, and its powers were curtailed. Its long-time director, Rustam "
            "Inoyatov, also stepped down.")
    assert dated(text, "2019-10-07", "resignation") == [("2018", "year")]


def test_the_leads_agent_and_the_bodys_dated_undergoer_are_one_appointment():
    text = ("Tajik President Emomali Rahmon has appointed his daughter as his chief of staff. "
            "Ozoda Rahmon's appointment as head of the presidential administration was "
            "announced on January 27.")
    found = [e for e in events(extract(article(text, "2016-01-27"))).values()
             if e["type"] == "appointment"]
    assert [(e["date"], e["precision"]) for e in found] == [("2016-01-27", "day")]
    assert {("person:emomali-rahmon", "agent"), ("person:ozoda-rahmon", "target")} \
        <= found[0]["roles"]


def test_a_second_mention_in_a_sentence_with_its_own_date_is_a_second_event():
    text = ("The dismissal of the government headed by Askar Mamin attracted attention this "
            "week, but President Kassym-Jomart Tokayev's sacking of the security chief on "
            "January 5 surprised more.")
    assert sorted(dated(text, "2022-01-07", "dismissal")) == [
        ("2022-01", "month"), ("2022-01-05", "day")]
    same = "Tokayev dismissed Mamin on January 5, and his dismissal was announced by decree."
    assert dated(same, "2022-01-07", "dismissal") == [("2022-01-05", "day")]


def test_an_act_after_a_dated_episode_is_dated_to_its_year_only():
    """"arrested after protests in early January last year": some time after them, so the
    year; "two days after" counts from the date and is not bounded."""
    text = ("Qairat Boranbaev was arrested after unprecedented protests in early January "
            "last year.")
    assert dated(text, "2023-08", "arrest") == [("2022", "year")]
    exact = "Qairat Boranbaev was arrested on January 7, two days after the protests."
    assert dated(exact, "2022-08", "arrest") == [("2022-01-07", "day")]


EVENT_EXAMPLES = default_lexicon()["event_examples"]


@pytest.mark.parametrize("example", EVENT_EXAMPLES, ids=[e["rule"][:60] for e in EVENT_EXAMPLES])
def test_event_rule_reads_its_example(example):
    """Every example of seeds/lexicon/events.yaml gives the events its rule says: exactly
    the listed "type date" events of each type named, none of the absent types, and the
    listed participants ("Name:role"), none of the actors of ``no_roles``, and for
    each person of ``one_event_roles`` none of its others in that person's event."""
    batch = extract(dated_article(" ".join(example["text"].split()), example["published"]))
    got = sorted(f"{e.type} {e.date or '-'}" for e in batch.events)
    types = {w.split()[0] for w in example.get("expect", [])}
    assert [g for g in got if g.split()[0] in types] == sorted(example.get("expect", [])), got
    assert not [g for g in got if g.split()[0] in example.get("absent", [])], got
    names = {a.id: a.name for a in batch.actors}
    roles = participants(batch)
    assert set(example.get("roles", [])) <= roles, roles
    assert not [r for r in roles if r.rpartition(":")[0] in example.get("no_roles", [])], roles
    for person, others in example.get("one_event_roles", {}).items():
        # the event of ``person`` has none of ``others`` among its participants
        for e in batch.events:
            who = {names.get(s.subject_id, s.subject_id) for s in batch.statements
                   if s.predicate == "participated_in" and s.object_id == e.id}
            assert person not in who or not who & set(others), (e.name, who)


@pytest.mark.parametrize("title, lead, want", [
    ("Lukashenko pardons opposition activist Ryhor Kastusiou",
     "The Belarusian leader signed the decree.", "release 2024-07"),
    ("Belarus frees journalist Ihar Losik",
     "Rights groups welcomed the decision.", "release 2024-07"),
])
def test_a_headlines_present_tense_release_is_news_of_the_articles_month(title, lead, want):
    body = f"{title}\n\n{lead}"
    art = replace(article(body, "2024-07-04"), title=title, published_precision="day")
    assert [f"{e.type} {e.date}" for e in extract(art).events] == [want]


def test_a_nameless_headline_does_not_split_off_a_later_mention_of_the_leads_act():
    """"PM resigns" names nobody; joined to the lead's dated report of Rajapaksa's
    resignation, it does not keep the later "Rajapaksa's resignation" out of it."""
    title = "PM resigns, curfew till tomorrow"
    body = (f"{title}\n\nPrime Minister Mahinda Rajapaksa tendered his resignation to "
            "President Gotabaya Rajapaksa yesterday.\n\nWith Mahinda Rajapaksa's resignation "
            "the Cabinet of Ministers stands dissolved.")
    art = replace(article(body, "2022-05-10"), title=title, published_precision="day")
    found = [f"{e.type} {e.date}" for e in extract(art).events if e.type == "resignation"]
    assert found == ["resignation 2022-05-09"]


PROBES = yaml.safe_load((Path(__file__).parent / "event_probes.yaml").read_text("utf-8"))


@pytest.mark.parametrize("probe", PROBES, ids=[p["text"][:50] for p in PROBES])
def test_event_probe(probe):
    """One construction of wire prose, names from many countries: exactly the events
    listed, with the participants listed among theirs and none of ``no_roles``; a
    ``title`` is the article's headline (its first line)."""
    art = dated_article(probe["text"], probe["published"])
    batch = extract(replace(art, title=probe["title"]) if "title" in probe else art)
    assert sorted(f"{e.type} {e.date or '-'}" for e in batch.events) == probe["expect"]
    got = participants(batch)
    assert set(probe.get("roles", [])) <= got
    assert not set(probe.get("no_roles", [])) & got


def test_the_agent_of_the_main_verb_is_not_the_participles():
    """"A, arrested on Tuesday, was sacked by B": B sacked A; who arrested A is not said
    (the participle's clause ends at its comma)."""
    batch = extract(dated_article(
        "Ivan Belozertsev, arrested on Tuesday, was sacked by Vladimir Putin.", "2024-03-14"))
    roles = {e["type"]: e["roles"] for e in events(batch).values()}
    assert roles["arrest"] == {("person:ivan-belozertsev", "target")}
    assert ("person:vladimir-putin", "agent") in roles["dismissal"]


@pytest.mark.parametrize("text, detail", [
    ("Gulnara Karimova was charged with fraud but was released after repaying funds.",
     "fraud"),
    ("Ales Bialiatski was charged with smuggling and was later sentenced to ten years.",
     "smuggling"),
])
def test_a_charge_ends_where_the_next_clause_begins(text, detail):
    """The charge is the phrase after "charged with", not the clause "but was released"."""
    batch = extract(dated_article(text, "2024-03-14"))
    charges = {e.id for e in batch.events if e.type == "charge"}
    assert {s.detail for s in batch.statements if s.subject_id in charges and s.detail} \
        == {detail}
