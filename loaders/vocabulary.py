"""Every word and phrase of the lexicon, found in one Aho-Corasick pass over the body.

The stages ask this index instead of running big word alternations at every position
of the text (which is what made them slow): "is there a title right before this name?",
"which sentences contain a kinship term?", "where are the event triggers?". A hit
counts only at word boundaries; months, weekdays and demonyms must be capitalised.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from functools import cache
from operator import itemgetter
from typing import NamedTuple

import ahocorasick

from .clauses import SUPERIOR_LABEL, TRIGGER_LABEL, frame_lexicon
from .gazetteer import tokenize
from .template import PRONOUN_LABEL, compiler_for
from ..graph.names import key

# Lexicon sections whose words (or mapping keys) are indexed under their section name.
SECTIONS = ("title_heads", "title_modifiers", "status_former", "status_current",
            "kinship", "ally_terms", "subordinate_terms", "support_nouns", "head_verbs",
            "post_nouns",
            "person_nouns", "honorifics", "org_cues_before", "org_cues_after",
            "place_cues_before", "demonyms", "speech_verbs", "source_phrases", "hedges",
            "unnamed_speakers", "months", "weekdays", "month_parts", "relative",
            "anaphoric_day", "anaphoric_next_day", "anaphoric_year", "interim_modifiers",
            "continuation_words", "continuation_exceptions", "definite_descriptions",
            "generic_body_nouns", "pair_references", "seat_titles", "title_abbreviations")
CASED = frozenset({"months", "weekdays", "demonyms", "title_abbreviations"})
_START, _END = itemgetter(0), itemgetter(1)
_SPACES = re.compile(r"\s+")


def norm(phrase) -> str:
    """A phrase as it is looked up: lower case, single spaces ("Ex-" -> "ex-")."""
    return _SPACES.sub(" ", str(phrase).strip().lower())


def _padded(phrase: str) -> str:
    """The automaton key: the phrase's name key (:func:`qantar.graph.names.key`, as the text's
    words are keyed) with one space each side, so only whole words match."""
    return " " + key(phrase) + " "


class Hit(NamedTuple):
    start: int
    end: int
    phrase: str
    labels: frozenset


class Vocabulary:
    """An automaton over the lexicon's phrases; ``extra`` adds labelled word lists."""

    def __init__(self, lex, extra: dict[str, list[str]] | None = None):
        labels: dict[str, set[str]] = defaultdict(set)
        for section in SECTIONS:
            for w in lex[section]:
                labels[norm(w)].add(section)
        for label, words in (extra or {}).items():
            for w in words:
                labels[norm(w)].add(label)
        merged: dict[str, tuple[str, set]] = {}
        for phrase, ls in labels.items():
            key = _padded(phrase)
            if key.strip():
                first, old = merged.get(key, (phrase, set()))
                merged[key] = (first, old | ls)
        self.automaton = ahocorasick.Automaton()
        for key, (phrase, ls) in merged.items():
            ls = frozenset(ls)
            # the labels a lower-case first letter leaves (None: the same labels)
            lower = ls - CASED if ls & CASED else None
            self.automaton.add_word(key, (len(key) - 2, phrase, ls, lower))
        self.automaton.make_automaton()

    def scan(self, text: str, tokens=None) -> "Hits":
        """The hits in ``text``, found in its key text (see :func:`gazetteer.tokenize`):
        whole words only, any case, offsets mapped back to the text."""
        tokens = tokens or tokenize(text)
        offsets, starts, ends = tokens.offsets, tokens.starts, tokens.ends
        hits = []
        append, new = hits.append, tuple.__new__
        for end, (length, phrase, labels, lower) in self.automaton.iter(
                " " + tokens.norm + " "):
            # the key " w1 w2 " ends at `end` in " " + norm + " ": its words are the
            # tokens from offset end - length - 1 to end - 2 of norm
            start = starts[bisect_left(offsets, end - length - 1)]
            if lower is not None and not text[start].isupper():
                labels = lower
                if not labels:
                    continue
            append(new(Hit, (start, ends[bisect_right(offsets, end - 2) - 1], phrase, labels)))
        return Hits(text, hits)


class Hits:
    """The lexicon hits of one text, by position and by label."""

    def __init__(self, text: str, hits: list[Hit]):
        self.text = text
        # by start, the longest first: two stable sorts by C-level keys, not one by a
        # Python key building a tuple per hit (same order, ties included)
        hits = sorted(hits, key=_END, reverse=True)
        hits.sort(key=_START)
        self.hits = hits
        self.starts = list(map(_START, hits))
        # the same hits by end, those ending together in the order above (a stable
        # sort); each offset -> the index of its first hit, built in C (not a dict of
        # a list per offset: thousands of one-hit lists an article would build and free)
        self._by_end = sorted(hits, key=_END)
        self._ends = list(map(_END, self._by_end))
        self._first_start = _first_index(self.starts)
        self._first_end = _first_index(self._ends)
        self.by_label: dict[str, list[Hit]] = defaultdict(list)
        self._label_starts: dict[str, list[int]] = {}  # see in_range
        by_label = self.by_label
        for h in hits:
            _, _, _, labels = h
            for label in labels:
                by_label[label].append(h)

    def ending_at(self, pos: int, labels) -> Hit | None:
        """The longest hit with one of ``labels`` that ends exactly at ``pos``."""
        ends, by_end = self._ends, self._by_end
        best = None
        i = self._first_end.get(pos, len(ends))
        while i < len(ends) and ends[i] == pos:
            h = by_end[i]
            if h.labels & labels and (best is None or h.start < best.start):
                best = h
            i += 1
        return best

    def starting_at(self, pos: int, labels) -> Hit | None:
        starts, hits = self.starts, self.hits
        best = None
        i = self._first_start.get(pos, len(starts))
        while i < len(starts) and starts[i] == pos:
            h = hits[i]
            if h.labels & labels and (best is None or h.end > best.end):
                best = h
            i += 1
        return best

    def before(self, pos: int, labels, skip: str = " \t") -> Hit | None:
        """The hit ending right before ``pos``, skipping the characters in ``skip``."""
        while pos > 0 and self.text[pos - 1] in skip:
            pos -= 1
        return self.ending_at(pos, labels)

    def after(self, pos: int, labels, skip: str = " \t") -> Hit | None:
        n = len(self.text)
        while pos < n and self.text[pos] in skip:
            pos += 1
        return self.starting_at(pos, labels)

    def labelled(self, labels) -> list[Hit]:
        out = []
        for label in labels:
            out.extend(self.by_label.get(label, ()))
        return sorted(set(out), key=lambda h: h.start)

    def in_range(self, start: int, end: int, labels) -> list[Hit]:
        """The hits with one of ``labels`` that start in [start, end), in order."""
        if len(labels) == 1:  # a slice of the label's own hits, which are in order too
            (label,) = labels
            found = self.by_label.get(label)
            if not found:
                return []
            starts = self._label_starts.get(label)
            if starts is None:
                starts = self._label_starts[label] = list(map(_START, found))
            return found[bisect_left(starts, start):bisect_left(starts, end)]
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.hits) and self.hits[i].start < end:
            h = self.hits[i]
            if h.labels & labels:
                out.append(h)
            i += 1
        return out


def _first_index(keys: list[int]) -> dict[int, int]:
    """Each value of the sorted ``keys`` -> the index where it first stands.

    >>> _first_index([3, 3, 5])
    {5: 2, 3: 0}
    """
    return dict(zip(reversed(keys), range(len(keys) - 1, -1, -1)))


@cache
def vocabulary_for(lex) -> Vocabulary:
    """The vocabulary with the event triggers and pattern anchors of the lexicon too."""
    extra: dict[str, list[str]] = defaultdict(list)
    for etype, spec in lex["event_types"].items():
        extra[f"event:{etype}"] += list(spec.get("triggers") or [])
        extra[f"event-noun:{etype}"] += list(spec.get("nouns") or [])
        extra[f"event-anchor:{etype}"] += list(spec.get("anchors") or [])
    for pat in lex["patterns"]:
        for anchor in pat.get("anchors") or []:
            if not str(anchor).startswith("@"):
                extra[f"pattern:{pat['id']}"].append(anchor)
        for word in pat.get("starts") or []:
            if not str(word).startswith("@"):
                extra[f"pattern-start:{pat['id']}"].append(word)
    for word in lex["org_heads"]:
        if " " not in str(word):
            extra["org_heads"].append(word)
    flex = frame_lexicon(lex)  # where frame triggers, superior terms and pronouns start
    for label, words in ((TRIGGER_LABEL, flex.trigger_first),
                         (SUPERIOR_LABEL, flex.superior_first),
                         (PRONOUN_LABEL, compiler_for(lex).pronoun_first)):
        extra[label] += sorted(words or ())
    return Vocabulary(lex, extra)
