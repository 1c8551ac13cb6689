"""Every relation pattern reads its own example; the lexicon files fail clearly when bad."""

import shutil
from pathlib import Path

import pytest

from qantar.graph.records import Article
from qantar.loaders import lexicon as lexicon_mod
from qantar.loaders import events, relations
from qantar.loaders.document import build
from qantar.loaders.errors import InputError
from qantar.loaders.pipeline import default_gazetteer, default_lexicon, extract_raw

ROOT = Path(__file__).resolve().parent.parent
PATTERNS = default_lexicon()["patterns"]


def article(body: str, published: str = "2022-01") -> Article:
    return Article(id="article:" + str(abs(hash(body)))[:16], title="test", publisher="",
                   published=published, published_precision="month" if len(published) == 7
                   else "day", url="", path="test.txt", sha256="", words=len(body.split()),
                   body=body)


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p["id"] for p in PATTERNS])
def test_pattern_reads_its_example(pattern):
    art = article(pattern["example"])
    doc = build(art, default_gazetteer(), default_lexicon())
    rules = relations.rules_for(default_lexicon())
    compiled = next(p for p in rules.patterns if p.id == pattern["id"])
    assert list(relations._matches(doc, compiled)), "the pattern does not match its example"
    batch = extract_raw(art)
    want = {e["predicate"] for e in pattern["emit"]}
    got = {s.predicate for s in batch.statements}
    assert want <= got, f"example gave {got}"
    for st in batch.statements:
        assert art.body[st.span_start:st.span_end] == st.quote


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p["id"] for p in PATTERNS])
def test_anchor_gating_loses_no_match(pattern):
    """Running a pattern only where its anchors stand finds what the full scan finds."""
    rules = relations.rules_for(default_lexicon())
    compiled = next(p for p in rules.patterns if p.id == pattern["id"])
    for path in sorted((ROOT / "seeds").glob("0*.txt")):
        from qantar.loaders.read import read_article
        doc = build(read_article(path), default_gazetteer(), default_lexicon())
        full = {m.group() for m in compiled.regex.finditer(doc.template.text)
                if not compiled.starts or m.start() == 0
                or not doc.template.text[m.start() - 1].isalnum()}
        gated = {m.group() for m in relations._matches(doc, compiled)}
        assert full == gated, path.name


def test_bare_title_finds_its_body_in_the_offices_file():
    batch = extract_raw(article("It was former president Nursultan Nazarbayev who spoke. "
                                "Kazakhstan listened."))
    post = [s for s in batch.statements if s.predicate == "holds_position"]
    assert [(s.object_id, s.detail, s.status) for s in post] == [
        ("place:kazakhstan", "president", "former")]


@pytest.mark.parametrize("text, body, status", [
    ("Karim Massimov, the former chairman of the KNB, said nothing.",
     "organization:committee-for-national-security", "former"),
    ("Nursultan Nazarbayev, the former president of Kazakhstan, was there.",
     "place:kazakhstan", "former"),
    # E08: a country named only inside a name is still the article's country
    ("The Supreme Court of Kazakhstan heard the case. The Prime Minister, Askar Mamin, "
     "resigned.", "place:kazakhstan", "unknown"),
])
def test_a_title_reference_states_the_post_of_the_one_it_names(text, body, status):
    """A title reference ("the former president of Kazakhstan") that names a person of
    the article states that person's post, whether or not a pattern reads it."""
    batch = extract_raw(article(text))
    posts = {(s.object_id, s.status) for s in batch.statements
             if s.predicate == "holds_position"}
    assert (body, status) in posts, posts


def test_unknown_body_of_a_bare_title_gives_no_post():
    batch = extract_raw(article("Activist Aset Abishev met deputy Marat Serikbayev."))
    assert not [s for s in batch.statements if s.predicate == "holds_position"]


@pytest.fixture
def lexicon_copy(tmp_path):
    target = tmp_path / "lexicon"
    shutil.copytree(ROOT / "seeds" / "lexicon", target)
    shutil.copy(ROOT / "seeds" / "patterns.yaml", tmp_path / "patterns.yaml")
    return tmp_path


def _edit(path: Path, old: str, new: str):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("file, old, new, message", [
    ("lexicon/kinship.yaml", "  nephew: nephew", "  nephew: [nephew", "YAML error"),
    ("lexicon/organizations.yaml", "  Ministry: state_body", "  Ministry: ministry",
     "unknown organisation kind"),
    ("lexicon/events.yaml", "  curfew:\n", "  curfews:\n", "unknown event type"),
    ("lexicon/places.yaml", "  Kazakh: place:kazakhstan", "  Kazakh: kazakhstan",
     "bad actor id"),
    ("lexicon/titles.yaml", "head_verbs:", "head_verbz:", "unknown section"),
    ("patterns.yaml", "  - id: bare-title-name", "  - id: title-of-body-name",
     "duplicate pattern id"),
    ("lexicon/dates.yaml", "  also: same_time", "  also: same_day",
     "unknown continuation"),
    ("lexicon/organizations.yaml", "  peacekeepers: intergovernmental",
     "  peacekeepers: troops", "unknown organisation kind"),
    ("lexicon/events.yaml", "possessor: target, post: participant}",
     "possessor: target, post: body}", "bad role post: body"),
    ("lexicon/events.yaml", "roles: {before: agent, after: target, post: participant}}]",
     "roles: {before: agent, after: giver, post: participant}}]", "bad role after: giver"),
    ("lexicon/events.yaml", "roles: {before: agent, after: target, post: participant}}]",
     "role: {before: agent, after: target, post: participant}}]",
     "a pattern with roles of its own"),
])
def test_bad_lexicon_names_file_and_line(lexicon_copy, file, old, new, message):
    path = lexicon_copy / file
    _edit(path, old, new)
    with pytest.raises(InputError) as err:
        lexicon_mod.load((lexicon_copy / "lexicon", lexicon_copy / "patterns.yaml"))
    assert message in str(err.value)
    assert str(path) in str(err.value) or path.name in str(err.value)
    assert err.value.line


def test_lexicon_ids_must_be_gazetteer_ids(lexicon_copy):
    _edit(lexicon_copy / "lexicon" / "places.yaml", "  Tajik: place:tajikistan",
          "  Tajik: place:tajik-republic")
    lex = lexicon_mod.load((lexicon_copy / "lexicon", lexicon_copy / "patterns.yaml"))
    with pytest.raises(InputError) as err:
        lex.check_ids(set(default_gazetteer().actors))
    assert "places.yaml" in str(err.value) and "place:tajik-republic" in str(err.value)


def test_yes_and_no_stay_words():
    lex = default_lexicon()
    assert "On" in lex["stopwords"] and "No" in lex["stopwords"]


def test_a_presidential_staff_title_serves_the_article_s_country():
    batch = extract_raw(article("Kyrgyzstan is a country. The statement was released by "
                                "presidential press secretary Askat Alagozov."))
    assert {(s.object_id, s.detail) for s in batch.statements
            if s.predicate == "holds_position"} == {
        ("place:kyrgyzstan", "presidential press secretary")}


@pytest.mark.parametrize("text, predicate, subject, obj", [
    ("Murat Nurtleu has been serving as foreign minister of Kazakhstan since 2023.",
     "holds_position", "person:murat-nurtleu", "place:kazakhstan"),
    ("Kairat Boranbayev, a businessman close to Nazarbayev, spoke.",
     "ally_of", "person:kairat-boranbaev", "person:nursultan-nazarbayev"),
    ("Karim Massimov, 56, the former chairman of the National Security Committee, was "
     "detained.", "holds_position", "person:karim-massimov",
     "organization:committee-for-national-security"),
    ("Kassym-Jomart Tokayev took over as chairman of the Security Council.",
     "holds_position", "person:kassym-jomart-tokayev",
     "organization:security-council-of-kazakhstan"),
])
def test_variants_of_the_pattern_constructions(text, predicate, subject, obj):
    batch = extract_raw(article(text))
    got = {(s.predicate, s.subject_id, s.object_id) for s in batch.statements}
    assert (predicate, subject, obj) in got, got


def test_a_security_chief_of_another_country_is_not_the_knb_s():
    batch = extract_raw(article("Uzbekistan's former security chief Ikhtiyor Abdullayev "
                                "was jailed for 18 years."))
    assert {s.object_id for s in batch.statements if s.predicate == "holds_position"} \
        == {"place:uzbekistan"}


def test_two_posts_given_in_one_appointment():
    batch = extract_raw(article("Ermek Sagimbayev was appointed chairman of the KNB and "
                                "deputy chairman of the Security Council."))
    assert {(s.object_id, s.detail) for s in batch.statements
            if s.predicate == "holds_position"} == {
        ("organization:committee-for-national-security", "chairman"),
        ("organization:security-council-of-kazakhstan", "deputy chairman")}


def test_actor_led_patterns_tried_at_actors_and_pronouns_find_what_the_scan_finds():
    """A pattern led by an {AP} or {OWNER} slot runs only where a placeholder starts or
    ends or a pronoun stands: the same matches as the scan of its sentences, on the dev
    articles and on text whose pronouns are capitalised, glued or spelled with a letter
    a case-blind pattern takes for ASCII ("hıs": then the whole sentence is scanned)."""
    from qantar.loaders.read import read_article
    rules = relations.rules_for(default_lexicon())
    led = [p for p in rules.patterns if p.actor_led]
    assert {"copula-title", "owner-title-name", "post-as"} <= {p.id for p in led}
    docs = [build(read_article(p), default_gazetteer(), default_lexicon())
            for p in sorted((ROOT / "tests/corpus/dev").glob("*.md"))]
    probes = ["Karim Massimov was chairman of the KNB. He was then the KNB's chairman, and "
              "HIS post as chairman of the KNB went to Ermek Sagimbayev.",
              "Samat Abish lost hıs post as first deputy chairman of the KNB."]
    docs += [build(article(text), default_gazetteer(), default_lexicon()) for text in probes]
    assert docs[-1].actor_edges is None and docs[-2].actor_edges
    found = 0
    for doc in docs:
        for pat in led:
            full = [m.span() for s, e in doc.spans_with(pat.anchors)
                    for m in pat.regex.finditer(doc.template.text, s, e)]
            assert [m.span() for m in relations._matches(doc, pat)] == full, pat.id
            found += len(full)
        for sent in doc.sentences:  # the events stage's pronouns, the same way
            assert [m.span() for m in events._pronouns(doc, sent)] == [
                m.span() for m in events._PRONOUN.finditer(doc.body, sent.start, sent.end)]
    assert found > 10
