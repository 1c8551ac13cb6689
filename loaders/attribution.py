"""Who asserted a statement, and how: speaker and modality, apart from reported fact.

Cues, over the placeholder text (see :mod:`template`):
- "Tokayev said / alleged / denied ...", "he claimed that ...", ", Tokayev said." — the
  speaker of the clause after the verb (or of the whole sentence when the cue closes it),
  with the verb's modality from ``seeds/lexicon/attribution.yaml``;
- a quotation (“...”) followed by "Tokayev said" or introduced by "he said:" — every
  statement inside it, and "I"/"we" inside it mean the speaker;
- "according to X" — the sentence is X's;
- "authorities say", "some analysts felt" — attributed to no actor: alleged;
- hedges ("alleged", "reportedly") near a statement make it alleged.
A statement with none of these is reported fact (no speaker).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cache

from .phrases import alternation as _words_re
from .phrases import key_words, may_hold
from .template import PRONOUN_SUFFIX, compiler_for, group_of

_QUOTE = re.compile(r"“[^”\n]{15,}”|\"[^\"\n]{15,}\"|«[^»\n]{15,}»")


@dataclass(frozen=True)
class Cue:
    start: int      # body offset of the verb (or phrase)
    end: int
    speaker: str    # actor id, "" for an unnamed source
    modality: str
    closing: bool   # the cue ends its sentence: it covers what came before


_INDEFINITE = re.compile(r"\s+(?:a|an)\s", re.IGNORECASE)


class _Patterns:
    def __init__(self, lex):
        comp = compiler_for(lex)
        verbs = _words_re(lex["speech_verbs"])
        self.verbs = {str(k).lower(): v for k, v in lex["speech_verbs"].items()}
        self.acts = frozenset(str(w).lower() for w in lex["speech_verbs_of_acts"])
        self.cue = re.compile(comp.expand(
            r"{AP:speaker}(?:,[^,.;\n]{1,90},|\s*[—–-]{1,2}[^—–.;\n]{1,120}[—–-]{1,2})?\s*{adv}"
            rf"(?P<verb>{verbs})\b"), re.IGNORECASE)
        self.inverted = re.compile(comp.expand(
            rf"(?:,|”|\")\s*(?P<verb>{verbs})\s+{{det}}(?:{{title}}\s+)?{{A:speaker}}"),
            re.IGNORECASE)
        self.source = re.compile(comp.expand(
            rf"\b(?:{_words_re(lex['source_phrases'])})\s+{{det}}(?:{{title}}\s+)?{{A:speaker}}"),
            re.IGNORECASE)
        self.unnamed = re.compile(
            rf"\b(?:{_words_re(lex['unnamed_speakers'])})\s+(?:\w+\s+){{0,3}}?(?P<verb>{verbs})\b",
            re.IGNORECASE)
        self.hedge = re.compile(rf"\b{_words_re(lex['hedges'])}\b", re.IGNORECASE)
        self.hedge_words = key_words(lex["hedges"])  # the cheap test before the search
        self.closing_tail = re.compile(
            rf"\s*(?:{_words_re(lex['closing_tails'])})(?:\s+(?!that\b)[\w'’-]+){{0,6}}\W*",
            re.IGNORECASE)
        self.after_quote = re.compile(comp.expand(
            rf"^[\s,.]*(?:{{AP:speaker}}\s+{{adv}}(?P<verb>{verbs})\b"
            rf"|(?P<verb2>{verbs})\s+{{det}}(?:{{title}}\s+)?{{A:speaker2}})"), re.IGNORECASE)
        self.before_quote = re.compile(comp.expand(
            rf"{{AP:speaker}}[^.\n{chr(0xe000)}]{{0,60}}?\b(?P<verb>{verbs})\b[^.\n]{{0,40}}?[:,]?\s*$"),
            re.IGNORECASE)


@cache
def _patterns(lex) -> _Patterns:
    return _Patterns(lex)


class Attribution:
    """Speaker and modality for any span of one document."""

    def __init__(self, doc):
        self.doc = doc
        pats = _patterns(doc.lex)
        self.pats = pats
        tpl = doc.template
        self.cues: dict[int, list[Cue]] = {}
        self._hedges: dict[tuple[int, int], bool] = {}  # window -> holds a hedge
        spans = doc.spans_with(frozenset({"speech_verbs", "source_phrases"}))
        # "according to X" starts with a source phrase: only stretches holding one
        sources = [a for a, _ in doc.spans_with(frozenset({"source_phrases"}))]
        for rx, kind in ((pats.cue, "cue"), (pats.inverted, "inverted"),
                         (pats.source, "source")):
            # the cue is led by its {AP:speaker} slot
            found = doc.actor_led_matches(rx, spans) if kind == "cue" else \
                (m for s, e in spans
                 if kind != "source" or bisect_left(sources, s) < bisect_left(sources, e)
                 for m in rx.finditer(tpl.text, s, e))
            for m in found:
                speaker = self._speaker(m, "speaker")
                if not speaker:
                    continue
                verb = (group_of(m, "verb") or "").lower()
                if verb in pats.acts and _INDEFINITE.match(tpl.text, m.end()):
                    continue  # "declared a state of emergency": an act, not a report
                modality = self.pats.verbs.get(verb, "asserted")
                start, end = tpl.body_offset(m.start()), tpl.body_end(m.end())
                if kind == "cue":
                    start = tpl.body_offset(m.start("verb"))
                self._add(start, end, speaker, modality, kind != "source")
        body = doc.body
        for m in (m for s, e in doc.spans_with(frozenset({"unnamed_speakers"}), template=False)
                  for m in pats.unnamed.finditer(body, s, e)):
            self._add(m.start("verb"), m.end(), "", "alleged", True)
        self.quotes: list[tuple[int, int, str]] = []
        for q in _QUOTE.finditer(tpl.text):
            speaker = self._quote_speaker(tpl, q)
            if speaker:
                self.quotes.append((tpl.body_offset(q.start()), tpl.body_end(q.end()), speaker))
        self._quote_starts = [q[0] for q in self.quotes]
        doc.antecedents.speaker_at = self.quote_speaker

    def _add(self, start, end, speaker, modality, closing_possible):
        sent = self.doc.index.at(start)
        s = self.doc.sentences[sent]
        tail = self.doc.body[end:s.end]
        closing = closing_possible and (not re.search(r"\w", tail.replace("that", ""))
                                        or self.pats.closing_tail.fullmatch(tail) is not None)
        self.cues.setdefault(sent, []).append(Cue(start, end, speaker, modality, closing))

    def _speaker(self, m: re.Match, group: str) -> str:
        tpl = self.doc.template
        if group_of(m, group):
            mention = tpl.mention(m.group(group))
            return mention.actor_id if mention else ""
        pron = group_of(m, group + PRONOUN_SUFFIX)
        if pron:
            ids = self.doc.antecedents.resolve(tpl.body_offset(m.start(group + PRONOUN_SUFFIX)),
                                               pron)
            return ids[0] if len(ids) == 1 else ""
        return ""

    def _quote_speaker(self, tpl, q: re.Match) -> str:
        after = self.pats.after_quote.match(tpl.text, q.end(), min(len(tpl.text), q.end() + 200))
        if after:
            return self._speaker(after, "speaker") or self._speaker(after, "speaker2")
        line_start = tpl.text.rfind("\n", 0, q.start()) + 1
        window_start = line_start
        prefix = tpl.text[window_start:q.start()]
        if not prefix.strip():  # quotation opens its paragraph: "he said:" just before?
            prev_end = len(tpl.text[:line_start].rstrip())
            prev_start = tpl.text.rfind("\n", 0, prev_end) + 1
            prefix = tpl.text[prev_start:prev_end]
            if not prefix.endswith(":"):
                return ""
            window_start = prev_start
        before = self.pats.before_quote.search(tpl.text, window_start,
                                               window_start + len(prefix))
        return self._speaker(before, "speaker") if before else ""

    def quote_speaker(self, offset: int) -> str:
        i = bisect_right(self._quote_starts, offset) - 1
        if i >= 0 and self.quotes[i][0] <= offset < self.quotes[i][1]:
            return self.quotes[i][2]
        return ""

    def at(self, start: int, end: int) -> tuple[str, str]:
        """(speaker id, modality) of a statement read from body[start:end]."""
        speaker = self.quote_speaker(start)
        if speaker:
            return speaker, self._hedged(start, end, "asserted")
        sent = self.doc.index.at(start)
        for cue in self.cues.get(sent, []):
            if cue.start <= start or cue.closing:
                if cue.start <= start < cue.end:
                    continue  # the speaker's own mention is not what they said
                return cue.speaker, self._hedged(start, end,
                                                 cue.modality if cue.speaker else "alleged")
        return "", self._hedged(start, end, "reported")

    def _hedged(self, start: int, end: int, modality: str) -> str:
        if modality in ("alleged", "denied"):
            return modality
        s = self.doc.sentence_of(start)
        a = max(s.start, start - 40)
        hedged = self._hedges.get((a, end))
        if hedged is None:  # the statements of one phrase share its window
            body = self.doc.body
            hedged = may_hold(body, a, end, self.pats.hedge_words) and \
                self.pats.hedge.search(body[a:end]) is not None
            self._hedges[a, end] = hedged
        return "alleged" if hedged else modality
