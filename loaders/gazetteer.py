"""The actor gazetteer (``seeds/gazetteer.yaml``): load, validate, and match.

Validation errors name the file and line. Matching runs one Aho-Corasick automaton over
the normalised text (see :mod:`qantar.graph.names`), so the cost per article does not grow with
the number of names.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from operator import add, sub
from dataclasses import dataclass
from pathlib import Path

import ahocorasick
import yaml

from ..graph import schema as schema_mod
from ..graph.records import Actor
from .errors import InputError
from .yamlparse import compose_and_load
from ..graph.names import key

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "seeds" / "gazetteer.yaml"
_FIELDS = {"id", "type", "kind", "name", "aliases", "description", "sources"}


@dataclass(frozen=True)
class Match:
    """A name found in a text: exact character span and the ids it may denote."""

    start: int
    end: int
    surface: str
    ids: tuple[str, ...]  # more than one: ambiguous


def load_entries(path: str | Path = DEFAULT_PATH) -> list[tuple[int, dict]]:
    """(line, entry) pairs of a YAML list of mappings; YAML errors name the line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 (byte {exc.start})") from None
    try:
        node, data = compose_and_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise InputError(path, f"YAML error: {getattr(exc, 'problem', None) or exc}",
                         mark.line + 1 if mark else None) from None
    if data is None:
        return []
    if not isinstance(data, list) or node is None or not hasattr(node, "value"):
        raise InputError(path, "expected a list of entries", 1)
    return [(item.start_mark.line + 1, entry) for item, entry in zip(node.value, data)]


@dataclass
class Tokens:
    """The words of a text and their keys, joined by spaces into one key text.

    ``offsets[i]`` is where word ``i``'s key starts in ``norm``; ``starts``/``ends`` its
    span in the text.
    """

    starts: list[int]
    ends: list[int]
    offsets: list[int]
    norm: str


class _WordKeys(dict):
    """word -> key, computed on first sight: words repeat, keying them is the cost."""

    def __missing__(self, word: str) -> str:
        if len(self) > 500_000:
            self.clear()
        k = self[word] = key(word)
        return k


_WORD_KEYS = _WordKeys()
_SPLIT = re.compile(r"([^\W_]+)")


def tokenize(text: str) -> Tokens:
    """The text's words, their spans and keys; C-level list work, no per-word Python."""
    parts = _SPLIT.split(text)  # separator, word, separator, word, ..., separator
    words = parts[1::2]
    ends = list(accumulate(map(len, parts)))[1::2]
    starts = list(map(sub, ends, map(len, words)))
    keys = list(map(_WORD_KEYS.__getitem__, words))
    if "" in keys:  # a word that keys to nothing (rare): drop it
        kept = [i for i, k in enumerate(keys) if k]
        keys = [keys[i] for i in kept]
        starts = [starts[i] for i in kept]
        ends = [ends[i] for i in kept]
    cum = accumulate(map(len, keys), initial=0)
    offsets = list(map(add, cum, range(len(keys))))
    return Tokens(starts, ends, offsets, " ".join(keys))


class Gazetteer:
    """Known actors and an automaton over the keys of all their names."""

    def __init__(self, actors: list[Actor]):
        self.actors = {a.id: a for a in actors}
        by_key: dict[str, set[str]] = {}
        for actor in actors:
            for name in (actor.name, *actor.aliases):
                k = key(name)
                if k:
                    by_key.setdefault(k, set()).add(actor.id)
        self.by_key = {k: tuple(sorted(v)) for k, v in by_key.items()}
        self._automaton = ahocorasick.Automaton()
        for k, ids in self.by_key.items():
            self._automaton.add_word(k, (len(k), ids))
        if self.by_key:
            self._automaton.make_automaton()

    @classmethod
    def load(cls, path: str | Path = DEFAULT_PATH) -> "Gazetteer":
        return cls(parse(path))

    def lookup(self, name: str) -> tuple[str, ...]:
        return self.by_key.get(key(name), ())

    def find(self, text: str, tokens: "Tokens | None" = None) -> list[Match]:
        """All names in ``text``, longest match wins where matches overlap.

        The text is keyed word by word (each word's key is cached), so the cost is one
        regex pass and one automaton pass; a name can only match whole words.
        ``tokens``: the text's :func:`tokenize` result, when the caller has it already.
        """
        if not self.by_key:
            return []
        tokens = tokens or tokenize(text)
        starts, ends, offsets, norm = tokens.starts, tokens.ends, tokens.offsets, tokens.norm
        found = []
        for end, (length, ids) in self._automaton.iter(norm):
            start = end - length + 1
            if start > 0 and norm[start - 1] != " ":
                continue
            if end + 1 < len(norm) and norm[end + 1] != " ":
                continue
            found.append((start - end, start, end, ids))
        # longest first, then leftmost (a plain tuple sort: no two matches share a
        # span, so ids never decide); drop overlaps
        found.sort()
        taken: set[int] = set()  # word indexes already inside a longer name
        matches = []
        for _, start, end, ids in found:
            first = bisect_right(offsets, start) - 1
            last = bisect_right(offsets, end) - 1
            words = range(first, last + 1)
            if not taken.isdisjoint(words):
                continue
            taken.update(words)
            s, e = starts[first], ends[last]
            matches.append(Match(s, e, text[s:e], ids))
        return sorted(matches, key=lambda m: m.start)


def parse(path: str | Path = DEFAULT_PATH) -> list[Actor]:
    """Validate the gazetteer; errors name the file and the entry's line."""
    schema = schema_mod.load()
    actors, seen = [], {}
    for line, entry in load_entries(path):
        if not isinstance(entry, dict):
            raise InputError(path, "entry must be a mapping (id, type, name, aliases...)", line)
        unknown = set(entry) - _FIELDS
        if unknown:
            raise InputError(path, f"unknown field(s) {', '.join(sorted(map(str, unknown)))}",
                             line)
        for field in ("id", "type", "name"):
            if not isinstance(entry.get(field), str) or not entry[field].strip():
                raise InputError(path, f"entry needs a text {field!r}", line)
        actor_id, actor_type = entry["id"], entry["type"]
        if actor_type not in schema.vocab["actor_types"]:
            raise InputError(path, f"unknown type {actor_type!r} (choose from "
                                   f"{', '.join(schema.vocab['actor_types'])})", line)
        if (not schema.actor_id.match(actor_id)
                or not actor_id.startswith(actor_type + ":")):
            raise InputError(path, f"bad id {actor_id!r}: expected {actor_type}:<slug>", line)
        if actor_id in seen:
            raise InputError(path, f"duplicate id {actor_id!r} (first at line {seen[actor_id]})",
                             line)
        seen[actor_id] = line
        kind = entry.get("kind") or ""
        if kind and kind not in schema.vocab["organization_kinds"]:
            raise InputError(path, f"unknown kind {kind!r}", line)
        aliases = entry.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise InputError(path, "aliases must be a list of names", line)
        actors.append(Actor(id=actor_id, type=actor_type, name=entry["name"].strip(),
                            aliases=tuple(dict.fromkeys(a.strip() for a in aliases if a.strip())),
                            kind=kind, description=str(entry.get("description") or ""),
                            origin="gazetteer"))
    return actors
