"""Split an article body into sentences: character spans, never copies.

Lines are units of their own (headlines, captions, paragraphs); within a line a sentence
ends at ``.``, ``!`` or ``?`` (plus closing quotes or brackets) followed by a space and
an upper-case letter, a digit or an opening quote, unless the word before the period is
an abbreviation ("Mr.", "Jan.") or an initial. A wire dateline opening a line
("MINSK, Aug 3 (Reuters) -") is a sentence of its own: its place is not the subject of
the first clause. Quotes and spans refer to the body, so a sentence is
``body[start:end]``.

>>> body = "MINSK, Aug 3 (Reuters) - Lukashenko sacked Mr. Kobyakov. He left."
>>> [s.text(body) for s in split(body)]
['MINSK, Aug 3 (Reuters) -', 'Lukashenko sacked Mr. Kobyakov.', 'He left.']
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_LINE = re.compile(r"[^\n]+")
# A place in capitals, then a region or a date, a credited agency, and a dash:
# "BISHKEK, Aug 8, 2019 (AFP) -", "MANAGUA, Nicaragua (AP) —", "ASTANA –".
_DATELINE = re.compile(r"[ \t]*[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}"
                       r"(?:,[ \t]*[^\n()–—]{1,30}?)?[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?"
                       r"(?:--|[-–—])(?=[ \t])")
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[A-Z0-9А-ЯЁӘҒҚҢӨҰҮҺІ])")
# Words a period follows without ending a sentence.
_ABBREVIATIONS = frozenset("""mr mrs ms dr prof gen col lt maj capt sgt adm rev st jr sr
vs etc jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k e.g i.e
a.m p.m approx dept est inc ltd corp co""".split())
# ... and these only before a number ("No. 5", "Art. 3").
_BEFORE_NUMBER = frozenset("no nos vol fig art p pp".split())


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int

    def text(self, body: str) -> str:
        return body[self.start:self.end]


def split(body: str) -> list[Sentence]:
    """Sentences of ``body`` in order, each stripped of surrounding white space."""
    out: list[Sentence] = []
    for line in _LINE.finditer(body):
        start = line.start()
        dateline = _DATELINE.match(body, start, line.end())
        if dateline and any(c.islower() for c in body[dateline.end():line.end()]):
            _add(out, body, start, dateline.end())
            start = dateline.end()
        for end in _END.finditer(body, line.start(), line.end()):
            word = body[max(start, end.start() - 12):end.start()].rsplit(None, 1)
            word = word[-1].lower().lstrip("([\"'“‘") if word else ""
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
            if word in _BEFORE_NUMBER and body[end.end():end.end() + 1].isdigit():
                continue
            _add(out, body, start, end.end())
            start = end.end()
        _add(out, body, start, line.end())
    return out


def _add(out: list[Sentence], body: str, start: int, end: int) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end))


class SentenceIndex:
    """Which sentence holds a character offset (binary search over the starts)."""

    def __init__(self, sentences: list[Sentence]):
        self.sentences = sentences
        self._starts = [s.start for s in sentences]

    def at(self, offset: int) -> int:
        """Index of the sentence containing (or last starting before) ``offset``."""
        i = bisect_right(self._starts, offset) - 1
        return i if i > 0 else 0
