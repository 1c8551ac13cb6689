"""A shallow reading of each sentence, and the frames of ``seeds/lexicon/frames.yaml``.

No parser model: the sentence's placeholder text (:mod:`template`, actors already
found) becomes tokens with a coarse class from closed word lists (determiner,
preposition, be/have, auxiliary, adverb, coordinator, relative, subordinator, pronoun,
title word, capitalised word). On those tokens a few constructions are read once, for
every frame:

- actor lists: "A, B and C", "A as well as Security Council Secretary D" (a title and
  the body before a name are modifiers: the head is the name);
- apposition chains: "three of X's deputies – A, B and C –" (the names are the object);
- subjects: the nearest actor phrase before a verb group that is not inside an
  apposition or relative clause (", the nephew of X,", ", who headed the KNB,"), not
  after a preposition and not a possessive; or the antecedent of "who";
- verb groups: voice (be + participle, ", appointed by X,"), negation and modality
  (not, could, will, "prohibit the investigation of", "denied");
- pronouns: "he" is the nearest person *subject* of its sentence or of the sentences
  before, not the last name written.

>>> from qantar.loaders.pipeline import default_lexicon
>>> lexicon = frame_lexicon(default_lexicon())
>>> lexicon.forms["sacked"][:2]
('dismiss', 'verb')
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import islice

from . import resolve as resolve_mod
from .kinship import compound_kin, earlier_owner, family_key, family_owner, modified
from .phrases import alternation as _words_re
from .phrases import first_words, key_words, lowered_may_hold, search_at
from .template import CLOSE, OPEN

_TOKEN = re.compile(
    rf"{OPEN}[POL](\d+){CLOSE}(['’]s\b|['’](?=\s))?"  # an actor, maybe possessive
    r"|[A-Za-z\u00c0-\u024f0-9][\w'’-]*\w|\w|[—–]|--|\S")  # a word, a dash, a sign
_WORDS_KEPT = 200_000  # distinct token texts remembered (news vocabulary fits)
_DASHES = frozenset({"—", "–", "--", "-"})
_PLURAL_HEAD = re.compile(r"(?:men|ies|[^s]s)$")  # "leaders", "chairmen", "secretaries"
_ROLE_SEPARATORS = frozenset({";", ":", "(", ")", "“", "”", "\"", "«", "»"})
_CLOSING_QUOTES = frozenset({"”", "\"", "»", "’", "'"})
_NONFACT = ("negated", "prohibited", "hypothetical")
_DESCRIBED_OWNER = re.compile(r"\b[Tt]he\s+[\w -]{2,40}?(?:['’]s\b|\s+of\s+the\b)")
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]is|[Hh]er|[Tt]hey|[Tt]hem|[Tt]heir"
                      r"|[Aa]nother)\b")  # "Another brother, B": an owner named before
_SPACES = re.compile(r"\s+")
# vocabulary labels of the first words of the frame triggers and superior terms
TRIGGER_LABEL, SUPERIOR_LABEL = "frame-trigger-first", "superior-first"


def _search(regex: re.Pattern, first: frozenset | None, label: str, doc) -> list[re.Match]:
    """``regex.finditer(doc.body)``, tried only where the vocabulary found one of the
    words its phrases start with (``first``; None: everywhere)."""
    if first is None:
        return list(regex.finditer(doc.body))
    return search_at(regex, doc.body, [h.start for h in doc.hits.by_label.get(label, ())])


# vocabulary labels (loaders/vocabulary.py) of the words a relational noun phrase holds
_RELATIONAL_LABELS = ("kinship", "subordinate_terms", "ally_terms", "title_heads")


@dataclass(frozen=True)
class Frame:
    name: str
    predicate: str
    event: str
    possessor: str
    agent_types: frozenset
    patient_types: frozenset
    object_required: bool
    detail: str
    reciprocal: bool  # "A and B married": the act joins the members of its subject
    roles: tuple = (("agent", "agent"), ("patient", "target"))  # frame role -> event role
    of_role: str = "patient"    # whom "the <noun> of X" names
    receivers: tuple = ()       # "he carried out the orders of X": he is the patient
    post: str = ""              # gains | loses | replaces: the post named after the act
    requires: re.Pattern | None = None  # words that must follow the trigger ("wanted list")
    accuser_speaks: bool = False  # "A said that B extorted him": A accuses B
    by_court: str = ""  # the predicate when a court is the agent ("placed X in custody")
    relation_agents: frozenset | None = None  # agent types the relation admits, if fewer
    # "expelled from ZANU-PF": words before a body that stand for `requires`; that body
    # is the agent of a passive that names none
    body_after: frozenset = frozenset()


class FrameLexicon:
    """The frames and closed word classes of the lexicon, indexed for the reader."""

    def __init__(self, lex):
        self.frames: dict[str, Frame] = {}
        self.forms: dict[str, tuple[str, str, str]] = {}  # word -> (frame, pos, form)
        self.phrases: dict[str, tuple[str, ...]] = {}       # first word -> phrase words
        phrase_words = []
        participles = frozenset(
            str(w).lower() for w in lex["clause_words"].get("irregular_participles") or ())
        # verbs that name what one is ("A, who is called the spouse of X"), even those
        # that are triggers elsewhere ("called X a traitor")
        self.naming_verbs = frozenset(
            str(w).lower() for w in lex["clause_words"]["naming_verbs"])
        self.complement_verbs = frozenset(
            str(w).lower() for w in lex["clause_words"]["complement_verbs"])
        # the words that lead from an act to the post it names, longest first
        self.post_leads = sorted((tuple(str(p).lower().split()) for p in
                                  lex["clause_words"]["post_leads"]), key=len, reverse=True)
        for name, spec in lex["frames"].items():
            self.frames[name] = Frame(
                name, spec.get("predicate", ""), spec.get("event", ""),
                spec.get("possessor", "patient"), frozenset(spec.get("agent") or ()),
                frozenset(spec.get("patient") or ()), bool(spec.get("object_required")),
                spec.get("detail", ""), bool(spec.get("reciprocal")),
                tuple((spec.get("event_roles") or {"agent": "agent",
                                                   "patient": "target"}).items()),
                spec.get("of", "patient"),
                tuple(tuple(str(w).lower().split()) for w in spec.get("receivers") or ()),
                spec.get("post", ""),
                re.compile(rf"\b{_words_re(spec['requires'])}\b", re.IGNORECASE)
                if spec.get("requires") else None, bool(spec.get("speaker_accuses")),
                spec.get("by_court", ""),
                frozenset(spec["relation_agents"]) if spec.get("relation_agents") else None,
                frozenset(str(w).lower() for w in spec.get("body_after") or ()))
            for w in spec.get("verbs") or []:
                w = str(w).lower()
                self.forms[w] = (name, "verb", "past" if w in participles else _form(w))
            for w in spec.get("nouns") or []:
                self.forms[str(w).lower()] = (name, "noun", "noun")
            for p in spec.get("phrases") or []:
                words = str(p).lower().split()
                self.forms[" ".join(words)] = (name, "verb", _form(words[0]))
                phrase_words.append(p)
        acts = lex["act_constructions"]
        # "A said that B extorted him": a frame of its own, whose agent is the speaker
        self.frames["misdeed"] = Frame("misdeed", "accused", "", "agent",
                                       frozenset({"person", "organization"}),
                                       frozenset({"person", "organization"}), False, "",
                                       False, accuser_speaks=True)
        for w in acts["misdeeds"]["verbs"]:
            words = str(w).lower().split()
            self.forms.setdefault(" ".join(words), ("misdeed", "verb", _form(words[0])))
        speaker = acts["speaker_is_agent"]
        self.speaker_frames = frozenset(speaker["frames"])
        self.speaker_kinds = frozenset(speaker["kinds"])
        self.court_frames = frozenset(speaker["court_frames"])
        self.enforcer_words = tuple(str(w).lower() for w in speaker["enforcers"])
        self.body_nouns: dict[tuple[str, ...], dict] = {
            tuple(str(k).lower().split()): v for k, v in acts["body_nouns"]["nouns"].items()}
        self.body_first = frozenset(k[0] for k in self.body_nouns)
        warrant = acts["warrant"]
        self.warrant_nouns = frozenset(str(w).lower() for w in warrant["nouns"])
        self.warrant_frames = frozenset(warrant["frames"])
        self.warrant_links = frozenset(str(w).lower() for w in warrant["links"])
        self.conduct_verbs = frozenset(str(w).lower() for w in acts["conducted_by"]["verbs"])
        self.antecedent_nouns = frozenset(
            str(w).lower() for w in acts["conducted_by"]["antecedents"])
        self.governors = frozenset(str(w).lower() for w in acts["governors"]["verbs"])
        self.governed_frames = frozenset(acts["governors"]["frames"])
        self.trial_prosecutors = frozenset(
            str(w).lower() for w in acts["trial_prosecutor"]["titles"])
        self.decree_nouns = frozenset(str(w).lower() for w in acts["by_decree"]["nouns"])
        self.signing_verbs = frozenset(
            str(w).lower() for w in acts["by_decree"]["signing_verbs"])
        self.making_verbs = frozenset(
            str(w).lower() for w in acts["by_decree"].get("making_verbs") or ())
        self.made_nouns = frozenset(
            str(w).lower() for w in acts["by_decree"].get("made_nouns") or ())
        self.decree_word = re.compile(
            rf"\b{_words_re(list(self.decree_nouns | self.made_nouns))}\b", re.IGNORECASE)
        self.decree_offices = {str(k).lower(): str(v).lower()
                               for k, v in acts["by_decree"]["offices"].items()}
        self.ordered_frames = frozenset(acts["ordered_act"]["frames"])
        self.speech_verbs = frozenset(str(w).lower() for w in lex["speech_verbs"])
        self.controllers = frozenset(str(w).lower() for w in acts["ordered_act"]["controllers"])
        self.causatives = frozenset(str(w).lower() for w in acts["causative"]["verbs"])
        self.causative_frame = acts["causative"]["frame"]
        self.on_orders_words = frozenset(str(w).lower() for w in acts["on_orders"]["words"])
        self.on_orders_frames = frozenset(acts["on_orders"]["frames"])
        self.replaced_with = frozenset(str(w).lower() for w in acts["replaced_with"]["words"])
        self.org_head_nouns = frozenset(str(w).lower() for w in lex["org_heads"])
        # a kind of body no country holds as its own ("party chairman": the party's)
        self.kind_nouns = frozenset(str(w).lower() for w in lex["definite_descriptions"]
                                    if " " not in str(w))
        self.person_nouns = frozenset(str(w).lower() for w in lex["person_nouns"])
        self.month_names = frozenset(str(w) for w in lex["months"])  # as written: "May"
        self.date_names = frozenset(str(w).lower() for w in [*lex["months"], *lex["weekdays"]])
        self.title_synonyms = {str(k).lower(): str(v).lower()
                               for k, v in lex["title_synonyms"].items()}
        self.seat_offices = {str(k).lower(): str(v).lower()
                             for k, v in acts["title_agent"]["seats"].items()}
        self.status_current = frozenset(str(w).lower() for w in lex["status_current"])
        self.list_leads = [tuple(str(w).lower().split())
                           for w in acts["group_members"]["leads"]]
        self.government_nouns = frozenset(
            str(w).lower() for w in acts["government_of"]["nouns"])
        candidacy = acts["candidacy_of"]
        self.candidacy_nouns = frozenset(str(w).lower() for w in candidacy["nouns"])
        self.candidacy_frames = frozenset(candidacy["frames"])
        self.ally_copulas = frozenset(str(w).lower() for w in acts["ally_copulas"]["verbs"])
        # event type -> the actor types that can undergo it (every frame reporting it)
        self.patient_types: dict[str, frozenset] = {}
        for f in self.frames.values():
            if f.event and dict(f.roles).get("patient") == "target":
                self.patient_types[f.event] = self.patient_types.get(
                    f.event, frozenset()) | f.patient_types
        self.trigger = re.compile(
            rf"\b{_words_re(list(self.forms))}\b", re.IGNORECASE)
        # the words a trigger starts with, labelled in the vocabulary (see :meth:`frames`)
        self.trigger_first = first_words(self.forms)
        words = lex["clause_words"]
        self.classes: dict[str, str] = {}
        for cls in ("prepositions", "determiners", "be", "have", "auxiliaries", "adverbs",
                    "relatives", "subordinators", "subject_pronouns", "object_pronouns"):
            for w in words[cls]:
                self.classes.setdefault(str(w).lower(), cls)
        self.coordinators = [tuple(str(w).lower().split()) for w in words["coordinators"]]
        self.participle_adverbs = frozenset(str(w).lower() for w in words["participle_adverbs"])
        # "after", "before", "since", "until" are prepositions first, but open a clause of
        # their own when a verb follows ("X spoke after Y was arrested")
        self.clause_openers = frozenset(str(w).lower() for w in words["subordinators"]) \
            & frozenset(str(w).lower() for w in words["prepositions"])
        self.head_titles = frozenset(str(w).lower() for w in words["head_titles"])
        self.group_nouns = frozenset(str(w).lower() for w in words["group_nouns"])
        self.complement_leads = frozenset(str(w).lower() for w in words["complement_leads"])
        self.self_nouns = frozenset(str(w).lower() for w in words.get("self_nouns") or ())
        titles = [str(w).lower().rstrip("-") for w in
                  lex["title_heads"] + lex["title_modifiers"] + lex["status_former"]
                  + lex["status_current"]]
        self.titles = frozenset(t for w in titles for t in w.replace("-", " ").split())
        self.demonyms = frozenset(str(w).lower() for w in lex["demonyms"])
        self.demonym_places = {str(k).lower(): str(v) for k, v in lex["demonyms"].items()}
        self.leader_titles = tuple(str(w).lower() for w in acts["title_agent"]["leaders"])
        self.titles |= self.demonyms
        # relational nouns: words -> (predicate, detail, the owner is the superior?)
        self.relational: dict[tuple[str, ...], tuple[str, str, bool]] = {}
        for section, predicate, inverse in (
                ("kinship", "relative_of", False), ("subordinate_terms", "subordinate_of",
                                                    False),
                ("ally_terms", "ally_of", False), ("superior_terms", "subordinate_of", True)):
            for term, detail in lex[section].items():
                words = tuple(str(term).lower().split())
                self.relational.setdefault(words, (predicate, str(detail), inverse))
        self.first_words = frozenset(w[0] for w in self.relational)
        # nouns a name can modify ("a Saakashvili loyalist", "Putin ally Dmitry Kozak"):
        # the name is then no item of a list of actors
        self.modified_nouns = frozenset(
            [w[-1] for w in self.relational if len(w) == 1]
            + [str(w).lower() for w in lex["follower_nouns"]])
        # one look-up per token: trigger forms, then closed classes, then title words
        self.word_class = {w: "title" for w in self.titles}
        self.word_class.update(self.classes)
        self.word_class.update({w: "trigger" for w in self.forms if " " not in w})
        self.words: dict[str, tuple] = {}  # see word
        self.superior = re.compile(
            rf"\b{_words_re(list(lex['superior_terms']))}\b", re.IGNORECASE)
        self.superior_first = first_words(lex["superior_terms"])
        self.implied = {re.sub(r"\s+", " ", str(k).lower()): str(v)
                        for k, v in lex["implied_bodies"].items()}
        self.status_former = frozenset(str(w).lower().rstrip("-") for w in lex["status_former"])
        self.place_after = frozenset(str(w).lower() for w in lex["place_nouns_after"])
        self.title_suffixes = sorted((tuple(str(w).lower().split()) for w in
                                      lex["title_suffixes"]), key=len, reverse=True)
        self.title_heads = frozenset(str(w).lower() for w in lex["title_heads"])
        # "second" of "Second Secretaries": a holder's rank, written in a title
        self.ranks = frozenset(str(w).lower() for w in lex["holder_ranks"] if " " not in str(w))
        self.honorifics = frozenset(str(w).lower().rstrip(".") for w in lex["honorifics"])
        self.kin_modifiers = frozenset(str(w).lower() for w in lex["kin_modifiers"])
        self.family_nouns = frozenset(str(w).lower() for w in lex["family_nouns"])
        # each kind's cues, and the words of them the cheap test before the search needs
        self.modality = [(kind, re.compile(rf"\b{_words_re(cues)}(?![\w'’])", re.IGNORECASE),
                          key_words(cues)) for kind, cues in lex["frame_modality"].items()]

    def word(self, text: str) -> tuple:
        """A token's reading as the tokenizer uses it, remembered: (kind, base,
        possessive, class after another token, class first in its sentence)."""
        if not text[0].isalnum():
            reading = ("P", text, False, "punct", "punct")
        else:
            low = text.lower()
            poss = low[-2:] in ("'s", "’s")
            base = low[:-2] if poss else low
            cls = self.word_class.get(base)
            if cls is None and "-" in base and \
                    self.word_class.get(base.split("-")[0]) == "title":
                cls = "title"
            if cls is None:
                later = "cap" if text[0].isupper() else \
                    "adverbs" if len(base) > 4 and base[-2:] == "ly" else ""
                first = "adverbs" if len(base) > 4 and base[-2:] == "ly" else ""
                reading = ("W", base, poss, later, first)
            else:
                reading = ("W", base, poss, cls, cls)
        if len(self.words) < _WORDS_KEPT:
            self.words[text] = reading
        return reading


def _titled_name(seg: list) -> bool:
    """Is a comma piece a name after its title ("In January, former President A, father of
    B, accused C": the subject), not an apposition to skip?"""
    n = 0
    while n < len(seg) and seg[n].kind == "W" and seg[n].cls in ("title", "determiners"):
        n += 1
    return 0 < n < len(seg) and seg[n].kind == "A" and all(t.kind == "A" for t in seg[n:])


def _participle_adverbs(toks: list, words: frozenset) -> None:
    """A word of ``words`` between "was"/"has" and a trigger is an adverb of the verb
    group ("A was first appointed by X": the passive's "first"), not the rank of a title
    it is elsewhere ("first deputy chairman")."""
    for k in range(1, len(toks) - 1):
        if toks[k].low in words and toks[k - 1].cls in ("be", "have") and \
                toks[k + 1].cls == "trigger":
            toks[k].cls = "adverbs"


def _form(word: str) -> str:
    if word.endswith("ing"):
        return "ing"
    if word.endswith(("ed", "en")):
        return "past"
    if word.endswith("s") and not word.endswith("ss"):
        return "s"
    return "base"


@cache
def frame_lexicon(lex) -> FrameLexicon:
    return FrameLexicon(lex)


@dataclass(slots=True)
class Token:
    kind: str        # A actor, W word, P punctuation
    low: str
    start: int       # template offsets
    end: int
    cls: str = ""    # closed class, "title", "cap" or ""
    mention: object = None
    poss: bool = False


@dataclass
class FrameHit:
    """One reading of a trigger: who acts, who undergoes, and how it is said."""
    frame: Frame
    start: int       # body offsets of the trigger
    end: int
    sentence: int
    voice: str       # active | passive | nominal
    agents: list = field(default_factory=list)    # [(actor id, type)]
    patients: list = field(default_factory=list)
    modality: str = ""  # "" (a reported act) or a key of frame_modality
    post: tuple | None = None  # (title, body ids) the act gives or takes
    described: tuple | None = None  # (owner ids, kinship term) of "appointed his daughter"
    described_agent: tuple | None = None  # the same of "appointed by his brother"

    @property
    def frame_roles(self) -> dict:
        return dict(self.frame.roles)

    @property
    def factual(self) -> bool:
        return self.modality not in _NONFACT

    @property
    def happened(self) -> bool:
        """Is the act told as done (maybe denied or rumoured)? A planned one is not yet:
        "supporters wanted to oust him" ousted no one."""
        return self.factual and self.modality != "planned"


class Clauses:
    """The shallow analysis of one document's sentences, computed on demand."""

    def __init__(self, doc):
        self.doc = doc
        self.flex = frame_lexicon(doc.lex)
        self._tokens: dict[int, list[Token]] = {}
        self._starts: dict[int, list[int]] = {}
        self._subjects: dict[int, list] = {}
        self._hits: list[FrameHit] | None = None
        self._depth = 0
        self._object_end = 0
        self._descriptions: dict = {}
        self._resolved: dict[int, list] = {}  # token -> the person a description names
        self._kinds: dict | None = None
        self._kin_object = None
        self._kin_agent = None  # (owner ids, kinship term) of "by his brother"
        self._object_noun = ""  # "the cabinet" of "approved the cabinet led by X"
        self._shared_far = ""  # a participle sharing a "be" said before its complement
        self._causer: list[int] = []  # "X had Y arrested": X's tokens, then X's order
        self._caused: FrameHit | None = None
        self._body_cache: dict = {}
        self._topics: dict[tuple[int, bool], list | None] = {}  # see _object_topic

    # --- tokens ------------------------------------------------------------------------
    def tokens(self, sent_i: int) -> list[Token]:
        """The tokens of a sentence's placeholder text, each with its coarse class."""
        toks = self._tokens.get(sent_i)
        if toks is not None:
            return toks
        toks = self._tokenize(sent_i)
        self._tokens[sent_i] = toks
        self._starts[sent_i] = [t.start for t in toks]
        return toks

    def _tokenize(self, sent_i: int, limit: int = 0) -> list[Token]:
        doc, tpl = self.doc, self.doc.template
        sent = doc.sentences[sent_i]
        s, e = tpl.tpl_offset(sent.start), tpl.tpl_end(sent.end)
        words = self.flex.words
        word = self.flex.word
        mentions = tpl.mentions
        toks = []
        append = toks.append
        named_end = -1  # where the last actor's placeholder ends
        abbreviated = False  # a full stop right after an actor: see below
        found = _TOKEN.finditer(tpl.text, s, e)
        for m in islice(found, limit) if limit else found:
            a, b = m.span()
            if m.lastindex is not None:  # only an actor's placeholder has groups
                append(Token("A", "", a, b, "actor", mentions[int(m.group(1))],
                             m.lastindex == 2))
                named_end = b
                continue
            text = m.group()
            w = words.get(text) or word(text)
            if w[0] == "P":
                if a == named_end and text == ".":
                    abbreviated = True
                append(Token("P", text, a, b, "punct"))
            else:
                append(Token("W", w[1], a, b, w[3] if toks else w[4], None, w[2]))
        _participle_adverbs(toks, self.flex.participle_adverbs)
        if abbreviated and len(toks) > 2:
            # "Ferdinand Marcos Jr. is the son of ...": a full stop inside the sentence
            # right after a name is the name's abbreviation, no boundary
            toks[:-1] = [t for k, t in enumerate(toks[:-1]) if not (
                t.low == "." and k and toks[k - 1].kind == "A" and toks[k - 1].end == t.start)]
        return toks

    # --- actor phrases -----------------------------------------------------------------
    def _item(self, toks, k: int, stop: int, linked: bool = False):
        """The head actor of the item starting at ``k`` ("Security Council Secretary
        Rustam Mamasadykov": the name), and the index after it; None if no item starts."""
        j = k
        while j < stop and j - k < 7:
            t = toks[j]
            if t.kind == "A":
                if t.poss:  # "the Elbasy's nephew Samat Abish": the name is the head
                    n = j + 1
                    while n < stop and toks[n].kind == "W" and toks[n].cls != "prepositions" \
                            and n - j <= 3:
                        n += 1
                    if n < stop and toks[n].kind == "A" and (n > j + 1 or (
                            t.mention.type == "place" and toks[n].mention.type != "place")):
                        j = n  # and "Belarus's KGB": the KGB
                        continue
                    return None
                n = j + 1
                while n < stop and toks[n].cls in ("title", "cap") and n - j <= 4:
                    n += 1
                if n > j + 1 and n < stop and toks[n].kind == "A":
                    j = n  # the body and title before a name modify it
                    continue
                if n > j + 1 and t.mention.type == "organization":
                    # "the former KNB chief": the one head of that body the article names
                    former = k < j and any(x.low in self.flex.status_former
                                           for x in toks[k:j])
                    who = self._descriptions.get(("@body", t.mention.actor_id, former))
                    if who and len(who) == 1 and any(
                            x.low in self.flex.head_titles for x in toks[j + 1:n]):
                        self._resolved[id(t)] = [(next(iter(who)), "person")]
                        return j, n
                if n < stop and toks[n].low in self.flex.group_nouns:
                    return None  # "National Guard soldiers": the soldiers are the head
                if n == j + 1 and n < stop and t.mention.type == "person" and \
                        toks[n].kind == "W" and toks[n].low in self.flex.modified_nouns:
                    if n + 1 < stop and toks[n + 1].kind == "A":
                        j = n + 1  # "Putin ally Dmitry Kozak": Kozak
                        continue
                    return None  # "X, a Saakashvili loyalist,": the loyalist is X
                if n == j + 1 and n < stop and toks[n].kind == "A" and not toks[n].poss \
                        and t.mention.type != "person" and toks[n].mention.type == "person":
                    j = n  # "KNB Karim Massimov"
                    continue
                return j, j + 1
            if t.cls in ("title", "cap") or (t.cls == "determiners" and j == k):
                j += 1
                continue
            if t.kind == "P" and t.low == "," and j > k and toks[j - 1].cls == "title":
                j += 1  # "Prosecutor, Olzhas Khairullin"
                continue
            if t.low == "of" and j > k and toks[j - 1].cls == "title" and j + 2 < stop \
                    and toks[j + 1].kind == "W" and toks[j + 1].cls in ("", "title", "cap") \
                    and toks[j + 2].kind == "A":
                j += 2  # "chief of staff Olzhas Bektenov"
                continue
            if t.low == "of" and j > k and toks[j - 1].cls == "title":
                b = j + 1 + (j + 1 < stop and toks[j + 1].low == "the")
                if b + 1 < stop and toks[b].kind == "A" and not toks[b].poss and \
                        toks[b].mention.type != "person" and toks[b + 1].kind == "A" and \
                        toks[b + 1].mention.type == "person":
                    j = b + 1  # "Secretary of the Security Council Karim Massimov"
                    continue
                e = b
                while e < stop and e - b < 3 and toks[e].kind == "W" and toks[e].cls in (
                        "title", "cap") and not toks[e].poss:
                    e += 1
                if b < e < stop and toks[e].kind == "A" and toks[e].mention.type == "person":
                    j = e  # "Minister of Internal Affairs Yuri Karaev"
                    continue
            if linked and t.kind == "W" and t.cls == "" and j - k < 2 and t.low.isalpha() and \
                    not t.low.endswith(("ed", "ing")) and j + 1 < stop and (
                    toks[j + 1].kind == "A" or toks[j + 1].kind == "W"
                    and toks[j + 1].cls == "" and j + 2 < stop and toks[j + 2].kind == "A"):
                j += 1  # "A and businessman B", "A and opposition politician B"
                continue
            return None
        return None

    def _apposition_end(self, toks, head: int, end: int, stop: int) -> int:
        """Index of the comma closing an apposition of a person ", the defence minister,"
        (or a parenthesis "(defence)") at ``end``, when a list link follows it; else
        ``end``."""
        if end + 2 >= stop or toks[head].kind != "A" or toks[head].mention.type != "person":
            return end
        if toks[end].low == "(":
            close = next((e for e in range(end + 1, min(stop, end + 6))
                          if toks[e].low == ")"), 0)
            return close + 1 if close and close + 1 < stop and \
                self._coordinator(toks, close + 1, stop) > 0 else end
        if toks[end].low != "," or toks[end + 1].low not in ("the", "a", "an", "his", "her"):
            return end
        for e in range(end + 2, min(stop, end + 9)):
            t = toks[e]
            if t.low == ",":
                return e if e + 1 < stop and toks[e + 1].low in ("and", "as") else end
            if t.kind != "W" or t.cls in ("trigger", "relatives", "subordinators"):
                return end
        return end

    def _coordinator(self, toks, j: int, stop: int) -> int:
        """Index after a list link at ``j`` (", ", "and", ", and", "as well as", a dash
        before "as well as"), else -1."""
        start = j
        if j < stop and toks[j].low in _DASHES and j + 1 < stop and \
                toks[j + 1].low in ("as", "and", "along", "together"):
            j += 1
        if j < stop and toks[j].low == ",":
            j += 1
        for words in self.flex.coordinators:
            if all(j + i < stop and toks[j + i].low == w for i, w in enumerate(words)):
                return j + len(words)
        return j if j > start and toks[j - 1].low == "," else -1

    def actor_list(self, toks, k: int, stop: int):
        """([head token indexes], end) of the list of actors starting at ``k``."""
        first = self._item(toks, k, stop)
        if first is None:
            return [], k
        heads, end = [first[0]], first[1]
        while True:
            # "A, the defence minister, and B": the apposition describes A
            end = self._apposition_end(toks, heads[-1], end, stop)
            j = self._coordinator(toks, end, stop)
            if j < 0:
                break
            while j < stop and toks[j].low in ("his", "her", "their", "its"):
                # "and his accomplices X and Y": the noun before the names is a role
                # (nouns only: in "sacked A and his government and appointed B", B
                # is no one sacked)
                n = j + 1
                while n < stop and toks[n].kind == "W" and n - j <= 3 and \
                        toks[n].cls != "trigger" and toks[n].low != "and":
                    n += 1
                j = n if n < stop and toks[n].kind == "A" else stop
            nxt = self._item(toks, j, stop, linked=True)
            if nxt is None:
                break
            heads.append(nxt[0])
            end = nxt[1]
        return heads, end

    def _ids(self, toks, heads, want=None, exclude=()) -> list[tuple[str, str]]:
        out = []
        for i in heads:
            t = toks[i]
            if id(t) in self._resolved:  # a description, or an office's decree
                out.extend(self._resolved[id(t)])
            elif t.kind == "A":
                if t.mention.actor_id:
                    out.append((t.mention.actor_id, t.mention.type))
            else:
                kind = "organization" if t.low == "it" else "person"  # "it": a body
                for actor_id in self.pronoun(self.doc.template.body_offset(t.start), t.low,
                                             exclude):
                    out.append((actor_id, kind))
        return [x for x in out if want is None or x[1] in want]

    def _boundary(self, toks, j: int) -> int:
        """Index of the first token of the clause holding token ``j``."""
        k = j - 1
        while k >= 0:
            t = toks[k]
            if t.low in _ROLE_SEPARATORS or (t.cls == "subordinators" and t.low != "that"):
                return k + 1
            if t.low in self.flex.clause_openers and not any(
                    x.low == "," for x in toks[k + 1:j]):
                return k + 1  # "X spoke after Y was arrested": Y's clause
            if t.low == "that" and (k + 1 >= len(toks) or toks[k + 1].kind != "P"):
                return k + 1
            k -= 1
        return 0

    def subject(self, toks, j: int, possessive_ok: bool = False):
        """Head token indexes of the subject of a verb group starting at ``j``."""
        lo = self._boundary(toks, j)
        if j >= 2 and (toks[j - 1].low == "and" or toks[j - 1].low == "," and any(
                toks[m].low == "and" and toks[m + 1].cls == "trigger"
                for m in range(j + 1, min(len(toks) - 1, j + 12)))):
            # "Putin dismissed Shoigu and appointed Belousov": the first verb's subject;
            # "A removed X, named Y and expelled Z": every verb of the series is A's
            for v in range(j - 2, max(lo, j - 24) - 1, -1):
                if toks[v].cls == "trigger" or self._verb_before_object(toks, v, j - 1):
                    g = v
                    while g > lo and toks[g - 1].cls in ("adverbs", "be", "have",
                                                         "auxiliaries"):
                        g -= 1
                    if g > lo and toks[g - 1].low == "," and toks[g - 2].kind != "A":
                        continue  # "A removed X, named Y and expelled Z": A's series
                    return self.subject(toks, g, possessive_ok)
                if toks[v].cls == "relatives" and v > 0 and toks[v - 1].low == "," and \
                        toks[j - 2].low == ",":
                    continue  # "dismissed A, who had held the post since 1995, and
                    # appointed B": the relative clause is said of the first object
                if toks[v].low in (";", ":") or toks[v].cls in ("subordinators",
                                                                 "relatives"):
                    break
        k = j - 1
        q = k  # "..., and the head of state appointed Y": a title no actor is named by
        while q > lo and (toks[q].cls == "title" or toks[q].low == "of") and j - q < 6:
            q -= 1
        if q < k and toks[q].low == "the" and toks[k].cls == "title" and (
                q == lo or toks[q - 1].low in (",", "and")
                or toks[q - 1].low in self.flex.speech_verbs):
            # "the head of state appointed", "his spokesman said the president had fired"
            return self._title_holder(toks, q, k)
        # ", the nephew of X," / ", who headed the KNB until 2022," before the verb
        while k > lo and (toks[k].low == "," or toks[k].low in _DASHES):
            p = k - 1
            while p >= lo and toks[p].low != "," and toks[p].low not in _DASHES:
                p -= 1
            seg = toks[p + 1:k]
            if seg and seg[0].low in self.flex.clause_openers:
                break  # "after a motion tabled by X, ..., accused him": the verb's clause
            if p < lo or not seg or seg[0].kind == "A" or seg[0].cls == "cap" or (
                    seg[0].low == "and" and len(seg) > 1 and seg[1].kind == "A") or \
                    _titled_name(seg):
                if seg and seg[0].low == "and" and p >= lo:
                    heads, _ = self.actor_list(toks, p + 2, k)
                    if heads:  # "..., and Karim Massimov, a close ally of X, has been
                        return heads  # arrested": Massimov, not the clause before
                if seg and seg[0].kind == "A" and p >= lo and toks[p].low in _DASHES:
                    heads, _ = self.actor_list(toks, p + 1, k)
                    if heads:  # "his former deputies — A, B and C — were sentenced"
                        return heads
                break
            k = p
        steps = 0
        while k >= lo and steps < 30:
            t = toks[k]
            steps += 1
            if t.kind == "A" or t.cls == "subject_pronouns":
                e = k + 1
                while e < j and toks[e].cls == "title":
                    e += 1
                if e > k + 1 and t.kind == "A" and t.mention.type == "organization" and \
                        toks[e - 1].low in self.flex.head_titles and (e == j or toks[e].kind
                                                                     != "A"):
                    # "the Kremlin leader fired X": a person, not the body
                    return self._title_holder(toks, k - 1, e - 1) if k > 0 and \
                        toks[k - 1].low == "the" else []
                if k + 1 < len(toks) and toks[k + 1].low in self.flex.group_nouns:
                    if t.kind == "A" and not t.poss and toks[k + 1].low in \
                            self.flex.self_nouns and t.mention.type == "organization" \
                            and not self._object_of_preposition(toks, k, lo):
                        # "the ruling Amanat party nominated": Amanat did; but not "a
                        # leader of the Popular Front party, was detained"
                        return [k]
                    return []  # "National Guard soldiers fired": the soldiers did
                if t.kind == "A" and t.poss:
                    if possessive_ok and not self._after_preposition(toks, k, lo):
                        return [k]  # not "at Manila's airport ... accusing him"
                    k -= 1
                    continue
                start = k
                while start > lo:
                    if toks[start - 1].kind == "A" or toks[start - 1].cls in (
                            "title", "cap") or toks[start - 1].low in (",", "and", "or") or (
                            # "the interior minister, A, and the prosecutor general, B, were"
                            toks[start - 1].cls == "determiners" and start - 2 >= lo
                            and toks[start - 2].low in (",", "and")) or (
                            # "A and his deputies B and C were sentenced": "his deputies"
                            toks[start - 1].low in ("his", "her", "their") and start - 2 >= lo
                            and toks[start - 2].low == "and") or (
                            toks[start - 1].kind == "W" and toks[start - 1].low.isalpha()
                            and start - 3 >= lo
                            and toks[start - 2].low in ("his", "her", "their")
                            and toks[start - 3].low == "and"):
                        start -= 1
                        continue
                    # "A as well as B were charged", "A along with B"
                    n = next((len(w) for w in self.flex.coordinators if len(w) > 1 and
                              start - len(w) > lo and toks[start - len(w) - 1].kind == "A"
                              and tuple(x.low for x in toks[start - len(w):start]) == w), 0)
                    if not n:
                        break
                    start -= n
                if t.kind == "A":
                    heads, end = [], start
                    for s in range(start, k + 1):
                        heads, end = self.actor_list(toks, s, k + 1)
                        if heads and end == k + 1:
                            break
                    heads = heads or [k]
                    if len(heads) > 1 and toks[k - 1].low == "," and self._after_preposition(
                            toks, min(heads), lo):
                        heads = [k]  # "By a decree of X, Y was dismissed": Y
                else:
                    heads = [k]
                if not self._after_preposition(toks, min(heads), lo):
                    return heads
                comma_and = next((m for m in range(min(heads), k) if toks[m].low == ","
                                  and toks[m + 1].low == "and"), None)
                if comma_and is not None:
                    # "A was removed as head of B, and C resigned": ", and" after the
                    # object of a preposition opens a clause whose subject is C
                    return [h for h in heads if h > comma_and]
                k = start - 1
                continue
            if t.cls == "relatives" or t.low in self.flex.clause_openers:
                return []  # "after a motion tabled by X accused him": no actor subject
            if t.low == "and" and k >= 1 and toks[k - 1].low == "," and k < j - 1:
                return []  # "..., and the head of state appointed": a clause of its own
            k -= 1
        return []

    def _verb_before_object(self, toks, v: int, end: int) -> bool:
        """Is ``v`` a past verb of no frame whose object is the actors up to ``end``
        ("X reprimanded A and dismissed him": X's series, not A's)?"""
        t = toks[v]
        if t.kind != "W" or t.cls != "" or not t.low.endswith("ed") or v + 1 >= end:
            return False
        heads, stop = self.actor_list(toks, v + 1, end)
        return bool(heads) and stop == end and v > 0 and toks[v - 1].kind == "A" \
            and not toks[v - 1].poss

    @staticmethod
    def _ground_of(toks, i: int) -> tuple[int, int] | None:
        """(the act, the preposition) before the token at ``i`` when a preposition
        (not "to") and at most two plain words follow an act and its object: "arrested
        on treason charges", "detained A, a Y loyalist, on charges of": a verb form at
        ``i`` is then a noun naming the act's ground."""
        p = i - 1
        while p >= 0 and i - p <= 2 and toks[p].kind == "W" and toks[p].cls == "" \
                and toks[p].low.isalpha():
            p -= 1
        if p < 1 or toks[p].cls != "prepositions" or toks[p].low == "to":
            return None
        v = p - 1
        while v > 0 and p - v < 12 and (toks[v].kind == "A" or toks[v].low in (",", "and")
                                        or toks[v].cls in ("", "determiners", "title", "cap")
                                        and toks[v].kind == "W" and toks[v].low.isalpha()):
            v -= 1  # the act's object: "arrested A and B", "detained A, a Y loyalist,"
        return (v, p) if toks[v].cls == "trigger" else None

    def _ground_patients(self, toks, i: int) -> list[int]:
        """Who undergoes the charges that ground an act: its object ("police arrested X
        on treason charges") or, in the passive, its subject ("X, a close Y ally, was
        arrested on treason charges": X, not Y)."""
        found = self._ground_of(toks, i)
        if found is None:
            return []
        v, p = found
        heads = self.actor_list(toks, v + 1, p)[0] if v + 1 < p else []
        g = v  # "A was arrested", "A, a B protege arrested last year on charges"
        while g > 0 and toks[g - 1].cls in ("adverbs", "be", "have", "auxiliaries"):
            g -= 1
        return heads or self.subject(toks, g)

    def _object_of_preposition(self, toks, k: int, lo: int) -> bool:
        """Does a preposition open the noun phrase of the actor at ``k`` ("of the
        opposition Popular Front party"; not "On Sunday the ruling ZANU-PF party")?"""
        p = k - 1
        while p >= lo and k - p <= 2 and toks[p].kind == "W" and toks[p].cls in (
                "", "title", "cap"):
            p -= 1
        if p >= lo and toks[p].cls == "determiners":
            p -= 1
        return p >= lo and toks[p].cls == "prepositions"

    def _after_preposition(self, toks, k: int, lo: int, nouns: int = 0) -> bool:
        """Is the actor at ``k`` inside a prepositional phrase ("of the KNB"; with
        ``nouns``, also "of the financial services company Karuan")? Not after a day or
        month ("On Sunday Putin dismissed X": the phrase ends with the date)."""
        p = k - 1
        if p >= lo and toks[p].kind == "W" and toks[p].low in self.flex.org_head_nouns and \
                toks[k].kind == "A" and toks[k].mention.type == "person":
            return False  # "the head of the presidential administration A": A is the head
        while p >= lo and (toks[p].cls in ("title", "cap", "determiners") or (
                toks[p].kind == "A" and toks[p].poss) or (
                nouns and toks[p].kind == "W" and toks[p].cls == "" and k - p <= nouns + 2)):
            if toks[p].cls == "cap" and toks[p].low in self.flex.date_names:
                return False
            p -= 1
        if p >= lo + 1 and p + 1 < k and toks[p].low == "of" and toks[p - 1].cls == "title" \
                and toks[k].kind == "A" and toks[k].mention.type == "person" and \
                all(t.kind == "W" for t in toks[p + 1:k]):
            return False  # "Minister of Internal Affairs A was dismissed": A is the minister
        return p >= lo and toks[p].cls == "prepositions"

    def _after_of(self, toks, k: int) -> bool:
        """Is the actor at ``k`` the object of "of" (or "from"), which a relative clause
        after it may not be about ("a deputy of X, who was detained": the deputy)? Other
        prepositions leave the name the antecedent ("thanks to X, who appointed him")."""
        if not self._after_preposition(toks, k, 0, nouns=3):
            return False
        p = k - 1
        while p >= 0 and toks[p].cls != "prepositions":
            p -= 1
        return toks[p].low in ("of", "from")

    def objects(self, toks, k: int):
        """Head token indexes of the object after a verb ending before ``k``."""
        stop = len(toks)
        j, steps = k, 0
        self._kin_object = None
        self._object_noun = ""
        while j < stop and steps < 8:
            t = toks[j]
            steps += 1
            if (t.kind == "A" and t.poss) or t.low in ("his", "her", "their"):
                kin = self._kin_term(toks, j + 1)
                if kin is None and t.low in ("his", "her"):
                    kin = self._tie_term(toks, j + 1)  # "sacked his longtime friend"
                if kin is not None:
                    # "appointed his daughter (as ...)": no name; the article may say who
                    self._kin_object = (self._owner(toks, j), kin[0])
                    self._object_end = kin[1]
                    return []
            if t.kind == "A" and t.poss and j + 1 < stop and \
                    toks[j + 1].low in self.flex.government_nouns and \
                    t.mention.type == "person":
                self._object_end = j + 2  # "dismissed Mamin's government": Mamin
                return [j]
            if t.kind == "A" and t.poss:
                if j + 1 < stop and toks[j + 1].low in self.flex.candidacy_nouns:
                    # "approved X's candidacy": X, the candidate
                    self._object_noun = toks[j + 1].low
                    self._object_end = j + 2
                    return [j]
                # "three of X's deputies – A, B and C": the names after the noun
                n = j + 1
                while n < stop and toks[n].kind == "W" and n - j <= 3:
                    n += 1
                if n < stop and (toks[n].low in _DASHES or toks[n].low in (",", ":")):
                    heads, self._object_end = self.actor_list(toks, n + 1, stop)
                    return heads
                if n > j + 1 and n < stop and toks[n].kind == "A" and not toks[n].poss:
                    # "fired X's ally A as minister": A, whom the noun describes
                    heads, self._object_end = self.actor_list(toks, n, stop)
                    return heads
                return []
            if t.kind == "A" or (t.cls in ("title", "cap") and self._item(toks, j, stop)):
                heads, self._object_end = self.actor_list(toks, j, stop)
                return heads
            if t.cls == "object_pronouns" or t.low == "her" and (
                    j + 1 >= stop or toks[j + 1].kind == "P" or toks[j + 1].cls in (
                        "prepositions", "adverbs", "subordinators", "relatives")
                    or (j and toks[j - 1].low in self.flex.complement_verbs
                        and _title_complement(toks, j + 1, stop))):
                # "appointed her as minister", "fired her in May": no noun follows "her"
                self._object_end = j + 1
                return [j]
            if t.kind == "W" and t.cls in ("", "determiners") and (
                    t.cls == "" or t.low in ("his", "her", "their")):
                # "appointed his wife Mehriban Aliyeva", "appointed economist X",
                # "dismissed his longtime ally X"
                n = j + 1
                while n < stop and n - j <= (5 if t.cls else 2) and toks[n].kind == "W" \
                        and toks[n].cls in ("", "title") and not toks[n].poss:
                    n += 1
                if (t.cls or j > k and toks[j - 1].cls == "determiners") and n > j + 1 \
                        and n + 1 < stop and toks[n].low == "," and \
                        toks[n + 1].kind == "A" and not toks[n + 1].poss:
                    # "appointed his wife, Mehriban Aliyeva, as ...", "handed power to a
                    # chosen successor, X"
                    n += 1
                if n < stop and toks[n].kind == "A" and (
                        n == j + 1 or toks[n - 1].kind == "W" or toks[n - 1].low == ","):
                    heads, self._object_end = self.actor_list(toks, n, stop)
                    return heads
            if t.cls == "determiners" and t.low in ("the", "his", "her", "its", "their"):
                named = self._named_after_title(toks, j) or self._government_of(
                    toks, j + 1) or self._title_patient(toks, j)
                if named:
                    return named
            if t.cls in ("determiners", "adverbs") or t.low == "of" or t.low.isdigit():
                j += 1
                continue
            if t.kind == "W" and t.cls in ("", "title"):
                e = self._members_listed(toks, j + 1)
                if e:  # "sacked several officials, including A and B"
                    heads, self._object_end = self.actor_list(toks, e, stop)
                    return heads
            return []
        return []

    def _members_listed(self, toks, n: int) -> int:
        """Index of the first name after ", including", ", among them" (``list_leads``)
        at ``n``, which names members of the group before it; else 0."""
        if n + 1 < len(toks) and (toks[n].low == ":" or toks[n].low in _DASHES) and \
                toks[n + 1].kind == "A" and toks[n + 1].mention.type == "person":
            return n + 1  # "dismissed three ministers: A, B and C"
        if n >= len(toks) or toks[n].low != ",":
            return 0
        for words in self.flex.list_leads:
            e = n + 1 + len(words)
            if e < len(toks) and tuple(t.low for t in toks[n + 1:e]) == words and \
                    toks[e].kind == "A" and toks[e].mention.type == "person":
                return e
        return 0

    def _title_patient(self, toks, j: int) -> list[int]:
        """The person "the <title>" at ``j`` names as an object ("dismissed the defence
        minister": the one the article gives that post), when no name, body or
        apposition follows the title (others read those)."""
        if toks[j].low != "the":
            return []
        e = j + 1
        while e < len(toks) and e - j <= 4 and toks[e].kind == "W" and toks[e].cls == "title" \
                and not toks[e].poss:
            e += 1
        if e == j + 1 or e < len(toks) and (
                toks[e].kind == "A" or toks[e].poss or toks[e].low in ("of", "-") or
                toks[e].low == "," and e + 1 < len(toks) and toks[e + 1].kind == "A"):
            return []
        found = self._title_holder(toks, j, e - 1)
        if found:
            self._object_end = e
        return found

    def _government_of(self, toks, j: int) -> list[int]:
        """The head of "the government of (Prime Minister) X", "the (new) cabinet led by
        X" at ``j``: dismissing a government dismisses its head; and the candidate of
        "the candidacy of X" (``candidacy_of``), whom approving it appoints."""
        n = j
        while n < len(toks) and n - j < 2 and toks[n].kind == "W" and toks[n].cls in ("", "title") \
                and toks[n].low not in self.flex.government_nouns \
                and toks[n].low not in self.flex.candidacy_nouns:
            n += 1  # "the new government", "the outgoing cabinet"
        if n >= len(toks) or toks[n].low not in self.flex.government_nouns and \
                toks[n].low not in self.flex.candidacy_nouns:
            return []
        k = n + 1
        if k + 2 < len(toks) and toks[k].low == "of" and toks[k + 1].low == "ministers" and \
                toks[k + 2].low in ("led", "headed"):
            k += 2  # "the cabinet of ministers led by X"
        if k + 1 < len(toks) and toks[k].low in ("led", "headed") and toks[k + 1].low == "by" \
                and toks[n].low in self.flex.government_nouns:
            k += 1
        elif k >= len(toks) or toks[k].low != "of":
            return []
        item = self._item(toks, k + 1, len(toks))
        if item is None or toks[item[0]].kind != "A" or toks[item[0]].mention.type != "person":
            return []
        self._object_end = item[1]
        self._object_noun = toks[n].low
        return [item[0]]

    def _named_after_title(self, toks, j: int) -> list[int]:
        """The person named after a title of a body that stands as the object: "fired the
        head of the National Security Service, Armen Abazyan" (Abazyan was fired)."""
        stop = len(toks)
        n = j + 1
        while n < stop and n - j <= 4 and toks[n].kind == "W" and toks[n].cls in ("title", ""):
            n += 1
        if n == j + 1 or n >= stop or not any(
                toks[x].cls == "title" for x in range(j + 1, n)):
            return []
        for suffix in self.flex.title_suffixes:  # "the chief of the general staff, A"
            if tuple(t.low for t in toks[n:n + len(suffix)]) == suffix:
                n += len(suffix) - 1
                break
        else:
            if toks[n].low not in ("of", "to"):
                return []
        q = n + 1
        while q < stop and q - n <= 6 and (toks[q].low in ("the", "of", "his", "her", "its",
                                                           "their") or _countrys(toks[q]) or (
                # "the head of his administration, A", "the chief of the army's staff, A"
                toks[q].kind == "W" and toks[q].cls in ("", "title") and toks[q].low.isalpha()
                and toks[q].low not in self.flex.forms) or (
                toks[q].kind == "A" and toks[q].mention.type in ("organization", "place"))
                or (q > n + 1 and toks[q - 1].kind == "A" and toks[q].low in
                    self.flex.place_after)):  # "the governor of Lebap region, A"
            q += 1
        if q + 1 < stop and toks[q].low == "," and toks[q + 1].kind == "A" and \
                toks[q + 1].mention.type == "person" and not toks[q + 1].poss:
            heads, self._object_end = self.actor_list(toks, q + 1, stop)
            return heads
        if q < stop and (toks[q - 1].kind == "A" or toks[q - 1].low in self.flex.org_head_nouns
                         or toks[q - 1].low in self.flex.place_after) and \
                toks[q].kind == "A" and toks[q].mention.type == "person" and not toks[q].poss:
            # "dismissed the head of the presidential administration Ramiz Mehdiyev"
            heads, self._object_end = self.actor_list(toks, q, stop)
            return heads
        return []

    def _post_after_apposition(self, toks, k: int, bare: bool = False):
        """The post named after an apposition of the object: "appointed Mehriban Aliyeva,
        his wife, as first vice president" (no verb inside the commas), or after a
        relative clause said of it: "appointed A, who once led the army, as minister";
        after a verb that takes a bare complement (``bare``), a title that ends the
        clause: "named A, the head of his administration, prime minister"."""
        if k >= len(toks) or toks[k].low != ",":
            return None
        leads = {lead[0] for lead in self.flex.post_leads}
        relative = k + 1 < len(toks) and toks[k + 1].cls == "relatives"
        for j in range(k + 1, min(len(toks) - 1, k + (20 if relative else 16))):
            if relative and toks[j].low in (".", ";", ":"):
                return None
            if not relative and (toks[j].low in self.flex.forms or toks[j].cls in (
                    "subordinators", "relatives", "be", "have")):
                return None
            if toks[j].low == ",":
                if toks[j + 1].low in leads:
                    return self.post(toks, j)
                if bare and toks[j + 1].cls == "title" and \
                        _title_complement(toks, j + 1, len(toks)):
                    return self.post(toks, j)
                return None
        return None

    def post(self, toks, k: int):
        """(title, body ids, end) of the post named from token ``k`` on: "as (the)
        chairman of the KNB", "to the post of deputy prime minister", "from his post as
        Kazakhstan's prime minister", or a bare "prime minister" right after the name;
        None when no title follows."""
        stop = len(toks)
        j = k
        if j < stop and toks[j].low == ",":
            j += 1
        if j + 2 < stop and (toks[j].low, toks[j + 1].low) in (("to", "replace"), (
                "to", "succeed")) and toks[j + 2].kind == "A":
            # "named A to replace B as prime minister": A's post is the one B held
            _, j = self.actor_list(toks, j + 2, stop)
        words = [t.low for t in toks[j:j + 5]]
        for lead in self.flex.post_leads:
            if tuple(words[:len(lead)]) == lead:
                j += len(lead)
                break
        owner = None  # "as his chief of staff": his, the one the post serves
        its = False  # "the Senate elected A as its speaker": the agent's post
        while j < stop and (toks[j].cls == "determiners" and toks[j].low in (
                "the", "a", "an", "its", "his", "her", "their") or toks[j].low in (
                "new", "next") or toks[j].low in self.flex.status_former
                or _countrys(toks[j])):  # "as the country's first vice-president"
            if toks[j].low in ("his", "her"):
                owner = j
            its = its or toks[j].low == "its"
            j += 1
        bodies = []
        if j + 1 < stop and toks[j].kind == "A" and toks[j].mention.type in (
                "organization", "place") and (toks[j].poss or toks[j + 1].cls == "title"):
            # "as Kazakhstan's prime minister", "as Security Council secretary"
            bodies = self._ids(toks, [j])
            j += 1
        elif j + 1 < stop and toks[j].kind == "A" and toks[j].poss and \
                toks[j].mention.type == "person":
            bodies = self._ids(toks, [j])  # "was appointed Y's deputy": the post serves Y
            j += 1
        elif owner is not None:
            bodies = [("@agent", "person")]  # "appointed X as his deputy": the appointer's
        elif its:
            bodies = [("@agent", "organization")]
        start = j
        while j < stop and toks[j].cls == "title" and not toks[j].poss \
                and toks[j].low not in self.flex.demonyms:
            j += 1
        if j == start or not any(t.low in self.flex.title_heads for t in toks[start:j]):
            return None
        for suffix in self.flex.title_suffixes:  # "chief of staff", "chairman of the board"
            if tuple(t.low for t in toks[j:j + len(suffix)]) == suffix:
                j += len(suffix)
                break
        title = " ".join(t.low for t in toks[start:j])
        if j + 1 < stop and toks[j].low in ("of", "at", "in") and not bodies:
            owners, end = self._owner_after(toks, j + 1)
            bodies = [o for o in owners if o[1] in ("organization", "place")]
            if bodies:
                j = end
        elif not bodies and j + 1 < stop and toks[j].low == "and" and \
                self._plural_head(toks[j - 1].low):
            bodies = self._shared_body(toks, j + 1)
        return title, bodies, j

    def _plural_head(self, word: str) -> bool:
        """Is ``word`` a plural title head ("presidents", "secretaries", "chairmen")?"""
        heads = self.flex.title_heads
        return word in heads and any(
            word.endswith(end) and word[:-len(end)] + one in heads
            for end, one in (("s", ""), ("ies", "y"), ("men", "man")))

    def _shared_body(self, toks, k: int) -> list:
        """The body after a second plural title from ``k`` ("as Vice Presidents and Second
        Secretaries of Zanu PF"): plural titles of a list of persons, each holding both,
        share it. Singular ones are one person's two posts, each with its own body:
        "appointed prime minister and head of the Customs Committee" is no premiership
        of the committee."""
        stop, e = len(toks), k
        while e < stop and (toks[e].cls == "title" or toks[e].low in self.flex.ranks) \
                and not toks[e].poss:
            e += 1
        if e == k or e + 1 >= stop or toks[e].low != "of" or \
                not self._plural_head(toks[e - 1].low):
            return []
        owners, _ = self._owner_after(toks, e + 1)
        return [o for o in owners if o[1] == "organization"]

    def _by_agent(self, toks, k: int):
        """Heads of the "by X" phrase after a passive verb (same clause)."""
        stop = len(toks)
        for j in range(k, min(stop, k + 22)):
            t = toks[j]
            if t.low in self.flex.forms and j >= 1 and toks[j - 1].low == "and" and \
                    self.flex.forms[t.low][2] == "past":
                if self.flex.frames[self.flex.forms[t.low][0]].post == "replaces":
                    break  # "was ousted and replaced by X": X succeeds, ousts no one
                continue  # "was arrested and charged by X": X did both
            if j > k and toks[j - 1].low in self.flex.complement_leads and self.flex.forms.get(t.low, "  ")[1] \
                    == "noun":
                continue  # "was placed under arrest by X": the act's complement
            if t.low in self.flex.forms and self._ground_of(toks, j) is not None:
                continue  # "was detained on treason charges brought by X": X's charges
            if t.low in _ROLE_SEPARATORS or t.cls in ("subordinators", "relatives") or \
                    t.low == "." or t.low in self.flex.forms:
                break
            if t.low == "by":
                n = j + 1
                if n < stop and toks[n].low in ("his", "her", "their"):
                    # "by his father X", "by his father, X": the name after the kinship
                    # or title words; "by his brother": the one brother the article names
                    q = n + 1
                    while q < stop and q - n <= 3 and toks[q].kind == "W" and \
                            toks[q].cls in ("", "title"):
                        q += 1
                    c = q + 1 if q + 1 < stop and toks[q].low == "," else q
                    if c < stop and toks[c].kind == "A" and q > n + 1:
                        n = c
                    else:
                        kin = self._kin_term(toks, n + 1)
                        if kin is not None:
                            self._kin_agent = (self._owner(toks, n), kin[0])
                            return []
                heads = self._titled_name(toks, n)
                if not heads:
                    heads, _ = self.actor_list(toks, n, stop)
                if not heads:
                    heads = self._members_of(toks, n)
                # "by the Kremlin leader": a person the body names no one by
                heads = [h for h in heads if not self._unnamed_head(toks, h)]
                if not heads and n < stop and toks[n].low == "the":
                    e = n + 1  # "by the president", "by the head of state"
                    while e < stop and e - n < 5 and (toks[e].cls == "title" or (
                            toks[e].low == "of" and e + 1 < stop and toks[e + 1].cls == "title")
                            or toks[e].kind == "A" and e == n + 1):
                        e += 1
                    if e > n + 1 and (e >= stop or toks[e].kind != "A"):
                        heads = self._title_holder(toks, n, e - 1)
                return heads or self._decree_of(toks, j + 1)
        if toks and toks[0].low == "by":  # "By a decree of X, Y was appointed"
            return self._decree_of(toks, 1)
        return []

    def _title_holder(self, toks, q: int, k: int) -> list[int]:
        """``[k]`` standing for the person "the <title>" from ``q`` (its "the") to ``k``
        names when no mention was made of it: the one holder of that title the article
        gives ("Lukashenko is the president of Belarus. The president fired Y"; "the
        head of state"; "the Kremlin leader", the seat of an office for its holder), the
        one former holder after "former"; else []. A demonym among the words keeps
        holders of that country: "the Uzbek leader" (its one president or prime
        minister)."""
        words, former = [], False
        for t in toks[q + 1:k + 1]:
            if t.kind == "A":
                if t.mention.type != "organization" or k - q < 2:
                    return []
                seat = self.flex.seat_offices.get(t.mention.surface.lower())
                if seat is None or toks[k].low not in self.flex.head_titles:
                    return []
                words = [seat]
                break
            if t.low in self.flex.status_former:
                former = True
            elif t.low not in self.flex.status_current:
                words.append(t.low)
        title = " ".join(words)
        if not words or not (title in self.flex.title_heads or words[-1] in
                             self.flex.title_heads):
            return []  # "the government": no holder's title ("head of government")
        who = self._one_holder(words, former)
        if who is None:
            return []
        self._resolved[id(toks[k])] = [(who, "person")]
        return [k]

    def _one_holder(self, words, former: bool) -> str | None:
        """The one person the article gives the title ``words`` (former holders with
        ``former``); a demonym among the words keeps those of its country; a "leader" is
        a president or a prime minister."""
        country, rest = None, []
        for w in words:
            place = self.flex.demonym_places.get(w)
            if place is not None and country is None:
                country = place
            else:
                rest.append(w)
        title = " ".join(rest)
        title = self.flex.title_synonyms.get(title, title)
        if not title:
            return None
        found: set = set()
        for t in self.flex.leader_titles if title == "leader" else (title,):
            found |= self._descriptions.get(("@in", t, country, former) if country
                                            else (t, former)) or set()
        return next(iter(found)) if len(found) == 1 else None

    def _members_of(self, toks, k: int) -> list[int]:
        """The body of "(the) officers of X", "agents of X" at ``k``: the group acts for
        its body ([] if the phrase is not one or X no organisation)."""
        j = k + (k < len(toks) and toks[k].low == "the")
        if j + 2 < len(toks) and toks[j].low in self.flex.group_nouns and \
                toks[j + 1].low == "of":
            item = self._item(toks, j + 2, len(toks))
            if item and toks[item[0]].kind == "A" and \
                    toks[item[0]].mention.type == "organization":
                return [item[0]]
        return []

    def _titled_name(self, toks, k: int) -> list[int]:
        """The person named after a title phrase and a comma at ``k``: "the President of
        the Republic, X" ([] if the phrase is not one)."""
        j = k
        while j < len(toks) and j - k < 6 and toks[j].kind == "W" and (
                toks[j].cls in ("determiners", "title", "cap") or toks[j].low == "of"):
            j += 1
        if j == k or j + 1 >= len(toks) or toks[j].low != "," or not any(
                toks[x].cls == "title" for x in range(k, j)):
            return []
        t = toks[j + 1]
        return [j + 1] if t.kind == "A" and t.mention.type == "person" and not t.poss else []

    def _unnamed_head(self, toks, h: int) -> bool:
        """Is the actor at ``h`` a body whose head title follows it ("the Kremlin leader",
        "the KNB chief") with no person of the article found for it?"""
        t = toks[h]
        return t.kind == "A" and t.mention.type == "organization" and \
            id(t) not in self._resolved and h + 1 < len(toks) and \
            toks[h + 1].low in self.flex.head_titles

    def _decree_of(self, toks, k: int) -> list[int]:
        """The author of "(a/the presidential) decree of X" starting at ``k``."""
        stop = len(toks)
        j = k
        while j < stop and j - k < 3 and toks[j].kind == "W" and toks[j].low not in \
                self.flex.decree_nouns and toks[j].cls in ("determiners", "", "title"):
            j += 1
        if j + 1 < stop and toks[j].low in self.flex.decree_nouns and \
                toks[j + 1].low in ("of", "from"):
            item = self._item(toks, j + 2, stop)
            return [item[0]] if item else []
        if j < stop and toks[j].low in self.flex.decree_nouns:
            return self._office_decree(toks, j)
        return []

    def _office_decree(self, toks, q: int) -> list[int]:
        """``[q]`` when the decree noun at ``q`` is an office's ("a presidential decree")
        and the article gives that office to one person now (who then stands for the
        noun), else []."""
        title = next((self.flex.decree_offices[toks[p].low] for p in range(max(0, q - 2), q)
                      if toks[p].low in self.flex.decree_offices), None)
        who = self._descriptions.get((title, False)) if title else None
        if not who or len(who) != 1:
            return []
        self._resolved[id(toks[q])] = [(next(iter(who)), "person")]
        return [q]

    def _decree_author(self, toks, subject: bool = False) -> list:
        """The person whose decree the sentence names: "X's decree", "a decree signed
        (issued) by X", "the decree of X", "under a presidential decree" (or with
        ``subject``, the decree being the act's subject, "a presidential decree
        appointed"); ids, [] if none or several."""
        found = []
        for q, t in enumerate(toks):
            if t.low not in self.flex.decree_nouns:
                continue
            heads = []
            if q > 0 and toks[q - 1].kind == "A" and toks[q - 1].poss:
                heads = [q - 1]
            else:
                k = q + 3 if q + 2 < len(toks) and toks[q + 1].low in ("signed", "issued") \
                    and toks[q + 2].low == "by" else q + 2 if q + 1 < len(toks) and \
                    toks[q + 1].low == "of" else 0
                item = self._item(toks, k, len(toks)) if k else None
                heads = [item[0]] if item else []  # one author: not the list after it
                if not heads and (subject or any(toks[p].low in ("by", "under")
                                                 for p in range(max(0, q - 3), q))):
                    # "under a presidential decree", "a presidential decree appointed"
                    heads = self._office_decree(toks, q)
            found += [a for a in self._ids(toks, heads, {"person"}) if a not in found]
        return found if len(found) == 1 else []

    def _decree_subject(self, toks, i: int) -> bool:
        """Is the subject of the verb at ``i`` a decree ("X's decree appointed Y", "a
        presidential decree published on Friday appointed Y", "a decree signed by X
        named Y")? No actor stands between the noun and the verb but its author."""
        lo = self._boundary(toks, i)
        for q in range(i - 1, max(lo, i - 9) - 1, -1):
            t = toks[q]
            if t.low in self.flex.decree_nouns:
                return True
            if t.kind == "A" and not (q >= 1 and toks[q - 1].low == "by") or t.low == ",":
                return False
        return False

    def _coordinated_passive(self, toks, group_start: int, after: int, frame: Frame) -> int:
        """Index of the passive participle a participle after "and" shares its "be"
        with, else -1: "Massimov was arrested and charged" (charged is passive too), and
        for two acts on posts, with the first one's complement between them ("Y was
        relieved of his post as prosecutor general and appointed ambassador"). A person
        right after the second verb is its object: "A was elected speaker and appointed
        B" is A's act."""
        if group_start < 3 or toks[group_start - 1].low != "and":
            return -1
        if after < len(toks) and toks[after].kind == "A" and not toks[after].poss and \
                toks[after].mention.type == "person":
            return -1
        forms = self.flex.forms
        reach = 16 if frame.post else 3
        for v in range(group_start - 2, max(0, group_start - reach), -1):
            t = toks[v]
            if t.low in forms and forms[t.low][2] == "past":
                k = v - 1
                while k >= 0 and toks[k].cls == "adverbs":
                    k -= 1
                if k >= 0 and toks[k].cls == "be" and (
                        v == group_start - 2 or self.flex.frames[forms[t.low][0]].post):
                    return v
                return -1
            if t.low in _ROLE_SEPARATORS or t.low == "." or t.cls in (
                    "be", "have", "auxiliaries", "relatives", "subordinators"):
                return -1
            if t.kind == "A" and not self._object_of_preposition(toks, v, max(0, v - 6)):
                return -1  # "A was arrested, B and C charged": another subject
        return -1

    def _own_time(self, toks, k: int) -> bool:
        """Does the clause from ``k`` on give a time (a year, a month or weekday,
        "later")?"""
        for t in toks[k:k + 8]:
            if t.low in (",", ";", "and", "but", ".") or t.cls in ("relatives", "subordinators"):
                return False
            if t.low.isdigit() or t.low in ("later", "afterwards", "subsequently") or \
                    t.low in self.flex.date_names:
                return True
        return False

    # --- frames ------------------------------------------------------------------------
    def frames(self) -> list[FrameHit]:
        """Every trigger of the document, read."""
        if self._hits is not None:
            return self._hits
        doc = self.doc
        tpl = doc.template
        self._hits = []
        for m in _search(self.flex.trigger, self.flex.trigger_first, TRIGGER_LABEL, doc):
            phrase = _SPACES.sub(" ", m.group().lower())
            entry = self.flex.forms.get(phrase)
            if entry is None:
                continue
            sent_i = doc.index.at(m.start())
            if sent_i not in self._tokens and not self._has_actor(sent_i):
                continue
            toks = self.tokens(sent_i)
            ts = tpl.tpl_offset(m.start())
            i = bisect_left(self._starts[sent_i], ts)
            if i >= len(toks) or toks[i].start != ts:
                continue
            n_words = len(phrase.split())
            frame = self.flex.frames[entry[0]]
            if frame.requires is not None and not frame.body_after and not frame.requires.search(
                    doc.body, m.end(), min(doc.sentences[sent_i].end, m.end() + 80)):
                continue  # "placed X on a wanted list": the act needs its complement
            hit = self._read(toks, i, i + n_words, entry, m.start(), m.end(), sent_i)
            if self._caused is not None:
                if self._caused.agents and self._caused.patients:
                    self._hits.append(self._caused)
                self._caused = None
            if hit is not None and hit.frame.post == "replaces" and hit.voice == "active":
                self._hits.extend(self._replaced_with(toks, hit))
            elif hit is not None:
                self._hits.append(hit)
        self._on_orders()
        self._decree_signers()
        return self._hits

    def _decree_signer(self, sent_i: int) -> list:
        """The person who signed (issued) a decree in the sentence ("X signed the decree
        on Thursday"), ids; [] when the sentence says none or several."""
        toks = self.tokens(sent_i)
        found = []
        for g, t in enumerate(toks):
            made = t.low in self.flex.making_verbs
            if t.low not in self.flex.signing_verbs and not made:
                continue
            nouns = self.flex.made_nouns if made else self.flex.decree_nouns
            if 2 <= g < len(toks) - 1 and toks[g - 1].cls == "be" and \
                    toks[g + 1].low == "by" and any(
                        x.low in nouns for x in toks[max(0, g - 4):g - 1]) \
                    and not self._modality(toks, g):
                # "The decree was signed by X": the passive names the signer after "by"
                found += [a for a in self._ids(toks, self._by_agent(toks, g + 1), {"person"})
                          if a not in found]
                continue
            q = g + 1
            while q < len(toks) and q - g <= 3 and toks[q].kind == "W" and \
                    toks[q].low not in nouns and toks[q].cls in ("determiners", "", "cap"):
                q += 1
            if q < len(toks) and toks[q].low in nouns and \
                    not self._modality(toks, g):
                found += [a for a in self._ids(toks, self.subject(toks, g), {"person"})
                          if a not in found]
        return found if len(found) == 1 else []

    def _decree_signers(self) -> None:
        """"Y was relieved of his post. X signed the decree on Thursday", "X signed a
        decree. Under the decree, Y was relieved": the one signer of a decree in an act's
        sentence or the one next to it does the governed acts nobody else is said to."""
        signers: dict[int, list] = {}
        for n, hit in enumerate(self._hits):
            if hit.agents or not hit.patients or not hit.factual or \
                    hit.frame.name not in self.flex.governed_frames:
                continue
            for s in (hit.sentence, hit.sentence + 1, hit.sentence - 1):
                if s < 0 or s >= len(self.doc.sentences):
                    continue
                if s not in signers:
                    sent = self.doc.sentences[s]
                    signers[s] = self._decree_signer(s) if self.flex.decree_word.search(
                        self.doc.body, sent.start, sent.end) else []
                agents = [a for a in signers[s] if a not in hit.patients]
                if agents:
                    self._hits[n] = dataclasses.replace(hit, agents=agents)
                    break

    def _on_orders(self) -> None:
        """"Y was arrested on the orders of X", "on X's orders, the KGB detained Y": the
        one whose orders an act of ``on_orders`` frames was done on ordered it against
        its patients (the order's "of" or possessor is its agent)."""
        tpl = self.doc.template
        for n, hit in enumerate(self._hits):
            if hit.frame.name not in self.flex.ordered_frames or hit.voice != "nominal" \
                    or not hit.agents or hit.patients:
                continue
            toks = self.tokens(hit.sentence)
            i = bisect_left(self._starts[hit.sentence], tpl.tpl_offset(hit.start))
            k = i - 1
            while k >= 0 and i - k <= 3 and (toks[k].cls in ("determiners", "") or (
                    toks[k].kind == "A" and toks[k].poss)) and toks[k].kind != "P":
                k -= 1
            if k < 0 or toks[k].low not in self.flex.on_orders_words:
                continue
            acts = [h for h in self._hits if h.sentence == hit.sentence and h.patients
                    and h.frame.name in self.flex.on_orders_frames and h.factual]
            if len({tuple(h.patients) for h in acts}) == 1:
                self._hits[n] = dataclasses.replace(hit, patients=list(acts[0].patients))

    def _replaced_with(self, toks, hit: FrameHit) -> list[FrameHit]:
        """"X replaced Y with Z": X dismisses Y and appoints Z (X is no one's successor);
        without "with Z", "Z replaced Y" as the frame reads it."""
        k = self._object_end
        if k + 1 < len(toks) and toks[k].low == "," and toks[k + 1].low in \
                self.flex.replaced_with:
            k += 1  # "replaced the head of the SNB, Y, with Z": past the apposition's comma
        if hit.patients and hit.post and k + 1 < len(toks) and toks[k].low == "as":
            # "replaced Y as defence minister with Z": past the post the act names
            q = k + 1
            while q < len(toks) and q - k <= 10 and toks[q].kind != "P" and \
                    toks[q].low not in self.flex.replaced_with:
                q += 1
            if q < len(toks) and toks[q].low in self.flex.replaced_with:
                k = q
        if not hit.patients or k + 1 >= len(toks) or toks[k].low not in \
                self.flex.replaced_with:
            return [hit]
        n = k + 1
        while n < len(toks) and n - k <= 3 and toks[n].kind == "W" and \
                toks[n].cls in ("", "title", "determiners"):
            n += 1  # "with economist Andrei Belousov", "with his deputy X"
        new, _ = self.actor_list(toks, n if n < len(toks) and toks[n].kind == "A" else k + 1,
                                 len(toks))
        new_ids = self._ids(toks, new, {"person"})
        if not new_ids:
            return [hit]
        out = []
        for name, patients in (("dismiss", hit.patients), ("appoint", new_ids)):
            frame = self.flex.frames[name]
            out.append(FrameHit(frame, hit.start, hit.end, hit.sentence, "active",
                                list(hit.agents), list(patients), hit.modality,
                                post=hit.post))
        return out

    def _has_actor(self, sent_i: int) -> bool:
        """Does the sentence name an actor or hold a pronoun (else no frame has roles)?"""
        sent = self.doc.sentences[sent_i]
        starts = self.doc.mention_starts
        return bisect_left(starts, sent.end) > bisect_left(starts, sent.start) or bool(
            _PRONOUN.search(self.doc.body, sent.start, sent.end))

    def _read(self, toks, i: int, after: int, entry, start: int, end: int, sent_i: int):
        name, pos, form = entry
        frame = self.flex.frames[name]
        if pos == "noun" and toks[i].low.endswith("ing") and i > 0 and \
                toks[i - 1].low == "," and i + 1 < len(toks) and (
                toks[i + 1].kind == "A" or toks[i + 1].cls in ("title", "cap")):
            pos, form = "verb", "ing"  # "reshuffled the government, sacking A": a verb
        self._kin_object = self._kin_agent = None
        self._object_noun = ""
        if pos == "verb" and i > 0 and (toks[i - 1].cls == "determiners" or (
                toks[i - 1].kind == "A" and toks[i - 1].poss)):
            pos = "noun"  # "on the charge of", "his orders", "Massimov's arrest"
        elif pos == "verb" and form in ("s", "base") and self._ground_of(toks, i) is not None:
            pos = "noun"  # "arrested on treason charges"
        if frame.accuser_speaks and entry[1] == "verb" and i > 0 and (
                toks[i - 1].cls in ("prepositions", "determiners") and toks[i - 1].low != "to"
                or form == "base" and toks[i - 1].low != "to"
                and toks[i - 1].cls != "auxiliaries"):
            return None  # "incidents of torture", "the pressure": a noun, not a wrong done
        if pos == "noun":
            agents, patients, voice = self._nominal(toks, i, after, frame)
        else:
            agents, patients, voice = self._verbal(toks, i, after, form, frame)
        if self._object_noun in self.flex.candidacy_nouns and \
                frame.name not in self.flex.candidacy_frames:
            patients = []  # "X dropped Y's candidacy" dismissed no one
        via_noun = voice == "active" and patients and self._object_noun and \
            frame.name in self.flex.candidacy_frames
        if frame.requires is not None and not via_noun:
            # the complement follows the object ("found X guilty", "placed X under
            # arrest") or, in the passive, the verb ("X was branded a traitor"); "approved
            # the cabinet led by X" needs none
            at = self._object_end if voice == "active" else after
            if at >= len(toks):
                return None
            tpl = self.doc.template
            a = tpl.body_offset(toks[at].start)
            b = tpl.body_end(toks[min(at + 4, len(toks) - 1)].end)
            m = frame.requires.search(self.doc.body, a, b)
            body = self._body_after(toks, at, frame) if m is None else None
            if m is None and body is None:
                return None
            if body is not None and voice == "passive" and not agents:
                agents = [body]  # "X was expelled from ZANU-PF": the party expelled X
        hit = FrameHit(frame, start, end, sent_i, voice)
        shared_far, self._shared_far = self._shared_far, ""
        if pos == "verb" and voice == "active" and self._kin_object is not None:
            hit.described, self._kin_object = self._kin_object, None
        if voice == "passive" and self._kin_agent is not None and not agents:
            hit.described_agent = self._kin_agent
        self._kin_agent = None
        if frame.post and (agents or patients):
            at = self._object_end if voice == "active" and (patients or hit.described) \
                else after
            # "appointed A, the former head of X, as chairman of Y": the post is the one
            # after the apposition, which only describes A
            found = self._post_after_apposition(
                toks, at, bare=toks[i].low in self.flex.complement_verbs) \
                if voice == "active" else None
            found = found or self.post(toks, at)
            for _ in range(2 if pos == "noun" else 1):
                if found is not None or at >= len(toks) or not (
                        toks[at].low == "by" and voice in ("passive", "nominal") or
                        toks[at].low == "of" and pos == "noun"):
                    break
                # "Y was replaced by X as head of the KNB", "the dismissal of Y as head",
                # "the dismissal by X of Y from the post of head"
                heads, at = self.actor_list(toks, at + 1, len(toks))
                found = self.post(toks, at) if heads else None
            if shared_far:
                found = None  # "relieved of his post as A and appointed B": no post is
                # given from this reading (its body is too often the first post's)
            if found is not None and not (frame.post == "replaces" and not patients
                                          and voice == "active" and at < len(toks)
                                          and toks[at].low != "as"):
                # "Lukashenko replaced the head of his security council": the post is the
                # unnamed one's he replaced, not his own
                hit.post = found[:2]
        # "A, whom he appointed": he is not A
        hit.agents = self._ids(toks, agents, frame.agent_types, exclude={
            toks[k].mention.actor_id for k in patients if toks[k].kind == "A"})
        # "Nazarbayev appointed him": him is not the subject of its own clause
        hit.patients = self._ids(toks, patients, frame.patient_types,
                                 exclude={a for a, _ in hit.agents})
        hit.agents = [a for a in hit.agents if a not in hit.patients]
        if frame.reciprocal and not hit.patients and len(hit.agents) == 2:
            hit.agents, hit.patients = hit.agents[:1], hit.agents[1:]
        if frame.by_court and hit.agents and all(
                self._kind(a) == "court" for a, _ in hit.agents):
            hit.frame = dataclasses.replace(frame, predicate=frame.by_court)
        hit.modality = self._modality(toks, i)
        if self._causer:
            order = self.flex.frames[self.flex.causative_frame]
            self._caused = FrameHit(order, start, end, sent_i, "active",
                                    self._ids(toks, self._causer, order.agent_types),
                                    list(hit.patients), hit.modality)
            self._causer = []
        if frame.accuser_speaks:
            self._accuser(hit)
        elif not hit.agents and frame.predicate and shared_far != "apart":
            found = [a for a in self._implicit_agents(toks, i, after, hit)
                     if a[1] in frame.agent_types]
            if found and set(found) & set(hit.patients) and all(
                    toks[k].kind == "W" for k in patients):
                # "X signed the decree on his appointment": his is not X, who appoints
                hit.patients = self._ids(toks, patients, frame.patient_types,
                                         exclude={a for a, _ in found})
            hit.agents = [a for a in found if a not in hit.patients]
        elif hit.voice == "nominal" and hit.agents and not hit.patients and \
                frame.predicate and self._conducted(toks, i, after):
            hit.patients = [p for p in self._last_patients(sent_i, frame.predicate, start)
                            if p[1] in frame.patient_types and p not in hit.agents]
        return hit

    def _body_after(self, toks, at: int, frame: Frame) -> int | None:
        """Index of the organisation a word of the frame's ``body_after`` leads to right
        after ``at`` ("from the ruling ZANU-PF party"), else None."""
        if at >= len(toks) or toks[at].low not in frame.body_after:
            return None
        for k in range(at + 1, min(len(toks), at + 4)):
            t = toks[k]
            if t.kind == "A":
                return k if not t.poss and t.mention.type == "organization" else None
            if t.cls not in ("determiners", "title", "cap", ""):
                return None
        return None

    def _conducted(self, toks, i: int, after: int) -> bool:
        """"The investigation (was) led by X": a definite act noun, then a verb of
        ``conducted_by`` and "by"."""
        if i == 0 or toks[i - 1].low not in ("the", "this", "that"):
            return False
        j = after
        while j < len(toks) and toks[j].cls in ("be", "have", "adverbs"):
            j += 1
        if j < len(toks) and toks[j].low in self.flex.conduct_verbs:
            j += 1
            if j < len(toks) and toks[j].low == "out":
                j += 1
            return j < len(toks) and toks[j].low == "by"
        return False

    def _last_patients(self, sent_i: int, predicate: str, before: int) -> list:
        """The persons the article last said an act of ``predicate`` (or a case, charges,
        a trial: ``antecedents``) was about, before body offset ``before``."""
        for hit in reversed(self._hits or []):
            if hit.start < before and hit.frame.predicate == predicate and hit.patients \
                    and hit.factual:
                found_hit = hit
                break
        else:
            found_hit = None
        nouns = self.flex.antecedent_nouns
        low = found_hit.sentence if found_hit is not None else max(0, sent_i - 6)
        for s in range(sent_i, low - 1, -1):
            toks = self.tokens(s)
            for k in range(len(toks) - 2, -1, -1):
                if toks[k].low in nouns and toks[k + 1].low in ("against", "of") and \
                        (s < sent_i or self.doc.template.body_offset(toks[k].start) < before):
                    heads, _ = self.actor_list(toks, k + 2, len(toks))
                    found = self._ids(toks, heads, {"person"})
                    if found:
                        return found
        return list(found_hit.patients) if found_hit is not None else []

    # --- agents the act's clause does not name where the frame looks -------------------
    def _implicit_agents(self, toks, i: int, after: int, hit: FrameHit):
        """The agent of an act read from the constructions of ``act_constructions``: a
        body noun subject or "by" phrase ("prosecutors charged X"), the subject of a
        governing verb ("X signed a decree on the dismissal of Y"), the body stating a
        passive act ("Y was detained, the KNB said"). A definite act noun with an agent
        and no patient ("the investigation was led by X") takes the article's last
        patient of such an act."""
        flex, frame = self.flex, hit.frame
        if hit.voice == "active":
            found = self._body_subject(toks, i)
            if not found and hit.patients and frame.name in flex.governed_frames and \
                    i > 0 and self._decree_subject(toks, i):
                found = self._decree_author(toks, subject=True)  # "X's decree appointed Y"
            if not found and hit.patients and frame.name in flex.warrant_frames:
                found = self._warrant_body(toks, self._object_end)
            return found
        agents = []
        if hit.voice in ("passive", "nominal"):
            agents = self._by_body(toks, after)
        if not agents and hit.voice == "nominal" and frame.name in flex.governed_frames:
            lo = self._boundary(toks, i)
            for g in range(i - 1, max(lo, i - 8) - 1, -1):
                if toks[g].low in flex.governors:
                    agents = self._ids(toks, self.subject(toks, g))
                    break
        if not agents and hit.patients and frame.name in flex.governed_frames:
            agents = self._decree_author(toks)
        if not agents and hit.patients and frame.name in flex.warrant_frames:
            agents = self._warrant_body(toks, after)
        if not agents and hit.patients and self.doc.attribution is not None and (
                frame.name in flex.speaker_frames or frame.name in flex.court_frames):
            speaker, modality = self.doc.attribution.at(hit.start, hit.end)
            kind = self._kind(speaker) if speaker else ""
            if speaker and modality != "denied" and (
                    kind in flex.speaker_kinds and frame.name in flex.speaker_frames
                    and (kind != "state_body" or self._enforces(speaker))
                    or kind == "court" and frame.name in flex.court_frames):
                agents = [(speaker, "organization")]
        return agents

    def _warrant_body(self, toks, k: int):
        """The body whose warrant an arrest after ``k`` was made on ("on an ICC warrant",
        "on a warrant issued by X"): ids, [] if none."""
        for j in range(k, min(len(toks), k + 12)):
            t = toks[j]
            if t.low in _ROLE_SEPARATORS or t.cls in ("subordinators", "relatives"):
                return []
            if t.low not in self.flex.warrant_nouns:
                continue
            for q in range(j - 1, max(k, j - 3) - 1, -1):
                if toks[q].kind == "A":
                    return self._ids(toks, [q], {"organization"})
            n = j + 1 + (j + 1 < len(toks) and toks[j + 1].low == "issued")
            if n < len(toks) and toks[n].low in self.flex.warrant_links:
                heads, _ = self.actor_list(toks, n + 1, len(toks))
                return self._ids(toks, heads, {"organization"})
            return []
        return []

    def _enforces(self, actor_id: str) -> bool:
        """Does a state body's name say it enforces the law (a prosecutor's office, an
        interior ministry), not only that it speaks for the state (a foreign ministry)?"""
        names = [m.surface.lower() for m in self.doc.mentions if m.actor_id == actor_id]
        return any(w in n for n in names for w in self.flex.enforcer_words)

    def _kind(self, actor_id: str) -> str:
        """The organisation kind the article's mentions give an actor ("" if none)."""
        kinds = self._kinds
        if kinds is None:
            kinds = self._kinds = {}
            for m in self.doc.mentions:
                if m.actor_id and m.type == "organization" and m.kind:
                    kinds.setdefault(m.actor_id, m.kind)
        return kinds.get(actor_id, "")

    def _body_at(self, toks, k: int):
        """(actor ids, end) of a body noun at ``k`` ("prosecutors", "the court"): the one
        body of that sort the article names; ([], k) if none or several."""
        if k >= len(toks) or toks[k].low not in self.flex.body_first:
            return [], k
        for words, spec in self.flex.body_nouns.items():
            n = len(words)
            if tuple(t.low for t in toks[k:k + n]) != words:
                continue
            j = k + n + (k + n + 1 < len(toks) and toks[k + n + 1].low == "the")
            if k + n < len(toks) and toks[k + n].low in ("of", "from") and j + 1 < len(toks) \
                    and toks[j + 1].kind == "A" and toks[j + 1].mention.type == "organization":
                return self._ids(toks, [j + 1]), j + 2  # "investigators of the KNB"
            found = self._bodies(words, spec)
            return (found, k + n) if len(found) == 1 else ([], k)
        return [], k

    def _bodies(self, words, spec) -> list[tuple[str, str]]:
        """The organisations of the article a body noun can stand for."""
        cached = self._body_cache.get(words)
        if cached is not None:
            return cached
        stems = [str(w).lower() for w in spec.get("words") or ()]
        kinds = set(spec.get("kinds") or ())
        ids = {}
        for m in self.doc.mentions:
            if m.type != "organization" or not m.actor_id:
                continue
            name = m.surface.lower()
            if (stems and any(w in name for w in stems)) or (kinds and m.kind in kinds):
                ids[m.actor_id] = "organization"
        self._body_cache[words] = out = list(ids.items())
        return out

    def _body_subject(self, toks, i: int):
        """The body noun subject of the verb group before ``i``: "Prosecutors in
        Kazakhstan have launched ..." (across a place phrase, adverbs, auxiliaries)."""
        lo = self._boundary(toks, i)
        k = i - 1
        while k >= lo and (toks[k].cls in ("adverbs", "be", "have", "auxiliaries")):
            k -= 1
        if k > lo and toks[k].low == ",":
            # "Deputies of the Mazhilis, as the lower house is known, elected": back over
            # the aside
            p = k - 1
            while p > lo and toks[p].low != ",":
                p -= 1
            if toks[p].low == "," and toks[p + 1].kind != "A":
                k = p - 1
        # back over a place phrase ("in Kazakhstan"), or the body itself ("of the KNB")
        if k >= lo + 1 and toks[k].kind == "A" and toks[k].mention.type == "place" and \
                toks[k - 1].low in ("in", "of", "from"):
            k -= 2
        elif k >= lo + 2 and toks[k].kind == "A" and toks[k].mention.type == "organization":
            q = k - 1 - (toks[k - 1].low == "the")
            if q > lo and toks[q].low in ("of", "from") and toks[q - 1].kind == "W":
                found, end = self._body_at(toks, q - 1)
                if not found and q - 2 >= lo:
                    found, end = self._body_at(toks, q - 2)
                if found and end == k + 1:
                    return found
        for n in (2, 1):
            q = k - n + 1
            if q < lo or (q > lo and toks[q - 1].cls == "prepositions"):
                continue
            if q > lo and toks[q - 1].low in ("the", "this"):
                if q - 1 > lo and toks[q - 2].cls == "prepositions":
                    continue
            found, end = self._body_at(toks, q)
            if found and end == k + 1:
                return found
        return []

    def _by_body(self, toks, k: int):
        """The body noun of the "by" phrase after a passive verb ("by investigators")."""
        for j in range(k, min(len(toks), k + 10)):
            t = toks[j]
            if t.low in _ROLE_SEPARATORS or t.cls in ("subordinators", "relatives") or \
                    t.low in self.flex.forms:
                return []
            if t.low == "by":
                n = j + 1
                while n < len(toks) and toks[n].low == "the":
                    n += 1
                return self._body_at(toks, n)[0]
        return []

    def _accuser(self, hit: FrameHit) -> None:
        """"A told the court that B extorted him": the one who did the wrong (the subject,
        or the "by" phrase) is accused by the named speaker of the clause; with no named
        speaker, or a speaker who denies it, nobody accuses."""
        doers = hit.agents
        hit.agents, hit.patients = [], []
        if hit.modality or self.doc.attribution is None:
            return
        speaker, modality = self.doc.attribution.at(hit.start, hit.end)
        if not speaker or modality == "denied" or any(speaker == d for d, _ in doers):
            return
        hit.agents = [(speaker, self._type(speaker))]
        hit.patients = doers

    def _type(self, actor_id: str) -> str:
        return next((m.type for m in self.doc.mentions if m.actor_id == actor_id), "person")

    def _verbal(self, toks, i: int, after: int, form: str, frame: Frame):
        self._object_end = after
        if form == "past" and i >= 2 and toks[i - 1].kind == "A" and not toks[i - 1].poss \
                and toks[i - 2].low in self.flex.causatives:
            # "X had Y arrested": Y undergoes the act, X ordered it
            self._causer = self.subject(toks, i - 2)
            return [], [i - 1], "passive"
        if form == "past" and i >= 1 and toks[i - 1].low in _ATTRIBUTIVE_BEFORE and \
                (after >= len(toks) or toks[after].low != "by"):
            # "the son of jailed banker X", "met the detained X": an attribute of X, no
            # act told (and the sentence's subject never its agent)
            return [], [], "active"
        j = i - 1
        be = to = False
        while j >= 0 and toks[j].cls in ("adverbs", "be", "have", "auxiliaries") or (
                j >= 0 and toks[j].low == "to") or (
                # "was first appointed": "first" an adverb only right after "be"
                j >= 1 and toks[j].low == "first" and toks[j - 1].cls in ("be", "have")):
            be = be or toks[j].cls == "be"
            to = to or toks[j].low == "to"
            j -= 1
        group_start = j + 1
        if to and self._controlled(toks, group_start):
            # "X ordered the police to arrest Y": the police act, not X
            subject = [group_start - 1] if toks[group_start - 1].kind == "A" else []
            return subject, self.objects(toks, after), "active"
        relative = j >= 0 and toks[j].cls == "relatives" or (
            j >= 0 and toks[j].low == "that" and j > 0 and toks[j - 1].kind == "A")
        if relative:
            # "A, a protege of X, who appointed him": with a pronoun object the person
            # after "of" acts, and the pronoun is the other one
            of_acts = not be and after < len(toks) and toks[after].cls == \
                "object_pronouns" and j >= 2 and toks[j - 1].low == "," and \
                toks[j - 2].kind == "A" and toks[j - 2].mention.type == "person" and \
                self._after_of(toks, j - 2)
            k = j - 2 if of_acts else self._skip_apposition(toks, j - 1)
            while k >= 0 and toks[k].low == ",":
                k -= 1
            # "A and B, who were removed": both
            subject = self._list_ending(toks, k) if k >= 0 and toks[k].kind == "A" and \
                not toks[k].poss and (of_acts or not self._after_of(toks, k)) else []
        elif form == "ing" and not be and group_start > 1 and toks[group_start - 1].low == ",":
            subject = self._adjunct_subject(toks, group_start)
        elif be and toks[group_start].low == "being" and group_start > 1 and \
                toks[group_start - 1].low in self.flex.clause_openers:
            # "A took over after being appointed by X": A, the clause's subject
            subject = self._adjunct_subject(toks, group_start - 1)
        elif be and toks[group_start].low == "being" and group_start == 1 and \
                toks[0].low in self.flex.clause_openers:
            # "After being fired by X, A fled": A, the subject after the opening phrase
            c = next((n for n in range(after, len(toks)) if toks[n].low == ","), len(toks))
            item = self._item(toks, c + 1, len(toks)) if c + 1 < len(toks) else None
            subject = [item[0]] if item and toks[item[0]].kind == "A" else []
        else:
            subject = self.subject(toks, group_start, possessive_ok=to or form == "ing")
        if form == "past" and not be and not relative:
            v = self._coordinated_passive(toks, group_start, after, frame)
            if v >= 0:
                k = v - 1
                while k >= 0 and toks[k].cls in ("adverbs", "be", "have", "auxiliaries"):
                    k -= 1
                # "Y was relieved of his post by X and appointed ambassador": X did both;
                # not when the second act has a time of its own ("appointed by X in 2018
                # and dismissed in 2020")
                own_time = self._own_time(toks, after)
                agents = self._by_agent(toks, after) or (
                    [] if own_time else self._by_agent(toks, v + 1))
                # "far": the post is not this reading's; "apart": nor is the decree
                self._shared_far = "" if v == group_start - 2 else \
                    "apart" if own_time else "far"
                return agents, self.subject(toks, k + 1), "passive"
        by_next = after < len(toks) and toks[after].low == "by"
        # "A, the Prime Minister of B, resigned on Monday": an act nobody undergoes has
        # no participle said of the name before it; B closes an apposition, and A acts
        undergone = dict(frame.roles).get("patient") != "participant"
        participial = form == "past" and not be and not relative and (
            by_next or (group_start > 0 and toks[group_start - 1].low == ","
                        and (self._by_agent(toks, after) or undergone and
                             self._bare_participle(toks, group_start, after))))
        if form == "past" and (be or participial):
            if participial and not be:
                k = group_start - 1
                while k >= 0 and toks[k].low == ",":
                    k -= 1
                subject = [k] if k >= 0 and toks[k].kind == "A" and not toks[k].poss else []
            return self._by_agent(toks, after), subject, "passive"
        if form == "past" and not be and group_start > 0 and toks[group_start - 1].kind == "W" \
                and toks[group_start - 1].cls == "" and after < len(toks) \
                and toks[after].cls == "prepositions":
            return [], [], "passive"  # "people detained in the unrest": a reduced relative
        if subject and not relative:
            q = min(subject) - 1
            while q > 0 and toks[q].cls in ("title", "cap", "determiners"):
                q -= 1
            if q >= 3 and toks[q].low in self.flex.government_nouns \
                    and toks[q - 1].low == "whose":
                q -= 1  # "A, whose government X dismissed": dismissing it dismisses A
            if q >= 2 and toks[q].low in ("whom", "whose") and toks[q - 1].low == "," \
                    and toks[q - 2].kind == "A" and not toks[q - 2].poss:
                # "A, whom X appointed in 2019,": A is the object
                self._object_end = after
                return subject, self._list_ending(toks, q - 2), "active"
        objects = self.objects(toks, after)
        if not objects and frame.name in self.flex.ordered_frames:
            objects = self._ordered_act(toks, after)
        if frame.object_required and not objects:
            return [], [], "active"
        return subject, objects, "active"

    def _adjunct_subject(self, toks, group_start: int) -> list[int]:
        """The subject of an -ing clause after a comma (or "after being ..."): the
        subject of the clause it is added to when that clause has a verb and an object
        ("Lukashenko fired Rumas, accusing him of ...": Lukashenko accuses), else the actor
        before the comma ("Rumas, accusing Lukashenko of ..., resigned")."""
        near = self.subject(toks, group_start, possessive_ok=True)
        if not near:
            return near
        lo = self._boundary(toks, group_start - 1)
        k = min(near)
        while k > lo and (toks[k - 1].cls in ("title", "cap", "determiners") or toks[k - 1].kind
                          == "A" or toks[k - 1].low in (",", "and")):
            k -= 1
        if k <= lo or toks[k - 1].kind != "W" or toks[k - 1].cls not in ("trigger", ""):
            return near
        g = k - 1  # the verb whose object the actor before the comma is
        while g > lo and toks[g - 1].cls in ("adverbs", "be", "have", "auxiliaries"):
            g -= 1
        main = self.subject(toks, g)
        return main or near

    def _controlled(self, toks, group_start: int) -> bool:
        """Is the infinitive starting at ``group_start`` ("to arrest") the act of the
        object of a verb of ordering or asking before it ("ordered the police to")?"""
        q = group_start - 1
        while q >= 0 and group_start - q <= 4 and toks[q].kind == "W" and \
                toks[q].cls in ("", "determiners", "title", "cap"):
            q -= 1
        if q >= 0 and toks[q].kind == "A" and not toks[q].poss and q == group_start - 1:
            q -= 1  # "asked the CSTO to send", "ordered Tashiev to arrest"
        return q >= 0 and q < group_start - 1 and toks[q].kind == "W" and (
            toks[q].low in self.flex.controllers or
            self.flex.forms.get(toks[q].low, ("",))[0] in self.flex.ordered_frames)

    def _bare_participle(self, toks, group_start: int, after: int) -> bool:
        """Is a past form after "A," with no object a participle said of A ("Y,
        arrested on the orders of X, was pardoned"; "Y, appointed state secretary in
        2022, ...": a title is the post, no object), not A's own act?"""
        while after < len(toks) and toks[after].kind == "W" and toks[after].cls == "title":
            after += 1
        return group_start >= 2 and toks[group_start - 2].kind == "A" and \
            not toks[group_start - 2].poss and after < len(toks) and \
            toks[after].kind == "W" and toks[after].cls == "prepositions"

    def _kin_term(self, toks, k: int):
        """(kinship term, end) of a kinship noun at ``k`` not followed by a name ("his
        daughter as chief of staff", not "his daughter Ozoda")."""
        for n in (3, 2, 1):
            words = tuple(t.low for t in toks[k:k + n])
            found = self.flex.relational.get(words) if len(words) == n else None
            if found and found[0] == "relative_of":
                end = k + n
                if end < len(toks) and (toks[end].kind == "A" or toks[end].low == ","):
                    return None
                return found[1], end
        return None

    def _tie_term(self, toks, k: int):
        """(term, end) of one ally or subordinate, after at most one modifier, that ends
        the object ("sacked his longtime friend on Tuesday", "dismissed his deputy."):
        the article may say who; None for a plural, a name or a list after it."""
        for s in (k, k + 1):
            if s > k and not (toks[k].kind == "W" and toks[k].cls in ("", "title")):
                break
            found = self.flex.relational.get((toks[s].low,)) if s < len(toks) else None
            if found and not found[2] and found[0] in ("ally_of", "subordinate_of") and \
                    found[1] == toks[s].low and (s + 1 == len(toks) or toks[s + 1].low in (
                        ".", "on", "in", "at", "last", "this", "after", "over", "for")):
                return found[1], s + 1
        return None

    def _ordered_act(self, toks, k: int) -> list[int]:
        """The one an order is about when the order names an act, not its receiver: "X
        ordered the arrest of Y" (or "an investigation into Y", "Y's arrest"), "X ordered
        to imprison Y", "X ordered that Y be detained"."""
        stop = len(toks)
        n = k + 1
        while n < stop and n - k <= 2 and toks[n].kind == "W" and toks[n].cls == "" and \
                toks[n].low not in self.flex.forms:
            n += 1  # "the pre-trial detention of Y", "an immediate investigation into Y"
        if n + 1 < stop and toks[k].low in ("the", "a", "an") and \
                toks[n].low in self.flex.forms and toks[n + 1].low in ("of", "into",
                                                                       "against"):
            return self.actor_list(toks, n + 2, stop)[0]  # "an investigation into Y"
        if k + 1 < stop and (toks[k].low in ("his", "her", "their") or (
                toks[k].kind == "A" and toks[k].poss)) and (
                toks[k + 1].low in self.flex.forms or k + 2 < stop and toks[k + 1].kind == "W"
                and toks[k + 1].cls == "" and toks[k + 2].low in self.flex.forms):
            return [k]  # "X ordered his arrest", "Y's detention", "his pre-trial detention"
        q = k
        while q < stop and q - k < 4 and toks[q].kind == "W" and toks[q].low != "to" and \
                toks[q].cls in ("", "determiners", "title", "cap"):
            q += 1  # "X ordered law enforcement agencies to investigate Y"
        if q + 2 < stop and toks[q].low == "to" and toks[q + 1].kind == "W" and \
                toks[q + 1].cls in ("", "trigger"):
            if toks[q + 2].cls == "object_pronouns":
                return [q + 2]
            return self.actor_list(toks, q + 2, stop)[0]
        if k + 2 < stop and toks[k].low == "that" and toks[k + 1].kind == "A" and \
                any(t.cls == "be" for t in toks[k + 2:k + 4]):
            return self.actor_list(toks, k + 1, stop)[0]
        return []

    def _nominal(self, toks, i: int, after: int, frame: Frame):
        agents, patients = [], []
        k = i - 1
        while k >= 0 and toks[k].kind == "W" and toks[k].cls in ("title", "cap", "") \
                and i - k <= 2 and toks[k].low not in self.flex.forms:
            k -= 1
        possessor = k >= 0 and ((toks[k].kind == "A" and toks[k].poss) or toks[k].low in (
            "his", "her"))
        if possessor:
            (agents if frame.possessor == "agent" else patients).append(k)
        stop = len(toks)
        if after < stop and toks[after].low in _CLOSING_QUOTES:
            after += 1  # 'part of "the revenge" of X': the quotation marks only the noun
        for j in range(after, min(stop, after + 12)):
            t = toks[j]
            if t.low in _ROLE_SEPARATORS or t.cls in ("subordinators", "relatives") or \
                    t.low in self.flex.forms:
                break
            if t.low == "of" and frame.of_role == "agent" and not agents:
                agents, _ = self.actor_list(toks, j + 1, stop)
            elif t.low in ("of", "into", "against") and possessor and patients == [k] \
                    and not agents and frame.of_role == "patient" and j == after:
                # "the KNB's arrest of X": with an "of" patient the possessor acts
                agents, (patients, _) = [k], self.actor_list(toks, j + 1, stop)
            elif t.low in ("of", "into", "against") and not patients:
                patients, _ = self.actor_list(toks, j + 1, stop)
            elif t.low == "by" and not agents:
                agents, _ = self.actor_list(toks, j + 1, stop)
        for words in frame.receivers:
            n = len(words)
            for q in range(max(0, k - n - 2), k - n + 2):
                if tuple(x.low for x in toks[q:q + n]) == words and not patients:
                    patients = self.subject(toks, q)  # "he carried out the orders of X"
        if not patients and not agents:
            patients = self._ground_patients(toks, i)
        return agents, patients, "nominal"

    def _modality(self, toks, i: int) -> str:
        """How the act at token ``i`` is told: the cues of its clause before it."""
        lo = i
        while lo > 0 and i - lo < 12 and toks[lo - 1].low not in (";", ",", ".") \
                and toks[lo - 1].low not in _ROLE_SEPARATORS:
            lo -= 1
        if lo >= i:
            return ""
        text = self.doc.template.text[toks[lo].start:toks[i].start]
        low = text.lower()  # lowered once for the cheap test of every kind
        for kind, rx, words in self.flex.modality:
            if not lowered_may_hold(low, words):
                continue
            m = rx.search(text)
            # "in May", "on 12 May": the month, not the modal verb
            if m is not None and (m.group() not in self.flex.month_names or any(
                    n.group() not in self.flex.month_names for n in rx.finditer(text))):
                return kind
        return ""

    # --- relational noun phrases --------------------------------------------------------
    def relational(self, posts=()) -> list[tuple]:
        """(predicate, member ids, owner ids, detail, sentence, first token, last token)
        read from relational nouns and their appositions: "X's nephew, A", "A, the
        younger brother of Kazakhstan's first president, B", "three of X's deputies – A,
        B and C", "the former head of the KNB's 5th department, A" (the KNB: a title
        attaches to the body named, not to the country), "A, spouse of the first
        president's middle daughter B" (a definite description resolved within the
        article). ``posts``: the article's holds_position statements, which say who
        "the first president" is."""
        self.describe(posts)
        out = []
        doc = self.doc
        hinted: set[int] = set()
        for label in _RELATIONAL_LABELS:
            hinted |= doc._sentences_with(label)
        for m in _search(self.flex.superior, self.flex.superior_first, SUPERIOR_LABEL, doc):
            hinted.add(doc.index.at(m.start()))
        starts = doc.mention_starts
        for sent_i in sorted(hinted):
            sent = doc.sentences[sent_i]
            named = bisect_left(starts, sent.end) - bisect_left(starts, sent.start)
            if named < 1 or (named == 1 and not _PRONOUN.search(doc.body, sent.start,
                                                                 sent.end)
                             and not _DESCRIBED_OWNER.search(doc.body, sent.start, sent.end)):
                continue  # a relation needs two actors, or one and a pronoun or a
                # description ("the Belarusian leader's son A", "a nephew of the president")
            toks = self.tokens(sent_i)
            first = self.flex.first_words
            for r in range(len(toks)):
                if toks[r].cls != "title" and toks[r].low not in first:
                    continue
                found = self._relational_at(toks, r)
                if found:
                    out.extend((*x, sent_i) for x in found)
        return out

    def describe(self, posts) -> None:
        """Learn from the article's holds_position statements who its definite
        descriptions name ("the first president": its one former president)."""
        self._descriptions = _descriptions(posts, self.flex.status_former,
                                           self.flex.head_titles)

    def _term(self, toks, r: int):
        """(predicate, detail, inverse, end) of a relational noun starting at ``r``: a
        kinship, subordinate or ally term, or a title ("first deputy chair")."""
        t = toks[r]
        if t.kind != "W":
            return None
        n_toks = len(toks)
        lows = tuple(x.low for x in toks[r:r + 3])  # the words of the longest term
        for n in (3, 2, 1):
            words = lows[:n]
            if len(words) == n and words in self.flex.relational and not any(
                    x.poss for x in toks[r:r + n - 1]) and not (
                    r + n < n_toks and toks[r + n].cls == "title" and not toks[r + n - 1].poss
                    and self.flex.relational[words][0] != "relative_of"):
                return (*self.flex.relational[words], r + n)
        if t.cls != "title" or t.low in self.flex.status_former or t.low in self.flex.demonyms:
            return None
        prev = toks[r - 1] if r else None
        if prev is not None and (prev.low,) in self.flex.relational and \
                self.flex.relational[(prev.low,)][0] == "relative_of":
            return None  # "his brother President X": the title is X's, not a relation
        if prev is not None and prev.cls == "title" and not prev.poss and \
                prev.low not in self.flex.status_former and prev.low not in self.flex.demonyms:
            return None  # read once, from the title's first word
        end = r + 1
        while end < n_toks and toks[end].cls == "title" and not toks[end - 1].poss:
            end += 1
        words = [x.low for x in toks[r:end]]
        if not any(w in self.flex.title_heads for w in words):
            return None
        return ("holds_position", " ".join(words), False, end)

    @staticmethod
    def _whose_owner(toks, p: int) -> int | None:
        """The token of the person "whose" at ``p`` is said of: the actor before its comma,
        or before the apposition it ends ("X, the exiled opposition leader whose")."""
        q = p - 1
        if toks[q].low != ",":
            while q > 0 and p - q <= 6 and toks[q].kind == "W" and \
                    toks[q].cls in ("title", "", "cap", "determiners", "adverbs"):
                q -= 1
            if toks[q].low != "," or toks[q + 1].cls != "determiners":
                return None
        return q - 1 if q >= 1 and toks[q - 1].kind == "A" and not toks[q - 1].poss \
            else None

    def _relational_at(self, toks, r: int):
        term = self._term(toks, r)
        if term is None:
            return None
        predicate, detail, inverse, end = term
        if toks[end - 1].poss:
            return None  # "the president's daughter": the president is an owner here
        end = self._second_noun(toks, end, predicate)
        owners, members, last = [], [], end
        paired = []  # "the presidents of A and B": one owner for each member, in order
        owner_pronoun = None  # "his wife X": the token of "his"
        # owner before: "X's [former] nephew", "his deputies", "the first president's"
        p = r - 1
        while p >= 0 and p >= r - 3 and toks[p].kind == "W" and not toks[p].poss and (
                toks[p].cls in ("title", "") or toks[p].low.isdigit() or (
                    toks[p].cls == "determiners" and toks[p].low not in (
                        "his", "her", "their", "its", "the", "a", "an"))) and \
                toks[p].low not in ("of", "and"):
            p -= 1
        inner_term = self._term(toks, p) if predicate == "relative_of" and p >= 1 and \
            toks[p].kind == "W" and toks[p].poss else None
        if inner_term is not None and inner_term[0] == "relative_of" and inner_term[3] == p + 1:
            # "his daughter's husband, A", "X's daughter's husband": the owner of the inner
            # term, and the compound term ("daughter's husband")
            q = p - 1
            while q >= 1 and toks[q].low in self.flex.kin_modifiers:
                q -= 1
            if toks[q].poss or toks[q].low in ("his", "her", "their"):
                detail = compound_kin(detail, inner_term[1])
                p = q
        if p >= 0 and (toks[p].poss or toks[p].low in ("his", "her", "their")):
            owners = self._owner(toks, p)  # "X's deputies", "his accomplices"
            if predicate == "holds_position" and (any(
                    t.cls == "" and t.low in self.flex.org_head_nouns for t in toks[p + 1:r])
                    or any(t.low in self.flex.kind_nouns for t in toks[p + 1:end])):
                return None  # "Georgia's ruling party chairman": a post in the party
            if predicate == "holds_position" and any(
                    t.low in self.flex.person_nouns for t in toks[p + 1:r]):
                return None  # "his colleague Senator X": a peer's title, no one's staff
            owner_pronoun = p if toks[p].kind == "W" and not toks[p].poss else None
        elif predicate == "relative_of" and r >= 1 and toks[r - 1].low == "another" and (
                r == 1 or toks[r - 2].low in (",", "and", ";")):
            # "Her brother A is a congressman. Another brother, B, is a mayor": the owner
            # of the brother named before
            owner = earlier_owner(self.doc, self.doc.template.body_offset(toks[r - 1].start),
                                  toks[r].low, ())
            owners = [(owner, "person")] if owner else []
        elif p >= 2 and toks[p].low == "whose" and \
                (whose := self._whose_owner(toks, p)) is not None:
            # "X, whose daughter is Y", "X, the exiled opposition leader whose husband Y"
            owners = self._ids(toks, [whose])
        elif r >= 1 and predicate != "holds_position" and toks[r - 1].kind == "A" and \
                toks[r - 1].mention.type == "person" and end < len(toks) and \
                toks[end].kind == "A" and toks[end].mention.type == "person":
            owners = self._ids(toks, [r - 1])  # "Nazarbaev lieutenant Karim Masimov"
        elif predicate == "relative_of" and r >= 3 and toks[r - 1].low in ("'", "’") and \
                toks[r - 2].cls == "cap" and toks[r - 3].low == "the":
            owners = self._couple(toks, r - 2)  # "the Aliyevs' daughters"
        # owner after: "nephew of X", "adviser to X", "head of X's department"
        if predicate == "relative_of":  # "the younger brother of": the term as written
            detail = modified(self.doc.lex, self.doc.template.text, toks[r].start, detail)
        if not owners and end < len(toks) and toks[end].low in ("of", "to"):
            owners, last = self._owner_after(toks, end + 1,
                                             every=predicate != "holds_position")
            if predicate == "holds_position" and _PLURAL_HEAD.search(detail):
                paired, paired_end = self._owned_list(toks, end + 1)
                if len(paired) > 1:
                    last = paired_end
            if toks[end].low == "to" and predicate == "holds_position":
                # "ambassador to Washington": the place hosts the post, it is not its body
                owners = [o for o in owners if o[1] != "place"]
            if predicate == "holds_position" and owners and \
                    toks[last - 1].low in self.flex.family_nouns and \
                    all(o[1] == "person" for o in owners):
                # "a member of the Nazarbayev family": a relative of the family's head
                predicate, detail = "relative_of", "family member"
            if predicate == "holds_position" and last > end + 1 and toks[last - 1].kind == "W" \
                    and toks[last - 1].cls == "" and all(o[1] == "person" for o in owners):
                # "a member of Putin's inner circle": the post is in the circle, not Putin's
                owners = []
            inner = self._inner_kin(toks, end + 1, last) if predicate == "relative_of" \
                else ""
            if predicate != "holds_position" and not inner and \
                    self._owned_noun(toks, end + 1, last):
                # "the son-in-law of X's former chief of staff": of the unnamed chief
                owners = []
            if inner and all(o[1] == "person" for o in owners) and \
                    toks[last - 1].kind == "W":
                # "the wife of one of X's nephews": X's nephew's wife (not "the husband
                # of X's daughter B": B's husband)
                detail = compound_kin(detail, inner)
        if not owners and predicate == "holds_position":
            owners, last = self._implied_body(toks, r, end)
        if not owners and not (predicate == "relative_of" and owner_pronoun is not None):
            return None  # a kin term's pronoun owner is decided below (family_owner)
        if owners and last == end and last + 2 < len(toks) and toks[last].low in ("at", "in"):
            o = last + 1 + (toks[last + 1].low == "the")
            if o + 1 < len(toks) and toks[o].kind == "A" and not toks[o].poss and \
                    toks[o].mention.type == "organization" and toks[o + 1].low == ",":
                last = o + 1  # "X's former deputies at the KNB, A and B"
        # members after: ", A" / " – A, B and C" / " A"
        k, stop = last, len(toks)
        if k < len(toks) and (toks[k].low in (",", ":") or toks[k].low in _DASHES):
            if toks[k].low in _DASHES:  # "– A, B and C – as well as D": D is not one
                stop = next((j for j in range(k + 1, len(toks)) if toks[j].low in _DASHES),
                            stop)
            k += 1
        elif last > end:
            k = len(toks)  # "spouse of A B": B is no apposition to the spouse
        while k < len(toks) and toks[k].kind == "W" and re.fullmatch(
                r"\d+-year-old|\d+", toks[k].low):
            k += 1
        if k > last and k < len(toks) and toks[k].low in ("the", "a", "an"):
            # ", the now deceased organized crime boss A": a description, then the name;
            # ", the former deputy head of the KNB A": with the body of a title
            j = k + 1
            while j < stop and j - k <= 9 and (toks[j].kind == "W" and toks[j].cls in (
                    "", "title", "adverbs") and toks[j].low not in ("of", "and", "or") or (
                    toks[j].low == "of" and toks[j - 1].cls == "title") or (
                    toks[j].low == "the" and toks[j - 1].low == "of") or (
                    toks[j].kind == "A" and not toks[j].poss and toks[j].mention.type !=
                    "person" and toks[j - 1].low in ("of", "the"))):
                j += 1
            if j + 1 < stop and toks[j].low == "," and toks[j - 1].kind == "A" and \
                    toks[j + 1].kind == "A" and toks[j + 1].mention.type == "person":
                j += 1  # ", the former head of the KNB, A"
            if j < stop and toks[j].kind == "A" and not toks[j].poss:
                k = j
        if k < len(toks) and (toks[k].kind == "A" or toks[k].cls in ("title", "cap")):
            members, _ = self.actor_list(toks, k, stop)
            if predicate == "holds_position":
                # "A's Prime Minister X and B's President Y": Y's own title is his post
                members = members[:1] + [h for h in members[1:] if not (
                    toks[h - 1].cls == "title" or toks[h - 1].poss)]
            else:
                # a title before a name names a person ("his friend, lead L" is a verb)
                members = [h for h in members if h == k or
                           toks[h].mention.type == "person"]
        # members after a copula: "the eldest son of X is A", "X, whose nephew is A"
        if not members and last < len(toks) and toks[last].cls == "be" and \
                last + 1 < len(toks) and toks[last + 1].kind == "A" and (
                    r <= 3 or toks[r - 1].low == "whose"):
            members, _ = self.actor_list(toks, last + 1, len(toks))
        if not members:  # "A, the nephew of X", "A, 56, is a longtime ally of X"
            members = self._member_before(toks, r, predicate == "ally_of")[::-1]
        if not members:
            return None
        if predicate != "holds_position" and _singular(toks[r:end], term[1]):
            # "X's nephew A and B were arrested", "B and A, X's nephew": one relative,
            # the name next to the term
            members = members[:1]
        member_ids = self._ids(toks, members, exclude={i for i, _ in owners})
        if owner_pronoun is not None and set(owners) & set(member_ids) and (
                members[0] > r or toks[owner_pronoun - 1].low in (",", "and")):
            # "A and B, his longtime friend", "A, the head of C and his ally": his is not
            # B's (A's) own
            owners = self._ids(toks, [owner_pronoun], exclude={i for i, _ in member_ids})
        owner_ids = owners
        if predicate == "relative_of" and owner_pronoun is not None:
            owners = self._verb_subject(toks, owner_pronoun) or owners
            owner_ids = [(o, "person") for o in family_owner(
                self.doc, self.doc.template.body_offset(toks[owner_pronoun].start),
                toks[owner_pronoun].low, [i for i, _ in member_ids],
                [o for o, _ in owners])]
        out = []
        if predicate == "subordinate_of" and not inverse and all(
                o[1] != "person" for o in owner_ids):
            predicate = "holds_position"  # "deputy of the KNB": a post
        if predicate == "holds_position":
            orgs = [o for o in owner_ids if o[1] in ("organization", "place")]
            people = [o for o in owner_ids if o[1] == "person"]
            if len(paired) > 1:
                members = sorted(members)
                if len(members) != len(paired):
                    return None  # who holds which of the posts is not told
                return [("holds_position", self._ids(toks, [m]), [o], detail, r, last)
                        for m, o in zip(members, paired)]
            if orgs:
                out.append(("holds_position", member_ids, orgs, detail, r, last))
            elif people:
                out.append(("subordinate_of", member_ids, people, detail, r, last))
            return out
        if inverse:
            return [(predicate, owner_ids, member_ids, detail, r, last)]
        return [(predicate, member_ids, owner_ids, detail, r, last)]

    def _couple(self, toks, f: int) -> list:
        """The two persons a family's plural at ``f`` names ("the Aliyevs'"): the man
        and the woman of that family name the article named before, if exactly those."""
        word = toks[f].low
        names = {family_key("x " + w) for w in (word[:-1], word[:-2] if word.endswith(
            "es") else "") if w}
        tpl = self.doc.template
        before = tpl.body_offset(toks[f].start)
        found = {}
        for m in self.doc.mentions:
            if m.start >= before:
                break
            if m.type == "person" and m.actor_id and " " in m.surface.strip() and \
                    family_key(m.surface) in names:
                found.setdefault(m.actor_id, self.doc.antecedents.female(m.surface))
        if len(found) == 2 and set(found.values()) == {True, False}:
            return [(a, "person") for a in found]
        return []

    def _verb_subject(self, toks, p: int) -> list:
        """The person subject of the act whose object a possessive pronoun at ``p``
        opens ("the head of state appointed his elder son A": the head of state's son,
        not the son of the one named last), else []."""
        if p < 1 or toks[p - 1].cls != "trigger":
            return []
        g = p - 1
        while g > 0 and toks[g - 1].cls in ("adverbs", "be", "have", "auxiliaries"):
            g -= 1
        if any(t.cls == "be" for t in toks[g:p - 1]):
            return []  # "was dismissed his ...": no active subject
        return self._ids(toks, self.subject(toks, g), {"person"})

    def _second_noun(self, toks, end: int, predicate: str) -> int:
        """The end of a relational noun coordinated with a second noun that is no
        kinship term ("the son and namesake of X", "X's son-in-law and chief bodyguard,
        A"): the owner and the names follow the second; else ``end``."""
        if predicate == "holds_position" or end + 2 >= len(toks) or toks[end].low != "and":
            return end
        j = end + 1
        while j < len(toks) and j - end <= 3 and toks[j].kind == "W" and \
                toks[j].cls in ("title", "") and not toks[j].poss:
            if (toks[j].low,) in self.flex.relational and \
                    self.flex.relational[(toks[j].low,)][0] == "relative_of":
                return end  # "his wife and daughter A": two terms
            j += 1
        if j > end + 1 and j < len(toks) and (toks[j].low in ("of", ",") or
                                              toks[j].kind == "A"):
            return j
        return end

    def _member_before(self, toks, r: int, ally: bool = False) -> list[int]:
        """The actor a relational noun at ``r`` is said of, written before it: after an
        apposition comma or a copula, across an age (", 56,") and a first apposition
        ("a billionaire and"); for an ally, also after "one of" and a verb of
        ``ally_copulas`` ("A, seen as X's man", "A, one of the allies of X")."""
        q = r - 1
        while q >= 0 and r - q <= 12 and (
                (toks[q].kind == "W" and (toks[q].cls in ("title", "", "determiners",
                                                          "adverbs", "be", "relatives")
                                          or toks[q].poss
                                          or toks[q].low in self.flex.honorifics
                                          or _partitive(toks, q, self.flex.kin_modifiers)))
                or (toks[q].kind == "A" and toks[q].poss)
                or toks[q].low in _SCARE_QUOTES  # 'A, who is “called” the spouse of'
                or toks[q].low in self.flex.naming_verbs
                or (toks[q].low == "to" and q + 1 < r and toks[q + 1].low == "be")
                or (ally and q >= 1 and (toks[q].low, toks[q - 1].low) == ("of", "one"))
                or (ally and q >= 1 and toks[q].low == "as" and toks[q - 1].low in
                    self.flex.ally_copulas)):
            if ally and toks[q].low in ("of", "as") and q >= 1:
                q -= 1  # "one of", "seen as": on to the verb or the number
                if toks[q].low == "one":
                    q -= 1
                    continue
            if (toks[q].cls == "be" or (ally and toks[q].low in self.flex.ally_copulas)) \
                    and q >= 1:
                k = q - 1
                while k >= 0 and toks[k].cls in ("adverbs", "relatives", "have"):
                    k -= 1
                k = self._skip_age(toks, k)
                if k >= 0 and toks[k].kind == "A" and not toks[k].poss:
                    return self._list_ending(toks, k)  # "A is the son of X"
                if k >= 0 and toks[k].low in ("he", "she") and (
                        k == 0 or toks[k - 1].kind == "P" or toks[k - 1].low in
                        self.flex.speech_verbs or toks[k - 1].low in ("that", "and", "but")):
                    return [k]  # "She is the daughter of X": the one she stands for
                if k >= 1 and toks[k].low == "," and toks[k - 1].kind == "A" and \
                        not self._object_of_titled(toks, k - 1):
                    # not "A, a grandson of X, is the son of B" (nor "of former president
                    # X"): X ends an apposition
                    return self._list_ending(toks, k - 1)
                if k >= 0 and toks[k].low == "and":
                    # "A, who ... and is X's son"; "A, a lawyer, has served as minister
                    # since 2022 and is seen as X's ally": the sentence's subject
                    return self._who_antecedent(toks, k) or self._opening_subject(toks, k)
                if k >= 0 and toks[k].low == ",":
                    # "A, known as the Protector, is the father of X": across one
                    # apposition or relative clause to the name before it
                    c = k - 1
                    while c > 0 and k - c < 20 and toks[c].low not in (",", ";", ":"):
                        c -= 1
                    # "A, 62, a former convict who ..., was seen as X's ally": across
                    # the age too
                    if c > 0 and self._skip_age(toks, c) != c:
                        c = self._skip_age(toks, c) + 1
                    if c > 0 and toks[c].low == "," and toks[c - 1].kind == "A" and \
                            not toks[c - 1].poss:
                        return self._list_ending(toks, c - 1)
            q -= 1
        a = r - 1
        while a > 0 and r - a <= 4 and toks[a].kind == "W" and toks[a].low != "and" and \
                toks[a].cls in ("determiners", "title", "", "adverbs"):
            a -= 1
        if a >= 1 and toks[a].low == "and":
            # "A, the secretary of the Security Council and a longtime ally of X", "A,
            # chairman of the veterans' association and a close ally of X": across a
            # first apposition that opens with an article or a title and names no person
            q, c = a, a - 1
            while c > 0 and q - c < 12 and toks[c].low not in (",", ";", ":") and \
                    toks[c].cls != "be" and not (
                    toks[c].kind == "A" and toks[c].mention.type == "person"
                    and toks[c - 1].low != "of"):
                c -= 1
            if c > 0 and toks[c].low == "," and (toks[c + 1].low in ("the", "a", "an") or
                                                 toks[c + 1].cls == "title"):
                q = c
            elif c > 0 and toks[c].cls == "be" and toks[c + 1].low in ("the", "a", "an") \
                    and toks[c - 1].kind == "A" and not toks[c - 1].poss:
                # "A is the wife of B and the daughter of C": A, the copula's subject
                return self._list_ending(toks, c - 1)
        if q >= 1 and toks[q].low == ",":
            k = self._skip_age(toks, q)  # "A, 57, a longtime ally of X"
            k = k if k != q else q - 1
            if k >= 0 and toks[k].kind == "A" and not toks[k].poss:
                return self._list_ending(toks, k)
        return []

    @staticmethod
    def _opening_subject(toks, k: int) -> list[int]:
        """The person a sentence opens with, as the subject of a second verb phrase
        that "and" at ``k`` joins to the first; none when a clause of another kind (a
        subordinator, a relative, a speech's "that") or another person comes between."""
        if k < 2 or toks[0].kind != "A" or toks[0].poss or \
                toks[0].mention.type != "person" or toks[1].low not in (",",) and \
                toks[1].cls not in ("be", "have", "trigger", "adverbs", ""):
            return []
        for t in toks[1:k]:
            if t.cls in ("subordinators", "relatives") or t.low in (";", ":") or (
                    t.kind == "A" and t.mention.type == "person"):
                return []
        return [0]

    @staticmethod
    def _object_of_titled(toks, a: int) -> bool:
        """Whether the actor at ``a`` follows a preposition across its own title words
        ("a nephew of former president X"): it ends a phrase, no clause's subject."""
        b = a - 1
        while b >= 0 and a - b <= 4 and toks[b].kind == "W" and toks[b].cls in (
                "title", "determiners"):  # "... contracts with the Kremlin, was": too
            b -= 1
        return b >= 0 and toks[b].cls == "prepositions"

    def _who_antecedent(self, toks, k: int) -> list[int]:
        """The actor a "who" before ``k`` is said of, across one apposition: "A, the
        SSS's first deputy chairman, who is in charge of security and is also ...": A."""
        w = k - 1
        while w >= 0 and k - w <= 15 and toks[w].low not in (";", ":") and \
                toks[w].cls != "relatives":
            w -= 1
        if w < 2 or toks[w].low != "who" or toks[w - 1].low != ",":
            return []
        for q in range(w - 2, max(-1, w - 12), -1):
            if toks[q].kind == "A" and not toks[q].poss and toks[q + 1].low == ",":
                return self._list_ending(toks, q)
            if toks[q].cls in ("trigger", "be", "relatives") or toks[q].low in (";", ":"):
                break
        return []

    def _list_ending(self, toks, k: int) -> list[int]:
        """The heads of the actor list whose last item ends at token ``k`` ("A and B,
        deputy chairmen of the KNB": A and B)."""
        start = k
        while start > 0 and k - start < 16:
            if toks[start - 1].kind == "A" and not toks[start - 1].poss or \
                    toks[start - 1].low in (",", "and") or toks[start - 1].cls in ("title", "cap"):
                start -= 1
            elif start > 3 and [t.low for t in toks[start - 3:start]] == ["as", "well", "as"]:
                start -= 3  # "A as well as B are allies of X"
            else:
                break
        for s in range(start, k + 1):
            heads, end = self.actor_list(toks, s, k + 1)
            if heads and end == k + 1:
                return heads
        return [k]

    def _skip_apposition(self, toks, k: int) -> int:
        """Index before an age (", 81,") or a description (", the founder of Georgian
        Dream,") that ends with the comma at ``k`` after a person, whom a relative clause
        after it is about ("A, 81, who handed the presidency to B"); else ``k``."""
        if k < 1 or toks[k].low != ",":
            return k
        aged = self._skip_age(toks, k)
        if aged < k:
            return aged + 1 if aged >= 0 and toks[aged].kind == "A" and \
                toks[aged].mention.type == "person" else k
        p = k - 1
        while p > 0 and k - p <= 8 and toks[p].low != "," and toks[p].cls != "relatives" \
                and toks[p].kind != "P" or (p > 0 and toks[p].low == "-"):
            p -= 1
        if p >= 1 and p < k - 1 and toks[p].low == "," and toks[p + 1].low in (
                "the", "a", "an") and toks[p - 1].kind == "A" and \
                toks[p - 1].mention.type == "person" and not toks[p - 1].poss:
            return p
        return k

    def _skip_age(self, toks, k: int) -> int:
        """Index before an age apposition (", 56," / ", aged 45,") ending at ``k``."""
        if k >= 2 and toks[k].low == "," and toks[k - 1].low.isdigit():
            k -= 2
            if k >= 0 and toks[k].low == "aged":
                k -= 1
            if k >= 0 and toks[k].low == ",":
                k -= 1
        return k

    def _implied_body(self, toks, r: int, end: int):
        """The body a title names by itself ("the former Minister of Defense": the
        ministry; lexicon implied_bodies), and the index after the title."""
        words = [t.low for t in toks[r:end]]
        n = end
        if n + 1 < len(toks) and toks[n].low == "of":
            k = n + 1
            while k < len(toks) and toks[k].cls in ("cap", "title") and k - n <= 3:
                k += 1
            longer = " ".join(words + ["of"] + [t.low for t in toks[n + 1:k]])
            if self.flex.implied.get(longer) in self.doc.named_actors:
                body = self.flex.implied[longer]
                return [(body, body.split(":", 1)[0])], k
        body = self.flex.implied.get(" ".join(words))
        return ([(body, body.split(":", 1)[0])], end) if body in self.doc.named_actors \
            else ([], end)

    def _owner(self, toks, p: int):
        """The actors a possessive at ``p`` names (an actor, "his", or a description
        such as "the first president's")."""
        t = toks[p]
        if t.kind == "A":
            return self._ids(toks, [p])
        if t.low in ("his", "her", "their"):
            return self._ids(toks, [p])
        return self._description(toks, p)

    @staticmethod
    def _owned_noun(toks, k: int, last: int) -> bool:
        """Does a noun no name follows come after a person's possessive between ``k`` and
        ``last`` ("of X's chief of staff": the owner is the one that noun names, not X;
        "of X's friend B": B)?"""
        for q in range(k, min(last, len(toks)) - 1):
            t = toks[q]
            if t.kind == "A" and t.poss:
                return t.mention.type == "person" and all(
                    x.kind != "A" for x in toks[q + 1:last]) and any(
                    x.kind == "W" and x.cls in ("title", "") for x in toks[q + 1:last])
        return False

    def _inner_kin(self, toks, k: int, last: int) -> str:
        """The kinship term after a possessive between ``k`` and ``last`` ("of one of
        X's nephews": nephew), else ""."""
        for q in range(k, min(last, len(toks)) - 1):
            if toks[q].kind == "A" and toks[q].poss:
                for n in range(q + 1, min(q + 4, len(toks))):
                    term = self._term(toks, n)
                    if term and term[0] == "relative_of":
                        return term[1]
                return ""
        return ""

    def _owner_after(self, toks, k: int, every: bool = False):
        """(owner ids, end) of the phrase after "of"/"to": its head actor (with ``every``,
        each of a list: "the daughter of A and B"), the body of a "X's department", the
        name after a description ("the first president, B"), or the description
        itself."""
        stop = len(toks)
        j = k
        poss_owner = None
        while j < stop and j - k < 8:
            t = toks[j]
            if t.kind == "A" and not t.poss:
                if j + 1 < stop and toks[j + 1].low in self.flex.group_nouns:
                    return self._ids(toks, [j]), j + 2
                heads, end = self.actor_list(toks, j, stop)
                if every and len(heads) > 1 and "and" in (t.low for t in toks[
                        heads[0] + 1:heads[1]]) and all(t.low != "," for t in toks[
                        heads[0] + 1:heads[1]]):
                    heads = heads[:2]  # "a daughter of A and B" (not ", along with C")
                else:
                    heads = heads[:1]
                return self._ids(toks, heads or [j]), end
            if t.kind == "A" and t.poss:
                poss_owner = j
                j += 1
                continue
            if _partitive(toks, j, self.flex.kin_modifiers) and poss_owner is None:
                j += 1  # "the wife of one of X's nephews"
                continue
            if t.low in ("of", "in") and j + 2 < stop and toks[j + 1].kind == "A" and \
                    toks[j + 1].mention.type != "person" and toks[j + 2].kind == "A" and \
                    toks[j + 2].mention.type == "person":
                j += 2  # "the first president of Kazakhstan Nursultan Nazarbayev"
                continue
            if t.kind == "W" and t.poss and poss_owner is None:
                desc = self._description(toks, j)
                if desc:
                    poss_owner = j
                j += 1
                continue
            if t.cls in ("determiners", "title", "cap", "") and t.kind == "W" \
                    and t.low not in ("and", "or", "who", "which") or (
                    # "the son of jailed banker X": a participle as an attribute
                    t.cls == "trigger" and t.low.endswith("ed") and j + 1 < stop
                    and toks[j + 1].kind in ("W", "A") and toks[j + 1].low != "by"):
                j += 1
                continue
            break
        if j > k and j + 1 < stop and toks[j].low == "of" and poss_owner is None:
            term = self._term(toks, j - 1)
            if term and term[0] == "relative_of":
                # "the spouse of the eldest daughter of X, D": D is the owner
                _, inner_end = self._owner_after(toks, j + 1)
                heads = [p for p in range(j + 1, min(inner_end, stop)) if toks[p].kind == "A"]
                for e in [heads[0] + 1] if heads else [inner_end]:
                    if e + 1 < stop and toks[e].low == "," and toks[e + 1].kind == "A" \
                            and toks[e + 1].mention.type == "person":
                        return self._ids(toks, [e + 1]), e + 2
        desc = self._description(toks, j - 1) if j > k else []
        named = j + 1 < stop and toks[j].low == "," and toks[j + 1].kind == "A" \
            and toks[j + 1].mention.type == "person"
        if named and desc and desc[0][0] != toks[j + 1].mention.actor_id:
            # "the eldest daughter of the first president, Dariga": the name is the
            # daughter's, the description the owner
            return desc, j
        kin_named = named and poss_owner is None and j - k <= 4 and toks[k].low == "the" \
            and (self._term(toks, j - 1) or ("",))[0] == "relative_of"
        if named and (desc or kin_named or (poss_owner is not None and (any(
                x.cls == "title" for x in toks[poss_owner + 1:j]) or self._inner_kin(
                    toks, poss_owner, j)))):
            # "the brother of Kazakhstan's first president, B", "the husband of X's
            # daughter, B", "the husband of the eldest daughter, B": B is the owner
            return self._ids(toks, [j + 1]), j + 2
        if poss_owner is not None:
            t = toks[poss_owner]
            if t.kind == "A" and t.mention.type == "place" and any(
                    x.cls != "title" for x in toks[poss_owner + 1:j]):
                # "Kazakhstan's Navy", "Kazakhstan's anti-corruption agency": a body we
                # do not know, not the country
                return [], j
            return self._owner(toks, poss_owner), j
        return desc, j

    def _owned_list(self, toks, k: int) -> tuple[list[tuple[str, str]], int]:
        """(ids, end) of the places and bodies listed right after "of" at ``k`` ("the
        leaders of Armenia and Azerbaijan": both)."""
        k += k < len(toks) and toks[k].low == "the"
        if k >= len(toks) or toks[k].kind != "A" or toks[k].poss:
            return [], k
        heads, _ = self.actor_list(toks, k, len(toks))
        run = []  # "of A and B, X and Y": the list runs on into the names
        for h in heads:
            ids = self._ids(toks, [h])
            if len(ids) != 1 or ids[0][1] not in ("place", "organization"):
                break
            run.append((ids[0], h + 1))
        return [i for i, _ in run], (run[-1][1] if run else k)

    def _description(self, toks, p: int):
        """The person a definite description ending at ``p`` names within the article
        ("the first president", "the ex-president's"): the one holder of that post the
        article gives (former holders for "former", "first", "ex-")."""
        words = []
        q = p
        while q >= 0 and toks[q].kind == "W" and toks[q].cls in ("title", "cap", "") \
                and p - q < 3:
            words.insert(0, toks[q].low)
            q -= 1
        if not words or q < 0 or toks[q].low not in ("the", "a", "its", "his", "her"):
            if not (words and words[0].startswith("ex-")):
                return []
        parts = [w for word in words for w in word.split("-")]
        former = any(w in self.flex.status_former or w == "first" for w in parts)
        who = self._one_holder([w for w in parts if w not in self.flex.status_former
                                and w != "first"], former)
        return [(who, "person")] if who is not None else []

    # --- pronouns ----------------------------------------------------------------------
    def sentence_subject(self, sent_i: int):
        """The subject of a sentence's first clause: a person token or a pronoun."""
        if sent_i in self._subjects:
            return self._subjects[sent_i]
        toks = self._tokens.get(sent_i) or self._tokenize(sent_i, 20)
        found = None
        for k, t in enumerate(toks[:20]):
            if t.low in (";", ":"):
                break
            if (t.kind == "A" and t.mention.type == "person" and not t.poss
                    # "A, a deputy minister and Shoigu protege, was arrested": a name
                    # modifying a noun heads no phrase
                    and not self.doc.antecedents.modifier.match(self.doc.body, t.mention.end)) \
                    or t.cls == "subject_pronouns":
                # "On Sunday Mirziyoyev said": a date phrase before the subject
                if not self._after_preposition(toks, k, 0) or (
                        t.kind == "A" and 1 < k <= 4 and toks[0].cls == "prepositions"
                        and (toks[k - 1].low in self._date_words
                             or toks[k - 1].low.isdigit())):
                    found = t
                    break
        self._subjects[sent_i] = found
        return found

    @cached_property
    def _date_words(self) -> frozenset[str]:
        lex = self.doc.lex
        return frozenset(str(w).lower() for w in (*lex["weekdays"], *lex["months"]))

    def _names_person(self, sent_i: int) -> bool:
        sent = self.doc.sentences[sent_i]
        return any(sent.start <= m.start < sent.end for m in self.doc.antecedents.persons)

    def pronoun(self, offset: int, word: str, exclude=()) -> list[str]:
        """Actor ids a singular person pronoun at body ``offset`` stands for: a person
        named before it in its sentence, else the nearest person subject of this
        sentence or the two before it (gender from name endings when they tell)."""
        return self.doc.antecedents.resolve(offset, word, exclude)

    def subject_antecedent(self, offset: int, word: str) -> list[str] | None:
        """The person subject a pronoun refers to, None when no subject decides."""
        doc = self.doc
        sent_i = doc.index.at(offset)
        female = word.lower() in ("she", "her", "hers")
        if self._depth > 4:
            return None
        self._depth += 1
        try:
            tpl_off = doc.template.tpl_offset(offset)
            for s in range(sent_i, max(-1, sent_i - 3), -1):
                subj = self.sentence_subject(s)
                if subj is None and s < sent_i and self._names_person(s):
                    return None  # "The court sentenced X. He appealed": no person subject
                if subj is None or subj.start >= tpl_off:
                    continue
                if subj.kind == "A":
                    both = self._coordinated(s, subj)
                    if both:  # "A and B were convicted. He was ...": the one the
                        # pronoun's gender allows, else no one
                        said = {m.actor_id: doc.antecedents.female(m.surface) for m in both}
                        fits = {a for a, f in said.items() if f is female} or \
                            {a for a, f in said.items() if f is None}
                        return list(fits) if len(fits) == 1 else []
                    if doc.antecedents.female(subj.mention.surface) is (not female):
                        continue
                    topic = self._object_topic(s, subj, female) if s < sent_i else None
                    if topic is None and s < sent_i and word.lower() in ("he", "she") and \
                            _PASSIVE.match(doc.body, offset + len(word)):
                        # "Tokayev dismissed Massimov. He was detained the next day": the
                        # one the act befell before is the one it befalls now; when the
                        # sentence before acted on no other person, its subject
                        other = self._acted_on(s, subj)
                        if other is not None and \
                                doc.antecedents.female(other) is not (not female):
                            return [other]
                    return topic or [subj.mention.actor_id]
                if subj.low == "it":
                    return None  # "The Committee said it had detained X. ... him": no person
                if (subj.low == "she") == female and subj.low != "they":
                    return doc.antecedents.resolve(doc.template.body_offset(subj.start),
                                                   subj.low)
            return None
        finally:
            self._depth -= 1

    def _coordinated(self, sent_i: int, subj) -> list:
        """The persons of a subject that joins two or more with "and" ("Almazbek
        Atambayev and Kurmanbek Bakiyev were convicted"), [] when it names one."""
        after = self.doc.body[subj.mention.end:subj.mention.end + 5]
        if not (after.startswith(" and ") or after.startswith(",")):
            return []
        toks = self._tokens.get(sent_i) or self._tokenize(sent_i, 20)
        k = next((i for i, t in enumerate(toks) if t.start == subj.start), None)
        if k is None:
            return []
        out = [subj.mention]
        while k + 2 < len(toks) and toks[k + 1].low in (",", "and") \
                and toks[k + 2].kind == "A" and toks[k + 2].mention.type == "person":
            out.append(toks[k + 2].mention)
            k += 2
        if toks[k - 1].low != "and" if len(out) > 1 else True:
            return []  # "A, B's nephew," or "A, the head": an apposition, no pair
        return out if len({m.actor_id for m in out}) > 1 else []

    @cached_property
    def _subordinators(self) -> frozenset[str]:
        return frozenset(str(w).lower() for w in self.doc.lex["clause_words"]["subordinators"])

    def _acted_on(self, sent_i: int, subj) -> str | None:
        """The person right after the verb of sentence ``sent_i``'s subject, the one its
        act befell ("Tokayev dismissed Massimov", "Lukashenko met Babariko's son Eduard
        Babariko": the son), if no clause boundary comes first; else None."""
        doc = self.doc
        persons = doc.antecedents.persons
        sent = doc.sentences[sent_i]
        start = subj.mention.end
        for m in persons:
            if m.start < start or m.start >= sent.end:
                continue
            if m.actor_id == subj.mention.actor_id or doc.antecedents._possessive(m):
                continue
            between = doc.body[start:m.start]
            if not _VERB_THEN_OBJECT.fullmatch(between):
                return None
            return m.actor_id
        return None

    def _object_topic(self, sent_i: int, subj, female: bool) -> list[str] | None:
        """The person an object pronoun of an earlier sentence stands for ("Nazarbayev
        appointed him chairman. Prior to that, he served as prime minister": he is the
        one already told of as "him", the topic, not the subject who appointed him)."""
        if (sent_i, female) in self._topics:
            return self._topics[sent_i, female]
        want = "her" if female else "him"
        doc = self.doc
        found = None
        sent = doc.sentences[sent_i]
        if re.search(rf"\b{want}\b", doc.body[sent.start:sent.end]):
            toks = self._tokens.get(sent_i) or self._tokenize(sent_i, 40)
            for k, t in enumerate(toks):
                if t.kind == "W" and t.start > subj.start and (
                        t.cls == "relatives" or t.low in self._subordinators):
                    break  # "X was detained after parliament stripped him": X himself
                if want == "her" and t.low == "her" and k + 1 < len(toks) and \
                        toks[k + 1].kind != "P" and toks[k + 1].cls not in (
                            "prepositions", "adverbs", "subordinators"):
                    continue  # "said her resignation": her owns a noun, no object
                if t.start > subj.start and t.kind == "W" and t.low == want:
                    found = doc.antecedents.resolve(doc.template.body_offset(t.start), t.low,
                                                    (subj.mention.actor_id,))
                    if len(found) != 1 or found[0] == subj.mention.actor_id:
                        found = None
                    break
        self._topics[sent_i, female] = found
        return found


# words before a participle that make it an attribute of the noun after it
_ATTRIBUTIVE_BEFORE = frozenset({"the", "a", "an", "of", "for", "with", "against"})


def _title_complement(toks, n: int, stop: int) -> bool:
    """Do the words from ``n`` make a title that ends the clause, no name after it
    ("appointed her first vice-president.": her is the object, the title what she
    becomes; "dismissed her deputy Anuar Sadykulov": a possessive)?"""
    q, titled = n, False
    while q < stop and q - n < 5 and toks[q].kind == "W" and toks[q].cls in ("title", "", "cap"):
        titled = titled or toks[q].cls == "title"
        q += 1
    return titled and (q >= stop or toks[q].kind == "P" or toks[q].cls == "prepositions")


def _countrys(tok) -> bool:
    """Is the token "country's" or "nation's", the article's own country?"""
    return tok.poss and tok.kind == "W" and tok.low in ("country", "nation")


def _singular(words, relation: str) -> bool:
    """Is the relational noun ``words`` the singular of ``relation`` ("nephew",
    "son in law"), not a plural ("nephews", "children")?"""
    written = " ".join(t.low for t in words).replace("-", " ")
    return written == relation.replace("-", " ")


_SCARE_QUOTES = frozenset({"“", "”", "\"", "‘", "’", "«", "»"})
_NOT_QUANTIFIERS = frozenset({"the", "a", "an", "his", "her", "their", "its", "this", "that",
                              "these", "those", "our", "my", "your", "such"})


def _partitive(toks, q: int, orders=frozenset()) -> bool:
    """Is token ``q`` the "of" of a partitive ("one of", "another of", "two of", with
    ``orders`` "the eldest of") or an "among" after a copula: "A, one of X's daughters",
    "A is among X's nephews"?"""
    low = toks[q].low
    if q < 1 or low not in ("of", "among"):
        return False
    before = toks[q - 1]
    if low == "among":
        return before.cls == "be"
    return (before.cls == "determiners" and before.low not in _NOT_QUANTIFIERS) or \
        before.low in orders


def _descriptions(posts, former_words, heads=frozenset()) -> dict:
    """(title, former?) -> the persons the article gives that post; ("@in", title, body,
    former?) -> those it gives that post in that body (or country); ("@body", body,
    former?) -> the persons it gives a head's post (``heads``) in that body."""
    out: dict = {}
    for st in posts:
        if st.predicate != "holds_position" or not st.detail:
            continue
        words = [w for w in st.detail.lower().replace("-", " ").split()
                 if w not in former_words and w != "first"]
        former = st.status == "former"
        for n in range(len(words)):
            out.setdefault((" ".join(words[n:]), former), set()).add(st.subject_id)
            out.setdefault(("@in", " ".join(words[n:]), st.object_id, former),
                           set()).add(st.subject_id)
        if st.object_id.startswith("organization:") and words and words[-1] in heads:
            out.setdefault(("@body", st.object_id, former), set()).add(st.subject_id)
    return out


# the rest of an opening phrase after its pronoun, then the subject's name and the words
# of a title before it ("After his arrest, former security chief Karim Massimov")
_FRONTED = re.compile(r"\w+[^,.;:!?\"“”]{0,80},\s+(?:(?:[Tt]he|[Ff]ormer|[A-Z][\w’'-]*)\s+)"
                      r"{0,4}")
_FIRST_WORD = re.compile(r"[\"“‘' ]*(\w+)")
# a pronoun subject of a passive clause: "He was detained", "She had been arrested"
_PASSIVE = re.compile(r"\s+(?:was|were|is|has been|had been|have been|would be|will be)\s+"
                      r"(?:\w+ly\s+)?(?:\w+ed|\w+en|held|put|sent|found|brought|sworn)\b")
# the verb between a subject and its person object, and the words of a title or of the
# object's possessor ("dismissed Defence Minister A", "met B's son A"), no comma or clause
_VERB_THEN_OBJECT = re.compile(r"\s+(?:\w+ly\s+)?[a-z]+\s+(?:[\w’'-]+\s+){0,4}")
_OWNER_AND = re.compile(r"['’]s?\s+(?:[\w-]+\s+){1,3}and\s+$")
_APPOSED_OWNER = re.compile(r"\w,\s*$")  # "B, his aide": right after a name's comma


class SubjectAntecedents(resolve_mod.Antecedents):
    """Pronoun resolution that prefers the person subject of the sentences before
    ("So Toqaev is unshackled from Nazarbaev ... He's also in debt to the Kremlin for
    sending in troops to prop him up": Toqaev) when no person is named before the
    pronoun in its own sentence."""

    clauses: Clauses | None = None
    _memo: dict | None = None

    def resolve(self, offset: int, pronoun: str, exclude=()) -> list[str]:
        """As :meth:`_resolve`; the readers ask for the same pronoun again and again, so
        a question asked from outside any other is answered once."""
        if self.clauses is None or self.clauses._depth:
            return self._resolve(offset, pronoun, exclude)
        if self._memo is None:
            self._memo = {}
        k = (offset, pronoun.lower(), frozenset(exclude), self.speaker_at is not None)
        if k not in self._memo:
            self._memo[k] = self._resolve(offset, pronoun, exclude)
        return list(self._memo[k])

    def _resolve(self, offset: int, pronoun: str, exclude=()) -> list[str]:
        p = pronoun.lower()
        if p in ("he", "she") and self.body[offset:offset + len(p)].lower() != p:
            # a description read as a pronoun ("The former minister had been accused"):
            # the one person the sentence before is about, as resolve.py reads them
            who = resolve_mod.topic(self.body, self.persons, self.index, self.index.at(offset))
            return [who] if who and who not in exclude else []
        if self.styled(offset, p):
            return []
        exclude = self.cannot_be(offset, p, exclude)
        owner = self._coordinated_owner(offset, p) or self._fronted(offset, p)
        if owner and owner not in exclude:
            return [owner]
        if self.clauses is not None and p in self.singular:
            sent = self.index.at(offset)
            subj = self.clauses.sentence_subject(sent)
            if p in ("him", "his", "her") and subj is not None and subj.kind == "W" \
                    and subj.low in ("he", "she") and (subj.low == "she") == (p == "her") \
                    and self.clauses.doc.template.body_offset(subj.start) < offset:
                # "He retained sweeping powers, though measures adopted by Toqayev have
                # removed him": him is the subject the sentence is about
                found = self.resolve(self.clauses.doc.template.body_offset(subj.start),
                                     subj.low, exclude)
                if found:
                    return found
            if p in ("his", "her") and subj is not None and subj.kind == "A" and \
                    subj.mention.type == "person" and subj.mention.actor_id and \
                    subj.mention.actor_id not in exclude and \
                    self.clauses.doc.template.body_offset(subj.start) < offset and \
                    self.female(subj.mention.surface) is not (p == "his") and \
                    _APPOSED_OWNER.search(self.body, max(0, offset - 3), offset) and \
                    not self.kin_after.match(self.body, offset + len(p)):
                # "X sacked A and named B, his aide,": an apposition's owner is the one
                # the sentence is about, not the nearest name (B's, A's); a relative is
                # the nearest's ("X detained A and B, his wife")
                return [subj.mention.actor_id]
            if p in ("he", "she") and subj is not None and subj.kind == "A" and \
                    subj.mention.type == "person" and subj.mention.actor_id and \
                    self.clauses.doc.template.body_offset(subj.start) < offset and \
                    self.female(subj.mention.surface) is not (p == "he") and \
                    subj.mention.actor_id not in exclude:
                # "Tokayev dismissed Masimov ... at the same time he assumed the
                # chairmanship": he is the sentence's subject, not its object
                return [subj.mention.actor_id]
            lo = bisect_left(self.starts, self.index.sentences[sent].start)
            hi = bisect_left(self.starts, offset)
            if lo == hi:  # no person named before it in its sentence
                found = self.clauses.subject_antecedent(offset, p)
                if found == []:
                    return []  # two persons the subject joins: no one
                if found and not set(found) & set(exclude):
                    return found
        return super().resolve(offset, pronoun, exclude)

    def _fronted(self, offset: int, p: str) -> str:
        """The subject after an opening phrase that holds the pronoun ("In his address,
        Putin said", "After her arrest, Maria Kolesnikova was ...", "In a statement
        circulated by his supporters, Tashiev described ..."), if no person is named
        before the pronoun in its sentence and the gender allows; else ""."""
        if p not in self.singular:
            return ""
        sent = self.index.sentences[self.index.at(offset)]
        opening = _FIRST_WORD.match(self.body, sent.start)
        if opening is None or opening.group(1).lower() not in self.prepositions:
            return ""
        i = bisect_left(self.starts, offset)
        if i >= len(self.persons) or (i and self.persons[i - 1].start >= sent.start):
            return ""
        m = self.persons[i]
        if m.start >= sent.end or not _FRONTED.fullmatch(self.body, offset, m.start) or \
                self._possessive(m):
            return ""  # "His former deputy, Anuar Sadykulov": an apposition, no phrase
        female = p in self.feminine
        if (p in self.feminine or p in self.masculine) and \
                self.female(m.actor_id) is (not female):
            return ""
        return m.actor_id

    def _coordinated_owner(self, offset: int, p: str) -> str:
        """The owner of "X's dismissal and his arrest": "his" joined to a person's
        possessive is that person (if the pronoun's gender allows), else ""."""
        if p not in ("his", "her"):
            return ""
        i = bisect_left(self.starts, offset) - 1
        if i < 0 or offset - self.persons[i].end > 40:
            return ""
        m = self.persons[i]
        if not _OWNER_AND.fullmatch(self.body, m.end, offset) or \
                self.female(m.actor_id) is (p == "his") or \
                self.female(m.surface) is (p == "his"):
            return ""
        return m.actor_id
