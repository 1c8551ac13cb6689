"""``qantar query``: run a query pack from ``queries/`` by name, with parameters."""

from __future__ import annotations

import click
from click.core import ParameterSource

from ..queries import packs
from ..queries.actors import AmbiguousActor, NoSuchActor
from .main import cli
from .output import PAGE, emit, output_options, page, page_options


def run_pack(obj, name: str, params: dict | None = None, *, limit: int = PAGE,
             offset: int = 0) -> list[dict]:
    """Open the store read-only, run one pack query and give the page of its rows from
    ``offset``, at most ``limit`` (0: all); :func:`~.output.page` says on stderr how many
    there are when some are left out. Errors become exit codes.

    A query that takes a ``limit`` stops at it in the engine: at its own default unless
    ``--limit`` or ``--offset`` were given, then at ``offset + limit`` (every row for 0).
    When it stops there, the engine counts the rows it left out (:func:`packs.total`),
    so a report of 47,312 rows hands over one page of them and says 47,312.

    A wrong parameter or query name is a usage error (2); an actor that matches nothing
    or several is an error (1) with the closest names.
    """
    try:
        query = packs.get(name)
        values = packs.bind(query, params or {})
    except (packs.ParamError, packs.UnknownQuery) as exc:
        raise click.UsageError(str(exc)) from None
    if query.param("limit") and "limit" not in (params or {}) and _paging_given():
        values["limit"] = offset + limit if limit else packs.ALL
    store = obj.store(read_only=True)
    try:
        rows = packs.run(store, query, values)
        total = None
        if query.param("limit") and "limit" not in (params or {}) \
                and len(rows) >= values["limit"]:
            total = packs.total(store, query, values)
    except (NoSuchActor, AmbiguousActor) as exc:
        raise click.ClickException(str(exc)) from None
    except packs.QueryError as exc:
        raise click.ClickException(str(exc)) from None
    return page(rows, limit, offset, total=total)


def _paging_given() -> bool:
    """Whether the command line set ``--limit`` or ``--offset`` (not their defaults)."""
    ctx = click.get_current_context(silent=True)
    return ctx is not None and any(
        name in ctx.params and ctx.get_parameter_source(name)
        not in (None, ParameterSource.DEFAULT) for name in ("limit", "offset"))


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
    left out, stderr says how many rows the query gave. A query that can answer with
    tens of thousands of rows (a `limit` parameter) stops at the page asked for.
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
    rows = run_pack(obj, selected.id, parse_params(selected, pairs), limit=limit,
                    offset=offset)
    emit(rows, fmt)
