"""``qantar load``: articles into the store."""

from __future__ import annotations

import os
import sys

import click

from ..graph.stores import StoreWriteFailed, embedded
from ..loaders.pipeline import load as load_articles
from ..loaders.read import find_articles
from .main import EXIT_ERROR, cli


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(), required=False)
@click.option("--strict", is_flag=True,
              help="Load nothing if any file is bad (default: load the good ones).")
@click.pass_obj
def load(obj, paths, strict):
    """Load article files (.txt/.md, optional YAML front matter) into the store.

    Folders are searched recursively. Loading the same article again replaces what it
    said, so loading twice gives the same graph. Prints a summary of the store.

    A bad file is reported (file:line: reason) and skipped, and the exit code is 1;
    with --strict nothing is written. Articles are written whole, a transaction at a
    time: if the load is killed, rerunning it gives the same graph as one clean load.

    \b
    Examples:
      qantar load seeds/
      qantar load --strict ../archive/2022/ extra.md
    """
    files = list(find_articles(paths or ("seeds",)))  # a typo fails before the store opens
    if obj.backend == "embedded":
        embedded.check_load_space(obj.store_path, sum(_size(f) for f in files))
    store = obj.store()
    try:
        report = load_articles(store, files, strict=strict,
                               progress=lambda msg: click.echo(msg, err=True))
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
        click.echo(f"Nothing loaded (--strict): {len(report.errors)} of {len(files)} "
                   "file(s) had errors.", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(f"Loaded 0 articles; {obj.store_path} was not created." if nothing
               else summary(store, report))
    if report.errors:
        sys.exit(EXIT_ERROR)


def _size(path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # the loader names the file when it fails to read it


def summary(store, report) -> str:
    counts = store.counts()
    nodes = ", ".join(f"{counts[k]} {k.lower()}s" for k in ("Article", "Actor", "Event",
                                                              "Statement"))
    edges = ", ".join(f"{n} {t}" for t, n in sorted(report.edges.items()) if n)
    lines = [f"Loaded {report.articles} article(s) into {store.backend}: "
             f"{report.statements} statements.",
             f"Store now holds {nodes}.",
             f"Projected edges: {edges or 'none'}."]
    if report.errors:
        lines.append(f"{len(report.errors)} file(s) skipped with errors (see above).")
    return "\n".join(lines)
