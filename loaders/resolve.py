"""Within one article: give every mention an actor, or leave it unresolved.

- A gazetteer name shared by several actors is resolved only when exactly one of them is
  named unambiguously elsewhere in the article.
- Unknown names get ``<type>:<slug>`` ids; the same name (any spelling the key folds)
  gets the same id.
- A surname or given name alone ("Zhagyparov", "Erlan") goes to the one person of the
  article whose full name has it; if two do, it stays unresolved. A place of the place
  data that is the surname of a person of the article ("Kirov") is that person.
- "(KNB)" right after an organisation's name is that organisation's acronym, here and
  wherever the article uses it again.
- "the President", "the former president", "the Kazakh president" refer to the person
  the article itself introduced with that title; failing that, to the holder of the
  office at the article's date (``seeds/lexicon/offices.yaml``) if that person is named
  in the article. Two candidates: unresolved.
- "the former KNB chief", "the powerful security chief", "Kazakhstan's former
  president": the one person the article gave that title (with that body or country)
  before, also in apposition ("X, the head of the KNB"); "the new chief" is not him.
- A surname two persons of the article share goes to the one named in full before it.
- A known body qualified by another country ("Kyrgyzstan's State Committee for National
  Security") is that country's body; one written in lower case ("the country's
  anti-corruption agency") is the body of the country the article names most.
  "Kazakhstan's Navy" is the known "Navy of Kazakhstan".
- "the council", "the ministry": the last organisation named with that head word.
- "the tycoon", "the billionaire's son": the one person the article introduced before
  with that person noun (``person_nouns``), before the name or in apposition after it.
- "the foreign troops", "the peacekeepers": the last organisation of the kind the lexicon
  gives the description (``definite_descriptions``), named at most three sentences before.
- "The 58-year-old", "the ex-KNB head", "the tycoon" opening a sentence (an age
  description or a topic noun also inside one) with no holder of that title or noun named
  before: the one person the nearest sentence before naming persons is about
  (``topic_nouns``); two there, or an age the article gave someone else: unresolved.
- "the First President": the holder ``offices.yaml`` marks ``first`` for the article's
  country; "NUP president A" is the party's president, no holder of "the President".
- Pronouns are resolved on demand by :class:`Antecedents` (nearest person before), never
  to one their place rules out (:meth:`Antecedents.cannot_be`: a quotation's speaker, "X,
  whom he", the subject of an object pronoun's clause).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from functools import cache, lru_cache

from .kinship import kin_refs
from .mentions import Mention, cues_for, name_like
from .phrases import SAYS_AFTER, SOURCE_BEFORE, alternation as _alt, key_words, may_hold, \
    relational_nouns
from .places import capital_countries, city_countries, country_names
from ..graph.names import key, slug


def resolve(body: str, typed: list[Mention], untyped: list[Mention], gazetteer, lex,
            published: str = "", hits=None, index=None) -> list[Mention]:
    """The article's mentions with actor ids, sorted, refs ("the President") included;
    given the article's sentence ``index``, descriptions of the person the sentence before
    was about too ("The 58-year-old", :func:`_topic_refs`)."""
    _relatives(typed, untyped)
    _members(body, typed, untyped, _ref_words(lex).cues)
    known = [m for m in typed if len(m.ids) == 1]
    named_ids = {m.ids[0] for m in known}
    out: list[Mention] = []
    for m in typed:
        for n in m.nested:
            if n.ids:
                n.actor_id, n.type = n.ids[0], gazetteer.actors[n.ids[0]].type
        if m.ids:
            if len(m.ids) > 1:
                named_here = [i for i in m.ids if i in named_ids]
                if len(named_here) != 1:
                    continue  # ambiguous: left unresolved rather than guessed
                m.ids = (named_here[0],)
                actor = gazetteer.actors[named_here[0]]
                m.type, m.kind = actor.type, actor.kind
            m.actor_id = m.ids[0]
        out.append(m)

    by_key: dict[str, set[str]] = defaultdict(set)   # full name key -> ids
    types: dict[str, str] = {}
    surname: dict[str, set[str]] = defaultdict(set)
    given: dict[str, set[str]] = defaultdict(set)
    tails: dict[str, set[str]] = defaultdict(set)  # last words of a longer full name
    nicknames: dict[str, set[str]] = defaultdict(set)  # "bong go"
    for m in out:
        if not m.actor_id and m.type:
            m.actor_id = f"{m.type}:{slug(m.surface)}"
        if m.actor_id:
            types[m.actor_id] = m.type
    _acronyms(body, out)
    _double_surnames(out)
    _middle_names(out, types, _ref_words(lex).cues.patronymics)
    _transliterations(out)
    surfaces: dict[str, list[str]] = defaultdict(list)
    for m in out:
        if m.actor_id:
            surfaces[m.actor_id].append(m.surface)
    for actor_id, t in types.items():
        if t != "person":
            continue
        names = list(dict.fromkeys(surfaces[actor_id]))
        if actor_id in gazetteer.actors:
            actor = gazetteer.actors[actor_id]
            names += [actor.name, *actor.aliases]
        for name in names:
            parts = key(name).split()
            while len(parts) > 2 and parts[-1] in _NAME_SUFFIXES:  # "Ferdinand Marcos Jr"
                parts.pop()
            if len(parts) >= 2:
                surname[parts[-1]].add(actor_id)
                given[parts[0]].add(actor_id)
            for k in range(1, len(parts) - 1):  # "Lopez Obrador", "Dela Rosa"
                tails[" ".join(parts[k:])].add(actor_id)
    for m in out:  # 'Christopher "Bong" Go ... Bong Go': the nickname and the surname
        if m.type == "person" and m.actor_id and m.end - m.start > len(m.surface):
            nick = _QUOTED.search(body, m.start, m.end)
            if nick is not None:
                nicknames[key(f"{nick.group(1)} {m.surface.split()[-1]}")].add(m.actor_id)

    # single-word persons typed by a cue ("Mr Oraz") join the full name of the one person
    # of the article with that surname; of a family ("Emomali Rahmon", "Ozoda Rahmon")
    # the surname alone is the one introduced first; a given name several persons share
    # stays unresolved rather than guessed, and no actor of its own
    _titled_holders(out, surname, types, gazetteer, lex, published)
    introduced = _introduced(out)
    kin = _kin_before(lex)
    given_names = _ref_words(lex).cues.given
    ambiguous = []
    for m in out:
        if m.type == "person" and m.method != "gazetteer" and " " not in m.surface.strip():
            k = key(m.surface)
            hit = _named_before(surname.get(k), introduced, m.start, body, kin) or \
                _named_before(given.get(k), introduced, m.start)
            if hit and len(hit) == 1:
                m.actor_id = next(iter(hit))
                m.role = "surname" if k in surname else "given"
            elif hit:
                ambiguous.append(m)
        elif m.type == "person" and m.method != "gazetteer" \
                and len(nicknames.get(key(m.surface), ())) == 1:
            m.actor_id, m.role = next(iter(nicknames[key(m.surface)])), "name"
        elif m.type == "person" and m.method != "gazetteer" \
                and len(tails.get(key(m.surface), ())) == 1 \
                and (key(m.surface).split()[0] not in given_names or any(
                    f" {m.surface.split()[0].lower()} " in f
                    for f in surfaces[next(iter(tails[key(m.surface)]))])):
            # "Andres Manuel Lopez Obrador ... Lopez Obrador": a double surname alone,
            # "Ronald dela Rosa ... Dela Rosa": the surname with its particle (written
            # in lower case in the full name, whatever name lists say); not
            # "Heydar Aliyev" after "Ilham Heydar Aliyev" (a given name: the father)
            m.actor_id, m.role = next(iter(tails[key(m.surface)])), "surname"
        elif m.cue == "place-data" and " " not in m.surface.strip():
            # "Kirov" the place, unless the article names a person Kirov
            hit = surname.get(key(m.surface))
            if hit and len(hit) == 1:
                m.actor_id, m.type, m.role = next(iter(hit)), "person", "surname"
    if ambiguous:
        dropped = {id(m) for m in ambiguous}
        out = [m for m in out if id(m) not in dropped]
    for m in out:
        if m.actor_id:
            by_key[key(m.surface)].add(m.actor_id)
    places = {m.end: m for m in out if m.type == "place" and m.actor_id}
    for m in untyped:
        k = key(m.surface)
        ids = by_key.get(k)
        role = "name"
        if not ids:  # "Kazakhstan's Navy": the known "Navy of Kazakhstan"
            ids = _of_country(body, m, places, gazetteer)
        if not ids and " " not in m.surface.strip():
            ids, role = _named_before(surname.get(k), introduced, m.start, body, kin), \
                "surname"
            if not ids:
                ids, role = _named_before(given.get(k), introduced, m.start), "given"
        if ids and len(ids) == 1:
            m.actor_id = next(iter(ids))
            m.type, m.role = types.get(m.actor_id, ""), role
            if not m.type and m.actor_id in gazetteer.actors:
                m.type = gazetteer.actors[m.actor_id].type
                m.kind = gazetteer.actors[m.actor_id].kind
            if m.type:
                out.append(m)
    _known_as(body, out, untyped)
    out.sort(key=lambda m: m.start)
    out = _drop_overlaps(out)
    _foreign_bodies(body, out, gazetteer, lex, hits)
    _bodies_of_countries(body, out, gazetteer, lex, hits)
    refs = _title_refs(body, out, gazetteer, lex, published, hits) + \
        _definite_refs(body, out, hits) + _description_refs(body, out, hits, lex, gazetteer) \
        + _described_bodies(body, out, hits, lex) + _noun_refs(body, out, hits) \
        + _parliament_refs(body, out, lex)
    out = sorted(out + refs, key=lambda m: m.start)
    out = _drop_overlaps(sorted(out + kin_refs(body, out, hits, lex), key=lambda m: m.start))
    if index is not None and index.sentences:
        out = _drop_overlaps(sorted(out + _topic_refs(body, out, hits, lex, index),
                                    key=lambda m: m.start))
    return out


def _relatives(typed: list[Mention], untyped: list[Mention]) -> None:
    """"Robert Mugabe ... Grace Mugabe": a name of two or three words ending in the
    surname of a person the article names in full is a person of that family; "Job
    Sikhala ... Sikhala said": one ending in a word the article also writes alone is a
    person named in full, then by surname (bodies are shortened to their first word or
    an acronym, "Gazprom Neft ... Gazprom")."""
    surnames = {key(m.surface).split()[-1] for m in typed
                if m.type == "person" and len(m.surface.split()) >= 2}
    surnames |= {key(m.surface) for m in untyped if " " not in m.surface.strip()
                 and len(m.surface) >= 4 and not m.surface.isupper()}
    found = [m for m in untyped if 2 <= len(m.surface.split()) <= 3
             and key(m.surface).split()[-1] in surnames]
    for m in found:
        m.type, m.cue = "person", "surname-of-relative"
        typed.append(m)
    if found:
        typed.sort(key=lambda m: m.start)
        gone = {id(m) for m in found}
        untyped[:] = [m for m in untyped if id(m) not in gone]


def _members(body: str, typed: list[Mention], untyped: list[Mention], cues) -> None:
    """"Job Sikhala of the Citizens Coalition for Change": a name of two or three words
    no cue typed, "of" an organisation right after it, is a member's; "Kazembe Kazembe":
    a name repeating its one word is a person's (bodies do not)."""
    orgs = {m.start for m in typed if m.type == "organization"}
    found = []
    for m in untyped:
        words = m.surface.split()
        if not 2 <= len(words) <= 3 or not all(name_like(body, w, cues) for w in words):
            continue  # "Special Rapporteur of the United Nations": a title
        of = _OF_BODY.match(body, m.end)
        if (of is not None and of.end() in orgs) or (len(words) == 2
                                                     and words[0] == words[1]):
            m.type, m.cue = "person", "member-of"
            found.append(m)
    if found:
        typed.extend(found)
        typed.sort(key=lambda m: m.start)
        gone = {id(m) for m in found}
        untyped[:] = [m for m in untyped if id(m) not in gone]


_OF_BODY = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?")
_KNOWN_AS = re.compile(r"[,(]\s*(?:(?:also|better|popularly|widely|commonly)\s+)?"
                       r"(?:known\s+as|nicknamed|called|dubbed|(?:whom|who)\s+(?:[\w-]+\s+){1,3}"
                       r"(?:call|calls|called|nickname|nicknamed|dub|dubbed))\s+[\"“‘']?$")


def _known_as(body: str, out: list[Mention], untyped: list[Mention]) -> None:
    """"Teodoro Nguema Obiang Mangue, known as Teodorin", "Ferdinand Marcos Jr.
    (nicknamed Bongbong)": the name after "known as" is another spelling of the person
    named right before its comma or bracket."""
    persons = [m for m in out if m.type == "person" and m.actor_id and m.emits]
    # ... also an acronym: "Mnangagwa, whom Zimbabweans call "ED"" is no body
    candidates = [m for m in [*out, *untyped] if (m.type in ("", "person") or (
        m.role == "acronym" and m.cue == "acronym")) and m.method != "gazetteer"
                  and " " not in m.surface.strip()]
    known: dict[str, str] = {}
    for m in candidates:
        lead = _KNOWN_AS.search(body, max(0, m.start - 40), m.start)
        if lead is None or (m.role == "acronym" and body[m.start - 1:m.start] not in "\"“‘'"):
            continue
        # the name right before the comma or bracket: "Lukashenko, who has ruled since
        # 1994, called Babariko a puppet" names no second spelling of Lukashenko
        named = [p for p in persons if p.end <= lead.start()
                 and not body[p.end:lead.start()].strip(" \t\"”’'")]
        if named:
            known.setdefault(key(m.surface), named[-1].actor_id)
    if not known:
        return
    for m in candidates:  # ... and wherever the article writes it again
        actor_id = known.get(key(m.surface))
        if actor_id:
            m.actor_id, m.type, m.role, m.cue = actor_id, "person", "name", "known-as"
            if m not in out:
                out.append(m)


def _double_surnames(mentions: list[Mention]) -> None:
    """"Sara Duterte" in an article that names "Sara Duterte-Carpio", "Liza Marcos" beside
    "Liza Araneta-Marcos": a given name with one part of a double surname is that person."""
    variants: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.type == "person" and m.actor_id and m.method != "gazetteer":
            words = m.surface.split()
            if len(words) >= 2 and words[-1].count("-") == 1:
                for part in words[-1].split("-"):
                    variants[key(" ".join([*words[:-1], part]))].add(m.actor_id)
    if not variants:
        return
    for m in mentions:
        if m.type == "person" and m.method != "gazetteer" and "-" not in m.surface:
            ids = variants.get(key(m.surface))
            if ids and len(ids) == 1:
                m.actor_id = next(iter(ids))


def _titled_holders(mentions: list[Mention], surname: dict[str, set[str]],
                    types: dict[str, str], gazetteer, lex, published: str) -> None:
    """"President Aliyev", "Armenian Prime Minister Pashinyan" in an article that never
    gives the full name: a surname alone after an office's title is the holder of that
    office at the article's date (``offices``) whose name ends in it; no holder of that
    surname, or two: the surname keeps its own actor. A surname the article gives no
    one else then stands for the holder too ("Aliyev said"), and a relative's double
    surname ("Liza Araneta-Marcos") does not take "President Marcos"."""
    for m in mentions:
        if m.type != "person" or not m.title or m.method == "gazetteer" \
                or " " in m.surface.strip() or m.actor_id != f"person:{slug(m.surface)}":
            continue
        k = key(m.surface)
        holders = {h for h in _office_holders(lex, m.title.lower(), m.body_hint, m.former,
                                              published)
                   if h in gazetteer.actors and k in _surnames_of(gazetteer.actors[h])}
        if len(holders) != 1:
            continue
        holder = next(iter(holders))
        own = m.actor_id
        for n in mentions:
            if n.actor_id == own:
                n.actor_id, n.role = holder, "surname"
        types[holder] = "person"
        surname[k] = {holder}


def _surnames_of(actor) -> set[str]:
    """The last words of a known person's name and aliases ("aliyev", "aliev")."""
    out = set()
    for name in (actor.name, *actor.aliases):
        parts = [p for p in key(name).split() if p not in _NAME_SUFFIXES]
        if len(parts) >= 2:
            out.add(parts[-1])
    return out


_VOWELS = re.compile(r"[aeiouyw'’-]")


def _skeleton(word: str) -> str:
    """The consonants of a word as romanisations agree on them: "Aleksandr", "Alexander"
    and "Alyaksandr" are "lksndr"; "Lukashenka" and "Lukashenko" are "lkshnk".

    >>> _skeleton("Alexander") == _skeleton("Alyaksandr") == "lksndr"
    True
    >>> _skeleton("Sara") == _skeleton("Sebastian")
    False
    """
    return _VOWELS.sub("", key(word).replace("x", "ks"))


def _transliterations(mentions: list[Mention]) -> None:
    """"Aleksandr Lukashenka" in an article that names "Alexander Lukashenko": a name no
    list knows whose every word has the consonants of the same word of another person's
    name of the article is that person spelt another way; not "Aliyeva" beside "Aliyev"
    (a woman's form of the surname), nor "José Eduardo dos Santos" beside "José Filomeno
    dos Santos"."""
    skeletons: dict[tuple[str, ...], set[str]] = defaultdict(set)
    persons = [m for m in mentions if m.type == "person" and m.actor_id
               and len(m.surface.split()) >= 2]
    for m in persons:
        skeletons[tuple(_skeleton(w) for w in m.surface.split())].add(m.actor_id)
    moved: dict[str, str] = {}
    for m in persons:
        if m.method == "gazetteer":
            continue
        words = m.surface.split()
        others = skeletons[tuple(_skeleton(w) for w in words)] - {m.actor_id}
        if len(others) != 1:
            continue
        other = next(iter(others))
        last = key(words[-1])
        if any(key(n.surface.split()[-1]) in (last + "a", last[:-1])
               for n in persons if n.actor_id == other):
            continue
        if other not in moved:
            moved[m.actor_id] = other
    for m in mentions:
        if m.actor_id in moved:
            m.actor_id = moved[m.actor_id]


def _middle_names(mentions: list[Mention], types: dict[str, str],
                  patronymics: tuple[str, ...]) -> None:
    """"Sergei Kuzhugetovich Shoigu" beside "Sergei Shoigu", "Rodrigo Roa Duterte" beside
    "Rodrigo Duterte": a name of three words and the article's one person named by its
    first and last words are one person, under the short name's id; with no short name,
    a Russian patronymic in the middle (``patronymic_endings``) is left out of the id, so
    that articles which drop it give the same actor. Not "Ferdinand Marcos Jr" (a
    suffix: the son of the two-word name), nor two names the gazetteer knows apart."""
    short: dict[str, set[str]] = defaultdict(set)
    long: list[Mention] = []
    for m in mentions:
        if m.type == "person" and m.actor_id:
            words = key(m.surface).split()
            if len(words) == 2:
                short[key(m.surface)].add(m.actor_id)
            elif len(words) == 3 and m.method != "gazetteer" \
                    and words[-1] not in _NAME_SUFFIXES:
                long.append(m)
    moved: dict[str, str] = {}
    for m in long:
        words = m.surface.split()
        ids = short.get(key(f"{words[0]} {words[-1]}"))
        if ids and len(ids) == 1:
            moved[m.actor_id] = next(iter(ids))
        elif not ids and words[1].lower().endswith(patronymics):
            moved[m.actor_id] = f"person:{slug(words[0] + ' ' + words[-1])}"
    moved = {old: new for old, new in moved.items() if old != new}
    for m in mentions:
        if m.actor_id in moved:
            m.actor_id = moved[m.actor_id]
            types[m.actor_id] = "person"


_APPOSITION = re.compile(r"\s*,\s*")
# a copula before a title: what its subject is or was, no reference to a holder
# "X was the president", "held the post of the head of government": the title is said of
# someone or names a post, and refers to no holder
_PREDICATIVE = re.compile(r"\b(?:(?:is|was|has\s+been|had\s+been|became|remains|remained)"
                          r"(?:\s+(?:then|still|also|once|briefly|twice))?"
                          r"|(?:post|position|office)\s+of)\s+$", re.IGNORECASE)
_POSSESSIVE = re.compile(r"\s*['’]s\s+$")
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
_NAME_WORD = re.compile(r"(?<=\s)(?!The\b)[A-Z][\w-]*\s+$")


def _qualifier(body, start, hits, countries, places) -> str:
    """The country written right before ``start``: "Kyrgyz ", "Kyrgyzstan's "."""
    demonym = hits.before(start, {"demonyms"})
    if demonym is not None:
        return countries.get(demonym.phrase, "")
    place = _possessor(body, start, places)
    return place.actor_id if place is not None else ""


def _possessor(body, start, places) -> Mention | None:
    """The place mention written as "<place>'s " right before ``start``."""
    lead = _POSSESSIVE.search(body, max(0, start - 6), start)
    return places.get(lead.start()) if lead else None


def _foreign_bodies(body, mentions, gazetteer, lex, hits) -> None:
    """"Kyrgyzstan's State Committee for National Security", "the Uzbek SSS": a known
    body of one country (the KNB: "Kazakhstan's security service") qualified by another
    is that other country's body, here and wherever the article writes it the same way."""
    countries = _ref_words(lex).cues.demonym_ids
    verbs = _ref_words(lex).cues.headline_verbs
    places = {m.end: m for m in mentions if m.type == "place" and m.actor_id}
    remap: dict[str, str] = {}
    article_country = None
    for m in mentions:
        if m.type != "organization" or m.actor_id not in gazetteer.actors:
            continue
        start, country = m.start, ""
        for _ in range(3):  # capitalised words the name left out ("State" Committee ...)
            country = _qualifier(body, start, hits, countries, places)
            word = _NAME_WORD.search(body, max(0, start - 30), start)
            if country or word is None or word.group().strip() in verbs:
                break  # not a heading's verb: "Replaces Security Council Secretary"
            start = word.start()
        own = _country_of(gazetteer, lex, m.actor_id)
        if not country and (m.surface[:1].islower() or _generic_body(m, own, gazetteer)):
            # "the country's anti-corruption agency": a description, not a name, is
            # the body of the country the article is about; so is a state body's
            # generic name ("Security Council") in an article about another country
            # that names the body's own country rarely or never
            if article_country is None:
                counts = country_counts(mentions, hits, lex)
                article_country = max(counts, key=counts.get) if counts else ""  # first named
            if m.surface[:1].islower() or counts.get(own, 0) * 3 <= counts.get(
                    article_country, 0):
                country = article_country
        if not country:
            continue
        if own and country != own and country in gazetteer.actors:
            name = f"{body[start:m.end]} of {gazetteer.actors[country].name}"
            remap[_written(m)] = remap[m.actor_id] = f"organization:{slug(name)}"
            if start < m.start:  # the name as written: "State Committee for ..."
                m.start, m.surface = start, body[start:m.end]
                m.actor_id, m.ids = remap[m.actor_id], ()
    for m in mentions:
        if m.type == "organization" and _written(m) in remap:
            m.actor_id, m.ids = remap[_written(m)], ()
        elif m.role == "acronym" and m.actor_id in remap:
            # "(SCNS)" defined after the body's name: the same body, wherever written
            m.actor_id, m.ids = remap[m.actor_id], ()


def _bodies_of_countries(body, mentions, gazetteer, lex, hits) -> None:
    """"the Senate", "the Philippine Senate", "Kazakhstan's Mazhilis": a one-word body
    name every country uses is the body of the country written before it, else of the
    country the article names most (none named: the name alone)."""
    found = [m for m in mentions if m.cue == "proper-body"]
    if not found:
        return
    countries = _ref_words(lex).cues.demonym_ids
    places = {m.end: m for m in mentions if m.type == "place" and m.actor_id}
    article_country = None
    for m in found:
        country = _qualifier(body, m.start, hits, countries, places)
        if not country:
            if article_country is None:
                article_country = main_country(mentions, hits, lex, body)
            country = article_country
        if country in gazetteer.actors:
            name = f"{m.surface} of {gazetteer.actors[country].name}"
            m.actor_id = f"organization:{slug(name)}"


_STATE_KINDS = frozenset({"state_body", "security_service", "military", "court"})


def _generic_body(m: Mention, own: str, gazetteer) -> bool:
    """A state body of one country written by a name any country's body has ("Security
    Council", "National Guard"): not an acronym, not naming its country."""
    actor = gazetteer.actors[m.actor_id]
    return bool(own) and actor.kind in _STATE_KINDS and " " in m.surface.strip() \
        and key(gazetteer.actors[own].name) not in key(m.surface)


def _of_country(body, m: Mention, places, gazetteer) -> tuple[str, ...]:
    """The gazetteer's "<name> of <country>" for "<country>'s <name>"."""
    place = _possessor(body, m.start, places)
    if place is None:
        return ()
    return gazetteer.by_key.get(key(f"{m.surface} of {place.surface}"), ())


def _written(m: Mention) -> tuple[str, bool]:
    """A name as written: its key, and whether it is a lower-case description."""
    return key(m.surface), m.surface[:1].islower()


def main_country(mentions, hits, lex, body: str = "") -> str:
    """The country the article is from: the dateline's, when the headline names it
    before any other country (:func:`_dated_from`); else the country the article names
    most (mentions of it and of its demonym); of two named as often, the one named
    first."""
    counts = country_counts(mentions, hits, lex)
    if not counts:
        return ""
    dated = _dated_from(body, mentions, hits, lex) if body else ""
    if dated in counts:
        return dated
    return max(counts, key=counts.get)  # the first of the most named: counts keeps order


def _dated_from(body, mentions, hits, lex) -> str:
    """"Georgia passes 'Russian-style' law / TBILISI, May 14 - ...": an article datelined
    in a country's capital whose headline names that country first is that country's
    news, however often it names another ("Russia" five times in a story on Georgian
    politics); a country written as a modifier ("Russia-led troops") is not named.

    >>> from qantar.loaders.pipeline import default_lexicon
    >>> from qantar.loaders.vocabulary import Hits
    >>> body = "Georgia passes law" + chr(10) * 2 + "TBILISI, May 14 - Russia, Russia."
    >>> ms = [Mention(0, 7, "Georgia", type="place", actor_id="place:georgia"),
    ...       Mention(20, 27, "TBILISI", type="place", actor_id="place:tbilisi")]
    >>> _dated_from(body, ms, Hits(body, []), default_lexicon())
    'place:georgia'
    """
    words = _ref_words(lex)
    line = next((m for m in mentions if m.type == "place" and m.start < 600
                 and m.surface.isupper() and len(m.surface) > 2
                 and body[:m.start].rstrip(" \t").endswith("\n")), None)
    if line is None:
        return ""
    capital_of = capital_countries().get(key(line.surface))
    dated = words.country_ids.get(key(capital_of)) if capital_of else ""
    if not dated:
        return ""
    demonyms = words.cues.demonym_ids
    named = [(m.start, m.actor_id) for m in mentions
             if m.start < line.start and m.actor_id in words.countries
             and body[m.end:m.end + 1] != "-"]
    named += [(h.start, demonyms[h.phrase]) for h in hits.by_label.get("demonyms", ())
              if h.start < line.start and h.phrase in demonyms
              and body[h.end:h.end + 1] != "-"]
    return dated if named and min(named)[1] == dated else ""


def country_counts(mentions, hits, lex) -> dict[str, int]:
    """Country id -> how often the article names it (itself, its demonym, in a name), in
    the order the article first names them. A country is one a demonym names or one of
    the package data's countries ("Sri Lanka")."""
    words = _ref_words(lex)
    demonyms, countries = words.cues.demonym_ids, words.countries
    named = country_names()
    found: list[tuple[int, str]] = []
    by_name: dict[str, str] = {}  # a named country's name in the data -> its id
    cities: list[tuple[int, str]] = []
    for m in mentions:  # a country inside a name counts ("Supreme Court of Kazakhstan")
        for n in (m, *m.nested):
            name = words.cues.places.get(key(n.surface)) if n.type == "place" else None
            if n.actor_id in countries or (n.actor_id and name in named):
                found.append((n.start, n.actor_id))
                by_name.setdefault(name or "", n.actor_id)
            elif name and n.actor_id:
                cities.append((n.start, name, n.surface))
    # a city counts for its country when the article names that country too ("Moscow"),
    # a capital also when it does not ("MOSCOW (Reuters) - A court ...")
    for start, city, surface in cities:
        country = by_name.get(city_countries().get(city, ""))
        if not country:
            capital_of = capital_countries().get(key(surface))
            country = words.country_ids.get(key(capital_of)) if capital_of else ""
        if country in countries:
            found.append((start, country))
    for h in hits.by_label.get("demonyms", ()):
        country = demonyms.get(h.phrase)
        if country:
            found.append((h.start, country))
    counts: dict[str, int] = {}
    for _, country in sorted(found):
        counts[country] = counts.get(country, 0) + 1
    return counts


@lru_cache(maxsize=4096)
def _country_of(gazetteer, lex, actor_id: str) -> str:
    """The country a known body belongs to, as its description or names say
    ("Kazakhstan's security service", "National Security Committee of Kazakhstan")."""
    actor = gazetteer.actors[actor_id]
    text = " ".join([actor.description or "", actor.name, *actor.aliases])
    for word, country in _ref_words(lex).cues.demonym_ids.items():
        place = gazetteer.actors.get(country)
        if place is not None and (re.search(rf"\b{re.escape(place.name)}\b", text)
                                  or re.search(rf"\b{re.escape(word)}\b", text, re.I)):
            return country
    return ""


def _introduced(mentions: list[Mention]) -> dict[str, int]:
    """Person id -> where the article first gives the full name (two words or more)."""
    first: dict[str, int] = {}
    for m in mentions:
        if m.type == "person" and m.actor_id and " " in m.surface.strip():
            first.setdefault(m.actor_id, m.start)
    return first


def _named_before(ids, introduced: dict[str, int], at: int, body: str = "",
                  kin: re.Pattern | None = None):
    """Of several persons sharing a surname, the one whose full name the article gave
    before ``at`` ("President Emomali Rahmon ... Rahmon's seven daughters, Ozoda Rahmon":
    Rahmon is the father); given ``body``, of several given before, the one given first
    if the others came in a later sentence (news prose names the other members of a
    family in full: "Emomali Rahmon ... Ozoda Rahmon ... the long-ruling Rahmon's
    daughters": the president; "Aset Abishev and his brother Marat Abishev": either),
    or, given ``kin`` (a kinship word before a name), if the others were introduced as
    a relative of someone ("Ilham Aliyev, who succeeded his father Heydar Aliyev ...
    Aliyev": the son); else one id, or two or more, are returned as they are."""
    if not ids or len(ids) < 2:
        return ids
    before = {i for i in ids if introduced.get(i, at) < at}
    if body and len(before) > 1:
        order = sorted(before, key=lambda i: introduced[i])
        if _SENTENCE_OR_LINE_END.search(body, introduced[order[0]], introduced[order[1]]):
            return {order[0]}  # (a headline ends with its line, not a full stop)
        if kin is not None:
            plain = [i for i in order if not kin.search(body, max(0, introduced[i] - 40),
                                                        introduced[i])]
            if len(plain) == 1:
                return {plain[0]}
    return before if len(before) == 1 else ids


@cache
def _kinship(lex) -> str:
    """The alternation of the kinship terms, built once for the patterns below."""
    return _alt(lex["kinship"])


@cache
def _kin_after(lex) -> re.Pattern:
    """A kinship term after an owner pronoun: "his wife", "his eldest son"."""
    return re.compile(rf"\s+(?:[a-z-]+\s+)?(?:{_kinship(lex)})\b", re.IGNORECASE)


@cache
def _kin_of(lex) -> re.Pattern:
    """A kinship term and "of" right before a title: "sons-in-law of the First President"."""
    return re.compile(rf"\b(?:{_kinship(lex)})\s+of\s+$", re.IGNORECASE)


@cache
def _kin_before(lex) -> re.Pattern:
    """A kinship word right before a name: "his father ", "Rahmon's daughter "."""
    return re.compile(rf"\b(?:{_kinship(lex)}),?\s+$", re.IGNORECASE)


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            if (m.end - m.start) > (out[-1].end - out[-1].start):
                out[-1] = m
            continue
        out.append(m)
    return out


_NAME_SUFFIXES = frozenset(key(w) for w in ("Jr", "Sr", "II", "III", "IV"))
_PAREN = re.compile(r"^\s*\(\s*$")
_QUOTED = re.compile(r"[\"“'‘]([A-Z][\w-]*)[\"”'’]")  # a nickname inside a name
_LIST_GOES_ON = re.compile(r"\s*(?:and|or)\b|\s*[A-Z]")


def _acronyms(body: str, mentions: list[Mention]) -> None:
    """"Name (ACR)": the acronym is the name's; later uses of ACR follow it."""
    alias: dict[str, str] = {}
    # "the Armed Forces of the Philippines (AFP)": a known acronym in brackets that the
    # name before it spells is that name's here, not the known one's (Agence
    # France-Presse), and so are its later uses
    spelled_here: dict[str, str] = {}
    for prev, m in zip(mentions, mentions[1:]):
        if m.ids and m.type == "organization" and prev.type == "organization" \
                and prev.actor_id and m.actor_id != prev.actor_id \
                and _PAREN.match(body[prev.end:m.start]) and body.startswith(")", m.end) \
                and m.surface in _initials(prev.surface):
            spelled_here[m.surface] = prev.actor_id
    for m in mentions:
        if m.surface in spelled_here and m.ids:
            m.actor_id = spelled_here[m.surface]
    for prev, m in zip(mentions, mentions[1:]):
        if not (m.role == "acronym" and not m.ids and prev.actor_id
                and prev.type == "organization"):
            continue
        between, after = body[prev.end:m.start], body[m.end:m.end + 6]
        if (_PAREN.match(between) and after[:1] == ")") or (
                # "the State Committee of National Security, GKNB, on suspicion": an
                # apposition, not a list ("the KNB, CSTO and ..." goes on with "and")
                between.strip() == "," and after[:1] == ","
                and not _LIST_GOES_ON.match(body, m.end + 1)):
            alias[key(m.surface)] = prev.actor_id
    # "the International Criminal Court ... the ICC": an acronym no bracket defines is
    # the one organisation of the article whose capitals it spells
    spelled: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        if m.type == "organization" and m.actor_id and m.role != "acronym" \
                and " " in m.surface.strip():
            for letters in _initials(m.surface):
                spelled[letters].add(m.actor_id)
    for m in mentions:
        if m.role == "acronym" and not m.ids:
            if key(m.surface) in alias:
                m.actor_id = alias[key(m.surface)]
            elif len(spelled.get(m.surface, ())) == 1:
                m.actor_id = next(iter(spelled[m.surface]))


def _initials(name: str) -> set[str]:
    """The acronyms a name's capitals spell, with and without the parts of hyphenated
    words: "International Criminal Court" -> ICC; "Anti-Corruption Committee" -> ACC, AC.

    >>> sorted(_initials("Anti-Corruption Committee of Armenia"))
    ['AC', 'ACA', 'ACC', 'ACCA']
    """
    words = [w for w in re.findall(r"[\w'’-]+", name) if w[:1].isupper()]
    whole = "".join(w[0] for w in words)
    parts = "".join(p[0] for w in words for p in w.split("-") if p[:1].isupper())
    out = {whole, parts}
    if len(words) > 2:  # the country an "of" adds is often left out ("ACC")
        tail = re.search(r"\s(?:of|in)\s+(?:the\s+)?[A-Z][\w-]*$", name)
        if tail:
            short = [w for w in re.findall(r"[\w'’-]+", name[:tail.start()]) if w[:1].isupper()]
            out.add("".join(w[0] for w in short))
            out.add("".join(p[0] for w in short for p in w.split("-") if p[:1].isupper()))
    return {x for x in out if len(x) >= 2}


# --- references by title and definite description ---------------------------------------

_THE = re.compile(r"(?:^|(?<=\W))the\s+$", re.IGNORECASE)


def _bare(title: str, interim) -> str:
    """A title without "acting"/"interim": "acting president" holds "the President";
    "first president" or "vice president" does not."""
    return " ".join(w for w in title.split() if w not in interim)


class _RefWords:
    def __init__(self, lex):
        self.interim = {str(w).lower() for w in lex["interim_modifiers"]}
        # singular heads a holder's title ends with ("chief", "vice president", not
        # "chiefs", "officials")
        self.singular = {str(w).lower() for w in lex["title_heads"]
                         if not str(w).endswith("s")}
        self.heads = {o["title"].lower() for o in lex["offices"]} | {"president",
                                                                       "prime minister"}
        # "the head of state" is the article's president
        self.synonyms = {str(k).lower(): str(v).lower()
                         for k, v in lex["title_synonyms"].items()}
        self.cues = cues_for(lex)
        self.countries = set(self.cues.demonym_ids.values())
        self.country_ids = {key(c.partition(":")[2].replace("-", " ")): c  # "russia"
                            for c in self.countries}
        self.descriptions = {key(k): v for k, v in lex["definite_descriptions"].items()}
        self.possessive = {key(k) for k in lex["possessive_descriptions"]}
        self.head_titles = frozenset(str(w).lower()
                                     for w in lex["clause_words"]["head_titles"])
        self.head_verbs = {str(k).lower(): str(v).lower() for k, v in lex["head_verbs"].items()}
        # "accused the former president of corruption": the verbs of frames.yaml whose
        # "of" after the object names the charge, not the title's body
        charging = [v for name in ("accuse", "suspect", "convict")
                    for v in lex["frames"][name]["verbs"]]
        self.charging = re.compile(rf"\b(?:{_alt(charging)})\s+$", re.IGNORECASE)
        self.led = re.compile(rf",?[ \t]+(?:who[ \t]+)?(?:(?:has|had)[ \t]+)?"
                              rf"({_alt(self.head_verbs)})[ \t]+(?:the[ \t]+)?", re.IGNORECASE)


@cache
def _ref_words(lex) -> _RefWords:
    return _RefWords(lex)


def country_ids(lex) -> set[str]:
    """The ids of the countries the lexicon's demonyms name."""
    return _ref_words(lex).countries


def _the_before(body: str, pos: int) -> int | None:
    """Start of "the " right before ``pos`` (None if the words before are not "the")."""
    m = _THE.search(body[max(0, pos - 8):pos])
    return pos - len(m.group()) if m else None


def _title_refs(body, mentions, gazetteer, lex, published, hits) -> list[Mention]:
    """"the President", "the former KNB chief", "the powerful security chief": the one
    person the article gave that title before; an office of ``offices.yaml`` may also
    be found by its holder at the article's date. Two candidates: no reference."""
    words = _ref_words(lex)
    starts = [m.start for m in mentions]
    ends = {m.end: m for m in mentions if m.type == "organization" and m.actor_id}
    countries = {m.end: m for m in mentions if m.actor_id in words.countries}

    found_main: list[str] = []  # main_country, once asked (a decorator per call costs more)

    def main() -> str:  # a holder with no country written serves the article's
        if not found_main:
            found_main.append(main_country(mentions, hits, lex, body))
        return found_main[0]
    mention_ends = {m.end for m in mentions}
    named_end = mention_ends.__contains__  # "USA" the place is no body before a title
    holders = [(m.start, _bare(m.title, words.interim), m.former, m.actor_id,
                m.body_hint or _titled_by(body, m, ends, hits, named_end))
               for m in mentions if m.title and m.type == "person" and m.actor_id]
    holders = sorted(holders + _led_bodies(body, mentions, words), key=lambda x: x[0])
    named = {m.actor_id for m in mentions}
    seen: list[tuple[str, bool, str, str]] = []  # (title, former, actor, body) so far
    h_k = 0
    refs = []
    for h in hits.labelled({"title_heads"}):
        phrase = words.synonyms.get(h.phrase, h.phrase)
        office = phrase in words.heads
        if body[h.end:h.end + 1] == "-" or not (office or h.phrase in words.singular):
            continue
        start, body_id, mods = h.start, "", []
        lead = hits.ending_at(h.start - 1, {"title_heads"}) \
            if body[h.start - 1:h.start] == " " else None
        if lead is not None and lead.phrase in words.singular and lead.phrase not in words.heads:
            # "the deputy prime minister": one title of two heads, not the prime minister
            phrase, office, start = f"{lead.phrase} {phrase}", False, lead.start
        # "the powerful security chief", "the former KNB chief"; not "the first
        # president", whose holder the title of a name is too loose to tell
        while not office:
            mod = hits.before(start, {"title_modifiers"})
            org = ends.get(start - 1) if body[start - 1:start] == " " else None
            if mod is not None:
                start = mod.start
                mods.append(mod.phrase)
            elif org is not None and not body_id:
                start, body_id = org.start, org.actor_id
            else:
                break
        first = office and body[start - 6:start].lower() == "first " and \
            not _NOT_FIRST_HOLDER.match(body, h.end)
        if first:  # "the First President", "Kazakhstan's first president"
            start -= 6
        status = hits.ending_at(start - 1, {"status_former", "status_current"}) \
            or hits.ending_at(start, {"status_former"})
        if status is not None:
            start = status.start
        demonym = hits.before(start, {"demonyms"})
        if demonym is not None:
            start = demonym.start
        the, country = _the_before(body, start), ""
        if the is None and demonym is None:  # "Kazakhstan's former president"
            place = _possessor(body, start, countries)
            if place is None:
                continue
            the, country = start, place.actor_id
        if the is None or _PREDICATIVE.search(body, max(0, the - 30), the):
            continue  # "X, who was the president until 2019": a description of X
        i = bisect_left(starts, h.end)
        nxt = mentions[i] if i < len(mentions) else None
        gap = body[h.end:nxt.start] if nxt else ""
        if nxt and nxt.type == "person" and re.fullmatch(r"\s*,?\s*", gap) and not (
                "," in gap and (words.cues.decree_of.search(body, max(0, h.start - 40),
                                                            h.start)
                                or _kin_of(lex).search(body, max(0, the - 40), the))):
            # "the President Kassym-Jomart Tokayev": a title, not a reference; but
            # "sons-in-law of the First President, A and B": A and B are his kin
            continue
        if words.interim & set(mods):
            continue  # "the new NSC chief" is not the chief the article named before
        joined = _AND_CAPITAL.match(body, h.end)
        if joined and hits.in_range(joined.start(1), joined.end(1), {"org_heads"}):
            continue  # "Secretary to the President and Cabinet": an office's name
        head = phrase
        former = bool(status) and status.phrase.rstrip("-") in words.cues.status_former
        end = h.end
        if demonym is not None:
            body_id = words.cues.demonym_ids.get(demonym.phrase, "")
        elif country:
            body_id = country
        elif nxt and re.fullmatch(r"\s+of\s+(?:the\s+)?", gap) and nxt.type in (
                "place", "organization"):
            body_id, end = nxt.actor_id, nxt.end
            after = mentions[i + 1] if i + 1 < len(mentions) else None
            if after is not None and after.type == "person" and \
                    re.fullmatch(r"\s*,?\s*", body[end:after.start]):
                continue  # "the First President of Kazakhstan Nursultan Nazarbayev"
        elif _OF_AFTER.match(body, h.end) and not _OF_COUNTRY.match(body, h.end) and not (
                _OF_CHARGE.match(body, h.end)
                and words.charging.search(body, max(0, the - 30), the)):
            continue  # "the Chairman of the Management Board of X": another body's head
        elif not office and _AFTER_HEAD.match(body, h.end):
            continue  # "the head of state", "the chief Prosecutor": not a title alone
        while h_k < len(holders) and holders[h_k][0] < the:
            seen.append(holders[h_k][1:])
            h_k += 1
        if office:  # a president is not the former one: title and status must agree
            # ("President of the Republic X" is the president)
            # ("NUP president A" is the party's, not "the President")
            cands = {a for t, f, a, hint in seen if t.split(" of ")[0] == head and f == former
                     and (hint or main() or body_id) == (body_id or hint or main())
                     and not (not body_id and hint.startswith("organization:"))}
        else:  # "KNB chief X" ... "the former KNB chief": the head word is enough, and
            # the head of a body is its chief ("X, the head of the KNB" ... "the spy chief"),
            # when the description names a body or a field ("the Uzbek leader" does not)
            heads = words.head_titles if head in words.head_titles and (
                mods or body_id.startswith("organization:")) else {head}
            cands = {a for t, f, a, hint in seen
                     if (t.split()[-1] in heads or t == head or t.endswith(f" {head}"))
                     and (not body_id or (hint or main() or body_id) == body_id)}
        if first:  # the holder offices.yaml marks as the first of that office
            cands = _first_holders(lex, head, body_id or main())
        elif not cands and office:
            cands = _office_holders(lex, head, body_id, former, published) & named
        j = bisect_left(starts, the) - 1
        if j >= 0 and mentions[j].type == "person" and mentions[j].actor_id \
                and _APPOSITION.fullmatch(body, mentions[j].end, the):
            # "Karim Massimov, the head of the KNB": a holder for "the former KNB head";
            # "Imee Marcos, the President's sister" holds no presidency
            owned = end == h.end and _POSSESSIVE_AFTER.match(body, end)
            if not owned:
                seen.append((head, former, mentions[j].actor_id, body_id))
            if end > h.end or (mentions[j].actor_id not in cands and not owned):
                continue  # its body stays a mention of its own, for the post; and
                # "his brother B, the former Finance Minister": B's title, no one else's
                # (but "B, the President's sister": the President's)
        if len(cands) != 1:
            continue
        actor_id = next(iter(cands))
        # "the First President" names its holder by an honour, no post of the article
        refs.append(Mention(the, end, body[the:end], type="person", actor_id=actor_id,
                            role="title", cue="first-holder" if first else "title-reference",
                            title=head, former=former, body_hint=body_id))
    return refs


def _titled_by(body, m: Mention, orgs, hits, named) -> str:
    """The organisation written right before a holder's title ("NUP president Robert
    Kyagulanyi", "CCC party president A", "Senate President B": a body's president, not
    the country's), or ""; a word the lexicon knows ("Kazakh", "Former") is none."""
    found = _title_before(m.title).search(body, max(0, m.start - 60), m.start)
    if found is None:
        return ""
    end = found.start()
    org = orgs.get(end) or (orgs.get(end - 1) if body[end - 1:end] == ")" else None)
    if org is not None:
        return org.actor_id
    word = _ACRONYM.search(body, max(0, end - 12), end)  # "CCC party president"
    if word is None or named(end) or hits.ending_at(end, _TITLE_WORDS) is not None:
        return ""
    return f"organization:{slug(word.group(1))}"


@lru_cache(maxsize=512)
def _title_before(title: str) -> re.Pattern:
    return re.compile(rf"\s+(?:party\s+)?{re.escape(title)}\s+$", re.IGNORECASE)


_ACRONYM = re.compile(r"\b([A-Z]{2,6})\)?$")
_TITLE_WORDS = frozenset({"title_modifiers", "status_former", "status_current", "demonyms"})


def _led_bodies(body, mentions, words) -> list[tuple[int, str, bool, str, str]]:
    """(start, title, former, person, body) of "X headed the KNB", "X, who led the
    KNB,": the head of that body, for "the former KNB chief" and "the spy chief"."""
    orgs = {m.start: m for m in mentions if m.type == "organization" and m.actor_id}
    out = []
    for m in mentions:
        if m.type != "person" or not m.actor_id:
            continue
        led = words.led.match(body, m.end)
        org = orgs.get(led.end()) if led else None
        if org is not None:
            out.append((m.start, words.head_verbs[led.group(1).lower()], False, m.actor_id,
                        org.actor_id))
    return out


def _first_holders(lex, head, body_id) -> set[str]:
    return {o["holder"] for o in lex["offices"] if o.get("first") and o["body"] == body_id
            and o["title"].lower() == head}


# "the first president to be impeached", "the first president who ...": an ordinal
_NOT_FIRST_HOLDER = re.compile(r"\s+(?:to|who|ever|since|elected|in|after|from)\b",
                               re.IGNORECASE)


def _office_holders(lex, head, body_id, former, published) -> set[str]:
    date = published or ""
    out = set()
    for office in lex["offices"]:
        if office["title"].lower().split()[-1] != head.split()[-1]:
            continue
        if body_id and office["body"] != body_id:
            continue
        start, end = str(office.get("start") or ""), str(office.get("end") or "")
        if not date:
            continue
        if former:
            if end and end[:len(date)] <= date:
                out.add(office["holder"])
        elif start[:len(date)] <= date and (not end or date <= end[:len(date)]):
            out.add(office["holder"])
    return out


def _definite_refs(body, mentions, hits) -> list[Mention]:
    """"the council": the last organisation before it with that word in its name."""
    orgs = [m for m in mentions if m.type == "organization" and m.actor_id]
    last: dict[str, Mention] = {}  # word of an organisation's name -> last such mention
    k = 0
    refs = []
    for h in hits.labelled({"org_heads"}):
        the = _the_before(body, h.start)
        while k < len(orgs) and orgs[k].end <= (the if the is not None else h.start):
            for word in orgs[k].surface.lower().split():
                last[word] = orgs[k]
            k += 1
        if the is None or _AFTER_HEAD.match(body, h.end):
            continue
        target = last.get(h.phrase)
        if target is None:
            continue
        refs.append(Mention(the, h.end, body[the:h.end], type="organization",
                            actor_id=target.actor_id, role="definite", cue="definite",
                            kind=target.kind))
    return refs


_COUNTRY_WORD = re.compile(r"\b(?:country|nation)$")
_DESCRIBER = re.compile(r"(?:\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+|['’]s\s+)"
                        r"((?:[a-z][\w-]*\s+){1,3})$")


_WORDS_AT_END = re.compile(r"((?:[a-z][\w-]*\s+){1,3})$")


def _described_bodies(body, mentions, hits, lex) -> list[Mention]:
    """"the security service", "the Kyrgyz security service", "the country's customs
    service": the one organisation named before it whose name holds the head word and
    every word of the description (but the lexicon's description_fillers: "state",
    "secret"...; a generic_body_nouns head, "the anti-graft body", need not be in it).
    Two such organisations, or none: no reference."""
    generic = hits.by_label.get("generic_body_nouns", ())
    lower = [h for h in (*hits.by_label.get("org_heads", ()), *generic)
             if body[h.start:h.start + 1].islower() and not _AFTER_HEAD.match(body, h.end)]
    if not lower:
        return []
    fillers = _fillers(lex)
    synonyms = {str(k).lower(): str(v) for k, v in lex["description_synonyms"].items()}
    orgs = [(m, {_bare_key(w) for w in m.surface.split()}) for m in mentions
            if m.type == "organization" and m.actor_id]
    if not orgs:
        return []
    first_end = min(o.end for o, _ in orgs)  # a description refers back to one of them
    places = {m.end: m for m in mentions if m.type == "place"}
    refs = []
    for h in lower:
        if h.start < first_end:
            continue
        lead = body[max(0, h.start - 60):h.start]
        demonym = None
        m = _DESCRIBER.search(lead)
        if m is None:  # "the Kyrgyz security service": a demonym between
            words = _WORDS_AT_END.search(lead)
            demonym = hits.before(h.start - len(words.group(1)), {"demonyms"}) \
                if words else None
            if demonym is None or _the_before(body, demonym.start) is None:
                continue
            start, described = _the_before(body, demonym.start), words.group(1)
        else:
            start, described = h.start - len(m.group()), m.group(1)
            if m.group()[0] in "'’":  # "Kyrgyzstan's security service", "the country's"
                place = places.get(start)
                if place is not None:
                    start = place.start
                else:
                    word = _COUNTRY_WORD.search(body, max(0, start - 8), start)
                    if word is None:
                        continue
                    start = word.start()
        need = {_bare_key(synonyms.get(w.lower(), w)) for w in described.split()} - fillers
        if h not in generic:  # "the anti-graft body": a noun no name need hold
            need.add(_bare_key(h.phrase))
        found = {o.actor_id: o for o, words in orgs if o.end <= start and need <= words}
        if len(found) != 1:
            continue
        target = next(iter(found.values()))
        refs.append(Mention(start, h.end, body[start:h.end], type="organization",
                            actor_id=target.actor_id, role="definite", cue="description",
                            kind=target.kind))
    return refs


@cache
def _fillers(lex) -> frozenset[str]:
    return frozenset(_bare_key(w) for w in lex["description_fillers"])


def _bare_key(word: str) -> str:
    """A word as description and name compare it: "Anti-Corruption" == "anticorruption"."""
    return key(word).replace("-", "").replace(" ", "")


# "the Agency for Strategic Planning": a name goes on after "of", "for" or a capital; a
# span of time does not ("headed the agency for twenty years", "for a decade")
_AFTER_HEAD = re.compile(r"\s+of\b|\s+[A-Z]|\s+for\b(?!\s+(?:\d|[a-z]+\s+(?:[a-z]+\s+)?"
                         r"(?:years?|months?|decades?|weeks?|days?|terms?|decade|while|time)\b))")
_OF_AFTER = re.compile(r"\s+of\b")
_OF_CHARGE = re.compile(r"\s+of\s+(?!the\b)[a-z]")  # "of corruption", "of plotting"
_AND_CAPITAL = re.compile(r"\s+and\s+([A-Z]\w+)")
_OF_COUNTRY = re.compile(r"\s+of\s+the\s+(?:\w+\s+)?Republic\b")  # "of the Kyrgyz Republic"
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s")
_SENTENCE_OR_LINE_END = re.compile(r"[.!?][\"'”’)]*\s|\n")
_DESCRIPTION_REACH = 3  # sentences back: a description refers to what the text just told


def _description_refs(body, mentions, hits, lex, gazetteer) -> list[Mention]:
    """"the foreign troops": the last organisation of the description's kind before it,
    if named within the last few sentences (else the description stays unresolved)."""
    kinds = _ref_words(lex).descriptions
    owners_only = _ref_words(lex).possessive
    orgs = [m for m in mentions if m.type == "organization" and m.actor_id]
    starts = [m.start for m in orgs]
    refs = []

    def kind_of(m: Mention) -> str:
        actor = gazetteer.actors.get(m.actor_id)
        return actor.kind if actor is not None else m.kind

    for h in hits.labelled({"definite_descriptions"}):
        the = _the_before(body, h.start)
        kind = kinds.get(key(h.phrase))
        if the is None or kind is None or (
                key(h.phrase) in owners_only and not _OWNER_MARK.match(body, h.end)):
            continue
        i = bisect_left(starts, the)
        while i > 0 and kind_of(orgs[i - 1]) != kind:
            i -= 1
        if not i:
            continue
        target = orgs[i - 1]
        if len(_SENTENCE_END.findall(body, target.end, the)) > _DESCRIPTION_REACH:
            continue
        refs.append(Mention(the, h.end, body[the:h.end], type="organization",
                            actor_id=target.actor_id, role="definite", cue="description",
                            kind=kind))
    return refs


_OWNER_MARK = re.compile(r"['’]s?(?!\w)")  # "the party's", "the parties'"
_APPOSED = re.compile(r",[ \t]+(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+){0,3}$", re.IGNORECASE)
_PLURAL = re.compile(r"(?:[^s]s|men|people)$")


# "the parliament", "Parliament speaker A": the word alone, no name's part ("European
# Parliament", "Parliament of Georgia") and no other country's ("Russia's parliament")
_PARLIAMENT = re.compile(r"\b(?:[Tt]he\s+)?(?:(?:lower|upper)\s+(?:house|chamber)(?:\s+of\s+"
                         r"(?:the\s+)?parliament)?|[Pp]arliament(?![\w-])(?!\s+of\b))")
_OWNED = re.compile(r"(?:\b[A-Z][\w-]*|(?<!country)(?<!nation)(['’]s?))\s+$")


def _parliament_refs(body, mentions, lex) -> list[Mention]:
    """"Speaker of the Parliament A", "parliament speaker B", "the lower house of
    parliament": the one legislature the article names (a body whose name holds a word of
    the lexicon's legislatures, "Milli Majlis", "Jogorku Kenesh"), before or after; two or
    none named: no reference. Another country's parliament is none ("Russia's
    parliament" in an article on Georgia).

    >>> from qantar.loaders.pipeline import default_lexicon
    >>> m = Mention(0, 14, "Jogorku Kenesh", type="organization", actor_id="organization:jk")
    >>> body = "Jogorku Kenesh met. Speaker of the Parliament Kanat Isaev spoke."
    >>> [(r.surface, r.actor_id) for r in _parliament_refs(body, [m], default_lexicon())]
    [('the Parliament', 'organization:jk')]
    """
    if "arliament" not in body and " house" not in body and " chamber" not in body:
        return []
    words = _legislature_words(lex)
    found = {m.actor_id for m in mentions if m.type == "organization" and m.actor_id
             and words & set(key(m.surface).split())}
    if len(found) != 1:
        return []
    actor = next(iter(found))
    kind = next(m.kind for m in mentions if m.actor_id == actor)
    taken = [(m.start, m.end) for m in mentions]
    places = {m.end: m for m in mentions if m.type == "place"}
    # "Mazhilis of Kazakhstan": the country the legislature's id names, if any
    owner = actor.split(":", 1)[-1].rpartition("-of-")[2] if "-of-" in actor else None
    refs = []
    for hit in _PARLIAMENT.finditer(body):
        if any(s < hit.end() and hit.start() < e for s, e in taken):
            continue
        owned = _OWNED.search(body, max(0, hit.start() - 30), hit.start())
        if owned:  # "Kazakhstan's lower house": only the legislature's own country's
            place = places.get(owned.start(1)) if owned.group(1) else None
            if place is None or slug(place.surface) != owner:
                continue
        refs.append(Mention(hit.start(), hit.end(), hit.group(), type="organization",
                            actor_id=actor, role="definite", cue="legislature", kind=kind))
    return refs


@cache
def _legislature_words(lex) -> frozenset[str]:
    return frozenset(key(str(w)) for w in lex["legislatures"])


def _noun_refs(body, mentions, hits) -> list[Mention]:
    """"the tycoon", "the billionaire's son": the one person the article introduced
    with that person noun before it, right before the name ("tycoon Bidzina
    Ivanishvili") or in apposition after it ("Bidzina Ivanishvili, a billionaire");
    unresolved when it introduced two."""
    persons = {m.start: m for m in mentions if m.type == "person" and m.actor_id}
    ends = {m.end: m for m in persons.values()}
    introduced: dict[str, list[tuple[int, str]]] = defaultdict(list)
    refs = []
    for h in hits.labelled({"person_nouns"}):
        noun = h.phrase.lower()
        if _PLURAL.search(noun):
            continue
        after = len(body) - len(body[h.end:].lstrip(" \t"))
        named = persons.get(after)
        apposed = _APPOSED.search(body, max(0, h.start - 40), h.start)
        if named is not None:
            introduced[noun].append((h.start, named.actor_id))
            continue
        if apposed and apposed.start() in ends:
            introduced[noun].append((h.start, ends[apposed.start()].actor_id))
            continue
        the = _the_before(body, h.start)
        if the is None:  # "Kremlin critic A ... the Kremlin critic"
            qualified = _THE_QUALIFIED.search(body, max(0, h.start - 30), h.start)
            the = qualified.start() if qualified else None
        if the is None or body[h.end:h.end + 1].isalpha():
            continue
        who = {actor for at, actor in introduced[noun] if at < the}
        if len(who) == 1:
            refs.append(Mention(the, h.end, body[the:h.end], type="person",
                                actor_id=next(iter(who)), role="definite",
                                cue="noun-description"))
    return refs


_AGE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(\d{1,3})-year-old\b")
# where a description may stand as its sentence's subject: at its start, after an opening
# quote or a short adverbial ("On Monday, the 58-year-old ...")
_OPENING = re.compile(r"[\"“‘']?(?:(?:[Oo]n|[Ii]n|[Ll]ast|[Ee]arlier|[Ll]ater|[Ss]ince|[Aa]fter|"
                      r"[Bb]efore|[Aa]t)(?:\s+[\w’'-]+){0,3},?\s+|(?:[Bb]ut|[Hh]owever|[Mm]eanwhile|"
                      r"[Nn]ow|[Tt]hen|[Aa]nd|[Ss]till),?\s+)?$")
_AGE_BEFORE = re.compile(r"\b(\d{1,3})-year-old\s+$")
_GIVEN_AGE = re.compile(r",\s*(\d{1,3})\s*,|\s*\((\d{1,3})\)")


def _topic_refs(body, mentions, hits, lex, index) -> list[Mention]:
    """"Karim Massimov was sentenced. The 58-year-old had been arrested in 2022": a
    description of a person that opens its sentence (an age description anywhere, "the
    ex-KNB head", "the tycoon": ``topic_nouns``, a title after a former-status word) is
    the one person the nearest sentence before (at most two back) that names persons
    is about: the one that is no one's genitive, no possessor and no object of a
    preposition there (for an office, "the former president", the one person it names at
    all). Two such persons, a title or noun the article already gave someone (the title
    references decide) or an age the article gave another person: unresolved. A topic
    noun may also end its phrase inside a sentence ("Putin jailed the tycoon in 2003").
    Each one found counts as a mention of its person for the next ("The ex-KNB head had
    been arrested ... His former deputy").

    >>> from qantar.loaders.document import build
    >>> from qantar.loaders.pipeline import default_gazetteer, default_lexicon
    >>> from qantar.graph.records import Article
    >>> text = ("Karim Massimov was sentenced on Monday. The 58-year-old was found guilty "
    ...         "of treason. The ex-KNB head had been arrested in 2022.")
    >>> art = Article(id="article:x", title="", publisher="", published="2023-04",
    ...               published_precision="month", url="", path="x.txt", sha256="",
    ...               words=20, body=text)
    >>> doc = build(art, default_gazetteer(), default_lexicon())
    >>> [(m.surface, m.actor_id) for m in doc.mentions if m.cue == "topic"]
    [('The 58-year-old', 'person:karim-massimov'), ('The ex-KNB head', 'person:karim-massimov')]
    """
    words = _ref_words(lex)
    nouns = _topic_nouns(lex)
    orgs = {m.end: m for m in mentions if m.type == "organization"}
    bodies = {m.start: m for m in mentions if m.type in ("organization", "place")
              and m.actor_id}
    found = []
    if "year-old" in body:
        for m in _AGE.finditer(body):
            found.append((m.start(), m.end(), m.group(1), False, None))
    former_ends = sorted(h.end for h in hits.by_label.get("status_former", ()))
    described = [h for h in hits.by_label.get("person_nouns", ()) if h.phrase.lower() in nouns]
    if former_ends:
        described += hits.by_label.get("title_heads", ())
    for h in described:
        low = h.phrase.lower()
        if low not in nouns:
            k = bisect_left(former_ends, h.start - 49)
            if k == len(former_ends) or former_ends[k] > h.start:
                continue  # neither a topic noun nor a former-status word just before
        if _PLURAL.search(low) or body[h.end:h.end + 1] in "-’'":
            continue
        start, org_seen, owner = h.start, False, None
        while True:  # "the former KNB head", "the once-powerful security chief"
            mod = hits.before(start, {"title_modifiers", "status_former", "demonyms"},
                              " \t-")  # "ex-KNB"
            org = orgs.get(start - 1) if body[start - 1:start] == " " else None
            if mod is not None:
                start = mod.start
            elif org is not None and not org_seen:
                start, org_seen, owner = org.start, True, org
            else:
                break
        lead = body[start:h.start].lower()
        if not (low in nouns or any(lead.startswith(w) or f" {w}" in lead
                                    for w in words.cues.status_former)):
            continue
        the = _the_before(body, start)
        if the is None:
            continue
        post, end = None, h.end
        if low not in nouns:  # a former post: its title, and its body if written
            title = " ".join(w for w in re.findall(r"\w+(?:-\w+)*",
                                                   body[start:h.end].lower().replace("ex-", ""))
                             if w not in words.cues.status_former
                             and not (org_seen and w in key(owner.surface).split()))
            body_id = owner.actor_id if org_seen else ""
            of = _OF_THE.match(body, h.end)
            named = bodies.get(of.end()) if of else None
            inside = []
            if named is not None and not body_id:  # "the former head of Belgazprombank"
                body_id, end, inside = named.actor_id, named.end, [named]
            elif org_seen:
                inside = [owner]
            post = (title, body_id, inside)
        # an office ("the former president"): only one person near
        found.append((the, end, "", low in words.heads, post))
    if not found:
        return []
    persons = sorted((m for m in mentions if m.type == "person" and m.actor_id),
                     key=lambda m: m.start)
    ages: dict[str, set[str]] = defaultdict(set)  # age -> persons the article gave it
    for m in persons if any(age for _, _, age, _, _ in found) else ():
        given = _GIVEN_AGE.match(body, m.end)
        before = _AGE_BEFORE.search(body, max(0, m.start - 20), m.start)
        for age in (given and (given.group(1) or given.group(2)), before and before.group(1)):
            if age:
                ages[age].add(m.actor_id)
    taken = [(m.start, m.end) for m in mentions if m.type != "organization"]
    refs = []
    starts = [m.start for m in mentions]
    for start, end, age, strict, post in sorted(found):
        if any(s < end and start < e for s, e in taken) or \
                _names_next(body, mentions, starts, end):
            continue
        sent_i = index.at(start)
        sent = index.sentences[sent_i]
        if not age:
            head = body[start:end].split()[-1].lower()
            if not _OPENING.fullmatch(body, sent.start, start) and (
                    (head not in nouns and post is None) or not _ENDS_PHRASE.match(body, end)
                    or (post is not None and (
                        _PRONOUN_BEFORE.search(body, sent.start, start)
                        or any(sent.start <= m.start < start for m in persons)))):
                continue  # "Putin jailed the tycoon in 2003", "the court accused the
                # former president of": a topic noun or a former post may stand anywhere
                # its phrase ends ("the tycoon era" is no person); a post not after a
                # person or a pronoun ("He said the former president had ...": he may be
                # the one just named; "A, the former director of B": A's apposition)
            if re.search(rf"\b{re.escape(head)}\b", body[:start], re.IGNORECASE):
                continue  # a title or noun given before: the title references decide
        if age and len(ages.get(age, ())) == 1:
            who = next(iter(ages[age]))
            if any(m.actor_id == who for m in persons if m.start < start):
                refs.append(_topic_ref(body, start, end, who, post))
                persons = sorted([*persons, refs[-1]], key=lambda m: m.start)
            continue
        who = topic(body, persons, index, sent_i, strict)
        if who is None or (age and any(who in ids for ids in ages.values())) or any(
                m.actor_id == who for m in persons if sent.start <= m.start < start):
            continue  # not one the sentence has just named ("X said the tycoon ...")
        refs.append(_topic_ref(body, start, end, who, post))
        persons = sorted([*persons, refs[-1]], key=lambda m: m.start)
    return refs


_ENDS_PHRASE = re.compile(r"\s*[,.;:!?)\"”]|\s+(?:in|on|at|for|to|with|from|after|before|"
                          r"over|since|until|during|and|but|who|whom|that|last|this)\b"
                          r"|\s+of\s+(?!the\s+[A-Z]|[A-Z])")
_PRONOUN_BEFORE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im|[Tt]hey)\b")
_TITLE_TAIL = re.compile(r"(?:[\s,()]|['’]s\b|\b(?:of|for|at|in|the)\b|[A-Z][\w’'-]*)*")


def _names_next(body, mentions, starts, end) -> bool:
    """Does a person's name follow the description, as it follows a title ("the former
    commander of Kazakhstan's Navy, Zhandarbek Zhanzakov", "the 58-year-old Massimov")?"""
    i = bisect_left(starts, end)
    while i < len(mentions) and mentions[i].start - end < 80:
        m = mentions[i]
        gap = _TITLE_TAIL.match(body, end, m.start)
        if gap.end() < m.start:
            return False
        if m.type == "person":
            return True
        end, i = m.end, i + 1
    return False


def _topic_ref(body, start, end, actor_id, post=None) -> Mention:
    """A description's mention; a former post's carries its title and body, the post it
    states (relations.reference_statements)."""
    title, body_id, inside = post or ("", "", [])
    return Mention(start, end, body[start:end], type="person", actor_id=actor_id,
                   role="definite", cue="topic", title=title, former=bool(post),
                   body_hint=body_id, nested=list(inside))


def topic(body, persons, index, sent_i, strict=False) -> str | None:
    """The one person the nearest sentence before ``sent_i`` (two back at most) that
    names persons is about, or None; ``strict``: the one person it names at all."""
    for s in range(sent_i - 1, max(-1, sent_i - 3), -1):
        sent = index.sentences[s]
        here = [m for m in persons if sent.start <= m.start < sent.end]
        if not here:
            continue
        if strict:
            named = {m.actor_id for m in here}
            return next(iter(named)) if len(named) == 1 else None
        heads = {m.actor_id for m in here
                 if body[m.end:m.end + 2] not in ("'s", "’s")
                 and not _PREPOSITION.search(body[max(0, m.start - 30):m.start])
                 and not _GENITIVE.search(body[max(0, m.start - 40):m.start])
                 and not (SAYS_AFTER.match(body, m.end)
                          and SOURCE_BEFORE.search(body, sent.start, m.start))}
        return next(iter(heads)) if len(heads) == 1 else None
    return None


@cache
def _unnamed_body_re(lex) -> re.Pattern:
    """"the ministry", "the party": a body told by its head noun alone, lower case (a
    name's own head is capitalised: "the Ministry of Energy")."""
    heads = sorted({str(w).lower() for w in lex["org_heads"]} |
                   {str(w).lower() for w in lex["party_nouns_after"]}, key=len, reverse=True)
    return re.compile(r"\b[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}(?:"
                      + "|".join(map(re.escape, heads)) + r")\b(?![\w-])(?!\s+of\b)")


@cache
def _topic_nouns(lex) -> frozenset[str]:
    return frozenset(str(w).lower() for w in lex["topic_nouns"])


_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")
_THE_QUALIFIED = re.compile(r"\b[Tt]he\s+[A-Z][\w-]*\s+$")


# --- pronouns ------------------------------------------------------------------------------

@cache
def _modifier_re(lex) -> re.Pattern:
    """A relational noun right after a name, no name after it ("a Nazarbayev ally,")."""
    return re.compile(rf"\s+(?:{relational_nouns(lex)}|{_alt(lex['follower_nouns'])})\b"
                      r"(?!\s+\S*[A-Z])")


# the words between the preposition and the name modify it ("to former President X"); a
# verb in the past between them ends the phrase ("on Thursday dismissed X": X is an object)
_PREPOSITION = re.compile(r"\b(?:of|to|by|with|for|from|against|than|about|on)\s+"
                          r"(?:the\s+)?(?:(?!(?-i:[a-z])[\w’'-]*ed\s)[\w’'-]+\s+){0,3}$",
                          re.IGNORECASE)


_WIRE_CREDIT = re.compile(r"\)\s*[-–—]")  # "(Reuters) -" after a dateline
# "the nephew of former President X", "X's": the name belongs to another's phrase
_GENITIVE = re.compile(r"\bof\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}$", re.IGNORECASE)

_NAME_PARTS = re.compile(r"[\s:-]+")


def _kin_genders(lex, persons, body: str) -> dict[str, bool]:
    """Actor ids and names -> female (True) or male (False) by the kinship term written
    right before a mention ("the couple's son Heydar": a man), for the persons whose
    terms all agree (lexicon kin_genders).

    >>> from qantar.loaders.lexicon import default
    >>> body = "Their son Heydar and her daughter, Senator Leyla came."
    >>> ms = [Mention(10, 16, "Heydar", type="person", actor_id="person:heydar"),
    ...       Mention(43, 48, "Leyla", type="person", actor_id="person:leyla")]
    >>> sorted(_kin_genders(default(), ms, body).items())
    [('Heydar', False), ('Leyla', True), ('person:heydar', False), ('person:leyla', True)]
    """
    rx = _kin_gender_re(lex)
    if rx is None or not persons:
        return {}
    said: dict[str, set[bool]] = {}
    words = _kin_gender_words(lex)
    for m in persons:
        lo = max(0, m.start - 40)
        found = may_hold(body, lo, m.start, words) and rx.search(body, lo, m.start)
        if found:
            female = found.group("female") is not None
            said.setdefault(m.actor_id, set()).add(female)
            said.setdefault(m.surface, set()).add(female)
    return {k: next(iter(v)) for k, v in said.items() if len(v) == 1}


@cache
def _kin_gender_words(lex) -> tuple[str, ...]:
    """The words the cheap test before :func:`_kin_gender_re` looks for."""
    genders = lex.data.get("kin_genders") or {}
    return key_words([*(genders.get("male") or ()), *(genders.get("female") or ())])


@cache
def _kin_gender_re(lex) -> re.Pattern | None:
    genders = lex.data.get("kin_genders") or {}
    if not genders.get("male") or not genders.get("female"):
        return None
    # a capitalised title may stand between ("His mother, First Lady Janet Museveni")
    return re.compile(rf"(?i:\b(?:(?P<female>{_alt(genders['female'])})|"
                      rf"{_alt(genders['male'])}))[ \t]*,?[ \t]*(?:[A-Z][\w.-]*[ \t]+){{0,3}}$")


_LIST_LINK = re.compile(r"\s*(?:,|(?:,\s*)?and)\s*")
_SAME_PRONOUN = {p: re.compile(rf"\b{p}\b", re.IGNORECASE) for p in ("he", "she")}
_WHO_AFTER = re.compile(r",\s+who\b")
# inside a relative clause about someone else: "X, who is not related to the president"
_IN_WHO_CLAUSE = re.compile(r",\s+who\b[^,;.]*$")
_OWN_POSSESSIVE = {"he": re.compile(r"\b[Hh]is\b"), "she": re.compile(r"\b[Hh]er\b")}
# "Shoigu, whom he": the relative pronoun is Shoigu, the pronoun someone else
_WHOM = re.compile(r"\s*,?\s*(?:whom|whose\s+[a-z]+)\s+(?:[a-z]+\s+){0,2}", re.IGNORECASE)
# "Tokayev dismissed him", "Gerasimov, come to meet him": lower-case words only between
# the subject and the object pronoun, none that opens another clause
_CLAUSE_VERBS = re.compile(r"(?:\s+(?!(?:that|who|which|whom|and|or|but|as|when|after|"
                           r"before|while|because|if|said|says|say|whether|than)\b)"
                           r"[a-z][a-z'’-]*){1,4}\s+")


_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
# "elected A, the founder of B, to replace him": A replaces, him is someone else
_CONTROLLED = re.compile(r"(?:\s*,[^,;.!?]{1,120},)?\s+to\s+[a-z]+\s+", re.IGNORECASE)


class Antecedents:
    """Pronoun -> actor ids: nearest person before it (singular), the persons of the
    sentence or the one before (plural), the quotation's speaker (first person)."""

    def __init__(self, lex, mentions: list[Mention], sentence_index, body: str):
        pron = lex["pronouns"]
        self.singular = {p.lower() for p in pron.get("singular", [])}
        self.plural = {p.lower() for p in pron.get("plural", [])}
        self.first = {p.lower() for p in pron.get("first_person", [])}
        self.feminine = {p.lower() for p in pron.get("feminine", [])}
        self.masculine = {p.lower() for p in pron.get("masculine", [])}
        self.pairs = {p.lower() for p in pron.get("pair_nouns", [])}
        self.pair_phrases = {re.sub(r"\s+", " ", p.lower())
                             for p in lex["pair_references"]} - {"they"}
        self.styles = {str(p).lower() for p in pron.get("styles", [])}
        spouses = _alt(pron.get("spouse_nouns") or ["wife"])
        # "X's wife, Y" / "her former husband Y", ending where Y's name starts
        self.spouse_before = re.compile(
            rf"(?:['’]s?|\b(?P<pron>his|her))\s+(?:[a-z-]+\s+)?(?:{spouses}),?\s+$",
            re.IGNORECASE)
        self.objects = {p.lower() for p in lex["clause_words"]["object_pronouns"]} - {"her"}
        self.prepositions = {str(p).lower() for p in lex["clause_words"]["prepositions"]}
        self.persons = [m for m in mentions if m.type == "person" and m.actor_id]
        self.orgs = [m for m in mentions if m.type == "organization" and m.actor_id]
        self.starts = [m.start for m in self.persons]
        self.index = sentence_index
        self.body = body
        self.speaker_at = None  # set by attribution: offset -> speaker id of a quotation
        words = lex["clause_words"]
        self.female_endings = tuple(str(w) for w in words["female_endings"])
        self.male_endings = tuple(str(w) for w in words["male_endings"])
        # "a close Nazarbayev ally": a name modifying a relational noun heads no phrase
        self.modifier = _modifier_re(lex)
        self.kin_after = _kin_after(lex)
        self._genders: dict[str, bool | None] = {}  # name -> female(name)
        self._kin_said = _kin_genders(lex, self.persons, body)
        self.unnamed_body = _unnamed_body_re(lex)

    def female(self, name: str) -> bool | None:
        """Does the surname of a person (an actor id or a name as written) say she is a
        woman (True), a man (False), or not? "Nazarbayeva" is a woman, "Nazarbayev" a
        man, "Duterte" either."""
        if name in self._genders:
            return self._genders[name]
        last = _NAME_PARTS.split(name.strip().lower())[-1]
        said = True if last.endswith(self.female_endings) else \
            False if last.endswith(self.male_endings) else self._kin_said.get(name)
        self._genders[name] = said
        return said

    def _possessive(self, m: Mention) -> bool:
        return self.body[m.end:m.end + 2] in ("'s", "’s") or self.body[m.end:m.end + 1] in "'’"

    def cannot_be(self, offset: int, pronoun: str, exclude=()) -> tuple:
        """``exclude`` and the persons a singular pronoun cannot stand for by where it
        stands: in a quotation, its speaker ("'The case against him will be dropped,'
        Peskov said"); after "X, whom", X ("Shoigu, whom he blamed"); as an object, the
        subject of its clause ("Tokayev dismissed him", "Gerasimov came to meet him")."""
        p = pronoun.lower()
        if p not in self.singular:
            return tuple(exclude)
        out = list(exclude)
        speaker = self.speaker_at(offset) if self.speaker_at else ""
        if speaker:
            out.append(speaker)
        body = self.body
        i = bisect_left(self.starts, offset) - 1
        if i >= 0 and self.index.at(self.persons[i].start) == self.index.at(offset):
            m = self.persons[i]
            between = body[m.end:offset]
            obj = self._object(offset, p)
            if _WHOM.fullmatch(between) or (obj and _CONTROLLED.fullmatch(between)) or (
                    obj and not self._possessive(m)
                    and _CLAUSE_VERBS.fullmatch(between)
                    and not _PREPOSITION.search(body[max(0, m.start - 30):m.start])):
                out.append(m.actor_id)
        return tuple(out)

    def _object(self, offset: int, p: str) -> bool:
        """Is the pronoun at ``offset`` an object: "him", or "her" before no noun
        ("appointed her to lead", "met her.", not "her resignation")?"""
        if p in self.objects:
            return True
        if p != "her":
            return False
        after = _NEXT_WORD.match(self.body, offset + 3)
        return after is None or after.group(1).lower() in self.prepositions

    def styled(self, offset: int, p: str) -> bool:
        """Does the possessive at ``offset`` open a style ("His Majesty")?"""
        if p not in ("his", "her") or not self.body[offset + len(p) + 1:
                                                    offset + len(p) + 2].isupper():
            return False
        after = _NEXT_WORD.match(self.body, offset + len(p))
        return after is not None and after.group(1).lower() in self.styles

    def resolve(self, offset: int, pronoun: str, exclude=()) -> list[str]:
        """Actor ids a pronoun at ``offset`` stands for ([] when unsure); ``exclude``:
        actors it cannot be ("Gulmira Satybaldy, his wife": his is not hers)."""
        p = pronoun.lower()
        if self.styled(offset, p):
            return []
        exclude = self.cannot_be(offset, p, exclude)
        pair = p.startswith("the ") and p[4:].rstrip("s").rstrip("'’") in self.pairs \
            or re.sub(r"\s+", " ", p) in self.pair_phrases
        if pair:  # "the couple's": "their", when it can only be two persons
            return self.pair(offset, exclude)
        sent = self.index.at(offset)
        if p in ("its", "it"):
            return self._its(offset, sent)
        if p in self.first:
            who = self.speaker_at(offset) if self.speaker_at else ""
            return [who] if who else []
        i = bisect_left(self.starts, offset)
        # only the persons of this sentence and the two before can be meant
        floor = self.index.sentences[max(0, sent - 2)].start if self.index.sentences else 0
        lo = bisect_left(self.starts, floor)
        before = [m for m in self.persons[lo:i] if m.actor_id not in exclude]
        if p in self.feminine or p in self.masculine:  # "her post": not Tokayev's
            before = [m for m in before
                      if self.female(m.actor_id) is not (p in self.masculine)]
        if p in ("he", "she"):
            first = _SAME_PRONOUN[p].search(self.body, self.index.sentences[sent].start, offset)
            if first is not None:
                # "On Tuesday he named A, replacing B, whose government he dismissed": the
                # subject said again is the first one, not a person named in between
                return self.resolve(first.start(), p, exclude)
        if p in self.singular:
            # the nearest person of the sentence that heads its phrase (not "X's", not
            # after "of"/"by"..., not inside an apposition "A, the nephew of X, ..."),
            # else any person of the sentence, else the nearest in the two before
            same = [m for m in before if self.index.at(m.start) == sent]
            heads = [m for k, m in enumerate(same) if not self._possessive(m)
                     and not _PREPOSITION.search(self.body[max(0, m.start - 30):m.start])
                     and not self.modifier.match(self.body, m.end)
                     and not (k and self.body[same[k - 1].end:same[k - 1].end + 1] == ","
                              and self.body[m.end:m.end + 1] == ",")]
            plain = [m for m in same if not self._possessive(m)]
            if not heads and p in _OWN_POSSESSIVE:
                owned = _OWN_POSSESSIVE[p].search(
                    self.body, self.index.sentences[sent].start, offset)
                if owned is not None:
                    # "Her alliance with Marcos collapsed, and she resigned": she is
                    # whoever "her" is, not the one after the preposition
                    found = self.resolve(owned.start(), owned.group().lower(), exclude)
                    if found:
                        return found
            if heads or plain or same:
                return [(heads or plain or same)[-1].actor_id]
            return self._earlier(before, p)
        if p in self.plural:
            here = [m for m in before if self.index.at(m.start) == sent
                    and not self._possessive(m)]
            # "X was arrested, and his sons-in-law A and B lost their jobs": the last
            # list of names before the pronoun, when it names two or more
            k = len(here) - 1
            while k > 0 and _LIST_LINK.fullmatch(self.body, here[k - 1].end, here[k].start):
                k -= 1
            listed = [m.actor_id for m in here[k:]]
            if len(set(listed)) >= 2:
                return list(dict.fromkeys(listed))
            same = [m.actor_id for m in here]
            if len(set(same)) >= 2:
                return list(dict.fromkeys(same))
            prev = [m.actor_id for m in before if self.index.at(m.start) == sent - 1
                    and not self._possessive(m)]
            if len(set(prev)) >= 2:
                return list(dict.fromkeys(prev))
            if p == "their":
                return self._spouses(before, sent)
        return []

    def _spouses(self, before: list[Mention], sent: int) -> list[str]:
        """The couple a spouse phrase of this sentence or the one before names, for
        "their" ("Ilham Aliyev's wife, Mehriban Aliyeva, spoke. Their daughter A": A is
        the daughter of both); [] when there is none."""
        for s in (sent, sent - 1) if sent else (sent,):
            here = [m for m in before if self.index.at(m.start) == s]
            for k in range(len(here) - 1, -1, -1):
                m = here[k]
                lo = max(self.index.sentences[s].start, m.start - 40)
                hit = self.spouse_before.search(self.body, lo, m.start)
                if hit is None:
                    continue
                if hit.group("pron"):
                    owner = self.resolve(hit.start("pron"), hit.group("pron"), {m.actor_id})
                else:
                    owner = [o.actor_id for o in here[:k] if o.end == hit.start()]
                if len(owner) == 1 and owner[0] != m.actor_id:
                    return [owner[0], m.actor_id]
        return []

    def pair(self, offset: int, exclude=()) -> list[str]:
        """The two persons "they", "the two men" or "the couple's" at ``offset`` stands
        for: those of its sentence, else of the sentence before; [] unless exactly two."""
        found = self.resolve(offset, "their", exclude)
        return found if len(found) == 2 else []

    def _earlier(self, before: list[Mention], p: str = "") -> list[str]:
        """The person of the nearest earlier sentence that names one: the first there
        that is no one's genitive ("a case against Satybaldy, a nephew of Nazarbayev. He
        was arrested": Satybaldy), else its last person; a possessive ("Nukenova's
        relatives said ... Her brother") only when it alone has the pronoun's gender by
        its name."""
        if not before:
            return []
        sent = self.index.at(before[-1].start)
        here = [m for m in before if self.index.at(m.start) == sent]
        near = [m for m in here if not self._possessive(m)]
        if not near and (p in self.feminine or p in self.masculine):
            told = {m.actor_id for m in here
                    if self.female(m.actor_id) is (p in self.feminine)}
            return list(told) if len(told) == 1 else []
        heads = [m for m in near if not _GENITIVE.search(self.body[max(0, m.start - 40):m.start])
                 and not _IN_WHO_CLAUSE.search(self.body[max(0, m.start - 80):m.start])
                 and not self.modifier.match(self.body, m.end)]
        if heads:
            return [heads[0].actor_id]
        # "the dismissal of X, who had headed the government. He ...": the one the
        # sentence goes on about in a relative clause
        told = [m for m in near if _WHO_AFTER.match(self.body, m.end)]
        return [told[0].actor_id] if told else [near[-1].actor_id] if near else []

    def _its(self, offset: int, sent: int) -> list[str]:
        """"its former chief": the nearest organisation of this sentence or the last; none
        when a body no name resolved stands between ("The Security Service detained an
        official. The ministry said its deputy head ..." is the ministry's deputy).

        >>> from qantar.loaders.pipeline import default_lexicon
        >>> from qantar.loaders.sentences import SentenceIndex, split
        >>> body = "The KNB spoke. The ministry said its head left."
        >>> a = Antecedents(default_lexicon(), [Mention(4, 7, "KNB", type="organization",
        ...     actor_id="organization:knb")], SentenceIndex(split(body)), body)
        >>> a.resolve(body.index("its"), "its"), a.resolve(body.index("spoke"), "its")
        ([], ['organization:knb'])
        """
        before = [m for m in self.orgs if m.start < offset]
        for m in reversed(before):
            if sent - self.index.at(m.start) > 1:
                break
            if _WIRE_CREDIT.match(self.body, m.end) and self.body[m.start - 1:m.start] == "(":
                continue  # "TBILISI (Reuters) - police ... arrested its leader": the outlet
            for d in self.unnamed_body.finditer(self.body, m.end, offset):
                if not any(o.start <= d.start() < o.end for o in before):
                    return []
            return [m.actor_id]
        return []
