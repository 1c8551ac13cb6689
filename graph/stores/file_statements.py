"""Which statements of LadybugDB's Cypher read or write files, found in the query text.

A READ ONLY transaction stops writes to the graph, not to the filesystem: ``COPY (…) TO
'x.csv'`` overwrites a file and ``LOAD FROM '/etc/shadow'`` reads one inside it. The
engine's Python API does not say what kind of statement a query is, so the text is
read here: keywords outside strings, comments and backquoted names, as the parser sees
them. ``RETURN 'COPY'`` is a string; ``a.copy`` and ``{copy: 1}`` are names.
"""

from __future__ import annotations

import re

from .base import StoreError

# Statements that touch files or the engine's extensions and settings.
FILE_KEYWORDS = ("COPY", "LOAD", "EXPORT", "IMPORT", "ATTACH", "DETACH", "INSTALL",
                 "UNINSTALL")

_TOKEN = re.compile(r"""
      (?P<skip>'(?:[^'\\]|\\.)*'? | "(?:[^"\\]|\\.)*"? | `[^`]*`?
              | //[^\n]* | /\*.*?(?:\*/|\Z))
    | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
    | (?P<other>\S)
""", re.VERBOSE | re.DOTALL)


class FileAccessRefused(StoreError):
    """A read-only query that would read or write files."""


def file_statement(query: str) -> str | None:
    """The first keyword of ``query`` that touches files, or None.

    >>> file_statement("COPY (RETURN 1) TO 'out.csv'")
    'COPY'
    >>> file_statement("MATCH (a) /* LOAD FROM */ RETURN 'COPY' AS s, a.copy, {load: 1}")
    >>> file_statement("CALL home_directory = '/tmp'")
    'CALL … ='
    """
    tokens = [(m.lastgroup, m.group()) for m in _TOKEN.finditer(query)
              if m.lastgroup != "skip"]
    for i, (kind, text) in enumerate(tokens):
        if kind != "word":
            continue
        before = tokens[i - 1][1] if i else ""
        after = tokens[i + 1][1] if i + 1 < len(tokens) else ""
        if before in (".", ":", "$") or after == ":":
            continue  # a property, a label, a parameter, a map key
        if text.upper() in FILE_KEYWORDS:
            return text.upper()
        if text.upper() == "CALL" and i + 2 < len(tokens) and tokens[i + 2][1] == "=":
            return "CALL … ="  # an engine setting (home_directory, spill_to_disk, …)
    return None


def refuse_file_statements(query: str) -> None:
    """Raise :class:`FileAccessRefused` when a read-only ``query`` would touch files."""
    keyword = file_statement(query)
    if keyword:
        raise FileAccessRefused(
            f"embedded store: {keyword} reads or writes files, extensions or settings; "
            "a read-only query may not touch them (add --write to allow it)")
