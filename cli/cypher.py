"""``qantar cypher``: ad-hoc Cypher, read-only unless --write.

Read-only is enforced by the engines, not by reading the query: Neo4j runs it in a
READ access-mode session, the embedded store is opened read-only and runs it in a
READ ONLY transaction. Either refuses a write, whatever the text says. Read-only also
means no files: the embedded store refuses COPY, LOAD FROM, EXPORT/IMPORT DATABASE,
ATTACH and extensions (:mod:`qantar.graph.stores.file_statements`); Neo4j reads
``file:///`` URLs from its import directory only (its ``server.directories.import``).
"""

from __future__ import annotations

import json

import click

from ..graph.stores import StoreError, StoreOutdated, StoreUnavailable
from ..graph.stores.file_statements import FileAccessRefused
from .main import cli
from .output import emit, output_options, page, page_options


def _param(pair: str) -> tuple[str, object]:
    key, sep, raw = pair.partition("=")
    if not sep or not key.strip():
        raise click.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint="--param")
    try:
        value = json.loads(raw)  # 2, true, ["a","b"], "quoted"
    except json.JSONDecodeError:
        value = raw  # plain text
    return key.strip(), value


@cli.command()
@click.argument("query")
@click.option("--param", "-p", "pairs", multiple=True, metavar="KEY=VALUE",
              help="A query parameter ($KEY); VALUE is read as JSON when it parses, "
                   "else as text.")
@click.option("--write", is_flag=True, help="Allow the query to change the graph.")
@output_options
@page_options
@click.pass_obj
def cypher(obj, query, pairs, write, fmt, limit, offset):
    """Run one Cypher query; read-only unless --write.

    Write queries for both engines with :Actor and `type` (see the README's data
    model); parameters are passed as $name, never spliced into the text. On a store
    an earlier qantar loaded, the query runs and a warning says that its summaries
    (flags, counts) may be missing until `qantar doctor --repair`.

    \b
    Examples:
      qantar cypher "MATCH (a:Actor {type: 'person'}) RETURN a.name AS name ORDER BY name"
      qantar cypher "MATCH (a:Actor) WHERE \\$n IN a.aliases RETURN a.id AS id" -p n=Назарбаев
      qantar cypher "MATCH (s:Statement) RETURN s.predicate AS p, count(*) AS n" -f csv
      qantar cypher --write "MATCH (a:Actor {id: \\$id}) SET a.description = \\$d" -p id=person:samat-abish -p d="KNB deputy"
    """
    params = dict(_param(p) for p in pairs)
    store = obj.store(read_only=not write)
    try:
        store.require_current()
    except StoreOutdated as exc:
        # an ad-hoc query reads the statements, which an old store has in full: it runs,
        # and is told that flags and counts may be missing
        click.echo(f"Warning: {exc}", err=True)
    try:
        rows = store.run(query, params, write=write)
    except (StoreUnavailable, FileAccessRefused):
        raise
    except StoreError as exc:
        hint = "" if write else " (read-only: add --write if the query is meant to " \
                                "change the graph)"
        raise click.ClickException(f"{exc}{hint}") from None
    emit(page(rows, limit, offset), fmt)
