"""Pronouns and descriptions that stand for a named person, probed one construction at a
time with wire-style sentences about elites of many countries (written for these tests,
not taken from the corpus): which person each pronoun is resolved to, or that it stays
unresolved when the text does not decide."""

import re
from pathlib import Path

import pytest
import yaml

from qantar.graph.names import key
from qantar.loaders.document import build
from qantar.loaders.pipeline import default_gazetteer, default_lexicon, extract_raw

from test_extract_patterns import article

# (text, the pronoun as written and which of its occurrences (0 = first), the person it
# stands for, or None: unresolved)
PROBES = [
    # a person inside a relative clause about another ("X, who is not related to the
    # president") is not what the next sentence's pronoun goes back to
    ("Kyrgyzstan's President Sadyr Japarov spoke. No reason was given for the dismissal of Akylbek "
     "Japarov, who is not related to the president and had headed the government since "
     "2021. He had previously served as finance minister.", ("He", 0), "Akylbek Japarov"),
    # a subject pronoun after a possessive of its gender is whoever the possessive is,
    # not the one named after a preposition
    ("Sara Duterte spoke on Monday. Her alliance with Ferdinand Marcos Jr. collapsed last "
     "year, and she resigned as education secretary in June.", ("she", 0), "Sara Duterte"),
    # a subject pronoun said again in its sentence is the first one, and "X, whose N he"
    # is not X
    ("Kassym-Jomart Tokayev spoke on Monday. On Tuesday he named Alikhan Smailov prime "
     "minister, replacing Askar Mamin, whose government he dismissed last week.",
     ("he", 1), "Kassym-Jomart Tokayev"),
    # a pronoun after "X, whom" is not X
    ("Yevgeny Prigozhin denounced Sergei Shoigu, whom he has blamed for months.",
     ("he", 0), "Yevgeny Prigozhin"),
    ("Nikol Pashinyan fired Onik Gasparyan, whom he accused of plotting a coup.",
     ("he", 0), "Nikol Pashinyan"),
    # an object pronoun is not the subject of its clause
    ("Yevgeny Prigozhin led the mutiny and demanded that Valery Gerasimov come to meet him.",
     ("him", 0), "Yevgeny Prigozhin"),
    ("Nursultan Nazarbayev chaired the council for life. Then Kassym-Jomart Tokayev "
     "replaced him.", ("him", 0), "Nursultan Nazarbayev"),
    ("Kulibayev stepped down. The chamber elected Raimbek Batalov, the founder of an "
     "agricultural holding, to replace him.", ("him", 0), "Kulibayev"),
    # inside a quotation, a third-person pronoun is not the speaker
    ("Yevgeny Prigozhin halted his mutiny. \"The criminal case against him will be "
     "dropped,\" Dmitry Peskov said.", ("him", 0), "Yevgeny Prigozhin"),
    ("\"I am innocent,\" Vladimir Kara-Murza told the court. He was sentenced to 25 years.",
     ("He", 0), "Vladimir Kara-Murza"),
    # two persons joined in the subject: the one the pronoun's gender allows, else none
    ("Almazbek Atambayev and Kurmanbek Bakiyev were convicted. He was arrested in 2019.",
     ("He", 0), None),
    ("Viktor Babariko and Maria Kolesnikova were detained. She was sentenced in 2021.",
     ("She", 0), "Maria Kolesnikova"),
    ("Gulnara Karimova and Lola Karimova-Tillyaeva met in Geneva. She said the assets "
     "were frozen.", ("She", 0), None),
    # a description of the person the sentence before is about counts as a mention of
    # that person for the pronouns after it
    ("Karim Massimov was sentenced on Monday. The 58-year-old was found guilty of treason. "
     "The ex-KNB head had been arrested in January 2022.\n\nHis former deputy, Anuar "
     "Sadykulov, received 16 years.", ("His", 0), "Karim Massimov"),
    # "his" joined to a person's possessive is that person's
    ("Tokayev said Nazarbayev approved Karim Massimov's dismissal and his subsequent "
     "arrest.", ("his", 0), "Karim Massimov"),
    # a pronoun in an opening phrase is the subject named after it
    ("Karim Massimov resigned. In his address, Vladimir Putin praised the troops.",
     ("his", 0), "Vladimir Putin"),
    ("Karim Massimov was jailed. After her arrest, Maria Kolesnikova was taken to Minsk.",
     ("her", 0), "Maria Kolesnikova"),
    ("Kamchybek Tashiev was fired. In a statement circulated by his supporters, former "
     "security chief Kamchybek Tashiev described the dismissal.", ("his", 0),
     "Kamchybek Tashiev"),
    ("Sadyr Japarov spoke on Monday. After his arrest, police questioned Ruslan "
     "Kazakbayev.", ("his", 0), "Sadyr Japarov"),
    # "her" owning a noun is no object: the topic of the sentence before is its subject
    ("Vice President Sara Duterte resigned. Duterte said her resignation was not weakness. "
     "She made no mention of Ferdinand Marcos Jr.", ("She", 0), "Sara Duterte"),
    ("Sara Duterte spoke on Monday. Ferdinand Marcos Jr appointed her to lead the "
     "department.", ("her", 0), "Sara Duterte"),
    # a date phrase before the subject does not make it a preposition's object
    ("President Shavkat Mirziyoyev flew to Nukus. On Sunday Mirziyoyev, who has ruled "
     "since the death of his predecessor Islam Karimov in 2016, blamed foreign forces. He "
     "did not name any country.", ("He", 0), "Shavkat Mirziyoyev"),
    # a style is no one's possessive
    ("Hun Manet took the oath before His Majesty King Norodom Sihamoni.", ("His", 0), None),
    # a pronoun subject of a passive clause is the one the act before befell
    ("Kassym-Jomart Tokayev dismissed Karim Massimov on January 5. He was detained the "
     "next day.", ("He", 0), "Karim Massimov"),
    ("Alexander Lukashenko met Viktor Babariko's son Eduard Babariko. He was detained a "
     "week later.", ("He", 0), "Eduard Babariko"),
    ("Ilham Aliyev appointed Mehriban Aliyeva first vice-president. He was criticised for "
     "it.", ("He", 0), "Ilham Aliyev"),
    ("Kassym-Jomart Tokayev dismissed Karim Massimov on January 5. He said the unrest was "
     "an attempted coup.", ("He", 0), "Kassym-Jomart Tokayev"),
    # gender from the surname and the kinship term; "his" after "she" is not hers
    ("Tokayev met Dariga Nazarbayeva in Astana. She was later removed from the Senate.",
     ("She", 0), "Dariga Nazarbayeva"),
    ("Shavkat Mirziyoyev appointed Saida Mirziyoyeva to the administration. She had been "
     "his first assistant.", ("his", 0), "Shavkat Mirziyoyev"),
]


def _names(doc) -> dict[str, str]:
    return {m.actor_id: m.surface for m in doc.mentions if m.actor_id}


@pytest.mark.parametrize("text,pronoun,want", PROBES, ids=[p[0][:50] for p in PROBES])
def test_pronoun_probe(text, pronoun, want):
    doc = build(article(text), default_gazetteer(), default_lexicon())
    word, n = pronoun
    at = [m.start() for m in re.finditer(rf"\b{word}\b", text)][n]
    got = doc.antecedents.resolve(at, word)
    if want is None:
        assert got == [], [_names(doc).get(a, a) for a in got]
        return
    ids = {m.actor_id for m in doc.mentions if m.actor_id and key(m.surface) == key(want)}
    assert len(got) == 1 and got[0] in ids, [_names(doc).get(a, a) for a in got]


def test_a_plural_pronoun_after_a_list_of_names_is_that_list():
    """Not every person of the sentence: Satybaldy kept his job."""
    text = ("Kairat Satybaldy was arrested in March, and Timur Kulibayev and Dimash Dosanov "
            "lost their jobs.")
    doc = build(article(text), default_gazetteer(), default_lexicon())
    got = doc.antecedents.resolve(text.index("their"), "their")
    assert sorted(_names(doc)[a] for a in got) == ["Dimash Dosanov", "Timur Kulibayev"]


def test_an_ambiguous_gazetteer_name_does_not_stop_the_references():
    """"the UK" is two gazetteer actors' spelling; resolving it leaves the lexicon hits
    the later references use intact (the article is read, not a traceback)."""
    from qantar.loaders.pipeline import extract_raw
    text = ("Rakhat Aliyev lived in the UK. Kyrgyzstan's State Committee for National "
            "Security detained Raimbek Matraimov.")
    doc = build(article(text), default_gazetteer(), default_lexicon())
    assert any(m.surface == "State Committee for National Security" and m.actor_id
               for m in doc.mentions)
    assert extract_raw(article(text)).statements


# Paragraphs of two or three sentences where one side of a relation or an event is a
# pronoun, a description or a plural ("the two men"): tests/coreference_probes.yaml, each
# with the relations it must (``expect``) and must not (``absent``) read as [subject,
# predicate, object], and the event participants it must (``events``) and must not
# (``absent_events``) read as [event type, participant]; ``published`` dates the article
# (office holders are looked up at that date).
COREF_PROBES = yaml.safe_load((Path(__file__).parent / "coreference_probes.yaml")
                              .read_text("utf-8"))


def _read(probe) -> tuple[set, set]:
    art = article(probe["text"], probe.get("published", "2022-01"))
    batch = extract_raw(art)
    names: dict[str, set[str]] = {}
    for a in batch.actors:
        names[a.id] = {key(n) for n in (a.name, *a.aliases)}
    for e in batch.events:
        names[e.id] = {e.type}
    triples, roles = set(), set()
    for st in batch.statements:
        assert art.body[st.span_start:st.span_end] == st.quote
        for s in names.get(st.subject_id, ()):
            for o in names.get(st.object_id, ()):
                if st.object_id.startswith("event:"):
                    roles.add((o, s))
                else:
                    triples.add((s, st.predicate, o))
    return triples, roles


@pytest.mark.parametrize("probe", COREF_PROBES, ids=[p["text"][:60] for p in COREF_PROBES])
def test_coreference_probe(probe):
    triples, roles = _read(probe)
    for s, p, o in probe.get("expect") or []:
        assert (key(s), p, key(o)) in triples, f"{[s, p, o]} not read; read {sorted(triples)}"
    for s, p, o in probe.get("absent") or []:
        assert (key(s), p, key(o)) not in triples, f"{[s, p, o]} was read"
    for etype, who in probe.get("events") or []:
        assert (etype, key(who)) in roles, f"{etype} of {who} not read; read {sorted(roles)}"
    for etype, who in probe.get("absent_events") or []:
        assert (etype, key(who)) not in roles, f"{etype} of {who} was read"


def test_every_coreference_probe_says_something():
    for i, probe in enumerate(COREF_PROBES):
        assert set(probe) <= {"text", "published", "expect", "absent", "events",
                              "absent_events"}, f"probe {i}"
        assert any(probe.get(k) for k in ("expect", "absent", "events", "absent_events")), \
            f"probe {i}"
