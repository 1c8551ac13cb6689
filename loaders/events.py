"""Dated events: triggers from ``seeds/lexicon/events.yaml``, participants with roles.

One regular expression finds every trigger of every type in the body. For each, the
sentence gives the date (:mod:`dates`, resolved against the article's date), the places
("in Almaty" -> OCCURRED_IN) and the actors, whose roles follow the type's rules: who
stands before an active trigger, after it, before a passive one, after "by"/"with", in a
possessive ("Massimov's arrest"), or every person of the sentence (victims).

An event's id (:func:`report_id`) names it as this article reports it: article, type,
date and key participants, the key being its targets/victims/subjects (else its
agents). Reports of one real event by several articles become one Event node in the
projection (graph/projection.py), which keeps every date each article gives.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

from ..graph.records import Event, stable_id
from .dates import DateMention
from .phrases import SAYS_AFTER, SOURCE_BEFORE, alternation as _words_re, key_words, may_hold, \
    relational_nouns
from .template import PRONOUN_LABEL, compiler_for

_KEY_ROLES = ("target", "victim", "subject")
_DETAIL_IN_ID = frozenset({"sentence"})  # "six years" and "eight years" are two sentences
_PARTICIPLE = ("ed", "en", "shot", "held", "sent", "tried")
_PLURAL = re.compile(r"\b(?:were|are|have\s+been|have)\b", re.IGNORECASE)
_BY = re.compile(r"\bby\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_AND_THEN = re.compile(r"\band\s+(?:(?:\w+ly|later|then|also|subsequently|eventually)\s+)*$",
                       re.IGNORECASE)
_PRONOUN_WORDS = ("he", "she", "they", "him", "them", "his", "her", "their", "i", "we", "my",
                  "our")
_PRONOUN = re.compile(rf"\b(?:{'|'.join(_PRONOUN_WORDS)})\b", re.IGNORECASE)


@dataclass
class EventType:
    name: str
    requires: str
    roles: dict
    exclude: re.Pattern | None
    detail: re.Pattern | None
    pattern_roles: dict | None = None
    noun_roles: dict | None = None


_UNREAL_REACH = 80  # characters before a trigger where a plan or threat may stand


class Triggers:
    def __init__(self, lex):
        self.types, self.patterns, self.grounds = {}, {}, {}
        self.convened: dict[str, re.Pattern] = {}  # type -> "proposed a (snap) <trigger>"
        detail = {k: re.compile(v, re.IGNORECASE) for k, v in lex["detail_patterns"].items()}
        self.own_roles: dict[str, dict] = {}  # "type@pattern<i>" -> that pattern's roles
        for name, spec in lex["event_types"].items():
            plain = [p for p in spec.get("patterns") or [] if isinstance(p, str)]
            if plain:
                self.patterns[name] = re.compile(
                    "|".join(f"(?:{p})" for p in plain), re.IGNORECASE)
            for i, p in enumerate(spec.get("patterns") or []):
                if isinstance(p, dict):  # a construction whose actors stand elsewhere
                    self.patterns[f"{name}@pattern{i}"] = re.compile(p["pattern"],
                                                                     re.IGNORECASE)
                    self.own_roles[f"{name}@pattern{i}"] = dict(p["roles"])
            if spec.get("convened_by"):
                self.convened[name] = re.compile(
                    rf"\b{_words_re(spec['convened_by'])}\s+(?:[\w’'-]+\s+){{0,3}}$",
                    re.IGNORECASE)
            if spec.get("noun_grounds"):
                self.grounds[name] = re.compile(
                    rf"\b{_words_re(spec['noun_grounds'])}\s+(?:[\w’'-]+\s+){{0,3}}$",
                    re.IGNORECASE)
            exclude = spec.get("exclude") or []
            self.types[name] = EventType(
                name, spec.get("requires", "any"), dict(spec.get("roles") or {}),
                re.compile(_words_re(exclude), re.IGNORECASE) if exclude else None,
                detail.get(name), spec.get("pattern_roles"), spec.get("noun_roles"))
        # type -> (label, regex) of its patterns, those with roles of their own first
        self._by_type: dict[str, list[tuple[str, re.Pattern]]] = {}
        for key, rx in sorted(self.patterns.items(), key=lambda kv: "@" not in kv[0]):
            name, _, how = key.partition("@")
            self._by_type.setdefault(name, []).append((f"{name}@{how or 'pattern'}", rx))
        # id of a hit's labels -> (the labels, their readings): each phrase of the
        # vocabulary keeps its own labels object for good, and two equal sets may
        # iterate apart, so a set is looked up as itself, not as any equal one
        self._readings: dict[int, tuple] = {}
        self.be = {str(w).lower() for w in lex["be_verbs"]}
        # "threatened to have President X killed": a causative's object may stand between
        # "if she were killed": a condition's subject and verb may stand between; "called
        # for Mnangagwa to step down": the one asked to act
        self.unreal = re.compile(
            rf"\b{_words_re(lex['unreal_before'])}\s+(?:(?:\w+ly|also|soon|still|not)\s+)?"
            r"(?:(?:the|a|an|his|her|their|its)\s+)?"
            rf"(?:{_words_re(lex['unreal_bridge_verbs'])}\s+(?:(?:a|an|the|new|early|snap)\s+)?)?"
            r"(?:(?<=have\s)(?:[\w.’'-]+\s+){1,5})?$"
            rf"|\b{_words_re(lex['unreal_conditions'])}\s+(?:[\w.’'-]+\s+){{1,4}}$"
            rf"|\b{_words_re(lex['unreal_requests'])}\s+(?:[\w.’'-]+\s+){{1,4}}to\s+$"
            # "lawyers demanded his release": the act asked for, named by its noun
            rf"|\b{_words_re(lex['unreal_requests'])}\s+(?:(?:the|a|an|his|her|their|its)\s+)?$",
            re.IGNORECASE)
        self.unreal_words = key_words(lex["unreal_before"] + lex["unreal_conditions"]
                                      + lex["unreal_requests"])
        # "X was found guilty and given a suspended term": a passive joined to one before;
        # the name may end in an abbreviation's full stop ("Ferdinand Marcos Jr. won")
        self.receive = re.compile(
            rf"^\.?\s+(?:\w+ly\s+)?(?:{_words_re(lex['receive_verbs'])}|(?:was|were)\s+[^,;]{{1,60}}?"
            rf"\sand\s+(?:later\s+)?{_words_re(lex['give_verbs'])})\s+(?:[\w’']+(?:\s+|[-–]))"
            r"{0,4}$",
            re.IGNORECASE)
        self.give = re.compile(rf"\b{_words_re(lex['give_verbs'])}\s+$", re.IGNORECASE)
        # "X welcomed the detention": a definite act noun after a verb names the act
        # again, and its subject is no one who undergoes it (it may still act: "X began the
        # investigation"); not after a preposition of placing ("were arrested and put in
        # the pre-trial detention centre": they were detained)
        self.named_again = re.compile(
            r"(?<!\bin )(?<!\binto )(?<!\bunder )(?<!\bto )"
            rf"\b{_words_re(lex['back_reference_words'])}\s+(?:[\w’'-]+\s+){{0,2}}$",
            re.IGNORECASE)
        self.background = re.compile(rf"\b{_words_re(lex['background_words'])}\b",
                                     re.IGNORECASE)
        self.unreal_after = re.compile(
            rf"(?:\s+(?:of|against|into)\s+[^,.;:()]{{1,60}}?)?\s+"
            rf"{_words_re(lex['unreal_after_noun'])}\b", re.IGNORECASE)
        # "went on trial on Friday accused of": a reduced passive of the subject
        self.in_court = re.compile(
            rf"\b{_words_re(lex['court_phrases'])}\s+(?:(?:on|last|this)\s+\w+\s+)?$",
            re.IGNORECASE)
        self.toll = re.compile(
            rf"(?:\b\d(?:[\d,.]*\d)?|\b{_words_re(lex['count_words'])})\s+(?:[\w-]+\s+){{0,2}}?"
            r"(?:(?:were|was|are|have\s+been|had\s+been)\s+)?$", re.IGNORECASE)
        be_words = '|'.join(sorted(self.be, key=len, reverse=True))
        # "was ousted and replaced by X": the "by" of a succession verb names the
        # successor, who does not do the first act
        successions = [str(w) for f in lex["frames"].values() if f.get("post") == "replaces"
                       for w in f.get("verbs", ())]
        self.succeeded_by = re.compile(
            rf"\band\s+(?:\w+\s+)?{_words_re(successions)}\s+by\b", re.IGNORECASE)
        # "Peskov denied the arrests were part of a purge": a noun a finite verb follows
        # heads a clause of its own, and the one who denies it undergoes nothing
        self.heads_clause = re.compile(rf"\s+(?:{be_words})\b", re.IGNORECASE)
        self._be_word = re.compile(rf"\b(?:{be_words})\b", re.IGNORECASE)
        # a participle's clause ends at its comma before the main verb group ("A, arrested
        # on Tuesday, was sacked by B")
        self.closes_participle = re.compile(rf",\s+(?:{be_words})\b", re.IGNORECASE)
        self.follower = re.compile(
            rf"\s+(?:{relational_nouns(lex)}|{_words_re(lex['follower_nouns'])})\b",
            re.IGNORECASE)
        # "a fire killed 46 people": a counted group the act befalls
        self.counted_after = _counted_undergoers(lex)
        self.inclusion_words = key_words(lex["inclusion_words"])
        # "16 political prisoners (on Wednesday), including": a plural group, then an
        # inclusion word ("six journalists from the outlet X, including": its origin between)
        self.included_group = re.compile(
            rf"\s+(?:[\w’'-]+\s+){{0,4}}?[a-z][\w’'-]*s(?:\s+(?:on|in|last|this)\s+\w+|"
            r"\s+(?:from|of|at)\s+(?:[\w’'.-]+\s+){0,5}?[\w’'.-]+)?,?\s+"
            rf"{_words_re(lex['inclusion_words'])}\s+",
            re.IGNORECASE)
        # "of killing her husband": a possessive's relative, not the possessive, undergoes
        self.owned_relative = re.compile(rf"\s+(?:\w+\s+)?{relational_nouns(lex)}\b",
                                         re.IGNORECASE)
        # the link of a list of actors: "A, B and C", "A and his deputy B", "A and former
        # minister B" (the words before a name that say who the name is)
        heads = _words_re([*lex["title_heads"], *lex["person_nouns"]])
        self.coord = re.compile(
            rf"\s*(?:,|(?:,\s*)?and)\s*(?:(?:his|her|their|its|the|former|then|ex-?|"
            rf"{relational_nouns(lex)}|{heads})(?:\s+|,\s+(?=\S))){{0,3}}", re.IGNORECASE)
        self.owned_thing = re.compile(
            rf"['’]s?\s+(?:[\w-]+\s+)?{_words_re(lex['owned_things'])}\b", re.IGNORECASE)
        self.ordering = re.compile(
            rf"\s+{_words_re(lex['ordering_verbs'])}\s+(?:the|a|an|his|her|their)\s+$",
            re.IGNORECASE)
        self.episode = re.compile(rf"\s+({_words_re(lex['episode_nouns'])})\b", re.IGNORECASE)
        # the same episode named before its date: "the unrest of January 2022"
        self.episode_of = re.compile(
            rf"\b({_words_re(lex['episode_nouns'])})\s+of\s+(?:the\s+)?$", re.IGNORECASE)
        self.episode_time = re.compile(
            rf"\b{_words_re(lex['episode_time_words'])}\s+(?:the\s+)?(?:[\w-]+\s+)?$",
            re.IGNORECASE)

    def episode_name(self, body: str, sent_start: int, d):
        """The episode noun date ``d`` names, after it ("the January events") or
        before it ("the unrest of January 2022"): a match whose group 1 is the noun,
        else None."""
        return self.episode.match(body, d.end) or self.episode_of.search(
            body, max(sent_start, d.start - 30), d.start)

    def find(self, body: str, hits) -> list[tuple[int, int, str]]:
        """(start, end, type) of every trigger, in text order: vocabulary hits for the
        trigger phrases, and the type's patterns tried where their anchor words stand."""
        found = []
        readings = self._readings
        for h in hits.hits:
            labels = h.labels
            said = readings.get(id(labels))
            if said is None or said[0] is not labels:
                said = readings[id(labels)] = (labels, self._trigger_readings(labels))
            for name, patterns in said[1]:  # most hits read none
                if patterns is None:
                    found.append((h.start, h.end, name))
                    continue
                for key, rx in patterns:
                    m = rx.match(body, h.start)
                    if m:
                        found.append((m.start(), m.end(), key))
                        break
        found.sort(key=lambda t: (t[0], -t[1]))
        # a trigger inside a longer one of another type is part of it: "house arrest" is a
        # detention, not also an arrest
        out, reach = [], (-1, -1)  # the kept span reaching furthest
        for t in found:
            if reach[1] >= t[1] and reach != t[:2]:
                continue
            out.append(t)
            if t[1] > reach[1]:
                reach = t[:2]
        return out

    def _trigger_readings(self, labels: frozenset) -> tuple:
        """What a hit with ``labels`` triggers, in the order of its labels: (type name,
        None) for a trigger word or noun, ("", the type's (key, regex) patterns) for an
        anchor the patterns are tried at. Hits of one phrase share their labels, so
        this is worked out once per phrase, not once per hit."""
        out = []
        for label in labels:
            if label.startswith("event:"):
                out.append((label[6:], None))
            elif label.startswith("event-noun:"):
                out.append((label[11:] + "@noun", None))
            elif label.startswith("event-anchor:"):
                out.append(("", tuple(self._by_type.get(label[13:], ()))))
        return tuple(out)

    def be_in(self, body: str, start: int, end: int) -> bool:
        return bool(self._be_word.search(body, start, end))

    def passive(self, body: str, start: int, floor: int) -> bool:
        """A be-verb (or "while", "when") right before the trigger, adverbs skipped."""
        words = body[max(floor, start - 40):start].lower().split()
        while words and (words[-1].endswith("ly") or words[-1] in _ADVERBS):
            words.pop()
        if not words:
            return False
        return words[-1] in self.be or " ".join(words[-2:]) in self.be


_ADVERBS = frozenset("also then later again even still not never just recently since "
                     "reportedly allegedly".split())


@cache
def triggers_for(lex) -> Triggers:
    return Triggers(lex)


@dataclass
class _Slot:
    start: int
    end: int
    ids: list[str]
    type: str
    possessive: bool


@dataclass
class _Found:
    type: str
    start: int
    end: int
    sentence: int
    date: object = None
    roles: list[tuple[str, str]] = field(default_factory=list)  # (actor id, role)
    places: list[str] = field(default_factory=list)
    detail: str = ""
    carried: bool = False  # the date is the sentence before's (see _carried)
    modality: str = ""     # set when the frame says the act is denied or rumoured
    back: bool = False     # a nameless definite noun naming an act told before ("the curfew")


_FRAME_MODALITY = {"denied": "denied", "rumoured": "alleged"}


_RESPECTIVELY = re.compile(
    r"\b((?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
    r"twelve|fifteen|twenty)(?:\s*,\s*(?:and\s+)?|\s+and\s+))+"
    r"(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty)\s+(years?|months?)\b[^.;]{0,40}?\brespectively\b", re.IGNORECASE)
_TERM = re.compile(r"\d+(?:\.\d+)?|[a-z]+", re.IGNORECASE)


def _distributed(doc, f, hit) -> list:
    """"A, B and C were sentenced to 16, 15 and 3 years respectively": one event per
    person, each with their own term and the shared agents. [] when the terms do not
    pair one to one with the persons the frame read."""
    sent = doc.sentences[f.sentence]
    m = _RESPECTIVELY.search(doc.body, sent.start, sent.end)
    people = [p for p, t in hit.patients if t == "person"]
    if not m or len(people) < 2:
        return []
    terms = [t for t in _TERM.findall(m.group(0)[:m.end(3) - m.start(0)])
             if t.lower() not in ("and", "years", "year", "months", "month")]
    if len(terms) != len(people):
        return []
    unit = m.group(3).lower().rstrip("s")
    others = [(a, r) for a, r in f.roles if a not in people]
    out = []
    for person, term in zip(people, terms):
        each = _Found(f.type, f.start, f.end, f.sentence, date=f.date,
                      roles=[(person, "target")] + others, places=list(f.places),
                      detail=f"{term} {unit}{'' if term in ('1', 'one') else 's'}",
                      carried=f.carried, modality=f.modality)
        out.append(each)
    return out


def _undergoer_for_agent(doc, f) -> bool:
    """An act of a ``needs_undergoer`` type read with persons acting and nobody
    undergoing it: the persons undergo it ("X pleaded guilty to corruption charges",
    "X was convicted on charges": no one charges X's way; courts and bodies, not
    persons, sentence and detain when no one else is named). False when an unnamed
    group undergoes it right before the trigger ("X granted amnesty to those detained
    during the unrest"): nobody named takes part, so there is no event."""
    if not doc.lex["event_types"][f.type].get("needs_undergoer") \
            or any(r in _KEY_ROLES for _, r in f.roles):
        return True
    if _counted_undergoers(doc.lex).match(doc.body, f.end):
        return True  # "Tokayev pardoned several dozen protesters": the ones counted undergo it
    if _unnamed_before(doc.lex).search(doc.body, max(0, f.start - 30), f.start):
        return False
    spec = doc.lex["event_types"][f.type]["roles"]
    acting, undergoing = spec.get("before", "agent"), spec.get("passive_before", "target")
    f.roles = [(a, undergoing if r == acting and a.startswith("person:") else r)
               for a, r in f.roles]  # "Tokayev re-elected as president": elected
    return True


@cache
def _unnamed_before(lex) -> re.Pattern:
    """A group right before a participle: "those detained", "protesters arrested"."""
    return re.compile(rf"\b{_words_re(lex['unnamed_undergoers'])}\s+$", re.IGNORECASE)


@cache
def _counted_undergoers(lex) -> re.Pattern:
    """A counted object, or a group, right after an active trigger: "freed 18 political
    prisoners", "freed protesters arrested in Nukus"."""
    return re.compile(rf"\s+(?:\d[\d,]*|{_words_re(lex['count_words'])}|"
                      rf"{_words_re(lex['unnamed_undergoers'])}|more\s+than|over|"
                      r"nearly|about|around|almost|at\s+least)\b", re.IGNORECASE)


def _per_person(lex, f, posts=()) -> list:
    """One event per person who undergoes an act of a ``per_person`` type, each with the
    shared agents and participants ("Japarov dismissed A, B and C": three dismissals),
    but the body of a post only with the person who holds it ("... as well as Security
    Council Secretary D": the Security Council takes part in D's dismissal alone).
    An undated mention stays one: it recalls the acts rather than reporting each."""
    keys = [a for a, r in f.roles if r in _KEY_ROLES]
    if len(keys) < 2 or f.date is None or not lex["event_types"][f.type].get("per_person"):
        return [f]
    held: dict[str, set[str]] = {}
    for person, org in posts:
        held.setdefault(org, set()).add(person)
    shared = [(a, r) for a, r in f.roles if r not in _KEY_ROLES]
    return [_Found(f.type, f.start, f.end, f.sentence, date=f.date,
                   roles=[(a, r) for a, r in f.roles if a == k]
                   + [(a, r) for a, r in shared if a not in held or k in held[a]],
                   places=list(f.places), detail=f.detail, carried=f.carried,
                   modality=f.modality) for k in dict.fromkeys(keys)]


@cache
def _replaced_title(lex) -> re.Pattern:
    """A post named by its title right after "replaced" ("replaced the head of the KGB"):
    the subject replaced its holder, and took no post."""
    heads = _words_re([w for w in lex["title_heads"]])
    return re.compile(rf"\s+(?:the|its|his|her|their)\s+(?:(?!as\b)[\w-]+\s+){{0,2}}?{heads}\b",
                      re.IGNORECASE)


def _announcers(doc, f) -> None:
    """"X's dismissal was announced on Monday by Y": Y tells of the act and does not do
    it; Y is its speaker."""
    body, sent = doc.body, doc.sentences[f.sentence]
    agents = {a for a, r in f.roles if r == "agent"}
    if not agents or not _ANNOUNCING.search(body, f.end, sent.end):
        return
    told = set()
    i = bisect_left(doc.mention_starts, f.end)
    while i < len(doc.mentions) and doc.mentions[i].start < sent.end:
        m = doc.mentions[i]
        i += 1
        if m.actor_id in agents and _ANNOUNCED_BY.search(body, max(f.end, m.start - 60),
                                                          m.start):
            told.add(m.actor_id)
    f.roles = [(a, "speaker" if a in told else r) for a, r in f.roles]


def _along_with(doc, f) -> None:
    """A person joined to the act after its trigger by "along with", "together with",
    "alongside" undergoes it as the one who does ("X was detained on Tuesday along with
    his deputy Y": Y too)."""
    body, sent = doc.body, doc.sentences[f.sentence]
    role = next((r for _, r in f.roles if r in _KEY_ROLES), None)
    if role is None or not may_hold(body, f.end, min(sent.end, f.end + 80), _ALONG_WORDS) \
            or not _ALONG.search(body, f.end, min(sent.end, f.end + 80)):
        return
    i = bisect_left(doc.mention_starts, f.end)
    while i < len(doc.mentions) and doc.mentions[i].start < min(sent.end, f.end + 80):
        m = doc.mentions[i]
        i += 1
        w = _ALONG_WITH.search(body, max(f.end, m.start - 50), m.start) \
            if m.actor_id.startswith("person:") else None
        if w is not None and not _OTHER_CLAUSE.search(body, f.end, w.start()):
            if m.actor_id not in {a for a, _ in f.roles}:
                f.roles.append((m.actor_id, role))
            return


def _included(doc, trig: Triggers, f) -> None:
    """The persons a group after an active trigger is said to include undergo the act
    ("pardoned 16 political prisoners, including opposition activist X": X was pardoned;
    lexicon ``inclusion_words``)."""
    role = doc.lex["event_types"][f.type].get("roles", {}).get("after")
    body = doc.body
    if role not in _KEY_ROLES or not may_hold(body, f.end, f.end + 100, trig.inclusion_words):
        return
    group = trig.included_group.match(body, f.end)
    if group is None:
        return
    i = bisect_left(doc.mention_starts, group.end())
    head = None
    while i < len(doc.mentions) and doc.mentions[i].start < doc.sentences[f.sentence].end:
        m = doc.mentions[i]
        i += 1
        if not m.actor_id.startswith("person:"):
            break
        gap = body[head.end if head else group.end():m.start]
        if not (trig.coord.fullmatch(gap) if head else _TITLE_GAP.fullmatch(gap)):
            break
        if m.actor_id not in {a for a, _ in f.roles}:
            f.roles.append((m.actor_id, role))
        head = m


_GERUND_OBJECT = re.compile(r"\b(?:of|for|with)\s+$", re.IGNORECASE)
_WHO_BEFORE = re.compile(r",\s*who\s+(?:\w+ly\s+|later\s+|then\s+)?$", re.IGNORECASE)
# the lower-case words of a title before a name: "opposition activist "
_TITLE_GAP = re.compile(r"(?:[a-z][\w’'-]*\s+){0,3}")


def _undergoers_by_type(doc, found) -> None:
    """Only the actor types a frame admits undergo its event, however the event was
    found ("detention of the Committee for National Security, Karim Massimov": the
    Committee is no detainee)."""
    allowed = doc.clauses.flex.patient_types if doc.clauses is not None else {}
    types = None
    for f in found:
        want = allowed.get(f.type)
        if not want:
            continue
        if types is None:
            types = doc.actor_types
        f.roles = [(a, r) for a, r in f.roles
                   if r != "target" or types.get(a, "person") in want
                   or _members_can_undergo(doc, a)]


def _victims_are_persons(found) -> None:
    """Only persons die ("following the death of his predecessor": not the SSS)."""
    for f in found:
        f.roles = [(a, r) for a, r in f.roles if r != "victim" or a.startswith("person:")]


def _speakers_are_persons(doc, found) -> None:
    """A person speaks in an interview or address; an outlet or body named in the role
    takes part ("Speaking to the BBC in an interview, X said": the BBC is the outlet),
    and an interview or address with no person speaking before it is given by the first
    person named after it ("In an interview with Reuters, X said"; "In a speech to the
    Mazhilis on January 11, X criticised ...")."""
    body = doc.body
    for f in found:
        if f.type not in _SPEECH_EVENTS:
            continue
        f.roles = [(a, r if r != "speaker" or a.startswith("person:") else "participant")
                   for a, r in f.roles]
        if any(r == "speaker" for _, r in f.roles):
            continue
        sent = doc.sentences[f.sentence]
        i = bisect_left(doc.mention_starts, f.end)
        while i < len(doc.mentions) and doc.mentions[i].start < sent.end:
            m = doc.mentions[i]
            i += 1
            if m.actor_id.startswith("person:") and not _OWNED_NEXT.match(body, m.end):
                f.roles = [(a, r) for a, r in f.roles if a != m.actor_id]
                f.roles.append((m.actor_id, "speaker"))
                break


def _personal_accusation(body: str, f) -> bool:
    """Is a charge read from "accused of" one a person makes ("X was accused of rigging
    the vote by Y", a rival)? An accusation, not a charge a prosecutor brings (the
    relation of accusing is read apart)."""
    return f.type == "charge" and body[f.start:f.end].lower().startswith("accused") \
        and any(r == "agent" and a.startswith("person:") for a, r in f.roles)


_SPEECH_EVENTS = ("interview", "address")
_OWNED_NEXT = re.compile(r"[’']s\b")


def _no_owners(doc, found) -> None:
    """An actor named only as the owner of a relational noun in the sentence takes no
    part in its act: in "a nephew of former president Nursultan Nazarbayev was detained"
    the nephew is, Nazarbayev is not (he is named to say whose nephew)."""
    rx, after, opener = _owner_before(doc.lex), _owner_after(doc.lex), _owned_subject(doc.lex)
    body = doc.body
    owners: dict[int, set[str]] = {}
    named: dict[int, set[str]] = {}  # sentences opened by "His deputies were ...": who is named
    for f in found:
        if f.sentence not in owners:
            sent = doc.sentences[f.sentence]
            only, other = set(), set()
            i = bisect_left(doc.mention_starts, sent.start)
            while i < len(doc.mentions) and doc.mentions[i].start < sent.end:
                m = doc.mentions[i]
                if m.actor_id:
                    lo = max(sent.start, m.start - 80)
                    owned = may_hold(body, lo, m.start, _OF) and rx.search(body, lo, m.start) \
                        or after.match(body, m.end, min(sent.end, m.end + 60))
                    (only if owned else other).add(m.actor_id)
                i += 1
            owners[f.sentence] = only - other
            if opener.match(body, sent.start):
                named[f.sentence] = only | other
        if owners[f.sentence]:
            f.roles = [(a, r) for a, r in f.roles if a not in owners[f.sentence]]
        if f.sentence in named:  # the owner "his" stands for undergoes nothing
            f.roles = [(a, r) for a, r in f.roles if a in named[f.sentence]]


# the cheap test before _says_that_the: "that the", "said the" right before a trigger
_THAT_THE = re.compile(r"\b(?:that|said|says)(?:\s+on\s+\w+)?\s+(?:the|these|those|this)\s+"
                       r"(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)


@cache
def _says_that_the(lex) -> re.Pattern:
    """A speech verb, then "that the" (up to two words) right before a trigger: "said on
    Monday that the protests"."""
    return re.compile(rf"(?:\b{_words_re(list(lex['speech_verbs']))}\b[^.;:]{{0,100}}?\bthat|"
                      r"\b(?:said|says)(?:\s+on\s+\w+)?)\s+"
                      r"(?:the|these|those|this)\s+(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)


@cache
def _owned_subject(lex) -> re.Pattern:
    """A sentence opened by a pronoun's relational noun and its verb: "His deputies were
    detained" (the deputies were, not the one "his" stands for)."""
    return re.compile(rf"\s*(?:his|her|their)\s+(?:[\w-]+\s+){{0,2}}{relational_nouns(lex)}s?"
                      r"\s+(?:were|was|are|is|have|has|had)\b", re.IGNORECASE)


@cache
def _owner_before(lex) -> re.Pattern:
    """"<kin, ally or subordinate noun> of (the) (former president) " right before a name;
    an aside may stand before "of" ("a relative, this time by marriage, of")."""
    return re.compile(rf"\b{relational_nouns(lex)}(?:\s*,[^,]{{1,40}},)?\s+of\s+(?:the\s+)?"
                      r"(?:[\w’'.-]+,?\s+){0,4}$", re.IGNORECASE)


@cache
def _owner_after(lex) -> re.Pattern:
    """"'s <kin, ally or subordinate noun>" right after a name ("arrested Kamchybek
    Tashiev's nephew": the nephew is arrested, Tashiev is not)."""
    return re.compile(rf"['’]s?\s+(?:[\w-]+\s+){{0,2}}{relational_nouns(lex)}\b", re.IGNORECASE)


def _members_can_undergo(doc, actor_id: str) -> bool:
    """A group or party stands for its members ("10 members of the banned extremist
    group Yakyn Inkar were arrested"); a state body, court or army does not."""
    actor = doc.gazetteer.actors.get(actor_id)
    kind = actor.kind if actor is not None else ""
    if not kind:
        kind = next((m.kind for m in doc.mentions if m.actor_id == actor_id and m.kind), "")
    return kind in _GROUP_KINDS


_GROUP_KINDS = frozenset({"group", "party"})


def _frame_hit(frames, sent_i: int, etype: str, ts: int, te: int):
    """The frame reading (:mod:`clauses`) of the trigger at [ts, te), if any."""
    for hit in frames.get((sent_i, etype), ()):
        if hit.start < te and ts < hit.end:
            return hit
    return None


def _with_frame(f, hit, new, keep_targets: bool = False):
    """The event ``f`` with the roles the frame read: who acts and who undergoes it come
    from the construction (voice, "by", lists), not from word order; other roles stay.
    With ``keep_targets`` (a noun trigger) and no one undergoing it in the frame's reading,
    the persons its "of", "into", "against" name stay ("opened an investigation into the
    assets of former president X": X)."""
    if not (hit.agents or hit.patients):
        return f
    f = f if f is not None else new
    roles = hit.frame_roles
    framed = [(a, roles["agent"]) for a, _ in hit.agents if roles.get("agent")]
    framed += [(p, roles["patient"]) for p, _ in hit.patients if roles.get("patient")]
    named = {a for a, _ in framed}
    f.roles = framed + [(a, r) for a, r in f.roles
                        if a not in named and (r not in ("agent", "target", "subject")
                                               or r == "agent" and not hit.agents
                                               or keep_targets and r == "target"
                                               and not hit.patients
                                               and a.startswith("person:"))]
    f.modality = _FRAME_MODALITY.get(hit.modality, "")
    return f


def extract(doc, relations=()) -> tuple[list[Event], list]:
    """(events, statements): the event statements, participants and places.
    ``relations``: the article's relation statements, whose holds_position ones give the
    organisation of a post lost or gained (role key ``post``)."""
    trig = triggers_for(doc.lex)
    body = doc.body
    posts = _posts(doc, relations)
    found: dict[tuple[int, str], _Found] = {}
    frames: dict[tuple[int, str], list] = {}
    for hit in doc.clauses.frames() if doc.clauses is not None else ():
        if hit.frame.post == "replaces" and hit.voice == "active" and not hit.patients \
                and _replaced_title(doc.lex).match(body, hit.end):
            continue  # "Lukashenko replaced the head of the KGB, appointing X": he
            # takes no post; the one who replaces is read where named
        if hit.frame.event:
            frames.setdefault((hit.sentence, hit.frame.event), []).append(hit)
    slots_cache: dict[int, list[_Slot]] = {}
    refs: list[tuple[int, str, object]] = []  # (offset, type, date) of nameless references
    for ts, te, name in trig.find(body, doc.hits):
        name, _, how = name.partition("@")
        etype = trig.types[name]
        special = {"pattern": etype.pattern_roles, "noun": etype.noun_roles}.get(how) \
            or trig.own_roles.get(f"{name}@{how}")
        if special:
            etype = EventType(etype.name, etype.requires, special, etype.exclude, etype.detail)
        if etype.exclude and _excluded(etype.exclude, body, ts, te):
            continue
        if (how == "noun" or not doc.lex["event_types"][name].get("nouns")) \
                and _grounds(trig, name, body, ts):
            continue  # "sentenced on corruption charges": the ground of another act
        sent_i = doc.index.at(ts)
        if may_hold(body, max(0, ts - _UNREAL_REACH), ts, trig.unreal_words) \
                and trig.unreal.search(body, max(0, ts - _UNREAL_REACH), ts):
            continue  # "X may be released", "a trial could have taken place"
        if (how == "noun" or _DETERMINER.search(body, max(0, ts - 8), ts)) \
                and trig.unreal_after.match(body, te):
            continue  # "the trial of X will begin next month"
        convened = trig.convened.get(name)
        if convened is not None and convened.search(body, max(0, ts - 60), ts):
            continue  # "Tokayev proposed the referendum in March": not the vote, nor its day
        if "all_persons" in etype.roles and trig.toll.search(body, max(0, ts - 50), ts):
            continue  # "the unrest, in which 230 people were killed": nobody named died
        key = (sent_i, etype.name)
        first = found.get(key)
        if first is not None:
            if ts - first.end < _SECOND_GAP and "," not in body[first.end:ts]:
                continue  # ("A, who took office in 2022, appointed B": a clause apart)
            key = (sent_i, f"{etype.name}@{ts}")
        sent = doc.sentences[sent_i]
        if sent_i not in slots_cache:
            slots_cache[sent_i] = _slots(doc, sent)
        hit = _frame_hit(frames, sent_i, etype.name, ts, te)
        if hit is not None and not hit.happened:
            continue  # "prohibit the investigation of X", "could face trial"
        if hit is None and _NEGATED.search(body, max(doc.sentences[sent_i].start, ts - 40), ts):
            continue  # "has never been questioned": a trigger no frame reads, negated
        f = _read(doc, trig, etype, ts, te, sent_i, slots_cache[sent_i], how == "noun",
                  te if not how.startswith("pattern") else _first_word_end(body, ts, te))
        if f is not None and how.startswith("pattern") and \
                doc.lex["event_types"][name].get("pattern_undated"):
            f.date, f.carried = None, False
        if hit is not None:
            f = _with_frame(f, hit, f or _Found(etype.name, ts, te, sent_i,
                                                date=_date(doc, trig, ts, te, sent_i)),
                            keep_targets=how == "noun")
        if f is None and how == "noun":
            ref = _dating_reference(doc, trig, etype.name, ts, te, sent_i)
            if ref is not None:
                refs.append(ref)
        elif f is not None and how == "noun" and not f.roles and first is None:
            # "X was nominated ... Parliament confirmed the appointment on February 8": a
            # dated definite noun naming no one dates the undated act told before it
            ref = _dating_reference(doc, trig, etype.name, ts, te, sent_i)
            if ref is not None and _undated_before(doc.lex, found.values(), ref):
                refs.append(ref)
                continue
        if first is not None and not _own_date(first, f) and not _others(first, f):
            continue  # a second mention in the sentence counts when it gives its own date
            # or is done to others ("fired A on Tuesday and sacked his deputy B")
        if f is not None:
            if "post" in etype.roles:
                f.roles += _post_roles(f.roles, posts.get(sent_i, ()), etype.roles["post"])
            found[key] = f
            if hit is not None and etype.detail:
                for k, each in enumerate(_distributed(doc, f, hit)):
                    found[key if k == 0 else (sent_i, f"{etype.name}#{k}")] = each
    for hit in (h for hs in frames.values() for h in hs):
        etype = trig.types.get(hit.frame.event)
        if etype is None or (hit.sentence, etype.name) in found or not hit.happened \
                or not (hit.agents or hit.patients) \
                or may_hold(body, max(0, hit.start - _UNREAL_REACH), hit.start,
                            trig.unreal_words) \
                and trig.unreal.search(body, max(0, hit.start - _UNREAL_REACH), hit.start) \
                or _grounds(trig, etype.name, body, hit.start) \
                or (etype.exclude and _excluded(etype.exclude, body, hit.start, hit.end)):
            continue
        f = _with_frame(None, hit, _Found(etype.name, hit.start, hit.end, hit.sentence,
                                          date=_date(doc, trig, hit.start, hit.end,
                                                     hit.sentence)))
        if f.date is None or not f.roles:
            continue  # a trigger the event list lacks counts when its sentence dates it
            # and someone takes part ("X was replaced on Thursday" appoints no one named)
        f.carried = isinstance(f.date, _CarriedDate)
        f.places = _places(doc, doc.sentences[hit.sentence])
        if "post" in etype.roles:
            f.roles += _post_roles(f.roles, posts.get(hit.sentence, ()), etype.roles["post"])
        found[(hit.sentence, etype.name)] = f
    for f in found.values():
        _along_with(doc, f)
        _included(doc, trig, f)
        _announcers(doc, f)
    found = {k: f for k, f in found.items() if not _personal_accusation(body, f)}
    _undergoers_by_type(doc, found.values())
    _no_owners(doc, found.values())
    _victims_are_persons(found.values())
    _speakers_are_persons(doc, found.values())
    found = {k: f for k, f in found.items() if _undergoer_for_agent(doc, f)}
    each = sorted((g for f in found.values()
                   for g in _per_person(doc.lex, f, posts.get(f.sentence, ()))),
                  key=lambda f: f.start)
    _back_references(doc, each)
    _dated_by_reference(doc.lex, each, refs)
    _same_act(doc, each)
    _occasion(doc, each)
    _parts_of(doc.lex, each)
    groups = _merge(each)
    events: list[Event] = []
    seen: set[str] = set()
    statements = []
    for group in groups:
        date = max(sorted((f.date for f in group if f.date),
                          key=lambda d: isinstance(d, _NewsDate)), key=_precision,
                   default=None)  # a body's own day before the day of the news
        roles = list(dict.fromkeys(r for f in group for r in f.roles))
        keys = _key(roles)
        head = group[0]
        detail = next((f.detail for f in group if f.detail), "") \
            if head.type in _DETAIL_IN_ID else ""
        iso = date.iso if date else ""
        event_id = report_id(doc.article.id, head.type, iso, keys, detail)
        if event_id not in seen:  # two reports the merge kept apart resolve alike
            seen.add(event_id)
            events.append(Event(
                id=event_id, type=head.type,
                name=_name(doc, head.type, roles, keys, iso, detail),
                date=iso, date_precision=date.precision if date else "unknown",
                date_raw="", detail=detail))
        for f in group:
            speaker, modality = doc.attribution.at(f.start, f.end) if doc.attribution \
                else ("", "reported")
            if f.modality and modality in ("reported", "asserted"):
                modality = f.modality
            statements.append(doc.statement("event", event_id, "", f.start, f.end,
                                            detail=f.detail, date=f.date, confidence=0.8,
                                            speaker=speaker, modality=modality))
            taking_part = list(dict.fromkeys(f.roles))
            if speaker and speaker not in {a for a, _ in taking_part}:
                # the source of the claim takes part as its speaker ("X was detained on
                # Monday, police spokesman Y said"; tests/gold/README.md)
                taking_part.append((speaker, "speaker"))
            for actor, role in taking_part:
                statements.append(doc.statement("participated_in", actor, event_id,
                                                f.start, f.end, detail=role,
                                                confidence=0.75, speaker=speaker,
                                                modality=modality))
            for place in dict.fromkeys(f.places):
                statements.append(doc.statement("occurred_in", event_id, place, f.start,
                                                f.end, confidence=0.75, speaker=speaker,
                                                modality=modality))
    return events, statements


def report_id(article_id: str, etype: str, date: str, keys: list[str], detail: str) -> str:
    """The id of an event as one article reports it (an EventReport): per article, so
    what each article says stays its own; the projection merges the reports of one
    real event (graph/projection.py, ``identify_events``).

    >>> a = report_id("article:1", "arrest", "2022-01-06", ["person:x"], "")
    >>> a == report_id("article:2", "arrest", "2022-01-06", ["person:x"], "")
    False
    >>> a.startswith("event:")
    True
    """
    return stable_id("event", article_id, etype, date, *keys, *([detail] if detail else []))


def _posts(doc, relations) -> dict[int, list[tuple[str, str]]]:
    """Sentence -> (person, body) of the holds_position statements it states: an
    organisation, or a region or city ("the governor of Penza Oblast"); a country's post
    ("the President of Armenia") is no body's."""
    out: dict[int, list[tuple[str, str]]] = {}
    for st in relations:
        obj = st.object_id
        if st.predicate != "holds_position" or not obj.startswith(("organization:", "place:")) \
                or obj.startswith("place:") and _actor_name(doc, obj) in _countries():
            continue
        out.setdefault(doc.index.at(st.span_start), []).append((st.subject_id, obj))
    return out


@cache
def _countries() -> frozenset[str]:
    from .places import country_names
    return country_names()


def _post_roles(roles, posts, role: str) -> list[tuple[str, str]]:
    """The organisations of the posts that the event's target or subject holds or held,
    as the same sentence says ("dismissed as the deputy chairman of the KNB")."""
    who = {a for a, r in roles if r in ("target", "subject")}
    have = {a for a, _ in roles}
    return list(dict.fromkeys((org, role) for person, org in posts
                              if person in who and org not in have))


def _first_word_end(body: str, ts: int, te: int) -> int:
    """Where a pattern's first word ends: actors inside the rest of the match ("appealing
    to the CSTO for help", "found X guilty") stand after the trigger."""
    m = _FIRST_WORD.match(body, ts, te)
    return m.end() if m else te


_FIRST_WORD = re.compile(r"\S+")


def _precision(d) -> int:
    return {"day": 3, "month": 2, "year": 1}.get(d.precision, 0)


def _key(roles) -> list[str]:
    """The participants an event is identified by: who undergoes it, else who does it."""
    return sorted({a for a, r in roles if r in _KEY_ROLES}) \
        or sorted({a for a, r in roles if r == "agent"})


def _compatible(a, b) -> bool:
    """Can ``b`` (later in the text) report the same event as ``a``? An undated mention
    refers back to a dated one, and forward only to a report of the same participants
    (an undated lead and the body's dated account)."""
    if a.type != b.type:
        return False
    if not _dates_agree(a, b):
        return False
    da, db = (a.date.iso if a.date else ""), (b.date.iso if b.date else "")
    ka, kb = _key(a.roles), _key(b.roles)
    same = bool(ka) and ka == kb or _subsumes(a, b) or _subsumes(b, a)
    if db and not da and not same:
        return False  # an undated lead ("X has sacked Y") is dated by the body's report
    if (a.carried or b.carried) and da != db:
        return False  # "shortly thereafter": after the dated event, not another report of it
    if ka == kb or same:
        return True
    if isinstance(a.date, _NewsDate) and len(db) > len(da) and db.startswith(da) \
            and not (_undergoers(a) and _undergoers(b)) and _agents_agree(a, b):
        return True  # "Rahmon has appointed his daughter ... Ozoda Rahmon's appointment
        # was announced on January 27", "X has sacked Y ... was replaced on January 31":
        # the lead's news month, and the body's report of the day in it
    if not da and not db and bool(_undergoers(a)) != bool(_undergoers(b)) \
            and not (_agents(a) and _agents(b)):
        return True  # undated, one names who undergoes it, the other who does it: "the
        # criminal case against X ... the investigation conducted by the prosecutors"
    # one names no participant: the same event only if both give the same date
    return (not ka or not kb) and bool(da) and da == db


def _dates_agree(a, b) -> bool:
    """One is undated, or one date is the other's prefix, or one is the day of the news
    (a wire dateline's, :func:`_recent`) and the other a day of its month not after it
    ("Putin replaces Shoigu" under "MOSCOW, May 13": the lead's "on Sunday", May 12)."""
    da, db = (a.date.iso if a.date else ""), (b.date.iso if b.date else "")
    return not da or not db or da.startswith(db) or db.startswith(da) \
        or _news_day_of(a.date, db) or _news_day_of(b.date, da)


def _news_day_of(news, day: str) -> bool:
    """Is ``news`` the day of the news and ``day`` a day of its month not after it?"""
    return isinstance(news, _NewsDate) and len(news.iso) == len(day) == 10 \
        and news.iso[:7] == day[:7] and day <= news.iso


def _agents(f) -> set[str]:
    return {x for x, r in f.roles if r == "agent"}


def _undergoers(f) -> set[str]:
    """Who undergoes the act (target, victim, subject)."""
    return {x for x, r in f.roles if r in _KEY_ROLES}


def _agents_agree(a, b) -> bool:
    ga = {x for x, r in a.roles if r == "agent"}
    gb = {x for x, r in b.roles if r == "agent"}
    return not ga or not gb or bool(ga & gb)


def _subsumes(a, b) -> bool:
    """Does ``a`` tell part of what ``b`` tells: some of its undergoers ("Masimov was
    arrested" in "Masimov and three deputies were arrested"), or, naming no undergoer,
    only its agents ("Mirziyoyev sacks security chief" of "Mirziyoyev has sacked
    Inoyatov")?"""
    ta, tb = _undergoers(a), _undergoers(b)
    if ta:
        return ta < tb
    agents = {x for x, r in a.roles if r == "agent"}
    return bool(tb and agents) and agents <= {x for x, r in b.roles if r == "agent"}


def _parts_of(lex, found: list[_Found]) -> None:
    """An act of a type that is ``part_of`` another, reported in the article with an act
    of that other type on the same persons and a compatible date, is told as that act: "X
    was convicted ... X was sentenced to 18 years" is one sentencing."""
    for f in found:
        whole = lex["event_types"][f.type].get("part_of")
        if not whole or not _undergoers(f):
            continue
        for g in found:
            if g.type == whole and _undergoers(f) <= _undergoers(g) and (
                    f.date is None or g.date is None
                    or f.date.iso.startswith(g.date.iso) or g.date.iso.startswith(f.date.iso)):
                f.type = whole
                break


@dataclass(frozen=True)
class _OccasionDate(DateMention):
    """The day of the lead's act, for an undated act of its kind told with it: raw is
    "occasion (on Monday)"."""


_LEAD_SENTENCES = 3     # the lead: the first sentences of the body
# the news block the lead's occasion may be told in: a new cabinet's members come after the
# vote, the oath and the background of the new head
_OCCASION_SENTENCES = 14
_LEAD_DAYS = 10         # the lead's act happened at most this many days before the article


def _same_act(doc, found: list[_Found]) -> None:
    """An act told "in the same decree" (a same_act continuation word in its clause) is
    part of the last dated act of its kind told before, or of the kinds told with it
    (``occasion_with``), however many sentences (a quote, a comment) stand between: its
    date."""
    types = doc.lex["event_types"]
    for i, f in enumerate(found):
        if f.date is not None and not isinstance(f.date, _CarriedDate):
            continue
        marker = _continuation(doc, doc.sentences[f.sentence], f.start, f.end)
        if marker is None or _continuations(doc.lex).get(marker.phrase) != "same_act":
            continue
        kinds = {f.type, *(types[f.type].get("occasion_with") or ()),
                 types[f.type].get("part_of") or f.type}
        act = next((g for g in reversed(found[:i]) if g.type in kinds and g.date is not None
                    and g.sentence < f.sentence), None)
        if act is not None:
            f.date = _CarriedDate(marker.start, marker.end,
                                  f"{doc.body[marker.start:marker.end]} ({act.date.raw})",
                                  act.date.iso, act.date.precision)


def _occasion(doc, found: list[_Found]) -> None:
    """An undated act in the first paragraphs, of the kind the lead reports with a day,
    done to other persons ("A court on Monday sentenced X to 24 years ... Y, a relative of
    X, was sentenced to four years"; "Lukashenko appoints X ... Y was appointed State
    Secretary") is part of the lead's occasion: its day."""
    lead = _lead_act(doc, found)
    if lead is None:
        return
    body = doc.body
    last = _OCCASION_SENTENCES + _header_lines(doc)
    kinds = {lead.type, doc.lex["event_types"][lead.type].get("part_of") or lead.type}
    reshuffle = set(doc.lex["event_types"][lead.type].get("occasion_with") or ())
    for f in found:
        if f.date is not None or f.sentence > last or not _undergoers(f):
            continue
        sent = doc.sentences[f.sentence]
        if f.type not in kinds and \
                doc.lex["event_types"][f.type].get("part_of") not in kinds and not (
                    f.type in reshuffle and (_agents(f) <= _agents(lead)
                                             or _undergoers(f) & _undergoers(lead))
                    and not doc.dates_in(sent)
                    and not _HAD.search(_APPOSED_CLAUSE.sub(",", body[sent.start:f.start]))):
            continue  # "X on Monday fired A ... He appointed B as acting head": B too;
            # "Police arrested X on Tuesday ... X was taken into custody at the airport"
        if _not_news(doc.lex).search(body, sent.start, f.start) \
                or _PAST_PERFECT.search(body, max(sent.start, f.start - 30), f.start):
            continue  # "had taken the office in January", "previously jailed"
        f.date = _OccasionDate(f.start, f.start, f"occasion ({lead.date.raw})",
                               lead.date.iso, "day")


_HEADER_END = re.compile(r"[.!?:;\"”’')]\s*$")


def _header_lines(doc) -> int:
    """How many lines after the headline stand before the first sentence of prose: a
    dateline ("July 16, 2008"), a byline ("By RFE/RL's Belarus Service"), each a line
    of its own with no closing stop. The lead is counted from the prose."""
    body, n = doc.body, 0
    for sent in doc.sentences[1:_LEAD_SENTENCES + 3]:
        text = body[sent.start:sent.end]
        alone = body[max(0, sent.start - 1):sent.start] in ("", "\n") \
            and body[sent.end:sent.end + 1] in ("", "\n")
        if not alone or _HEADER_END.search(text) or len(text.split()) > 8:
            break
        n += 1
    return n


_PAST_PERFECT = re.compile(r"\bhad\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_HAD = re.compile(r"\bhad\b", re.IGNORECASE)


def _lead_act(doc, found: list[_Found]):
    """The first act of the lead dated to a day shortly before the article."""
    art = doc.article
    if art.published_precision != "day":
        return None
    pub = dt.date.fromisoformat(art.published[:10])
    news = None
    last = _LEAD_SENTENCES + _header_lines(doc)
    for f in found:
        if f.sentence > last:
            break
        if f.date is None or len(f.date.iso) != 10 or not _undergoers(f):
            continue
        day = dt.date.fromisoformat(f.date.iso)
        if dt.timedelta(0) <= pub - day <= dt.timedelta(days=_LEAD_DAYS):
            if not isinstance(f.date, _NewsDate):
                return f
            news = news or f  # the headline's day of the news yields to the lead's own
    return news


def _dating_reference(doc, trig: Triggers, etype: str, ts: int, te: int, sent_i: int):
    """(offset, type, date) of a definite noun naming no one that a date of its own
    sentence times ("The verdict was passed on Monday"), else None: the act told before
    it is then dated (:func:`_dated_by_reference`)."""
    if _back_reference(doc.lex).search(doc.body, max(0, ts - 40), ts) is None:
        return None
    d = _text_date(doc, trig, ts, te, sent_i)
    if d is None or isinstance(d, (_CarriedDate, _NewsDate, _SceneDate, _BoundDate)):
        return None
    return ts, etype, d


def _named_before(lex, found, at: int, etype: str):
    """The last act of kind ``etype`` (or of the act it is ``part_of``) with someone
    undergoing it told before offset ``at``, else None."""
    types = lex["event_types"]
    kinds = {etype, types[etype].get("part_of") or etype}
    return max((f for f in found if f.start < at and _undergoers(f)
                and (f.type in kinds or types[f.type].get("part_of") in kinds)),
               key=lambda f: f.start, default=None)


def _undated_before(lex, found, ref) -> bool:
    """Is the act a dated reference names again (:func:`_dated_by_reference`) undated?"""
    last = _named_before(lex, found, ref[0], ref[1])
    return last is not None and last.date is None


def _dated_by_reference(lex, found: list[_Found], refs) -> None:
    """"X was sentenced to 11 years. The court handed down the verdict on Tuesday": the
    last undated act of that kind (or of the act it is ``part_of``) told before a dated
    definite noun naming no one is the one the noun names again, and takes its date."""
    for at, etype, d in refs:
        last = _named_before(lex, found, at, etype)
        if last is not None and last.date is None:
            last.date = d


def _back_references(doc, found: list[_Found]) -> None:
    """A nameless event named again with a definite word ("the curfew", "these
    protests") after its first mention is that event again: the date of its sentence
    times something else ("On January 8 they were shot after the curfew came into
    effect"), unless the date stands in or after the noun phrase ("the January 8 curfew",
    "the protests on January 2"). Such a mention keeps no date of its own and joins the
    first."""
    seen: set[str] = set()
    body = doc.body
    for f in found:
        if f.roles or f.type not in seen:
            seen.add(f.type)
            continue
        ref = _back_reference(doc.lex).search(body, max(0, f.start - 40), f.start)
        if ref is None:
            continue
        d = f.date
        if d is not None and not isinstance(d, (_CarriedDate, _NewsDate, _SceneDate)) \
                and d.end > ref.start():
            continue  # "the January 8 curfew", "the turmoil that shook it on 2 January"
        f.date, f.carried = None, False
        # "the appointment of a new deputy": a new one, whoever it names
        f.back = not _OF_NEXT.match(body, f.end)


@cache
def _back_reference(lex) -> re.Pattern:
    """A definite word before a trigger, at most two words between ("the 11 p.m. curfew")."""
    return re.compile(rf"\b{_words_re(lex['back_reference_words'])}\s+(?:[\w.’'-]+\s+){{0,2}}$",
                      re.IGNORECASE)


def _merge(found: list[_Found]) -> list[list[_Found]]:
    """Reports of one event within the article (same type, compatible date and
    participants: "the unrest of January 2022" and "protests ... on 2 January")."""
    groups: list[list[_Found]] = []
    for f in found:
        told = [g for g in groups if g[0].type == f.type]
        if f.back and told:
            told[-1].append(f)  # "X sacked Y on Friday. The dismissal came after ...": that one
            continue
        for g in groups:
            if g[0].type != f.type:
                continue  # a group holds one type: no member of another joins f
            named = [x for x in g if x.roles]
            # a nameless report in the group (the headline's "PM resigns") does not keep
            # out a later mention of the named one it was joined to
            if all(_compatible(x, f) or (
                    named and f.roles and not x.roles and x.type == f.type
                    and _dates_agree(x, f)) for x in g):
                g.append(f)
                break
        else:
            groups.append([f])
    return groups


_SECOND_GAP = 20  # characters after a sentence's first trigger of a type: another mention


def _own_date(first, f) -> bool:
    """Does ``f``, a later trigger of ``first``'s type in its sentence, give a date of its
    own ("The dismissal of the government this week, but X's sacking of the security
    chief on January 5": two dismissals)?"""
    return f is not None and f.date is not None and not isinstance(f.date, _CarriedDate) \
        and (first.date is None or f.date.iso != first.date.iso)


def _others(first, f) -> bool:
    """Does ``f``, a later trigger of ``first``'s type in its sentence, tell the act of
    other persons than ``first`` does?"""
    mine = {a for a, r in f.roles if r in _KEY_ROLES} if f is not None else set()
    theirs = {a for a, r in first.roles if r in _KEY_ROLES}
    return bool(mine and theirs and not mine & theirs)


def _grounds(trig: Triggers, etype: str, body: str, ts: int) -> bool:
    """Whether the noun at ``ts`` is the ground of another act ("sentenced to 18 years
    on corruption charges"), by the type's ``noun_grounds``."""
    rx = trig.grounds.get(etype)
    return bool(rx and rx.search(body, max(0, ts - 50), ts))


def _excluded(rx: re.Pattern, body: str, start: int, end: int) -> bool:
    for x in rx.finditer(body, max(0, start - 40), min(len(body), end + 40)):
        if x.start() < end and start < x.end():
            return True
    return False


def _slots(doc, sent) -> list[_Slot]:
    """Actors of a sentence in order: mentions and resolved pronouns."""
    body = doc.body
    out = []
    i = bisect_left(doc.mention_starts, sent.start)
    while i < len(doc.mentions) and doc.mentions[i].start < sent.end:
        m = doc.mentions[i]
        if m.actor_id:
            poss = body[m.end:m.end + 2] in ("'s", "’s")
            out.append(_Slot(m.start, m.end, [m.actor_id], m.type, poss))
        i += 1
    for p in _pronouns(doc, sent):
        ids = doc.antecedents.resolve(p.start(), p.group())
        if ids:
            poss = p.group().lower() in ("his", "her", "their", "my", "our")
            out.append(_Slot(p.start(), p.end(), ids, "person", poss))
    d = _description(doc.lex).match(body, sent.start, sent.end)
    if d and not (out and out[0].start < d.end()):
        ids = doc.antecedents.resolve(d.start(), "he")
        if ids and not _other_title(doc, d.group(), ids[0]):
            out.append(_Slot(d.start(), d.end(), ids, "person", False))
    pair = _pair_opening(doc.lex).match(body, sent.start, sent.end)
    if pair and not (out and out[0].start < pair.end()):
        ids = doc.antecedents.pair(pair.start(1))
        if ids:
            out.append(_Slot(pair.start(1), pair.end(1), ids, "person", False))
    out.sort(key=lambda s: s.start)
    return out


@cache
def _pair_opening(lex) -> re.Pattern:
    """A sentence opening with a plural description of two persons ("The brothers were
    sentenced in absentia"): like "they", the two persons just named (pair_references;
    "they" itself is a pronoun of :func:`_pronouns`)."""
    phrases = [p for p in lex["pair_references"] if p.lower() != "they"]
    return re.compile(rf"\s*[\"“]?((?i:{_words_re(phrases)}))(?=\s+(?:\w+ly\s+)?"
                      r"(?:was|were|are|have|had|face|faced|received|fled)\b)")


def _pronouns(doc, sent) -> list[re.Match]:
    """``_PRONOUN.finditer`` over the sentence, tried only at the slot pronouns the
    vocabulary found (:attr:`Document.actor_edges` says when they cannot be trusted)."""
    if doc.actor_edges is None or not _pronouns_are_slot_pronouns(doc.lex):
        return list(_PRONOUN.finditer(doc.body, sent.start, sent.end))
    out, done = [], sent.start
    for h in doc.hits.in_range(sent.start, sent.end, {PRONOUN_LABEL}):
        if h.start >= done:
            m = _PRONOUN.match(doc.body, h.start, sent.end)
            if m:
                out.append(m)
                done = m.end()
    return out


@cache
def _pronouns_are_slot_pronouns(lex) -> bool:
    return set(_PRONOUN_WORDS) <= (compiler_for(lex).pronoun_first or set())


def _other_title(doc, description: str, actor_id: str) -> bool:
    """Does a description name a title the article never gave the person it would stand
    for ("Prime Minister A spoke. The deputy prime minister was dismissed": a title word,
    "deputy", that none of A's titles has)?"""
    titles = [m.title.lower() for m in doc.mentions if m.actor_id == actor_id and m.title]
    if not titles:
        return False
    words = set(re.findall(r"[a-z]+", description.lower())) & _title_words(doc.lex)
    return not any(words <= set(re.findall(r"[a-z]+", t)) for t in titles)


@cache
def _title_words(lex) -> frozenset[str]:
    """The words of titles, but the head titles one body's head is called by ("the
    ex-KNB head" is its chairman)."""
    heads = {str(w).lower() for w in lex["clause_words"]["head_titles"]}
    return frozenset(w for t in lex["title_heads"] for w in re.findall(r"[a-z]+", str(t).lower())
                     if w not in heads)


@cache
def _description(lex) -> re.Pattern:
    """A sentence opening with a definite description of a person ("The former customs
    official was subsequently released"): like "he", the person the sentences before
    were about (the caller resolves it as a pronoun)."""
    heads = [w for w in (*lex["person_nouns"], *lex["title_heads"])
             if not str(w).endswith("s") or str(w).endswith("ss")]
    return re.compile(rf"\s*[\"“]?The\s+(?:[\w’'-]+\s+){{0,3}}?{_words_re(heads)}"
                      r"(?=\s+(?:\w+ly\s+)?(?:was|is|has|had|were|faces|received)\b)")


def _read(doc, trig: Triggers, etype: EventType, ts: int, te: int, sent_i: int,
          slots: list[_Slot], noun: bool, role_end: int) -> _Found | None:
    body = doc.body
    sent = doc.sentences[sent_i]
    f = _Found(etype.name, ts, te, sent_i, date=_date(doc, trig, ts, te, sent_i))
    f.carried = isinstance(f.date, _CarriedDate)
    said = _says_that_the(doc.lex).search(body, max(sent.start, ts - 160), ts) \
        if _THAT_THE.search(body, max(sent.start, ts - 40), ts) else None
    if said is not None:
        # "X said on Monday that the election was rigged": an act named again in what X
        # says; the saying's day and its speaker are not the act's
        slots = [s for s in slots if s.start >= said.end()]
        if f.date is not None and f.date.end <= said.end():
            f.date, f.carried = None, False
    f.roles = _roles(body, trig, etype.roles, ts, role_end, sent,
                     [s for s in slots if s.type in ("person", "organization")], noun)
    if "places_before" in etype.roles:
        f.roles += _places_before(body, sent, ts, slots, etype.roles["places_before"])
    f.places = _places(doc, sent)
    if etype.detail:
        d = etype.detail.search(body, ts if etype.name != "sentence" else sent.start, sent.end)
        if d and d.lastindex:
            f.detail = re.sub(r"\s+", " ", d.group(1).strip().lower())
    if etype.requires == "date" and not f.date:
        return None
    if etype.requires == "participant" and not f.roles:
        return None
    if etype.requires == "any" and not f.roles and not f.date:
        return None
    return f


def _roles(body, trig: Triggers, roles: dict, ts: int, te: int, sent, actors,
           noun: bool = False) -> list:
    """(actor id, role) of the actors of a sentence around a trigger at [ts, te); a
    ``noun`` trigger after a background word ("amid a probe") has no subject's role."""
    out: list[tuple[str, str]] = []

    def add(slot, role):
        out.extend((i, role) for i in slot.ids)

    first = body[ts:te].split(None, 1)[0].lower() if body[ts:te].strip() else ""
    participle = first.endswith(_PARTICIPLE)
    before = [s for s in actors if s.end <= ts and ";" not in body[s.end:ts]]
    before = _outside_clauses(body, before, sent.start, ts)
    be_passive = participle and trig.passive(body, ts, sent.start)
    passive = be_passive or participle and (bool(
        before and _COMMA.fullmatch(body[before[-1].end:ts]))  # "X, accused of"
        or bool(before and trig.in_court.search(body, before[-1].end, ts))
        or bool(_AND_THEN.search(body[max(sent.start, ts - 30):ts])
                and trig.be_in(body, sent.start, ts)))  # "was dismissed and later charged"
    if passive and not be_passive and "passive_before" not in roles:
        # an act nobody undergoes has no passive: in "A, an ally of B, stepped down" the
        # comma closes an apposition, and A acts
        passive = False
    after = [s for s in actors if s.start > ts and s.end > te - 1
             and ";" not in body[te:s.start]]
    # the owner of the object is not the object: "handed the post to his ally X": X
    after = [s for k, s in enumerate(after) if not (
        s.possessive and k + 1 < len(after) and after[k + 1].start - s.end <= 25
        and _OWNED_HEAD.match(body, s.end, after[k + 1].start))
        # "accused Putin of killing her husband": her owns the one killed
        and not (s.possessive and trig.owned_relative.match(body, s.end))]
    if "all_persons" in roles and not (first.endswith("ing") and _GERUND_OBJECT.search(
            body, max(0, ts - 8), ts)):  # "accused X of killing Y": the pattern reads Y
        said_of = _WHO_BEFORE.search(body, max(0, ts - 30), ts)
        persons = [s for s in before if s.type == "person" and not s.possessive]
        if said_of is not None:  # "A succeeded B, who died in 2006": B
            chosen = [s for s in actors if s.type == "person" and s.end == said_of.start()]
        elif persons:  # "A, the fiercest critic of B, died": A, as the subject is read
            chosen = _subject(body, trig, persons, ts, passive)
        elif trig.counted_after.match(body, te):
            chosen = []  # "a fire killed 46 people, days after X visited": X did not die
        else:
            chosen = [s for s in after if s.type == "person"]
        for s in chosen:
            add(s, roles["all_persons"])
    if before:
        last = before[-1]
        gap = body[last.end:ts]
        if "by" in roles and not last.possessive and trig.ordering.fullmatch(gap):
            add(last, roles["by"])  # "a court ordered the detention of X": the court
        elif last.possessive and "possessor" in roles and len(gap.split()) <= 3 \
                and not _OWNER_GAP_BREAK.search(gap):
            # "X's sacking of Y": with an object named, X acts
            add(last, roles["by"] if "by" in roles and _OF_NEXT.match(body, te)
                else roles["possessor"])
        elif "receiver" in roles and _receiver(trig, body, before, ts) \
                and not trig.heads_clause.match(body, te):
            add(_receiver(trig, body, before, ts), roles["receiver"])
        else:
            subj = [s for s in before if not s.possessive
                    and not trig.follower.match(body, s.end)]
            if participle and not passive and _NOUN_BEFORE_PARTICIPLE.search(gap):
                subj = []  # "signed an amnesty for most people convicted over ...": the
                # people were convicted, not the one who signed
            objects = _objects_of_first_verb(body, sent.start, subj, ts) \
                if not noun and not passive else 0
            reach = 60
            if objects:  # "X fired A and signed a decree": X signs it, not A
                subj, reach = subj[:-objects], 140
            role = roles.get("passive_before") if passive else roles.get("before")
            if subj and role and len(body[subj[-1].end:ts]) <= reach and not (
                    noun and trig.background.search(body, subj[-1].end, ts)) and not (
                    noun and role in _KEY_ROLES
                    and trig.named_again.search(body[subj[-1].end:ts])):
                for x in _subject(body, trig, subj, ts, passive):
                    add(x, role)
    all_after = after
    if "by" in roles:  # the agent after "by" is no one's target
        after = [s for s in after if not _BY.search(body[max(te, s.start - 40):s.start])]
    if after and not passive and "after" in roles:
        near = [x for x in after if x.start < te or x.start - te <= 60]
        people = [x for x in near if x.type == "person"]
        if roles["after"] in _KEY_ROLES and people and not _CLAUSE_END.match(
                body, after[0].end):
            # who is tried: a person, not "the KNB" of "the KNB's former chief X"; but
            # "calling in the CSTO, will Toqaev ...": the clause ends with the CSTO
            after = after[after.index(people[0]):]
        head = after[0]
        if (head.possessive or SAYS_AFTER.match(body, head.end)) \
                and SOURCE_BEFORE.search(body, te, head.start):
            pass  # "convicted over the unrest, his office said", "pleaded guilty, his
            # lawyer X told reporters": the report's source, a clause of its own
        elif head.start < te or len(body[te:head.start]) <= 60:
            add(head, roles["after"])
            for nxt in after[1:3]:  # "X and Y"
                if trig.coord.fullmatch(body[head.end:nxt.start]):
                    add(nxt, roles["after"])
                    head = nxt
    for key, rx in _PREP_ROLES:
        if key in roles:
            for s in all_after:
                if len(body[te:s.start]) > 80 or (key == "by" and passive and (
                        trig.closes_participle.search(body, te, s.start)
                        or trig.succeeded_by.search(body, te, s.start))):
                    break  # "A, arrested on Tuesday, was sacked by B": B sacked A
                if rx.search(body[max(te, s.start - 60):s.start]) and (
                        not s.possessive or key in _ABOUT_KEYS
                        and trig.owned_thing.match(body, s.end)):
                    add(s, roles[key])  # "a probe into X's business dealings": X
                    break
                if key == "of" and not s.possessive:
                    break  # "the verdict ... by A, the founder of B": only the first actor
                    # after the noun (past "his") can be the one it is "of"
    # one actor, one role: what the actor undergoes wins over what it seems to do
    best: dict[str, str] = {}
    for actor, role in out:
        if actor not in best or (role in _KEY_ROLES and best[actor] not in _KEY_ROLES):
            best[actor] = role
    return list(best.items())


def _objects_of_first_verb(body: str, sent_start: int, subj, ts: int) -> int:
    """How many of the last actors before a verb trigger are the objects of an earlier
    verb it is coordinated with: in "X on Friday fired A and signed a decree ordering ..."
    or "appointed A as minister and dismissed B" the one who signs or dismisses is X, the
    subject of both verbs, not A (0 when the verb has no such earlier verb)."""
    if not subj or not _COORD_PREDICATE.match(body, subj[-1].end, ts):
        return 0
    k = len(subj) - 1
    while k > 0 and (body[subj[k - 1].end:subj[k].start].strip(" ,") in ("and", "")
                     or not _verb_outside_relative(body, subj[k - 1].end, subj[k].start)):
        k -= 1  # "fired A and B and appointed C": both are objects; so are those an
        # apposition or a phrase without a verb joins ("appointed A, a former officer who
        # had served as aide, to replace B, and gave ...": A and B)
    start = subj[k - 1].end if k else sent_start
    return len(subj) - k if _verb_outside_relative(body, start, subj[k].start) else 0


_APPOSED_CLAUSE = re.compile(r",[^,;]*?\b(?:who|whom|whose|which)\b[^,;]*,")


def _verb_outside_relative(body: str, start: int, end: int) -> bool:
    """A past active verb between ``start`` and ``end``, not one of a relative clause set
    off by commas (", who had served as aide,")."""
    return _ACTIVE_VERB.search(_APPOSED_CLAUSE.sub(",", body[start:end])) is not None


# the words from an object to the next verb of the same subject: "A as foreign minister
# and", "A on Friday and then"
_COORD_PREDICATE = re.compile(r"(?:\s+(?:as|on|in|at|from|with|to|for)\s+[^,;.()]{1,50}?)?,?"
                              r"\s+and\s+(?:also\s+|then\s+|later\s+|subsequently\s+)?"
                              r"(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE)
# a past active verb before an object ("fired", "appointed"), not a passive one
_ACTIVE_VERB = re.compile(r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bis )(?<!\bare )"
                          r"\b[a-z]{2,}(?:ed|ook|ave|ew)\b")


_COMMA = re.compile(r"[\s,]*,\s*")
# a participle right after a noun phrase of its own ("most people convicted", "those
# detained", "the officials dismissed") is that phrase's, not the sentence subject's
_NOUN_BEFORE_PARTICIPLE = re.compile(
    r"\b(?:(?:a|an|the|most|many|some|all|several|other|these|\d[\d,]*)\s+"
    r"(?:(?!(?:and|or|but|then|later|also|was|were|is|are|has|have|had|be|been)\b)"
    r"[a-z][\w-]*\s+){1,2}|(?:those|others|anyone|everyone)\s+)$")
_NEGATED = re.compile(r"\b(?:not|never|n[’']t|no\s+longer)\s+(?:(?:been|be|being|have|has|had|"
                      r"was|were|yet|formally|officially)\s+)*$", re.IGNORECASE)
_ABOUT_KEYS = ("of", "against")
_ANNOUNCED_BY = re.compile(r"\b(?:announced|reported|confirmed|disclosed|revealed|made\s+public|"
                           r"read\s+out)\b[^,.;]{0,30}?\bby\s+(?:the\s+)?(?:[\w’'-]+\s+){0,4}$",
                           re.IGNORECASE)
# the cheap tests before reading announcers and "along with" (_announcers, _along_with)
_ANNOUNCING = re.compile(r"\b(?:announced|reported|confirmed|disclosed|revealed|made\s+public|"
                         r"read\s+out)\b", re.IGNORECASE)
_ALONG = re.compile(r"\b(?:along\s+with|together\s+with|alongside)\b", re.IGNORECASE)
_ALONG_WORDS, _OF = ("along", "together"), ("of",)
# a second undergoer joined after a passive verb: "along with his deputy Y"
_ALONG_WITH = re.compile(r"\b(?:along\s+with|together\s+with|alongside)\s+(?:(?:his|her|their|the|"
                         r"former|ex-?)\s+)?(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE)
# a possessive owns the act only across its adjectives: in "Sara Duterte, his daughter,
# condemned the arrest" "his" owns the daughter, and the arrest is someone else's
_OWNER_GAP_BREAK = re.compile(r"[,;:]|\b(?:the|a|an|this|that|these|those)\b", re.IGNORECASE)
_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+$", re.IGNORECASE)
_OWNED_HEAD = re.compile(r"(?:['’]s)?\s+(?:[a-z-]+\s+){1,2}$")
_OF_NEXT = re.compile(r"\s+(?:of|into|against)\s", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\s*[,;:?!]")
# "the death of his predecessor, Islam Karimov": the name in apposition is the one "of"
_APPOSED = r"(?:[a-z][\w’-]*,\s+)?"
_PREP_ROLES = tuple(
    (key, re.compile(rf"\b(?:{words})\s+(?:the\s+)?(?:[\w’'-]+\s+){{0,4}}"
                     rf"{_APPOSED if key == 'of' else ''}$", re.IGNORECASE))
    for key, words in (("by", "by"), ("with", "with"), ("of", "of|against|into"),
                       ("against", "against|into|of"), ("on", "on|against"), ("to", "to")))


def _modifies_noun(body: str, sent_start: int, d) -> bool:
    """Whether a bare year modifies the noun after it ("a 2013 government scheme")."""
    return bool(_ATTRIBUTIVE_YEAR.search(body, max(sent_start, d.start - 6), d.start)
                and _NOUN_AFTER_YEAR.match(body, d.end))


# a bare year used as a modifier of a noun ("a 2013 government scheme") dates that noun;
# episodes ("the 2008 crackdown") are read apart (episode_nouns)
_ATTRIBUTIVE_YEAR = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
_NOUN_AFTER_YEAR = re.compile(r"(?<=\d{4})\s+[a-z]")
_MODIFIER_GAP = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}")  # "2012 [parliamentary] election"
# a clause or participle that dates the occasion of the act named before it
_OCCASION = re.compile(r"\b(?:(?:which|that)\s+(?:took\s+place|was\s+held|were\s+held|happened|"
                       r"occurred)|(?:in|at|by)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:announced|"
                       r"signed|published|issued|held))\s+(?:late\s+|early\s+)?(?:on|in|at|"
                       r"yesterday|today|last|this)?\s*\S*$", re.IGNORECASE)
# a date between the subject and its verb ("Police on Tuesday took X into custody"): it
# times the whole clause the verb opens
_VERB_AFTER_DATE = re.compile(r"\s+(?!(?:and|or|but|to|in|on|at|of|for|the|a|an|as|after|"
                              r"before|when|while|since|until)\b)[a-z]+(?:ed|ook|ave|ut|ent|"
                              r"eld|ade|egan|ound|ot|ew)\b")
# a verb coordinated with the one a date stands before ("X on Tuesday dismissed A, the head
# of B, and appointed C"): the date times both ("and later" times the second apart)
_SHARED_PREDICATE = re.compile(r"(?:(?![;:()—–]|\b(?:that|which|who|whom|whose|because|although|"
                               r"though|whereas|after|before|since|until|if|but|said|says|"
                               r"when|while)\b)[^.])*?,?\s+and\s+(?:also\s+)?", re.IGNORECASE)
_AUXILIARY = re.compile(r"\b(?:was|were|is|are|has|have|had|been)\b", re.IGNORECASE)
# a clause with a subject of its own after a comma and a conjunction
_OTHER_SUBJECT = re.compile(r",\s*(?:and|but|while|whereas)\s+(?!(?:was|were|is|are|has|have|"
                            r"had|later|then|also|on|in|at|last|this)\b)[\w’'-]+\s+(?:[\w’'-]+\s+)?"
                            r"(?:on|in|at|last|this|late|early)\b", re.IGNORECASE)
_LATER_CLAUSE = re.compile(r";|,\s*(?:but|and|while|whereas)\s", re.IGNORECASE)
_NEXT_CONJUNCT = re.compile(r"\b(?:and|but)\s+(?:(?:was|were|is|are|has|have|had|been|later|"
                            r"then|\w+ly)\s+)*(?:\w+ed\s+|won\s+)?(?:[\w-]+\s+){0,2}$",
                            re.IGNORECASE)
# the comma closing an opening date phrase ("In a statement released Tuesday evening, ...")
_COMMA_AFTER_DATE = re.compile(r"\S{0,2}\s*(?:(?:morning|afternoon|evening|night)\s*)?,",
                               re.IGNORECASE)
_WHEN = re.compile(r"\s*,?\s*when\s+[^,;:()—–]*", re.IGNORECASE)
_RANGE_MARK = re.compile(r"\b(?:until|till|since|through)\s+$", re.IGNORECASE)
# "has been in custody since 2014", "detained since January 6": the start of the state
# the trigger names is the act's date
_SINCE = re.compile(r"\s+(?:[\w-]+\s+){0,2}?since\s+(?:early\s+|late\s+|mid-?\s*)?",
                    re.IGNORECASE)
_RELATIVE = re.compile(r"[,—–]\s*(?:who|which|whose|whom)\b", re.IGNORECASE)
# a relative clause on a person, or on the noun of an apposition to one ("named X, a
# loyalist who has been at his side since 1994, to head ...")
_PERSON_RELATIVE = re.compile(r"[,—–]\s*(?:(?:a|an|the|his|her)\s+(?:[\w’'-]+\s+){0,3}?)?"
                              r"(?:who|whose|whom)\b", re.IGNORECASE)


def _outside_clauses(body: str, slots, start: int, ts: int):
    """Drop actors inside a relative clause closed before the trigger: in "Masimov, who
    headed the NSC until 2022, remains in custody" the one in custody is Masimov."""
    for r in _RELATIVE.finditer(body, start, ts):
        close = body.find(",", r.end(), ts)
        if close > 0:
            slots = [s for s in slots if not (r.start() < s.start < close)]
    return slots


_NAMELESS_APPOSITION = re.compile(r",[^,;:.()\n]{1,80},")


def _receiver(trig: Triggers, body: str, before, ts: int):
    """"X faces charges", "X received a suspended sentence", "handed him a sentence"."""
    last = before[-1]
    between = body[last.end:ts].lower()
    if between.startswith(","):
        # "A, a former adviser to B, received a 17-year term": A heads the apposition
        heads = [x for x in before[:-1] if body[x.end:x.end + 1] == ","]
        if heads and trig.receive.match(between[1:]):
            return heads[-1]
        # "A, a former deputy minister, received", "A, 50, received": an apposition
        # naming no one stands between A and the verb
        closed = _NAMELESS_APPOSITION.match(between)
        if closed and trig.receive.match(between[closed.end():]):
            return last
    if trig.receive.match(between) or (trig.give.search(body[max(0, last.start - 20):
                                                              last.start].lower())
                                      and len(between.split()) <= 3):
        return last
    return None


_CLOSED_APPOSITION = re.compile(r",\s*(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+"
                                r"(?:\w+ly\s+)?$", re.IGNORECASE)


def _subject(body: str, trig: Triggers, subj, ts: int, passive: bool):
    """The grammatical subject before a trigger: the head of an apposition ("Samat Abish,
    the nephew of X, was dismissed": Abish) and all of a coordination ("X and Y resigned")."""
    k = len(subj) - 1
    # "A, the nephew of B, was ...": B closes an apposition opened right after A
    if k and body[subj[k].end:subj[k].end + 1] == "," and \
            body[subj[k - 1].end:subj[k - 1].end + 1] == "," and \
            "," not in body[subj[k - 1].end + 1:subj[k].start]:
        k -= 1
    elif k and _CLOSED_APPOSITION.search(body, subj[k].end, ts) \
            and body.count(",", subj[k].end, ts) == 1:
        # "A, 73 and known for helping B in 2016, was replaced": a longer apposition, closed
        # right before the verb, opened by the first comma after a name
        opened = next((j for j in range(k) if body[subj[j].end:subj[j].end + 1] == ","), None)
        if opened is not None:
            k = opened
    chosen = [subj[k]]
    j = k
    # "X and Y", "X, Y and Z": the link next to the last name must hold "and"
    while j > 0 and trig.coord.fullmatch(body[subj[j - 1].end:subj[j].start]) and (
            j < k or "and" in body[subj[j - 1].end:subj[j].start].lower()):
        j -= 1
        chosen.insert(0, subj[j])
    if passive and _PLURAL.search(body[subj[k].end:ts]) and len(chosen) == 1:
        # "X, former ..., and his deputy Y have been prosecuted": the whole subject
        sent_start = body.rfind(" that ", 0, ts)
        chosen = [x for x in subj if x.start >= max(sent_start, ts - 160)] or chosen
    return chosen


def _date(doc, trig: Triggers, ts: int, te: int, sent_i: int):
    """The start of an act that goes on (:func:`_ongoing_since`), else the date the text
    gives the event (:func:`_text_date`), else, for an act the article reports as news,
    the article's month (:func:`_recent`)."""
    return _ongoing_since(doc, te, sent_i) or _text_date(doc, trig, ts, te, sent_i) \
        or _recent(doc, ts, sent_i, te)


_SINCE_WORDS = ("since",)


def _ongoing_since(doc, te: int, sent_i: int):
    """"The ICC has been investigating the killings ... since 2021": the act began then,
    not when the article reports it (its clause, its object between)."""
    body = doc.body
    if not may_hold(body, te, te + 126, _SINCE_WORDS):
        return None
    since = _SINCE_AFTER.search(body, te, te + 126)
    if since is None or _CLAUSE_BREAK.search(body, te, since.start()):
        return None
    for d in doc.dates_in(doc.sentences[sent_i]):
        if since.end() <= d.start <= since.end() + 80 \
                and not _CLAUSE_BREAK.search(body, since.end(), d.start):
            return d  # "since 2021"; "since the death of his predecessor in December 2006"
    return None


_SINCE_AFTER = re.compile(r"\bsince\s", re.IGNORECASE)


_PERFECT = re.compile(r"\b(?:has|have)\s+(?:(?:\w+ly|also|now|just|since)\s+)?(?:been\s+)?"
                      r"(?:\w+ly\s+)?"
                      # "have launched a criminal investigation", "has announced the arrest"
                      r"(?:\w+(?:ed|ened|un|ade)\s+(?:a|an|the|his|her|their|its)\s+"
                      r"(?:[\w-]+\s+)?)?$", re.IGNORECASE)


# "an investigation has been launched into X": the perfect passive after an act noun
_PERFECT_AFTER = re.compile(r"\s+(?:has|have)\s+(?:(?:\w+ly|also|now|just)\s+)?been\s+"
                            r"(?:\w+ly\s+)?\w+(?:ed|en|un|ade)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _NewsDate(DateMention):
    """The article's month for an act it reports as news: raw is "has (2018-01)"."""


def _recent(doc, ts: int, sent_i: int, te: int = -1):
    """An act told in the present perfect ("Mirziyoyev has sacked X", "Y has been
    appointed", a noun with its passive after it: "a criminal case has been opened
    against X") or in the headline ("Mirziyoyev sacks X") happened shortly before the
    article: its month, never a day (the lead rarely says which day; a dated report of
    the same act in the body gives it, see :func:`_merge`). None for an article dated
    only to the year."""
    art = doc.article
    if len(art.published) < 7 or art.published_precision == "year":
        return None
    body = doc.body
    sent = doc.sentences[sent_i]
    perfect = _PERFECT.search(body, max(sent.start, ts - 40), ts) \
        or te >= 0 and _PERFECT_AFTER.match(body, te, sent.end)
    title = art.title.strip()
    headline = bool(title) and body[sent.start:sent.end].strip().startswith(title[:60]) \
        and sent.start < 2 * len(title) + 10
    if not (perfect or headline) or _not_news(doc.lex).search(body, sent.start, ts):
        return None
    word = (perfect or re.search(r"\S+", body[ts:ts + 40])).group().split()[0]
    day = _dateline(doc)
    if day is not None:
        return _NewsDate(ts, ts, f"{word} ({day.raw})", day.iso, day.precision)
    return _NewsDate(ts, ts, f"{word} ({art.published[:7]})", art.published[:7], "month")


# A wire dateline: "MOSCOW, Sept 23 (Reuters) -", "MINSK, 3 September (BelTA) -",
# "BISHKEK, Aug 8, 2019 (AFP) -": a place in capitals, a comma, the date.
_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Z .'-]{2,40}(?:,\s*[A-Z][a-z]+)?,\s+", re.MULTILINE)
_DATELINE_TAIL = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*)?[-–—]")


def _dateline(doc):
    """The date of the article's wire dateline: the day the news of its lead is
    from (an act the headline or a present perfect reports). None without one."""
    body = doc.body
    for m in _DATELINE.finditer(body, 0, min(len(body), 1500)):
        for d in doc.dates_in(doc.sentences[doc.index.at(m.end())]):
            if d.start == m.end() and d.precision == "day" \
                    and _DATELINE_TAIL.match(body, d.end):
                return d
    return None


@cache
def _not_news(lex) -> re.Pattern:
    return re.compile(rf"\b{_words_re(lex['not_news_words'])}\b", re.IGNORECASE)


def _text_date(doc, trig: Triggers, ts: int, te: int, sent_i: int):
    """The event's date: a date phrase near the trigger (up to 60 characters after it,
    30 before) or opening its sentence ("On January 8, ..."); a date naming an episode
    ("the January events") only for that episode's trigger or after a time word ("as
    the January unrest spread"); else, in a sentence that continues the one before
    ("also", "shortly thereafter"), that sentence's date (:func:`_carried`); else, unless
    the sentence looks elsewhere ("since then"), a day the sentence before (same
    paragraph) named."""
    body = doc.body
    sent = doc.sentences[sent_i]
    near = max(sent.start, ts - 60)
    apart = may_hold(body, near, ts, _apart_key_words(doc.lex))  # "after", "before"
    shifted = _days_apart(doc, sent, ts) if apart else None
    if shifted is not None:
        return shifted
    vague = _vague_apart_rx(doc.lex).search(body, near, ts) if apart else None
    if vague is not None:  # "days after Tokayev sacked him": only a date of its own
        own = [d for d in doc.dates_in(sent) if te <= d.start <= te + 60
               and not _CLAUSE_BREAK.search(body, te, d.start)]
        return own[0] if own else None
    best, best_gap = None, None
    apart = None
    for d in doc.dates_in(sent):
        if d.end <= ts and apart is None:
            apart = _apart_words(doc, sent, ts)
        stretch = next((h for h in apart if d.end <= h.start), None) if d.end <= ts else None
        if stretch is not None:
            if _continuations(doc.lex).get(body[stretch.start:stretch.end].lower()) \
                    != "sequence":
                continue  # "detained on April 11 and later charged": the charge is undated
            d = _CarriedDate(stretch.start, stretch.end, f"{body[stretch.start:stretch.end]}"
                             f" ({d.raw})", d.iso[:7], "month" if len(d.iso) > 4 else "year")
        if d.end <= ts and _WHEN.fullmatch(body, d.end, ts):
            best, best_gap = d, -1  # "in jail since June, when he was arrested": then
            break
        if _RANGE_MARK.search(body[max(sent.start, d.start - 8):d.start]) and not (
                d.start >= te and _SINCE.fullmatch(body, te, d.start)):
            continue  # "headed the NSC until January 6": the end of something else
        if _modifies_noun(body, sent.start, d) and not _MODIFIER_GAP.fullmatch(body, d.end, ts):
            continue  # "in connection with a 2013 government scheme": the scheme's year;
            # "in a 2012 parliamentary election": the trigger's own
        episode = trig.episode_name(body, sent.start, d)
        named_before = episode is not None and episode.end() == d.start
        if named_before and ts > episode.start(1):
            episode = named_before = None  # "During the protests of January 2022, X
            # was detained": the date times what follows
        at = episode.start(1) if named_before else d.start  # "after the protests of June"
        timed = trig.episode_time.search(body[max(sent.start, at - 40):at])
        if episode and not (episode.start(1) <= ts < episode.end(1) + 1
                            or ts <= d.start < te or timed):
            continue
        if d.start < te and ts < d.end:
            gap = 0
        elif d.start >= te:
            gap = d.start - te if d.start - te <= 80 else None
            occasion = d.start - te <= 200 and _OCCASION.search(body, te, d.start)
            if occasion and not _LATER_CLAUSE.search(body, te, d.start) \
                    and not _AUXILIARY.search(body, te, occasion.start()):
                gap = 40  # "the referendum ... which took place on Sunday", "named X
                # ..., in a reshuffle announced on Thursday": the occasion's date
            elif gap is not None and _inside_person_relative(body, te, d.start):
                gap = None  # "arrested X, whom Y sacked in 2020": the sacking's year (a
                # clause on the act itself, "a curfew, which took effect on Sunday", dates it)
            if gap is not None and _VERB_AFTER_DATE.match(body, d.end) \
                    and _OTHER_SUBJECT.search(body, te, d.start):
                gap = None  # "X resigned over the plan, and parliament on Monday approved
                # Y": the date between another subject and its verb is that clause's
            if gap is not None and _LATER_CLAUSE.search(body, te, d.start):
                gap += 60  # "sentenced to 10 years, but was released early in 2019"
        else:
            gap = ts - d.end if ts - d.end <= 30 or (
                ts - d.end <= 100 and _VERB_AFTER_DATE.match(body, d.end)
                and not _CLAUSE_BREAK.search(body, d.end, ts)) or (
                ts - d.end <= 200 and _VERB_AFTER_DATE.match(body, d.end)
                and _SHARED_PREDICATE.fullmatch(body, d.end, ts)) else None
            if gap is not None and _in_closed_relative(body, sent.start, d, ts):
                gap = None  # "X, who was arrested in January, was convicted": not then
            elif gap is not None and ("," in body[d.end:ts]
                                      or _NEXT_CONJUNCT.search(body, d.end, ts)):
                # "X, who succeeded Y in 2016, was replaced on January 31"; "arrested in
                # June 2020 and sentenced ... in December 2021": another clause's date
                gap += 60
        opening = body[sent.start:d.start]
        soon = _SOON_AFTER.match(opening)
        if gap is None and not _inside_relative(body, d.end, ts) \
                and (len(opening.split()) <= 2 or (episode and timed and not named_before)
                            or ("," not in opening and len(opening) <= (120 if soon else 50)
                                and _COMMA_AFTER_DATE.match(body, d.end))):
            gap = 500  # opens the sentence, or "as the January unrest spread": all of it
            if soon and len(d.iso) > 7:
                # "In the days following the clashes on January 5, X was arrested": some
                # days after, so the month at most
                d = _BoundDate(d.start, d.end, f"{soon.group().strip()} ({d.raw})",
                               d.iso[:7], "month")
        if gap is not None and (best_gap is None or gap < best_gap):
            best, best_gap = d, gap
    if best is None:
        own = [d for d in doc.dates_in(sent)
               if not _RANGE_MARK.search(body[max(sent.start, d.start - 8):d.start])
               and not trig.episode_name(body, sent.start, d)
               and not _modifies_noun(body, sent.start, d)]
        if len(own) == 1 and own[0].start >= te and (
                own[0].start - te <= 160 and not _CLAUSE_BREAK.search(body, te, own[0].start)
                or own[0].start - te <= 220
                and not _OTHER_CLAUSE.search(body, te, own[0].start)):
            # the sentence's only date, further along its clause or past an apposition
            # ("detained X, the former head of Y, as he tried to cross on Wednesday")
            best = own[0]
    if best is not None and best.start >= te and len(best.iso) > 4:
        bound = _BOUND.search(body, te, best.start)
        if bound and not _COUNTED.search(body, max(sent.start, bound.start() - 20),
                                         bound.start()):
            # "arrested after the protests in early January last year": some time after
            # January, inside its year only
            return _BoundDate(best.start, best.end, f"{bound.group()} ({best.raw})",
                              best.iso[:4], "year")
    if best is not None or sent_i == 0:
        return best
    if may_hold(body, sent.start, ts, _apart_key_words(doc.lex)) \
            and _vague_apart_anywhere(doc.lex).search(body, sent.start, ts):
        return None  # "The reshuffle comes weeks after X was arrested": not the day before
    prev = doc.sentences[sent_i - 1]
    carried = _carried(doc, trig, sent_i, ts, te)
    if carried is not None:
        return carried
    if "\n" in body[prev.end:sent.start]:
        return None
    if doc.hits.in_range(sent.start, sent.end, _EXCEPTIONS):
        return _scene(doc, sent, prev)  # "since then", "later": another time than the
        # sentence before's; "Later, he ..." after a scene-setting opener: its month
    if may_hold(body, max(sent.start, ts - 40), ts, _denial_key_words(doc.lex)) \
            and _denied_again(doc.lex).search(body, max(sent.start, ts - 40), ts):
        return None  # "X was detained on Tuesday. He denies the charges": not Tuesday's
    days = [d for d in doc.dates_in(prev) if d.precision == "day"
            and not trig.episode.match(body, d.end)]
    if days:
        return days[-1]
    return _scene(doc, sent, prev)


@dataclass(frozen=True)
class _ShiftedDate(DateMention):
    """A day counted from the day the main clause names: raw is "the day after
    (Tuesday)"."""


@cache
def _denied_again(lex) -> re.Pattern:
    """A denial of an act named again: "denies the charges", "rejected these accusations"."""
    return re.compile(rf"\b{_words_re(lex['frame_modality']['denied'])}\s+"
                      rf"{_words_re(lex['back_reference_words'])}\s+(?:[\w’'-]+\s+){{0,2}}$",
                      re.IGNORECASE)


@cache
def _denial_key_words(lex) -> tuple[str, ...]:
    return key_words(lex["frame_modality"]["denied"])


@cache
def _vague_apart_anywhere(lex) -> re.Pattern:
    return re.compile(rf"\b{_words_re(lex['vague_apart'])}\b", re.IGNORECASE)


@cache
def _vague_apart_rx(lex) -> re.Pattern:
    return re.compile(rf"\b{_words_re(lex['vague_apart'])}\s+(?:[\w’'-]+\s+){{0,3}}$",
                      re.IGNORECASE)


@cache
def _apart_key_words(lex) -> tuple[str, ...]:
    """Words one of which the text before a trigger holds when it holds a phrase of
    vague_apart or days_apart: the test before both searches."""
    return key_words([*lex["vague_apart"], *lex["days_apart"]])


@cache
def _days_apart_rx(lex) -> tuple[re.Pattern, dict[str, int]]:
    offsets = {" ".join(str(k).lower().split()): int(v) for k, v in lex["days_apart"].items()}
    return re.compile(rf"\b({_words_re(list(offsets))})\s+(?:[\w’'-]+\s+){{0,3}}$",
                      re.IGNORECASE), offsets


def _days_apart(doc, sent, ts: int):
    """"X appointed Y on Tuesday, the day after he dismissed the government": the act of
    a clause opened by "the day after" lies that many days from the day its sentence
    names before it (days_apart in dates.yaml)."""
    rx, offsets = _days_apart_rx(doc.lex)
    m = rx.search(doc.body, max(sent.start, ts - 60), ts)
    if m is None:
        return None
    days = [d for d in doc.dates_in(sent) if d.precision == "day" and d.end <= m.start()]
    if not days:
        return None
    day = dt.date.fromisoformat(days[-1].iso) + dt.timedelta(
        days=offsets[" ".join(m.group(1).lower().split())])
    return _ShiftedDate(m.start(), m.end(), f"{m.group(1)} ({days[-1].raw})",
                        day.isoformat(), "day")


@dataclass(frozen=True)
class _SceneDate(DateMention):
    """The month an opening phrase of the sentence before sets the scene in: raw is
    "scene (January 2022)"."""


_SCENE_WORDS = 6  # "Amid the January 2022 protests in Kazakhstan, ...": the opening words


@cache
def _scene_opener(lex) -> re.Pattern:
    return re.compile(rf"\s*(?:{_words_re(lex['scene_openers'])})\b", re.IGNORECASE)


def _scene(doc, sent, prev):
    """For a sentence that opens with a scene opener ("First, ..."), the date opening
    the sentence before ("Amid the January 2022 protests, Tokayev started a purge. First,
    he announced the dismissal of X": January 2022), to the month at most: the scene,
    not the day of each act in it."""
    body = doc.body
    if not _scene_opener(doc.lex).match(body, sent.start):
        return None
    for d in doc.dates_in(prev):
        if len(body[prev.start:d.start].split()) > _SCENE_WORDS - 2 or d.precision == "year" \
                or "," not in body[d.end:min(prev.end, d.end + 60)]:
            continue
        return _SceneDate(d.start, d.end, f"scene ({d.raw})", d.iso[:7], "month")
    return None


def _inside_relative(body: str, start: int, ts: int) -> bool:
    """Whether ``ts`` lies in a relative clause opened after ``start`` and still open ("In
    1986, Nursultan, who ruled ... before he stepped down, said": the stepping down is
    not of 1986)."""
    rel = _RELATIVE.search(body, start, ts)
    return rel is not None and not _CLOSE.search(body, rel.end(), ts)


_CLOSE = re.compile(r"[,—–)]")


def _inside_person_relative(body: str, start: int, at: int) -> bool:
    """Whether ``at`` lies in a relative clause on a person opened after ``start`` and
    still open ("arrested X, whom Y sacked in 2020"; "named X, a loyalist who has served
    him since 1994,"): the clause's time, not the act's."""
    rel = None
    for rel in _PERSON_RELATIVE.finditer(body, start, at):
        pass
    return rel is not None and not _CLOSE.search(body, rel.end(), at)


def _in_closed_relative(body: str, sent_start: int, d, ts: int) -> bool:
    """Whether the date ``d`` lies in a relative clause closed before ``ts`` ("X, who was
    arrested in January 2022, was convicted": the conviction is not of January)."""
    rel = None
    for rel in _RELATIVE.finditer(body, sent_start, d.start):
        pass
    return rel is not None and not _CLOSE.search(body, rel.end(), d.start) \
        and _CLOSE.search(body, d.end, ts) is not None


_BOUND = re.compile(r"\b(?:after|following|before|prior\s+to|in\s+the\s+(?:\w+\s+)?(?:wake|"
                    r"aftermath)\s+of)\b", re.IGNORECASE)
_SOON_AFTER = re.compile(r"\s*(?:in\s+the\s+|within\s+)?(?:(?:first\s+|few\s+)?"
                         r"(?:days|hours|weeks)|shortly|soon|immediately|just|"
                         r"a\s+(?:day|week|few\s+days))\s+(?:after|following)\b", re.IGNORECASE)
_COUNTED = re.compile(r"\b(?:days?|weeks?|months?|hours?|shortly|soon|immediately|just|"
                      r"right)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class _BoundDate(DateMention):
    """A year bounded by an event the text dates: raw is "after (early January last
    year)"."""


@dataclass(frozen=True)
class _CarriedDate(DateMention):
    """A date taken from the sentence before: raw is "also (January 5)"."""


_CARRY_DEPTH = 3  # "X on January 5. Y shortly thereafter. Z also ...": a short chain


def _carried(doc, trig: Triggers, sent_i: int, ts: int | None = None, te: int = 0,
             depth: int = 0):
    """The date of an undated sentence that continues the one before (a continuation
    word in the clause of the trigger at [ts, te)): the date that sentence gives, or
    carries itself; to the month at most after a sequence word ("shortly thereafter").
    None if the sentence does not continue the one before."""
    if sent_i == 0 or depth >= _CARRY_DEPTH:
        return None
    body = doc.body
    sent, prev = doc.sentences[sent_i], doc.sentences[sent_i - 1]
    marker = _continuation(doc, sent, ts, te)
    if marker is None or _sentence_date(doc, trig, sent) is not None:
        return None  # no continuation, or a date of its own ("that day"); a paragraph
        # break does not stop it: wire copy gives each sentence a paragraph
    source = _sentence_date(doc, trig, prev) or _carried(doc, trig, sent_i - 1,
                                                        depth=depth + 1)
    far = source is None and depth == 0 and _scene_back(doc, trig, sent_i - 1)
    if far:
        source = far  # "In 2018 X overhauled the SSS. Its name was changed. Y also left."
    if source is None:
        return None
    iso, precision = source.iso, source.precision
    if far and len(iso) > 7:
        iso, precision = iso[:7], "month"
    kind = _continuations(doc.lex).get(marker.phrase)
    if kind == "sequence" and len(iso) > 7:
        iso, precision = iso[:7], "month"
    elif kind == "later":
        iso, precision = iso[:4], "year"
    return _CarriedDate(marker.start, marker.end, f"{body[marker.start:marker.end]} "
                        f"({source.raw})", iso, precision)


def _scene_back(doc, trig: Triggers, sent_i: int):
    """The date of the sentence before ``sent_i`` in its paragraph when ``sent_i`` names
    no date itself: the scene an undated sentence in between leaves unchanged."""
    if sent_i == 0 or doc.dates_in(doc.sentences[sent_i]):
        return None
    sent, prev = doc.sentences[sent_i], doc.sentences[sent_i - 1]
    if "\n" in doc.body[prev.end:sent.start]:
        return None
    return _sentence_date(doc, trig, prev)


@cache
def _continuations(lex) -> dict[str, str]:
    """Continuation word (as the vocabulary spells it) -> same_time | sequence."""
    return {" ".join(str(k).lower().split()): v
            for k, v in lex["continuation_words"].items()}


_OTHER_CLAUSE = re.compile(r"[;:()]|\b(?:that|which|who|whom|whose|because|although|though|"
                           r"whereas|after|before|since|until|if|and|but|said|says)\b",
                           re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\b(?:that|which|who|whom|whose|because|although|"
                           r"though|while|whereas|after|before|when|since|until|if)\b",
                           re.IGNORECASE)


_OPENER = re.compile(r"\s*(?:(?:[Ii]n|[Bb]y|[Uu]nder|[Ww]ith|[Aa]t)\s+)?", re.IGNORECASE)


def _continuation(doc, sent, ts: int | None, te: int):
    """The continuation word ("also", "shortly thereafter") of a sentence, in the clause
    of the trigger at [ts, te) if given ("They are also consistent with views that X,
    after having appointed him ..." continues nothing for the appointment); not part of
    an exception ("since then")."""
    hits, body = doc.hits, doc.body
    blocked = hits.in_range(sent.start, sent.end, _EXCEPTIONS)
    for h in hits.in_range(sent.start, sent.end, _CONTINUATIONS):
        if any(b.start <= h.start and h.end <= b.end for b in blocked) \
                or body[h.end:h.end + 1] == "-":
            continue  # "since then"; "then-president" is no sequence
        after = h.end
        if _OPENER.fullmatch(body, sent.start, h.start) and body[h.end:h.end + 1] == ",":
            after += 1  # "In the same decree, X dismissed ...": an opener times the clause
        if ts is not None and _CLAUSE_BREAK.search(body, min(after, te), max(h.start, ts)):
            continue
        return h
    return None


def _sentence_date(doc, trig: Triggers, sent):
    """The last date a sentence gives for what it tells: not the end of a range ("until
    January 6") nor an episode's name unless it times the sentence ("during the January
    events")."""
    body = doc.body
    out = None
    for d in doc.dates_in(sent):
        if _RANGE_MARK.search(body[max(sent.start, d.start - 8):d.start]):
            continue
        if trig.episode.match(body, d.end) and not trig.episode_time.search(
                body[max(sent.start, d.start - 40):d.start]):
            continue
        if out is not None and _inside_relative(body, out.end, d.start):
            continue  # "In 2018 X—who came to power in 2016—carried out": 2018
        out = d
    return out


def _apart_words(doc, sent, ts: int) -> list:
    """The words in ``sent`` before ``ts`` that put what follows some time after what
    came before: the continuation exceptions ("and later", "weeks later") and the
    sequence phrases of several words ("days later"; a bare "and then" keeps the day)."""
    seq = _continuations(doc.lex)
    out = [h for h in doc.hits.in_range(sent.start, ts, _EXCEPTIONS | _CONTINUATIONS)
           if h.end <= ts and ("continuation_exceptions" in h.labels
                               or seq.get(doc.body[h.start:h.end].lower()) == "sequence"
                               and " " in doc.body[h.start:h.end].strip())]
    return sorted(out, key=lambda h: h.start)


_CONTINUATIONS = frozenset({"continuation_words"})
_EXCEPTIONS = frozenset({"continuation_exceptions"})
_IN = re.compile(r"\b(?:in|at|near|across|throughout)\s+(?:\w+(?:ern)?\s+)?$", re.IGNORECASE)


# the scene or destination of an act, not a country that takes part in it
_SCENE_BEFORE = re.compile(r"\b(?:in|at|near|across|throughout|to|into|from\s+(?:[\w-]+\s+)?"
                           r"(?:city|capital|region|province))\s+(?:[\w-]+\s+)?$",
                           re.IGNORECASE)
_PLACE_CLAUSE = re.compile(r"[;:()—–]|\b(?:that|which|who|whom|whose|because|although|while|"
                           r"when|after|before|said|says|against)\b", re.IGNORECASE)


def _places_before(body: str, sent, ts: int, slots, role: str) -> list[tuple[str, str]]:
    """Countries of the clause before the trigger that act in it ("Russia and Belarus
    sent troops", "troops from Armenia were deployed"), not the scene ("in Almaty")."""
    out = []
    for s in slots:
        if s.type == "place" and sent.start <= s.start and s.end <= ts and \
                not _PLACE_CLAUSE.search(body, s.end, ts) and \
                not _SCENE_BEFORE.search(body[max(sent.start, s.start - 30):s.start]):
            out.extend((i, role) for i in s.ids)
    return out


def _places(doc, sent) -> list[str]:
    """The place an event happened: the first one of the sentence written "in X"."""
    body = doc.body
    i = bisect_left(doc.mention_starts, sent.start)
    while i < len(doc.mentions) and doc.mentions[i].start < sent.end:
        m = doc.mentions[i]
        if m.type == "place" and m.actor_id and _IN.search(body[max(sent.start, m.start - 25):
                                                               m.start]):
            return [m.actor_id]
        i += 1
    return []


def _name(doc, etype: str, roles, keys: list[str], date: str, detail: str) -> str:
    """A label from what identifies the event: "dismissal of Samat Abish (2022-01-05)"."""
    label = etype.replace("_", " ")
    if detail:
        label += f" ({detail})"
    if keys:
        undergo = any(r in _KEY_ROLES for _, r in roles)
        label += (" of " if undergo else " by ") + ", ".join(_actor_name(doc, k) for k in keys)
    return f"{label} ({date})" if date else label


def _actor_name(doc, actor_id: str) -> str:
    actor = doc.gazetteer.actors.get(actor_id)
    if actor is not None:
        return actor.name
    return actor_id.split(":", 1)[1].replace("-", " ").title()
