"""Name keys that make spellings meet: case, diacritics, Cyrillic, transliteration.

``key("Qasym-Zhomart Toqaev") == key("Kassym-Jomart Tokayev") == key("Касым-Жомарт
Токаев")``. :func:`normalize_with_map` also returns, for every character of the key, the
offset of the original character it came from, so a match found in key space maps back
to an exact span of the article.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Cyrillic (Russian + Kazakh letters) -> Latin, as English-language outlets write it.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "і": "i",
}

# Applied in order, to the text and to the names alike; each folds spellings that
# outlets use interchangeably. Lossy on purpose: a key is for matching, not display.
_RULES = [
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


def _fold_char(ch: str) -> str:
    low = ch.casefold()
    if low in _CYRILLIC:
        return _CYRILLIC[low]
    if low.isalnum():
        decomposed = unicodedata.normalize("NFKD", low)
        return "".join(c for c in decomposed if not unicodedata.combining(c)) or low
    return " "


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """(key text, offsets): ``offsets[i]`` is the index in ``text`` of key char ``i``.

    Runs of non-alphanumerics become one space; apostrophes vanish ("Nazarbayev's"
    keys as "nazarbaev s" so the name still ends at a word boundary).
    """
    chars: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        if folded == " ":
            if chars and chars[-1] != " ":
                chars.append(" ")
                offsets.append(i)
            continue
        for c in folded:
            chars.append(c)
            offsets.append(i)
    key = "".join(chars)
    for pattern, repl in _RULES:
        key, offsets = _sub_with_map(pattern, repl, key, offsets)
    return key, offsets


def _sub_with_map(pattern: re.Pattern, repl: str, text: str, offsets: list[int]):
    out: list[str] = []
    out_offsets: list[int] = []
    pos = 0
    for m in pattern.finditer(text):
        out.append(text[pos:m.start()])
        out_offsets.extend(offsets[pos:m.start()])
        replacement = m.expand(repl)
        out.append(replacement)
        # each new char points into the matched original range, first to last
        src = offsets[m.start():m.end()] or [offsets[m.start() - 1] if m.start() else 0]
        out_offsets.extend(src[min(k, len(src) - 1)] for k in range(len(replacement)))
        if replacement and len(src) > len(replacement):
            out_offsets[-1] = src[-1]
        pos = m.end()
    out.append(text[pos:])
    out_offsets.extend(offsets[pos:])
    return "".join(out), out_offsets


_CYRILLIC_TABLE = str.maketrans(_CYRILLIC)
_NON_ALNUM = re.compile(r"[\W_]+")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def _fold(text: str) -> str:
    """The key text without offsets: the fast path :func:`key` takes (no per-char loop)."""
    low = text.casefold()
    if not low.isascii():
        low = low.translate(_CYRILLIC_TABLE)
        if not low.isascii():
            low = _COMBINING.sub("", unicodedata.normalize("NFKD", low))
    low = _NON_ALNUM.sub(" ", low)
    for pattern, repl in _RULES:
        low = pattern.sub(repl, low)
    return low


@lru_cache(maxsize=262144)
def key(name: str) -> str:
    """The matching key of a name: ``key("Nazarbaev's") == "nazarbaev s"``."""
    return _fold(name).strip()


def slug(name: str) -> str:
    """A readable id fragment: ``slug("Karim Massimov") == "karim-masimov"``."""
    return re.sub(r"[^a-z0-9]+", "-", key(name)).strip("-")
