"""Find an actor by any spelling: Toqaev, Tokayev, Токаев, or an id.

Names meet through the same key the loaders match articles with
(:func:`qantar.graph.names.key`), over each actor's name and aliases. The Cypher
files themselves only compare names case-insensitively (so the Browser kit's copies
work on their own); the runner resolves the spelling here first and passes the actor's id.
"""

from __future__ import annotations

from ..graph.names import ActorNotFound, Named, find, key
from .packs import QueryError

_ACTORS = ("MATCH (a:Actor) RETURN a.id AS id, a.name AS name, a.type AS type, "
           "a.aliases AS aliases ORDER BY a.id")
_ACTOR_BY_ID = "MATCH (a:Actor {id: $id}) RETURN a.id AS id, a.name AS name, a.type AS type"
# name_keys is written at projection time: one pass in the engine instead of every
# actor's spellings travelling to Python (a store projected before it falls through)
_ACTORS_BY_KEY = ("MATCH (a:Actor) WITH a, $key AS wanted WHERE wanted IN a.name_keys "
                  "RETURN a.id AS id, a.name AS name, a.type AS type ORDER BY a.id")


class NoSuchActor(QueryError):
    """Nothing matched; ``suggestions`` holds the closest names."""

    def __init__(self, found: ActorNotFound):
        self.wanted, self.suggestions = found.wanted, found.suggestions
        hint = "" if found.suggestions else " (see `qantar query people/search --param name=...`)"
        super().__init__(f"{found}{hint}")


class AmbiguousActor(QueryError):
    """Several actors share the spelling; ``found`` lists them."""

    def __init__(self, found: ActorNotFound):
        self.wanted, self.found = found.wanted, found.found
        super().__init__(str(found))


def resolve(store, wanted: str) -> Named:
    """The one actor ``wanted`` names (:func:`qantar.graph.names.find` decides);
    :class:`NoSuchActor` or :class:`AmbiguousActor` if none or several.

    The id and the exact spelling key are asked of the store first; only when both miss
    do all the actors' spellings travel to Python.
    """
    by_id = store.run(_ACTOR_BY_ID, {"id": wanted.strip()})
    keyed = by_id or (store.run(_ACTORS_BY_KEY, {"key": key(wanted)}) if key(wanted) else [])
    if len(keyed) == 1:
        return Named(keyed[0]["id"], keyed[0]["name"], keyed[0]["type"])
    candidates = [Named(r["id"], r["name"], r["type"], tuple(r["aliases"] or ()))
                  for r in store.run(_ACTORS)]
    try:
        return find(wanted, candidates)
    except ActorNotFound as e:
        raise (AmbiguousActor(e) if e.found else NoSuchActor(e)) from None
