"""Given names shipped as data (``seeds/names/given_names.tsv``): evidence that a run of
capitalised words starting with one is a person's name ("Ozoda Rahmon", "Giorgi ...").

The file is derived once from the names-dataset package by
``scripts/derive_given_names.py`` (its header says how); nothing is read at run time but
the file.

>>> "giorgi" in given_name_keys() and "security" not in given_name_keys()
True
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..graph.names import key

GIVEN_NAMES = Path(__file__).resolve().parent.parent / "seeds" / "names" / "given_names.tsv"


@cache
def given_name_keys(path: Path = GIVEN_NAMES) -> frozenset[str]:
    """Keys of the given names in ``path`` (one name a line, ``#`` comments)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(key(n) for n in lines if n.strip() and not n.startswith("#"))
