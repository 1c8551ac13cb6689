"""Name keys that make spellings meet: case, diacritics, Cyrillic, transliteration.

``key("Qasym-Zhomart Toqaev") == key("Kassym-Jomart Tokayev") == key("Касым-Жомарт
Токаев")``. The loaders key article text word by word with the same function and the
HTML page folds search queries with the same table and rules, so there is one source of
the folding. It lives in ``graph`` because loaders, queries and exports all need it.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
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
    :data:`RULES` (queries/spelling.py makes a table of it for Cypher).

    >>> prefold("Тоқаев"), prefold("Müller-Lüdenscheid")
    ('tokaev', 'muller ludenscheid')
    """
    low = text.casefold()
    if not low.isascii():
        low = low.translate(_CYRILLIC_TABLE)
        if not low.isascii():
            low = _COMBINING.sub("", unicodedata.normalize("NFKD", low))
    return _NON_ALNUM.sub(" ", low)


# For each rule, the literal strings one of which every match contains (or a search that
# finds whether it matches, cheaper than the rule's own back-reference): a rule that
# cannot match is skipped, as most names lack "q", "j", "kh" or a doubled letter.
_DOUBLED = re.compile("|".join(c + c for c in "abcdefghijklmnopqrstuvwxyz")).search
_NEEDLES = [("q",), ("j", "dzh"), ("kh",), _DOUBLED, ("ayev", "aiev", "ayew"), ("yev",),
            ("iy", "yi", "ii"), ("ye",), ("y",), ("w",)]
_STEPS = [(pattern.sub, repl, needles) for (pattern, repl), needles in zip(RULES, _NEEDLES)]


def _fold(text: str) -> str:
    """The key text without offsets: the fast path :func:`key` takes (no per-char loop)."""
    low = prefold(text)
    for sub, repl, needles in _STEPS:
        if needles.__class__ is tuple:
            for needle in needles:
                if needle in low:
                    low = sub(repl, low)
                    break
        elif needles(low):
            low = sub(repl, low)
    return low


@lru_cache(maxsize=262144)
def key(name: str) -> str:
    """The matching key of a name, the same for every spelling outlets use.

    >>> key("Nazarbaev's")
    'nazarbaev s'
    >>> key("Qasym-Zhomart Toqaev") == key("Kassym-Jomart Tokayev") == key("Касым-Жомарт Токаев")
    True
    """
    return _fold(name).strip()


@lru_cache(maxsize=262144)
def slug(name: str) -> str:
    """A readable id fragment.

    >>> slug("Karim Massimov")
    'karim-masimov'
    """
    return re.sub(r"[^a-z0-9]+", "-", key(name)).strip("-")


# --- finding an actor by any spelling -----------------------------------------------------

@dataclass(frozen=True)
class Named:
    """An actor (or event) as a name lookup sees it: its id, name, type and spellings."""

    id: str
    name: str
    type: str
    spellings: tuple[str, ...] = ()


class ActorNotFound(LookupError):
    """``wanted`` names no actor (``suggestions``: the closest names) or several
    (``found``); the message is one line."""

    def __init__(self, wanted: str, *, suggestions: list[str] = (), found: list[Named] = ()):
        self.wanted, self.suggestions, self.found = wanted, list(suggestions), list(found)
        if self.found:
            listed = ", ".join(f"{a.name} ({a.id})" for a in self.found[:5])
            message = f"{wanted!r} names several actors: {listed} — give the id"
        elif self.suggestions:
            message = f"no such actor {wanted!r} — did you mean {', '.join(self.suggestions)}?"
        else:
            message = f"no such actor {wanted!r}"
        super().__init__(message)


def find(wanted: str, candidates: list[Named]) -> Named:
    """The one candidate ``wanted`` names, else :class:`ActorNotFound`.

    Order: an exact id; the same :func:`key` as a name or alias; then the spellings whose
    words contain all the words of ``wanted`` ("Timur" -> Timur Kulibayev). Each step
    answers when it finds one candidate and refuses to guess when it finds several.

    >>> people = [Named("p:1", "Nursultan Nazarbayev", "person", ("Elbasy", "Назарбаев")),
    ...           Named("o:2", "Nazarbayev Foundation", "organization")]
    >>> find("Назарбаев", people).id, find("elbasy", people).id, find("o:2", people).name
    ('p:1', 'p:1', 'Nazarbayev Foundation')
    >>> try:
    ...     find("Nazarbaeff", people)
    ... except ActorNotFound as e:
    ...     print(e.suggestions)
    ['Nursultan Nazarbayev', 'Nazarbayev Foundation']
    """
    stripped = wanted.strip()
    by_id = [c for c in candidates if c.id == stripped]
    if by_id:
        return by_id[0]
    wanted_key = key(wanted)
    if not wanted_key:
        raise ActorNotFound(wanted)
    spellings = {c.id: [key(n) for n in (c.name, *c.spellings) if n] for c in candidates}
    words = set(wanted_key.split())
    for matches in (lambda k: k == wanted_key, lambda k: words <= set(k.split())):
        found = [c for c in candidates if any(map(matches, spellings[c.id]))]
        if len(found) == 1:
            return found[0]
        if found:
            raise ActorNotFound(wanted, found=found)
    raise ActorNotFound(wanted, suggestions=suggest(wanted_key, candidates))


def suggest(wanted_key: str, candidates: list[Named], limit: int = 3) -> list[str]:
    """Names of the candidates whose spellings come closest to ``wanted_key``.

    Whole names and aliases count before single words of them, so "Nazarbaeff" points
    to Nursultan Nazarbayev (alias "Nazarbaev") ahead of the Nazarbayev Foundation.

    >>> suggest(key("Masimoff"), [Named("p:1", "Karim Massimov", "person")])
    ['Karim Massimov']
    """
    best: dict[str, tuple[float, int, str]] = {}
    for candidate in candidates:
        for name in (candidate.name, *candidate.spellings):
            whole = key(name)
            for text, is_whole in [(whole, 1)] + [(w, 0) for w in whole.split() if len(w) > 3]:
                ratio = difflib.SequenceMatcher(None, wanted_key, text).ratio()
                score = (ratio, is_whole, candidate.name)
                if ratio >= 0.75 and score > best.get(candidate.id, (0.0, 0, "")):
                    best[candidate.id] = score
    ranked = sorted(best.values(), key=lambda s: (-s[0], -s[1], s[2]))
    return [name for _, _, name in ranked[:limit]]
