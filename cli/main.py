"""The ``qantar`` command: a thin layer over the library.

Exit codes: 0 ok, 1 error (bad input, failed query), 2 usage, 3 cannot reach Neo4j
(down, wrong address, credentials or database), 130 interrupted. Data goes to stdout;
progress, warnings and errors to stderr. Errors are one line, never a traceback.
"""

from __future__ import annotations

import dataclasses
import io
import os
import sys
from pathlib import Path

import click

from ..graph.stores import BACKENDS, StoreError, StoreUnavailable, open_store
from ..graph.text import printable
from ..loaders.errors import InputError

EXIT_ERROR, EXIT_USAGE, EXIT_UNREACHABLE, EXIT_INTERRUPTED = 1, 2, 3, 130


class Context:
    """Global options, and the store opened on first use."""

    def __init__(self, backend: str, store_path: Path):
        self.backend = backend
        self.store_path = store_path
        self._store = None

    def store(self, *, read_only: bool = False, repair: bool = False):
        if self._store is None:
            self._store = open_store(self.backend, path=self.store_path,
                                     read_only=read_only, repair=repair,
                                     settings=neo4j_settings() if self.backend == "neo4j"
                                     else None)
        return self._store

    def close(self):
        if self._store is not None:
            self._store.close()
            self._store = None


class QantarGroup(click.Group):
    """Turns library errors into one-line messages and the documented exit codes."""

    def invoke(self, ctx):
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a full disk or a closed pipe shows here, not at exit
            return result
        except StoreUnavailable as exc:
            fail(exc, EXIT_UNREACHABLE)
        except (StoreError, InputError) as exc:
            fail(exc)
        except KeyboardInterrupt:
            click.echo("Interrupted: every article is either fully written or not at all; "
                       "rerun the command to finish.", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:  # `qantar who X | head`: the reader has all it wants
            _silence_stdout()
            sys.exit(EXIT_ERROR)
        except OSError as exc:  # a full disk, a read-only file system, no permission
            if exc.filename is None:
                _silence_stdout()
            fail(os_error(exc))


def fail(message, code: int = EXIT_ERROR):
    """Print ``Error: message`` on one line, escaped and without credentials; exit."""
    click.echo(f"Error: {printable(redact(str(message)))}", err=True)
    sys.exit(code)


def os_error(exc: OSError) -> str:
    """``path: No space left on device``; the output when no file is named (stdout)."""
    where = exc.filename if exc.filename is not None else "cannot write the output"
    return f"{where}: {exc.strerror or exc}"


def redact(text: str) -> str:
    """``text`` without the Neo4j password or the secrets of ``NEO4J_URI``."""
    from ..graph.stores.neo4j import redact as redact_uri

    return redact_uri(text, os.environ.get("NEO4J_URI", ""),
                      os.environ.get("NEO4J_PASSWORD", ""))


def _silence_stdout():
    """Point stdout at /dev/null so that Python's last flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        pass  # not a real file descriptor (a test runner's capture)


def neo4j_settings():
    """Settings from the environment; the password is asked for (hidden) when it is
    missing and someone is at the terminal. Never a command-line option: those show in
    ``ps`` and in shell history."""
    from ..graph.stores.neo4j import Neo4jSettings

    settings = Neo4jSettings.from_env()
    if not settings.password and sys.stdin.isatty():
        password = click.prompt(f"Neo4j password for {settings.username}", hide_input=True,
                                err=True)
        settings = dataclasses.replace(settings, password=password)
    return settings


@click.group(cls=QantarGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--backend", type=click.Choice(BACKENDS), envvar="QANTAR_BACKEND",
              default="embedded", show_default=True, show_envvar=True,
              help="Where the graph lives. Neo4j reads NEO4J_URI, NEO4J_USERNAME, "
                   "NEO4J_PASSWORD and NEO4J_DATABASE from the environment.")
@click.option("--store", "store_path", type=click.Path(path_type=Path), envvar="QANTAR_STORE",
              default=Path("qantar.lbug"), show_default=True, show_envvar=True,
              help="The embedded database file.")
@click.version_option(package_name="qantar")
@click.pass_context
def cli(ctx, backend, store_path):
    """qantar: actors and power relations from news reporting, with provenance.

    \b
    Examples:
      qantar load seeds/
      qantar export html -o out/qantar.html
      QANTAR_BACKEND=neo4j NEO4J_URI=neo4j://localhost:7687 qantar load seeds/
    """
    state = Context(backend, store_path)
    ctx.obj = state
    ctx.call_on_close(state.close)


def _register():
    """Import every module of this package: each attaches its commands to ``cli``."""
    import importlib
    import pkgutil

    for module in sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])):
        if module not in ("main", "__main__"):
            importlib.import_module(f"{__package__}.{module}")


_register()


def main():  # pragma: no cover - console entry
    cli(prog_name="qantar")


if __name__ == "__main__":  # pragma: no cover
    main()
