"""Posts, chains of command, seats and the acts that give and take posts: every example
of seeds/lexicon/posts.yaml and every probe of tests/post_probes.yaml is read as it says,
and nothing it rules out is read."""

from pathlib import Path

import pytest
import yaml

from qantar.graph.names import key
from qantar.loaders.pipeline import default_lexicon, extract_raw

from test_extract_patterns import article

EXAMPLES = default_lexicon()["post_examples"]
PROBES = yaml.safe_load((Path(__file__).parent / "post_probes.yaml").read_text("utf-8"))
PREDICATES = ("holds_position", "subordinate_of", "member_of", "appointed", "dismissed")


def _posts(text: str) -> set[tuple[str, str, str, str]]:
    """(subject, predicate, object, detail) of the posts, chains and seats read, the
    endpoints by every name key of their actors."""
    art = article(text)
    batch = extract_raw(art)
    names: dict[str, set[str]] = {}
    for a in batch.actors:
        names[a.id] = {key(n) for n in (a.name, *a.aliases)}
    out = set()
    for st in batch.statements:
        assert art.body[st.span_start:st.span_end] == st.quote
        if st.predicate not in PREDICATES:
            continue
        for s in names.get(st.subject_id, ()):
            for o in names.get(st.object_id, ()):
                out.add((s, st.predicate, o, st.detail))
    return out


def _row(row) -> tuple[str, str, str, str]:
    subject, predicate, obj, *detail = row
    return key(subject), predicate, key(obj), detail[0] if detail else None


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["rule"][:60] for e in EXAMPLES])
def test_post_rule_reads_its_example(example):
    got = _posts(example["text"])
    triples = {g[:3] for g in got}
    for row in example.get("expect") or []:
        s, p, o, detail = _row(row)
        assert (s, p, o) in triples, f"{row} not read; read {sorted(got)}"
        if detail is not None:
            assert (s, p, o, detail) in got, f"{row}: detail; read {sorted(got)}"
    for row in example.get("absent") or []:
        s, p, o, _ = _row(row)
        assert (s, p, o) not in triples, f"{row} was read"


def test_every_example_names_its_rule_and_says_something():
    for i, example in enumerate(EXAMPLES):
        assert example.get("rule") and example.get("text"), f"example {i}"
        assert example.get("expect") or example.get("absent"), f"example {i}"
        assert set(example) <= {"rule", "text", "expect", "absent"}


@pytest.mark.parametrize("probe", PROBES, ids=[p["text"][:60] for p in PROBES])
def test_post_probe(probe):
    """Wire-style probes of tests/post_probes.yaml, one construction each."""
    triples = {g[:3] for g in _posts(probe["text"])}
    for row in probe.get("expect") or []:
        s, p, o, _ = _row(row)
        assert (s, p, o) in triples, f"{row} not read; read {sorted(triples)}"
    for row in probe.get("absent") or []:
        s, p, o, _ = _row(row)
        assert (s, p, o) not in triples, f"{row} was read"


# A post takes the dates of its own clause, never those of a relative clause about
# someone else: (text, holder, start, end) of the holder's post; "" for none.
RANGES = [
    ("Robert Kocharyan, who ruled Armenia from 1998 to 2008, was arrested in 2018 shortly "
     "after Prime Minister Nikol Pashinyan came to power.", "Nikol Pashinyan", "", ""),
    ("Robert Kocharyan, who ruled Armenia from 1998 to 2008, was arrested in 2018.",
     "Robert Kocharyan", "1998", "2008"),
    ("Serdar Berdimuhamedov was sworn in as president of Turkmenistan, succeeding his "
     "father Gurbanguly Berdimuhamedov, who had ruled the country since 2006.",
     "Serdar Berdimuhamedov", "", ""),
]


@pytest.mark.parametrize("text,holder,start,end", RANGES, ids=[r[0][:60] for r in RANGES])
def test_post_takes_the_dates_of_its_own_clause(text, holder, start, end):
    batch = extract_raw(article(text))
    ids = {a.id for a in batch.actors if key(holder) in {key(a.name), *map(key, a.aliases)}}
    got = {(st.start_date[:4], st.end_date[:4]) for st in batch.statements
           if st.predicate == "holds_position" and st.subject_id in ids}
    assert got and all(g == (start, end) for g in got), got


@pytest.mark.parametrize("text, dates", [
    # the date after the relative clause is the arrest's, not the post's
    ("Gulnara Saparova, who once served as deputy head of the Central Election Commission, "
     "was arrested in March 2022 in Bishkek.", [("", "")]),
    # "until" ends the post; it does not also start it
    ("Ruslan Ivanov, who was the first deputy chairman of Rosneft until January 2022, "
     "was dismissed.", [("", "2022-01")]),
    # "since 2008" is the arrangement's, in a clause of its own after the act
    ("Vladimir Putin replaced Dmitry Medvedev as chairman of United Russia on May 7, 2012, "
     "a move that ended an arrangement in place since 2008.",
     [("", "2012-05-07"), ("2012-05-07", "")]),
])
def test_a_post_in_a_relative_clause_keeps_only_its_own_dates(text, dates):
    batch = extract_raw(article(text))
    posts = sorted((st.start_date, st.end_date) for st in batch.statements
                   if st.predicate == "holds_position")
    assert posts == dates


def test_a_date_in_a_later_clause_does_not_date_the_act():
    """"named X prime minister after the government resigned on Jan. 5": the 5th is the
    resignation's; a date of the act's own clause still counts."""
    batch = extract_raw(article(
        "Sadyr Japarov named Akylbek Japarov prime minister after the cabinet of Ulukbek "
        "Maripov resigned on October 12. Ilham Aliyev appointed Ali Asadov prime minister "
        "on October 8 after Novruz Mammadov stepped down."))
    dates = sorted(st.start_date for st in batch.statements if st.predicate == "appointed")
    assert dates == ["", "2021-10-08"]
