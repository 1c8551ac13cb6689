"""The benchmark suite as a smoke test: tiny corpus, real loader, report produced.

No timing is asserted (the machine is shared); what is asserted is behaviour: the
generator is deterministic, the loader finds the generated ground truth, a parallel
load gives the same graph as a serial one, and `bench/bench.py --quick` writes a report.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from qantar.graph.exports import jsonl
from qantar.graph.stores import open_store
from qantar.loaders.gazetteer import Gazetteer
from qantar.loaders.pipeline import load

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402
import truth  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "corpus"
    generate.generate(out, articles=30, seed=7)
    return out


def test_generator_is_deterministic_for_a_seed(corpus, tmp_path):
    again = tmp_path / "again"
    generate.generate(again, articles=30, seed=7)
    first = sorted(p.relative_to(corpus) for p in corpus.rglob("*.md"))
    assert first == sorted(p.relative_to(again) for p in again.rglob("*.md"))
    for rel in first:
        assert (corpus / rel).read_bytes() == (again / rel).read_bytes()
    assert (corpus / "truth.json").read_text() == (again / "truth.json").read_text()
    other = tmp_path / "other"
    generate.generate(other, articles=30, seed=8)
    assert (other / "truth.json").read_text() != (corpus / "truth.json").read_text()


def test_generated_articles_use_cyrillic_and_variant_spellings(corpus):
    text = "".join(p.read_text(encoding="utf-8") for p in corpus.rglob("*.md"))
    facts = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    people = [a for a in facts["actors"].values() if a["type"] == "person" and "cyrillic" in a]
    assert any(p["cyrillic"] in text for p in people)
    assert any(sum(len(a[k]) for a in facts["articles"]) for k in ("kinship", "positions"))


def test_loader_finds_the_generated_ground_truth(corpus, tmp_path):
    with open_store("embedded", path=tmp_path / "g.lbug") as store:
        report = load(store, [corpus / "articles"],
                      gazetteer=Gazetteer.load(corpus / "gazetteer.yaml"), workers=1)
        assert report.articles == 30 and not report.errors
        found = truth.recall(store, corpus)
    # every invented actor is in the gazetteer in the spellings the articles use
    assert found["mentions_expected"] > 100
    assert found["mentions"] >= 0.9, found


def test_parallel_load_gives_the_same_graph_as_a_serial_one(corpus, tmp_path):
    gazetteer = Gazetteer.load(corpus / "gazetteer.yaml")
    exports = []
    for workers in (1, 2):
        with open_store("embedded", path=tmp_path / f"w{workers}.lbug") as store:
            load(store, [corpus / "articles"], gazetteer=gazetteer, workers=workers)
            exports.append(list(jsonl.lines(store.to_networkx())))
    assert exports[0] == exports[1]


def test_cited_dates_come_from_the_articles(corpus, tmp_path):
    """The projection rebuild aggregates dates in the engine: check them against truth."""
    facts = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    dates: dict[str, list[str]] = {}
    for path in corpus.rglob("*.md"):
        published = path.read_text(encoding="utf-8").split("date: '", 1)[1][:10]
        article = next(a for a in facts["articles"] if Path(a["path"]).name == path.name)
        for actor in article["actors"]:
            dates.setdefault(actor, []).append(published)
    with open_store("embedded", path=tmp_path / "d.lbug") as store:
        load(store, [corpus / "articles"], gazetteer=Gazetteer.load(corpus / "gazetteer.yaml"))
        rows = store.run("MATCH (a:Actor) WHERE a.first_cited <> '' "
                         "RETURN a.id AS id, a.first_cited AS first, a.last_cited AS last")
    assert rows
    checked = 0
    for row in rows:
        if row["id"] in dates and row["id"].startswith("person:") and "-" in row["id"]:
            assert row["first"] >= min(dates[row["id"]]) and row["last"] <= max(dates[row["id"]])
            checked += 1
    assert checked > 10


def test_quick_benchmark_writes_a_report(tmp_path):
    proc = subprocess.run([sys.executable, str(BENCH / "bench.py"), "--quick", "--articles", "20",
                           "--out", str(tmp_path), "--no-neo4j", "--no-browser"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    # piped: a line per section as it starts and ends, no progress bar
    said = [re.sub(r"\d+(\.\d+)? s\b", "N s", line.split("] ", 1)[1])
            for line in proc.stderr.splitlines() if line.startswith("[bench ")]
    sections = ("extraction", "embedded_write", "embedded_e2e", "embedded_queries", "recall",
                "embedded_e2e_small", "html")
    assert said == ["generating 20 articles",
                    *(f"{name}{end}" for name in sections for end in ("", " done in N s")),
                    f"report: {tmp_path / 'REPORT.md'} (N s)"], proc.stderr[-2000:]
    report = (tmp_path / "REPORT.md").read_text(encoding="utf-8")
    for heading in ("## 1. Extraction throughput", "## 3. End to end", "## 5. HTML export",
                    "## Targets", "## Why the missed targets are missed"):
        assert heading in report
    results = json.loads((tmp_path / "results.json").read_text())
    assert results["extraction"]["single"]["words"] > 0
    profile = results["extraction"]["profile"]  # the profile behind the extraction miss
    assert 0.3 < profile["python_share"] <= 1
    assert any(name.startswith("loaders/") for name, _ in profile["top"])
    assert results["embedded_e2e"]["articles"] == 20
    assert results["embedded_write"]["same_graph"] is True  # the A/B wrote one graph
    assert results["recall"]["mentions"] >= 0.9
