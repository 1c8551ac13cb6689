"""``qantar analyze``: centrality, communities, brokers and sub-networks of the graph."""

from __future__ import annotations

import json

import click

from ..graph import analytics
from . import progress
from .main import cli
from .output import emit, for_terminal, output_options

ROW_FIELDS = ("id", "name", "type", *analytics.METRICS, "community")


def _rows(result: dict, by: str, top: int | None) -> list[dict]:
    rows = [{"id": n, **v} for n, v in result["nodes"].items()]
    rows.sort(key=lambda r: (-r[by], r["id"]))
    return rows[:top] if top else rows


def _table(result: dict, by: str, top: int) -> str:
    lines = [f"Top {top} actors by {by}:",
             f"  {'name':<36} {'type':<13} {'degree':>7} {'betweenness':>11} "
             f"{'pagerank':>8} {'comm':>4}"]
    for r in _rows(result, by, top):
        lines.append(f"  {r['name'][:36]:<36} {r['type']:<13} {r['degree']:>7.3f} "
                     f"{r['betweenness']:>11.3f} {r['pagerank']:>8.3f} {r['community']:>4}")
    lines.append("")
    shown = [c for c in result["communities"] if c["size"] > 1]
    lines.append(f"Communities: {len(result['communities'])} "
                 f"({len(shown)} with more than one member)")
    for c in shown[:top]:
        lines.append(f"  {c['community']:>3}  {c['size']:>4} members  led by "
                     f"{', '.join(c['leaders'])}")
    lines.append("")
    lines.append("Brokers between communities:")
    for b in result["brokers"] or []:
        lines.append(f"  {b['name'][:36]:<36} betweenness {b['betweenness']:.3f}  "
                     f"bridges {', '.join(map(str, b['communities']))}")
    if not result["brokers"]:
        lines.append("  (none: no node links two communities)")
    for group, sub in result["subnetworks"].items():
        if not sub["edges"]:
            continue
        lines.append("")
        lines.append(f"{group.capitalize()} network: {sub['nodes']} nodes, {sub['edges']} "
                     f"edges, {len(sub['components'])} groups")
        for comp in sub["components"][:5]:
            names = [m["name"] for m in comp]
            more = f" (+{len(names) - 8} more)" if len(names) > 8 else ""
            lines.append("  " + ", ".join(names[:8]) + more)
    return "\n".join(lines)


@cli.command()
@click.option("--top", type=click.IntRange(1), default=15, show_default=True,
              help="Rows per section of the table, and brokers listed.")
@click.option("--by", type=click.Choice(analytics.METRICS), default="pagerank",
              show_default=True, help="Rank actors by this centrality.")
@click.option("--places", is_flag=True,
              help="Rank places too (left out by default: where power happened, not "
                   "who held it).")
@output_options
@click.option("--write", "write_back", is_flag=True,
              help="Store degree, betweenness, pagerank and community on the actors.")
@click.option("--seed", type=int, default=analytics.SEED, show_default=True,
              help="Seed for Louvain and sampled betweenness.")
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
@click.pass_obj
def analyze(obj, top, by, places, fmt, write_back, seed, quiet):
    """Who is central, who belongs together, who brokers between groups.

    Degree, betweenness and PageRank centrality, Louvain communities and brokers on the
    actor graph: people and bodies, tied by their relations and by the events they
    took part in together (undirected, weighted by sources; places only with
    --places). Then the family and institutional sub-networks. The table is a
    summary; json gives everything; jsonl and csv one row per actor. With --write the
    values become actor properties (degree, betweenness, pagerank, community); the
    HTML page computes them with the same functions. At a terminal, progress bars
    show the reading and the analysis on stderr.

    \b
    Examples:
      qantar analyze
      qantar analyze --by betweenness --top 5
      qantar analyze --format csv > centrality.csv
      QANTAR_FORMAT=json qantar analyze --places
      qantar --backend neo4j analyze --write
    """
    store = obj.store(read_only=not write_back)
    show = progress.wanted(quiet)
    graph = progress.read_graph(store, show)
    with progress.stages(analytics.STAGES, "Analyzing", show) as on_stage:
        result = analytics.analyze(graph, seed=seed, top=top, places=places,
                                   on_stage=on_stage)
    if write_back:  # before printing: a closed pipe must not skip the write
        count = analytics.write_back(store, result)
        click.echo(f"Wrote degree, betweenness, pagerank and community on {count} actor(s).",
                   err=True)
    if fmt == "table":
        click.echo(for_terminal(_table(result, by, top)))
    elif fmt == "json":
        click.echo(json.dumps(result, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        emit([{k: row[k] for k in ROW_FIELDS} for row in _rows(result, by, None)], fmt)
