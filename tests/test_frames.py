"""Frames read by construction (loaders/clauses.py, seeds/lexicon/frames.yaml).

Every frame reads its own example; each class of error the pattern stage made on text it
was not written for is checked on the sentence of a real article that showed it."""

from pathlib import Path

import pytest

from qantar.graph.names import key
from qantar.loaders.pipeline import default_lexicon, extract, extract_raw
from qantar.loaders.read import read_article

from test_extract_patterns import article

ROOT = Path(__file__).resolve().parent.parent
FRAMES = default_lexicon()["frames"]


def _names(batch) -> dict[str, str]:
    """actor id -> name key, and every alias key -> actor id."""
    out = {}
    for a in batch.actors:
        for n in (a.name, *a.aliases):
            out[key(n)] = a.id
    return out


def _said(batch, sentence: str, predicates=None) -> list:
    return [s for s in batch.statements if sentence in s.quote
            and s.predicate not in ("mentions",)
            and (predicates is None or s.predicate in predicates)]


def _events(batch, sentence: str) -> dict[str, list[tuple[str, str]]]:
    """event type -> [(actor id, role)] of the events a sentence reports."""
    types = {e.id: e.type for e in batch.events}
    out: dict[str, list] = {}
    for s in batch.statements:
        if s.predicate == "event" and sentence in s.quote:
            out.setdefault(types[s.subject_id], [])
    for s in batch.statements:
        if s.predicate == "participated_in" and sentence in s.quote:
            out.setdefault(types[s.object_id], []).append((s.subject_id, s.detail))
    return out


@pytest.fixture(scope="module")
def corpus():
    paths = {p.name[:3]: p for p in [*sorted((ROOT / "seeds").glob("0*.txt")),
                                     *sorted((ROOT / "tests/corpus/dev").glob("E*.md")),
                                     *sorted((ROOT / "tests/corpus/tune").glob("T*.md"))]}
    return lambda prefix: extract(read_article(paths[prefix]))


@pytest.mark.parametrize("name", list(FRAMES))
def test_frame_reads_its_example(name):
    example = FRAMES[name]["example"]
    art = article(example["text"])
    batch = extract_raw(art)
    if "relation" in example:
        agent, patient = (key(n) for n in example["relation"])
        ids = _names(batch)
        assert agent in ids and patient in ids, f"actors not found: {sorted(ids)}"
        got = {(s.subject_id, s.object_id) for s in batch.statements
               if s.predicate == FRAMES[name]["predicate"]}
        assert (ids[agent], ids[patient]) in got, got
    if "event" in example:
        assert example["event"] in {e.type for e in batch.events}
    for st in batch.statements:  # provenance: every quote is the article's own text
        assert art.body[st.span_start:st.span_end] == st.quote


def test_every_trigger_form_belongs_to_one_frame():
    seen = {}
    for name, spec in FRAMES.items():
        for word in [*(spec.get("verbs") or []), *(spec.get("nouns") or []),
                     *(spec.get("phrases") or [])]:
            assert seen.setdefault(str(word).lower(), name) == name, word


# --- roles reversed ---------------------------------------------------------------------

def test_the_one_sentenced_is_never_the_agent(corpus):
    """T16: "Ikhtiyor Abdullayev, the former head of Uzbekistan's State Security Service
    (SSS), was sentenced to 18 years": he undergoes the sentence."""
    batch = corpus("T16")
    roles = _events(batch, "was sentenced to 18 years")["sentence"]
    assert ("person:ihtiior-abdulaev", "target") in roles
    assert not [a for a, r in roles if r == "agent"]


def test_the_one_investigated_is_the_target(corpus):
    """E04: "Prosecutors in Kazakhstan have launched a criminal investigation into Samat
    Abish": Abish is investigated, not investigating; the prosecutors are the
    Prosecutor-General's Office the article names later."""
    roles = _events(corpus("E04"), "launched a criminal investigation into")["investigation"]
    assert sorted(roles) == [("organization:prosecutor-general-s-office", "agent"),
                             ("person:samat-abish", "target")]


def test_the_dismisser_is_the_subject_not_the_owner_of_the_dismissed(corpus):
    """T11: "Japarov dismissed three of Tashiev's deputies – Daniyel Risaliyev, Kurbonbek
    Avazov and Elizar Smanov – as well as Security Council Secretary Rustam
    Mamasadykov": four dismissals by Japarov, and three deputies of Tashiev (the
    apposition chain)."""
    said = _said(corpus("T11"), "Japarov dismissed three of")
    dismissed = {(s.subject_id, s.object_id) for s in said if s.predicate == "dismissed"}
    deputies = ["person:daniel-risaliev", "person:kurbonbek-avazov", "person:elizar-smanov"]
    assert dismissed == {("person:sadir-zhaparov", d)
                         for d in [*deputies, "person:rustam-mamasadikov"]}
    sub = {(s.subject_id, s.object_id) for s in said if s.predicate == "subordinate_of"}
    assert sub == {(d, "person:kamchibek-tashiev") for d in deputies}


def test_passive_with_by_puts_the_agent_after_by():
    batch = extract_raw(article(
        "Samat Abish, the nephew of Nursultan Nazarbayev, was dismissed by "
        "Kassym-Jomart Tokayev."))
    got = {(s.subject_id, s.object_id) for s in batch.statements if s.predicate == "dismissed"}
    assert got == {("person:kassym-jomart-tokayev", "person:samat-abish")}


# --- organisations are not detainees ----------------------------------------------------

def test_an_organisation_is_not_detained(corpus):
    """E03: "The website of the National Security Committee of Kazakhstan reports that
    the former chairman of the institution, Karim Massimov, has been detained": the
    Committee is no detainee."""
    roles = _events(corpus("E03"), "has been detained for high treason")["detention"]
    assert ("person:karim-massimov", "target") in roles
    assert not [a for a, r in roles if a.startswith("organization:") and r == "target"]


def test_soldiers_named_after_a_body_are_not_the_body(corpus):
    """003: "he was being detained by National Guard soldiers": the soldiers detain, so
    the National Guard prosecutes no one."""
    said = _said(corpus("003"), "detained by National Guard soldiers", {"prosecuted"})
    assert said == []


# --- modality ---------------------------------------------------------------------------

def test_a_prohibited_investigation_is_no_event_and_no_fact(corpus):
    """003: "constitutional amendments from some 20 years ago prohibit the investigation
    of Nazarbaev or his immediate family members"."""
    batch = corpus("003")
    assert _events(batch, "prohibit the investigation") == {}
    assert _said(batch, "prohibit the investigation", {"prosecuted"}) == []


def test_negated_and_hypothetical_acts_are_not_reported(corpus):
    """000: "Nazarbayev himself was not attempting to usurp Tokayev after having appointed
    him" and "individuals ... who were interested in removing Tokayev" report neither an
    appointment nor a dismissal of Tokayev."""
    batch = corpus("000")
    assert "dismissal" not in _events(batch, "interested in removing Tokayev")
    assert _said(batch, "interested in removing Tokayev", {"dismissed"}) == []


@pytest.mark.parametrize("text", [
    "Kassym-Jomart Tokayev did not dismiss Karim Massimov.",
    "Kassym-Jomart Tokayev could dismiss Karim Massimov.",
    "Kassym-Jomart Tokayev is expected to dismiss Karim Massimov.",
])
def test_modal_acts_give_no_relation(text):
    batch = extract_raw(article(text))
    assert not [s for s in batch.statements if s.predicate == "dismissed"]


def test_a_denied_act_is_stored_as_denied():
    batch = extract_raw(article("Kassym-Jomart Tokayev denied that he had dismissed "
                                "Karim Massimov."))
    assert {s.modality for s in batch.statements if s.predicate == "dismissed"} <= {"denied"}


# --- pronouns ---------------------------------------------------------------------------

def test_he_is_the_subject_before_not_the_last_name(corpus):
    """003: "So Toqaev is finally unshackled from Nazarbaev ... But he does so ... He's
    also in debt to the Kremlin for sending in troops to prop him up when his position as
    president seemed precarious": he, him and his are Toqaev."""
    batch = corpus("003")
    sentence = "He's also in debt to the Kremlin"
    roles = _events(batch, sentence)
    assert all(a != "person:nursultan-nazarbayev" for rs in roles.values() for a, _ in rs)
    posts = _said(batch, sentence, {"holds_position"})
    assert {s.subject_id for s in posts} == {"person:kassym-jomart-tokayev"}


# --- titles attach to the body named ----------------------------------------------------

def test_a_title_of_a_bodys_department_attaches_to_the_body(corpus):
    """T05: "the former head of the KNB's 5th department, Ruslan Iskakov": a post in
    the KNB, not in Kazakhstan."""
    posts = _said(corpus("T05"), "5th department", {"holds_position"})
    assert {(s.subject_id, s.object_id) for s in posts} == {
        ("person:ruslan-iskakov", "organization:committee-for-national-security")}


def test_a_countrys_body_is_the_body_not_the_country(corpus):
    """T16: "Ikhtiyor Abdullayev, the former head of Uzbekistan's State Security Service
    (SSS)": head of the SSS, not of Uzbekistan."""
    posts = _said(corpus("T16"), "the former head of Uzbekistan's", {"holds_position"})
    assert {s.object_id for s in posts} == {"organization:state-securiti-service"}
    assert {s.status for s in posts} == {"former"}


# --- appositions, copulas, descriptions -------------------------------------------------

@pytest.mark.parametrize("text,want", [
    ("Karim Massimov, 56, is a longtime ally of former President Nursultan Nazarbayev.",
     ("ally_of", "person:karim-massimov", "person:nursultan-nazarbayev")),
    ("Timur Kulibayev, an officially proclaimed dollar billionaire and Nursultan "
     "Nazarbayev’s son-in-law, resigned.",
     ("relative_of", "person:timur-kulibayev", "person:nursultan-nazarbayev")),
    ("Another Security Council seat-holder was Nazarbaev lieutenant Karim Masimov.",
     ("ally_of", "person:karim-massimov", "person:nursultan-nazarbayev")),
    ("Abish’s former superior, Karim Massimov, was arrested in January.",
     ("subordinate_of", "person:samat-abish", "person:karim-massimov")),
])
def test_relational_nouns_in_appositions(text, want):
    batch = extract_raw(article(text))
    got = {(s.predicate, s.subject_id, s.object_id) for s in batch.statements}
    assert want in got


def test_a_definite_description_names_the_one_holder(corpus):
    """T01: "the eldest daughter of the first president, Dariga Nazarbayeva": the first
    president is the one former president the article names (ex-president Nursultan
    Nazarbayev), and the name after the description is the daughter's."""
    kin = _said(corpus("T01"), "the eldest daughter of the first president", {"relative_of"})
    assert ("person:dariga-nazarbaeva", "person:nursultan-nazarbayev") in {
        (s.subject_id, s.object_id) for s in kin}


def test_a_name_after_a_title_of_a_country_is_the_owner(corpus):
    """E09: "Samat Abish, the nephew of the first president of Kazakhstan Nursultan
    Nazarbayev": Abish is Nazarbayev's nephew (not Kazakhstan's)."""
    kin = _said(corpus("E09"), "the nephew of the first president of Kazakhstan",
                {"relative_of"})
    assert {(s.subject_id, s.object_id, s.detail) for s in kin} == {
        ("person:samat-abish", "person:nursultan-nazarbayev", "nephew")}


def test_quotes_are_verbatim(corpus):
    for prefix in ("003", "T11", "T16", "E04"):
        batch = corpus(prefix)
        body = batch.article.body
        for st in batch.statements:
            assert body[st.span_start:st.span_end] == st.quote


def test_a_body_and_title_description_names_its_head(corpus):
    """E05: "Kassym-Jomart Tokayev's decision to dismiss the NSC leader": the NSC
    leader is the article's one head of the NSC (Karim Masimov), the possessor of the
    decision its agent."""
    said = _said(corpus("E05"), "decision to dismiss the NSC leader", {"dismissed"})
    assert {(s.subject_id, s.object_id) for s in said} == {
        ("person:kassym-jomart-tokayev", "person:karim-massimov")}


def test_a_qualified_title_does_not_fall_back_to_the_articles_country():
    """A title qualified by a word we cannot read as a body ("Zimbabwe's President",
    "Georgian ex-president") is not a post in the country the article names most."""
    batch = extract_raw(article(
        "Vladimir Putin visited Russia. Zimbabwe's President Emmerson Mnangagwa fired his "
        "deputy Constantino Chiwenga. Georgian ex-president Mikheil Saakashvili was "
        "sentenced to six years in prison. Russia protested."))
    posts = {(s.subject_id, s.object_id) for s in batch.statements
             if s.predicate == "holds_position"}
    assert not [p for p in posts if p[1] == "place:russia" and p[0] != "person:vladimir-putin"]
    said = {(s.predicate, s.subject_id, s.object_id) for s in batch.statements}
    assert ("dismissed", "person:emmerson-mnangagwa", "person:constantino-chivenga") in said
    assert ("subordinate_of", "person:constantino-chivenga", "person:emmerson-mnangagwa") in said


def test_coordinated_verbs_share_their_subject_and_objects_carry_their_noun():
    batch = extract_raw(article(
        "Russian President Vladimir Putin on Sunday dismissed Defence Minister Sergei "
        "Shoigu and appointed economist Andrei Belousov to the post. Azerbaijan's "
        "President Ilham Aliyev appointed his wife Mehriban Aliyeva as first vice "
        "president."))
    said = {(s.predicate, s.subject_id, s.object_id) for s in batch.statements}
    assert ("dismissed", "person:vladimir-putin", "person:sergei-shoigu") in said
    assert ("appointed", "person:vladimir-putin", "person:andrei-belousov") in said
    assert ("appointed", "person:ilham-aliyev", "person:mehriban-alieva") in said
    assert ("relative_of", "person:mehriban-alieva", "person:ilham-aliyev") in said


def test_terms_given_respectively_make_one_sentence_each():
    """The distribution the issue names: "A, B and C were sentenced to 18, 16 and 15
    years respectively" is three sentences, each person with their own term."""
    batch = extract_raw(article(
        "On May 4, the court sentenced Karim Massimov, Anuar Sadykulov and Daulet "
        "Ergozhin to 18, 16 and 15 years respectively.", published="2023-05-10"))
    sentences = {e.id: e.detail for e in batch.events if e.type == "sentence"}
    who = {(s.subject_id, sentences[s.object_id]) for s in batch.statements
           if s.predicate == "participated_in" and s.object_id in sentences}
    assert who == {("person:karim-massimov", "18 years"),
                   ("person:anuar-sadykulov", "16 years"),
                   ("person:daulet-ergozhin", "15 years")}


@pytest.mark.parametrize("text,want", [
    ("Nursultan Nazarbayev, whose nephew is Samat Abish, spoke.",
     ("relative_of", "person:samat-abish", "person:nursultan-nazarbayev")),
    ("Timur Kulibayev and Dinara Kulibayeva married in 1990.",
     ("relative_of", "person:timur-kulibayev", "person:dinara-kulibaeva")),
])
def test_whose_and_reciprocal_acts(text, want):
    said = {(s.predicate, s.subject_id, s.object_id)
            for s in extract_raw(article(text)).statements}
    assert want in said
    assert (want[0], want[2], want[1]) not in said  # one direction, the text's


def test_a_state_body_is_no_detainee_but_a_group_stands_for_its_members(corpus):
    """The graph once showed "detention of Committee for National Security, Karim
    Massimov"; seed 000's "10 members of the banned extremist group Yakyn Inkar were
    arrested" keeps the group (its members were arrested)."""
    batch = extract_raw(article("On January 8, the court ordered the detention of the "
                                "Committee for National Security, Karim Massimov."))
    roles = _events(batch, "ordered the detention")["detention"]
    assert roles == [("person:karim-massimov", "target")]
    arrest = _events(corpus("000"), "Yakyn Inkar were arrested")["arrest"]
    assert ("organization:yakyn-inkar", "target") in arrest


# --- kinship across a relative clause ---------------------------------------------------

@pytest.mark.parametrize("text", [
    # T16: the kin term closes a "who" clause after an apposition, spelt without hyphens
    "The investigation was led by Otabek Umarov, the SSS's first deputy chairman, who is "
    "in charge of presidential security and is also Mr Mirziyoyev's son in law.",
    "Otabek Umarov is also Mr Mirziyoyev's son in law.",
])
def test_kin_said_of_the_antecedent_of_who(text):
    batch = extract_raw(article(text))
    kin = {(s.subject_id, s.detail) for s in batch.statements
           if s.predicate == "relative_of"}
    assert kin == {("person:otabek-umarov", "son-in-law")}, kin


def test_a_description_between_the_comma_and_the_name(corpus):
    """T13: "Matraimov and his alleged accomplice, the now deceased organized crime boss
    Kamchy Kolbaev": Kolbaev is the accomplice."""
    said = _said(corpus("T13"), "his alleged accomplice", {"ally_of"})
    allies = {(s.subject_id, s.object_id, s.detail) for s in said}
    assert allies == {("person:kamchi-kolbaev", "person:raimbek-matraimov", "accomplice")}


def test_a_passive_act_names_its_post_after_the_agent():
    """"Y was replaced by X as head of the KNB": X holds the post, Y held it."""
    batch = extract_raw(article(
        "Karim Massimov was replaced by Ermek Sagimbayev as head of the KNB."))
    posts = {(s.subject_id, s.status) for s in batch.statements
             if s.predicate == "holds_position"
             and s.object_id == "organization:committee-for-national-security"}
    assert posts == {("person:ermek-sagimbaev", "unknown"),
                     ("person:karim-massimov", "former")}, posts


@pytest.mark.parametrize("text, person, status", [
    ("Tokayev announced the appointment of Ermek Sagimbayev as head of the KNB.",
     "person:ermek-sagimbaev", "unknown"),
    ("Following the dismissal of Karim Massimov as head of the KNB, protests ended.",
     "person:karim-massimov", "former"),
])
def test_the_act_of_a_noun_names_its_post_after_the_patient(text, person, status):
    batch = extract_raw(article(text))
    posts = {(s.subject_id, s.object_id, s.status) for s in batch.statements
             if s.predicate == "holds_position"}
    assert posts == {(person, "organization:committee-for-national-security", status)}


def test_trigger_search_at_first_words_finds_what_the_full_scan_finds():
    """The trigger and superior-term patterns run only where the vocabulary found a word
    their phrases start with: the same matches as a search of the whole text, in any
    case and spacing, and on text with a letter a case-blind pattern takes for ASCII."""
    from qantar.loaders import clauses
    from qantar.loaders.document import build
    from qantar.loaders.pipeline import default_gazetteer

    lex = default_lexicon()
    flex = clauses.frame_lexicon(lex)
    assert flex.trigger_first and flex.superior_first
    bodies = [read_article(p).body for p in sorted((ROOT / "tests/corpus/dev").glob("*.md"))]
    bodies += ["Tokayev SACKED the Mayor; his Boss  was  Arrested, re-arrested and "
               "then released by his direct\nsupervisor.",
               "The ſacked mayor's boss was arreſted."]  # "ſ" is "s" to the pattern
    found = set()
    for body in bodies:
        doc = build(article(body), default_gazetteer(), lex)
        for rx, first, label in ((flex.trigger, flex.trigger_first, clauses.TRIGGER_LABEL),
                                 (flex.superior, flex.superior_first,
                                  clauses.SUPERIOR_LABEL)):
            full = [m.span() for m in rx.finditer(body)]
            assert [m.span() for m in clauses._search(rx, first, label, doc)] == full
            found |= {(label, body[:10])} if full else set()
    assert {label for label, _ in found} == {clauses.TRIGGER_LABEL, clauses.SUPERIOR_LABEL}
    assert (clauses.TRIGGER_LABEL, "The ſacked") in found
