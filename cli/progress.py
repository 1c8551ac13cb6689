"""A progress bar on stderr, only when stderr is a terminal.

Piped or redirected output gets no bar (nothing changes in a log), and ``--quiet``
turns it off at a terminal too. Two kinds: :func:`bar` counts items (articles, rows),
:func:`stages` counts the named stages of a computation and shows the one running.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

import click


def wanted(quiet: bool) -> bool:
    """Whether to draw a bar: a terminal on stderr, and not ``--quiet``."""
    return not quiet and sys.stderr.isatty()


def _progressbar(total: int, label: str):
    return click.progressbar(length=total, label=label, file=sys.stderr, show_pos=True,
                             show_eta=True, show_percent=True,
                             item_show_func=lambda item: item)


@contextmanager
def bar(total: int, label: str, show: bool) -> Iterator[Callable[..., None] | None]:
    """A tick callable advancing a bar of ``total`` steps (one, or the number given)
    with counts and an ETA, or None when ``show`` is false."""
    if not show:
        yield None
        return
    with _progressbar(total, label) as progress:
        yield lambda steps=1: progress.update(steps)


@contextmanager
def stages(names: Sequence[str], label: str,
           show: bool) -> Iterator[Callable[[str], None] | None]:
    """A callable announcing each stage by name as it starts (one of ``names``, in
    order), for a bar counting the stages done and naming the one running; None when
    ``show`` is false. The last stage counts as done when the block ends."""
    if not show:
        yield None
        return
    with _progressbar(len(names), label) as progress:
        started = []

        def begin(name: str) -> None:
            progress.update(1 if started else 0, name)
            progress.render_progress()  # the first stage is named too (0 steps)
            started.append(name)

        yield begin
        progress.update(1 if started else 0)


def read_graph(store, show: bool):
    """``store.to_networkx()`` with a bar counting the nodes and relationships read."""
    total = sum(store.counts().values()) if show else 0
    with bar(total, "Reading", show) as tick:
        return store.to_networkx(on_rows=tick)
