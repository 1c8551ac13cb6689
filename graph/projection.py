"""Project statements onto actor-to-actor edges and derive cited dates and aliases.

Pure functions over plain rows: the stores read the statements, call these, and write
the result back. Everything here is order-independent, so loading articles in any
order, or twice, gives the same graph.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from . import schema as schema_mod
from .names import key
from .records import stable_id


def label_of(node_id: str, allowed: Iterable[str] = ()) -> str:
    """The node label an id belongs to (ids carry their kind as a prefix, schema.yaml
    says which).

    An ``event:`` id names an Event, or an EventReport where ``allowed`` (the labels a
    relationship admits at that end) takes reports only: statements point to reports,
    projected edges to events, and the ids of both start with ``event:``.

    >>> label_of("person:x"), label_of("event:1"), label_of("event:1", ["Actor", "EventReport"])
    ('Actor', 'Event', 'EventReport')
    """
    label = schema_mod.load().label_of(node_id)
    if label == "Event" and allowed and "Event" not in allowed and "EventReport" in allowed:
        return "EventReport"
    return label


def detail_property(rtype: str) -> str | None:
    """The edge property that carries a statement's `detail` (relation, title, role...).

    >>> detail_property("HOLDS_POSITION"), detail_property("REQUESTED_HELP")
    ('title', None)
    """
    schema = schema_mod.load()
    specific = [p for p in schema.relations[rtype].properties
                if p not in schema.dated and p not in schema.projected_common]
    return specific[0] if specific else None


def _min(values: Iterable[str]) -> str:
    values = [v for v in values if v]
    return min(values) if values else ""


def _max(values: Iterable[str]) -> str:
    values = [v for v in values if v]
    return max(values) if values else ""


def project(statements: Iterable[dict]) -> dict[str, list[dict]]:
    """Statement rows -> edge rows by relationship type.

    Statements with the same predicate, endpoints and (case-folded) detail fold into one
    edge that keeps the ids of all of them. Reports that conflict on detail (nephew vs.
    son-in-law) become separate edges, side by side.
    """
    schema = schema_mod.load()
    rank = {m: i for i, m in enumerate(schema.vocab["modalities"])}  # listed by rank
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for st in statements:
        rel = schema.relation_for(st["predicate"])
        if rel is None or not st.get("subject_id") or not st.get("object_id"):
            continue
        detail = (st.get("detail") or "").strip().casefold()
        groups[(rel.type, st["subject_id"], st["object_id"], detail)].append(st)

    out: dict[str, list[dict]] = defaultdict(list)
    for (rtype, source, target, detail), sts in sorted(groups.items()):
        rel = schema.relations[rtype]
        modalities = sorted({s.get("modality") or "reported" for s in sts},
                            key=lambda m: rank.get(m, len(rank)))
        row = {
            "id": stable_id("edge", rtype, source, target, detail),
            "source": source,
            "target": target,
            "statement_ids": sorted(s["id"] for s in sts),
            "sources": len({s["article_id"] for s in sts}),
            "first_cited": _min(s.get("published", "") for s in sts),
            "last_cited": _max(s.get("published", "") for s in sts),
            "modality": modalities[0],
            "speakers": sorted({s["speaker_id"] for s in sts if s.get("speaker_id")}),
        }
        prop = detail_property(rtype)
        if prop:
            # the most common spelling of the detail among the statements
            row[prop] = Counter(s.get("detail") or "" for s in sts).most_common(1)[0][0]
        if "date" in rel.properties:
            row["date"] = _min(s.get("start_date", "") for s in sts)
        if "start_date" in rel.properties:
            row["start_date"] = _min(s.get("start_date", "") for s in sts)
            row["end_date"] = _max(s.get("end_date", "") for s in sts)
        if "status" in rel.properties:
            statuses = {s.get("status") or "" for s in sts}
            row["status"] = ("former" if "former" in statuses or row.get("end_date")
                             else "current" if "current" in statuses else "unknown")
        out[rtype].append(row)
    return dict(out)


def contested(statements: Iterable[dict]) -> set[str]:
    """The ids of the statements claims/contradictions pairs up: those of a subject,
    predicate and object that one statement denies and another affirms, or, for
    kinship, that two statements name with different terms. Kept as the flag
    ``Statement.contested`` so the report reads the few flagged statements instead of
    grouping all of them.

    >>> sts = [{"id": "s1", "predicate": "ally_of", "subject_id": "a", "object_id": "b",
    ...         "modality": "asserted", "detail": ""},
    ...        {"id": "s2", "predicate": "ally_of", "subject_id": "a", "object_id": "b",
    ...         "modality": "denied", "detail": ""},
    ...        {"id": "s3", "predicate": "relative_of", "subject_id": "a", "object_id": "c",
    ...         "modality": "reported", "detail": "nephew"}]
    >>> sorted(contested(sts))
    ['s1', 's2']
    """
    groups: dict[tuple, list[dict]] = defaultdict(list)
    for st in statements:
        if st["predicate"] not in ("mentions", "event"):
            groups[(st.get("subject_id"), st["predicate"], st.get("object_id"))].append(st)
    out: set[str] = set()
    for (_, predicate, _), sts in groups.items():
        # as the query counts: a missing modality is neither denied nor affirmed
        modalities = {st.get("modality") for st in sts} - {None}
        details = {st["detail"].lower() for st in sts if st.get("detail") is not None}
        if ("denied" in modalities and modalities - {"denied"}) or (
                predicate == "relative_of" and len(details) > 1):
            out.update(st["id"] for st in sts)
    return out


def attributed(statements: Iterable[dict]) -> set[str]:
    """The ids of the statements claims/attributed lists: relations (not mentions) put
    in a speaker's mouth or not told as plain fact (alleged, denied, asserted). Kept as
    :func:`attributed_order`'s keys on them, so the report reads its page through an
    index instead of filtering and sorting all of them. A missing value counts as the
    query's comparison does: it satisfies neither test.

    >>> sts = [{"id": "s1", "predicate": "accused", "speaker_id": "person:x",
    ...         "modality": "asserted"},
    ...        {"id": "s2", "predicate": "accused", "speaker_id": "", "modality": "reported"},
    ...        {"id": "s3", "predicate": "mentions", "speaker_id": "", "modality": "alleged"},
    ...        {"id": "s4", "predicate": "ally_of", "speaker_id": None, "modality": "denied"}]
    >>> sorted(attributed(sts))
    ['s1', 's4']
    """
    return {st["id"] for st in statements
            if st.get("predicate") not in (None, "mentions") and (
                st.get("speaker_id") not in (None, "")
                or st.get("modality") not in (None, "reported"))}


#: What a report's sort key joins its parts with: below any character of a name or a
#: date, so the engine orders the keys as it orders the parts one after the other.
ORDER_SEP = "\x01"

# the events that take a post holder out of a body (as_of/power_map), by their role
REMOVALS = ("dismissal", "resignation", "arrest", "detention")
REMOVED_ROLES = ("target", "subject")


def attributed_order(statements: Iterable[dict], ids: set[str],
                     names: dict[str, str]) -> dict[str, str]:
    """Statement id -> its claims/attributed sort key, for the ``ids`` :func:`attributed`
    flags: the speaker's name ('' for none, as the report's coalesce gives) and the
    article's date, joined by :data:`ORDER_SEP`. The report sorts by those two first,
    so the first $limit keys in an index's order bound the statements its first page
    can hold. ``names``: actor id -> name.

    >>> attributed_order([{"id": "s1", "speaker_id": "person:x", "published": "2022"},
    ...                   {"id": "s2", "speaker_id": "", "published": "2022-01"}],
    ...                  {"s1", "s2"}, {"person:x": "X"}) == {"s1": "X\x012022", "s2": "\x012022-01"}
    True
    """
    return {st["id"]: (names.get(st.get("speaker_id") or "", "") + ORDER_SEP
                       + (st.get("published") or ""))
            for st in statements if st["id"] in ids}


def single_source(edges: dict[str, list[dict]], names: dict[str, str]) -> dict[str, str]:
    """Statement id -> its claims/single_source key, for the statements of the edges
    only one article states (``sources`` 1) whose two ends are nodes (``names``: id ->
    name of every actor and event): the relation, the edge's subject and object names,
    joined by :data:`ORDER_SEP`. The report sorts by those three first and reads the
    names back from the key, so it need not read the edges.

    >>> edges = {"ALLY_OF": [{"source": "a", "target": "b", "sources": 1,
    ...                       "statement_ids": ["s1", "s2"]},
    ...                      {"source": "a", "target": "c", "sources": 2,
    ...                       "statement_ids": ["s3"]}]}
    >>> single_source(edges, {"a": "A", "b": "B", "c": "C"})["s2"] == "ally_of\x01A\x01B"
    True
    """
    relations = schema_mod.load().relations
    out = {}
    for rtype, rows in edges.items():
        relation = relations[rtype].predicate
        for e in rows:
            if e["sources"] != 1 or e["source"] not in names or e["target"] not in names:
                continue
            value = ORDER_SEP.join((relation, names[e["source"]] or "",
                                    names[e["target"]] or ""))
            out.update((sid, value) for sid in e["statement_ids"])
    return out


def removals(edges: dict[str, list[dict]], events: list[dict]) -> None:
    """Set ``removed`` on each HOLDS_POSITION edge: the earliest date of the dated
    dismissals, resignations, arrests and detentions its holder underwent (as target or
    subject) that the body took part in (any role), '' if none. as_of/power_map reads
    it instead of looking up every holder's events for each post.

    >>> events = [{"id": "e1", "type": "dismissal", "date": "2022-01-05"},
    ...           {"id": "e2", "type": "arrest", "date": "2022-01-08"}]
    >>> edges = {"PARTICIPATED_IN": [
    ...     {"source": "m", "target": "e1", "role": "target"},
    ...     {"source": "m", "target": "e2", "role": "target"},
    ...     {"source": "org", "target": "e2", "role": "agent"}],
    ...     "HOLDS_POSITION": [{"source": "m", "target": "org"}]}
    >>> removals(edges, events); edges["HOLDS_POSITION"][0]["removed"]
    '2022-01-08'
    """
    dates = {e["id"]: e.get("date") or "" for e in events
             if e.get("type") in REMOVALS and e.get("date")}
    out: dict[str, set[str]] = defaultdict(set)  # holder -> removal events
    took_part: dict[str, set[str]] = defaultdict(set)  # actor -> events
    for e in edges.get("PARTICIPATED_IN", ()):
        took_part[e["source"]].add(e["target"])
        if e["target"] in dates and e.get("role") in REMOVED_ROLES:
            out[e["source"]].add(e["target"])
    for p in edges.get("HOLDS_POSITION", ()):
        both = out.get(p["source"], set()) & took_part.get(p["target"], set())
        p["removed"] = min((dates[ev] for ev in both), default="")


OUTLET_SUMS = ("outlet_articles", "outlet_first", "outlet_last", "outlet_statements",
               "outlet_relations", "outlet_actors")


def outlets(articles: Iterable[dict]) -> dict[str, dict]:
    """Article id -> the sums of its outlet, for the first article (by id) of each
    publisher (a missing publisher is one outlet): how many articles, their earliest and
    latest dates, the statements and relations they state and how many distinct actors
    those are about, as sources/coverage_by_outlet counted them over every article
    (a missing value counts as Cypher's min, max and sum skip it).

    >>> arts = [{"id": "a2", "publisher": "P", "published": "2022-01", "statement_count": 3,
    ...          "relation_count": 1, "subject_ids": ["x", "y"]},
    ...         {"id": "a1", "publisher": "P", "published": "2021", "statement_count": 2,
    ...          "relation_count": None, "subject_ids": ["y"]}]
    >>> outlets(arts)["a1"]["outlet_actors"], outlets(arts)["a1"]["outlet_first"]
    (2, '2021')
    """
    groups: dict[str | None, list[dict]] = defaultdict(list)
    for art in articles:
        groups[art.get("publisher")].append(art)
    out = {}
    for arts in groups.values():
        dates = [a["published"] for a in arts if a.get("published") is not None]
        out[min(a["id"] for a in arts)] = dict(zip(OUTLET_SUMS, (
            len(arts), min(dates, default=None), max(dates, default=None),
            sum(a.get("statement_count") or 0 for a in arts),
            sum(a.get("relation_count") or 0 for a in arts),
            len({x for a in arts for x in a.get("subject_ids") or () if x != ""}))))
    return out


def brokerage(edges: dict[str, list[dict]], types: Iterable[str]) -> dict[str, tuple[int, int]]:
    """Actor id -> (neighbours, closed pairs) over the edges of ``types`` (the relations
    between two actors): how many other actors it has an edge with, and how many pairs
    of those have an edge with each other. paths/brokers reads these instead of
    expanding every busy actor's neighbourhood twice.

    >>> edges = {"ALLY_OF": [{"source": "a", "target": "b"}, {"source": "a", "target": "c"},
    ...                      {"source": "b", "target": "c"}, {"source": "a", "target": "d"}],
    ...          "ACCUSED": [{"source": "b", "target": "a"}]}
    >>> brokerage(edges, ["ALLY_OF", "ACCUSED"])["a"]
    (3, 1)
    """
    around: dict[str, set[str]] = defaultdict(set)
    for rtype in types:
        for e in edges.get(rtype, ()):
            if e["source"] != e["target"]:
                around[e["source"]].add(e["target"])
                around[e["target"]].add(e["source"])
    out = {}
    for actor, near in around.items():
        # each linked pair of neighbours, counted from its lower id
        closed = sum(len({y for y in around[x] & near if y > x}) for x in near)
        out[actor] = (len(near), closed)
    return out


def actor_rows(actors: Iterable[dict], cited: dict[str, dict],
               forms: dict[str, Counter],
               ties: dict[str, tuple[int, int]] | None = None) -> list[dict]:
    """Names, aliases and citation summary of actors, from aggregates the store computes
    in the engine (:func:`qantar.graph.stores.cypher.citations`: per node id ``first``,
    ``last``, ``articles``, ``statements``; ``forms``: the spellings of its mentions),
    so a rebuild need not read every mention back; ``ties``: :func:`brokerage`.
    """
    ties = ties or {}
    rows = []
    for actor in actors:
        seen = forms.get(actor["id"], Counter())
        aliases = sorted(set(actor.get("aliases") or []) | set(seen) - {actor["name"]})
        name = actor["name"]
        if actor.get("origin") == "extracted" and seen:
            # the most used spelling, then the longest, then alphabetical: order-free
            name = sorted(seen.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
            aliases = sorted((set(aliases) | {actor["name"]}) - {name})
        rows.append({"id": actor["id"], "name": name, "aliases": aliases,
                     "name_keys": sorted({key(n) for n in [name, *aliases]} - {""}),
                     **cited_summary(cited.get(actor["id"])),
                     **dict(zip(("neighbours", "closed_pairs"),
                                ties.get(actor["id"], (0, 0))))})
    return rows


# Reports of one event, by different articles, that give days this far apart are one
# event with conflicting dates (an arrest on 6 January announced as of the 8th); further
# apart, or two days in one article, they are two events.
CONFLICT_DAYS = 2
_KEY_ROLES = ("target", "victim", "subject")


def _event_end(st: dict) -> str:
    """The report a statement is about: the subject of event/occurred_in statements,
    the object of participated_in ones."""
    return st["object_id"] if st["predicate"] == "participated_in" else st["subject_id"]


def identify_events(reports: Iterable[dict], statements: Iterable[dict],
                    cited: dict[str, dict] | None = None) -> tuple[dict[str, str], list[dict]]:
    """Event reports -> (report id -> event id, Event rows): one node per real event.

    Reports merge when they have the same type, the same key participants (targets,
    victims, subjects, else agents; the people among them if any), the same detail
    and compatible dates: the same day, or days at most ``CONFLICT_DAYS`` apart given
    by different articles (a conflict: both are kept in ``dates``, each with its
    articles); a month or year joins the one event of that period, an undated report
    the one dated event of its kind (else the one its own article dates). Anything
    ambiguous stays apart. Only reports some statement refers to count. The result is
    a function of the sets of reports and statements: any load order, or loading
    twice, gives the same events.

    >>> reps = [{"id": f"event:{i}", "type": "arrest", "date": d} for i, d in
    ...         enumerate(["2022-01-06", "2022-01-08", "", "2022-03-01"])]
    >>> sts = [{"predicate": "participated_in", "subject_id": "person:x",
    ...         "object_id": f"event:{i}", "detail": "target", "article_id": f"article:{i % 2}",
    ...         "published": ""} for i in range(4)]
    >>> mapping, rows = identify_events(reps, sts)
    >>> len(set(mapping.values())), mapping["event:0"] == mapping["event:2"]
    (2, True)
    >>> [(r["date"], r["dates"], r["date_sources"]) for r in rows][0]
    ('2022-01-06', ['2022-01-06', '2022-01-08'], ['article:0', 'article:1'])
    """
    event_predicates = schema_mod.load().event_predicates | {"event"}
    articles: dict[str, set[str]] = defaultdict(set)
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for st in statements:
        if st["predicate"] not in event_predicates:
            continue
        rid = _event_end(st)
        articles[rid].add(st["article_id"])
        if st["predicate"] == "participated_in":
            roles[rid][st.get("detail") or ""].add(st["subject_id"])
    reports = {r["id"]: r for r in reports if r["id"] in articles}
    kinds: dict[tuple, list[dict]] = defaultdict(list)
    for rid, rep in sorted(reports.items()):
        kind = (rep["type"], rep.get("detail") or "", tuple(sorted(_identity(roles[rid]))))
        if not kind[2]:  # nothing identifies it: the same date at most, else its own
            kind += (rep.get("date") or rid,)
        kinds[kind].append(rep)
    mapping: dict[str, str] = {}
    rows: list[dict] = []
    used: set[str] = set()
    for kind in sorted(kinds):
        for members in _clusters(kinds[kind], articles):
            row = _event_row(members, articles, cited or {})
            # the id says what identifies the event: type, date, who (or, for an
            # undated event with no participant, its article), a sentence's term
            who = list(kind[2]) or ([] if row["date"] else
                                    sorted(set().union(*(articles[m["id"]] for m in members))))
            row["id"] = stable_id("event", row["type"], row["date"], *who,
                                  *([kind[1]] if kind[1] else []))
            if row["id"] in used:  # two events of one kind and date: kept apart
                row["id"] = stable_id("event", row["id"], row["report_ids"][0])
            used.add(row["id"])
            mapping.update((m["id"], row["id"]) for m in members)
            rows.append(row)
    rows.sort(key=lambda r: r["id"])
    return mapping, rows


def _identity(by_role: dict[str, set[str]]) -> set[str]:
    """The participants that identify an event: who undergoes it, else who does it;
    the people among them if any ("the KNB and Massimov were detained" is Massimov's
    detention, whatever the organisation's part)."""
    for roles in (_KEY_ROLES, ("agent",)):
        who = set().union(*(by_role.get(r, set()) for r in roles))
        if who:
            return {a for a in who if a.startswith("person:")} or who
    return set()


def _clusters(reps: list[dict], articles: dict[str, set[str]]) -> list[list[dict]]:
    """The reports of one kind (type, detail, key participants) grouped by event."""
    clusters: list[list[dict]] = []

    def arts(cluster) -> set[str]:
        return set().union(*(articles[m["id"]] for m in cluster))

    days = sorted((r for r in reps if len(r.get("date") or "") == 10),
                  key=lambda r: (r["date"], r["id"]))
    for rep in days:
        last = clusters[-1] if clusters else None
        if last and (rep["date"] == last[0]["date"] or (
                _days_apart(last[0]["date"], rep["date"]) <= CONFLICT_DAYS
                and not any(articles[m["id"]] & articles[rep["id"]]
                            for m in last if m["date"] != rep["date"]))):
            last.append(rep)
        else:
            clusters.append([rep])
    vague = sorted((r for r in reps if len(r.get("date") or "") != 10),
                   key=lambda r: (-len(r.get("date") or ""), r.get("date") or "", r["id"]))
    for rep in vague:
        when = rep.get("date") or ""
        fits = [c for c in clusters if any((m.get("date") or "").startswith(when)
                                           and m.get("date") for m in c)]
        if len(fits) > 1:  # the one its own article dates, if any
            fits = [c for c in fits if arts(c) & articles[rep["id"]]]
        if len(fits) == 1:
            fits[0].append(rep)
            continue
        # no event, or several, of its period: with the reports of that same period
        same = [c for c in clusters if all((m.get("date") or "") == when for m in c)]
        if same:
            same[0].append(rep)
        else:
            clusters.append([rep])
    return clusters


def _days_apart(a: str, b: str) -> int:
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return CONFLICT_DAYS + 1


def _event_row(members: list[dict], articles: dict[str, set[str]],
               cited: dict[str, dict]) -> dict:
    """The Event row of a group of reports."""
    members = sorted(members, key=lambda m: m["id"])
    given: dict[str, set[str]] = defaultdict(set)
    for m in members:
        given[m.get("date") or ""] |= articles[m["id"]]
    dated = [d for d in given if d]
    # the dates no other reported date refines, each with the articles giving it
    dates = sorted(d for d in dated if not any(o != d and o.startswith(d) for o in dated))
    # the most precise date, the one most articles give, then the earliest
    best = min(dated, key=lambda d: (-len(d), -len(given[d]), d)) if dated else ""
    head = next(m for m in members if (m.get("date") or "") == best)
    summaries = [cited.get(m["id"]) or {} for m in members]
    name = head.get("name") or ""
    if len(dates) > 1 and name.endswith(f" ({best})"):  # the label shows the conflict
        name = f"{name[:-len(best) - 3]} ({' / '.join(dates)})"
    return {
        "type": head["type"], "name": name,
        "date": best, "date_precision": head.get("date_precision") or "unknown",
        "date_raw": head.get("date_raw") or "",
        "detail": next((m["detail"] for m in members if m.get("detail")), ""),
        "dates": dates, "date_sources": [" ".join(sorted(given[d])) for d in dates],
        "report_ids": [m["id"] for m in members],
        "sources": len(set().union(*(articles[m["id"]] for m in members))),
        "first_cited": _min(s.get("first") or "" for s in summaries),
        "last_cited": _max(s.get("last") or "" for s in summaries),
    }


def to_events(statements: Iterable[dict], mapping: dict[str, str]) -> list[dict]:
    """The statements with their event reports replaced by the events they belong to,
    for :func:`project`."""
    out = []
    for st in statements:
        if st["predicate"] == "participated_in" and st["object_id"] in mapping:
            st = {**st, "object_id": mapping[st["object_id"]]}
        elif st["predicate"] == "occurred_in" and st["subject_id"] in mapping:
            st = {**st, "subject_id": mapping[st["subject_id"]]}
        out.append(st)
    return out


def cited_summary(row: dict | None) -> dict:
    """The derived citation properties of a node from its row of ``cypher.citations``."""
    row = row or {}
    return {"first_cited": row.get("first") or "", "last_cited": row.get("last") or "",
            "cited_articles": row.get("articles") or 0,
            "cited_statements": row.get("statements") or 0}


def rebuild_predicates() -> list[str]:
    """The statement predicates a rebuild reads: those projected onto edges, and the
    events'.

    >>> {"ally_of", "participated_in", "event"} <= set(rebuild_predicates())
    True
    """
    return sorted({rel.predicate for rel in schema_mod.load().relations.values()
                   if rel.projected and rel.predicate} | {"event"})


@dataclass
class Rebuilt:
    """What a rebuild derives: report id -> event id, the Event rows, the projected
    edges by type, the statements' derived values (by property: statement id -> value;
    the others have none), the actors' derived rows."""

    mapping: dict[str, str]
    events: list[dict]
    edges: dict[str, list[dict]]
    flags: dict[str, dict[str, object]]
    actors: list[dict]


def rebuild(statements: list[dict], reports: list[dict], actors: list[dict],
            cited: dict[str, dict], forms: dict[str, Counter]) -> Rebuilt:
    """The whole projection from what a store holds: ``statements`` (the rows of
    :func:`rebuild_predicates`, ``rebuild_reads`` columns, sorted by id: ties between
    spellings of a detail go to the first), every event report, the actors
    (``rebuild_reads``), the citations per node id and the mention spellings per actor
    (see :func:`actor_rows`). A store writes the result back; the bulk path writes it
    as the import's files. One function, so both give the same graph.
    """
    mapping, events = identify_events(reports, statements, cited)
    edges = project(to_events(statements, mapping))
    removals(edges, events)
    ties = brokerage(edges, [r.type for r in schema_mod.load().between_actors])
    actor_rows_ = actor_rows(actors, cited, forms, ties)
    names = {a["id"]: a["name"] for a in actor_rows_}
    said = attributed(statements)
    flags = {"contested": dict.fromkeys(contested(statements), True),
             "attributed_order": attributed_order(statements, said, names),
             "single_source": single_source(edges, {**names, **{e["id"]: e["name"]
                                                                for e in events}})}
    return Rebuilt(mapping, events, edges, flags, actor_rows_)
