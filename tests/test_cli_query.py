"""``qantar query`` and the shared output options, through click's runner."""

import csv
import io
import json

import pytest
from click.testing import CliRunner
from fixture_graph import load_fixture

from qantar.cli.main import cli
from qantar.graph.stores import open_store


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "g.lbug"
    with open_store("embedded", path=path) as store:
        load_fixture(store)
    return path


@pytest.fixture
def qantar(store_path):
    def invoke(*args, env=None):
        return CliRunner().invoke(cli, ["--store", str(store_path), *args],
                                  env={"QANTAR_BACKEND": "embedded", **(env or {})},
                                  prog_name="qantar")
    return invoke


def test_list_shows_every_pack_query(qantar):
    result = qantar("query", "--list", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) >= 20
    profile = next(r for r in rows if r["query"] == "people/profile")
    assert profile["title"] == "Profile of an actor"
    assert profile["parameters"] == "actor=Samat Abish"
    table = qantar("query", "--list").stdout
    assert table.splitlines()[0].split() == ["query", "title", "parameters"]
    assert "timeline/events_between" in table


def test_run_a_query_with_cyrillic_parameters_kept_as_is(qantar):
    result = qantar("query", "people/profile", "--param", "actor=Назарбаев", "-f", "json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert {"section": "kin", "subject": "Samat Abish", "detail": "nephew"}.items() <= \
        next(r for r in rows if r["section"] == "kin" and r["subject"] == "Samat Abish").items()
    assert "Назарбаев" in result.stdout and "\\u" not in result.stdout
    assert result.stderr == ""


def test_the_four_formats_carry_the_same_rows(qantar):
    args = ("query", "clans/family", "-p", "actor=Nazarbayev")
    as_json = json.loads(qantar(*args, "-f", "json").stdout)
    lines = qantar(*args, "-f", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == as_json
    as_csv = list(csv.DictReader(io.StringIO(qantar(*args, "-f", "csv").stdout)))
    assert [r["member"] for r in as_csv] == [r["member"] for r in as_json]
    assert as_csv[0]["sources"] == "1"
    table = qantar(*args).stdout.splitlines()
    assert table[0].split()[:2] == ["member", "tie"]
    assert set(table[1]) <= {"-", " "} and "Samat Abish" in table[2]


def test_list_parameters_are_comma_separated(qantar):
    result = qantar("query", "clans/kin_in_security_and_companies", "-p", "actor=Nazarbayev",
                    "-p", "kinds=company,military", "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert qantar("query", "clans/kin_in_security_and_companies", "-p", "actor=Nazarbayev",
                  "-p", "kinds=security_service", "-f", "jsonl").stdout.count("\n") == 1


def test_environment_chooses_the_format(qantar):
    result = qantar("query", "people/search", "-p", "name=Самат",
                    env={"QANTAR_FORMAT": "jsonl"})
    assert json.loads(result.stdout)["name"] == "Samat Abish"


def test_empty_results_note_on_stderr_only(qantar):
    result = qantar("query", "people/search", "-p", "name=Zhou")
    assert result.exit_code == 0
    assert result.stdout == "" and "(no rows)" in result.stderr
    assert qantar("query", "people/search", "-p", "name=Zhou", "-f", "json").stdout == "[]\n"


@pytest.mark.parametrize("args, message", [
    (("query", "people/profil"), "no query 'people/profil'"),
    (("query", "people/profile"), "needs actor"),
    (("query", "people/profile", "-p", "who=Abish"), "has no parameter 'who'"),
    (("query", "people/profile", "-p", "actor"), "is not KEY=VALUE"),
    (("query", "timeline/events_between", "-p", "from=5 Jan", "-p", "to=2022"),
     "must be a date"),
    (("query", "people/ego_network", "-p", "actor=Abish", "-p", "depth=two"),
     "whole number"),
    (("query",), "give a query NAME"),
    (("query", "people/profile", "--format", "xml"), "'xml' is not one of"),
])
def test_usage_errors_exit_2_with_one_line(qantar, args, message):
    result = qantar(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_an_unknown_actor_exits_1_and_suggests(qantar):
    result = qantar("query", "people/profile", "-p", "actor=Masimoff")
    assert result.exit_code == 1
    assert "no such actor 'Masimoff' — did you mean Karim Massimov?" in result.stderr
    assert result.stdout == ""


def test_show_prints_the_engines_text(qantar):
    embedded = qantar("query", "paths/shortest_path", "--show").stdout
    assert "ALL SHORTEST" in embedded
    neo4j = qantar("--backend", "neo4j", "query", "paths/shortest_path", "--show").stdout
    assert "allShortestPaths" in neo4j


def test_query_help_has_real_examples():
    result = CliRunner().invoke(cli, ["query", "--help"])
    assert "Examples:" in result.output
    assert "qantar query people/profile --param actor=Назарбаев" in result.output


def test_completion_offers_query_names():
    result = CliRunner().invoke(cli, [], prog_name="qantar", env={
        "_QANTAR_COMPLETE": "bash_complete", "COMP_WORDS": "qantar query people/pr",
        "COMP_CWORD": "2"})
    assert "people/profile" in result.output
    script = CliRunner().invoke(cli, [], prog_name="qantar",
                                env={"_QANTAR_COMPLETE": "bash_source"})
    assert "_qantar_completion" in script.output


def test_a_long_answer_prints_one_page_and_says_how_many_rows_there_are(qantar):
    result = qantar("cypher", "UNWIND range(1, 1500) AS i RETURN i", "-f", "jsonl")
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["i"] for line in result.stdout.splitlines()] == \
        list(range(1, 1001))
    assert "rows 1–1,000 of 1,500" in result.stderr and "--offset 1000" in result.stderr
    everything = qantar("cypher", "UNWIND range(1, 1500) AS i RETURN i", "-f", "jsonl",
                        "--limit", "0")
    assert everything.stdout.count("\n") == 1500 and everything.stderr == ""


def test_pages_of_a_pack_query_put_together_are_the_whole_answer(qantar):
    args = ("query", "people/profile", "-p", "actor=Nazarbayev", "-f", "json")
    whole = json.loads(qantar(*args).stdout)
    assert len(whole) > 4
    first = qantar(*args, "--limit", "3")
    assert f"rows 1–3 of {len(whole)}" in first.stderr
    rest = qantar(*args, "--limit", "3", "--offset", "3")
    assert f"rows 4–6 of {len(whole)}" in rest.stderr or len(whole) == 6
    assert json.loads(first.stdout) + json.loads(rest.stdout) == whole[:6]
    beyond = qantar(*args, "--offset", str(len(whole)))
    assert json.loads(beyond.stdout) == [] and f"of {len(whole)}" in beyond.stderr
    assert qantar(*args, "--limit", "-1").exit_code == 2


def test_shortcuts_page_too(qantar):
    whole = qantar("claims", "-f", "jsonl").stdout.splitlines()
    assert len(whole) > 1
    one = qantar("claims", "-f", "jsonl", "--limit", "1")
    assert one.stdout.splitlines() == whole[:1]
    assert f"rows 1–1 of {len(whole)}; --limit 0 prints them all, --offset 1 the next page" \
        in one.stderr


def test_a_query_that_takes_a_limit_stops_at_the_page_and_counts_the_rest(qantar):
    args = ("query", "claims/attributed", "-f", "json")
    whole = json.loads(qantar(*args, "--limit", "0").stdout)
    assert len(whole) > 3
    middle = qantar(*args, "--limit", "2", "--offset", "1")
    assert json.loads(middle.stdout) == whole[1:3]
    assert f"rows 2–3 of {len(whole)}; --limit 0 prints them all, --offset 3 the next page" \
        in middle.stderr
    own = qantar(*args, "-p", "limit=2")  # the query's own limit: what was asked, no note
    assert json.loads(own.stdout) == whole[:2] and own.stderr == ""
