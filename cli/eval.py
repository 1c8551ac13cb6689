"""``qantar eval GOLD...``: precision and recall of the extraction against hand annotations."""

from __future__ import annotations

from pathlib import Path

import click

from ..loaders import evaluate
from .main import cli
from .output import emit, output_options

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@cli.command(name="eval")
@click.argument("gold", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--articles", "article_dirs", multiple=True, type=click.Path(path_type=Path),
              help="Folder holding the annotated articles (<stem>.txt or .md, in it or "
                   "its subfolders); repeatable. The seed articles are always searched.")
@click.option("-v", "--verbose", is_flag=True,
              help="Also list, on stderr, what was missed and what was spurious.")
@output_options
def eval_(gold, article_dirs, verbose, fmt):
    """Score the extraction of annotated articles: entities, relations, events.

    GOLD is a folder of annotation folders (tests/gold/) or single article folders
    (tests/gold/003_cc4235c471014565/), each with entities.tsv, relations.tsv and
    events.tsv (format: tests/gold/README.md). Extraction needs no store.

    \b
    Examples:
      qantar eval tests/gold --articles tests/corpus
      qantar eval tests/gold/000_* tests/gold/001_* tests/gold/003_*
      qantar eval tests/gold/E0* --articles tests/corpus/dev --format json
      qantar eval my_gold/ --articles ../archive/2022/ -v
    """
    results = evaluate.run(gold, [*article_dirs, SEEDS])
    if verbose:
        for r in results:
            for kind in evaluate.KINDS:
                for item in r.missed[kind]:
                    click.echo(f"{r.stem}\tmissed\t{kind}\t{item}", err=True)
                for item in r.spurious[kind]:
                    click.echo(f"{r.stem}\tspurious\t{kind}\t{item}", err=True)
    emit(evaluate.rows(results), fmt)
