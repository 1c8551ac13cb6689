"""The spelling key of :mod:`qantar.graph.names` as data a Cypher query can apply.

The Neo4j Browser runs no Python, yet ``people/search`` must find Toqaev, Tokayev and
Токаев alike. Actors carry the keys of their names (``name_keys``, written at projection
time with :func:`qantar.graph.names.key`); the query computes the key of ``$name`` from
``$spelling``, which the runner and the Browser kit's ``:params`` pass:

- ``chars``: ``[char, folded]`` pairs, the characters :func:`names.prefold` changes once
  lower-cased (Cyrillic, Latin letters with diacritics, combining marks), from
  :data:`RANGES`. Other letters and digits stay, anything else becomes a space.
- ``rules``: ``[from, to]`` plain replacements that, applied in order to the folded words
  joined by single spaces with a space either side, do what :data:`names.RULES` do.
  Regular expressions do not travel (Neo4j has no regex replace, LadybugDB's RE2 has no
  back-references), so the rules are restated here; tests check them against
  :func:`names.key` on every spelling in the seeds and the synthetic corpus.
"""

from __future__ import annotations

import string
from functools import cache

from ..graph.names import prefold

# Latin-1 Supplement .. Latin Extended-B, combining diacritics, Cyrillic + Supplement,
# Latin Extended Additional: the scripts names in the reporting come in.
RANGES = ((0x00C0, 0x024F), (0x0300, 0x036F), (0x0400, 0x052F), (0x1E00, 0x1EFF))

# names.RULES as plain replacements on " word word ": a word-final pattern (\b) is
# matched with its trailing space; "I" (never in lower-cased text) marks the word-final
# i of rule 7 so its three alternatives act in one pass, as the regex does.
RULES = (
    [("q", "k"), ("dzh", "zh"), ("dj", "zh"), ("j", "zh"), ("kh", "h")]
    + [(c + c, c) for c in string.ascii_lowercase]
    + [("ayev", "aev"), ("aiev", "aev"), ("ayew", "aev"), ("yev ", "ev "),
       ("iy ", "I "), ("yi ", "I "), ("ii ", "I "), ("I", "i"),
       ("ye", "e"), ("y", "i"), ("w", "v")]
)


@cache
def table() -> dict:
    """``{"chars": [[c, folded], ...], "rules": [[from, to], ...]}`` for ``$spelling``."""
    chars = []
    for lo, hi in RANGES:
        for code in range(lo, hi + 1):
            char = chr(code)
            if char.lower() != char or not char.isprintable() and code < 0x0300:
                continue  # upper case never reaches the table: the query lower-cases
            folded = prefold(char)
            if folded != char:
                chars.append([char, folded])
    return {"chars": chars, "rules": [list(rule) for rule in RULES]}


def key(text: str) -> str:
    """The key the Cypher computes, step by step in Python (tests compare it to names.key).

    >>> key("Назарбаев"), key("Toqaev")
    ('nazarbaev', 'tokaev')
    """
    folded = _folded()
    low = "".join(folded.get(c, c if c.isalnum() else " ") for c in text.lower())
    out = " " + " ".join(low.split()) + " "
    for old, new in RULES:
        out = out.replace(old, new)
    return out.strip()


@cache
def _folded() -> dict[str, str]:
    return dict(table()["chars"])
