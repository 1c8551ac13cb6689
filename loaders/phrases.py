"""Word lists as regular expressions that stay fast however long the list grows."""

from __future__ import annotations

from functools import cache, lru_cache

import re


def alternation(words) -> str:
    """A regex matching any of ``words`` (spaces match any white space), built as a
    prefix tree: a failed attempt costs one comparison per first letter, not per word."""
    trie: dict = {}
    for w in {re.sub(r"\s+", " ", str(w)) for w in words}:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + build(child)
                for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return "(?:" + build(trie) + ")"


_FIRST_WORD = re.compile(r"[^\W_]+")
# The letters outside ASCII that a case-insensitive pattern takes for an ASCII one
# ("ſ" for "s", the Kelvin sign for "k", the Turkish i's): a text holding one is searched
# in full, since its words need not key like the phrase's.
_ASCII_CASE_TWINS = "\u0130\u0131\u017f\u212a"


def keys_like_ascii(text: str) -> bool:
    """Does every word of ``text`` a case-insensitive pattern can take for an ASCII word
    look it up in the vocabulary under the same key (no letter of ``_ASCII_CASE_TWINS``)?"""
    return not any(c in text for c in _ASCII_CASE_TWINS)


def first_words(phrases) -> frozenset[str] | None:
    """The first word of each phrase, lower case: a match of ``\\b`` + ``alternation(phrases)``
    (case-insensitive) starts at one of them. None when that does not hold (a phrase not
    starting with a letter or digit, or with letters outside ASCII).

    >>> sorted(first_words(["direct supervisor", "Boss", "ex-wife"]))
    ['boss', 'direct', 'ex']
    >>> first_words(["-year-old"]) is None
    True
    """
    out = set()
    for p in phrases:
        m = _FIRST_WORD.match(str(p))
        if m is None or not m.group().isascii():
            return None
        out.add(m.group().lower())
    return frozenset(out)


def search_at(regex: re.Pattern, text: str, starts) -> list[re.Match]:
    """``list(regex.finditer(text))`` for a case-insensitive ``\\b`` + ``alternation(phrases)``,
    tried only at ``starts``: the ascending offsets of the words of ``text`` that are one of
    the phrases' :func:`first_words` (any case). Same matches, without trying the pattern
    at every position of the text.

    >>> rx = re.compile(r"\\b" + alternation(["boss", "direct supervisor"]) + r"\\b", re.I)
    >>> text = "His Direct  Supervisor, the bossy boss."
    >>> [m.group() for m in search_at(rx, text, [4, 28, 34])]
    ['Direct  Supervisor', 'boss']
    >>> [m.group() for m in search_at(rx, text, [4, 28, 34])] == rx.findall(text)
    True
    """
    if not keys_like_ascii(text):
        return list(regex.finditer(text))
    out, done = [], 0
    match = regex.match
    for at in starts:
        if at >= done:
            m = match(text, at)
            if m:
                out.append(m)
                done = m.end()
    return out


@cache
def relational_nouns(lex) -> str:
    """The alternation of the lexicon's kin, ally and subordinate nouns: the nouns a
    name can own ("Nazarbayev's nephew") or modify ("a Nazarbayev ally")."""
    return alternation([*lex["kinship"], *lex["ally_terms"], *lex["subordinate_terms"]])


def may_hold(body: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """Whether ``body[start:end]`` may hold one of the lower-case ``words`` in any case:
    the cheap test before a case-blind search, which tries every position of its window.
    (A case-blind regex also reads "ſ" as s and "ı" as i, which lower() keeps apart, and
    "İ" lowers to i plus a dot: text holding one of them may hold anything.)

    >>> may_hold("Detained Along with X", 0, 21, ("along",)), may_hold("X", 0, 1, ("of",))
    (True, False)
    """
    part = body[start:end].lower()
    for w in words:  # a loop, not any(): this runs for most triggers and names
        if w in part:
            return True
    # a slice of a body without those letters holds none: one test per body, not three
    # scans of every window (most windows hold none of the words)
    return _odd_letters(body) and _odd_lowered(part)


def lowered_may_hold(part: str, words: tuple[str, ...]) -> bool:
    """:func:`may_hold` of text already lowered (one ``lower()`` for many word lists).

    >>> lowered_may_hold("was not named", ("never", "not")), lowered_may_hold("x", ("of",))
    (True, False)
    """
    for w in words:
        if w in part:
            return True
    return _odd_lowered(part)


def _odd_lowered(part: str) -> bool:
    """Does lowered text hold a letter a case-blind regex reads as another ("ſ" as s,
    "ı" as i) or the dot "İ" lowers to?"""
    return "ſ" in part or "ı" in part or "\u0307" in part


@lru_cache(maxsize=8)  # the article being read
def _odd_letters(text: str) -> bool:
    """Does ``text`` hold a letter whose lower case :func:`_odd_lowered` finds (no other
    letter's lower case holds "ſ", "ı" or a combining dot)?

    >>> _odd_letters("İstanbul"), _odd_letters("Istanbul")
    (True, False)
    """
    return "ſ" in text or "ı" in text or "İ" in text or "\u0307" in text


def key_words(phrases) -> tuple[str, ...]:
    """One word of each phrase, lower case: a word a shorter phrase gave already, else
    its longest (the last of equal length); none that holds another. Text that holds
    none of them holds none of the phrases (:func:`may_hold`).

    >>> key_words(["is expected to", "plans to", "plan", "May", "may have", "is set to"])
    ('expected', 'may', 'plan', 'set')
    """
    keys: set[str] = set()
    for words in sorted((str(p).lower().split() for p in phrases), key=len):
        if not any(k in w for w in words for k in keys):
            keys.add(max(reversed(words), key=len))
    return tuple(sorted(w for w in keys if not any(o != w and o in w for o in keys)))


# The source of a report tagged on after a comma ("..., his lawyer X told reporters",
# "..., his office said"): the words between the comma and the name, and the speech verb
# after it. Such a name is neither what the sentence is about nor an act's object.
SOURCE_BEFORE = re.compile(r",\s*(?:(?:his|her|their|the|a|an)\s+)?(?:[\w-]+\s+){0,3}$")
SAYS_AFTER = re.compile(r"\s+(?:said|says|told|tells|added|wrote|stated)\b")
