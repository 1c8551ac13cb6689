"""Name keys that make spellings meet: case, diacritics, Cyrillic, transliteration.

``key("Qasym-Zhomart Toqaev") == key("Kassym-Jomart Tokayev") == key("Касым-Жомарт
Токаев")``. The loaders key article text word by word with the same function and the
HTML page folds search queries with the same table and rules, so there is one source of
the folding. It lives in ``graph`` because loaders, queries and exports all need it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Cyrillic (Russian + Kazakh letters) -> Latin, as English-language outlets write it.
CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "і": "i",
}

# Applied in order, to the text and to the names alike; each folds spellings that
# outlets use interchangeably. Lossy on purpose: a key is for matching, not display.
RULES = [
    (re.compile(r"q"), "k"),            # Toqaev / Tokayev, Qasym / Kasym
    (re.compile(r"dzh|dj|j"), "zh"),    # Jomart / Zhomart
    (re.compile(r"kh"), "h"),           # Kh / H
    (re.compile(r"([a-z])\1"), r"\1"),  # Massimov / Masimov, Kassym / Kasym
    (re.compile(r"ayev|aiev|ayew"), "aev"),  # Nazarbayev / Nazarbaev
    (re.compile(r"yev\b"), "ev"),
    (re.compile(r"iy\b|yi\b|ii\b"), "i"),    # Yuriy / Yurii
    (re.compile(r"ye"), "e"),           # Yerlan / Erlan
    (re.compile(r"y"), "i"),            # Sadykulov / Sadikulov; Kairat / Kayrat
    (re.compile(r"w"), "v"),
]


_CYRILLIC_TABLE = str.maketrans(CYRILLIC)
_NON_ALNUM = re.compile(r"[\W_]+")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def prefold(text: str) -> str:
    """Case, Cyrillic and diacritics folded, non-alphanumerics spaced: the key before
    :data:`RULES` (queries/spelling.py makes a table of it for Cypher)."""
    low = text.casefold()
    if not low.isascii():
        low = low.translate(_CYRILLIC_TABLE)
        if not low.isascii():
            low = _COMBINING.sub("", unicodedata.normalize("NFKD", low))
    return _NON_ALNUM.sub(" ", low)


def _fold(text: str) -> str:
    """The key text without offsets: the fast path :func:`key` takes (no per-char loop)."""
    low = prefold(text)
    for pattern, repl in RULES:
        low = pattern.sub(repl, low)
    return low


@lru_cache(maxsize=262144)
def key(name: str) -> str:
    """The matching key of a name: ``key("Nazarbaev's") == "nazarbaev s"``."""
    return _fold(name).strip()


def slug(name: str) -> str:
    """A readable id fragment: ``slug("Karim Massimov") == "karim-masimov"``."""
    return re.sub(r"[^a-z0-9]+", "-", key(name)).strip("-")
