"""A synthetic corpus whose graph is known: N articles from templates and invented actors.

Deterministic for a seed. The people, organisations and regions are invented from the
parts in ``bench/corpus.yaml``; every person has a Latin and a Cyrillic spelling, a post
or two with dates, and maybe a relative. Articles recombine sentence templates of the
kinds the seed articles contain, so the loader meets the same constructions at scale.

Writes, under the output folder::

    articles/NN/NNNNN.md   the articles (front matter + body)
    gazetteer.yaml         seeds/gazetteer.yaml + the invented actors (same format)
    truth.json             ground truth: actors, and per article the actors mentioned
                           and the facts stated (kinship, posts, appointments, events)
    manifest.json          parameters and totals; a matching manifest means "reuse"

Usage: python bench/generate.py OUT_DIR [--articles 10000] [--seed 42]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from qantar.loaders.gazetteer import DEFAULT_PATH as SEED_GAZETTEER
from qantar.loaders.gazetteer import parse as parse_gazetteer
from qantar.graph.names import key, slug

DATA = Path(__file__).with_name("corpus.yaml")
VERSION = 2  # bump when the output for a given seed changes


@dataclass
class Person:
    id: str
    name: str
    cyrillic: str
    surname: str | None  # the surname alone, when it names no one else
    variants: list[str] = field(default_factory=list)
    posts: list[dict] = field(default_factory=list)
    relative: tuple[str, str] | None = None  # (kinship term, other person id)


@dataclass
class Named:
    id: str
    name: str
    kind: str = ""
    cyrillic: str = ""


def people_for(articles: int) -> int:
    """Population size: grows with the corpus, within [300, 3000]."""
    return max(300, min(3000, articles // 3))


def _variants(name: str, rules: list[list[str]]) -> list[str]:
    """Spellings of ``name`` that fold to the same key (so they must match)."""
    out = []
    for old, new in rules:
        if old in name:
            candidate = name.replace(old, new, 1)
            if candidate != name and key(candidate) == key(name):
                out.append(candidate)
    return out


def invent_population(rng: random.Random, data: dict, n_people: int, taken: set[str]):
    """People, organisations and regions whose keys collide with nothing in ``taken``."""
    regions = []
    for latin, cyr in data["regions"]:
        if key(latin) not in taken:
            taken.add(key(latin))
            regions.append(Named(f"place:{slug(latin)}", latin, cyrillic=cyr))

    combos = [(f, s, e) for f in data["first_names"] for s in data["surname_stems"]
              for e in data["surname_endings"]]
    rng.shuffle(combos)
    surname_count: dict[str, int] = {}
    chosen = []
    for (f_lat, f_cyr), (s_lat, s_cyr), (e_lat, e_cyr) in combos:
        full = f"{f_lat} {s_lat}{e_lat}"
        if key(full) in taken:
            continue
        taken.add(key(full))
        chosen.append((full, f"{f_cyr} {s_cyr}{e_cyr}", f"{s_lat}{e_lat}"))
        surname_count[key(f"{s_lat}{e_lat}")] = surname_count.get(key(f"{s_lat}{e_lat}"), 0) + 1
        if len(chosen) == n_people:
            break
    people = []
    for full, cyr, surname in chosen:
        unique = surname_count[key(surname)] == 1 and key(surname) not in taken
        people.append(Person(id=f"person:{slug(full)}", name=full, cyrillic=cyr,
                             surname=surname if unique else None,
                             variants=_variants(full, data["spelling_variants"])))
    for p in people:
        if p.surname:
            taken.add(key(p.surname))

    orgs, seen = [], set()
    surnames = [p.surname for p in people if p.surname] or ["Qantar"]
    target = max(40, n_people // 8)
    for _ in range(target * 20):
        spec = rng.choice(data["org_patterns"])
        name = spec["pattern"].format(
            domain=rng.choice(data["domains"]), region=rng.choice(data["regions"])[0],
            industry=rng.choice(data["industries"]), surname=rng.choice(surnames))
        k = key(name)
        if k in taken or k in seen:
            continue
        seen.add(k)
        orgs.append(Named(f"organization:{slug(name)}", name, kind=spec["kind"]))
        if len(orgs) == target:
            break
    taken |= seen

    # posts and kinship: the world every article reports on, consistently
    for p in people:
        for _ in range(rng.choice((1, 1, 2))):
            start = rng.randint(2005, 2021)
            end = rng.choice((None, rng.randint(start + 1, 2022)))
            p.posts.append({"title": rng.choice(data["titles"]), "org": rng.choice(orgs).id,
                            "start": str(start), "end": str(end) if end else ""})
    for p in people:
        if rng.random() < 0.4:
            other = rng.choice(people)
            if other.id != p.id:
                p.relative = (rng.choice(data["kinship"]), other.id)
    return people, orgs, regions


class _Writer:
    """Renders one article: picks surfaces for people (first mention in full)."""

    def __init__(self, rng, people_by_id, orgs_by_id, months):
        self.rng, self.people, self.orgs, self.months = rng, people_by_id, orgs_by_id, months
        self.mentioned: dict[str, int] = {}

    def person(self, pid: str) -> str:
        p = self.people[pid]
        first = pid not in self.mentioned
        self.mentioned[pid] = self.mentioned.get(pid, 0) + 1
        r = self.rng.random()
        if first or not p.surname:
            if p.variants and r < 0.25:
                return self.rng.choice(p.variants)
            return p.name
        if r < 0.1:
            return p.cyrillic
        return p.surname

    def date(self, year: int = 2022) -> tuple[str, str]:
        month, day = self.rng.randint(1, 12), self.rng.randint(1, 28)
        name = self.months[month - 1]
        text = (f"{name} {day}, {year}" if self.rng.random() < 0.6 else f"{day} {name} {year}")
        return text, f"{year:04d}-{month:02d}-{day:02d}"


def write_article(rng: random.Random, index: int, data: dict, people: list[Person],
                  by_id: dict, orgs: dict, regions: list[Named], speakers: list[Named]):
    """(text, truth) for one article."""
    w = _Writer(rng, by_id, orgs, data["months"])
    t = data["templates"]
    truth = {"kinship": [], "positions": [], "appointments": [], "dismissals": [],
             "events": []}
    sentences: list[str] = []
    extra_mentions: set[str] = set()

    def place():
        region = rng.choice(regions)
        extra_mentions.add(region.id)
        return region.name

    def org_name(oid):
        extra_mentions.add(oid)
        return orgs[oid].name

    def speaker():
        if rng.random() < 0.3 and speakers:
            s = rng.choice(speakers)
            extra_mentions.add(s.id)
            return s.name
        return None

    focus = rng.sample(people, k=min(len(people), rng.randint(3, 7)))
    tasks = []
    for p in focus:
        kinds = ["arrest", "sentence", "claim", "appointment", "dismissal"]
        if p.relative:
            kinds += ["kinship", "kinship"]
        if any(post["end"] for post in p.posts):
            kinds += ["position_former"]
        if any(not post["end"] for post in p.posts):
            kinds += ["position_current"]
        tasks += [(p, kind) for kind in rng.sample(kinds, k=min(len(kinds), rng.randint(2, 5)))]
    rng.shuffle(tasks)  # before rendering, so a person's first mention is in full
    for p, kind in tasks:
        template = rng.choice(t[kind])
        fields: dict[str, str] = {}
        if "{a}" in template:
            fields["a"] = w.person(p.id)
        if "{a_cyr}" in template:
            fields["a_cyr"] = p.cyrillic
        if "{place}" in template:
            fields["place"] = place()
        if "{charge}" in template:
            fields["charge"] = rng.choice(data["charges"])
        if "{years}" in template:
            fields["years"] = str(rng.randint(2, 15))
        date_text, date_iso = w.date()
        if "{date}" in template:
            fields["date"] = date_text
        if kind == "kinship":
            term, other = p.relative
            fields.update(term=term, b=w.person(other))
            truth["kinship"].append([p.id, term, other])
        elif kind in ("position_former", "position_current"):
            post = rng.choice([x for x in p.posts if bool(x["end"]) == (kind == "position_former")])
            fields.update(title=post["title"], org=org_name(post["org"]),
                          year=post["start"], year2=post["end"] or "2022")
            if "until {date}" in template:
                fields["date"] = post["end"]
            truth["positions"].append([p.id, post["title"], post["org"], post["start"],
                                       post["end"]])
        elif kind in ("appointment", "dismissal"):
            post = rng.choice(p.posts)
            fields.update(title=post["title"], org=org_name(post["org"]))
            boss = None
            if "{b}" in template:
                boss = speaker() or w.person(rng.choice([q for q in focus if q.id != p.id]).id)
                fields["b"] = boss
            truth["appointments" if kind == "appointment" else "dismissals"].append(
                [p.id, post["title"], post["org"], date_iso])
        elif kind in ("arrest", "sentence"):
            truth["events"].append([kind, p.id, date_iso])
        elif kind == "claim":
            others = [q for q in focus if q.id != p.id]
            fields["b"] = speaker() or w.person(rng.choice(others).id)
        if "{org}" in template and "org" not in fields:
            fields["org"] = org_name(rng.choice(p.posts)["org"])
        sentences.append(template.format(**fields))

    target_words = rng.randint(250, 700)
    words = sum(len(s.split()) for s in sentences)
    fillers: list[str] = []
    while words < target_words:
        if not fillers:  # each filler once before any repeats
            fillers = rng.sample(t["filler"], len(t["filler"]))
        filler = fillers.pop()
        fields = {}
        if "{place}" in filler:
            fields["place"] = place()
        if "{date}" in filler:
            fields["date"] = w.date()[0]
        sentence = filler.format(**fields)
        sentences.insert(rng.randint(0, len(sentences)), sentence)
        words += len(sentence.split())

    paragraphs, i = [], 0
    while i < len(sentences):
        n = rng.randint(2, 4)
        paragraphs.append(" ".join(sentences[i:i + n]))
        i += n
    body = "\n\n".join(paragraphs) + "\n"
    published = f"{rng.randint(2022, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    lead = w.people[focus[0].id].name
    front = {"title": f"Investigation widens around {lead}",
             "publisher": rng.choice(data["publishers"]), "date": published,
             "url": f"https://example.org/bench/{index:05d}"}
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=True) + "---\n" + body
    truth["actors"] = sorted(set(w.mentioned) | extra_mentions)
    truth["words"] = len(body.split())
    return text, truth


def _gazetteer_yaml(seed_text: str, people: list[Person], orgs: list[Named],
                    regions: list[Named]) -> str:
    entries = []
    for p in people:
        aliases = [p.cyrillic] + ([p.surname] if p.surname else [])
        entries.append({"id": p.id, "type": "person", "name": p.name, "aliases": aliases,
                        "sources": ["bench/generate.py (invented)"]})
    for o in orgs:
        entries.append({"id": o.id, "type": "organization", "kind": o.kind, "name": o.name,
                        "sources": ["bench/generate.py (invented)"]})
    for r in regions:
        entries.append({"id": r.id, "type": "place", "name": r.name, "aliases": [r.cyrillic],
                        "sources": ["bench/generate.py (invented)"]})
    return (seed_text.rstrip() + "\n\n# --- invented by bench/generate.py ---\n"
            + yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=200))


def generate(out: str | Path, articles: int = 10_000, seed: int = 42,
             people: int | None = None, quiet: bool = True) -> dict:
    """Write the corpus under ``out`` (reused when the manifest matches); the manifest."""
    out = Path(out)
    people = people or people_for(articles)
    params = {"version": VERSION, "articles": articles, "seed": seed, "people": people}
    manifest_path = out / "manifest.json"
    if manifest_path.is_file():
        manifest = json.loads(manifest_path.read_text())
        if manifest.get("params") == params:
            return manifest
    if out.exists():
        shutil.rmtree(out)
    (out / "articles").mkdir(parents=True)

    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    seed_actors = parse_gazetteer(SEED_GAZETTEER)
    taken = {key(n) for a in seed_actors for n in (a.name, *a.aliases)}
    population, orgs, regions = invent_population(rng, data, people, taken)
    by_id = {p.id: p for p in population}
    orgs_by_id = {o.id: o for o in orgs}
    speakers = [Named(a.id, a.name) for a in seed_actors if a.type == "person"]
    (out / "gazetteer.yaml").write_text(
        _gazetteer_yaml(SEED_GAZETTEER.read_text(encoding="utf-8"), population, orgs, regions),
        encoding="utf-8")

    truth_articles, total_words, total_bytes = [], 0, 0
    for i in range(articles):
        text, truth = write_article(rng, i, data, population, by_id, orgs_by_id, regions,
                                    speakers)
        rel = Path("articles") / f"{i // 1000:02d}" / f"{i:05d}.md"
        path = out / rel
        path.parent.mkdir(exist_ok=True)
        raw = text.encode("utf-8")
        path.write_bytes(raw)
        truth["path"] = str(rel)
        truth_articles.append(truth)
        total_words += truth["words"]
        total_bytes += len(raw)
        if not quiet and (i + 1) % 1000 == 0:
            print(f"generated {i + 1} articles", file=sys.stderr)

    truth_doc = {
        "actors": {**{p.id: {"name": p.name, "type": "person", "cyrillic": p.cyrillic,
                             "relative": list(p.relative) if p.relative else None,
                             "posts": p.posts} for p in population},
                   **{o.id: {"name": o.name, "type": "organization"} for o in orgs},
                   **{r.id: {"name": r.name, "type": "place"} for r in regions},
                   **{s.id: {"name": s.name, "type": "person", "seed": True} for s in speakers}},
        "articles": truth_articles,
    }
    (out / "truth.json").write_text(json.dumps(truth_doc, ensure_ascii=False), encoding="utf-8")
    manifest = {"params": params, "words": total_words, "bytes": total_bytes,
                "actors": len(population) + len(orgs) + len(regions),
                "gazetteer_names": None}
    from qantar.loaders.gazetteer import Gazetteer
    manifest["gazetteer_names"] = len(Gazetteer.load(out / "gazetteer.yaml").by_key)
    manifest_path.write_text(json.dumps(manifest, indent=2))
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--people", type=int, default=None)
    args = parser.parse_args(argv)
    manifest = generate(args.out, args.articles, args.seed, args.people, quiet=False)
    print(json.dumps(manifest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
