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
    return "".join(c if c.isprintable() else _escape(c) for c in text)


def _escape(char: str) -> str:
    if "\udc80" <= char <= "\udcff":  # a byte of a file name that is not UTF-8
        return f"\\x{ord(char) - 0xdc00:02x}"
    return char.encode("unicode_escape").decode("ascii")


class InputError(ValueError):
    """Bad input: ``str(err)`` is ``path:line: message`` (line omitted when unknown)."""

    def __init__(self, path, message: str, line: int | None = None):
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{printable(self.path)}:{line}" if line else printable(self.path)
        super().__init__(f"{where}: {printable(message)}")
