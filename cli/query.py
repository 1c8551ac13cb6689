"""``qantar query``: run a query pack from ``queries/`` by name, with parameters."""

from __future__ import annotations

import click

from ..queries import packs
from ..queries.actors import AmbiguousActor, NoSuchActor
from .main import cli
from .output import emit, output_options, page, page_options


def run_pack(obj, name: str, params: dict | None = None) -> list[dict]:
    """Open the store read-only and run one pack query; errors become exit codes.

    A wrong parameter or query name is a usage error (2); an actor that matches nothing
    or several is an error (1) with the closest names.
    """
    try:
        query = packs.get(name)
        values = packs.bind(query, params or {})
    except (packs.ParamError, packs.UnknownQuery) as exc:
        raise click.UsageError(str(exc)) from None
    store = obj.store(read_only=True)
    try:
        return packs.run(store, query, values)
    except (NoSuchActor, AmbiguousActor) as exc:
        raise click.ClickException(str(exc)) from None
    except packs.QueryError as exc:
        raise click.ClickException(str(exc)) from None


def parse_params(query: packs.Query, pairs: tuple[str, ...]) -> dict:
    """``("actor=Samat Abish", "depth=2")`` -> typed values for ``query``."""
    values = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint="--param")
        param = query.param(key.strip())
        if param is None:
            known = ", ".join(p.name for p in query.params) or "none"
            raise click.BadParameter(f"{query.id} has no parameter {key!r} (parameters: "
                                     f"{known})", param_hint="--param")
        try:
            values[param.name] = packs.coerce(param, raw)
        except packs.ParamError as exc:
            raise click.BadParameter(str(exc), param_hint="--param") from None
    return values


def _complete_names(ctx, param, incomplete):
    from click.shell_completion import CompletionItem
    try:
        queries = packs.load_packs()
    except packs.QueryError:
        return []
    return [CompletionItem(q.id, help=q.title) for q in queries if q.id.startswith(incomplete)
            or q.name.startswith(incomplete)]


def listing() -> list[dict]:
    return [{"query": q.id, "title": q.title,
             "parameters": ", ".join(f"{p.name}={_show(p.value)}"
                                     + ("" if p.required else " (default)")
                                     for p in q.params)}
            for q in packs.load_packs()]


def _show(value) -> str:
    return ",".join(value) if isinstance(value, list) else str(value)


@cli.command("query")
@click.argument("name", required=False, shell_complete=_complete_names)
@click.option("--param", "-p", "pairs", multiple=True, metavar="KEY=VALUE",
              help="A parameter of the query (repeat for several; lists comma-separated).")
@click.option("--list", "list_", is_flag=True, help="List the pack queries and their "
                                                     "parameters.")
@click.option("--show", is_flag=True, help="Print the query's Cypher (for this backend) "
                                           "instead of running it.")
@output_options
@page_options
@click.pass_obj
def query(obj, name, pairs, list_, show, fmt, limit, offset):
    """Run a query from the packs in queries/ (the same files the Neo4j Browser kit uses).

    NAME is pack/name, or just name when only one pack has it. Actor parameters take
    any spelling: Nazarbaev, Nazarbayev, Назарбаев, or an id.

    \b
    Examples:
      qantar query --list
      qantar query people/profile --param actor=Назарбаев
      qantar query timeline/events_between -p from=2022-01-01 -p to=2022-01-31
      qantar query clans/kin_in_security_and_companies -p actor=Nazarbayev -p kinds=security_service,company
      qantar query paths/shortest_path -p from=Abish -p to=Tokayev --format json
      qantar --backend neo4j query as_of/power_map -p date=2022-01-04 --format csv
      qantar query claims/attributed --limit 50 --offset 100

    At most --limit rows are printed (1000 unless told; 0 prints all); when some are
    left out, stderr says how many rows the query gave.
    """
    if list_:
        emit(listing(), fmt)
        return
    if not name:
        raise click.UsageError("give a query NAME, or --list to see them")
    try:
        selected = packs.get(name)
    except packs.UnknownQuery as exc:
        raise click.UsageError(str(exc)) from None
    if show:
        click.echo(selected.text_for(obj.backend))
        return
    rows = run_pack(obj, selected.id, parse_params(selected, pairs))
    emit(page(rows, limit, offset), fmt)
