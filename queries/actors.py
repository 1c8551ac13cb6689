"""Find an actor by any spelling: Toqaev, Tokayev, Токаев, or an id.

Names meet through the same key the loaders match articles with
(:func:`qantar.graph.names.key`), over each actor's name and aliases. The Cypher
files themselves only compare names case-insensitively (so they also work pasted into
the Browser); the runner resolves the spelling here first and passes the actor's id.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..graph.names import key
from .packs import QueryError

_ACTORS = ("MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.type AS type, "
           "a.aliases AS aliases ORDER BY a.id")
_ACTOR_BY_ID = "MATCH (a:Actor {id: $id}) RETURN a.id AS id, a.name AS name, a.type AS type"
# name_keys is written at projection time: one pass in the engine instead of every
# actor's spellings travelling to Python (a store projected before it falls through)
_ACTORS_BY_KEY = ("MATCH (a:Actor) WITH a, $key AS wanted WHERE wanted IN a.name_keys "
                  "RETURN a.id AS id, a.name AS name, a.type AS type ORDER BY a.id")


@dataclass(frozen=True)
class ActorMatch:
    id: str
    name: str
    type: str


class NoSuchActor(QueryError):
    """Nothing matched; ``suggestions`` holds the closest names."""

    def __init__(self, wanted: str, suggestions: list[str]):
        self.wanted = wanted
        self.suggestions = suggestions
        hint = f" — did you mean {', '.join(suggestions)}?" if suggestions else \
            " (see `qantar query people/search --param name=...`)"
        super().__init__(f"no such actor {wanted!r}{hint}")


def resolve(store, wanted: str) -> ActorMatch:
    """The one actor ``wanted`` names; :class:`NoSuchActor` or an ambiguity error if not.

    Order: an exact id; the same key as a name or alias; then names whose words contain
    all the words of ``wanted`` ("Timur" -> Timur Kulibayev) when that is one actor.
    """
    by_id = store.run(_ACTOR_BY_ID, {"id": wanted.strip()})
    if by_id:
        return ActorMatch(by_id[0]["id"], by_id[0]["name"], by_id[0]["type"])
    wanted_key = key(wanted)
    if not wanted_key:
        raise NoSuchActor(wanted, [])
    keyed = [ActorMatch(r["id"], r["name"], r["type"])
             for r in store.run(_ACTORS_BY_KEY, {"key": wanted_key})]
    if len(keyed) == 1:
        return keyed[0]
    if len(keyed) > 1:
        raise _ambiguous(wanted, keyed)
    rows = store.run(_ACTORS)
    actors = [ActorMatch(r["id"], r["name"], r["type"]) for r in rows]
    names = {r["id"]: [r["name"], *(r["aliases"] or [])] for r in rows}
    exact = [a for a in actors if any(key(n) == wanted_key for n in names[a.id])]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise _ambiguous(wanted, exact)
    words = set(wanted_key.split())
    partial = [a for a in actors
               if any(words <= set(key(n).split()) for n in names[a.id])]
    if len(partial) == 1:
        return partial[0]
    if len(partial) > 1:
        raise _ambiguous(wanted, partial)
    raise NoSuchActor(wanted, suggest(wanted_key, actors, names))


def suggest(wanted_key: str, actors: list[ActorMatch], names: dict[str, list[str]],
            limit: int = 3) -> list[str]:
    """Canonical names of the actors whose spellings come closest to ``wanted_key``.

    Whole names and aliases count before single words of them, so "Nazarbaeff" points
    to Nursultan Nazarbayev (alias "Nazarbaev") ahead of the Nazarbayev Foundation.
    """
    best: dict[str, tuple[float, int, str]] = {}
    for actor in actors:
        for name in names[actor.id]:
            whole = key(name)
            candidates = [(whole, 1)] + [(w, 0) for w in whole.split() if len(w) > 3]
            for candidate, is_whole in candidates:
                ratio = difflib.SequenceMatcher(None, wanted_key, candidate).ratio()
                score = (ratio, is_whole, actor.name)
                if ratio >= 0.75 and score > best.get(actor.id, (0.0, 0, "")):
                    best[actor.id] = score
    ranked = sorted(best.values(), key=lambda s: (-s[0], -s[1], s[2]))
    return [name for _, _, name in ranked[:limit]]


class AmbiguousActor(QueryError):
    """Several actors share the spelling; ``found`` lists them."""

    def __init__(self, wanted: str, found: list[ActorMatch]):
        self.wanted = wanted
        self.found = found
        listed = ", ".join(f"{a.name} ({a.id})" for a in found[:5])
        super().__init__(f"{wanted!r} names several actors: {listed} — give the id")


def _ambiguous(wanted: str, found: list[ActorMatch]) -> QueryError:
    return AmbiguousActor(wanted, found)
