"""Read and extract articles on several cores, in order, with bounded memory.

Extraction is pure and per article, so disjoint chunks of files go to worker processes
and the batches come back in file order (a load is the same whatever the core count).
At most ``window`` chunks are in flight: when the store writes slower than the workers
extract, the workers wait instead of piling batches up in memory.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ..graph.records import Article
from .errors import InputError

_GAZETTEER = None
_PREPARE = None


def auto_workers(files: int) -> int:
    """All cores for a corpus worth the start-up (~0.2 s), else the calling process."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, cores or 1) if files >= 64 else 1


def _warm(gazetteer) -> None:
    """Build the cached lexicon, cues, place index and frames here, once: forked workers
    inherit them instead of each building its own (the place index alone takes 1-2 s)."""
    from . import clauses, mentions, pipeline
    if gazetteer is None:
        pipeline.default_gazetteer()
    lex = pipeline.default_lexicon()
    mentions.cues_for(lex).places
    clauses.frame_lexicon(lex)


def _init(gazetteer, prepare=None) -> None:
    global _GAZETTEER, _PREPARE
    _GAZETTEER, _PREPARE = gazetteer, prepare
    _exit_with_parent()


def _exit_with_parent(poll: float = 0.5) -> None:
    """End this worker when its loader dies: after a SIGKILL or the OOM killer nobody
    would ever send it work or reap it, and it would wait forever."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(poll)
        os._exit(1)

    threading.Thread(target=watch, name="qantar-exit-with-parent", daemon=True).start()


def _extract_chunk(units: list, fields: dict | None = None
                   ) -> list[tuple[object, str | None, list[str]]]:
    """(batch or None, error or None, warnings) per article. A unit is a file to read
    here (str), an article read already (a dump's record), or ("error", message)."""
    from .pipeline import extract as extract_batch
    from .read import read_articles

    def extract(article, gazetteer):  # and the store's share of the work, if any
        batch = extract_batch(article, gazetteer)
        return batch if _PREPARE is None else _PREPARE(batch)

    out = []
    for unit in units:
        if isinstance(unit, tuple):
            out.append((None, unit[1], []))
            continue
        if isinstance(unit, Article):
            out.append((extract(unit, _GAZETTEER), None, []))
            continue
        warnings: list[str] = []
        for article in read_articles(unit, warnings.append, fields):
            if isinstance(article, InputError):
                out.append((None, str(article), warnings))
            else:
                out.append((extract(article, _GAZETTEER), None, warnings))
            warnings = []
    return out


def _units(files: list[Path], fields: dict | None, warn) -> Iterator:
    """Files for the workers to read; a dump's records are read here, one at a time,
    so that its articles spread over the workers like files do."""
    from .read import DUMP_SUFFIXES
    from .dumps import read_dump

    for path in files:
        if path.suffix.lower() not in DUMP_SUFFIXES:
            yield str(path)
            continue
        for article in read_dump(path, warn, fields):
            yield ("error", str(article)) if isinstance(article, InputError) else article


def _chunks(units: Iterator, size: int) -> Iterator[list]:
    chunk: list = []
    for unit in units:
        chunk.append(unit)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_files(files: list[Path], gazetteer, workers: int, *, chunk: int = 16,
                  window: int | None = None, fields: dict | None = None,
                  warn=None, prepare=None
                  ) -> Iterator[tuple[object, str | None, list[str]]]:
    """Yield (batch, error, warnings) for each article, in file order, from ``workers``
    processes; ``fields``: a dump's column names (:mod:`.dumps`), ``warn`` gets the
    warnings of reading dumps, which happens in this process. ``prepare``: a function
    the workers apply to each batch before sending it (the store's share of the work
    done on their cores; what comes back is its result)."""
    window = window or 4 * workers
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    chunks = _chunks(_units(files, fields, warn or (lambda _: None)), chunk)
    _warm(gazetteer)
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init,
                             initargs=(gazetteer, prepare)) as pool:
        pending: deque = deque()
        todo = iter(chunks)
        for paths in todo:
            pending.append(pool.submit(_extract_chunk, paths, fields))
            if len(pending) >= window:
                break
        while pending:
            results = pending.popleft().result()
            nxt = next(todo, None)
            if nxt is not None:
                pending.append(pool.submit(_extract_chunk, nxt, fields))
            yield from results
