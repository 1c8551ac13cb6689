"""Relations between actors, read by the patterns of ``seeds/patterns.yaml``.

Each pattern runs once over the article's placeholder text (:mod:`template`); a match
emits statements whose endpoints are the matched mentions (or the actors a pronoun
refers to), whose detail is the kinship term, title or charge as the lexicon normalises
it, and whose quote is the sentence. Posts get their status from "former"/"current"
words and from dismissals, never from a missing end date. A bare title ("former
president X") finds its body in the lexicon's implied bodies or in the offices file.
"""

from __future__ import annotations

import re
from bisect import bisect_right
import dataclasses
from dataclasses import dataclass
from functools import cache, lru_cache

from ..graph import schema as schema_mod
from ..graph.records import Statement
from ..graph.names import key
from .kinship import compound_detail, family_owner, modified
from .phrases import alternation, key_words, keys_like_ascii, may_hold
from .places import continent_keys
from .resolve import country_ids
from .template import CLOSE, PRONOUN_SUFFIX, compiler_for, group_of

# The endpoint types each predicate accepts (subject, object): schema.yaml says.
_ENDPOINTS = schema_mod.load().endpoint_types


@dataclass
class CompiledPattern:
    id: str
    regex: re.Pattern
    emits: list[dict]
    anchors: frozenset  # vocabulary labels; empty: run over the whole text
    starts: frozenset = frozenset()  # labels a match starts with: try only there
    actor_led: bool = False  # starts with an {AP}/{OWNER} slot: try only at actors, pronouns
    word_starts: bool = False  # ``starts`` lists words of its own (not lexicon sections)


# a pattern whose first slot (after look-behinds, alone or as alternatives in a group:
# "(?:(?<=[.!?] )|(?<!.))") is an actor or its pronoun
_LOOK_BEHIND = r"\(\?<[!=][^()]*\)"
_ACTOR_LED = re.compile(rf"(?:{_LOOK_BEHIND}|\(\?:{_LOOK_BEHIND}(?:\|{_LOOK_BEHIND})*\))*"
                        r"\{(?:AP|OWNER)[:}]")


# A section whose words the slot of another section also matches: {title} takes an
# abbreviated title ("MP A", "ex-PM B") where it takes a title head, so a pattern
# anchored on the heads runs where an abbreviation stands too.
_ANCHOR_ALSO = {"title_heads": ("title_abbreviations",)}


def _anchor_labels(anchor, own: str) -> tuple[str, ...]:
    """The vocabulary labels an ``anchors``/``starts`` entry stands for: "@section" its
    section's (and the sections its slot also matches), a word the pattern's ``own``."""
    if not str(anchor).startswith("@"):
        return (own,)
    section = str(anchor)[1:]
    return (section, *_ANCHOR_ALSO.get(section, ()))


class Rules:
    """The patterns compiled, plus the word maps that normalise their details."""

    def __init__(self, lex):
        comp = compiler_for(lex)
        self.patterns = []
        for i, p in enumerate(lex["patterns"]):
            try:
                regex = comp.compile(p["pattern"])
            except (re.error, ValueError) as exc:
                raise lex.error("patterns", i, f"pattern {p['id']}: {exc}") from None
            labels = {label for a in p.get("anchors") or []
                      for label in _anchor_labels(a, f"pattern:{p['id']}")}
            starts = frozenset(label for a in p.get("starts") or []
                               for label in _anchor_labels(a, f"pattern-start:{p['id']}"))
            actor_led = bool(comp.pronoun_first and _ACTOR_LED.match(p["pattern"]))
            words = any(not str(a).startswith("@") for a in p.get("starts") or [])
            self.patterns.append(CompiledPattern(p["id"], regex, list(p["emit"]),
                                                 frozenset(labels), starts, actor_led, words))
        norm = lambda d: {re.sub(r"\s+", " ", str(k).lower()): str(v) for k, v in d.items()}  # noqa: E731,E501
        self.maps = {"kin": norm(lex["kinship"]), "inlaw": norm(lex["kin_by_marriage"]),
                     "sub": norm(lex["subordinate_terms"]),
                     "ally": norm(lex["ally_terms"]), "headverb": norm(lex["head_verbs"]),
                     "postnoun": norm(lex["post_nouns"]),
                     "title": {}}
        self.implied = norm(lex["implied_bodies"])
        self.former = {str(w).lower().rstrip("-") for w in lex["status_former"]}
        self.current = {str(w).lower() for w in lex["status_current"]}
        self.interim = {str(w).lower() for w in lex["interim_modifiers"]}
        # "stepped down as PM": a detail spells an abbreviated title out
        synonyms = {str(k).lower(): str(v) for k, v in lex["title_synonyms"].items()}
        abbreviations = {str(w).lower() for w in lex["title_abbreviations"]}
        self.spelled = {a: synonyms[a] for a in abbreviations if a in synonyms}
        # holder -> [(the head word of the office's title, its body)]
        self.office_heads: dict[str, list[tuple[str, str]]] = {}
        for o in lex["offices"]:
            self.office_heads.setdefault(o["holder"], []).append(
                (o["title"].lower().split()[-1], o["body"]))
        self.national = {str(w).lower() for w in lex["national_titles"]}
        self.country_said = {str(w).lower() for w in lex["country_said_titles"]}
        self.national_modifiers = {str(w).lower() for w in lex["national_modifiers"]}
        self.head_titles = {str(w).lower() for w in lex["clause_words"]["head_titles"]}
        self.legislatures = {str(w).lower() for w in lex["legislatures"]}
        self.seats = norm(lex["seat_titles"])
        self.upper_houses = {str(w).lower() for w in lex["upper_houses"]}
        self.area_titles = {str(w).lower() for w in lex["area_titles"]}
        self.title_bodies = {singular_title(str(k).lower()): [str(b).lower() for b in v]
                             for k, v in lex["title_bodies"].items()}
        # one-word descriptions of a kind of body ("party": ZANU-PF is one)
        self.kind_words: dict[str, set[str]] = {}
        for word, kind in lex["definite_descriptions"].items():
            if " " not in str(word):
                self.kind_words.setdefault(str(kind), set()).add(str(word).lower())
        self.seated_posts = {singular_title(str(w).lower()) for w in lex["seated_posts"]}
        self.area_synonyms = {str(k).lower(): str(v).lower()
                              for k, v in lex["area_synonyms"].items()}
        # "His Majesty King A": a style before a title qualifies no country
        self.honorifics = {str(w).lower() for w in lex["honorifics"]}
        # "On Monday President A", "Meanwhile Attorney General B": a day, a month or a
        # sentence adverb before a title qualifies no country
        self.time_words = {str(w).lower() for w in (
            *lex["months"], *lex["weekdays"], *lex["relative"], *lex["scene_openers"],
            *lex["title_non_qualifiers"])}
        self.staff = {str(k).lower(): str(v).lower() for k, v in lex["staff_titles"].items()}
        self.spouse_titles = {str(k).lower(): (str(v["office"]).lower(), str(v["detail"]))
                              for k, v in lex["spouse_titles"].items()}
        # "A is not a relative of X", "A was never X's ally": a copula negated
        be = alternation(lex["clause_words"]["be"])
        negations = [w for w in lex["frame_modality"]["negated"] if w.isalpha()]
        neg = alternation(negations)
        terms = alternation([*lex["kinship"], *lex["ally_terms"], *lex["subordinate_terms"],
                             "related"])
        self.negated_copula = re.compile(
            rf"(?:\b(?:{be})\s+(?:{neg})|\b[a-z]+n['’]t(?:\s+(?:{be}))?"
            rf"|\b(?:{neg})\s+to\s+(?:{be}))\b"
            rf"(?:\s+[\w'’.-]+){{0,6}}?\s+(?:{terms})\b", re.IGNORECASE)
        # "A was never prime minister", "A has not served as president": a post denied
        have = alternation(lex["clause_words"]["have"])
        self.negated_post = re.compile(
            rf"(?:\b(?:{be}|{have})\s+(?:{neg})|\b[a-z]+n['’]t(?:\s+(?:{be}))?)\b"
            rf"(?:\s+[\w'’.-]+){{0,4}}?\s+(?:{alternation(lex['title_heads'])})\b",
            re.IGNORECASE)
        # a denial holds a negation or "n't": the cheap test before the two searches
        self.negation_words = (*key_words(negations), "n't", "n’t")

    def is_national(self, title: str) -> bool:
        """Is ``title`` a post of the country itself ("prime minister", "first deputy
        foreign minister")?"""
        title = singular_title(_clean(title))  # "vice presidents": a vice president's
        head, of, area = _area_split(title)
        if of and area and head.split()[-1] in self.area_titles:
            title = head  # "minister of internal affairs": a minister
        words = title.split()
        if words and words[-1] in self.area_titles and "and" in words[:-1]:
            # "lands and agriculture minister": one minister of joined areas
            words = [w.rstrip(",") for w in words if w != "and"]
            words = [w for w in words[:-1] if w not in self.national_modifiers][-2:] + \
                words[-1:]
        while len(words) > 1 and " ".join(words) not in self.national \
                and words[0] in self.national_modifiers:
            words = words[1:]
        # "tourism minister", "minister of tourism": a minister of any area (a bare
        # "secretary" names none)
        return " ".join(words) in self.national or (
            0 < len(words) <= 3 and words[-1] in self.area_titles
            and (len(words) > 1 or bool(of)))


def _area_split(title: str) -> tuple[str, str, str]:
    """A title cut before its area: "minister of tourism", "minister for foreign affairs".

    >>> _area_split("minister for foreign affairs")
    ('minister', ' for ', 'foreign affairs')
    """
    head, of, area = title.partition(" of ")
    if not of:
        head, of, area = title.partition(" for ")
    return head, of, area


@cache
def rules_for(lex) -> Rules:
    return Rules(lex)


def extract(doc) -> list:
    """All relation statements of the document (deduplicated)."""
    rules = rules_for(doc.lex)
    tpl = doc.template
    out, seen = [], set()
    present = set(doc.hits.by_label)  # the labels with a hit: one set test per pattern
    keyed = keys_like_ascii(tpl.text)  # else word starts are not trusted (see _matches)
    for pat in rules.patterns:
        if pat.anchors and (pat.anchors.isdisjoint(present) or (
                pat.starts and (keyed or not pat.word_starts)
                and pat.starts.isdisjoint(present))):
            continue  # no sentence holds an anchor (most patterns in most articles)
        for m in _matches(doc, pat):
            start, end = tpl.body_offset(m.start()), tpl.body_end(m.end())
            for emit in pat.emits:
                for st in _emit(doc, rules, pat, emit, m, start, end):
                    key = (st.predicate, st.subject_id, st.object_id, st.detail.casefold(),
                           st.span_start)
                    if key not in seen:
                        seen.add(key)
                        out.append(st)
    stated = {(st.predicate, st.subject_id, st.object_id, doc.index.at(st.span_start))
              for st in out}
    doc.clauses.describe(out)
    frames = frame_statements(doc)
    found = frames + phrase_statements(doc, out) + reference_statements(doc)
    found += described_statements(doc, out + found) + prosecutor_statements(doc)
    for st in found:
        if (st.predicate, st.subject_id, st.object_id, doc.index.at(st.span_start)) \
                not in stated:
            stated.add((st.predicate, st.subject_id, st.object_id,
                        doc.index.at(st.span_start)))
            out.append(st)
    out = _area_heads(doc, _seats(doc, out)) + staff_statements(doc, out)
    out += spouse_statements(doc, out)
    out += _ministers_of_rulers(doc, out)
    out = _holders_own_country(doc, _counterparts(doc, out))
    out += _successions(doc, out)  # the posts settled, their countries too
    return _named_countries_only(doc, _named_offices(doc, _not_negated(doc, rules, out)))


_FILLER_STEMS = frozenset({"the", "and", "for"})
_STEM = 5  # letters that tell a word's stem: "defen(ce|se)", "minis(ter|try)", "inter(ior|nal)"


@lru_cache(maxsize=8192)  # the same names and titles recur in every article
def _stems(text: str) -> frozenset[str]:
    return frozenset(w[:_STEM] for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2)


def _holders_own_country(doc, statements) -> list:
    """A bare title given the article's country by default ("Defence Minister A" in an
    article naming Ukraine most) is the country the text or offices.yaml ties its holder
    to otherwise ("Russian Defence Minister A" earlier, a post in the "Security Council of
    Russia", Putin's presidency of Russia, a sentence opening "In Russia,") or ties whoever
    appointed him to; when that country is not named, no post is read rather than a wrong
    one."""
    main = doc.main_country
    guessed = {id(st) for st in statements if st.predicate == "holds_position"
               and st.object_id == main and st.confidence <= 0.6}
    if not guessed:
        return statements
    rules = rules_for(doc.lex)
    countries = country_ids(doc.lex)
    # a body whose name holds a country ("Ministry of Defence of Russia") is that one's
    of_country = {m.actor_id: n.actor_id for m in doc.mentions if m.type == "organization"
                  for n in m.nested if n.actor_id in countries}
    firm: dict[str, set[str]] = {}
    for st in statements:
        if st.predicate == "holds_position" and st.confidence > 0.6:
            country = st.object_id if st.object_id in countries else \
                of_country.get(st.object_id)
            if country:
                firm.setdefault(st.subject_id, set()).add(country)
    appointers: dict[str, set[str]] = {}
    for st in statements:
        if st.predicate == "appointed":
            appointers.setdefault(st.object_id, set()).add(st.subject_id)

    def tied(person: str) -> set[str]:
        return firm.get(person) or {body for _, body in rules.office_heads.get(person, ())
                                    if body in countries}
    out = []
    for st in statements:
        if id(st) in guessed:
            # failing his own, the country of whoever appointed him ("Tokayev named
            # Smailov acting premier" in an article naming Russia most)
            own = tied(st.subject_id) or set().union(
                *(tied(a) for a in appointers.get(st.subject_id, ()))) or \
                _opened_in(doc, st.span_start, countries)
            if own and main not in own:
                if len(own) > 1:
                    continue
                target = next(iter(own))
                st = _to_object(st, target)
        out.append(st)
    return out


def _to_object(st, target: str):
    """The statement with another object (and the id that object gives it)."""
    return dataclasses.replace(st, object_id=target, id=Statement.make_id(
        st.article_id, st.span_start, st.span_end, st.predicate, st.subject_id, target,
        st.detail))


@lru_cache(maxsize=4)
def _counterpart_re(lex) -> re.Pattern:
    nouns = sorted((str(w) for w in lex["counterpart_nouns"]), key=len, reverse=True)
    return re.compile(r"\b(?:his|her|their)\s+(?:([A-Z][\w-]+)\s+)?(?:"
                      + "|".join(map(re.escape, nouns)) + r")\b")


def _counterparts(doc, statements) -> list:
    """"Foreign Minister A met his Azerbaijani counterpart(,) B" (or "B, his Azerbaijani
    counterpart"): B holds A's post in the demonym's country; and A's bare title, given
    the article's country by default, is not the post another person of the sentence
    holds in that country, written with its country: it is the other country the article
    names, if it names just one, else no post."""
    rules = rules_for(doc.lex)
    countries = country_ids(doc.lex)
    posts = [st for st in statements if st.predicate == "holds_position"]
    persons = [m for m in doc.mentions if m.type == "person" and m.actor_id]
    out = list(statements)
    for hit in _counterpart_re(doc.lex).finditer(doc.body):
        country = _demonym(doc, hit.group(1) or "")
        if not country:
            continue
        sent = doc.index.at(hit.start())
        after = next((m for m in persons if m.start >= hit.end()), None)
        before = next((m for m in reversed(persons) if m.end <= hit.start()), None)
        if after is not None and re.fullmatch(r",?\s*", doc.body[hit.end():after.start]):
            other = after
        elif before is not None and re.fullmatch(r",\s*", doc.body[before.end:hit.start()]):
            other = before
        else:
            continue
        titles = {st.detail for st in posts if doc.index.at(st.span_start) == sent
                  and st.subject_id != other.actor_id and st.object_id in countries
                  and rules.is_national(st.detail)}
        if len(titles) != 1:
            continue
        speaker, modality = doc.attribution.at(hit.start(), other.end) if doc.attribution \
            else ("", "reported")
        st = doc.statement("holds_position", other.actor_id, country[0][0],
                           min(hit.start(), other.start), max(hit.end(), other.end),
                           detail=next(iter(titles)), confidence=0.9, speaker=speaker,
                           modality=modality)
        out.append(st)
        posts.append(st)
    main = doc.main_country
    guessed = [st for st in posts if st.object_id == main and st.confidence <= 0.6]
    if not guessed:
        return out
    named = {m.actor_id for m in doc.mentions if m.actor_id in countries}
    fixed = []
    for st in out:
        if st.predicate == "holds_position" and st.object_id == main and \
                st.confidence <= 0.6 and any(
                # a post whose country the sentence writes ("Azerbaijani Foreign
                # Minister B"), not one implied ("Pashinyan's predecessor as prime
                # minister, A": the same post at another time)
                o.object_id == main and o.detail == st.detail and o.confidence >= 0.9
                and o.subject_id != st.subject_id
                and doc.index.at(o.span_start) == doc.index.at(st.span_start) for o in posts):
            rest = named - {main}
            if len(rest) != 1:
                continue
            target = next(iter(rest))
            st = _to_object(st, target)
        fixed.append(st)
    return fixed


_IN_OPENER = re.compile(r"\W*(?:(?:On|Last|This) \w+,? )?In (?:the )?$")


def _opened_in(doc, offset: int, countries) -> set[str]:
    """The country a sentence opens with ("In Armenia, Prime Minister A said"), if any."""
    sent = doc.sentence_of(offset)
    for m in doc.mentions:
        if m.start > sent.start + 30:
            break
        if m.start >= sent.start and m.actor_id in countries and \
                _IN_OPENER.fullmatch(doc.body, sent.start, m.start):
            return {m.actor_id}
    return set()


def _ministers_of_rulers(doc, statements) -> list:
    """A national title serving a person ("Putin's defence minister A") is a post of the
    one country that person holds a post of: A holds_position Russia as well."""
    rules = rules_for(doc.lex)
    countries = country_ids(doc.lex)
    held: dict[str, set[str]] = {}
    for st in statements:
        if st.predicate == "holds_position" and st.object_id in countries:
            held.setdefault(st.subject_id, set()).add(st.object_id)
    out = []
    for st in statements:
        if st.predicate != "subordinate_of" or not rules.is_national(st.detail):
            continue
        states = held.get(st.object_id, set())
        if len(states) == 1 and not held.get(st.subject_id, set()) & states:
            out.append(doc.statement(
                "holds_position", st.subject_id, next(iter(states)), st.span_start,
                st.span_end, detail=st.detail, confidence=0.7, speaker=st.speaker_id,
                modality=st.modality))
    return out


def _named_offices(doc, statements) -> list:
    """A national title whose office the article names is a post in that office: "the
    former Defense Minister" in an article naming the "Ministry of Defence of Belarus",
    "then chief prosecutor X" beside the "Chief Prosecutor's Office" (the words of the
    title, stem by stem, in one named body's name; ranks aside). A title's implied body
    the article does not name is the country's ("Prosecutor-General X" in Armenia)."""
    if not any(st.predicate == "holds_position" for st in statements):
        return list(statements)
    rules = rules_for(doc.lex)
    named = {n.actor_id for m in doc.mentions for n in (m, *m.nested) if n.actor_id}
    orgs: dict[str, set[str]] = {}
    own_words: dict[str, set[str]] = {}  # a body's name without the country it names
    of_country: dict[str, str] = {}  # ... and that country
    countries = country_ids(doc.lex)
    for m in doc.mentions:
        if m.type == "organization" and m.actor_id:
            orgs.setdefault(m.actor_id, set()).update(_stems(m.surface))
            place = set().union(*(_stems(n.surface) for n in m.nested
                                  if n.actor_id in countries))
            own_words.setdefault(m.actor_id, set()).update(
                _stems(m.surface) - place - _FILLER_STEMS)
            of_country.update((m.actor_id, n.actor_id) for n in m.nested
                              if n.actor_id in countries)
    seated = {(st.subject_id, st.object_id, doc.index.at(st.span_start))
              for st in statements if st.predicate == "member_of"}
    out = []
    for st in statements:
        if st.predicate != "holds_position":
            out.append(st)
            continue
        if st.object_id == doc.main_country and _clean(st.detail) in rules.seats:
            house = _house(doc, rules, st.detail)  # "Senator A" with the Senate named
            if house:
                st = _to_object(st, house[0][0])
                if _bare_title(rules, st.detail) not in rules.seated_posts:
                    st = _seat(doc, st, seated)  # "MP A": the seat is all it says
            if st is not None:
                out.append(st)
            continue
        implied = st.object_id.startswith("organization:") and st.object_id not in named
        if st.detail.split()[-1:] == ["minister"] \
                and st.object_id in orgs and _stems("ministry") - orgs[st.object_id]:
            implied = True  # "Minister of Civil Service": an area, not a body's name
        if (st.object_id in countries or implied) and rules.is_national(st.detail):
            words = [w for w in re.split(r"[\s-]+", st.detail)
                     if w not in rules.national_modifiers and w not in rules.former]
            want = _stems(" ".join(words))
            bodies = [o for o, stems in orgs.items() if len(want) > 1 and want <= stems]
            area = _stems(st.detail.partition(" of ")[2]) - _FILLER_STEMS
            if not bodies and area:  # "inspector general of police": the "Sri Lanka
                # Police", a body named by those words and its country's name alone
                bodies = [o for o, stems in own_words.items() if stems == area
                          and of_country.get(o, st.object_id) == st.object_id]
            if not bodies and not implied:  # "Senator A" beside "the Senate"
                bodies = [o for o in _bodies_of_title(doc, rules, st.detail)
                          if of_country.get(o, st.object_id) == st.object_id]
            target = bodies[0] if len(bodies) == 1 else (
                (doc.main_country or "") if implied else "")
            if target and target != st.object_id:
                st = _to_object(st, target)
                bare = _bare_title(rules, st.detail)
                if bare in rules.seats and bare not in rules.seated_posts:
                    st = _seat(doc, st, seated)  # "lawmaker A" beside the National Assembly
        if st is not None:
            out.append(st)
    return out


def _seat(doc, st, seated: set):
    """A seat title's holds_position in a house as member_of it, or None when the
    sentence already says so ("Senator A", "MP B" give the seat once)."""
    where = (st.subject_id, st.object_id, doc.index.at(st.span_start))
    if where in seated:
        return None
    seated.add(where)
    return doc.statement("member_of", st.subject_id, st.object_id, st.span_start,
                         st.span_end, detail="member", confidence=st.confidence,
                         speaker=st.speaker_id, modality=st.modality)


def _bare_title(rules: Rules, title: str) -> str:
    """A title without its ranks and status words: "former deputy armed forces
    commander" -> "armed forces commander"; "senators" -> "senator"."""
    words = [w for w in _clean(title).split()
             if w not in rules.national_modifiers and w not in rules.former]
    return singular_title(" ".join(words))


def _bodies_of_title(doc, rules: Rules, title: str) -> list[str]:
    """The bodies the article names of the kind a title's post belongs to (lexicon
    title_bodies): a name holding one of the kind's words, or an organisation of that
    kind ("party": ZANU-PF)."""
    kinds = rules.title_bodies.get(_bare_title(rules, title))
    if not kinds:
        return []
    found = []
    for m in doc.mentions:
        if m.type != "organization" or not m.actor_id or m.actor_id in found:
            continue
        actor = doc.gazetteer.actors.get(m.actor_id)
        name = f" {_clean(m.surface)} "
        if any(f" {k} " in name or k in (m.kind, actor.kind if actor else "")
               for k in kinds):
            found.append(m.actor_id)
    return found


_TIES = frozenset({"relative_of", "ally_of", "subordinate_of"})


def _not_negated(doc, rules: Rules, statements) -> list:
    """Ties and posts a negated copula denies are no relations: "A is not a relative of
    X", "A was never X's ally", "A was never prime minister" (the words of the term's
    clause up to the term's comma)."""
    out = []
    for st in statements:
        negated = rules.negated_copula if st.predicate in _TIES else \
            rules.negated_post if st.predicate == "holds_position" else None
        if negated is not None:
            sent = doc.sentences[doc.index.at(st.span_start)]
            lo = max(sent.start, st.span_start - 40)
            lo = max(lo, doc.body.rfind(",", lo, st.span_start) + 1)
            hi = doc.body.find(",", st.span_start, st.span_end)
            hi = st.span_end if hi < 0 else hi
            if may_hold(doc.body, lo, hi, rules.negation_words) \
                    and negated.search(doc.body, lo, hi):
                continue
        out.append(st)
    return out


def _named_countries_only(doc, statements) -> list:
    """A post in a country the article only qualifies ("Zimbabwean President X", "the
    Georgian defence minister") and never names is no relation: its object would be an
    actor the text does not name (tests/gold/README.md: adjectives are no entities)."""
    countries = country_ids(doc.lex)
    named = {n.actor_id for m in doc.mentions for n in (m, *m.nested) if n.actor_id}

    answers: dict[str, bool] = {}  # per country (a decorator per call costs more)

    def written(country: str) -> bool:
        """Named, as a mention or inside a longer one ("the president of Kazakhstan")."""
        if country not in answers:
            actor = doc.gazetteer.actors.get(country)
            names = [actor.name, *actor.aliases] if actor else []
            answers[country] = country in named or any(
                re.search(rf"\b{re.escape(n)}\b", doc.body) for n in names if n)
        return answers[country]
    # a continent has no posts ("Lukashenko, Europe's longest-serving leader")
    continents = {m.actor_id for m in doc.mentions if m.type == "place"
                  and key(m.surface) in continent_keys()}
    return [st for st in statements if not (
        st.predicate == "holds_position" and (st.object_id in continents or (
            st.object_id in countries and not written(st.object_id))))]


def _area_heads(doc, statements) -> list:
    """A head's title that names its body's area ("Kyrgyzstan's security chief A") is a
    post in the one body the article names with that word (the State Committee for
    National Security), not in the country; a national title ("defence minister") stays
    the country's."""
    rules = rules_for(doc.lex)
    orgs: dict[str, set[str]] = {}
    for m in doc.mentions:
        if m.type == "organization" and m.actor_id:
            for w in m.surface.lower().split():
                orgs.setdefault(w, set()).add(m.actor_id)
    ministries = orgs.get("ministry", set())
    out = []
    for st in statements:
        words = st.detail.split()
        if st.predicate == "holds_position" and st.object_id.startswith("place:") and \
                len(words) > 1 and words[-1] in rules.area_titles:
            # "Defence Minister A" in an article that names the Defence Ministry: a post
            # in the ministry (tests/gold/README.md: the country only when no body is)
            bodies = set.intersection(*[orgs.get(w, set()) & ministries for w in words[:-1]
                                        if w not in rules.national_modifiers
                                        and w not in rules.former] or [set()])
            if len(bodies) == 1:
                st = doc.statement("holds_position", st.subject_id, next(iter(bodies)),
                                   st.span_start, st.span_end, detail=st.detail,
                                   confidence=st.confidence, status=st.status,
                                   speaker=st.speaker_id, modality=st.modality)
        elif st.predicate == "holds_position" and st.object_id.startswith("place:") and \
                len(words) > 1 and words[-1] in rules.head_titles and \
                not rules.is_national(st.detail):
            bodies = set()
            for w in words[:-1]:
                if w not in rules.national_modifiers and w not in rules.former:
                    bodies |= orgs.get(w, set())
            if len(bodies) == 1:
                st = doc.statement("holds_position", st.subject_id, next(iter(bodies)),
                                   st.span_start, st.span_end, detail=st.detail,
                                   confidence=st.confidence, status=st.status,
                                   speaker=st.speaker_id, modality=st.modality)
        out.append(st)
    return out


def _seats(doc, statements) -> list:
    """A "member" title is a seat, not a post: holds_position ... member -> member_of
    ("A, a member of the Security Council"; "A, a Jogorku Kenesh deputy": a deputy of a
    legislature, a seat title of the lexicon), once per sentence."""
    out, seats = [], set()
    rules = rules_for(doc.lex)
    legislatures = {m.actor_id for m in doc.mentions if m.type == "organization" and
                    rules.legislatures & set(m.surface.lower().split())}
    for st in statements:
        if st.predicate == "member_of":
            seats.add((st.subject_id, st.object_id, doc.index.at(st.span_start)))
    for st in statements:
        if st.predicate == "holds_position" and (
                st.detail.split()[-1:] in (["member"], ["members"]) or (
                    st.detail in ("deputy", "deputies") and st.object_id in legislatures)):
            where = (st.subject_id, st.object_id, doc.index.at(st.span_start))
            if where in seats or st.object_id.startswith("place:"):
                continue
            seats.add(where)
            st = doc.statement("member_of", st.subject_id, st.object_id, st.span_start,
                               st.span_end, detail="member", confidence=st.confidence,
                               speaker=st.speaker_id, modality=st.modality)
        out.append(st)
    return out


def _holders(posts, status: str = "") -> dict[tuple[str, str], set[str]]:
    """(body, title) -> the persons the posts give that title there now (or, with
    ``status`` "former", the ones who held it before)."""
    holders: dict[tuple[str, str], set[str]] = {}
    for st in posts:
        if st.predicate == "holds_position" and (st.status == "former") == (status == "former"):
            holders.setdefault((st.object_id, st.detail), set()).add(st.subject_id)
    return holders


def spouse_statements(doc, posts) -> list:
    """The marriage a spouse title names ("First Lady A" in an article whose one
    president of that country is B: A is B's wife; "former first lady C" where the one
    former president is D: D's), from the lexicon's spouse_titles."""
    titles = rules_for(doc.lex).spouse_titles
    spouses = [st for st in posts if st.predicate == "holds_position"
               and st.detail.lower() in titles]
    if not spouses:
        return []
    holders = _holders(posts)
    former = _holders(posts, "former")
    out, seen = [], set()
    for st in spouses:
        office, detail = titles[st.detail.lower()]
        heads = (former if st.status == "former" else holders).get(
            (st.object_id, office), set()) - {st.subject_id}
        if len(heads) != 1 or st.subject_id in seen:
            continue
        seen.add(st.subject_id)
        out.append(doc.statement("relative_of", st.subject_id, next(iter(heads)),
                                 st.span_start, st.span_end, detail=detail, confidence=0.6,
                                 speaker=st.speaker_id, modality=st.modality))
    return out


def staff_statements(doc, posts) -> list:
    """The chain of command a staff title names ("presidential press secretary A" in an
    article whose one president of that country is B: A is B's subordinate), from the
    lexicon's staff_titles (modifier -> the title of the one served)."""
    rules = rules_for(doc.lex)
    holders = _holders(posts)
    out, seen = [], set()
    for st in posts:
        if st.predicate != "holds_position" or " " not in st.detail:
            continue
        modifier, title = st.detail.split(" ", 1)
        served = rules.staff.get(modifier)
        chiefs = holders.get((st.object_id, served), set()) - {st.subject_id}
        if not served or len(chiefs) != 1 or (st.subject_id, title) in seen:
            continue
        seen.add((st.subject_id, title))
        out.append(doc.statement("subordinate_of", st.subject_id, next(iter(chiefs)),
                                 st.span_start, st.span_end, detail=title, confidence=0.6,
                                 speaker=st.speaker_id, modality=st.modality))
    return out


def phrase_statements(doc, posts) -> list:
    """Kinship, subordinates, allies and posts read from relational noun phrases and
    their appositions (:meth:`clauses.Clauses.relational`); ``posts``: the statements
    already read, whose posts tell who a definite description ("the first president")
    is."""
    rules = rules_for(doc.lex)
    out = []
    tpl = doc.template
    for predicate, members, owners, detail, r, last, sent_i in doc.clauses.relational(posts):
        toks = doc.clauses.tokens(sent_i)
        start = tpl.body_offset(toks[r].start)
        end = tpl.body_end(toks[min(last, len(toks)) - 1].end)
        speaker, modality = doc.attribution.at(start, end) if doc.attribution \
            else ("", "reported")
        allowed_s, allowed_o = _ENDPOINTS[predicate]
        if predicate == "holds_position":
            words = detail.split()
            before = toks[r - 1].low if r else ""
            status = "former" if before in rules.former or (
                words and words[0] in rules.former) else ""
            detail = singular_title(" ".join(w for w in words if w not in rules.former
                                             and w not in rules.current))
        else:
            status = ""
        for subject, s_type in members:
            for obj, o_type in owners:
                if subject == obj or s_type not in allowed_s or o_type not in allowed_o:
                    continue
                out.append(doc.statement(predicate, subject, obj, start, end, detail=detail,
                                         confidence=0.8, status=status or (
                                             "unknown" if predicate == "holds_position"
                                             else ""),
                                         speaker=speaker, modality=modality))
    return out


def reference_statements(doc) -> list:
    """The posts that title references state: "Nursultan Nazarbayev, the former
    president of Kazakhstan" (the reference names its holder, resolved by
    :mod:`resolve`) -> Nazarbayev held the presidency of Kazakhstan. The body is the one
    written after the title, else the one the title implies, else (a national title
    with no qualifier) the article's country."""
    rules = rules_for(doc.lex)
    out = []
    for m in doc.mentions:
        if m.cue not in ("title-reference", "topic") or not m.title or m.type != "person" \
                or not m.actor_id:
            continue  # "topic": "Armenia charged A. The former defence minister denied"
        title = singular_title(m.title)
        targets = [(m.body_hint, m.body_hint.split(":", 1)[0])] if m.body_hint else \
            _implied(doc, rules, title, [m.actor_id])
        if not targets and rules.is_national(title) and not _qualified(doc, m.start):
            country = doc.main_country
            targets = [(country, "place")] if country else []
        speaker, modality = doc.attribution.at(m.start, m.end) if doc.attribution \
            else ("", "reported")
        for body, b_type in targets:
            if b_type not in ("organization", "place") or body == m.actor_id:
                continue
            out.append(doc.statement("holds_position", m.actor_id, body, m.start, m.end,
                                     detail=title, confidence=0.6,
                                     status="former" if m.former else "unknown",
                                     speaker=speaker, modality=modality))
    return out


_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)


def _post_statements(doc, hit, date, speaker, modality) -> list:
    """The posts an act names: "appointed X chairman of the KNB" (X holds it from the
    act's date), "dismissed X as prime minister" (X held it until then), "X replaced Y
    as speaker" (both). A bare national title's body is the country of the article."""
    rules = rules_for(doc.lex)
    title, bodies = hit.post
    frame = hit.frame
    holders = []  # (actor ids, former?)
    if frame.post == "gains":
        holders = [(hit.patients, False)]
    elif frame.post == "loses":
        holders = [(hit.patients, True)]
    elif frame.post == "replaces":
        holders = [(hit.agents, False), (hit.patients, True)]
    words = [w for w in title.split() if w not in rules.current]
    detail = singular_title(" ".join(w for w in words if w not in rules.interim) or title)
    out = []
    chiefs = [p for p, t in bodies if t == "person" and p != "@agent"]
    if ("@agent", "person") in bodies:
        chiefs += [p for p, t in hit.agents if t == "person"]
    its = ("@agent", "organization") in bodies
    if its:  # "elected A as its speaker": the agent's, else the body "its" stands for
        bodies = [a for a in hit.agents if a[1] in ("organization", "place")] or [
            (i, "organization") for i in doc.antecedents.resolve(hit.start, "its")]
    bodies = [b for b in bodies if b[1] != "person"]
    for people, former in holders:
        people = [p for p, t in people if t == "person"]
        if len(people) > 1 and _RESPECTIVELY.search(doc.body, hit.end,
                                                     doc.sentence_of(hit.start).end):
            continue  # "A and B were appointed X and Y respectively": pair-titles-respectively
        for person in people:  # "appointed X as his chief of staff": X serves him
            for chief in chiefs:
                if chief != person and not former:
                    out.append(doc.statement(
                        "subordinate_of", person, chief, hit.start, hit.end, detail=detail,
                        confidence=0.8, speaker=speaker, modality=modality))
        if chiefs and not bodies and not rules.is_national(detail):
            continue  # "as his new prime minister": a post of the country still
        targets = bodies or _implied(doc, rules, title, people)
        confidence = 0.8
        # the title follows the act ("appointed X as prime minister"), where nothing
        # can qualify it: a word before the act qualifies the agent, not this post
        if not targets and rules.is_national(detail) and not its:
            country = doc.main_country
            targets = [(country, "place")] if country else []
            confidence = 0.6
        for person in people:
            for body, _ in targets:
                if body == person:
                    continue
                out.append(doc.statement(
                    "holds_position", person, body, hit.start, hit.end, detail=detail,
                    confidence=confidence, date=date, date_field="end" if former else "start",
                    status="former" if former else "unknown", speaker=speaker,
                    modality=modality))
    return out


def _told_in_relative_clause(doc, body: str, hit) -> bool:
    """Is every mention of ``body`` in the sentence before the participle inside a
    relative clause set off by commas? "Shoigu, who has led the ministry since 2012, will
    become secretary, replacing Patrushev": the ministry is not the post Patrushev held."""
    sent = doc.sentences[hit.sentence]
    seen = [m.end for m in doc.mentions
            if m.actor_id == body and sent.start <= m.start < hit.start]
    if not seen:
        return False
    relatives = doc.clauses.flex.classes
    for end in seen:
        head = doc.body[sent.start:end]
        opener = None
        for m in _COMMA_WORD.finditer(head):
            if relatives.get(m.group(1).lower()) == "relatives":
                opener = m
        if opener is None or "," in head[opener.end():] or "," not in doc.body[end:hit.start]:
            return False
    return True


_COMMA_WORD = re.compile(r",\s+(\w+)")


def _successions(doc, statements) -> list:
    """"A replaced (succeeded) B" that names no post: the one post one side is known to
    hold is the other's too. B held the post A took (until the act): the one the
    sentence gives A ("was sworn in as president, succeeding B"), else one an act gave A
    in the article ("X appointed A head of the administration. ... She replaces B"). A
    took the one post B held (from the act): "named A to replace Defence Minister B".
    Nothing when the two sides hold different posts, nor from the posts of an A who is
    himself removed (he moves to another post) or the posts B moves to. "A was confirmed
    as B's successor": A takes B's one post when the article gives A no other."""
    frames = doc.clauses.frames()
    posts: dict[str, list] = {}
    for st in statements:
        if st.predicate == "holds_position":
            posts.setdefault(st.subject_id, []).append(st)
    given = {(p, h.sentence) for h in frames if h.frame.post == "gains" and h.happened
             for p, _ in h.patients}  # the sentences where an act gives a person a post
    # whose posts are not the one a succession gives: who is removed himself (he moves
    # on), who appoints or removes others ("A replaced B" of him is a dismissal as likely)
    not_taking = {p for h in frames if h.frame.post in ("loses", "replaces") and h.happened
                  for p, _ in h.patients}
    not_taking |= {a for h in frames if h.frame.post in ("gains", "loses") and h.happened
                   for a, _ in h.agents}
    out = []
    for hit in _succession_acts(doc):
        new, old = hit.agents, hit.patients
        if hit.voice == "nominal":  # "A was confirmed as B's successor": A took B's post,
            # when the article gives A no other (but his old one in an apposition)
            if any(not _in_apposition(doc, st, doc.sentence_of(st.span_start))
                   for a in new for st in posts.get(a, ())):
                continue
            taken = None
        else:
            taken = _taken_post(doc, hit, new, posts, given, not_taking)
        held = _one_post([st for p in old for st in posts.get(p, ())
                          if (p, doc.index.at(st.span_start)) not in given])
        if taken and held:
            continue  # both known: the same (nothing to add) or two different posts
        date = _act_date(doc, hit)
        speaker, modality = doc.attribution.at(hit.start, hit.end) if doc.attribution \
            else ("", "reported")
        for people, post, former in ((old, taken, True), (new, held, False)):
            for person in people if post else ():
                body, title = post
                if person != body and body not in {st.object_id for st in
                                                   posts.get(person, ())}:
                    out.append(doc.statement(
                        "holds_position", person, body, hit.start, hit.end, detail=title,
                        confidence=0.7, date=date, date_field="end" if former else "start",
                        status="former" if former else "unknown", speaker=speaker,
                        modality=modality))
    return out


@dataclass
class _Succession:
    """One succession told with no post: who took over (agents) from whom (patients)."""
    start: int
    end: int
    sentence: int
    voice: str
    agents: list
    patients: list


def _succession_acts(doc) -> list:
    """The successions the frames read ("A replaced B", "succeeding B", "named A to replace
    B", not "grooming his son to succeed him": no act yet) and those an act makes with a
    noun ("A was confirmed as B's successor")."""
    out = []
    frames = doc.clauses.frames()
    # "named A to replace B" (not "nominated A to replace B": a proposal, still to be
    # confirmed)
    named = {(p, h.sentence) for h in frames if h.frame.post == "gains" and h.happened
             and h.frame.name != "nominate" for p, _ in h.patients}
    for hit in frames:
        if hit.frame.post != "replaces" or hit.post or not hit.happened:
            continue
        new = [a for a, t in hit.agents if t == "person"]
        old = [p for p, t in hit.patients if t == "person"]
        if new and old and not (_infinitive(doc, hit) and not any(
                (a, hit.sentence) in named for a in new)):
            out.append(_Succession(hit.start, hit.end, hit.sentence, hit.voice, new, old))
    if "successor" not in doc.body:
        return out
    persons = [m for m in doc.mentions if m.type == "person" and m.actor_id]
    ends = {m.end: m for m in persons}
    for found in _SUCCESSOR_NOUN.finditer(doc.body):
        owner = ends.get(found.start())
        if owner is None:
            continue
        sentence = doc.sentence_of(found.start())
        if not _NAMED_AS.search(doc.body, sentence.start, owner.start):
            continue  # "B's successor, A" describes A, and tells no act
        new = next((m for m in persons if sentence.start <= m.start < owner.start), None)
        if new is not None and not doc.body[sentence.start:new.start].strip() and \
                new.actor_id != owner.actor_id:
            # "A, the head of the tax service, was confirmed as B's successor"
            out.append(_Succession(found.start(), found.end(), doc.index.at(found.start()),
                                   "nominal", [new.actor_id], [owner.actor_id]))
    return out


_SUCCESSOR_NOUN = re.compile(r"['’]s\s+(?:(?:chosen|hand-?picked|designated|anointed|"
                             r"eventual|new)\s+)?successor\b")
# "A was confirmed as" (the act that makes A the successor) before "B's successor"
_NAMED_AS = re.compile(r"\b(?:was|is|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:confirmed|"
                       r"named|appointed|approved|elected|chosen|picked|installed|"
                       r"sworn\s+in)\s+as\s+$")


def _infinitive(doc, hit) -> bool:
    """"to replace B": the act is one another verb gives ("named A to replace B")."""
    return doc.body[max(0, hit.start - 3):hit.start].lower() == "to "


def _taken_post(doc, hit, new, posts, given, not_taking):
    """The one post (body, title) the successors took by the act: the one the act's
    sentence gives them (not one they held before it: "A, who had been first deputy
    prime minister, replaced B"), else one an act gave them (not a successor removed
    from a post himself: "Chaika, dismissed as prosecutor general, replaces B as
    envoy", nor one who appoints and removes others: "President A replaced B" removed
    B), else the one the two sentences before gave them."""
    held = [st for a in new for st in posts.get(a, ()) if st.status != "former"]
    earlier = _earlier_post(doc.lex)
    sentence = doc.sentences[hit.sentence]
    if not earlier.search(doc.body, sentence.start, sentence.end):
        here = _one_post([st for st in held if doc.index.at(st.span_start) == hit.sentence
                          and not _told_in_relative_clause(doc, st.object_id, hit)
                          and not _in_apposition(doc, st, sentence)])
        if here:
            return here
    if any(st.subject_id in not_taking for st in held):
        return None
    acts = _one_post([st for st in held if (st.subject_id, doc.index.at(st.span_start))
                      in given and not earlier.search(
                          doc.body, doc.sentence_of(st.span_start).start, st.span_end)
                      and not _in_apposition(doc, st, doc.sentence_of(st.span_start))])
    if acts:
        return acts
    return _one_post([st for st in held if 0 < hit.sentence - doc.index.at(st.span_start) <= 2
                      and not earlier.search(doc.body, doc.sentence_of(st.span_start).start,
                                             st.span_end)])


def _in_apposition(doc, st, sentence) -> bool:
    """Is the post told in an apposition of its holder ("elected A, the founder of the
    Raimbek Group, to replace him")? That is the post he had, not the one he takes."""
    head = st.detail.split()[-1].lower() if st.detail else ""
    for m in doc.mentions:
        if m.actor_id == st.subject_id and sentence.start <= m.start < sentence.end \
                and doc.body.startswith(", ", m.end):
            apposition = doc.body[m.end + 2:sentence.end].split(",", 1)[0].lower()
            if head and re.search(rf"\b{re.escape(head)}\b", apposition):
                return True
    return False


def _one_post(held) -> tuple | None:
    """(body, title) of posts that are one body's (the first title told), else None; a
    current post before former ones ("Defence Minister B, a former ambassador")."""
    current = [st for st in held if st.status != "former"]
    bodies = {st.object_id for st in current or held}
    if len(bodies) != 1:
        return None
    first = min(current or held, key=lambda st: st.span_start)
    return first.object_id, first.detail


@lru_cache(maxsize=4)
def _earlier_post(lex) -> re.Pattern:
    words = sorted((str(w) for w in lex["earlier_post_words"]), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def frame_statements(doc) -> list:
    """The relations the frames read (:mod:`clauses`): agent -> patient of every act
    told as fact ("Japarov dismissed three of Tashiev's deputies – A, B and C": three
    dismissals); a denied act is stored as denied, a rumoured one as alleged, and a
    negated, prohibited or hypothetical one not at all."""
    rules = rules_for(doc.lex)
    out = []
    gained = None  # the last act of the sentence that gave a post
    for hit in doc.clauses.frames():
        if hit.frame.post == "gains" and hit.post and hit.patients:
            gained = hit
        elif hit.frame.post == "replaces" and not hit.post and hit.patients and \
                gained is not None and gained.sentence == hit.sentence and \
                doc.body[hit.start:hit.end].lower().endswith("ing"):
            # "Putin named Shoigu secretary of the Security Council, replacing
            # Patrushev": the one replaced held the post given
            hit = dataclasses.replace(hit, agents=[], post=gained.post)
        out += _hit_statements(doc, rules, hit)
    return out


def described_statements(doc, statements) -> list:
    """The acts whose patient the clause gives only by kinship ("Rahmon appointed his
    daughter as chief of staff"): the one relative of that kind the article names
    (``statements``: relative_of ones) undergoes it; nobody when it names several. The
    same for an agent so given ("was appointed prime minister by his brother")."""
    hits = [h for h in doc.clauses.frames() if h.described and not h.patients and h.agents
            or h.described_agent and not h.agents and h.patients]
    if not hits:
        return []
    kin: dict[tuple[str, str], set] = {}
    kin_of: dict[tuple[str, str], set] = {}  # (relative, term) -> whose relative
    for st in statements:
        if st.predicate in ("relative_of", "ally_of", "subordinate_of") and st.detail:
            # "sacked his longtime friend": the one friend of his the article names
            kin.setdefault((st.object_id, st.detail.split()[-1]), set()).add(st.subject_id)
        if st.predicate == "relative_of" and st.detail:
            kin_of.setdefault((st.subject_id, st.detail.split()[-1]), set()).add(st.object_id)
    rules = rules_for(doc.lex)
    inverse = doc.lex["kin_inverse"]
    genders = doc.lex["kin_genders"]
    out = []
    for hit in hits:
        owners, term = hit.described or hit.described_agent
        last = term.split()[-1]
        found = set()
        for owner, _ in owners:
            found |= kin.get((owner, last), set())
        if not found:  # "A was appointed by his father": the one A is the son of
            for owner, _ in owners:
                for other in inverse.get(last, ()):
                    found |= kin_of.get((owner, other), set())
            sex = True if last in genders["female"] else False if last in genders["male"] \
                else None
            if sex is not None:
                found = {f for f in found if doc.antecedents.female(f) is not (not sex)}
        found -= {a for a, _ in (hit.agents or hit.patients)}
        if len(found) == 1:
            if hit.described:
                hit.patients = [(found.pop(), "person")]
            else:  # "was appointed prime minister by his brother"
                hit.agents = [(found.pop(), "person")]
            out += _hit_statements(doc, rules, hit)
    return out


def prosecutor_statements(doc) -> list:
    """"Prosecutor X accepted the motion": a person titled prosecutor (lexicon
    ``trial_prosecutor``) prosecutes the article's defendant, the person its factual
    prosecution acts name most often (none when that is not one person)."""
    titles = doc.clauses.flex.trial_prosecutors
    prosecutors = [m for m in doc.mentions if m.type == "person" and m.actor_id
                   and m.title.lower() in titles]
    if not prosecutors:
        return []
    counts: dict[str, int] = {}
    for hit in doc.clauses.frames():
        if hit.frame.predicate == "prosecuted" and hit.factual:
            for p, t in hit.patients:
                if t == "person":
                    counts[p] = counts.get(p, 0) + 1
    if not counts:
        return []
    best = max(counts.values())
    top = [p for p, n in counts.items() if n == best]
    if len(top) != 1:
        return []
    out = []
    for m in prosecutors:
        if m.actor_id == top[0]:
            continue
        speaker, modality = doc.attribution.at(m.start, m.end) if doc.attribution \
            else ("", "reported")
        out.append(doc.statement("prosecuted", m.actor_id, top[0], m.start, m.end,
                                 detail="prosecutor", confidence=0.6, speaker=speaker,
                                 modality=modality))
    return out


def _act_date(doc, hit):
    """The date told of one act, if it is the act's."""
    date = doc.date_for(hit.start, hit.end)
    if date is not None and date.start >= hit.end and \
            _CLAUSE_AFTER_ACT.search(doc.body, hit.end, date.start):
        date = None  # "named X prime minister after the government resigned on Jan. 5"
    if date is not None and date.end <= hit.start and \
            _vague_apart(doc.lex).search(doc.body, date.end, hit.start):
        date = None  # "detained on Thursday, days after Tokayev sacked him"
    return date


def _hit_statements(doc, rules, hit) -> list:
    """The statements of one frame reading: the act and the posts it names."""
    frame = hit.frame
    out = []
    if not hit.happened or not ((hit.agents and hit.patients) or hit.post):
        return out
    speaker, modality = doc.attribution.at(hit.start, hit.end) if doc.attribution \
        else ("", "reported")
    if hit.modality == "denied":
        modality = "denied"
    elif hit.modality == "rumoured" and modality == "reported":
        modality = "alleged"
    date = _act_date(doc, hit)
    post_title = singular_title(" ".join(
        w for w in hit.post[0].split() if w not in rules.interim)) if hit.post else ""
    if hit.post and frame.post:
        out += _post_statements(doc, hit, date, speaker, modality)
    if not frame.predicate:
        return out
    allowed_s, allowed_o = _ENDPOINTS.get(frame.predicate, (None, None))
    for agent, a_type in hit.agents:
        if frame.relation_agents is not None and a_type not in frame.relation_agents:
            continue  # "the ruling party nominated X": a proposal, no appointment
        for patient, p_type in hit.patients:
            if agent == patient or (allowed_s and (a_type not in allowed_s
                                                   or p_type not in allowed_o)):
                continue
            who = speaker
            if frame.predicate == "accused":
                who, modality = agent, "alleged"
            out.append(doc.statement(
                frame.predicate, agent, patient, hit.start, hit.end,
                detail=frame.detail or post_title, confidence=0.8, date=date,
                speaker=who, modality=modality))
    return out


def _matches(doc, pat: CompiledPattern):
    """The pattern's matches, searched only in sentences holding one of its anchors."""
    tpl = doc.template
    if not pat.anchors:
        yield from pat.regex.finditer(tpl.text)
        return
    if pat.starts and not (pat.word_starts and not keys_like_ascii(tpl.text)):
        # (a case-blind pattern takes "ı" for i, a word the vocabulary keys apart)
        yield from _matches_at_starts(doc, pat)
        return
    if pat.actor_led:
        yield from doc.actor_led_matches(pat.regex, doc.spans_with(pat.anchors))
        return
    for start, end in doc.spans_with(pat.anchors):
        yield from pat.regex.finditer(tpl.text, start, end)


def _matches_at_starts(doc, pat: CompiledPattern):
    """Like finditer over the anchored sentences, trying only where a start word is."""
    text = doc.template.text
    done = -1
    for pos, end in doc.start_points(pat.starts, pat.anchors):
        if pos < done:
            continue
        m = pat.regex.match(text, pos, end)
        if m:
            done = m.end()
            yield m


def _actors(doc, m: re.Match, group: str, exclude=()) -> tuple[list[tuple[str, str]], bool]:
    """[(actor id, type)] a group names, and whether a pronoun was resolved for it."""
    tpl = doc.template
    text = group_of(m, group)
    if text:
        return [(x.actor_id, x.type) for x in tpl.placeholders(text)], False
    pron = group_of(m, group + PRONOUN_SUFFIX)
    if pron:
        at = tpl.body_offset(m.start(group + PRONOUN_SUFFIX))
        # a {PAIR} slot's "they" is two persons, no more
        ids = doc.antecedents.pair(at, exclude) if group == "pair" else \
            doc.antecedents.resolve(at, pron, exclude)
        types = doc.actor_types
        return [(i, types.get(i, "person")) for i in ids], True
    return [], False


def _demonym(doc, text: str) -> list[tuple[str, str]]:
    dem = {str(k).lower(): v for k, v in doc.lex["demonyms"].items()}
    actor_id = dem.get(text.lower())
    return [(actor_id, "place")] if actor_id else []


def _emit(doc, rules: Rules, pat: CompiledPattern, emit: dict, m: re.Match, start: int,
          end: int):
    predicate = emit["predicate"]
    detail = _detail(rules, emit.get("detail", ""), m)
    subjects, sub_pron = [], False
    for subj in emit["subject"] if isinstance(emit["subject"], list) else [emit["subject"]]:
        if subj == "@antecedent":
            subjects, sub_pron = _described_person(doc, m), True
        else:
            subjects, sub_pron = _endpoint(doc, m, subj)
        if subjects:
            break
    if not subjects:
        return
    confidence = 0.9
    objects: list[tuple[str, str]] = []
    obj_pron = False
    for obj in emit["object"] if isinstance(emit["object"], list) else [emit["object"]]:
        if obj == "@country":  # "headed the presidential administration": the state's
            country = doc.main_country
            objects = [(country, "place")] if country else []
            confidence = 0.6
        elif obj == "@others":  # "the two men are allies": each of the other
            objects = subjects
        elif obj == "@last_country":  # "ruled the country": the article's, named last
            country = _last_country(doc, start)
            objects = [(country, "place")] if country == doc.main_country and (
                rules.is_national(detail) or detail in rules.country_said) else []
            confidence = 0.6
        elif obj.startswith("@house"):  # "@house:seat": the legislature "Senator A" sits in
            seat_group = obj.partition(":")[2] or "seat"
            at = doc.template.body_offset(m.start(seat_group))
            objects = [] if _qualified(doc, at) else \
                _house(doc, rules, group_of(m, seat_group) or "")
        elif obj.startswith("@implied"):  # "@implied:title2": the body group title2 implies
            title_group = obj.partition(":")[2] or "title"
            title = group_of(m, title_group) or ""
            # "the presidency": the title a post noun names
            title = rules.maps.get(title_group, {}).get(_clean(title), title)
            objects = _implied(doc, rules, title, [s for s, _ in subjects]) or \
                _area_body(doc, rules, title) or (
                    [] if _after_actor(m, title_group) else _kind_body(doc, rules, title))
            confidence = 0.8
            at = doc.template.body_offset(m.start(title_group))
            # "the country's leader": a title that is national when its country is said
            said = (_clean(title).split() or [""])[-1] in rules.country_said and \
                _THE_COUNTRYS.search(doc.body, max(0, at - 40), at) is not None
            if not objects and (said or rules.is_national(title)) and not _qualified(doc, at):
                country = doc.main_country
                objects = [(country, "place")] if country else []
                confidence = 0.6
        else:
            objects, obj_pron = _endpoint(doc, m, obj, exclude={s for s, _ in subjects})
            if emit.get("object_words") and not any(
                    w in (ph.surface + m.string[m.end(obj):m.end(obj) + 8]).lower()
                    for ph in doc.template.placeholders(m.group(obj) or "")
                    for w in emit["object_words"]):
                objects = []  # "X's Republican Party": only a party is one X sits in
        if objects:
            break
    if not objects:
        return
    if predicate == "relative_of":
        if emit.get("detail") == "kin":  # "X's younger brother": the term as written
            if _clean(m.group("kin")).replace("-", " ") == detail.replace("-", " "):
                subjects = subjects[:1]  # "X's nephew A and B": one nephew, A
            detail = modified(doc.lex, doc.template.text, m.start("kin"), detail)
        detail = compound_detail(doc.lex, doc.template.text, m.start(), m.end(), detail)
        if detail is None:
            return
    if obj_pron and predicate == "relative_of":  # "his wife X": his family, his gender
        pron = group_of(m, obj + PRONOUN_SUFFIX) or ""
        owner = family_owner(doc, doc.template.body_offset(m.start(obj + PRONOUN_SUFFIX)),
                             pron, [s for s, _ in subjects], [o for o, _ in objects])
        objects = [(o, "person") for o in owner]
        if not objects:
            return
    if sub_pron or obj_pron:
        confidence = min(confidence, 0.75)
    status = _status(rules, emit.get("status", ""), m) if predicate == "holds_position" else ""
    date = doc.date_for(start, end) if emit.get("date") else None
    date_field = emit.get("date", "start")
    span_dates = _range(doc, start, end) if predicate == "holds_position" else {}
    if date is not None and (_outside_relative(doc.body, doc.sentence_of(start).start, start,
                                               end, date)
                             or any(d.start == date.start for d in span_dates.values())):
        date = None  # the main clause's date, or a range's end, is not when the post began
    speaker, modality = doc.attribution.at(start, end) if doc.attribution else ("", "reported")
    if emit.get("modality"):
        modality = emit["modality"]
    if emit.get("speaker"):
        who, _ = _endpoint(doc, m, emit["speaker"])
        speaker = who[0][0] if len(who) == 1 else speaker
    allowed_s, allowed_o = _ENDPOINTS.get(predicate, (None, None))
    for subject, s_type in subjects:
        for obj, o_type in objects:
            if not subject or not obj or subject == obj:
                continue
            if allowed_s and (s_type not in allowed_s or o_type not in allowed_o):
                continue
            own = date if predicate != "holds_position" or not date or not _aside(
                doc, doc.sentence_of(start), date, subject) else None
            st = doc.statement(predicate, subject, obj, start, end, detail=detail,
                               confidence=confidence, date=own, date_field=date_field,
                               status=status, speaker=speaker, modality=modality)
            span_dates = _range(doc, start, end, subject) \
                if predicate == "holds_position" else {}
            if span_dates:
                st = _with_range(doc, st, span_dates, predicate, subject, obj, detail)
            yield st


def _last_country(doc, offset: int) -> str:
    """The country named last before ``offset`` (itself or inside a body's name), else the
    article's."""
    countries = country_ids(doc.lex)
    last = ""
    for m in doc.mentions:
        if m.start >= offset:
            break
        for n in (m, *m.nested):
            if n.actor_id in countries:
                last = n.actor_id
    return last or doc.main_country


def _described_person(doc, m: re.Match) -> list[tuple[str, str]]:
    """The person a sentence opening with a description ("The former prime minister had
    been arrested") is about: the one person the sentence before names (as "he" or "she"
    would be read), when nothing else could be meant: no person of that sentence besides
    him, no reading of the description as a title the article gave someone (a title
    reference), no person the article titled with the same head word."""
    start = doc.template.body_offset(m.start())
    end = doc.template.body_offset(m.end())
    persons = [x for x in doc.mentions if x.type == "person" and x.actor_id]
    if any(x.start < end and start < x.end for x in persons):
        return []  # a title reference: the article named that holder already
    title = _clean(group_of(m, "title") or "")
    head = title.split()[-1] if title else ""
    if any(x.title and x.title.split()[-1].lower() == head for x in persons):
        return []
    found = {who for pron in ("he", "she") for who in doc.antecedents.resolve(start, pron)}
    if len(found) != 1:
        return []
    before = [x for x in persons if x.end <= start]
    if not before:
        return []
    sent = doc.sentence_of(before[-1].start)
    named = {x.actor_id for x in before if x.start >= sent.start}
    return [(next(iter(found)), "person")] if named == found else []


def _endpoint(doc, m: re.Match, group: str, exclude=()):
    found, pron = _actors(doc, m, group, exclude)
    if not found and group_of(m, group) and group in ("body", "body2"):
        found = _demonym(doc, m.group(group))
    return found, pron


def _detail(rules: Rules, spec: str | list, m: re.Match) -> str:
    """A detail: "=text", "@head:group" (title without acting/interim), "group+head" (a
    group's words before a head written once for two: "the defence and interior
    ministers"), or a group's
    text normalised by the word map of the same name (kin, sub, ally; titles read from
    head verbs); a list of groups: the first that matched ("the post of chairman" or
    "the chairmanship")."""
    if isinstance(spec, list):
        spec = next((g for g in spec if g.startswith("=")
                     or group_of(m, g.partition("+")[0])), "")
    if not spec:
        return ""
    if spec.startswith("="):
        return spec[1:]
    if "+" in spec:  # "area+minister": the group's words before a head the text shares
        group, _, head = spec.partition("+")
        return f"{_clean(group_of(m, group) or '')} {head}".strip()
    if spec.startswith("@head:"):
        words = _clean(group_of(m, spec[6:]) or "").split()
        return " ".join(rules.spelled.get(w, w) for w in words if w not in rules.interim)
    raw = _clean(group_of(m, spec) or "")
    if spec == "title":
        raw = " ".join(rules.spelled.get(w, w) for w in raw.split())
    mapping = rules.maps.get(spec)
    if mapping and raw in mapping:
        return mapping[raw]
    if spec == "title" and raw in rules.maps["headverb"]:
        return rules.maps["headverb"][raw]
    return singular_title(raw) if spec == "title" else raw


_PLURAL_TITLE = re.compile(r"(?:(men)|(ies)|([^s])s)$")


@lru_cache(maxsize=4096)  # a few titles recur across every article
def singular_title(title: str) -> str:
    """The title of one holder: "deputy chairmen" -> "deputy chairman".

    >>> singular_title("deputy chairmen"), singular_title("secretaries")
    ('deputy chairman', 'secretary')
    >>> singular_title("commander-in-chief of the armed forces")
    'commander-in-chief of the armed forces'
    """
    head, of, rest = title.partition(" of ")  # the body a title names keeps its number
    return _PLURAL_TITLE.sub(lambda m: "man" if m.group(1) else "y" if m.group(2)
                             else m.group(3), head) + of + rest


def _clean(text: str) -> str:
    text = " ".join(text.lower().split())  # str.split's white space is \s's
    return text.strip(" \"'“”‘’,.")


def _status(rules: Rules, spec, m: re.Match) -> str:
    if isinstance(spec, list):  # the first of the groups that matched
        spec = next((g for g in spec if group_of(m, g)), "")
    if spec.startswith("="):
        return spec[1:]
    word = (group_of(m, spec) or "").lower().rstrip("-") if spec else ""
    if word in rules.former:
        return "former"
    if word in rules.current:
        return "current"
    return "unknown"


def _after_actor(m: re.Match, group: str) -> bool:
    """Does an actor stand right before the group ("Senate Speaker A": the Senate's,
    which the pattern of a body before its title reads)?"""
    return m.string[:m.start(group)].rstrip().endswith(CLOSE)


def _kind_body(doc, rules: Rules, title: str) -> list[tuple[str, str]]:
    """The one body of its kind the article names, for a title that is a post only in a
    body of one kind and never the country's ("Speaker A" beside the Milli Majlis: its
    speaker; lexicon title_bodies). Written in capitals only, as a title before a name
    is: "the keynote speaker A" holds no post. (A national title goes to the country
    first and to the body later, with its seat: _named_offices.)"""
    written = title.strip()
    if not written[:1].isupper() or rules.is_national(written):
        return []
    bodies = _bodies_of_title(doc, rules, written)
    return [(bodies[0], "organization")] if len(bodies) == 1 else []


def _area_body(doc, rules: Rules, title: str) -> list[tuple[str, str]]:
    """The body an area title names, when the article names it: "Minister of Internal
    Affairs" -> its "Ministry of Internal Affairs"; "security chief", "spy chief" -> the
    one body named whose name has the area's word ("National Security Committee"), or
    which is of the kind the word describes ("party chairman": ZANU-PF, a party;
    definite_descriptions)."""
    head, of, area = _area_split(_clean(title))
    words = head.split()
    if not of and len(words) > 1 and words[-1] in rules.head_titles \
            and not rules.is_national(head):
        areas = {rules.area_synonyms.get(w, w) for w in words[:-1]
                 if w not in rules.national_modifiers and w not in rules.former}

        def told(m) -> set[str]:
            """The words that tell the body: its name's and its kind's."""
            actor = doc.gazetteer.actors.get(m.actor_id)
            kind = actor.kind if actor is not None and actor.kind else m.kind
            return set(m.surface.lower().split()) | rules.kind_words.get(kind, set())
        # an alliance of states heads no country's service ("Collective Security Treaty
        # Organization" is no "security chief"'s body)
        found = {m.actor_id for m in doc.mentions if m.type == "organization" and m.actor_id
                 and m.kind != "intergovernmental" and areas and areas <= told(m)}
        return [(next(iter(found)), "organization")] if len(found) == 1 else []
    if not of or not head or head.split()[-1] not in rules.area_titles:
        return []
    want = key(f"ministry of {area}")
    found = {m.actor_id for m in doc.mentions if m.type == "organization" and m.actor_id
             and key(m.surface) == want}
    return [(next(iter(found)), "organization")] if len(found) == 1 else []


def _house(doc, rules: Rules, seat: str) -> list[tuple[str, str]]:
    """The legislature a seat title sits in ("Senator A": the Senate): the one body the
    article names with a word of the lexicon's legislatures and of the seat's house
    (seat_titles, upper_houses); none or two: none (a relation joins two named actors)."""
    kind = rules.seats.get(_clean(seat))
    if kind is None:
        return []
    found = set()
    for m in doc.mentions:
        if m.type == "organization" and m.actor_id:
            words = set(m.surface.lower().split())
            if words & rules.legislatures and \
                    bool(words & rules.upper_houses) == (kind == "upper"):
                found.add(m.actor_id)
    return [(next(iter(found)), "organization")] if len(found) == 1 else []


def _implied(doc, rules: Rules, title: str, subjects: list[str]) -> list[tuple[str, str]]:
    """The body of a bare title: named by the title itself, else by the holder's office;
    only a body the article names (a relation joins two actors of the text)."""
    title = _clean(title)
    body = rules.implied.get(title)
    if body is None:
        head = title.split()[-1] if title else ""
        bodies = {body for holder in subjects
                  for h, body in rules.office_heads.get(holder, ()) if h == head}
        body = next(iter(bodies)) if len(bodies) == 1 else None
    if body not in doc.named_actors:
        return []
    return [(body, body.split(":", 1)[0])]


_QUALIFIER = re.compile(r"(?:\b([A-Z][\w-]*)(['’]s?)?|['’]s)\s+(?:(?:former|ex|then|late|"
                        r"first|vice|deputy|acting|interim)[\s-]+)*$")
# "the country's top prosecutor": the article's own country, as a bare title is
_THE_COUNTRYS = re.compile(r"\bthe\s+(?:country|nation)['’]s\s+(?:[\w-]+\s+)*$", re.IGNORECASE)
_NOT_QUALIFIERS = frozenset("the a an and but as then when after while former ex late "
                            "first acting interim new current".split())


def _qualified(doc, title_start: int) -> bool:
    """Is a title qualified by a word we could not read as its body ("Zimbabwe's
    President", "Philippine president", "Russian President" in an article on
    Kazakhstan)? Then its country is not simply the article's."""
    sent = doc.sentence_of(title_start)
    lo = max(sent.start, title_start - 40)
    before = doc.body[lo:title_start]
    m = _QUALIFIER.search(before)
    if not m or _THE_COUNTRYS.search(before):
        return False
    word = (m.group(1) or "").lower()
    if not m.group(2) and word.endswith("ed") and lo + m.start(1) == sent.start:
        return False  # a participle opening the sentence: "Jailed ex-president A"
    rules = rules_for(doc.lex)
    return bool(m.group(2)) or (bool(word) and word not in _NOT_QUALIFIERS
                                and word not in rules.former and word not in rules.current
                                and word not in rules.honorifics
                                and word not in rules.time_words)


_FROM = re.compile(r"\b(?:from|since|starting|beginning)\s+(?:the\s+)?(?:\w+\s+)?$", re.IGNORECASE)
_TO = re.compile(r"\b(?:to|until|till|through|before|up\s+to)\s+(?:the\s+)?(?:\w+\s+)?$",
                 re.IGNORECASE)


# a comma piece "who" opens: its clause is about the actor right before the comma (not so
# "which" or "where": "the KNB, which he headed from 2015", "Ukraine, where he served")
_WHO_ASIDE = re.compile(r"\s*who\b", re.IGNORECASE)


def _aside(doc, sent, d, subject: str) -> bool:
    """The date sits in a relative clause about another actor than the post's holder:
    "Kocharyan, who ruled from 1998 to 2008, was arrested after Prime Minister Pashinyan
    came to power" dates Kocharyan's rule, not Pashinyan's post."""
    left = doc.body.rfind(",", sent.start, d.start)
    if left < 0 or not _WHO_ASIDE.match(doc.body, left + 1):
        return False
    i = bisect_right(doc.mention_starts, left) - 1
    while i >= 0 and doc.mentions[i].end > left:
        i -= 1
    if i < 0 or doc.body[doc.mentions[i].end:left].strip(" )\"'"):
        return False  # no actor right before the comma: whose clause it is is unknown
    return bool(doc.mentions[i].actor_id) and doc.mentions[i].actor_id != subject


@cache
def _vague_apart(lex) -> re.Pattern:
    return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in lex['vague_apart'])})\b",
                      re.IGNORECASE)


# a clause of its own after the act: a subordinator, then a finite verb before the date
_CLAUSE_AFTER_ACT = re.compile(
    r"\b(?:after|before|when|until|because|since)\s+(?:[\w’'-]+\s+){1,8}?"
    r"(?:\w+ed|was|were|had|took|won|lost|left|came|fled)\b", re.IGNORECASE)
_RELATIVE_OPEN = re.compile(r",\s*(?:who|which|whose|whom)\b[^,;:]*$", re.IGNORECASE)


def _outside_relative(body: str, sent_start: int, start: int, end: int, d) -> bool:
    """Is date ``d`` outside the relative clause holding [start, end)? In "X, who once
    served as deputy head of the KNB, was arrested in March 2022" March is the arrest's.

    >>> t = "X, who served as head of the KNB, was arrested in March 2022."
    >>> class D: start = t.index("March")
    >>> _outside_relative(t, 0, t.index("head"), t.index(", was"), D)
    True
    """
    opened = _RELATIVE_OPEN.search(body, sent_start, end)
    if opened is None:
        return False
    close = body.find(",", end)
    return d.start < opened.start() or (close >= 0 and d.start > close)


_RELATIVE_AFTER = re.compile(r"[,—–]\s*(?:(?:a|an|the)\s+\w+\s+)?(?:which|that|who|whose)\b",
                             re.IGNORECASE)


def _range(doc, start: int, end: int, subject: str | None = None) -> dict:
    """Start and end of a post given around it: "from 2015 to 2022", "until January 6"."""
    out = {}
    sent = doc.sentence_of(start)
    for d in doc.dates_in(sent):
        if subject is not None and _aside(doc, sent, d, subject):
            continue
        before = doc.body[max(sent.start, d.start - 16):d.start]
        if d.start >= end and _RELATIVE_AFTER.search(doc.body, end, d.start):
            continue  # "..., a move that ended an arrangement in place since 2019"
        if _FROM.search(before):
            out.setdefault("start", d)
        elif _TO.search(before):
            out.setdefault("end", d)
    return out


def _with_range(doc, st, dates: dict, predicate, subject, obj, detail):
    from dataclasses import replace
    changes = {}
    for name, d in dates.items():
        changes.update({f"{name}_date": d.iso, f"{name}_precision": d.precision,
                        f"{name}_raw": d.raw})
    if "end" in dates and st.status == "unknown":
        changes["status"] = "former" if dates["end"].iso <= (doc.article.published or "9") \
            else "unknown"
    return replace(st, **changes)
