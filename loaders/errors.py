"""Errors the loaders raise: one line that names the file (and line) at fault."""

from __future__ import annotations

from ..graph.text import printable


class InputError(ValueError):
    """Bad input: ``str(err)`` is ``path:line: message`` (line omitted when unknown)."""

    def __init__(self, path, message: str, line: int | None = None):
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{printable(self.path)}:{line}" if line else printable(self.path)
        super().__init__(f"{where}: {printable(message)}")
