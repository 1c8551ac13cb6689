"""Score extracted batches against hand annotations (``tests/gold/<stem>/*.tsv``).

Pure: gold folders and batches in, counts out. Per article and per kind:

- entities: a gold entity is found when an extracted actor of the same type shares a
  name key (:func:`qantar.graph.names.key`, so Toqaev == Tokayev) with its name or one of its
  surface forms; one-to-one, so an actor split in two counts one false positive.
  Extracted entities are the actors the article mentions by name.
- relations: (subject, predicate, object) triples, endpoints mapped through the entity
  alignment; ``detail`` and ``modality`` agreement are reported on the matched triples.
- events: (type, date) pairs, one-to-one, ties broken by shared participants;
  participant agreement is reported on the matched events.

The gold format is documented in ``tests/gold/README.md``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..graph import schema as schema_mod
from .errors import InputError
from ..graph.names import key

KINDS = ("entities", "relations", "events")
HEADERS = {
    "entities.tsv": ["name", "type", "surface_forms"],
    "relations.tsv": ["subject", "predicate", "object", "detail", "modality", "speaker",
                      "quote"],
    "events.tsv": ["type", "date", "participants", "place", "quote"],
}


@dataclass
class Gold:
    stem: str
    entities: list[dict]
    relations: list[dict]
    events: list[dict]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: "Score") -> "Score":
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def row(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3),
                "f1": round(self.f1, 3)}


@dataclass
class ArticleScore:
    stem: str
    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KINDS})
    detail_agreement: tuple[int, int] = (0, 0)      # matched triples with same detail
    modality_agreement: tuple[int, int] = (0, 0)
    participant_recall: tuple[int, int] = (0, 0)    # gold participants found
    missed: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    spurious: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


# --- reading the gold ----------------------------------------------------------------------

def read_tsv(path: Path) -> list[dict]:
    want = HEADERS[path.name]
    rows, header = [], None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            if cells != want:
                raise InputError(path, f"header must be {' '.join(want)}", n)
            header = cells
            continue
        if len(cells) != len(want):
            raise InputError(path, f"{len(cells)} columns, expected {len(want)}", n)
        rows.append(dict(zip(want, cells)))
    if header is None:
        raise InputError(path, "no header line")
    return rows


def read_gold(folder: str | Path) -> Gold:
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(folder, "not a gold folder (expected entities.tsv, relations.tsv, "
                                 "events.tsv)")
    return Gold(folder.name, read_tsv(folder / "entities.tsv"),
                read_tsv(folder / "relations.tsv"), read_tsv(folder / "events.tsv"))


def gold_folders(paths) -> list[Path]:
    """Gold article folders under the given paths (a folder of folders, or folders)."""
    out = []
    for p in map(Path, paths):
        if (p / "entities.tsv").exists():
            out.append(p)
        elif p.is_dir():
            out.extend(sorted(d for d in p.iterdir() if (d / "entities.tsv").exists()))
        else:
            raise InputError(p, "no such gold folder")
    return out


# --- scoring ------------------------------------------------------------------------------

def _extracted_entities(batch) -> dict[str, set[str]]:
    """actor id -> name keys, for the actors the article names."""
    spelled: dict[str, set[str]] = defaultdict(set)
    for st in batch.statements:
        if st.predicate == "mentions":
            spelled[st.subject_id].add(key(st.detail or st.quote))
    out = {}
    for actor in batch.actors:
        if actor.id in spelled:
            out[actor.id] = spelled[actor.id] | {key(actor.name)} | {key(a) for a in actor.aliases}
    return out


def align(gold: Gold, batch) -> tuple[dict[str, str], Score, list[str], list[str]]:
    """(actor id -> gold name, entity score, missed gold names, spurious actor ids)."""
    types = {a.id: a.type for a in batch.actors}
    extracted = _extracted_entities(batch)
    taken: dict[str, str] = {}
    missed = []
    for ent in gold.entities:
        keys = {key(ent["name"])} | {key(s) for s in ent["surface_forms"].split(";") if s}
        best, best_score = None, 0
        for actor_id, ekeys in extracted.items():
            if actor_id in taken or types.get(actor_id) != ent["type"]:
                continue
            score = len(keys & ekeys)
            if score > best_score or (score == best_score and score and key(ent["name"]) in ekeys):
                best, best_score = actor_id, score
        if best:
            taken[best] = ent["name"]
        else:
            missed.append(ent["name"])
    spurious = sorted(a for a in extracted if a not in taken)
    score = Score(tp=len(taken), fp=len(spurious), fn=len(missed))
    return taken, score, missed, spurious


def score_article(gold: Gold, batch) -> ArticleScore:
    result = ArticleScore(gold.stem)
    names, ent_score, missed, spurious = align(gold, batch)
    result.scores["entities"] = ent_score
    result.missed["entities"] = missed
    result.spurious["entities"] = spurious
    # every actor id of the batch maps to a gold name, or stays an id (never matches)
    name_of = lambda i: names.get(i, i)  # noqa: E731

    schema = schema_mod.load()
    predicates = {r.predicate for r in schema.projected.values()} - schema.event_predicates
    ext: dict[tuple, list] = defaultdict(list)
    for st in batch.statements:
        if st.predicate in predicates:
            ext[(name_of(st.subject_id), st.predicate, name_of(st.object_id))].append(st)
    gold_rel: dict[tuple, list] = defaultdict(list)
    for row in gold.relations:
        gold_rel[(row["subject"], row["predicate"], row["object"])].append(row)
    hit = set(ext) & set(gold_rel)
    result.scores["relations"] = Score(len(hit), len(set(ext) - hit), len(set(gold_rel) - hit))
    details = sum(1 for t in hit if {_norm(s.detail) for s in ext[t]}
                  & {_norm(r["detail"]) for r in gold_rel[t]})
    modalities = sum(1 for t in hit if {s.modality for s in ext[t]}
                     & {r["modality"] for r in gold_rel[t]})
    result.detail_agreement = (details, len(hit))
    result.modality_agreement = (modalities, len(hit))
    result.missed["relations"] = [" ".join(t) for t in sorted(set(gold_rel) - hit)]
    result.spurious["relations"] = [" ".join(t) for t in sorted(set(ext) - hit)]

    parts: dict[str, set[str]] = defaultdict(set)
    for st in batch.statements:
        if st.predicate == "participated_in":
            parts[st.object_id].add(name_of(st.subject_id))
    free = list(batch.events)
    tp = found = total = 0
    missed_ev = []
    for row in gold.events:
        want = {p.rpartition(":")[0] for p in row["participants"].split(";") if p}
        cands = [e for e in free if e.type == row["type"] and e.date == row["date"]]
        if not cands:
            missed_ev.append(f"{row['type']} {row['date'] or '-'}")
            total += len(want)
            continue
        best = max(cands, key=lambda e: (len(parts[e.id] & want), e.id))
        free.remove(best)
        tp += 1
        found += len(parts[best.id] & want)
        total += len(want)
    result.scores["events"] = Score(tp, len(free), len(gold.events) - tp)
    result.participant_recall = (found, total)
    result.missed["events"] = missed_ev
    result.spurious["events"] = [f"{e.type} {e.date or '-'} ({e.name})" for e in free]
    return result


def _norm(text: str) -> str:
    return " ".join((text or "").lower().split())


def totals(results: list[ArticleScore]) -> dict[str, Score]:
    out = {k: Score() for k in KINDS}
    for r in results:
        for k in KINDS:
            out[k] += r.scores[k]
    return out


# --- running over folders ---------------------------------------------------------------

def find_article(stem: str, dirs) -> Path:
    """The article file of a gold folder: ``<stem>.txt`` or ``.md`` in one of ``dirs``
    or their subfolders (the first directory that has it wins)."""
    for d in map(Path, dirs):
        for suffix in (".txt", ".md"):
            found = sorted(d.rglob(f"{stem}{suffix}"))
            if found:
                return found[0]
    raise InputError(stem, "no article file for this gold folder (searched "
                           + ", ".join(str(d) for d in dirs) + "; add --articles DIR)")


def run(gold_paths, article_dirs, extract=None) -> list[ArticleScore]:
    """Score every gold folder under ``gold_paths`` against the extraction of its article."""
    from .pipeline import extract as default_extract
    from .read import read_article

    extract = extract or default_extract
    out = []
    for folder in gold_folders(gold_paths):
        gold = read_gold(folder)
        batch = extract(read_article(find_article(gold.stem, article_dirs)))
        out.append(score_article(gold, batch))
    return out


def rows(results: list[ArticleScore]) -> list[dict]:
    """One row per article and kind, then the totals: what ``qantar eval`` prints."""
    out = []
    for r in results:
        notes = {"relations": f"detail {r.detail_agreement[0]}/{r.detail_agreement[1]}, "
                              f"modality {r.modality_agreement[0]}/{r.modality_agreement[1]}",
                 "events": f"participants {r.participant_recall[0]}/{r.participant_recall[1]}"}
        for kind in KINDS:
            out.append({"article": r.stem, "kind": kind, **r.scores[kind].row(),
                        "note": notes.get(kind, "")})
    total = totals(results)
    agree = lambda attr: tuple(sum(getattr(r, attr)[i] for r in results) for i in (0, 1))  # noqa: E731,E501
    notes = {"relations": "detail {}/{}, modality {}/{}".format(
                 *agree("detail_agreement"), *agree("modality_agreement")),
             "events": "participants {}/{}".format(*agree("participant_recall"))}
    for kind in KINDS:
        out.append({"article": f"TOTAL ({len(results)})", "kind": kind,
                    **total[kind].row(), "note": notes.get(kind, "")})
    return out
