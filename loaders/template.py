"""The body with every mention replaced by a placeholder, and the slot patterns over it.

Patterns (``seeds/patterns.yaml``) are written against this text: ``{P:person}'s
{kin:detail}, {P:subject}`` reads "Nazarbaev's nephew, Samat Abish" once both names have
become placeholders such as ``\\ue000P3\\ue001``. A placeholder keeps the mention's
index, and :meth:`Template.body_offset` maps any offset back to the article body, so
every match still has an exact span in the original text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from .mentions import Mention
from .phrases import alternation as _words_re
from .phrases import first_words

OPEN, CLOSE = "\ue000", "\ue001"
_LETTER = {"person": "P", "organization": "O", "place": "L"}
_PLACEHOLDER = re.compile(f"{OPEN}[POL](\\d+){CLOSE}")
_PAREN_ALIAS = re.compile(r"\s*\(\s*$")


class Template:
    """Placeholder text over one article; offsets map back to the body."""

    def __init__(self, body: str, mentions: list[Mention]):
        self.body = body
        self.mentions: list[Mention] = []
        parts: list[str] = []
        self._tpl: list[int] = []   # template offset where each piece starts
        self._src: list[int] = []   # body offset where it starts
        self._span: list[int] = []  # body length of a placeholder (0: plain text)
        pos = tpl = 0
        ms = [m for m in mentions if m.actor_id and m.type in _LETTER]
        i = 0
        while i < len(ms):
            m = ms[i]
            start, end = m.start, m.end
            # "Name (ACR)" of one actor is one placeholder
            if i + 1 < len(ms) and ms[i + 1].actor_id == m.actor_id \
                    and _PAREN_ALIAS.fullmatch(body[end:ms[i + 1].start]) \
                    and body[ms[i + 1].end:ms[i + 1].end + 1] == ")":
                m.absorbed.append(ms[i + 1])
                end = ms[i + 1].end + 1
                i += 1
            if start > pos:
                self._piece(parts, body[pos:start], tpl, pos, 0)
                tpl += start - pos
            ph = f"{OPEN}{_LETTER[m.type]}{len(self.mentions)}{CLOSE}"
            self.mentions.append(m)
            self._piece(parts, ph, tpl, start, end - start)
            tpl += len(ph)
            pos = end
            i += 1
        if pos < len(body):
            self._piece(parts, body[pos:], tpl, pos, 0)
        self.text = "".join(parts)

    def _piece(self, parts, text, tpl, src, span):
        parts.append(text)
        self._tpl.append(tpl)
        self._src.append(src)
        self._span.append(span)

    def placeholder_starts(self) -> list[int]:
        """The template offsets where a placeholder starts, in order."""
        return [at for at, span in zip(self._tpl, self._span) if span]

    def body_offset(self, tpl_offset: int) -> int:
        """Body offset of a template offset (inside a placeholder: its mention's start)."""
        return _start_in(self._tpl, self._src, self._span, tpl_offset)

    def body_end(self, tpl_end: int) -> int:
        """Body offset for an exclusive end (a placeholder just before it: its mention's end)."""
        if tpl_end <= 0:
            return 0
        i = bisect_right(self._tpl, tpl_end - 1) - 1
        if self._span[i]:
            return self._src[i] + self._span[i]
        return self._src[i] + (tpl_end - self._tpl[i])

    def tpl_offset(self, body_offset: int) -> int:
        """Template offset of a body offset (inside a mention: its placeholder's start)."""
        return _start_in(self._src, self._tpl, self._span, body_offset)

    def tpl_end(self, body_end: int) -> int:
        """Template offset for an exclusive body end (a mention before it: its
        placeholder's end)."""
        if body_end <= 0:
            return 0
        i = bisect_right(self._src, body_end - 1) - 1
        if self._span[i]:
            nxt = self._tpl[i + 1] if i + 1 < len(self._tpl) else len(self.text)
            return nxt
        return self._tpl[i] + (body_end - self._src[i])

    def mention(self, placeholder: str) -> Mention | None:
        m = _PLACEHOLDER.fullmatch(placeholder)
        return self.mentions[int(m.group(1))] if m else None

    def placeholders(self, text: str) -> list[Mention]:
        return [self.mentions[int(g)] for g in _PLACEHOLDER.findall(text)]


def _start_in(here: list[int], there: list[int], spans: list[int], offset: int) -> int:
    """An offset of one text (body or template) in the other, by their aligned piece
    starts ``here`` and ``there``; inside a mention or placeholder (a piece with a
    span), the start of its counterpart."""
    i = bisect_right(here, offset) - 1
    if i < 0:
        return 0
    if spans[i]:
        return there[i]
    return there[i] + (offset - here[i])


# --- slot patterns -----------------------------------------------------------------------

def group_of(m: re.Match, name: str) -> str | None:
    """``m.groupdict().get(name)`` without building the dict of all (dozens of) groups."""
    return m.group(name) if name in m.re.groupindex else None


_SLOT = re.compile(r"\{(\w+)(?::(\w+))?\}")
_KINDS = {"P": "P", "O": "O", "L": "L", "A": "POL", "B": "OL"}
PRONOUN_SUFFIX = "__pron"
PRONOUN_LABEL = "pronoun-first"  # the vocabulary label of the slot pronouns
_PLAIN_WORDS = re.compile(r"[a-z]+(?: [a-z]+)*")


class SlotCompiler:
    """Expands ``{slot:group}`` into regular expressions using the lexicon's word lists."""

    def __init__(self, lex):
        status = [str(w).rstrip("-") for w in lex["status_former"] + lex["status_current"]]
        self.status_alt = _words_re(status)
        self.former_alt = _words_re([str(w).rstrip("-") for w in lex["status_former"]])
        mods = _words_re(lex["title_modifiers"])
        heads = _words_re(lex["title_heads"])
        abbreviations = _words_re(lex["title_abbreviations"])
        # a title is no possessive: "the president's adviser" is no president
        # areas joined before the head: "Lands and Agriculture minister"
        self.title_alt = (rf"(?:{mods}(?:\s+and\s+(?={mods}\b)|\s+)){{0,4}}"
                          rf"(?:{heads}|(?-i:{abbreviations}))"
                          rf"(?![\w-]|['’]s\b)"
                          rf"(?:\s+{_words_re(lex['title_suffixes'])}(?![\w-]|['’]s\b))?")
        self.lists = {
            "kin": _words_re(lex["kinship"]),
            "inlaw": _words_re(lex["kin_by_marriage"]),
            "sub": _words_re(lex["subordinate_terms"]),
            "ally": _words_re(lex["ally_terms"]),
            "support": _words_re(lex["support_nouns"]),
            "headverb": _words_re(lex["head_verbs"]),
            "postnoun": _words_re(lex["post_nouns"]),
            "hon": _words_re(lex["honorifics"]),
            "demonym": _words_re(lex["demonyms"]),
            "placenoun": _words_re(lex["place_nouns_after"]),
            "titlemod": _words_re(lex["title_modifiers"]),
            "rank": _words_re(lex["holder_ranks"]),
            "seat": _words_re(lex["seat_titles"]),
        }
        # an adverb between a verb and its complement ("served twice as", "was later
        # named"); never a negation, which states the opposite
        negations = {str(w) for w in lex["frame_modality"]["negated"]}
        adverbs = [str(w) for w in lex["clause_words"]["adverbs"] + lex["tenure_adverbs"]
                   if str(w) not in negations]
        self.adv_alt = rf"(?:(?:\w+ly|{_words_re(adverbs)})\s+){{0,2}}"
        # "the state holding company Baiterek": a common noun that only describes the
        # name after it
        self.desc_alt = (rf"(?:(?:{_words_re(lex['descriptor_modifiers'])})[\s-]+){{0,3}}"
                         rf"{_words_re(lex['descriptor_heads'])}\s+")
        pron = lex["pronouns"]
        subj = [p for p in pron["singular"] + pron["plural"] + pron["first_person"]]
        owners = ["his", "her", "their", "its", "my", "our"]
        self.pron_alt = _words_re(subj)
        # "the couple's" owns a kinship term as "their" does (Antecedents.resolve)
        pairs = [f"the {p}'s" for p in pron.get("pair_nouns", [])]
        self.owner_alt = _words_re(owners) + (
            rf"|the {_words_re(pron['pair_nouns'])}['’]s" if pairs else "")
        # "they", "the two men": a subject standing for exactly two persons
        self.pair_alt = _words_re(lex["pair_references"])
        # where an {AP} or {OWNER} slot's pronoun starts, for the vocabulary to find: its
        # first word, or "the couple" for "the couple's", not every "the" (None: a pronoun
        # that is not a plain word)
        first = first_words(subj + owners)
        leads = [f"the {p}" for p in pron.get("pair_nouns", [])]
        self.pronoun_first = first | frozenset(leads) if first is not None and all(
            _PLAIN_WORDS.fullmatch(p) for p in leads) else None

    def expand(self, pattern: str) -> str:
        def one(m: re.Match) -> str:
            slot, group = m.group(1), m.group(2)
            named = (lambda rx: f"(?P<{group}>{rx})") if group else (lambda rx: f"(?:{rx})")
            if slot in _KINDS:
                return named(f"{OPEN}[{_KINDS[slot]}]\\d+{CLOSE}")
            if slot == "AP":
                actor = f"{OPEN}[POL]\\d+{CLOSE}"
                if not group:
                    return rf"(?:{actor}|\b{self.pron_alt}\b)"
                return rf"(?:(?P<{group}>{actor})|\b(?P<{group}{PRONOUN_SUFFIX}>{self.pron_alt})\b)"
            if slot == "PAIR":
                return rf"\b(?P<{group}{PRONOUN_SUFFIX}>{self.pair_alt})\b"
            if slot == "OWNER":
                actor = f"{OPEN}[POL]\\d+{CLOSE}"
                poss = r"['’]s?"
                if not group:
                    return rf"(?:{actor}{poss}|\b{self.owner_alt}\b)"
                return (rf"(?:(?P<{group}>{actor}){poss}"
                        rf"|\b(?P<{group}{PRONOUN_SUFFIX}>{self.owner_alt})\b)")
            if slot == "PLIST":
                # no item is a possessive: in "A's daughter, B, and C's grandson, D" the
                # list is B alone
                p = f"{OPEN}P\\d+{CLOSE}(?!['’])"
                return named(rf"{p}(?:(?:\s*,\s*and\s+|\s*,\s*|\s+and\s+){p}){{0,3}}")
            if slot == "title":
                return named(rf"\b{self.title_alt}")
            if slot in self.lists:
                return named(rf"\b{self.lists[slot]}(?![\w-])")
            if slot == "former":  # a former-status word that must be there
                return named(rf"\b{self.former_alt}") + r"(?:-|\s+)"
            if slot == "status":
                inner = f"(?P<{group}>{self.status_alt})" if group else self.status_alt
                return rf"(?:\b{inner}(?:-|\s+))?"
            if slot == "adj":
                return r"(?:[a-z][a-z-]*\s+){0,2}?"
            if slot == "appos":
                # a name alone between commas is the next item of a list or the subject
                # after an opener ("In Kazakhstan, Askar Mamin, who ..."), no apposition;
                # an age may come first ("A, 49, a former journalist,"), and the name may
                # end with an abbreviation's period ("Ferdinand Marcos Jr., the son of")
                return (rf"(?:\.?(?:,\s*(?:aged\s+)?\d{{1,3}}(?=,))?\s*,"
                        rf"(?!\s*{OPEN}P\d+{CLOSE},)[^,.;:\n]{{1,120}},"
                        r"|,(?:\s*who)?|\s+who)?")
            if slot == "age":
                return r"(?:\d{1,3}-year-old\s+)?"
            if slot == "desc":
                return rf"(?:\b{self.desc_alt})?"
            if slot == "det":
                return r"(?:(?:the|a|an)\s+)?"
            if slot == "adv":
                return self.adv_alt
            if slot == "poss":
                return r"['’]s?"
            if slot.startswith("gap") and slot[3:].isdigit():
                return f"[^.!?;\\n{OPEN}{CLOSE}]{{0,{int(slot[3:])}}}?"
            if slot.startswith("span") and slot[4:].isdigit():
                return f"[^.!?;\\n]{{0,{int(slot[4:])}}}?"
            raise ValueError(f"unknown slot {{{slot}}}")
        return _SLOT.sub(one, pattern)

    def compile(self, pattern: str) -> re.Pattern:
        """The pattern as a regex. One starting with words (not an actor) gets a leading
        word boundary, so the search skips the inside of words at once."""
        expanded = self.expand(pattern)
        if not pattern.startswith(("{P", "{A", "{O", "{L", "{B", "{OWNER", "(?<")):
            expanded = r"\b" + expanded
        return re.compile(expanded, re.IGNORECASE)


@cache
def compiler_for(lex) -> SlotCompiler:
    return SlotCompiler(lex)
