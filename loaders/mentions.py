"""Find the actors an article names: gazetteer names, and unknown names by their cues.

Known names come from the gazetteer (any spelling, any script). Every other run of
capitalised words is a candidate; what makes it a person, an organisation or a place is
a cue from ``seeds/lexicon/``: a title or noun before it ("representative Nurdilda
Oraz", "archaeologist Erlan ..."), an age ("73-year-old ..."), initials, an apposition
(", a businessman"), a relative ("Tsvangirai's widow"), a post held ("the director of
the X Service, Noordin Haji", "headed by ..."), a byline or a photo credit, a surname
ending, a known given name (also ``seeds/names/given_names.tsv``), a list with a person in
it, an organisation head word ("... Ministry", "... Bank"), an officer only a body has
("the head of Rosgvardia"), a dateline's agency ("(Xinhua) --"), a legislature's proper
name ("the Senate"), a place head, suffix or noun ("Rushon district"), a name of the
place data (:mod:`places`). A
title between two names splits them ("Davao City Representative Paolo Duterte"); a
nickname in quotes or a middle initial is no part of a name. Capitals prove nothing in a title-case heading or for a
word the article also writes in lower case. Candidates with no cue are kept untyped:
:mod:`resolve` types them when they repeat a name the article has already typed (a
surname alone, "Zhagyparov"). ``seeds/lexicon/entities.yaml`` has an example of each rule.
"""

from __future__ import annotations

import copy
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import accumulate

from ..graph.names import key, slug
from .phrases import alternation as _words_re
from .names import english_words, given_name_keys
from .places import (alternate_only_names, city_names, country_names, currency_codes,
                     place_index, small_city_names, spelled_as_place)

_UPPER = "".join(chr(c) for c in range(0x41, 0x530) if chr(c).isupper())
_U = f"[{re.escape(_UPPER)}]"
# "St. Petersburg", "Chin'ono". Every token starts with a capital (the "S" of "St." too),
# written first so that a search skips to the next capital instead of trying each position
_TOKEN = (rf"(?:{_U}(?:(?<=S)t\.(?=[ \u00a0]{_U})|\w*(?:-\w+|['’/]{_U}\w*|\.(?={_U}\.)"
          r"|['’](?!s\b|t\b|re\b|ll\b|ve\b|d\b)[a-z]{2,}\b)*))")
# name particles written in lower case inside a name ("Leila de Lima", "Ronald dela Rosa")
# and patronymic particles ("Ilham Heydar oglu Aliyev")
_PARTICLE = r"(?:de|dela|del|della|da|di|dos|das|van|von|der|den|bin|ibn|le|la|oglu|ogly|qizi|kyzy|gyzy)"
# a nickname in quotes inside a name ("Paolo 'Pulong' Duterte", "Ronald "Bato" dela Rosa")
_NICKNAME = rf"[\"“'‘]{_TOKEN}[\"”'’]"
# ... and a middle initial ("Emmerson D. Mnangagwa"), not a letter ending a sentence
_MIDDLE_INITIAL = rf"{_U}\.(?=[ \u00a0](?!(?:The|A|An|In|On|He|She|It|They|We|This|But)\b){_U}[a-z])"
_RUN = re.compile(rf"{_TOKEN}(?:[ \u00a0](?:(?:{_PARTICLE}|{_NICKNAME}|{_MIDDLE_INITIAL})"
                  rf"[ \u00a0]){{0,2}}{_TOKEN})*")
_NICKNAME_RE = re.compile(rf"[ \u00a0](?:{_NICKNAME}|{_MIDDLE_INITIAL})(?=[ \u00a0])")
_TOKEN_RE = re.compile(_TOKEN)
_PLAIN_TOKEN = rf"{_U}\w*(?:-\w+|['’]{_U}\w*)*"  # no "/": "Maxim Shemetov/File Photo"
_ACRONYM = re.compile(rf"^{_U}[{re.escape(_UPPER)}\d&/.-]{{1,9}}$")
_AGE_BEFORE = re.compile(r"\b\d{1,3}-year-old[ \t]+$")
_AGE_AFTER = re.compile(r"^,\s*\d{1,3}\s*,")
_CAMEL = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)+$")   # KazTransOil, KazMunayGas
_ONE_WORD = re.compile(r"[ \t]+[a-z][a-z-]+[ \t]+")
_OF_PLACE = re.compile(r"\s+of\s+(?:the\s+)?(?:Republic\s+of\s+)?\S+(?:\s+\S+)?$")
_PLACE_TAIL = re.compile(r"\sof\s+(?:the\s+)?(?:Republic\s+of\s+)?([^\W\d_][\w-]*(?:\s[A-Z][\w-]*)?)$")
_INITIALS_REST = re.compile(rf"\.(?:[ \t]?{_U}\.){{0,2}}")
_INITIAL_TOKEN = re.compile(rf"^{_U}(?:\.{_U})*\.?$")
_INITIALS = re.compile(rf"[ \t]+(?:{_U}\.[ \t]?){{1,3}}")
_AFTER_NOUNS = frozenset({"company", "bank", "group", "holding", "fund", "foundation",
                          "party", "movement", "lobby", "association", "agency", "court"})


@dataclass
class Mention:
    """A stretch of the body that names (or refers to) an actor."""

    start: int
    end: int
    surface: str
    type: str = ""          # person | organization | place ("" while untyped)
    actor_id: str = ""
    method: str = "pattern"  # gazetteer | pattern
    cue: str = ""           # why it was typed: gazetteer, title, age, surname-ending...
    kind: str = ""          # organisation kind
    ids: tuple[str, ...] = ()  # gazetteer candidates (several: ambiguous)
    role: str = "name"      # name | surname | given | acronym | title | definite
    title: str = ""         # a title written right before it ("president")
    former: bool = False    # ... with "former"
    body_hint: str = ""     # actor id of a demonym/body written before the title
    absorbed: list = field(default_factory=list)  # "(KNB)" right after, same actor
    nested: list = field(default_factory=list)    # names inside it ("... Court of Astana")

    @property
    def emits(self) -> bool:
        """A spelling of the actor (gives a ``mentions`` statement and an alias)."""
        return self.role in ("name", "surname", "given", "acronym")


class Cues:
    """The lexicon's cue lists, compiled once."""

    def __init__(self, lex):
        low = lambda section: {str(w).lower() for w in lex[section]}  # noqa: E731
        self.stopwords = ({str(w) for w in lex["stopwords"]} | {str(w) for w in lex["months"]}
                          | {str(w) for w in lex["weekdays"]})
        self.boilerplate = {key(b) for b in lex["boilerplate"]}
        self.acronym_stop = {str(w) for w in lex["acronym_stoplist"]} | currency_codes()
        # "Robert Mugabe as party leader": a preposition between a name and an
        # organisation noun ends the name's phrase (the noun is no kind of it)
        self.prepositions = frozenset(str(w).lower()
                                      for w in lex["clause_words"]["prepositions"])
        self.given = {key(w) for w in lex["given_names"]} | given_name_keys()
        self.endings = tuple(sorted(low("surname_endings"), key=len, reverse=True))
        self.short_endings = tuple(low("short_surname_endings"))
        self.patronymics = tuple(low("patronymic_endings"))
        # a frame's verb in its -s form, capitalised as a heading writes it ("Sacks")
        self.headline_verbs = frozenset(
            str(v).capitalize() for frame in lex["frames"].values()
            for v in frame.get("verbs", ()) if " " not in str(v) and str(v).endswith("s")
            and str(v).capitalize() not in lex["org_heads"])
        self.honorifics = {str(w).lower().rstrip(".") for w in lex["honorifics"]}
        self.person_nouns = low("person_nouns")
        self.title_heads = low("title_heads")
        self.adjective_titles = low("adjective_titles")
        decrees = lex["act_constructions"]["by_decree"]["nouns"]
        self.decree_of = re.compile(  # "the decree of the " before a title
            rf"\b{_words_re(decrees)}[ \t]+of[ \t]+(?:the[ \t]+)?(?:\w+[ \t]+)?$", re.I)
        self.kin = {str(k).lower() for k in lex["kinship"]}
        self.kin_before = {str(w).lower() for w in [*lex["kin_modifiers"], *lex["status_former"],
                                                    *lex["status_current"]]}
        # "X, the eldest son of": birth order may stand before a kinship term
        self.apposition = re.compile(
            rf"{_APPOSITION}(?:{_words_re(lex['kin_modifiers'])}[ \t]+(?=[a-z]))?)")
        self.org_heads = {str(k): v for k, v in lex["org_heads"].items()}
        self.org_connectors = [str(c) for c in lex["org_connectors"]]
        self.region_tails = {str(w) for w in lex["org_region_tails"]}
        self.outlet_sections = {str(w) for w in lex["outlet_sections"]}
        self.title_suffixes = {" ".join(str(w).lower().split()) for w in lex["title_suffixes"]}
        self.name_possessors = {str(w) for w in lex["name_possessors"]}
        self.place_heads = {str(w) for w in lex["place_heads"]}
        self.facility_heads = {str(w) for w in lex["facility_heads"]}
        self.country_abbreviations = {str(k): str(v)
                                      for k, v in lex["country_abbreviations"].items()}
        self.place_head_bodies = {str(k): v for k, v in lex["place_head_bodies"].items()}
        self.place_suffixes = tuple(low("place_suffixes"))
        self.place_preps = low("place_prepositions")
        self.site_preps = low("site_prepositions")
        self.thing_openers = {str(w) for w in lex["thing_name_openers"]}
        # a demonym, an organisation's or a place's head word is never a place of the data
        # ("Kazakh" is an alternate name of Petropavl, "Bank" a town's name)
        self.place_stop = tuple(str(w) for w in [*lex["place_stoplist"], *lex["demonyms"],
                                                 *lex["org_heads"], *lex["place_heads"]])
        self._places: dict[str, str] | None = None
        self.place_after = low("place_nouns_after")
        # "X reported", "X quoted ...", "X, citing sources": a comma entry stands as written
        self.outlet_after = re.compile("|".join(
            (re.escape(w) if w.startswith(",") else r"[ \t]+" + re.escape(w)) + r"\b"
            for w in map(str, lex["outlet_verbs_after"])))
        self.org_endings = tuple(low("org_word_endings"))
        self.party_after = re.compile(rf"[ \t]+{_words_re(lex['party_nouns_after'])}\b")
        # "the party "Lelo"", "the "For Georgia" party", "the 'Lelo' Party"
        parties = _words_re(lex["party_nouns_after"])
        self.quoted_party_after = re.compile(rf"[\"”'’][ \t]+(?i:{parties})\b")
        self.quoted_party_before = re.compile(rf"\b(?i:{parties})[ \t]+[\"“'‘]$")
        self.detention_after = re.compile(
            rf"[ \t]+{_words_re(lex['detention_nouns_after'])}\b(?!-)")
        self.adjective_endings = tuple(low("place_adjective_endings"))
        self.division_after = re.compile(rf"[ \t]+({_words_re(lex['division_nouns'])})\b")
        self.legal_forms = {str(w) for w in lex["legal_forms"]}
        self.definite_name = re.compile(
            rf"(?:[ \t]+(?:[a-z]+ed|{_words_re(lex['definite_name_followers'])})\b|[,.;:)]"
            r"|['’]s\b)")
        self.organ = re.compile(
            rf"^(?:the[ \t]+)?{_words_re(lex['organ_names'])}\b(?:[ \t]+of(?:[ \t]+the)?\b)?",
            re.I)
        self.officers = {str(w).lower() for w in lex["org_officers"] if " " not in str(w)}
        officers = _words_re(lex["org_officers"])
        self.officer_of = re.compile(rf"\b{officers}[ \t]+of[ \t]+(?:the[ \t]+)?$", re.I)
        self.officer_after = re.compile(rf"['’]s?[ \t]+{officers}\b", re.I)
        self.proper_bodies = {str(w) for w in lex["proper_bodies"]}
        self.demonyms = {str(k): v for k, v in lex["demonyms"].items()}
        self.status_former = {str(w).lower().rstrip("-") for w in lex["status_former"]}
        self.status_words = self.status_former | {str(w).lower() for w in lex["status_current"]}
        # "Former PM Askar Mamin": an abbreviated title is no part of the name after it
        self.title_words = {w for t in [*lex["title_heads"], *lex["title_modifiers"],
                                        *lex["title_abbreviations"]]
                            for w in str(t).lower().split()}
        self.org_before_kind = {str(k).lower(): v for k, v in lex["org_cues_before"].items()}
        self.org_after_kind = {re.sub(r"\s+", " ", str(k).lower()): v
                               for k, v in lex["org_cues_after"].items()}
        self.demonym_ids = {str(k).lower(): v for k, v in lex["demonyms"].items()}
        self.name_prefixes = ("Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "O")
        self.months = {str(w) for w in lex["months"]} | {str(w) for w in lex["weekdays"]}
        self.known_surnames: frozenset[str] = frozenset()  # cues_for(lex, gazetteer)
        self.credit_prefixes = tuple(str(w) for w in lex["credit_prefixes"])
        self.byline_generic = {str(w) for w in lex["byline_generic"]}
        self.possession = re.compile(
            rf"['’]s[ \t]+{_words_re(lex['person_possessions'])}\b", re.I)
        self.predicate_after = re.compile(
            rf"[ \t]+{_words_re(lex['person_predicates_after'])}\b")
        self.speech_after = re.compile(
            rf"[ \t]+{_words_re(lex['person_predicates_after_quote'])}\b")
        self.predicate_before = re.compile(
            rf"\b{_words_re(lex['person_predicates_before'])}[ \t]+$"
            rf"|[,\"”’'][ \t]*{_words_re(lex['person_predicates_after_quote'])}[ \t]+$")
        # "the director general of the National Intelligence Service, Noordin Haji": a
        # title of a named body, then the holder's name after a comma
        title_of = (rf"\b(?i:{_words_re(lex['title_heads'])})[ \t]+of[ \t]+(?:the[ \t]+)?"
                    r"[A-Z][^,;.!?\n()]{1,80}")
        self.title_of_body = re.compile(rf"{title_of},[ \t]+$")
        # "the Inspector General of Police (IGP) Chandana Wickramaratne": the same with the
        # title's abbreviation (see _title_acronym) instead of the comma
        self.title_of_body_acronym = re.compile(rf"({title_of}?)[ \t]+\(([A-Z]{{2,6}})\)[ \t]*$")
        # "the office, headed by Helder Pitta Gros": who heads a body is a person
        self.headed_by = re.compile(
            rf"\b{_words_re([v for v in lex['head_verbs'] if str(v).endswith('ed')])}"
            r"[ \t]+by[ \t]+$")
        self.byline = re.compile(
            rf"(?:^|\n)[ \t]*(?:{'|'.join(re.escape(str(w)) for w in lex['byline_openers'])})"
            r"[ \t]+$")
        self.connector = re.compile(
            rf"^(?:\s+(?:{_words_re(self.org_connectors)})\s+|['’]s?\s+)$")

    @property
    def places(self) -> dict[str, str]:
        """Place-name key -> name, from the data packages (loaded on first use)."""
        if self._places is None:
            self._places = place_index(self.place_stop)
        return self._places


_TITLE_HEADS = frozenset({"title_heads"})
_MODS = frozenset({"title_modifiers"})
_STATUS = frozenset({"status_former", "status_current"})
_DEMONYMS = frozenset({"demonyms"})
_NOUNS = frozenset({"person_nouns", "kinship"})
_HONORIFICS = frozenset({"honorifics"})
_ORG_BEFORE = frozenset({"org_cues_before"})
_ORG_AFTER = frozenset({"org_cues_after"})
_PLACE_BEFORE = frozenset({"place_cues_before"})


def _back(hits, pos: int, labels, skip: str = " \t"):
    return hits.ending_at(pos, labels) or hits.before(pos, labels, skip)


_THE_BEFORE = re.compile(r"(?:^|[^\w])(?:[Tt]he|an?)[ \t]+$")


def title_before(hits, pos: int, cues: Cues):
    """(title, status word, demonym, start) of a title written right before ``pos``
    ("Kazakh President ", "former chairman of the KNB" is not: the title must touch).
    A decree's author set off by a comma is not the name's title: "By the decree of the
    Head of State, Marat Osipov was dismissed"."""
    head = _back(hits, pos, _TITLE_HEADS, " \t,")
    if head is None:
        return None
    if head.phrase in cues.adjective_titles and _THE_BEFORE.search(
            hits.text, max(0, head.start - 5), head.start):
        return None  # "the official Neutral Turkmenistan newspaper": an adjective
    if "," in hits.text[head.end:pos] and cues.decree_of.search(
            hits.text, max(0, head.start - 40), head.start):
        return None
    start, words = head.start, [head.phrase]
    for _ in range(3):
        mod = hits.before(start, _MODS)
        if mod is None:
            break
        words.insert(0, mod.phrase)
        start = mod.start
    status = _back(hits, start, _STATUS, " \t-")
    if status is not None:
        start = status.start
    demonym = hits.before(start, _DEMONYMS)
    if demonym is not None:
        start = demonym.start
    return (" ".join(words), status.phrase if status else "",
            demonym.phrase if demonym else "", start)


@cache
def cues_for(lex, gazetteer=None) -> Cues:
    """The cues of a lexicon; with a gazetteer, a copy that also knows the surnames of
    its people. Never changed once made: finds running in parallel share them."""
    if gazetteer is None:
        return Cues(lex)
    cues = copy.copy(cues_for(lex))
    cues.known_surnames = _surnames_of(gazetteer)
    return cues


def _tokens(text: str, offset: int) -> list[tuple[int, int, str]]:
    """The words of a run, without a nickname or a middle initial inside it."""
    toks = [(offset + m.start(), offset + m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]
    if len(toks) > 2 and ("." in text or '"' in text or "'" in text or "“" in text
                          or "‘" in text):
        # the nickname's or initial's word starts one or two characters into the match
        inner = {offset + n.start() + k for n in _NICKNAME_RE.finditer(text) for k in (1, 2)}
        if inner:
            toks = [t for t in toks if t[0] not in inner]
    return toks


def find(body: str, gazetteer, lex, hits, tokens=None) -> tuple[list[Mention], list[Mention]]:
    """(typed mentions, untyped candidates) of the body, in text order, not overlapping.

    Typed mentions carry a type and, for gazetteer names, candidate ids; untyped ones are
    capitalised names with no cue, left for :func:`resolve.resolve` to type or drop.
    """
    cues = cues_for(lex, gazetteer)
    gaz = gazetteer.find(body, tokens)
    gaz_starts = [m.start for m in gaz]
    gaz_ends_max = list(accumulate((m.end for m in gaz), max))  # furthest end so far
    typed: list[Mention] = []
    untyped: list[Mention] = []
    used: set[int] = set()  # indexes of gazetteer matches placed inside runs

    for start, end in _runs(body, cues):
        lo = bisect_left(gaz_starts, start)
        # a known name that began in the run before ("of the Republic of Kazakhstan Alikhan
        # Smailov": the runs break at "of") covers the start of this one: the rest is
        # another name
        across = max((g.end for g in gaz[max(0, lo - 3):lo] if start < g.end < end),
                     default=0) if lo and gaz_ends_max[lo - 1] > start else 0
        if across:
            start = across + len(body[across:end]) - len(body[across:end].lstrip())
            lo = bisect_left(gaz_starts, start)
        inside = []
        while lo < len(gaz) and gaz[lo].start < end:
            if gaz[lo].end <= end:
                inside.append(lo)
            lo += 1
        _classify_run(body, start, end, [gaz[i] for i in inside], cues, hits, typed, untyped,
                      gazetteer)
        used.update(inside)
    for i, match in enumerate(gaz):  # names outside capitalised runs ("bne IntelliNews")
        if i not in used:
            typed.append(_gazetteer_mention(body, match, cues, hits))
    _outlets(body, gaz, typed, untyped)
    _credits(body, cues, typed, untyped)
    typed.sort(key=lambda m: m.start)
    typed[:] = [m for m in typed if not _title_suffix(body, m, cues)]
    _weak_persons(typed, untyped)
    for m in typed:
        if m.method == "gazetteer" and m.ids and len(m.ids) == 1:
            actor = gazetteer.actors[m.ids[0]]
            m.type, m.kind = actor.type, actor.kind
    for m in typed:
        if m.type == "organization" or (m.ids and m.ids[0].startswith("organization:")):
            _place_of_body(m, cues, gazetteer)
            _qualified_spelling(body, m, hits)
    _initials(body, typed, untyped)
    _divisions(body, typed, cues)
    if untyped:
        _bracketed_short_names(body, typed, untyped)
    if untyped:
        _coordinated(body, typed, untyped)
    return typed, untyped


def _bracketed_short_names(body: str, typed: list[Mention], untyped: list[Mention]) -> None:
    """"the Commission on Elections (Comelec)", "the Zimbabwe Revenue Authority (Zimra)":
    one word in brackets right after an organisation's name is its short name, written
    like a word, not in capitals (those are acronyms already); the text's later uses of
    the word are the organisation's too (resolve._acronyms aliases them)."""
    orgs = {m.end: m for m in typed if m.type == "organization" and " " in m.surface}
    short: dict[str, Mention] = {}
    for m in untyped:
        if " " not in m.surface and body[m.start - 1:m.start] == "(" \
                and body[m.end:m.end + 1] == ")":
            org = orgs.get(len(body[:m.start - 1].rstrip()))
            if org is not None:
                short[m.surface] = org
    if not short:
        return
    for m in (*untyped, *typed):
        org = short.get(m.surface)
        if org is not None and m.method != "gazetteer" and m.type in ("", "organization"):
            m.type, m.role, m.cue, m.kind = "organization", "acronym", "acronym", org.kind
    typed.extend(m for m in untyped if m.type)
    typed.sort(key=lambda m: m.start)
    untyped[:] = [m for m in untyped if not m.type]


_WEAK_PERSON_CUES = frozenset({"foreign-surname", "predicate-one"})


def _weak_persons(typed: list[Mention], untyped: list[Mention]) -> None:
    """A name typed a person's only by the form of its last word or by what follows it
    once ("Qishloq Ovozi is about ...") is left untyped where the article types the same
    name otherwise ("Qishloq Ovozi is a blog"): resolution gives it that actor."""
    weak = [m for m in typed if m.cue in _WEAK_PERSON_CUES]
    if not weak:
        return
    other = {key(m.surface) for m in typed if m.type and m.type != "person"}
    moved = [m for m in weak if key(m.surface) in other]
    for m in moved:
        m.type, m.cue = "", ""
        untyped.append(m)
    if moved:
        gone = {id(m) for m in moved}
        typed[:] = [m for m in typed if id(m) not in gone]
        untyped.sort(key=lambda m: m.start)


_DOMAIN = (r"\.(?:kz|kg|uz|tj|ru|by|az|am|ge|ua|ph|zw|com|net|org|info|news|expert"
           r"|media)")
_OUTLET = re.compile(rf"(?<![\w.@/-])((?:\d+|[A-Z][\w-]*){_DOMAIN})(?![\w/-]|\.\w)")
_DOMAIN_RE = re.compile(_DOMAIN)


def _outlet_addresses(body: str):
    """``_OUTLET.finditer(body)``, tried only at the start of the word before each domain
    ending (the one place an address with that dot can start), not at every position."""
    done = 0
    for d in _DOMAIN_RE.finditer(body):
        start = d.start()
        while start and (body[start - 1].isalnum() or body[start - 1] in "_-"):
            start -= 1  # back over the word (\w and "-") the name is made of
        x = _OUTLET.match(body, start) if start >= done else None
        if x:
            done = x.end()
            yield x


def _outlets(body: str, gaz, typed: list[Mention], untyped: list[Mention]) -> None:
    """"Vlast.kz", "Kun.uz", "24.kg": a site's name is a media organisation (not where a
    gazetteer name or a longer mention already stands)."""
    if "." not in body:
        return
    for x in _outlet_addresses(body):
        start, end = x.span(1)
        if any(g.start < end and start < g.end for g in gaz):
            continue
        typed[:] = [m for m in typed if not (m.start < end and start < m.end)]
        untyped[:] = [m for m in untyped if not (m.start < end and start < m.end)]
        typed.append(Mention(start, end, x.group(1), type="organization", kind="media",
                             cue="web-address"))


_SLASH_NAME = re.compile(rf"/((?:{_PLAIN_TOKEN}[ \u00a0]){{1,2}}{_PLAIN_TOKEN})")


def _credits(body: str, cues: Cues, typed: list[Mention], untyped: list[Mention]) -> None:
    """"(AP Photo/Aaron Favila)": the name after a photo credit's slash is a person."""
    if "/" not in body:
        return
    for x in _SLASH_NAME.finditer(body):
        before = body[max(0, x.start() - 16):x.start()]
        prefix = next((p for p in cues.credit_prefixes if before.endswith(p)), None)
        if prefix is None or before[:-len(prefix)][-1:] not in ("", " ", "(", "\n", "\t"):
            continue  # "(AP Photo/...", not "https://example.org/News/..."
        start, end = x.span(1)
        typed[:] = [m for m in typed if not (m.start < end and start < m.end)]
        untyped[:] = [m for m in untyped if not (m.start < end and start < m.end)]
        typed.append(Mention(start, end, x.group(1), type="person", cue="credit"))


_COORDINATION = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s(?:and|or)\s+)")
_AND_OR = re.compile(r"\b(?:and|or)\b")


def _coordinated(body: str, typed: list[Mention], untyped: list[Mention]) -> None:
    """"businessmen Roman Nakhanov and Taiyr Zhanuzaq", "A, B and C": a name of two or
    more words in a list with a person is a person, one word in a list with an
    organisation an organisation (left to right, then right to left)."""
    merged = sorted(typed + untyped, key=lambda m: m.start)
    untyped_ids = {id(m) for m in untyped}
    joined = set()

    def coordinated(a: Mention, b: Mention) -> bool:
        gap = _COORDINATION.match(body, a.end)
        return bool(gap) and gap.end() == b.start and (
            # "The National Chamber of Entrepreneurs, Atameken,": a comma alone may
            # stand before a body's other name
            a.type != "organization" and b.type != "organization"
            or bool(_AND_OR.search(gap.group())))

    for order in (merged, merged[::-1]):
        prev = None
        for m in order:
            if (id(m) in untyped_ids and prev is not None
                    and (prev.type == "person" and " " in m.surface
                         # "Batumelebi and Netgazeti": one word listed with a body
                         or prev.type == "organization" and " " not in m.surface
                         and prev.cue != "acronym" and not m.surface.isupper())
                    and (coordinated(prev, m) if order is merged else coordinated(m, prev))):
                m.type, m.cue = prev.type, "coordination"
                m.kind = prev.kind if prev.type == "organization" else ""
                untyped_ids.discard(id(m))
                joined.add(id(m))
            prev = m
    if joined:
        typed.extend(m for m in untyped if id(m) in joined)
        typed.sort(key=lambda m: m.start)
        untyped[:] = [m for m in untyped if id(m) not in joined]


def _divisions(body: str, typed: list[Mention], cues: Cues) -> None:
    """"the Penza region": a city's name with a division noun after it is the division,
    an actor apart from the city, both spellings its own (the name alone as a nested
    mention); "Ahal velayat", "the Karakalpakstan region" name no city: the noun joins the
    spelling of the place."""
    for m in typed:
        if m.type != "place" or m.nested:
            continue
        x = cues.division_after.match(body, m.end)
        if x is None:
            continue
        name = Mention(m.start, m.end, m.surface, type="place", cue=m.cue,
                       actor_id=m.actor_id, ids=m.ids, method=m.method)
        m.end, m.surface = x.end(), body[m.start:x.end()]
        if key(name.surface) in city_names():
            m.actor_id = name.actor_id = "place:" + slug(m.surface)
            m.ids, m.method, m.cue = (), "pattern", "division"
        elif not m.actor_id and not m.ids:
            name.actor_id = m.actor_id = "place:" + slug(name.surface)
        m.nested = [name]


def _initials(body: str, typed: list[Mention], untyped: list[Mention]) -> None:
    """"Masimov K.K.": initials after a person's name belong to it."""
    grown = []
    for m in typed:
        if m.type == "person" or (m.ids and all(i.startswith("person:") for i in m.ids)):
            x = _INITIALS.match(body, m.end)
            if x is None and _INITIAL_TOKEN.match(m.surface.rsplit(None, 1)[-1]) \
                    and " " in m.surface:
                x = _INITIALS_REST.match(body, m.end)  # "Sharipbayev K" + ".K."
            if x:
                m.end = x.end()
                m.surface = body[m.start:m.end].rstrip()
                m.end = m.start + len(m.surface)
                grown.append(m)
    if grown:
        spans = [(m.start, m.end) for m in grown]
        for group in (typed, untyped):
            group[:] = [m for m in group if m in grown or not any(
                s < m.end and m.start < e for s, e in spans)]


def _split_at_headline_verbs(body: str, runs, cues: Cues):
    """"Aliyev Sacks Head Of State Security Service": in a heading's title case a verb
    of the frames in its -s form ("Sacks", "Appoints", "Replaces") is no part of a
    name; the run is cut around it."""
    out = []
    for start, end in runs:
        if " " not in body[start:end] or not _in_headline(body, start):
            out.append((start, end))
            continue
        piece = start
        for tok in _TOKEN_RE.finditer(body, start, end):
            if tok.group() in cues.headline_verbs:
                if tok.start() > piece:
                    out.append((piece, _trimmed_end(body, piece, tok.start())))
                piece = tok.end() + 1
        if piece < end:
            out.append((piece, end))
    return out


_BRACKETED = re.compile(r"[ \t]*\(([A-Z]{2,6})\)")


def _named_whole(body: str, start: int, mid_end: int, end: int, cues: Cues) -> bool:
    """Two runs and the connector between them name one body though neither has a head
    word: the abbreviation in brackets after them is made of their words' initials
    ("Hugpong ng Pagbabago (HNP)"); not a title's ("Chief of Defence Forces (CDF)")."""
    m = _BRACKETED.match(body, end)
    if m is None or any(_is_title_word(w, cues) for w in body[start:mid_end].split()):
        return False
    initials = "".join(w[0] for w in body[start:end].split()).upper()
    capitals = "".join(w[0] for w in body[start:end].split() if w[0].isupper())
    return m.group(1) in (initials, capitals)


def _trimmed_end(body: str, start: int, end: int) -> int:
    while end > start and body[end - 1] in " \u00a0":
        end -= 1
    return end


def _runs(body: str, cues: Cues):
    """Spans of capitalised word runs, joined across org connectors ("Ministry of X")."""
    runs = [(m.start(), m.end()) for m in _RUN.finditer(body)]
    if _headlines(body):
        runs = _split_at_headline_verbs(body, runs, cues)
    out: list[list[int]] = []
    for start, end in runs:
        if out:
            prev_start, prev_end = out[-1]
            between = body[prev_end:start]
            first = _first_word(body[start:end])
            # "Ministry of Justice", "the Prosecutor's Office"; not "JSC of January",
            # not "Soviet Union's KGB" (a possessive joins only an organisation's head)
            # nor "Georgia's Parliament" (a place's body is the body, the place its own)
            if cues.connector.match(between) and first not in cues.months \
                    and first not in cues.stopwords and (
                        (first in cues.org_heads and between[1:2] == "s"
                         and key(body[prev_start:prev_end]) not in cues.places)
                        # "People's Party"; "Citizens' Coalition": a plural's possessive
                        or (body[prev_start:prev_end].split()[-1] in cues.name_possessors
                            and (between[1:2] == "s" or body[prev_end - 1] == "s"))
                        if between.startswith(("'", "’"))
                        else _has_org_head(body[prev_start:prev_end], cues)
                        # "Formula TV and Mtavari Arkhi": a plain name that ends in its
                        # head is whole, "and" starts another ("Ministry of Industry and
                        # Trade", "Agency for Public Service and Social Innovations" go on)
                        and not (between.strip() == "and"
                                 and body[prev_start:prev_end].split()[-1] in cues.org_heads
                                 and first not in cues.org_heads
                                 and not _LOWER_WORD.search(body, prev_start, prev_end))):
                out[-1][1] = end
                continue
            if cues.connector.match(between) and between.strip() != "and" \
                    and _named_whole(body, prev_start, prev_end, end, cues):
                out[-1][1] = end
                continue
            if between.strip() == "in" and body[start:end] in cues.region_tails \
                    and _has_org_head(body[prev_start:prev_end], cues) \
                    and body[prev_start:prev_end].split()[-1] not in cues.org_heads:
                out[-1][1] = end  # "... Co-operation in Europe"
                continue
        out.append([start, end])
    return out


def _quoted_party(body: str, start: int, end: int, cues: Cues) -> bool:
    """The whole run in quotes, a party noun right before or after the quotes ("the
    party "Lelo"", "the "For Georgia" party"): the quoted words are the party's name,
    a place of the data among them too."""
    if body[start - 1:start] not in "\"“'‘" or start == 0 \
            or body[end:end + 1] not in "\"”'’" or end == len(body):
        return False
    return bool(cues.quoted_party_after.match(body, end)
                or cues.quoted_party_before.search(body, max(0, start - 20), start))


def _outlet_section(text: str, cues: Cues) -> bool:
    """"Armenian Service", "Belarus Service": a language or a country, then a section."""
    words = text.split()
    return len(words) == 2 and (words[0] in cues.demonyms
                                or cues.places.get(key(words[0])) in country_names())


def _place_begins(body: str, toks, cues: Cues) -> bool:
    """"New York", "The Hague", "Central African Republic": a cue word or "The" that
    begins a place's name of the data is the place's."""
    if len(toks) < 2 or (toks[0][2] in cues.stopwords and toks[0][2] != "The"):
        return False
    whole = body[toks[0][0]:toks[-1][1]]
    return key(whole) in cues.places and spelled_as_place(whole)


def _first_word(text: str) -> str:
    return text.split(None, 1)[0] if text else ""


def _has_org_head(text: str, cues: Cues) -> bool:
    return any(w in cues.org_heads for w in text.split())


def _gazetteer_mention(body, match, cues, hits) -> Mention:
    m = Mention(match.start, match.end, match.surface, method="gazetteer", cue="gazetteer",
                ids=match.ids)
    _title_cue(m, cues, hits)
    return m


def _title_cue(m: Mention, cues: Cues, hits) -> None:
    """Record a title written right before the name ("Kazakh President ...")."""
    t = title_before(hits, m.start, cues)
    if t:
        m.title = t[0]
        m.former = t[1].rstrip("-") in cues.status_former
        m.body_hint = cues.demonym_ids.get(t[2], "")


def _is_org_match(match, cues: Cues) -> bool:
    return any(i.startswith("organization:") for i in match.ids)


def _classify_run(body, start, end, inside, cues: Cues, hits, typed, untyped,
                  gazetteer=None) -> None:
    text = body[start:end]
    if not inside and text in cues.stopwords:
        return  # "The", "In", "He": most runs are one such word
    if key(text) in cues.boilerplate:
        return
    if body[start - 3:start] in ("'s ", "’s ") and text.rpartition(" ")[2] in \
            cues.outlet_sections and _outlet_section(text, cues):
        # "RFE/RL's Armenian Service": the outlet's section, the outlet speaks; in
        # "RFE/RL's Belarus Service" the country is a place still
        if text.split()[0] not in cues.demonyms:
            _classify_run(body, start, start + text.index(" "), inside[:1], cues, hits,
                          typed, untyped, gazetteer)
        return
    organ = cues.organ.match(text)
    if organ:
        # "the Management Board of the QazaqGaz JSC NC": the organ is no actor, the
        # company after it is
        rest = start + organ.end()
        rest += len(body[rest:end]) - len(body[rest:end].lstrip())
        if rest < end:
            _classify_run(body, rest, end, [g for g in inside if g.start >= rest], cues, hits,
                          typed, untyped, gazetteer)
        return
    if _quoted_party(body, start, end, cues):
        typed.append(Mention(start, end, text, type="organization", kind="party",
                             cue="quoted-party"))
        return
    if inside and inside[-1].end == end and inside[-1].start > start \
            and any(i.startswith("place:") for i in inside[-1].ids) \
            and cues.party_after.match(body, end):
        # "Prosperous Armenia party", "the For Georgia party": a party named after its
        # country, its words before the country's name part of it
        first = start + 4 if text.startswith(("The ", "the ")) else start
        words = body[first:inside[-1].start].split()
        if words and words[0] not in cues.demonyms and not any(
                w in cues.org_heads or w.endswith(("'s", "’s")) for w in words):
            typed.append(Mention(first, end, body[first:end], type="organization",
                                 kind="party", cue="org-noun-after"))
            return
    if inside and " " in text and body[start - 1:start] == "(" \
            and not (inside[0].start == start and inside[-1].end == end) \
            and _AGENCY_CREDIT.match(body, end) \
            and _DATELINE.search(body, max(0, body.rfind("\n", 0, start) + 1, start - 40), start):
        # "KYIV (Ukraine Today) -": the outlet a dateline credits, though a place of the
        # gazetteer opens its name
        typed.append(Mention(start, end, text, type="organization", cue="dateline",
                             kind="media"))
        return
    if len(inside) == 1 and inside[0].start == start and inside[0].end == end:
        # the run is one gazetteer name (most runs that are not a stopword): what the
        # token test below decides, without tokenizing (a run starts with a token, and
        # ends with one that a name ending at its end cannot cut differently)
        typed.append(_gazetteer_mention(body, inside[0], cues, hits))
        return
    toks = _tokens(text, start)
    # one gazetteer name is the whole run, or an org run ends in a gazetteer org
    if inside and inside[0].start == toks[0][0] and inside[-1].end == toks[-1][1] \
            and len(inside) == 1:
        typed.append(_gazetteer_mention(body, inside[0], cues, hits))
        return
    # strip leading function words, demonyms, honorifics, titles and nouns (cues);
    # in an organisation's name ("National Chamber ...") only function words
    org_run = any(t[2] in cues.org_heads for t in toks)
    i = 0
    while i < len(toks) and (toks[i][2] in cues.stopwords if org_run
                             else _leading_cue(toks[i][2], cues)
                             or _two_word_honorific(toks, i, cues)):
        if inside and inside[0].start <= toks[i][0]:
            break
        if _place_begins(body, toks[i:], cues):
            break
        i += 1
    toks = toks[i:]
    if not toks:
        return
    words = [t[2] for t in toks]
    noun = hits.before(toks[0][0], _ORG_BEFORE) if inside and 1 < len(toks) <= 3 else None
    if noun is not None and body[noun.start].islower() and not org_run \
            and any(g.start > toks[0][0] or g.end < toks[-1][1] for g in inside) \
            and not any(_is_org_match(g, cues) for g in inside):
        # "the newspaper Neytralny Turkmenistan", "the weekly Zimbabwe Independent": the
        # name an organisation noun introduces is one, a place inside it included
        typed.append(Mention(toks[0][0], toks[-1][1], body[toks[0][0]:toks[-1][1]],
                             type="organization", cue="org-noun",
                             kind=cues.org_before_kind.get(noun.phrase, "")))
        return
    if inside and len(toks) > 1 and not org_run:
        whole = body[toks[0][0]:toks[-1][1]]
        place = cues.places.get(key(whole))
        if place is not None and spelled_as_place(whole) and not any(
                g.start <= toks[0][0] and g.end >= toks[-1][1] for g in inside):
            # "Mashonaland West": a place of the data that a known name only begins
            typed.append(Mention(toks[0][0], toks[-1][1], whole, type="place",
                                 cue="place-data", actor_id="place:" + slug(place)))
            return
    if org_run and len(toks) > 3 and not inside and not _in_headline(body, start):
        split = _title_inside(body, toks, cues)
        if split is not None and words[split[0] - 1] in cues.org_heads:
            # "Senate President Francis Escudero and House Speaker Martin Romualdez":
            # a body, its officer's title and name, then the rest of the run
            k, j, e = split
            _classify_run(body, toks[0][0], toks[k - 1][1], [], cues, hits, typed, untyped,
                          gazetteer)
            _classify_segment(body, toks[j:e], cues, hits, typed, untyped)
            if e < len(toks):
                _classify_run(body, toks[e][0], toks[-1][1], [], cues, hits, typed, untyped,
                              gazetteer)
            return
    head_at = next((k for k in range(len(words) - 1, -1, -1) if words[k] in cues.org_heads),
                   None)
    if head_at is not None and head_at < len(words) - 1 and words[-1] in cues.facility_heads:
        head_at = None  # "Harare Central Police Station": the site the police run
    if head_at is not None:
        stop_at = next((k for k in range(head_at - 1, -1, -1) if words[k] in cues.stopwords),
                       None)
        if stop_at is not None:
            # "Sentenced Judges Including Security Forces": a function word inside the
            # run ends what came before; the organisation's name starts after it
            before = [g for g in inside if g.end <= toks[stop_at][0]]
            if stop_at:
                _split_run(body, toks[:stop_at], before, cues, hits, typed, untyped)
            inside = [g for g in inside if g.start >= toks[stop_at][1]]
            toks, words = toks[stop_at + 1:], words[stop_at + 1:]
            head_at -= stop_at + 1
        if _in_headline(body, start):
            # a title-case heading capitalises every word: no evidence of a name
            _split_run(body, toks, inside, cues, hits, typed, untyped)
            return
    if head_at is not None:
        cut = _org_end(body, toks, head_at, inside, cues)
        org, rest = toks[:cut], toks[cut:]
        if rest and all(_is_title_word(t[2], cues) and t[2] not in cues.place_heads
                        for t in rest):
            toks, rest = org, []  # "Senate President": the title names no one
        org_inside = [g for g in inside if g.end <= org[-1][1]]
        # "Kazakhstan's KNB", "the Kazakh Committee for National Security": the known
        # body; "State Committee for National Security" is another body's longer name
        known_suffix = org_inside and org_inside[-1].end == org[-1][1] \
            and org_inside[-1].start > org[0][0] and _is_org_match(org_inside[-1], cues) \
            and not _longer_name(body, org, org_inside, cues)
        whole = len(org_inside) == 1 and org_inside[0].start == org[0][0] \
            and org_inside[0].end == org[-1][1]
        if len(org) == 1 and rest:
            # "Speaker of the Mazhilis Yerlan Koshanov": the body, then its officer's name
            _split_run(body, org, org_inside, cues, hits, typed, untyped)
            _split_run(body, rest, [g for g in inside if g.start >= rest[0][0]], cues,
                       hits, typed, untyped)
            return
        if len(org) == 2 and org[0][2] in cues.demonyms and org[1][2] in cues.proper_bodies:
            # "the Philippine Senate": the Senate, of the country the demonym names
            _split_run(body, toks, inside, cues, hits, typed, untyped)
            return
        if len(org) >= 2 and not known_suffix and not whole \
                and not all(t[2] in cues.legal_forms for t in org) \
                and not _generic(body, org, org_inside):
            typed.append(_org_mention(body, org, org_inside, cues, hits, gazetteer))
            if rest:
                _split_run(body, rest, [g for g in inside if g.start >= rest[0][0]], cues,
                           hits, typed, untyped)
            return
    _split_run(body, toks, inside, cues, hits, typed, untyped)


_LINE = re.compile(r"[^\n]+")
_LONG_WORD = re.compile(r"(?<![\w-])[^\W\d_]{4,}")  # "Ex-president": one word


@lru_cache(maxsize=4)
def _headlines(body: str) -> tuple[tuple[int, int], ...]:
    """Spans of the lines written in title case ("Kazakhstan Cabinet's Resignation"):
    three words or more, no full stop at the end, every word of four letters or more
    capitalised."""
    out = []
    for line in _LINE.finditer(body):
        text = line.group().rstrip()
        if not text or text[-1] in ".:;!\"”»":
            continue
        long_words = _LONG_WORD.findall(text)
        if len(text.split()) >= 3 and long_words and all(w[0].isupper() for w in long_words):
            out.append((line.start(), line.end()))
    return tuple(out)


def _in_headline(body: str, pos: int) -> bool:
    spans = _headlines(body)
    i = bisect_left(spans, (pos + 1,)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _longer_name(body, org, org_inside, cues: Cues) -> bool:
    """Do plain words glued before a known body's name make another body's name
    ("State Committee for National Security" is not the "Committee for National
    Security"; "Kazakh", "Russian-led", "CSTO" or "Press Center of the" qualify the
    known one)? Not after a country's possessive: "Kyrgyzstan's State Committee for
    National Security" is the known body of another country (resolve._foreign_bodies)."""
    before = [t for t in org if t[1] <= org_inside[-1].start]
    if _POSSESSIVE_BEFORE.search(body, max(0, org[0][0] - 40), org[0][0]):
        return False
    return bool(before) and all(
        t[2] not in cues.stopwords and t[2] not in cues.demonyms and t[2] not in cues.org_heads
        and "-" not in t[2] and not any(g.start <= t[0] and t[1] <= g.end for g in org_inside)
        for t in before)


_POSSESSIVE_BEFORE = re.compile(r"[A-Z][\w-]*['’]s?\s+$")


def _generic(body: str, org, org_inside) -> bool:
    """"Security Forces" where the article also writes "security forces": a common noun
    phrase capitalised by its place (a heading, a list), not an organisation's name."""
    if org_inside or len(org) > 3:
        return False
    phrase = body[org[0][0]:org[-1][1]]
    return " " in phrase and phrase.lower() in body


def _leading_cue(word: str, cues: Cues) -> bool:
    low = word.lower().rstrip(".")
    if "-" in low and low not in cues.title_heads and low not in cues.honorifics \
            and low not in cues.person_nouns:  # "Co-defendants Armen Sargsyan"
        return _is_title_word(word, cues)  # "Secretary-General", "Vice-Premier"
    return (word in cues.stopwords or word in cues.demonyms or low in cues.honorifics
            or low in cues.title_heads or low in cues.title_words or low in cues.officers
            or low in cues.person_nouns or low in cues.status_words)


def _org_end(body, toks, head_at: int, inside, cues: Cues) -> int:
    """Where an organisation's name ends in its run: before a person's name glued to it
    ("... Committee of the Republic of Kazakhstan Samat Abish")."""
    starts = {g.start: g for g in inside}
    if head_at + 1 < len(toks) and toks[head_at + 1][0] not in starts \
            and body[toks[head_at][1]:toks[head_at + 1][0]] == " " \
            and _holder_name(body, toks[head_at + 1:], cues):
        return head_at + 1  # "State Security Service Madat Guliyev"
    for k in range(head_at + 1, len(toks)):
        g = starts.get(toks[k][0])
        if g is not None and any(i.startswith("person:") for i in g.ids):
            return k
        if k + 1 < len(toks) and not body[toks[k - 1][1]:toks[k][0]].strip() and (
                # a name is glued to the body, no connector between: "Institute for
                # Peace and Democracy" goes on
                key(toks[k][2]) in cues.given
                # "... Council Secretary Rustam Mamasadykov", not "... of Ministers of X"
                or (toks[k][2].lower() in cues.title_heads and not toks[k][2].endswith("s")
                    and toks[k + 1][0] not in starts
                    and key(toks[k + 1][2]) not in cues.places
                    and name_like(body, toks[k + 1][2], cues))):
            while k - 1 > head_at and toks[k - 1][2].lower() in cues.title_words:
                k -= 1  # "... Holding Deputy Chairman X": the deputy is the title's
            return k
    tail = head_at + 1
    while tail < len(toks) and _is_title_word(toks[tail][2], cues) \
            and toks[tail][2] not in cues.place_heads and toks[tail][0] not in starts \
            and body[toks[tail - 1][1]:toks[tail][0]] == " ":
        tail += 1
    if head_at + 1 < tail == len(toks):
        # "ousted as Senate President", "the Supreme Court Chief Justice said": the
        # body, then a title no name follows (not "Cabinet of Ministers")
        return head_at + 1
    if body.startswith(("'s", "’s"), toks[-1][1]):
        # "the Armenian Police and Russia's National Guard": a possessor after "and"
        # owns what follows, it is no part of the body before
        for k in range(head_at + 1, len(toks)):
            if toks[k][2] == "and" or body[toks[k - 1][1]:toks[k][0]].strip() == "and":
                return k
    return len(toks)


def _org_mention(body, org, org_inside, cues: Cues, hits, gazetteer) -> Mention:
    head = next(w for w in reversed([t[2] for t in org]) if w in cues.org_heads)
    named = [t for t in org if t[2] not in cues.legal_forms]
    if named and len(named) < len(org) and all(
            t[2] in cues.legal_forms for t in org[len(named):] + org[:org.index(named[0])]):
        org = named  # "KazTransOil JSC": the legal form is not part of the name
    text = body[org[0][0]:org[-1][1]]
    m = Mention(org[0][0], org[-1][1], text, type="organization",
                kind=cues.org_heads[head], cue="org-head")
    # "National Security Committee of the Republic of Kazakhstan": a known body "of" a
    # known place is that body
    tail = _OF_PLACE.search(text)
    if tail and gazetteer is not None and org_inside and org_inside[-1].end == org[-1][1] \
            and any(i.startswith("place:") for i in org_inside[-1].ids):
        ids = gazetteer.lookup(text[:tail.start()])
        if len(ids) == 1 and ids[0].startswith("organization:") \
                and _may_be_of(gazetteer, ids[0], org_inside[-1].ids):
            m.ids, m.method, m.cue = ids, "gazetteer", "gazetteer"
    if m.kind != "media":  # "The Moscow Times", "the Manila Times": no place of its own
        m.nested = [_gazetteer_mention(body, g, cues, hits) for g in org_inside
                    if not _is_org_match(g, cues) and len(g.ids) == 1]
    return m


def _may_be_of(gazetteer, body_id: str, place_ids) -> bool:
    """Whether a known body may be the one "of" a place: the body names no country, or
    that place ("Security Council of Belarus" is not the Security Council of
    Kazakhstan)."""
    actor = gazetteer.actors[body_id]
    text = f" {key(' '.join([actor.name, *actor.aliases, actor.description]))} "
    named = {i for i, a in gazetteer.actors.items()
             if a.type == "place" and f" {key(a.name)} " in text}
    return not named or bool(named & set(place_ids))


def _qualified_spelling(body: str, m: Mention, hits) -> None:
    """"the Russian Defense Ministry": the body's name with its country's demonym is a
    spelling of the body too (the demonym is no part of the name, which stays the
    body's)."""
    demonym = hits.before(m.start, _DEMONYMS)
    if demonym is not None and not m.absorbed:
        m.absorbed.append(Mention(demonym.start, m.end, body[demonym.start:m.end],
                                  type=m.type, method=m.method, cue="demonym"))


def _place_of_body(m: Mention, cues: Cues, gazetteer) -> None:
    """"Constitutional Court of Armenia", "National Security Committee of Kazakhstan":
    the place an organisation's name ends with is named too (a nested mention)."""
    place = _PLACE_TAIL.search(m.surface)
    if place is None or any(n.start >= m.start + place.start(1) for n in m.nested):
        return
    name = cues.places.get(key(place.group(1)))
    ids = [i for i in gazetteer.lookup(place.group(1)) if i.startswith("place:")] \
        if gazetteer is not None else []
    if name is None and not ids:
        return
    at = m.start + place.start(1)
    m.nested.append(Mention(at, m.end, place.group(1), type="place",
                            actor_id=ids[0] if len(ids) == 1 else "place:" + slug(name or ""),
                            ids=tuple(ids[:1]), cue="place-data"))


_OF_BEFORE = re.compile(r"([A-Za-z-]+)\s+(of(?:\s+the)?)\s+$")


def _title_suffix(body: str, m: Mention, cues: Cues) -> bool:
    """"Chief of Defence Forces", "Commander of Land Forces": after a title and "of",
    words the lexicon lists as part of a title (title_suffixes) name no body; after
    "of the" they may ("chief of the General Staff")."""
    if m.type != "organization" or m.method == "gazetteer":
        return False
    before = _OF_BEFORE.search(body, max(0, m.start - 40), m.start)
    return bool(before) and before.group(2) == "of" and \
        before.group(1).lower() in cues.title_heads and \
        f"of {m.surface}".lower() in cues.title_suffixes


def _split_run(body, toks, inside, cues: Cues, hits, typed, untyped) -> None:
    """Gazetteer names inside the run stand; the rest splits into segments."""
    inside = _kin_of_known(body, toks, inside, cues)
    pos = 0
    segment: list[tuple[int, int, str]] = []
    for tok in toks:
        while pos < len(inside) and inside[pos].end <= tok[0]:
            pos += 1
        covered = pos < len(inside) and inside[pos].start <= tok[0] < inside[pos].end
        if covered:
            if segment:
                _classify_segment(body, segment, cues, hits, typed, untyped)
                segment = []
        else:
            segment.append(tok)
    if segment:
        _classify_segment(body, segment, cues, hits, typed, untyped)
    for g in inside:
        if g.start >= toks[0][0]:
            typed.append(_gazetteer_mention(body, g, cues, hits))


def _kin_of_known(body, toks, inside, cues: Cues) -> list:
    """"Aisultan Nazarbaev": a known person's surname after another given name is a
    relative of that family, not the known person; the surname joins the segment."""
    if not inside:
        return inside
    at = {t[0]: i for i, t in enumerate(toks)}
    kept = []
    for g in inside:
        i = at.get(g.start)
        if i and " " not in g.surface and g.ids and all(x.startswith("person:") for x in g.ids):
            prev = toks[i - 1]
            if name_like(body, prev[2], cues) and not any(
                    p.end > prev[0] and p.start < prev[1] for p in inside):
                continue
        kept.append(g)
    return kept


def name_like(body: str, word: str, cues: Cues) -> bool:
    """A word that may be a given name or patronymic: a known given name, or capitalised,
    not all capitals, not a verb form ("Dismissing"), not written in lower case elsewhere
    in the article, and none of the lexicon's other words (title, stopword, month...)."""
    if key(word) in cues.given:
        return True
    return (word[:1].isupper() and not word.isupper()
            and word.replace("'", "").replace("’", "").isalpha()  # "Wetang'ula"
            and not word.endswith(("ing", "ed")) and word.lower() not in _lower_words(body)
            and word not in cues.org_heads and word not in cues.months
            and word not in cues.place_heads and not _leading_cue(word, cues))


@cache
def _surnames_of(gazetteer) -> frozenset[str]:
    """Keys of the surnames of the gazetteer's people, and their feminine forms."""
    out = set()
    for actor in gazetteer.actors.values():
        if actor.type != "person":
            continue
        for name in (actor.name, *actor.aliases):
            last = key(name).rsplit(" ", 1)[-1]
            if len(last) >= 4 and last.isascii():
                out.add(last)
                if last.endswith(("ov", "ev", "in")):
                    out.add(last + "a")
    return frozenset(out)


def _two_word_honorific(toks, i: int, cues: Cues) -> bool:
    """Do tokens i and i + 1 make one honorific ("Air Marshal")?"""
    return i + 1 < len(toks) and \
        f"{toks[i][2]} {toks[i + 1][2]}".lower().rstrip(".") in cues.honorifics


def _is_title_word(word: str, cues: Cues) -> bool:
    """A word of a title or an honorific ("President", "Colonel-General", "Gov.",
    "Ex-President": a status word may be joined to the title)."""
    low = word.lower().rstrip(".")
    if "-" in low and low not in cues.title_heads and low not in cues.honorifics:
        first, _, rest = low.partition("-")
        parts = rest.split("-") if first in cues.status_words and rest else low.split("-")
        return all(part in cues.title_words for part in parts)
    return low in cues.title_words or low in cues.honorifics


def _title_inside(body, toks, cues: Cues) -> tuple[int, int, int] | None:
    """(where a title starts, where its holder's name starts and ends) in a segment of a
    name, a title and a name: "Davao City Representative Paolo Duterte" -> (2, 3, 5)."""
    for k in range(1, len(toks) - 1):
        if not _is_title_word(toks[k][2], cues) or toks[k][2] in cues.place_heads or (
                _is_title_word(toks[k - 1][2], cues)
                and toks[k - 1][2] not in cues.place_heads) \
                or _two_word_honorific(toks, k - 1, cues):  # "Davao City", "Ahal Region",
            continue  # "Air Marshal Perrance Shiri"
        j = k
        while j < len(toks) and _is_title_word(toks[j][2], cues):
            j += 1
        e = j
        while e < len(toks) and name_like(body, toks[e][2], cues) and (
                e == j or _NAME_GAP.match(body[toks[e - 1][1]:toks[e][0]])):
            e += 1
        if e > j and toks[j - 1][2].lower().rstrip(".") in cues.title_heads | cues.honorifics:
            return k, j, e
        return None
    return None


def _holder_after_head(body, toks, cues: Cues) -> int:
    """Where a person's name starts after the head word of a body or a division in one
    capitalised run (0: nowhere)."""
    for k in range(1, len(toks) - 1):
        head = toks[k - 1][2]
        if (head in cues.org_heads or head in cues.place_heads) \
                and _holder_name(body, toks[k:], cues):
            return k
    return 0


def _holder_after_place(body, toks, cues: Cues) -> int:
    """Where a person's name starts after a place's name of the place data in one
    capitalised run after a title ("Mayor of Bishkek Aibek Dzhunushaliev"); 0: nowhere."""
    if not _OF_RIGHT_BEFORE.search(body, max(0, toks[0][0] - 8), toks[0][0]):
        return 0
    for k in (1, 2):
        if len(toks) - k >= 2 and key(" ".join(t[2] for t in toks[:k])) in cues.places \
                and _holder_name(body, toks[k:], cues):
            return k
    return 0


_OF_RIGHT_BEFORE = re.compile(r"\bof[ \t]+(?:the[ \t]+)?$")


def _holder_name(body, toks, cues: Cues) -> bool:
    """Whether two or three words glued after a body's head word are a person's name:
    name-like, a given name first or a surname ending last ("Onik Gasparyan")."""
    last = toks[-1][2].lower()
    return 2 <= len(toks) <= 3 and (key(toks[0][2]) in cues.given or (
        len(last) >= 5 and last.endswith(cues.endings))) \
        and all(name_like(body, t[2], cues) for t in toks) \
        and all(body[a[1]:b[0]] == " " for a, b in zip(toks, toks[1:]))


_FOLLOWING_WORD = re.compile(r"[ \u00a0]([\w.-]+)")
_TWO_NAMES = re.compile(rf"[ \t]({_PLAIN_TOKEN})[ \t]{_U}")


def _styled_name_after(body: str, pos: int, cues: Cues) -> bool:
    """Whether a full name follows an abbreviated style's dot ("Rep. Perci Cendaña"), not
    a new sentence ("... his father Hun Sen. Brazil's court")."""
    m = _TWO_NAMES.match(body, pos)
    return m is not None and m.group(1) not in cues.stopwords \
        and key(m.group(1)) not in cues.places and name_like(body, m.group(1), cues)


_PRO_ANTI = re.compile(r"(?i:pro|anti)-$")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:,|\(|[-–—])")  # "GORI, Georgia -", "TBILISI (AP)"
_CURRENCY_AFTER = re.compile(r"[ \t]+(?:dollars?|cents?)\b")
_NAME_GAP = re.compile(rf"^[ \u00a0](?:(?:{_PARTICLE}|{_NICKNAME})[ \u00a0]){{0,2}}$")


def _classify_segment(body, toks, cues: Cues, hits, typed, untyped) -> None:
    # drop leading stopwords again (a segment may start after a gazetteer name), and
    # titles, honorifics and demonyms cut from an organisation before a person's name
    # ("Security Council Secretary Rustam Mamasadykov")
    while toks and (toks[0][2] in cues.stopwords or (len(toks) > 1 and _leading_cue(
            toks[0][2], cues))) and not _place_begins(body, toks, cues):
        toks = toks[1:]
    if len(toks) > 1 and toks[-1][2].lower() in cues.honorifics \
            and body.startswith(".", toks[-1][1]) and _styled_name_after(body, toks[-1][1] + 1,
                                                                      cues):
        # "Akbayan Rep. Perci Cendaña": the style of the name after it; a word alone
        # before it is the holder's party or place, no person by its ending
        toks = toks[:-1]
        if len(toks) == 1 and key(toks[0][2]) not in cues.places:
            return
    if len(toks) > 1 and _PRO_ANTI.search(body, max(0, toks[0][0] - 5), toks[0][0]):
        toks = toks[1:]  # "the pro-Western Zurabishvili": what she is for, then her name
    if not toks or len(toks) > 8:
        return
    if len(toks) > 2 and _is_title_word(toks[-1][2], cues) \
            and toks[-1][2] not in cues.place_heads and not _in_headline(body, toks[0][0]):
        k = len(toks) - 1
        while k > 0 and _is_title_word(toks[k - 1][2], cues):
            k -= 1
        if k >= 2 and all(name_like(body, t[2], cues) for t in toks[:k]):
            # "appointed Aleksandr Turchin Prime Minister of Belarus": the name, then
            # the title it was given
            toks = toks[:k]
    split = _title_inside(body, toks, cues) if len(toks) > 2 else None
    if split is not None and _in_headline(body, toks[0][0]):
        split = None
    if split is not None:
        # "Yerevan Mayor Tigran Avinyan", "Senate President Francis Escudero", "Serbian
        # President Aleksandar Vucic": what stands before a title is a name of its own,
        # the title's holder comes after it
        _classify_segment(body, toks[:split[0]], cues, hits, typed, untyped)
        _classify_segment(body, toks[split[1]:split[2]], cues, hits, typed, untyped)
        if split[2] < len(toks):
            _classify_segment(body, toks[split[2]:], cues, hits, typed, untyped)
        return
    if len(toks) > 2 and toks[0][2] in cues.place_heads and key(toks[1][2]) in cues.given:
        # "the President of the Republic José Eduardo dos Santos": the place noun the
        # title ended with, then the holder's name
        _classify_segment(body, toks[1:], cues, hits, typed, untyped)
        return
    cut = _holder_after_head(body, toks, cues) or _holder_after_place(body, toks, cues)
    if cut:
        # "State Security Service Madat Guliyev", "Lebap Province Atageldi Shamuradov":
        # a body's or a division's head word ends its name, the holder's starts after it
        _classify_segment(body, toks[:cut], cues, hits, typed, untyped)
        _classify_segment(body, toks[cut:], cues, hits, typed, untyped)
        return
    if len(toks) > 1 and toks[0][2].rpartition("-")[2] in _COMPOUND_TAILS:
        # "the Dutch-based VimpelCom", "Moscow-based Novaya Gazeta": the compound
        # adjective is a word of its own (it may hold a place), the name follows it
        _classify_segment(body, toks[:1], cues, hits, typed, untyped)
        _classify_segment(body, toks[1:], cues, hits, typed, untyped)
        return
    if len(toks) > 1 and _is_acronym(toks[0][2], cues) and not toks[1][2].isupper():
        # "GKNB Kamchybek Tashiev": an acronym glued to a name is a name of its own
        _classify_segment(body, toks[:1], cues, hits, typed, untyped)
        _classify_segment(body, toks[1:], cues, hits, typed, untyped)
        return
    cut = next((k for k in range(2, len(toks)) if _is_acronym(toks[k][2], cues)
                and not _ROMAN.match(toks[k][2])), None)
    if cut is not None and not any(t[2].isupper() and not _ROMAN.match(t[2])
                                   for t in toks[:cut]) \
            and _person_cue(body, toks[0][0], toks[cut - 1][1], [t[2] for t in toks[:cut]],
                            cues, hits) in _NAME_CUES:
        # "appoints Ivan Tertel KGB Chairman": a person's name, then the body and the
        # title given to them, as headlines write it
        _classify_segment(body, toks[:cut], cues, hits, typed, untyped)
        _classify_segment(body, toks[cut:cut + 1], cues, hits, typed, untyped)
        return
    if len(toks) > 5 or (len(toks) == 5 and key(toks[0][2]) not in cues.given):
        return  # "Constantino Guveya Dominic Nyikadzino Chiwenga": a name of five words
    start, end = toks[0][0], toks[-1][1]
    text = body[start:end]
    if len(toks) > 1 and (end - start) > sum(len(t[2]) for t in toks) + len(toks) - 1:
        text = _NICKNAME_RE.sub("", text)  # the name without its nickname or initial
    words = [t[2] for t in toks]
    m = Mention(start, end, text)

    if len(toks) == 1 and text in cues.country_abbreviations \
            and not body.startswith("$", end) and not _CURRENCY_AFTER.match(body, end):
        # "by the US"; not "US$60", "US dollars"
        typed.append(Mention(start, end, text, type="place", cue="place-data",
                             actor_id=cues.country_abbreviations[text]))
        return
    if len(toks) == 1 and _is_acronym(text, cues) and body.startswith(")", end) \
            and _title_acronym(body, end + 1, cues):
        return  # "Inspector General of Police (IGP)": a title's abbreviation, no body
    if len(toks) == 1 and _is_acronym(text, cues):
        if any(c.isdigit() for c in text) or _MODEL_NUMBER.match(body, end) \
                or body.startswith("$", end):
            return  # "HTML5", "RPG 7B", "Su-25": a model or a format; "ZW$": a currency
        if len(text) >= 4 and key(text) in cues.places \
                and not (body[start - 1:start] == "(" and body[end:end + 1] == ")") \
                and _org_noun_after(body, end, hits) is None \
                and (key(text) not in small_city_names()
                     or (body[max(0, start - 1):start] in ("", "\n")
                         and _DATELINE_AFTER.match(body, end))):
            # "DUSHANBE, 19.05.2022"; not "(ASAN)", a name's abbreviation, nor "IRNA
            # news agency", nor a small town's name away from a dateline ("PACE adopted")
            m.type, m.cue = "place", "place-data"
        else:
            m.type, m.role, m.cue = "organization", "acronym", "acronym"
        typed.append(m)
        return
    if len(toks) == 1 and _acronym_compound(text, cues):
        m.type, m.role, m.cue = "organization", "acronym", "acronym"  # "PDP-Laban"
        typed.append(m)
        return
    if len(toks) == 1 and text in cues.proper_bodies:
        # "the Senate", "the Mejlis": a legislature's proper name (its country: resolve)
        m.type, m.cue, m.kind = "organization", "proper-body", cues.org_heads.get(text, "")
        typed.append(m)
        return
    if len(toks) == 1 and "-" in text:
        head, _, tail = text.rpartition("-")
        if tail in _PLACE_ADJECTIVE and key(head) in cues.places:
            # "a Moscow-based magazine": the place, without the adjective
            name = cues.places[key(head)]
            typed.append(Mention(start, start + len(head), head, type="place",
                                 cue="place-data", actor_id="place:" + slug(name)))
            return
    if words[-1] in cues.byline_generic and cues.byline.search(body, max(0, start - 16), start):
        # "By ChimpReports Staff": the outlet, no person; "By Staff Reporter": nobody
        k = next(i for i, w in enumerate(words) if w in cues.byline_generic)
        if k:
            typed.append(Mention(start, toks[k - 1][1], body[start:toks[k - 1][1]],
                                 type="organization", kind="media", cue="byline"))
        return
    if body[start - 1:start] == "(" and _AGENCY_CREDIT.match(body, end) \
            and _DATELINE.search(body, max(0, body.rfind("\n", 0, start) + 1, start - 40),
                                 start):
        # "NAIROBI, Oct. 18 (Xinhua) -- ...": the agency a dateline credits
        m.type, m.cue, m.kind = "organization", "dateline", "media"
        typed.append(m)
        return
    if all(_is_title_word(w, cues) for w in words) or (
            len(words) == 1 and words[0] in cues.org_heads):
        after = _FOLLOWING_WORD.match(body, end)
        if after is not None and after.group(1)[0].isupper() \
                and _is_title_word(after.group(1), cues):
            # "cousin, House Speaker Martin Romualdez": the title's first word; "chief
            # Police General Nicolas Torre": a rank's service
            return
    person = _person_cue(body, start, end, words, cues, hits)
    org = hits.before(start, _ORG_BEFORE)
    if org is not None and len(words) == 1 and _is_title_word(text, cues):
        org = None  # "Interior Ministry Official": the body's officer, no body's name
    if org is not None and person not in _NAME_CUES:
        # "the newspaper Egemen Qazaqstan"; not "the organization Alim Sherzamonov"
        m.type, m.cue = "organization", "org-noun"
        m.kind = cues.org_before_kind.get(org.phrase, "")
        typed.append(m)
        return
    described = _apposition_says_org(body, end, hits) if person not in _STRONG_CUES else None
    if described is not None:
        # "Drax International, a company which ...", "Musavat, an opposition party,"
        m.type, m.cue = "organization", "org-apposition"
        m.kind = cues.org_before_kind.get(described.phrase, "")
        typed.append(m)
        return
    org_after = hits.after(end, _ORG_AFTER)
    if org_after is not None:
        m.type, m.cue = "organization", "org-phrase"
        m.kind = cues.org_after_kind.get(org_after.phrase, "")
        typed.append(m)
        return
    noun_after = _org_noun_after(body, end, hits,
                                 opens=len(words) == 1 and _sentence_start(body, start),
                                 stop=cues.prepositions)
    if noun_after is not None and len(words) == 1 and person not in _STRONG_CUES \
            and key(text) in cues.places and spelled_as_place(text):
        noun_after = None  # "a Tashkent court", "the Moscow police": the place's body
    if noun_after is not None and _PRO_ANTI.search(body, max(0, start - 5), start):
        noun_after = None  # "pro-Western parties": what the parties are for, no name
    if noun_after is not None and len(words) == 1 and body[end:noun_after.start].strip() \
            and text.lower().endswith(cues.adjective_endings):
        noun_after = None  # "Swedish telecoms company": an adjective, then the noun's kind
    if noun_after is not None and len(words) == 1 and _sentence_start(body, start) \
            and _CAPITAL_AFTER.match(body, noun_after.end):
        noun_after = None  # "Rights group Viasna said": the noun introduces the name after
    if noun_after is not None and person in _STRONG_CUES \
            and body[end:noun_after.start].strip():
        noun_after = None  # "Samdech Hun Sen remains party president": a verb between
    if noun_after is not None:
        m.type, m.cue = "organization", "org-noun-after"
        m.kind = cues.org_before_kind.get(noun_after.phrase, "")
        typed.append(m)
        return
    if len(toks) == 1 and len(text) >= 7 and text[1:].islower() \
            and text.lower().endswith(cues.org_endings) and person not in _STRONG_CUES \
            and key(text) not in cues.places:
        m.type, m.cue = "organization", "org-word-ending"  # "Roskomnadzor", "Belaruskali"
        typed.append(m)
        return
    if len(toks) == 1 and _CAMEL.match(text) and not text.startswith(cues.name_prefixes):
        m.type, m.cue, m.kind = "organization", "camel-case", "company"
        typed.append(m)
        return
    if words[-1] in cues.place_heads and len(words) >= 2 \
            and words[-2] in cues.place_head_bodies:
        m.type, m.cue = "organization", "org-head"  # "the Southern Military District"
        m.kind = cues.place_head_bodies[words[-2]]
        typed.append(m)
        return
    if words[-1] in cues.place_heads and len(words) >= 2 and not (
            _in_headline(body, start)
            and any(w.lower() in _lower_words(body) for w in words[:-1])):
        # not "Karimova Sent To Prison": a heading's words before the head
        m.type, m.cue = "place", "place-head"
        place = cues.places.get(key(text))
        if place is not None:  # "Davao City" is the data's Davao, as "DAVAO CITY" is
            m.actor_id = "place:" + slug(place)
        typed.append(m)
        return
    if hits.before(start, _PLACE_BEFORE) is not None or _place_noun_after(body, end, cues) \
            or _detention_after(body, start, end, person, cues):
        m.type, m.cue = "place", "place-noun"
        typed.append(m)
        return
    if len(words) == 1 and person not in _STRONG_CUES \
            and words[0].lower() in _lower_words(body):
        return  # "Sentenced", "Judges": a common word capitalised by a heading
    if len(words) > 1 and 2 * sum(w.lower() in _lower_words(body) for w in words) \
            > len(words) and _in_headline(body, start):
        return  # "... President Appoints Daughter Chief Of Staff": a heading's words
    if person not in _STRONG_CUES:
        place = cues.places.get(key(text))
        if place is not None and len(words) == 1 and key(text) in cues.given \
                and not _after_place_preposition(body, start, cues):
            place = None  # "Vladimir said": a given name; "in Vladimir": the city
        if place is not None and len(words) == 1 and _sentence_start(body, start) \
                and (key(text) in small_city_names() or not spelled_as_place(text)):
            place = None  # "Time and again", "War of words": a common word, not a town
        if place is not None and not text.isupper() and key(text) in alternate_only_names() \
                and not _after_place_preposition(body, start, cues) \
                and not _listed_with_place(body, start, end, cues):
            place = None  # "Hamas fighters": a foreign spelling of a town, not said a place
        if place is not None:
            m.type, m.cue, m.actor_id = "place", "place-data", "place:" + slug(place)
            typed.append(m)
            return
    if person:
        if _in_headline(body, start) and any(w.lower() in _lower_words(body) for w in words):
            return  # a heading's words after a title: "Ex-president Dead at 70"
        m.type, m.cue = "person", person
        _title_cue(m, cues, hits)
        typed.append(m)
        return
    if len(words) == 1 and words[0].lower().endswith(cues.place_suffixes) \
            and _after_place_preposition(body, start, cues):
        m.type, m.cue = "place", "place-suffix"
        typed.append(m)
        return
    if len(words) == 1 and (cues.officer_of.search(body, max(0, start - 40), start)
                            or cues.officer_after.match(body, end)):
        m.type, m.cue = "organization", "officer"  # "the head of Rosgvardia"
        typed.append(m)
        return
    if len(words) == 1 and cues.org_heads.get(text) == "media" \
            and body[max(0, start - 4):start] in ("the ", "The ") \
            and cues.outlet_after.match(body, end):
        # "The Herald reported", "the Chronicle quoted him": a newspaper named by its
        # title word alone, as the outlet's verb shows
        m.type, m.cue, m.kind = "organization", "outlet-verb", "media"
        typed.append(m)
        return
    if len(words) == 1 and _definite_name(body, start, end, cues):
        m.type, m.cue = "organization", "definite-name"  # "the Sandiganbayan ruled"
        typed.append(m)
        return
    if len(words) <= 3:
        if len(words) >= 2 and _predicate_says_person(body, start, end, words, cues):
            m.type, m.cue = "person", "predicate"
            typed.append(m)
            return
        if (cues.outlet_after.match(body, end) or _outlet_listed_before(body, end, cues)) \
                and not _in_headline(body, start) \
                and all(name_like(body, w, cues) for w in words):
            m.type, m.cue, m.kind = "organization", "outlet-verb", "media"
            typed.append(m)
            return
        if len(words) == 1 and _one_word_says_person(body, start, end, text, cues):
            m.type, m.cue = "person", "predicate-one"
            typed.append(m)
            return
        if len(words) >= 2 and _foreign_surname(body, start, end, words, cues):
            m.type, m.cue = "person", "foreign-surname"
            typed.append(m)
            return
        _title_cue(m, cues, hits)
        untyped.append(m)


def _predicate_says_person(body: str, start: int, end: int, words, cues: Cues) -> bool:
    """"Job Sikhala was released", "police arrested Godfrey Tsenengamu": what only a
    person undergoes or does, written next to a name no other cue typed; not in a
    heading's title case, nor words the article writes in lower case."""
    if not (cues.predicate_after.match(body, end)
            or cues.predicate_before.search(body, max(0, start - 24), start)):
        return False
    return not _in_headline(body, start) and all(name_like(body, w, cues) for w in words)


_QUOTE_CLOSED = re.compile(r"[,?!][\"”’'][ \t]*$")


def _one_word_says_person(body: str, start: int, end: int, word: str, cues: Cues) -> bool:
    """"Chamisa was arrested", '"We will appeal," Shoigu said': a single unknown word is a
    person's when what only a person undergoes follows it, or when it speaks right after
    a quote; not after an article ("The Cabinet resigned"), nor a word the article also
    writes in lower case, nor in a heading."""
    if len(word) < 3 or not name_like(body, word, cues) \
            or _ARTICLE_BEFORE.search(body, max(0, start - 6), start) \
            or _in_headline(body, start):
        return False
    return bool(cues.predicate_after.match(body, end)) or bool(
        _QUOTE_CLOSED.search(body, max(0, start - 4), start)
        and cues.speech_after.match(body, end))


_PEOPLE_SUFFIXES = ("ians", "ans", "ns", "ian", "an", "n", "ese", "is", "i", "ish", "s")


def _people_word(word: str, cues: Cues) -> bool:
    """A demonym or a people's name, listed or made from a place of the data:
    "Armenians", "Equatorial Guinean" ("Guinea"), "Bahraini"."""
    if word.rstrip("s") in cues.demonyms:
        return True
    for suffix in _PEOPLE_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = key(word[:-len(suffix)])
            if stem in cues.places or stem + "a" in cues.places:
                return True
    return False


_ENGLISH_SUFFIXES = ("ers", "ies", "es", "s", "er", "ing", "ed")


def _english(word: str) -> bool:
    """Whether a lower-case word is a common English word or one's plural or agent noun
    ("bottlers": "bottle")."""
    words = english_words()
    if word in words:
        return True
    for suffix in _ENGLISH_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            stem = word[:-len(suffix)]
            if stem in words or stem + "e" in words or (suffix == "ies" and stem + "y" in words):
                return True
    return False


_ABBREVIATION_AFTER = re.compile(r"[ \t]*\([ \t]*[A-Z][A-Za-z]*[A-Z]")  # " (SJB)"
# an article before a name, or a quote mark opening on it ('the "Qandy Qangtar"')
_ARTICLE_BEFORE = re.compile(r"(?:(?:^|[^\w])(?:[Tt]he|an?)[ \t]+|(?:^|[\s(])[\"“‘'])$")


def _foreign_surname(body: str, start: int, end: int, words, cues: Cues) -> bool:
    """"Douglas Mwonzora said", "Grace Mugabe attended": a name of two or three words
    that no cue typed and whose last word is no common English word (``english_words``)
    nor a given name ("Wild Arman": a nickname) is a person's, as bodies' names end in
    English nouns ("Civil Contract", "Galanz Bottlers"); not after an article or a quote
    mark ("the Jokargy Kenes") or where a site is more likely ("at Camp Crame"), nor
    before an abbreviation in brackets ("Samagi Jana Balawegaya (SJB)"), nor a people
    ("Ethnic Armenians"), a thing ("Operation Tokhang") or a heading."""
    last = words[-1].replace("'", "").replace("’", "").lower()
    prev = body[max(0, start - 12):start].rsplit(None, 1)
    return len(last) >= 3 and not _english(last) and key(last) not in cues.given \
        and not (prev and prev[-1].lower() in cues.site_preps) \
        and not _people_word(words[-1], cues) and words[0] not in cues.thing_openers \
        and not _ARTICLE_BEFORE.search(body, max(0, start - 6), start) \
        and not _ABBREVIATION_AFTER.match(body, end) and not _in_headline(body, start) \
        and all(name_like(body, w, cues) for w in words)


_PLACE_ADJECTIVE = frozenset({"based", "born", "registered", "headquartered"})
_AGENCY_CREDIT = re.compile(r"\)[ \t]*(?:--|[–—-])[ \t]")
_DATELINE = re.compile(rf"^[ \t]*{_U}{{3,}}\b[^\n(]*\($", re.M)  # "NAIROBI, Oct. 18 ("
# tails of a compound adjective written before a name ("Dutch-based", "state-owned")
_COMPOUND_TAILS = frozenset({"based", "owned", "run", "controlled", "registered", "listed",
                             "headquartered", "born", "backed", "led", "funded", "linked"})
_STRONG_CUES = frozenset({"age", "title", "noun", "initials"})        # the context says "a person"
_NAME_CUES = frozenset({"given-name", "surname-ending", "known-surname"})  # the name does
_ROMAN = re.compile(r"^[IVX]+$")  # "Nicolas Torre III"
_MODEL_NUMBER = re.compile(r"[ -]?\d")
# the first letter before the look back: the search skips to the next one in C
_LOWER_WORD = re.compile(r"[a-z](?<![\w-][a-z])[a-z]+(?![\w-])")


class _LowerWords:
    """The words (two ASCII letters or more, no hyphen or other word character
    joined) a body writes in lower case, as a set one asks about: an article asks about
    a few dozen words, each a C search of the body, not a pass over all its words.

    >>> "sentenced" in _LowerWords("Sentenced. He was sentenced-ish, re-sentenced.")
    False
    >>> "sentenced" in _LowerWords("He was sentenced."), "he" in _LowerWords("He")
    (True, False)
    """

    __slots__ = ("body", "known")

    def __init__(self, body: str):
        self.body = body
        self.known: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        found = self.known.get(word)
        if found is None:
            found = self.known[word] = len(word) > 1 and word.isascii() and \
                word.isalpha() and word.islower() and self._written(word)
        return found

    def _written(self, word: str) -> bool:
        body, n = self.body, len(word)
        at = body.find(word)
        while at >= 0:
            end = at + n
            if (at == 0 or not _joins(body[at - 1])) and \
                    (end == len(body) or not _joins(body[end])):
                return True
            at = body.find(word, at + 1)
        return False


def _joins(c: str) -> bool:
    """Does ``c`` join the letters next to it into one word (a word character, "-")?"""
    return c.isalnum() or c in "_-"


@lru_cache(maxsize=4)
def _lower_words(body: str) -> _LowerWords:
    """The words the body writes in lower case (for the article being read)."""
    return _LowerWords(body)


def _is_acronym(text: str, cues: Cues) -> bool:
    return bool(_ACRONYM.match(text)) and text not in cues.acronym_stop \
        and sum(c.isupper() for c in text) >= 2


def _acronym_compound(text: str, cues: Cues) -> bool:
    """"PDP-Laban", "Lakas-CMD": an acronym and a capitalised word joined by a hyphen
    name a party or a body; not "US-Russia", "NATO-Russia" (a place or a stop word)."""
    parts = text.split("-")
    if len(parts) != 2 or not all(parts):
        return False
    acronyms = [p for p in parts if _is_acronym(p, cues)]
    words = [p for p in parts if p[0].isupper() and p[1:].islower()]
    return len(acronyms) == 1 and len(words) == 1 and len(words[0]) >= 3 \
        and key(words[0]) not in cues.places and words[0] not in cues.demonyms \
        and words[0] not in cues.stopwords and not _is_title_word(words[0], cues)


# "Nasha Niva and Zerkalo reported": a name of one to three words after "and"
_AND_NAME = re.compile(r"[ \t]+and[ \t]+[A-Z][\w.’'-]*(?:[ \t]+[A-Z][\w.’'-]*){0,2}")


def _outlet_listed_before(body: str, end: int, cues: Cues) -> bool:
    """"Nasha Niva and Zerkalo reported": the first of two names an outlet's verb
    follows is an outlet too."""
    x = _AND_NAME.match(body, end)
    return x is not None and cues.outlet_after.match(body, x.end()) is not None


def _source_closes(body: str, end: int, words, cues: Cues) -> bool:
    """"detained the chairman of KEGOC, Kazinform reported.": one word, then a verb of
    an outlet that ends the sentence, is the source of the sentence, no holder of the
    title before the comma."""
    said = cues.outlet_after.match(body, end) if len(words) == 1 else None
    return said is not None and body[said.end():said.end() + 1] in (".", ",", ";", "")


def _definite_name(body: str, start: int, end: int, cues: Cues) -> bool:
    """"the Sandiganbayan ruled", "the Taliban said": an unknown word, no English one
    ("the Constitution"), after the article, a verb or a stop after it, names an
    institution (definite_name_followers)."""
    word = body[start:end]
    return body[max(0, start - 4):start] in ("the ", "The ") and not word.isupper() \
        and not word.endswith("s") and not _english(word.lower()) \
        and word not in cues.org_heads and bool(cues.definite_name.match(body, end))


def _sentence_start(body: str, start: int) -> bool:
    """Whether a word opens a sentence, a line or a quote (capitals prove nothing)."""
    before = body[max(0, start - 4):start].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?:\n–—-•"


def _after_place_preposition(body: str, start: int, cues: Cues) -> bool:
    """"in Osh", "from Vladimir": a preposition that may introduce a place right before."""
    prev = body[max(0, start - 20):start].rstrip().rsplit(None, 1)
    return bool(prev) and prev[-1].lower() in cues.place_preps


_LIST_BEFORE = re.compile(r"([A-Z][\w-]*)(?:,[ \t]+(?:and[ \t]+)?|[ \t]+(?:and|or)[ \t]+)$")
_LIST_AFTER = re.compile(r"(?:,[ \t]+(?:and[ \t]+)?|[ \t]+(?:and|or)[ \t]+)([A-Z][\w-]*)")


def _listed_with_place(body: str, start: int, end: int, cues: Cues) -> bool:
    """"Gomel, Grodno, Brest and Mogilev": a word in a list next to a town or region of
    the data (its own name, not another alternate) is a place too; next to a country
    it need not be ("Israel and Hamas")."""
    for m in (_LIST_BEFORE.search(body, max(0, start - 40), start),
              _LIST_AFTER.match(body, end)):
        if m is None:
            continue
        k = key(m.group(1))
        if cues.places.get(k) not in (None, *country_names()) \
                and k not in alternate_only_names():
            return True
    return False


def _place_noun_after(body: str, end: int, cues: Cues) -> bool:
    """"Rushon district", "the Vamardara area": a lower-case place noun right after."""
    m = _NEXT_WORD.match(body, end)
    return bool(m) and m.group(1) in cues.place_after


def _detention_after(body: str, start: int, end: int, person: str, cues: Cues) -> bool:
    """"Chikurubi prison", "the Polar Wolf penal colony": a place of detention's noun
    right after a name that is neither a person's (by more than its ending) nor an
    adjective ("a Siberian penal colony", "a Soviet-era jail")."""
    m = cues.detention_after.match(body, end)
    if m is None or person not in ("", "surname-ending"):
        return False  # "Okrestina detention centre": an ending proves less than the noun
    words = body[start:end].split()
    if len(words) == 1 and _sentence_start(body, start):
        return False  # "Navalny prison letters": a name opening a sentence may be anyone's
    return "-" not in words[-1] and not words[-1].lower().endswith(cues.adjective_endings)


_NEXT_WORD = re.compile(r"[ \t]+([a-z]+)\b")
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]")


def _org_noun_after(body: str, end: int, hits, opens: bool = False, stop=frozenset()):
    """"Atameken business lobby", "Halyk bank": an organisation noun (lower case) right
    after the name, one lower-case word allowed in between (not after a word that
    ``opens`` a sentence: "Human rights group Viasna"; not a word of ``stop``: "X as
    party leader")."""
    h = hits.after(end, _ORG_BEFORE)
    if h is not None and body[h.start].islower():
        return h
    m = None if opens else _ONE_WORD.match(body, end)
    if m and m.group().strip() not in stop:
        h = hits.starting_at(m.end(), _ORG_BEFORE)
        if h is not None and body[h.start].islower() and h.phrase in _AFTER_NOUNS:
            return h
    return None


_APPOSITION = (r",[ \t]+(?:(who|whose)\b|((?:the|a|an|his|her|their)[ \t]+)?"
               r"(?:(?:former|ex-|then|late|new|acting)[ \t-]*)?")
_DESCRIBING_WORD = re.compile(r"[a-z][\w'’-]*[ \t]+")
_OF_AFTER = re.compile(r"[ \t]+(?:of|at)[ \t]+")
_PERSON_WORDS = _TITLE_HEADS | _NOUNS | _MODS | _DEMONYMS


def _apposition_says_person(body: str, end: int, hits, cues: Cues,
                            one_word: bool = False) -> bool:
    """"Obert Mpofu, the party's secretary general", "X, a businessman", "X, an exiled
    opposition activist", "X, who ...", "X, head of the agency": what the apposition
    after a name says it is (a title with no article only with "of" after it); "X, the
    eldest son of": a birth order may stand before a kinship term. After a ``one_word``
    name only "who" and "a/an" count."""
    m = cues.apposition.match(body, end)
    if m is None:
        return False
    strict = one_word and not (m.group(1) == "who" or (m.group(2) or "")[:2] in ("a ", "an"))
    if strict and (m.group(2) or "").rstrip() != "the":
        # a word alone is a person's only when the apposition introduces one ("Tagwirei,
        # a businessman") or names its title at once ("Chiwenga, the vice-president,"),
        # not "Gazprom, whose shares" nor "X, the country's ..."
        return False
    if m.group(1):
        return True
    pos = m.end()
    for _ in range(1 if strict else 3):  # up to two describing words before the noun
        h = hits.starting_at(pos, _PERSON_WORDS)
        while h is not None and h.labels & (_MODS | _DEMONYMS) \
                and not h.labels & (_TITLE_HEADS | _NOUNS):  # "a veteran" is one
            h = hits.after(h.end, _PERSON_WORDS)  # "the Kazakh deputy prime minister"
        if strict:
            return h is not None and bool(h.labels & _TITLE_HEADS) \
                and body[h.end:h.end + 1] in (",", ".", ";", " ")
        if h is not None and h.labels & (_TITLE_HEADS | _NOUNS):
            return bool(m.group(2)) or (bool(h.labels & _TITLE_HEADS)
                                        and _OF_AFTER.match(body, h.end) is not None)
        word = _DESCRIBING_WORD.match(body, pos) if m.group(2) else None
        if word is None:
            return False
        pos = word.end()
    return False


_POSSESSIVE_S = re.compile(r"['’]s[ \t]+")
_KIN = frozenset({"kinship", "ally_terms"})


_ORG_APPOSITION = re.compile(r",[ \t]+(?:a|an|the)[ \t]+")
_ORG_HEAD_END = re.compile(r"[ \t]*(?:[,.;:)]|[ \t](?:which|that|owned|based|controlled|run|"
                           r"linked|founded|headed|led|registered)\b)")


def _apposition_says_org(body: str, end: int, hits):
    """"Drax International, a company which", "Musavat, an opposition party,": the
    organisation noun (its hit) that heads an apposition after a name, up to two
    describing words before it; not "X, a party official" (the noun heads nothing)."""
    m = _ORG_APPOSITION.match(body, end)
    if m is None:
        return None
    pos = m.end()
    for _ in range(3):
        h = hits.starting_at(pos, _ORG_BEFORE)
        if h is not None and _ORG_HEAD_END.match(body, h.end):
            return h
        word = _DESCRIBING_WORD.match(body, pos)
        if word is None:
            return None
        pos = word.end()
    return None


def _possessor_of_kin(body: str, end: int, hits, cues: Cues) -> bool:
    """"Tsvangirai's widow", "Aliyev's eldest son", "Hun Sen's longtime ally": whose
    relative or ally a name is said to have is a person (up to two modifiers between)."""
    m = _POSSESSIVE_S.match(body, end)
    if m is None:
        return False
    pos = m.end()
    for _ in range(3):
        if hits.starting_at(pos, _KIN) is not None:
            return True
        word = _DESCRIBING_WORD.match(body, pos)
        if word is None or word.group().strip().lower() not in cues.kin_before:
            return False
        pos = word.end()
    return False


def _title_acronym(body: str, pos: int, cues: Cues) -> bool:
    """Whether a title of a body and its abbreviation in brackets end at ``pos``, the
    abbreviation's letters the title's capitals, the title's first: "Inspector General
    of Police (IGP) ", not "Head of the State Security Service (SSS) " (the body's)."""
    if not body[max(0, pos - 4):pos].rstrip().endswith(")"):
        return False  # the cheap test first: most names follow no bracket
    m = cues.title_of_body_acronym.search(body, max(0, pos - 120), pos)
    if m is None or not m.group(1)[0].isupper():
        return False  # "the chairman of the National Bank (NB)": the body's
    initials = "".join(w[0] for w in re.findall(r"[A-Za-z]+", m.group(1)) if w[0].isupper())
    return initials == m.group(2)


def _honorific_before(body: str, start: int, hits) -> bool:
    """"Gen. Bektanov", "Cde Chiwenga": a capitalised style right before a name, its dot
    only an abbreviation's ("a retired army general. War veterans ...": a sentence's)."""
    h = _back(hits, start, _HONORIFICS, " \t.")
    return h is not None and body[h.start].isupper() \
        and ("." not in body[h.end:start] or len(h.phrase) <= 4)


_AND_AFTER = re.compile(r"[ \t]+and[ \t]+[A-Z]")  # "Minister of Sport, Arts and Recreation"


def _site_by_weak_ending(body: str, start: int, end: int, word: str, cues: Cues) -> bool:
    """"a sermon in Etchmiadzin": one word after a site's preposition whose ending a town
    has as often as a surname (-in, -ski: none of ``short_surname_endings``) names no
    person by that ending; "in Pashinyan", "in Putin's" still may."""
    if word.lower().endswith(cues.short_endings) or cues.possession.match(body, end):
        return False
    prev = body[max(0, start - 12):start].rsplit(None, 1)
    return bool(prev) and prev[-1] in cues.site_preps


def _person_cue(body: str, start: int, end: int, words: list[str], cues: Cues, hits) -> str:
    if _AGE_BEFORE.search(body[max(0, start - 16):start]) or _AGE_AFTER.match(body[end:end + 8]):
        return "age"
    if (len(words) == 1 and _INITIALS.match(body, end)) or (
            len(words) == 2 and _INITIAL_TOKEN.match(words[1])
            and ("." in words[1] or body.startswith(".", end))):  # not "Operation Z"
        return "initials"  # "Sharipbayev K.K."
    if title_before(hits, start, cues):
        return "title"
    if len(words) >= 2 and words[-1] not in cues.org_heads \
            and cues.byline.search(body, max(0, start - 16), start):
        return "byline"  # "By Jairo Bolledo", not "By Khmer Times"
    noun = _back(hits, start, _NOUNS, " \t,")
    if (noun is not None and (body[noun.start].islower() or not _in_headline(body, start))) \
            or _honorific_before(body, start, hits):
        return "noun"  # not "Protesters Clash With Police": a heading's title case
    # the cues end in blanks right before the name: a comma ("..., Noordin Haji"), an
    # acronym's bracket ("(IGP) Chandana Wickramaratne") or "by" must close the text
    # before them, which is cheaper to test than any of the patterns
    lo = max(0, start - 120)
    before = body[lo:start]
    if before[-1:] in (" ", "\t"):
        before = before.rstrip(" \t")
        if (before[-1:] == "," and cues.title_of_body.search(body, lo, start)
                and not (len(words) == 1 and _AND_AFTER.match(body, end))
                and not _source_closes(body, end, words, cues)) or (
                before[-1:] == ")" and _title_acronym(body, start, cues)) or (
                before[-2:] == "by" and cues.headed_by.search(body, max(0, start - 16), start)):
            return "holder"
    if _apposition_says_person(body, end, hits, cues, one_word=len(words) == 1):
        return "apposition"  # "Tagwirei, a businessman close to ...", "Mnangagwa, who"
    if (_possessor_of_kin(body, end, hits, cues) or cues.possession.match(body, end)) \
            and not _THE_BEFORE.search(body, max(0, start - 5), start):
        # "Tsvangirai's widow", "Aliyev's eldest son"; not "the Cabinet's resignation"
        return "possessor"
    if len(words) >= 2 and words[-1] not in cues.org_heads:  # "Khmer Times"
        if key(words[-1]) in cues.known_surnames:
            return "known-surname"  # "Dariga Nazarbayeva"
        if key(words[0]) in cues.given:
            return "given-name"
        last = words[-1].lower()
        if len(last) >= 5 and last.endswith(cues.endings):
            return "surname-ending"
    elif len(words[0]) >= 6 and not words[0].isupper() \
            and words[0].lower().endswith(cues.endings if len(words[0]) >= 7
                                          else cues.short_endings) \
            and f"the {words[0]}" not in body and f"The {words[0]}" not in body \
            and not _site_by_weak_ending(body, start, end, words[0], cues):
        return "surname-ending"  # "Lukashenko pardoned", "Peskov said"; not "(the) Sandiganbayan"
    return ""
