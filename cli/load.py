"""``qantar load``: articles into the store."""

from __future__ import annotations

import sys

import click

from ..loaders.pipeline import load as load_articles
from ..loaders.read import find_articles
from .main import EXIT_ERROR, cli


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(), required=False)
@click.option("--strict", is_flag=True,
              help="Load nothing if any file is bad (default: load the good ones).")
@click.option("--follow-symlinks", is_flag=True,
              help="Follow symbolic links that lead out of the folders given (default: "
                   "skip them with a warning).")
@click.pass_obj
def load(obj, paths, strict, follow_symlinks):
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
    files = list(find_articles(paths or ("seeds",), follow_symlinks=follow_symlinks,
                               warn=lambda msg: click.echo(f"Warning: {msg}", err=True)))
    store = obj.store()
    report = load_articles(store, files, strict=strict,
                           progress=lambda msg: click.echo(msg, err=True))
    for warning in report.warnings:
        click.echo(f"Warning: {warning}", err=True)
    for error in report.errors:
        click.echo(f"Error: {error}", err=True)
    if strict and report.errors:
        click.echo(f"Nothing loaded (--strict): {len(report.errors)} of {len(files)} "
                   "file(s) had errors.", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(summary(store, report))
    if report.errors:
        sys.exit(EXIT_ERROR)


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
