"""Shortcuts for the common questions: who, path, timeline, claims, sources.

Each is one pack query from ``queries/`` (see ``qantar query --list``) with friendlier
arguments; names are matched across spellings and scripts. Each prints one page of
rows (``--limit``, ``--offset``), as ``qantar query`` does.
"""

from __future__ import annotations

import click

from .main import cli
from .output import emit, output_options, page_options
from .query import run_pack


@cli.command()
@click.argument("name")
@output_options
@page_options
@click.pass_obj
def who(obj, name, fmt, limit, offset):
    """Profile of an actor: names, posts with dates, kin, allies, events, sources.

    NAME is any spelling the articles use, Latin or Cyrillic, or an actor id. One row
    per fact, read subject -> relation -> object (query people/profile).

    \b
    Examples:
      qantar who Nazarbaev
      qantar who Назарбаев --format json
      qantar who "Samat Abish"
      qantar --backend neo4j who KNB
    """
    rows = run_pack(obj, "people/profile", {"actor": name}, limit=limit, offset=offset)
    emit(rows, fmt, table_columns=["section", "subject", "relation", "detail", "object",
                                   "since", "until", "status", "sources"])


@cli.command()
@click.argument("first")
@click.argument("second")
@output_options
@page_options
@click.pass_obj
def path(obj, first, second, fmt, limit, offset):
    """Shortest connections between two actors, with the evidence for each hop.

    One row per hop and per statement behind it, with the quote and its outlet (query
    paths/shortest_path; six hops at most).

    \b
    Examples:
      qantar path Abish Tokayev
      qantar path Sadykulov CSTO --format json
    """
    rows = run_pack(obj, "paths/shortest_path", {"from": first, "to": second},
                    limit=limit, offset=offset)
    emit(rows, fmt, empty=f"(no connection within six hops between {first} and {second})",
         table_columns=["route", "hop", "subject", "relation", "detail", "object", "quote",
                        "outlet", "published"])


@cli.command()
@click.option("--from", "start", default="1900", show_default=True, metavar="DATE",
              help="First day: 2022, 2022-01 or 2022-01-05.")
@click.option("--to", "end", default="9999", show_default=True, metavar="DATE",
              help="Last day, same forms.")
@click.option("--conflicts", is_flag=True,
              help="Only the events the articles date differently, with who gives which date.")
@output_options
@page_options
@click.pass_obj
def timeline(obj, start, end, conflicts, fmt, limit, offset):
    """Events between two dates, by day, with places and participants.

    An event dated only to a month or a year is listed when that period overlaps the
    range, with its precision (query timeline/events_between). `dates` lists every
    date the articles give the event; two or more are a conflict, which --conflicts
    shows one row per date and article (query timeline/date_conflicts).

    \b
    Examples:
      qantar timeline --from 2022-01-01 --to 2022-01-31
      qantar timeline --from 2022-01 --to 2022-01 --format csv
      qantar timeline --conflicts
    """
    if conflicts:
        rows = run_pack(obj, "timeline/date_conflicts", limit=limit, offset=offset)
        emit(rows, fmt, empty="(no event the articles date differently)",
             table_columns=["event", "date", "outlet", "published", "quote"])
        return
    rows = run_pack(obj, "timeline/events_between", {"from": start, "to": end},
                    limit=limit, offset=offset)
    emit(rows, fmt, table_columns=["date", "precision", "dates", "type", "event", "places",
                                   "participants", "sources"])


@cli.command()
@click.option("--by", "speaker", metavar="NAME", help="Only what this speaker said.")
@output_options
@page_options
@click.pass_obj
def claims(obj, speaker, fmt, limit, offset):
    """Claims: statements put in a speaker's mouth, alleged or denied.

    Without --by, every attributed or contested statement (query claims/attributed);
    with it, everything one speaker is reported to have said (claims/by_speaker).

    \b
    Examples:
      qantar claims
      qantar claims --by Tokayev
      qantar claims --by Токаев --format jsonl
    """
    if speaker:
        rows = run_pack(obj, "claims/by_speaker", {"speaker": speaker}, limit=limit,
                        offset=offset)
    else:
        rows = run_pack(obj, "claims/attributed", limit=limit, offset=offset)
    emit(rows, fmt, table_columns=["speaker", "modality", "subject", "relation", "detail",
                                   "object", "quote", "outlet", "published"])


@cli.command()
@click.argument("name")
@click.option("--quotes", is_flag=True,
              help="Every quote behind the actor's relations, instead of the article list.")
@output_options
@page_options
@click.pass_obj
def sources(obj, name, quotes, fmt, limit, offset):
    """Articles that mention an actor, or (--quotes) every quote behind its relations.

    \b
    Examples:
      qantar sources Massimov
      qantar sources Abish --quotes
      qantar sources KNB --format csv
    """
    if quotes:
        rows = run_pack(obj, "sources/actor_evidence", {"actor": name}, limit=limit,
                        offset=offset)
        emit(rows, fmt, table_columns=["subject", "relation", "detail", "object", "modality",
                                       "speaker", "quote", "outlet", "published"])
    else:
        rows = run_pack(obj, "sources/articles_mentioning", {"actor": name}, limit=limit,
                        offset=offset)
        emit(rows, fmt)
