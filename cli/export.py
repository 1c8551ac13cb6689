"""``qantar export FORMAT -o FILE``: the graph to a file (HTML page, APOC JSON, Gephi)."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..graph.analytics import ActorNotFound, bounds
from ..graph.exports import FORMATS, html, writer
from .main import cli

HTML_ONLY = ("focus", "depth", "date_from", "date_to", "types", "view", "size_by",
             "colour_by", "events")


@cli.command()
@click.argument("fmt", metavar="FORMAT", type=click.Choice(FORMATS))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="File to write.")
@click.option("--view", type=click.Choice(html.views()), default="full", show_default=True,
              help="html: everything, an ego network, a timeline, or one relation group.")
@click.option("--focus", metavar="NAME", help="html: centre on this actor (any spelling).")
@click.option("--depth", type=click.IntRange(1, 3), default=1, show_default=True,
              help="html: hops around --focus.")
@click.option("--from", "date_from", metavar="DATE",
              help="html: relations and events from this date (YYYY[-MM[-DD]]).")
@click.option("--to", "date_to", metavar="DATE", help="html: ... up to this date.")
@click.option("--types", multiple=True, metavar="TYPE[,TYPE]",
              help="html: keep these node types (person, organization, place, event) "
                   "and/or relation types (RELATIVE_OF, ...).")
@click.option("--size-by", type=click.Choice(html.SIZE_BY), default="pagerank",
              show_default=True, help="html: initial node size.")
@click.option("--colour-by", "--color-by", "colour_by", type=click.Choice(html.COLOUR_BY),
              default="type", show_default=True, help="html: initial node colour.")
@click.option("--events", is_flag=True,
              help="html, full view: draw events as nodes (by default each event is a tie "
                   "between the people and bodies that took part in it).")
@click.pass_obj
def export(obj, fmt, output, **options):
    """Export the graph: html (interactive page), jsonl (APOC JSON), graphml, gexf.

    The HTML page is one file that works offline: search any spelling, filter by type
    and date, click a node for its posts and kin, an edge for its quotes.

    \b
    Examples:
      qantar export html -o out/qantar.html
      qantar export html -o out/abish.html --view ego --focus "Samat Abish" --depth 2
      qantar export html -o out/jan.html --view timeline --from 2022-01-01 --to 2022-01-31
      qantar export html -o out/family.html --view family
      qantar export graphml -o out/graph.graphml
      qantar --backend neo4j export jsonl -o out/graph.jsonl
    """
    defaults = (None, (), 1, "full", "pagerank", "type")
    used = {k for k in HTML_ONLY if options[k] is True  # True == 1: a flag is checked apart
            or (options[k] is not False and options[k] not in defaults)}
    if fmt != "html" and used:
        raise click.UsageError(f"--{sorted(used)[0].replace('_', '-')} only applies to html")
    try:
        html.split_types(options["types"])
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--types") from None
    for name in ("date_from", "date_to"):
        if options[name] and bounds(options[name]) is None:
            raise click.BadParameter(f"{options[name]!r} is not YYYY, YYYY-MM or YYYY-MM-DD",
                                     param_hint=f"--{name[5:]}")
    if options["view"] == "ego" and not options["focus"]:
        raise click.UsageError("--view ego needs --focus NAME")
    graph = obj.store(read_only=True).to_networkx()
    output.parent.mkdir(parents=True, exist_ok=True)
    # write next to the target, then rename: a failed export leaves no half file
    tmp = output.with_name(f".{output.name}.{os.getpid()}.tmp")
    try:
        count = writer(fmt)(graph, tmp, **(options if fmt == "html" else {}))
        os.replace(tmp, output)
    except (ActorNotFound, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    click.echo(f"Wrote {output} ({count} items).", err=True)
