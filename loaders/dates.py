"""Date phrases in running text ("January 5", "the next day", "last year") resolved to
ISO prefixes of honest precision (:mod:`qantar.graph.dates` parses and checks those).

Dates are never invented: a month stays a month, and an impossible date (31 February)
is refused rather than rounded.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..graph.dates import is_day, parse_iso_prefix, parts
from .phrases import alternation, first_words, keys_like_ascii

# --- dates in running text ----------------------------------------------------------------

@dataclass(frozen=True)
class DateMention:
    """A date phrase in the body and what it resolves to (``iso`` "" if unresolved)."""

    start: int
    end: int
    raw: str
    iso: str
    precision: str  # day | month | year


_CORE_LABELS = ("months", "weekdays", "relative", "anaphoric_day", "anaphoric_next_day",
                "anaphoric_year")
# "19xx"/"20xx" not inside a longer number (the look back after the leading digits, so
# the search skips to the next "1" or "2")
_YEAR_CORE = re.compile(r"(?:19|20)(?<!\d\d\d)\d\d(?!\d)")


class DateFinder:
    """Finds date phrases and resolves them against the article's date, in text order.

    Years missing from "January 5" come from an earlier mention of the same month with
    a year ("the January 2022 unrest ... on January 5"), else from the article date (the
    latest such day not after it); a weekday ("Friday (3 June)") picks the year in which
    it falls on that day. "that evening" takes the last day named; "that year" the last
    year; "last year" counts from the article date.
    """

    def __init__(self, lexicon):
        self.months = {k.lower(): int(v) for k, v in lexicon["months"].items()}
        self.weekdays = {k.lower(): int(v) for k, v in lexicon["weekdays"].items()}
        self.relative = {re.sub(r"\s+", " ", k.lower()): tuple(v)
                         for k, v in lexicon["relative"].items()}
        self.anaphoric_day = {re.sub(r"\s+", " ", w.lower()) for w in lexicon["anaphoric_day"]}
        self.next_day = {re.sub(r"\s+", " ", w.lower()) for w in lexicon["anaphoric_next_day"]}
        self.anaphoric_year = {re.sub(r"\s+", " ", w.lower())
                               for w in lexicon["anaphoric_year"]}
        month = r"(?:%s)\.?" % alternation(lexicon["months"])  # case-sensitive: "may"
        weekday = alternation(lexicon["weekdays"])
        part = alternation(lexicon["month_parts"])
        rel_phrases = (list(lexicon["relative"]) + list(lexicon["anaphoric_day"])
                       + list(lexicon["anaphoric_next_day"]) + list(lexicon["anaphoric_year"]))
        rel = alternation(rel_phrases)
        # every phrase starts with a digit or one of these words (None: not so simple)
        self.first = first_words([*lexicon["months"], *lexicon["weekdays"],
                                  *lexicon["month_parts"], *rel_phrases])
        # where such a phrase can start: a digit, or one of those words as a whole run of
        # letters (case-blind: the text's letters key like ASCII, see _at_word_starts).
        # A first word holding a digit is never a run of letters: left out.
        letters = sorted(w for w in self.first or () if w.isalpha())
        self.starts = re.compile(
            rf"\b(?:\d|{alternation(letters)}(?![^\W\d_]))" if letters else r"\b\d",
            re.IGNORECASE)
        year = r"(?:19|20)\d\d(?!\d|,\d)"
        self.approximate = re.compile(
            rf"\b{alternation(lexicon['approximate_words'])}\s+$", re.IGNORECASE)
        self.anaphoric_month = re.compile(
            rf"\b{alternation(lexicon['anaphoric_month_words'])}\s+$", re.IGNORECASE)
        self.future = re.compile(
            rf"\b{alternation(lexicon['future_markers'])}\s+(?:(?:on|for)\s+)?$",
            re.IGNORECASE)
        self.regex = re.compile(  # every phrase starts a word: mid-word positions fail at once
            rf"\b(?:(?P<iso>\b\d{{4}}-\d{{2}}-\d{{2}}\b)"
            # "05.03.2024": day, month, year as Russian and Central Asian outlets write them
            rf"|(?P<num>\b(?P<d5>\d{{1,2}})\.(?P<m5>\d{{1,2}})\.(?P<y5>{year})\b(?!\.\d))"
            rf"|(?P<dmy>(?:\b(?P<wd1>{weekday}),?\s*\(?\s*)?\b(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"\s+(?:of\s+)?(?P<m1>{month})(?:,?\s+(?P<y1>{year})|\s+(?P<r1>last|this|next)\s+year)?)"
            rf"|(?P<mdy>(?:\b(?P<wd2>{weekday}),?\s+)?\b(?P<m2>{month})\s+(?P<d2>\d{{1,2}})"
            rf"(?:st|nd|rd|th)?(?![\d:])(?:,?\s+(?P<y2>{year})|\s+(?P<r2>last|this|next)\s+year)?)"
            rf"|(?P<my>(?:\b(?i:(?P<p3>{part}))[\s-]+(?:of\s+)?)?\b(?P<m3>{month})"
            rf"(?:,?\s+(?:of\s+)?(?P<y3>{year})|\s+(?:of\s+)?(?P<r3>last|this|next)\s+year)?\b)"
            rf"|(?P<rel>\b(?i:{rel})\b)"
            rf"|(?P<yr>(?<![\d,.$£€-])(?:\b(?i:(?P<p4>{part}))[\s-]+)?\b(?P<y4>{year})(?!s\b|-\d))"
            rf"|(?P<wd>\b{weekday}\b))"
        )

    def _windows(self, text: str, hits) -> list[tuple[int, int]]:
        """Stretches around the words every date phrase contains (a month, a weekday, a
        year, a relative phrase): the full regex runs only there."""
        cores = [(h.start, h.end) for h in hits.labelled(_CORE_LABELS)]
        cores += [(m.start(), m.end()) for m in _YEAR_CORE.finditer(text)]
        out: list[list[int]] = []
        for s, e in sorted(cores):
            s, e = max(0, s - 40), min(len(text), e + 40)
            if out and s <= out[-1][1]:
                out[-1][1] = max(out[-1][1], e)
            else:
                out.append([s, e])
        return [(s, e) for s, e in out]

    def find(self, text: str, published: str = "", start: int = 0,
             end: int | None = None, hits=None) -> list[DateMention]:
        """Date phrases of ``text[start:end]`` in order, resolved (see class doc).

        With ``hits`` (the lexicon index of ``text``) the search skips text without a
        date word: same result, less work.
        """
        pub = parts(published)
        out: list[DateMention] = []
        month_years: dict[int, int] = {}   # month -> year of its last explicit mention
        last_day: tuple[int, int, int] | None = None
        last_year: int | None = None
        last_month: tuple[int, int] | None = None
        end = len(text) if end is None else end
        if hits is None:
            matches = self.regex.finditer(text, start, end)
        else:
            windows = [(max(ws, start), min(we, end)) for ws, we in self._windows(text, hits)]
            matches = self._at_word_starts(text, windows) \
                if self.first is not None and keys_like_ascii(text) else \
                (m for ws, we in windows for m in self.regex.finditer(text, ws, we))
        for m in matches:
            raw = m.group()
            iso, precision = "", ""
            g = m.groupdict()
            if g["iso"]:
                parsed = parse_iso_prefix(raw)
                if parsed:
                    iso, precision = parsed
            elif g["num"]:
                y, mon, day = int(g["y5"]), int(g["m5"]), int(g["d5"])
                if 1 <= mon <= 12 and is_day(y, mon, day):
                    iso, precision = f"{y:04d}-{mon:02d}-{day:02d}", "day"
            elif g["dmy"] or g["mdy"]:
                mon = self.months[(g["m1"] or g["m2"]).rstrip(".").lower()]
                day = int(g["d1"] or g["d2"])
                yr = g["y1"] or g["y2"]
                rel = g["r1"] or g["r2"]
                if rel and pub[0]:  # "on May 21 last year"
                    yr = str(pub[0] + {"last": -1, "this": 0, "next": 1}[rel])
                wd = g["wd1"] or g["wd2"]
                if not yr and last_year and self.anaphoric_month.search(
                        text, max(0, m.start() - 12), m.start()):
                    yr = str(last_year)  # "that December": of the year last named
                y = int(yr) if yr else self._year_for(mon, day, wd, pub, month_years)
                if not yr and y and pub[0] and self.future.search(
                        text, max(0, m.start() - 30), m.start()) \
                        and (y, mon, day) < (pub[0], pub[1] or 1, pub[2] or 1):
                    y += 1  # "set for April 1" ahead of a February article
                if y and is_day(y, mon, day):
                    iso, precision = f"{y:04d}-{mon:02d}-{day:02d}", "day"
                    if yr:
                        month_years[mon] = y
            elif g["my"]:
                mon = self.months[g["m3"].rstrip(".").lower()]
                yr = g["y3"]
                if g["r3"] and pub[0]:  # "in early January last year"
                    yr = str(pub[0] + {"last": -1, "this": 0, "next": 1}[g["r3"]])
                if not yr and last_year and self.anaphoric_month.search(
                        text, max(0, m.start() - 12), m.start()):
                    yr = str(last_year)
                y = int(yr) if yr else self._year_for(mon, None, None, pub, month_years)
                if y:
                    iso, precision = f"{y:04d}-{mon:02d}", "month"
                    if yr:
                        month_years[mon] = y
            elif g["rel"]:
                phrase = re.sub(r"\s+", " ", raw.lower())
                if phrase.endswith(" ago") and self.approximate.search(
                        text, max(0, m.start() - 15), m.start()):
                    continue  # "more than four years ago": no honest year
                iso, precision = self._relative(phrase, pub, last_day, last_year, last_month)
            elif g["yr"]:
                iso, precision = g["y4"], "year"
            elif g["wd"]:
                iso, precision = self._weekday(g["wd"], pub)
            if not iso:
                continue
            y = int(iso[:4])
            last_year = y
            if precision == "day":
                last_day = (y, int(iso[5:7]), int(iso[8:10]))
            if precision in ("day", "month"):
                last_month = (y, int(iso[5:7]))
            out.append(DateMention(m.start(), m.end(), raw, iso, precision))
        return out

    def _at_word_starts(self, text: str, windows):
        """``regex.finditer`` over the windows, tried only where a digit or one of the
        phrases' first words starts: the same matches, without trying the long
        alternation at every other word."""
        match = self.regex.match
        for ws, we in windows:
            done = ws
            for w in self.starts.finditer(text, ws, we):  # in C, not word by word
                at = w.start()
                if at >= done:
                    m = match(text, at, we)
                    if m:
                        done = m.end()
                        yield m

    def _year_for(self, mon, day, weekday, pub, month_years) -> int | None:
        if mon in month_years:
            base = month_years[mon]
        elif pub[0]:
            py, pm, pd = pub
            base = py
            if pm and (mon > pm or (mon == pm and day and pd and day > pd)):
                base = py - 1
        else:
            return None
        if weekday and day:
            want = self.weekdays[weekday.lower()]
            for y in (base, base - 1, base + 1, base - 2):
                if is_day(y, mon, day) and calendar.weekday(y, mon, day) == want:
                    return y
        return base

    def _weekday(self, name: str, pub) -> tuple[str, str]:
        """A bare weekday ("appointed ... on Tuesday") in news is the latest such day not
        after the article's date; the year in an article dated to the month (the week before
        may reach into the month before).

        >>> from qantar.loaders.lexicon import default
        >>> DateFinder(default()).find("sacked him on Monday", "2024-02-07")[0].iso
        '2024-02-05'
        """
        y, m, d = pub
        if y and not d:
            # the week before an article dated to the month may reach into the month
            # before: the year (tests/gold/README.md)
            return f"{y:04d}", "year"
        if not (y and m and d):
            return "", ""
        day = dt.date(y, m, d)
        back = (day.weekday() - self.weekdays[name.lower()]) % 7
        return (day - dt.timedelta(days=back)).isoformat(), "day"

    def _relative(self, phrase, pub, last_day, last_year,
                  last_month=None) -> tuple[str, str]:
        if phrase in self.relative:
            unit, offset = self.relative[phrase]
            y, m, d = pub
            if unit == "week":
                return _week(offset, pub)
            if unit == "later_month":
                if not last_month:
                    return "", ""
                total = last_month[0] * 12 + (last_month[1] - 1) + offset
                return f"{total // 12:04d}-{total % 12 + 1:02d}", "month"
            if unit == "later_day":
                if not last_day:
                    return "", ""
                return (dt.date(*last_day) + dt.timedelta(days=offset)).isoformat(), "day"
            if unit == "year" and y:
                return f"{y + offset:04d}", "year"
            if unit == "month" and y and m:
                total = y * 12 + (m - 1) + offset
                return f"{total // 12:04d}-{total % 12 + 1:02d}", "month"
            if unit == "day" and y and m and d:
                day = dt.date(y, m, d) + dt.timedelta(days=offset)
                return day.isoformat(), "day"
            if unit == "day" and y and m and offset == 0:
                return f"{y:04d}-{m:02d}", "month"  # "today" in an article of the month
            if unit == "day" and y:
                return f"{y:04d}", "year"  # "yesterday" may be the month before
            return "", ""
        if phrase in self.anaphoric_day and last_day:
            return dt.date(*last_day).isoformat(), "day"
        if phrase in self.anaphoric_day and last_month:
            # "in January 2021 ... the same day": a day of that month
            return f"{last_month[0]:04d}-{last_month[1]:02d}", "month"
        if phrase in self.next_day and last_day:
            return (dt.date(*last_day) + dt.timedelta(days=1)).isoformat(), "day"
        if phrase in self.anaphoric_year and last_year:
            return f"{last_year:04d}", "year"
        return "", ""


def _week(offset: int, pub) -> tuple[str, str]:
    """"this week" (offset 0), "last week" (-1) against the article's date, to the month
    when the whole stretch up to the article's date lies in one month, else to the year
    ("last week" in an article dated only to the month may be the month before)."""
    y, m, d = pub
    if not y:
        return "", ""
    if not (m and d):
        if m and offset == 0:
            return f"{y:04d}-{m:02d}", "month"
        return f"{y:04d}", "year"
    day = dt.date(y, m, d)
    first = day - dt.timedelta(days=day.weekday() - 7 * offset)
    last = min(day, first + dt.timedelta(days=6))
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}", "month"
    if first.year == last.year:
        return f"{first.year:04d}", "year"
    return "", ""
