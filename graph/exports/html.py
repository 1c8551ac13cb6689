"""The interactive network page: one self-contained HTML file that works offline.

:func:`page_data` turns the graph read from a store into plain data (nodes with
positions, metrics and search keys; edges with their evidence; legend and folding
rules); :func:`render` pours it into ``templates/network.html`` with the stylesheet,
the app script and vis-network inlined.

- Offline: vis-network 9.1.2 comes from the pyvis package's own files, nothing links a
  CDN, and a Content-Security-Policy (``default-src 'none'``, scripts allowed by their
  sha256 only) stops any request and any injected script or handler.
- Safe: the data travels as JSON in a ``<script type="application/json">`` block with
  ``<``, ``>`` and ``&`` escaped; the app inserts every article text with
  ``textContent``, never as markup.
- Fast: positions are computed here with a fixed seed (:mod:`.layout`) and physics is
  off, so 2,000+ nodes open at once.
- One source of truth: colours come from ``schema.yaml``; search keys are
  :func:`qantar.graph.names.key` of every name and alias, and the page folds the
  query with the same table and rules, shipped from that module.

pyvis 0.3.2 is used for its vendored vis-network build only: its ``Network`` checks
membership in lists (quadratic at 2,000 nodes), drops parallel edges when undirected,
and its templates link Bootstrap from a CDN.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections import Counter
from collections.abc import Callable
from importlib import resources
from itertools import combinations
from pathlib import Path

import networkx as nx

from .. import analytics, dates, projection
from .. import schema as schema_mod
from . import layout

VIEWS = ("full", "ego", "timeline")
SHARED_EVENT = "SHARED_EVENT"  # an event folded into a tie between two of its actors
SIZE_BY = (*analytics.METRICS, "cited")  # cited: number of articles naming the node
COLOUR_BY = ("type", "community")
TEMPLATES = Path(__file__).with_name("templates")
_SLOT = re.compile(r"\{\{([A-Z]+)\}\}")
STAGES = ("knowledge graph", "centrality", "communities", "filters", "layout", "records",
          "page")


def views() -> tuple[str, ...]:
    """full, ego, timeline, and one per relation group in the schema (family...)."""
    return (*VIEWS, *analytics.relation_groups())


def type_names() -> dict[str, str]:
    """What ``--types`` accepts: node types and relation types, lower-cased -> name."""
    schema = schema_mod.load()
    names = [*schema.vocab["actor_types"], analytics.EVENT_TYPE, *schema.projected]
    return {n.lower(): n for n in names}


def split_types(types) -> tuple[set[str] | None, set[str] | None]:
    """``["person", "relative_of"]`` -> ({"person"}, {"RELATIVE_OF"}); ValueError if unknown."""
    if not types:
        return None, None
    known = type_names()
    node_types, rel_types = set(), set()
    for raw in types:
        for item in filter(None, (t.strip().lower() for t in raw.split(","))):
            if item not in known:
                raise ValueError(f"unknown type {item!r} (choose from {', '.join(known)})")
            name = known[item]
            (rel_types if name in schema_mod.load().relations else node_types).add(name)
    return node_types or None, rel_types or None


# --- page data ------------------------------------------------------------------------

def _fold_rules() -> dict:
    """names.py's table and rules, as the page's JavaScript applies them."""
    from .. import names

    rules = [[pattern.pattern, re.sub(r"\\(\d)", r"$\1", repl.replace("$", "$$"))]
             for pattern, repl in names.RULES]
    return {"cyrillic": dict(sorted(names.CYRILLIC.items())), "rules": rules}


def _search_keys(spellings: list[str]) -> list[str]:
    from ..names import key
    return [key(s) for s in spellings]


def _evidence(graph: nx.MultiDiGraph, statement_ids) -> tuple[dict, dict]:
    """Statements by id and the articles they come from, for the evidence cards."""
    statements, articles = {}, {}
    for sid in sorted(set(statement_ids)):
        data = graph.nodes.get(sid)
        if data is None:
            continue
        speaker = data.get("speaker_id", "")
        statements[sid] = {
            "quote": data.get("quote", ""), "article": data.get("article_id", ""),
            "speaker": speaker,
            "speaker_name": graph.nodes[speaker].get("name", speaker) if speaker in graph
            else speaker,
            "modality": data.get("modality", ""), "detail": data.get("detail", ""),
            "method": data.get("method", ""), "predicate": data.get("predicate", "")}
        articles[data.get("article_id", "")] = None
    return statements, _articles(graph, articles)


def _articles(graph: nx.MultiDiGraph, ids) -> dict:
    out = {}
    for aid in sorted(i for i in ids if i in graph):
        data = graph.nodes[aid]
        out[aid] = {k: data.get(k, "") for k in ("title", "publisher", "published", "url")}
    return out


def _citations(graph: nx.MultiDiGraph) -> dict[str, list[str]]:
    """actor/event id -> the articles whose statements name it (sorted by date)."""
    cited: dict[str, set[str]] = {}
    for _, data in graph.nodes(data=True):
        if data.get("label") != "Statement":
            continue
        for role in ("subject_id", "object_id"):
            if data.get(role):
                cited.setdefault(data[role], set()).add(data.get("article_id", ""))
    for node, data in graph.nodes(data=True):  # statements name an event's reports
        if data.get("label") == "Event":
            cited[node] = set().union(*(cited.get(r, set()) for r in data.get("report_ids") or []))
    published = {n: d.get("published", "") for n, d in graph.nodes(data=True)
                 if d.get("label") == "Article"}
    return {n: sorted(ids, key=lambda a: (published.get(a, ""), a)) for n, ids in cited.items()}


def _reported_dates(graph: nx.MultiDiGraph, data: dict) -> list[str]:
    """The dates of an event the articles disagree on, each with its outlets:
    ["2022-01-06 (Outlet A)", "2022-01-08 (Outlet B)"]; nothing when they agree."""
    dates = data.get("dates") or []
    if len(dates) < 2:
        return []
    out = []
    for date, ids in zip(dates, data.get("date_sources") or []):
        outlets = [graph.nodes[a].get("publisher") or graph.nodes[a].get("title") or a
                   if a in graph else a for a in ids.split()]
        out.append(f"{date} ({', '.join(dict.fromkeys(outlets))})")
    return out


def _roundness(edges: list[dict]) -> None:
    """Parallel edges between the same two nodes curve apart instead of overlapping."""
    pairs: dict[tuple, int] = {}
    for edge in edges:
        pair = tuple(sorted((edge["from"], edge["to"])))
        index = pairs.get(pair, 0)
        pairs[pair] = index + 1
        edge["roundness"] = round(0.18 * index, 2)


def _label(rtype: str) -> str:
    return rtype.lower().replace("_", " ")


def _node_record(node: str, data: dict, xy, metrics: dict, community: int,
                 articles: list[str]) -> dict:
    spellings = list(dict.fromkeys([data.get("name", node), *(data.get("aliases") or [])]))
    is_event = data.get("label") == "Event"
    record = {
        "id": node, "name": data.get("name", node), "type": analytics.node_type(data),
        "kind": data.get("type", "") if is_event else data.get("kind", ""),
        "description": data.get("description", "") or data.get("detail", ""),
        "spellings": spellings, "keys": _search_keys(spellings),
        "x": xy[0], "y": xy[1], "community": community,
        **{m: round(metrics[m], 6) for m in analytics.METRICS},
        "first_cited": data.get("first_cited", ""), "last_cited": data.get("last_cited", ""),
        "articles": articles,
    }
    if is_event:
        start, stop, dated = analytics.period(data)
        record.update({"date": data.get("date", ""), "t0": start, "t1": stop, "dated": dated})
    return record


def _event_dates(graph: nx.MultiDiGraph, nodes: list[dict]) -> None:
    """Give each event's record the dates its articles disagree on, for the panel."""
    for record in nodes:
        if record["type"] == analytics.EVENT_TYPE:
            record["dates"] = _reported_dates(graph, graph.nodes[record["id"]])


def _edge_record(src: str, dst: str, key: str, data: dict) -> dict:
    start, stop, dated = analytics.period(data)
    prop = "name" if data["type"] == SHARED_EVENT else projection.detail_property(data["type"])
    edge = {"id": key, "from": src, "to": dst, "type": data["type"],
            "detail": data.get(prop, "") if prop else "",
            "statements": list(data.get("statement_ids") or []),
            "sources": data.get("sources", 0), "modality": data.get("modality", ""),
            "t0": start, "t1": stop, "dated": dated}
    for extra in schema_mod.load().dated:
        if data.get(extra):
            edge[extra] = data[extra]
    return edge


def _legend(nodes: list[dict], edges: list[dict]) -> dict:
    """Node types and relation types on the page, in schema order, with schema colours
    (a folded event takes the Event colour)."""
    schema = schema_mod.load()
    colours = {**schema.nodes["Actor"].colours, analytics.EVENT_TYPE: schema.nodes["Event"].colour}
    types = Counter(n["type"] for n in nodes)
    rels = Counter(e["type"] for e in edges)
    order = [*schema.vocab["actor_types"], analytics.EVENT_TYPE]
    relations = [{"type": t, "label": _label(t), "colour": r.colour, "group": r.group,
                  "count": rels[t]} for t, r in schema.projected.items() if rels[t]]
    if rels[SHARED_EVENT]:
        relations.append({"type": SHARED_EVENT, "label": "shared event",
                          "colour": schema.nodes["Event"].colour, "group": "events",
                          "count": rels[SHARED_EVENT]})
    return {
        "types": [{"type": t, "label": t, "colour": colours[t], "count": types[t]}
                  for t in order if types[t]],
        "relations": relations,
    }


def fold_events(sub: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph without event nodes: each event becomes a tie between every two of the
    people and bodies that took part in it (type ``SHARED_EVENT``, the event's name as
    its detail, the statements of both parts as its evidence, the event's date).
    Places keep only the relations they have of their own."""
    out = nx.MultiDiGraph()
    out.add_nodes_from((n, d) for n, d in sub.nodes(data=True)
                       if analytics.node_type(d) != analytics.EVENT_TYPE)
    direct, parts = analytics.around_events(sub, out,
                                            lambda n: analytics.ranked(sub.nodes[n]))
    for src, dst, key, data in direct:
        out.add_edge(src, dst, key=key, **data)
    for event in sorted(parts):
        info = sub.nodes[event]
        for a, b in combinations(sorted(parts[event]), 2):
            both = parts[event][a] + parts[event][b]
            out.add_edge(a, b, key=f"{event}|{a}|{b}", type=SHARED_EVENT,
                         name=info.get("name", event), date=info.get("date", ""),
                         first_cited=info.get("first_cited", ""),
                         last_cited=info.get("last_cited", ""),
                         sources=min(d.get("sources") or 1 for d in both),
                         modality="reported" if any(d.get("modality") == "reported"
                                                    for d in both) else
                         both[0].get("modality", ""),
                         statement_ids=sorted({s for d in both
                                               for s in d.get("statement_ids") or []}))
    return out


def _check(view, focus, depth, date_from, date_to, size_by, colour_by) -> None:
    if view not in views():
        raise ValueError(f"unknown view {view!r} (choose from {', '.join(views())})")
    if size_by not in SIZE_BY or colour_by not in COLOUR_BY:
        raise ValueError(f"size by one of {SIZE_BY}, colour by one of {COLOUR_BY}")
    if not 1 <= depth <= 3:
        raise ValueError("depth must be 1, 2 or 3")
    for label, value in (("from", date_from), ("to", date_to)):
        if value and dates.bounds(value) is None:
            raise ValueError(f"--{label} {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    if view == "ego" and not focus:
        raise ValueError("the ego view needs --focus NAME")


def page_data(graph: nx.MultiDiGraph, *, view: str = "full", focus: str | None = None,
              depth: int = 1, date_from: str | None = None, date_to: str | None = None,
              types=None, size_by: str = "pagerank", colour_by: str = "type",
              events: bool = False, seed: int = analytics.SEED,
              on_stage: Callable[[str], None] | None = None) -> dict:
    """Everything the page shows, as plain JSON-ready data.

    ``graph`` is a store's :meth:`to_networkx`. Metrics and communities are computed on
    the whole actor graph (so a node's size means the same in every view; events and
    places score 0 and belong to community -1); the
    filters then choose what the page holds: ``types`` (node and relation types),
    the date range (:func:`analytics.restrict`), the view (a relation group keeps its
    own relations) and ``focus``/``depth`` (an ego network). In the full view events are
    folded into ties between their actors (:func:`fold_events`) unless ``events``, and
    actors left without a tie go to ``meta.unconnected``, listed beside the drawing
    rather than drawn. ``on_stage(name)`` is told as each of :data:`STAGES` but the
    last starts. Raises
    :class:`qantar.graph.names.ActorNotFound` or ValueError with a one-line message.
    """
    _check(view, focus, depth, date_from, date_to, size_by, colour_by)
    begin = on_stage or (lambda _name: None)
    begin("knowledge graph")
    kg = analytics.knowledge_graph(graph)
    simple = analytics.actor_graph(kg)
    begin("centrality")
    metrics = analytics.centrality(simple, seed=seed)
    begin("communities")
    membership = analytics.communities(simple, seed=seed)
    begin("filters")
    centre = analytics.find_actor(kg, focus) if focus else None
    node_types, rel_types = split_types(types)
    sub = analytics.restrict(kg, node_types=node_types, rel_types=rel_types,
                             groups=[view] if view not in VIEWS else None,
                             date_from=date_from, date_to=date_to,
                             drop_isolated=view == "timeline")
    if centre:
        if centre not in sub:
            sub.add_node(centre, **kg.nodes[centre])
        sub = analytics.ego(sub, centre, depth)

    unconnected: list[dict] = []
    if view == "full":
        if not events:
            sub = fold_events(sub)
        alone = sorted((n for n in sub if sub.degree(n) == 0),
                       key=lambda n: (-metrics.get(n, {}).get("pagerank", 0.0),
                                      sub.nodes[n].get("name", n).casefold(), n))
        unconnected = [{"id": n, "name": sub.nodes[n].get("name", n),
                        "type": analytics.node_type(sub.nodes[n])} for n in alone]
        sub.remove_nodes_from(alone)

    begin("layout")
    axis: list[dict] = []
    if view == "timeline":
        pos, axis = layout.timeline(sub)
    elif view == "ego":
        pos = layout.shells(sub, centre)
    else:
        pos = layout.spring(sub, seed=seed)

    begin("records")
    cited = _citations(graph)
    unranked = dict.fromkeys(analytics.METRICS, 0.0)  # events and places: not actors
    nodes = [_node_record(n, d, pos[n], metrics.get(n, unranked), membership.get(n, -1),
                          cited.get(n, [])) for n, d in sorted(sub.nodes(data=True))]
    _event_dates(graph, nodes)
    edges = [_edge_record(*e) for e in sorted(sub.edges(keys=True, data=True),
                                              key=lambda e: e[2])]
    _roundness(edges)
    statements, articles = _evidence(graph, [s for e in edges for s in e["statements"]])
    articles.update(_articles(graph, {a for n in nodes for a in n["articles"]}))
    title = "qantar network" + (f": {kg.nodes[centre].get('name', centre)}" if centre else "")
    return {
        "meta": {"title": title, "view": view, "focus": centre, "depth": depth,
                 "from": dates.bounds(date_from)[0] if date_from else "",
                 "to": dates.bounds(date_to)[1] if date_to else "",
                 "size_by": size_by, "colour_by": colour_by, "axis": axis,
                 "unconnected": unconnected, "events": events or view != "full",
                 "size_options": list(SIZE_BY), "groups": analytics.relation_groups(),
                 "totals": {"nodes": kg.number_of_nodes(), "edges": kg.number_of_edges()}},
        "legend": _legend(nodes, edges), "fold": _fold_rules(),
        "nodes": nodes, "edges": edges, "statements": statements, "articles": articles,
    }


# --- the file ---------------------------------------------------------------------------

def json_for_script(data: dict) -> str:
    """JSON that cannot end its ``<script>`` block: ``</script>`` or ``<!--`` inside a
    quote stay inert because ``<``, ``>`` and ``&`` are written as ``\\u`` escapes."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


_BLANKS = ("", [], None, False, 0, 0.0)


def _drop_blanks(records: list[dict], blank: dict) -> list[dict]:
    """The records without their empty fields; ``blank`` learns each dropped field's
    value (one per field, so the page can put it back exactly)."""
    out = []
    for record in records:
        kept = {}
        for k, v in record.items():
            if any(type(v) is type(b) and v == b for b in _BLANKS) and (
                    blank.setdefault(k, v) == v and type(blank[k]) is type(v)):
                continue
            kept[k] = v
        out.append(kept)
    return out


def packed(data: dict) -> dict:
    """The data as the page ships it, a fifth smaller at 10,000 nodes (15.0 -> 11.7 MB
    in bench/html_page.py): empty fields (no description, no speaker, not dated...)
    are left out and listed once in ``blank``; article references become numbers into
    ``article_ids``. network.js restores :func:`page_data`'s shape before anything
    reads it."""
    ids = sorted({*data["articles"], *(a for n in data["nodes"] for a in n["articles"]),
                  *(s["article"] for s in data["statements"].values())})
    index = {a: i for i, a in enumerate(ids)}
    blank: dict[str, dict] = {"nodes": {}, "edges": {}, "statements": {}}
    nodes = [{**n, "articles": [index[a] for a in n["articles"]]} for n in data["nodes"]]
    statements = dict(zip(data["statements"], _drop_blanks(
        [{**s, "article": index[s["article"]]} for s in data["statements"].values()],
        blank["statements"])))
    return {**data, "nodes": _drop_blanks(nodes, blank["nodes"]),
            "edges": _drop_blanks(data["edges"], blank["edges"]),
            "statements": statements, "article_ids": ids, "blank": blank}


def _vis_js() -> str:
    lib = resources.files("pyvis") / "templates" / "lib" / "vis-9.1.2" / "vis-network.min.js"
    return lib.read_text(encoding="utf-8")


def _sha256(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def render(data: dict) -> str:
    """The page as text: template slots filled in one pass (a slot-like string inside
    the data or a script is never substituted)."""
    vis, app = _vis_js(), (TEMPLATES / "network.js").read_text(encoding="utf-8")
    csp = ("default-src 'none'; "
           f"script-src {_sha256(vis)} {_sha256(app)}; "
           "style-src 'unsafe-inline'; img-src data: blob:; "
           "base-uri 'none'; form-action 'none'")
    slots = {"CSP": csp, "TITLE": html.escape(data["meta"]["title"]),
             "STYLE": (TEMPLATES / "network.css").read_text(encoding="utf-8"),
             "DATA": json_for_script(packed(data)), "VIS": vis, "APP": app}
    template = (TEMPLATES / "network.html").read_text(encoding="utf-8")
    return _SLOT.sub(lambda m: slots[m.group(1)], template)


def write(graph: nx.MultiDiGraph, path: str | Path,
          on_stage: Callable[[str], None] | None = None, **options) -> int:
    """Write the page (UTF-8); returns the number of nodes plus edges on it.
    ``on_stage(name)`` is told as each of :data:`STAGES` starts."""
    data = page_data(graph, on_stage=on_stage, **options)
    if on_stage:
        on_stage("page")
    text = render(data)
    Path(path).write_text(text, encoding="utf-8", newline="\n")
    return len(data["nodes"]) + len(data["edges"])
