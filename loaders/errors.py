"""Errors the loaders raise: one line that names the file (and line) at fault."""

from __future__ import annotations


def printable(text: object) -> str:
    """``text`` with control and format characters escaped (``\\n``, ``\\x1b``, ``\\u202e``).

    A file name or a YAML problem may carry newlines, terminal escape sequences or
    bidirectional overrides; escaped, the message stays one honest line on a terminal.
    """
    text = str(text)
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                   for c in text)


class InputError(ValueError):
    """Bad input: ``str(err)`` is ``path:line: message`` (line omitted when unknown)."""

    def __init__(self, path, message: str, line: int | None = None):
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{printable(self.path)}:{line}" if line else printable(self.path)
        super().__init__(f"{where}: {printable(message)}")
