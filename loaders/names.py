"""Given names shipped as data (``seeds/names/given_names.tsv``): evidence that a run of
capitalised words starting with one is a person's name ("Ozoda Rahmon", "Giorgi ...");
common English words (``seeds/names/english_words.tsv``): evidence that a capitalised word
is a word before it is a surname ("Civil Contract", not "Douglas Mwonzora").

The files are derived once from the names-dataset and wordfreq packages by
``scripts/derive_given_names.py`` and ``scripts/derive_english_words.py`` (their headers
say how); nothing is read at run time but the files.

>>> "giorgi" in given_name_keys() and "security" not in given_name_keys()
True
>>> "contract" in english_words() and "mwonzora" not in english_words()
True
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..graph.names import key

GIVEN_NAMES = Path(__file__).resolve().parent.parent / "seeds" / "names" / "given_names.tsv"
ENGLISH_WORDS = GIVEN_NAMES.with_name("english_words.tsv")


@cache
def given_name_keys(path: Path = GIVEN_NAMES) -> frozenset[str]:
    """Keys of the given names in ``path`` (one name a line, ``#`` comments)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(key(n) for n in lines if n.strip() and not n.startswith("#"))


@cache
def english_words(path: Path = ENGLISH_WORDS) -> frozenset[str]:
    """The lower-case English words in ``path`` (one a line, ``#`` comments)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))
