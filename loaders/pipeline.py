"""Articles in, statements with provenance out; and the load into a store.

``extract(article)`` is a pure function from one article to one :class:`Batch`.
``load(store, paths)`` reads files, extracts, writes whole-article batches and rebuilds
the projected edges. Bad files are reported and skipped (or, with ``strict``, nothing is
written at all).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..graph.records import Article, Batch, Statement
from .errors import InputError
from .gazetteer import DEFAULT_PATH as GAZETTEER_PATH
from .gazetteer import Gazetteer
from .read import find_articles, read_article


@cache
def default_gazetteer(path: Path = GAZETTEER_PATH) -> Gazetteer:
    return Gazetteer.load(path)


def extract(article: Article, gazetteer: Gazetteer | None = None) -> Batch:
    """One article -> its actors and statements (mentions of known actors)."""
    gazetteer = gazetteer or default_gazetteer()
    batch = Batch(article=article)
    actors = {}
    for match in gazetteer.find(article.body):
        if len(match.ids) != 1:
            continue  # ambiguous name: left unresolved rather than guessed
        actor_id = match.ids[0]
        actors[actor_id] = gazetteer.actors[actor_id]
        batch.statements.append(Statement(
            id=Statement.make_id(article.id, match.start, match.end, "mentions", actor_id, ""),
            predicate="mentions", subject_id=actor_id, object_id="",
            quote=match.surface, span_start=match.start, span_end=match.end,
            article_id=article.id, published=article.published, detail=match.surface,
            method="gazetteer", confidence=1.0))
    batch.actors = sorted(actors.values(), key=lambda a: a.id)
    return batch


@dataclass
class LoadReport:
    articles: int = 0
    statements: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    edges: dict[str, int] = field(default_factory=dict)


def read_batches(paths: Iterable[str | Path], report: LoadReport,
                 gazetteer: Gazetteer | None = None):
    """Yield one batch per readable article; record bad files in ``report.errors``."""
    try:
        files = list(find_articles(paths))
    except InputError as exc:
        report.errors.append(str(exc))
        return
    for path in files:
        try:
            article = read_article(path, warn=report.warnings.append)
        except InputError as exc:
            report.errors.append(str(exc))
            continue
        yield extract(article, gazetteer)


def load(store, paths: Iterable[str | Path], *, strict: bool = False,
         gazetteer: Gazetteer | None = None,
         progress: Callable[[str], None] | None = None) -> LoadReport:
    """Load article files into ``store``. With ``strict``, any bad file loads nothing."""
    report = LoadReport()
    batches = read_batches(paths, report, gazetteer)
    if strict:
        batches = list(batches)
        if report.errors:
            return report

    def committed(group: list[Batch]) -> None:
        report.articles += len(group)
        report.statements += sum(len(b.statements) for b in group)
        if progress:
            progress(f"loaded {report.articles} article(s)")

    store.write(batches, on_commit=committed)
    if report.articles:
        report.edges = store.rebuild_projection()
    return report
