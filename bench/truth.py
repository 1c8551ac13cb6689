"""Recall of the generated corpus's known graph in a loaded store.

The generator (bench/generate.py) records, per article, the actors it names and the facts
it states. Here we ask the store what the loader found: every (article, actor) mention,
and the projected kinship and post edges. Precision is not measured here (the templates
only say true things, so there is nothing false to find); the annotated seeds measure it.
"""

from __future__ import annotations

import json
from pathlib import Path


def expected(corpus: str | Path) -> dict:
    """The known graph: mentions per article file, kinship and post edges."""
    truth = json.loads((Path(corpus) / "truth.json").read_text(encoding="utf-8"))
    mentions = {Path(a["path"]).name: set(a["actors"]) for a in truth["articles"]}
    kinship = {(s, o) for a in truth["articles"] for s, _term, o in a["kinship"]}
    posts = {(s, org) for a in truth["articles"] for s, _title, org, *_ in a["positions"]}
    return {"mentions": mentions, "kinship": kinship, "posts": posts,
            "events": sum(len(a["events"]) for a in truth["articles"])}


def recall(store, corpus: str | Path) -> dict:
    """Fractions of the known mentions, kinship edges and post edges found in ``store``."""
    want = expected(corpus)
    paths = {r["id"]: r["path"] for r in store.run("MATCH (a:Article) RETURN a.id AS id, "
                                                   "a.path AS path")}
    found: dict[str, set[str]] = {}
    for row in store.run("MATCH (s:Statement) WHERE s.predicate = 'mentions' "
                         "RETURN DISTINCT s.article_id AS article, s.subject_id AS actor"):
        found.setdefault(paths.get(row["article"], ""), set()).add(row["actor"])
    hit = sum(len(actors & found.get(name, set())) for name, actors in want["mentions"].items())
    total = sum(len(actors) for actors in want["mentions"].values())

    def edges(rtype: str) -> set[tuple[str, str]]:
        return {(r["s"], r["o"]) for r in store.run(
            f"MATCH (a:Actor)-[r:{rtype}]->(b:Actor) RETURN DISTINCT a.id AS s, b.id AS o")}

    kin, posts = edges("RELATIVE_OF"), edges("HOLDS_POSITION")
    # kinship is read from the subject's side; accept either direction for the pair
    kin_hit = sum(1 for s, o in want["kinship"] if (s, o) in kin or (o, s) in kin)
    post_hit = len(want["posts"] & posts)
    return {
        "mentions": hit / total if total else 1.0, "mentions_expected": total,
        "kinship": kin_hit / len(want["kinship"]) if want["kinship"] else 1.0,
        "kinship_expected": len(want["kinship"]),
        "posts": post_hit / len(want["posts"]) if want["posts"] else 1.0,
        "posts_expected": len(want["posts"]),
    }
