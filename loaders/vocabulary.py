"""Every word and phrase of the lexicon, found in one Aho-Corasick pass over the body.

The stages ask this index instead of running big word alternations at every position
of the text (which is what made them slow): "is there a title right before this name?",
"which sentences contain a kinship term?", "where are the event triggers?". A hit
counts only at word boundaries; months, weekdays and demonyms must be capitalised.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

import ahocorasick

# Lexicon sections whose words (or mapping keys) are indexed under their section name.
SECTIONS = ("title_heads", "title_modifiers", "status_former", "status_current",
            "kinship", "ally_terms", "subordinate_terms", "support_nouns", "head_verbs",
            "person_nouns", "honorifics", "org_cues_before", "org_cues_after",
            "place_cues_before", "demonyms", "speech_verbs", "source_phrases", "hedges",
            "unnamed_speakers", "months", "weekdays", "month_parts", "relative",
            "anaphoric_day", "anaphoric_next_day", "anaphoric_year", "interim_modifiers")
CASED = frozenset({"months", "weekdays", "demonyms"})
_SPACES = re.compile(r"\s+")


def norm(phrase) -> str:
    return _SPACES.sub(" ", str(phrase).strip().lower())


@dataclass(frozen=True)
class Hit:
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
        self.automaton = ahocorasick.Automaton()
        for phrase, ls in labels.items():
            if phrase:
                self.automaton.add_word(phrase, (phrase, frozenset(ls)))
        self.automaton.make_automaton()

    def scan(self, text: str) -> "Hits":
        low = text.lower()
        if len(low) != len(text):  # a few characters lower-case to two; keep offsets
            low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        n = len(text)
        hits = []
        for end, (phrase, labels) in self.automaton.iter(low):
            start = end - len(phrase) + 1
            if start > 0 and low[start - 1].isalnum():
                continue
            if not phrase.endswith("-") and end + 1 < n and low[end + 1].isalnum():
                continue
            if labels & CASED:
                if not text[start].isupper():
                    labels = labels - CASED
                    if not labels:
                        continue
            hits.append(Hit(start, end + 1, phrase, labels))
        return Hits(text, hits)


class Hits:
    """The lexicon hits of one text, by position and by label."""

    def __init__(self, text: str, hits: list[Hit]):
        self.text = text
        self.hits = sorted(hits, key=lambda h: (h.start, -h.end))
        self.starts = [h.start for h in self.hits]
        self.by_end: dict[int, list[Hit]] = defaultdict(list)
        self.by_start: dict[int, list[Hit]] = defaultdict(list)
        self.by_label: dict[str, list[Hit]] = defaultdict(list)
        for h in self.hits:
            self.by_end[h.end].append(h)
            self.by_start[h.start].append(h)
            for label in h.labels:
                self.by_label[label].append(h)

    def ending_at(self, pos: int, labels) -> Hit | None:
        """The longest hit with one of ``labels`` that ends exactly at ``pos``."""
        best = None
        for h in self.by_end.get(pos, ()):
            if h.labels & labels and (best is None or h.start < best.start):
                best = h
        return best

    def starting_at(self, pos: int, labels) -> Hit | None:
        best = None
        for h in self.by_start.get(pos, ()):
            if h.labels & labels and (best is None or h.end > best.end):
                best = h
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
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.hits) and self.hits[i].start < end:
            h = self.hits[i]
            if h.labels & labels:
                out.append(h)
            i += 1
        return out


@cache
def vocabulary_for(lex) -> Vocabulary:
    """The vocabulary with the event triggers and pattern anchors of the lexicon too."""
    extra: dict[str, list[str]] = defaultdict(list)
    for etype, spec in lex["event_types"].items():
        extra[f"event:{etype}"] += list(spec.get("triggers") or [])
        extra[f"event-anchor:{etype}"] += list(spec.get("anchors") or [])
    for pat in lex["patterns"]:
        for anchor in pat.get("anchors") or []:
            if not str(anchor).startswith("@"):
                extra[f"pattern:{pat['id']}"].append(anchor)
    for word in lex["be_verbs"]:
        extra["be_verbs"].append(word)
    for word in lex["org_heads"]:
        if " " not in str(word):
            extra["org_heads"].append(word)
    return Vocabulary(lex, extra)
