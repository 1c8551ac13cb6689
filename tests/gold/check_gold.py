#!/usr/bin/env python3
"""Validate the hand-annotated gold set in tests/gold/.

For every article folder tests/gold/<stem>/ it checks entities.tsv, relations.tsv and
events.tsv against the article body and the vocabulary of graph/schema.yaml:

- header columns exactly as documented in README.md; every row has that many columns;
- entity types, relation predicates, modalities, event types and event roles are in
  the schema vocabulary;
- every `quote` is an exact substring of the article body (no normalisation);
- every surface form occurs literally in the body;
- every relation endpoint / speaker, event participant and event place is a `name`
  in that folder's entities.tsv (places must have type place);
- dates are ISO prefixes (YYYY, YYYY-MM, YYYY-MM-DD) or empty;
- no duplicate entity names, no exact duplicate rows.

Article bodies: <repo>/seeds/<stem>.txt, or <stem>.md anywhere under tests/corpus/.
A YAML front matter block (--- ... ---) at the top is skipped; the body is the text
after the closing `---` line.

Usage: python tests/gold/check_gold.py [folder ...]   (exit 0 clean, 1 errors)
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from qantar.graph import schema as schema_mod
from qantar.graph.dates import parse_iso_prefix

GOLD = Path(__file__).resolve().parent
REPO = GOLD.parent.parent

HEADERS = {
    "entities.tsv": ["name", "type", "surface_forms"],
    "relations.tsv": ["subject", "predicate", "object", "detail", "modality", "speaker", "quote"],
    "events.tsv": ["type", "date", "participants", "place", "quote"],
}


def load_vocab() -> dict[str, set[str]]:
    schema = schema_mod.load(REPO / "graph" / "schema.yaml")
    return {
        "types": set(schema.vocab["actor_types"]),
        "predicates": {r.predicate for r in schema.projected.values()} - schema.event_predicates,
        "event_types": set(schema.vocab["event_types"]),
        "roles": set(schema.vocab["event_roles"]),
        "modalities": set(schema.vocab["modalities"]),
    }


def article_path(stem: str) -> Path | None:
    seed = REPO / "seeds" / f"{stem}.txt"
    if seed.is_file():
        return seed
    return next(iter(sorted((REPO / "tests" / "corpus").rglob(f"{stem}.md"))), None)


def article_body(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines(keepends=True)
    if lines and lines[0].rstrip("\r\n") == "---":
        for i in range(1, len(lines)):
            if lines[i].rstrip("\r\n") == "---":
                return "".join(lines[i + 1:])
        raise ValueError(f"{path}: front matter is not closed")
    return text


def read_tsv(path: Path, errors: list[str]) -> list[tuple[int, dict[str, str]]]:
    want = HEADERS[path.name]
    rows: list[tuple[int, dict[str, str]]] = []
    header = None
    seen: set[tuple[str, ...]] = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            if header != want:
                errors.append(f"{path}:{n}: header {header} != {want}")
                return []
            continue
        if len(cells) != len(want):
            errors.append(f"{path}:{n}: {len(cells)} columns, want {len(want)}: {line[:80]!r}")
            continue
        if any(c != c.strip() for c in cells):
            errors.append(f"{path}:{n}: leading/trailing whitespace in a cell")
        key = tuple(cells)
        if key in seen:
            errors.append(f"{path}:{n}: duplicate row")
        seen.add(key)
        rows.append((n, dict(zip(want, cells))))
    if header is None:
        errors.append(f"{path}: no header line")
    return rows


def check_folder(folder: Path, vocab: dict[str, set[str]]) -> tuple[list[str], tuple[int, int, int]]:
    errors: list[str] = []
    stem = folder.name
    apath = article_path(stem)
    if apath is None:
        return [f"{folder}: no article found for stem {stem!r}"], (0, 0, 0)
    body = article_body(apath)
    for name in HEADERS:
        if not (folder / name).is_file():
            errors.append(f"{folder}: missing {name}")
    if errors:
        return errors, (0, 0, 0)

    ents = read_tsv(folder / "entities.tsv", errors)
    types: dict[str, str] = {}
    for n, r in ents:
        where = f"{folder.name}/entities.tsv:{n}"
        if not r["name"]:
            errors.append(f"{where}: empty name")
        if r["name"] in types:
            errors.append(f"{where}: duplicate entity {r['name']!r}")
        types[r["name"]] = r["type"]
        if r["type"] not in vocab["types"]:
            errors.append(f"{where}: type {r['type']!r} not in {sorted(vocab['types'])}")
        forms = [f for f in r["surface_forms"].split(";")]
        if not r["surface_forms"] or any(not f for f in forms):
            errors.append(f"{where}: empty surface form in {r['surface_forms']!r}")
        for f in forms:
            if f and f not in body:
                errors.append(f"{where}: surface form {f!r} not in article body")

    def known(where: str, name: str, what: str) -> None:
        if name not in types:
            errors.append(f"{where}: {what} {name!r} not in entities.tsv")

    def quoted(where: str, q: str) -> None:
        if not q:
            errors.append(f"{where}: empty quote")
        elif q not in body:
            errors.append(f"{where}: quote not in article body: {q!r}")

    rels = read_tsv(folder / "relations.tsv", errors)
    for n, r in rels:
        where = f"{folder.name}/relations.tsv:{n}"
        known(where, r["subject"], "subject")
        known(where, r["object"], "object")
        if r["subject"] == r["object"]:
            errors.append(f"{where}: subject == object")
        if r["predicate"] not in vocab["predicates"]:
            errors.append(f"{where}: predicate {r['predicate']!r} not in {sorted(vocab['predicates'])}")
        if r["modality"] not in vocab["modalities"]:
            errors.append(f"{where}: modality {r['modality']!r} not in {sorted(vocab['modalities'])}")
        if r["speaker"]:
            known(where, r["speaker"], "speaker")
        if r["modality"] == "asserted" and not r["speaker"]:
            errors.append(f"{where}: modality asserted needs a speaker")
        if r["modality"] == "reported" and r["speaker"]:
            errors.append(f"{where}: modality reported must have an empty speaker")
        if r["detail"] != r["detail"].lower():
            errors.append(f"{where}: detail should be lower case: {r['detail']!r}")
        quoted(where, r["quote"])

    evs = read_tsv(folder / "events.tsv", errors)
    for n, r in evs:
        where = f"{folder.name}/events.tsv:{n}"
        if r["type"] not in vocab["event_types"]:
            errors.append(f"{where}: event type {r['type']!r} not in schema event_types")
        if r["date"] and (parse_iso_prefix(r["date"]) or ("",))[0] != r["date"]:
            errors.append(f"{where}: date {r['date']!r} is not an ISO prefix")
        if r["participants"]:
            for part in r["participants"].split(";"):
                name, sep, role = part.rpartition(":")
                if not sep or not name:
                    errors.append(f"{where}: participant {part!r} is not Name:role")
                    continue
                known(where, name, "participant")
                if role not in vocab["roles"]:
                    errors.append(f"{where}: role {role!r} not in {sorted(vocab['roles'])}")
        if r["place"]:
            known(where, r["place"], "place")
            if types.get(r["place"], "place") != "place":
                errors.append(f"{where}: place {r['place']!r} has type {types[r['place']]!r}")
        quoted(where, r["quote"])
    return errors, (len(ents), len(rels), len(evs))


def main(argv: list[str]) -> int:
    vocab = load_vocab()
    folders = [GOLD / a if not os.path.isabs(a) else Path(a) for a in argv] or sorted(
        p.parent for p in GOLD.rglob("entities.tsv"))
    all_errors: list[str] = []
    total = [0, 0, 0]
    print(f"{'article':<72} ents  rels  evts", file=sys.stderr)
    for folder in folders:
        errs, counts = check_folder(folder, vocab)
        all_errors += errs
        total = [a + b for a, b in zip(total, counts)]
        print(f"{folder.name:<72} {counts[0]:>4}  {counts[1]:>4}  {counts[2]:>4}"
              f"{'  ' + str(len(errs)) + ' error(s)' if errs else ''}", file=sys.stderr)
    print(f"{'TOTAL':<72} {total[0]:>4}  {total[1]:>4}  {total[2]:>4}", file=sys.stderr)
    for e in all_errors:
        print(e)
    print(f"{len(all_errors)} error(s) in {len(folders)} folder(s)", file=sys.stderr)
    return 1 if all_errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
