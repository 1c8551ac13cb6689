"""Extraction quality as CI sees it: every split of the gold keeps its floors, and every
quote the loaders keep is a verbatim slice of its article.

The floors live in ``tests/gold/floors.yaml`` (data, so raising them is a one-line
change). The held-out split (``tests/gold/heldout``) is scored here like the others,
but no rule may be written from it: see ``tests/gold/README.md``.
"""

from pathlib import Path

import pytest
import yaml

from qantar.loaders import evaluate
from qantar.loaders.pipeline import extract
from qantar.loaders.read import read_article

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
CONFIG = yaml.safe_load((GOLD / "floors.yaml").read_text(encoding="utf-8"))


def _folders(split):
    spec = CONFIG["splits"][split]
    folders = sorted({d for pattern in spec["gold"] for d in GOLD.glob(pattern)
                      if (d / "entities.tsv").is_file()})
    return folders, [ROOT / a for a in spec["articles"]]


@pytest.mark.parametrize("split", sorted(CONFIG["floors"]))
def test_split_keeps_its_floors(split):
    folders, articles = _folders(split)
    assert folders, f"no gold folders for split {split}"
    totals = evaluate.totals(evaluate.run(folders, articles))
    below = []
    for kind, (p_floor, r_floor) in CONFIG["floors"][split].items():
        score = totals[kind]
        if score.precision < p_floor or score.recall < r_floor:
            below.append(f"{kind}: P {score.precision:.3f} (floor {p_floor}), "
                         f"R {score.recall:.3f} (floor {r_floor})")
    assert not below, f"{split} fell below its floors: " + "; ".join(below)


def test_the_splits_do_not_share_an_article():
    seen = {}
    for split in CONFIG["splits"]:
        for folder in _folders(split)[0]:
            assert folder.name not in seen, (folder.name, split, seen.get(folder.name))
            seen[folder.name] = split
    assert len([s for s in seen.values() if s == "heldout"]) >= 6


@pytest.mark.parametrize("split", sorted(CONFIG["splits"]))
def test_every_quote_is_verbatim_in_its_article(split):
    folders, articles = _folders(split)
    checked = 0
    for folder in folders:
        article = read_article(evaluate.find_article(folder.name, articles))
        for st in extract(article).statements:
            assert article.body[st.span_start:st.span_end] == st.quote, (folder.name, st)
            checked += 1
    assert checked > 0
