"""``qantar neo4j start|stop|status``: a local Neo4j 5.26 without Docker (Java + Maven)."""

from __future__ import annotations

import click

from .main import cli


def _launcher(*args: str):
    from .. import neo4j_local

    raise SystemExit(neo4j_local.main([*args]))


@cli.group()
def neo4j():
    """Run a local Neo4j Community 5.26 from Maven Central (no Docker needed).

    The first start builds the launcher with Maven in ~/.cache/qantar/neo4j-local/; the
    server's pid, log, generated password and default data are in
    ~/.local/state/qantar/neo4j/ (QANTAR_NEO4J_RUN_DIR).

    \b
    Examples:
      NEO4J_PASSWORD=secret-pass qantar neo4j start
      qantar neo4j status
      qantar neo4j stop
    """


@neo4j.command()
@click.option("--bolt-port", type=int, default=7687, show_default=True,
              help="0 = any free port.")
@click.option("--http-port", type=int, default=7474, show_default=True,
              help="The Neo4j Browser's port; 0 = any free port.")
@click.option("--data-dir", type=click.Path(), default=None,
              help="The database folder, kept across restarts "
                   "[default: ~/.local/state/qantar/neo4j/data].")
@click.option("--timeout", type=float, default=180, show_default=True,
              help="Seconds to wait for the server to answer.")
@click.option("--heap", default=None, help="JVM heap, e.g. 2g [default: 1g].")
@click.option("--pagecache", type=int, default=None, help="Page cache in MB [default: 64].")
def start(bolt_port, http_port, data_dir, timeout, heap, pagecache):
    """Start the server in the background; the password comes from NEO4J_PASSWORD, or is
    generated and kept in the state folder.

    \b
    Examples:
      NEO4J_PASSWORD=secret-pass qantar neo4j start
      qantar neo4j start --bolt-port 0 --http-port 0 --heap 2g --pagecache 2048
    """
    args = ["--bolt-port", str(bolt_port), "--http-port", str(http_port),
            "--timeout", str(timeout)]
    for flag, value in (("--data-dir", data_dir), ("--heap", heap), ("--pagecache", pagecache)):
        if value is not None:
            args += [flag, str(value)]
    _launcher("start", *args)


@neo4j.command()
@click.option("--timeout", type=float, default=60, show_default=True,
              help="Seconds to wait for a clean shutdown before killing the server.")
def stop(timeout):
    """Stop the server started with `qantar neo4j start`.

    \b
    Examples:
      qantar neo4j stop
    """
    _launcher("stop", "--timeout", str(timeout))


@neo4j.command()
def status():
    """Say whether the local server runs, and where (exit 3 when it does not).

    \b
    Examples:
      qantar neo4j status
    """
    _launcher("status")
