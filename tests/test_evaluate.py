"""The scorer: exact counts on a small hand-made gold, the real gold folders, the CLI."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from qantar.cli.main import cli
from qantar.graph.records import Article
from qantar.loaders import evaluate
from qantar.loaders.errors import InputError
from qantar.loaders.pipeline import extract

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
TUNING = ["000_9fb643f376190d20", "001_72fd9320b8cec30d", "003_cc4235c471014565"]

BODY = ("Toqaev removed Nazarbaev as Security Council secretary on January 5. "
        "Nazarbaev's nephew, Samat Abish, was also dismissed.")


def write_gold(folder: Path, entities: str, relations: str, events: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "entities.tsv").write_text("name\ttype\tsurface_forms\n" + entities,
                                         encoding="utf-8")
    (folder / "relations.tsv").write_text(
        "subject\tpredicate\tobject\tdetail\tmodality\tspeaker\tquote\n" + relations,
        encoding="utf-8")
    (folder / "events.tsv").write_text("type\tdate\tparticipants\tplace\tquote\n" + events,
                                       encoding="utf-8")
    return folder


@pytest.fixture
def small(tmp_path):
    art = Article(id="article:small", title="t", publisher="", published="2022-01",
                  published_precision="month", url="", path="small.txt", sha256="",
                  words=len(BODY.split()), body=BODY)
    gold = write_gold(
        tmp_path / "small",
        "Kassym-Jomart Tokayev\tperson\tToqaev\n"
        "Nursultan Nazarbayev\tperson\tNazarbaev\n"
        "Samat Abish\tperson\tSamat Abish\n"
        "Security Council\torganization\tSecurity Council\n"
        "Kazakhstan\tplace\tKazakhstan\n",                       # not in the text: missed
        "Samat Abish\trelative_of\tNursultan Nazarbayev\tnephew\treported\t\tx\n"
        "Kassym-Jomart Tokayev\tdismissed\tNursultan Nazarbayev\tsecretary\treported\t\tx\n"
        "Samat Abish\tally_of\tKassym-Jomart Tokayev\t\treported\t\tx\n",   # missed
        "dismissal\t2022-01-05\tKassym-Jomart Tokayev:agent;Nursultan Nazarbayev:target\t\tx\n"
        "arrest\t2022-01-06\tSamat Abish:target\t\tx\n")           # missed
    return evaluate.read_gold(gold), extract(art)


def test_exact_counts_on_a_small_gold(small):
    gold, batch = small
    r = evaluate.score_article(gold, batch)
    ents, rels, evs = (r.scores[k] for k in evaluate.KINDS)
    assert (ents.tp, ents.fn) == (4, 1) and r.missed["entities"] == ["Kazakhstan"]
    assert (rels.tp, rels.fn) == (2, 1)
    assert r.missed["relations"] == ["Samat Abish ally_of Kassym-Jomart Tokayev"]
    # extracted but not annotated: the holds_position rows of this text
    assert rels.fp == len(r.spurious["relations"]) >= 1
    assert all("holds_position" in s for s in r.spurious["relations"])
    assert evs.tp == 1 and "arrest 2022-01-06" in r.missed["events"]
    assert r.participant_recall == (2, 3)
    assert r.detail_agreement == (2, 2)


def test_a_wrong_type_or_a_split_actor_is_no_match(small, tmp_path):
    gold, batch = small
    gold.entities[2]["type"] = "organization"   # Samat Abish, typed wrong in this "gold"
    r = evaluate.score_article(gold, batch)
    assert "Samat Abish" in r.missed["entities"] and "person:samat-abish" in \
        r.spurious["entities"]


def test_totals_add_up():
    results = evaluate.run([GOLD / s for s in TUNING], [ROOT / "seeds"])
    total = evaluate.totals(results)
    for kind in evaluate.KINDS:
        assert total[kind].tp == sum(r.scores[kind].tp for r in results)
        assert 0 <= total[kind].precision <= 1 and 0 <= total[kind].recall <= 1


def test_tuning_seeds_meet_the_issue_targets():
    """Recall and precision targets, on the annotations the patterns were written against."""
    total = evaluate.totals(evaluate.run([GOLD / s for s in TUNING], [ROOT / "seeds"]))
    assert total["entities"].recall >= 0.95
    assert total["relations"].recall >= 0.85 and total["relations"].precision >= 0.85


def test_all_five_seeds_meet_the_issue_targets():
    """The same targets over every seed, including 002 and 004 that no pattern was
    written from."""
    seeds = sorted(p.name for p in GOLD.iterdir() if p.is_dir() and p.name[:3].isdigit())
    assert len(seeds) == 5
    total = evaluate.totals(evaluate.run([GOLD / s for s in seeds], [ROOT / "seeds"]))
    assert total["entities"].recall >= 0.95
    assert total["relations"].recall >= 0.85 and total["relations"].precision >= 0.85


def test_every_gold_folder_reads():
    folders = evaluate.gold_folders([GOLD])
    assert len(folders) >= 14
    for folder in folders:
        g = evaluate.read_gold(folder)
        assert g.entities


def test_bad_gold_names_file_and_line(tmp_path):
    folder = write_gold(tmp_path / "bad", "A\tperson\tA\n", "", "")
    (folder / "events.tsv").write_text("type\tdate\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        evaluate.read_gold(folder)
    assert "events.tsv:1" in str(err.value) and "header" in str(err.value)


def test_cli_eval_prints_per_kind_and_totals():
    runner = CliRunner()
    result = runner.invoke(cli, ["eval", str(GOLD / TUNING[2]), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert {(r["article"], r["kind"]) for r in rows} >= {
        (TUNING[2], "entities"), (TUNING[2], "relations"), (TUNING[2], "events"),
        ("TOTAL (1)", "entities")}
    table = runner.invoke(cli, ["eval", str(GOLD / TUNING[0]), str(GOLD / TUNING[1])])
    assert table.exit_code == 0 and "TOTAL (2)" in table.output and "precision" in table.output


def test_cli_eval_bad_input_is_one_line(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["eval", str(tmp_path / "nowhere")])
    assert result.exit_code == 1 and "no such gold folder" in result.output
    orphan = write_gold(tmp_path / "999_unknown", "A\tperson\tA\n", "", "")
    result = runner.invoke(cli, ["eval", str(orphan)])
    assert result.exit_code == 1 and "no article file" in result.output
    assert "Traceback" not in result.output
