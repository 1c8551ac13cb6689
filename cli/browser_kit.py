"""``qantar browser-kit``: the Neo4j Browser kit, generated from queries/; ``serve`` it."""

from __future__ import annotations

from pathlib import Path

import click

from ..graph.text import printable
from ..queries import browser_kit as kit
from ..queries import kit_server
from .main import cli

DEFAULT_DIR = Path("out/browser-kit")


@cli.group("browser-kit", invoke_without_command=True)
@click.option("-o", "--output-dir", type=click.Path(file_okay=False, path_type=Path),
              default=DEFAULT_DIR, show_default=True, help="Where the kit is written.")
@click.option("--browser-url", default=kit.DEFAULT_BROWSER_URL, show_default=True,
              envvar="QANTAR_BROWSER_URL", show_envvar=True,
              help="The Neo4j Browser the one-click links open.")
@click.option("--kit-url", default=kit.kit_url_for(kit.DEFAULT_PORT), show_default=True,
              help="Where the kit will be served (the guide links the style from there).")
@click.pass_context
def browser_kit(ctx, output_dir, browser_url, kit_url):
    """Generate the Neo4j Browser kit from the query packs and the schema.

    Writes a favorites zip (drop it on the Browser: pack folders become favorites
    folders), a guide of Markdown slides with runnable Cypher (:guide), a .grass style,
    a :params snippet and one-click links (urls.md, index.html).

    \b
    Examples:
      qantar browser-kit                      # writes out/browser-kit/
      qantar browser-kit serve --port 8001    # then, in the Browser:
                                              # :guide http://localhost:8001/qantar.md
      qantar browser-kit --browser-url http://localhost:7474/browser/ -o kit/
    """
    ctx.ensure_object(dict)
    ctx.meta["kit"] = {"output_dir": output_dir, "browser_url": browser_url,
                       "kit_url": kit_url}
    if ctx.invoked_subcommand is None:
        try:
            paths = kit.build(output_dir, kit_url=kit_url, browser_url=browser_url)
        except ValueError as exc:
            raise click.UsageError(str(exc)) from None
        for written in paths:
            click.echo(printable(written))
        click.echo(f"Serve it with `qantar browser-kit serve`, then in the Browser: "
                   f":guide {kit_url.rstrip('/')}/qantar.md", err=True)


@browser_kit.command()
@click.option("--port", type=click.IntRange(0, 65535), default=kit.DEFAULT_PORT,
              show_default=True, help="Port on localhost (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (keep it local).")
@click.pass_context
def serve(ctx, port, host):
    """Build the kit and serve it on localhost, with a CORS header for the Browser.

    Serves only the kit's own files (no directory listing, no other paths). The Browser
    allows guides from localhost by default; open the guide with
    :guide http://localhost:PORT/qantar.md, or follow the links on the index page.

    \b
    Examples:
      qantar browser-kit serve
      qantar browser-kit serve --port 0       # any free port
    """
    options = ctx.meta["kit"]
    try:
        server = kit_server.make_server(options["output_dir"], host, port)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror}") from None
    actual = server.server_address[1]
    kit_url = kit.kit_url_for(actual)
    try:
        kit.build(options["output_dir"], kit_url=kit_url, browser_url=options["browser_url"])
    except ValueError as exc:
        server.server_close()
        raise click.UsageError(str(exc)) from None
    guide = kit.browser_link(options["browser_url"], "guide", f"{kit_url}/qantar.md")
    click.echo(f"Serving the qantar Browser kit at {kit_url}/ (Ctrl-C to stop)\n"
               f"  in the Browser: :guide {kit_url}/qantar.md\n"
               f"  or open: {guide}", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
