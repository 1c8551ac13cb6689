"""``qantar export FORMAT -o FILE``: the whole graph to a file."""

from __future__ import annotations

from pathlib import Path

import click

from ..graph.exports import FORMATS, writer
from .main import cli


@cli.command()
@click.argument("fmt", metavar="FORMAT", type=click.Choice(FORMATS))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write.")
@click.pass_obj
def export(obj, fmt, output):
    """Export the graph: jsonl (APOC JSON), html (interactive page), graphml, gexf.

    \b
    Examples:
      qantar export html -o out/qantar.html
      qantar export jsonl -o out/graph.jsonl
      qantar --backend neo4j export graphml -o out/graph.graphml
    """
    graph = obj.store(read_only=True).to_networkx()
    output.parent.mkdir(parents=True, exist_ok=True)
    count = writer(fmt)(graph, output)
    click.echo(f"Wrote {output} ({count} items).", err=True)
