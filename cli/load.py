"""``qantar load``: articles into the store."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..graph.stores import StoreWriteFailed, store_class
from ..loaders import dumps, fetch
from ..loaders.pipeline import load as load_articles
from ..loaders.read import DUMP_SUFFIXES, find_articles
from . import progress
from .main import EXIT_ERROR, cli


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(), required=False)
@click.option("--strict", is_flag=True,
              help="Load nothing if any file is bad (default: load the good ones).")
@click.option("--urls", "url_lists", multiple=True, metavar="FILE",
              type=click.Path(dir_okay=False, path_type=Path),
              help="A list of links, one per line (# comments): fetch and load each.")
@click.option("--field", "fields", multiple=True, metavar="FIELD=NAME",
              help="Dumps: the column holding FIELD (text, title, publisher, date, url, "
                   "author), e.g. --field text=content.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=fetch.TIMEOUT,
              show_default=True, metavar="SECONDS", help="Time to fetch one URL.")
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
@click.option("--follow-symlinks", is_flag=True,
              help="Follow symbolic links that lead out of the folders given (default: "
                   "skip them with a warning).")
@click.option("--bulk", metavar="DATA_DIR", type=click.Path(file_okay=False, path_type=Path),
              help="A first load into the local Neo4j's DATA_DIR (stopped), at bulk speed: "
                   "neo4j-admin import replaces its database, then its indexes are built.")
@click.pass_obj
def load(obj, paths, strict, url_lists, fields, timeout, quiet, follow_symlinks, bulk):
    """Load articles into the store: text files (.txt/.md, optional YAML front matter),
    saved web pages (.html/.htm), dumps (.jsonl/.csv, one article per record), URLs.

    Folders are searched recursively. Loading the same article again replaces what it
    said, so loading twice gives the same graph. Prints a summary of the store.

    A web page's main text and metadata (title, site name, date, canonical URL, author)
    are extracted; quotes refer to that text, which the store keeps. URLs are fetched
    into a folder beside the store (STORE.pages/) and read from there on a reload.

    A bad file is reported (file:line: reason) and skipped, and the exit code is 1;
    with --strict nothing is written. Articles are written whole, a transaction at a
    time: if the load is killed, rerunning it gives the same graph as one clean load.

    \b
    Examples:
      qantar load seeds/
      qantar load --strict ../archive/2022/ extra.md
      qantar load saved-page.html articles.jsonl
      qantar load --field text=content --field date=published_at export.csv
      qantar load https://example.org/news/article.html --urls links.txt
      qantar load --bulk ~/neo4j-data ../archive/ && qantar neo4j start --data-dir ~/neo4j-data

    --bulk is for a first load of many articles into the local Neo4j (qantar neo4j):
    extraction writes the CSV files of Neo4j's own import tool straight (the graph a
    load through the server would give, projection included) into a temporary folder,
    and the tool writes them as a new database in DATA_DIR; a server is started on it
    to build the constraints and indexes, and stopped. The database it replaces is
    lost. Later loads go to the running server as usual.
    """
    # --- inputs beyond files: URLs, dump columns; a typo fails before the store opens
    urls = [p for p in paths if fetch.is_url(p)]
    paths = [p for p in paths if not fetch.is_url(p)]
    try:
        columns = dumps.parse_fields(fields)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--field") from None
    targets = [(u, None, u) for u in urls]
    targets += [(lst, n, u) for lst in url_lists for n, u in fetch.url_list(lst)]
    files = list(find_articles(paths or ([] if targets else ["seeds"]),
                               follow_symlinks=follow_symlinks,
                               warn=lambda msg: click.echo(f"Warning: {msg}", err=True)))
    show = progress.wanted(quiet)
    with progress.bar(len(targets), "Fetching", show and bool(targets)) as tick:
        pages, failed = fetch.fetch_all(targets, obj.store_path.with_name(
            obj.store_path.name + ".pages"), timeout=timeout, on_url=tick)
    for error in failed:
        click.echo(f"Error: {error}", err=True)
    if strict and failed:
        click.echo(f"Nothing loaded (--strict): {len(failed)} of {len(targets)} URL(s) "
                   "could not be fetched.", err=True)
        sys.exit(EXIT_ERROR)
    files = list(dict.fromkeys([*files, *pages]))  # a URL given twice is one page
    total = _inputs(files, columns) if show else 0
    # an error names a file, or a record of a dump
    failing = ("file(s) and record(s)" if any(f.suffix.lower() in DUMP_SUFFIXES for f in files)
               else "file(s)")
    # ---
    if bulk is not None:
        _bulk_load(bulk, files, strict=strict, fields=columns, show=show, quiet=quiet)
        return
    store_class(obj.backend).check_load_space(obj.store_path, sum(_size(f) for f in files))
    store = obj.store()
    try:
        with progress.bar(total, "Loading", show) as tick:
            report = load_articles(store, files, strict=strict, fields=columns,
                                   on_article=tick, progress=None if show or quiet
                                   else lambda msg: click.echo(msg, err=True))
    except StoreWriteFailed as exc:
        # the engine cannot be closed after a failed write (it aborts): end here, with
        # what was committed before safe in the store
        click.echo(f"Error: {exc}", err=True)
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(EXIT_ERROR)
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
    for error in report.errors:
        click.echo(f"Error: {error}", err=True)
    nothing = not report.articles and getattr(store, "created", False)
    if nothing:
        store.remove()  # leave no empty store behind
    if strict and report.errors:
        click.echo(f"Nothing loaded (--strict): {len(report.errors)} of {_inputs(files, columns)} "
                   f"{failing} had errors.", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"Loaded 0 articles; {obj.store_path} was not created." if nothing
               else summary(store, report, failing))
    if report.errors or failed:
        sys.exit(EXIT_ERROR)


def _inputs(files, columns) -> int:
    """The articles and broken records a load goes through: a file is one, a dump holds
    one per record."""
    return sum(dumps.count(f, columns) if f.suffix.lower() in DUMP_SUFFIXES else 1
               for f in files)


def _bulk_load(data_dir: Path, files, *, strict, fields, show, quiet) -> None:
    """Articles into ``data_dir``'s database through :func:`bulk.first_load`."""
    from .. import neo4j_local
    from ..graph.stores import bulk

    def fill(import_files):
        with progress.bar(_inputs(files, fields) if show else 0, "Loading", show) as tick:
            report = load_articles(import_files, files, strict=strict, fields=fields,
                                   on_article=tick, progress=None if show or quiet
                                   else lambda msg: click.echo(msg, err=True))
        for error in report.errors:
            click.echo(f"Error: {error}", err=True)
        if wanted(report) and not quiet:
            click.echo("Importing with neo4j-admin ...", err=True)
        return report

    def wanted(report) -> bool:
        return bool(report.articles) and not (strict and report.errors)

    try:
        report = bulk.first_load(
            data_dir, fill, wanted=wanted,
            on_ready=lambda store, r: click.echo(summary(store, r)))
    except neo4j_local.Neo4jLocalError as exc:
        raise click.ClickException(str(exc)) from None
    if not wanted(report):
        click.echo(f"Nothing imported: {data_dir} was not changed.", err=True)
    if report.errors or not report.articles:
        sys.exit(EXIT_ERROR)


def _size(path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # the loader names the file when it fails to read it


def summary(store, report, failing: str = "file(s)") -> str:
    counts = store.counts()
    nodes = ", ".join(f"{counts[k]} {k.lower()}s" for k in ("Article", "Actor", "Event",
                                                              "Statement"))
    edges = ", ".join(f"{n} {t}" for t, n in sorted(report.edges.items()) if n)
    lines = [f"Loaded {report.articles} article(s) into {store.backend}: "
             f"{report.statements} statements.",
             f"Store now holds {nodes}.",
             f"Projected edges: {edges or 'none'}."]
    if report.errors:
        lines.append(f"{len(report.errors)} {failing} skipped with errors (see above).")
    return "\n".join(lines)
