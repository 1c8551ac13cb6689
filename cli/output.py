"""Shared output options for every read command: ``--format table|json|jsonl|csv``.

One decorator (as sqlite-utils' ``output_options``) so every command prints the same
way: data on stdout, non-ASCII kept as is (Назарбаев stays Назарбаев), notes and
progress on stderr. ``table`` is for reading; ``json``/``jsonl``/``csv`` are for programs
and keep every value whole.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import sys
import unicodedata

import click

from ..graph.text import printable

FORMATS = ("table", "json", "jsonl", "csv")
TABLE_CELL = 60  # characters; longer cells are cut in tables only
PAGE = 1000  # rows a query command prints unless told otherwise


def output_options(command):
    """Add ``--format`` and pass ``fmt`` to the command."""
    @click.option("--format", "-f", "fmt", type=click.Choice(FORMATS), default="table",
                  show_default=True, envvar="QANTAR_FORMAT", show_envvar=True,
                  help="How to print the rows: a table to read, or json, jsonl, csv for "
                       "programs (full values, non-ASCII kept).")
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        return command(*args, **kwargs)
    return wrapper


def page_options(command):
    """Add ``--limit`` and ``--offset`` (passed as ``limit``, ``offset``): a query that
    answers with tens of thousands of rows prints one page of them, and says how many
    there are, unless asked for more."""
    @click.option("--limit", type=click.IntRange(min=0), default=PAGE, show_default=True,
                  help="Print at most this many rows (0: all); stderr says how many "
                       "there are when some are left out.")
    @click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True,
                  help="Skip this many rows first (the next page: --offset 1000).")
    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        return command(*args, **kwargs)
    return wrapper


def page(rows: list[dict], limit: int, offset: int = 0, *,
         total: int | None = None) -> list[dict]:
    """The rows from ``offset``, at most ``limit`` of them (0: all); when that leaves
    some out, a note on stderr with the total and how to see the rest. ``total``: how
    many rows there are when ``rows`` holds only the first of them.

    >>> len(page([{"n": i} for i in range(5)], 0))
    5
    """
    total = max(len(rows), total or 0)
    shown = rows[offset:offset + limit] if limit else rows[offset:]
    if len(shown) < total:
        first, last = offset + 1, offset + len(shown)
        where = f"rows {first:,}–{last:,}" if shown else f"no rows from {first:,}"
        hint = "--limit 0 prints them all"
        if last < total:
            hint += f", --offset {last} the next page"
        click.echo(f"({where} of {total:,}; {hint})", err=True)
    return shown


def emit(rows: list[dict], fmt: str, *, empty: str = "(no rows)",
         table_columns: list[str] | None = None) -> None:
    """Print ``rows`` to stdout in ``fmt``; a note on stderr when there are none.

    ``table_columns`` narrows what a table shows (the other formats keep every column).
    """
    # json, jsonl and csv keep every value whole for programs; a person reading them on
    # a terminal gets the escape sequences in the data escaped (ESC, BEL, ...)
    screen = for_terminal if sys.stdout.isatty() else str
    if fmt == "json":
        click.echo(screen(json.dumps(rows, ensure_ascii=False, indent=2, default=str)))
    elif fmt == "jsonl":
        for row in rows:
            click.echo(screen(json.dumps(row, ensure_ascii=False, default=str)))
    elif fmt == "csv":
        if rows:
            buffer = io.StringIO()
            writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
            writer.writeheader()
            for row in rows:
                writer.writerow({k: cell(v) for k, v in row.items()})
            click.echo(screen(buffer.getvalue()), nl=False)
    elif rows:
        if table_columns:
            rows = [{c: row.get(c) for c in table_columns} for row in rows]
        click.echo(table(rows), nl=False)
    if not rows and empty and fmt == "table":
        click.echo(printable(empty), err=True)


def for_terminal(text: str) -> str:
    r"""``text`` with control characters escaped, line breaks kept.

    >>> print(for_terminal("Tokayev\x1b]0;owned\x07\nline two"))
    Tokayev\x1b]0;owned\x07
    line two
    """
    return "\n".join(printable(line) for line in text.split("\n"))


def cell(value) -> str:
    """One value as text: lists joined with "; ", absent values empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)


def table(rows: list[dict], max_cell: int = TABLE_CELL) -> str:
    """A plain aligned table; wide characters counted by display width, control
    characters escaped (a title cannot move the cursor or ring the bell)."""
    columns = list(rows[0])
    body = [[_clip(printable(" ".join(cell(row.get(c)).split())), max_cell) for c in columns]
            for row in rows]
    widths = [max(width(c), *(width(r[i]) for r in body)) for i, c in enumerate(columns)]
    lines = ["  ".join(_pad(c, w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(_pad(v, w) for v, w in zip(r, widths)).rstrip() for r in body]
    return "\n".join(lines) + "\n"


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, size: int) -> str:
    return text + " " * (size - width(text))


def _clip(text: str, size: int) -> str:
    return text if len(text) <= size else text[:size - 1] + "…"
