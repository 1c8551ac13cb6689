"""The curation overlay (``seeds/curation.yaml``): human corrections, checked, applied.

Every entry cites an article and a verbatim quote from it, so a correction is as
traceable as an extracted statement. Actions:

- ``add``: a statement the patterns missed (predicate, subject, object, detail, dates,
  status, modality, speaker) — method ``curated``, span = the quote's place in the body.
- ``remove``: statements of the cited article with this predicate/subject/object (and
  detail, when given) that are wrong. ``event:<type>@<date>`` names the article's events
  of that type and date.
- ``merge``: actor ids that are one actor (``ids`` -> ``into``), in every article.
- ``rename``: an actor's canonical name.
- ``actor``: declare an actor the gazetteer lacks (id, type, name, aliases, kind).

Checking (``load``) fails with ``file:line: message`` on unknown fields or actions,
duplicate entry or actor ids, unknown actor ids (not in the gazetteer, not declared
here, not extracted from the cited article), articles that cannot be found, quotes that
are not in the cited article, and values outside the schema's vocabularies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from ..graph import schema as schema_mod
from ..graph.records import Actor, Batch, Statement
from ..graph.dates import parse_iso_prefix
from .errors import InputError
from .gazetteer import load_entries

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "seeds" / "curation.yaml"
SEEDS = DEFAULT_PATH.parent
_EVENT_REF = re.compile(r"^event:([a-z_]+)@(\d{4}(?:-\d{2}(?:-\d{2})?)?)?$")
_COMMON = {"id", "action", "article", "quote", "note"}
_FIELDS = {
    "add": {"predicate", "subject", "object", "detail", "start_date", "end_date", "status",
            "modality", "speaker"},
    "remove": {"predicate", "subject", "object", "detail"},
    "merge": {"ids", "into"},
    "rename": {"actor", "name"},
    "actor": {"actor", "type", "name", "aliases", "kind", "description"},
}
_REQUIRED = {"add": {"predicate", "subject", "object"}, "remove": {"predicate"},
             "merge": {"ids", "into"}, "rename": {"actor", "name"},
             "actor": {"actor", "type", "name"}}


@dataclass
class Entry:
    line: int
    data: dict
    article_path: Path
    article_id: str
    span: tuple[int, int]


@dataclass
class Overlay:
    path: Path | None = None
    entries: list[Entry] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)     # declared here
    merges: dict[str, str] = field(default_factory=dict)       # id -> id it merges into
    names: dict[str, str] = field(default_factory=dict)        # id -> curated name

    def for_article(self, article) -> list[Entry]:
        return [e for e in self.entries if e.article_id == article.id]


def _article_index(dirs) -> dict[str, Path]:
    from .read import find_articles
    out = {}
    for d in dirs:
        if Path(d).exists():
            for p in find_articles([d]):
                out.setdefault(p.name, p)
    return out


def load(path: str | Path = DEFAULT_PATH, *, article_dirs=(SEEDS,), gazetteer=None,
         extract=None) -> Overlay:
    """Read and check the overlay. ``extract`` (article -> Batch, without an overlay)
    tells which ids the cited articles produce; ``gazetteer`` which ids are known."""
    from .read import read_article
    path = Path(path)
    if not path.exists():
        return Overlay(path)
    schema = schema_mod.load()
    predicates = {r.predicate for r in schema.relations.values()}
    known = set(gazetteer.actors) if gazetteer else set()
    articles = _article_index(article_dirs)
    overlay = Overlay(path)
    seen: dict[str, int] = {}
    read_cache: dict[str, tuple] = {}

    def fail(line, message):
        raise InputError(path, message, line)

    raw = load_entries(path)
    # declared actors first: they may be used by entries above them
    for line, entry in raw:
        if isinstance(entry, dict) and entry.get("action") == "actor":
            actor_id = entry.get("actor")
            if not isinstance(actor_id, str) or not schema.actor_id.match(actor_id):
                fail(line, f"bad actor id {actor_id!r}: expected <type>:<slug>")
            if actor_id in known or actor_id in overlay.actors:
                fail(line, f"duplicate actor id {actor_id!r} (already in the gazetteer "
                           "or declared above)")
            if entry.get("type") not in schema.vocab["actor_types"] or \
                    not actor_id.startswith(f"{entry.get('type')}:"):
                fail(line, f"actor type must be one of {schema.vocab['actor_types']} "
                           "and match the id")
            aliases = entry.get("aliases") or []
            if not isinstance(aliases, list):
                fail(line, "aliases must be a list of names")
            overlay.actors[actor_id] = Actor(
                id=actor_id, type=entry["type"], name=str(entry.get("name") or "").strip(),
                aliases=tuple(map(str, aliases)), kind=str(entry.get("kind") or ""),
                description=str(entry.get("description") or ""), origin="curated")

    for line, entry in raw:
        if not isinstance(entry, dict):
            fail(line, "entry must be a mapping (id, action, article, quote, ...)")
        action = entry.get("action")
        if action not in _FIELDS:
            fail(line, f"unknown action {action!r} (choose from {', '.join(_FIELDS)})")
        unknown = set(entry) - _COMMON - _FIELDS[action]
        if unknown:
            fail(line, f"unknown field(s) for {action}: {', '.join(sorted(map(str, unknown)))}")
        for name in {"id", "article", "quote"} | _REQUIRED[action]:
            if entry.get(name) in (None, "", []):
                fail(line, f"{action} needs {name!r}")
        entry_id = str(entry["id"])
        if entry_id in seen:
            fail(line, f"duplicate entry id {entry_id!r} (first at line {seen[entry_id]})")
        seen[entry_id] = line
        article_name = str(entry["article"])
        if article_name not in articles:
            fail(line, f"article {article_name!r} not found in "
                       + ", ".join(str(d) for d in article_dirs))
        if article_name not in read_cache:
            art = read_article(articles[article_name])
            ids = set()
            if extract is not None:
                batch = extract(art)
                ids = {a.id for a in batch.actors}
            read_cache[article_name] = (art, ids)
        art, extracted = read_cache[article_name]
        quote = str(entry["quote"])
        at = art.body.find(quote)
        if at < 0:
            fail(line, f"quote not found in {article_name}: {quote[:60]!r}")
        usable = known | set(overlay.actors) | extracted

        def check_id(value, what, *, events=False):
            value = str(value)
            if events and _EVENT_REF.match(value):
                return
            if value not in usable:
                fail(line, f"unknown {what} id {value!r} (not in the gazetteer, not "
                           f"declared in the overlay, not extracted from {article_name})")

        if action in ("add", "remove"):
            if entry["predicate"] not in predicates:
                fail(line, f"unknown predicate {entry['predicate']!r}")
            for role in ("subject", "object", "speaker"):
                if entry.get(role):
                    check_id(entry[role], role, events=(action == "remove"
                                                        or entry["predicate"] in schema.event_predicates))
        if action == "add":
            modality = entry.get("modality", "reported")
            if modality not in schema.vocab["modalities"]:
                fail(line, f"unknown modality {modality!r}")
            if entry.get("status") and entry["status"] not in ("former", "current", "unknown"):
                fail(line, "status must be former, current or unknown")
            for name in ("start_date", "end_date"):
                if entry.get(name) and parse_iso_prefix(str(entry[name])) is None:
                    fail(line, f"{name} {entry[name]!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        if action == "merge":
            if not isinstance(entry["ids"], list) or not entry["ids"]:
                fail(line, "ids must be a list of actor ids")
            for value in [*entry["ids"], entry["into"]]:
                check_id(value, "actor")
            for value in entry["ids"]:
                if value != entry["into"]:
                    overlay.merges[str(value)] = str(entry["into"])
        if action == "rename":
            check_id(entry["actor"], "actor")
            overlay.names[str(entry["actor"])] = str(entry["name"])
        overlay.entries.append(Entry(line, entry, articles[article_name], art.id,
                                     (at, at + len(quote))))
    return overlay


# --- applying -----------------------------------------------------------------------------

def apply(batch: Batch, overlay: Overlay, gazetteer=None) -> Batch:
    """The batch with the overlay's merges, renames, removals and additions (pure)."""
    if overlay is None or not (overlay.entries or overlay.merges):
        return batch
    art = batch.article
    statements = [_remap(st, overlay.merges) for st in batch.statements]
    entries = overlay.for_article(art)
    for e in entries:
        if e.data["action"] == "remove":
            statements = [st for st in statements if not _matches(e.data, st, batch)]
    added = []
    for e in entries:
        d = e.data
        if d["action"] != "add":
            continue
        s, t = e.span
        subject = overlay.merges.get(str(d["subject"]), str(d["subject"]))
        obj = _resolve_event(str(d["object"]), batch) or overlay.merges.get(str(d["object"]),
                                                                          str(d["object"]))
        detail = str(d.get("detail") or "")
        dates = {}
        for name in ("start", "end"):
            if d.get(f"{name}_date"):
                iso, precision = parse_iso_prefix(str(d[f"{name}_date"]))
                dates.update({f"{name}_date": iso, f"{name}_precision": precision,
                              f"{name}_raw": e.data["quote"]})
        added.append(Statement(
            id=Statement.make_id(art.id, s, t, d["predicate"], subject, obj, detail),
            predicate=d["predicate"], subject_id=subject, object_id=obj,
            quote=d["quote"], span_start=s, span_end=t, article_id=art.id,
            published=art.published, detail=detail, status=str(d.get("status") or ""),
            speaker_id=str(d.get("speaker") or ""),
            modality=str(d.get("modality") or "reported"), method="curated",
            confidence=1.0, **dates))
    statements = _dedupe(added + statements)  # a curated statement wins over its twin
    actors = {}
    for a in batch.actors:
        if a.id in overlay.merges:  # most actors merge into none: no copy
            a = replace(a, id=overlay.merges[a.id])
        actors.setdefault(a.id, a)
    needed = {x for st in statements for x in (st.subject_id, st.object_id, st.speaker_id)
              if x and not x.startswith(("event:", "article:"))}
    for actor_id in needed - set(actors):
        if actor_id in overlay.actors:
            actors[actor_id] = overlay.actors[actor_id]
        elif gazetteer is not None and actor_id in gazetteer.actors:
            actors[actor_id] = gazetteer.actors[actor_id]
    for actor_id, name in overlay.names.items():
        if actor_id in actors:
            actors[actor_id] = replace(actors[actor_id], name=name, origin="curated")
    statements = [st for st in statements if _endpoints_known(st, actors)]
    used = {x for st in statements for x in (st.subject_id, st.object_id)}
    return Batch(article=art, actors=sorted(actors.values(), key=lambda a: a.id),
                 events=[ev for ev in batch.events if ev.id in used],
                 statements=statements)


def _endpoints_known(st: Statement, actors: dict) -> bool:
    """Is every actor the statement names among ``actors`` (events and articles aside)?
    A loop, not all() over a generator: it runs for every statement of every article."""
    for x in (st.subject_id, st.object_id, st.speaker_id):
        if x and x not in actors and not x.startswith(("event:", "article:")):
            return False
    return True


def _remap(st: Statement, merges: dict[str, str]) -> Statement:
    if not merges:
        return st
    s = merges.get(st.subject_id, st.subject_id)
    o = merges.get(st.object_id, st.object_id)
    sp = merges.get(st.speaker_id, st.speaker_id)
    if (s, o, sp) == (st.subject_id, st.object_id, st.speaker_id):
        return st
    return replace(st, subject_id=s, object_id=o, speaker_id=sp,
                   id=Statement.make_id(st.article_id, st.span_start, st.span_end,
                                        st.predicate, s, o, st.detail))


def _resolve_event(value: str, batch: Batch) -> str:
    m = _EVENT_REF.match(value)
    if not m:
        return ""
    ids = [e.id for e in batch.events if e.type == m.group(1)
           and e.date == (m.group(2) or "")]
    return ids[0] if ids else ""


def _matches(d: dict, st: Statement, batch: Batch) -> bool:
    if st.predicate != d["predicate"]:
        return False
    for role, value in (("subject", st.subject_id), ("object", st.object_id)):
        want = d.get(role)
        if not want:
            continue
        m = _EVENT_REF.match(str(want))
        if m:
            if not any(e.id == value and e.type == m.group(1) and e.date == (m.group(2) or "")
                       for e in batch.events):
                return False
        elif value != want:
            return False
    if d.get("detail") and st.detail.casefold() != str(d["detail"]).casefold():
        return False
    return True


def _dedupe(statements: list[Statement]) -> list[Statement]:
    seen, out = set(), []
    for st in statements:
        if st.id not in seen:
            seen.add(st.id)
            out.append(st)
    return out


@cache
def default(path: Path = DEFAULT_PATH) -> Overlay:
    """The seeds' overlay, checked against the gazetteer and the raw extraction."""
    from .pipeline import default_gazetteer, extract_raw
    return load(path, gazetteer=default_gazetteer(), extract=extract_raw)
