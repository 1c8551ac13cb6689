"""One article prepared for the pattern stages: sentences, dates, mentions, template.

The stages (:mod:`relations`, :mod:`events`, :mod:`attribution`) read a
:class:`Document` and return statements; nothing here writes anywhere.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import MISSING, dataclass, field, fields
from functools import cache, cached_property

from ..graph.records import Actor, Article, Statement
from . import clauses as clauses_mod
from . import mentions as mentions_mod
from . import resolve as resolve_mod
from .dates import DateFinder, DateMention
from .sentences import Sentence, SentenceIndex, split
from .gazetteer import tokenize
from ..graph.names import key
from .phrases import keys_like_ascii
from .template import OPEN, PRONOUN_LABEL, Template
from .vocabulary import vocabulary_for


_STATEMENT_DEFAULTS = {f.name: f.default for f in fields(Statement) if f.default is not MISSING}


def _new_statement(values: dict) -> Statement:
    """``Statement(**values)`` without the frozen dataclass's per-field
    ``object.__setattr__`` (a fifth of the pattern stages' time: an article gives ~90
    statements). Statement has no ``__post_init__``; the fields end up the same."""
    st = object.__new__(Statement)
    st.__dict__.update(_STATEMENT_DEFAULTS)
    st.__dict__.update(values)
    return st


@cache
def date_finder(lex) -> DateFinder:
    return DateFinder(lex)


@dataclass
class Document:
    article: Article
    lex: object
    gazetteer: object
    sentences: list[Sentence]
    index: SentenceIndex
    dates: list[DateMention]
    mentions: list[mentions_mod.Mention]
    template: Template
    antecedents: resolve_mod.Antecedents
    hits: object = None
    attribution: object = None
    clauses: object = None
    _date_starts: list[int] = field(default_factory=list)
    _spans: dict = field(default_factory=dict)
    mention_starts: list[int] = field(default_factory=list)
    _quotes: dict = field(default_factory=dict)
    _label_sentences: dict = field(default_factory=dict)
    _start_points: dict = field(default_factory=dict)

    def __post_init__(self):
        self.mention_starts = [m.start for m in self.mentions]

    @property
    def body(self) -> str:
        return self.article.body

    @cached_property
    def main_country(self) -> str:
        """The country the article is from (:func:`.resolve.main_country`)."""
        return resolve_mod.main_country(self.mentions, self.hits, self.lex, self.body)

    @cached_property
    def named_actors(self) -> frozenset[str]:
        """The ids of the actors the article names (a relation joins two of them)."""
        return frozenset(m.actor_id for m in self.mentions if m.actor_id)

    @cached_property
    def actor_types(self) -> dict[str, str]:
        """Each named actor's type, as its last mention gives it (looked up per pronoun
        a pattern resolves: built once, not once per lookup)."""
        return {m.actor_id: m.type for m in self.mentions if m.actor_id}

    @cached_property
    def actor_edges(self) -> list[int] | None:
        """Template offsets where a placeholder starts or a slot pronoun stands: the
        places a pattern led by an {AP} or {OWNER} slot can match. None when the
        text could defeat that (a placeholder character in the body itself, or a letter
        a case-insensitive pattern takes for an ASCII one)."""
        tpl = self.template
        if OPEN in self.body or not keys_like_ascii(self.body):
            return None
        out = tpl.placeholder_starts()
        out += [tpl.tpl_offset(h.start) for h in self.hits.by_label.get(PRONOUN_LABEL, ())]
        return sorted(set(out))

    def release(self) -> None:
        """Let go of everything the document holds once its statements are out: its
        readers point back at it (clauses, attribution, antecedents), a cycle only the
        cyclic garbage collector would free, walking the article's objects to find it;
        broken here, they are freed at once."""
        self.__dict__.clear()

    def actor_led_matches(self, regex, spans) -> list:
        """``regex.finditer`` over the template text's ``spans``, for a regex led by an
        {AP} or {OWNER} slot: tried only at :attr:`actor_edges`, the same matches."""
        text, edges = self.template.text, self.actor_edges
        if edges is None:
            return [m for s, e in spans for m in regex.finditer(text, s, e)]
        out = []
        for start, end in spans:
            done = start
            for pos in edges[bisect_left(edges, start):bisect_left(edges, end)]:
                if pos >= done:
                    m = regex.match(text, pos, end)
                    if m:
                        done = m.end()
                        out.append(m)
        return out

    def start_points(self, starts: frozenset, anchors: frozenset) -> list[tuple[int, int]]:
        """(template offset, end of its stretch) of each hit labelled one of ``starts`` in
        the sentences holding one of ``anchors`` (anywhere without anchors), in order: where
        a pattern with ``starts`` is tried. Patterns with the same labels share the list."""
        key = (starts, anchors)
        found = self._start_points.get(key)
        if found is not None:
            return found
        tpl = self.template
        spans = self.spans_with(anchors) if anchors else [(0, len(tpl.text))]
        body_spans = self.spans_with(anchors, template=False) if anchors else \
            [(0, len(self.body))]
        span_starts = [s for s, _ in body_spans]
        found = self._start_points[key] = []
        for hit in self.hits.labelled(starts) if spans else ():
            k = bisect_right(span_starts, hit.start) - 1
            if k >= 0 and hit.start < body_spans[k][1]:
                found.append((tpl.tpl_offset(hit.start), spans[k][1]))
        return found

    def spans_with(self, labels: frozenset, *, template: bool = True) -> list[tuple[int, int]]:
        """Stretches of consecutive sentences that hold a vocabulary hit with one of
        ``labels`` (template offsets, or body offsets): where a gated stage runs."""
        cache_key = (labels, template)
        out = self._spans.get(cache_key)
        if out is not None:
            return out
        chosen = 0  # bit i: sentence i
        for label in labels:
            chosen |= self._sentence_mask(label)
        bounds = self._template_bounds if template else self._body_bounds
        out = self._spans[cache_key] = []
        while chosen:  # one run of consecutive sentences (of set bits) at a time
            low = chosen & -chosen
            past = chosen + low  # the carry clears the run and sets the bit after it
            out.append((bounds[low.bit_length() - 1][0],
                        bounds[(past & -past).bit_length() - 2][1]))
            chosen &= past
        return out

    @cached_property
    def _body_bounds(self) -> list[tuple[int, int]]:
        """Each sentence's start and end in the body."""
        return [(s.start, s.end) for s in self.sentences]

    @cached_property
    def _template_bounds(self) -> list[tuple[int, int]]:
        """Each sentence's start and end in template offsets."""
        tpl = self.template
        return [(tpl.tpl_offset(s.start), tpl.tpl_end(s.end)) for s in self.sentences]

    def _sentence_mask(self, label: str) -> int:
        """The sentences holding a hit labelled ``label``, sentence i as bit i (the ~50
        patterns and stages share labels: each label's hits are placed once per article)."""
        found = self._label_sentences.get(label)
        if found is None:
            at = self.index.at
            found = 0
            for h in self.hits.by_label.get(label, ()):
                found |= 1 << at(h.start)
            self._label_sentences[label] = found
        return found

    def _sentences_with(self, label: str) -> set[int]:
        """Indexes of the sentences holding a hit labelled ``label``."""
        mask = self._sentence_mask(label)
        return {i for i in range(mask.bit_length()) if mask >> i & 1}

    def sentence_of(self, offset: int) -> Sentence:
        return self.sentences[self.index.at(offset)]

    def dates_in(self, sent: Sentence) -> list[DateMention]:
        if not self._date_starts and self.dates:
            self._date_starts = [d.start for d in self.dates]
        lo = bisect_left(self._date_starts, sent.start)
        hi = bisect_left(self._date_starts, sent.end)
        return self.dates[lo:hi]

    def date_for(self, start: int, end: int) -> DateMention | None:
        """The date a phrase at [start, end) carries: inside it, else the first after it
        in its sentence, else the last before it in its sentence."""
        if not self.dates:
            return None
        if not self._date_starts:
            self._date_starts = [d.start for d in self.dates]
        sent = self.sentence_of(start)
        lo = bisect_left(self._date_starts, sent.start)
        inside, after, before = None, None, None
        for d in self.dates[lo:]:
            if d.start >= sent.end:
                break
            if d.start >= start and d.end <= end:
                inside = inside or d
            elif d.start >= end:
                after = after or d
            elif d.end <= start:
                before = d
        return inside or after or before

    def _quote(self, start: int, end: int) -> str:
        """body[start:end], one string per span: the statements of a sentence share
        their quote (one object to pickle back from a worker, not one per statement)."""
        quote = self._quotes.get((start, end))
        if quote is None:
            quote = self._quotes[start, end] = self.body[start:end]
        return quote

    def statement(self, predicate: str, subject: str, obj: str, start: int, end: int, *,
                  detail: str = "", method: str = "pattern", confidence: float = 0.9,
                  date: DateMention | None = None, date_field: str = "start",
                  status: str = "", speaker: str = "", modality: str = "reported",
                  quote_sentence: bool = True) -> Statement:
        """A statement whose quote is the sentence holding [start, end) (or the span)."""
        if quote_sentence:
            first, last = self.sentence_of(start), self.sentence_of(max(start, end - 1))
            start, end = first.start, last.end
        art = self.article
        values = {
            "id": Statement.make_id(art.id, start, end, predicate, subject, obj, detail),
            "predicate": predicate, "subject_id": subject, "object_id": obj,
            "quote": self._quote(start, end), "span_start": start, "span_end": end,
            "article_id": art.id, "published": art.published, "detail": detail,
            "status": status, "speaker_id": speaker, "modality": modality, "method": method,
            "confidence": confidence}
        if date is not None:
            values[f"{date_field}_date"] = date.iso
            values[f"{date_field}_precision"] = date.precision
            values[f"{date_field}_raw"] = date.raw
        return _new_statement(values)


def build(article: Article, gazetteer, lex) -> Document:
    body = article.body
    sentences = split(body)
    index = SentenceIndex(sentences)
    tokens = tokenize(body)
    hits = vocabulary_for(lex).scan(body, tokens)
    dates = date_finder(lex).find(body, article.published, hits=hits)
    typed, untyped = mentions_mod.find(body, gazetteer, lex, hits, tokens)
    mentions = resolve_mod.resolve(body, typed, untyped, gazetteer, lex, article.published,
                                   hits, index)
    template = Template(body, mentions)
    antecedents = clauses_mod.SubjectAntecedents(lex, mentions, index, body)
    doc = Document(article, lex, gazetteer, sentences, index, dates, mentions, template,
                   antecedents, hits)
    doc.clauses = antecedents.clauses = clauses_mod.Clauses(doc)
    return doc


def mention_statements(doc: Document) -> list[Statement]:
    """One ``mentions`` statement per spelling of an actor (quote = the spelling)."""
    out = []
    for m in doc.mentions:
        if not (m.actor_id and m.emits):
            continue
        parts = [(m.actor_id, p) for p in (m, *m.absorbed)]
        parts += [(n.actor_id, n) for n in m.nested if n.actor_id]
        for actor_id, part in parts:
            out.append(doc.statement(
                "mentions", actor_id, "", part.start, part.end, detail=part.surface,
                method="gazetteer" if part.method == "gazetteer" else "pattern",
                confidence=1.0 if part.method == "gazetteer" else 0.8,
                quote_sentence=False))
    return out


def actors(doc: Document, statements: list[Statement]) -> list[Actor]:
    """The actors the statements name: gazetteer entries, or new extracted actors."""
    used = set()
    for st in statements:
        for actor_id in (st.subject_id, st.object_id, st.speaker_id):
            if actor_id and not actor_id.startswith(("event:", "article:")):
                used.add(actor_id)
    out = {}
    by_actor: dict[str, list] = {}
    for m in doc.mentions:
        if m.actor_id and m.emits:
            by_actor.setdefault(m.actor_id, []).append(m)
        for n in m.nested:
            if n.actor_id:
                by_actor.setdefault(n.actor_id, []).append(n)
    for actor_id in sorted(used):
        if actor_id in doc.gazetteer.actors:
            out[actor_id] = doc.gazetteer.actors[actor_id]
            continue
        spellings = by_actor.get(actor_id, [])
        if not spellings:
            continue
        names = [m.surface for m in spellings if m.role == "name"] or \
            [m.surface for m in spellings]
        name = max(names, key=lambda n: (len(n.split()), len(n), n))
        aliases = sorted({m.surface for m in spellings} - {name})
        out[actor_id] = Actor(id=actor_id, type=spellings[0].type, name=name,
                              aliases=tuple(aliases), kind=_kind_of(doc, spellings[0].type, name),
                              origin="extracted")
    return list(out.values())


def _kind_of(doc: Document, actor_type: str, name: str) -> str:
    """An extracted organisation's kind, from the head word of its name only, so every
    article that names it gives the same kind (context cues vary between articles)."""
    if actor_type != "organization":
        return ""
    heads = _org_head_kinds(doc.lex)
    for word in reversed(name.split()):
        kind = heads.get(key(word))
        if kind:
            return kind
    return ""


@cache
def _org_head_kinds(lex) -> dict[str, str]:
    """The keys of the lexicon's organisation head words -> the kind each names."""
    return {key(h): kind for h, kind in lex["org_heads"].items()}
