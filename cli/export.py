"""``qantar export FORMAT -o FILE``: the graph to a file (HTML page, APOC JSON, Gephi),
or (``csv``) to a folder of neo4j-admin import files."""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import click

from ..graph.names import ActorNotFound
from ..graph.dates import bounds
from ..graph.exports import FORMATS, admin_csv, html, stages, writer
from ..graph.text import printable
from . import progress
from .main import cli, fail

STDOUT = "-"

HTML_ONLY = ("focus", "depth", "date_from", "date_to", "types", "view", "size_by",
             "colour_by", "events")


@cli.command()
@click.argument("fmt", metavar="FORMAT", type=click.Choice((*FORMATS, "csv")))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="File to write (replaced whole, through a symbolic link the file it "
                   "points at); a device or pipe is written as it is; - for stdout. "
                   "csv: the folder to write (replaced whole).")
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
@click.option("--quiet", "-q", is_flag=True, help="No progress on stderr.")
@click.pass_obj
def export(obj, fmt, output, quiet, **options):
    """Export the graph: html (interactive page), jsonl (APOC JSON), graphml, gexf, or
    csv: a folder of files for `neo4j-admin database import full` (one per label and
    relationship type, in its header format) with their options in import.args.

    The HTML page is one file that works offline: search any spelling, filter by type
    and date, click a node for its posts and kin, an edge for its quotes. At a
    terminal, progress bars show the reading and the writing on stderr.

    \b
    Examples:
      qantar export html -o out/qantar.html
      qantar export html -o out/abish.html --view ego --focus "Samat Abish" --depth 2
      qantar export html -o out/jan.html --view timeline --from 2022-01-01 --to 2022-01-31
      qantar export html -o out/family.html --view family
      qantar export graphml -o out/graph.graphml
      qantar --backend neo4j export jsonl -o out/graph.jsonl
      qantar export csv -o out/import   # then, in out/import:
        # neo4j-admin database import full --overwrite-destination neo4j @import.args
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
    if fmt == "csv":
        if str(output) == STDOUT:
            raise click.UsageError("csv writes a folder of files: give -o FOLDER")
        store = obj.store(read_only=True)
        try:
            count = write_folder(output, lambda folder: admin_csv.write(store, folder))
        except OSError as exc:
            fail(f"{output}: {exc.strerror or exc}")
        click.echo(f"Wrote {printable(output)} ({count} items; neo4j-admin database import "
                   f"full --overwrite-destination neo4j @{admin_csv.ARGS_FILE}, run in it).",
                   err=True)
        return
    show = progress.wanted(quiet)
    store = obj.store(read_only=True)
    if fmt == "html":
        # the page shows the summaries (contested flags, counts) as a report does; the
        # data formats copy the store as it is
        store.require_current()
    graph = progress.read_graph(store, show)
    try:
        with progress.stages(stages(fmt), f"Writing {fmt}", show) as on_stage:
            count = write_output(str(output), lambda path: writer(fmt)(
                graph, path, on_stage=on_stage, **(options if fmt == "html" else {})))
    except (ActorNotFound, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        fail(f"{'stdout' if str(output) == STDOUT else output}: {exc.strerror or exc}")
    click.echo(f"Wrote {printable(output)} ({count} items).", err=True)


def write_output(target: str, produce: Callable[[Path], int]) -> int:
    """Run ``produce(path)`` so that ``target`` gets the file whole or not at all.

    A regular file (or a new path) is written next to itself and renamed into place, so
    a failed export leaves the old file as it was; through a symbolic link, the file it
    points at is replaced and the link kept. A character device or a pipe
    (``/dev/null``, ``/dev/stdout``, a FIFO) is written to as it is, never replaced by
    a file; ``-`` is stdout. Returns what ``produce`` returns.
    """
    if target == STDOUT:
        return _to_stdout(produce)
    try:
        info = os.stat(target)  # what the path (or its links) leads to
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory")
    if info is not None and not stat.S_ISREG(info.st_mode):
        if not (stat.S_ISCHR(info.st_mode) or stat.S_ISFIFO(info.st_mode)):
            raise OSError(errno.EINVAL, "not a file, a character device or a pipe")
        return produce(Path(target))
    if _through_proc(target):  # /dev/stdout while stdout is a file: write to it
        return produce(Path(target))
    real = Path(os.path.realpath(target))
    real.parent.mkdir(parents=True, exist_ok=True)
    return _replace(real, produce, mode=None if info is None else stat.S_IMODE(info.st_mode))


def write_folder(target: Path, produce: Callable[[Path], int]) -> int:
    """Run ``produce(folder)`` on a new folder beside ``target``, then put it in
    ``target``'s place: a failed export leaves the old folder as it was."""
    if target.exists() and not target.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder")
    real = Path(os.path.realpath(target))
    real.parent.mkdir(parents=True, exist_ok=True)
    tmp, old = real.with_name(_temp_name(real.name)), real.with_name(_temp_name(real.name + ".old"))
    try:
        count = produce(tmp)
        if real.exists():
            os.replace(real, old)
        os.replace(tmp, real)
    finally:
        for leftover in (tmp, old):
            if leftover.exists():
                shutil.rmtree(leftover)
    return count


def _replace(real: Path, produce: Callable[[Path], int], mode: int | None) -> int:
    _remove_stale_temps(real.parent, real.name)
    tmp = real.with_name(_temp_name(real.name))
    try:
        count = produce(tmp)
        if mode is not None:
            os.chmod(tmp, mode)  # the file keeps its permissions
        os.replace(tmp, real)
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)
    return count


def _to_stdout(produce: Callable[[Path], int]) -> int:
    """Build the export in a temporary file, then copy it to stdout: a failed export
    writes nothing, and stdout can be anything (a test runner's capture too)."""
    folder = Path(tempfile.gettempdir())
    _remove_stale_temps(folder, "qantar-export")
    tmp = folder / _temp_name("qantar-export")
    try:
        count = produce(tmp)
        with open(tmp, "rb") as built:
            sys.stdout.flush()
            shutil.copyfileobj(built, sys.stdout.buffer)
            sys.stdout.buffer.flush()
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)
    return count


def _temp_name(name: str) -> str:
    return f".{name}.{os.getpid()}.tmp"


def _remove_stale_temps(folder: Path, name: str) -> None:
    """Remove the temporary files of exports to ``name`` that were killed (their
    process is gone): a kill -9 cannot clean up after itself, the next export does."""
    for tmp in folder.glob(glob.escape(f".{name}.") + "*.tmp"):
        pid = tmp.name[len(name) + 2:-len(".tmp")]
        if pid.isdigit() and not _running(int(pid)):
            with contextlib.suppress(OSError):
                tmp.unlink()


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def _through_proc(target: str) -> bool:
    """True when ``target`` (``/dev/stdout``, ``/dev/fd/1``) reaches an open file
    through /proc: that file is written, never replaced behind the shell's back."""
    path = os.path.abspath(target)
    for _ in range(40):  # the kernel's own limit on links in a row
        path = os.path.join(os.path.realpath(os.path.dirname(path)), os.path.basename(path))
        if path.startswith("/proc/"):
            return True
        if not os.path.islink(path):
            return False
        path = os.path.join(os.path.dirname(path), os.readlink(path))
    return False
