"""A progress bar on stderr, only when stderr is a terminal.

Piped or redirected output gets no bar (nothing changes in a log), and ``--quiet``
turns it off at a terminal too.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click


def wanted(quiet: bool) -> bool:
    """Whether to draw a bar: a terminal on stderr, and not ``--quiet``."""
    return not quiet and sys.stderr.isatty()


@contextmanager
def bar(total: int, label: str, show: bool) -> Iterator[Callable[[], None] | None]:
    """A tick callable advancing a bar of ``total`` steps with counts and an ETA, or
    None when ``show`` is false."""
    if not show:
        yield None
        return
    with click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True,
                           show_eta=True, show_percent=True) as progress:
        yield lambda: progress.update(1)
