"""Kinship read from the family itself: whose "his wife" is, by the surname she shares.

A possessive pronoun before a kinship term ("His wife Gulmira Satybaldy was jailed")
stands for one of the persons named just before it. The sentence subject is the usual
choice, but a relative named in the phrase usually carries the family's surname (in
its feminine form too: Aliyev, Aliyeva), and that names the owner better than the
position does:

>>> from qantar.loaders.document import build
>>> from qantar.loaders.pipeline import default_gazetteer, default_lexicon
>>> from qantar.graph.records import Article
>>> text = ("Kassym-Jomart Tokayev dismissed Kairat Satybaldy. "
...         "His wife Gulmira Satybaldy was later jailed.")
>>> art = Article(id="article:x", title="", publisher="", published="2023-01",
...               published_precision="month", url="", path="x.txt", sha256="",
...               words=12, body=text)
>>> doc = build(art, default_gazetteer(), default_lexicon())
>>> ids = {m.surface: m.actor_id for m in doc.mentions}
>>> family_owner(doc, text.index("His"), "His", [ids["Gulmira Satybaldy"]]) == [
...     ids["Kairat Satybaldy"]]
True
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..graph.names import key

# feminine surname endings of the region fold to the masculine (Aliyeva -> Aliyev,
# Nazarbayeva -> Nazarbayev, Karimova -> Karimov, Tokayeva -> Tokayev)
_FEMININE = re.compile(r"(?<=ov|ev|in)a$|(?<=sk)aya$")


def family_key(name: str) -> str:
    """The family name of a person's name, folded across the feminine form.

    >>> family_key("Mehriban Aliyeva") == family_key("Ilham Aliyev")
    True
    """
    words = key(name).split()
    return _FEMININE.sub("", words[-1]) if len(words) >= 2 else ""


def family_owner(doc, offset: int, pronoun: str, members) -> list[str]:
    """The person a possessive pronoun at body ``offset`` stands for when one of the
    ``members`` (actor ids the kinship phrase names) shares that person's family name,
    and only one such person is named in this sentence before the pronoun or in the two
    sentences before; [] when the surname does not decide."""
    if pronoun.lower() not in ("his", "her"):
        return []
    names = _names(doc)
    families = {family_key(n) for m in members for n in names.get(m, ())} - {""}
    if not families:
        return []
    ante = doc.antecedents
    sent = doc.index.at(offset)
    floor = doc.index.sentences[max(0, sent - 2)].start
    found = {p.actor_id for p in ante.persons[bisect_left(ante.starts, floor):
                                               bisect_left(ante.starts, offset)]
             if p.actor_id not in members
             and any(family_key(n) in families for n in names.get(p.actor_id, ()))}
    return list(found) if len(found) == 1 else []


def _names(doc) -> dict[str, set[str]]:
    """Actor id -> the full names (two words or more) the article writes for it."""
    cached = getattr(doc, "_family_names", None)
    if cached is None:
        cached = {}
        for m in doc.mentions:
            if m.type == "person" and m.actor_id and " " in m.surface.strip():
                cached.setdefault(m.actor_id, set()).add(m.surface)
        doc._family_names = cached
    return cached
