"""Network analytics over the graph read from any store.

Functions over plain networkx graphs that return plain data, as networkx does: the
knowledge layer (actors, events and the projected edges between them), the actor graph
(events folded into ties between their participants), centralities and communities
on it, the brokers between them, and the sub-networks of one relation group
(family, institutions... as grouped in ``schema.yaml``). ``qantar analyze`` and the
HTML page call the same functions; :func:`write_back` stores the results on the actors.

Everything is deterministic for the same graph: Louvain and sampled betweenness take a
fixed seed, and communities are numbered by size, then by their smallest member id.

>>> g = nx.MultiDiGraph()
>>> g.add_node("person:a", label="Actor", type="person", name="A")
>>> g.add_node("person:b", label="Actor", type="person", name="B")
>>> _ = g.add_edge("person:a", "person:b", key="e1", type="ALLY_OF", sources=2)
>>> result = analyze(g)
>>> result["nodes"]["person:a"]["degree"]
1.0
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from itertools import combinations

import networkx as nx

from . import names
from . import schema as schema_mod
from .dates import bounds

SEED = 42
METRICS = ("degree", "betweenness", "pagerank")
EXACT_BETWEENNESS_UP_TO = 1000  # nodes; above this, sampled with SEED (k pivots)
BETWEENNESS_SAMPLES = 256
EVENT_TYPE = "event"  # the node type an Event has next to person/organization/place


# --- the knowledge layer --------------------------------------------------------------

def node_type(data: dict) -> str:
    """person | organization | place for actors, ``event`` for events."""
    return data.get("type", "") if data.get("label") == "Actor" else EVENT_TYPE


def knowledge_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Actors and events with the projected edges between them (no articles, no
    statements, no provenance edges): the graph the analytics and the page are about."""
    schema = schema_mod.load()
    out = nx.MultiDiGraph()
    for node, data in sorted(graph.nodes(data=True)):
        if data.get("label") in ("Actor", "Event"):
            out.add_node(node, **data)
    for src, dst, key, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[2]):
        rel = schema.relations.get(data.get("type", ""))
        if rel is not None and rel.projected and src in out and dst in out:
            out.add_edge(src, dst, key=key, **data)
    return out


def relation_group(rtype: str) -> str:
    return schema_mod.load().relations[rtype].group


def relation_groups() -> list[str]:
    """Relation groups (family, institutions...) in the order the schema lists them."""
    return list(dict.fromkeys(r.group for r in schema_mod.load().projected.values() if r.group))


def restrict(kg: nx.MultiDiGraph, *, node_types: Iterable[str] | None = None,
             rel_types: Iterable[str] | None = None, groups: Iterable[str] | None = None,
             date_from: str | None = None, date_to: str | None = None,
             keep_undated: bool = True, drop_isolated: bool = False) -> nx.MultiDiGraph:
    """A copy of the knowledge graph holding only what passes the filters.

    The date rule is the page's (``network.js`` applies the same one to its slider):
    a relation or event is kept when its :func:`period` overlaps the range (undated
    relations stay when ``keep_undated``); with a range set, an actor is kept when one
    of its relations is, so the range shows who was connected in that period.
    ``groups`` keeps the relations of those schema groups and the nodes they touch.
    """
    node_types = set(node_types) if node_types else None
    rel_types = set(rel_types) if rel_types else None
    groups = set(groups) if groups else None
    lo, hi = (bounds(date_from) or ("", ""))[0], (bounds(date_to) or ("", ""))[1]
    dated_range = bool(lo or hi)

    def in_range(period: tuple[str, str, bool]) -> bool:
        start, stop, dated = period
        if not dated and keep_undated:
            return True
        if not start:
            return not dated_range
        return (not lo or stop >= lo) and (not hi or start <= hi)

    nodes = {n for n, d in kg.nodes(data=True)
             if (node_types is None or node_type(d) in node_types)
             and (node_type(d) != EVENT_TYPE or in_range(period(d)))}
    edges = [(s, t, k, d) for s, t, k, d in kg.edges(keys=True, data=True)
             if s in nodes and t in nodes
             and (rel_types is None or d["type"] in rel_types)
             and (groups is None or relation_group(d["type"]) in groups)
             and in_range(period(d))]
    touched = {n for s, t, _, _ in edges for n in (s, t)}
    if dated_range or groups is not None or drop_isolated:
        nodes = {n for n in nodes
                 if n in touched or (node_type(kg.nodes[n]) == EVENT_TYPE and not groups)}
    out = nx.MultiDiGraph()
    out.add_nodes_from((n, kg.nodes[n]) for n in sorted(nodes))
    out.add_edges_from((s, t, k, d) for s, t, k, d in edges)
    return out


def induced(graph: nx.Graph, nodes: Iterable[str]) -> nx.Graph:
    """The subgraph on ``nodes``, as a new graph in sorted node order.

    ``graph.subgraph(...)`` iterates its nodes in set order, which changes with
    PYTHONHASHSEED: layouts and communities would then differ between runs.
    """
    keep = set(nodes)
    out = graph.__class__()
    out.add_nodes_from((n, graph.nodes[n]) for n in sorted(keep))
    if graph.is_multigraph():
        out.add_edges_from((s, t, k, d) for s, t, k, d in graph.edges(keys=True, data=True)
                           if s in keep and t in keep)
    else:
        out.add_edges_from((s, t, d) for s, t, d in graph.edges(data=True)
                           if s in keep and t in keep)
    return out


def ego(kg: nx.MultiDiGraph, centre: str, depth: int = 1) -> nx.MultiDiGraph:
    """The nodes within ``depth`` hops of ``centre`` (either direction) and their edges."""
    reach = nx.single_source_shortest_path_length(kg.to_undirected(as_view=True), centre,
                                                  cutoff=depth)
    return induced(kg, reach)


def find_actor(kg: nx.MultiDiGraph, name: str) -> str:
    """The id of the actor or event called ``name`` (id, name or any alias, any script),
    found the way every command finds one (:func:`qantar.graph.names.find`)."""
    return names.find(name, [names.Named(node, data.get("name", ""), node_type(data),
                                         tuple(data.get("aliases") or ()))
                             for node, data in kg.nodes(data=True)]).id


# --- dates ----------------------------------------------------------------------------

def period(data: dict) -> tuple[str, str, bool]:
    """(first day, last day, dated) of a relation or event, for the date filter.

    A relation's own dates (``date``, ``start_date``, ``end_date``) or an event's
    ``date`` when stated; a post with a start and no end runs to its last citation.
    Otherwise the days it was reported (first/last cited), flagged undated.
    """
    first_cited = (bounds(data.get("first_cited")) or ("", ""))[0]
    last_cited = (bounds(data.get("last_cited")) or ("", ""))[1] or first_cited
    start = bounds(data.get("date")) or bounds(data.get("start_date"))
    stop = bounds(data.get("end_date")) or bounds(data.get("date"))
    if start or stop:
        start = start or stop
        last = stop[1] if stop else max(start[1], last_cited)
        return start[0], max(start[1], last), True
    return first_cited, last_cited, False


# --- analytics ------------------------------------------------------------------------

def collapse(kg: nx.MultiDiGraph) -> nx.Graph:
    """A simple undirected graph: parallel edges merged, ``weight`` = their sources."""
    out = nx.Graph()
    out.add_nodes_from(kg.nodes)
    for src, dst, data in kg.edges(data=True):
        _tie(out, src, dst, data.get("sources") or 1)
    return out


def _tie(out: nx.Graph, a: str, b: str, weight: int) -> None:
    if a == b:
        return
    if out.has_edge(a, b):
        out[a][b]["weight"] += weight
    else:
        out.add_edge(a, b, weight=weight)


def ranked(data: dict, *, places: bool = False) -> bool:
    """Whether a node takes part in the actor graph: people and bodies, places when
    asked (a place is where power happened, not who held it), never events."""
    kind = node_type(data)
    return kind != EVENT_TYPE and (places or kind != "place")


def actor_graph(kg: nx.MultiDiGraph, *, places: bool = False) -> nx.Graph:
    """The actors and the ties between them, undirected, ``weight`` = sources.

    A relation between two actors is a tie; an event ties every two of its
    participants (weighted by the weaker of their two citations), so an arrest ties
    the police to the detained rather than each of them to the event.
    Direction is dropped: an appointment or a dismissal ties appointer and appointee
    whichever way it points, and a tie is what centrality and communities measure.
    Places are left out unless ``places`` (then events also tie them to what happened
    there).

    >>> kg = nx.MultiDiGraph()
    >>> kg.add_node("person:a", label="Actor", type="person")
    >>> kg.add_node("person:b", label="Actor", type="person")
    >>> kg.add_node("place:x", label="Actor", type="place")
    >>> kg.add_node("event:e", label="Event", type="arrest")
    >>> _ = kg.add_edge("person:a", "event:e", type="PARTICIPATED_IN", sources=2)
    >>> _ = kg.add_edge("person:b", "event:e", type="PARTICIPATED_IN", sources=1)
    >>> _ = kg.add_edge("event:e", "place:x", type="OCCURRED_IN", sources=1)
    >>> sorted(actor_graph(kg).edges(data="weight"))
    [('person:a', 'person:b', 1)]
    >>> sorted(actor_graph(kg, places=True).nodes)
    ['person:a', 'person:b', 'place:x']
    """
    out = nx.Graph()
    out.add_nodes_from(n for n, d in kg.nodes(data=True) if ranked(d, places=places))
    direct, around = around_events(kg, out)
    for src, dst, _key, data in direct:
        _tie(out, src, dst, data.get("sources") or 1)
    for event in sorted(around):
        members = sorted((actor, sum(d.get("sources") or 1 for d in edges))
                         for actor, edges in around[event].items())
        for (a, wa), (b, wb) in combinations(members, 2):
            _tie(out, a, b, min(wa, wb))
    return out


def around_events(kg: nx.MultiDiGraph, kept, joins=None) -> tuple[
        list[tuple[str, str, str, dict]], dict[str, dict[str, list[dict]]]]:
    """The edges of ``kg`` as a graph of the nodes in ``kept`` sees them once events are
    folded away: those between two kept nodes ``(source, target, key, data)``, and per
    event the edges that tie it to each kept node (``joins(node)`` true, if given).

    >>> kg = nx.MultiDiGraph()
    >>> kg.add_node("event:e", label="Event", type="arrest")
    >>> _ = kg.add_edge("person:a", "event:e", key="k", type="PARTICIPATED_IN")
    >>> _ = kg.add_edge("person:a", "person:b", key="t", type="ALLY_OF")
    >>> direct, around = around_events(kg, {"person:a", "person:b"})
    >>> [key for _, _, key, _ in direct], {e: sorted(a) for e, a in around.items()}
    (['t'], {'event:e': ['person:a']})
    """
    direct: list[tuple[str, str, str, dict]] = []
    around: dict[str, dict[str, list[dict]]] = defaultdict(dict)
    for src, dst, key, data in kg.edges(keys=True, data=True):
        if src in kept and dst in kept:
            direct.append((src, dst, key, data))
            continue
        for node, other in ((src, dst), (dst, src)):
            if (node in kept and node_type(kg.nodes[other]) == EVENT_TYPE
                    and (joins is None or joins(node))):
                around[other].setdefault(node, []).append(data)
    return direct, around


def centrality(simple: nx.Graph, *, seed: int = SEED) -> dict[str, dict[str, float]]:
    """Degree, betweenness and PageRank on an :func:`actor_graph`: degree and
    betweenness unweighted, PageRank weighted by sources. Betweenness is exact up to
    ``EXACT_BETWEENNESS_UP_TO`` nodes, then estimated from ``BETWEENNESS_SAMPLES``
    seeded pivots."""
    if simple.number_of_nodes() == 0:
        return {}
    degree = nx.degree_centrality(simple) if len(simple) > 1 else {n: 0.0 for n in simple}
    k = None if len(simple) <= EXACT_BETWEENNESS_UP_TO else BETWEENNESS_SAMPLES
    between = nx.betweenness_centrality(simple, k=k, seed=seed)
    pagerank = nx.pagerank(simple, weight="weight")
    return {n: {"degree": float(degree[n]), "betweenness": float(between[n]),
                "pagerank": float(pagerank[n])} for n in sorted(simple)}


def communities(simple: nx.Graph, *, seed: int = SEED) -> dict[str, int]:
    """actor -> community number (Louvain on an :func:`actor_graph`, weighted by
    sources; 0 is the largest)."""
    if simple.number_of_nodes() == 0:
        return {}
    parts = nx.community.louvain_communities(simple, weight="weight", seed=seed)
    ordered = sorted((sorted(p) for p in parts), key=lambda p: (-len(p), p[0]))
    return {n: i for i, part in enumerate(ordered) for n in part}


def brokers(kg: nx.MultiDiGraph, simple: nx.Graph, membership: dict[str, int],
            metrics: dict[str, dict[str, float]], top: int = 10) -> list[dict]:
    """Actors whose neighbours in the :func:`actor_graph` ``simple`` (of ``kg``) sit in
    several communities, by betweenness.

    ``participation`` is 1 - sum((k_c / k)^2) over the communities c of a node's
    neighbours: 0 when all are in one community, towards 1 when spread evenly.
    """
    out = []
    for node in simple:
        around = Counter(membership[m] for m in simple[node])
        if len(around) < 2:
            continue
        total = sum(around.values())
        out.append({"id": node, "name": kg.nodes[node].get("name", node),
                    "communities": sorted(around),
                    "participation": 1 - sum((c / total) ** 2 for c in around.values()),
                    "betweenness": metrics[node]["betweenness"]})
    out.sort(key=lambda b: (-b["betweenness"], -b["participation"], b["id"]))
    return out[:top]


def subnetworks(kg: nx.MultiDiGraph, groups: Iterable[str] | None = None) -> dict[str, dict]:
    """Per relation group (``family``, ``institutions``... from the schema): its size
    and its connected components (clans, institutional blocs), largest first."""
    out = {}
    for group in groups or relation_groups():
        sub = restrict(kg, groups=[group])
        components = sorted((sorted(c) for c in nx.connected_components(collapse(sub))),
                            key=lambda c: (-len(c), c[0]))
        out[group] = {"nodes": sub.number_of_nodes(), "edges": sub.number_of_edges(),
                      "components": [[{"id": n, "name": sub.nodes[n].get("name", n)}
                                      for n in comp] for comp in components]}
    return out


STAGES = ("knowledge graph", "centrality", "communities", "brokers", "sub-networks")


def analyze(graph: nx.MultiDiGraph, *, seed: int = SEED, top: int = 10,
            places: bool = False, on_stage: Callable[[str], None] | None = None) -> dict:
    """Everything at once, on the knowledge layer of ``graph`` (a store's networkx).

    Centrality, communities and brokers are about the :func:`actor_graph`: people and
    bodies (places with ``places``); the sub-networks keep every node of their group.
    Returns ``{"nodes": {id: {name, type, degree, betweenness, pagerank, community}},
    "communities": [...], "brokers": [...], "subnetworks": {...}}``.
    ``on_stage(name)`` is told as each of :data:`STAGES` starts.
    """
    begin = on_stage or (lambda _name: None)
    begin("knowledge graph")
    kg = knowledge_graph(graph)
    simple = actor_graph(kg, places=places)
    begin("centrality")
    metrics = centrality(simple, seed=seed)
    begin("communities")
    membership = communities(simple, seed=seed)
    nodes = {n: {"name": kg.nodes[n].get("name", n), "type": node_type(kg.nodes[n]),
                 **metrics[n], "community": membership[n]} for n in sorted(metrics)}
    members: dict[int, list[str]] = defaultdict(list)
    for n, c in membership.items():
        members[c].append(n)
    comms = []
    for c in sorted(members):
        leaders = sorted(members[c], key=lambda n: (-metrics[n]["pagerank"], n))
        comms.append({"community": c, "size": len(leaders),
                      "leaders": [kg.nodes[n].get("name", n) for n in leaders[:3]]})
    begin("brokers")
    between = brokers(kg, simple, membership, metrics, top=top)
    begin("sub-networks")
    return {"nodes": nodes, "communities": comms, "brokers": between,
            "subnetworks": subnetworks(kg)}


# --- writing results back -------------------------------------------------------------

def write_back(store, result: dict) -> int:
    """Set the Actor properties the schema lists as ``analytics`` (degree, betweenness,
    pagerank, community) on every analysed actor and clear them on the others; returns
    the number of actors written. Parameterised queries (one ``UNWIND $rows``)."""
    written = schema_mod.load().nodes["Actor"].analytics
    rows = [{"id": n, **{p: v[p] for p in written}}
            for n, v in sorted(result["nodes"].items()) if v["type"] != EVENT_TYPE]
    # actors left out of this analysis (places, unless asked) lose an older run's values
    clear = ", ".join(f"a.{p} = NULL" for p in written)
    store.run(f"MATCH (a:Actor) WHERE NOT a.id IN $ids SET {clear}",
              {"ids": [r["id"] for r in rows]}, write=True)
    if rows:
        sets = ", ".join(f"a.{p} = row.{p}" for p in written)
        store.run(f"UNWIND $rows AS row MATCH (a:Actor {{id: row.id}}) SET {sets}",
                  {"rows": rows}, write=True)
    return len(rows)
