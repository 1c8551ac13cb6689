"""Text shown to people: one honest line, whatever bytes the data carries.

File names, titles and quotes come from outside; on a terminal or in a log their control
characters would move the cursor, ring the bell or reorder the line. Every layer that
prints data escapes it with :func:`printable`.

>>> printable("Abish\\x1b[2J fired")
'Abish\\\\x1b[2J fired'
"""

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
