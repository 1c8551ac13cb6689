"""Extraction throughput: the loader pipeline vs its naive self vs a spaCy pipeline.

All three read the same generated articles. "Words" are whitespace-separated tokens of
the article bodies (``Article.words``), the unit of the published spaCy figures.

- full pipeline: ``read_article`` + ``extract`` (every stage the loader runs), one core,
  then both cores over disjoint halves of the files (a process pool, as the load does);
- naive: the same pipeline with the gazetteer's Aho-Corasick automaton replaced by one
  regular-expression alternation over all the name keys (the usual first version);
- mention finding alone (``Gazetteer.find`` over the keyed text, the stage the automaton
  does), Aho-Corasick vs the alternation, with the corpus's gazetteer and with the
  population of a 10,000-article corpus: the alternation's cost grows with the number of
  names, the automaton's does not. Mention finding is a few per cent of the whole
  pipeline, which is why the whole-pipeline ratio stays small (Amdahl);
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


def _extract_files(paths: list[str]) -> tuple[int, int, float, list]:
    """Counts, CPU time, and the batches themselves: the load gets its batches back
    from the workers, so their pickling is part of what the parallel figure measures."""
    cpu0 = time.process_time()
    words = statements = 0
    batches = []
    for path in paths:
        article = read_article(path)
        batches.append(extract(article, _WORKER_GAZETTEER))
        statements += len(batches[-1].statements)
        words += article.words
    return words, statements, time.process_time() - cpu0, batches


def parallel(files: list[Path], gazetteer_path: Path, workers: int) -> dict:
    """Both cores over disjoint chunks of the files, batches sent back as in a load;
    wall-clock words/s."""
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


def mention_stage(files: list[Path], gazetteer_paths: dict[str, Path],
                  rounds: int = 3) -> dict:
    """Mention finding alone: ``Gazetteer.find`` over the bodies, automaton vs regex.

    The bodies are read and keyed (``tokenize``) once, outside the timing: both matchers
    run over the same key text, so the figures compare the matchers and nothing else.
    Also the share of the whole pipeline's time the stage takes (the bound on what a
    faster or slower matcher can change end to end).
    """
    from qantar.loaders.gazetteer import parse, tokenize

    bodies = [read_article(p).body for p in files]
    words = sum(len(b.split()) for b in bodies)
    tokens = [tokenize(b) for b in bodies]
    out: dict = {"articles": len(bodies), "words": words}
    for label, path in gazetteer_paths.items():
        fast = Gazetteer.load(path)
        naive = RegexGazetteer(parse(path))
        times = {}
        for name, gaz in (("aho_corasick", fast), ("regex", naive)):
            best = float("inf")
            for _ in range(rounds):
                c0 = time.process_time()
                for body, toks in zip(bodies, tokens):
                    gaz.find(body, toks)
                best = min(best, time.process_time() - c0)
            times[name] = best
        same = sum(fast.find(b, t) == naive.find(b, t) for b, t in zip(bodies, tokens))
        out[label] = {
            "gazetteer_names": len(fast.by_key),
            "aho_corasick_words_per_cpu_s": words / times["aho_corasick"],
            "regex_words_per_cpu_s": words / times["regex"],
            "regex_slower_x": times["regex"] / times["aho_corasick"],
            "same_matches": same / len(bodies) if bodies else 1.0,
        }
    c0 = time.process_time()
    for b in bodies:  # keying the text: the stage's other half, the same for both
        tokenize(b)
    out["tokenize_words_per_cpu_s"] = words / max(time.process_time() - c0, 1e-9)
    return out


def agreement(files: list[Path], fast: Gazetteer, naive: Gazetteer) -> float:
    """Share of articles where both matchers find exactly the same spans and ids."""
    same = 0
    for path in files:
        article = read_article(path)
        same += extract(article, fast) == extract(article, naive)
    return same / len(files) if files else 1.0


def _stage_share(files: list[Path], gazetteer: Gazetteer) -> float:
    """Share of read + extract CPU time spent in ``Gazetteer.find`` (the matcher)."""
    spent = 0.0
    original = Gazetteer.find

    def timed(self, text, tokens=None):
        nonlocal spent
        c0 = time.process_time()
        try:
            return original(self, text, tokens)
        finally:
            spent += time.process_time() - c0

    Gazetteer.find = timed
    try:
        c0 = time.process_time()
        for path in files:
            extract(read_article(path), gazetteer)
        total = time.process_time() - c0
    finally:
        Gazetteer.find = original
    return spent / total if total else 0.0


def module_profile(files: list[Path], gazetteer: Gazetteer, top: int = 8) -> dict:
    """Where read + extract spend their CPU, by source file (own time, cProfile): ``top``
    ``[name, share]`` pairs, C regex and builtin calls under their own names, the largest
    first; and ``python_share``, the share spent in the project's own Python code."""
    import cProfile
    import pstats

    for path in files[:5]:  # compiled patterns, vocabularies: loaded once, not profiled
        extract(read_article(path), gazetteer)
    root = Path(__file__).resolve().parents[1]
    profiler = cProfile.Profile()
    profiler.enable()
    for path in files:
        extract(read_article(path), gazetteer)
    profiler.disable()
    own: dict[str, float] = {}
    for (filename, _, func), (_, _, tottime, _, _) in pstats.Stats(profiler).stats.items():
        if filename == "~":  # a builtin: "<method 'finditer' of 're.Pattern' objects>"
            name = "builtin " + re.sub(r"^<(?:built-in )?(?:method|function) '?([\w.]+)'?"
                                       r"(?: of '([\w.]+)' objects)?>$",
                                       lambda m: ".".join(filter(None, (m[2], m[1]))), func)
        else:
            path = Path(filename).resolve()
            name = str(path.relative_to(root)) if path.is_relative_to(root) else path.name
        own[name] = own.get(name, 0.0) + tottime
    total = sum(own.values()) or 1.0
    mine = sum(t for name, t in own.items() if name.endswith(".py") and "/" in name)
    return {"top": [[name, t / total]
                    for name, t in sorted(own.items(), key=lambda kv: -kv[1])[:top]],
            "python_share": mine / total, "articles": len(files)}


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
    budget = 3.0 if quick else 10.0
    # warm caches (normalisation keys, imports) outside the timed part
    _words_per_second(files[:20], fast, 1.0)
    single = _words_per_second(files, fast, budget)
    naive_run = _words_per_second(files, naive, budget / 2)
    workers = min(2, os.cpu_count() or 1)
    par_files = files[:400] if quick else files[:2000]  # enough for a steady rate
    multi = parallel(par_files, gazetteer_path, workers)
    sample = files[: min(50, len(files))]
    from generate import generate  # the population of a 10,000-article corpus
    big = corpus.parent / f"{corpus.name}-gazetteer-3000"
    generate(big, articles=1, people=3000)
    stage = mention_stage(files[:100] if quick else files[:300],
                          {"corpus": gazetteer_path, "population_3000": big / "gazetteer.yaml"})
    stage_share = _stage_share(files[:100], fast)
    profile = module_profile(files[:100], fast)
    spacy = spacy_baseline(files, spacy_python, 3.0 if quick else 10.0)
    return {
        "gazetteer_names": len(fast.by_key),
        "single": single,
        "parallel": multi,
        "naive": naive_run,
        "naive_agreement": agreement(sample, fast, naive),
        "mention_stage": stage,
        "mention_stage_share": stage_share,
        "profile": profile,
        "spacy": spacy,
        "spacy_anchor": SPACY_ANCHOR,
        "cpu_count": os.cpu_count(),
        "python": sys.version.split()[0],
    }
