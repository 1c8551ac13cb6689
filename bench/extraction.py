"""Extraction throughput: the loader pipeline vs its naive self vs a spaCy pipeline.

All three read the same generated articles. "Words" are whitespace-separated tokens of
the article bodies (``Article.words``), the unit of the published spaCy figures.

- full pipeline: ``read_article`` + ``extract`` (every stage the loader runs), one core,
  then both cores over disjoint halves of the files (a process pool, as the load does);
- naive: the same pipeline with the gazetteer's Aho-Corasick automaton replaced by one
  regular-expression alternation over all the name keys (the usual first version);
- spaCy: ``en_core_web_sm`` (tok2vec, tagger, parser, NER) in its own virtualenv, run by
  ``bench/spacy_baseline.py``; when it cannot be installed, only the published anchor.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from qantar.loaders.gazetteer import Gazetteer
from qantar.loaders.pipeline import extract
from qantar.loaders.read import find_articles, read_article

SPACY_ANCHOR = {"en_core_web_lg": 10_014, "transformer": 684}  # words/s, DESIGN.md §6


class _RegexAutomaton:
    """Stands in for the Aho-Corasick automaton: ``iter(text)`` from one regex."""

    def __init__(self, by_key: dict[str, tuple[str, ...]]):
        keys = sorted(by_key, key=lambda k: (-len(k), k))  # longest alternative first
        self._regex = re.compile(r"(?<![^ ])(?:" + "|".join(map(re.escape, keys)) + r")(?![^ ])")
        self._by_key = by_key

    def iter(self, text: str):
        for m in self._regex.finditer(text):
            k = m.group()
            yield m.end() - 1, (len(k), self._by_key[k])


class RegexGazetteer(Gazetteer):
    """The gazetteer with a regex alternation instead of Aho-Corasick, all else equal."""

    def __init__(self, actors):
        super().__init__(actors)
        self._automaton = _RegexAutomaton(self.by_key)


def _words_per_second(files: list[Path], gazetteer: Gazetteer, budget: float) -> dict:
    """Read and extract files until ``budget`` seconds pass; words/s on one core."""
    words = statements = done = 0
    start = time.perf_counter()
    cpu0 = time.process_time()
    for path in files:
        article = read_article(path)
        batch = extract(article, gazetteer)
        words += article.words
        statements += len(batch.statements)
        done += 1
        if time.perf_counter() - start > budget:
            break
    wall = time.perf_counter() - start
    cpu = time.process_time() - cpu0
    return {"articles": done, "words": words, "statements": statements, "seconds": wall,
            "cpu_seconds": cpu, "words_per_s": words / wall, "words_per_cpu_s": words / cpu}


_WORKER_GAZETTEER: Gazetteer | None = None


def _init_worker(gazetteer_path: str) -> None:
    global _WORKER_GAZETTEER
    _WORKER_GAZETTEER = Gazetteer.load(gazetteer_path)


def _extract_files(paths: list[str]) -> tuple[int, int, float]:
    cpu0 = time.process_time()
    words = statements = 0
    for path in paths:
        article = read_article(path)
        statements += len(extract(article, _WORKER_GAZETTEER).statements)
        words += article.words
    return words, statements, time.process_time() - cpu0


def parallel(files: list[Path], gazetteer_path: Path, workers: int) -> dict:
    """Both cores over disjoint chunks of the files; wall-clock words/s."""
    chunks = [[str(p) for p in files[i:i + 200]] for i in range(0, len(files), 200)]
    with ProcessPoolExecutor(workers, initializer=_init_worker,
                             initargs=(str(gazetteer_path),)) as pool:
        list(pool.map(_extract_files, [[str(files[0])]] * workers))  # warm the workers
        start = time.perf_counter()
        results = list(pool.map(_extract_files, chunks))
        wall = time.perf_counter() - start
    words = sum(r[0] for r in results)
    cpu = sum(r[2] for r in results)
    return {"workers": workers, "articles": len(files), "words": words,
            "statements": sum(r[1] for r in results), "seconds": wall,
            "words_per_s": words / wall, "words_per_s_per_core": words / wall / workers,
            "words_per_cpu_s": words / cpu}


def agreement(files: list[Path], fast: Gazetteer, naive: Gazetteer) -> float:
    """Share of articles where both matchers find exactly the same spans and ids."""
    same = 0
    for path in files:
        article = read_article(path)
        same += extract(article, fast) == extract(article, naive)
    return same / len(files) if files else 1.0


def spacy_baseline(files: list[Path], python: str | None, budget: float) -> dict:
    """Run bench/spacy_baseline.py with the spaCy virtualenv's python, if there is one."""
    if not python:
        return {"available": False, "reason": "no spaCy environment (see bench/run --help)"}
    script = Path(__file__).with_name("spacy_baseline.py")
    listing = "\n".join(str(p) for p in files)
    proc = subprocess.run([python, str(script), "--budget", str(budget)], input=listing,
                          capture_output=True, text=True, timeout=budget * 4 + 120)
    if proc.returncode != 0:
        tail = (proc.stderr.strip().splitlines() or ["failed"])[-1]
        return {"available": False, "reason": tail}
    return {"available": True, **json.loads(proc.stdout)}


def run(corpus: Path, *, quick: bool, spacy_python: str | None) -> dict:
    files = list(find_articles([corpus / "articles"]))
    gazetteer_path = corpus / "gazetteer.yaml"
    fast = Gazetteer.load(gazetteer_path)
    from qantar.loaders.gazetteer import parse
    naive = RegexGazetteer(parse(gazetteer_path))
    budget = 3.0 if quick else 15.0
    # warm caches (normalisation keys, imports) outside the timed part
    _words_per_second(files[:20], fast, 1.0)
    single = _words_per_second(files, fast, budget)
    naive_run = _words_per_second(files, naive, budget / 2)
    workers = min(2, os.cpu_count() or 1)
    par_files = files[:400] if quick else files[:3000]  # enough for a steady rate
    multi = parallel(par_files, gazetteer_path, workers)
    sample = files[: min(50, len(files))]
    spacy = spacy_baseline(files, spacy_python, 3.0 if quick else 15.0)
    return {
        "gazetteer_names": len(fast.by_key),
        "single": single,
        "parallel": multi,
        "naive": naive_run,
        "naive_agreement": agreement(sample, fast, naive),
        "spacy": spacy,
        "spacy_anchor": SPACY_ANCHOR,
        "cpu_count": os.cpu_count(),
        "python": sys.version.split()[0],
    }
