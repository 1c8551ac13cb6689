"""Agents of acts that the clause does not name where the frame looks
(seeds/lexicon/acts.yaml, loaders/clauses.py): every construction reads its examples,
and what an example says must not be read is not."""

import pytest

from qantar.graph.names import key
from qantar.loaders.pipeline import default_lexicon, extract_raw

from test_extract_patterns import article

CONSTRUCTIONS = default_lexicon()["act_constructions"]
EXAMPLES = [(name, i, ex) for name, spec in CONSTRUCTIONS.items()
            for i, ex in enumerate(spec["examples"])]


def _pairs(batch, predicate: str) -> set[tuple[str, str]]:
    """(agent name key, patient name key) of every ``predicate`` statement, by any alias."""
    names: dict[str, set[str]] = {}
    for a in batch.actors:
        names[a.id] = {key(n) for n in (a.name, *a.aliases)}
    return {(s, o) for st in batch.statements if st.predicate == predicate
            for s in names.get(st.subject_id, ()) for o in names.get(st.object_id, ())}


@pytest.mark.parametrize("name,i,example", EXAMPLES, ids=[f"{n}-{i}" for n, i, _ in EXAMPLES])
def test_construction_reads_its_example(name, i, example):
    art = article(example["text"])
    batch = extract_raw(art)
    if "relation" in example:
        predicate, agent, patient = example["relation"]
        assert (key(agent), key(patient)) in _pairs(batch, predicate), \
            [(s.predicate, s.subject_id, s.object_id) for s in batch.statements]
    if "absent" in example:
        predicate, agent, patient = example["absent"]
        assert (key(agent), key(patient)) not in _pairs(batch, predicate)
    for st in batch.statements:
        assert art.body[st.span_start:st.span_end] == st.quote


def test_every_construction_has_an_example_of_what_it_reads():
    for name, spec in CONSTRUCTIONS.items():
        assert any("relation" in ex for ex in spec["examples"]), name
