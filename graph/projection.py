"""Project statements onto actor-to-actor edges and derive cited dates and aliases.

Pure functions over plain rows: the stores read the statements, call these, and write
the result back. Everything here is order-independent, so loading articles in any
order, or twice, gives the same graph.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from . import schema as schema_mod
from .names import key
from .records import stable_id

# Edge properties filled from dates and status rather than from `detail`.
_DATED = {"date", "start_date", "end_date", "status"}
_MODALITY_RANK = {"reported": 0, "asserted": 1, "alleged": 2, "denied": 3}
# The statement properties project() reads: stores fetch only these (not the quotes).
STATEMENT_COLUMNS = ("id", "predicate", "subject_id", "object_id", "detail", "article_id",
                     "published", "modality", "speaker_id", "start_date", "end_date",
                     "status")


def label_of(node_id: str) -> str:
    """The node label an id belongs to (ids carry their kind as a prefix, schema.yaml
    says which).

    >>> label_of("event:3f2a"), label_of("person:samat-abish")
    ('Event', 'Actor')
    """
    return schema_mod.load().label_of(node_id)


def detail_property(rtype: str) -> str | None:
    """The edge property that carries a statement's `detail` (relation, title, role...).

    >>> detail_property("HOLDS_POSITION"), detail_property("REQUESTED_HELP")
    ('title', None)
    """
    schema = schema_mod.load()
    specific = [p for p in schema.relations[rtype].properties
                if p not in _DATED and p not in schema.projected_common]
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
                            key=lambda m: _MODALITY_RANK.get(m, 9))
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


def actor_rows(actors: Iterable[dict], cited: dict[str, dict],
               forms: dict[str, Counter]) -> list[dict]:
    """Names, aliases and citation summary of actors, from aggregates the store computes
    in the engine (:func:`qantar.graph.stores.cypher.citations`: per node id ``first``,
    ``last``, ``articles``, ``statements``; ``forms``: the spellings of its mentions),
    so a rebuild need not read every mention back.
    """
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
                     **cited_summary(cited.get(actor["id"]))})
    return rows


def event_rows(events: Iterable[dict], cited: dict[str, dict]) -> list[dict]:
    """The cited dates of events, from the same aggregates as :func:`actor_rows`."""
    rows = []
    for event in events:
        summary = cited_summary(cited.get(event["id"]))
        rows.append({"id": event["id"], "first_cited": summary["first_cited"],
                     "last_cited": summary["last_cited"]})
    return rows


def cited_summary(row: dict | None) -> dict:
    """The derived citation properties of a node from its row of ``cypher.citations``."""
    row = row or {}
    return {"first_cited": row.get("first") or "", "last_cited": row.get("last") or "",
            "cited_articles": row.get("articles") or 0,
            "cited_statements": row.get("statements") or 0}
