"""``qantar neo4j start|stop|status``: a local Neo4j 5.26 without Docker (Java + Maven)."""

from __future__ import annotations

import click

from .main import cli


@cli.group()
def neo4j():
    """Run a local Neo4j Community 5.26 from Maven Central (no Docker needed).

    \b
    Examples:
      NEO4J_PASSWORD=secret-pass qantar neo4j start
      qantar neo4j status
      qantar neo4j stop
    """


@neo4j.command(context_settings={"ignore_unknown_options": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def start(args):
    """Start the server in the background (see --help of the launcher)."""
    from .. import neo4j_local
    raise SystemExit(neo4j_local.main(["start", *args]))


@neo4j.command()
def stop():
    """Stop the server started with `qantar neo4j start`."""
    from .. import neo4j_local
    raise SystemExit(neo4j_local.main(["stop"]))


@neo4j.command()
def status():
    """Say whether the local server runs, and where."""
    from .. import neo4j_local
    raise SystemExit(neo4j_local.main(["status"]))
