"""Kinship beyond the phrase that states it: owners, compound terms, references.

- Whose "his wife" is: a possessive pronoun before a kinship term ("His wife Gulmira
  Satybaldy was jailed") stands for one of the persons named just before it. The
  sentence subject is the usual choice, but a relative named in the phrase usually
  carries the family's surname (in its feminine form too: Aliyev, Aliyeva) or the
  father's given name as a surname (Rustam Emomali, son of Emomali Rahmon), and the
  owner's name must not contradict the pronoun's gender (:func:`family_owner`).
- The term as written: birth order and standing stay with it ("younger brother",
  :func:`modified`); a term of a term is one compound relation ("the wife of one of X's
  nephews": X's nephew's wife, :func:`compound_detail`).
- A kinship description with no name beside it ("his daughter", "the ex-president's
  nephew") is the relative the article names with that term (:func:`kin_refs`).

The words are ``seeds/lexicon/kinship.yaml`` (kinship, kin_modifiers); its
kinship_examples are the constructions, each with a sentence tests run.

The subject dismissed Satybaldy; "his wife" carries Satybaldy's name:

>>> from qantar.loaders.document import build
>>> from qantar.loaders.pipeline import default_gazetteer, default_lexicon
>>> from qantar.graph.records import Article
>>> text = ("Kassym-Jomart Tokayev dismissed Kairat Satybaldy. "
...         "His wife Gulmira Satybaldy was later jailed.")
>>> art = Article(id="article:x", title="", publisher="", published="2023-01",
...               published_precision="month", url="", path="x.txt", sha256="",
...               words=12, body=text)
>>> doc = build(art, default_gazetteer(), default_lexicon())
>>> ids = {m.surface: m.actor_id for m in doc.mentions}
>>> family_owner(doc, text.index("His"), "His", [ids["Gulmira Satybaldy"]]) == [
...     ids["Kairat Satybaldy"]]
True
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

from ..graph.names import key
from .mentions import Mention
from .phrases import alternation, relational_nouns
from .template import CLOSE, OPEN

# feminine surname endings of the region fold to the masculine (Aliyeva -> Aliyev,
# Nazarbayeva -> Nazarbayev, Karimova -> Karimov, Tokayeva -> Tokayev)
_FEMININE = re.compile(r"(?<=ov|ev|in)a$|(?<=sk)aya$")


def family_key(name: str) -> str:
    """The family name of a person's name, folded across the feminine form.

    >>> family_key("Mehriban Aliyeva") == family_key("Ilham Aliyev")
    True
    """
    words = key(name).split()
    return _FEMININE.sub("", words[-1]) if len(words) >= 2 else ""


def family_owner(doc, offset: int, pronoun: str, members, default=()) -> list[str]:
    """The person a possessive pronoun at body ``offset`` stands for in a kinship phrase
    naming ``members`` (actor ids): of the persons named in this sentence before the
    pronoun or in the two sentences before, whose gender the name does not contradict
    ("his" is no Aliyeva), the one who shares a member's family name, else the
    ``default`` resolution if its gender fits, else the nearest that fits; [] when
    nothing decides. "their" keeps the ``default`` (the persons just named)."""
    p = pronoun.lower()
    if p not in ("his", "her"):
        return list(default)  # "their daughter": both parents, as resolved
    female = p == "her"
    names = _names(doc)
    ante = doc.antecedents
    sent = doc.index.at(offset)
    other = _other_owner(doc, offset, p, members)
    if other is not None:  # "X's nephew A ..., and his other nephew B": X's too
        return [other]
    same = _parallel(doc, offset, p, sent)
    if same is not None:  # "his brother A and his nephew B": one owner for both
        return family_owner(doc, same[0], p, [same[1]],
                            doc.antecedents.resolve(same[0], p, {same[1]}))
    floor = doc.index.sentences[max(0, sent - 2)].start
    cands = [m.actor_id for m in ante.persons[bisect_left(ante.starts, floor):
                                              bisect_left(ante.starts, offset)]
             if m.actor_id not in members]
    fits = [c for c in dict.fromkeys(cands)
            if all(doc.antecedents.female(n) is not (not female) for n in names.get(c, ()))]
    families = {family_key(n) for m in members for n in names.get(m, ())} - {""}
    # the family name, or a father's given name as the child's surname ("Rustam
    # Emomali", son of Emomali Rahmon; "Kairat Satybaldy", son of Satybaldy Nazarbayev)
    # of them, not one the window names only as the owner of another relative ("Ilham
    # Aliyev's son-in-law Emin Agalarov. His wife Leyla Aliyeva": his is Agalarov's, she
    # is Aliyev's daughter; "Mugabe's sacking of A ... his wife Grace Mugabe": Mugabe's)
    owns_kin = _owns_kin(doc.lex)
    named = {m.actor_id for m in ante.persons[bisect_left(ante.starts, floor):
                                              bisect_left(ante.starts, offset)]
             if not owns_kin.match(doc.body, m.end)}
    kin = [c for c in fits if c in named and any(
        family_key(n) in families or key(n).split()[0] in families for n in names.get(c, ()))]
    if len(kin) == 1:
        return kin
    # "a plot to kill A, his wife B and C": the person the kinship phrase follows in a
    # list is the one whose relative it names
    prev = [m for m in ante.persons[bisect_left(ante.starts, floor):
                                    bisect_left(ante.starts, offset)]
            if m.actor_id in fits and _LISTED.fullmatch(doc.body, m.end, offset)]
    if prev:
        return [prev[-1].actor_id]
    if default and all(d in fits or d not in cands for d in default):
        return list(default)
    if female and not default and not any(
            ante.female(n) for c in fits for n in names.get(c, ())):
        # "Her father A" with no woman named near: the one woman the article named
        # before, when it named one ("The first lady comes from the Pashayev family.
        # Her father Arif Pashayev is a rector": Mehriban Aliyeva's father)
        women = {m.actor_id for m in ante.persons[:bisect_left(ante.starts, offset)]
                 if m.actor_id not in members
                 and any(ante.female(n) for n in names.get(m.actor_id, ()))}
        if len(women) == 1:
            return list(women)
    return fits[-1:] if default else []


@cache
def _owns_kin(lex) -> re.Pattern:
    return re.compile(rf"['’]s?\s+(?:[\w-]+\s+)?(?:{relational_nouns(lex)})\b", re.IGNORECASE)


_LISTED = re.compile(r"\.?\s*,\s*")

_OTHER = re.compile(r"\s+(?:other|another)\s+([a-z-]+)", re.IGNORECASE)


def _other_owner(doc, offset: int, pronoun: str, members):
    """The owner of the kin term "his other nephew" names again: the one whose nephew
    the text named last ("X's nephew A", "the nephew of X"), else None."""
    m = _OTHER.match(doc.body, offset + len(pronoun))
    if m is None:
        return None
    return earlier_owner(doc, offset, m.group(1).lower(), members)


def earlier_owner(doc, offset: int, term: str, members):
    """The owner of the kin ``term`` the text named last before ``offset`` (in its
    sentence or the two before): "X's nephew A", "the nephew of X", "his nephew A" (the
    owner of that "his"); None when none is found. "Another brother, B" and "his other
    brother, B" name the same owner again."""
    floor = doc.index.sentences[max(0, doc.index.at(offset) - 2)].start
    at = doc.body.lower().rfind(term, floor, offset)
    if at < 0:
        return None
    k = bisect_left(doc.mention_starts, floor)
    for mention in doc.mentions[k:]:
        if mention.start >= offset:
            break
        if mention.type != "person" or not mention.actor_id or mention.actor_id in members:
            continue
        gap = doc.body[mention.end:at] if mention.end <= at else \
            doc.body[at + len(term):mention.start]
        if re.fullmatch(r"['’]s\s+(?:[a-z-]+\s+)?|\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}",
                        gap, re.IGNORECASE):
            return mention.actor_id
    # "His son A ..., and his other son, B": the owner of the first "his"
    lo = max(floor, at - 40)
    said = list(re.finditer(rf"\b(his|her)\s+(?:[a-z-]+\s+)?{re.escape(term)}\b",
                            doc.body[lo:at + len(term)], re.IGNORECASE))
    if said:
        first = said[-1]
        pos, pronoun = lo + first.start(), first.group(1).lower()
        owners = family_owner(doc, pos, pronoun, members,
                              doc.antecedents.resolve(pos, pronoun, set(members)))
        return owners[0] if len(owners) == 1 else None
    return None


def _parallel(doc, offset: int, pronoun: str, sent: int):
    """(offset, relative id) of the same pronoun heading the conjunct just before this
    one ("his brother A and [his] nephew B"), else None."""
    body = doc.body
    lo = doc.index.sentences[sent].start
    prev = body.rfind(" " + pronoun + " ", lo, offset)
    if prev < 0 and body[lo:lo + len(pronoun) + 1].lower() == pronoun + " ":
        prev = lo - 1  # "His son A, ..., and his brother B"
    if prev < 0 or not body[offset - 6:offset].rstrip().endswith(("and", ",")):
        return None
    k = bisect_left(doc.mention_starts, prev)
    inside = [m for m in doc.mentions[k:] if m.start < offset]
    if len(inside) != 1 or inside[0].type != "person" or not inside[0].actor_id:
        return None
    between = body[prev + 1:inside[0].start].split()
    if not 2 <= len(between) <= 4 or not _CONJUNCT.fullmatch(body, inside[0].end, offset):
        return None
    return prev + 1, inside[0].actor_id


# "A and", "A,", "A, who was a minister, and", "A, as deputy minister and": the links
# between two conjuncts
_CONJUNCT = re.compile(r",?\s+(?:and\s+)?|\s*,\s*|\s*,[^,;:.()]{1,80},\s*(?:and\s+)?"
                       r"|\s*,?\s+(?:as|to)\s[^,;:.()]{1,60}?\s+and\s+")


def compound_kin(outer: str, inner: str) -> str:
    """The kinship of "the <outer> of X's <inner>" to X.

    >>> compound_kin("wife", "nephew")
    "nephew's wife"
    """
    return f"{inner}'s {outer}"


class _KinWords:
    """The kinship terms around a match that make its relation a compound one, and the
    modifiers a term keeps."""

    def __init__(self, lex):
        self.kin = {_norm(k): str(v) for k, v in lex["kinship"].items()}
        words = alternation(lex["kinship"])
        mods = alternation(lex["kin_modifiers"])
        self.modifiers = re.compile(rf"\b((?:{mods}\s+){{1,2}})$", re.IGNORECASE)
        # "the elder of X's two sons": the elder son
        self.partitive = re.compile(rf"\b({mods})\s+of\s+\S+['’]s?\s+(?:[a-z][\w-]*\s+)?$",
                                    re.IGNORECASE)
        # "the son of [X's brother, A]": the match follows "<kin> of"
        self.before = re.compile(rf"\b(?P<kin>{words})\s+of\s+(?:(?:one|another)\s+of\s+)?"
                                 r"(?:the\s+)?$", re.IGNORECASE)
        # "[A, the son of X]'s brother": the match's owner owns another kinship term
        self.after = re.compile(rf"['’]s?\s+(?:[a-z][\w-]*\s+){{0,2}}?(?P<kin>{words})"
                                r"(?![\w-])", re.IGNORECASE)
        # a person named in apposition to the term: "A, the husband of", "daughter, B"
        self.name_before = re.compile(rf"{OPEN}P\d+{CLOSE},\s+[^,.;:{OPEN}]{{0,60}}$")
        self.name_after = re.compile(rf",?\s*(?:\d{{1,3}}-year-old\s+)?{OPEN}P")


@cache
def _kin_words(lex) -> _KinWords:
    return _KinWords(lex)


def modified(lex, text: str, term_start: int, detail: str) -> str:
    """The kinship term with the birth order or standing written before it at
    ``term_start`` (``kin_modifiers``): "X's younger brother" -> "younger brother".

    >>> from qantar.loaders.pipeline import default_lexicon
    >>> modified(default_lexicon(), "Bolat, his younger brother", 19, "brother")
    'younger brother'
    """
    c = _kin_words(lex)
    m = c.modifiers.search(text, max(0, term_start - 30), term_start) or \
        c.partitive.search(text, max(0, term_start - 40), term_start)
    return " ".join([*m.group(1).lower().split(), detail]) if m else detail


def compound_detail(lex, text: str, start: int, end: int, detail: str) -> str | None:
    """The detail of a kinship match at ``start:end`` of the template ``text`` seen
    with its neighbours: "the son of [Nazarbayev's brother, Abish]" and "[Abish, the son
    of Nazarbayev]'s brother" both make Abish the brother's son; but in "A, the husband
    of [X's daughter, B]" B is the daughter, and in "[A, the husband of X]'s daughter B"
    A is B's husband, not X's (None: the match says no relation).

    >>> from qantar.loaders.pipeline import default_lexicon
    >>> text = "The son of Nazarbayev's brother, Abish, spoke."
    >>> compound_detail(default_lexicon(), text, 11, 38, "brother")
    "brother's son"
    """
    c = _kin_words(lex)
    m = c.before.search(text, max(0, start - 40), start)
    if m:
        if c.name_before.search(text, max(0, m.start() - 60), m.start()):
            return detail
        return compound_kin(c.kin.get(_norm(m.group("kin")), m.group("kin").lower()), detail)
    m = c.after.match(text, end)
    if m:
        if c.name_after.match(text, m.end()):
            return None
        return compound_kin(detail, c.kin.get(_norm(m.group("kin")), m.group("kin").lower()))
    return detail


def _names(doc) -> dict[str, set[str]]:
    """Actor id -> the full names (two words or more) the article writes for it."""
    cached = getattr(doc, "_family_names", None)
    if cached is None:
        cached = {}
        for m in doc.mentions:
            if m.type == "person" and m.actor_id and " " in m.surface.strip():
                cached.setdefault(m.actor_id, set()).add(m.surface)
        doc._family_names = cached
    return cached


# --- kinship descriptions that stand for a named relative ------------------------------

_OWNER = re.compile(r"(?:(?P<poss>['’]s?)|\b(?P<pron>[Hh]is|[Hh]er)"
                    r"|\b(?P<the>[Tt]he|[Aa]n?))[ \t]+"
                    # "the 49-year-old first son of the President": an age among them
                    r"(?P<mods>(?:\d{1,3}-year-old[ \t]+)?(?:[a-z][\w-]*[ \t]+){0,2})$")
_DESCRIPTION_OWNER = re.compile(r"\b[Tt]he[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}[a-z][\w-]*$")
_NAME_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:(?:aged[ \t]+)?\d{1,3}-year-old[ \t]+)?")
_NAME_BEFORE = re.compile(r"[ \t]*(?:,|\(|[—–]|\b(?:is|was|are|were)\b)[ \t]*"
                          r"(?:(?:the|a|an)[ \t]+)?")
_OF_OWNER = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?(?:[a-z][\w-]*[ \t]+){0,2}"
                       r"(?:[A-Z][\w-]*[ \t]+){0,2}")
# a capitalised word of a title between a kinship term and the relative's name
_TITLE_WORD = re.compile(r"[A-Z][\w.-]*[ \t]+(?=[A-Z])")
_LIST_LINK = re.compile(r"[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s")


def kin_refs(body: str, mentions, hits, lex) -> list:
    """Mentions for the kinship descriptions an article uses for a relative it names
    ("Kairat Satybaldy, Nazarbayev's nephew, ... the ex-president's nephew was
    sentenced": Satybaldy). A singular description with no name beside it is the one
    person the article names with that kinship term and owner, before or after it
    ("Rahmon appointed his daughter ... Rahmon's daughter, Ozoda Rahmon": Ozoda); an
    owner written as a description ("the ex-president's") only needs the term to be
    unique in the article. ``mentions``: the article's resolved mentions, sorted."""
    kin = _kin_words(lex).kin
    persons = [m for m in mentions if m.type == "person" and m.actor_id]
    starts = [m.start for m in persons]
    ends = {m.end: m for m in mentions if m.actor_id}
    named: list[tuple[str, str, str]] = []   # (relation, owner id or "", relative id)
    bare: list[tuple[int, int, str, str]] = []  # (start, end, relation, owner or "")
    last_end = -1
    for h in hits.labelled({"kinship"}):
        if h.start < last_end:
            continue  # "son" inside "son-in-law"
        term = hits.starting_at(h.start, {"kinship"})
        last_end = term.end
        relation = kin.get(_norm(term.phrase))
        o = _OWNER.search(body, max(0, term.start - 60), term.start)
        if relation is None or o is None:
            continue
        at = o.start()
        start = term.start - len(o.group("mods"))  # the reference: modifiers and term
        end = term.end
        owner = ""
        if o.group("poss"):
            m = ends.get(at)
            if m is not None:
                if m.type != "person":
                    continue  # "Kazakhstan's sons": no kinship
                owner, first = m.actor_id, m.start
            else:  # "the ex-president's nephew": the owner is a description
                d = _DESCRIPTION_OWNER.search(body, max(0, at - 40), at)
                if d is None:
                    continue
                start = first = d.start()
        elif o.group("pron"):
            owner, first = _pronoun_owner(body, persons, starts, at), at
            if not owner:
                continue
        else:  # "the nephew of X"
            k = bisect_left(starts, term.end)
            of = persons[k] if k < len(persons) else None
            if of is None or not _OF_OWNER.fullmatch(body, term.end, of.start):
                continue
            owner, start, first, end = of.actor_id, at, at, of.end
        members = _list_after(body, persons, starts, _NAME_AFTER.match(body, end).end())
        after = _NAME_AFTER.match(body, end).end()
        while not members and (word := _TITLE_WORD.match(body, after)):
            # "Duterte's daughter, Vice President Sara Duterte": a title before the name
            after = word.end()
            members = _list_after(body, persons, starts, after)
        if not members:
            members = _list_before(body, persons, starts, first)
        if members:
            named += [(relation, owner, m.actor_id) for m in members if m.actor_id != owner]
        elif _norm(term.phrase) == _norm(relation) and o.group("the") not in ("a", "A",
                                                                               "an", "An"):
            # a singular, definite description: one relative
            bare.append((start, term.end if o.group("the") else end, relation, owner))
    refs = []
    for start, end, relation, owner in bare:
        found = {m for r, o, m in named if r == relation and (o == owner or not o or not owner)}
        if len(found) == 1:
            refs.append(Mention(start, end, body[start:end], type="person",
                                actor_id=next(iter(found)), role="definite",
                                cue="kin-reference"))
    return refs


def _list_after(body: str, persons, starts, at: int) -> list:
    """The persons of a name list starting at ``at`` ("A, B and C")."""
    k = bisect_left(starts, at)
    out = []
    while k < len(persons) and persons[k].start == at and \
            body[persons[k].end:persons[k].end + 1] not in ("'", "’"):  # no owner
        out.append(persons[k])
        link = _LIST_LINK.match(body, persons[k].end)
        if link is None:
            break
        at, k = link.end(), k + 1
    return out


def _list_before(body: str, persons, starts, at: int) -> list:
    """The persons of a name list an apposition or copula at ``at`` is said of ("A and
    B, the nephews of X": A and B)."""
    k = bisect_left(starts, at) - 1
    if k < 0 or persons[k].end > at or not _NAME_BEFORE.fullmatch(body, persons[k].end, at):
        return []
    out = [persons[k]]
    while k > 0 and _LIST_LINK.fullmatch(body, persons[k - 1].end, persons[k].start):
        k -= 1
        out.append(persons[k])
    return out


def _norm(phrase) -> str:
    return re.sub(r"[\s-]+", " ", str(phrase).strip().lower())


def _pronoun_owner(body: str, persons, starts, at: int) -> str:
    """The person a possessive pronoun at ``at`` most likely stands for: the nearest
    person named before it, in its sentence or the one before ("" if none)."""
    k = bisect_left(starts, at) - 1
    if k < 0 or len(_SENTENCE_END.findall(body, persons[k].end, at)) > 1:
        return ""
    return persons[k].actor_id
