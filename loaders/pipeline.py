"""Articles in, statements with provenance out; and the load into a store.

``extract(article)`` is a pure function from one article to one :class:`Batch`.
``load(store, paths)`` reads files, extracts, writes whole-article batches and rebuilds
the projected edges. Bad files are reported and skipped (or, with ``strict``, nothing is
written at all).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..graph.records import Article, Batch
from . import curation, document, relations
from . import events as events_mod
from . import lexicon as lexicon_mod
from .attribution import Attribution
from .errors import InputError
from .gazetteer import DEFAULT_PATH as GAZETTEER_PATH
from .gazetteer import Gazetteer
from .read import find_articles, read_articles


@cache
def default_gazetteer(path: Path = GAZETTEER_PATH) -> Gazetteer:
    return Gazetteer.load(path)


@cache
def default_lexicon():
    """The lexicon of ``seeds/``, its actor ids checked against the gazetteer."""
    lex = lexicon_mod.default()
    lex.check_ids(set(default_gazetteer().actors))
    return lex


@cache
def _settle() -> None:
    """After the first article the gazetteer, lexicon and the tables loaded on first use
    (place names, frames, patterns) exist and live as long as the process: moved out of
    the cyclic collector's reach, its full collections no longer walk them (a walk cost
    about as much as a pass over the benchmark's articles). Only when memory is reclaimed
    changes, never a result."""
    gc.freeze()


@contextmanager
def _collector_paused():
    """Run the body without the cyclic garbage collector. An article's objects (tokens,
    hits, mentions, matches: tens of thousands) live until its batch is out; a
    collection while they are alive walks them all and promotes them to an older
    generation, where later collections walk them again, and frees none of them.
    :meth:`.document.Document.release` breaks the cycles they form, so they die by
    reference counting; the collector runs again after the article, on what is left.
    Only when memory is reclaimed changes, never a result."""
    if not gc.isenabled():  # paused by a caller (or another article on this thread)
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def extract_raw(article: Article, gazetteer: Gazetteer | None = None, lexicon=None) -> Batch:
    """One article -> its actors, events and statements, before the curation overlay."""
    gazetteer = gazetteer or default_gazetteer()
    lex = lexicon or default_lexicon()
    doc = document.build(article, gazetteer, lex)
    doc.attribution = Attribution(doc)
    relation_statements = relations.extract(doc)
    statements = document.mention_statements(doc) + relation_statements
    events, event_statements = events_mod.extract(doc, relation_statements)
    statements += event_statements
    actors = document.actors(doc, statements)
    known = {a.id for a in actors} | {e.id for e in events}
    kept, seen = [], set()
    for st in statements:
        s, o, sp = st.subject_id, st.object_id, st.speaker_id
        if st.id in seen or (s and s not in known) or (o and o not in known) \
                or (sp and sp not in known):
            continue
        seen.add(st.id)
        kept.append(st)
    used = {x for st in kept for x in (st.subject_id, st.object_id)}
    doc.release()
    return Batch(article=article, actors=actors,
                 events=[e for e in events if e.id in used], statements=kept)


def extract(article: Article, gazetteer: Gazetteer | None = None, lexicon=None,
            overlay=None) -> Batch:
    """One article -> its actors, events and statements with provenance.

    Pure: the same article (and data files) always gives the same batch, with
    deterministic ids, so loading an article twice changes nothing. Stages: sentences,
    dates, mentions, resolution, relations, events, attribution (see loaders/), then the
    curation overlay (``seeds/curation.yaml``; pass ``overlay`` to use another).
    """
    with _collector_paused():
        batch = extract_raw(article, gazetteer, lexicon)
        overlay = curation.default() if overlay is None else overlay
        batch = curation.apply(batch, overlay, gazetteer or default_gazetteer())
    _settle()
    return batch


@dataclass
class LoadReport:
    articles: int = 0
    statements: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    edges: dict[str, int] = field(default_factory=dict)
    workers: int = 1  # extraction processes the load used


def read_batches(paths: Iterable[str | Path], report: LoadReport,
                 gazetteer: Gazetteer | None = None, workers: int | None = None,
                 fields: dict[str, str] | None = None,
                 on_article: Callable[[], None] | None = None, prepare=None):
    """Yield one batch per readable article; record bad files in ``report.errors``.

    ``workers``: processes extracting in parallel (None: all cores for a large corpus,
    see :mod:`.parallel`); batches come in file order either way. ``fields``: a dump's
    column names (:mod:`.dumps`). ``on_article`` is called once per article read, good
    or bad (a progress bar's tick). ``prepare``: applied to each batch where it was
    extracted (see :func:`load`).
    """
    try:
        files = list(find_articles(paths, warn=report.warnings.append))
    except InputError as exc:
        report.errors.append(str(exc))
        return
    from . import parallel
    if workers is None:
        from .dumps import estimate
        workers = parallel.auto_workers(sum(estimate(f) for f in files))
    report.workers = workers
    tick = on_article or (lambda: None)
    if workers > 1:
        for batch, error, warnings in parallel.extract_files(
                files, gazetteer, workers, fields=fields, warn=report.warnings.append,
                prepare=prepare):
            report.warnings.extend(warnings)
            tick()
            if error is not None:
                report.errors.append(error)
            else:
                yield batch
        return
    for path in files:
        for article in read_articles(path, report.warnings.append, fields):
            tick()
            if isinstance(article, InputError):
                report.errors.append(str(article))
                continue
            batch = extract(article, gazetteer)
            yield batch if prepare is None else prepare(batch)


def load(store, paths: Iterable[str | Path], *, strict: bool = False,
         gazetteer: Gazetteer | None = None,
         progress: Callable[[str], None] | None = None,
         workers: int | None = None, fields: dict[str, str] | None = None,
         on_article: Callable[[], None] | None = None) -> LoadReport:
    """Load article files into ``store``. With ``strict``, any bad file loads nothing.

    Extraction runs on ``workers`` processes (default: all cores for a large corpus)
    while this process writes, so the store's work and extraction overlap. A store with
    a ``prepare`` function has it applied to each batch in those processes, and writes
    what it returns. ``fields`` and ``on_article``: see :func:`read_batches`.
    """
    report = LoadReport()
    batches = read_batches(paths, report, gazetteer, workers, fields, on_article,
                           prepare=getattr(store, "prepare", None))
    if strict:
        batches = list(batches)
        if report.errors:
            return report

    def committed(group: list[Batch]) -> None:
        report.articles += len(group)
        report.statements += sum(len(b.statements) for b in group)
        if progress:
            progress(f"loaded {report.articles} article(s)")

    def refused(batch: Batch, reason: str) -> None:
        report.errors.append(f"{batch.article.path}: not loaded: {reason}")

    store.write(batches, on_commit=committed, on_refused=refused)
    if report.articles:
        report.edges = store.rebuild_projection()
    return report
