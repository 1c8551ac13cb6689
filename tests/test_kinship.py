"""Kinship constructions (seeds/lexicon/kinship.yaml kinship_examples): every example
sentence gives its relations, read from the subject's side, and none it must not."""

import pytest

from qantar.graph.names import key
from qantar.loaders.document import build
from qantar.loaders.pipeline import default_gazetteer, default_lexicon, extract_raw

from test_extract_patterns import article

EXAMPLES = default_lexicon()["kinship_examples"]


def _kin(text: str) -> tuple[dict, dict]:
    """(name key -> actor id, (subject id, object id) -> details) of a sentence."""
    art = article(text)
    batch = extract_raw(art)
    ids = {}
    for a in batch.actors:
        for n in (a.name, *a.aliases):
            ids[key(n)] = a.id
    got: dict = {}
    for s in batch.statements:
        assert art.body[s.span_start:s.span_end] == s.quote
        if s.predicate == "relative_of":
            got.setdefault((s.subject_id, s.object_id), set()).add(s.detail)
    return ids, got


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["construction"][:60] for e in EXAMPLES])
def test_kinship_construction_reads_its_example(example):
    ids, got = _kin(example["text"])
    for subject, obj, detail in example.get("gives") or []:
        assert key(subject) in ids and key(obj) in ids, f"actors found: {sorted(ids)}"
        pair = (ids[key(subject)], ids[key(obj)])
        assert pair in got, f"{subject} -> {obj} missing; got {got}"
        assert detail in got[pair], f"{subject} -> {obj}: details {got[pair]}"
    for subject, obj in example.get("not") or []:
        pair = (ids.get(key(subject)), ids.get(key(obj)))
        assert pair not in got, f"{subject} -> {obj} should not be a relation"
    if example.get("refers") or example.get("unresolved"):
        doc = build(article(example["text"]), default_gazetteer(), default_lexicon())
        refs = {m.surface: m.actor_id for m in doc.mentions if m.cue == "kin-reference"}
        for surface, name in example.get("refers") or []:
            assert refs.get(surface) == ids[key(name)], f"{surface!r}: {refs}"
        for surface in example.get("unresolved") or []:
            assert surface not in refs, f"{surface!r} was resolved to {refs[surface]}"
